/* The "env" natives a module linked with -nostdlib --allow-undefined imports: console
 * output, a printf that formats from the wasm32 varargs buffer, string and memory helpers,
 * and a heap inside linear memory. Every guest pointer is checked against memory 0: a bad
 * pointer traps the module and never touches host memory. Uses only the public API. */
#include <string.h>
#include "wasmcu.h"

#define OOB(ctx, fn) (wasmcu_native_set_trap_message((ctx), fn ": pointer outside linear memory"), WASMCU_TRAP_MEMORY_OOB)
#define ARG(i) ((uint32_t)args[i])

/* Length of the NUL-terminated guest string at p, or -1 if it runs off memory. */
static int64_t guest_strlen(wasmcu_instance *inst, uint32_t p)
{
    uint32_t size = wasmcu_memory_size(inst);
    const uint8_t *m = wasmcu_memory_ptr(inst, 0, size);
    if (!m || p >= size) return -1;
    const uint8_t *z = memchr(m + p, 0, size - p);
    return z ? z - (m + p) : -1;
}

/* Output sink: the console, a guest buffer of cap bytes (snprintf), or neither (only
 * counting, to know a field's width before padding it). */
typedef struct sink {
    wasmcu_runtime *rt;
    uint8_t *buf;      /* NULL: console */
    uint32_t cap, len; /* len counts every byte produced, written or not */
} sink;

static void out(sink *s, const char *p, uint32_t n)
{
    if (!s->buf) {
        if (s->rt) wasmcu_console_write(s->rt, p, n);
    } else {
        for (uint32_t i = 0; i < n; i++)
            if (s->len + i + 1 < s->cap) s->buf[s->len + i] = (uint8_t)p[i];
    }
    s->len += n;
}

static void pad(sink *s, char c, int n)
{
    while (n-- > 0) out(s, &c, 1);
}

/* %a: the bits as 0x1.<hex>p<exp>, exact; a precision rounds the mantissa, ties to even. */
static int fmt_hexfloat(char *o, double d, int prec, int alt, int upper)
{
    uint64_t bits;
    memcpy(&bits, &d, 8);
    int e = (int)((bits >> 52) & 0x7FF), k = 0;
    uint64_t mant = bits & 0xFFFFFFFFFFFFFull;
    int lead = e != 0;
    if (e == 0 && mant == 0) e = 1023; /* zero prints p+0 */
    else if (e == 0) e = 1;            /* subnormal: 0x0.<mant>p-1022 */
    e -= 1023;
    int nd = 13;
    if (prec >= 0 && prec < 13) {
        int drop = (13 - prec) * 4;
        uint64_t rest = mant & ((1ull << drop) - 1), half = 1ull << (drop - 1);
        mant >>= drop;
        uint64_t odd = prec ? mant & 1 : (uint64_t)lead & 1; /* ties to even, leading digit included */
        if (rest > half || (rest == half && odd)) mant++;
        if (mant >> (prec * 4)) { mant = 0; lead++; } /* carried into the leading digit */
        nd = prec;
    } else {
        while (nd > 0 && !(mant & 0xF)) { mant >>= 4; nd--; }
        if (prec > 13) nd = 13; /* extra zeros below are added after */
    }
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    o[k++] = '0';
    o[k++] = upper ? 'X' : 'x';
    o[k++] = (char)('0' + lead);
    if (nd || alt || prec > 0) o[k++] = '.';
    for (int i = nd; i-- > 0;) o[k++] = hex[(mant >> (i * 4)) & 0xF];
    for (int i = nd; i < prec; i++) o[k++] = '0';
    o[k++] = upper ? 'P' : 'p';
    o[k++] = e < 0 ? '-' : '+';
    int ae = e < 0 ? -e : e, start = k;
    do { o[k++] = (char)('0' + ae % 10); ae /= 10; } while (ae);
    for (int i = start, j = k - 1; i < j; i++, j--) { char t = o[i]; o[i] = o[j]; o[j] = t; }
    return k;
}

/* A double's exact decimal expansion: the integer in `limb` (base 1e9, least significant
 * first) has `digits` digits, the leading one worth 10^exp10. Exact digits make %e %f %g
 * round like a correct libc (ties to even) at any precision; the largest expansion (the
 * smallest subnormal) has 767 digits, 86 limbs: 352 bytes of stack, no tables in flash. */
typedef struct decimal {
    uint32_t limb[88];
    int n, digits, exp10;
} decimal;

