/* validate: the spec's validation algorithm (WebAssembly 2.0 without SIMD) over a decoded
 * module. Function bodies are decoded, type-checked and compiled to internal code
 * (compile.h) in one pass: the validator already knows every stack height and branch
 * target the interpreter needs. */
#include <stddef.h>
#include <string.h>
#include "validate.h"
#include "compile.h"
#include "reader.h"
#include "validate_ctx.h"
#include "pack.h"

const char *wm_type_name(wm_valtype t)
{
    switch (t) {
    case WASMCU_I32: return "i32";
    case WASMCU_I64: return "i64";
    case WASMCU_F32: return "f32";
    case WASMCU_F64: return "f64";
    case WASMCU_V128: return "v128";
    case WASMCU_FUNCREF: return "funcref";
    case WASMCU_EXTERNREF: return "externref";
    default: return "unknown";
    }
}

const wm_valtype wm_single_types[7] = {WASMCU_I32, WASMCU_I64, WASMCU_F32, WASMCU_F64,
                                       WASMCU_V128, WASMCU_FUNCREF, WASMCU_EXTERNREF};

/* ---- errors ------------------------------------------------------------------------------ */

wasmcu_err wm_fail(vctx *v, wasmcu_err code, const char *fmt, const char *a, const char *b,
                   const char *c)
{
    if (v->err) return v->err;
    char msg[160];
    size_t at = v->r.p ? wm_reader_offset(&v->r) : 0;
    /* a tiny formatter keeps this file free of varargs plumbing */
    size_t n = 0;
    const char *args[3] = {a, b, c};
    int ai = 0;
    for (const char *p = fmt; *p && n + 1 < sizeof msg; p++) {
        if (p[0] == '%' && p[1] == 's' && ai < 3) {
            for (const char *s = args[ai++]; s && *s && n + 1 < sizeof msg; s++) {
                if (*s <= WM_NAME_WORDS) { /* a word of an opcode name (opcodes.h) */
                    for (const char *t = wm_name_words[*s - 1]; *t && n + 1 < sizeof msg; t++)
                        msg[n++] = *t;
                    continue;
                }
                msg[n++] = *s;
            }
            p++;
        } else {
            msg[n++] = *p;
        }
    }
    msg[n] = 0;
    if (v->locating) { /* the caller's error detail (a trap) must survive */
        v->err = code;
        return code;
    }
    const char *what = code == WASMCU_ERR_MALFORMED ? "malformed module"
                       : code == WASMCU_ERR_UNSUPPORTED ? "unsupported module"
                       : code == WASMCU_ERR_OOM ? "out of memory"
                                                : "invalid module";
    if (v->func != UINT32_MAX) {
        uint32_t len = 0;
        const uint8_t *name = wm_module_func_name(v->m, v->func, &len);
        if (name)
            wm_error(v->rt, code, "%s: func %u \"%.*s\" (offset 0x%lx): %s", what,
                     (unsigned)v->func, (int)len, (const char *)name, (unsigned long)at, msg);
        else
            wm_error(v->rt, code, "%s: func %u (offset 0x%lx): %s", what, (unsigned)v->func,
                     (unsigned long)at, msg);
    } else {
        wm_error(v->rt, code, "%s: (offset 0x%lx): %s", what, (unsigned long)at, msg);
    }
    v->err = code;
    return code;
}

static wasmcu_err invalid(vctx *v, const char *msg) { return wm_fail(v, WASMCU_ERR_INVALID, msg, 0, 0, 0); }

/* Reader errors inside a body are malformed-module errors. */
static wasmcu_err reader_failed(vctx *v)
{
    if (v->err) return v->err;
    return wm_fail(v, WASMCU_ERR_MALFORMED, "%s", v->r.err ? v->r.err : "unexpected end", 0, 0);
}

#define READ(x)                                                                                 \
    do {                                                                                        \
        if (!(x)) return reader_failed(v);                                                      \
    } while (0)

/* ---- growable arrays --------------------------------------------------------------------- */

/* grow's call, when there is no room */
int wm_grow_to(vctx *v, void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    uint32_t nc = *cap ? *cap : 16;
    while (nc < need) nc *= 2;
    void *p = wm_realloc(&v->rt->alloc, *arr, (size_t)nc * elem);
    if (!p) {
        wm_fail(v, WASMCU_ERR_OOM, "no room to validate this function", 0, 0, 0);
        return 0;
    }
    *arr = p;
    *cap = nc;
    return 1;
}


/* ---- emission ---------------------------------------------------------------------------- */

static void set_emitting(vctx *v)
{
    const ctrl *c = &v->ctrls[v->nctrls - 1];
    v->emit = v->compile && !c->unreachable && !c->dead;
}

/* Room for n more units. */
static int code_room(vctx *v, uint32_t n)
{
    if (!grow(v, (void **)&v->code, &v->code_bytes, (v->ncode + n) << v->wide, 1)) return 0;
    v->cap_code = v->wide ? 0 : v->code_bytes;
    return 1;
}

wasmcu_err wm_emit_grown(vctx *v, uint32_t u)
{
    if (!code_room(v, 1)) return v->err;
    unit_put(v, v->ncode++, u);
    return WASMCU_OK;
}

/* 16 and 32 bits in the target's byte order, where run reads them with memcpy; a wide
 * function's as one or two words, low half first, which pack.c reads so. */
wasmcu_err wm_emit16(vctx *v, uint32_t x)
{
    uint16_t h = (uint16_t)x;
    if (v->wide) return emit(v, h);
    if (!code_room(v, 2)) return v->err;
    memcpy(v->code + v->ncode, &h, 2);
    v->ncode += 2;
    return WASMCU_OK;
}

static wasmcu_err emit32(vctx *v, uint32_t w)
{
    if (v->wide) {
        TRY(emit(v, w & 0xFFFFu));
        return emit(v, w >> 16);
    }
    if (!code_room(v, 4)) return v->err;
    memcpy(v->code + v->ncode, &w, 4);
    v->ncode += 4;
    return WASMCU_OK;
}

static void write32(vctx *v, uint32_t at, uint32_t w)
{
    if (v->wide) {
        unit_put(v, at, w & 0xFFFFu);
        unit_put(v, at + 1, w >> 16);
    } else {
        memcpy(v->code + at, &w, 4);
    }
}

/* A branch target's field: WM_TB bytes (compile.h), a wide function's two words (a word
 * index, which pack.c makes an offset). */
static wasmcu_err emit_tgt(vctx *v, uint32_t w)
{
    return v->wide ? emit32(v, w) : wm_emit16(v, w);
}

static void write_tgt(vctx *v, uint32_t at, uint32_t w)
{
    uint16_t h = (uint16_t)w;
    if (v->wide) write32(v, at, w);
    else memcpy(v->code + at, &h, 2);
}

/* ---- the type stack ---------------------------------------------------------------------- */

static wasmcu_err grow_vals(vctx *v)
{
    if (!grow(v, (void **)&v->vals, &v->cap_vals, v->nvals + 1, 1) ||
        !grow(v, (void **)&v->opnds, &v->cap_opnds, v->nvals + 1, sizeof(opnd)))
        return v->err;
    return WASMCU_OK;
}

static inline wasmcu_err push(vctx *v, wm_valtype t)
{
    if (v->nvals >= v->cap_vals || v->nvals >= v->cap_opnds) TRY(grow_vals(v));
    v->opnds[v->nvals].kind = V_HOME;
    v->vals[v->nvals++] = t;
    if (v->nvals > v->max_vals) v->max_vals = v->nvals;
    return WASMCU_OK;
}

static wasmcu_err pop(vctx *v, wm_valtype *out)
{
    ctrl *c = &v->ctrls[v->nctrls - 1];
    if (v->nvals == c->height) {
        if (c->unreachable) {
            *out = UNKNOWN;
            return WASMCU_OK;
        }
        return wm_fail(v, WASMCU_ERR_INVALID, "type mismatch: %s needs a value but the stack is empty",
                       wm_op_name(v->cur_op), 0, 0);
    }
    *out = v->vals[--v->nvals];
    return WASMCU_OK;
}

static wasmcu_err pop_expect(vctx *v, wm_valtype want, wm_valtype *got)
{
    wm_valtype t = UNKNOWN;
    TRY(pop(v, &t));
    if (t != want && t != UNKNOWN && want != UNKNOWN)
        return wm_fail(v, WASMCU_ERR_INVALID, "type mismatch: %s expects %s but got %s",
                       wm_op_name(v->cur_op), wm_type_name(want), wm_type_name(t));
    if (got) *got = t == UNKNOWN ? want : t;
    return WASMCU_OK;
}

static wasmcu_err pop_types(vctx *v, const wm_valtype *ts, uint32_t n)
{
    for (uint32_t i = n; i-- > 0;) TRY(pop_expect(v, ts[i], NULL));
    return WASMCU_OK;
}

static wasmcu_err push_types(vctx *v, const wm_valtype *ts, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) TRY(push(v, ts[i]));
    return WASMCU_OK;
}

/* ---- operand slots ----------------------------------------------------------------------- */

wasmcu_err wm_emit_home_slot(vctx *v, uint32_t s, int run16)
{
    if (!grow(v, (void **)&v->relocs, &v->cap_relocs, v->nrelocs + 1, sizeof(uint32_t)))
        return v->err;
    v->relocs[v->nrelocs++] = v->ncode | (run16 ? RUN16 : 0);
    return run16 ? wm_emit16(v, s) : emit(v, s);
}

