/* The unit tests' call of an export with i32 arguments and one i32 result: the first n
 * arguments from a, the rest of its parameters 0. A missing export or a call that does not
 * return counts as a failure (check.h), reported with the export's name. call_metered runs
 * it on fuel. */
#ifndef WASMCU_TEST_CALL_H
#define WASMCU_TEST_CALL_H
#include "check.h"
#include "wasmcu.h"

static inline uint32_t call_u32(wasmcu_instance *inst, const char *name, const uint32_t *a, uint32_t n)
{
    wasmcu_val args[8] = {0}, r = 0;
    wasmcu_func *f = wasmcu_find_func(inst, name);
    uint32_t np = f ? wasmcu_func_param_count(f) : 0;
    for (uint32_t i = 0; i < n && i < 8; i++) args[i] = a[i];
    if (!f || np > 8 || wasmcu_call(inst, f, args, np, &r, 1) != WASMCU_OK) {
        printf("  %s: failed\n", name);
        failures++;
    }
    return (uint32_t)r;
}

/* The same with fuel `step` at a time, resumed until it returns; *stops how often it
 * stopped. With step 1 the call's entry spends the first fuel and each resumed one pays the
 * branch back that stopped, so every second branch back stops, the first among them: a loop
 * that runs its turns inside one instruction must stop as often. A call that does not
 * return (or stops 100 times) counts as a failure. */
static inline uint32_t call_metered(wasmcu_instance *inst, const char *name, const uint32_t *a, uint32_t n,
                                    uint64_t step, int *stops)
{
    wasmcu_val args[8] = {0}, r = 0;
    wasmcu_func *f = wasmcu_find_func(inst, name);
    uint32_t np = f ? wasmcu_func_param_count(f) : 0;
    for (uint32_t i = 0; i < n && i < 8; i++) args[i] = a[i];
    *stops = 0;
    wasmcu_set_fuel(inst, step);
    wasmcu_err err = f && np <= 8 ? wasmcu_call(inst, f, args, np, &r, 1) : WASMCU_ERR_NOT_FOUND;
    while (err == WASMCU_FUEL_EXHAUSTED && *stops < 100) {
        ++*stops;
        wasmcu_set_fuel(inst, step);
        err = wasmcu_resume(inst, &r, 1);
    }
    wasmcu_set_fuel(inst, WASMCU_FUEL_UNLIMITED);
    if (err != WASMCU_OK) {
        printf("  %s: did not return (%s)\n", name, wasmcu_err_str(err));
        failures++;
    }
    return (uint32_t)r;
}

#endif
