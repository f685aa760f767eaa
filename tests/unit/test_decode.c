/* The decoder on hand-written modules: the fields it fills, the malformed-module texts,
 * every out-of-memory path without a leak, a name section that must never hurt, and the
 * message for a constant expression naming a global that is not there. */
#include <stdio.h>
#include <string.h>
#include "decode.h"

#include "check.h"

static unsigned char pool[256 * 1024];
static wm_runtime rt;

static void reset(void)
{
    memset(&rt, 0, sizeof rt);
    wm_alloc_init(&rt.alloc, pool, sizeof pool);
}

/* (import "env" "f" (func (param i32))) (func (result i32) (local i64 i64) i32.const 7)
 * (table 2 funcref) (memory 1 3) (global (mut i32) (i32.const 5)) (export "g" (func 1))
 * (elem (i32.const 0) func 1) (data (i32.const 8) "hi") and a name section naming func 1 */
static const uint8_t full[] = {
    0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x09, 0x02, 0x60, 0x01, 0x7F, 0x00, 0x60, 0x00, 0x01, 0x7F,          /* types */
    0x02, 0x09, 0x01, 0x03, 'e', 'n', 'v', 0x01, 'f', 0x00, 0x00,              /* import */
    0x03, 0x02, 0x01, 0x01,                                                    /* funcs */
    0x04, 0x04, 0x01, 0x70, 0x00, 0x02,                                        /* table */
    0x05, 0x04, 0x01, 0x01, 0x01, 0x03,                                        /* memory */
    0x06, 0x06, 0x01, 0x7F, 0x01, 0x41, 0x05, 0x0B,                            /* global */
    0x07, 0x05, 0x01, 0x01, 'g', 0x00, 0x01,                                   /* export */
    0x09, 0x07, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x01,                      /* elem */
    0x0A, 0x08, 0x01, 0x06, 0x01, 0x02, 0x7E, 0x41, 0x07, 0x0B,                /* code */
    0x0B, 0x08, 0x01, 0x00, 0x41, 0x08, 0x0B, 0x02, 'h', 'i',                  /* data */
    0x00, 0x0D, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x06, 0x01, 0x01, 0x03, 'a', 'd', 'd',
};

static void test_fields(void)
{
    wm_module m;
    reset();
    memset(&m, 0, sizeof m);
    CHECK(wm_decode(&rt, full, sizeof full, &m) == WASMCU_OK);
    CHECK(m.ntypes == 2 && m.types[1].nparams == 0 && m.types[1].nresults == 1 &&
          m.types[1].types[0] == 0x7F);
    CHECK(m.nimports == 1 && m.nfunc_imports == 1 && m.imports[0].field.len == 1);
    CHECK(m.nfuncs == 2 && m.func_types[0] == 0 && m.func_types[1] == 1);
    CHECK(m.funcs[0].nlocals == 2 && m.funcs[0].nlocal_groups == 1 && m.funcs[0].expr[0] == 0x41);
    CHECK(m.ntables == 1 && m.tables[0].elem == 0x70 && m.tables[0].limits.min == 2);
    CHECK(m.nmemories == 1 && m.memories[0].min == 1 && m.memories[0].has_max &&
          m.memories[0].max == 3);
    CHECK(m.nglobals == 1 && m.global_types[0].mut == 1 && m.globals[0].init.len == 3);
    CHECK(m.nexports == 1 && m.exports[0].index == 1);
    CHECK(m.nelems == 1 && m.elems[0].mode == WM_SEG_ACTIVE && m.elems[0].count == 1 &&
          m.elems[0].funcs && m.elems[0].funcs[0] == 1 && m.elems[0].offset.len == 3);
    CHECK(m.ndatas == 1 && m.datas[0].len == 2 && memcmp(m.datas[0].bytes, "hi", 2) == 0);
    CHECK(m.start == UINT32_MAX);
    uint32_t len = 0;
    const uint8_t *n = wm_module_func_name(&m, 1, &len);
    CHECK(n && len == 3 && memcmp(n, "add", 3) == 0);
    CHECK(wm_module_func_name(&m, 0, &len) == NULL); /* unnamed, not exported */
    wm_module_free_parts(&rt, &m);
    CHECK(rt.alloc.used == 0);
}

/* Every allocation decode makes fails once in turn: OOM comes back and nothing leaks. */
static void test_oom(void)
{
    int saw_oom = 0;
    for (uint32_t k = 1; k < 100; k++) {
        wm_module m;
        reset();
        memset(&m, 0, sizeof m);
        rt.alloc.fail_countdown = k;
        wasmcu_err e = wm_decode(&rt, full, sizeof full, &m);
        if (e == WASMCU_OK) {
            wm_module_free_parts(&rt, &m);
            CHECK(rt.alloc.used == 0);
            break;
        }
        CHECK(e == WASMCU_ERR_OOM && strstr(rt.error, "bytes") != NULL);
        CHECK(rt.alloc.used == 0);
        saw_oom = 1;
    }
    CHECK(saw_oom);
}

static void expect_malformed(const uint8_t *b, size_t n, const char *text)
{
    wm_module m;
    reset();
    memset(&m, 0, sizeof m);
    wasmcu_err e = wm_decode(&rt, b, n, &m);
    CHECK(e == WASMCU_ERR_MALFORMED);
    if (!strstr(rt.error, text)) printf("  want \"%s\", got \"%s\"\n", text, rt.error);
    CHECK(strstr(rt.error, "malformed module") && strstr(rt.error, text));
    CHECK(rt.alloc.used == 0);
}

#define HDR 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00

