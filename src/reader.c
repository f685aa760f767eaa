/* Bounded reads over module bytes with the binary format's malformed-module rules. */
#include <string.h>
#include "reader.h"

void wm_reader_init(wm_reader *r, const uint8_t *start, const uint8_t *p, const uint8_t *end)
{
    r->start = start;
    r->p = p;
    r->end = end;
    r->err = NULL;
    r->err_off = 0;
}

int wm_reader_fail(wm_reader *r, const char *msg)
{
    if (!r->err) {
        r->err = msg;
        r->err_off = (size_t)(r->p - r->start);
    }
    return 0;
}

int wm_read_u8(wm_reader *r, uint8_t *v)
{
    if (r->err) return 0;
    if (r->p >= r->end) return wm_reader_fail(r, "unexpected end");
    *v = *r->p++;
    return 1;
}

/* LEB128 of at most `bits` bits: too many bytes is "integer representation too long",
 * unused bits of the last byte that are not a proper extension are "integer too large". */
static int read_leb(wm_reader *r, unsigned bits, int is_signed, uint64_t *out)
{
    uint64_t result = 0;
    unsigned shift = 0;
    unsigned max_bytes = (bits + 6) / 7;
    if (r->err) return 0;
    for (unsigned i = 0;; i++) {
        if (r->p >= r->end) return wm_reader_fail(r, "unexpected end");
        uint8_t b = *r->p++;
        if (i == max_bytes - 1) {
            unsigned used = bits - shift; /* payload bits this last byte may carry */
            if (b & 0x80) return wm_reader_fail(r, "integer representation too long");
            uint8_t rest = (uint8_t)(b & 0x7F) >> (used < 7 ? used : 7);
            if (is_signed && used < 7) {
                int neg = (b >> (used - 1)) & 1;
                uint8_t want = neg ? (uint8_t)(0x7F >> used) : 0;
                if (rest != want) return wm_reader_fail(r, "integer too large");
            } else if (!is_signed && used < 7 && rest) {
                return wm_reader_fail(r, "integer too large");
            }
        }
        result |= (uint64_t)(b & 0x7F) << shift;
        shift += 7;
        if (!(b & 0x80)) {
            if (is_signed && shift < 64 && (b & 0x40)) result |= ~(uint64_t)0 << shift;
            break;
        }
    }
    *out = result;
    return 1;
}

int wm_read_u32(wm_reader *r, uint32_t *v)
{
    uint64_t x;
    if (!read_leb(r, 32, 0, &x)) return 0;
    *v = (uint32_t)x;
    return 1;
}

int wm_read_s32(wm_reader *r, int32_t *v)
{
    uint64_t x;
    if (!read_leb(r, 32, 1, &x)) return 0;
    *v = (int32_t)(uint32_t)x;
    return 1;
}

int wm_read_s33(wm_reader *r, int64_t *v)
{
    uint64_t x;
    if (!read_leb(r, 33, 1, &x)) return 0;
    *v = (int64_t)x;
    return 1;
}

int wm_read_s64(wm_reader *r, int64_t *v)
{
    uint64_t x;
    if (!read_leb(r, 64, 1, &x)) return 0;
    *v = (int64_t)x;
    return 1;
}

int wm_read_bytes(wm_reader *r, size_t n, const uint8_t **out)
{
    if (r->err) return 0;
    if (n > (size_t)(r->end - r->p)) return wm_reader_fail(r, "unexpected end");
    *out = r->p;
    r->p += n;
    return 1;
}

int wm_read_f32(wm_reader *r, uint32_t *bits)
{
    const uint8_t *b;
    if (!wm_read_bytes(r, 4, &b)) return 0;
    *bits = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 1;
}

int wm_read_f64(wm_reader *r, uint64_t *bits)
{
    uint32_t lo, hi;
    if (!wm_read_f32(r, &lo) || !wm_read_f32(r, &hi)) return 0;
    *bits = (uint64_t)hi << 32 | lo;
    return 1;
}

int wm_utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        uint32_t cp, min;
        size_t len;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (len > n - i) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

int wm_read_name(wm_reader *r, const uint8_t **s, uint32_t *len)
{
    if (!wm_read_u32(r, len)) return 0;
    if (*len > (size_t)(r->end - r->p)) return wm_reader_fail(r, "unexpected end: length out of bounds");
    if (!wm_read_bytes(r, *len, s)) return 0;
    if (!wm_utf8_valid(*s, *len)) return wm_reader_fail(r, "malformed UTF-8 encoding");
    return 1;
}