/* The constant slot holding bits, given one (add) while there is room; UINT32_MAX when it
 * has none. Found through a small open-addressed hash of the constants, twice their number
 * so that it never fills. */
static uint32_t const_slot_at(vctx *v, uint64_t bits, int add)
{
    uint32_t h = (uint32_t)((bits * 0x9E3779B97F4A7C15u) >> 40) & (CONST_HASH - 1), j;
    while ((j = v->const_at[h]) != 0) {
        if (v->consts[j - 1] == bits) return v->nlocals + j - 1;
        h = (h + 1) & (CONST_HASH - 1);
    }
    if (!add || v->nconsts == WM_CONFIG_CONST_SLOTS) return UINT32_MAX;
    v->consts[v->nconsts++] = bits;
    v->const_at[h] = (uint8_t)v->nconsts;
    return v->nlocals + v->nconsts - 1;
}
static uint32_t const_slot(vctx *v, uint64_t bits) { return const_slot_at(v, bits, 1); }

/* Emits a 64-bit constant as a slot's value: i32.const8 [dst, imm8] (sign-extended),
 * i32.const [dst, bits32] or i64.const [dst, lo32, hi32]. */
static wasmcu_err emit_const(vctx *v, uint32_t dst, uint64_t bits, int wide)
{
    int32_t small = (int32_t)(uint32_t)bits;
    int byte = !wide && small >= -128 && small < 128; /* most are: i32.const8 [dst, imm8] */
    TRY(emit(v, byte ? WM_OP_I32_CONST8 : wide ? WM_OP_I64_CONST : WM_OP_I32_CONST));
    TRY(emit_slot(v, dst));
    if (byte) {
        TRY(emit(v, (uint32_t)small & 0xFFu));
        if (WM_CONFIG_FUSED_OPS) v->copy_end = v->ncode;
        return WASMCU_OK;
    }
    TRY(emit32(v, (uint32_t)bits));
    return wide ? emit32(v, (uint32_t)(bits >> 32)) : WASMCU_OK;
}

/* A copy [local.get, dst, src], or joined to the instruction before it (wm_copy_joins). */
static wasmcu_err emit_copy(vctx *v, uint32_t dst, uint32_t src)
{
    int joined = WM_CONFIG_FUSED_OPS && wm_copy_joins(v);
    if (joined && v->err != WASMCU_OK) return v->err;
    if (!joined) TRY(emit(v, WM_OP_LOCAL_GET));
    TRY(emit_slot(v, dst));
    TRY(emit_slot(v, src));
    if (WM_CONFIG_FUSED_OPS && !joined) v->copy_end = v->ncode;
    return WASMCU_OK;
}

/* Puts value i into its home slot. */
static wasmcu_err materialize(vctx *v, uint32_t i)
{
    opnd *o = &v->opnds[i];
    if (o->kind == V_LOCAL) {
        TRY(emit_copy(v, home(v, i), o->local));
    } else if (o->kind == V_CONST) {
        if (WM_CONFIG_FUSED_OPS) v->const_w = v->ncode + 1; /* wm_note_early_write */
        TRY(emit_const(v, home(v, i), o->bits, o->wide));
    }
    o->kind = V_HOME;
    return WASMCU_OK;
}

/* Puts every value from index `from` up into its home slot. */
static wasmcu_err flush_from(vctx *v, uint32_t from)
{
    if (from < v->flushed) from = v->flushed;
    for (uint32_t i = from; i < v->nvals; i++) TRY(materialize(v, i));
    if (from == v->flushed || v->flushed >= v->nvals) v->flushed = v->nvals;
    return WASMCU_OK;
}

static wasmcu_err flush(vctx *v) { return flush_from(v, 0); }

/* Pushes a value that emits nothing yet: a local's or a constant. A long run of them is
 * flushed, which bounds the scan a local.set makes for readers of its local. */
static wasmcu_err push_deferred(vctx *v, wm_valtype t, uint8_t kind, uint32_t local, uint64_t bits,
                                uint8_t wide)
{
    if (!emitting(v)) return push(v, t);
    if (v->flushed > v->nvals) v->flushed = v->nvals;
    if (v->nvals - v->flushed >= 32) TRY(flush(v));
    TRY(push(v, t));
    opnd *o = &v->opnds[v->nvals - 1];
    o->kind = kind;
    o->local = local;
    o->bits = bits;
    o->wide = wide;
    return WASMCU_OK;
}

/* The slot operand i (just popped) is read from; a constant goes to its home slot first. */
static wasmcu_err slot_of(vctx *v, uint32_t i, uint32_t *out)
{
    opnd *o = &v->opnds[i];
    if (o->kind == V_LOCAL) {
        *out = o->local;
        return WASMCU_OK;
    }
    if (o->kind == V_CONST && (*out = const_slot(v, o->bits)) != UINT32_MAX) return WASMCU_OK;
    TRY(materialize(v, i));
    *out = home(v, i);
    return WASMCU_OK;
}

/* Which locals a call must clear. wasm starts every declared local at zero, but compilers
 * write most before reading them; those a call may leave as the frame's memory held them.
 * A local read where some path to it has not written it (or past the first 64 declared
 * ones, any read) joins the range cleared. Paths meet at a block's or if's end: what is
 * assigned after it is what every branch to it and the fall-through assigned; a loop's end
 * is reached by falling through only. Unreachable code runs never and counts for nothing. */
static void read_local(vctx *v, uint32_t i)
{
    if (!WM_CONFIG_LOCAL_PATHS || i < v->nparams) return;
    uint32_t l = i - v->nparams;
    if (l < 64 && (v->assigned >> l & 1)) return;
    if (l < v->zero_lo) v->zero_lo = l;
    if (l + 1 > v->zero_hi) v->zero_hi = l + 1;
}

static void write_local(vctx *v, uint32_t i)
{
    if (WM_CONFIG_LOCAL_PATHS && i >= v->nparams && i - v->nparams < 64) v->assigned |= (uint64_t)1 << (i - v->nparams);
}

/* A branch (while emitting) to the end of c, or for a loop to its start, which adds no path
 * to its end. */
static void branch_to(vctx *v, ctrl *c)
{
    /* leaving a block with a value written ahead (wm_early_value): its local may be read */
    if (WM_CONFIG_FUSED_OPS && v->early_ctrl != UINT32_MAX && (uint32_t)(c - v->ctrls) < v->early_ctrl)
        v->early_out = 1;
    if (WM_CONFIG_LOCAL_PATHS && c->op != WM_OP_LOOP) c->join &= v->assigned;
}

/* A label (a loop's start, a block's end or else, the function's start): a branch may land
 * here, so nothing before fuses with anything after. */
static void label_here(vctx *v)
{
    v->last_end = v->acc_end = v->op_start = v->op_prev = UINT32_MAX;
    if (WM_CONFIG_FUSED_OPS) v->copy_end = v->add_at = v->add2_at = v->smov_at = v->br_end = v->ll_at = v->st8_at = v->sa_at = v->sa_prev = v->m2_at = v->c8m_at = v->sax_at = v->kept_local = UINT32_MAX;
}

static wasmcu_err push_ctrl(vctx *v, uint16_t op, const wm_valtype *params, uint32_t np,
                            const wm_valtype *results, uint32_t nr)
{
    int dead = v->nctrls ? !emitting(v) : 0;
    if (!grow(v, (void **)&v->ctrls, &v->cap_ctrls, v->nctrls + 1, sizeof(ctrl))) return v->err;
    ctrl *c = &v->ctrls[v->nctrls++];
    c->op = op;
    c->unreachable = 0;
    c->dead = (uint8_t)dead;
    c->fixups = c->else_fixup = 0;
    c->sets = WM_CONFIG_FUSED_OPS && (op == WM_OP_BLOCK || op == WM_OP_IF) && nr == 1 ? 0 : NO_SETS;
    c->params = params;
    c->nparams = np;
    c->results = results;
    c->nresults = nr;
    c->height = v->nvals;
    c->loop_start = v->ncode;
    if (WM_CONFIG_LOCAL_PATHS) c->entry = v->assigned, c->join = ~(uint64_t)0;
    v->emit = v->compile && !dead;
    /* a block's start is no label: branches to a block go to its end, so the code before
     * it may still fuse with the code in it; nor is an if's, which only its condition's
     * branch falls through to (a string walk's load and test, then the if's copy and
     * branch back, join) */
    if (op != WM_OP_BLOCK && op != WM_OP_IF) label_here(v);
    return push_types(v, params, np);
}

static void set_unreachable(vctx *v)
{
    ctrl *c = &v->ctrls[v->nctrls - 1];
    v->nvals = c->height;
    c->unreachable = 1;
    v->emit = 0;
}

/* A target as written at `at`: relative to there (compile.h), which pack.c makes it in a
 * wide function, whose targets are word indexes until then. */
static uint32_t target_at(const vctx *v, uint32_t at, uint32_t target)
{
    return v->wide ? target : target - at;
}

/* Writes a branch's target: a loop start is known (and behind: a negative target is a
 * back-edge, where branches check fuel), a block end is chained for later, each link the
 * distance back to the one before (the field's index + 1 in a wide function). Code past
 * WM_TB_MAX bytes cannot hold its targets: the function compiles again, wide. */
