/* validate, module level: the spec's rules outside function bodies (types, limits, constant
 * expressions, exports, segments, the start function), then every body (validate.c). */
#include <string.h>
#include "validate.h"
#include "reader.h"

/* The module and where in its bytes a check is: constant expressions are read in place. */
typedef struct mctx {
    wm_runtime *rt;
    wm_module *m;
    wm_reader r;
} mctx;

/* fmt with at most one %s, arg; the offset is the reader's, or 0 outside any expression. */
static wasmcu_err fail(mctx *c, wasmcu_err code, const char *fmt, const char *arg)
{
    const char *what = code == WASMCU_ERR_MALFORMED ? "malformed module"
                       : code == WASMCU_ERR_UNSUPPORTED ? "unsupported module"
                       : code == WASMCU_ERR_OOM ? "out of memory"
                                                : "invalid module";
    size_t at = c->r.p ? wm_reader_offset(&c->r) : 0;
    wm_error(c->rt, code, "%s: (offset 0x%lx): ", what, (unsigned long)at);
    wm_error_append(c->rt, fmt, arg ? arg : "");
    return code;
}

static wasmcu_err invalid(mctx *c, const char *msg) { return fail(c, WASMCU_ERR_INVALID, "%s", msg); }

static wasmcu_err reader_failed(mctx *c)
{
    return fail(c, WASMCU_ERR_MALFORMED, "%s", c->r.err ? c->r.err : "unexpected end");
}

#define TRY(x)                                                                                  \
    do {                                                                                        \
        wasmcu_err e_ = (x);                                                                    \
        if (e_ != WASMCU_OK) return e_;                                                         \
    } while (0)

static int is_ref(wm_valtype t) { return t == WASMCU_FUNCREF || t == WASMCU_EXTERNREF; }

static void mark_ref(wm_module *m, uint32_t f)
{
    if (f < m->nfuncs) m->declared_refs[f / 8] |= (uint8_t)(1u << (f % 8));
}

/* Checks a constant expression yields exactly one `want`; with collect set, only records the
 * functions it names with ref.func (errors are left for the checking pass). */
