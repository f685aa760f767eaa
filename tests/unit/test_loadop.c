/* An operation on what a load just read runs as one instruction (opcodes.def's
 * FUSE_LOAD_OP rows, WM_CONFIG_FUSED_OPS): x * a 16-bit load, the load either operand, and
 * the product of two 16-bit loads. Results against C, the form each function starts with,
 * and a fault reported at the load that made it (the first of two, or the second).
 * The module is tests/unit/loadop.wat (wat2wasm, then `wasmcu dump`). */
#include "check.h"
#include <string.h>
#include "config.h"
#include "compiled.h"
#include "wasmcu.h"
#include "load.h"

static const unsigned char loadop_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0e, 0x02, 0x60,
    0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f,
    0x03, 0x08, 0x07, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x05, 0x03,
    0x01, 0x00, 0x01, 0x07, 0x3d, 0x07, 0x05, 0x6d, 0x75, 0x6c, 0x5f, 0x75,
    0x00, 0x00, 0x07, 0x6d, 0x75, 0x6c, 0x5f, 0x75, 0x5f, 0x72, 0x00, 0x01,
    0x05, 0x6d, 0x75, 0x6c, 0x5f, 0x73, 0x00, 0x02, 0x07, 0x6d, 0x75, 0x6c,
    0x5f, 0x73, 0x5f, 0x72, 0x00, 0x03, 0x03, 0x64, 0x6f, 0x74, 0x00, 0x04,
    0x06, 0x6d, 0x75, 0x6c, 0x32, 0x5f, 0x75, 0x00, 0x05, 0x06, 0x6d, 0x75,
    0x6c, 0x32, 0x5f, 0x73, 0x00, 0x06, 0x0a, 0x7a, 0x07, 0x0a, 0x00, 0x20,
    0x00, 0x2f, 0x01, 0x02, 0x20, 0x01, 0x6c, 0x0b, 0x0a, 0x00, 0x20, 0x01,
    0x20, 0x00, 0x2f, 0x01, 0x02, 0x6c, 0x0b, 0x0a, 0x00, 0x20, 0x00, 0x2e,
    0x01, 0x02, 0x20, 0x01, 0x6c, 0x0b, 0x0a, 0x00, 0x20, 0x01, 0x20, 0x00,
    0x2e, 0x01, 0x02, 0x6c, 0x0b, 0x30, 0x01, 0x01, 0x7f, 0x03, 0x40, 0x20,
    0x03, 0x20, 0x00, 0x2e, 0x01, 0x00, 0x20, 0x01, 0x2e, 0x01, 0x00, 0x6c,
    0x6a, 0x21, 0x03, 0x20, 0x00, 0x41, 0x02, 0x6a, 0x21, 0x00, 0x20, 0x01,
    0x41, 0x02, 0x6a, 0x21, 0x01, 0x20, 0x02, 0x41, 0x01, 0x6b, 0x22, 0x02,
    0x0d, 0x00, 0x0b, 0x20, 0x03, 0x0b, 0x0d, 0x00, 0x20, 0x00, 0x2f, 0x01,
    0x02, 0x20, 0x01, 0x2f, 0x01, 0x04, 0x6c, 0x0b, 0x0d, 0x00, 0x20, 0x00,
    0x2e, 0x01, 0x02, 0x20, 0x01, 0x2e, 0x01, 0x04, 0x6c, 0x0b, 0x0b, 0x0e,
    0x01, 0x00, 0x41, 0x10, 0x0b, 0x08, 0x34, 0x12, 0xfe, 0xff, 0x00, 0x80,
    0x07, 0x00,
};
static const unsigned int loadop_wasm_len = 242;

static wasmcu_instance *inst;

static uint32_t call(const char *name, uint32_t a, uint32_t b, uint32_t c, wasmcu_err *err)
{
    wasmcu_val args[3] = {a, b, c}, r = 0;
    wasmcu_func *f = wasmcu_find_func(inst, name);
    *err = f ? wasmcu_call(inst, f, args, f->type->nparams, &r, 1) : WASMCU_ERR_ARG;
    return (uint32_t)r;
}


