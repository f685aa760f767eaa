/* lib/env end to end: tests/unit/env.wat (assembled with wat2wasm, dumped with
 * `wasmcu dump`) wraps every env native, so each check runs wasm -> import -> native.
 * The formatter is compared against the host's snprintf over fixed and random cases;
 * bad guest pointers must trap naming the function, and a corrupt app heap may only make
 * malloc fail. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasmcu.h"

static const unsigned char env_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x26, 0x07, 0x60,
    0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x01,
    0x7f, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x01,
    0x7f, 0x60, 0x01, 0x7f, 0x00, 0x60, 0x00, 0x00, 0x60, 0x00, 0x01, 0x7f,
    0x02, 0xee, 0x02, 0x1c, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x70, 0x72, 0x69,
    0x6e, 0x74, 0x66, 0x00, 0x00, 0x03, 0x65, 0x6e, 0x76, 0x08, 0x73, 0x6e,
    0x70, 0x72, 0x69, 0x6e, 0x74, 0x66, 0x00, 0x01, 0x03, 0x65, 0x6e, 0x76,
    0x07, 0x73, 0x70, 0x72, 0x69, 0x6e, 0x74, 0x66, 0x00, 0x02, 0x03, 0x65,
    0x6e, 0x76, 0x04, 0x70, 0x75, 0x74, 0x73, 0x00, 0x03, 0x03, 0x65, 0x6e,
    0x76, 0x07, 0x70, 0x75, 0x74, 0x63, 0x68, 0x61, 0x72, 0x00, 0x03, 0x03,
    0x65, 0x6e, 0x76, 0x06, 0x6d, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x03,
    0x03, 0x65, 0x6e, 0x76, 0x06, 0x63, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00,
    0x00, 0x03, 0x65, 0x6e, 0x76, 0x07, 0x72, 0x65, 0x61, 0x6c, 0x6c, 0x6f,
    0x63, 0x00, 0x00, 0x03, 0x65, 0x6e, 0x76, 0x04, 0x66, 0x72, 0x65, 0x65,
    0x00, 0x04, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x73, 0x74, 0x72, 0x6c, 0x65,
    0x6e, 0x00, 0x03, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x73, 0x74, 0x72, 0x63,
    0x6d, 0x70, 0x00, 0x00, 0x03, 0x65, 0x6e, 0x76, 0x07, 0x73, 0x74, 0x72,
    0x6e, 0x63, 0x6d, 0x70, 0x00, 0x02, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x73,
    0x74, 0x72, 0x63, 0x68, 0x72, 0x00, 0x00, 0x03, 0x65, 0x6e, 0x76, 0x07,
    0x73, 0x74, 0x72, 0x72, 0x63, 0x68, 0x72, 0x00, 0x00, 0x03, 0x65, 0x6e,
    0x76, 0x06, 0x73, 0x74, 0x72, 0x73, 0x74, 0x72, 0x00, 0x00, 0x03, 0x65,
    0x6e, 0x76, 0x06, 0x73, 0x74, 0x72, 0x63, 0x70, 0x79, 0x00, 0x00, 0x03,
    0x65, 0x6e, 0x76, 0x07, 0x73, 0x74, 0x72, 0x6e, 0x63, 0x70, 0x79, 0x00,
    0x02, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x73, 0x74, 0x72, 0x64, 0x75, 0x70,
    0x00, 0x03, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x63, 0x70,
    0x79, 0x00, 0x02, 0x03, 0x65, 0x6e, 0x76, 0x07, 0x6d, 0x65, 0x6d, 0x6d,
    0x6f, 0x76, 0x65, 0x00, 0x02, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65,
    0x6d, 0x73, 0x65, 0x74, 0x00, 0x02, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d,
    0x65, 0x6d, 0x63, 0x6d, 0x70, 0x00, 0x02, 0x03, 0x65, 0x6e, 0x76, 0x06,
    0x6d, 0x65, 0x6d, 0x63, 0x68, 0x72, 0x00, 0x02, 0x03, 0x65, 0x6e, 0x76,
    0x06, 0x73, 0x74, 0x72, 0x74, 0x6f, 0x6c, 0x00, 0x02, 0x03, 0x65, 0x6e,
    0x76, 0x07, 0x73, 0x74, 0x72, 0x74, 0x6f, 0x75, 0x6c, 0x00, 0x02, 0x03,
    0x65, 0x6e, 0x76, 0x04, 0x61, 0x74, 0x6f, 0x69, 0x00, 0x03, 0x03, 0x65,
    0x6e, 0x76, 0x04, 0x65, 0x78, 0x69, 0x74, 0x00, 0x04, 0x03, 0x65, 0x6e,
    0x76, 0x05, 0x61, 0x62, 0x6f, 0x72, 0x74, 0x00, 0x05, 0x03, 0x1d, 0x1c,
    0x06, 0x00, 0x01, 0x02, 0x03, 0x03, 0x00, 0x00, 0x04, 0x03, 0x00, 0x02,
    0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
    0x02, 0x03, 0x04, 0x05, 0x05, 0x03, 0x01, 0x00, 0x01, 0x06, 0x07, 0x01,
    0x7f, 0x00, 0x41, 0x80, 0x20, 0x0b, 0x07, 0x93, 0x02, 0x1e, 0x06, 0x6d,
    0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x0b, 0x5f, 0x5f, 0x68, 0x65,
    0x61, 0x70, 0x5f, 0x62, 0x61, 0x73, 0x65, 0x03, 0x00, 0x05, 0x68, 0x65,
    0x6c, 0x6c, 0x6f, 0x00, 0x1c, 0x06, 0x70, 0x72, 0x69, 0x6e, 0x74, 0x66,
    0x00, 0x1d, 0x08, 0x73, 0x6e, 0x70, 0x72, 0x69, 0x6e, 0x74, 0x66, 0x00,
    0x1e, 0x07, 0x73, 0x70, 0x72, 0x69, 0x6e, 0x74, 0x66, 0x00, 0x1f, 0x04,
    0x70, 0x75, 0x74, 0x73, 0x00, 0x20, 0x06, 0x6d, 0x61, 0x6c, 0x6c, 0x6f,
    0x63, 0x00, 0x21, 0x06, 0x63, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x22,
    0x07, 0x72, 0x65, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x23, 0x04, 0x66,
    0x72, 0x65, 0x65, 0x00, 0x24, 0x06, 0x73, 0x74, 0x72, 0x6c, 0x65, 0x6e,
    0x00, 0x25, 0x06, 0x73, 0x74, 0x72, 0x63, 0x6d, 0x70, 0x00, 0x26, 0x07,
    0x73, 0x74, 0x72, 0x6e, 0x63, 0x6d, 0x70, 0x00, 0x27, 0x06, 0x73, 0x74,
    0x72, 0x63, 0x68, 0x72, 0x00, 0x28, 0x07, 0x73, 0x74, 0x72, 0x72, 0x63,
    0x68, 0x72, 0x00, 0x29, 0x06, 0x73, 0x74, 0x72, 0x73, 0x74, 0x72, 0x00,
    0x2a, 0x06, 0x73, 0x74, 0x72, 0x63, 0x70, 0x79, 0x00, 0x2b, 0x07, 0x73,
    0x74, 0x72, 0x6e, 0x63, 0x70, 0x79, 0x00, 0x2c, 0x06, 0x73, 0x74, 0x72,
    0x64, 0x75, 0x70, 0x00, 0x2d, 0x06, 0x6d, 0x65, 0x6d, 0x63, 0x70, 0x79,
    0x00, 0x2e, 0x07, 0x6d, 0x65, 0x6d, 0x6d, 0x6f, 0x76, 0x65, 0x00, 0x2f,
    0x06, 0x6d, 0x65, 0x6d, 0x73, 0x65, 0x74, 0x00, 0x30, 0x06, 0x6d, 0x65,
    0x6d, 0x63, 0x6d, 0x70, 0x00, 0x31, 0x06, 0x6d, 0x65, 0x6d, 0x63, 0x68,
    0x72, 0x00, 0x32, 0x06, 0x73, 0x74, 0x72, 0x74, 0x6f, 0x6c, 0x00, 0x33,
    0x07, 0x73, 0x74, 0x72, 0x74, 0x6f, 0x75, 0x6c, 0x00, 0x34, 0x04, 0x61,
    0x74, 0x6f, 0x69, 0x00, 0x35, 0x04, 0x65, 0x78, 0x69, 0x74, 0x00, 0x36,
    0x05, 0x61, 0x62, 0x6f, 0x72, 0x74, 0x00, 0x37, 0x0a, 0x8d, 0x02, 0x1c,
    0x12, 0x00, 0x41, 0x10, 0x10, 0x03, 0x1a, 0x41, 0x21, 0x10, 0x04, 0x1a,
    0x41, 0x10, 0x41, 0x00, 0x10, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x20,
    0x01, 0x10, 0x00, 0x0b, 0x0c, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02,
    0x20, 0x03, 0x10, 0x01, 0x0b, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20,
    0x02, 0x10, 0x02, 0x0b, 0x06, 0x00, 0x20, 0x00, 0x10, 0x03, 0x0b, 0x06,
    0x00, 0x20, 0x00, 0x10, 0x05, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x20, 0x01,
    0x10, 0x06, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, 0x07, 0x0b,
    0x06, 0x00, 0x20, 0x00, 0x10, 0x08, 0x0b, 0x06, 0x00, 0x20, 0x00, 0x10,
    0x09, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, 0x0a, 0x0b, 0x0a,
    0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x0b, 0x0b, 0x08, 0x00,
    0x20, 0x00, 0x20, 0x01, 0x10, 0x0c, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x20,
    0x01, 0x10, 0x0d, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, 0x0e,
    0x0b, 0x08, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, 0x0f, 0x0b, 0x0a, 0x00,
    0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x10, 0x0b, 0x06, 0x00, 0x20,
    0x00, 0x10, 0x11, 0x0b, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02,
    0x10, 0x12, 0x0b, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10,
    0x13, 0x0b, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x14,
    0x0b, 0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x15, 0x0b,
    0x0a, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x16, 0x0b, 0x0a,
    0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x17, 0x0b, 0x0a, 0x00,
    0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x10, 0x18, 0x0b, 0x06, 0x00, 0x20,
    0x00, 0x10, 0x19, 0x0b, 0x06, 0x00, 0x20, 0x00, 0x10, 0x1a, 0x0b, 0x04,
    0x00, 0x10, 0x1b, 0x0b, 0x0b, 0x0c, 0x01, 0x00, 0x41, 0x10, 0x0b, 0x06,
    0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00,
};
static const unsigned int env_wasm_len = 1026;

static const unsigned char noheap_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60,
    0x01, 0x7f, 0x01, 0x7f, 0x02, 0x0e, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x06,
    0x6d, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
    0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x0a, 0x01, 0x06, 0x6d, 0x61, 0x6c,
    0x6c, 0x6f, 0x63, 0x00, 0x01, 0x0a, 0x08, 0x01, 0x06, 0x00, 0x20, 0x00,
    0x10, 0x00, 0x0b,
};
static const unsigned int noheap_wasm_len = 63;

/* (module (import "env" "malloc" (func $malloc (param i32) (result i32)))
 *   (import "env" "free" (func $free (param i32))) (memory 1)
 *   (global $hb (export "__heap_base") (mut i32) (i32.const 1024))
 *   (func (export "set_base") (param i32) (global.set $hb (local.get 0)))
 *   (func (export "malloc") (param i32) (result i32) (call $malloc (local.get 0)))
 *   (func (export "free") (param i32) (call $free (local.get 0)))) */
