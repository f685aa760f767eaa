/* decode: the binary format's sections into a wm_module. Function bodies and constant
 * expressions are only located here; validate decodes and checks them. */
#include <string.h>
#include "decode.h"
#include "opcodes.h"
#include "reader.h"

typedef struct dctx {
    wm_runtime *rt;
    wm_module *m;
    wm_reader r;
    uint32_t section;
    wasmcu_err err;
    /* defined entities, joined with the imports at the end */
    uint32_t nfunc_defs;
    uint32_t *func_defs;
    uint32_t ntable_defs, nmem_defs;
    wm_tabletype *table_defs;
    wm_limits *mem_defs;
} dctx;

/* The immediate kind of the opcode in `slot` (opcodes.h); IMM_NONE for an unknown one. */
static uint8_t imm_of(uint32_t slot)
{
    int op = wm_op_at_slot(slot);
    return op >= 0 ? wm_op_imm[op] : IMM_NONE;
}

static wasmcu_err malformed(dctx *d, const char *msg)
{
    if (d->err) return d->err;
    size_t off = d->r.err ? d->r.err_off : wm_reader_offset(&d->r);
    const char *why = d->r.err ? d->r.err : msg;
    /* The spec says "of section or function" when a read runs into a section's end rather
     * than the module's; the text still starts with "unexpected end" either way. */
    const char *tail = "";
    if (strcmp(why, "unexpected end") == 0 && d->r.end < d->m->bytes + d->m->len)
        tail = " of section or function";
    wm_error(d->rt, WASMCU_ERR_MALFORMED, "malformed module: section %u (offset 0x%lx): %s%s",
             (unsigned)d->section, (unsigned long)off, why, tail);
    return d->err = WASMCU_ERR_MALFORMED;
}

#define R(x)                                                                                    \
    do {                                                                                        \
        if (!(x)) return malformed(d, "unexpected end");                                        \
    } while (0)

static void *alloc(dctx *d, uint64_t n, size_t size)
{
    uint64_t bytes = n * size;
    char num[21];
    if (d->err) return NULL;
    if (bytes > (size_t)-1) bytes = (size_t)-1;
    void *p = wm_calloc(&d->rt->alloc, 1, (size_t)(bytes ? bytes : 1));
    if (!p) {
        wm_error(d->rt, WASMCU_ERR_OOM,
                 "out of memory: decoding section %u needs %s bytes, the pool has %lu free",
                 (unsigned)d->section, wm_u64_str(num, bytes),
                 (unsigned long)wm_alloc_free_bytes(&d->rt->alloc));
        d->err = WASMCU_ERR_OOM;
    }
    return p;
}

/* A vector count: each element needs at least one byte, so a count past the end is bad. */
static wasmcu_err read_count(dctx *d, uint32_t *n)
{
    R(wm_read_u32(&d->r, n));
    if (*n > (size_t)(d->r.end - d->r.p)) return malformed(d, "unexpected end: length out of bounds");
    return WASMCU_OK;
}

static int valtype_ok(uint8_t t)
{
    return t == 0x7F || t == 0x7E || t == 0x7D || t == 0x7C || t == 0x7B || t == 0x70 || t == 0x6F;
}

static wasmcu_err read_valtype(dctx *d, wm_valtype *t)
{
    R(wm_read_u8(&d->r, t));
    if (!valtype_ok(*t)) return malformed(d, "malformed value type");
    return WASMCU_OK;
}

static wasmcu_err read_reftype(dctx *d, wm_valtype *t)
{
    R(wm_read_u8(&d->r, t));
    if (*t != 0x70 && *t != 0x6F) return malformed(d, "malformed reference type");
    return WASMCU_OK;
}

static wasmcu_err read_limits(dctx *d, wm_limits *l)
{
    uint8_t flag;
    R(wm_read_u8(&d->r, &flag));
    /* The flag is a u32 in the spec's grammar: a continuation bit makes it too long. */
    if (flag & 0x80) return malformed(d, "integer representation too long: malformed limits flags");
    if (flag > 1) return malformed(d, "integer too large: malformed limits flags");
    R(wm_read_u32(&d->r, &l->min));
    l->has_max = flag;
    if (flag) R(wm_read_u32(&d->r, &l->max));
    return WASMCU_OK;
}