static void dec_mul(decimal *x, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < x->n; i++) {
        uint64_t t = (uint64_t)x->limb[i] * m + carry;
        x->limb[i] = (uint32_t)(t % 1000000000u);
        carry = t / 1000000000u;
    }
    for (; carry; carry /= 1000000000u) x->limb[x->n++] = (uint32_t)(carry % 1000000000u);
}

/* d finite and >= 0: mantissa * 2^e, so mantissa * 5^-e digits with -e of them after the point. */
static void dec_init(decimal *x, double d)
{
    uint64_t bits, m;
    memcpy(&bits, &d, 8);
    int e = (int)(bits >> 52 & 0x7FF), frac = 0;
    m = bits & 0xFFFFFFFFFFFFFull;
    if (e) m |= 1ull << 52;
    else e = 1;
    e -= 1075;
    x->n = 1;
    x->limb[0] = 0;
    if (!m) { x->digits = 1; x->exp10 = 0; return; }
    x->n = 0;
    for (; m; m /= 1000000000u) x->limb[x->n++] = (uint32_t)(m % 1000000000u);
    for (int k; e > 0; e -= k) dec_mul(x, 1u << (k = e < 29 ? e : 29));
    for (; e < 0; e += 13) {
        uint32_t p5 = 1;
        int k = -e < 13 ? -e : 13;
        for (int i = 0; i < k; i++) p5 *= 5;
        dec_mul(x, p5);
        frac += k;
    }
    int t = 0;
    for (uint32_t top = x->limb[x->n - 1]; top; top /= 10) t++;
    x->digits = t + 9 * (x->n - 1);
    x->exp10 = x->digits - 1 - frac;
}

/* The k-th digit from the leading one; 0 outside the expansion. */
static int dec_digit(const decimal *x, int k)
{
    if (k < 0 || k >= x->digits) return 0;
    int r = x->digits - 1 - k;
    uint32_t l = x->limb[r / 9];
    for (int i = r % 9; i > 0; i--) l /= 10;
    return (int)(l % 10);
}

/* x rounded to its first n digits, ties to even. bump: -1 digits as they are, k >= 0 the
 * digit k went up by one (later ones read 0), -2 all nines carried into a leading 1
 * (exp10 grew), -3 the value rounded to zero. */
typedef struct rounded {
    const decimal *x;
    int n, bump, exp10;
} rounded;

static void dec_round(rounded *r, const decimal *x, int n)
{
    r->x = x, r->n = n, r->bump = -1, r->exp10 = x->exp10;
    if (n < 0) { r->bump = -3; return; }
    int d = dec_digit(x, n), up = d > 5;
    if (d == 5) {
        up = n > 0 && (dec_digit(x, n - 1) & 1);
        for (int k = n + 1; k < x->digits && !up; k++) up = dec_digit(x, k) != 0;
    }
    if (!up) {
        if (n == 0) r->bump = -3;
        return;
    }
    int k = n - 1;
    while (k >= 0 && dec_digit(x, k) == 9) k--;
    r->bump = k >= 0 ? k : -2;
    if (k < 0) r->exp10++;
}

static char rd(const rounded *r, int i)
{
    int v;
    if (r->bump == -3 || i < 0) v = 0;
    else if (r->bump == -2) v = i == 0;
    else if (i >= r->n) v = 0;
    else if (r->bump == -1 || i < r->bump) v = dec_digit(r->x, i);
    else v = i == r->bump ? dec_digit(r->x, i) + 1 : 0;
    return (char)('0' + v);
}

static void out_char(sink *s, char c) { out(s, &c, 1); }

/* %e (is_e) or %f of x with prec digits after the point. */
static void emit_ef(sink *s, const decimal *x, int is_e, int prec, int alt, int upper)
{
    rounded r;
    if (is_e) {
        dec_round(&r, x, prec + 1);
        out_char(s, rd(&r, 0));
        if (prec || alt) out_char(s, '.');
        for (int i = 1; i <= prec; i++) out_char(s, rd(&r, i));
        out_char(s, upper ? 'E' : 'e');
        out_char(s, r.exp10 < 0 ? '-' : '+');
        int ae = r.exp10 < 0 ? -r.exp10 : r.exp10;
        if (ae >= 100) out_char(s, (char)('0' + ae / 100));
        out_char(s, (char)('0' + ae / 10 % 10));
        out_char(s, (char)('0' + ae % 10));
        return;
    }
    dec_round(&r, x, x->exp10 + 1 + prec);
    int e = r.bump == -3 ? -1 : r.exp10;
    if (e < 0) out_char(s, '0');
    for (int i = 0; i <= e; i++) out_char(s, rd(&r, i));
    if (prec || alt) out_char(s, '.');
    for (int j = 1; j <= prec; j++) out_char(s, rd(&r, e + j));
}

