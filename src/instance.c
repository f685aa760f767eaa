/* instance: linking imports, building memory, tables and globals, applying segments and
 * running the start function, in the order the 2.0 spec gives.
 *
 * Lifetimes: an instance that another imports from is kept alive by a reference count
 * (one for the embedder, one per importer), so shared functions, tables, memories and
 * globals are always owned by a live instance. A failed instantiation whose functions may
 * have been written into an imported table or global stays as a zombie until
 * wasmcu_destroy, since those references must stay callable. */
#include <string.h>
#include "instance.h"
#include "reader.h"

static const char *const kind_names[] = {"function", "table", "memory", "global"};

wasmcu_err wm_eval_const(wasmcu_instance *inst, const wm_expr *e, wasmcu_val *out)
{
    wm_reader r;
    wm_reader_init(&r, inst->mod->bytes, e->p, e->p + e->len);
    uint8_t op;
    *out = 0;
    while (wm_read_u8(&r, &op) && op != 0x0B) {
        uint32_t x;
        switch (op) {
        case 0x41: { int32_t v; wm_read_s32(&r, &v); *out = (uint32_t)v; break; }
        case 0x42: { int64_t v; wm_read_s64(&r, &v); *out = (uint64_t)v; break; }
        case 0x43: { uint32_t v; wm_read_f32(&r, &v); *out = v; break; }
        case 0x44: { uint64_t v; wm_read_f64(&r, &v); *out = v; break; }
        case 0xD0: { uint8_t t; wm_read_u8(&r, &t); *out = 0; break; }
        case 0xD2: wm_read_u32(&r, &x); *out = (wasmcu_val)(uintptr_t)inst->funcs[x]; break;
        case 0x23: wm_read_u32(&r, &x); *out = inst->globals[x]->value; break;
        default:
            return wm_error(inst->rt, WASMCU_ERR_INVALID, "invalid module: bad constant expression");
        }
    }
    return WASMCU_OK;
}

int32_t wm_memory_grow(wm_runtime *rt, wm_memory *mem, uint32_t delta)
{
    uint32_t old = mem->pages;
    if (delta == 0) return (int32_t)old;
    if (mem->small) return -1; /* its one page was never all there */
    if ((uint64_t)old + delta > mem->max_pages) return -1;
    uint64_t bytes = ((uint64_t)old + delta) * 65536u;
    if (bytes > (size_t)-1 || bytes > rt->alloc.size) return -1;
    uint8_t *d = wm_grow_zeroed(&rt->alloc, mem->data, (size_t)mem->size, (size_t)bytes);
    if (!d) return -1;
    mem->data = d;
    mem->size = bytes;
    mem->pages = old + delta;
    return (int32_t)old;
}

int32_t wm_table_grow(wm_runtime *rt, wm_table *t, uint32_t delta, wasmcu_val init)
{
    uint32_t old = t->size;
    if (delta == 0) return (int32_t)old;
    if ((uint64_t)old + delta > t->max) return -1;
    uint64_t bytes = ((uint64_t)old + delta) * sizeof(wasmcu_val);
    if (bytes > (size_t)-1 || bytes > rt->alloc.size) return -1;
    wasmcu_val *e = wm_realloc(&rt->alloc, t->elems, (size_t)bytes);
    if (!e) return -1;
    for (uint32_t i = old; i < old + delta; i++) e[i] = init;
    t->elems = e;
    t->size = old + delta;
    return (int32_t)old;
}

static int name_is(const wm_name *n, const char *s, size_t len)
{
    return n->len == len && memcmp(n->s, s, len) == 0;
}

static const wm_export *find_export(const wm_module *m, const uint8_t *name, uint32_t len)
{
    for (uint32_t i = 0; i < m->nexports; i++)
        if (m->exports[i].name.len == len && memcmp(m->exports[i].name.s, name, len) == 0)
            return &m->exports[i];
    return NULL;
}

static wasmcu_instance *find_registered(wm_runtime *rt, const wm_name *module)
{
    for (wm_reg *r = rt->registry; r; r = r->next)
        if (name_is(module, r->name, strlen(r->name))) return r->inst;
    return NULL;
}