static wasmcu_err read_name(dctx *d, wm_name *n)
{
    R(wm_read_name(&d->r, &n->s, &n->len));
    return WASMCU_OK;
}

/* Locates a constant expression: instructions up to the `end` that closes it. */
static wasmcu_err read_expr(dctx *d, wm_expr *e)
{
    wm_reader *r = &d->r;
    const uint8_t *start = r->p;
    for (;;) {
        uint8_t op, imm, b;
        uint32_t x;
        int32_t i32;
        int64_t i64;
        const uint8_t *skip;
        R(wm_read_u8(r, &op));
        if (op == 0x0B) break;
        if (op == 0xFC) {
            R(wm_read_u32(r, &x));
            imm = imm_of(x < 32 ? 256 + x : WM_OP_SLOTS);
        } else if (op == 0xFD) { /* SIMD: only v128.const (12) can be constant; the validator rejects it */
            R(wm_read_u32(r, &x));
            if (x == 12) R(wm_read_bytes(r, 16, &skip));
            continue;
        } else {
            imm = imm_of(op);
        }
        switch (imm) {
        case IMM_I32: R(wm_read_s32(r, &i32)); break;
        case IMM_I64: R(wm_read_s64(r, &i64)); break;
        case IMM_F32: R(wm_read_bytes(r, 4, &skip)); break;
        case IMM_F64: R(wm_read_bytes(r, 8, &skip)); break;
        case IMM_REFTYPE: case IMM_MEM0: R(wm_read_u8(r, &b)); break;
        case IMM_NONE: break;
        case IMM_MEM8: case IMM_MEM16: case IMM_MEM32: case IMM_MEM64: case IMM_CALL_INDIRECT: case IMM_ELEM_TABLE: case IMM_TABLE_TABLE:
            R(wm_read_u32(r, &x)); R(wm_read_u32(r, &x)); break;
        default: R(wm_read_u32(r, &x)); break; /* one index; enough to find the end */
        }
    }
    e->p = start;
    e->len = (uint32_t)(r->p - start);
    return WASMCU_OK;
}

static wasmcu_err sec_types(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(m->types = alloc(d, n, sizeof *m->types))) return d->err;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t form;
        uint32_t np, nr;
        R(wm_read_u8(&d->r, &form));
        if (form != 0x60) return malformed(d, "integer representation too long: malformed function type form");
        if (read_count(d, &np)) return d->err;
        const uint8_t *pstart = d->r.p;
        const uint8_t *skip;
        R(wm_read_bytes(&d->r, np, &skip));
        if (read_count(d, &nr)) return d->err;
        wm_valtype *ts = alloc(d, (uint64_t)np + nr, 1);
        if (!ts) return d->err;
        m->types[i].types = ts;
        m->ntypes = i + 1;
        m->types[i].nparams = np;
        m->types[i].nresults = nr;
        for (uint32_t k = 0; k < np; k++) {
            ts[k] = pstart[k];
            if (!valtype_ok(ts[k])) return malformed(d, "malformed value type");
        }
        for (uint32_t k = 0; k < nr; k++)
            if (read_valtype(d, &ts[np + k])) return d->err;
    }
    return WASMCU_OK;
}

static wasmcu_err sec_imports(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(m->imports = alloc(d, n, sizeof *m->imports))) return d->err;
    m->nimports = n;
    for (uint32_t i = 0; i < n; i++) {
        wm_import *im = &m->imports[i];
        if (read_name(d, &im->module) || read_name(d, &im->field)) return d->err;
        R(wm_read_u8(&d->r, &im->kind));
        switch (im->kind) {
        case WM_EXT_FUNC:
            R(wm_read_u32(&d->r, &im->u.type_idx));
            m->nfunc_imports++;
            break;
        case WM_EXT_TABLE:
            if (read_reftype(d, &im->u.table.elem) || read_limits(d, &im->u.table.limits)) return d->err;
            m->ntable_imports++;
            break;
        case WM_EXT_MEMORY:
            if (read_limits(d, &im->u.memory)) return d->err;
            m->nmemory_imports++;
            break;
        case WM_EXT_GLOBAL:
            if (read_valtype(d, &im->u.global.type)) return d->err;
            R(wm_read_u8(&d->r, &im->u.global.mut));
            if (im->u.global.mut > 1) return malformed(d, "malformed mutability");
            m->nglobal_imports++;
            break;
        default:
            return malformed(d, "malformed import kind");
        }
    }
    return WASMCU_OK;
}

