/* The unit tests that build their module in C: LEB128 and a module of one function f,
 * exported, of type (i32) -> i32 or (i32, i32) -> i32, or of f and a g that calls it. */
#ifndef WASMCU_TEST_ONEFUNC_H
#define WASMCU_TEST_ONEFUNC_H
#include <stdint.h>
#include <string.h>

static inline size_t leb(uint8_t *p, uint32_t v)
{
    size_t n = 0;
    do {
        uint8_t b = v & 0x7F;
        v >>= 7;
        p[n++] = (uint8_t)(b | (v ? 0x80 : 0));
    } while (v);
    return n;
}

/* The module's header and its one type, (i32 x nparams) -> i32, into buf; returns the length. */
static inline size_t module_head(uint8_t *buf, uint32_t nparams)
{
    static const uint8_t head[] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    size_t n = sizeof head;
    memcpy(buf, head, n);
    buf[n++] = 0x01;
    buf[n++] = (uint8_t)(5 + nparams);
    buf[n++] = 0x01, buf[n++] = 0x60, buf[n++] = (uint8_t)nparams;
    for (uint32_t i = 0; i < nparams; i++) buf[n++] = 0x7F;
    buf[n++] = 0x01, buf[n++] = 0x7F;
    return n;
}

/* The code section's start for bodies of these sizes (their locals, code and end each),
 * at buf + n; returns the new length. */
static inline size_t code_head(uint8_t *buf, size_t n, const size_t *sizes, uint32_t count)
{
    uint8_t tmp[8];
    size_t total = 1; /* the count */
    for (uint32_t i = 0; i < count; i++) total += leb(tmp, (uint32_t)sizes[i]) + sizes[i];
    buf[n++] = 0x0A;
    n += leb(buf + n, (uint32_t)total);
    buf[n++] = (uint8_t)count;
    return n;
}

/* Writes into buf the module whose f takes nparams (1 or 2) i32s and returns an i32, with
 * the b bytes of body (its locals, its code, its end); returns the module's length and in
 * *at where the body starts in it. */
static inline size_t one_func(uint8_t *buf, uint32_t nparams, const uint8_t *body, size_t b, size_t *at)
{
    static const uint8_t rest[] = {0x03, 0x02, 0x01, 0x00,                    /* func */
                                   0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00};  /* export */
    size_t n = module_head(buf, nparams);
    memcpy(buf + n, rest, sizeof rest), n += sizeof rest;
    n = code_head(buf, n, &b, 1);
    n += leb(buf + n, (uint32_t)b);
    memcpy(buf + n, body, b);
    if (at) *at = n;
    return n + b;
}

/* The same with a function g before f, exported as "g" (f is not), of f's type, which
 * returns f(its params): f, function 1, is first called from wasm. */
static inline size_t caller_and_func(uint8_t *buf, uint32_t nparams, const uint8_t *body, size_t b)
{
    static const uint8_t rest[] = {0x03, 0x03, 0x02, 0x00, 0x00,              /* func */
                                   0x07, 0x05, 0x01, 0x01, 'g', 0x00, 0x00};  /* export */
    uint8_t g[8];
    size_t gl = 0;
    g[gl++] = 0x00; /* no locals */
    for (uint32_t i = 0; i < nparams; i++) g[gl++] = 0x20, g[gl++] = (uint8_t)i;
    g[gl++] = 0x10, g[gl++] = 0x01, g[gl++] = 0x0B;
    const size_t sizes[2] = {gl, b};
    size_t n = module_head(buf, nparams);
    memcpy(buf + n, rest, sizeof rest), n += sizeof rest;
    n = code_head(buf, n, sizes, 2);
    buf[n++] = (uint8_t)gl;
    memcpy(buf + n, g, gl), n += gl;
    n += leb(buf + n, (uint32_t)b);
    memcpy(buf + n, body, b);
    return n + b;
}

#endif
