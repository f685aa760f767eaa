/* The runtime's allocator: a first-fit free list over the caller's pool. Nothing else in
 * the core allocates. */
#ifndef WM_ALLOC_H
#define WM_ALLOC_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "config.h"

typedef struct wm_alloc {
    uint8_t *base;         /* aligned start of the managed area */
    size_t size;           /* bytes managed */
    struct wm_block *free; /* free blocks, sorted by address */
    size_t used, peak;     /* bytes handed out (with headers) now and at most */
    /* [clean_lo, clean_hi): bytes still zero, in a pool that was all zero at init and that
     * nothing has handed out or written there since (an empty range otherwise); wm_calloc
     * clears only the part of a block outside it. */
    uintptr_t clean_lo, clean_hi;
    /* Tests: fail the n-th allocation from now (0 = never), to walk out-of-memory paths. */
    uint32_t fail_countdown;
} wm_alloc;

/* Takes over [mem, mem+size); returns 0 if it is too small to manage. */
int wm_alloc_init(wm_alloc *a, void *mem, size_t size);
/* Right after wm_alloc_init: the area holds only zero bytes (WM_CONFIG_CLEAN_POOL). */
void wm_alloc_zeroed(wm_alloc *a);
/* Aligned to 8 (16 where max_align_t needs it); NULL when no block fits. */
void *wm_malloc(wm_alloc *a, size_t n);
/* wm_malloc from the pool's high end, for blocks that live as long as a module (compiled
 * code made at a first call): they stay clear of linear memory, which grows in place upward. */
void *wm_malloc_high(wm_alloc *a, size_t n);
/* Zero-filled wm_malloc; NULL on overflow of n*size. */
void *wm_calloc(wm_alloc *a, size_t n, size_t size);

/* Grows or shrinks in place when it can, else moves; NULL leaves p untouched. */
void *wm_realloc(wm_alloc *a, void *p, size_t n);
/* wm_realloc of a block whose first old bytes matter, with [old, n) zeroed after it. */
void *wm_grow_clean(wm_alloc *a, void *p, size_t old, size_t n);
static inline void *wm_grow_zeroed(wm_alloc *a, void *p, size_t old, size_t n)
{
    if (WM_CONFIG_CLEAN_POOL) return wm_grow_clean(a, p, old, n);
    uint8_t *q = wm_realloc(a, p, n);
    if (q && n > old) memset(q + old, 0, n - old);
    return q;
}
void wm_free(wm_alloc *a, void *p);
size_t wm_alloc_free_bytes(const wm_alloc *a);
size_t wm_alloc_largest_free(const wm_alloc *a);

#endif
