/* The interpreter: one loop over the compiled code of compile.h.
 *
 * Wasm calls never recurse on the C stack: a call pushes a wm_frame and switches pc/fp, a
 * return pops it, so the C stack use of a wasm call chain is one activation of run().
 * Only a native calling back into wasm nests (through wasmcu_call). */
#include <stdio.h>
#include <string.h>
#include "compile.h"
#include "instance.h"
#include "numeric.h"
#include "runtime.h"
#include "validate.h"

#if WM_CONFIG_COMPUTED_GOTO
#define CASE(op) L_##op
#define CASE_IF(on, op) L_##op /* the label table names every handler */
#define TURNS_CASES L_TURNS /* opcodes.def's TURNS_OP rows */
/* Handlers jump to one dispatch block rather than through their own goto *: GCC merges
 * computed gotos into one block anyway, and copies it back into the handlers only after the
 * pass that would fold the table's load into the jump. Written as one block, the fold comes
 * first: one instruction less per dispatch on x86-64 (CoreMark 2 389 859 -> 2 281 866
 * callgrind instructions an iteration, the kernels 2.6-9.2% fewer). A call's and a return's
 * dispatch keep their own goto * (NEXT_OWN): through the block, GCC kept the frame stack's
 * top in memory, and fib ran 0.7% more instructions rather than 2.6% fewer. */
#define NEXT() do { op_ = *pc++; goto dispatch; } while (0)
#define NEXT_OWN() goto *labels[*pc++]
/* A call's start, its frame pushed and pc at the callee's code: a jump to its entry, its
 * first handler, or for a function that has constants to copy, the copy (SETUPS) that goes
 * on to it; no test of what the function sets up on the way. A call that finds a check
 * due (fuel, an interrupt) never comes here: enter_own's frame test sends it to enter()
 * and the check (wm_set_checks). */
#define ENTER_CALLEE(f)                                                                         \
    do {                                                                                        \
        pc++;                                                                                   \
        goto *(f)->entry;                                                                       \
    } while (0)
#define SET_ENTRY(f) ((f)->entry = !(f)->code->setup ? labels[(f)->ops[0]] : setups[SETUP_CASE((f)->code->setup)])
/* The copy of a call's constants, entered at its count of pairs k (SET_ENTRY) with pc past
 * the callee's first opcode: the constants end right before that opcode (wm_finish_code's
 * block), and to_ is the frame's slot after them, so each pair is a load and a store at
 * fixed offsets; then the callee's first handler. k 0 is enter()'s general way. Where they
 * go (consts_at) is read from the block's head before the constants (WM_CONSTS_HEAD), at
 * a fixed offset from pc: not from callee, a variable that these labels read would be live
 * at every handler's jump, nor through the frame's func and code, two dependent loads more
 * (fib 2.0% more instructions). Against enter()'s tests and switch on the way (and its load
 * of the function's code): fib 7.4% fewer instructions, indirect 5.0%, mallocs 0.9%. */
#define SETUP_AT(k) L_SETUP_##k: to_ = fp + rd16(pc - 3 - 16 * (k)) + 2 * (k); goto pair_##k;
#define PAIR_BACK(k) pair_##k: COPY(to_ - 2 * (k), pc - 1 - 16 * (k), 16);
#define SETUPS                                                                                  \
    L_SETUP_0: enter(fp, top->func->code, &acc); op_ = pc[-1]; goto dispatch;                   \
    SETUP_AT(1) SETUP_AT(2) SETUP_AT(3) SETUP_AT(4) SETUP_AT(5) SETUP_AT(6) SETUP_AT(7)         \
    SETUP_AT(8) SETUP_AT(9) SETUP_AT(10) SETUP_AT(11) SETUP_AT(12) SETUP_AT(13) SETUP_AT(14)    \
    SETUP_AT(15) SETUP_AT(16) SETUP_AT(17) SETUP_AT(18) SETUP_AT(19) SETUP_AT(20) SETUP_AT(21)  \
    SETUP_AT(22) SETUP_AT(23) SETUP_AT(24) SETUP_AT(25) SETUP_AT(26) SETUP_AT(27) SETUP_AT(28)  \
    SETUP_AT(29) SETUP_AT(30) SETUP_AT(31) SETUP_AT(32)                                         \
    PAIR_BACK(32) PAIR_BACK(31) PAIR_BACK(30) PAIR_BACK(29) PAIR_BACK(28) PAIR_BACK(27)         \
    PAIR_BACK(26) PAIR_BACK(25) PAIR_BACK(24) PAIR_BACK(23) PAIR_BACK(22) PAIR_BACK(21)         \
    PAIR_BACK(20) PAIR_BACK(19) PAIR_BACK(18) PAIR_BACK(17) PAIR_BACK(16) PAIR_BACK(15)         \
    PAIR_BACK(14) PAIR_BACK(13) PAIR_BACK(12) PAIR_BACK(11) PAIR_BACK(10) PAIR_BACK(9)          \
    PAIR_BACK(8) PAIR_BACK(7) PAIR_BACK(6) PAIR_BACK(5) PAIR_BACK(4) PAIR_BACK(3) PAIR_BACK(2)  \
    PAIR_BACK(1)                                                                                \
    op_ = pc[-1];                                                                               \
    goto dispatch;
/* A branch not taken: the instruction n bytes on. Written as pc += n then NEXT(), GCC kept
 * the new pc in another register and moved it back, an instruction more (CoreMark 2 270 481
 * -> 2 262 580, fib -0.9%, mallocs -0.8%). */
#define NEXT_PAST(n) do { op_ = pc[n]; pc += (n) + 1; goto dispatch; } while (0)
/* A branch to at + off, its fuel check first when check: pc is set past the target's opcode
 * in the one address computation (the check steps back to the target, where a stop
 * resumes). Written as pc = target then NEXT(), GCC kept the target in another register and
 * added 1 (CoreMark 2 262 584 -> 2 233 101, memtraffic -1.9%, intmath -1.1%). */
#define BRANCH_TO(at, off, check) do { pc = (at) + (off) + 1; if (check) METER_PAST(); op_ = pc[-1]; goto dispatch; } while (0)
/* The same for a branch known to go back to a loop's head (TAKE_BACK): its check is its
 * dispatch, through labels[] at the byte offset owner->back_at (wm_set_checks), where the
 * handlers are while nothing is due and past them entries that all lead to back_check. One
 * load in place of the load, test and branch on checks (intmath -2.7% instructions, brtable
 * -2.8%, branchy -1.7%, CoreMark -0.6%). TAKE's branches, back or not by their sign, keep
 * METER_PAST: with the table there too, GCC kept a call's args on the stack (fib +2.2%). */
#define BRANCH_BACK(at, off) do { pc = (at) + (off) + 1; if (WM_CONFIG_METERING) goto *((const void *const *)((const char *)labels + owner->back_at))[pc[-1]]; op_ = pc[-1]; goto dispatch; } while (0)
/* A flat br_table (BR_TABLE_FLAT) on index, its n32 at k: entry index's target (the last
 * for any index past n). With WM_CONFIG_FLAT_OPCODES the table holds each target's opcode
 * after the n + 1 targets, so that the jump's address does not wait on a load from the
 * target (3 loads after the index, not 4: branchy's and brtable's switches mispredict most
 * of their jumps). */
#define BR_FLAT(index, k)                                                                       \
    do {                                                                                        \
        uint32_t i_ = (index), n_ = U32(k);                                                     \
        if (i_ > n_) i_ = n_;                                                                   \
        const uint8_t *e_ = pc + (k) + 4 + WM_TB * i_;                                          \
        if (WM_CONFIG_FLAT_OPCODES) {                                                           \
            op_ = pc[(k) + 4 + WM_TB * (n_ + 1) + i_];                                          \
            pc = e_ + rdt(e_) + 1;                                                              \
            goto dispatch;                                                                      \
        }                                                                                       \
        pc = e_ + rdt(e_);                                                                      \
        NEXT();                                                                                 \
    } while (0)
#define DISPATCH_BEGIN NEXT(); dispatch: goto *labels[op_];
#define DISPATCH_END
#else
#define CASE(op) case op
/* A handler of a form the compiler emits only when on: when not, its case is a number no
 * opcode byte has, and the compiler drops the handler (the size-optimised build's run(),
 * without the fused forms, 3 900 -> 3 208 bytes on Cortex-M4). The switch is on a uint32_t:
 * on the byte itself, a case past 255 would draw a warning. */
#define CASE_IF(on, op) case ((on) ? 0u : 256u) + (op)
#define TURNS_CASES FCASE(WM_OP_LIST_REVERSE_TURNS): FCASE(WM_OP_LIST_FIND8_TURNS): FCASE(WM_OP_LIST_FIND16_TURNS): FCASE(WM_OP_BYTE_FILL_TURNS)
/* a goto, not continue: inside a macro's do-while, continue would leave the do-while */
#define NEXT() goto next_op
#define NEXT_OWN() goto next_op
#define ENTER_CALLEE(f) do { enter(fp, (f)->code, &acc); goto next_op; } while (0)
#define SETUPS
#define SET_ENTRY(f) ((void)(f))
#define NEXT_PAST(n) do { pc += (n); goto next_op; } while (0)
#define BRANCH_TO(at, off, check) do { pc = (at) + (off); if (check) METER(); goto next_op; } while (0)
#define BRANCH_BACK(at, off) BRANCH_TO(at, off, 1)
#define BR_FLAT(index, k) do { uint32_t i_ = (index), n_ = U32(k); if (i_ > n_) i_ = n_; pc += (k) + 4 + WM_TB * i_; pc += rdt(pc); goto next_op; } while (0)
#define DISPATCH_BEGIN for (;;) { next_op: switch ((uint32_t)*pc++) {
#define DISPATCH_END default: goto bad_op; } }
#endif
/* the fused forms' handlers (WM_CONFIG_FUSED_OPS) */
#define FCASE(op) CASE_IF(WM_CONFIG_FUSED_OPS, op)

/* A fixed-size copy as plain loads and stores: the compilers' builtin, which -ffreestanding
 * (it implies -fno-builtin) would otherwise turn into a call to memcpy per access. */
#if defined(__GNUC__) || defined(__clang__)
#define COPY(d, s, n) __builtin_memcpy(d, s, n)
#else
#define COPY(d, s, n) memcpy(d, s, n)
#endif

/* A branch the hot path does not take (a hint to the compiler's layout and registers). */
#if defined(__GNUC__) || defined(__clang__)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define UNLIKELY(x) (x)
#endif

#define I32(v) ((uint32_t)(v))
#define S32(v) ((int32_t)(uint32_t)(v))
#define S64(v) ((int64_t)(v))
#define F32(v) wm_f32((uint32_t)(v))
#define F64(v) wm_f64(v)

/* Operands are slots of the frame named by the words after the opcode: R(0) is the first
 * (the result's, for instructions with one), then the operands; each handler moves pc past
 * its words, after reading every operand (a result may overwrite one). */
#define R(k) fp[pc[k]]
/* A 32-bit result: into the low half of its slot when low, else into the whole slot,
 * zero-extended. An i32's is low with WM_CONFIG_I32_LOW_HALF, an f32's with that or
 * WM_CONFIG_F32_LOW_HALF. */
#define SET_LOW(k, x, low)                                                                     \
    do {                                                                                       \
        uint32_t w_ = (x);                                                                     \
        if (low) COPY(&R(k), &w_, 4);                                                          \
        else R(k) = w_;                                                                        \
    } while (0)
#define SET32(k, x) SET_LOW(k, x, WM_CONFIG_I32_LOW_HALF)
/* Slot k read whole after SET32 wrote x there (a JOIN_SAME row says it is that slot): x
 * itself where SET32 writes the whole slot, else the slot, whose high half SET32 kept */
#define FROM_I32(k, x) (WM_CONFIG_I32_LOW_HALF ? R(k) : (uint64_t)(x))
#define SETF32(k, x) SET_LOW(k, x, WM_CONFIG_I32_LOW_HALF || WM_CONFIG_F32_LOW_HALF)
/* 16- and 32-bit fields at byte k, in the target's byte order (pack.c wrote them so) */
static inline uint32_t rd16(const uint8_t *p) { uint16_t h; COPY(&h, p, 2); return h; }
static inline uint32_t rd32(const uint8_t *p) { uint32_t w; COPY(&w, p, 4); return w; }
/* a branch target, WM_TB bytes (compile.h) */
static inline int32_t rdt(const uint8_t *p) { int16_t h; COPY(&h, p, 2); return h; }
#if WM_CONFIG_SHARED_HANDLERS
/* An n-byte access of the shared load and store handlers: stores the low bytes of x, or
 * loads them zero-extended. */
static inline uint64_t access(uint8_t *at, uint32_t n, uint64_t x, int store)
{
    uint8_t b = (uint8_t)x;
    uint16_t h = (uint16_t)x;
    uint32_t w = (uint32_t)x;
    switch (n) {
    case 1: if (store) *at = b; return *at;
    case 2: if (store) COPY(at, &h, 2); COPY(&h, at, 2); return h;
    case 4: if (store) COPY(at, &w, 4); COPY(&w, at, 4); return w;
    default: if (store) COPY(at, &x, 8); COPY(&x, at, 8); return x;
    }
}
#endif
#define U16(k) rd16(pc + (k))
#define U32(k) rd32(pc + (k))
#define BIN_I32(expr) do { uint32_t a = I32(R(1)), b = I32(R(2)); SET32(0, expr); pc += 3; } while (0)
#define BIN_I64(expr) do { uint64_t a = R(1), b = R(2); R(0) = (uint64_t)(expr); pc += 3; } while (0)
#define BIN_F32(expr) do { float a = F32(R(1)), b = F32(R(2)); SETF32(0, wm_f32_bits(expr)); pc += 3; } while (0)
/* f64 arithmetic also leaves its result in acc (WM_CONFIG_FLOAT_ACC), where the *_acc
 * instruction after it reads it: [dst, x], the other operand */
