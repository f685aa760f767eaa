/* instance: linking imports, building memories, tables and globals, applying segments. */
#ifndef WM_INSTANCE_H
#define WM_INSTANCE_H
#include "runtime.h"

/* Evaluates a validated constant expression in inst (globals/functions must be set up). */
wasmcu_err wm_eval_const(wasmcu_instance *inst, const wm_expr *e, wasmcu_val *out);
/* memory.grow semantics: old page count, or -1 (no change) past the maximum or the pool. */
int32_t wm_memory_grow(wm_runtime *rt, wm_memory *mem, uint32_t delta);
/* table.grow semantics: old size, or -1; new elements get init. */
int32_t wm_table_grow(wm_runtime *rt, wm_table *t, uint32_t delta, wasmcu_val init);

#endif
