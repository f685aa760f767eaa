/* A native that calls back into the instance that called it: once the native returns, the
 * calling function's state is its own again, not what the call back left (the interpreter
 * keeps the running function in the frame record the call back starts from). The module is
 * tests/unit/reenter.wat (wat2wasm --debug-names, then `wasmcu dump`). */
#include "check.h"
#include <string.h>
#include "wasmcu.h"

static const unsigned char reenter_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0c, 0x02, 0x60,
    0x01, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x02, 0x7f, 0x7f, 0x02, 0x1e,
    0x02, 0x03, 0x65, 0x6e, 0x76, 0x05, 0x61, 0x67, 0x61, 0x69, 0x6e, 0x00,
    0x00, 0x03, 0x65, 0x6e, 0x76, 0x0a, 0x64, 0x6f, 0x77, 0x6e, 0x5f, 0x61,
    0x67, 0x61, 0x69, 0x6e, 0x00, 0x00, 0x03, 0x07, 0x06, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x07, 0x30, 0x06, 0x05, 0x69, 0x6e, 0x6e, 0x65, 0x72,
    0x00, 0x02, 0x05, 0x6f, 0x75, 0x74, 0x65, 0x72, 0x00, 0x03, 0x04, 0x70,
    0x61, 0x69, 0x72, 0x00, 0x04, 0x04, 0x64, 0x6f, 0x77, 0x6e, 0x00, 0x05,
    0x03, 0x76, 0x69, 0x61, 0x00, 0x06, 0x08, 0x64, 0x65, 0x65, 0x70, 0x5f,
    0x76, 0x69, 0x61, 0x00, 0x07, 0x0a, 0x57, 0x06, 0x07, 0x00, 0x20, 0x00,
    0x41, 0x01, 0x6a, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x10, 0x00, 0x1a, 0x00,
    0x0b, 0x0e, 0x01, 0x02, 0x7f, 0x20, 0x00, 0x10, 0x00, 0x20, 0x00, 0x41,
    0x09, 0x6a, 0x0f, 0x0b, 0x15, 0x00, 0x20, 0x00, 0x45, 0x04, 0x7f, 0x41,
    0x00, 0x05, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x10, 0x05, 0x41, 0x01, 0x6a,
    0x0b, 0x0b, 0x0a, 0x00, 0x20, 0x00, 0x10, 0x01, 0x41, 0xe4, 0x00, 0x6a,
    0x0b, 0x14, 0x00, 0x20, 0x00, 0x45, 0x04, 0x7f, 0x41, 0x00, 0x10, 0x01,
    0x05, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x10, 0x07, 0x0b, 0x0b, 0x00, 0x57,
    0x04, 0x6e, 0x61, 0x6d, 0x65, 0x01, 0x3d, 0x08, 0x00, 0x05, 0x61, 0x67,
    0x61, 0x69, 0x6e, 0x01, 0x0a, 0x64, 0x6f, 0x77, 0x6e, 0x5f, 0x61, 0x67,
    0x61, 0x69, 0x6e, 0x02, 0x05, 0x69, 0x6e, 0x6e, 0x65, 0x72, 0x03, 0x05,
    0x6f, 0x75, 0x74, 0x65, 0x72, 0x04, 0x04, 0x70, 0x61, 0x69, 0x72, 0x05,
    0x04, 0x64, 0x6f, 0x77, 0x6e, 0x06, 0x03, 0x76, 0x69, 0x61, 0x07, 0x08,
    0x64, 0x65, 0x65, 0x70, 0x5f, 0x76, 0x69, 0x61, 0x02, 0x11, 0x08, 0x00,
    0x00, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00, 0x05, 0x00, 0x06,
    0x00, 0x07, 0x00,
};
static const unsigned int reenter_wasm_len = 291;

static int calls;

/* env.again(x): inner(x) of the calling instance, x + 1 */
static wasmcu_err again(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    calls++;
    return wasmcu_call(inst, wasmcu_find_func(inst, "inner"), args, 1, results, 1);
}

/* env.down_again(n): down(n) of the calling instance; what a failed call said, kept (the
 * trap of the caller's run then says its own) */
static char down_error[256];
static wasmcu_err down_again(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    wasmcu_err err = wasmcu_call(inst, wasmcu_find_func(inst, "down"), args, 1, results, 1);
    if (err) snprintf(down_error, sizeof down_error, "%s", wasmcu_last_error(wasmcu_instance_runtime(inst)));
    return err;
}