static wasmcu_err emit_target(vctx *v, ctrl *c)
{
    uint32_t at = v->ncode;
    v->last_end = UINT32_MAX;
    if (c->op == WM_OP_LOOP) return emit_tgt(v, target_at(v, at, c->loop_start));
    if (!v->wide && at > WM_TB_MAX) {
        v->retry_wide = 1;
        return emit_tgt(v, 0);
    }
    TRY(emit_tgt(v, v->wide ? c->fixups : c->fixups ? at + 1 - c->fixups : 0));
    c->fixups = at + 1;
    return WASMCU_OK;
}

/* Remembers the branch instruction at `at`, which flat_opcodes may thread into its target
 * (a jump, or a string walk's loop end, the one wm_join_branch returns) or make the loop of
 * one instruction it is (wm_loop_turns). */
static wasmcu_err note_flat(vctx *v, uint32_t at)
{
    if (!WM_CONFIG_FUSED_OPS || v->wide) return WASMCU_OK;
    if (!grow(v, (void **)&v->flats, &v->cap_flats, v->nflats + 1, sizeof(uint32_t))) return v->err;
    v->flats[v->nflats++] = at | FLAT_JUMP;
    return WASMCU_OK;
}

/* Remembers the jump about to be emitted. */
static wasmcu_err note_jump(vctx *v) { return note_flat(v, v->ncode); }

static void patch_chain(vctx *v, uint32_t head, uint32_t target)
{
    while (head) {
        uint32_t at = head - 1, link = target_field(v, at);
        head = v->wide ? link : link ? head - link : 0;
        write_tgt(v, at, target_at(v, at, target));
    }
}

/* A path to the end of c, a block of one result, with its value: value i on top when `at`
 * says so (wm_note_value_write); otherwise no local.set after the block takes its writes. */
static wasmcu_err note_value(vctx *v, ctrl *c, int at, uint32_t i)
{
    if (!at) {
        c->sets = NO_SETS;
        return WASMCU_OK;
    }
    if (!grow(v, (void **)&v->sets, &v->cap_sets, v->nsets + 2, sizeof(uint32_t))) return v->err;
    wm_note_value_write(v, c, i);
    return WASMCU_OK;
}

/* A br or br_if to c, whose value writes are listed, its nt values on the stack: a br's
 * value computed into its home slot right before it is noted; a br_if's constant is, once
 * emitted, when wm_early_value allows (*early, wm_note_early_write); else the list ends. */
static wasmcu_err note_branch_value(vctx *v, ctrl *c, int op, uint32_t nt, int *early)
{
    if (op == WM_OP_BR_IF && (*early = wm_early_value(v, c, nt)) != 0) {
        v->const_w = UINT32_MAX; /* emit_cond's flush materializes it */
        return grow(v, (void **)&v->sets, &v->cap_sets, v->nsets + 2, sizeof(uint32_t)) ? WASMCU_OK : v->err;
    }
    return note_value(v, c, op == WM_OP_BR && v->nvals - nt == c->height, v->nvals - 1);
}

/* Emits a conditional jump on value ci (just popped) to c: when it is nonzero, or zero with
 * negate; a compare just before fuses into the branch. Values [from, to) are put in their
 * home slots before it. *at is the index of the target's field. */
static wasmcu_err emit_cond(vctx *v, uint32_t ci, int negate, ctrl *c, uint32_t from,
                            uint32_t to, uint32_t *at)
{
    uint32_t op, a = 0, b = 0;
    int fused = wm_fusable(v, ci, negate, &op, &a, &b);
    if (!fused) {
        TRY(slot_of(v, ci, &a));
        op = negate ? WM_OP_IF_FALSE : WM_OP_BR_IF;
    }
    uint32_t plain = op;
    uint32_t save = v->nvals;
    v->nvals = to; /* values [from, to) go home first */
    wasmcu_err e = flush_from(v, from);
    v->nvals = save;
    TRY(e);
    /* a load or an add/and just before it fuses in: [op, dst, addr, offset, target] or
     * [op, dst, x, y, (b,) target] */
    uint32_t first = 0, x = 0, y = 0;
    int load = WM_CONFIG_FUSED_OPS && (plain == WM_OP_BR_IF || plain == WM_OP_IF_FALSE) &&
               (op = wm_load_branch(v, plain, a, &first)) != 0;
    if (!load && (!WM_CONFIG_FUSED_OPS || (op = wm_branch_fusing(v, plain, &a, &b, &first)) == 0))
        op = plain;
    if (WM_CONFIG_FUSED_OPS && op == plain && plain >= WM_OP_BR_LT_U && plain <= WM_OP_BR_GE_U &&
        (op = wm_add_and_branch(v, plain, a, &first)) != 0) {
        /* [op, x, y, m, n, target]: the masked sum in slot a is a temporary, not kept */
        uint32_t m = wm_slot_at(v, first + 4);
        x = wm_slot_at(v, first + 2);
        y = wm_slot_at(v, first + 3);
        cut_code(v, first);
        if (WM_CONFIG_FUSED_OPS && c->op != WM_OP_LOOP) wm_const_joins(v, op);
        TRY(emit(v, op));
        TRY(emit_slot(v, x));
        TRY(emit_slot(v, y));
        TRY(emit_slot(v, m));
        TRY(emit_slot(v, b));
        v->op_start = v->op_prev = UINT32_MAX;
        *at = v->ncode;
        return emit_target(v, c);
    }
    if (!op) op = plain;
    if (op != plain) {
        x = wm_slot_at(v, first + 2);
        y = load ? read16_at(v, first + 3) : wm_slot_at(v, first + 3);
        cut_code(v, first);
    }
    /* the copy just before it may take it in (a loop's phi, then its branch), or the store
     * and copy just before it (a list's reversal: next->link = prev, prev = p, while (p)) */
    uint32_t start = v->ncode; /* where the branch instruction starts */
    /* the instruction before it: a copy or constant (copy_end, 3 bytes) or the last emitted */
    uint32_t before = v->copy_end == v->ncode ? v->ncode - 3 : v->op_start;
    int how = load ? WM_JOIN_LOAD : 0, back = c->op == WM_OP_LOOP;
    if (WM_CONFIG_FUSED_OPS && back) op = wm_back_form(op);
    if (WM_CONFIG_FUSED_OPS && op == WM_OP_BR_IF && v->smov_at != UINT32_MAX && v->smov_at + 7 == v->ncode) {
        unit_put(v, v->smov_at, WM_OP_I32_STORE_MOV_BR_IF);
        /* the mov_load before it too when the branch goes back (TAKE_BACK) */
        if (v->smov_ld && back) {
            unit_put(v, v->smov_at - 7, wm_reverse_join(v, v->smov_at - 7, v->smov_at, a));
            TRY(note_flat(v, v->smov_at - 7)); /* wm_loop_turns */
        }
        start = v->smov_at, how = WM_JOIN_STORE;
        v->smov_at = UINT32_MAX;
    } else if (WM_CONFIG_FUSED_OPS && v->copy_end == v->ncode && wm_joins_copy(v, op)) {
        start = v->ncode - 3, how = WM_JOIN_COPY;
    } else {
        if (WM_CONFIG_FUSED_OPS && c->op != WM_OP_LOOP) wm_const_joins(v, op);
        if (WM_CONFIG_FUSED_OPS) TRY(wm_note_join(v, before, v->ncode, op)); /* JOIN rows */
        TRY(emit(v, op));
    }
    TRY(emit_slot(v, a));
    if (op != plain) {
        TRY(emit_slot(v, x));
        TRY(load ? wm_emit16(v, y) : emit_slot(v, y));
    }
    if (plain >= WM_OP_BR_EQ && plain <= WM_OP_BR_GE_U) TRY(emit_slot(v, b));
    v->op_start = v->op_prev = UINT32_MAX;
    *at = v->ncode;
    TRY(emit_target(v, c));
    if (WM_CONFIG_FUSED_OPS && !v->wide) {
        uint32_t noted = wm_join_branch(v, op, start, how, back); /* for flat_opcodes */
        if (noted != UINT32_MAX) TRY(note_flat(v, noted));
    }
    return WASMCU_OK;
}

/* Emits a branch to label depth l, whose values are on top of the stack; br_if has popped
 * its condition, value ci. plain/drop are the two encodings. */
static wasmcu_err emit_branch(vctx *v, uint32_t l, int cond, uint32_t ci)
{
    ctrl *c = &v->ctrls[v->nctrls - 1 - l];
    const wm_valtype *ts;
    uint32_t n, at, cs = 0;
    branch_to(v, c);
    label_types(c, &ts, &n);
    /* a branch to a loop is a back-edge, where fuel and interrupts are checked: the common
     * forms check in the branch itself, the rest get a check op in front */
    int back = WM_CONFIG_METERING && c->op == WM_OP_LOOP;
    if (v->nvals - n == c->height) {
        if (cond) return emit_cond(v, ci, 0, c, v->nvals - n, v->nvals, &at);
        TRY(flush_from(v, v->nvals - n));
        if (!back) TRY(note_jump(v));
        TRY(emit(v, back ? WM_OP_JUMP_LOOP : WM_OP_JUMP));
        return emit_target(v, c);
    }
    if (cond) TRY(slot_of(v, ci, &cs));
    TRY(flush_from(v, v->nvals - n));
    if (back) TRY(emit(v, WM_OP_LOOP));
    TRY(emit(v, cond ? WM_OP_BR_IF_DROP : WM_OP_BR_DROP));
    if (cond) TRY(emit_slot(v, cs));
    TRY(emit_target(v, c));
    TRY(wm_emit16(v, n));
    TRY(emit_slot16(v, home(v, c->height)));
    TRY(emit_slot16(v, home(v, v->nvals - n)));
    return WASMCU_OK;
}

