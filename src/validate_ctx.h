/* The state of validate's function pass, shared by validate.c (checking and compiling one
 * instruction at a time), validate_body.c (a body's start and end, the entry points),
 * validate_bulk.c (tables, references, bulk memory), validate_check.c (the load pass's
 * short path) and the fused forms' and joins' files. */
#ifndef WM_VALIDATE_CTX_H
#define WM_VALIDATE_CTX_H
#include <string.h>
#include "pack.h"
#include "compile.h"
#include "reader.h"
#include "validate.h"

#define UNKNOWN 0 /* the bottom type of an unreachable stack */
/* const_slot's hash table: a power of two, at least twice the constant slots */
#define CONST_HASH (2u * WM_CONFIG_CONST_SLOTS)
_Static_assert(WM_CONFIG_CONST_SLOTS >= 1 && WM_CONFIG_CONST_SLOTS <= 128 &&
                   (WM_CONFIG_CONST_SLOTS & (WM_CONFIG_CONST_SLOTS - 1)) == 0,
               "WM_CONFIG_CONST_SLOTS must be a power of two, at most 128 (const_at holds index + 1 in a byte)");

/* Natural alignment (log2 bytes) of a memory access: its memarg kind says. */
static inline uint32_t access_log2(int op) { return (uint32_t)(wm_op_imm[op] - IMM_MEM8); }

/* One-value result types for block types written as a single value type: i32, i64, f32,
 * f64, then v128 and the references. */
extern const wm_valtype wm_single_types[7];

typedef struct ctrl {
    uint16_t op;              /* WM_OP_BLOCK, LOOP, IF, ELSE or CALL for the function */
    uint8_t unreachable;
    uint8_t dead;             /* entered from unreachable code: emit nothing */
    uint32_t height;          /* operand height below the params */
    const wm_valtype *params, *results;
    uint32_t nparams, nresults;
    uint32_t loop_start;      /* where the code was at its start: for a loop, where branches jump */
    uint32_t fixups;          /* chain of words to patch with the end: index + 1, 0 ends */
    uint32_t else_fixup;      /* if: word index + 1 of if_false's target */
    /* a block or if of one result: the writes of its value by the paths to its end so far,
     * while each computes it straight into its home slot in the instruction right before its
     * jump there (or the end), which a local.set right after the end may retarget
     * (wm_direct_result): the index + 1 of the list's first pair in vctx.sets, 0 for none;
     * NO_SETS when a path does otherwise */
    uint32_t sets;
    /* the declared locals assigned on every path (write_local, a bit each) at the block's
     * start, and at its end so far: the and of the branches to it (all ones with none) */
    uint64_t entry, join;
} ctrl;
#define NO_SETS UINT32_MAX

/* Where a value on the compile-time operand stack lives. Values are computed into their
 * home slot (locals + height); local.get and constants emit nothing and stay deferred until
 * an instruction names them as operands or they must be in their home slot (a join, a call
 * argument, a local.set of the local they read). */
enum { V_HOME, V_LOCAL, V_CONST };
typedef struct opnd {
    uint8_t kind;
    uint8_t wide;     /* a constant of 64 bits */
    uint32_t local;
    uint64_t bits;
} opnd;

