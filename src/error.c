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

void wm_error_prefix(wm_runtime *rt, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int h = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t cap = sizeof rt->error, n = strlen(rt->error);
    if (h <= 0 || (size_t)h >= cap) return;
    if (n + (size_t)h >= cap) n = cap - 1 - (size_t)h; /* the detail's end goes */
    memmove(rt->error + h, rt->error, n);
    rt->error[(size_t)h + n] = 0;
    char first = rt->error[h]; /* where the prefix's terminating zero goes */
    va_start(ap, fmt);
    vsnprintf(rt->error, (size_t)h + 1, fmt, ap);
    va_end(ap);
    rt->error[h] = first;
    rt->ntrace = 0;
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
