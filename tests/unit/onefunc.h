/* The unit tests that build their module in C: LEB128 and a module of one function f,
 * exported, of type (i32) -> i32 or (i32, i32) -> i32. */
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

/* Writes into buf the module whose f takes nparams (1 or 2) i32s and returns an i32, with
 * the b bytes of body (its locals, its code, its end); returns the module's length and in
 * *at where the body starts in it. */
static inline size_t one_func(uint8_t *buf, uint32_t nparams, const uint8_t *body, size_t b, size_t *at)
{
    static const uint8_t head[] = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    static const uint8_t rest[] = {0x03, 0x02, 0x01, 0x00,                    /* func */
                                   0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00};  /* export */
    size_t n = sizeof head;
    memcpy(buf, head, n);
    buf[n++] = 0x01; /* type: (i32 x nparams) -> i32 */
    buf[n++] = (uint8_t)(5 + nparams);
    buf[n++] = 0x01, buf[n++] = 0x60, buf[n++] = (uint8_t)nparams;
    for (uint32_t i = 0; i < nparams; i++) buf[n++] = 0x7F;
    buf[n++] = 0x01, buf[n++] = 0x7F;
    memcpy(buf + n, rest, sizeof rest), n += sizeof rest;
    uint8_t sizes[8];
    size_t bl = leb(sizes, (uint32_t)b);
    buf[n++] = 0x0A;
    n += leb(buf + n, (uint32_t)(1 + bl + b));
    buf[n++] = 1;
    n += leb(buf + n, (uint32_t)b);
    memcpy(buf + n, body, b);
    if (at) *at = n;
    return n + b;
}

#endif