static const unsigned char moveheap_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0a, 0x02, 0x60,
    0x01, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x00, 0x02, 0x19, 0x02, 0x03,
    0x65, 0x6e, 0x76, 0x06, 0x6d, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x00,
    0x03, 0x65, 0x6e, 0x76, 0x04, 0x66, 0x72, 0x65, 0x65, 0x00, 0x01, 0x03,
    0x04, 0x03, 0x01, 0x00, 0x01, 0x05, 0x03, 0x01, 0x00, 0x01, 0x06, 0x07,
    0x01, 0x7f, 0x01, 0x41, 0x80, 0x08, 0x0b, 0x07, 0x2a, 0x04, 0x0b, 0x5f,
    0x5f, 0x68, 0x65, 0x61, 0x70, 0x5f, 0x62, 0x61, 0x73, 0x65, 0x03, 0x00,
    0x08, 0x73, 0x65, 0x74, 0x5f, 0x62, 0x61, 0x73, 0x65, 0x00, 0x02, 0x06,
    0x6d, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x03, 0x04, 0x66, 0x72, 0x65,
    0x65, 0x00, 0x04, 0x0a, 0x16, 0x03, 0x06, 0x00, 0x20, 0x00, 0x24, 0x00,
    0x0b, 0x06, 0x00, 0x20, 0x00, 0x10, 0x00, 0x0b, 0x06, 0x00, 0x20, 0x00,
    0x10, 0x01, 0x0b,
};
static const unsigned int moveheap_wasm_len = 135;

