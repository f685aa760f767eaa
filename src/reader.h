/* A bounded cursor over module bytes: every read checks the end, and errors carry the
 * offset from the start of the module. */
#ifndef WM_READER_H
#define WM_READER_H
#include <stddef.h>
#include <stdint.h>

typedef struct wm_reader {
    const uint8_t *start; /* first byte of the module, for offsets */
    const uint8_t *p;     /* next byte */
    const uint8_t *end;   /* one past the last readable byte */
    const char *err;      /* first error, a static string such as "unexpected end"; NULL if none */
    size_t err_off;       /* module offset of the first error */
} wm_reader;

void wm_reader_init(wm_reader *r, const uint8_t *start, const uint8_t *p, const uint8_t *end);
static inline size_t wm_reader_offset(const wm_reader *r) { return (size_t)(r->p - r->start); }
/* Each returns 0 on error (and sets r->err once; later reads keep failing) */
int wm_read_u8(wm_reader *r, uint8_t *v);
int wm_read_u32(wm_reader *r, uint32_t *v);   /* unsigned LEB128, at most 5 bytes */
int wm_read_s32(wm_reader *r, int32_t *v);    /* signed LEB128, at most 5 bytes */
int wm_read_s33(wm_reader *r, int64_t *v);    /* signed LEB128, 5 bytes, for block types */
int wm_read_s64(wm_reader *r, int64_t *v);    /* signed LEB128, at most 10 bytes */
int wm_read_f32(wm_reader *r, uint32_t *bits);
int wm_read_f64(wm_reader *r, uint64_t *bits);
int wm_read_bytes(wm_reader *r, size_t n, const uint8_t **out);
/* A name: u32 length then valid UTF-8 ("malformed UTF-8 encoding" otherwise). */
int wm_read_name(wm_reader *r, const uint8_t **s, uint32_t *len);
/* Records an error at the current offset if none is set yet; returns 0. */
int wm_reader_fail(wm_reader *r, const char *msg);
/* 1 if [s, s+n) is valid UTF-8 per the spec (no overlongs, surrogates, > U+10FFFF). */
int wm_utf8_valid(const uint8_t *s, size_t n);

#endif
