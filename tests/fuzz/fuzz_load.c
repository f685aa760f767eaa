/* libFuzzer target: any bytes are decoded, validated and compiled (every function, or the
 * ones called); modules without a start function are instantiated and their exported
 * functions called under fuel. Nothing may crash, leak or read outside the input.
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc src/[a-z]*.c tests/fuzz/fuzz_load.c -lm
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint64_t pool[(8u << 20) / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    /* a copy, so a read past the input is caught by ASan */
    uint8_t *bytes = malloc(size ? size : 1);
    memcpy(bytes, data, size);
    wasmcu_module *mod;
    if (wasmcu_load(rt, bytes, size, &mod) == WASMCU_OK) {
        /* loading only validates (lazy compilation): half the inputs compile every function
         * now, so that the compiler sees the ones no call reaches; the rest compile lazily.
         * The load pass checks bodies on its own short path: the compiler, which validates
         * them again on the full one, must agree (only the pool may fail it). */
        if (size & 1) {
            wasmcu_err err = wasmcu_compile_all(mod);
            if (err != WASMCU_OK && err != WASMCU_ERR_OOM) abort();
        }
        wasmcu_instance *inst;
        wasmcu_instance_config cfg = {.stack_size = 16 * 1024, .max_call_depth = 100};
        /* a start function runs before fuel can be set, so modules with one only load */
        const wm_module *m = mod;
        if (m->start == UINT32_MAX && wasmcu_instantiate(rt, mod, &cfg, &inst) == WASMCU_OK) {
            /* every exported function, zero arguments, under fuel so loops end */
            for (uint32_t i = 0; i < m->nexports && i < 16; i++) {
                if (m->exports[i].kind != WM_EXT_FUNC) continue;
                wasmcu_func *f = inst->funcs[m->exports[i].index];
                uint32_t np = wasmcu_func_param_count(f), nr = wasmcu_func_result_count(f);
                wasmcu_val args[32] = {0}, results[32];
                if (np > 32 || nr > 32) continue;
                wasmcu_set_fuel(inst, 20000);
                if (wasmcu_call(inst, f, args, np, results, nr) == WASMCU_FUEL_EXHAUSTED) break;
            }
            wasmcu_deinstantiate(inst);
        }
        wasmcu_unload(mod);
    }
    free(bytes);
    return 0;
}