/* %f %e %g %a of d >= 0 (c says which), the sign already written. */
static void emit_float(sink *s, double d, const decimal *x, char c, int prec, int alt)
{
    int upper = c >= 'A' && c <= 'Z';
    char lc = (char)(upper ? c + 32 : c), buf[40];
    if (d != d || d > 1.7976931348623157e308) {
        out(s, d != d ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        return;
    }
    if (lc == 'a') {
        out(s, buf, (uint32_t)fmt_hexfloat(buf, d, prec, alt, upper));
        return;
    }
    if (prec < 0) prec = 6;
    if (lc != 'g') {
        emit_ef(s, x, lc == 'e', prec, alt, upper);
        return;
    }
    /* %g: the exponent after rounding to p digits picks the style; without '#' the
     * trailing zeros go, which equals printing fewer digits of the same value */
    int p = prec ? prec : 1, sig = p;
    rounded r;
    dec_round(&r, x, p);
    while (!alt && sig > 1 && rd(&r, sig - 1) == '0') sig--;
    if (p > r.exp10 && r.exp10 >= -4) {
        int fp = (alt ? p : sig) - 1 - r.exp10;
        emit_ef(s, x, 0, fp < 0 ? 0 : fp, alt, upper);
    } else {
        emit_ef(s, x, 1, (alt ? p : sig) - 1, alt, upper);
    }
}

/* Formats `fmt` with arguments read from the varargs buffer at va. 0 or a trap. */
static wasmcu_err format(wasmcu_call_ctx *ctx, sink *s, uint32_t fmt, uint32_t va)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    int64_t flen = guest_strlen(inst, fmt);
    if (flen < 0) return OOB(ctx, "printf");
    const char *f = wasmcu_memory_ptr(inst, fmt, (uint32_t)flen + 1);
    for (const char *p = f; *p; p++) {
        if (*p != '%') { out(s, p, 1); continue; }
        int left = 0, plus = 0, space = 0, alt = 0, zero = 0, width = 0, prec = -1, size = 0, shorts = 0;
        for (p++;; p++) {
            if (*p == '-') left = 1;
            else if (*p == '+') plus = 1;
            else if (*p == ' ') space = 1;
            else if (*p == '#') alt = 1;
            else if (*p == '0') zero = 1;
            else break;
        }
        if (*p == '*') {
            const uint8_t *a = wasmcu_memory_ptr(inst, va, 4);
            if (!a) return OOB(ctx, "printf");
            int32_t w; memcpy(&w, a, 4); va += 4;
            if (w < 0) { left = 1; w = -w; }
            width = w; p++;
        } else while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
        if (*p == '.') {
            p++; prec = 0;
            if (*p == '*') {
                const uint8_t *a = wasmcu_memory_ptr(inst, va, 4);
                if (!a) return OOB(ctx, "printf");
                int32_t w; memcpy(&w, a, 4); va += 4; prec = w < 0 ? -1 : w; p++;
            } else while (*p >= '0' && *p <= '9') prec = prec * 10 + (*p++ - '0');
        }
        while (*p == 'h' || *p == 'l' || *p == 'z' || *p == 'j' || *p == 't' || *p == 'L') {
            if (*p == 'l' || *p == 'j') size++;
            if (*p == 'j') size = 2;
            if (*p == 'h') shorts++;
            p++;
        }
        char c = *p, num[72];
        if (!c) break;
        if (c == '%') { out(s, "%", 1); continue; }
        if (c == 'n') {
            wasmcu_native_set_trap_message(ctx, "printf: %n is not supported");
            return WASMCU_TRAP_HOST;
        }
        int is64 = size >= 2 || c == 'f' || c == 'F' || c == 'e' || c == 'E' || c == 'g' || c == 'G' || c == 'a' || c == 'A';
        uint32_t n = is64 ? 8 : 4;
        va = (va + n - 1) & ~(n - 1);
        const uint8_t *a = wasmcu_memory_ptr(inst, va, n);
        if (!a) return OOB(ctx, "printf");
        uint64_t v = 0;
        memcpy(&v, a, n);
        va += n;
        if (c == 's') {
            int64_t l = guest_strlen(inst, (uint32_t)v);
            if (l < 0) return OOB(ctx, "printf %s");
            if (prec >= 0 && l > prec) l = prec;
            if (!left) pad(s, ' ', width - (int)l);
            out(s, wasmcu_memory_ptr(inst, (uint32_t)v, (uint32_t)l), (uint32_t)l);
            if (left) pad(s, ' ', width - (int)l);
            continue;
        }
        if (c == 'c') {
            char ch = (char)v;
            if (!left) pad(s, ' ', width - 1);
            out(s, &ch, 1);
            if (left) pad(s, ' ', width - 1);
            continue;
        }
        const char *prefix = "";
        unsigned base = 10;
        int neg = 0, upper = c == 'X';
        if (shorts) /* h and hh: the int argument converted back to short or char */
            v = shorts == 1 ? (c == 'd' || c == 'i' ? (uint64_t)(int64_t)(int16_t)v : (uint16_t)v)
                            : (c == 'd' || c == 'i' ? (uint64_t)(int64_t)(int8_t)v : (uint8_t)v);
        if (c == 'd' || c == 'i') {
            int64_t sv = is64 ? (int64_t)v : (int64_t)(int32_t)(uint32_t)v;
            if (sv < 0) { neg = 1; v = (uint64_t)0 - (uint64_t)sv; } else v = (uint64_t)sv;
            prefix = neg ? "-" : plus ? "+" : space ? " " : "";
        } else if (c == 'u') {
        } else if (c == 'x' || c == 'X' || c == 'p') {
            base = 16;
            if ((alt && v) || c == 'p') prefix = upper ? "0X" : "0x";
        } else if (c == 'o') {
            base = 8;
        } else {
            double d;
            decimal x;
            memcpy(&d, &v, 8);
            neg = (int)(v >> 63);
            if (neg) d = -d;
            int numeric = d == d && d <= 1.7976931348623157e308;
            if (numeric && c != 'a' && c != 'A') dec_init(&x, d);
            sink count = {NULL, NULL, 0, 0};
            emit_float(&count, d, &x, c, prec, alt);
            const char *sign = neg ? "-" : plus ? "+" : space ? " " : "";
            int sl = (int)strlen(sign), total = sl + (int)count.len;
            if (!left && !(zero && numeric)) pad(s, ' ', width - total);
            out(s, sign, (uint32_t)sl);
            if (!left && zero && numeric) pad(s, '0', width - total);
            emit_float(s, d, &x, c, prec, alt);
            if (left) pad(s, ' ', width - total);
            continue;
        }
        if (!is64 && c != 'd' && c != 'i') v = (uint32_t)v;
        int k = 0;
        while (v) { unsigned dgt = (unsigned)(v % base); num[k++] = (char)(dgt < 10 ? '0' + dgt : (upper ? 'A' : 'a') + dgt - 10); v /= base; }
        int digits = k;
        if (prec >= 0 && digits < prec) digits = prec;
        if (digits == 0 && prec != 0) digits = 1;
        if (base == 8 && alt && digits <= k) digits = k + 1; /* '#': a leading 0 unless one is there */
        int plen = (int)strlen(prefix), total = plen + digits;
        if (!left && !(zero && prec < 0)) pad(s, ' ', width - total);
        out(s, prefix, (uint32_t)plen);
        if (!left && zero && prec < 0) pad(s, '0', width - total);
        pad(s, '0', digits - k);
        while (k) out(s, &num[--k], 1);
        if (left) pad(s, ' ', width - total);
    }
    return WASMCU_OK;
}