#include "check.h"

static wasmcu_runtime *rt;
static wasmcu_instance *inst;
static char console[1024];
static size_t console_len;

static void capture(void *user, const char *s, size_t n)
{
    (void)user;
    for (size_t i = 0; i < n && console_len + 1 < sizeof console; i++) console[console_len++] = s[i];
    console[console_len] = 0;
}

/* Calls export `name` with n i32 args; its i32 result (if any) goes to *r. */
static wasmcu_err call_in(wasmcu_instance *in, const char *name, const uint32_t *a, uint32_t n, uint32_t *r)
{
    wasmcu_func *f = wasmcu_find_func(in, name);
    wasmcu_val args[4] = {0}, res[1] = {0};
    if (!f) { printf("FAIL: no export %s\n", name); failures++; return WASMCU_ERR_NOT_FOUND; }
    for (uint32_t i = 0; i < n; i++) args[i] = a[i];
    uint32_t nres = wasmcu_func_result_count(f);
    wasmcu_err err = wasmcu_call(in, f, args, n, res, nres);
    if (r) *r = (uint32_t)res[0];
    return err;
}

#define CALL(name, r, ...) call_in(inst, name, (const uint32_t[]){__VA_ARGS__}, \
                                   sizeof((const uint32_t[]){__VA_ARGS__}) / 4, r)

static uint8_t *mem(uint32_t addr, uint32_t len) { return wasmcu_memory_ptr(inst, addr, len); }

static void put_str(uint32_t addr, const char *s) { memcpy(mem(addr, (uint32_t)strlen(s) + 1), s, strlen(s) + 1); }

static int last_error_has(const char *text) { return strstr(wasmcu_last_error(rt), text) != NULL; }

/* ---- the formatter: varargs laid out as clang does for wasm32 ---- */
enum { OUT = 256, OUT_CAP = 512, FMT = 1024, VA = 1536, STRS = 2048 };
static uint32_t va_pos, str_pos;

static void va_reset(void) { va_pos = VA; str_pos = STRS; }
static void va_put(const void *v, uint32_t n)
{
    va_pos = (va_pos + n - 1) & ~(n - 1);
    memcpy(mem(va_pos, n), v, n);
    va_pos += n;
}
static void va_i32(int32_t v) { va_put(&v, 4); }
static void va_i64(int64_t v) { va_put(&v, 8); }
static void va_f64(double v) { va_put(&v, 8); }
static void va_str(const char *s)
{
    put_str(str_pos, s);
    va_i32((int32_t)str_pos);
    str_pos += (uint32_t)strlen(s) + 1;
}

/* snprintf in the guest into OUT; the text is copied to g. */
static int32_t guest_fmt(const char *fmt, char *g)
{
    uint32_t r = 0;
    put_str(FMT, fmt);
    wasmcu_err err = CALL("snprintf", &r, OUT, OUT_CAP, FMT, VA);
    if (err) { printf("FAIL fmt \"%s\": %s\n", fmt, wasmcu_last_error(rt)); failures++; }
    memcpy(g, mem(OUT, OUT_CAP), OUT_CAP);
    return (int32_t)r;
}

static void compare(const char *fmt, const char *host, int hn)
{
    char g[OUT_CAP];
    int gn = guest_fmt(fmt, g);
    if (strcmp(host, g) || hn != gn) {
        printf("FAIL fmt \"%s\": host \"%s\" (%d), guest \"%s\" (%d)\n", fmt, host, hn, g, gn);
        failures++;
    }
}

