/* Device performance: one bench kernel run natively and as wasm under wasmcu on the same
 * emulated core, timed with the CMSDK TIMER0. Under QEMU's -icount shift=0 a tick is 40
 * guest instructions, so the figures and their ratio are the same on every run. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "board.h"
#include "kernel_wasm.h"
#include "wasmcu.h"

#ifndef POOL_SIZE
#define POOL_SIZE (640 * 1024)
#endif

int kernel_native_main(void); /* the kernel's main, compiled with -Dmain=kernel_native_main */
static uint64_t pool[POOL_SIZE / 8];
static char native_out[128], wasm_out[128];
static size_t wasm_len;

/* The kernel's result line, natively (newlib-nano's printf has no %llu): %s %u %llu only. */
int bench_printf(const char *fmt, ...)
{
    va_list ap;
    size_t n = strlen(native_out);
    va_start(ap, fmt);
    for (const char *p = fmt; *p && n + 24 < sizeof native_out; p++) {
        if (*p != '%') {
            native_out[n++] = *p;
            continue;
        }
        unsigned long long v;
        if (p[1] == 's') {
            const char *s = va_arg(ap, const char *);
            while (*s && n + 24 < sizeof native_out) native_out[n++] = *s++;
            p++;
            continue;
        }
        if (p[1] == 'u') v = va_arg(ap, unsigned), p++;
        else if (p[1] == 'l' && p[2] == 'l' && p[3] == 'u') v = va_arg(ap, unsigned long long), p += 3;
        else break;
        char digits[24];
        int k = 0;
        do digits[k++] = (char)('0' + v % 10); while ((v /= 10) != 0);
        while (k) native_out[n++] = digits[--k];
    }
    native_out[n] = 0;
    va_end(ap);
    return (int)n;
}

static void capture(void *user, const char *s, size_t n)
{
    (void)user;
    if (wasm_len + n >= sizeof wasm_out) n = sizeof wasm_out - 1 - wasm_len;
    memcpy(wasm_out + wasm_len, s, n);
    wasm_len += n;
    wasm_out[wasm_len] = 0;
}

int main(void)
{
    board_timer_start();

    uint32_t t0 = board_ticks();
    kernel_native_main();
    uint32_t native = board_ticks() - t0;

    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    wasmcu_val result = 0;
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_set_console(rt, capture, NULL);
    wasmcu_register_env(rt);
    const wasmcu_instance_config cfg = {.stack_size = 8 * 1024, .max_call_depth = 200};
    t0 = board_ticks();
    wasmcu_err err = wasmcu_load(rt, kernel_wasm, kernel_wasm_len, &mod);
    if (!err) err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    uint32_t load = board_ticks() - t0;
    t0 = board_ticks();
    wasmcu_func *f = err ? NULL : wasmcu_find_func(inst, "main");
    wasmcu_val args[2] = {0, 0}; /* clang's main may take (argc, argv) */
    if (!err) err = f ? wasmcu_call(inst, f, args, wasmcu_func_param_count(f), &result, 1) : WASMCU_ERR_NOT_FOUND;
    uint32_t run = board_ticks() - t0;
    if (err) {
        printf("wasm failed: %s\n", wasmcu_last_error(rt));
        return 1;
    }
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);

    /* ticks of 40 instructions; the ratio in hundredths, integer math (no float printf) */
    uint32_t ratio = (uint32_t)(((uint64_t)run * 100 + native / 2) / (native ? native : 1));
    printf("kernel %s", native_out);
    printf("native: %lu ticks\n", (unsigned long)native);
    printf("wasm:   %lu ticks (load + instantiate %lu ticks, pool peak %u bytes)\n",
           (unsigned long)run, (unsigned long)load, (unsigned)wasmcu_pool_peak(rt));
    printf("wasm / native: %lu.%02lux\n", (unsigned long)(ratio / 100), (unsigned long)(ratio % 100));
    int same = strcmp(native_out, wasm_out) == 0;
    printf("checksum: %s\n", same ? "match" : "MISMATCH");
    if (!same) printf("wasm printed: %s\n", wasm_out);
    return !same;
}
