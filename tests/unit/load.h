/* The unit tests' start: their module, from its bytes, loaded and instantiated without a
 * config. load_instance returns 1, or prints what failed (the runtime's last error) and
 * returns 0. */
#ifndef WASMCU_TEST_LOAD_H
#define WASMCU_TEST_LOAD_H
#include <stdio.h>
#include "wasmcu.h"

static inline int load_instance(wasmcu_runtime *rt, const uint8_t *bytes, size_t len, wasmcu_module **mod,
                                wasmcu_instance **inst)
{
    if (rt && wasmcu_load(rt, bytes, len, mod) == WASMCU_OK && wasmcu_instantiate(rt, *mod, NULL, inst) == WASMCU_OK)
        return 1;
    printf("FAIL load: %s\n", rt ? wasmcu_last_error(rt) : "wasmcu_init");
    return 0;
}

#endif
