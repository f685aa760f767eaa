/* The POSIX backend's state (wasmcu_wasi_posix): what a program leaves open is closed by
 * wasmcu_wasi_posix_release, and only that: stdio and the preopen stay the embedder's.
 * Drives path_open and fd_close through tests/wasi/abi.wat. Linux: counts /proc/self/fd.
 * Usage: test_wasi_posix abi.wasm */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../unit/check.h"
#include "wasi_posix.h"

static int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    if (!d) return -1;
    while (readdir(d)) n++;
    closedir(d);
    return n;
}

static wasmcu_instance *inst;

static int32_t path_open(const char *path, uint32_t oflags)
{
    uint8_t *m = wasmcu_memory_ptr(inst, 0, 4096);
    memcpy(m + 1024, path, strlen(path));
    wasmcu_val a[9] = {3, 0, 1024, strlen(path), oflags, ~0ull, ~0ull, 0, 2048}, r = 0;
    if (wasmcu_call(inst, wasmcu_find_func(inst, "path_open"), a, 9, &r, 1) || r) return -1;
    int32_t fd;
    memcpy(&fd, m + 2048, 4);
    return fd;
}

int main(int argc, char **argv)
{
    if (argc != 2) return 2;
    if (open_fds() < 0) return printf("no /proc/self/fd: SKIPPED\n"), 77;
    FILE *f = fopen(argv[1], "rb");
    static uint8_t wasm[16384];
    size_t n = f ? fread(wasm, 1, sizeof wasm, f) : 0;
    if (f) fclose(f);
    if (!n) return printf("cannot read %s\n", argv[1]), 1;
    char dir[] = "/tmp/wasmcu-posix-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    int32_t pre_h = wasmcu_wasi_posix_open_dir(dir);
    int base = open_fds();

    static uint64_t pool[1 << 17];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_wasi_posix state;
    memset(&state, 0, sizeof state);
    const wasmcu_wasi_preopen pre = {pre_h, "/", 0};
    const wasmcu_wasi_config cfg = {.ops = &wasmcu_wasi_posix_ops, .ctx = &state,
                                    .stdio = {0, 1, 2}, .npreopens = 1, .preopens = &pre};
    wasmcu_module *mod = NULL;
    CHECK(wasmcu_register_wasi(rt, &cfg) == WASMCU_OK);
    CHECK(wasmcu_load(rt, wasm, n, &mod) == WASMCU_OK);
    CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
    if (failures) return 1;
    int32_t fds[5];
    char name[16];
    for (int i = 0; i < 5; i++) {
        snprintf(name, sizeof name, "f%d", i);
        fds[i] = path_open(name, 1);
        CHECK(fds[i] > 3);
    }
    /* one closed by the program, four left open */
    wasmcu_val a = (uint32_t)fds[2], r = 1;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "fd_close"), &a, 1, &r, 1) == WASMCU_OK && r == 0);
    CHECK(open_fds() == base + 4);
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
    wasmcu_wasi_posix_release(&state);
    CHECK(open_fds() == base);
    CHECK(fcntl(pre_h, F_GETFD) != -1 && fcntl(1, F_GETFD) != -1); /* the embedder's, still open */
    char path[sizeof dir + 8]; /* name[] is too short for the directory: the files stayed */
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/f%d", dir, i);
        unlink(path);
    }
    wasmcu_wasi_posix_close(pre_h);
    CHECK(rmdir(dir) == 0); /* every file the program made is gone */
    printf("%s: %d failures\n", argv[0], failures);
    return failures != 0;
}
