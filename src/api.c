/* The public API: a thin facade over decode, validate, instance and interp. */
#include <string.h>
#include "decode.h"
#include "instance.h"
#include "validate.h"

wasmcu_runtime *wasmcu_init(void *pool, size_t pool_size)
{
    uintptr_t p = (uintptr_t)pool, q = (p + 15u) & ~(uintptr_t)15u;
    if (!pool || pool_size < (q - p) + sizeof(wm_runtime) + 1024) return NULL;
    wm_runtime *rt = (wm_runtime *)q;
    memset(rt, 0, sizeof *rt);
    size_t used = (q - p) + sizeof *rt;
    if (!wm_alloc_init(&rt->alloc, (uint8_t *)pool + used, pool_size - used)) return NULL;
    return rt;
}

wasmcu_runtime *wasmcu_init_zeroed(void *pool, size_t pool_size)
{
    wasmcu_runtime *rt = wasmcu_init(pool, pool_size);
    if (rt) wm_alloc_zeroed(&rt->alloc);
    return rt;
}

void wasmcu_destroy(wasmcu_runtime *rt)
{
    /* Everything lives in the pool, which the embedder owns: dropping the runtime is enough. */
    if (rt) memset(rt, 0, sizeof *rt);
}

const char *wasmcu_last_error(const wasmcu_runtime *rt) { return rt->error; }
size_t wasmcu_pool_used(const wasmcu_runtime *rt) { return rt->alloc.used; }
size_t wasmcu_pool_peak(const wasmcu_runtime *rt) { return rt->alloc.peak; }
size_t wasmcu_pool_free(const wasmcu_runtime *rt) { return wm_alloc_free_bytes(&rt->alloc); }
size_t wasmcu_pool_largest_free(const wasmcu_runtime *rt) { return wm_alloc_largest_free(&rt->alloc); }

wasmcu_err wasmcu_load(wasmcu_runtime *rt, const uint8_t *bytes, size_t len, wasmcu_module **out)
{
    *out = NULL;
    rt->error[0] = 0;
    wm_module *m = wm_calloc(&rt->alloc, 1, sizeof *m);
    if (!m) return wm_error(rt, WASMCU_ERR_OOM, "out of memory: no room for a module header");
    m->rt = rt;
    wasmcu_err err = wm_decode(rt, bytes, len, m);
    if (!err) {
        err = wm_validate(rt, m);
        if (err) wm_module_free_parts(rt, m);
    }
    if (err) {
        wm_free(&rt->alloc, m);
        return err;
    }
    *out = m;
    return WASMCU_OK;
}

void wasmcu_unload(wasmcu_module *mod)
{
    if (!mod) return;
    wm_runtime *rt = mod->rt;
    if (mod->ninstances) {
        wm_error(rt, WASMCU_ERR_ARG, "wasmcu_unload: %u instances of the module are still alive; "
                 "deinstantiate them first", (unsigned)mod->ninstances);
        return;
    }
    wm_module_free_parts(rt, mod);
    wm_free(&rt->alloc, mod);
}

wasmcu_err wasmcu_compile_all(wasmcu_module *mod)
{
    for (uint32_t i = mod->nfunc_imports; i < mod->nfuncs; i++) {
        wasmcu_err err = wm_compile_func(mod->rt, mod, i);
        if (err) return err;
    }
    return WASMCU_OK;
}

size_t wasmcu_compiled_bytes(const wasmcu_module *mod, uint32_t *funcs)
{
    size_t bytes = 0;
    uint32_t n = 0;
    for (uint32_t i = 0; i + mod->nfunc_imports < mod->nfuncs; i++) {
        const wm_code *c = &mod->funcs[i].code;
        if (!c->ops) continue;
        bytes += c->nops + WM_CONSTS_HEAD(c->nconsts) + WM_CONST_PAD(c->nconsts) * sizeof *c->consts;
        n++;
    }
    if (funcs) *funcs = n;
    return bytes;
}

static const wm_export *export_named(const wasmcu_instance *inst, const char *name, size_t len,
                                     uint8_t kind)
{
    const wm_module *m = inst->mod;
    for (uint32_t i = 0; i < m->nexports; i++) {
        const wm_export *e = &m->exports[i];
        if (e->kind == kind && e->name.len == len && memcmp(e->name.s, name, len) == 0) return e;
    }
    return NULL;
}

wasmcu_func *wasmcu_find_func_len(wasmcu_instance *inst, const char *name, size_t len)
{
    const wm_export *e = export_named(inst, name, len, WM_EXT_FUNC);
    return e ? inst->funcs[e->index] : NULL;
}

wasmcu_func *wasmcu_find_func(wasmcu_instance *inst, const char *name)
{
    return wasmcu_find_func_len(inst, name, strlen(name));
}

uint32_t wasmcu_func_param_count(const wasmcu_func *f) { return f->type->nparams; }
uint32_t wasmcu_func_result_count(const wasmcu_func *f) { return f->type->nresults; }
wasmcu_valtype wasmcu_func_param_type(const wasmcu_func *f, uint32_t i)
{
    return (wasmcu_valtype)f->type->types[i];
}
wasmcu_valtype wasmcu_func_result_type(const wasmcu_func *f, uint32_t i)
{
    return (wasmcu_valtype)f->type->types[f->type->nparams + i];
}

