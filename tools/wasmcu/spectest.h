/* The spectest host module of the WebAssembly spec testsuite. */
#ifndef WASMCU_SPECTEST_H
#define WASMCU_SPECTEST_H
#include "wasmcu.h"

/* Loads the spectest module into rt and registers it under "spectest". */
wasmcu_err spectest_register(wasmcu_runtime *rt);

#endif