static const wm_native *find_native(wm_runtime *rt, const wm_import *im)
{
    for (const wm_native *n = rt->natives; n; n = n->next)
        if (name_is(&im->module, n->module, strlen(n->module)) &&
            name_is(&im->field, n->name, strlen(n->name)))
            return n;
    return NULL;
}

/* "(i32 i64) -> (f32)" for link errors. */
static void format_type(char *buf, size_t cap, const wm_functype *t)
{
    size_t n = 0;
    for (uint32_t i = 0; i < t->nparams + t->nresults && n + 12 < cap; i++) {
        if (i == 0) buf[n++] = '(';
        if (i == t->nparams) { memcpy(buf + n, ") -> (", 6); n += 6; }
        else if (i) buf[n++] = ' ';
        uint8_t v = t->types[i];
        const char *s = v == WASMCU_I32 ? "i32" : v == WASMCU_I64 ? "i64" : v == WASMCU_F32 ? "f32"
                      : v == WASMCU_F64 ? "f64" : v == WASMCU_FUNCREF ? "funcref" : "externref";
        size_t l = strlen(s);
        memcpy(buf + n, s, l);
        n += l;
    }
    if (t->nparams + t->nresults == 0) { memcpy(buf, "() -> ()", 8); n = 8; }
    else if (t->nresults == 0) { memcpy(buf + n, ") -> ()", 7); n += 7; }
    else buf[n++] = ')';
    buf[n] = 0;
}

static wasmcu_err link_error(wm_runtime *rt, const wm_import *im, const char *what)
{
    return wm_error(rt, WASMCU_ERR_LINK, "unlinkable: import \"%.*s\".\"%.*s\" (%s): %s",
                    (int)im->module.len, (const char *)im->module.s, (int)im->field.len,
                    (const char *)im->field.s, kind_names[im->kind & 3], what);
}

static int limits_match(uint32_t have_min, int have_has_max, uint32_t have_max, const wm_limits *want)
{
    if (have_min < want->min) return 0;
    if (want->has_max && (!have_has_max || have_max > want->max)) return 0;
    return 1;
}

static wasmcu_err add_dep(wasmcu_instance *inst, wasmcu_instance *dep)
{
    for (uint32_t i = 0; i < inst->ndeps; i++)
        if (inst->deps[i] == dep) return WASMCU_OK;
    inst->deps[inst->ndeps++] = dep;
    dep->refs++;
    return WASMCU_OK;
}

static wasmcu_err link_import(wasmcu_instance *inst, uint32_t i, uint32_t *counts)
{
    wm_runtime *rt = inst->rt;
    const wm_module *m = inst->mod;
    const wm_import *im = &m->imports[i];
    wasmcu_instance *from = find_registered(rt, &im->module);
    char a[96], b[96];
    if (!from) {
        const wm_native *n = im->kind == WM_EXT_FUNC ? find_native(rt, im) : NULL;
        if (!n) return link_error(rt, im, "unknown import: no registered module or native provides it");
        const wm_functype *want = &m->types[im->u.type_idx];
        if (!wm_functype_eq(want, &n->type)) {
            format_type(a, sizeof a, want);
            format_type(b, sizeof b, &n->type);
            wm_error(rt, WASMCU_ERR_LINK,
                     "unlinkable: import \"%.*s\".\"%.*s\": incompatible import type: module "
                     "wants %s, native registered with signature \"%s\" is %s",
                     (int)im->module.len, (const char *)im->module.s, (int)im->field.len,
                     (const char *)im->field.s, a, n->sig, b);
            return WASMCU_ERR_LINK;
        }
        uint32_t fi = counts[WM_EXT_FUNC]++;
        wm_func *f = &inst->own_funcs[fi];
        f->type = want;
        f->inst = inst;
        f->idx = fi;
        f->code = NULL;
        f->native = n;
        inst->funcs[fi] = f;
        return WASMCU_OK;
    }
    const wm_export *ex = find_export(from->mod, im->field.s, im->field.len);
    if (!ex) return link_error(rt, im, "unknown import: the module has no such export");
    if (ex->kind != im->kind) return link_error(rt, im, "incompatible import type: it exports a different kind");
    switch (im->kind) {
    case WM_EXT_FUNC: {
        wm_func *f = from->funcs[ex->index];
        const wm_functype *want = &m->types[im->u.type_idx];
        if (!wm_functype_eq(want, f->type)) {
            format_type(a, sizeof a, want);
            format_type(b, sizeof b, f->type);
            return wm_error(rt, WASMCU_ERR_LINK,
                            "unlinkable: import \"%.*s\".\"%.*s\": incompatible import type: "
                            "module wants %s, export is %s",
                            (int)im->module.len, (const char *)im->module.s, (int)im->field.len,
                            (const char *)im->field.s, a, b);
        }
        inst->funcs[counts[WM_EXT_FUNC]++] = f;
        break;
    }
    case WM_EXT_TABLE: {
        wm_table *t = from->tables[ex->index];
        if (t->type != im->u.table.elem || !limits_match(t->size, t->has_max, t->max, &im->u.table.limits))
            return link_error(rt, im, "incompatible import type: table type or limits differ");
        inst->tables[counts[WM_EXT_TABLE]++] = t;
        break;
    }
    case WM_EXT_MEMORY: {
        wm_memory *mem = from->mem;
        if (!mem || !limits_match(mem->pages, mem->has_max, mem->max_pages, &im->u.memory))
            return link_error(rt, im, "incompatible import type: memory limits differ");
        inst->mem = mem;
        counts[WM_EXT_MEMORY]++;
        break;
    }
    default: {
        wm_globalcell *g = from->globals[ex->index];
        if (g->type.type != im->u.global.type || g->type.mut != im->u.global.mut)
            return link_error(rt, im, "incompatible import type: global type or mutability differ");
        inst->globals[counts[WM_EXT_GLOBAL]++] = g;
        break;
    }
    }
    return add_dep(inst, from);
}