wasmcu_err wasmcu_call(wasmcu_instance *inst, wasmcu_func *f, const wasmcu_val *args,
                       uint32_t nargs, wasmcu_val *results, uint32_t nresults)
{
    wm_runtime *rt = inst->rt;
    if (!f || nargs != f->type->nparams || nresults != f->type->nresults)
        return wm_error(rt, WASMCU_ERR_ARG,
                        "wasmcu_call: function takes %u params and gives %u results, called with "
                        "%u and %u", f ? (unsigned)f->type->nparams : 0u,
                        f ? (unsigned)f->type->nresults : 0u, (unsigned)nargs, (unsigned)nresults);
    rt->error[0] = 0;
    return wm_interp_call(inst, f, args, results);
}

/* A global's value as wasm's global.set left it (an i32 zero-extended) */
static wasmcu_val cell_value(const wm_globalcell *g)
{
    wasmcu_val v = g->value;
    wm_i32s_leaving(&v, &g->type.type, 1);
    return v;
}

wasmcu_err wasmcu_get_global(wasmcu_instance *inst, const char *name, wasmcu_val *value,
                             wasmcu_valtype *type)
{
    return wasmcu_get_global_len(inst, name, strlen(name), value, type);
}

wasmcu_err wasmcu_get_global_len(wasmcu_instance *inst, const char *name, size_t len,
                                 wasmcu_val *value, wasmcu_valtype *type)
{
    const wm_export *e = export_named(inst, name, len, WM_EXT_GLOBAL);
    if (!e)
        return wm_error(inst->rt, WASMCU_ERR_NOT_FOUND, "no exported global \"%.*s\"", (int)len, name);
    const wm_globalcell *g = inst->globals[e->index];
    if (value) *value = cell_value(g);
    if (type) *type = (wasmcu_valtype)g->type.type;
    return WASMCU_OK;
}

uint32_t wasmcu_memory_size(const wasmcu_instance *inst)
{
    if (!inst->mem) return 0;
    return inst->mem->size > UINT32_MAX ? UINT32_MAX : (uint32_t)inst->mem->size;
}

void *wasmcu_memory_ptr(wasmcu_instance *inst, uint32_t addr, uint32_t len)
{
    if (!inst->mem || (uint64_t)addr + len > inst->mem->size) return NULL;
    return inst->mem->data + addr;
}

int32_t wasmcu_memory_grow(wasmcu_instance *inst, uint32_t delta_pages)
{
    if (!inst->mem) return -1;
    return wm_memory_grow(inst->rt, inst->mem, delta_pages);
}

uint32_t wasmcu_instance_heap_size(const wasmcu_instance *inst) { return inst->heap_size; }

uint32_t wasmcu_instance_heap_base(const wasmcu_instance *inst)
{
    if (!inst->heap_base) return 0;
    return (uint32_t)cell_value(inst->heap_base); /* read now: a mutable one may have moved */
}
wasmcu_runtime *wasmcu_instance_runtime(wasmcu_instance *inst) { return inst->rt; }
void wasmcu_instance_set_user(wasmcu_instance *inst, void *user) { inst->user = user; }
void *wasmcu_instance_user(const wasmcu_instance *inst) { return inst->user; }

int32_t wasmcu_exit_code(const wasmcu_runtime *rt) { return rt->exit_code; }

void wasmcu_set_console(wasmcu_runtime *rt, wasmcu_write_fn write, void *user)
{
    rt->console = write;
    rt->console_user = user;
}

void wasmcu_console_write(wasmcu_runtime *rt, const char *s, size_t n)
{
    if (rt->console) rt->console(rt->console_user, s, n);
}

void wasmcu_set_fuel(wasmcu_instance *inst, uint64_t fuel)
{
    inst->fuel_on = fuel != WASMCU_FUEL_UNLIMITED;
    inst->fuel = fuel;
    wm_set_checks(inst, inst->fuel_on | inst->interrupt);
}

uint64_t wasmcu_fuel_left(const wasmcu_instance *inst)
{
    return inst->fuel_on ? inst->fuel : WASMCU_FUEL_UNLIMITED;
}

void wasmcu_interrupt(wasmcu_instance *inst)
{
    inst->interrupt = 1;
    wm_set_checks(inst, 1);
}

wasmcu_err wasmcu_resume(wasmcu_instance *inst, wasmcu_val *results, uint32_t nresults)
{
    if (inst->susp.active && nresults != inst->susp.entry->type->nresults)
        return wm_error(inst->rt, WASMCU_ERR_ARG, "wasmcu_resume: the call gives %u results, not %u",
                        (unsigned)inst->susp.entry->type->nresults, (unsigned)nresults);
    return wm_interp_resume(inst, results);
}

void *wasmcu_runtime_alloc(wasmcu_runtime *rt, size_t n) { return wm_rt_calloc(rt, 1, n ? n : 1); }
