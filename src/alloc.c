/* First-fit free-list allocator over the embedder's pool. Blocks carry a size header; free
 * blocks form an address-sorted list so neighbours coalesce on free. */
#include <string.h>
#include "alloc.h"

#define ALIGN 16u

typedef struct wm_block {
    size_t size;           /* bytes of the whole block, header included */
    struct wm_block *next; /* next free block (free blocks only) */
} wm_block;

#define HDR (((sizeof(wm_block) + ALIGN - 1) / ALIGN) * ALIGN)

static size_t round_up(size_t n) { return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

int wm_alloc_init(wm_alloc *a, void *mem, size_t size)
{
    uintptr_t p = (uintptr_t)mem, q = (p + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
    memset(a, 0, sizeof *a);
    if (size < (q - p) + HDR + ALIGN) return 0;
    size -= q - p;
    size &= ~(size_t)(ALIGN - 1);
    a->base = (uint8_t *)q;
    a->size = size;
    a->free = (wm_block *)a->base;
    a->free->size = size;
    a->free->next = NULL;
    return 1;
}

void wm_alloc_zeroed(wm_alloc *a)
{
    if (!WM_CONFIG_CLEAN_POOL) return;
    a->clean_lo = (uintptr_t)a->base + HDR; /* all but the free block's header */
    a->clean_hi = (uintptr_t)a->base + a->size;
}

/* [s, e) is about to be written (a block handed out, a header): the clean range keeps its
 * larger part beside it. Writes fall at the range's ends, where blocks are cut from. */
static void dirty(wm_alloc *a, const void *s_, size_t n)
{
    uintptr_t s = (uintptr_t)s_, e = s + n, lo = a->clean_lo, hi = a->clean_hi;
    if (!WM_CONFIG_CLEAN_POOL || e <= lo || s >= hi) return;
    uintptr_t below = s > lo ? s - lo : 0, above = e < hi ? hi - e : 0;
    if (above >= below) a->clean_lo = e < hi ? e : hi;
    else a->clean_hi = s;
}

/* First fit, or with high set the highest block that fits (the list is address-sorted),
 * split so that the rest stays free on the other side. */
static void *take(wm_alloc *a, size_t n, int high)
{
    if (a->fail_countdown && --a->fail_countdown == 0) return NULL;
    if (n > a->size) return NULL;
    size_t need = HDR + round_up(n ? n : 1);
    wm_block **fit = NULL;
    for (wm_block **pp = &a->free; *pp; pp = &(*pp)->next) {
        if ((*pp)->size < need) continue;
        fit = pp;
        if (!high) break;
    }
    if (!fit) return NULL;
    wm_block *b = *fit;
    if (b->size - need < HDR + ALIGN) {
        *fit = b->next;
    } else if (high) { /* the head stays free */
        b->size -= need;
        b = (wm_block *)((uint8_t *)b + b->size);
        b->size = need;
    } else { /* the tail stays free */
        wm_block *rest = (wm_block *)((uint8_t *)b + need);
        dirty(a, rest, HDR);
        rest->size = b->size - need;
        rest->next = b->next;
        *fit = rest;
        b->size = need;
    }
    dirty(a, b, b->size); /* the caller's from now on */
    a->used += b->size;
    if (a->used > a->peak) a->peak = a->used;
    return (uint8_t *)b + HDR;
}

void *wm_malloc(wm_alloc *a, size_t n) { return take(a, n, 0); }

/* Zeroes [p, p+n) but for its part in [lo, hi), the clean range as it was before p's block
 * was handed out. */
static void clear(uint8_t *p, size_t n, uintptr_t lo, uintptr_t hi)
{
    uintptr_t s = (uintptr_t)p, e = s + n;
    if (!WM_CONFIG_CLEAN_POOL || e <= lo || s >= hi) {
        memset(p, 0, n);
        return;
    }
    if (s < lo) memset(p, 0, lo - s);
    if (e > hi) memset(p + (hi - s), 0, e - hi);
}

void *wm_malloc_high(wm_alloc *a, size_t n) { return take(a, n, 1); }

void *wm_calloc(wm_alloc *a, size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size) return NULL;
    uintptr_t lo = a->clean_lo, hi = a->clean_hi; /* zero until this block */
    uint8_t *p = wm_malloc(a, n * size);
    if (p) clear(p, n * size, lo, hi);
    return p;
}

void wm_free(wm_alloc *a, void *p)
{
    if (!p) return;
    wm_block *b = (wm_block *)((uint8_t *)p - HDR);
    a->used -= b->size;
    wm_block *prev = NULL, *cur = a->free;
    while (cur && cur < b) {
        prev = cur;
        cur = cur->next;
    }
    b->next = cur;
    if (cur && (uint8_t *)b + b->size == (uint8_t *)cur) {
        b->size += cur->size;
        b->next = cur->next;
    }
    if (prev) {
        prev->next = b;
        if ((uint8_t *)prev + prev->size == (uint8_t *)b) {
            prev->size += b->size;
            prev->next = b->next;
        }
    } else {
        a->free = b;
    }
}

void *wm_realloc(wm_alloc *a, void *p, size_t n)
{
    if (!p) return wm_malloc(a, n);
    wm_block *b = (wm_block *)((uint8_t *)p - HDR);
    size_t have = b->size - HDR;
    if (n <= have) return p;
    /* grow in place when the next block is free and big enough */
    size_t need = HDR + round_up(n);
    wm_block **pp = &a->free;
    while (*pp && *pp < b) pp = &(*pp)->next;
    wm_block *nx = *pp;
    if (nx && (uint8_t *)b + b->size == (uint8_t *)nx && b->size + nx->size >= need &&
        !(a->fail_countdown && a->fail_countdown == 1)) {
        size_t total = b->size + nx->size;
        if (total - need >= HDR + ALIGN) {
            wm_block *rest = (wm_block *)((uint8_t *)b + need);
            dirty(a, b, need + HDR);
            rest->size = total - need;
            rest->next = nx->next;
            *pp = rest;
            a->used += need - b->size;
            b->size = need;
        } else {
            dirty(a, b, total);
            *pp = nx->next;
            a->used += total - b->size;
            b->size = total;
        }
        if (a->used > a->peak) a->peak = a->used;
        return p;
    }
    void *q = wm_malloc(a, n);
    if (!q) return NULL;
    memcpy(q, p, have);
    wm_free(a, p);
    return q;
}

void *wm_grow_clean(wm_alloc *a, void *p, size_t old, size_t n)
{
    uintptr_t lo = a->clean_lo, hi = a->clean_hi; /* zero until this call */
    uintptr_t have = p ? ((wm_block *)((uint8_t *)p - HDR))->size - HDR : 0;
    uint8_t *q = wm_realloc(a, p, n);
    if (!q || n <= old) return q;
    if (q != p && lo < (uintptr_t)q + have) lo = (uintptr_t)q + have; /* a move copied have */
    clear(q + old, n - old, lo, hi);
    return q;
}

size_t wm_alloc_free_bytes(const wm_alloc *a) { return a->size - a->used; }

size_t wm_alloc_largest_free(const wm_alloc *a)
{
    size_t best = 0;
    for (const wm_block *b = a->free; b; b = b->next)
        if (b->size > best) best = b->size;
    return best > HDR ? best - HDR : 0;
}
