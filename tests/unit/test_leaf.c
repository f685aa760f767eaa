/* The leaf modules: the reader's LEB128 and UTF-8 rules, and the pool allocator. */
#include <stdio.h>
#include <string.h>
#include "alloc.h"
#include "reader.h"

#include "check.h"

static wm_reader over(const uint8_t *b, size_t n)
{
    wm_reader r;
    wm_reader_init(&r, b, b, b + n);
    return r;
}

static void test_leb(void)
{
    uint32_t u;
    int32_t s;
    int64_t l;
    static const uint8_t max_u32[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x0F};
    wm_reader r = over(max_u32, 5);
    CHECK(wm_read_u32(&r, &u) && u == 0xFFFFFFFFu);
    static const uint8_t too_big[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x1F};
    r = over(too_big, 5);
    CHECK(!wm_read_u32(&r, &u) && strcmp(r.err, "integer too large") == 0);
    static const uint8_t too_long[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
    r = over(too_long, 6);
    CHECK(!wm_read_u32(&r, &u) && strcmp(r.err, "integer representation too long") == 0);
    static const uint8_t padded[] = {0x80, 0x80, 0x80, 0x80, 0x00};
    r = over(padded, 5);
    CHECK(wm_read_u32(&r, &u) && u == 0);
    static const uint8_t cut[] = {0x80, 0x80};
    r = over(cut, 2);
    CHECK(!wm_read_u32(&r, &u) && strcmp(r.err, "unexpected end") == 0);
    static const uint8_t minus1[] = {0x7F};
    r = over(minus1, 1);
    CHECK(wm_read_s32(&r, &s) && s == -1);
    static const uint8_t min_s32[] = {0x80, 0x80, 0x80, 0x80, 0x78};
    r = over(min_s32, 5);
    CHECK(wm_read_s32(&r, &s) && s == INT32_MIN);
    static const uint8_t bad_sign[] = {0x80, 0x80, 0x80, 0x80, 0x70};
    r = over(bad_sign, 5);
    CHECK(!wm_read_s32(&r, &s) && strcmp(r.err, "integer too large") == 0);
    static const uint8_t min_s64[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F};
    r = over(min_s64, 10);
    CHECK(wm_read_s64(&r, &l) && l == INT64_MIN);
    static const uint8_t bad_s64[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x3F};
    r = over(bad_s64, 10);
    CHECK(!wm_read_s64(&r, &l));
}

static void test_utf8(void)
{
    CHECK(wm_utf8_valid((const uint8_t *)"plain", 5));
    CHECK(wm_utf8_valid((const uint8_t *)"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 9));
    CHECK(!wm_utf8_valid((const uint8_t *)"\xC0\x80", 2));         /* overlong NUL */
    CHECK(!wm_utf8_valid((const uint8_t *)"\xED\xA0\x80", 3));     /* surrogate */
    CHECK(!wm_utf8_valid((const uint8_t *)"\xF4\x90\x80\x80", 4)); /* past U+10FFFF */
    CHECK(!wm_utf8_valid((const uint8_t *)"\xE2\x82", 2));         /* cut short */
    CHECK(!wm_utf8_valid((const uint8_t *)"\x80", 1));             /* lone continuation */
}

static void test_alloc(void)
{
    static unsigned char pool[64 * 1024 + 3];
    wm_alloc a;
    CHECK(wm_alloc_init(&a, pool + 3, sizeof pool - 3)); /* any alignment */
    CHECK(!wm_alloc_init(&a, pool, 8)); /* too small to manage */
    CHECK(wm_alloc_init(&a, pool + 3, sizeof pool - 3));
    size_t free0 = wm_alloc_free_bytes(&a);
    void *p[64];
    for (int i = 0; i < 64; i++) {
        p[i] = wm_malloc(&a, (size_t)(i * 13 + 1));
        CHECK(p[i] != NULL && ((uintptr_t)p[i] & 15) == 0);
        memset(p[i], i, (size_t)(i * 13 + 1));
    }
    for (int i = 0; i < 64; i += 2) wm_free(&a, p[i]);
    for (int i = 1; i < 64; i += 2) CHECK(((unsigned char *)p[i])[0] == i);
    for (int i = 1; i < 64; i += 2) wm_free(&a, p[i]);
    CHECK(a.used == 0 && wm_alloc_free_bytes(&a) == free0);
    CHECK(wm_alloc_largest_free(&a) + 64 >= free0); /* everything coalesced back */
    CHECK(wm_malloc(&a, sizeof pool) == NULL);     /* too big: NULL, not a crash */
    unsigned char *q = wm_malloc(&a, 100);
    memset(q, 7, 100);
    q = wm_realloc(&a, q, 5000);
    CHECK(q && q[99] == 7);
    void *z = wm_calloc(&a, 100, 10);
    CHECK(z && ((unsigned char *)z)[999] == 0);
    CHECK(wm_calloc(&a, (size_t)-1, 16) == NULL); /* n * size overflows */
    size_t peak = a.peak;
    CHECK(peak >= a.used);
    a.fail_countdown = 2;
    void *ok = wm_malloc(&a, 10);
    CHECK(ok != NULL && wm_malloc(&a, 10) == NULL && wm_malloc(&a, 10) != NULL);
    wm_free(&a, ok);
}

/* A pool of zero bytes: wm_calloc clears only what was handed out or written before. Random
 * allocations, each filled by its owner with 0xA5, must leave the clean range all zero, and
 * every wm_calloc block and every part wm_grow_zeroed adds must read zero. A pool of garbage, not declared zero, gets every byte cleared. */
static void test_alloc_zeroed(void)
{
    static unsigned char pool[32 * 1024 + 5];
    enum { N = 24 };
    unsigned char *p[N] = {0};
    size_t len[N] = {0};
    uint32_t seed = 12345;
    int bad = 0, cleaned = 0;
    for (int round = 0; round < 2; round++) {
        wm_alloc a;
        if (round == 1) memset(pool, 0xEE, sizeof pool); /* garbage, declared so */
        CHECK(wm_alloc_init(&a, pool + 5, sizeof pool - 5));
        if (round == 0) wm_alloc_zeroed(&a);
        memset(p, 0, sizeof p);
        for (int step = 0; step < 3000; step++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = seed >> 8, i = r % N, kind = (r / N) % 5;
            size_t n = 1 + (r / (N * 5)) % 1500;
            if (p[i] && kind != 3) {
                wm_free(&a, p[i]);
                p[i] = NULL;
                continue;
            }
            if (kind == 3 && p[i]) { /* grow as memory.grow does */
                unsigned char *q = wm_grow_zeroed(&a, p[i], len[i], len[i] + n);
                if (!q) continue;
                for (size_t k = len[i]; k < len[i] + n; k++) bad += q[k] != 0;
                p[i] = q;
                len[i] += n;
            } else {
                int zeroing = kind >= 2;
                p[i] = kind == 1 ? wm_malloc_high(&a, n) : zeroing ? wm_calloc(&a, n, 1) : wm_malloc(&a, n);
                if (!p[i]) continue;
                if (zeroing)
                    for (size_t k = 0; k < n; k++) bad += p[i][k] != 0;
                len[i] = n;
            }
            memset(p[i], 0xA5, len[i]); /* the owner writes all of it */
            for (uintptr_t at = a.clean_lo; at < a.clean_hi; at++) bad += *(unsigned char *)at != 0;
            cleaned += a.clean_lo < a.clean_hi;
        }
        if (round == 1) CHECK(a.clean_lo >= a.clean_hi); /* nothing known clean */
    }
    CHECK(bad == 0);
    CHECK(WM_CONFIG_CLEAN_POOL ? cleaned > 100 : cleaned == 0); /* the zeroed round's range */

    /* a block grown in place over all that is left: nothing stays clean */
    static unsigned char small[4096];
    wm_alloc a;
    CHECK(wm_alloc_init(&a, small, sizeof small));
    wm_alloc_zeroed(&a);
    unsigned char *b = wm_calloc(&a, 100, 1);
    size_t all = wm_alloc_largest_free(&a) + 100;
    CHECK(b && wm_realloc(&a, b, all) == b && a.clean_lo >= a.clean_hi);
}

int main(void)
{
    test_leb();
    test_utf8();
    test_alloc();
    test_alloc_zeroed();
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