typedef struct vctx {
    wm_runtime *rt;
    wm_module *m;
    wm_reader r;
    uint32_t func;            /* index in the function space */
    /* locals */
    wm_valtype *locals;
    uint32_t nlocals, cap_locals; /* nlocals: params + declared */
    uint32_t nparams;
    /* while compiling: the first 64 declared locals that every path to here has written (a
     * bit each), and the range of declared locals some path may read before writing, which
     * a call must clear (all others it leaves as they are) */
    uint64_t assigned;
    uint32_t zero_lo, zero_hi;
    /* operand stack of types, and where each value is while compiling (opnd) */
    wm_valtype *vals;
    uint32_t nvals, cap_vals, max_vals;
    struct opnd *opnds;
    uint32_t cap_opnds;
    uint32_t flushed;         /* opnds below this index are all in their home slots */
    /* the instruction emitted last, while straight-line code follows it: where it starts,
     * where its result slot word is and the height of its result (fusion and local.set) */
    uint32_t last_start, last_end, last_dst, last_h;
    /* where the f64 arithmetic instruction whose result the interpreter still holds in its
     * acc (WM_CONFIG_FLOAT_ACC) ends, while nothing follows it; it is the last instruction
     * then, its result slot word at last_dst */
    uint32_t acc_end;
    /* where the last two instructions emit_op began (UINT32_MAX across a label, see
     * label_here): the add that a branch right after it tests fuses into the branch */
    uint32_t op_start, op_prev;
    /* constants that operands read, each in a slot after the locals, filled at every call;
     * while compiling, in one block from the runtime's allocator with const_at, const_slot's
     * hash (index + 1 into consts, 0 free), rather than on the C stack, which a device's
     * lazy compile shares with the interpreter */
    uint64_t *consts;
    uint32_t nconsts;
    uint8_t *const_at;
    /* words naming a home slot: relocated past the constants once their number is known */
    uint32_t *relocs;
    uint32_t nrelocs, cap_relocs;
    /* the ctrls' lists of value writes (ctrl.sets): pairs of the write's result slot word
     * and the index + 1 of the next pair; and, right after the end of a block whose list
     * holds, where the code ends then, the value's index and its list */
    uint32_t *sets;
    uint32_t nsets, cap_sets, set_end, set_h, set_list;
    ctrl *ctrls;
    uint32_t nctrls, cap_ctrls;
    /* emitted code, in units: compile.h's bytes, or in a wide function the 16-bit words that
     * pack.c packs. ncode counts units, code_bytes is the buffer's size; cap_code is the
     * units emit may fill without a call, 0 in a wide function, whose units all take the
     * call (wm_emit_grown) */
    uint8_t *code;
    uint32_t ncode, cap_code, code_bytes;
    uint8_t wide, retry_wide; /* compiling a frame past 256 slots; it turned out to be one */
    /* a wide function's packing (pack.h): word -> byte offset */
    uint32_t *map;
    /* br_table: label depth -> index of its distinct branch (UINT32_MAX between uses), and
     * the distinct depths in order */
    uint32_t *brmap, *brlist;
    uint32_t cap_brmap, cap_brlist;
    /* where each flat br_table's n32 is, for its targets' opcodes (flat_opcodes) */
    uint32_t *flats; /* flat br_tables' n32 fields, and jumps' opcodes tagged FLAT_JUMP */
    uint32_t nflats, cap_flats;
    wasmcu_err err;
    int cur_op;
    int compile;              /* emit code; 0 only checks (the load pass of lazy compilation) */
    int emit;                 /* emitting(): compiling, and the current code reachable */
    /* wm_validate_locate: the compiled word sought, and the offset of the instruction that
     * emitted it once found (located 2: inside a fused instruction that settles it,
     * call_indirect_load) */
    int locating, located;
    int sizing; /* compile and size the packed code, but install nothing */
    uint32_t locate_word;
    size_t locate_off;
    /* locating: the offset of the last instruction that emitted code, and the code's length
     * after the one before */
    size_t code_at;
    uint32_t locate_ncode;
    /* (WM_CONFIG_FUSED_OPS) where the last copy (local.get or i32.const8) ends, UINT32_MAX
     * across a label: a copy right after it joins it (mov2, const8_mov); where the last
     * plain i32.add starts, likewise: an add right after it makes it an i32.add2; and where
     * that i32.add2 is, while its second add may still be cut; where the last i32.store_mov
     * starts (a br_if right after it joins it), and whether a mov_load ends there; where
     * the last and_br_eq starts and ends (an i32.load_br_if right after it joins it); where
     * the last i32.load_load8_u or _16_u starts (an and_br_eq right after it may join it);
     * where the last two i32.shr_u_and start (i32.bits_mul_add may take in both), and the
     * last i32.mul2_load16_u (an i32.bits2_mul_add right after it may join it), and the last
     * const8_mov (a compare-and-branch right after it may join it), and the last
     * i32.shr_u_and_xor (a select right after it may join it) */
    uint32_t copy_end, add_at, add2_at, smov_at, br_at, br_end, ll_at, st8_at, sa_at, sa_prev, m2_at, c8m_at, sax_at;
    int smov_ld;
    /* the local the last constant went into and the constant's bits, while no label and no
     * other write to it came since: a local.set of the same constant then writes nothing
     * (WM_CONFIG_FUSED_OPS; kept_local UINT32_MAX when none) */
    uint32_t kept_local;
    uint64_t kept_bits;
    /* a block whose value a br_if carrying a constant has written ahead of its branch
     * (wm_early_value): the index of its ctrl (UINT32_MAX for none) and its loop_start
     * (which tells it from a later block of that index), the wasm code right
     * after that br_if, and whether a branch has left for a label outside the block since;
     * at the block's end, early_end takes where the code ended then, for the local.set
     * right after. const_w: the slot word of the constant materialize put in its home slot
     * last */
    uint32_t early_ctrl, early_start, early_end, const_w;
    const uint8_t *early_at;
    uint8_t early_out;
} vctx;

