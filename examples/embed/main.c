/* The seed's firmware sequence on the host: the module is a C array made by
 * `wasmcu dump`, the runtime lives in a static pool, and every step is logged. */
#include <stdio.h>
#include "wasmcu.h"
#include "app_wasm.h" /* wasmcu dump -o app_wasm.h -n app_wasm hello-rust.wasm */

#define LOG(...) (printf("I (wasmcu) " __VA_ARGS__), printf("\n"))

static uint64_t pool[48 * 1024 / 8]; /* 48 KiB: module structures + stack; memory needs more */
static uint64_t big_pool[160 * 1024 / 8];

static void console(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
}

static int run(void *mem, size_t size)
{
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    LOG("Initialize WASM runtime (pool %zu bytes)", size);
    wasmcu_runtime *rt = wasmcu_init(mem, size);
    if (!rt) return 1;
    wasmcu_set_console(rt, console, NULL);
    wasmcu_register_env(rt);
    LOG("Load WASM module (%u bytes, read in place)", app_wasm_len);
    wasmcu_err err = wasmcu_load(rt, app_wasm, app_wasm_len, &mod);
    if (!err) {
        LOG("Instantiate WASM runtime");
        wasmcu_instance_config cfg = {.stack_size = 4096, .max_call_depth = 64}; /* 4 KiB value stack, 64 nested calls */
        err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    }
    if (!err) {
        LOG("run main() of the application");
        wasmcu_val args[2] = {0, 0}, result = 0;
        err = wasmcu_call(inst, wasmcu_find_func(inst, "main"), args, 2, &result, 1);
    }
    if (err) printf("E (wasmcu) %s\n", wasmcu_last_error(rt));
    LOG("Deinstantiate WASM runtime");
    wasmcu_deinstantiate(inst);
    LOG("Unload WASM module");
    wasmcu_unload(mod);
    LOG("Destroy WASM runtime (pool peak %zu bytes)", wasmcu_pool_peak(rt));
    wasmcu_destroy(rt);
    return err != WASMCU_OK;
}

int main(void)
{
    /* too small a pool first: the error says what was asked and what was free */
    int small = run(pool, sizeof pool);
    int ok = run(big_pool, sizeof big_pool);
    LOG("Exiting...");
    return small == 1 && ok == 0 ? 0 : 1;
}