static wasmcu_err env_printf(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    sink s = {wasmcu_instance_runtime(wasmcu_native_instance(ctx)), NULL, 0, 0};
    wasmcu_err err = format(ctx, &s, ARG(0), ARG(1));
    results[0] = s.len;
    return err;
}

static wasmcu_err env_snprintf(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t cap = ARG(1);
    uint8_t *buf = wasmcu_memory_ptr(inst, ARG(0), cap);
    if (cap && !buf) return OOB(ctx, "snprintf");
    sink s = {NULL, buf, cap, 0};
    wasmcu_err err = format(ctx, &s, ARG(2), ARG(3));
    if (cap) buf[s.len < cap ? s.len : cap - 1] = 0;
    results[0] = s.len;
    return err;
}

static wasmcu_err env_sprintf(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t size = wasmcu_memory_size(inst);
    if (ARG(0) >= size) return OOB(ctx, "sprintf");
    sink s = {NULL, wasmcu_memory_ptr(inst, ARG(0), size - ARG(0)), size - ARG(0), 0};
    wasmcu_err err = format(ctx, &s, ARG(1), ARG(2));
    if (!err && s.len >= s.cap) return OOB(ctx, "sprintf");
    if (!err) s.buf[s.len] = 0;
    results[0] = s.len;
    return err;
}

