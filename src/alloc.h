/* The runtime's allocator: a first-fit free list over the caller's pool. Nothing else in
 * the core allocates. */
#ifndef WM_ALLOC_H
#define WM_ALLOC_H
#include <stddef.h>
#include <stdint.h>

typedef struct wm_alloc {
    uint8_t *base;         /* aligned start of the managed area */
    size_t size;           /* bytes managed */
    struct wm_block *free; /* free blocks, sorted by address */
    size_t used, peak;     /* bytes handed out (with headers) now and at most */
    /* Tests: fail the n-th allocation from now (0 = never), to walk out-of-memory paths. */
    uint32_t fail_countdown;
} wm_alloc;

/* Takes over [mem, mem+size); returns 0 if it is too small to manage. */
int wm_alloc_init(wm_alloc *a, void *mem, size_t size);
/* Aligned to 8 (16 where max_align_t needs it); NULL when no block fits. */
void *wm_malloc(wm_alloc *a, size_t n);
/* wm_malloc from the pool's high end, for blocks that live as long as a module (compiled
 * code made at a first call): they stay clear of linear memory, which grows in place upward. */
void *wm_malloc_high(wm_alloc *a, size_t n);
/* Zero-filled wm_malloc; NULL on overflow of n*size. */
void *wm_calloc(wm_alloc *a, size_t n, size_t size);
/* Grows or shrinks in place when it can, else moves; NULL leaves p untouched. */
void *wm_realloc(wm_alloc *a, void *p, size_t n);
void wm_free(wm_alloc *a, void *p);
size_t wm_alloc_free_bytes(const wm_alloc *a);
size_t wm_alloc_largest_free(const wm_alloc *a);

#endif