static void fmt_i(const char *fmt, int32_t v) { char h[OUT_CAP]; va_reset(); va_i32(v); compare(fmt, h, snprintf(h, sizeof h, fmt, v)); }
static void fmt_l(const char *fmt, int32_t v) { char h[OUT_CAP]; va_reset(); va_i32(v); compare(fmt, h, snprintf(h, sizeof h, fmt, (long)v)); }
static void fmt_lu(const char *fmt, uint32_t v) { char h[OUT_CAP]; va_reset(); va_i32((int32_t)v); compare(fmt, h, snprintf(h, sizeof h, fmt, (unsigned long)v)); }
static void fmt_ll(const char *fmt, int64_t v) { char h[OUT_CAP]; va_reset(); va_i64(v); compare(fmt, h, snprintf(h, sizeof h, fmt, (long long)v)); }
static void fmt_d(const char *fmt, double v) { char h[OUT_CAP]; va_reset(); va_f64(v); compare(fmt, h, snprintf(h, sizeof h, fmt, v)); }
static void fmt_s(const char *fmt, const char *v) { char h[OUT_CAP]; va_reset(); va_str(v); compare(fmt, h, snprintf(h, sizeof h, fmt, v)); }
static void fmt_wi(const char *fmt, int w, int32_t v) { char h[OUT_CAP]; va_reset(); va_i32(w); va_i32(v); compare(fmt, h, snprintf(h, sizeof h, fmt, w, v)); }
static void fmt_wpd(const char *fmt, int w, int p, double v)
{
    char h[OUT_CAP];
    va_reset(); va_i32(w); va_i32(p); va_f64(v);
    compare(fmt, h, snprintf(h, sizeof h, fmt, w, p, v));
}

static void test_format_integers(void)
{
    static const char *ints[] = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%.3d", "%8.3d",
                                 "%-8.3d|", "%.0d", "%u", "%x", "%X", "%#x", "%#X", "%o", "%#o", "%#.3o",
                                 "%08x", "%#08x", "%-#8x|", "%hd", "%hu", "%hhd", "%hhu", "%hhx", "%hx", "%c", "%3c", "%-3c|",
                                 "%%d%d%%", "x%dy"};
    static const int32_t vals[] = {0, 1, -1, 7, 42, -42, 255, 256, 300, 65535, 65536, -32769, 123456789,
                                   INT32_MAX, INT32_MIN};
    for (size_t f = 0; f < sizeof ints / sizeof *ints; f++)
        for (size_t v = 0; v < sizeof vals / sizeof *vals; v++) {
            if (!strcmp(ints[f] + strlen(ints[f]) - 1, "c") && (vals[v] & 0xFF) == 0) continue;
            fmt_i(ints[f], vals[v]);
        }
    static const int64_t wide[] = {0, 1, -1, 4294967296LL, -4294967297LL, INT64_MAX, INT64_MIN, 1234567890123LL};
    static const char *lls[] = {"%lld", "%lli", "%llu", "%llx", "%#llX", "%llo", "%20lld|", "%-+20lld|", "%.15lld", "%jd", "%ju"};
    for (size_t f = 0; f < sizeof lls / sizeof *lls; f++)
        for (size_t v = 0; v < sizeof wide / sizeof *wide; v++) fmt_ll(lls[f], wide[v]);
    /* l, z and t are 4 bytes on wasm32 */
    for (size_t v = 0; v < sizeof vals / sizeof *vals; v++) {
        fmt_l("%ld", vals[v]);
        fmt_l("%zd", vals[v]);
        fmt_l("%td", vals[v]);
        fmt_lu("%lu", (uint32_t)vals[v]);
        fmt_lu("%zu", (uint32_t)vals[v]);
        fmt_lu("%lx", (uint32_t)vals[v]);
    }
    fmt_wi("%*d|", 6, 42);
    fmt_wi("%*d|", -6, 42);
    fmt_wi("%.*d|", 4, 42);
    fmt_wi("%.*d|", -4, 42);
    fmt_wi("%-*x|", 5, 255);
}

static void test_format_strings(void)
{
    static const char *fmts[] = {"%s", "[%10s]", "[%-10s]", "[%.2s]", "[%5.1s]", "[%-5.0s]", "%s!", "a%sb"};
    static const char *strs[] = {"", "x", "hello", "hello, world"};
    for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++)
        for (size_t s = 0; s < sizeof strs / sizeof *strs; s++) fmt_s(fmts[f], strs[s]);
    char h[OUT_CAP];
    va_reset(); va_str("ab"); va_i32(-3); va_i64(1LL << 40); va_f64(2.5); va_i32('z');
    compare("%s %d %lld %.1f %c", h, snprintf(h, sizeof h, "%s %d %lld %.1f %c", "ab", -3, 1LL << 40, 2.5, 'z'));
    /* %p prints 0x and hex on wasm32, 4-byte argument */
    char g[OUT_CAP];
    va_reset(); va_i32(0x1234);
    CHECK(guest_fmt("%p", g) == 6 && !strcmp(g, "0x1234"));
    /* a dangling '%' at the end stops the output there */
    va_reset();
    CHECK(guest_fmt("ab%", g) == 2 && !strcmp(g, "ab"));
}

static double rnd_double(void)
{
    double m = (double)rand() / RAND_MAX;
    int e = rand() % 40 - 20;
    double d = m;
    while (e > 0) { d *= 10; e--; }
    while (e < 0) { d /= 10; e++; }
    return rand() & 1 ? -d : d;
}

