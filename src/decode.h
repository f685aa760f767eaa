/* decode: module bytes -> wm_module. Checks every malformed-module rule of the binary
 * format outside function bodies (bodies are decoded by validate). */
#ifndef WM_DECODE_H
#define WM_DECODE_H
#include "runtime.h"

/* Fills *m (zeroed by the caller) from bytes; on failure returns WASMCU_ERR_MALFORMED
 * (or WASMCU_ERR_OOM) with rt's error set to e.g.
 * "malformed module: section 3 (offset 0x1a): unexpected end", and frees what it made. */
wasmcu_err wm_decode(wm_runtime *rt, const uint8_t *bytes, size_t len, wm_module *m);
/* Frees everything decode and validate allocated for m (not m itself). */
void wm_module_free_parts(wm_runtime *rt, wm_module *m);

#endif