/* Types a branch to label l carries: a loop's params, otherwise the block's results. */
static inline void label_types(const ctrl *c, const wm_valtype **ts, uint32_t *n)
{
    if (c->op == WM_OP_LOOP) {
        *ts = c->params;
        *n = c->nparams;
    } else {
        *ts = c->results;
        *n = c->nresults;
    }
}

/* ---- shared by validate.c and the files beside it ---- */

#define TRY(x)                                                                                  \
    do {                                                                                        \
        if ((x) != WASMCU_OK) return v->err ? v->err : WASMCU_ERR_INVALID;                      \
    } while (0)
/* The error code, reported with where it is (function, offset) unless an error is set
 * already; each %s in fmt takes a, b, c in turn. */
wasmcu_err wm_fail(vctx *v, wasmcu_err code, const char *fmt, const char *a, const char *b,
                   const char *c);
/* Whether the current instruction emits code: compiling, and the innermost block neither
 * unreachable here nor entered from unreachable code. Kept in v->emit, which push_ctrl,
 * set_unreachable, op_else and op_end update: asked at nearly every instruction. */
static inline int emitting(const vctx *v) { return v->emit; }
static inline int is_ref(wm_valtype t) { return t == WASMCU_FUNCREF || t == WASMCU_EXTERNREF; }
/* validate.c's helpers for validate_bulk.c: an index below limit (else "unknown what"), a
 * zero byte, memory 0 declared; the type stack; op's operands by its signature, popped
 * then its result pushed; and a stack op's code (n operands, indexes a and b) */
wasmcu_err wm_read_index(vctx *v, uint32_t limit, const char *what, uint32_t *out);
wasmcu_err wm_read_zero(vctx *v);
wasmcu_err wm_need_memory(vctx *v);
wasmcu_err wm_pop(vctx *v, wm_valtype *out);
wasmcu_err wm_pop_expect(vctx *v, wm_valtype want);
wasmcu_err wm_push(vctx *v, wm_valtype t);
wasmcu_err wm_pop_sig(vctx *v, int op, uint32_t *n);
wasmcu_err wm_push_sig(vctx *v, int op);
wasmcu_err wm_emit_stack_op(vctx *v, int op, uint32_t n, uint32_t a, uint32_t b);
wasmcu_err wm_op_bulk(vctx *v, int op); /* tables, references, bulk memory (validate_bulk.c) */
/* function fi's pass over its body: checks it, and compiles it when v->compile */
wasmcu_err wm_validate_func(vctx *v, uint32_t fi);
/* its locals' types into v->locals, then its code's final form (validate_body.c) */
wasmcu_err wm_read_locals(vctx *v, const wm_funcdef *fd, const wm_functype *ft);
wasmcu_err wm_finish_code(vctx *v, wm_funcdef *fd);
/* The function a call to x runs: x, or the one x forwards to when x's body is only that
 * call with its params in order (`f(a, b) { return g(a, b); }`, as wasi-libc's malloc and
 * free are), followed up to 8 deep: the call goes straight there, a frame, a call and a
 * return fewer. A trap's backtrace then has no frame for the forwarder. */