static void test_format_floats(void)
{
    static const char *fmts[] = {"%f", "%.0f", "%.1f", "%.3f", "%#.0f", "%10.2f|", "%-10.2f|", "%+f", "% f",
                                 "%010.3f", "%e", "%.0e", "%#.0e", "%.3e", "%E", "%12.4e|", "%+e", "%g", "%.0g",
                                 "%.1g", "%.3g", "%#g", "%G", "%.10g", "%10g|", "%-10g|", "%a", "%A", "%.0a",
                                 "%.1a", "%.3a", "%#.0a", "%F", "%.12f", "%.15e", "%.15g", "%.17e", "%.60g", "%.320f"};
    static const double vals[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 3.14159265358979, 1e-5, 1e-4,
                                  123456.789, 999999.5, 9.9999999, 0.0009765625, 1e10, 1e15, 1.5e-7, 65536.0,
                                  1e-300, 4.9406564584124654e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                                  1e300, 100.0, 0.1, 0.2, 0.3, 1e21, 5e-324, 0.5e-5, 2.5e-6,
                                  9.5, 0.05, 0.15, 0.25, 0.35, 12345678901234567890.0};
    for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++)
        for (size_t v = 0; v < sizeof vals / sizeof *vals; v++) {
            if (!strcmp(fmts[f], "%#g") && vals[v] == 999999.5) continue; /* glibc: "1.e+06" */
            fmt_d(fmts[f], vals[v]);
        }
    /* C99 7.19.6.1: %#g keeps trailing zeros, also when rounding carried into the exponent */
    char g[OUT_CAP];
    va_reset(); va_f64(999999.5);
    CHECK(guest_fmt("%#g", g) == 11 && !strcmp(g, "1.00000e+06"));
    static const char *special[] = {"%f", "%F", "%e", "%g", "%a", "%5f|", "%-5f|", "%05f", "%+f"};
    for (size_t f = 0; f < sizeof special / sizeof *special; f++) {
        fmt_d(special[f], 1.0 / 0.0);
        fmt_d(special[f], -1.0 / 0.0);
    }
    va_reset(); va_f64(0.0 / 0.0);
    guest_fmt("%f %F", g); /* the NaN's sign bit is the host's choice: check only the letters */
    CHECK(strstr(g, "nan") != NULL);
    fmt_wpd("%*.*f|", 12, 3, 3.14159);
    fmt_wpd("%*.*e|", -12, 2, -271.828);
    srand(12345);
    static const char *rfmts[] = {"%f", "%.2f", "%e", "%.3e", "%g", "%.4g", "%a", "%.2a", "%.10e",
                                  "%.17g", "%.25e", "%.40f", "%#.20g"};
    for (int i = 0; i < 3000; i++) fmt_d(rfmts[i % (sizeof rfmts / sizeof *rfmts)], rnd_double());
    /* any bit pattern, subnormals and the extremes included */
    static const char *bfmts[] = {"%.17e", "%g", "%f", "%.3e", "%.0f", "%a"};
    for (int i = 0; i < 2000; i++) {
        uint64_t bits = 0;
        double d;
        for (int k = 0; k < 4; k++) bits = bits << 16 ^ (uint64_t)(rand() & 0xFFFF);
        memcpy(&d, &bits, 8);
        if (d != d) continue;
        fmt_d(bfmts[i % (sizeof bfmts / sizeof *bfmts)], d);
    }
}

static void test_format_refusals_and_truncation(void)
{
    char g[OUT_CAP];
    uint32_t r = 0;
    /* %n would let a format write guest memory: refused with a trap */
    va_reset(); va_i32(VA + 64);
    put_str(FMT, "ab%n");
    CHECK(CALL("snprintf", &r, OUT, OUT_CAP, FMT, VA) == WASMCU_TRAP_HOST && last_error_has("%n"));
    /* snprintf truncates, NUL-terminates and returns the full length; cap 0 writes nothing */
    va_reset(); va_str("hello world");
    put_str(FMT, "%s");
    memset(mem(OUT, 16), 'Q', 16);
    CHECK(CALL("snprintf", &r, OUT, 5, FMT, VA) == WASMCU_OK && r == 11 && !memcmp(mem(OUT, 6), "hell\0Q", 6));
    memset(mem(OUT, 16), 'Q', 16);
    CHECK(CALL("snprintf", &r, OUT, 0, FMT, VA) == WASMCU_OK && r == 11 && *mem(OUT, 1) == 'Q');
    CHECK(CALL("snprintf", &r, 0xFFFFFFF0u, 0, FMT, VA) == WASMCU_OK && r == 11); /* cap 0: any pointer */
    CHECK(CALL("sprintf", &r, OUT, FMT, VA) == WASMCU_OK && r == 11 && !strcmp((char *)mem(OUT, 12), "hello world"));
    (void)g;
}

static void test_console(void)
{
    uint32_t r = 0;
    console_len = 0;
    CHECK(call_in(inst, "hello", NULL, 0, &r) == WASMCU_OK); /* puts("Hello"); putchar('!'); printf("Hello") */
    CHECK(r == 5 && !strcmp(console, "Hello\n!Hello"));
    va_reset(); va_i32(42); va_str("x"); va_f64(0.25);
    put_str(FMT, "n=%d s=%s f=%.2f\n");
    console_len = 0;
    CHECK(CALL("printf", &r, FMT, VA) == WASMCU_OK && r == 16 && !strcmp(console, "n=42 s=x f=0.25\n"));
}

/* A bad pointer traps with "out of bounds memory access", the message names the function,
 * and the instance stays usable. */