static wasmcu_err sec_functions(dctx *d)
{
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(d->func_defs = alloc(d, n, sizeof(uint32_t)))) return d->err;
    d->nfunc_defs = n;
    for (uint32_t i = 0; i < n; i++) R(wm_read_u32(&d->r, &d->func_defs[i]));
    return WASMCU_OK;
}

static wasmcu_err sec_tables(dctx *d)
{
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(d->table_defs = alloc(d, n, sizeof *d->table_defs))) return d->err;
    d->ntable_defs = n;
    for (uint32_t i = 0; i < n; i++)
        if (read_reftype(d, &d->table_defs[i].elem) || read_limits(d, &d->table_defs[i].limits))
            return d->err;
    return WASMCU_OK;
}

static wasmcu_err sec_memories(dctx *d)
{
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(d->mem_defs = alloc(d, n, sizeof *d->mem_defs))) return d->err;
    d->nmem_defs = n;
    for (uint32_t i = 0; i < n; i++)
        if (read_limits(d, &d->mem_defs[i])) return d->err;
    return WASMCU_OK;
}

static wasmcu_err sec_globals(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(m->globals = alloc(d, n, sizeof *m->globals))) return d->err;
    m->nglobals = n; /* defined only, until join() */
    for (uint32_t i = 0; i < n; i++) {
        wm_global *g = &m->globals[i];
        if (read_valtype(d, &g->type.type)) return d->err;
        R(wm_read_u8(&d->r, &g->type.mut));
        if (g->type.mut > 1) return malformed(d, "malformed mutability");
        if (read_expr(d, &g->init)) return d->err;
    }
    return WASMCU_OK;
}

static wasmcu_err sec_exports(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(m->exports = alloc(d, n, sizeof *m->exports))) return d->err;
    m->nexports = n;
    for (uint32_t i = 0; i < n; i++) {
        wm_export *e = &m->exports[i];
        if (read_name(d, &e->name)) return d->err;
        R(wm_read_u8(&d->r, &e->kind));
        if (e->kind > 3) return malformed(d, "malformed export kind");
        R(wm_read_u32(&d->r, &e->index));
    }
    return WASMCU_OK;
}

static wasmcu_err read_elem_items(dctx *d, wm_elem *e, int exprs)
{
    if (read_count(d, &e->count)) return d->err;
    if (exprs) {
        if (!(e->exprs = alloc(d, e->count, sizeof *e->exprs))) return d->err;
        for (uint32_t k = 0; k < e->count; k++)
            if (read_expr(d, &e->exprs[k])) return d->err;
    } else {
        uint32_t *f = alloc(d, e->count, sizeof *f);
        if (!f) return d->err;
        e->funcs = f;
        for (uint32_t k = 0; k < e->count; k++) R(wm_read_u32(&d->r, &f[k]));
    }
    return WASMCU_OK;
}

