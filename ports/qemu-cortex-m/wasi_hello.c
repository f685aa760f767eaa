/* A wasi-libc program on the emulated Cortex-M: WASI's console backend sends stdout and
 * stderr to the UART, the monotonic clock comes from the CMSDK TIMER0 and random bytes from
 * a generator seeded by it (a demo hook: not for cryptography). */
#include <stdio.h>
#include "board.h"
#include "wasmcu.h"
#include "hello_wasi_wasm.h"

#ifndef POOL_SIZE
#define POOL_SIZE (280 * 1024)
#endif

static uint64_t pool[POOL_SIZE / 8];

#define LOG(...) (printf("I (wasmcu) " __VA_ARGS__), printf("\n"))

static void random_bytes(uint8_t *buf, uint32_t n)
{
    static uint32_t x;
    if (!x) x = board_ticks() | 1u;
    for (uint32_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        buf[i] = (uint8_t)x;
    }
}

int main(void)
{
    board_timer_start();
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    LOG("Initialize WASM runtime (pool %u bytes)", (unsigned)sizeof pool);
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    if (!rt) return 1;
    wasmcu_set_console(rt, board_console, NULL);
    static wasmcu_wasi_console console;
    console.rt = rt;
    console.monotonic_ns = board_monotonic_ns;
    console.random = random_bytes;
    static const char *const argv[] = {"hello-wasi"};
    const wasmcu_wasi_config wasi = {.ops = &wasmcu_wasi_console_ops, .ctx = &console, .argc = 1,
                                     .argv = argv, .stdio = {0, 1, 2}};
    wasmcu_err err = wasmcu_register_wasi(rt, &wasi);
    LOG("Load WASM module (%u bytes from flash)", (unsigned)hello_wasi_wasm_len);
    if (!err) err = wasmcu_load(rt, hello_wasi_wasm, hello_wasi_wasm_len, &mod);
    if (!err) {
        LOG("Instantiate WASM runtime");
        wasmcu_instance_config cfg = {.stack_size = 8192, .max_call_depth = 200};
        err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    }
    int code = 0;
    if (!err) {
        LOG("run _start() of the application");
        wasmcu_func *f = wasmcu_find_func(inst, "_start");
        err = f ? wasmcu_call(inst, f, NULL, 0, NULL, 0) : WASMCU_ERR_NOT_FOUND;
        if (err == WASMCU_TRAP_EXIT) err = WASMCU_OK, code = wasmcu_exit_code(rt);
    }
    if (err) printf("E (wasmcu) %s\n", wasmcu_last_error(rt));
    LOG("Deinstantiate WASM runtime");
    wasmcu_deinstantiate(inst);
    LOG("Unload WASM module");
    wasmcu_unload(mod);
    LOG("Destroy WASM runtime (pool peak %u bytes, exit code %d)", (unsigned)wasmcu_pool_peak(rt), code);
    wasmcu_destroy(rt);
    return err ? 1 : code;
}