static wasmcu_err oom(wm_runtime *rt, const char *what, uint64_t bytes)
{
    char num[21];
    return wm_error(rt, WASMCU_ERR_OOM,
                    "out of memory: %s needs %s bytes but the pool has %lu free (largest block "
                    "%lu); give the runtime a bigger pool or the module less memory",
                    what, wm_u64_str(num, bytes), (unsigned long)wm_alloc_free_bytes(&rt->alloc),
                    (unsigned long)wm_alloc_largest_free(&rt->alloc));
}

/* n elements of size bytes (zeroed with zero, else left as they are: the value stack and
 * frames, which nothing reads before writing), or NULL once the pool's shortfall is
 * reported. One function rather than a macro body at each of the 14 arrays: 0.4 KB of
 * Cortex-M4 code. */
static void *new_array(wm_runtime *rt, uint64_t n, size_t size, const char *what, int zero)
{
    uint64_t bytes = n * size;
    size_t len = (size_t)(bytes ? bytes : 1);
    void *p = NULL;
    if (bytes <= (size_t)-1) p = zero ? wm_calloc(&rt->alloc, 1, len) : wm_malloc(&rt->alloc, len);
    if (!p) oom(rt, what, bytes);
    return p;
}
#define NEW_(ptr, n, what, zero)                                                                \
    do {                                                                                        \
        if (!((ptr) = new_array(rt, (n), sizeof *(ptr), what, zero))) return WASMCU_ERR_OOM;    \
    } while (0)
#define NEW(ptr, n, what) NEW_(ptr, n, what, 1)

/* Allocates what the instance owns: arrays, own functions, memory, tables, globals. */
static wasmcu_err build(wasmcu_instance *inst, const wasmcu_instance_config *cfg)
{
    wm_runtime *rt = inst->rt;
    const wm_module *m = inst->mod;
    NEW(inst->funcs, m->nfuncs, "the function table");
    NEW(inst->own_funcs, m->nfuncs, "the function instances");
    NEW(inst->tables, m->ntables, "the table list");
    NEW(inst->globals, m->nglobals, "the global list");
    NEW(inst->elem_items, m->nelems, "the element segments");
    NEW(inst->elem_counts, m->nelems, "the element segments");
    NEW(inst->data_dropped, m->ndatas, "the data segments");
    NEW(inst->deps, m->nimports, "the import list");
    uint32_t stack = cfg && cfg->stack_size ? cfg->stack_size : WM_CONFIG_DEFAULT_STACK;
    uint32_t depth = cfg && cfg->max_call_depth ? cfg->max_call_depth : WM_CONFIG_DEFAULT_CALL_DEPTH;
    inst->heap_size = cfg ? cfg->heap_size : 0;
    inst->max_memory_pages = cfg ? cfg->max_memory_pages : 0;
    inst->max_table_size = cfg ? cfg->max_table_size : 0;
    /* not cleared: a call zeroes its locals, validation has every other slot written before
     * it is read, and a frame is written when a call pushes it (64 + 24 KB by default) */
    NEW_(inst->stack, stack / sizeof(wasmcu_val), "the value stack (stack_size)", 0);
    inst->stack_end = inst->stack + stack / sizeof(wasmcu_val);
    inst->stack_top = inst->stack;
    /* the depth, one more for the running function (the frame past the last pushed), and
     * the outermost run's start (WM_RUN_GAP, its exit below it) */
    NEW_(inst->frames, (uint64_t)depth + 1 + WM_RUN_GAP, "the call frames (max_call_depth)", 0);
    inst->max_frames = depth + WM_RUN_GAP;
    wm_set_checks(inst, 0);
    return WASMCU_OK;
}