static wasmcu_err sec_elems(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (!(m->elems = alloc(d, n, sizeof *m->elems))) return d->err;
    m->nelems = n;
    for (uint32_t i = 0; i < n; i++) {
        wm_elem *e = &m->elems[i];
        uint32_t flags;
        R(wm_read_u32(&d->r, &flags));
        if (flags > 7) return malformed(d, "malformed elements segment kind");
        e->type = WASMCU_FUNCREF;
        e->mode = (flags & 1) ? ((flags & 2) ? WM_SEG_DECLARATIVE : WM_SEG_PASSIVE) : WM_SEG_ACTIVE;
        if (flags == 2 || flags == 6) R(wm_read_u32(&d->r, &e->table));
        if (!(flags & 1) && read_expr(d, &e->offset)) return d->err;
        if (flags & 3) {
            if (flags & 4) {
                if (read_reftype(d, &e->type)) return d->err;
            } else {
                uint8_t kind;
                R(wm_read_u8(&d->r, &kind));
                if (kind != 0) return malformed(d, "malformed element kind");
            }
        }
        if (read_elem_items(d, e, flags & 4)) return d->err;
    }
    return WASMCU_OK;
}

static wasmcu_err sec_code(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (n != d->nfunc_defs) return malformed(d, "function and code section have inconsistent lengths");
    if (!(m->funcs = alloc(d, n, sizeof *m->funcs))) return d->err;
    for (uint32_t i = 0; i < n; i++) {
        wm_funcdef *f = &m->funcs[i];
        uint32_t size;
        R(wm_read_u32(&d->r, &size));
        const uint8_t *body;
        R(wm_read_bytes(&d->r, size, &body));
        f->type_idx = d->func_defs[i];
        f->body = body;
        f->body_len = size;
        wm_reader saved = d->r;
        wm_reader_init(&d->r, m->bytes, body, body + size);
        uint32_t groups;
        uint64_t total = 0;
        R(wm_read_u32(&d->r, &groups));
        for (uint32_t g = 0; g < groups; g++) {
            uint32_t count;
            wm_valtype t;
            R(wm_read_u32(&d->r, &count));
            if (read_valtype(d, &t)) return d->err;
            total += count;
            if (total > 50000000u) return malformed(d, "too many locals");
        }
        f->nlocals = (uint32_t)total;
        f->nlocal_groups = groups;
        f->expr = d->r.p;
        d->r = saved;
    }
    return WASMCU_OK;
}

static wasmcu_err sec_data(dctx *d)
{
    wm_module *m = d->m;
    uint32_t n;
    if (read_count(d, &n)) return d->err;
    if (m->has_datacount && n != m->datacount)
        return malformed(d, "data count and data section have inconsistent lengths");
    if (!(m->datas = alloc(d, n, sizeof *m->datas))) return d->err;
    m->ndatas = n;
    for (uint32_t i = 0; i < n; i++) {
        wm_data *s = &m->datas[i];
        uint32_t flags;
        R(wm_read_u32(&d->r, &flags));
        if (flags > 2) return malformed(d, "malformed data segment kind");
        s->mode = flags == 1 ? WM_SEG_PASSIVE : WM_SEG_ACTIVE;
        if (flags == 2) R(wm_read_u32(&d->r, &s->memory));
        if (flags != 1 && read_expr(d, &s->offset)) return d->err;
        R(wm_read_u32(&d->r, &s->len));
        R(wm_read_bytes(&d->r, s->len, &s->bytes));
    }
    return WASMCU_OK;
}

static wasmcu_err sec_custom(dctx *d)
{
    wm_name name;
    if (read_name(d, &name)) return d->err;
    if (name.len == 4 && memcmp(name.s, "name", 4) == 0 && !d->m->name_section.s) {
        d->m->name_section.s = d->r.p;
        d->m->name_section.len = (uint32_t)(d->r.end - d->r.p);
    }
    d->r.p = d->r.end;
    return WASMCU_OK;
}

