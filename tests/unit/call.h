/* The unit tests' call of an export with i32 arguments and one i32 result: the first n
 * arguments from a, the rest of its parameters 0. A missing export or a call that does not
 * return counts as a failure (check.h), reported with the export's name. */
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

#endif
