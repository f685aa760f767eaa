/* The wasmcu side of the differential fuzzer (run_diff.sh): for each module given, prints
 * what tests/fuzz/diff_node.mjs prints for it under V8, line for line:
 *   == FILE                 then "invalid" if it doesn't load/instantiate, else per export:
 *   call NAME               then any "log TYPE HEX" lines, then "result HEX..." or "trap".
 * Every function export runs in order with zero arguments, after the module's
 * hangLimitInitializer (binaryen's guard against endless loops) when it has one.
 * NaNs print as "nan": their payloads may differ between correct engines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"

static void print_val(wasmcu_valtype t, wasmcu_val v)
{
    switch (t) {
    case WASMCU_I32: printf(" i32:%x", (unsigned)(uint32_t)v); break;
    case WASMCU_I64: printf(" i64:%llx", (unsigned long long)v); break;
    case WASMCU_F32:
        if ((v & 0x7f800000u) == 0x7f800000u && (v & 0x7fffffu)) printf(" f32:nan");
        else printf(" f32:%x", (unsigned)(uint32_t)v);
        break;
    case WASMCU_F64:
        if ((v & 0x7ff0000000000000ull) == 0x7ff0000000000000ull && (v & 0xfffffffffffffull))
            printf(" f64:nan");
        else printf(" f64:%llx", (unsigned long long)v);
        break;
    default: printf(" ref:%s", v ? "nonnull" : "null"); break;
    }
}

static wasmcu_err log_value(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)results;
    printf("log");
    print_val((wasmcu_valtype)(uintptr_t)wasmcu_native_user(ctx), args[0]);
    printf("\n");
    return WASMCU_OK;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    uint8_t *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap = cap ? 2 * cap : 65536);
            if (!nb) break;
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *len = n;
    return buf;
}

static int call_export(wasmcu_runtime *rt, wasmcu_instance *inst, wasmcu_func *f)
{
    uint32_t np = wasmcu_func_param_count(f), nr = wasmcu_func_result_count(f);
    wasmcu_val args[64] = {0}, results[64];
    if (np > 64 || nr > 64) return 0;
    wasmcu_set_fuel(inst, 50u * 1000 * 1000); /* the hang limit should end every loop first */
    wasmcu_err err = wasmcu_call(inst, f, args, np, results, nr);
    if (err == WASMCU_OK) {
        printf("result");
        for (uint32_t i = 0; i < nr; i++) print_val(wasmcu_func_result_type(f, i), results[i]);
        printf("\n");
    } else if (WASMCU_IS_TRAP(err)) {
        printf("trap\n");
    } else {
        printf("stopped: %s\n", wasmcu_last_error(rt)); /* fuel: a divergence by design */
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static uint64_t pool[(64u << 20) / 8];
    for (int a = 1; a < argc; a++) {
        printf("== %s\n", argv[a]);
        size_t len = 0;
        uint8_t *bytes = read_file(argv[a], &len);
        wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
        static const char *const names[] = {"log-i32", "log-i64", "log-f32", "log-f64"};
        static const char *const sigs[] = {"(i)", "(I)", "(f)", "(F)"};
        static const wasmcu_valtype types[] = {WASMCU_I32, WASMCU_I64, WASMCU_F32, WASMCU_F64};
        for (int i = 0; i < 4; i++)
            wasmcu_register_native(rt, "fuzzing-support", names[i], sigs[i], log_value,
                                   (void *)(uintptr_t)types[i]);
        wasmcu_module *mod;
        wasmcu_instance *inst;
        if (!bytes || wasmcu_load(rt, bytes, len, &mod) != WASMCU_OK) {
            printf("invalid\n# %s\n", wasmcu_last_error(rt));
            free(bytes);
            continue;
        }
        wasmcu_instance_config cfg = {.stack_size = 1u << 20, .max_call_depth = 20000};
        if (wasmcu_instantiate(rt, mod, &cfg, &inst) != WASMCU_OK) {
            printf("invalid\n# %s\n", wasmcu_last_error(rt));
            wasmcu_unload(mod);
            free(bytes);
            continue;
        }
        const wm_module *m = mod;
        wasmcu_func *hang = wasmcu_find_func(inst, "hangLimitInitializer");
        for (uint32_t i = 0; i < m->nexports; i++) {
            const wm_export *e = &m->exports[i];
            if (e->kind != WM_EXT_FUNC) continue;
            wasmcu_func *f = inst->funcs[e->index];
            if (f == hang) continue;
            if (hang) wasmcu_call(inst, hang, NULL, 0, NULL, 0);
            printf("call %.*s\n", (int)e->name.len, (const char *)e->name.s);
            if (call_export(rt, inst, f) < 0) break;
        }
        wasmcu_deinstantiate(inst);
        wasmcu_unload(mod);
        free(bytes);
    }
    return 0;
}
