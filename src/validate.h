/* validate: the spec's validation algorithm over the decoded module; bodies are compiled
 * to internal code (compile.h) in the same pass. */
#ifndef WM_VALIDATE_H
#define WM_VALIDATE_H
#include "runtime.h"

/* WASMCU_ERR_INVALID (or MALFORMED for bad bytes inside a body, UNSUPPORTED for SIMD,
 * OOM) with rt's error e.g. "invalid module: func 3 (offset 0x1a2): type mismatch: ...". */
wasmcu_err wm_validate(wm_runtime *rt, wm_module *m);

/* Validates and compiles every function body (validate.c); wm_validate calls it once the
 * module-level rules hold. Errors as wm_validate's. */
wasmcu_err wm_validate_bodies(wm_runtime *rt, wm_module *m);

/* Compiles defined function fi of m, a validated module, unless it is compiled already: at
 * its first call under WM_CONFIG_LAZY_COMPILE. Only WASMCU_ERR_OOM can fail it. */
wasmcu_err wm_compile_func(wm_runtime *rt, wm_module *m, uint32_t fi);

/* A value type's name in error messages ("i32", "funcref"). */
const char *wm_type_name(wm_valtype t);

/* The module offset of the instruction whose compiled code holds byte `byte` of function fi,
 * found by compiling the body again, so no offset map is kept in RAM. 0 if it cannot tell
 * (no memory for the pass). Leaves rt's error detail alone. */
int wm_validate_locate(wm_runtime *rt, const wm_module *m, uint32_t fi, uint32_t byte, uint32_t *offset);

#endif
