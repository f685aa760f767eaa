/* Backtraces: function index, name and the code offset of each frame, through the API and in
 * the error text; and a prefix put before an error's detail. The module is tests/unit/trace.wat (wat2wasm --debug-names); the offsets
 * below are those wasm-objdump -d prints for it. */
#include "check.h"
#include <string.h>
#include "runtime.h"
#include "wasmcu.h"

static const unsigned char trace_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0f, 0x03, 0x60,
    0x00, 0x00, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x01,
    0x7f, 0x02, 0x0c, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x04, 0x66, 0x61, 0x69,
    0x6c, 0x00, 0x00, 0x03, 0x07, 0x06, 0x01, 0x02, 0x02, 0x02, 0x00, 0x02,
    0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x22, 0x04, 0x05, 0x6f, 0x75, 0x74,
    0x65, 0x72, 0x00, 0x03, 0x09, 0x64, 0x65, 0x65, 0x70, 0x5f, 0x6c, 0x6f,
    0x61, 0x64, 0x00, 0x04, 0x04, 0x68, 0x6f, 0x73, 0x74, 0x00, 0x05, 0x03,
    0x72, 0x65, 0x63, 0x00, 0x06, 0x0a, 0x55, 0x06, 0x07, 0x00, 0x20, 0x00,
    0x20, 0x01, 0x6e, 0x0b, 0x08, 0x00, 0x41, 0x01, 0x20, 0x00, 0x10, 0x01,
    0x0b, 0x06, 0x00, 0x20, 0x00, 0x10, 0x02, 0x0b, 0x29, 0x01, 0x01, 0x7f,
    0x02, 0x40, 0x03, 0x40, 0x20, 0x01, 0x41, 0x01, 0x6a, 0x21, 0x01, 0x20,
    0x01, 0x41, 0x03, 0x4f, 0x0e, 0x01, 0x00, 0x01, 0x0b, 0x0b, 0x20, 0x00,
    0x04, 0x7f, 0x41, 0x05, 0x05, 0x41, 0xfa, 0xff, 0x03, 0x28, 0x02, 0x10,
    0x0b, 0x0b, 0x07, 0x00, 0x41, 0x01, 0x1a, 0x10, 0x00, 0x0b, 0x09, 0x00,
    0x20, 0x00, 0x10, 0x06, 0x41, 0x01, 0x6a, 0x0b, 0x00, 0x2e, 0x04, 0x6e,
    0x61, 0x6d, 0x65, 0x01, 0x16, 0x04, 0x00, 0x04, 0x66, 0x61, 0x69, 0x6c,
    0x01, 0x03, 0x64, 0x69, 0x76, 0x02, 0x03, 0x6d, 0x69, 0x64, 0x06, 0x03,
    0x72, 0x65, 0x63, 0x02, 0x0f, 0x07, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00,
    0x03, 0x00, 0x04, 0x00, 0x05, 0x00, 0x06, 0x00,
};
static const unsigned int trace_wasm_len = 224;

static wasmcu_err fail_native(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)args;
    (void)results;
    wasmcu_native_set_trap_message(ctx, "the sensor is gone");
    return WASMCU_TRAP_HOST;
}

static int frame_is(const wasmcu_frame_info *f, uint32_t idx, const char *name, uint32_t off)
{
    size_t n = strlen(name);
    return f->func_index == idx && f->code_offset == off && f->name_len == n &&
           f->name && memcmp(f->name, name, n) == 0;
}

static wasmcu_err call1(wasmcu_instance *inst, const char *name, int32_t arg)
{
    wasmcu_val a = wasmcu_val_i32(arg), r = 0;
    return wasmcu_call(inst, wasmcu_find_func(inst, name), &a, 1, &r, 1);
}