#define BIN_F64(expr) do { double a = F64(R(1)), b = F64(R(2)), r_ = (expr); SET_ACC(r_); R(0) = wm_f64_bits(r_); pc += 3; } while (0)
#define ACC_F64(expr) do { double x = F64(R(1)); acc = (expr); R(0) = wm_f64_bits(acc); pc += 2; } while (0)
#define ACC_ONLY_F64(expr) do { double x = F64(R(1)); acc = (expr); pc += 2; } while (0)
#define SET_ACC(r) do { if (WM_CONFIG_FLOAT_ACC) acc = (r); } while (0)
/* After a call from a handler: no instruction after one that calls reads acc, and saying so
 * (acc = 0) lets the compiler keep acc in a register, which calls clobber, rather than in
 * memory, where the acc forms would gain nothing. Hot paths call nothing, and pay nothing. */
#define CALLED() SET_ACC(0)
#define UN_I32(expr) do { uint32_t x = I32(R(1)); SET32(0, expr); pc += 2; } while (0)
#define UN_I64(expr) do { uint64_t x = R(1); R(0) = (uint64_t)(expr); pc += 2; } while (0)
#define UN_F32(expr) do { float x = F32(R(1)); SETF32(0, wm_f32_bits(expr)); pc += 2; } while (0)
#define UN_F64(expr) do { double x = F64(R(1)); R(0) = wm_f64_bits(expr); pc += 2; } while (0)
/* a compare [dst, a, b] of two operands read as type by conv: an i32 0 or 1 */
#define CMP(type, conv, cmp) do { type a = (type)conv(R(1)), b = (type)conv(R(2)); SET32(0, (uint32_t)(a cmp b)); pc += 3; } while (0)
#define BITS_F32(expr) do { uint32_t x = I32(R(1)); SET32(0, expr); pc += 2; } while (0)
/* fused compare-and-branch [a, b, target] */
#define BR_CMP(type, cmp) BR_CMP_BY(type, cmp, TAKE)
#define BR_CMP_BY(type, cmp, take) do { type a = (type)I32(R(0)), b = (type)I32(R(1)); if (a cmp b) take(2); else NEXT_PAST(2 + WM_TB); } while (0)
/* an i32.add or i32.and whose result the branch after it tests, the two in one: [dst, x, y,
 * b, target], or [dst, x, y, target] testing for nonzero (zero: if_false); b is read after dst
 * is written, as the two instructions would */
/* An unsigned compare of the result with slot k: whole slots where i32s sit zero-extended
 * in them (not WM_CONFIG_I32_LOW_HALF), so that GCC stores and compares one register (it
 * copied the 32-bit sum to another to store it: intmath -1%) */
#define CMP_U(type, x, cmp, k) (!WM_CONFIG_I32_LOW_HALF && (type)-1 > 0 ? (uint64_t)(x) cmp R(k) : (type)(x) cmp (type)I32(R(k)))
#define ARITH_BR_CMP_BY(op, type, cmp, take) do { uint32_t s_ = I32(R(1)) op I32(R(2)); SET32(0, s_); if (CMP_U(type, s_, cmp, 3)) take(4); else NEXT_PAST(4 + WM_TB); } while (0)
#define ARITH_BR_CMP(op, type, cmp) ARITH_BR_CMP_BY(op, type, cmp, TAKE)
#define ARITH_BR_IF_BY(op, test, take) do { uint32_t s_ = I32(R(1)) op I32(R(2)); SET32(0, s_); if (test s_) take(3); else NEXT_PAST(3 + WM_TB); } while (0)
#define ARITH_BR_IF(op, test) ARITH_BR_IF_BY(op, test, TAKE)
/* a taken branch whose target is at pc + k: targets are relative to where they are written,
 * so no register holds the code's start; only a loop's back-edge goes backwards */
#define TAKE(k) do { const uint8_t *at_ = pc + (k); int32_t t_ = rdt(at_); BRANCH_TO(at_, t_, t_ < 0); } while (0)
/* the same where the compiler knows the branch goes back to a loop's head (opcodes.def's
 * BACK_FORM rows, the last branch of a joined loop end): the check without the test of the
 * target's sign */
#define TAKE_BACK(k) do { const uint8_t *at_ = pc + (k); BRANCH_BACK(at_, rdt(at_)); } while (0)
/* and where it knows the branch goes forward (wm_const_joins' forms): no check */
#define TAKE_FWD(k) do { const uint8_t *at_ = pc + (k); BRANCH_TO(at_, rdt(at_), 0); } while (0)
/* an instruction that works on the run-time stack: its first word is the stack top */
#define SP() (sp = fp + U16(0), pc += 2)

/* Loads [dst, addr, offset] and stores [addr, value, offset], the offset 16 bits (ea_far
 * handles larger ones): the effective address is computed in 64 bits so it cannot wrap. */
#define EA(n, k) uint64_t ea = (uint64_t)I32(R(k)) + U16(2); if (OOB(ea, n)) TRAP(WASMCU_TRAP_MEMORY_OOB)
#define LOAD(type, n, conv) do { EA(n, 1); type t; COPY(&t, mem + ea, n); R(0) = conv(t); pc += 4; } while (0)
#define LOAD32(type, n, conv) do { EA(n, 1); type t; COPY(&t, mem + ea, n); SET32(0, conv(t)); pc += 4; } while (0)
#define STORE(type, n) do { EA(n, 0); type t = (type)R(1); COPY(mem + ea, &t, n); pc += 4; } while (0)
/* A load or store fused with the i32.add that computed its address: [dst, a, b, offset] and
 * [a, b, value, offset]; the address a + b wraps at 32 bits as the add did. */
#define EA_ADD(n, k) uint64_t ea = (uint64_t)(I32(R(k)) + I32(R((k) + 1))) + U16(3); if (OOB(ea, n)) TRAP(WASMCU_TRAP_MEMORY_OOB)
/* An address (i << k) + a + offset, from fields [i, k, a, offset16] at k0 (an array's
 * element); it wraps at 32 bits as the shl and add did */
#define EA_SHL_ADD(n, k0) EA_SHL_ADD_OF(n, I32(R(k0)), k0)
/* the same with i given (a join's, in a register: JOIN_SAME) */
#define EA_SHL_ADD_OF(n, i, k0) uint64_t ea = (uint64_t)((I32(i) << (I32(R((k0) + 1)) & 31)) + I32(R((k0) + 2))) + U16((k0) + 3); if (OOB(ea, n)) TRAP(WASMCU_TRAP_MEMORY_OOB)
#define LOAD_ADD_BY(type, n, put) do { EA_ADD(n, 1); type t; COPY(&t, mem + ea, n); put; pc += 5; } while (0)
#define LOAD_ADD(type, n) LOAD_ADD_BY(type, n, SET32(0, AS_U32(t)))
#define STORE_ADD(type, n) do { EA_ADD(n, 0); type t = (type)R(2); COPY(mem + ea, &t, n); pc += 5; } while (0)
/* A load from the address an i32.load just read (p->q->x): [dst, addr, offset1, offset].
 * A fault of the second access reports with pc on the offset1 field, which
 * wm_validate_locate finds in the second load's code (the opcode's byte, in the first's). */
#define LOAD_LOAD_T(type, n) EA(4, 1); uint32_t p_; COPY(&p_, mem + ea, 4); uint64_t e2_ = (uint64_t)p_ + U16(4); if (OOB(e2_, n)) { pc += 3; TRAP(WASMCU_TRAP_MEMORY_OOB); } type t_; COPY(&t_, mem + e2_, n)
#define LOAD_LOAD(type, n) do { LOAD_LOAD_T(type, n); SET32(0, AS_U32(t_)); pc += 6; } while (0)
/* A load and the branch that tests what it read: [dst, addr, offset, target] */
#define LOAD_BRANCH_BY(type, n, test, take) do { EA(n, 1); type t_; COPY(&t_, mem + ea, n); SET32(0, AS_U32(t_)); if (test t_) take(4); else NEXT_PAST(4 + WM_TB); } while (0)
#define LOAD_BRANCH(type, n, test) LOAD_BRANCH_BY(type, n, test, TAKE)
/* two i32 instructions in one, the first's result feeding the second: [dst, a, b, c] */
#define TRI_I32(expr) do { uint32_t a = I32(R(1)), b = I32(R(2)), c = I32(R(3)); SET32(0, expr); pc += 4; } while (0)
#define TRI_I64(expr) do { uint64_t a = R(1), b = R(2), c = R(3); R(0) = (uint64_t)(expr); pc += 4; } while (0)
/* the same for floats; the first result is rounded to its type before the second op (an
 * assignment drops excess precision) */
#define TRI_F64(first, second) do { double a = F64(R(1)), b = F64(R(2)), c = F64(R(3)); double t = first, r_ = second; SET_ACC(r_); R(0) = wm_f64_bits(r_); pc += 4; } while (0)
#define TRI_F32(first, second) do { float a = F32(R(1)), b = F32(R(2)), c = F32(R(3)); float t = first; SETF32(0, wm_f32_bits(second)); pc += 4; } while (0)
#define AS_U32(t) ((uint32_t)(t))
#define AS_U64(t) ((uint64_t)(t))
#define AS_S32(t) ((uint32_t)(int32_t)(t))
#define AS_S64(t) ((uint64_t)(int64_t)(t))

#define TRAP(e) do { err = (e); goto trap; } while (0)
/* Whether n (at most 8) bytes at ea pass memory's end: past memlim, the exact test */
#define OOB(ea, n) (UNLIKELY((int64_t)(ea) > memlim) && (ea) + (n) > MEMSIZE())
#define MEMSIZE() ((uint64_t)(memlim + 8))
/* The highest address a loop's n-byte accesses at offset off may start at (one compare a
 * turn, the bound set once): memory's size - n - off, negative when none fits */
#define LAST_IN_BOUNDS(off, n) (memlim + 8 - (int64_t)(n) - (int64_t)(off))
/* The fuel and interrupt check at a call or back-edge, after the transfer: one load and a
 * branch when nothing is metered. A stop resumes at pc, where the transfer led. */
#define METER() do { if (WM_CONFIG_METERING && UNLIKELY(owner->checks)) goto check; } while (0)
#define METER_PAST() METER_PAST_SAVING((void)0)
/* the same for a handler that keeps slots in registers: save writes them first */
#define METER_PAST_SAVING(save) do { if (WM_CONFIG_METERING && UNLIKELY(owner->checks)) { save; pc--; goto check; } } while (0)
#define LOAD_INST() LOAD_INST_OF(top->func->inst)
#define LOAD_INST_OF(inst)                                                                      \
    do {                                                                                        \
        cur = (inst);                                                                           \
        funcs = cur->funcs;                                                                     \
        mem = cur->mem ? cur->mem->data : NULL;                                                 \
        memlim = (cur->mem ? (int64_t)cur->mem->size : 0) - 8;                                 \
    } while (0)

/* A call into another instance pushes two frames: the caller's, then one whose pc is this
 * code, which reloads the caller's instance when the callee returns to it. So a return need
 * not ask whether the instance changed. */
static const uint8_t reload_code[1] = {WM_OP_RELOAD};
/* Where a run's entry function returns to: run() points the frame below the run's first at
 * this code for the run's length, so a return never asks whether it is the run's last.
 * unreachable's handler tells it from a trap by its address. */
static const uint8_t exit_code[1] = {WM_OP_UNREACHABLE};

/* Writes "trap: <what>" and the wasm call stack into rt's error and rt->trace. pc is where
 * func stopped (NULL before its first instruction); pc - 1 lies inside the instruction that
 * trapped, or inside the call a caller frame waits on. */
/* A trap's detail that the runtime's error holds already (a compile at a call, whose words
 * may not fit run()'s buffer): report_trap puts the trap before it. */
#define DETAIL_KEPT '\1'
static void report_trap(wm_runtime *rt, wasmcu_err err, const char *detail, const wm_func *func,
                        const uint8_t *pc, const wm_frame *frames, uint32_t nframes,
                        uint32_t first)
{
    if (detail && *detail == DETAIL_KEPT) wm_error_prefix(rt, "trap: %s: ", wasmcu_err_str(err));
    else if (detail && *detail) wm_error(rt, err, "trap: %s: %s", wasmcu_err_str(err), detail);
    else wm_error(rt, err, "trap: %s", wasmcu_err_str(err));
    const wm_func *f = func;
    uint32_t i = nframes, n = 0;
    while (f && n < WM_CONFIG_BACKTRACE_DEPTH) {
        wasmcu_frame_info *t = &rt->trace[n++];
        uint32_t len = 0;
        const uint8_t *name = wm_module_func_name(f->inst->mod, f->idx, &len);
        uint32_t byte = pc && pc > f->code->ops ? (uint32_t)(pc - f->code->ops) - 1 : 0;
        t->func_index = f->idx;
        t->name = (const char *)name;
        t->name_len = name ? len : 0;
        if (!wm_validate_locate(rt, f->inst->mod, f->idx, byte, &t->code_offset))
            t->code_offset = UINT32_MAX;
        wm_error_append(rt, "\n  at func %u", (unsigned)f->idx);
        if (name) wm_error_append(rt, " \"%.*s\"", (int)len, (const char *)name);
        if (t->code_offset != UINT32_MAX) wm_error_append(rt, " (offset 0x%x)", (unsigned)t->code_offset);
        if (i == first) break;
        if (frames[--i].pc == reload_code) --i; /* a call into another instance: its caller */
        f = frames[i].func;
        pc = frames[i].pc;
    }
    rt->ntrace = n;
}

/* Compiles f at its first call (WM_CONFIG_LAZY_COMPILE); loading validated it, so only the
 * pool, or a limit only compiling meets (pack.c's far jumps), can fail it: the runtime's
 * error then says which, the compiler's words whole after which function failed. Then
 * copies into f what a call reads (runtime.h). */
