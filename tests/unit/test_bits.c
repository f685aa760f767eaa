/* A bit field's product, ((x >> s) & m) * y + c, runs as one instruction
 * (WM_CONFIG_FUSED_OPS): i32.bits_mul_add takes in the i32.shr_u_and whose temporary the
 * i32.mul_add after it reads. Results against C for edge values (a shift of 32 or more, a
 * product that wraps, the field on either side), CoreMark's two fields of one value, and
 * what must not join (a field kept in a local, a field that is the add's operand); and the
 * form each function starts with. The module is tests/unit/bits.wat (wat2wasm, then
 * `wasmcu dump`). */
#include "check.h"
#include "call.h"
#include "config.h"
#include "compiled.h"
#include "wasmcu.h"

static const unsigned char bits_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x10, 0x02, 0x60,
    0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x02, 0x7f, 0x7f,
    0x01, 0x7f, 0x03, 0x06, 0x05, 0x00, 0x00, 0x01, 0x00, 0x00, 0x07, 0x2a,
    0x05, 0x04, 0x62, 0x69, 0x74, 0x73, 0x00, 0x00, 0x06, 0x62, 0x69, 0x74,
    0x73, 0x5f, 0x72, 0x00, 0x01, 0x07, 0x65, 0x78, 0x74, 0x72, 0x61, 0x63,
    0x74, 0x00, 0x02, 0x05, 0x61, 0x70, 0x61, 0x72, 0x74, 0x00, 0x03, 0x04,
    0x6b, 0x65, 0x70, 0x74, 0x00, 0x04, 0x0a, 0x6b, 0x05, 0x10, 0x00, 0x20,
    0x00, 0x20, 0x01, 0x76, 0x20, 0x02, 0x71, 0x20, 0x03, 0x6c, 0x20, 0x04,
    0x6a, 0x0b, 0x10, 0x00, 0x20, 0x04, 0x20, 0x03, 0x20, 0x00, 0x20, 0x01,
    0x76, 0x20, 0x02, 0x71, 0x6c, 0x6a, 0x0b, 0x17, 0x00, 0x20, 0x00, 0x41,
    0x02, 0x76, 0x41, 0x0f, 0x71, 0x20, 0x00, 0x41, 0x05, 0x76, 0x41, 0xff,
    0x00, 0x71, 0x6c, 0x20, 0x01, 0x6a, 0x0b, 0x10, 0x00, 0x20, 0x00, 0x20,
    0x01, 0x76, 0x20, 0x02, 0x71, 0x20, 0x03, 0x20, 0x04, 0x6c, 0x6a, 0x0b,
    0x1e, 0x01, 0x02, 0x7f, 0x20, 0x00, 0x20, 0x01, 0x76, 0x20, 0x02, 0x71,
    0x22, 0x05, 0x20, 0x03, 0x6c, 0x20, 0x04, 0x6a, 0x21, 0x06, 0x20, 0x05,
    0x41, 0x10, 0x74, 0x20, 0x06, 0x73, 0x0b,
};
static const unsigned int bits_wasm_len = 187;

static wasmcu_instance *inst;

static uint32_t call(const char *name, const uint32_t *a, uint32_t n) { return call_u32(inst, name, a, n); }

int main(void)
{
    static uint64_t pool[1 << 15];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod = NULL;
    if (!rt || wasmcu_load(rt, bits_wasm, bits_wasm_len, &mod) != WASMCU_OK ||
        wasmcu_instantiate(rt, mod, NULL, &inst) != WASMCU_OK) {
        printf("FAIL load: %s\n", rt ? wasmcu_last_error(rt) : "wasmcu_init");
        return 1;
    }
    static const uint32_t vals[] = {0, 1, 2, 5, 31, 32, 37, 127, 0xFFFF, 0x80000000u, 0xFFFFFFFFu, 0x9E3779B9u};
    const unsigned nv = sizeof vals / sizeof vals[0];
    for (unsigned i = 0; i < nv; i++)
        for (unsigned j = 0; j < nv; j++)
            for (unsigned k = 0; k < nv; k++) {
                uint32_t x = vals[i], s = vals[j], m = vals[k];
                uint32_t y = vals[(i + 2 * j + k) % nv], c = vals[(3 * i + j + 5 * k) % nv];
                uint32_t a[5] = {x, s, m, y, c}, f = (x >> (s & 31)) & m, r = f * y + c;
                CHECK(call("bits", a, 5) == r);
                CHECK(call("bits_r", a, 5) == r);
                CHECK(call("kept", a, 5) == ((f << 16) ^ r));
                CHECK(call("apart", a, 5) == f + y * c);
                uint32_t e[2] = {x * 2654435761u + s, c};
                uint32_t t = e[0], ref = ((t >> 2) & 15) * ((t >> 5) & 127) + c;
                CHECK(call("extract", e, 2) == ref);
            }
    int fused = WM_CONFIG_FUSED_OPS;
    CHECK(starts_with(inst, "bits", WM_OP_BITS_MUL_ADD) == fused);
    CHECK(starts_with(inst, "bits_r", WM_OP_BITS_MUL_ADD) == fused);
    CHECK(starts_with(inst, "extract", WM_OP_I32_SHR_U_AND) == fused);
    CHECK(!starts_with(inst, "kept", WM_OP_BITS_MUL_ADD));
    CHECK(starts_with(inst, "apart", WM_OP_I32_SHR_U_AND) == fused);

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
