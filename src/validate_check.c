/* The load pass's short path: checks runs of ordinary instructions without the compiler's
 * bookkeeping, and leaves everything else to validate.c's full path. */
#include <string.h>
#include "validate_ctx.h"

#if WM_CONFIG_QUICK_CHECK /* else nothing calls it: keep it out of unlinked object files too */

/* A switch's default that no value reaches (kind comes from the table below): GCC and clang
 * then drop the switch's range check, two instructions for each instruction checked (the
 * load of CoreMark's module: 34 K of 2.05 M). Elsewhere the default stops the short path. */
#if defined(__GNUC__) || defined(__clang__)
#define NO_OTHER_KIND __builtin_unreachable()
#else
#define NO_OTHER_KIND goto stop
#endif

/* The length of the LEB128 at p that the reader would accept as a u32 (is_signed: an s32),
 * and its value; 0 when the reader would not, for instr() to say why. */
static inline uint32_t quick_leb32(const uint8_t *p, const uint8_t *end, int is_signed,
                                   uint32_t *value)
{
    uint32_t x = 0;
    if (p < end && *p < 0x80) { /* most are one byte */
        *value = *p;
        return 1;
    }
    for (uint32_t k = 0; k < 5 && p + k < end; k++) {
        x |= (uint32_t)(p[k] & 0x7F) << (7 * k);
        if (p[k] < 0x80) {
            *value = x;
            /* a fifth byte holds 4 bits: the rest are zero, or copies of the sign */
            if (k < 4 || p[k] < (is_signed ? 0x08 : 0x10) || (is_signed && p[k] >= 0x78)) return k + 1;
            return 0;
        }
    }
    return 0;
}

/* What the short path does with each one-byte opcode, derived from opcodes.def at compile
 * time so that one table lookup replaces the opcode, immediate and signature lookups. */
enum {
    Q_STOP, /* everything else: instr() */
    Q_UNARY, Q_BINARY, Q_LOAD, Q_STORE, Q_I32, Q_I64, Q_F32, Q_F64, Q_LOCAL_GET, Q_LOCAL_SET,
    Q_LOCAL_TEE, Q_GLOBAL_GET, Q_GLOBAL_SET, Q_CALL, Q_BR_IF, Q_BLOCK, Q_END, Q_DROP, Q_SELECT
};
typedef struct qent {
    uint8_t kind;
    uint8_t a; /* the first param's type; a memory access: its natural alignment (log2) */
    uint8_t b; /* the second param's type */
    uint8_t r; /* the result's type, 0 for none */
} qent;

/* Each signature's facts as constants (NP_S_ii_i...), and 0 for opcodes.def's "by hand". */
enum {
    NP_0 = 0, NR_0 = 0, A_0 = 0, B_0 = 0, R_0 = 0,
#define X(id, np, p0, p1, p2, nr, r) \
    NP_##id = np, NR_##id = nr, A_##id = WM_SIGT_##p0, B_##id = WM_SIGT_##p1, R_##id = WM_SIGT_##r,
    WM_SIGNATURES(X)
#undef X
};

#define Q_MEMORY(imm) ((imm) >= IMM_MEM8 && (imm) <= IMM_MEM64)
/* one kind for each opcode, by construction (the switch below has no range check) */
#define Q_IS(op, name, else_) ((op) == WM_OP_##name ? Q_##name : (else_))
#define Q_KIND(op, imm, np, nr)                                                               \
    Q_IS(op, LOCAL_GET, Q_IS(op, LOCAL_SET, Q_IS(op, LOCAL_TEE, Q_IS(op, GLOBAL_GET,          \
    Q_IS(op, GLOBAL_SET, Q_IS(op, CALL, Q_IS(op, BR_IF, Q_IS(op, END, Q_IS(op, DROP,          \
    Q_IS(op, SELECT, (op) == WM_OP_BLOCK || (op) == WM_OP_LOOP ? Q_BLOCK :                    \
    (imm) == IMM_NONE && (nr) == 1 && (np) == 1 ? Q_UNARY :                                   \
    (imm) == IMM_NONE && (nr) == 1 && (np) == 2 ? Q_BINARY :                                  \
    Q_MEMORY(imm) ? ((nr) ? Q_LOAD : Q_STORE) : (imm) == IMM_I32 ? Q_I32 :                     \
    (imm) == IMM_I64 ? Q_I64 : (imm) == IMM_F32 ? Q_F32 : (imm) == IMM_F64 ? Q_F64 : Q_STOP))))))))))