static wasmcu_err compile_at_call(wm_func *f)
{
    const wm_code *c = f->code;
    if (f->ops) return WASMCU_OK;
    /* the compiled code is the module's, shared by its instances: a cache beside its bytes */
    if (!c->ops) {
        wasmcu_err err = wm_compile_func(f->inst->rt, (wm_module *)(uintptr_t)f->inst->mod, f->idx);
        if (err) {
            wm_error_prefix(f->inst->rt, "%s compiling func %u at its first call: ",
                            err == WASMCU_ERR_OOM ? "pool full" : "failed", (unsigned)f->idx);
            return err;
        }
    }
    f->nresults = f->type->nresults;
    f->need = c->consts_at + c->max_height;
    f->ops = c->ops;
    return WASMCU_OK;
}

static wasmcu_err meter(wasmcu_instance *o)
{
    if (o->interrupt) return WASMCU_INTERRUPTED;
    if (o->fuel_on) {
        if (!o->fuel) return WASMCU_FUEL_EXHAUSTED;
        o->fuel--;
    }
    return WASMCU_OK;
}

/* A call's frame above its params: locals zeroed, then the function's constants. A frame
 * of few slots gets word loops: a call to memset or memcpy costs more than the copy (fib on
 * Cortex-M4: 16.0x native -> 13.5x). Two zeroes a turn, or GCC makes the loop a memset.
 * Constants go as 16-byte copies, one a pair, entered at the count's case: validate.c pads
 * them to an even count, and the frame has the slot after them (fib: 200.2 -> 196.2 M
 * instructions; CoreMark's state machine, 17 constants, had been a memcpy). What a call
 * reads is in the code alone: setup holds the count of pairs, and the slots count from fp
 * (fib 186.3 -> 179.2 M instructions, against the count and the callee's params). One
 * switch takes every count, 0 and 1 among them: a test for 1 first cost fib 3.2% more
 * instructions (GCC split the switch's range around it); up to 64 constants, the most
 * a function keeps (WM_CONFIG_CONST_SLOTS): mallocs' 26 and 32 took 1% fewer instructions
 * than with their memcpy, and its 60 (called 300 000 times) 1.5% fewer. Size-optimised builds
 * (WM_CONFIG_SHARED_HANDLERS) keep only the calls. */
#define ENTER_LOOP_MAX (WM_CONFIG_SHARED_HANDLERS ? 0 : 8)
#define ENTER_PAIRS_CASES WM_SETUP_PAIRS_FIXED
#define ENTER_PAIRS_MAX (WM_CONFIG_SHARED_HANDLERS ? 0 : ENTER_PAIRS_CASES)
#define PAIR(k) COPY(locals + 2 * (k), from + 2 * (k), 2 * sizeof *locals)
static inline void enter(wasmcu_val *fp, const wm_code *c, double *acc)
{
    uint32_t s = c->setup, i = 0; /* one field: most small functions have nothing to set up */
    if (!s) return;
    if (s & WM_SETUP_CLEAR) {
        uint32_t z = c->nzero; /* only the locals read before written (validate's read_local) */
        wasmcu_val *zl = fp + c->zero_at;
        if (z > ENTER_LOOP_MAX) {
            memset(zl, 0, z * sizeof *zl);
            if (WM_CONFIG_FLOAT_ACC) *acc = 0; /* CALLED() */
        } else {
            for (; i + 2 <= z; i += 2) zl[i] = zl[i + 1] = 0;
            if (i < z) zl[i] = 0;
        }
    }
    uint32_t np = WM_SETUP_PAIRS(s);
    const uint64_t *from = c->consts;
    wasmcu_val *locals = fp + c->consts_at;
    switch (ENTER_PAIRS_MAX ? np : np ? ENTER_PAIRS_CASES + 1 : 0) { /* past the cases: memcpy */
    case 0: break;
    case 32: PAIR(31); /* fall through */
    case 31: PAIR(30); /* fall through */
    case 30: PAIR(29); /* fall through */
    case 29: PAIR(28); /* fall through */
    case 28: PAIR(27); /* fall through */
    case 27: PAIR(26); /* fall through */
    case 26: PAIR(25); /* fall through */
    case 25: PAIR(24); /* fall through */
    case 24: PAIR(23); /* fall through */
    case 23: PAIR(22); /* fall through */
    case 22: PAIR(21); /* fall through */
    case 21: PAIR(20); /* fall through */
    case 20: PAIR(19); /* fall through */
    case 19: PAIR(18); /* fall through */
    case 18: PAIR(17); /* fall through */
    case 17: PAIR(16); /* fall through */
    case 16: PAIR(15); /* fall through */
    case 15: PAIR(14); /* fall through */
    case 14: PAIR(13); /* fall through */
    case 13: PAIR(12); /* fall through */
    case 12: PAIR(11); /* fall through */
    case 11: PAIR(10); /* fall through */
    case 10: PAIR(9); /* fall through */
    case 9: PAIR(8); /* fall through */
    case 8: PAIR(7); /* fall through */
    case 7: PAIR(6); /* fall through */
    case 6: PAIR(5); /* fall through */
    case 5: PAIR(4); /* fall through */
    case 4: PAIR(3); /* fall through */
    case 3: PAIR(2); /* fall through */
    case 2: PAIR(1); /* fall through */
    case 1: PAIR(0); break;
    default:
        memcpy(locals, from, 2 * np * sizeof *locals);
        if (WM_CONFIG_FLOAT_ACC) *acc = 0;
    }
}

/* The entry of a function that sets something up (computed goto): its count of constant
 * pairs, the copy SETUPS enters at, or 0 for enter() (locals to clear, or more pairs). A
 * macro: switch dispatch never uses it, and clang warns of an unused static function. */
#define SETUP_CASE(s) (((s) & WM_SETUP_CLEAR) || WM_SETUP_PAIRS(s) > ENTER_PAIRS_MAX ? 0 : WM_SETUP_PAIRS(s))

/* Where a run starts: a fresh call of func with params at fp[0..], or a stopped call. */
typedef struct wm_state {
    wm_func *func;
    wasmcu_val *fp, *sp;
    const uint8_t *pc;
    uint32_t nframes, first;
} wm_state;

/* Runs until the entry function returns (results end at its fp[0..]), a trap, or a stop for
 * fuel or an interrupt (then owner->susp holds the state). */