/* Index spaces: imports first, then the module's own definitions. */
static wasmcu_err join(dctx *d)
{
    wm_module *m = d->m;
    uint32_t ng = m->nglobals;
    m->nfuncs = m->nfunc_imports + d->nfunc_defs;
    m->ntables = m->ntable_imports + d->ntable_defs;
    m->nmemories = m->nmemory_imports + d->nmem_defs;
    m->nglobals = m->nglobal_imports + ng;
    if (!(m->func_types = alloc(d, m->nfuncs, sizeof(uint32_t))) ||
        !(m->tables = alloc(d, m->ntables, sizeof *m->tables)) ||
        !(m->memories = alloc(d, m->nmemories, sizeof *m->memories)) ||
        !(m->global_types = alloc(d, m->nglobals, sizeof *m->global_types)))
        return d->err;
    uint32_t f = 0, t = 0, me = 0, g = 0;
    for (uint32_t i = 0; i < m->nimports; i++) {
        const wm_import *im = &m->imports[i];
        if (im->kind == WM_EXT_FUNC) m->func_types[f++] = im->u.type_idx;
        else if (im->kind == WM_EXT_TABLE) m->tables[t++] = im->u.table;
        else if (im->kind == WM_EXT_MEMORY) m->memories[me++] = im->u.memory;
        else m->global_types[g++] = im->u.global;
    }
    for (uint32_t i = 0; i < d->nfunc_defs; i++) m->func_types[f++] = d->func_defs[i];
    for (uint32_t i = 0; i < d->ntable_defs; i++) m->tables[t++] = d->table_defs[i];
    for (uint32_t i = 0; i < d->nmem_defs; i++) m->memories[me++] = d->mem_defs[i];
    for (uint32_t i = 0; i < ng; i++) m->global_types[g++] = m->globals[i].type;
    if (!m->funcs && d->nfunc_defs)
        return malformed(d, "function and code section have inconsistent lengths");
    return WASMCU_OK;
}

/* Where each known section id sorts; 0 = unknown id. The data count section (12) sits
 * between element (9) and code (10). */
static uint32_t section_rank(uint8_t id)
{
    static const uint8_t rank[13] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
    return id < 13 ? rank[id] : 0;
}

static wasmcu_err sections(dctx *d, const uint8_t *end)
{
    wm_module *m = d->m;
    uint32_t last = 0;
    while (d->r.p < end) {
        uint8_t id;
        uint32_t size;
        d->section = 0;
        R(wm_read_u8(&d->r, &id));
        d->section = id;
        if (id > 12) return malformed(d, "malformed section id");
        R(wm_read_u32(&d->r, &size));
        if (size > (size_t)(end - d->r.p)) return malformed(d, "unexpected end: length out of bounds (section size)");
        const uint8_t *sec_end = d->r.p + size;
        if (id != 0) {
            uint32_t rank = section_rank(id);
            if (rank <= last) return malformed(d, "unexpected content after last section (sections out of order or repeated)");
            last = rank;
        }
        wm_reader outer = d->r;
        d->r.end = sec_end;
        wasmcu_err err = WASMCU_OK;
        switch (id) {
        case 0: err = sec_custom(d); break;
        case 1: err = sec_types(d); break;
        case 2: err = sec_imports(d); break;
        case 3: err = sec_functions(d); break;
        case 4: err = sec_tables(d); break;
        case 5: err = sec_memories(d); break;
        case 6: err = sec_globals(d); break;
        case 7: err = sec_exports(d); break;
        case 8: R(wm_read_u32(&d->r, &m->start)); break;
        case 9: err = sec_elems(d); break;
        case 10: err = sec_code(d); break;
        case 11: err = sec_data(d); break;
        default:
            R(wm_read_u32(&d->r, &m->datacount));
            m->has_datacount = 1;
            break;
        }
        if (err) return err;
        if (d->r.p != sec_end) return malformed(d, "section size mismatch");
        d->r = outer;
        d->r.p = sec_end;
    }
    d->section = 0;
    if (d->nfunc_defs && !m->funcs)
        return malformed(d, "function and code section have inconsistent lengths");
    if (m->has_datacount && m->datacount != m->ndatas)
        return malformed(d, "data count and data section have inconsistent lengths");
    return join(d);
}

