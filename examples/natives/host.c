/* The firmware side: registers led_set and millis for the module, then runs it. On a board
 * led_set would drive a GPIO; here it logs and counts. */
#include <stdio.h>
#include "wasmcu.h"
#include "app_wasm.h"

typedef struct board {
    int led, toggles;
    unsigned now_ms;
} board;

static wasmcu_err led_set(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)results;
    board *b = wasmcu_native_user(ctx);
    b->led = wasmcu_as_i32(args[0]) != 0;
    b->toggles++;
    printf("[board] LED %s\n", b->led ? "on" : "off");
    return WASMCU_OK;
}

static wasmcu_err millis(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)args;
    board *b = wasmcu_native_user(ctx);
    b->now_ms += 250; /* a deterministic clock for the example's output */
    results[0] = wasmcu_val_i32((int32_t)b->now_ms);
    return WASMCU_OK;
}

static void console(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
}

int main(void)
{
    static uint64_t pool[256 * 1024 / 8];
    board b = {0, 0, 0};
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_set_console(rt, console, NULL);
    wasmcu_register_env(rt);
    wasmcu_register_native(rt, "env", "led_set", "(i)", led_set, &b);
    wasmcu_register_native(rt, "env", "millis", "()i", millis, &b);
    wasmcu_module *mod;
    wasmcu_instance *inst;
    wasmcu_val result, args[2] = {0, 0}; /* clang gives main (argc, argv) even when it takes none */
    if (wasmcu_load(rt, app_wasm, app_wasm_len, &mod) || wasmcu_instantiate(rt, mod, NULL, &inst) ||
        wasmcu_call(inst, wasmcu_find_func(inst, "main"), args, 2, &result, 1)) {
        printf("error: %s\n", wasmcu_last_error(rt));
        return 1;
    }
    printf("[board] %d toggles, LED %s\n", b.toggles, b.led ? "on" : "off");
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
    return 0;
}