uint32_t wm_call_target(const wm_module *m, uint32_t x);
wasmcu_err wm_emit_grown(vctx *v, uint32_t u);     /* emit, when the code must grow or is wide */
wasmcu_err wm_emit_home_slot(vctx *v, uint32_t s, int run16); /* emit_slot(16) of a home slot */

/* An array of the compiler's grown to hold need elements (false with v->err set when the
 * pool has no room): the common case, that there is room, without a call. */
int wm_grow_to(vctx *v, void **arr, uint32_t *cap, uint32_t need, size_t elem);
static inline int grow(vctx *v, void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    return need <= *cap || wm_grow_to(v, arr, cap, need, elem);
}

/* The unit at `at` and its replacement: a byte, or a 16-bit word in a wide function. */
static inline uint32_t unit_at(const vctx *v, uint32_t at)
{
    return v->wide ? ((const uint16_t *)(const void *)v->code)[at] : v->code[at];
}

static inline void unit_put(vctx *v, uint32_t at, uint32_t u)
{
    if (v->wide) ((uint16_t *)(void *)v->code)[at] = (uint16_t)u;
    else v->code[at] = (uint8_t)u;
}

/* The 16 bits wm_emit16 wrote at `at`. */
static inline uint32_t read16_at(const vctx *v, uint32_t at)
{
    uint16_t h;
    if (v->wide) return unit_at(v, at);
    memcpy(&h, v->code + at, 2);
    return h;
}

/* The 32 bits emit32 wrote at `at`. */
static inline uint32_t read32_at(const vctx *v, uint32_t at)
{
    uint32_t w;
    if (v->wide) return unit_at(v, at) | unit_at(v, at + 1) << 16;
    memcpy(&w, v->code + at, 4);
    return w;
}

/* A branch target's field at `at` as it is (a wide function's two words, else WM_TB
 * bytes), and as the signed offset it holds once patched (not in a wide function). */
static inline uint32_t target_field(const vctx *v, uint32_t at)
{
    return v->wide ? read32_at(v, at) : read16_at(v, at);
}
static inline int32_t target_off(const vctx *v, uint32_t at)
{
    return (int16_t)(uint16_t)target_field(v, at);
}

/* Emits one unit: an opcode, a slot or a byte. A slot past the unit's range is caught when
 * the function is done (its frame is too big, or it compiles again as wide), so truncating
 * it here is harmless. Inline, as are push and emit_slot, so that the common case costs no
 * call: compiling is most of loading, and the growth stays out of line. */
static inline wasmcu_err emit(vctx *v, uint32_t u)
{
    if (v->ncode >= v->cap_code) return wm_emit_grown(v, u);
    v->code[v->ncode++] = (uint8_t)u;
    return WASMCU_OK;
}

/* a jump's position among the flats (flat_opcodes threads it into its target) */
#define FLAT_JUMP 0x80000000u
#define FLAT_JOIN 0x40000000u /* an instruction whose next may join it (join_pairs) */
#define FLAT_AT 0x3FFFFFFFu

/* A home slot while compiling: the value's height, tagged until the function's constant
 * slots are counted and the slot becomes locals + constants + height. */
#define HOME 0x80000000u
static inline uint32_t home(const vctx *v, uint32_t i)
{
    (void)v;
    return HOME | i;
}

/* Emits a slot (one unit), remembering where a home slot's is. */
static inline wasmcu_err emit_slot(vctx *v, uint32_t s)
{
    return s & HOME ? wm_emit_home_slot(v, s, 0) : emit(v, s);
}

/* 16 bits: a count or a memory offset (two bytes, one word in a wide function), and a
 * slot where a run of values starts (RUN16 tags its relocation). */
wasmcu_err wm_emit16(vctx *v, uint32_t x);
#define RUN16 0x80000000u
static inline wasmcu_err emit_slot16(vctx *v, uint32_t s)
{
    return s & HOME ? wm_emit_home_slot(v, s, 1) : wm_emit16(v, s);
}

/* Emits op's first word and records where the instruction starts; its result (if any) goes
 * to the home slot of value `h`, which local.set can redirect while nothing follows. */