static wasmcu_err env_puts(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    int64_t l = guest_strlen(inst, ARG(0));
    if (l < 0) return OOB(ctx, "puts");
    wasmcu_runtime *rt = wasmcu_instance_runtime(inst);
    wasmcu_console_write(rt, wasmcu_memory_ptr(inst, ARG(0), (uint32_t)l), (size_t)l);
    wasmcu_console_write(rt, "\n", 1);
    results[0] = 1;
    return WASMCU_OK;
}

static wasmcu_err env_putchar(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    char c = (char)args[0];
    wasmcu_console_write(wasmcu_instance_runtime(wasmcu_native_instance(ctx)), &c, 1);
    results[0] = (uint8_t)c;
    return WASMCU_OK;
}

static wasmcu_err env_memcpy(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint8_t *d = wasmcu_memory_ptr(inst, ARG(0), ARG(2)), *s = wasmcu_memory_ptr(inst, ARG(1), ARG(2));
    if (!d || !s) return OOB(ctx, "memcpy");
    memmove(d, s, ARG(2)); /* memmove: an overlapping guest memcpy must not hurt the host */
    results[0] = ARG(0);
    return WASMCU_OK;
}

static wasmcu_err env_memset(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    uint8_t *d = wasmcu_memory_ptr(wasmcu_native_instance(ctx), ARG(0), ARG(2));
    if (!d) return OOB(ctx, "memset");
    memset(d, (int)(uint8_t)args[1], ARG(2));
    results[0] = ARG(0);
    return WASMCU_OK;
}

static wasmcu_err env_memcmp(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint8_t *a = wasmcu_memory_ptr(inst, ARG(0), ARG(2)), *b = wasmcu_memory_ptr(inst, ARG(1), ARG(2));
    if (!a || !b) return OOB(ctx, "memcmp");
    int r = memcmp(a, b, ARG(2));
    results[0] = (uint32_t)(r < 0 ? -1 : r > 0);
    return WASMCU_OK;
}

static wasmcu_err env_strlen(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    int64_t l = guest_strlen(wasmcu_native_instance(ctx), ARG(0));
    if (l < 0) return OOB(ctx, "strlen");
    results[0] = (uint32_t)l;
    return WASMCU_OK;
}

static wasmcu_err env_strcmp(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    int64_t la = guest_strlen(inst, ARG(0)), lb = guest_strlen(inst, ARG(1));
    if (la < 0 || lb < 0) return OOB(ctx, "strcmp");
    int r = strcmp(wasmcu_memory_ptr(inst, ARG(0), 1), wasmcu_memory_ptr(inst, ARG(1), 1));
    results[0] = (uint32_t)(r < 0 ? -1 : r > 0);
    return WASMCU_OK;
}

/* Linear memory as one native's call sees it: its bytes and size, fetched once rather than
 * at each access of a word (memory.grow may move them: whatever grows memory fetches them
 * again). The heap's words and strtol's end pointer go through it. */
typedef struct {
    uint8_t *m;
    uint32_t size;
} mview;

static mview view_of(wasmcu_instance *inst)
{
    mview v = {NULL, wasmcu_memory_size(inst)};
    if (v.size) v.m = wasmcu_memory_ptr(inst, 0, v.size);
    if (!v.m) v.size = 0;
    return v;
}

/* whether the n bytes at `at` are in memory */
static int in_view(const mview *v, uint32_t at, uint32_t n) { return at <= v->size && v->size - at >= n; }

static int vrd32(const mview *v, uint32_t at, uint32_t *x)
{
    if (!in_view(v, at, 4)) return 0;
    memcpy(x, v->m + at, 4);
    return 1;
}

static int vwr32(const mview *v, uint32_t at, uint32_t x)
{
    if (!in_view(v, at, 4)) return 0;
    memcpy(v->m + at, &x, 4);
    return 1;
}

/* The guest string at p as a host pointer, or NULL (length in *len). */
static const char *gstr(wasmcu_instance *inst, uint32_t p, uint32_t *len)
{
    int64_t l = guest_strlen(inst, p);
    if (l < 0) return NULL;
    *len = (uint32_t)l;
    return wasmcu_memory_ptr(inst, p, *len + 1);
}

