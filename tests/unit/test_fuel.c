/* Fuel and interrupts: a metered or interrupted call stops, and resuming it gives exactly
 * the result of an unbroken run. The module is tests/unit/fuel.wat, assembled:
 * sum(n) = sum of squares by a loop, fib(n) recursive, ticking(n) calls env.tick each turn,
 * tcalls(n) each level of a recursion, dropping(n) and table(n) loop through the back-edges
 * that check in a separate op. */
#include <string.h>
#include "check.h"
#include "wasmcu.h"

static const unsigned char fuel_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0e, 0x03, 0x60,
    0x00, 0x00, 0x60, 0x01, 0x7e, 0x01, 0x7e, 0x60, 0x01, 0x7f, 0x01, 0x7f,
    0x02, 0x0c, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x04, 0x74, 0x69, 0x63, 0x6b,
    0x00, 0x00, 0x03, 0x07, 0x06, 0x01, 0x02, 0x02, 0x02, 0x02, 0x02, 0x07,
    0x33, 0x06, 0x03, 0x73, 0x75, 0x6d, 0x00, 0x01, 0x03, 0x66, 0x69, 0x62,
    0x00, 0x02, 0x07, 0x74, 0x69, 0x63, 0x6b, 0x69, 0x6e, 0x67, 0x00, 0x03,
    0x06, 0x74, 0x63, 0x61, 0x6c, 0x6c, 0x73, 0x00, 0x04, 0x08, 0x64, 0x72,
    0x6f, 0x70, 0x70, 0x69, 0x6e, 0x67, 0x00, 0x05, 0x05, 0x74, 0x61, 0x62,
    0x6c, 0x65, 0x00, 0x06, 0x0a, 0xb7, 0x01, 0x06, 0x24, 0x01, 0x01, 0x7e,
    0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x50, 0x0d, 0x01, 0x20, 0x01, 0x20,
    0x00, 0x20, 0x00, 0x7e, 0x7c, 0x21, 0x01, 0x20, 0x00, 0x42, 0x01, 0x7d,
    0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 0x20, 0x01, 0x0b, 0x1c, 0x00, 0x20,
    0x00, 0x41, 0x02, 0x49, 0x04, 0x7f, 0x20, 0x00, 0x05, 0x20, 0x00, 0x41,
    0x01, 0x6b, 0x10, 0x02, 0x20, 0x00, 0x41, 0x02, 0x6b, 0x10, 0x02, 0x6a,
    0x0b, 0x0b, 0x1b, 0x01, 0x01, 0x7f, 0x03, 0x40, 0x10, 0x00, 0x20, 0x01,
    0x20, 0x00, 0x6a, 0x21, 0x01, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x22, 0x00,
    0x0d, 0x00, 0x0b, 0x20, 0x01, 0x0b, 0x16, 0x00, 0x10, 0x00, 0x20, 0x00,
    0x04, 0x7f, 0x20, 0x00, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x10, 0x04, 0x6a,
    0x05, 0x41, 0x00, 0x0b, 0x0b, 0x1f, 0x01, 0x01, 0x7f, 0x03, 0x40, 0x41,
    0xe3, 0x00, 0x20, 0x01, 0x41, 0x02, 0x6a, 0x21, 0x01, 0x20, 0x00, 0x41,
    0x01, 0x6b, 0x21, 0x00, 0x20, 0x00, 0x0d, 0x00, 0x1a, 0x0b, 0x20, 0x01,
    0x0b, 0x20, 0x01, 0x01, 0x7f, 0x02, 0x40, 0x03, 0x40, 0x20, 0x01, 0x41,
    0x03, 0x6a, 0x21, 0x01, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x21, 0x00, 0x20,
    0x00, 0x0e, 0x01, 0x01, 0x00, 0x0b, 0x0b, 0x20, 0x01, 0x0b,
};
static const unsigned int fuel_wasm_len = 286;

static int ticks;

/* Stands in for an interrupt handler: asks the running call to stop on the 5th tick. */
static wasmcu_err tick(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)args, (void)results;
    if (++ticks == 5) wasmcu_interrupt(wasmcu_native_instance(ctx));
    return WASMCU_OK;
}

/* Calls f(arg), refuelling `step` at a time until it finishes; returns the stop count. */
static int metered(wasmcu_instance *inst, const char *name, wasmcu_val arg, uint64_t step,
                   wasmcu_val *out)
{
    int stops = 0;
    wasmcu_set_fuel(inst, step);
    wasmcu_err err = wasmcu_call(inst, wasmcu_find_func(inst, name), &arg, 1, out, 1);
    while (err == WASMCU_FUEL_EXHAUSTED) {
        stops++;
        CHECK(wasmcu_fuel_left(inst) == 0);
        wasmcu_set_fuel(inst, step);
        err = wasmcu_resume(inst, out, 1);
    }
    CHECK(err == WASMCU_OK);
    wasmcu_set_fuel(inst, WASMCU_FUEL_UNLIMITED);
    return stops;
}

int main(void)
{
    static uint64_t pool[1 << 17];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_register_native(rt, "env", "tick", "()", tick, NULL);
    wasmcu_module *mod;
    wasmcu_instance *inst;
    CHECK(wasmcu_load(rt, fuel_wasm, fuel_wasm_len, &mod) == WASMCU_OK);
    CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
    wasmcu_val arg = 100000, plain = 0, got = 0;

    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "sum"), &arg, 1, &plain, 1) == WASMCU_OK);
    CHECK(metered(inst, "sum", arg, 777, &got) > 100);
    CHECK(got == plain);

    arg = 20;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "fib"), &arg, 1, &plain, 1) == WASMCU_OK);
    CHECK(plain == 6765);
    CHECK(metered(inst, "fib", arg, 50, &got) > 100); /* stops at calls, deep in the recursion */
    CHECK(got == plain);

    /* back-edges that move values or go through br_table are metered too */
    arg = 1000;
    CHECK(metered(inst, "dropping", arg, 30, &got) > 10);
    CHECK(got == 2000);
    CHECK(metered(inst, "table", arg, 30, &got) > 10);
    CHECK(got == 3000);
    arg = 20;

    /* an interrupt raised before the call stops it at once; resuming finishes it */
    wasmcu_interrupt(inst);
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "fib"), &arg, 1, &got, 1) == WASMCU_INTERRUPTED);
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "fib"), &arg, 1, &got, 1) == WASMCU_ERR_ARG);
    CHECK(wasmcu_resume(inst, &got, 1) == WASMCU_OK && got == 6765);
    CHECK(wasmcu_resume(inst, &got, 1) == WASMCU_ERR_ARG); /* nothing left to resume */

    /* an interrupt raised while the call runs (from a native, like an ISR) */
    arg = 10;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "ticking"), &arg, 1, &got, 1) == WASMCU_INTERRUPTED);
    CHECK(ticks == 5);
    CHECK(wasmcu_resume(inst, &got, 1) == WASMCU_OK);
    CHECK(got == 55 && ticks == 10);

    /* raised while calls alone run: the next call stops, at the frame limit it tests
     * (call_limit), and resuming runs the levels left */
    ticks = 0;
    arg = 10;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "tcalls"), &arg, 1, &got, 1) == WASMCU_INTERRUPTED);
    CHECK(ticks == 5);
    CHECK(wasmcu_resume(inst, &got, 1) == WASMCU_OK);
    CHECK(got == 55 && ticks == 11);

    /* the instance works normally afterwards */
    arg = 3;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "sum"), &arg, 1, &got, 1) == WASMCU_OK && got == 14);
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