static inline wasmcu_err emit_op(vctx *v, uint32_t op)
{
    /* a fused form emitted where it cut the last instruction keeps the one before that as
     * the previous (call_indirect's xor_and, under the load it took in: wm_copy_joins);
     * only fused forms read op_prev */
    if (!WM_CONFIG_FUSED_OPS || v->op_start != v->ncode) v->op_prev = v->op_start;
    v->op_start = v->last_start = v->ncode;
    return emit(v, op);
}

static inline wasmcu_err emit_dst(vctx *v, uint32_t h)
{
    v->last_dst = v->ncode;
    v->last_h = h;
    return emit_slot(v, home(v, h));
}

/* Removes the code from word `at` on, with the relocations of its home slots: a fused
 * instruction replaces what was emitted there. */
static inline void cut_code(vctx *v, uint32_t at)
{
    v->ncode = at;
    v->acc_end = UINT32_MAX; /* what replaces the code is the last instruction now */
    if (WM_CONFIG_FUSED_OPS && v->copy_end > at) v->copy_end = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->add_at >= at) v->add_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->ll_at >= at) v->ll_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->st8_at >= at) v->st8_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->sa_at >= at) v->sa_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->sa_prev >= at) v->sa_prev = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->m2_at >= at) v->m2_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->c8m_at >= at) v->c8m_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->sax_at >= at) v->sax_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->smov_at != UINT32_MAX && v->smov_at + 7 > at) v->smov_at = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->br_end != UINT32_MAX && v->br_end > at) v->br_end = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS && v->add2_at != UINT32_MAX && v->add2_at + 4 >= at) {
        /* the second add goes (a fused form takes it): the first is an add again */
        if (v->add2_at < at) unit_put(v, v->add2_at, WM_OP_I32_ADD);
        v->add2_at = UINT32_MAX;
    }
    while (v->nrelocs && (v->relocs[v->nrelocs - 1] & ~RUN16) >= at) v->nrelocs--;
    while (v->nflats && (v->flats[v->nflats - 1] & FLAT_AT) >= at) v->nflats--;
}

/* The *_acc forms that write no slot (WM_CONFIG_FLOAT_ACC's rows of opcodes.def). */
static inline int wm_acc_only_op(uint32_t op)
{
#if WM_CONFIG_FLOAT_ACC
    return op >= WM_OP_F64_ADD_ACC_T && op <= WM_OP_F64_DIV_ACC2_T;
#else
    return (void)op, 0;
#endif
}

/* The instructions that leave their f64 result in the interpreter's acc as well. */
static inline int acc_producer(uint32_t op)
{
    return (op >= WM_OP_F64_ADD && op <= WM_OP_F64_DIV) ||
           (op >= WM_OP_F64_DIV_ADD && op <= WM_OP_F64_MUL_MUL) ||
           (op >= WM_OP_F64_ADD_ACC && op <= WM_OP_F64_DIV_ACC2) || wm_acc_only_op(op);
}

/* Marks the end of an instruction whose result slot may be redirected. */
static inline void produced(vctx *v)
{
    v->last_end = v->ncode;
    if (WM_CONFIG_FLOAT_ACC && acc_producer(unit_at(v, v->last_start))) v->acc_end = v->ncode;
}

/* validate_fuse.c: the slot word at `at` as emit_slot was given it; whether op may fuse
 * with the instruction after it; the fused forms of a conditional branch (wm_fusable: on
 * the compare that computed value i; wm_branch_fusing: into the add or and before it) and
 * of op on operand slots s[0..n) (values base..), *done when it emitted one. Without
 * WM_CONFIG_FUSED_OPS the pairs' functions are stubs that nothing calls. */
uint32_t wm_slot_at(const vctx *v, uint32_t at);
int wm_fuses_first(uint32_t op);
int wm_fault_is_first(uint32_t op, uint32_t k);
int wm_takes_and(vctx *v, uint32_t i, uint32_t *x, uint32_t *y);
uint32_t wm_select_cmp(vctx *v, uint32_t i, uint32_t *x, uint32_t *y, int *swap);
int wm_copy_joins(vctx *v);
/* A set of opcodes as four words of bits, each built from opcodes.def's rows with W_
 * defined as the word's index. */