/* ---- immediates -------------------------------------------------------------------------- */

static wasmcu_err read_blocktype(vctx *v, const wm_valtype **params, uint32_t *np,
                                 const wm_valtype **results, uint32_t *nr)
{
    const uint8_t *at = v->r.p;
    if (at < v->r.end) {
        uint8_t b = *at;
        if (b == 0x40) {
            v->r.p++;
            *params = *results = NULL;
            *np = *nr = 0;
            return WASMCU_OK;
        }
        for (size_t i = 0; i < sizeof wm_single_types; i++) {
            if (b == wm_single_types[i]) {
                v->r.p++;
                if (b == WASMCU_V128)
                    return wm_fail(v, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", 0, 0, 0);
                *params = NULL;
                *np = 0;
                *results = &wm_single_types[i];
                *nr = 1;
                return WASMCU_OK;
            }
        }
    }
    int64_t idx;
    READ(wm_read_s33(&v->r, &idx));
    if (idx < 0) return wm_fail(v, WASMCU_ERR_MALFORMED, "malformed value type", 0, 0, 0);
    if ((uint64_t)idx >= v->m->ntypes) return invalid(v, "unknown type");
    const wm_functype *ft = &v->m->types[idx];
    *params = ft->types;
    *np = ft->nparams;
    *results = ft->types + ft->nparams;
    *nr = ft->nresults;
    return WASMCU_OK;
}

static wasmcu_err read_index(vctx *v, uint32_t limit, const char *what, uint32_t *out)
{
    READ(wm_read_u32(&v->r, out));
    if (*out >= limit) return wm_fail(v, WASMCU_ERR_INVALID, "unknown %s", what, 0, 0);
    return WASMCU_OK;
}

static wasmcu_err read_zero(vctx *v)
{
    uint8_t b;
    READ(wm_read_u8(&v->r, &b));
    if (b != 0) return wm_fail(v, WASMCU_ERR_MALFORMED, "zero byte expected", 0, 0, 0);
    return WASMCU_OK;
}

static wasmcu_err need_memory(vctx *v)
{
    if (v->m->nmemories == 0) return invalid(v, "unknown memory 0");
    return WASMCU_OK;
}

/* ---- instructions ------------------------------------------------------------------------ */

/* Pops op's operands by its signature; returns how many. */
static wasmcu_err pop_sig(vctx *v, int op, uint32_t *n)
{
    const wm_sig *si = &wm_sigs[wm_op_sig[op]];
    *n = si->np;
    for (uint32_t i = si->np; i-- > 0;) TRY(pop_expect(v, si->p[i], NULL));
    return WASMCU_OK;
}

static wasmcu_err push_sig(vctx *v, int op)
{
    return wm_sigs[wm_op_sig[op]].nr ? push(v, wm_sigs[wm_op_sig[op]].r) : WASMCU_OK;
}

/* An instruction that works on the stack at run time: its n operands (just popped) go to
 * their home slots and it gets the slot above them as its stack top. A NOCODE row (tables,
 * references, bulk memory) goes as stack_cold [top, k, a, b], its indexes a and b. */
static wasmcu_err emit_stack_op(vctx *v, int op, uint32_t n, uint32_t a, uint32_t b)
{
    for (uint32_t i = 0; i < n; i++) TRY(materialize(v, v->nvals + i));
    int cold = op >= WM_OP_COMPILED;
    TRY(emit_op(v, cold ? WM_OP_STACK_COLD : (uint32_t)op));
    TRY(emit_slot16(v, home(v, v->nvals + n)));
    if (!cold) return WASMCU_OK;
    TRY(emit(v, (uint32_t)op - WM_OP_COMPILED));
    TRY(emit32(v, a));
    return emit32(v, b);
}

/* The helpers validate_bulk.c's instructions use, by their wm_ names: wrappers, so that
 * the static ones keep their clones and inlining here (made extern, push_ctrl had cost
 * CoreMark's load 7.8 K instructions) */
wasmcu_err wm_read_index(vctx *v, uint32_t limit, const char *what, uint32_t *out) { return read_index(v, limit, what, out); }
wasmcu_err wm_read_zero(vctx *v) { return read_zero(v); }
wasmcu_err wm_need_memory(vctx *v) { return need_memory(v); }
wasmcu_err wm_pop(vctx *v, wm_valtype *out) { return pop(v, out); }
wasmcu_err wm_pop_expect(vctx *v, wm_valtype want) { return pop_expect(v, want, NULL); }
wasmcu_err wm_push(vctx *v, wm_valtype t) { return push(v, t); }
wasmcu_err wm_pop_sig(vctx *v, int op, uint32_t *n) { return pop_sig(v, op, n); }
wasmcu_err wm_push_sig(vctx *v, int op) { return push_sig(v, op); }
wasmcu_err wm_emit_stack_op(vctx *v, int op, uint32_t n, uint32_t a, uint32_t b) { return emit_stack_op(v, op, n, a, b); }

/* The compiled opcode that does the work of op, a NOCODE row (opcodes.def: a float load as
 * the integer load of its size, a seldom-run numeric instruction as numeric1 or numeric2);
 * op itself where the row names itself. A byte per row: those opcodes are below 256. */
static uint32_t compiled_as(uint32_t op)
{
    static const uint8_t as_op[] = {
#define OP(name, text, prefix, code, imm, sig, form)
#define NOCODE(name, text, prefix, code, imm, sig, as)                                         \
    (int)WM_OP_##as < (int)WM_OP_COMPILED ? WM_OP_##as : 0,
#include "opcodes.def"
#undef NOCODE
#undef OP
    };
    uint32_t as = as_op[op - WM_OP_COMPILED];
    return as ? as : op;
}

/* i32.sub x k as i32.add x -k (the same bits, mod 2^32), so that the add's fused forms take
 * it: a count-down loop's add_br_if_back, an address's load_add... Not when -k would get no
 * constant slot: it would then cost an instruction of its own. */
static int sub_as_add(vctx *v, uint32_t base)
{
    opnd *k = &v->opnds[base + 1];
    if (k->kind != V_CONST) return 0;
    uint64_t minus = (uint32_t)-(uint32_t)k->bits;
    if (v->nconsts == WM_CONFIG_CONST_SLOTS && const_slot_at(v, minus, 0) == UINT32_MAX) return 0;
    k->bits = minus;
    return 1;
}

/* A signature-checked instruction on slots: [op, dst, operands..., imm] where loads and
 * stores have their offset as imm (one unit) and a store has no dst. */
static wasmcu_err emit_slots(vctx *v, int op, const uint32_t *imm)
{
    uint32_t n, s[3];
    TRY(pop_sig(v, op, &n));
    if (emitting(v)) {
        uint32_t base = v->nvals, off = imm ? *imm : 0;
        if (WM_CONFIG_FUSED_OPS && op == WM_OP_I32_SUB && sub_as_add(v, base)) op = WM_OP_I32_ADD;
        for (uint32_t i = 0; i < n; i++) TRY(slot_of(v, base + i, &s[i]));
        if (off > 0xFFFFu) { /* ea_far puts the checked address in the address's home first */
            TRY(emit_op(v, WM_OP_EA_FAR));
            TRY(emit_slot(v, home(v, base)));
            TRY(emit_slot(v, s[0]));
            TRY(emit32(v, off));
            TRY(wm_emit16(v, 1u << access_log2(op)));
            s[0] = home(v, base);
            off = 0;
        }
        int fused = 0; /* every pair fuses with the instruction just emitted */
        uint32_t cop = (uint32_t)op, k = 256; /* numeric1/2's last field, k < 256 */
        if (op >= WM_OP_COMPILED) {
            cop = compiled_as((uint32_t)op);
            if (cop == WM_OP_NUMERIC1 || cop == WM_OP_NUMERIC2) k = (uint32_t)op - WM_OP_COMPILED;
        }
        if (WM_CONFIG_FUSED_OPS && v->last_end == v->ncode && wm_fuses_first(unit_at(v, v->last_start)))
            TRY(wm_emit_fused(v, cop, base, n, s, imm ? &off : NULL, &fused));
        if (WM_CONFIG_FUSED_OPS && !fused && cop == WM_OP_I32_XOR) TRY(wm_shr_and_xor(v, base, s, &fused));
        if (fused) return push_sig(v, op);
        /* or the form that reads the result just before from the interpreter's acc */
        int acc = WM_CONFIG_FLOAT_ACC && v->acc_end == v->ncode;
        if (WM_CONFIG_FUSED_OPS && cop == WM_OP_I32_ADD && !v->wide) { /* wm_add_pair */
            if (v->add_at != UINT32_MAX && v->add_at + 4 == v->ncode) wm_add_pair(v);
            else v->add_at = v->ncode;
        }
        if (WM_CONFIG_FUSED_OPS && cop == WM_OP_I32_LOAD && v->copy_end == v->ncode && wm_joins_copy(v, cop)) {
            v->op_prev = v->op_start; /* it starts where the copy did */
            v->op_start = v->last_start = v->ncode - 3;
        } else {
            uint32_t eop = acc ? wm_acc_form(v, cop, &n, s) : cop;
            if (eop != cop) TRY(wm_acc_only(v, eop));
            TRY(emit_op(v, eop));
            /* JOIN rows, with the instruction before it: a copy or constant (copy_end, 3
             * bytes) or the one emit_op began before (tested first: the load's time) */
            if (WM_CONFIG_FUSED_OPS && WM_IN_SET(wm_join_as, eop))
                TRY(wm_note_join(v, v->copy_end == v->op_start ? v->op_start - 3 : v->op_prev, v->op_start, eop));
        }
        int result = wm_sigs[wm_op_sig[op]].nr != 0;
        if (result) TRY(emit_dst(v, base));
        for (uint32_t i = 0; i < n; i++) TRY(emit_slot(v, s[i]));
        if (imm) TRY(wm_emit16(v, off));
        if (k < 256) TRY(emit(v, k));
        if (result) produced(v);
    }
    return push_sig(v, op);
}

static wasmcu_err check_simple(vctx *v, int op) { return emit_slots(v, op, NULL); }

static wasmcu_err op_memarg(vctx *v, int op)
{
    uint32_t align, offset;
    READ(wm_read_u32(&v->r, &align));
    READ(wm_read_u32(&v->r, &offset));
    TRY(need_memory(v));
    if (align > access_log2(op)) return invalid(v, "alignment must not be larger than natural");
    return emit_slots(v, op, &offset);
}

/* Emits the return of n results from home slot `from` on, value i the first: ret0 when there
 * are none, or when the one result is what the instruction just emitted computed, which then
 * writes it where the caller finds it, fp[0]; ret1 for one result elsewhere, return for more.
 * Not in a wide function without params or locals: pack.c's scratch slots start at fp[0]
 * there, and it moves slot 0 (a constant's or a home) past them. */
static inline wasmcu_err emit_return(vctx *v, uint32_t n, uint32_t i, int in_place)
{
    if (WM_CONFIG_FUSED_OPS && n == 1 && in_place && v->opnds[i].kind == V_HOME &&
        v->last_end == v->ncode && v->last_h == i && (!v->wide || v->nlocals)) {
        for (uint32_t k = v->nrelocs; k-- > 0 && v->relocs[k] >= v->last_start;)
            if (v->relocs[k] == v->last_dst) v->relocs[k] = UINT32_MAX;
        unit_put(v, v->last_dst, 0);
        /* an i32.add on its own (not the second of an i32.add2) returns itself: a sum
         * returned is common (fib's, an accessor's address) and a dispatch fewer a call */
        if (v->add_at == v->last_start && unit_at(v, v->last_start) == WM_OP_I32_ADD) {
            unit_put(v, v->last_start, WM_OP_I32_ADD_RET);
            return WASMCU_OK;
        }
        n = 0;
        TRY(wm_note_join(v, v->last_start, v->ncode, WM_OP_RET0)); /* JOIN rows */
    }
    if (n == 0) return emit(v, WM_OP_RET0);
    TRY(emit(v, n == 1 ? WM_OP_RET1 : WM_OP_RETURN));
    return emit_slot16(v, home(v, i));
}

static wasmcu_err op_end(vctx *v)
{
    ctrl *c = &v->ctrls[v->nctrls - 1];
    if (c->op == WM_OP_IF && c->nparams != c->nresults)
        return invalid(v, "type mismatch: if without else must leave its params as results");
    if (c->op == WM_OP_IF && c->nparams && memcmp(c->params, c->results, c->nparams) != 0)
        return invalid(v, "type mismatch: if without else must leave its params as results");
    /* an if without else: its false path passes its param on, whether or not the end is
     * reached from the then-part */
    if (c->op == WM_OP_IF) c->sets = NO_SETS;
    if (WM_CONFIG_FUSED_OPS && c->sets != NO_SETS && emitting(v)) /* falling through */
        TRY(note_value(v, c, v->nvals == c->height + 1, c->height));
    if (emitting(v)) TRY(flush(v)); /* the results go home, where branches put theirs */
    TRY(pop_types(v, c->results, c->nresults));
    if (v->nvals != c->height)
        return invalid(v, "type mismatch: values remain on the stack at the end of a block");
    if (WM_CONFIG_LOCAL_PATHS && v->compile) { /* the locals every path to here wrote (read_local) */
        if (emitting(v)) c->join &= v->assigned; /* falling through */
        if (c->op == WM_OP_IF) c->join &= c->entry; /* no else: the condition's false path */
        v->assigned = c->join;
    }
    /* the function's end returns; branches to the function's label land here too, with
     * their result in its home (no result in place then) */
    int ret = c->op == WM_OP_CALL && !c->dead && (!c->unreachable || c->fixups);
    if (ret && emitting(v) && !c->fixups) {
        TRY(emit_return(v, c->nresults, 0, 1));
        ret = 0;
    }
    patch_chain(v, c->fixups, v->ncode);
    if (c->else_fixup) write_tgt(v, c->else_fixup - 1, target_at(v, c->else_fixup - 1, v->ncode));
    label_here(v);
    if (ret) TRY(emit_return(v, c->nresults, 0, 0));
    if (WM_CONFIG_FUSED_OPS) { /* a local.set may come next */
        v->set_end = UINT32_MAX, v->set_h = c->height, v->set_list = c->sets;
        if (c->sets - 1 < NO_SETS - 1) {
            v->set_end = v->ncode;
            if (v->early_ctrl == v->nctrls - 1) /* wm_direct_result */
                v->early_end = v->ncode, v->early_ctrl = UINT32_MAX;
        }
    }
    const wm_valtype *results = c->results;
    uint32_t nresults = c->nresults;
    if (--v->nctrls) set_emitting(v);
    return push_types(v, results, nresults);
}

static wasmcu_err op_else(vctx *v)
{
    ctrl *c = &v->ctrls[v->nctrls - 1];
    if (c->op != WM_OP_IF) return invalid(v, "else without a matching if");
    if (WM_CONFIG_FUSED_OPS && c->sets != NO_SETS && emitting(v)) /* the then-part falling through */
        TRY(note_value(v, c, v->nvals == c->height + 1, c->height));
    if (emitting(v)) TRY(flush(v));
    TRY(pop_types(v, c->results, c->nresults));
    if (v->nvals != c->height)
        return invalid(v, "type mismatch: values remain on the stack at the end of a block");
    if (emitting(v)) {
        if (WM_CONFIG_LOCAL_PATHS) c->join &= v->assigned; /* the then-part falls through */
        TRY(note_jump(v));
        TRY(emit(v, WM_OP_JUMP));
        TRY(emit_target(v, c));
    }
    if (WM_CONFIG_LOCAL_PATHS) v->assigned = c->entry;
    label_here(v);
    if (c->else_fixup) {
        write_tgt(v, c->else_fixup - 1, target_at(v, c->else_fixup - 1, v->ncode));
        c->else_fixup = 0;
    }
    c->op = WM_OP_ELSE;
    c->unreachable = 0;
    set_emitting(v);
    return push_types(v, c->params, c->nparams);
}

/* The spec's push_vals(pop_vals(ts)): checks ts against the stack and leaves the popped
 * values (unknown ones stay unknown) where they were. */
static wasmcu_err repush_label(vctx *v, const wm_valtype *ts, uint32_t nt)
{
    uint32_t save = v->nvals;
    TRY(pop_types(v, ts, nt));
    uint32_t known = save - v->nvals, unknown = nt - known;
    if (!grow(v, (void **)&v->vals, &v->cap_vals, save + unknown, 1) ||
        !grow(v, (void **)&v->opnds, &v->cap_opnds, save + unknown, sizeof(opnd)))
        return v->err;
    if (unknown) { /* the unknown values go below the known ones */
        memmove(v->vals + v->nvals + unknown, v->vals + v->nvals, known);
        memset(v->vals + v->nvals, UNKNOWN, unknown);
    }
    v->nvals = save + unknown;
    if (v->nvals > v->max_vals) v->max_vals = v->nvals;
    return WASMCU_OK;
}

/* br_table compiles to its distinct branches and one small index per entry (compile.h), so
 * a table of thousands of entries costs a byte each, not three words. */
static wasmcu_err op_br_table(vctx *v)
{
    uint32_t n;
    READ(wm_read_u32(&v->r, &n));
    if (n > (uint32_t)(v->r.end - v->r.p)) return reader_failed(v);
    TRY(pop_expect(v, WASMCU_I32, NULL));
    uint32_t ci = v->nvals, had = v->cap_brmap;
    if (!grow(v, (void **)&v->brmap, &v->cap_brmap, v->nctrls, sizeof(uint32_t)) ||
        !grow(v, (void **)&v->brlist, &v->cap_brlist, v->nctrls, sizeof(uint32_t)))
        return v->err;
    for (uint32_t i = had; i < v->cap_brmap; i++) v->brmap[i] = UINT32_MAX;
    /* pass 1: check every entry; the stack check once per distinct label gives the same
     * verdict as once per entry, as it leaves the stack as it found it */
    const uint8_t *entries = v->r.p;
    uint32_t arity = 0, ndist = 0;
    int back = 0;
    for (uint32_t i = 0; i <= n; i++) {
        uint32_t l;
        READ(wm_read_u32(&v->r, &l));
        if (l >= v->nctrls) return invalid(v, "unknown label");
        ctrl *c = &v->ctrls[v->nctrls - 1 - l];
        const wm_valtype *ts;
        uint32_t nt;
        label_types(c, &ts, &nt);
        if (i == 0) arity = nt;
        else if (nt != arity) return invalid(v, "type mismatch: br_table labels differ in arity");
        if (v->brmap[l] != UINT32_MAX) continue;
        TRY(repush_label(v, ts, nt));
        v->brmap[l] = ndist;
        v->brlist[ndist++] = l;
        if (c->op == WM_OP_LOOP) back = 1;
    }
    if (emitting(v)) {
        uint32_t is;
        for (uint32_t k = 0; k < ndist; k++) {
            ctrl *c = &v->ctrls[v->nctrls - 1 - v->brlist[k]];
            branch_to(v, c);
            c->sets = NO_SETS; /* its values moved from elsewhere (wm_direct_result) */
        }
        TRY(slot_of(v, ci, &is));
        TRY(flush_from(v, ci - arity));
        /* a back-edge among the targets needs the fuel and interrupt check */
        if (back && WM_CONFIG_METERING) TRY(emit(v, WM_OP_LOOP));
        /* flat when no branch moves values and a target per entry takes no more bytes than
         * the distinct branches and an index per entry */
        int flat = WM_CONFIG_FUSED_OPS && !v->wide && WM_TB * (n + 1) <= 6 + (WM_TB + 4) * ndist + (n + 1);
        for (uint32_t k = 0; flat && k < ndist; k++) {
            const ctrl *c = &v->ctrls[v->nctrls - 1 - v->brlist[k]];
            const wm_valtype *ts;
            uint32_t nt;
            label_types(c, &ts, &nt);
            flat = nt == 0 || c->height == ci - arity;
        }
        uint32_t x, y;
        if (flat && wm_takes_and(v, ci, &x, &y)) { /* [br_table_and, x, y, n32, targets] */
            TRY(emit(v, WM_OP_BR_TABLE_AND));
            TRY(emit_slot(v, x));
            TRY(emit_slot(v, y));
        } else if (flat) { /* [br_table_flat, index, n32, target x (n + 1)] */
            uint32_t start = v->ncode;
            TRY(emit(v, WM_OP_BR_TABLE_FLAT));
            (void)wm_join_branch(v, WM_OP_BR_TABLE_FLAT, start, 0, 0);
            if (WM_CONFIG_FUSED_OPS) TRY(wm_note_join(v, v->op_start, start, WM_OP_BR_TABLE_FLAT)); /* JOIN rows */
            TRY(emit_slot(v, is));
        }
        if (flat) {
            if (WM_CONFIG_FLAT_OPCODES) {
                if (!grow(v, (void **)&v->flats, &v->cap_flats, v->nflats + 1, sizeof(uint32_t)))
                    return v->err;
                v->flats[v->nflats++] = v->ncode;
            }
            TRY(emit32(v, n));
            v->r.p = entries;
            for (uint32_t i = 0; i <= n; i++) {
                uint32_t l = 0;
                wm_read_u32(&v->r, &l); /* read once already */
                TRY(emit_target(v, &v->ctrls[v->nctrls - 1 - l]));
            }
            for (uint32_t i = 0; WM_CONFIG_FLAT_OPCODES && i <= n; i++) TRY(emit(v, 0)); /* flat_opcodes */
        } else {
            uint32_t wide = ndist > 256;
            TRY(emit(v, WM_OP_BR_TABLE));
            TRY(emit_slot(v, is));
            TRY(emit_slot16(v, home(v, ci - arity)));
            TRY(emit32(v, n));
            TRY(emit32(v, ndist | wide << 31));
            for (uint32_t k = 0; k < ndist; k++) {
                ctrl *c = &v->ctrls[v->nctrls - 1 - v->brlist[k]];
                const wm_valtype *ts;
                uint32_t nt;
                label_types(c, &ts, &nt);
                TRY(emit_target(v, c));
                TRY(wm_emit16(v, nt));
                TRY(emit_slot16(v, home(v, c->height)));
            }
            /* pass 2: the entries again, as indexes: bytes, or 16 bits when wide (a word
             * each in a wide function, which pack.c narrows) */
            v->r.p = entries;
            for (uint32_t i = 0; i <= n; i++) {
                uint32_t l = 0;
                wm_read_u32(&v->r, &l); /* read once already */
                TRY(wide ? wm_emit16(v, v->brmap[l]) : emit(v, v->brmap[l]));
            }
        }
    }
    for (uint32_t k = 0; k < ndist; k++) v->brmap[v->brlist[k]] = UINT32_MAX;
    set_unreachable(v);
    return WASMCU_OK;
}

/* A call's arguments (just popped) go to their home slots, where the callee's frame starts. */
static wasmcu_err emit_call_args(vctx *v, uint32_t np)
{
    for (uint32_t i = 0; i < np; i++) TRY(materialize(v, v->nvals + i));
    return WASMCU_OK;
}

static wasmcu_err op_call_indirect(vctx *v)
{
    uint32_t ti, tab;
    TRY(read_index(v, v->m->ntypes, "type", &ti));
    TRY(read_index(v, v->m->ntables, "table", &tab));
    if (v->m->tables[tab].elem != WASMCU_FUNCREF)
        return invalid(v, "type mismatch: call_indirect needs a funcref table");
    TRY(pop_expect(v, WASMCU_I32, NULL));
    const wm_functype *ft = &v->m->types[ti];
    TRY(pop_types(v, ft->types, ft->nparams));
    if (emitting(v)) {
        /* the index a load just read: call_indirect_load, a plain load's shift and addend a
         * constant 0 (no fusing when no constant slot is left for it) */
        uint32_t is = 0, ld[4], x = v->nvals + ft->nparams, at;
        uint32_t by = WM_CONFIG_FUSED_OPS ? wm_index_load(v, x) : 0;
        uint32_t zero = by == WM_OP_I32_LOAD ? const_slot(v, 0) : 0;
        int load = by && zero != UINT32_MAX;
        if (load) wm_take_index_load(v, zero, ld);
        else TRY(slot_of(v, x, &is));
        TRY(emit_call_args(v, ft->nparams));
        at = v->ncode;
        TRY(emit(v, load ? WM_OP_CALL_INDIRECT_LOAD : WM_OP_CALL_INDIRECT));
        for (uint32_t k = 0; load && k < 3; k++) TRY(emit_slot(v, ld[k]));
        TRY(load ? wm_emit16(v, ld[3]) : emit_slot(v, is));
        TRY(emit32(v, ti));
        TRY(emit32(v, tab));
        TRY(emit_slot16(v, home(v, v->nvals)));
        /* locating: a fault of the load stops at this opcode, the load's code having gone
         * into it (the call's traps stop past its last word) */
        if (load && v->locating && v->locate_word == at) {
            v->located = 2; /* settled */
            v->locate_off = v->code_at;
        }
    }
    return push_types(v, ft->types + ft->nparams, ft->nresults);
}

static wasmcu_err op_select(vctx *v, int typed)
{
    wm_valtype want = UNKNOWN;
    if (typed) {
        uint32_t n;
        READ(wm_read_u32(&v->r, &n));
        if (n != 1) return invalid(v, "invalid result arity");
        READ(wm_read_u8(&v->r, &want));
        if (want == WASMCU_V128)
            return wm_fail(v, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", 0, 0, 0);
        if (!is_ref(want) && (want < WASMCU_F64 || want > WASMCU_I32))
            return wm_fail(v, WASMCU_ERR_MALFORMED, "malformed value type", 0, 0, 0);
    }
    wm_valtype t1 = UNKNOWN, t2 = UNKNOWN;
    TRY(pop_expect(v, WASMCU_I32, NULL));
    TRY(pop_expect(v, want, &t1));
    TRY(pop_expect(v, want, &t2));
    if (!typed) {
        if (is_ref(t1) || is_ref(t2) || t1 == WASMCU_V128 || t2 == WASMCU_V128)
            return invalid(v, "type mismatch: select without a type needs numeric operands");
        if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN)
            return wm_fail(v, WASMCU_ERR_INVALID, "type mismatch: select operands %s and %s differ",
                           wm_type_name(t2), wm_type_name(t1), 0);
        want = t1 != UNKNOWN ? t1 : t2;
    }
    if (emitting(v)) { /* [select, dst, a, b, cond], or [select_and (_eq...), dst, a, b, x, y] */
        uint32_t base = v->nvals, s[6], n = 3, op = WM_OP_SELECT, c;
        int swap = 0;
        for (uint32_t i = 0; i < 3; i++) TRY(slot_of(v, base + i, &s[i]));
        if (WM_CONFIG_FUSED_OPS && wm_takes_and(v, base + 2, &s[2], &s[3])) {
            op = WM_OP_SELECT_AND, n = 4;
            if (wm_select_bit(v, s)) {
                op = WM_OP_SELECT_SHR_XOR_AND, n = 6;
                wm_crc_join(v, s);
            }
        } else if (WM_CONFIG_FUSED_OPS && (c = wm_select_cmp(v, base + 2, &s[2], &s[3], &swap)) != 0) {
            op = c, n = c == WM_OP_SELECT ? 3 : 4;
            if (swap) c = s[0], s[0] = s[1], s[1] = c;
        }
        TRY(emit_op(v, op));
        TRY(emit_dst(v, base));
        for (uint32_t i = 0; i < n; i++) TRY(emit_slot(v, s[i]));
        produced(v);
    }
    return push(v, want);
}

/* The code of a local.set or local.tee of local i, its value just popped. Kept out of
 * op_local, which the validator runs on every local.get of every module it loads: small,
 * op_local stays inlined there (CoreMark's load took 25 K instructions more when not). */
static wasmcu_err set_local_code(vctx *v, uint32_t i)
{
    uint32_t top = v->nvals;
    write_local(v, i);
    opnd val = v->opnds[top];
    if (WM_CONFIG_FUSED_OPS && v->kept_local == i) {
        /* the constant it already holds (clang sets an accumulator to 0 before an early
         * return's test and again after it): nothing to write, nothing reading it to copy */
        if (val.kind == V_CONST && v->kept_bits == val.bits) {
            v->last_end = UINT32_MAX;
            return WASMCU_OK;
        }
        v->kept_local = UINT32_MAX;
    }
    /* values still reading the local must be copied out before it changes */
    for (uint32_t k = v->flushed; k < top; k++)
        if (v->opnds[k].kind == V_LOCAL && v->opnds[k].local == i) TRY(materialize(v, k));
    if (val.kind == V_HOME && v->last_end == v->ncode && v->last_h == top) {
        /* the value's instruction writes the local itself */
        for (uint32_t k = v->nrelocs; k-- > 0 && v->relocs[k] >= v->last_start;)
            if (v->relocs[k] == v->last_dst) v->relocs[k] = UINT32_MAX;
        unit_put(v, v->last_dst, i);
    } else if (WM_CONFIG_FUSED_OPS && val.kind == V_HOME && v->ncode == v->set_end && top == v->set_h &&
               wm_direct_result(v, i)) {
        /* the block just ended computed it into the local on every path */
    } else if (val.kind == V_CONST) {
        TRY(emit_const(v, i, val.bits, val.wide));
        if (WM_CONFIG_FUSED_OPS) v->kept_local = i, v->kept_bits = val.bits;
    } else if (val.kind != V_LOCAL || val.local != i) {
        TRY(emit_copy(v, i, val.kind == V_LOCAL ? val.local : home(v, top)));
    }
    v->last_end = UINT32_MAX;
    return WASMCU_OK;
}

static wasmcu_err op_local(vctx *v, int op)
{
    uint32_t i;
    TRY(read_index(v, v->nlocals, "local", &i));
    wm_valtype t = v->locals[i];
    if (op == WM_OP_LOCAL_GET) {
        if (emitting(v)) read_local(v, i);
        return push_deferred(v, t, V_LOCAL, i, 0, 0);
    }
    TRY(pop_expect(v, t, NULL));
    if (emitting(v)) {
        TRY(set_local_code(v, i));
        if (op == WM_OP_LOCAL_TEE) return push_deferred(v, t, V_LOCAL, i, 0, 0);
        return WASMCU_OK;
    }
    if (op == WM_OP_LOCAL_TEE) TRY(push(v, t));
    return WASMCU_OK;
}

static wasmcu_err op_global(vctx *v, int op)
{
    uint32_t i;
    TRY(read_index(v, v->m->nglobals, "global", &i));
    const wm_globaltype *g = &v->m->global_types[i];
    if (op == WM_OP_GLOBAL_GET) {
        TRY(push(v, g->type));
    } else {
        if (!g->mut) return invalid(v, "global is immutable");
        TRY(pop_expect(v, g->type, NULL));
    }
    if (emitting(v)) { /* [global.get, dst, index] and [global.set, src, index] */
        uint32_t s;
        if (op == WM_OP_GLOBAL_GET) {
            TRY(emit_op(v, (uint32_t)op));
            TRY(emit_dst(v, v->nvals - 1));
            TRY(emit32(v, i));
            produced(v);
        } else {
            TRY(slot_of(v, v->nvals, &s));
            TRY(emit(v, (uint32_t)op));
            TRY(emit_slot(v, s));
            TRY(emit32(v, i));
        }
    }
    return WASMCU_OK;
}

static wasmcu_err op_const(vctx *v, int op)
{
    uint32_t lo = 0, hi = 0;
    int two = 0;
    if (op == WM_OP_I32_CONST) {
        int32_t x;
        READ(wm_read_s32(&v->r, &x));
        lo = (uint32_t)x;
    } else if (op == WM_OP_I64_CONST) {
        int64_t x;
        READ(wm_read_s64(&v->r, &x));
        lo = (uint32_t)(uint64_t)x;
        hi = (uint32_t)((uint64_t)x >> 32);
        two = 1;
    } else if (op == WM_OP_F32_CONST) {
        READ(wm_read_f32(&v->r, &lo));
    } else {
        uint64_t x;
        READ(wm_read_f64(&v->r, &x));
        lo = (uint32_t)x;
        hi = (uint32_t)(x >> 32);
        two = 1;
    }
    return push_deferred(v, wm_sigs[wm_op_sig[op]].r, V_CONST, 0, (uint64_t)hi << 32 | lo,
                         (uint8_t)two);
}

static wasmcu_err read_opcode(vctx *v, int *op)
{
    uint8_t b;
    if (v->r.p < v->r.end && !v->r.err) b = *v->r.p++; /* the common case, without a call */
    else READ(wm_read_u8(&v->r, &b));
    int o;
    if (b == 0xFC) {
        uint32_t sub;
        READ(wm_read_u32(&v->r, &sub));
        o = sub < 32 ? wm_op_at_slot(256 + sub) : -1;
    } else if (b == 0xFD) {
        return wm_fail(v, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", 0, 0, 0);
    } else {
        o = (int)wm_op_by_slot[b] - 1; /* wm_op_at_slot, for a byte (the common case) */
        if (o >= WM_OP_JUMP) o += WM_OP_NOCODE_SHIFT;
    }
    if (o < 0) return wm_fail(v, WASMCU_ERR_MALFORMED, "illegal opcode", 0, 0, 0);
    *op = o;
    v->cur_op = o;
    return WASMCU_OK;
}

/* One instruction; the irregular ones by hand, the rest from the table's signature. */
static wasmcu_err instr(vctx *v, int op)
{
    const wm_valtype *pt, *rt;
    uint32_t np, nr, x;
    wm_module *m = v->m;
    switch (op) {
    case WM_OP_UNREACHABLE:
        if (emitting(v)) TRY(emit(v, WM_OP_UNREACHABLE));
        set_unreachable(v);
        return WASMCU_OK;
    case WM_OP_NOP:
        return WASMCU_OK;
    case WM_OP_BLOCK:
    case WM_OP_LOOP:
        TRY(read_blocktype(v, &pt, &np, &rt, &nr));
        if (emitting(v)) TRY(flush(v)); /* nothing deferred crosses into a block */
        TRY(pop_types(v, pt, np));
        TRY(push_ctrl(v, (uint16_t)op, pt, np, rt, nr));
        return WASMCU_OK;
    case WM_OP_IF: {
        TRY(read_blocktype(v, &pt, &np, &rt, &nr));
        TRY(pop_expect(v, WASMCU_I32, NULL));
        TRY(pop_types(v, pt, np));
        uint32_t fix = 0;
        if (emitting(v)) {
            ctrl none = {0};
            TRY(emit_cond(v, v->nvals + np, 1, &none, 0, v->nvals + np, &fix));
            fix++;
        }
        TRY(push_ctrl(v, WM_OP_IF, pt, np, rt, nr));
        v->ctrls[v->nctrls - 1].else_fixup = fix;
        return WASMCU_OK;
    }
    case WM_OP_ELSE:
        return op_else(v);
    case WM_OP_END:
        return op_end(v);
    case WM_OP_BR:
    case WM_OP_BR_IF: {
        READ(wm_read_u32(&v->r, &x));
        if (x >= v->nctrls) return invalid(v, "unknown label");
        if (op == WM_OP_BR_IF) TRY(pop_expect(v, WASMCU_I32, NULL));
        const wm_valtype *ts;
        uint32_t nt;
        ctrl *c = &v->ctrls[v->nctrls - 1 - x];
        label_types(c, &ts, &nt);
        TRY(pop_types(v, ts, nt));
        if (emitting(v)) {
            v->nvals += nt; /* the branch sees its values on the stack */
            /* a block's value, computed where it goes? (wm_direct_result) */
            int early = 0;
            wasmcu_err e = WM_CONFIG_FUSED_OPS && c->sets != NO_SETS ? note_branch_value(v, c, op, nt, &early) : WASMCU_OK;
            if (!e) e = emit_branch(v, x, op == WM_OP_BR_IF, v->nvals);
            if (WM_CONFIG_FUSED_OPS && early && !e) wm_note_early_write(v, c);
            v->nvals -= nt;
            TRY(e);
        }
        if (op == WM_OP_BR) {
            set_unreachable(v);
            return WASMCU_OK;
        }
        return push_types(v, ts, nt);
    }
    case WM_OP_BR_TABLE:
        return op_br_table(v);
    case WM_OP_RETURN: {
        ctrl *f = &v->ctrls[0];
        TRY(pop_types(v, f->results, f->nresults));
        if (emitting(v)) { /* [return, first result's slot] */
            v->nvals += f->nresults;
            wasmcu_err e = flush_from(v, v->nvals - f->nresults);
            v->nvals -= f->nresults;
            TRY(e);
            TRY(emit_return(v, f->nresults, v->nvals, 1));
        }
        set_unreachable(v);
        return WASMCU_OK;
    }
    case WM_OP_CALL: {
        TRY(read_index(v, m->nfuncs, "function", &x));
        const wm_functype *ft = wm_module_functype(m, x);
        TRY(pop_types(v, ft->types, ft->nparams));
        if (emitting(v)) { /* [call, funcidx, first argument's slot] */
            TRY(emit_call_args(v, ft->nparams));
            if (WM_CONFIG_FUSED_OPS) TRY(wm_note_join(v, v->op_start, v->ncode, WM_OP_CALL)); /* i32.add_call */
            uint32_t to = WM_CONFIG_FUSED_OPS ? wm_call_target(m, x) : x; /* past forwarders */
            TRY(emit(v, to < m->nfunc_imports ? WM_OP_CALL_IMPORT : WM_OP_CALL));
            TRY(emit32(v, to));
            TRY(emit_slot16(v, home(v, v->nvals)));
        }
        return push_types(v, ft->types + ft->nparams, ft->nresults);
    }
    case WM_OP_CALL_INDIRECT:
        return op_call_indirect(v);
    case WM_OP_DROP: {
        wm_valtype t = UNKNOWN;
        return pop(v, &t);
    }
    case WM_OP_SELECT:
        return op_select(v, 0);
    case WM_OP_SELECT_T:
        return op_select(v, 1);
    case WM_OP_LOCAL_GET:
    case WM_OP_LOCAL_SET:
    case WM_OP_LOCAL_TEE:
        return op_local(v, op);
    case WM_OP_GLOBAL_GET:
    case WM_OP_GLOBAL_SET:
        return op_global(v, op);
    case WM_OP_TABLE_GET:
    case WM_OP_TABLE_SET:
    case WM_OP_TABLE_SIZE:
    case WM_OP_TABLE_GROW:
    case WM_OP_TABLE_FILL:
    case WM_OP_MEMORY_SIZE:
    case WM_OP_MEMORY_GROW:
    case WM_OP_REF_NULL:
    case WM_OP_REF_IS_NULL:
    case WM_OP_REF_FUNC:
    case WM_OP_MEMORY_INIT:
    case WM_OP_DATA_DROP:
    case WM_OP_MEMORY_COPY:
    case WM_OP_MEMORY_FILL:
    case WM_OP_TABLE_INIT:
    case WM_OP_ELEM_DROP:
    case WM_OP_TABLE_COPY:
        return wm_op_bulk(v, op);
    case WM_OP_I32_CONST:
    case WM_OP_I64_CONST:
    case WM_OP_F32_CONST:
    case WM_OP_F64_CONST:
        return op_const(v, op);
    case WM_OP_I64_EXTEND_I32_U: /* i32s sit zero-extended in their slots (interp.c) unless
                                   * WM_CONFIG_I32_LOW_HALF; f32s unless F32_LOW_HALF too */
    case WM_OP_I32_REINTERPRET_F32: /* then as i64.extend_i32_u (opcodes.def) */
        if (op == WM_OP_I64_EXTEND_I32_U ? WM_CONFIG_I32_LOW_HALF : WM_CONFIG_F32_LOW_HALF && !WM_CONFIG_I32_LOW_HALF)
            return check_simple(v, op);
        /* fall through */
    case WM_OP_I64_REINTERPRET_F64:
    case WM_OP_F32_REINTERPRET_I32:
    case WM_OP_F64_REINTERPRET_I64: /* the same bits stay in the same slot: only the type changes */
        if (!emitting(v)) return check_simple(v, op);
        TRY(pop_expect(v, wm_sigs[wm_op_sig[op]].p[0], NULL));
        v->vals[v->nvals++] = wm_sigs[wm_op_sig[op]].r;
        return WASMCU_OK;
    default:
        break;
    }
    if (wm_op_imm[op] >= IMM_MEM8 && wm_op_imm[op] <= IMM_MEM64) return op_memarg(v, op);
    if (wm_op_sig[op] == 0 || wm_op_imm[op] != IMM_NONE)
        return wm_fail(v, WASMCU_ERR_MALFORMED, "illegal opcode", 0, 0, 0);
    return check_simple(v, op);
}

/* ---- function bodies --------------------------------------------------------------------- */

wasmcu_err wm_validate_func(vctx *v, uint32_t fi)
{
    wm_module *m = v->m;
    wm_funcdef *fd = &m->funcs[fi - m->nfunc_imports];
    const wm_functype *ft = wm_module_functype(m, fi);
    v->func = fi;
    v->r.p = NULL;
    TRY(wm_read_locals(v, fd, ft));
    wm_reader_init(&v->r, m->bytes, fd->expr, fd->body + fd->body_len);
    v->nvals = v->nctrls = v->ncode = v->max_vals = v->flushed = v->nconsts = v->nrelocs = v->nflats = 0;
    if (WM_CONFIG_FUSED_OPS) v->nsets = 0, v->set_end = v->early_ctrl = v->early_end = UINT32_MAX;
    v->cap_code = v->wide ? 0 : v->code_bytes;
    if (v->compile) {
        if (!v->consts) {
            size_t bytes = WM_CONFIG_CONST_SLOTS * sizeof *v->consts + CONST_HASH;
            if (!(v->consts = wm_malloc(&v->rt->alloc, bytes)))
                return wm_fail(v, WASMCU_ERR_OOM, "no room to validate this function", 0, 0, 0);
            v->const_at = (uint8_t *)(v->consts + WM_CONFIG_CONST_SLOTS);
        }
        memset(v->const_at, 0, CONST_HASH);
    }
    v->assigned = 0;
    v->zero_lo = UINT32_MAX;
    v->zero_hi = 0;
    label_here(v);
    TRY(push_ctrl(v, WM_OP_CALL, NULL, 0, ft->types + ft->nparams, ft->nresults));
    /* locating: the instruction whose code holds the word sought, unless the next ones fuse
     * it into theirs (then the trap is theirs: a load's, not its address's add; unless the
     * fused instruction says the fault is the first's, wm_fault_is_first). Code is final
     * only once no later fusing takes it back: when the code shrinks back to the word (a
     * copy and a compare cut for the fused branch after them, shorter than the two), the
     * search goes on, to the function's end. */
    uint32_t pend_start = UINT32_MAX, pend_op = 0;
    while (v->nctrls > 0) {
        int op = 0;
        if (WM_CONFIG_QUICK_CHECK && !v->compile) wm_check_quick(v);
        size_t at = wm_reader_offset(&v->r);
        TRY(read_opcode(v, &op));
        TRY(instr(v, op));
        if (!v->locating) continue;
        if (v->located == 2) return WASMCU_OK;
        if (v->ncode != v->locate_ncode) v->code_at = at; /* it emitted code */
        v->locate_ncode = v->ncode;
        if (v->located && v->ncode <= v->locate_word) v->located = 0, pend_start = UINT32_MAX;
        if (pend_start != UINT32_MAX) {
            /* taken into an instruction that starts before it (a second load, in the
             * product of two): the fault is still the one located */
            if (v->ncode > pend_start && v->last_start < pend_start) {
                pend_start = UINT32_MAX;
                continue;
            }
            if (v->ncode > pend_start && unit_at(v, pend_start) != pend_op) {
                if (!wm_fault_is_first(unit_at(v, pend_start), v->locate_word - pend_start))
                    v->locate_off = at;
                /* what replaced it may be replaced in turn (a shl, its add, the load) */
                pend_op = unit_at(v, pend_start);
                if (v->last_end == v->ncode && v->last_start == pend_start && wm_fuses_first(pend_op))
                    continue;
            } else if (v->last_end == v->ncode && v->last_start == pend_start) continue;
            pend_start = UINT32_MAX;
            continue;
        }
        if (!v->located && v->ncode > v->locate_word) {
            v->located = 1;
            v->locate_off = at;
            if (WM_CONFIG_FUSED_OPS && v->last_end == v->ncode && wm_fuses_first(unit_at(v, v->last_start))) {
                pend_start = v->last_start;
                pend_op = unit_at(v, pend_start);
            }
        }
    }
    if (v->locating) return WASMCU_OK;
    if (v->r.p != v->r.end)
        return wm_fail(v, WASMCU_ERR_MALFORMED, "section size mismatch: bytes after the function's end",
                       0, 0, 0);
    /* checking alone cannot count the constant slots: it assumes all of them, so that
     * compiling later cannot fail for the frame's size */
    uint64_t frame = (uint64_t)v->nlocals + (v->compile ? v->nconsts : WM_CONFIG_CONST_SLOTS) + v->max_vals;
    const char *big = frame > 0xFFFFu - WM_PACK_SCRATCH
                          ? "the function's frame needs more than 65527 value slots (params, "
                            "locals and operand stack)"
                      : frame > WM_CONFIG_BYTE_SLOTS && ft->nparams > WM_PACK_GAP_MAX
                          ? "more than 248 params in a function of more than 256 value slots "
                            "(params, locals and operand stack): pass some through memory"
                          : NULL;
    if (big) return wm_fail(v, WASMCU_ERR_UNSUPPORTED, big, 0, 0, 0);
    if (!v->compile) return WASMCU_OK;
    /* a slot past 255 does not fit a byte, nor a target past WM_TB_MAX bytes its field:
     * compile again, as words that pack.c packs */
    if (!v->wide && (frame > WM_CONFIG_BYTE_SLOTS || v->retry_wide || v->ncode > WM_TB_MAX)) {
        v->retry_wide = 1;
        return WASMCU_OK;
    }
    return wm_finish_code(v, fd);
}
