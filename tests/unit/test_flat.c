/* A flat br_table (a target per entry, WM_CONFIG_FUSED_OPS) holds, with
 * WM_CONFIG_FLAT_OPCODES (64-bit hosts), the opcode each target starts with, which its jump
 * reads rather than the target's first byte. Written once the function is compiled: a
 * target whose first instruction the next one fused into (i32.mul then i32.add,
 * i32.mul_add at the label) dispatches the fused form. Results against C, in each entry,
 * past the entries, and with a loop's head among the targets. The module is
 * tests/unit/flat.wat (wat2wasm, then `wasmcu dump`). */
#include "check.h"
#include "config.h"
#include "compiled.h"
#include "wasmcu.h"
#include "load.h"

static const unsigned char flat_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60,
    0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x03, 0x03, 0x02, 0x00, 0x00, 0x07, 0x1d,
    0x02, 0x0b, 0x73, 0x77, 0x69, 0x74, 0x63, 0x68, 0x5f, 0x66, 0x75, 0x73,
    0x65, 0x00, 0x00, 0x0b, 0x73, 0x77, 0x69, 0x74, 0x63, 0x68, 0x5f, 0x6c,
    0x6f, 0x6f, 0x70, 0x00, 0x01, 0x0a, 0x6b, 0x02, 0x2c, 0x00, 0x02, 0x40,
    0x02, 0x40, 0x02, 0x40, 0x20, 0x00, 0x0e, 0x02, 0x00, 0x01, 0x02, 0x0b,
    0x20, 0x01, 0x41, 0x03, 0x6c, 0x20, 0x00, 0x6a, 0x0f, 0x0b, 0x20, 0x01,
    0x41, 0x02, 0x74, 0x20, 0x00, 0x6a, 0x0f, 0x0b, 0x20, 0x01, 0x41, 0x01,
    0x76, 0x20, 0x01, 0x73, 0x0b, 0x3c, 0x01, 0x01, 0x7f, 0x03, 0x40, 0x20,
    0x00, 0x41, 0x01, 0x6a, 0x21, 0x00, 0x02, 0x40, 0x02, 0x40, 0x20, 0x00,
    0x41, 0x03, 0x71, 0x0e, 0x03, 0x00, 0x01, 0x02, 0x01, 0x0b, 0x20, 0x02,
    0x41, 0x03, 0x6c, 0x41, 0x01, 0x6a, 0x21, 0x02, 0x0b, 0x20, 0x02, 0x41,
    0xe4, 0x00, 0x6a, 0x21, 0x02, 0x20, 0x01, 0x41, 0x01, 0x6b, 0x22, 0x01,
    0x0d, 0x00, 0x0b, 0x20, 0x02, 0x0b,
};
static const unsigned int flat_wasm_len = 162;

static wasmcu_instance *inst;

static uint32_t call(const char *name, uint32_t a, uint32_t b, wasmcu_err *err)
{
    wasmcu_val args[2] = {a, b}, r = 0;
    wasmcu_func *f = wasmcu_find_func(inst, name);
    *err = f ? wasmcu_call(inst, f, args, 2, &r, 1) : WASMCU_ERR_ARG;
    return (uint32_t)r;
}

/* flat.wat's switch_fuse and switch_loop in C */
static uint32_t switch_fuse(uint32_t x, uint32_t y)
{
    return x == 0 ? y * 3 + x : x == 1 ? (y << 2) + x : (y >> 1) ^ y;
}

static uint32_t switch_loop(uint32_t x, uint32_t n)
{
    uint32_t s = 0;
    for (;;) {
        x++;
        if ((x & 3) == 2) continue;
        if ((x & 3) == 0) s = s * 3 + 1;
        s += 100;
        if (--n == 0) return s;
    }
}

int main(void)
{
    static uint64_t pool[1 << 14];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod = NULL;
    wasmcu_err err;
    if (!load_instance(rt, flat_wasm, flat_wasm_len, &mod, &inst)) return 1;
    static const uint32_t xs[] = {0, 1, 2, 3, 9, 0x80000000u, 0xFFFFFFFFu};
    for (unsigned k = 0; k < sizeof xs / sizeof xs[0]; k++) {
        CHECK(call("switch_fuse", xs[k], 6, &err) == switch_fuse(xs[k], 6) && !err);
        CHECK(call("switch_fuse", xs[k], 0x12345679u, &err) == switch_fuse(xs[k], 0x12345679u) && !err);
    }
    for (uint32_t x = 0; x < 8; x++)
        CHECK(call("switch_loop", x, 37, &err) == switch_loop(x, 37) && !err);
    CHECK(starts_with(inst, "switch_fuse", WM_OP_BR_TABLE_FLAT) == WM_CONFIG_FUSED_OPS);

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