static const qent quick[256] = {
#define OP(name, text, prefix, code, imm, sig, form) QROW_##prefix(name, code, imm, sig)
#define QROW_0xFC(name, code, imm, sig)
#define QROW_0xFF(name, code, imm, sig)
#define QROW_0x00(name, code, imm, sig)                                                       \
    [code] = {Q_KIND(WM_OP_##name, imm, NP_##sig, NR_##sig),                                   \
              Q_MEMORY(imm) ? (imm) - IMM_MEM8 : A_##sig, B_##sig, R_##sig},
#define NOCODE(name, text, prefix, code, imm, sig, as) QROW_##prefix(name, code, imm, sig)
#include "opcodes.def"
#undef NOCODE
#undef OP
#undef QROW_0x00
#undef QROW_0xFC
#undef QROW_0xFF
};

/* The load pass (checking only, WM_CONFIG_LAZY_COMPILE) takes runs of the commonest
 * instructions on a short path (WM_CONFIG_QUICK_CHECK), its state in locals: operands of
 * exactly the types wanted above the block's height, immediates the reader takes without a
 * question. It only ever accepts what instr() accepts; it stops at anything else (an if, a
 * br, every error), which instr() then reads and checks, and says what is wrong. */
void wm_check_quick(vctx *v)
{
    const uint8_t *p = v->r.p, *const end = v->r.end;
    wm_valtype *const vals = v->vals;
    const wm_valtype *const locals = v->locals;
    const wm_module *m = v->m;
    uint32_t n = v->nvals, max = v->max_vals, floor = v->ctrls[v->nctrls - 1].height;
    const uint32_t cap = v->cap_vals, nlocals = v->nlocals;
    const int memory = m->nmemories != 0;
    /* k: an immediate's length; x: its value, an index it names */
    uint32_t k, x, nt;
    const wm_valtype *ts;
    while (p < end) {
        const qent *q = &quick[*p];
        switch (q->kind) {
        case Q_BINARY:
            if (n - floor < 2 || vals[n - 1] != q->b || vals[n - 2] != q->a) goto stop;
            vals[--n - 1] = q->r;
            p++;
            continue;
        case Q_UNARY:
            if (n == floor || vals[n - 1] != q->a) goto stop;
            vals[n - 1] = q->r;
            p++;
            continue;
        case Q_LOCAL_GET:
        case Q_LOCAL_SET:
        case Q_LOCAL_TEE:
            if (!(k = quick_leb32(p + 1, end, 0, &x)) || x >= nlocals) goto stop;
            if (q->kind == Q_LOCAL_GET) {
                if (n >= cap) goto stop;
                vals[n++] = locals[x];
                if (n > max) max = n;
            } else {
                if (n == floor || vals[n - 1] != locals[x]) goto stop;
                if (q->kind == Q_LOCAL_SET) n--;
            }
            p += 1 + k;
            continue;
        case Q_LOAD: /* align, then offset */
        case Q_STORE:
            if (end - p < 2 || p[1] > q->a || !memory || !(k = quick_leb32(p + 2, end, 0, &x)))
                goto stop;
            if (q->kind == Q_LOAD) {
                if (n == floor || vals[n - 1] != WASMCU_I32) goto stop;
                vals[n - 1] = q->r;
            } else {
                if (n - floor < 2 || vals[n - 1] != q->b || vals[n - 2] != WASMCU_I32) goto stop;
                n -= 2;
            }
            p += 2 + k;
            continue;
        case Q_I32:
            if (!(k = quick_leb32(p + 1, end, 1, &x))) goto stop;
            k++;
            break;
        case Q_I64: /* a LEB128 of at most 9 bytes has no unused bits to check */
            for (k = 1; k < 10 && p + k < end && p[k] >= 0x80;) k++;
            if (k++ == 10 || p + k > end) goto stop;
            break;
        case Q_F32:
        case Q_F64:
            k = q->kind == Q_F32 ? 5 : 9;
            if (end - p < (ptrdiff_t)k) goto stop;
            break;
        case Q_GLOBAL_GET:
        case Q_GLOBAL_SET: {
            if (!(k = quick_leb32(p + 1, end, 0, &x)) || x >= m->nglobals) goto stop;
            const wm_globaltype *g = &m->global_types[x];
            if (q->kind == Q_GLOBAL_GET) {
                if (n >= cap) goto stop;
                vals[n++] = g->type;
                if (n > max) max = n;
            } else {
                if (!g->mut || n == floor || vals[n - 1] != g->type) goto stop;
                n--;
            }
            p += 1 + k;
            continue;
        }
        case Q_CALL: {
            if (!(k = quick_leb32(p + 1, end, 0, &x)) || x >= m->nfuncs) goto stop;
            const wm_functype *ft = wm_module_functype(m, x);
            uint32_t np = ft->nparams, nr = ft->nresults;
            if (n - floor < np || n - np + nr > cap || (np && memcmp(vals + n - np, ft->types, np) != 0))
                goto stop;
            n -= np;
            if (nr) memcpy(vals + n, ft->types + np, nr); /* vals may still be NULL */
            n += nr;
            if (n > max) max = n;
            p += 1 + k;
            continue;
        }
        case Q_BR_IF: /* the label's values stay */
            if (!(k = quick_leb32(p + 1, end, 0, &x)) || x >= v->nctrls || n == floor ||
                vals[n - 1] != WASMCU_I32)
                goto stop;
            label_types(&v->ctrls[v->nctrls - 1 - x], &ts, &nt);
            if (n - 1 - floor < nt || (nt && memcmp(vals + n - 1 - nt, ts, nt) != 0)) goto stop;
            n--;
            p += 1 + k;
            continue;
        case Q_BLOCK: { /* block or loop with no type or one numeric result */
            if (end - p < 2 || v->nctrls >= v->cap_ctrls) goto stop;
            for (k = 0; k < 4 && wm_single_types[k] != p[1]; k++) continue;
            if (k == 4 && p[1] != 0x40) goto stop;
            ctrl *c = &v->ctrls[v->nctrls++];
            memset(c, 0, sizeof *c); /* as push_ctrl: a block of the load pass emits nothing */
            c->op = (uint16_t)wm_op_at_slot(*p); /* block or loop */
            c->dead = 1;
            c->results = k < 4 ? &wm_single_types[k] : NULL;
            c->nresults = k < 4;
            c->height = floor = n;
            p += 2;
            continue;
        }
        case Q_END: { /* of a block or loop whose results are on the stack */
            const ctrl *c = &v->ctrls[v->nctrls - 1];
            if (v->nctrls < 2 || (c->op != WM_OP_BLOCK && c->op != WM_OP_LOOP) ||
                c->unreachable || n - floor != c->nresults ||
                (c->nresults && memcmp(vals + floor, c->results, c->nresults) != 0))
                goto stop;
            v->nctrls--;
            floor = v->ctrls[v->nctrls - 1].height;
            p++;
            continue;
        }
        case Q_DROP:
            if (n == floor) goto stop;
            n--;
            p++;
            continue;
        case Q_SELECT: /* untyped: two numeric values of one type */
            if (n - floor < 3 || vals[n - 1] != WASMCU_I32 || vals[n - 2] != vals[n - 3] ||
                vals[n - 2] < WASMCU_F64 || vals[n - 2] > WASMCU_I32)
                goto stop;
            n -= 2;
            p++;
            continue;
        case Q_STOP:
            goto stop;
        default:
            NO_OTHER_KIND;
        }
        /* a constant of k bytes, opcode included */
        if (n >= cap) goto stop;
        vals[n++] = q->r;
        if (n > max) max = n;
        p += k;
    }
stop:
    v->r.p = p;
    v->nvals = n;
    v->max_vals = max;
}

#endif
