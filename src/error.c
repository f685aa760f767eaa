/* Error codes' texts and the runtime's error detail buffer. */
#include <stdio.h>
#include <string.h>
#include "runtime.h"

const char *wasmcu_err_str(wasmcu_err err)
{
    static const char *const texts[] = {
#define WASMCU_X_TEXT(code, msg) msg,
        WASMCU_ERRORS(WASMCU_X_TEXT)
#undef WASMCU_X_TEXT
    };
    if ((unsigned)err >= sizeof texts / sizeof texts[0]) return "unknown error";
    return texts[err];
}

const char *wm_u64_str(char buf[21], uint64_t v)
{
    char *p = buf + 20;
    *p = 0;
    do *--p = (char)('0' + v % 10); while ((v /= 10) != 0);
    return p;
}

wasmcu_err wm_verror(wm_runtime *rt, wasmcu_err code, const char *fmt, va_list ap)
{
    vsnprintf(rt->error, sizeof rt->error, fmt, ap);
    rt->ntrace = 0; /* a backtrace belongs to the error it was recorded with */
    return code;
}

wasmcu_err wm_error(wm_runtime *rt, wasmcu_err code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wm_verror(rt, code, fmt, ap);
    va_end(ap);
    return code;
}

void wm_error_append(wm_runtime *rt, const char *fmt, ...)
{
    size_t n = strlen(rt->error);
    if (n + 1 >= sizeof rt->error) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rt->error + n, sizeof rt->error - n, fmt, ap);
    va_end(ap);
}

uint32_t wasmcu_backtrace(const wasmcu_runtime *rt, wasmcu_frame_info *out, uint32_t max)
{
    for (uint32_t i = 0; i < rt->ntrace && i < max; i++) out[i] = rt->trace[i];
    return rt->ntrace;
}

int wm_functype_eq(const wm_functype *a, const wm_functype *b)
{
    return a == b || (a->nparams == b->nparams && a->nresults == b->nresults &&
                      memcmp(a->types, b->types, a->nparams + a->nresults) == 0);
}
