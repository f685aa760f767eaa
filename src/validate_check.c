/* The load pass's short path: checks runs of ordinary instructions without the compiler's
 * bookkeeping, and leaves everything else to validate.c's full path. */
#include <string.h>
#include "validate_ctx.h"

#if WM_CONFIG_QUICK_CHECK /* else nothing calls it: keep it out of unlinked object files too */

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
    for (;; max = n > max ? n : max) { /* the height after each instruction */
        if (p >= end) break;
        int op = wm_op_by_slot[*p] - 1; /* the 0xFC and 0xFD prefixes have no slot: -1 */
        /* used: the instruction's bytes so far; x: an index it names */
        uint32_t used = 1, k, x = 0;
        const wm_valtype *ts;
        if (op < 0) break;
        switch (wm_op_imm[op]) {
        case IMM_NONE:
            if (op == WM_OP_DROP) {
                if (n == floor) goto stop;
                n--;
                p++;
                continue;
            }
            if (op == WM_OP_SELECT) { /* untyped: two numeric values of one type */
                if (n - floor < 3 || vals[n - 1] != WASMCU_I32 || vals[n - 2] != vals[n - 3] ||
                    vals[n - 2] < WASMCU_F64 || vals[n - 2] > WASMCU_I32)
                    goto stop;
                n -= 2;
                p++;
                continue;
            }
            if (op == WM_OP_END) { /* of a block or loop whose results are on the stack */
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
            break;
        case IMM_BLOCK: { /* block or loop with no type or one numeric result */
            if (op == WM_OP_IF || end - p < 2 || v->nctrls >= v->cap_ctrls) goto stop;
            for (k = 0; k < 4 && wm_single_types[k] != p[1]; k++) continue;
            if (k == 4 && p[1] != 0x40) goto stop;
            ctrl *c = &v->ctrls[v->nctrls++];
            memset(c, 0, sizeof *c); /* as push_ctrl: a block of the load pass emits nothing */
            c->op = (uint16_t)op;
            c->dead = 1;
            c->results = k < 4 ? &wm_single_types[k] : NULL;
            c->nresults = k < 4;
            c->height = floor = n;
            p += 2;
            continue;
        }
        case IMM_LABEL: /* br_if: the label's values stay */
            if (op != WM_OP_BR_IF || !(k = quick_leb32(p + 1, end, 0, &x)) || x >= v->nctrls ||
                n == floor || vals[n - 1] != WASMCU_I32)
                goto stop;
            used += k;
            label_types(&v->ctrls[v->nctrls - 1 - x], &ts, &k);
            if (n - 1 - floor < k || (k && memcmp(vals + n - 1 - k, ts, k) != 0)) goto stop;
            n--;
            p += used;
            continue;
        case IMM_FUNC: { /* call */
            if (op != WM_OP_CALL || !(k = quick_leb32(p + 1, end, 0, &x)) || x >= m->nfuncs) goto stop;
            used += k;
            const wm_functype *ft = wm_module_functype(m, x);
            uint32_t np = ft->nparams, nr = ft->nresults;
            if (n - floor < np || n - np + nr > cap || (np && memcmp(vals + n - np, ft->types, np) != 0))
                goto stop;
            n -= np;
            if (nr) memcpy(vals + n, ft->types + np, nr); /* vals may still be NULL */
            n += nr;
            p += used;
            continue;
        }
        case IMM_GLOBAL: {
            if (!(k = quick_leb32(p + 1, end, 0, &x)) || x >= m->nglobals) goto stop;
            used += k;
            const wm_globaltype *g = &m->global_types[x];
            if (op == WM_OP_GLOBAL_GET) {
                if (n >= cap) goto stop;
                vals[n++] = g->type;
            } else {
                if (!g->mut || n == floor || vals[n - 1] != g->type) goto stop;
                n--;
            }
            p += used;
            continue;
        }
        case IMM_LOCAL: {
            if (!(k = quick_leb32(p + 1, end, 0, &x)) || x >= nlocals) goto stop;
            used += k;
            wm_valtype t = locals[x];
            if (op == WM_OP_LOCAL_GET) {
                if (n >= cap) goto stop;
                vals[n++] = t;
            } else {
                if (n == floor || vals[n - 1] != t) goto stop;
                if (op == WM_OP_LOCAL_SET) n--;
            }
            p += used;
            continue;
        }
        case IMM_I64: /* a LEB128 of at most 9 bytes has no unused bits to check */
            while (used < 10 && p + used < end && p[used] >= 0x80) used++;
            if (used++ == 10 || p + used > end) goto stop;
            break;
        case IMM_F32:
        case IMM_F64:
            used += wm_op_imm[op] == IMM_F32 ? 4 : 8;
            if (end - p < (ptrdiff_t)used) goto stop;
            break;
        case IMM_I32:
            if (!(k = quick_leb32(p + 1, end, 1, &x))) goto stop;
            used += k;
            break;
        case IMM_MEM8:
        case IMM_MEM16:
        case IMM_MEM32:
        case IMM_MEM64: /* align, then offset */
            if (end - p < 2 || p[1] > access_log2(op) || !m->nmemories ||
                !(k = quick_leb32(p + 2, end, 0, &x)))
                goto stop;
            used += 1 + k;
            break;
        default:
            goto stop;
        }
        const wm_sig *si = &wm_sigs[wm_op_sig[op]];
        if (!wm_op_sig[op] || n - floor < si->np || (si->nr && n - si->np >= cap)) break;
        for (uint32_t i = 0; i < si->np; i++)
            if (vals[n - si->np + i] != si->p[i]) goto stop;
        n -= si->np;
        if (si->nr) vals[n++] = si->r;
        p += used;
    }
stop:
    v->r.p = p;
    v->nvals = n;
    v->max_vals = max;
}

#endif