static void test_bad_pointers(void)
{
    uint32_t r = 0, size = wasmcu_memory_size(inst), end = size - 8;
    memset(mem(end, 8), 'A', 8); /* a string with no NUL before the end of memory */
    va_reset();
#define TRAPS(name, ...) (CALL(name, &r, __VA_ARGS__) == WASMCU_TRAP_MEMORY_OOB && last_error_has(name))
    CHECK(TRAPS("printf", 0xFFFFFFF0u, VA));
    CHECK(TRAPS("printf", end, VA));
    put_str(FMT, "%s");
    va_i32((int32_t)end);
    CHECK(TRAPS("printf", FMT, VA));
    CHECK(CALL("printf", &r, FMT, size - 2) == WASMCU_TRAP_MEMORY_OOB); /* varargs past the end */
    CHECK(TRAPS("snprintf", end, 100, FMT, VA));
    put_str(FMT, "%s%s");
    va_reset(); va_str("0123456789"); va_str("0123456789");
    CHECK(TRAPS("sprintf", end - 10, FMT, VA)); /* output runs off memory */
    CHECK(TRAPS("puts", end));
    CHECK(TRAPS("strlen", end));
    CHECK(TRAPS("strlen", 0x80000000u));
    CHECK(TRAPS("strcmp", end, FMT));
    CHECK(TRAPS("strncmp", FMT, end, 3));
    CHECK(TRAPS("strchr", end, 'A'));
    CHECK(TRAPS("strrchr", end, 'A'));
    CHECK(TRAPS("strstr", FMT, end));
    CHECK(TRAPS("strcpy", OUT, end));
    CHECK(TRAPS("strcpy", size - 2, FMT)); /* destination too small before the end */
    CHECK(TRAPS("strdup", end));
    CHECK(TRAPS("memcpy", end, OUT, 9));
    CHECK(TRAPS("memcpy", OUT, end, 9));
    CHECK(TRAPS("memcpy", OUT, 0xFFFFFFFFu, 2));
    CHECK(TRAPS("memmove", end, OUT, 0xFFFFFFFFu) || last_error_has("memcpy"));
    CHECK(TRAPS("memset", end, 0, 9));
    CHECK(TRAPS("memcmp", end, OUT, 9));
    CHECK(TRAPS("memchr", end, 0, 9));
    CHECK(CALL("strtol", &r, end, 0, 10) == WASMCU_TRAP_MEMORY_OOB);
    CHECK(CALL("atoi", &r, end) == WASMCU_TRAP_MEMORY_OOB);
    CHECK(TRAPS("free", 0xFFFFFFF8u));
    CHECK(TRAPS("realloc", 0xFFFFFFF8u, 16));
#undef TRAPS
    /* the instance still works after all those traps */
    put_str(FMT, "ok");
    CHECK(CALL("strlen", &r, FMT) == WASMCU_OK && r == 2);
}

static void test_strings(void)
{
    static const char *a[] = {"", "a", "abc", "abd", "ab", "hello world", "\xff"};
    uint32_t r = 0, pa = STRS, pb = STRS + 256;
    for (size_t i = 0; i < sizeof a / sizeof *a; i++) {
        put_str(pa, a[i]);
        CHECK(CALL("strlen", &r, pa) == WASMCU_OK && r == strlen(a[i]));
        for (size_t j = 0; j < sizeof a / sizeof *a; j++) {
            put_str(pb, a[j]);
            int want = strcmp(a[i], a[j]);
            CHECK(CALL("strcmp", &r, pa, pb) == WASMCU_OK && (int32_t)r == (want < 0 ? -1 : want > 0));
            want = strncmp(a[i], a[j], 2);
            CHECK(CALL("strncmp", &r, pa, pb, 2) == WASMCU_OK && (int32_t)r == (want < 0 ? -1 : want > 0));
            want = memcmp(a[i], a[j], 1);
            CHECK(CALL("memcmp", &r, pa, pb, 1) == WASMCU_OK && (int32_t)r == (want < 0 ? -1 : want > 0));
            const char *f = strstr(a[i], a[j]);
            CHECK(CALL("strstr", &r, pa, pb) == WASMCU_OK && r == (f ? pa + (uint32_t)(f - a[i]) : 0));
        }
    }
    put_str(pa, "hello world");
    CHECK(CALL("strchr", &r, pa, 'o') == WASMCU_OK && r == pa + 4);
    CHECK(CALL("strrchr", &r, pa, 'o') == WASMCU_OK && r == pa + 7);
    CHECK(CALL("strchr", &r, pa, 0) == WASMCU_OK && r == pa + 11);
    CHECK(CALL("strchr", &r, pa, 'z') == WASMCU_OK && r == 0);
    CHECK(CALL("memchr", &r, pa, 'w', 11) == WASMCU_OK && r == pa + 6);
    CHECK(CALL("memchr", &r, pa, 'w', 6) == WASMCU_OK && r == 0);
    CHECK(CALL("strcpy", &r, pb, pa) == WASMCU_OK && r == pb && !strcmp((char *)mem(pb, 12), "hello world"));
    memset(mem(pb, 16), 'Q', 16);
    CHECK(CALL("strncpy", &r, pb, pa, 3) == WASMCU_OK && !memcmp(mem(pb, 4), "helQ", 4));
    CHECK(CALL("strncpy", &r, pb, pa, 14) == WASMCU_OK && !memcmp(mem(pb, 15), "hello world\0\0\0Q", 15));
    CHECK(CALL("memset", &r, pb, 'x', 5) == WASMCU_OK && r == pb && !memcmp(mem(pb, 6), "xxxxx ", 6));
    CHECK(CALL("memcpy", &r, pb, pa, 5) == WASMCU_OK && r == pb && !memcmp(mem(pb, 6), "hello ", 6));
    CHECK(CALL("memmove", &r, pa + 1, pa, 5) == WASMCU_OK && !memcmp(mem(pa, 7), "hhellow", 7));
    static const struct { const char *s; int base; } nums[] = {
        {"42", 10}, {"  -17xyz", 10}, {"0x1F", 0}, {"0x1F", 16}, {"017", 0}, {"zz", 36}, {"+5", 10},
        {"abc", 10}, {"", 10}, {"99999999999", 10}, {"-99999999999", 10}, {"\t\n 12", 10}};
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        put_str(pa, nums[i].s);
        char *end;
        long want = strtol(nums[i].s, &end, nums[i].base);
        if (want > INT32_MAX) want = INT32_MAX;
        if (want < INT32_MIN) want = INT32_MIN;
        uint32_t gend = 0;
        CHECK(CALL("strtol", &r, pa, pb, (uint32_t)nums[i].base) == WASMCU_OK && (int32_t)r == want);
        memcpy(&gend, mem(pb, 4), 4);
        CHECK(gend == pa + (uint32_t)(end - nums[i].s));
        if (nums[i].base == 10 && want == atoi(nums[i].s))
            CHECK(CALL("atoi", &r, pa) == WASMCU_OK && (int32_t)r == want);
    }
    put_str(pa, "4294967295");
    CHECK(CALL("strtoul", &r, pa, 0, 10) == WASMCU_OK && r == 4294967295u);
    put_str(pa, "-1");
    CHECK(CALL("strtoul", &r, pa, 0, 10) == WASMCU_OK && r == 4294967295u);
}