#define WM_BIT_(op) ((WM_OP_##op >> 6) == W_ ? (uint64_t)1 << (WM_OP_##op & 63) : 0)
#define WM_IN_SET(set, op) ((set)[(op) >> 6 & 3] >> ((op) & 63) & 1)
/* each opcodes.def JOIN row's as (its second as first emitted); with one just emitted at
 * next, or about to be, note the instruction at `at`, which may join it once the function
 * is compiled */
extern const uint64_t wm_join_as[4];
wasmcu_err wm_note_join_rows(vctx *v, uint32_t at, uint32_t next, uint32_t as);
/* JOIN rows' (first, as) pairs as bits at this hash of the two (validate.c) */
#define JOIN_HASH(first, as) (((uint32_t)(first) * 7u + (uint32_t)(as)) & 255u)
extern const uint64_t wm_join_hashes[4];
static inline wasmcu_err wm_note_join(vctx *v, uint32_t at, uint32_t next, uint32_t as)
{
    if (!WM_IN_SET(wm_join_as, as) || v->wide || at >= next ||
        !WM_IN_SET(wm_join_hashes, JOIN_HASH(unit_at(v, at), as)))
        return WASMCU_OK;
    return wm_note_join_rows(v, at, next, as);
}
/* the same for a JOIN_SELF row's first, op, at `at` */
wasmcu_err wm_note_self(vctx *v, uint32_t at, uint32_t op);
/* the joins noted, made once the function is compiled (validate_join.c) */
void wm_join_notes(vctx *v);
uint32_t wm_index_load(const vctx *v, uint32_t i);
void wm_take_index_load(vctx *v, uint32_t zero, uint32_t *s);
int wm_joins_copy(vctx *v, uint32_t op);
void wm_note_value_write(vctx *v, ctrl *c, uint32_t i);
int wm_early_value(vctx *v, const ctrl *c, uint32_t nt);
void wm_note_early_write(vctx *v, ctrl *c);
int wm_direct_result(vctx *v, uint32_t l);
void wm_const_joins(vctx *v, uint32_t op);
void wm_crc_join(vctx *v, const uint32_t *s);
void wm_add_pair(vctx *v);
enum { WM_JOIN_LOAD = 1, WM_JOIN_COPY, WM_JOIN_STORE };
uint32_t wm_join_branch(vctx *v, uint32_t op, uint32_t start, int how, int back);
uint32_t wm_reverse_join(const vctx *v, uint32_t ld, uint32_t st, uint32_t cond);
int wm_loop_turns(vctx *v, uint32_t at);
uint32_t wm_back_form(uint32_t op);
wasmcu_err wm_shr_and_xor(vctx *v, uint32_t base, const uint32_t *s, int *done);
int wm_select_bit(vctx *v, uint32_t *s);
uint32_t wm_load_branch(const vctx *v, uint32_t op, uint32_t a, uint32_t *at);
int wm_fusable(vctx *v, uint32_t i, int negate, uint32_t *op, uint32_t *a, uint32_t *b);
uint32_t wm_branch_fusing(const vctx *v, uint32_t op, uint32_t *a, uint32_t *b, uint32_t *at);
uint32_t wm_add_and_branch(const vctx *v, uint32_t op, uint32_t a, uint32_t *at);
/* The *_acc form of f64 arithmetic op on slots s[0..*n) when one of them is the acc's
 * (WM_CONFIG_FLOAT_ACC; call it only while acc_end is ncode), with s[0] the slot it still
 * reads and *n 1; else op as it is. */
uint32_t wm_acc_form(const vctx *v, uint32_t op, uint32_t *n, uint32_t *s);
/* Before an *_acc instruction: the one just before, whose result it reads from acc, as the
 * form that writes no slot when that result's slot is a temporary (and it has one); and
 * noted for a JOIN row. */
wasmcu_err wm_acc_only(vctx *v, uint32_t as);
wasmcu_err wm_emit_fused(vctx *v, uint32_t op, uint32_t base, uint32_t n, const uint32_t *s,
                         const uint32_t *imm, int *done);

/* Checks a run of ordinary instructions on the load pass's short path (validate_check.c),
 * stopping at the first it leaves to the full path. */
void wm_check_quick(vctx *v);

#endif