static wasmcu_err build_own(wasmcu_instance *inst, const wasmcu_instance_config *cfg)
{
    wm_runtime *rt = inst->rt;
    const wm_module *m = inst->mod;
    for (uint32_t i = m->nfunc_imports; i < m->nfuncs; i++) {
        wm_func *f = &inst->own_funcs[i];
        f->type = wm_module_functype(m, i);
        f->inst = inst;
        f->idx = i;
        f->code = &m->funcs[i - m->nfunc_imports].code;
        inst->funcs[i] = f;
    }
    for (uint32_t i = m->ntable_imports; i < m->ntables; i++) {
        const wm_tabletype *tt = &m->tables[i];
        wm_table *t;
        NEW(t, 1, "a table");
        inst->tables[i] = t;
        t->type = tt->elem;
        t->has_max = tt->limits.has_max;
        t->max = tt->limits.has_max ? tt->limits.max : UINT32_MAX;
        if (inst->max_table_size) {
            if (tt->limits.min > inst->max_table_size)
                return wm_error(rt, WASMCU_ERR_OOM,
                                "resource limit: table %u starts with %u elements, above the "
                                "instance's max_table_size of %u", (unsigned)i,
                                (unsigned)tt->limits.min, (unsigned)inst->max_table_size);
            if (t->max > inst->max_table_size) t->max = inst->max_table_size;
        }
        NEW(t->elems, tt->limits.min, "a table's elements");
        t->size = tt->limits.min;
    }
    for (uint32_t i = m->nmemory_imports; i < m->nmemories; i++) {
        const wm_limits *l = &m->memories[i];
        wm_memory *mem;
        NEW(mem, 1, "the memory");
        inst->mem = mem;
        mem->has_max = l->has_max;
        mem->max_pages = l->has_max ? l->max : 65536;
        if (inst->max_memory_pages) {
            if (l->min > inst->max_memory_pages)
                return wm_error(rt, WASMCU_ERR_OOM,
                                "resource limit: the memory starts at %u pages, above the "
                                "instance's max_memory_pages of %u", (unsigned)l->min,
                                (unsigned)inst->max_memory_pages);
            if (mem->max_pages > inst->max_memory_pages) mem->max_pages = inst->max_memory_pages;
        }
        uint32_t small = cfg ? cfg->small_memory_bytes : 0;
        if (small) {
            /* the module believes it has a page: only safe if it can never ask for more */
            if (m->grows_memory)
                return wm_error(rt, WASMCU_ERR_ARG, "small_memory_bytes: func %u uses memory.grow; "
                                "small-memory mode needs a module that never grows its memory",
                                (unsigned)(m->grows_memory - 1));
            if (l->min != 1 || small > 65536)
                return wm_error(rt, WASMCU_ERR_ARG, "small_memory_bytes: the memory starts at %u "
                                "pages; small-memory mode takes a one-page memory and 1..65536 bytes",
                                (unsigned)l->min);
            if (!(mem->data = wm_calloc(&rt->alloc, 1, small))) return oom(rt, "linear memory", small);
            mem->small = 1;
            mem->max_pages = 1;
            mem->pages = 1;
            mem->size = small;
            continue;
        }
        if (l->min) {
            uint64_t bytes = (uint64_t)l->min * 65536u;
            if (bytes > (size_t)-1 || !(mem->data = wm_calloc(&rt->alloc, 1, (size_t)bytes))) {
                oom(rt, "linear memory", bytes);
                if (l->min >= 17) /* 16 pages of stack plus data: rustc's 1 MiB default */
                    wm_error_append(rt, "; a memory of %u pages usually means the 1 MiB default stack "
                                    "of rustc: link with -C link-args=-zstack-size=32768",
                                    (unsigned)l->min);
                return WASMCU_ERR_OOM;
            }
        }
        mem->pages = l->min;
        mem->size = (uint64_t)l->min * 65536u;
    }
    uint32_t nown = m->nglobals - m->nglobal_imports;
    wm_globalcell *cells = NULL;
    /* only allocated when there are any: free_instance finds them through inst->globals */
    if (nown) NEW(cells, nown, "the globals");
    for (uint32_t i = 0; i < nown; i++) {
        cells[i].type = m->globals[i].type;
        inst->globals[m->nglobal_imports + i] = &cells[i];
        wasmcu_err err = wm_eval_const(inst, &m->globals[i].init, &cells[i].value);
        if (err) return err;
    }
    /* env malloc's heap starts at __heap_base: found here once, not by name at every call */
    const wm_export *hb = find_export(m, (const uint8_t *)"__heap_base", 11);
    if (hb && hb->kind == WM_EXT_GLOBAL && inst->globals[hb->index]->type.type == WASMCU_I32)
        inst->heap_base = inst->globals[hb->index];
    for (uint32_t i = 0; i < m->nelems; i++) {
        const wm_elem *e = &m->elems[i];
        NEW(inst->elem_items[i], e->count, "an element segment");
        for (uint32_t k = 0; k < e->count; k++) {
            if (e->funcs) {
                inst->elem_items[i][k] = (wasmcu_val)(uintptr_t)inst->funcs[e->funcs[k]];
            } else {
                wasmcu_err err = wm_eval_const(inst, &e->exprs[k], &inst->elem_items[i][k]);
                if (err) return err;
            }
        }
        inst->elem_counts[i] = e->mode == WM_SEG_PASSIVE ? e->count : 0;
    }
    return WASMCU_OK;
}