static wasmcu_err run(wasmcu_instance *owner, const wm_state *start, int fresh)
{
#if WM_CONFIG_COMPUTED_GOTO
    /* every byte value has an entry: the numbers no compiled opcode has, which the compiler
     * never emits, trap (through unreachable's handler, to bad_op) rather than jump through
     * NULL. &&bad_op here would cost: GCC's code for CoreMark grew 1.7% with that label's
     * address taken. A range designator, like computed goto a GNU C feature, fills them; the
     * opcodes' own entries then override it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    /* then, for a branch back while checks are due (BRANCH_BACK), 256 entries to its check */
    static const void *const labels[512] = {
        [0 ... 255] = &&L_WM_OP_UNREACHABLE,
        [256 ... 511] = &&back_check,
#define OP(name, text, prefix, code, imm, sig, form) [WM_OP_##name] = &&L_WM_OP_##name,
#define TURNS_OP(name, text, prefix, code, imm, sig, form) [WM_OP_##name] = &&L_TURNS,
#include "opcodes.def"
#undef TURNS_OP
#undef OP
    };
#pragma GCC diagnostic pop
    static const void *const setups[ENTER_PAIRS_CASES + 1] = { /* SETUPS */
        &&L_SETUP_0, &&L_SETUP_1, &&L_SETUP_2, &&L_SETUP_3, &&L_SETUP_4, &&L_SETUP_5,
        &&L_SETUP_6, &&L_SETUP_7, &&L_SETUP_8, &&L_SETUP_9, &&L_SETUP_10, &&L_SETUP_11,
        &&L_SETUP_12, &&L_SETUP_13, &&L_SETUP_14, &&L_SETUP_15, &&L_SETUP_16, &&L_SETUP_17,
        &&L_SETUP_18, &&L_SETUP_19, &&L_SETUP_20, &&L_SETUP_21, &&L_SETUP_22, &&L_SETUP_23,
        &&L_SETUP_24, &&L_SETUP_25, &&L_SETUP_26, &&L_SETUP_27, &&L_SETUP_28, &&L_SETUP_29,
        &&L_SETUP_30, &&L_SETUP_31, &&L_SETUP_32
    };
    _Static_assert(ENTER_PAIRS_CASES == 32, "SETUPS and setups[] list 32 counts of pairs");
    _Static_assert(WM_BACK_CHECKS == sizeof labels / 2, "back_at's entries follow the handlers");
    wasmcu_val *to_; /* SETUPS */
#endif
    wm_func *callee;
    wasmcu_instance *cur;
    wm_func *const *funcs; /* cur->funcs, which calls read */
    uint8_t *mem;
    /* memory's size (0 without one) less 8: an access of up to 8 bytes at ea is in bounds
     * when ea <= memlim, one compare (OOB) */
    int64_t memlim;
    /* the frame stack as pointers (the next free frame, its end, this run's first), which
     * spares a call and a return the index arithmetic */
    wm_frame *const frames = owner->frames, *const frames_end = frames + owner->max_frames;
    const uint32_t first = start->first;
    /* the frame below the run's first returns to exit_code: that frame is one no call
     * uses (wm_interp_call starts a run WM_RUN_GAP frames above the frames in use) */
    frames[first - 1].pc = exit_code;
    /* top->func, in the frame the next call pushes, is the running function: a call
     * writes the callee there, and a return reads one field less. A local for it took a
     * register the loop's other state needs (fib 1.5% and indirect 2.9% more instructions;
     * with two more handlers, GCC kept top in memory and fib ran 5.6% more). */
    wm_frame *top = frames + start->nframes;
    wasmcu_val *const stack_end = owner->stack_end;
    const uint8_t *pc = start->pc;
    wasmcu_val *fp = start->fp, *sp = start->sp;
    wasmcu_err err = WASMCU_OK;
    char msg[128];
    msg[0] = 0;
    uint32_t arity, height, from; /* a branch's move; from is call_indirect's index too */
    wasmcu_val *args;
    unsigned op_ = 0; /* the next opcode (NEXT) */
    (void)op_;
    double acc = 0; /* the last f64 arithmetic result (WM_CONFIG_FLOAT_ACC) */
    (void)acc;

    top->func = start->func;
    LOAD_INST();
    if (fresh) {
        SET_ENTRY(top->func); /* wm_interp_call compiled it */
        if (fp + top->func->need > stack_end) TRAP(WASMCU_TRAP_STACK_EXHAUSTED);
        enter(fp, top->func->code, &acc);
        pc = top->func->ops;
        CALLED(); /* enter may have */
        /* a call is checked as it starts, as calls from wasm are. Size-optimised builds go
         * to the check always (meter() finds nothing to do when owner->checks is 0): GCC
         * would share METER()'s test with loop's handler, putting a case before the switch's
         * jump table, which then takes words (~440 bytes more on Cortex-M4). Elsewhere that
         * costs CoreMark 0.5% more instructions, through the loop's register allocation. */
        if (WM_CONFIG_SHARED_HANDLERS && WM_CONFIG_METERING) goto check;
        METER();
    }

    DISPATCH_BEGIN

    CASE(WM_OP_UNREACHABLE):
        if (pc == exit_code + 1) return WASMCU_OK; /* the entry function has returned */
        if (WM_CONFIG_COMPUTED_GOTO && pc[-1] != WM_OP_UNREACHABLE) goto bad_op; /* labels[] */
        TRAP(WASMCU_TRAP_UNREACHABLE);
    /* written as BRANCH_TO, not pc += rdt(pc) then NEXT(): GCC had merged that with another
     * handler's same tail, a jump more (branchy +0.4% instructions after 9a70aa8) */
    CASE(WM_OP_JUMP): BRANCH_TO(pc, rdt(pc), 0);
    /* a back-edge: the check is the dispatch at the loop head (BRANCH_BACK), where a stop resumes */
    CASE(WM_OP_JUMP_LOOP): BRANCH_BACK(pc, rdt(pc));
    /* pack.c's far jump [target32]: the branch that hops here checked fuel if it goes back */
    CASE(WM_OP_JUMP_FAR): pc += (int32_t)U32(0); NEXT();
    FCASE(WM_OP_JUMP_ADD_BR_NE_BACK): pc += rdt(pc) + 1; ARITH_BR_CMP_BY(+, uint32_t, !=, TAKE_BACK); NEXT();
    CASE(WM_OP_BR_IF): if (I32(R(0))) TAKE(1); else NEXT_PAST(1 + WM_TB); NEXT();
    CASE(WM_OP_IF_FALSE): if (!I32(R(0))) TAKE(1); else NEXT_PAST(1 + WM_TB); NEXT();
    CASE(WM_OP_BR_EQ): BR_CMP(uint32_t, ==); NEXT();
    CASE(WM_OP_BR_NE): BR_CMP(uint32_t, !=); NEXT();
    CASE(WM_OP_BR_LT_S): BR_CMP(int32_t, <); NEXT();
    CASE(WM_OP_BR_LT_U): BR_CMP(uint32_t, <); NEXT();
    FCASE(WM_OP_CONST8_BR_LT_U): /* JOIN rows (opcodes.def): the first, then the second */
        SET32(0, (uint32_t)(int32_t)*(const int8_t *)(const void *)(pc + 1));
        pc += 3;
        BR_CMP(uint32_t, <);
        NEXT();
    CASE(WM_OP_BR_GT_S): BR_CMP(int32_t, >); NEXT();
    CASE(WM_OP_BR_GT_U): BR_CMP(uint32_t, >); NEXT();
    CASE(WM_OP_BR_LE_S): BR_CMP(int32_t, <=); NEXT();
    CASE(WM_OP_BR_LE_U): BR_CMP(uint32_t, <=); NEXT();
    CASE(WM_OP_BR_GE_S): BR_CMP(int32_t, >=); NEXT();
    CASE(WM_OP_BR_GE_U): BR_CMP(uint32_t, >=); NEXT();
    CASE(WM_OP_BR_DROP): goto branch_drop;
    CASE(WM_OP_BR_IF_DROP):
        if (!I32(R(0))) NEXT_PAST(7 + WM_TB);
        pc++;
        goto branch_drop;
    CASE(WM_OP_BR_TABLE): {
        uint32_t i = I32(R(0)), src = U16(1), n = U32(3), head = U32(7);
        const uint8_t *branches = pc + 11, *index = branches + (WM_TB + 4) * (head & 0x7FFFFFFFu);
        if (i > n) i = n;
        uint32_t k = head >> 31 ? rd16(index + 2 * i) : index[i];
        pc = branches + (WM_TB + 4) * k;
        arity = U16(WM_TB), height = U16(WM_TB + 2);
        from = src;
        /* no values to move: its own dispatch, not branch_move's (size-optimised builds
         * share that one) */
        if (WM_CONFIG_SHARED_HANDLERS || height != from) goto branch_move;
        pc += rdt(pc);
        NEXT();
    }
    /* [target, arity, height, from]: the arity values at slot from move to slot height, and
     * pc + target is the branch's target */
    branch_drop:
        arity = U16(WM_TB), height = U16(WM_TB + 2), from = U16(WM_TB + 4);
    branch_move:
        if (height != from) {
            memmove(fp + height, fp + from, arity * sizeof *fp);
            CALLED();
        }
        pc += rdt(pc);
        NEXT();
    /* return [s]: the results from slot s on go to fp[0..], where the caller finds them;
     * ret1 [s] for one, ret0 for none or one already there */
    /* a frame's push at a call, its pop at a return */
#define PUSH_FRAME(next) (top->pc = pc, top->fp = fp, top[1].func = (next), top++)
#define POP_FRAME() (--top, pc = top->pc, fp = top->fp)
    /* each its own copy of the return to the caller: a jump to one shared copy was where
     * GCC's block layout put it (indirect 0.7% more instructions when it did) */
#define RETURN_TO_CALLER()                                                                     \
    do {                                                                                       \
        POP_FRAME();                                                                           \
        NEXT_OWN(); /* in the same instance, at reload_code, or at exit_code */                \
    } while (0)
    CASE(WM_OP_RETURN):
        memmove(fp, fp + U16(0), top->func->nresults * sizeof *fp);
        CALLED();
        RETURN_TO_CALLER();
    /* The hot returns pop their frame with the reads each in an order of its own (B, C, D;
     * RETURN_TO_CALLER's is the fourth): GCC merges handlers whose ends are the same
     * instructions (cross-jumping), and ret0, ret1 and i32.add_ret, written alike, had each
     * become a jump to another's tail, an instruction more a return (indirect 0.6%, fib
     * 1.1% more instructions) */
#define RETURN_TAIL_B() do { pc = top[-1].pc; fp = top[-1].fp; --top; NEXT_OWN(); } while (0)
#define RETURN_TAIL_C() do { fp = top[-1].fp; --top; pc = top->pc; NEXT_OWN(); } while (0)
#define RETURN_TAIL_D() do { fp = top[-1].fp; pc = top[-1].pc; top--; NEXT_OWN(); } while (0)
    CASE(WM_OP_RET1):
        fp[0] = fp[U16(0)];
        RETURN_TAIL_C();
    CASE(WM_OP_RET0): RETURN_TAIL_D();
    FCASE(WM_OP_I32_ADD_RET): BIN_I32(a + b); RETURN_TAIL_B();
    FCASE(WM_OP_I32_ROTL_RET0): BIN_I32(wm_rotl32(a, b)); pc++; RETURN_TO_CALLER(); /* JOIN */
    /* back from another instance (reload_code): the caller's frame, and its instance */
    CASE(WM_OP_RELOAD):
        POP_FRAME();
        goto reload;
    /* call [funcidx32, args]: a function of this module (one not compiled yet takes the
     * general path); call_import the same for an import, a native or another instance's */
#define CALL_FIELDS() (callee = funcs[U32(0)], pc += 6)
    CASE(WM_OP_CALL):
        CALL_FIELDS();
        if (UNLIKELY(!callee->ops)) goto call_args;
        goto call_own;
    CASE(WM_OP_CALL_IMPORT): CALL_FIELDS(); goto call_args;
    /* i32.add_call [dst, a, b], then the call it steps over (a JOIN row) */
    FCASE(WM_OP_I32_ADD_CALL):
        SET32(0, I32(R(1)) + I32(R(2)));
        pc += 4;
        CALL_FIELDS();
        if (UNLIKELY(!callee->ops)) goto call_args;
        goto call_own;
    /* call_indirect [i, typeidx32, tableidx32, args16]: its table's element i is the
     * callee, of the type it names */
/* call_indirect's fields at pc, its table's element `from` the callee, of the type they
 * name. Each handler has its own copy: through one shared block, GCC let one of the two
 * fall into it and gave the other a jump, which of them depending on the other handlers
 * (indirect's instructions moved by 0.8% with unrelated handlers). */
#define CALL_INDIRECT_FROM()                                                                \
    do {                                                                                    \
        const wm_functype *want = &cur->types[U32(0)];                                      \
        wm_table *t = cur->tables[U32(4)];                                                  \
        pc += 10;                                                                           \
        if (from >= t->size) TRAP(WASMCU_TRAP_UNDEFINED_ELEMENT);                           \
        callee = (wm_func *)(uintptr_t)t->elems[from];                                      \
        if (!callee) TRAP(WASMCU_TRAP_UNINITIALIZED_ELEMENT);                               \
        if (callee->type != want) {                                                         \
            if (!wm_functype_eq(callee->type, want)) TRAP(WASMCU_TRAP_INDIRECT_MISMATCH);   \
            CALLED();                                                                       \
        }                                                                                   \
        goto call_args;                                                                     \
    } while (0)
    CASE(WM_OP_CALL_INDIRECT):
        from = I32(R(0));
        pc++;
        CALL_INDIRECT_FROM();
    /* every call's args16 is its last field, just before pc (here, not in each handler:
     * carried from the handlers, args took a register that GCC's allocation of run() gave
     * or took with any handler added elsewhere, 2 instructions a call) */
    call_args:
        args = fp + rd16(pc - 2);
    { /* the arguments are at args[0..np), where the results go */
        if (UNLIKELY(!callee->ops)) { /* a native, or a function not compiled yet: one test for both */
            if (!callee->code) {
                uint32_t np = callee->type->nparams, nr = callee->type->nresults;
                if (args + np + nr > stack_end) TRAP(WASMCU_TRAP_STACK_EXHAUSTED);
                owner->stack_top = args + np + nr;
                owner->nframes = (uint32_t)(top - frames);
                wm_func *self = top->func; /* a call back into wasm starts at this frame */
                err = wm_call_native(cur, callee, args, args + np, msg, sizeof msg);
                top->func = self;
                CALLED();
                if (err) TRAP(err);
                goto reload; /* the native may have grown memory */
            }
            if ((err = compile_at_call(callee)) != WASMCU_OK) {
                msg[0] = DETAIL_KEPT; /* the compiler's, in the runtime's error */
                TRAP(err);
            }
            SET_ENTRY(callee);
            CALLED();
        }
        if (UNLIKELY(callee->inst != cur)) { /* the caller's frame, then reload_code's */
            if (top + 1 >= frames_end || args + callee->need > stack_end)
                TRAP(WASMCU_TRAP_STACK_EXHAUSTED);
            PUSH_FRAME(top->func);
            pc = reload_code;
            LOAD_INST_OF(callee->inst);
        }
        goto enter_own;
    }
    call_own: /* a compiled function of the running instance */
        args = fp + rd16(pc - 2);
    /* the frame limit is owner->call_limit, the first frame while a check is due
     * (wm_set_checks): one test for both, against 3 instructions a call of its own. Then
     * the call takes the general way, enter(), so that a stop leaves its frame set up. */
    enter_own: {
        if (UNLIKELY(top >= owner->call_limit || args + callee->need > stack_end)) {
            if (top >= frames_end || args + callee->need > stack_end) TRAP(WASMCU_TRAP_STACK_EXHAUSTED);
            PUSH_FRAME(callee);
            fp = args;
            pc = callee->ops;
            enter(fp, callee->code, &acc);
            goto check;
        }
        PUSH_FRAME(callee);
        fp = args;
        pc = callee->ops; /* before enter and its memset: fib 3% fewer instructions (GCC) */
        ENTER_CALLEE(callee);
    }
    SETUPS

    /* [dst, a, b, cond]: the slot read is picked by arithmetic, not by a branch, which
     * data-dependent selects (a CRC's bit tests, a state machine) mispredict half the time */
    CASE(WM_OP_SELECT): R(0) = fp[pc[2 - (I32(R(3)) != 0)]]; pc += 4; NEXT();
    /* local.get [dst, src] is the one copy between slots; i32.const [dst, bits] and
     * i64.const [dst, lo, hi] put any constant in a slot */
    CASE(WM_OP_LOCAL_GET): R(0) = R(1); pc += 2; NEXT();
    CASE(WM_OP_I32_CONST): SET32(0, U32(1)); pc += 5; NEXT();
    CASE(WM_OP_I32_CONST8): SET32(0, (uint32_t)(int32_t)*(const int8_t *)(const void *)(pc + 1)); pc += 2; NEXT();
    CASE(WM_OP_I64_CONST): R(0) = (uint64_t)U32(1) | (uint64_t)U32(5) << 32; pc += 9; NEXT();
    CASE(WM_OP_GLOBAL_GET): R(0) = cur->globals[U32(1)]->value; pc += 5; NEXT();
    CASE(WM_OP_GLOBAL_SET): cur->globals[U32(1)]->value = R(0); pc += 5; NEXT();
    /* a frame past 256 slots stages its far operands (pack.h): [scratch, slot16] and
     * [slot16, scratch] */
    CASE(WM_OP_SLOT_IN): R(0) = fp[U16(1)]; pc += 3; NEXT();
    CASE(WM_OP_SLOT_OUT): fp[U16(0)] = R(2); pc += 3; NEXT();

    /* float loads and stores and the narrow i64 stores compile to the integer ones that move
     * the same bytes (opcodes.def's NOCODE rows); a narrow unsigned i64 load must write its
     * high half */
#if !WM_CONFIG_SHARED_HANDLERS
    CASE(WM_OP_I32_LOAD): LOAD32(uint32_t, 4, AS_U32); NEXT();
    CASE(WM_OP_I64_LOAD32_U): LOAD(uint32_t, 4, AS_U64); NEXT();
    CASE(WM_OP_I64_LOAD): LOAD(uint64_t, 8, AS_U64); NEXT();
    CASE(WM_OP_I32_LOAD8_S): LOAD32(int8_t, 1, AS_S32); NEXT();
    CASE(WM_OP_I32_LOAD8_U): LOAD32(uint8_t, 1, AS_U32); NEXT();
    CASE(WM_OP_I64_LOAD8_U): LOAD(uint8_t, 1, AS_U64); NEXT();
    CASE(WM_OP_I32_LOAD16_S): LOAD32(int16_t, 2, AS_S32); NEXT();
    CASE(WM_OP_I32_LOAD16_U): LOAD32(uint16_t, 2, AS_U32); NEXT();
    CASE(WM_OP_I64_LOAD16_U): LOAD(uint16_t, 2, AS_U64); NEXT();
    CASE(WM_OP_I64_LOAD8_S): LOAD(int8_t, 1, AS_S64); NEXT();
    CASE(WM_OP_I64_LOAD16_S): LOAD(int16_t, 2, AS_S64); NEXT();
    CASE(WM_OP_I64_LOAD32_S): LOAD(int32_t, 4, AS_S64); NEXT();
    CASE(WM_OP_I32_STORE): STORE(uint32_t, 4); NEXT();
    CASE(WM_OP_I64_STORE): STORE(uint64_t, 8); NEXT();
    CASE(WM_OP_I32_STORE8): STORE(uint8_t, 1); NEXT();
    CASE(WM_OP_I32_STORE16): STORE(uint16_t, 2); NEXT();
#else
    /* one handler for the loads, one for the stores: the access size is the memarg's natural
     * alignment (opcodes.def), the signed loads are every other one from i32.load8_s */
    CASE(WM_OP_I32_LOAD): CASE(WM_OP_I64_LOAD):
    CASE(WM_OP_I32_LOAD8_S): CASE(WM_OP_I32_LOAD8_U): CASE(WM_OP_I32_LOAD16_S):
    CASE(WM_OP_I32_LOAD16_U): CASE(WM_OP_I64_LOAD8_S): CASE(WM_OP_I64_LOAD8_U):
    CASE(WM_OP_I64_LOAD16_S): CASE(WM_OP_I64_LOAD16_U): CASE(WM_OP_I64_LOAD32_S):
    CASE(WM_OP_I64_LOAD32_U): {
        uint32_t op = pc[-1], n = 1u << (wm_op_imm[op] - IMM_MEM8), k = op - WM_OP_I32_LOAD8_S;
        EA(n, 1);
        uint64_t x = access(mem + ea, n, 0, 0);
        if (op >= WM_OP_I32_LOAD8_S && !(k & 1)) { /* sign-extend, to 32 bits for an i32 */
            uint64_t m = (uint64_t)1 << (8 * n - 1);
            x = (x ^ m) - m;
            if (op < WM_OP_I64_LOAD8_S) x = (uint32_t)x;
        }
        R(0) = x;
        pc += 4;
        NEXT();
    }
    CASE(WM_OP_I32_STORE): CASE(WM_OP_I64_STORE): CASE(WM_OP_I32_STORE8):
    CASE(WM_OP_I32_STORE16): {
        uint32_t n = 1u << (wm_op_imm[pc[-1]] - IMM_MEM8);
        EA(n, 0);
        access(mem + ea, n, R(1), 1);
        pc += 4;
        NEXT();
    }
#endif
    /* an offset past 65535: [dst, addr, offset32, size], the checked address for the access
     * that follows with offset 0 (below memory's size, so it fits 32 bits) */
    CASE(WM_OP_EA_FAR): {
        uint64_t ea = (uint64_t)I32(R(1)) + U32(2);
        if (ea + U16(6) > MEMSIZE()) TRAP(WASMCU_TRAP_MEMORY_OOB);
        R(0) = (uint32_t)ea;
        pc += 8;
        NEXT();
    }

    CASE(WM_OP_I32_EQZ): UN_I32(x == 0); NEXT();
    CASE(WM_OP_I32_EQ): BIN_I32(a == b); NEXT();
    CASE(WM_OP_I32_NE): BIN_I32(a != b); NEXT();
    CASE(WM_OP_I32_LT_S): BIN_I32((int32_t)a < (int32_t)b); NEXT();
    CASE(WM_OP_I32_LT_U): BIN_I32(a < b); NEXT();
    CASE(WM_OP_I32_GT_S): BIN_I32((int32_t)a > (int32_t)b); NEXT();
    CASE(WM_OP_I32_GT_U): BIN_I32(a > b); NEXT();
    CASE(WM_OP_I32_LE_S): BIN_I32((int32_t)a <= (int32_t)b); NEXT();
    CASE(WM_OP_I32_LE_U): BIN_I32(a <= b); NEXT();
    CASE(WM_OP_I32_GE_S): BIN_I32((int32_t)a >= (int32_t)b); NEXT();
    CASE(WM_OP_I32_GE_U): BIN_I32(a >= b); NEXT();

    CASE(WM_OP_I32_ADD): BIN_I32(a + b); NEXT();
    CASE(WM_OP_I32_SUB): BIN_I32(a - b); NEXT();
    CASE(WM_OP_I32_MUL): BIN_I32(a * b); NEXT();
    CASE(WM_OP_I32_AND): BIN_I32(a & b); NEXT();
    FCASE(WM_OP_I32_XOR_I32_ADD): BIN_I32(a ^ b); pc++; BIN_I32(a + b); NEXT(); /* JOIN */
#define MOV_I32_ADD() do { R(0) = R(1); pc += 3; BIN_I32(a + b); } while (0)
    FCASE(WM_OP_MOV_I32_ADD): MOV_I32_ADD(); NEXT(); /* JOIN */
    FCASE(WM_OP_I32_XOR_I64_ADD): BIN_I32(a ^ b); pc++; BIN_I64(a + b); NEXT(); /* JOIN */
    CASE(WM_OP_I32_OR): BIN_I32(a | b); NEXT();
    CASE(WM_OP_I32_XOR): BIN_I32(a ^ b); NEXT();
    CASE(WM_OP_I32_SHL): BIN_I32(a << (b & 31)); NEXT();
    CASE(WM_OP_I32_SHR_S): BIN_I32((uint32_t)((int32_t)a >> (b & 31))); NEXT();
    CASE(WM_OP_I32_SHR_U): BIN_I32(a >> (b & 31)); NEXT();

    /* fused instructions (WM_CONFIG_FUSED_OPS, FCASE) */
    FCASE(WM_OP_I32_ADD_ADD): TRI_I32(a + b + c); NEXT();
    FCASE(WM_OP_I32_MUL_ADD): TRI_I32(a * b + c); NEXT();
    FCASE(WM_OP_BITS_MUL_ADD):
        SET32(0, ((I32(R(1)) >> (I32(R(2)) & 31)) & I32(R(3))) * I32(R(4)) + I32(R(5)));
        pc += 6;
        NEXT();
    FCASE(WM_OP_BITS2_MUL_ADD):
        SET32(0, ((I32(R(1)) >> (I32(R(2)) & 31)) & I32(R(3))) * ((I32(R(4)) >> (I32(R(5)) & 31)) & I32(R(6))) + I32(R(7)));
        pc += 8;
        NEXT();
    FCASE(WM_OP_I32_SHR_U_AND): TRI_I32((a >> (b & 31)) & c); NEXT();
    FCASE(WM_OP_I32_SHL_XOR): TRI_I32((a << (b & 31)) ^ c); NEXT();
    FCASE(WM_OP_I32_SHR_U_XOR): TRI_I32((a >> (b & 31)) ^ c); NEXT();
    /* JOIN rows: the first, then the second, whose opcode they step over */
#define XORSHIFT() do { TRI_I32((a << (b & 31)) ^ c); pc++; TRI_I32((a >> (b & 31)) ^ c); pc++; TRI_I32((a << (b & 31)) ^ c); } while (0)
    FCASE(WM_OP_I32_XORSHIFT): XORSHIFT(); NEXT(); /* JOIN, of three */
    FCASE(WM_OP_I32_SHL_ADD): TRI_I32((a << (b & 31)) + c); NEXT();
    FCASE(WM_OP_I32_XOR_AND): TRI_I32((a ^ b) & c); NEXT();
    FCASE(WM_OP_I32_ADD_AND): TRI_I32((a + b) & c); NEXT();
    FCASE(WM_OP_I32_AND_XOR): TRI_I32((a & b) ^ c); NEXT();
    FCASE(WM_OP_I32_SHL_OR): TRI_I32((a << (b & 31)) | c); NEXT();
    FCASE(WM_OP_I64_SHR_U_XOR): TRI_I64((a >> (b & 63)) ^ c); NEXT();
    FCASE(WM_OP_I64_XOR_MUL): TRI_I64((a ^ b) * c); NEXT();
    FCASE(WM_OP_I64_SHL_ADD): TRI_I64((a << (b & 63)) + c); NEXT();
    FCASE(WM_OP_I32_LOAD_ADD): LOAD_ADD(uint32_t, 4); NEXT();
    FCASE(WM_OP_I32_LOAD8_U_ADD): LOAD_ADD(uint8_t, 1); NEXT();
    FCASE(WM_OP_LOAD8_U_ADD_I32_ADD): LOAD_ADD(uint8_t, 1); pc++; BIN_I32(a + b); NEXT(); /* JOIN */
    FCASE(WM_OP_LOAD8_U_ADD_I32_ADD2): /* JOIN, of it twice */
        LOAD_ADD(uint8_t, 1);
        pc++;
        BIN_I32(a + b);
        pc++;
        LOAD_ADD(uint8_t, 1);
        pc++;
        BIN_I32(a + b);
        NEXT();
    FCASE(WM_OP_I64_STORE_I64_LOAD): STORE(uint64_t, 8); pc++; LOAD(uint64_t, 8, AS_U64); NEXT(); /* JOIN */
    FCASE(WM_OP_I32_LOAD16_U_ADD): LOAD_ADD(uint16_t, 2); NEXT();
    FCASE(WM_OP_I32_LOAD16_S_ADD): LOAD_ADD(int16_t, 2); NEXT();
    FCASE(WM_OP_I64_LOAD_ADD): LOAD_ADD_BY(uint64_t, 8, R(0) = t); NEXT();
    FCASE(WM_OP_I32_STORE_ADD): STORE_ADD(uint32_t, 4); NEXT();
    FCASE(WM_OP_F64_DIV_ADD): TRI_F64(a / b, t + c); NEXT();
    FCASE(WM_OP_F64_ADD_MUL): TRI_F64(a + b, t * c); NEXT();
    FCASE(WM_OP_F64_MUL_MUL): TRI_F64(a * b, t * c); NEXT();
    FCASE(WM_OP_F32_ADD_MUL): TRI_F32(a + b, t * c); NEXT();
    FCASE(WM_OP_F32_SUB_MUL): TRI_F32(a - b, t * c); NEXT();
    FCASE(WM_OP_F32_MUL_MUL): TRI_F32(a * b, t * c); NEXT();
    FCASE(WM_OP_I64_XOR_MUL_SHR_U_XOR): TRI_I64((a ^ b) * c); pc++; TRI_I64((a >> (b & 63)) ^ c); NEXT(); /* JOIN */
    FCASE(WM_OP_F32_MUL_ADD_MUL2): /* JOIN, of three */
        BIN_F32(a * b);
        pc++;
        TRI_F32(a + b, t * c);
        pc++;
        TRI_F32(a + b, t * c);
        NEXT();
    FCASE(WM_OP_I32_STORE_VADD): { /* [addr, a, b, offset]: the value is the add a + b */
        uint64_t ea = (uint64_t)I32(R(0)) + U16(3);
        if (OOB(ea, 4)) TRAP(WASMCU_TRAP_MEMORY_OOB);
        uint32_t t = I32(R(1)) + I32(R(2));
        COPY(mem + ea, &t, 4);
        pc += 5;
        NEXT();
    }
    FCASE(WM_OP_ADD_BR_IF): ARITH_BR_IF(+, !!); NEXT();
    FCASE(WM_OP_ADD_BR_NE): ARITH_BR_CMP(+, uint32_t, !=); NEXT();
    FCASE(WM_OP_ADD_BR_LT_U): ARITH_BR_CMP(+, uint32_t, <); NEXT();
    FCASE(WM_OP_ADD_BR_LT_S): ARITH_BR_CMP(+, int32_t, <); NEXT();
    FCASE(WM_OP_ADD_BR_IF_BACK): ARITH_BR_IF_BY(+, !!, TAKE_BACK); NEXT();
    FCASE(WM_OP_ADD_BR_NE_BACK): ARITH_BR_CMP_BY(+, uint32_t, !=, TAKE_BACK); NEXT();
    FCASE(WM_OP_MOV_ADD_BR_NE_BACK): R(0) = R(1); pc += 3; ARITH_BR_CMP_BY(+, uint32_t, !=, TAKE_BACK); NEXT(); /* JOIN */
    FCASE(WM_OP_SHL_ADD_BR_NE_BACK): /* JOIN */
        TRI_I64((a << (b & 63)) + c);
        pc++;
        ARITH_BR_CMP_BY(+, uint32_t, !=, TAKE_BACK);
        NEXT();
    FCASE(WM_OP_REM_U_AND_SHL_ADD_BR_NE_BACK): { /* JOIN, of four; the shl_add's a and b in registers (JOIN_SAME) */
        uint32_t d_ = I32(R(2));
        if (d_ == 0) TRAP(WASMCU_TRAP_DIV_ZERO);
        uint32_t r_ = I32(R(1)) % d_;
        SET32(0, r_);
        uint32_t m_ = I32(R(5)) & I32(R(6));
        SET32(4, m_);
        R(8) = (FROM_I32(9, r_) << (FROM_I32(10, m_) & 63)) + R(11);
        pc += 13;
        ARITH_BR_CMP_BY(+, uint32_t, !=, TAKE_BACK);
        NEXT();
    }
    FCASE(WM_OP_ADD_BR_LT_U_BACK): ARITH_BR_CMP_BY(+, uint32_t, <, TAKE_BACK); NEXT();
    FCASE(WM_OP_AND_BR_IF): ARITH_BR_IF(&, !!); NEXT();
    FCASE(WM_OP_AND_IF_FALSE): ARITH_BR_IF(&, !); NEXT();
    FCASE(WM_OP_AND_BR_EQ): ARITH_BR_CMP(&, uint32_t, ==); NEXT();
    /* ((x + y) & m) cmp n and the branch on it, [x, y, m, n, target] */
#define ADD_AND_BR(cmp) ADD_AND_BR_BY(cmp, TAKE)
#define ADD_AND_BR_BY(cmp, take) do { if (((I32(R(0)) + I32(R(1))) & I32(R(2))) cmp I32(R(3))) take(4); else NEXT_PAST(4 + WM_TB); } while (0)
    FCASE(WM_OP_ADD_AND_BR_LT_U): ADD_AND_BR(<); NEXT();
    FCASE(WM_OP_ADD_AND_BR_GT_U): ADD_AND_BR(>); NEXT();
    FCASE(WM_OP_ADD_AND_BR_LE_U): ADD_AND_BR(<=); NEXT();
    FCASE(WM_OP_ADD_AND_BR_GE_U): ADD_AND_BR(>=); NEXT();
    FCASE(WM_OP_AND_BR_NE): ARITH_BR_CMP(&, uint32_t, !=); NEXT();
    FCASE(WM_OP_I32_STORE8_ADD): STORE_ADD(uint8_t, 1); NEXT();
    FCASE(WM_OP_I32_STORE16_ADD): STORE_ADD(uint16_t, 2); NEXT();
    /* the target of each entry, none shared (one load less): index, n32 at k, targets */
    FCASE(WM_OP_BR_TABLE_FLAT): BR_FLAT(I32(R(0)), 1);
    /* xorshift's first two steps, [x1, x, k1, x] then [x2, x1, k2, x1] past the second's
     * opcode, x handed on in a register (JOIN_SAME): a uint64_t holding an i32, or GCC
     * zero-extended it again for each store (branchy +0.9% instructions) */
#define XORSHIFT_TWO(x) do { x = I32(R(1)); x ^= (uint32_t)x << (I32(R(2)) & 31); SET32(0, x); x ^= x >> (I32(R(7)) & 31); SET32(5, x); } while (0)
    FCASE(WM_OP_XORSHIFT_SHL_AND_BR_TABLE_FLAT): { /* JOIN, of five; x in a register (JOIN_SAME) */
        uint64_t x_;
        XORSHIFT_TWO(x_);
        SET32(10, (uint32_t)x_ << (I32(R(12)) & 31));
        SET32(14, x_ & I32(R(16)));
        pc += 18;
        BR_FLAT(I32(R(0)), 1);
    }
    FCASE(WM_OP_BR_TABLE_AND): BR_FLAT(I32(R(0)) & I32(R(1)), 2);
    FCASE(WM_OP_XORSHIFT_BR_TABLE_AND): { /* JOIN, of four; x, then the middle value m, in a register (JOIN_SAME) */
        uint64_t m_;
        XORSHIFT_TWO(m_);
        SET32(10, m_ ^ (uint32_t)m_ << (I32(R(12)) & 31));
        pc += 15;
        BR_FLAT(I32(m_) & I32(R(1)), 2);
    }
    FCASE(WM_OP_I32_LOAD_BR_IF): LOAD_BRANCH(uint32_t, 4, !!); NEXT();
    FCASE(WM_OP_I32_LOAD8_U_IF_FALSE): LOAD_BRANCH(uint8_t, 1, !); NEXT();
    FCASE(WM_OP_I32_LOAD_LOAD8_U): LOAD_LOAD(uint8_t, 1); NEXT();
    FCASE(WM_OP_I32_LOAD_LOAD16_U): LOAD_LOAD(uint16_t, 2); NEXT();
    /* the second add may read the first's result */
#define ADD2() do { SET32(0, I32(R(1)) + I32(R(2))); SET32(4, I32(R(5)) + I32(R(6))); pc += 7; } while (0)
    FCASE(WM_OP_I32_ADD2): ADD2(); NEXT();
    FCASE(WM_OP_MOV2): R(0) = R(1); R(2) = R(3); pc += 4; NEXT();
    FCASE(WM_OP_I32_MUL_ADD_MOV): TRI_I32(a * b + c); R(0) = R(1); pc += 2; NEXT();
    FCASE(WM_OP_MUL_ADD_MOV_XOR_MUL_SHR_U_XOR): { /* JOIN, of three; the results in registers (JOIN_SAME) */
        uint32_t x_ = I32(R(1)) * I32(R(2)) + I32(R(3));
        SET32(0, x_);
        R(4) = FROM_I32(0, x_);
        uint64_t h_ = (R(8) ^ FROM_I32(9, x_)) * R(10);
        R(7) = h_;
        R(12) = (h_ >> (R(14) & 63)) ^ h_;
        pc += 16;
        NEXT();
    }
#define XOR_AND_MOV2() do { TRI_I32((a ^ b) & c); R(1) = R(2); R(3) = R(4); pc += 5; } while (0)
    FCASE(WM_OP_I32_XOR_AND_MOV2): XOR_AND_MOV2(); NEXT();
    /* then past the add_br_if's or add_br_ne's opcode */
    FCASE(WM_OP_ADD2_ADD_BR_IF): ADD2(); pc++; ARITH_BR_IF_BY(+, !!, TAKE_BACK); NEXT();
    FCASE(WM_OP_ADD2_ADD_BR_NE): ADD2(); pc++; ARITH_BR_CMP_BY(+, uint32_t, !=, TAKE_BACK); NEXT();
    /* The fill below as a loop of its own (wm_loop_turns): its turns, the base, j, step,
     * bound and byte in registers, j written to its slot on the way out, each turn's fuel and
     * interrupt check as a branch back's, its bounds test one compare (LAST_IN_BOUNDS).
     * Fields from pc: [a, b, value, offset] then [j, x, y, n, target] at 6; j is a or b and
     * x or y. With nothing metered, and every turn's byte in bounds (tested there), bulk.c's
     * wm_fill_turns runs them with only the store and the step (memtraffic's sieve: 11
     * instructions a turn -> 4). Out of run(): in it, that loop's state had GCC spill the
     * frame pointer on Cortex-M4 (mcu.registers). The function reads the fields itself: with
     * them, the memory's bounds and the checks' address as its arguments, a call's
     * arguments went to the stack on x86-64 (fib 2% more instructions). */
#define FILL_TURNS()                                                                            \
    do {                                                                                        \
        if (!(WM_CONFIG_METERING && owner->checks)) {                                           \
            int done_ = wm_fill_turns(owner, cur, fp, pc);                                      \
            CALLED();                                                                           \
            if (done_) NEXT_PAST(10 + WM_TB);                                                   \
        }                                                                                       \
        uint32_t ja_ = pc[0] == pc[6], js_ = pc[7] == pc[6];                                    \
        uint32_t j_ = I32(R(6)), base_ = I32(R(ja_)), step_ = I32(R(7 + js_)), n_ = I32(R(9));  \
        const uint32_t off_ = U16(3);                                                           \
        const int64_t last_ = LAST_IN_BOUNDS(off_, 1);                                          \
        const uint8_t v_ = (uint8_t)R(2);                                                       \
        for (;;) {                                                                              \
            uint32_t a_ = base_ + j_;                                                           \
            if (UNLIKELY((int64_t)a_ > last_)) { SET32(6, j_); TRAP(WASMCU_TRAP_MEMORY_OOB); }  \
            mem[(uint64_t)a_ + off_] = v_;                                                      \
            j_ += step_;                                                                        \
            if (j_ >= n_) { SET32(6, j_); NEXT_PAST(10 + WM_TB); }                              \
            METER_PAST_SAVING(SET32(6, j_));                                                    \
        }                                                                                       \
    } while (0)
    FCASE(WM_OP_STORE8_ADD_ADD_BR_LT_U): STORE_ADD(uint8_t, 1); pc++; ARITH_BR_CMP_BY(+, uint32_t, <, TAKE_BACK); NEXT();
    FCASE(WM_OP_I32_LOAD_SHL_ADD): {
        EA_SHL_ADD(4, 1);
        uint32_t t;
        COPY(&t, mem + ea, 4);
        SET32(0, t);
        pc += 6;
        NEXT();
    }
    FCASE(WM_OP_SELECT_AND): R(0) = fp[pc[2 - ((I32(R(3)) & I32(R(4))) != 0)]]; pc += 5; NEXT();
    FCASE(WM_OP_SELECT_SHR_XOR_AND):
        R(0) = fp[pc[2 - ((((I32(R(3)) >> (I32(R(4)) & 31)) ^ I32(R(5))) & I32(R(6))) != 0)]];
        pc += 7;
        NEXT();
    /* the same, then past the select's opcode: its [dst, x, t, a, k, b, m] picks t ^ e or t
     * by (((a >> k) ^ b) & m), both in registers (wm_crc_join) */
    FCASE(WM_OP_SHR_U_AND_XOR_SELECT): {
        uint32_t t_ = (I32(R(1)) >> (I32(R(2)) & 31)) & I32(R(3)), x_;
        SET32(0, t_);
        x_ = t_ ^ I32(R(5));
        pc += 7;
        SET32(0, (((I32(R(3)) >> (I32(R(4)) & 31)) ^ I32(R(5))) & I32(R(6))) ? x_ : t_);
        pc += 7;
        NEXT();
    }
    FCASE(WM_OP_I32_SHR_U_AND_XOR): { /* e, read after d1 is written, may be d1 */
        uint32_t t = (I32(R(1)) >> (I32(R(2)) & 31)) & I32(R(3));
        SET32(0, t);
        SET32(4, t ^ I32(R(5)));
        pc += 6;
        NEXT();
    }
    /* x times what a load16 reads, [dst, x, addr, offset] */
#define MUL_LOAD(type) do { uint64_t ea = (uint64_t)I32(R(2)) + U16(3); if (OOB(ea, 2)) TRAP(WASMCU_TRAP_MEMORY_OOB); type t_; COPY(&t_, mem + ea, 2); SET32(0, I32(R(1)) * AS_U32(t_)); pc += 5; } while (0)
    FCASE(WM_OP_I32_MUL_LOAD16_U): MUL_LOAD(uint16_t); NEXT();
    FCASE(WM_OP_I32_MUL_LOAD16_S): MUL_LOAD(int16_t); NEXT();
    /* two 16-bit loads' product, [dst, addr1, offset1, addr2, offset2]: the second load's
     * fault reports from its own fields, where the locating compile finds that load */
#define MUL2_PRODUCT(type, p) uint64_t e1_ = (uint64_t)I32(R(1)) + U16(2), e2_ = (uint64_t)I32(R(4)) + U16(5); if (OOB(e1_, 2)) TRAP(WASMCU_TRAP_MEMORY_OOB); if (OOB(e2_, 2)) { pc += 5; TRAP(WASMCU_TRAP_MEMORY_OOB); } type a_, b_; COPY(&a_, mem + e1_, 2); COPY(&b_, mem + e2_, 2); uint32_t p = AS_U32(a_) * AS_U32(b_)
#define MUL2_LOAD(type) do { MUL2_PRODUCT(type, p_); SET32(0, p_); pc += 7; } while (0)
    FCASE(WM_OP_I32_MUL2_LOAD16_U): MUL2_LOAD(uint16_t); NEXT();
    FCASE(WM_OP_I32_MUL2_LOAD16_S): MUL2_LOAD(int16_t); NEXT();
    /* then past the i32.bits2_mul_add's opcode, its two fields' value the product, in a
     * register (validate_fuse.c's bits_mul_add) */
    FCASE(WM_OP_MUL2_LOAD16_U_BITS2): {
        MUL2_PRODUCT(uint16_t, p_);
        SET32(0, p_);
        pc += 8;
        SET32(0, ((p_ >> (I32(R(2)) & 31)) & I32(R(3))) * ((p_ >> (I32(R(5)) & 31)) & I32(R(6))) + I32(R(7)));
        pc += 8;
        NEXT();
    }
    FCASE(WM_OP_SELECT_EQ): R(0) = fp[pc[2 - (I32(R(3)) == I32(R(4)))]]; pc += 5; NEXT();
    FCASE(WM_OP_SELECT_LT_S): R(0) = fp[pc[2 - (S32(R(3)) < S32(R(4)))]]; pc += 5; NEXT();
    FCASE(WM_OP_SELECT_LT_U): R(0) = fp[pc[2 - (I32(R(3)) < I32(R(4)))]]; pc += 5; NEXT();
    /* *p op= x (opcodes.def's FUSE_MEM rows): [addr, x, offset], t what p held */
#define MEM_OP(type, n, update) do { EA(n, 0); type t; COPY(&t, mem + ea, n); t = (update); COPY(mem + ea, &t, n); pc += 4; } while (0)
    FCASE(WM_OP_I32_MEM_ADD): MEM_OP(uint32_t, 4, t + I32(R(1))); NEXT();
    FCASE(WM_OP_SHL_OR_MEM_ADD_ADD_BR_IF_BACK): /* JOIN, of three */
        TRI_I32((a << (b & 31)) | c);
        pc++;
        MEM_OP(uint32_t, 4, t + I32(R(1)));
        pc++;
        ARITH_BR_IF_BY(+, !!, TAKE_BACK);
        NEXT();
    FCASE(WM_OP_F64_MEM_ADD): MEM_OP(uint64_t, 8, wm_f64_bits(wm_f64(t) + F64(R(1)))); NEXT();
    FCASE(WM_OP_I32_STORE_MOV): {
        EA(4, 0);
        uint32_t t = I32(R(1));
        COPY(mem + ea, &t, 4);
        R(4) = R(5);
        pc += 6;
        NEXT();
    }
    /* the store, the copy, then the branch on cond: [addr, value, offset, d, s, cond, target] */
#define STORE_MOV_BR_IF(take) do { EA(4, 0); STORE_MOV_BR_IF_AT(ea, take); } while (0)
#define STORE_MOV_BR_IF_AT(ea, take) do { uint32_t t_ = I32(R(1)); COPY(mem + (ea), &t_, 4); R(4) = R(5); if (I32(R(6))) take(7); else NEXT_PAST(7 + WM_TB); } while (0)
    /* a copy and an i32.load: [d, s, dst, addr, offset]; a fault reports with pc past the
     * copy, in the load's code */
#define MOV_LOAD() do { uint64_t ea_; MOV_LOAD_EA(ea_); } while (0)
#define MOV_LOAD_EA(ea) do { R(0) = R(1); ea = (uint64_t)I32(R(3)) + U16(4); if (OOB(ea, 4)) { pc += 3; TRAP(WASMCU_TRAP_MEMORY_OOB); } uint32_t t_; COPY(&t_, mem + ea, 4); SET32(2, t_); pc += 6; } while (0)
    FCASE(WM_OP_I32_STORE_MOV_BR_IF): STORE_MOV_BR_IF(TAKE); NEXT();
    FCASE(WM_OP_MOV_LOAD): MOV_LOAD(); NEXT();
    /* a list's reversal, one node a turn: mov_load, then past the opcode of the
     * i32.store_mov_br_if after it (a fault there is the store's) */
    FCASE(WM_OP_MOV_LOAD_STORE_MOV_BR_IF): MOV_LOAD(); pc++; STORE_MOV_BR_IF(TAKE_BACK); NEXT();
    /* its store to the address just loaded from, which was checked (wm_reverse_join) */
    FCASE(WM_OP_MOV_LOAD_STORE_SAME_BR_IF): {
        uint64_t at_;
        MOV_LOAD_EA(at_);
        pc++;
        STORE_MOV_BR_IF_AT(at_, TAKE_BACK);
        NEXT();
    }
    /* The turns of the reversal below as a loop of its own (wm_loop_turns): the node, its
     * copy and the offset in registers, written to their slots only on the way out (the end,
     * a fault, a stop), each turn's fuel and interrupt check as a branch back's. Its fields
     * from pc: d 0, s 1 (dst 2 is s), the offset 4, x 8 (prev 11 is x, d is not). */
#define REVERSE_TURNS()                                                                         \
    do {                                                                                        \
        uint32_t node_ = I32(R(1)), v_ = I32(R(11)), t_, u_;                                    \
        const uint32_t off_ = U16(4);                                                           \
        for (;;) { /* two turns a round: the three values change roles, not registers */        \
            REVERSE_TURN(node_, v_, t_);                                                        \
            REVERSE_TURN(t_, node_, u_);                                                        \
            v_ = t_, node_ = u_;                                                                \
        }                                                                                       \
    } while (0)
/* one turn on node n, linking it to p, the next node into nx: out when nx is 0, on a fault
 * or a stop */
#define REVERSE_TURN(n, p, nx)                                                                  \
    do {                                                                                        \
        uint64_t ea = (uint64_t)(n) + off_;                                                     \
        if (OOB(ea, 4)) { REVERSE_SAVE((n), (n), (p)); pc += 3; TRAP(WASMCU_TRAP_MEMORY_OOB); } \
        COPY(&(nx), mem + ea, 4);                                                               \
        COPY(mem + ea, &(p), 4);                                                                \
        if (!(nx)) { REVERSE_SAVE((n), 0, (n)); NEXT_PAST(14 + WM_TB); }                        \
        METER_PAST_SAVING(REVERSE_SAVE((n), (nx), (n)));                                        \
    } while (0)
/* the slots those turns leave to the stores on the way out: d, p (s and dst) and prev */
#define REVERSE_SAVE(d, p, prev) do { SET32(0, (d)); SET32(1, (p)); SET32(11, (prev)); } while (0)
    /* the same, [d, s, dst, a, offset] then [a, x, offset, prev, d, dst, target]: d = s, the
     * address s's value (a is d or s), prev = d and the branch on dst, in registers */
    FCASE(WM_OP_MOV_LOAD_STORE_SAME_BR_LOADED): {
        uint64_t w_ = R(1), ea = (uint64_t)I32(w_) + U16(4);
        R(0) = w_;
        if (OOB(ea, 4)) { pc += 3; TRAP(WASMCU_TRAP_MEMORY_OOB); }
        uint32_t t_, x_;
        COPY(&t_, mem + ea, 4);
        SET32(2, t_);
        pc += 7;
        x_ = I32(R(1));
        COPY(mem + ea, &x_, 4);
        R(4) = w_;
        if (t_) TAKE_BACK(7); else NEXT_PAST(7 + WM_TB);
        NEXT();
    }
    /* Joined straight-line pairs: the first part, then, unless its branch was taken, past
     * its n field bytes and the second part's opcode, which stays in place (its fault then
     * reports from its own fields) */
#define JOIN_TAKEN(taken, k, n) do { if (taken) TAKE(k); pc += (n) + 1; } while (0)
#define AND_BR_EQ_FIRST() do { uint32_t s_ = I32(R(1)) & I32(R(2)); SET32(0, s_); JOIN_TAKEN(s_ == I32(R(3)), 4, 4 + WM_TB); } while (0)
#define ADD_FIRST() do { SET32(0, I32(R(1)) + I32(R(2))); pc += 4; } while (0)
#define MOV_BR_NE(take) do { R(0) = R(1); if (I32(R(2)) != I32(R(3))) take(4); else NEXT_PAST(4 + WM_TB); } while (0)
    /* (a joined loop end's last branch goes back: TAKE_BACK) */
    FCASE(WM_OP_AND_BR_EQ_LOAD_BR_IF): AND_BR_EQ_FIRST(); LOAD_BRANCH_BY(uint32_t, 4, !!, TAKE_BACK); NEXT();
    /* the next node's load at an address the key's first load checked (wm_join_branch) */
#define NEXT_NODE() do { uint64_t e3_ = (uint64_t)I32(R(1)) + U16(2); uint32_t t3_; COPY(&t3_, mem + e3_, 4); SET32(0, t3_); if (t3_) TAKE_BACK(4); else NEXT_PAST(4 + WM_TB); } while (0)
    FCASE(WM_OP_LOAD_LOAD8_U_AND_BR_EQ_LOAD_BR_IF): LOAD_LOAD(uint8_t, 1); pc++; AND_BR_EQ_FIRST(); NEXT_NODE(); NEXT();
    FCASE(WM_OP_LOAD_LOAD16_U_AND_BR_EQ_LOAD_BR_IF): LOAD_LOAD(uint16_t, 2); pc++; AND_BR_EQ_FIRST(); NEXT_NODE(); NEXT();
    /* the key, t_, against k & m, neither written: the and_br_eq's fields are [dst, k, m, key] */
#define EQ_AND_FIND(type, n) do { LOAD_LOAD_T(type, n); pc += 7; JOIN_TAKEN(AS_U32(t_) == (I32(R(1)) & I32(R(2))), 4, 4 + WM_TB); NEXT_NODE(); } while (0)
    /* The same as a loop of its own (wm_loop_turns): the turns run here, the node, the
     * offsets and k & m in registers (the node written to its slot on the way out), each
     * turn's fuel and interrupt check as a branch back's. Fields from pc: the loads' [1] and
     * [2, 4], the test's k and m at 8 and 9, the next node's offset at 14 + WM_TB (its dst
     * is 1), which the caller reads into links_: inside, GCC kept it apart from mem and
     * added the two each turn (CoreMark +0.29% instructions). */
#define FIND_TURNS(type, n)                                                                     \
    do {                                                                                        \
        uint32_t p_ = I32(R(1)), km_ = I32(R(8)) & I32(R(9)), o1_ = U16(2), o2_ = U16(4);       \
        for (;;) {                                                                              \
            uint64_t e1_ = (uint64_t)p_ + o1_;                                                  \
            if (OOB(e1_, 4)) { SET32(1, p_); TRAP(WASMCU_TRAP_MEMORY_OOB); }                    \
            uint32_t r_;                                                                        \
            COPY(&r_, mem + e1_, 4);                                                            \
            uint64_t e2_ = (uint64_t)r_ + o2_;                                                  \
            if (OOB(e2_, n)) { SET32(1, p_); pc += 3; TRAP(WASMCU_TRAP_MEMORY_OOB); }           \
            type t_;                                                                            \
            COPY(&t_, mem + e2_, n);                                                            \
            if (AS_U32(t_) == km_) { SET32(1, p_); pc += 7; TAKE(4); }                          \
            COPY(&p_, links_ + p_, 4);                                                          \
            if (!p_) { SET32(1, 0); NEXT_PAST(16 + 2 * WM_TB); }                                \
            METER_PAST_SAVING(SET32(1, p_));                                                    \
        }                                                                                       \
    } while (0)
    FCASE(WM_OP_LOAD_LOAD8_U_EQ_AND_LOAD_BR_IF): EQ_AND_FIND(uint8_t, 1); NEXT();
    FCASE(WM_OP_LOAD_LOAD16_U_EQ_AND_LOAD_BR_IF): EQ_AND_FIND(uint16_t, 2); NEXT();
    FCASE(WM_OP_AND_BR_EQ_BR_TABLE): AND_BR_EQ_FIRST(); BR_FLAT(I32(R(0)), 1);
    FCASE(WM_OP_BR_EQ_BR_TABLE): JOIN_TAKEN(I32(R(0)) == I32(R(1)), 2, 2 + WM_TB); BR_FLAT(I32(R(0)), 1);
    FCASE(WM_OP_ADD_LOAD8_U_IF_FALSE): ADD_FIRST(); LOAD_BRANCH(uint8_t, 1, !); NEXT();
    FCASE(WM_OP_ADD_LOAD8_U_IF_FALSE_MOV_BR_NE): { /* the load's branch, then the mov_br_ne */
        ADD_FIRST();
        EA(1, 1);
        uint8_t c_ = mem[ea];
        SET32(0, c_);
        JOIN_TAKEN(!c_, 4, 4 + WM_TB);
        MOV_BR_NE(TAKE_BACK);
        NEXT();
    }
    /* the same, [q, p, k] then [c, p, offset, target] and [p, q, x, y, target]: p and q in
     * registers (wm_join_branch) */
#define STEP_WALK()                                                                             \
    uint32_t p_ = I32(R(1)), q_ = p_ + I32(R(2));                                               \
    uint64_t ea = (uint64_t)p_ + U16(6);                                                        \
    SET32(0, q_);                                                                               \
    pc += 4;                                                                                    \
    if (OOB(ea, 1)) TRAP(WASMCU_TRAP_MEMORY_OOB);                                               \
    uint8_t c_ = mem[ea];                                                                       \
    SET32(0, c_);                                                                               \
    JOIN_TAKEN(!c_, 4, 4 + WM_TB);                                                              \
    SET32(0, q_)
    FCASE(WM_OP_STEP_LOAD8_U_IF_FALSE_MOV_BR_NE): {
        STEP_WALK();
        if (I32(R(2)) != I32(R(3))) TAKE_BACK(4); else NEXT_PAST(4 + WM_TB);
        NEXT();
    }
    /* the same, its branch back into an and_br_eq_br_table whose c is the byte read: that
     * one's [dst, c, m, k, target] and table run here, c from the register */
    FCASE(WM_OP_STEP_LOAD8_SWITCH): {
        STEP_WALK();
        if (I32(R(2)) == I32(R(3))) NEXT_PAST(4 + WM_TB);
        const uint8_t *back_ = pc + 4;
        pc = back_ + rdt(back_) + 1;
        METER_PAST();
        uint32_t s_ = c_ & I32(R(2));
        SET32(0, s_);
        JOIN_TAKEN(s_ == I32(R(3)), 4, 4 + WM_TB);
        BR_FLAT(I32(R(0)), 1);
    }
    FCASE(WM_OP_MOV_BR_IF): R(0) = R(1); if (I32(R(2))) TAKE(3); else NEXT_PAST(3 + WM_TB); NEXT();
    FCASE(WM_OP_MOV_BR_NE): MOV_BR_NE(TAKE); NEXT();
    FCASE(WM_OP_CONST8_MOV): SET32(0, (uint32_t)(int32_t)*(const int8_t *)(const void *)(pc + 1)); R(2) = R(3); pc += 4; NEXT();
    /* the constant (and copy), then past the branch's opcode, its fields in place */
#define CONST8_FIRST(n) do { SET32(0, (uint32_t)(int32_t)*(const int8_t *)(const void *)(pc + 1)); if ((n) == 4) R(2) = R(3); pc += (n) + 1; } while (0)
    FCASE(WM_OP_CONST8_ADD_AND_BR_GE_U): CONST8_FIRST(2); ADD_AND_BR_BY(>=, TAKE_FWD); NEXT();
    FCASE(WM_OP_CONST8_MOV_AND_BR_EQ): CONST8_FIRST(4); ARITH_BR_CMP_BY(&, uint32_t, ==, TAKE_FWD); NEXT();
    FCASE(WM_OP_CONST8_MOV_BR_EQ): CONST8_FIRST(4); BR_CMP_BY(uint32_t, ==, TAKE_FWD); NEXT();
    FCASE(WM_OP_CONST8_MOV_ADD_AND_BR_GT_U): CONST8_FIRST(4); ADD_AND_BR_BY(>, TAKE_FWD); NEXT();
    /* call_indirect_load [i, k, a, offset, ...]: the index a load reads from (i << k) + a +
     * offset (wrapping at 32 bits as the shl and add did; a plain load's k and a are a
     * constant 0), then call_indirect's fields. A fault of the load stops at the opcode. */
#define CALL_INDIRECT_LOAD() CALL_INDIRECT_LOAD_OF(I32(R(0)))
/* the same with its index i given (a join's, in a register: JOIN_SAME) */
#define CALL_INDIRECT_LOAD_OF(i) do { EA_SHL_ADD_OF(4, i, 0); COPY(&from, mem + ea, 4); pc += 5; CALL_INDIRECT_FROM(); } while (0)
    FCASE(WM_OP_CALL_INDIRECT_LOAD): CALL_INDIRECT_LOAD();
    FCASE(WM_OP_XOR_AND_MOV2_CALL_INDIRECT_LOAD): { /* JOIN; the index in a register (JOIN_SAME) */
        uint32_t k_ = (I32(R(1)) ^ I32(R(2))) & I32(R(3));
        SET32(0, k_);
        R(5) = R(6);
        R(7) = R(8);
        pc += 10;
        CALL_INDIRECT_LOAD_OF(k_);
    }
    FCASE(WM_OP_MOV_ADD_XOR_AND_MOV2_CALL_INDIRECT_LOAD): { /* JOIN, of four; the copy, the sum and the index in registers (JOIN_SAME) */
        uint64_t v_ = R(1);
        R(0) = v_;
        uint32_t s_ = I32(R(4)) + I32(R(5));
        SET32(3, s_);
        uint32_t k_ = (s_ ^ I32(v_)) & I32(R(10));
        SET32(7, k_);
        R(12) = v_;
        R(14) = FROM_I32(3, s_);
        pc += 17;
        CALL_INDIRECT_LOAD_OF(k_);
    }
    /* Loops of one instruction (wm_loop_turns), each loop never falling out: one label for
     * the four, their opcode picking the loop once on entry. Each label whose address the
     * table takes moves GCC's register allocation of all of run(): with four, a call's
     * arguments went to the stack (fib +2.5%, indirect +1.8% instructions). */
    TURNS_CASES:
        if (pc[-1] == WM_OP_LIST_REVERSE_TURNS) REVERSE_TURNS();
        if (pc[-1] == WM_OP_BYTE_FILL_TURNS) FILL_TURNS();
        {
            const uint8_t *links_ = mem + U16(14 + WM_TB);
            if (pc[-1] == WM_OP_LIST_FIND8_TURNS) FIND_TURNS(uint8_t, 1);
            FIND_TURNS(uint16_t, 2);
        }

#if !WM_CONFIG_SHARED_HANDLERS
    CASE(WM_OP_I32_DIV_S):
        if (I32(R(2)) == 0) TRAP(WASMCU_TRAP_DIV_ZERO);
        if (S32(R(2)) == -1 && I32(R(1)) == 0x80000000u) TRAP(WASMCU_TRAP_INT_OVERFLOW);
        BIN_I32((int32_t)a / (int32_t)b);
        NEXT();
    CASE(WM_OP_I32_DIV_U):
        if (I32(R(2)) == 0) TRAP(WASMCU_TRAP_DIV_ZERO);
        BIN_I32(a / b);
        NEXT();
    CASE(WM_OP_I32_REM_S):
        if (I32(R(2)) == 0) TRAP(WASMCU_TRAP_DIV_ZERO);
        BIN_I32((int32_t)b == -1 ? 0 : (int32_t)a % (int32_t)b);
        NEXT();
    CASE(WM_OP_I32_REM_U):
        if (I32(R(2)) == 0) TRAP(WASMCU_TRAP_DIV_ZERO);
        BIN_I32(a % b);
        NEXT();
    CASE(WM_OP_I64_ADD): BIN_I64(a + b); NEXT();
    CASE(WM_OP_I64_SUB): BIN_I64(a - b); NEXT();
    CASE(WM_OP_I64_MUL): BIN_I64(a * b); NEXT();
    CASE(WM_OP_I64_AND): BIN_I64(a & b); NEXT();
    CASE(WM_OP_I64_OR): BIN_I64(a | b); NEXT();
    CASE(WM_OP_I64_XOR): BIN_I64(a ^ b); NEXT();
    CASE(WM_OP_I64_SHL): BIN_I64(a << (b & 63)); NEXT();
    CASE(WM_OP_I64_SHR_S): BIN_I64((uint64_t)((int64_t)a >> (b & 63))); NEXT();
    CASE(WM_OP_I64_SHR_U): BIN_I64(a >> (b & 63)); NEXT();
    CASE(WM_OP_I32_ROTL): BIN_I32(wm_rotl32(a, b)); NEXT();
    CASE(WM_OP_I64_EQZ): SET32(0, R(1) == 0); pc += 2; NEXT();
    CASE(WM_OP_I64_NE): CMP(uint64_t, AS_U64, !=); NEXT();
    CASE(WM_OP_I64_LT_S): CMP(int64_t, S64, <); NEXT();
    CASE(WM_OP_I64_LT_U): CMP(uint64_t, AS_U64, <); NEXT();
    CASE(WM_OP_I64_GT_S): CMP(int64_t, S64, >); NEXT();
    CASE(WM_OP_I64_GT_U): CMP(uint64_t, AS_U64, >); NEXT();
    CASE(WM_OP_I64_GE_U): CMP(uint64_t, AS_U64, >=); NEXT();
    CASE(WM_OP_F32_LT): CMP(float, F32, <); NEXT();
    CASE(WM_OP_F32_GE): CMP(float, F32, >=); NEXT();
    CASE(WM_OP_F64_EQ): CMP(double, F64, ==); NEXT();
    CASE(WM_OP_F64_NE): CMP(double, F64, !=); NEXT();
    CASE(WM_OP_F64_LT): CMP(double, F64, <); NEXT();
    CASE(WM_OP_F64_GT): CMP(double, F64, >); NEXT();
    CASE(WM_OP_F64_GE): CMP(double, F64, >=); NEXT();

    CASE(WM_OP_F32_ADD): BIN_F32(a + b); NEXT();
    CASE(WM_OP_F32_SUB): BIN_F32(a - b); NEXT();
    CASE(WM_OP_F32_MUL): BIN_F32(a * b); NEXT();
    CASE(WM_OP_F32_DIV): BIN_F32(a / b); NEXT();
    CASE(WM_OP_F64_ADD): BIN_F64(a + b); NEXT();
    CASE(WM_OP_F64_SUB): BIN_F64(a - b); NEXT();
    CASE(WM_OP_F64_MUL): BIN_F64(a * b); NEXT();
    CASE(WM_OP_F64_DIV): BIN_F64(a / b); NEXT();
    CASE_IF(WM_CONFIG_FLOAT_ACC, WM_OP_F64_ADD_ACC): ACC_F64(acc + x); NEXT();
    CASE_IF(WM_CONFIG_FLOAT_ACC, WM_OP_F64_SUB_ACC): ACC_F64(acc - x); NEXT();
    CASE_IF(WM_CONFIG_FLOAT_ACC, WM_OP_F64_SUB_ACC2): ACC_F64(x - acc); NEXT();
    CASE_IF(WM_CONFIG_FLOAT_ACC, WM_OP_F64_MUL_ACC): ACC_F64(acc * x); NEXT();
    CASE_IF(WM_CONFIG_FLOAT_ACC, WM_OP_F64_DIV_ACC): ACC_F64(acc / x); NEXT();
    CASE_IF(WM_CONFIG_FLOAT_ACC, WM_OP_F64_DIV_ACC2): ACC_F64(x / acc); NEXT();
#if WM_CONFIG_FLOAT_ACC /* their opcodes' only configuration */
    CASE(WM_OP_F64_ADD_ACC_T): ACC_ONLY_F64(acc + x); NEXT();
    CASE(WM_OP_F64_MUL_ACC_T): ACC_ONLY_F64(acc * x); NEXT();
    CASE(WM_OP_F64_DIV_ACC2_T): ACC_ONLY_F64(x / acc); NEXT();
#define MUL_DIV_ADD_ACC() do { ACC_F64(acc * x); pc++; ACC_ONLY_F64(x / acc); pc++; ACC_ONLY_F64(acc + x); } while (0)
    FCASE(WM_OP_F64_MUL_DIV_ADD_ACC): MUL_DIV_ADD_ACC(); NEXT(); /* JOIN, of three */
    FCASE(WM_OP_F64_MUL_DIV_ADD_ACC2): MUL_DIV_ADD_ACC(); pc++; MUL_DIV_ADD_ACC(); NEXT(); /* JOIN */
#endif

    CASE(WM_OP_I64_EXTEND_I32_U): /* emitted with WM_CONFIG_I32_LOW_HALF, or F32_LOW_HALF's reinterpret */
    CASE(WM_OP_I32_WRAP_I64): R(0) = I32(R(1)); pc += 2; NEXT();
    CASE(WM_OP_I64_EXTEND_I32_S): R(0) = (uint64_t)(int64_t)S32(R(1)); pc += 2; NEXT();
    CASE(WM_OP_F32_CONVERT_I32_S): SETF32(0, wm_f32_bits((float)S32(R(1)))); pc += 2; NEXT();
    FCASE(WM_OP_F32_CONVERT_I32_S_F32_MUL): /* JOIN */
        SETF32(0, wm_f32_bits((float)S32(R(1))));
        pc += 3;
        BIN_F32(a * b);
        NEXT();
    CASE(WM_OP_F64_CONVERT_I32_S): R(0) = wm_f64_bits((double)S32(R(1))); pc += 2; NEXT();
#else /* they share the cold ones' handler */
#define X(op) CASE(WM_OP_##op):
    WM_HOT_NUMERIC(X)
#undef X
#endif

    /* the numeric instructions programs run seldom, compiled as numeric1 [dst, a, k] and
     * numeric2 [dst, a, b, k] (opcodes.def's NOCODE rows, k their number there): one shared
     * handler, computed in numeric.c */
    CASE(WM_OP_NUMERIC1):
    CASE(WM_OP_NUMERIC2):
    {
        uint32_t len, op = pc[-1];
        if (op == WM_OP_NUMERIC1 || op == WM_OP_NUMERIC2)
            op = WM_OP_COMPILED + pc[op == WM_OP_NUMERIC1 ? 2 : 3];
        err = wm_numeric(op, fp, pc, &len);
        CALLED();
        if (err != WASMCU_OK) TRAP(err);
        pc += len + (op >= WM_OP_COMPILED); /* and k */
        NEXT();
    }

    CASE(WM_OP_MEMORY_SIZE): SP(); *sp++ = cur->mem->pages; NEXT();
    CASE(WM_OP_MEMORY_GROW):
        SP();
        sp[-1] = (uint32_t)wm_memory_grow(cur->rt, cur->mem, I32(sp[-1]));
        CALLED();
    reload: /* the memory may have moved or grown, or the instance changed */
        LOAD_INST();
        NEXT();
    CASE(WM_OP_STACK_COLD): /* [top, k, a, b]: tables, references, bulk memory (bulk.c) */
        err = wm_stack_cold(cur, fp, pc);
        CALLED();
        if (err != WASMCU_OK) TRAP(err);
        pc += 11;
        NEXT();

    /* the check before a back-edge that cannot check itself (br_drop, br_table), as a branch
     * back's (BRANCH_BACK): a stop resumes past it */
    CASE(WM_OP_LOOP): BRANCH_BACK(pc, 0);
#if WM_CONFIG_COMPUTED_GOTO
    back_check: /* a branch back's dispatch while checks is set (BRANCH_BACK, back_at) */
        pc--;
        goto check;
#endif
    check:
        err = meter(owner);
        CALLED();
        if (err == WASMCU_OK) NEXT();
        if (first != WM_RUN_GAP) { /* nested under a native: only the outermost call can stop */
            err = WASMCU_OK;
            NEXT();
        }
        if (err == WASMCU_INTERRUPTED) owner->interrupt = 0;
        wm_set_checks(owner, owner->fuel_on);
        owner->susp.active = 1;
        owner->susp.func = top->func;
        owner->susp.pc = pc;
        owner->susp.fp = fp;
        owner->susp.sp = sp;
        owner->susp.nframes = (uint32_t)(top - frames);
        owner->susp.first = first;
        wm_error(cur->rt, err, "%s: the call stopped in func %u; wasmcu_resume continues it",
                 wasmcu_err_str(err), (unsigned)top->func->idx);
        return err;

    DISPATCH_END

bad_op: /* a byte no compiled opcode has (the switch's default, or labels[]) */
    err = WASMCU_TRAP_UNREACHABLE;
    memcpy(msg, "internal error: bad compiled opcode", 36);
trap:
    if (err == WASMCU_TRAP_MEMORY_OOB && !msg[0] && cur->mem && cur->mem->small)
        snprintf(msg, sizeof msg, "small-memory mode: only the first %u bytes of the page exist "
                 "(small_memory_bytes)", (unsigned)cur->mem->size);
    report_trap(cur->rt, err, msg, top->func, pc, frames, (uint32_t)(top - frames), first);
    return err;
}