wasmcu_err wm_decode(wm_runtime *rt, const uint8_t *bytes, size_t len, wm_module *m)
{
    dctx d;
    memset(&d, 0, sizeof d);
    d.rt = rt;
    d.m = m;
    m->rt = rt;
    m->bytes = bytes;
    m->len = len;
    m->start = UINT32_MAX;
    wm_reader_init(&d.r, bytes, bytes, bytes + len);
    const uint8_t *magic;
    wasmcu_err err;
    /* Both are fixed 4-byte fields: a short file is "unexpected end", as the spec reads them. */
    if (!wm_read_bytes(&d.r, 4, &magic)) {
        err = malformed(&d, "unexpected end");
    } else if (memcmp(magic, "\0asm", 4) != 0) {
        d.r.p = bytes;
        err = malformed(&d, "magic header not detected");
    } else if (!wm_read_bytes(&d.r, 4, &magic)) {
        err = malformed(&d, "unexpected end");
    } else if (memcmp(magic, "\1\0\0\0", 4) != 0) {
        d.r.p = bytes + 4;
        err = malformed(&d, "unknown binary version");
    } else {
        err = sections(&d, bytes + len);
    }
    wm_free(&rt->alloc, d.func_defs);
    wm_free(&rt->alloc, d.table_defs);
    wm_free(&rt->alloc, d.mem_defs);
    if (err) {
        if (!d.err) d.err = err;
        wm_module_free_parts(rt, m);
    }
    return err;
}

static const uint8_t *name_from_section(const wm_module *m, uint32_t idx, uint32_t *len);

void wm_module_free_parts(wm_runtime *rt, wm_module *m)
{
    wm_alloc *a = &rt->alloc;
    if (m->types)
        for (uint32_t i = 0; i < m->ntypes; i++) wm_free(a, (void *)m->types[i].types);
    if (m->funcs)
        for (uint32_t i = 0; i + m->nfunc_imports < m->nfuncs; i++) {
            const wm_code *c = &m->funcs[i].code;
            if (c->consts) wm_free(a, (void *)((uintptr_t)c->consts - WM_CONSTS_HEAD(c->nconsts)));
        }
    if (m->elems)
        for (uint32_t i = 0; i < m->nelems; i++) {
            wm_free(a, (void *)m->elems[i].funcs);
            wm_free(a, m->elems[i].exprs);
        }
    void *parts[] = {m->types, m->imports, m->func_types, m->funcs, m->tables, m->memories,
                     m->global_types, m->globals, m->exports, m->elems, m->datas, m->declared_refs};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) wm_free(a, parts[i]);
    const uint8_t *bytes = m->bytes;
    size_t len = m->len;
    wasmcu_runtime *r = m->rt;
    memset(m, 0, sizeof *m);
    m->bytes = bytes;
    m->len = len;
    m->rt = r;
}

/* The name of an export of function idx, or NULL. */
static const uint8_t *export_name(const wm_module *m, uint32_t idx, uint32_t *len)
{
    for (uint32_t i = 0; i < m->nexports; i++)
        if (m->exports[i].kind == WM_EXT_FUNC && m->exports[i].index == idx) {
            *len = m->exports[i].name.len;
            return m->exports[i].name.s;
        }
    return NULL;
}

const uint8_t *wm_module_func_name(const wm_module *m, uint32_t idx, uint32_t *len)
{
    const uint8_t *n = name_from_section(m, idx, len);
    return n ? n : export_name(m, idx, len);
}

static const uint8_t *name_from_section(const wm_module *m, uint32_t idx, uint32_t *len)
{
    if (!m->name_section.s) return NULL;
    wm_reader r;
    wm_reader_init(&r, m->bytes, m->name_section.s, m->name_section.s + m->name_section.len);
    while (r.p < r.end) {
        uint8_t id;
        uint32_t size;
        const uint8_t *payload;
        if (!wm_read_u8(&r, &id) || !wm_read_u32(&r, &size) || !wm_read_bytes(&r, size, &payload))
            return NULL;
        if (id != 1) continue;
        wm_reader s;
        wm_reader_init(&s, m->bytes, payload, payload + size);
        uint32_t n;
        if (!wm_read_u32(&s, &n)) return NULL;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t fi, nl;
            const uint8_t *name;
            if (!wm_read_u32(&s, &fi) || !wm_read_u32(&s, &nl) || !wm_read_bytes(&s, nl, &name))
                return NULL;
            if (fi == idx) {
                *len = nl;
                return name;
            }
        }
        return NULL;
    }
    return NULL;
}