/* Active segments in order, then start: a trap keeps earlier writes, as the spec says. */
static wasmcu_err initialize(wasmcu_instance *inst)
{
    wm_runtime *rt = inst->rt;
    const wm_module *m = inst->mod;
    for (uint32_t i = 0; i < m->nelems; i++) {
        const wm_elem *e = &m->elems[i];
        if (e->mode != WM_SEG_ACTIVE) continue;
        wasmcu_val off;
        wm_eval_const(inst, &e->offset, &off);
        wm_table *t = inst->tables[e->table];
        if ((uint64_t)(uint32_t)off + e->count > t->size)
            return wm_error(rt, WASMCU_TRAP_TABLE_OOB,
                            "trap: out of bounds table access: element segment %u writes %u "
                            "elements at %u into a table of %u", (unsigned)i, (unsigned)e->count,
                            (unsigned)(uint32_t)off, (unsigned)t->size);
        if (e->count)
            memcpy(t->elems + (uint32_t)off, inst->elem_items[i], e->count * sizeof(wasmcu_val));
    }
    for (uint32_t i = 0; i < m->ndatas; i++) {
        const wm_data *d = &m->datas[i];
        if (d->mode != WM_SEG_ACTIVE) continue;
        inst->data_dropped[i] = 1;
        wasmcu_val off;
        char num[21];
        wm_eval_const(inst, &d->offset, &off);
        wm_memory *mem = inst->mem;
        if ((uint64_t)(uint32_t)off + d->len > mem->size)
            return wm_error(rt, WASMCU_TRAP_MEMORY_OOB,
                            "trap: out of bounds memory access: data segment %u writes %u bytes "
                            "at %u into a memory of %s bytes%s", (unsigned)i, (unsigned)d->len,
                            (unsigned)(uint32_t)off, wm_u64_str(num, mem->size),
                            mem->small ? " (small-memory mode: raise small_memory_bytes)" : "");
        if (d->len) memcpy(mem->data + (uint32_t)off, d->bytes, d->len);
    }
    if (m->start != UINT32_MAX) return wm_interp_call(inst, inst->funcs[m->start], NULL, NULL);
    return WASMCU_OK;
}