int main(void)
{
    static uint64_t pool[(2u << 20) / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    CHECK(wasmcu_register_native(rt, "env", "fail", "()", fail_native, NULL) == WASMCU_OK);
    wasmcu_module *mod;
    wasmcu_instance *inst;
    CHECK(wasmcu_load(rt, trace_wasm, trace_wasm_len, &mod) == WASMCU_OK);
    wasmcu_instance_config cfg = {.max_call_depth = 40};
    CHECK(wasmcu_instantiate(rt, mod, &cfg, &inst) == WASMCU_OK);
    wasmcu_frame_info fr[20];

    /* three calls deep: each caller's frame points at its call instruction */
    CHECK(call1(inst, "outer", 0) == WASMCU_TRAP_DIV_ZERO);
    CHECK(wasmcu_backtrace(rt, fr, 20) == 3);
    CHECK(frame_is(&fr[0], 1, "div", 0x62));
    CHECK(frame_is(&fr[1], 2, "mid", 0x6a));
    CHECK(frame_is(&fr[2], 3, "outer", 0x71));
    CHECK(strstr(wasmcu_last_error(rt), "at func 1 \"div\" (offset 0x62)\n"
                                        "  at func 2 \"mid\" (offset 0x6a)\n"
                                        "  at func 3 \"outer\" (offset 0x71)") != NULL);
    /* a short buffer gets the innermost frames, the count is still the whole */
    memset(fr, 0, sizeof fr);
    CHECK(wasmcu_backtrace(rt, fr, 1) == 3);
    CHECK(frame_is(&fr[0], 1, "div", 0x62) && fr[1].func_index == 0);

    /* past a loop, a br_table and into an else arm */
    CHECK(call1(inst, "deep_load", 0) == WASMCU_TRAP_MEMORY_OOB);
    CHECK(wasmcu_backtrace(rt, fr, 20) == 1);
    CHECK(frame_is(&fr[0], 4, "deep_load", 0x99));

    /* a native's trap: the wasm frame is at its call */
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "host"), NULL, 0, NULL, 0) == WASMCU_TRAP_HOST);
    CHECK(wasmcu_backtrace(rt, fr, 20) == 1);
    CHECK(frame_is(&fr[0], 5, "host", 0xa3));
    CHECK(strstr(wasmcu_last_error(rt), "the sensor is gone") != NULL);

    /* runaway recursion: the call that found no room is the innermost frame; the record
     * stops at the configured depth */
    CHECK(call1(inst, "rec", 0) == WASMCU_TRAP_STACK_EXHAUSTED);
    uint32_t n = wasmcu_backtrace(rt, fr, 20);
    CHECK(n == WM_CONFIG_BACKTRACE_DEPTH);
    CHECK(frame_is(&fr[0], 6, "rec", 0xaa));
    CHECK(frame_is(&fr[n - 1], 6, "rec", 0xaa));

    /* no memory left for the locating pass: the frames come without an offset */
    rt->alloc.fail_countdown = 1;
    CHECK(call1(inst, "outer", 0) == WASMCU_TRAP_DIV_ZERO);
    rt->alloc.fail_countdown = 0;
    CHECK(wasmcu_backtrace(rt, fr, 20) == 3);
    CHECK(fr[0].func_index == 1 && fr[0].code_offset == UINT32_MAX);
    CHECK(strstr(wasmcu_last_error(rt), "at func 1 \"div\"\n") != NULL);

    /* an error that is no trap has no backtrace */
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "outer"), NULL, 0, NULL, 0) == WASMCU_ERR_ARG);
    CHECK(wasmcu_backtrace(rt, fr, 20) == 0);

    /* a prefix goes before the detail (a trap's before the words of a compile at a call),
     * cutting the detail's end when both do not fit, never the prefix */
    wm_error(rt, WASMCU_ERR_INVALID, "the detail");
    wm_error_prefix(rt, "trap %d: ", 7);
    CHECK(strcmp(wasmcu_last_error(rt), "trap 7: the detail") == 0);
    char longer[WM_CONFIG_ERROR_LEN + 8];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    wm_error(rt, WASMCU_ERR_INVALID, "%s", longer);
    wm_error_prefix(rt, "head: ");
    const char *e = wasmcu_last_error(rt);
    CHECK(strlen(e) == WM_CONFIG_ERROR_LEN - 1 && strncmp(e, "head: xxx", 9) == 0 && e[strlen(e) - 1] == 'x');
    wm_error(rt, WASMCU_ERR_INVALID, "%s", "");
    wm_error_prefix(rt, "alone");
    CHECK(strcmp(wasmcu_last_error(rt), "alone") == 0);

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