static void test_heap(void)
{
    uint32_t p = 0, q = 0, r = 0;
    CHECK(CALL("malloc", &p, 10) == WASMCU_OK && p && p % 8 == 0 && p > 4096);
    CHECK(CALL("malloc", &q, 10) == WASMCU_OK && q && q % 8 == 0 && q >= p + 16);
    memset(mem(p, 10), 0xAA, 10);
    CHECK(CALL("free", NULL, p) == WASMCU_OK);
    CHECK(CALL("malloc", &r, 8) == WASMCU_OK && r == p); /* first fit reuses the freed block */
    CHECK(CALL("free", NULL, r) == WASMCU_OK);
    CHECK(CALL("calloc", &r, 2, 5) == WASMCU_OK && r == p);
    CHECK(!memcmp(mem(r, 10), "\0\0\0\0\0\0\0\0\0\0", 10));
    CHECK(CALL("free", NULL, 0) == WASMCU_OK);
    put_str(q, "keep me");
    CHECK(CALL("realloc", &r, q, 4) == WASMCU_OK && r == q); /* shrinking keeps the block */
    CHECK(CALL("realloc", &r, q, 3000) == WASMCU_OK && r && r != q && !strcmp((char *)mem(r, 8), "keep me"));
    CHECK(CALL("realloc", &q, 0, 16) == WASMCU_OK && q); /* realloc(NULL, n) is malloc */
    put_str(STRS, "duplicate");
    CHECK(CALL("strdup", &r, STRS) == WASMCU_OK && r && !strcmp((char *)mem(r, 10), "duplicate"));
    /* a block bigger than memory grows it */
    uint32_t before = wasmcu_memory_size(inst);
    CHECK(CALL("malloc", &r, 200000) == WASMCU_OK && r && wasmcu_memory_size(inst) > before);
    CHECK(r && mem(r, 200000) != NULL);
    CHECK(CALL("calloc", &r, 0x10000, 0x10000) == WASMCU_OK && r == 0); /* n * size overflows */
    CHECK(CALL("malloc", &r, 0xFFFFFFF0u) == WASMCU_OK && r == 0);
}

/* The heap's metadata is guest memory: scribbling over it may make malloc fail or hand out
 * odd blocks, but every block stays inside linear memory and the host is never hurt. */
static void test_corrupt_heap(void)
{
    uint32_t r = 0, h = 4096, size = wasmcu_memory_size(inst);
    uint32_t saved[2];
    memcpy(saved, mem(h, 8), 8);
    uint32_t junk[2] = {0xFFFFFFF0u, 0};
    memcpy(mem(h, 8), junk, 8); /* free list head outside memory */
    CHECK(CALL("malloc", &r, 8) == WASMCU_OK && r == 0);
    junk[0] = size - 4; /* a free block header straddling the end */
    memcpy(mem(h, 8), junk, 8);
    CHECK(CALL("malloc", &r, 8) == WASMCU_OK && r == 0);
    /* a free list that loops on itself: the walk is bounded, then the break is used */
    uint32_t blk = h + 64, loop[2] = {4, h + 64};
    memcpy(mem(blk, 8), loop, 8);
    junk[0] = blk;
    junk[1] = saved[1];
    memcpy(mem(h, 8), junk, 8);
    CHECK(CALL("malloc", &r, 64) == WASMCU_OK && (r == 0 || mem(r, 64) != NULL));
    junk[1] = size - 4; /* the break at the very end: the next block needs more memory */
    junk[0] = 0;
    memcpy(mem(h, 8), junk, 8);
    CHECK(CALL("malloc", &r, 64) == WASMCU_OK && (r == 0 || mem(r, 64) != NULL));
    junk[1] = 0xFFFFFFF0u; /* a break past 4 GiB */
    memcpy(mem(h, 8), junk, 8);
    CHECK(CALL("malloc", &r, 64) == WASMCU_OK && (r == 0 || mem(r, 64) != NULL));
    memcpy(mem(h, 8), saved, 8);
    CHECK(CALL("malloc", &r, 8) == WASMCU_OK && r != 0);
}