static void free_instance(wasmcu_instance *inst)
{
    wm_runtime *rt = inst->rt;
    const wm_module *m = inst->mod;
    for (wasmcu_instance **pp = &rt->instances; *pp; pp = &(*pp)->next)
        if (*pp == inst) { *pp = inst->next; break; }
    if (inst->tables)
        for (uint32_t i = m->ntable_imports; i < m->ntables; i++)
            if (inst->tables[i]) { wm_free(&rt->alloc, inst->tables[i]->elems); wm_free(&rt->alloc, inst->tables[i]); }
    if (m->nmemories > m->nmemory_imports && inst->mem) {
        wm_free(&rt->alloc, inst->mem->data);
        wm_free(&rt->alloc, inst->mem);
    }
    if (inst->globals && m->nglobals > m->nglobal_imports)
        wm_free(&rt->alloc, inst->globals[m->nglobal_imports]);
    if (inst->elem_items)
        for (uint32_t i = 0; i < m->nelems; i++) wm_free(&rt->alloc, inst->elem_items[i]);
    for (uint32_t i = 0; i < inst->ndeps; i++) {
        wasmcu_instance *d = inst->deps[i];
        if (--d->refs == 0) free_instance(d);
    }
    void *arrays[] = {inst->funcs, inst->own_funcs, inst->tables, inst->globals, inst->elem_items,
                      inst->elem_counts, inst->data_dropped, inst->deps, inst->stack, inst->frames};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++) wm_free(&rt->alloc, arrays[i]);
    ((wm_module *)m)->ninstances--;
    wm_free(&rt->alloc, inst);
}

wasmcu_err wasmcu_instantiate(wasmcu_runtime *rt, wasmcu_module *mod,
                              const wasmcu_instance_config *cfg, wasmcu_instance **out)
{
    *out = NULL;
    wasmcu_instance *inst = wm_calloc(&rt->alloc, 1, sizeof *inst);
    if (!inst) return oom(rt, "the instance", sizeof *inst);
    inst->rt = rt;
    inst->mod = mod;
    inst->types = mod->types;
    inst->refs = 1;
    mod->ninstances++;
    inst->next = rt->instances;
    rt->instances = inst;
    wasmcu_err err = build(inst, cfg);
    uint32_t counts[4] = {0, 0, 0, 0};
    for (uint32_t i = 0; !err && i < mod->nimports; i++) err = link_import(inst, i, counts);
    int escaped = 0;
    if (!err) err = build_own(inst, cfg);
    if (!err) {
        for (uint32_t i = 0; i < mod->nimports; i++)
            escaped |= mod->imports[i].kind == WM_EXT_TABLE || mod->imports[i].kind == WM_EXT_GLOBAL;
        err = initialize(inst);
    }
    if (err) {
        if (WASMCU_IS_TRAP(err) && escaped) {
            inst->zombie = 1; /* its functions may sit in an imported table: freed at destroy */
            return err;
        }
        free_instance(inst);
        return err;
    }
    *out = inst;
    return WASMCU_OK;
}

void wasmcu_deinstantiate(wasmcu_instance *inst)
{
    if (!inst) return;
    wm_runtime *rt = inst->rt;
    for (wm_reg **pp = &rt->registry; *pp;) {
        wm_reg *r = *pp;
        if (r->inst == inst) {
            *pp = r->next;
            wm_free(&rt->alloc, r->name);
            wm_free(&rt->alloc, r);
        } else {
            pp = &r->next;
        }
    }
    if (--inst->refs == 0) free_instance(inst);
}

wasmcu_err wasmcu_register_instance(wasmcu_runtime *rt, const char *name, wasmcu_instance *inst)
{
    size_t len = strlen(name);
    wm_reg *r = wm_malloc(&rt->alloc, sizeof *r);
    char *copy = wm_malloc(&rt->alloc, len + 1);
    if (!r || !copy) {
        wm_free(&rt->alloc, r);
        wm_free(&rt->alloc, copy);
        return oom(rt, "a registration", sizeof *r + len + 1);
    }
    memcpy(copy, name, len + 1);
    r->name = copy;
    r->inst = inst;
    r->next = rt->registry;
    rt->registry = r;
    return WASMCU_OK;
}