static wasmcu_err check_const(mctx *c, const wm_expr *e, wm_valtype want, int collect)
{
    wm_module *m = c->m;
    wm_reader_init(&c->r, m->bytes, e->p, e->p + e->len);
    wm_valtype stack[4];
    uint32_t n = 0;
    for (;;) {
        uint8_t b;
        uint32_t x;
        wm_valtype t = 0;
        if (!wm_read_u8(&c->r, &b)) return collect ? WASMCU_OK : reader_failed(c);
        if (b == 0x0B) break;
        switch (b) {
        case 0x41: { int32_t i; if (!wm_read_s32(&c->r, &i)) goto bad; t = WASMCU_I32; break; }
        case 0x42: { int64_t i; if (!wm_read_s64(&c->r, &i)) goto bad; t = WASMCU_I64; break; }
        case 0x43: { uint32_t f; if (!wm_read_f32(&c->r, &f)) goto bad; t = WASMCU_F32; break; }
        case 0x44: { uint64_t f; if (!wm_read_f64(&c->r, &f)) goto bad; t = WASMCU_F64; break; }
        case 0xD0:
            if (!wm_read_u8(&c->r, &t)) goto bad;
            if (!is_ref(t)) {
                if (collect) return WASMCU_OK;
                return fail(c, WASMCU_ERR_MALFORMED, "malformed reference type", NULL);
            }
            break;
        case 0xD2:
            if (!wm_read_u32(&c->r, &x)) goto bad;
            if (collect) mark_ref(m, x);
            else if (x >= m->nfuncs) return invalid(c, "unknown function");
            t = WASMCU_FUNCREF;
            break;
        case 0x23:
            if (!wm_read_u32(&c->r, &x)) goto bad;
            if (collect) break;
            if (x >= m->nglobal_imports) {
                char num[21];
                return fail(c, WASMCU_ERR_INVALID, "unknown global %s", wm_u64_str(num, x));
            }
            if (m->global_types[x].mut) return invalid(c, "constant expression required");
            t = m->global_types[x].type;
            break;
        case 0xFD:
            if (collect) return WASMCU_OK;
            return fail(c, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", NULL);
        default:
            if (collect) return WASMCU_OK;
            return invalid(c, "constant expression required");
        }
        if (!collect) {
            if (n == sizeof stack) return invalid(c, "type mismatch: constant expression leaves too many values");
            stack[n++] = t;
        }
    }
    if (collect) return WASMCU_OK;
    if (n != 1 || (stack[0] != want))
        return fail(c, WASMCU_ERR_INVALID, "type mismatch: constant expression must give one %s",
                    wm_type_name(want));
    if (c->r.p != c->r.end) return fail(c, WASMCU_ERR_MALFORMED, "section size mismatch", NULL);
    return WASMCU_OK;
bad:
    return collect ? WASMCU_OK : reader_failed(c);
}

static wasmcu_err check_limits(mctx *c, const wm_limits *l, uint64_t bound, const char *too_big)
{
    if (l->min > bound || (l->has_max && l->max > bound)) return invalid(c, too_big);
    if (l->has_max && l->min > l->max)
        return invalid(c, "size minimum must not be greater than maximum");
    return WASMCU_OK;
}

static int name_eq(const wm_name *a, const wm_name *b)
{
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static wasmcu_err validate_exports(mctx *c)
{
    wm_module *m = c->m;
    for (uint32_t i = 0; i < m->nexports; i++) {
        const wm_export *e = &m->exports[i];
        uint32_t limit = e->kind == WM_EXT_FUNC     ? m->nfuncs
                         : e->kind == WM_EXT_TABLE  ? m->ntables
                         : e->kind == WM_EXT_MEMORY ? m->nmemories
                                                    : m->nglobals;
        static const char *const what[] = {"function", "table", "memory", "global"};
        if (e->index >= limit) return fail(c, WASMCU_ERR_INVALID, "unknown %s", what[e->kind & 3]);
        /* quadratic, but export lists are short on the modules this runtime is for */
        for (uint32_t j = 0; j < i; j++)
            if (name_eq(&m->exports[j].name, &e->name)) return invalid(c, "duplicate export name");
    }
    return WASMCU_OK;
}

static wasmcu_err validate_segments(mctx *c)
{
    wm_module *m = c->m;
    for (uint32_t i = 0; i < m->nelems; i++) {
        const wm_elem *e = &m->elems[i];
        if (e->mode == WM_SEG_ACTIVE) {
            if (e->table >= m->ntables) return invalid(c, "unknown table");
            if (m->tables[e->table].elem != e->type)
                return invalid(c, "type mismatch: element segment and table types differ");
            TRY(check_const(c, &e->offset, WASMCU_I32, 0));
        }
        for (uint32_t k = 0; k < e->count; k++) {
            if (e->funcs) {
                if (e->funcs[k] >= m->nfuncs) return invalid(c, "unknown function");
            } else {
                TRY(check_const(c, &e->exprs[k], e->type, 0));
            }
        }
    }
    for (uint32_t i = 0; i < m->ndatas; i++) {
        const wm_data *d = &m->datas[i];
        if (d->mode != WM_SEG_ACTIVE) continue;
        if (d->memory >= m->nmemories) {
            c->r.p = NULL;
            return invalid(c, d->memory == 0 ? "unknown memory 0" : "unknown memory");
        }
        TRY(check_const(c, &d->offset, WASMCU_I32, 0));
    }
    return WASMCU_OK;
}

static wasmcu_err validate_module(mctx *c)
{
    wm_module *m = c->m;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        const wm_functype *ft = &m->types[i];
        for (uint32_t k = 0; k < ft->nparams + ft->nresults; k++)
            if (ft->types[k] == WASMCU_V128)
                return fail(c, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", NULL);
    }
    for (uint32_t i = 0; i < m->nfuncs; i++)
        if (m->func_types[i] >= m->ntypes) return invalid(c, "unknown type");
    for (uint32_t i = 0; i < m->ntables; i++)
        TRY(check_limits(c, &m->tables[i].limits, UINT32_MAX, "table size must be at most 2^32-1"));
    if (m->nmemories > 1) return invalid(c, "multiple memories");
    for (uint32_t i = 0; i < m->nmemories; i++)
        TRY(check_limits(c, &m->memories[i], 65536, "memory size must be at most 65536 pages (4GiB)"));
    for (uint32_t i = 0; i < m->nglobals; i++)
        if (m->global_types[i].type == WASMCU_V128)
            return fail(c, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", NULL);

    /* the functions a body may name with ref.func */
    m->declared_refs = wm_calloc(&c->rt->alloc, m->nfuncs / 8 + 1, 1);
    if (!m->declared_refs) return fail(c, WASMCU_ERR_OOM, "no room for the module's reference set", NULL);
    for (uint32_t i = 0; i < m->nglobals - m->nglobal_imports; i++)
        check_const(c, &m->globals[i].init, 0, 1);
    for (uint32_t i = 0; i < m->nelems; i++) {
        const wm_elem *e = &m->elems[i];
        for (uint32_t k = 0; k < e->count; k++) {
            if (e->funcs) mark_ref(m, e->funcs[k]);
            else check_const(c, &e->exprs[k], 0, 1);
        }
    }
    for (uint32_t i = 0; i < m->nexports; i++)
        if (m->exports[i].kind == WM_EXT_FUNC) mark_ref(m, m->exports[i].index);

    for (uint32_t i = 0; i < m->nglobals - m->nglobal_imports; i++)
        TRY(check_const(c, &m->globals[i].init, m->globals[i].type.type, 0));
    TRY(validate_exports(c));
    if (m->start != UINT32_MAX) {
        c->r.p = NULL;
        if (m->start >= m->nfuncs) return invalid(c, "unknown function");
        const wm_functype *ft = wm_module_functype(m, m->start);
        if (ft->nparams || ft->nresults) return invalid(c, "start function must have type [] -> []");
    }
    TRY(validate_segments(c));
    return wm_validate_bodies(c->rt, m);
}

wasmcu_err wm_validate(wm_runtime *rt, wm_module *m)
{
    mctx c;
    memset(&c, 0, sizeof c);
    c.rt = rt;
    c.m = m;
    return validate_module(&c);
}
