/* The seed's firmware on an emulated Cortex-M: the C and the Rust hello, embedded as
 * `wasmcu dump` arrays (kept in flash), each run through the whole sequence in a static pool. */
#include <stdio.h>
#include "board.h"
#include "wasmcu.h"
#include "hello_c_wasm.h"
#include "hello_rust_wasm.h"

#ifndef POOL_SIZE
#define POOL_SIZE (96 * 1024)
#endif

static uint64_t pool[POOL_SIZE / 8];

#define LOG(...) (printf("I (wasmcu) " __VA_ARGS__), printf("\n"))

/* Small-memory mode (SMALL_MEMORY=1): each module gets only the bytes of its page that
 * `wasmcu inspect` says its data and stack use, instead of 64 KiB. */
#ifndef SMALL_MEMORY
#define SMALL_MEMORY 0
#endif

static int run(const char *what, const unsigned char *bytes, unsigned len, uint32_t small)
{
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    LOG("Initialize WASM runtime (%s, pool %u bytes)", what, (unsigned)sizeof pool);
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    if (!rt) return 1;
    wasmcu_set_console(rt, board_console, NULL);
    wasmcu_register_env(rt);
    LOG("Load WASM module (%u bytes from flash)", len);
    wasmcu_err err = wasmcu_load(rt, bytes, len, &mod);
    if (!err) {
        LOG("Instantiate WASM runtime");
        wasmcu_instance_config cfg = {.stack_size = 4096, .max_call_depth = 64,
                                      .small_memory_bytes = SMALL_MEMORY ? small : 0};
        err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    }
    if (!err) {
        LOG("run main() of the application");
        /* clang exports main(void) as "main" and main(argc, argv) as "__main_argc_argv" */
        wasmcu_func *f = wasmcu_find_func(inst, "main");
        if (!f) f = wasmcu_find_func(inst, "__main_argc_argv");
        wasmcu_val args[2] = {0, 0}, result = 0;
        err = f ? wasmcu_call(inst, f, args, wasmcu_func_param_count(f), &result, wasmcu_func_result_count(f))
                : WASMCU_ERR_NOT_FOUND;
    }
    if (err == WASMCU_ERR_NOT_FOUND) printf("E (wasmcu) the module exports no main\n");
    else if (err) printf("E (wasmcu) %s\n", wasmcu_last_error(rt));
    LOG("Deinstantiate WASM runtime");
    wasmcu_deinstantiate(inst);
    LOG("Unload WASM module");
    wasmcu_unload(mod);
    LOG("Destroy WASM runtime (pool peak %u bytes)", (unsigned)wasmcu_pool_peak(rt));
    wasmcu_destroy(rt);
    return err != WASMCU_OK;
}

int main(void)
{
    int failed = run("hello-c", hello_c_wasm, hello_c_wasm_len, 5152);
    failed += run("hello-rust", hello_rust_wasm, hello_rust_wasm_len, 32800);
    LOG("C stack peak %u bytes", (unsigned)stack_peak());
    LOG("Exiting...");
    return failed;
}
