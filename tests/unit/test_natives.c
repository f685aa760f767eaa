/* Natives' results: none, one, two and three. A native reads its arguments and writes its
 * results in separate arrays (a result written first must not change an argument read
 * after it), results it leaves unwritten read as 0, and wasm gets them in order. The module
 * (wat2wasm, then `wasmcu dump`):
 *
 * (module
 *   (import "env" "rot3" (func $rot3 (param i32 i32 i32) (result i32 i32 i32)))
 *   (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i32)))
 *   (import "env" "one" (func $one (param i32 i32) (result i32)))
 *   (import "env" "none" (func $none (param i32)))
 *   (func (export "rot3") (param i32 i32 i32) (result i32) (local i32 i32 i32)  ;; r0 r1 r2 as digits
 *     (call $rot3 (local.get 0) (local.get 1) (local.get 2))
 *     (local.set 5) (local.set 4) (local.set 3)
 *     (i32.add (i32.add (i32.mul (local.get 3) (i32.const 100)) (i32.mul (local.get 4) (i32.const 10)))
 *              (local.get 5)))
 *   (func (export "divmod") (param i32 i32) (result i32) (local i32)  ;; q * 1000 + r
 *     (call $divmod (local.get 0) (local.get 1))
 *     (local.set 2)
 *     (i32.add (i32.mul (i32.const 1000)) (local.get 2)))
 *   (func (export "one") (param i32 i32) (result i32) (call $one (local.get 0) (local.get 1)))
 *   (func (export "none") (param i32) (result i32) (call $none (local.get 0)) (i32.add (local.get 0) (i32.const 1))))
 */
#include "check.h"
#include "call.h"
#include "wasmcu.h"
#include "load.h"

static const unsigned char natives_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x27, 0x06, 0x60,
    0x03, 0x7f, 0x7f, 0x7f, 0x03, 0x7f, 0x7f, 0x7f, 0x60, 0x02, 0x7f, 0x7f,
    0x02, 0x7f, 0x7f, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f,
    0x00, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x01,
    0x7f, 0x02, 0x2e, 0x04, 0x03, 0x65, 0x6e, 0x76, 0x04, 0x72, 0x6f, 0x74,
    0x33, 0x00, 0x00, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x64, 0x69, 0x76, 0x6d,
    0x6f, 0x64, 0x00, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x03, 0x6f, 0x6e, 0x65,
    0x00, 0x02, 0x03, 0x65, 0x6e, 0x76, 0x04, 0x6e, 0x6f, 0x6e, 0x65, 0x00,
    0x03, 0x03, 0x05, 0x04, 0x04, 0x02, 0x02, 0x05, 0x07, 0x1e, 0x04, 0x04,
    0x72, 0x6f, 0x74, 0x33, 0x00, 0x04, 0x06, 0x64, 0x69, 0x76, 0x6d, 0x6f,
    0x64, 0x00, 0x05, 0x03, 0x6f, 0x6e, 0x65, 0x00, 0x06, 0x04, 0x6e, 0x6f,
    0x6e, 0x65, 0x00, 0x07, 0x0a, 0x4c, 0x04, 0x21, 0x01, 0x03, 0x7f, 0x20,
    0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x00, 0x21, 0x05, 0x21, 0x04, 0x21,
    0x03, 0x20, 0x03, 0x41, 0xe4, 0x00, 0x6c, 0x20, 0x04, 0x41, 0x0a, 0x6c,
    0x6a, 0x20, 0x05, 0x6a, 0x0b, 0x13, 0x01, 0x01, 0x7f, 0x20, 0x00, 0x20,
    0x01, 0x10, 0x01, 0x21, 0x02, 0x41, 0xe8, 0x07, 0x6c, 0x20, 0x02, 0x6a,
    0x0b, 0x08, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, 0x02, 0x0b, 0x0b, 0x00,
    0x20, 0x00, 0x10, 0x03, 0x20, 0x00, 0x41, 0x01, 0x6a, 0x0b,
};
static const unsigned int natives_wasm_len = 214;

static uint32_t nones;

static wasmcu_err rot3(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)ctx;
    results[0] = args[1];
    results[1] = args[2];
    results[2] = args[0];
    return WASMCU_OK;
}

static wasmcu_err divmod(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)ctx;
    results[0] = (uint32_t)args[0] / (uint32_t)args[1];
    results[1] = (uint32_t)args[0] % (uint32_t)args[1];
    return WASMCU_OK;
}

/* a - b, or no result written when b is 0 */
static wasmcu_err one(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)ctx;
    if ((uint32_t)args[1]) results[0] = (uint32_t)((uint32_t)args[0] - (uint32_t)args[1]);
    return WASMCU_OK;
}

static wasmcu_err none(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)ctx, (void)results;
    nones += (uint32_t)args[0];
    return WASMCU_OK;
}

static wasmcu_instance *inst;

static uint32_t call(const char *name, uint32_t a, uint32_t b, uint32_t c)
{
    const uint32_t x[3] = {a, b, c};
    return call_u32(inst, name, x, 3);
}

int main(void)
{
    static uint64_t pool[1 << 15];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod = NULL;
    CHECK(rt && wasmcu_register_native(rt, "env", "rot3", "(iii)iii", rot3, NULL) == WASMCU_OK);
    CHECK(rt && wasmcu_register_native(rt, "env", "divmod", "(ii)ii", divmod, NULL) == WASMCU_OK);
    CHECK(rt && wasmcu_register_native(rt, "env", "one", "(ii)i", one, NULL) == WASMCU_OK);
    CHECK(rt && wasmcu_register_native(rt, "env", "none", "(i)", none, NULL) == WASMCU_OK);
    if (!load_instance(rt, natives_wasm, natives_wasm_len, &mod, &inst)) return 1;
    CHECK(call("rot3", 1, 2, 3) == 231);
    CHECK(call("rot3", 7, 0, 9) == 97); /* (0, 9, 7) */
    CHECK(call("divmod", 47, 5, 0) == 9 * 1000 + 2);
    CHECK(call("divmod", 5, 47, 0) == 5);
    CHECK(call("one", 5, 3, 0) == 2);
    CHECK(call("one", 5, 0, 0) == 0); /* left unwritten: 0, not the argument */
    CHECK(call("one", 9, 0, 0) == 0);
    CHECK(call("none", 41, 0, 0) == 42 && nones == 41);

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
