/* libFuzzer target: any bytes are decoded, validated and compiled, and instantiated when
 * the module has no start function (until fuel exists, nothing that may loop runs). Nothing
 * may crash, leak or read outside the input.
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
        wasmcu_instance *inst;
        wasmcu_instance_config cfg = {16 * 1024, 0, 100};
        /* no fuel limit yet, so nothing that could loop forever runs: no start function, no calls */
        const wm_module *m = mod;
        if (m->start == UINT32_MAX && wasmcu_instantiate(rt, mod, &cfg, &inst) == WASMCU_OK)
            wasmcu_deinstantiate(inst);
        wasmcu_unload(mod);
    }
    free(bytes);
    return 0;
}
