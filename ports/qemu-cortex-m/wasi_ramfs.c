/* A wasi-libc program with files on the emulated Cortex-M: WASI's RAM file system
 * (lib/wasi/ramfs.c) in a static buffer, preopened as /sandbox, stdout and stderr on the
 * UART, the monotonic clock from the CMSDK TIMER0. The program (app_wasm.h, made by
 * build_wasi_ramfs.sh) prints to the console; the log lines around it start with "I (wasmcu)". */
#include <stdio.h>
#include "board.h"
#include "wasmcu.h"
#include "app_wasm.h"

#ifndef POOL_SIZE
#define POOL_SIZE (288 * 1024)
#endif
#ifndef DISK_SIZE
#define DISK_SIZE (48 * 1024)
#endif

static uint64_t pool[POOL_SIZE / 8];
static uint64_t disk[DISK_SIZE / 8];

int main(void)
{
    board_timer_start();
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    if (!rt) return 1;
    wasmcu_set_console(rt, board_console, NULL);
    static wasmcu_wasi_console console;
    console.rt = rt;
    console.monotonic_ns = board_monotonic_ns;
    wasmcu_wasi_ramfs *fs = wasmcu_wasi_ramfs_init(disk, sizeof disk, &console);
    if (!fs) return 1;
    static const char *const argv[] = {"app"};
    const wasmcu_wasi_preopen pre = {wasmcu_wasi_ramfs_root(fs), "/sandbox", 0};
    const wasmcu_wasi_config wasi = {.ops = &wasmcu_wasi_ramfs_ops, .ctx = fs, .argc = 1,
                                     .argv = argv, .stdio = {0, 1, 2}, .npreopens = 1,
                                     .preopens = &pre};
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    wasmcu_err err = wasmcu_register_wasi(rt, &wasi);
    if (!err) err = wasmcu_load(rt, app_wasm, app_wasm_len, &mod);
    if (!err) {
        wasmcu_instance_config cfg = {.stack_size = 8192, .max_call_depth = 200};
        err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    }
    int code = 0;
    if (!err) {
        wasmcu_func *f = wasmcu_find_func(inst, "_start");
        err = f ? wasmcu_call(inst, f, NULL, 0, NULL, 0) : WASMCU_ERR_NOT_FOUND;
        if (err == WASMCU_TRAP_EXIT) err = WASMCU_OK, code = wasmcu_exit_code(rt);
    }
    if (err) printf("E (wasmcu) %s\n", wasmcu_last_error(rt));
    printf("I (wasmcu) pool peak %u of %u bytes, RAM file system %u bytes, exit code %d\n",
           (unsigned)wasmcu_pool_peak(rt), (unsigned)sizeof pool, (unsigned)sizeof disk, code);
    wasmcu_destroy(rt);
    return err ? 1 : code;
}