/* Depth d (max_call_depth): a call from the embedder may go d calls deep; a native's call
 * back into wasm starts one frame above its caller's (the frame its run returns through),
 * so it may go d - 1 deep from there. Each run's last return ends the run, whatever the
 * depth: in the embedder, or in the native. */
static void depths(wasmcu_runtime *rt, wasmcu_module *mod)
{
    for (uint32_t d = 1; d <= 12; d += 11) {
        wasmcu_instance_config cfg = {.max_call_depth = d};
        wasmcu_instance *inst = NULL;
        CHECK(wasmcu_instantiate(rt, mod, &cfg, &inst) == WASMCU_OK);
        if (!inst) return;
        wasmcu_func *down = wasmcu_find_func(inst, "down"), *via = wasmcu_find_func(inst, "via");
        wasmcu_val n = wasmcu_val_i32((int32_t)d), r = {0};
        CHECK(wasmcu_call(inst, down, &n, 1, &r, 1) == WASMCU_OK && wasmcu_as_i32(r) == (int32_t)d);
        n = wasmcu_val_i32((int32_t)d + 1);
        CHECK(wasmcu_call(inst, down, &n, 1, &r, 1) == WASMCU_TRAP_STACK_EXHAUSTED);
        n = wasmcu_val_i32((int32_t)d - 1);
        CHECK(wasmcu_call(inst, via, &n, 1, &r, 1) == WASMCU_OK && wasmcu_as_i32(r) == (int32_t)d + 99);
        n = wasmcu_val_i32((int32_t)d);
        CHECK(wasmcu_call(inst, via, &n, 1, &r, 1) == WASMCU_TRAP_STACK_EXHAUSTED);
        /* at the deepest frame, a native's call back has no frame to start in: a trap that
         * names the limit, not a frame written past the array */
        wasmcu_func *deep = wasmcu_find_func(inst, "deep_via");
        n = wasmcu_val_i32((int32_t)d - 1);
        CHECK(wasmcu_call(inst, deep, &n, 1, &r, 1) == WASMCU_OK && wasmcu_as_i32(r) == 0);
        n = wasmcu_val_i32((int32_t)d);
        CHECK(wasmcu_call(inst, deep, &n, 1, &r, 1) == WASMCU_TRAP_STACK_EXHAUSTED);
        CHECK(strstr(down_error, "no frame left") && strstr(down_error, "(max_call_depth)"));
        /* after the traps, the whole depth again */
        CHECK(wasmcu_call(inst, down, &n, 1, &r, 1) == WASMCU_OK && wasmcu_as_i32(r) == (int32_t)d);
        wasmcu_deinstantiate(inst);
    }
}

int main(void)
{
    static uint64_t pool[(1u << 20) / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod;
    wasmcu_instance *inst;
    CHECK(wasmcu_register_native(rt, "env", "again", "(i)i", again, NULL) == WASMCU_OK);
    CHECK(wasmcu_register_native(rt, "env", "down_again", "(i)i", down_again, NULL) == WASMCU_OK);
    CHECK(wasmcu_load(rt, reenter_wasm, reenter_wasm_len, &mod) == WASMCU_OK);
    CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);

    /* a trap after the call back names the function that trapped, not the one called back */
    wasmcu_val x = wasmcu_val_i32(5), r[2] = {0, 0};
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "outer"), &x, 1, r, 1) == WASMCU_TRAP_UNREACHABLE);
    CHECK(calls == 1);
    wasmcu_frame_info fr[4];
    CHECK(wasmcu_backtrace(rt, fr, 4) == 1);
    CHECK(fr[0].func_index == 3 && fr[0].name_len == 5 && memcmp(fr[0].name, "outer", 5) == 0);
    CHECK(strstr(wasmcu_last_error(rt), "at func 3 \"outer\"") != NULL);

    /* return moves the caller's two results, not the called-back function's one */
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "pair"), &x, 1, r, 2) == WASMCU_OK);
    CHECK(calls == 2);
    CHECK(wasmcu_as_i32(r[0]) == 6 && wasmcu_as_i32(r[1]) == 14);

    wasmcu_deinstantiate(inst);
    depths(rt, mod);

    /* the frame for the running function, one past the deepest: a depth of UINT32_MAX
     * must ask the pool for all its frames (and not get them), not wrap to none */
    wasmcu_instance_config deep = {.max_call_depth = UINT32_MAX};
    wasmcu_instance *big = NULL;
    CHECK(wasmcu_instantiate(rt, mod, &deep, &big) == WASMCU_ERR_OOM && big == NULL);
    CHECK(strstr(wasmcu_last_error(rt), "call frames") != NULL);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
