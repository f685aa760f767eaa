/* Straight-line pairs joined into one instruction, the second's opcode word stepped over
 * (WM_CONFIG_FUSED_OPS): an and_br_eq and the br_table_flat after it (a state machine's
 * step), an i32.add and the i32.load8_u_if_false after it (a string's walk); and a fusion
 * across a block's start, which is no label (an add before the block, the br_if on it in
 * the block). Results on every path, a fault located at the load, and the forms. The
 * module is tests/unit/join.wat (wat2wasm, then `wasmcu dump`). */
#include "check.h"
#include <string.h>
#include "config.h"
#include "compiled.h"
#include "wasmcu.h"

static const unsigned char join_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0c, 0x02, 0x60,
    0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x03, 0x04,
    0x03, 0x00, 0x01, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x1d, 0x03,
    0x04, 0x73, 0x74, 0x65, 0x70, 0x00, 0x00, 0x06, 0x73, 0x74, 0x72, 0x65,
    0x6e, 0x64, 0x00, 0x01, 0x09, 0x61, 0x64, 0x64, 0x5f, 0x62, 0x6c, 0x6f,
    0x63, 0x6b, 0x00, 0x02, 0x0a, 0x6c, 0x03, 0x2c, 0x00, 0x02, 0x40, 0x02,
    0x40, 0x02, 0x40, 0x02, 0x40, 0x20, 0x00, 0x41, 0xff, 0x01, 0x71, 0x41,
    0x2c, 0x46, 0x0d, 0x03, 0x20, 0x01, 0x0e, 0x02, 0x00, 0x01, 0x02, 0x0b,
    0x41, 0x0a, 0x0f, 0x0b, 0x41, 0x0b, 0x0f, 0x0b, 0x41, 0x0c, 0x0f, 0x0b,
    0x41, 0xe3, 0x00, 0x0b, 0x21, 0x01, 0x01, 0x7f, 0x02, 0x40, 0x03, 0x40,
    0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x01, 0x20, 0x00, 0x2d, 0x00, 0x00,
    0x45, 0x0d, 0x01, 0x20, 0x01, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 0x20,
    0x00, 0x0b, 0x1b, 0x01, 0x01, 0x7f, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x21,
    0x02, 0x02, 0x40, 0x20, 0x02, 0x0d, 0x00, 0x41, 0x01, 0x0f, 0x0b, 0x20,
    0x02, 0x41, 0xe4, 0x00, 0x6a, 0x0b, 0x0b, 0x12, 0x02, 0x00, 0x41, 0x20,
    0x0b, 0x03, 0x61, 0x62, 0x63, 0x00, 0x41, 0xfe, 0xff, 0x03, 0x0b, 0x02,
    0x7a, 0x7a,
};
static const unsigned int join_wasm_len = 194;

static wasmcu_instance *inst;

/* name's result for its n (1 or 2) arguments x, y; *err what the call returned */
static uint32_t call(const char *name, uint32_t n, uint32_t x, uint32_t y, wasmcu_err *err)
{
    wasmcu_val args[2] = {x, y}, r = 0;
    wasmcu_func *f = wasmcu_find_func(inst, name);
    *err = f ? wasmcu_call(inst, f, args, n, &r, 1) : WASMCU_ERR_NOT_FOUND;
    return (uint32_t)r;
}

int main(void)
{
    static uint64_t pool[1 << 15];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod = NULL;
    wasmcu_err err;
    if (!rt || wasmcu_load(rt, join_wasm, join_wasm_len, &mod) != WASMCU_OK ||
        wasmcu_instantiate(rt, mod, NULL, &inst) != WASMCU_OK) {
        printf("FAIL load: %s\n", rt ? wasmcu_last_error(rt) : "wasmcu_init");
        return 1;
    }
    /* ',' (also as 300, whose low byte it is) leaves; else the state picks 10, 11, 12 */
    CHECK(call("step", 2, 44, 0, &err) == 99 && !err);
    CHECK(call("step", 2, 300, 2, &err) == 99 && !err);
    CHECK(call("step", 2, 'a', 0, &err) == 10 && !err);
    CHECK(call("step", 2, 'a', 1, &err) == 11 && !err);
    CHECK(call("step", 2, 'a', 2, &err) == 12 && !err);
    CHECK(call("step", 2, 45, 7, &err) == 12 && !err); /* past the table: its default */
    CHECK(call("step", 2, 44 + 256 * 3, 1, &err) == 99 && !err);

    CHECK(call("strend", 1, 32, 0, &err) == 35 && !err); /* "abc" */
    CHECK(call("strend", 1, 35, 0, &err) == 35 && !err); /* "" */
    CHECK(call("strend", 1, 100, 0, &err) == 100 && !err);
    /* "zz" at the end of memory, no 0 after it: the load past the end faults (0x81) */
    call("strend", 1, 65534, 0, &err);
    wasmcu_frame_info at[1];
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && wasmcu_backtrace(rt, at, 1) == 1 && at[0].code_offset == 0x81);

    CHECK(call("add_block", 2, 3, 4, &err) == 107 && !err);
    CHECK(call("add_block", 2, 5, (uint32_t)-5, &err) == 1 && !err);
    CHECK(call("add_block", 2, 0, 0, &err) == 1 && !err);

    const int fused = WM_CONFIG_FUSED_OPS;
    CHECK(starts_with(inst, "step", WM_OP_AND_BR_EQ_BR_TABLE) == fused);
    CHECK(starts_with(inst, "strend", WM_OP_ADD_LOAD8_U_IF_FALSE) == fused);
    CHECK(starts_with(inst, "add_block", WM_OP_ADD_BR_IF) == fused);

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