wasmcu_err wm_interp_call(wasmcu_instance *inst, wm_func *f, const wasmcu_val *args,
                          wasmcu_val *results)
{
    wm_runtime *rt = inst->rt;
    uint32_t np = f->type->nparams, nr = f->type->nresults;
    wasmcu_val *base = inst->stack_top;
    uint32_t need = np > nr ? np : nr;
    wasmcu_val *saved_top = inst->stack_top;
    uint32_t saved_frames = inst->nframes;
    wasmcu_err err;
    if (base + need + nr > inst->stack_end) {
        return wm_error(rt, WASMCU_TRAP_STACK_EXHAUSTED,
                        "trap: call stack exhausted: no value stack left to call func %u "
                        "(stack_size)", (unsigned)f->idx);
    }
    /* the run's first frame, the one for its running function: a native's call back from
     * the deepest frame has none */
    if (f->code && inst->nframes + WM_RUN_GAP > inst->max_frames) {
        return wm_error(rt, WASMCU_TRAP_STACK_EXHAUSTED,
                        "trap: call stack exhausted: no frame left to call func %u, %u calls "
                        "deep (max_call_depth)",
                        (unsigned)f->idx, (unsigned)(inst->max_frames - WM_RUN_GAP));
    }
    if (inst->susp.active)
        return wm_error(rt, WASMCU_ERR_ARG, "a call on this instance is stopped (fuel or interrupt): "
                        "wasmcu_resume it before a new call");
    if (np) memcpy(base, args, np * sizeof *args);
    wm_i32s_zero_extended(base, f->type->types, np);
    if (f->code) {
        if ((err = compile_at_call(f)) != WASMCU_OK) return err; /* its words in rt's error */
        wm_state st = {f, base, base, NULL, inst->nframes + WM_RUN_GAP, inst->nframes + WM_RUN_GAP};
        err = run(inst, &st, 1);
        if (err == WASMCU_FUEL_EXHAUSTED || err == WASMCU_INTERRUPTED) {
            /* the stopped call keeps its stack until it is resumed */
            inst->susp.entry = f;
            inst->susp.base = base;
            inst->susp.saved_top = saved_top;
            inst->susp.saved_frames = saved_frames;
            return err;
        }
    } else {
        char msg[128];
        inst->stack_top = base + need + nr;
        err = wm_call_native(inst, f, base, base + need, msg, sizeof msg);
        if (err) {
            if (err == WASMCU_TRAP_EXIT) wm_error(rt, err, "trap: program exited with %d", (int)rt->exit_code);
            else if (msg[0]) wm_error(rt, err, "trap: %s: %s", wasmcu_err_str(err), msg);
            else wm_error(rt, err, "trap: %s", wasmcu_err_str(err));
        }
    }
    if (err == WASMCU_OK && nr) {
        memcpy(results, base, nr * sizeof *results);
        wm_i32s_leaving(results, f->type->types + np, nr);
    }
    inst->stack_top = saved_top;
    inst->nframes = saved_frames;
    return err;
}

wasmcu_err wm_interp_resume(wasmcu_instance *inst, wasmcu_val *results)
{
    struct wm_suspended *su = &inst->susp;
    if (!su->active)
        return wm_error(inst->rt, WASMCU_ERR_ARG, "wasmcu_resume: no call is stopped on this instance");
    su->active = 0;
    wm_state st = {su->func, su->fp, su->sp, su->pc, su->nframes, su->first};
    wasmcu_err err = run(inst, &st, 0);
    if (err == WASMCU_FUEL_EXHAUSTED || err == WASMCU_INTERRUPTED) return err;
    const wm_functype *ft = su->entry->type;
    uint32_t nr = ft->nresults;
    if (err == WASMCU_OK && nr) {
        memcpy(results, su->base, nr * sizeof *results);
        wm_i32s_leaving(results, ft->types + ft->nparams, nr);
    }
    inst->stack_top = su->saved_top;
    inst->nframes = su->saved_frames;
    return err;
}