static void test_malformed(void)
{
    static const uint8_t short_magic[] = {0x00, 0x61, 0x73};
    static const uint8_t bad_magic[] = {0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00};
    static const uint8_t bad_version[] = {0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00};
    static const uint8_t bad_id[] = {HDR, 0x0D, 0x00};
    static const uint8_t order[] = {HDR, 0x03, 0x01, 0x00, 0x01, 0x01, 0x00};
    static const uint8_t twice[] = {HDR, 0x01, 0x01, 0x00, 0x01, 0x01, 0x00};
    static const uint8_t size_big[] = {HDR, 0x01, 0x05, 0x00};
    static const uint8_t mismatch[] = {HDR, 0x01, 0x02, 0x00, 0x00};
    static const uint8_t bad_form[] = {HDR, 0x01, 0x04, 0x01, 0x61, 0x00, 0x00};
    static const uint8_t bad_import[] = {HDR, 0x02, 0x06, 0x01, 0x01, 'a', 0x01, 'b', 0x04};
    static const uint8_t bad_utf8[] = {HDR, 0x00, 0x03, 0x02, 0xC0, 0x80};
    static const uint8_t bad_ref[] = {HDR, 0x04, 0x03, 0x01, 0x7F, 0x00};
    static const uint8_t bad_mut[] = {HDR, 0x06, 0x06, 0x01, 0x7F, 0x02, 0x41, 0x00, 0x0B};
    static const uint8_t no_code[] = {HDR, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00};
    static const uint8_t datacount[] = {HDR, 0x0C, 0x01, 0x01};
    static const uint8_t leb_long[] = {HDR, 0x01, 0x06, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
    static const uint8_t many_locals[] = {
        HDR, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
        0x0A, 0x10, 0x01, 0x0E, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F,
        0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7E, 0x0B};
    expect_malformed(short_magic, sizeof short_magic, "unexpected end");
    expect_malformed(bad_magic, sizeof bad_magic, "magic header not detected");
    expect_malformed(bad_version, sizeof bad_version, "unknown binary version");
    expect_malformed(bad_id, sizeof bad_id, "malformed section id");
    expect_malformed(order, sizeof order, "unexpected content after last section");
    expect_malformed(twice, sizeof twice, "unexpected content after last section");
    expect_malformed(size_big, sizeof size_big, "length out of bounds");
    expect_malformed(mismatch, sizeof mismatch, "section size mismatch");
    expect_malformed(bad_form, sizeof bad_form, "malformed function type");
    expect_malformed(bad_import, sizeof bad_import, "malformed import kind");
    expect_malformed(bad_utf8, sizeof bad_utf8, "malformed UTF-8 encoding");
    expect_malformed(bad_ref, sizeof bad_ref, "malformed reference type");
    expect_malformed(bad_mut, sizeof bad_mut, "malformed mutability");
    expect_malformed(no_code, sizeof no_code, "function and code section have inconsistent lengths");
    expect_malformed(datacount, sizeof datacount, "data count and data section have inconsistent lengths");
    expect_malformed(leb_long, sizeof leb_long, "integer representation too long");
    expect_malformed(many_locals, sizeof many_locals, "too many locals");
}

/* A name section that lies about its lengths loads fine and names nothing. */
static void test_bad_name_section(void)
{
    static const uint8_t b[] = {HDR, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                                0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,
                                0x00, 0x0A, 0x04, 'n', 'a', 'm', 'e', 0x01, 0x7F, 0x01, 0x00, 0x09};
    wm_module m;
    uint32_t len;
    reset();
    memset(&m, 0, sizeof m);
    CHECK(wm_decode(&rt, b, sizeof b, &m) == WASMCU_OK);
    CHECK(m.name_section.s != NULL && wm_module_func_name(&m, 0, &len) == NULL);
    wm_module_free_parts(&rt, &m);
    CHECK(rt.alloc.used == 0);
}

/* A constant expression naming a global that is not there: the message gives its index in
 * full (formatted without %u, which newlib-nano builds may lack for large values). */
static void test_unknown_global(void)
{
    static const uint8_t b[] = {HDR, 0x06, 0x0A, 0x01, 0x7F, 0x00, 0x23, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B};
    static uint64_t p[16 * 1024];
    wasmcu_runtime *r = wasmcu_init(p, sizeof p);
    wasmcu_module *m = NULL;
    size_t before = wasmcu_pool_used(r);
    CHECK(wasmcu_load(r, b, sizeof b, &m) == WASMCU_ERR_INVALID);
    if (!strstr(wasmcu_last_error(r), "unknown global 4294967295"))
        printf("  got \"%s\"\n", wasmcu_last_error(r));
    CHECK(strstr(wasmcu_last_error(r), "unknown global 4294967295") != NULL);
    CHECK(wasmcu_pool_used(r) == before);
}

/* Found by fuzzing the load pass's short path: a call to a () -> () function while the
 * type stack has never held a value (no array yet) must not touch a null pointer (UBSan). */
static void test_call_on_empty_stack(void)
{
    static const uint8_t b[] = {HDR, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x03, 0x02, 0x00, 0x00,
                                0x0A, 0x0A, 0x02, 0x05, 0x00, 0x10, 0x01, 0x45, 0x0B, 0x02, 0x00, 0x0B};
    static uint64_t p[16 * 1024];
    wasmcu_runtime *r = wasmcu_init(p, sizeof p);
    wasmcu_module *m = NULL;
    /* (func call 1 i32.eqz) is invalid: i32.eqz finds nothing to pop */
    CHECK(wasmcu_load(r, b, sizeof b, &m) == WASMCU_ERR_INVALID);
    CHECK(strstr(wasmcu_last_error(r), "i32.eqz") != NULL);
}

int main(void)
{
    test_fields();
    test_oom();
    test_malformed();
    test_bad_name_section();
    test_unknown_global();
    test_call_on_empty_stack();
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