int main(void)
{
    static uint64_t pool[1 << 15];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod = NULL;
    wasmcu_err err;
    if (!load_instance(rt, loadop_wasm, loadop_wasm_len, &mod, &inst)) return 1;
    /* the halfwords at 18, 20, 22 (offset 2 from 16, 18, 20): 0xFFFE, 0x8000, 7 */
    CHECK(call("mul_u", 16, 3, 0, &err) == 0xFFFEu * 3 && !err);
    CHECK(call("mul_u_r", 18, 5, 0, &err) == 0x8000u * 5 && !err);
    CHECK(call("mul_s", 16, 3, 0, &err) == (uint32_t)-6 && !err);
    CHECK(call("mul_s_r", 18, 0xFFFFFFFFu, 0, &err) == 32768u && !err);
    CHECK(call("mul_s", 20, 0x10000001u, 0, &err) == 0x70000007u && !err);
    /* 0x1234 * 0x1234 + (-2) * (-2) + (-32768) * (-32768) + 7 * 7 */
    CHECK(call("dot", 16, 16, 4, &err) == 0x1234u * 0x1234u + 4 + 0x40000000u + 49 && !err);
    const int fused = WM_CONFIG_FUSED_OPS;
    CHECK(starts_with(inst, "mul_u", WM_OP_I32_MUL_LOAD16_U) == fused);
    CHECK(starts_with(inst, "mul_u_r", WM_OP_I32_MUL_LOAD16_U) == fused);
    CHECK(starts_with(inst, "mul_s", WM_OP_I32_MUL_LOAD16_S) == fused);
    CHECK(starts_with(inst, "mul_s_r", WM_OP_I32_MUL_LOAD16_S) == fused);
    /* p[1] * q[2] on the halfwords at 16..23: 0x1234, 0xFFFE, 0x8000, 7 */
    CHECK(call("mul2_u", 16, 16, 0, &err) == 0xFFFEu * 0x8000u && !err);
    CHECK(call("mul2_u", 14, 18, 0, &err) == 0x1234u * 7u && !err);
    CHECK(call("mul2_s", 16, 16, 0, &err) == 65536u && !err); /* -2 * -32768 */
    CHECK(call("mul2_s", 18, 12, 0, &err) == (uint32_t)(-32768 * 0x1234) && !err);
    CHECK(starts_with(inst, "mul2_u", WM_OP_I32_MUL2_LOAD16_U) == fused);
    CHECK(starts_with(inst, "mul2_s", WM_OP_I32_MUL2_LOAD16_S) == fused);
    CHECK(starts_with(inst, "dot", WM_OP_I32_MUL2_LOAD16_S) == fused); /* the loop's first */
    /* past the end: the trap is the load's (module offsets from wasm-objdump -d) */
    static const struct { const char *name; uint32_t at; } faults[] = {
        {"mul_u", 0x6d}, {"mul_u_r", 0x7a}, {"mul_s", 0x83}, {"mul_s_r", 0x90},
        {"mul2_u", 0xca}, {"mul2_s", 0xd8}};
    for (unsigned k = 0; k < 6; k++) {
        call(faults[k].name, 65534, 1, 0, &err);
        wasmcu_frame_info at[1];
        CHECK(err == WASMCU_TRAP_MEMORY_OOB && wasmcu_backtrace(rt, at, 1) == 1 &&
              at[0].code_offset == faults[k].at);
    }
    /* two loads' product: the first load's fault, both out of bounds too; then the
     * second's, located at the second load */
    static const struct { const char *name; uint32_t p, q, at; } faults2[] = {
        {"mul2_u", 65534, 65534, 0xca}, {"mul2_u", 16, 65532, 0xcf}, {"mul2_s", 16, 65533, 0xdd}};
    for (unsigned k = 0; k < 3; k++) {
        call(faults2[k].name, faults2[k].p, faults2[k].q, 0, &err);
        wasmcu_frame_info at[1];
        CHECK(err == WASMCU_TRAP_MEMORY_OOB && wasmcu_backtrace(rt, at, 1) == 1 &&
              at[0].code_offset == faults2[k].at);
    }
    CHECK(call("mul2_u", 65530, 65530, 0, &err) == 0 && !err); /* the last halfwords, zero */

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