static wasmcu_err env_memchr(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    const uint8_t *m = wasmcu_memory_ptr(wasmcu_native_instance(ctx), ARG(0), ARG(2));
    if (!m) return OOB(ctx, "memchr");
    const uint8_t *f = memchr(m, (int)(uint8_t)args[1], ARG(2));
    results[0] = f ? ARG(0) + (uint32_t)(f - m) : 0;
    return WASMCU_OK;
}

static wasmcu_err env_strncmp(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t la, lb;
    const char *a = gstr(inst, ARG(0), &la), *b = gstr(inst, ARG(1), &lb);
    if (!a || !b) return OOB(ctx, "strncmp");
    int r = strncmp(a, b, ARG(2));
    results[0] = (uint32_t)(r < 0 ? -1 : r > 0);
    return WASMCU_OK;
}

/* strcpy and strncpy: n == UINT32_MAX means no limit (strcpy). */
static wasmcu_err copy_str(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results, uint32_t n)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t l;
    const char *src = gstr(inst, ARG(1), &l);
    if (!src) return OOB(ctx, "strcpy");
    uint32_t total = n == UINT32_MAX ? l + 1 : n;
    uint8_t *d = wasmcu_memory_ptr(inst, ARG(0), total);
    if (!d) return OOB(ctx, "strcpy");
    uint32_t c = l + 1 < total ? l + 1 : total;
    memmove(d, src, c);
    memset(d + c, 0, total - c);
    results[0] = ARG(0);
    return WASMCU_OK;
}

static wasmcu_err env_strcpy(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return copy_str(ctx, args, results, UINT32_MAX);
}

static wasmcu_err env_strncpy(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return copy_str(ctx, args, results, ARG(2) == UINT32_MAX ? UINT32_MAX - 1 : ARG(2));
}

static wasmcu_err env_strchr(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    uint32_t l;
    const char *s = gstr(wasmcu_native_instance(ctx), ARG(0), &l);
    if (!s) return OOB(ctx, "strchr");
    const char *f = memchr(s, (int)(uint8_t)args[1], l + 1);
    results[0] = f ? ARG(0) + (uint32_t)(f - s) : 0;
    return WASMCU_OK;
}

static wasmcu_err env_strrchr(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    uint32_t l;
    const char *s = gstr(wasmcu_native_instance(ctx), ARG(0), &l);
    if (!s) return OOB(ctx, "strrchr");
    results[0] = 0;
    for (uint32_t i = l + 1; i-- > 0;)
        if ((uint8_t)s[i] == (uint8_t)args[1]) { results[0] = ARG(0) + i; break; }
    return WASMCU_OK;
}

static wasmcu_err env_strstr(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t lh, ln;
    const char *h = gstr(inst, ARG(0), &lh), *n = gstr(inst, ARG(1), &ln);
    if (!h || !n) return OOB(ctx, "strstr");
    const char *f = strstr(h, n);
    results[0] = f ? ARG(0) + (uint32_t)(f - h) : 0;
    return WASMCU_OK;
}

/* strtol/strtoul/atoi over a guest string; end (guest address) may be 0. */
static wasmcu_err parse_long(wasmcu_call_ctx *ctx, uint32_t p, uint32_t endp, int base, int is_signed,
                             wasmcu_val *result)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t l;
    const char *s = gstr(inst, p, &l), *q = s;
    if (!s || base < 0 || base == 1 || base > 36) return OOB(ctx, "strtol");
    while (*q == ' ' || (*q >= '\t' && *q <= '\r')) q++;
    int neg = 0;
    if (*q == '+' || *q == '-') neg = *q++ == '-';
    if ((base == 0 || base == 16) && q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) { q += 2; base = 16; }
    else if (base == 0) base = q[0] == '0' ? 8 : 10;
    uint64_t v = 0;
    const char *digits = q;
    for (;; q++) {
        int d = *q >= '0' && *q <= '9' ? *q - '0' : *q >= 'a' && *q <= 'z' ? *q - 'a' + 10
              : *q >= 'A' && *q <= 'Z' ? *q - 'A' + 10 : 99;
        if (d >= base) break;
        if (v < (1ull << 40)) v = v * (uint64_t)base + (uint64_t)d;
    }
    if (q == digits) q = s;
    if (is_signed) {
        int64_t sv = neg ? -(int64_t)v : (int64_t)v;
        if (sv > INT32_MAX) sv = INT32_MAX;
        if (sv < INT32_MIN) sv = INT32_MIN;
        *result = (uint32_t)(int32_t)sv;
    } else {
        uint32_t u = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
        *result = neg ? (uint32_t)0 - u : u;
    }
    mview mv = view_of(inst);
    if (endp && !vwr32(&mv, endp, p + (uint32_t)(q - s))) return OOB(ctx, "strtol");
    return WASMCU_OK;
}

