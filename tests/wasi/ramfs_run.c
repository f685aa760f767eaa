/* Runs a WASI command the way a firmware would, on the device backends: the console backend
 * for stdio and the RAM file system (lib/wasi/ramfs.c) preopened as /sandbox. A host program
 * so tests can compare its output with the POSIX backend's. Exit status: the program's.
 * Usage: wasi_ramfs_run PROG.wasm [args...] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "wasmcu.h"

static void to_stdout(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
}

static uint64_t clock_ns(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}
static uint64_t monotonic(void) { return clock_ns(CLOCK_MONOTONIC); }
static uint64_t realtime(void) { return clock_ns(CLOCK_REALTIME); }

int main(int argc, char **argv)
{
    if (argc < 2) return fprintf(stderr, "usage: wasi_ramfs_run PROG.wasm [args...]\n"), 2;
    FILE *f = fopen(argv[1], "rb");
    static uint8_t wasm[1 << 20];
    size_t n = f ? fread(wasm, 1, sizeof wasm, f) : 0;
    if (f) fclose(f);
    if (!n || n == sizeof wasm) return fprintf(stderr, "cannot read %s, or over 1 MiB\n", argv[1]), 1;

    static uint64_t pool[(8 << 20) / 8], disk[(256 << 10) / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_set_console(rt, to_stdout, NULL);
    static wasmcu_wasi_console con;
    con.rt = rt, con.monotonic_ns = monotonic, con.realtime_ns = realtime;
    wasmcu_wasi_ramfs *fs = wasmcu_wasi_ramfs_init(disk, sizeof disk, &con);
    const wasmcu_wasi_preopen pre = {wasmcu_wasi_ramfs_root(fs), "/sandbox", 0};
    const wasmcu_wasi_config cfg = {.ops = &wasmcu_wasi_ramfs_ops, .ctx = fs, .argc = argc - 1,
                                    .argv = (const char *const *)(argv + 1), .stdio = {0, 1, 2},
                                    .npreopens = 1, .preopens = &pre};
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    wasmcu_err err = wasmcu_register_wasi(rt, &cfg);
    if (!err) err = wasmcu_load(rt, wasm, n, &mod);
    if (!err) err = wasmcu_instantiate(rt, mod, NULL, &inst);
    wasmcu_func *start = err ? NULL : wasmcu_find_func(inst, "_start");
    if (!err && !start) err = WASMCU_ERR_NOT_FOUND;
    if (!err) err = wasmcu_call(inst, start, NULL, 0, NULL, 0);
    int code = 0;
    if (err == WASMCU_TRAP_EXIT) code = wasmcu_exit_code(rt), err = WASMCU_OK;
    fflush(stdout);
    if (err) fprintf(stderr, "wasi_ramfs_run: %s\n", wasmcu_last_error(rt)), code = 134;
    wasmcu_destroy(rt);
    return code;
}