static void test_exit_abort(void)
{
    uint32_t r = 0;
    CHECK(CALL("exit", NULL, 7) == WASMCU_TRAP_EXIT && wasmcu_exit_code(rt) == 7);
    CHECK(call_in(inst, "abort", NULL, 0, NULL) == WASMCU_TRAP_HOST && last_error_has("abort() called"));
    CHECK(CALL("strlen", &r, FMT) == WASMCU_OK);
}

/* Without an exported __heap_base there is no app heap: malloc returns NULL. */
static void test_no_heap_base(void)
{
    wasmcu_module *mod = NULL;
    wasmcu_instance *in = NULL;
    uint32_t r = 1;
    CHECK(wasmcu_load(rt, noheap_wasm, noheap_wasm_len, &mod) == WASMCU_OK);
    CHECK(mod && wasmcu_instantiate(rt, mod, NULL, &in) == WASMCU_OK);
    if (!in) { printf("  (%s)\n", wasmcu_last_error(rt)); return; }
    CHECK(call_in(in, "malloc", (const uint32_t[]){16}, 1, &r) == WASMCU_OK && r == 0);
    CHECK(wasmcu_instance_heap_base(in) == 0);
    wasmcu_deinstantiate(in);
    wasmcu_unload(mod);
}

/* __heap_base is found once, at instantiation, but read at each malloc: a mutable one that
 * the module moves moves the heap. */
static void test_moved_heap_base(void)
{
    wasmcu_module *mod = NULL;
    wasmcu_instance *in = NULL;
    uint32_t r = 0;
    CHECK(wasmcu_instance_heap_base(inst) == 4096);
    CHECK(wasmcu_load(rt, moveheap_wasm, moveheap_wasm_len, &mod) == WASMCU_OK);
    CHECK(mod && wasmcu_instantiate(rt, mod, NULL, &in) == WASMCU_OK);
    if (!in) { printf("  (%s)\n", wasmcu_last_error(rt)); return; }
    CHECK(wasmcu_instance_heap_base(in) == 1024);
    CHECK(call_in(in, "set_base", (const uint32_t[]){8192}, 1, NULL) == WASMCU_OK);
    CHECK(wasmcu_instance_heap_base(in) == 8192);
    CHECK(call_in(in, "malloc", (const uint32_t[]){16}, 1, &r) == WASMCU_OK && r > 8192 && r < 8192 + 64);
    wasmcu_deinstantiate(in);
    wasmcu_unload(mod);
}

/* memory.grow inside malloc moves memory when the pool has no room after it (another
 * instance is there): the heap code must then read and write the moved memory. A block made
 * while growing must free and be reused; a heap header past the old end must be reached. */
static void test_heap_grow_moves(void)
{
    wasmcu_module *mh = NULL, *mn = NULL;
    CHECK(wasmcu_load(rt, moveheap_wasm, moveheap_wasm_len, &mh) == WASMCU_OK);
    CHECK(wasmcu_load(rt, noheap_wasm, noheap_wasm_len, &mn) == WASMCU_OK);
    for (int k = 0; k < 2 && mh && mn; k++) {
        wasmcu_instance *a = NULL, *b = NULL;
        uint32_t r = 0, s = 0;
        CHECK(wasmcu_instantiate(rt, mh, NULL, &a) == WASMCU_OK);
        CHECK(wasmcu_instantiate(rt, mn, NULL, &b) == WASMCU_OK); /* after a's memory */
        if (!a || !b) break;
        const uint8_t *at = wasmcu_memory_ptr(a, 0, 1);
        if (k == 0) {
            CHECK(call_in(a, "malloc", (const uint32_t[]){100000}, 1, &r) == WASMCU_OK && r > 1024);
            CHECK(call_in(a, "free", (const uint32_t[]){r}, 1, NULL) == WASMCU_OK);
            CHECK(call_in(a, "malloc", (const uint32_t[]){100000}, 1, &s) == WASMCU_OK && s == r);
        } else { /* the header at 65536, in the page heap_header adds */
            CHECK(call_in(a, "set_base", (const uint32_t[]){65532}, 1, NULL) == WASMCU_OK);
            CHECK(call_in(a, "malloc", (const uint32_t[]){16}, 1, &r) == WASMCU_OK && r == 65536 + 8 + 8);
        }
        CHECK(wasmcu_memory_ptr(a, 0, 1) != at); /* it moved: the case under test */
        wasmcu_deinstantiate(b);
        wasmcu_deinstantiate(a);
    }
    if (mh) wasmcu_unload(mh);
    if (mn) wasmcu_unload(mn);
}

int main(void)
{
    size_t pool_size = 4 << 20;
    void *pool = malloc(pool_size);
    wasmcu_module *mod = NULL;
    rt = wasmcu_init(pool, pool_size);
    CHECK(rt != NULL);
    if (!rt) return 1;
    wasmcu_set_console(rt, capture, NULL);
    CHECK(wasmcu_register_env(rt) == WASMCU_OK);
    if (wasmcu_load(rt, env_wasm, env_wasm_len, &mod) || wasmcu_instantiate(rt, mod, NULL, &inst)) {
        printf("FAIL: %s\n", wasmcu_last_error(rt));
        return 1;
    }
    test_console();
    test_format_integers();
    test_format_strings();
    test_format_floats();
    test_format_refusals_and_truncation();
    test_strings();
    test_bad_pointers();
    test_heap();
    test_corrupt_heap();
    test_exit_abort();
    test_no_heap_base();
    test_moved_heap_base();
    test_heap_grow_moves();
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
    free(pool);
    if (failures) printf("%d failure(s)\n", failures);
    else printf("test_env: all passed\n");
    return failures != 0;
}