static wasmcu_err env_strtol(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return parse_long(ctx, ARG(0), ARG(1), (int)ARG(2), 1, &results[0]);
}

static wasmcu_err env_strtoul(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return parse_long(ctx, ARG(0), ARG(1), (int)ARG(2), 0, &results[0]);
}

static wasmcu_err env_atoi(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return parse_long(ctx, ARG(0), 0, 10, 1, &results[0]);
}

/* The app heap lives in linear memory from __heap_base: a header {free list head, break}
 * and blocks led by {payload size, next free}. Its metadata is guest memory, so a guest
 * can only corrupt its own heap; every read is bounds-checked and list walks are bounded,
 * so a corrupt heap makes malloc fail, never the host misbehave. */
#define HDR 8u

/* The heap header's address, or 0 when the module exports no __heap_base (*v: memory, again
 * if this grew it). */
static uint32_t heap_header(wasmcu_instance *inst, mview *v)
{
    uint32_t base = wasmcu_instance_heap_base(inst);
    if (!base || base > 0xFFFFFFF0u) return 0; /* no heap, or no room for its header */
    uint32_t h = (base + 7u) & ~7u;
    uint32_t brk;
    if (h + 8 > v->size) {
        if (wasmcu_memory_grow(inst, 1) < 0) return 0;
        *v = view_of(inst);
    }
    if (!vrd32(v, h + 4, &brk)) return 0;
    if (brk == 0 && !vwr32(v, h + 4, h + 8)) return 0; /* first use: empty heap */
    return h;
}

static uint32_t heap_alloc(wasmcu_call_ctx *ctx, uint32_t n)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    mview v = view_of(inst);
    uint32_t h = heap_header(inst, &v);
    if (!h || n > 0x7FFFFFF0u) return 0;
    uint32_t want = n < 8 ? 8 : (n + 7u) & ~7u;
    /* first fit over the free list */
    uint32_t prev = h, cur, steps = v.size / 16 + 1;
    if (!vrd32(&v, h, &cur)) return 0;
    while (cur && steps--) {
        uint32_t size, next;
        if (!vrd32(&v, cur, &size) || !vrd32(&v, cur + 4, &next)) return 0;
        if (size >= want && cur <= UINT32_MAX - HDR && in_view(&v, cur + HDR, want)) {
            if (!vwr32(&v, prev == h ? h : prev + 4, next)) return 0;
            return cur + HDR;
        }
        prev = cur;
        cur = next;
    }
    uint32_t brk, size = v.size;
    /* a break outside the heap is a corrupt header: fail rather than grow memory for it */
    if (!vrd32(&v, h + 4, &brk) || brk < h + 8 || brk > size) return 0;
    uint64_t end = (uint64_t)brk + HDR + want;
    uint32_t limit = wasmcu_instance_heap_size(inst);
    if (limit && end > (uint64_t)h + limit) return 0;
    if (end > size) {
        if (wasmcu_memory_grow(inst, (uint32_t)((end - size + 65535) / 65536)) < 0) return 0;
        v = view_of(inst);
    }
    if (!vwr32(&v, brk, want) || !vwr32(&v, brk + 4, 0) || !vwr32(&v, h + 4, (uint32_t)end)) return 0;
    return brk + HDR;
}

/* Payload size of the block at p, or 0 when p is not a plausible heap block. */
static uint32_t block_size(const mview *v, uint32_t p)
{
    uint32_t size;
    if (p < HDR || !vrd32(v, p - HDR, &size) || !in_view(v, p, size)) return 0;
    return size;
}

static wasmcu_err env_malloc(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    results[0] = heap_alloc(ctx, ARG(0));
    return WASMCU_OK;
}

