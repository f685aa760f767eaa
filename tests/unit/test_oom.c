/* Out of memory after instantiation: every allocation that memory.grow, table.grow and a
 * trapping call make fails in turn. Each failure is an error (grow returns -1, the trap loses
 * only its code offsets), nothing leaks, and the instance works afterwards. With lazy
 * compilation, the same for every allocation compiling a function at its first call.
 * The module is tests/unit/oom.wat, assembled. */
#include "check.h"
#include <string.h>
#include "alloc.h"
#include "runtime.h"
#include "wasmcu.h"

static const unsigned char oom_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60,
    0x01, 0x7f, 0x01, 0x7f, 0x03, 0x05, 0x04, 0x00, 0x00, 0x00, 0x00, 0x04,
    0x05, 0x01, 0x70, 0x01, 0x02, 0x64, 0x05, 0x04, 0x01, 0x01, 0x01, 0x64,
    0x07, 0x18, 0x03, 0x04, 0x67, 0x72, 0x6f, 0x77, 0x00, 0x00, 0x05, 0x74,
    0x67, 0x72, 0x6f, 0x77, 0x00, 0x01, 0x05, 0x6f, 0x75, 0x74, 0x65, 0x72,
    0x00, 0x03, 0x0a, 0x21, 0x04, 0x06, 0x00, 0x20, 0x00, 0x40, 0x00, 0x0b,
    0x09, 0x00, 0xd0, 0x70, 0x20, 0x00, 0xfc, 0x0f, 0x00, 0x0b, 0x07, 0x00,
    0x41, 0x07, 0x20, 0x00, 0x6d, 0x0b, 0x06, 0x00, 0x20, 0x00, 0x10, 0x02,
    0x0b,
};
static const unsigned int oom_wasm_len = 97;

static int32_t call1(wasmcu_instance *inst, const char *name, int32_t arg, wasmcu_err *err)
{
    wasmcu_val a = wasmcu_val_i32(arg), r = 0;
    *err = wasmcu_call(inst, wasmcu_find_func(inst, name), &a, 1, &r, 1);
    return wasmcu_as_i32(r);
}

/* Each allocation of first calls' compiling fails in turn: the call fails with OOM and says
 * what to do, the next call compiles and runs, and unloading returns every byte. */
static void first_call_oom(wasmcu_runtime *rt)
{
    uint32_t n = 1, done = 0;
    for (; n < 1000 && !done; n++) {
        wasmcu_module *mod;
        wasmcu_instance *inst;
        wasmcu_err err;
        CHECK(wasmcu_load(rt, oom_wasm, oom_wasm_len, &mod) == WASMCU_OK);
        CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
        rt->alloc.fail_countdown = n;
        int32_t r = call1(inst, "outer", 7, &err);
        if (err == WASMCU_ERR_OOM) {
            CHECK(strstr(wasmcu_last_error(rt), "pool full compiling func") != NULL);
        } else {
            CHECK(err == WASMCU_OK && r == 1);
            done = rt->alloc.fail_countdown != 0; /* no allocation failed: all walked */
        }
        rt->alloc.fail_countdown = 0;
        CHECK(call1(inst, "outer", 7, &err) == 1 && err == WASMCU_OK);
        wasmcu_deinstantiate(inst);
        wasmcu_unload(mod);
        CHECK(wasmcu_pool_used(rt) == 0);
    }
    CHECK(done && n > 3); /* two functions compile, each allocating more than once */
}

/* Long-lived blocks come from the pool's high end, clear of memory that grows in place. */
static void high_blocks(wasmcu_runtime *rt)
{
    void *low = wm_malloc(&rt->alloc, 100), *high = wm_malloc_high(&rt->alloc, 100);
    CHECK(low && high && (uint8_t *)high > (uint8_t *)low + 100);
    CHECK(wm_realloc(&rt->alloc, low, 70000) == low); /* grows in place: the space after is free */
    wm_free(&rt->alloc, high);
    wm_free(&rt->alloc, low);
    CHECK(wasmcu_pool_used(rt) == 0);
}

int main(void)
{
    static uint64_t pool[(4u << 20) / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    high_blocks(rt);
    if (WM_CONFIG_LAZY_COMPILE) first_call_oom(rt);
    wasmcu_module *mod;
    CHECK(wasmcu_load(rt, oom_wasm, oom_wasm_len, &mod) == WASMCU_OK);
    {   /* first calls compile (lazy compilation): that code stays with the module */
        wasmcu_instance *inst;
        wasmcu_err err;
        CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
        call1(inst, "grow", 0, &err);
        call1(inst, "tgrow", 0, &err);
        call1(inst, "outer", 7, &err);
        wasmcu_deinstantiate(inst);
    }
    size_t before = wasmcu_pool_used(rt);
    int all_done = 0;
    uint32_t walked = 0;
    for (uint32_t n = 1; n < 1000 && !all_done; n++, walked++) {
        wasmcu_instance *inst;
        wasmcu_err err;
        CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
        rt->alloc.fail_countdown = n; /* the n-th allocation from here on fails */
        int32_t g = call1(inst, "grow", 3, &err);
        CHECK(err == WASMCU_OK && (g == 1 || g == -1));
        CHECK(wasmcu_memory_size(inst) == (g == 1 ? 4u : 1u) * 65536);
        int32_t t = call1(inst, "tgrow", 5, &err);
        CHECK(err == WASMCU_OK && (t == 2 || t == -1));
        call1(inst, "outer", 0, &err);
        CHECK(err == WASMCU_TRAP_DIV_ZERO);
        wasmcu_frame_info fr[4];
        CHECK(wasmcu_backtrace(rt, fr, 4) == 2 && fr[0].func_index == 2);
        int located = fr[0].code_offset != UINT32_MAX && fr[1].code_offset != UINT32_MAX;
        all_done = g == 1 && t == 2 && located && rt->alloc.fail_countdown != 0;
        rt->alloc.fail_countdown = 0;
        /* still usable: the failed operations can be repeated and succeed */
        CHECK(call1(inst, "outer", 7, &err) == 1 && err == WASMCU_OK);
        if (g != 1) CHECK(call1(inst, "grow", 3, &err) == 1);
        if (t != 2) CHECK(call1(inst, "tgrow", 5, &err) == 2);
        wasmcu_deinstantiate(inst);
        if (wasmcu_pool_used(rt) != before) {
            printf("FAIL leak after failing allocation %u: %zu bytes\n", (unsigned)n,
                   wasmcu_pool_used(rt) - before);
            failures++;
            break;
        }
    }
    CHECK(all_done);
    CHECK(walked >= 3); /* grow, table.grow and the trap each allocate at least once */
    wasmcu_unload(mod);
    CHECK(wasmcu_pool_used(rt) == 0);
    printf("%s: %d failures (%u allocation sites walked)\n", __FILE__, failures, (unsigned)walked);
    return failures != 0;
}
