/* Per-instance limits below the module's own maximums: memory pages and table size.
 * The module is tests/unit/limits.wat, assembled: memory 1..100 pages, table 2..100. */
#include "check.h"
#include <string.h>
#include "wasmcu.h"

static const unsigned char limits_wasm[] = {
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60,
  0x01, 0x7f, 0x01, 0x7f, 0x03, 0x03, 0x02, 0x00, 0x00, 0x04, 0x05, 0x01,
  0x70, 0x01, 0x02, 0x64, 0x05, 0x04, 0x01, 0x01, 0x01, 0x64, 0x07, 0x10,
  0x02, 0x04, 0x67, 0x72, 0x6f, 0x77, 0x00, 0x00, 0x05, 0x74, 0x67, 0x72,
  0x6f, 0x77, 0x00, 0x01, 0x0a, 0x12, 0x02, 0x06, 0x00, 0x20, 0x00, 0x40,
  0x00, 0x0b, 0x09, 0x00, 0xd0, 0x70, 0x20, 0x00, 0xfc, 0x0f, 0x00, 0x0b
};
static const unsigned int limits_wasm_len = 72;

static int32_t call1(wasmcu_instance *inst, const char *name, int32_t arg)
{
    wasmcu_val a = wasmcu_val_i32(arg), r = 0;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, name), &a, 1, &r, 1) == WASMCU_OK);
    return wasmcu_as_i32(r);
}

int main(void)
{
    static uint64_t pool[(16u << 20) / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod;
    wasmcu_instance *inst;
    CHECK(wasmcu_load(rt, limits_wasm, limits_wasm_len, &mod) == WASMCU_OK);
    wasmcu_instance_config cfg = {.max_memory_pages = 3, .max_table_size = 5};
    CHECK(wasmcu_instantiate(rt, mod, &cfg, &inst) == WASMCU_OK);
    CHECK(call1(inst, "grow", 2) == 1);  /* 1 -> 3 pages: at the cap */
    CHECK(call1(inst, "grow", 1) == -1); /* past it: memory.grow fails, nothing traps */
    CHECK(wasmcu_memory_size(inst) == 3 * 65536);
    CHECK(call1(inst, "tgrow", 3) == 2); /* 2 -> 5 elements */
    CHECK(call1(inst, "tgrow", 1) == -1);
    wasmcu_deinstantiate(inst);
    /* without limits the module's own maximum applies */
    CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
    CHECK(call1(inst, "grow", 10) == 1);
    wasmcu_deinstantiate(inst);
    /* a cap below the initial size refuses to instantiate, saying why */
    wasmcu_instance_config tight = {.max_table_size = 1};
    CHECK(wasmcu_instantiate(rt, mod, &tight, &inst) == WASMCU_ERR_OOM);
    CHECK(strstr(wasmcu_last_error(rt), "max_table_size") != NULL);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