static wasmcu_err env_calloc(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    uint64_t n = (uint64_t)ARG(0) * ARG(1);
    uint32_t p = n > UINT32_MAX ? 0 : heap_alloc(ctx, (uint32_t)n);
    uint8_t *d = p ? wasmcu_memory_ptr(wasmcu_native_instance(ctx), p, (uint32_t)n) : NULL;
    if (d) memset(d, 0, (size_t)n);
    results[0] = d ? p : 0;
    return WASMCU_OK;
}

static wasmcu_err env_free(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)results;
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t p = ARG(0), h, head;
    if (!p) return WASMCU_OK;
    mview v = view_of(inst);
    if (!block_size(&v, p) || !(h = heap_header(inst, &v)) || p < h + 8 + HDR || !vrd32(&v, h, &head))
        return OOB(ctx, "free");
    if (!vwr32(&v, p - HDR + 4, head) || !vwr32(&v, h, p - HDR)) return OOB(ctx, "free");
    return WASMCU_OK;
}

static wasmcu_err env_realloc(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t old = ARG(0), oldn = 0;
    mview v = view_of(inst);
    if (old && !(oldn = block_size(&v, old))) return OOB(ctx, "realloc");
    if (old && ARG(1) <= oldn) {
        results[0] = old;
        return WASMCU_OK;
    }
    uint32_t p = heap_alloc(ctx, ARG(1));
    if (p && old) {
        uint8_t *d = wasmcu_memory_ptr(inst, p, oldn), *s = wasmcu_memory_ptr(inst, old, oldn);
        if (!d || !s) return OOB(ctx, "realloc");
        memmove(d, s, oldn);
        wasmcu_val a[1] = {old};
        wasmcu_err err = env_free(ctx, a, NULL);
        if (err) return err;
    }
    results[0] = p;
    return WASMCU_OK;
}

static wasmcu_err env_strdup(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasmcu_instance *inst = wasmcu_native_instance(ctx);
    uint32_t l;
    if (!gstr(inst, ARG(0), &l)) return OOB(ctx, "strdup");
    uint32_t p = heap_alloc(ctx, l + 1);
    if (p) memmove(wasmcu_memory_ptr(inst, p, l + 1), wasmcu_memory_ptr(inst, ARG(0), l + 1), l + 1);
    results[0] = p;
    return WASMCU_OK;
}

static wasmcu_err env_abort(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)args, (void)results;
    wasmcu_native_set_trap_message(ctx, "abort() called");
    return WASMCU_TRAP_HOST;
}

static wasmcu_err env_exit(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)results;
    wasmcu_native_exit(ctx, (int32_t)ARG(0));
    return WASMCU_TRAP_EXIT;
}

wasmcu_err wasmcu_register_env(wasmcu_runtime *rt)
{
    static const struct {
        const char *name, *sig;
        wasmcu_native_fn fn;
    } natives[] = {
        {"puts", "(i)i", env_puts},         {"putchar", "(i)i", env_putchar},
        {"printf", "(ii)i", env_printf},    {"vprintf", "(ii)i", env_printf},
        {"sprintf", "(iii)i", env_sprintf}, {"vsprintf", "(iii)i", env_sprintf},
        {"snprintf", "(iiii)i", env_snprintf}, {"vsnprintf", "(iiii)i", env_snprintf},
        {"memcpy", "(iii)i", env_memcpy},   {"memmove", "(iii)i", env_memcpy},
        {"memset", "(iii)i", env_memset},   {"memcmp", "(iii)i", env_memcmp},
        {"strlen", "(i)i", env_strlen},     {"strcmp", "(ii)i", env_strcmp},
        {"memchr", "(iii)i", env_memchr},   {"strncmp", "(iii)i", env_strncmp},
        {"strcpy", "(ii)i", env_strcpy},    {"strncpy", "(iii)i", env_strncpy},
        {"strchr", "(ii)i", env_strchr},    {"strrchr", "(ii)i", env_strrchr},
        {"strstr", "(ii)i", env_strstr},    {"strdup", "(i)i", env_strdup},
        {"atoi", "(i)i", env_atoi},         {"strtol", "(iii)i", env_strtol},
        {"strtoul", "(iii)i", env_strtoul},
        {"malloc", "(i)i", env_malloc},     {"calloc", "(ii)i", env_calloc},
        {"realloc", "(ii)i", env_realloc},  {"free", "(i)", env_free},
        {"abort", "()", env_abort},         {"exit", "(i)", env_exit},
    };
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++) {
        wasmcu_err err = wasmcu_register_native(rt, "env", natives[i].name, natives[i].sig, natives[i].fn, NULL);
        if (err) return err;
    }
    return WASMCU_OK;
}
