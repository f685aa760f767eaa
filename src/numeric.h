/* Numeric rules of WebAssembly that C does not give for free: bit casts, float operations
 * that must keep NaN payloads and signed zeros, and trapping or saturating conversions.
 * Shared by the interpreter and (later) the C translator. */
#ifndef WM_NUMERIC_H
#define WM_NUMERIC_H
#include <math.h>
#include <stdint.h>
#include <string.h>

/* The numeric instructions the interpreter gives handlers of their own, or leaves to
 * wm_numeric with WM_CONFIG_SHARED_HANDLERS. */
#define WM_HOT_NUMERIC(X)                                                                      \
    X(I32_DIV_S) X(I32_DIV_U) X(I32_REM_S) X(I32_REM_U) X(I64_ADD) X(I64_SUB) X(I64_MUL)       \
    X(I64_AND) X(I64_OR) X(I64_XOR) X(I64_SHL) X(I64_SHR_S) X(I64_SHR_U) X(F32_ADD)            \
    X(F32_SUB) X(F32_MUL) X(F32_DIV) X(F64_ADD) X(F64_SUB) X(F64_MUL) X(F64_DIV)               \
    X(I64_EXTEND_I32_U) X(I32_WRAP_I64) X(I64_EXTEND_I32_S) X(F32_CONVERT_I32_S)               \
    X(F64_CONVERT_I32_S) X(I32_ROTL) X(I64_EQZ) X(I64_NE) X(I64_LT_S) X(I64_LT_U)             \
    X(I64_GT_S) X(I64_GT_U) X(I64_GE_U) X(F32_LT) X(F32_GE) X(F64_EQ) X(F64_NE) X(F64_LT)        \
    X(F64_GT) X(F64_GE)

static inline float wm_f32(uint32_t bits) { float f; memcpy(&f, &bits, 4); return f; }
static inline double wm_f64(uint64_t bits) { double d; memcpy(&d, &bits, 8); return d; }
static inline uint32_t wm_f32_bits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline uint64_t wm_f64_bits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

static inline uint32_t wm_clz32(uint32_t x)
{
    if (!x) return 32;
    uint32_t n = 0;
    if (!(x & 0xFFFF0000u)) { n += 16; x <<= 16; }
    if (!(x & 0xFF000000u)) { n += 8; x <<= 8; }
    if (!(x & 0xF0000000u)) { n += 4; x <<= 4; }
    if (!(x & 0xC0000000u)) { n += 2; x <<= 2; }
    if (!(x & 0x80000000u)) n += 1;
    return n;
}
static inline uint32_t wm_ctz32(uint32_t x)
{
    if (!x) return 32;
    return 31 - wm_clz32(x & (~x + 1));
}
static inline uint32_t wm_popcnt32(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    return (((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}
static inline uint64_t wm_clz64(uint64_t x)
{
    return (x >> 32) ? wm_clz32((uint32_t)(x >> 32)) : 32 + wm_clz32((uint32_t)x);
}
static inline uint64_t wm_ctz64(uint64_t x)
{
    return (uint32_t)x ? wm_ctz32((uint32_t)x) : 32 + wm_ctz32((uint32_t)(x >> 32));
}
static inline uint64_t wm_popcnt64(uint64_t x)
{
    return wm_popcnt32((uint32_t)x) + wm_popcnt32((uint32_t)(x >> 32));
}
static inline uint32_t wm_rotl32(uint32_t x, uint32_t n) { n &= 31; return n ? (x << n) | (x >> (32 - n)) : x; }
static inline uint32_t wm_rotr32(uint32_t x, uint32_t n) { n &= 31; return n ? (x >> n) | (x << (32 - n)) : x; }
static inline uint64_t wm_rotl64(uint64_t x, uint64_t n) { n &= 63; return n ? (x << n) | (x >> (64 - n)) : x; }
static inline uint64_t wm_rotr64(uint64_t x, uint64_t n) { n &= 63; return n ? (x >> n) | (x << (64 - n)) : x; }

/* min/max: NaN if either is NaN, and -0 < +0. */
static inline float wm_fminf(float a, float b)
{
    if (a != a || b != b) return a + b;
    if (a == b) return wm_f32(wm_f32_bits(a) | wm_f32_bits(b)); /* -0 wins */
    return a < b ? a : b;
}
static inline float wm_fmaxf(float a, float b)
{
    if (a != a || b != b) return a + b;
    if (a == b) return wm_f32(wm_f32_bits(a) & wm_f32_bits(b)); /* +0 wins */
    return a > b ? a : b;
}
static inline double wm_fmin(double a, double b)
{
    if (a != a || b != b) return a + b;
    if (a == b) return wm_f64(wm_f64_bits(a) | wm_f64_bits(b));
    return a < b ? a : b;
}
static inline double wm_fmax(double a, double b)
{
    if (a != a || b != b) return a + b;
    if (a == b) return wm_f64(wm_f64_bits(a) & wm_f64_bits(b));
    return a > b ? a : b;
}

/* Rounding: a NaN input must come out quiet (libm may return a signalling NaN as is), and
 * the sign of zero is kept. */
static inline float wm_nearestf(float a) { return a != a ? a + a : nearbyintf(a); }
static inline double wm_nearest(double a) { return a != a ? a + a : nearbyint(a); }
static inline float wm_ceilf(float a) { return a != a ? a + a : ceilf(a); }
static inline double wm_ceil(double a) { return a != a ? a + a : ceil(a); }
static inline float wm_floorf(float a) { return a != a ? a + a : floorf(a); }
static inline double wm_floor(double a) { return a != a ? a + a : floor(a); }
static inline float wm_truncf(float a) { return a != a ? a + a : truncf(a); }
static inline double wm_trunc(double a) { return a != a ? a + a : trunc(a); }

/* Saturating truncations: NaN gives 0, out-of-range values clamp. */
static inline int32_t wm_sat_i32_f64(double x)
{
    if (x != x) return 0;
    if (x <= -2147483649.0) return INT32_MIN;
    if (x >= 2147483648.0) return INT32_MAX;
    return (int32_t)x;
}
static inline uint32_t wm_sat_u32_f64(double x)
{
    if (x != x || x <= -1.0) return 0;
    if (x >= 4294967296.0) return UINT32_MAX;
    return (uint32_t)x;
}
static inline int64_t wm_sat_i64_f64(double x)
{
    if (x != x) return 0;
    if (x < -9223372036854775808.0) return INT64_MIN;
    if (x >= 9223372036854775808.0) return INT64_MAX;
    return (int64_t)x;
}
static inline uint64_t wm_sat_u64_f64(double x)
{
    if (x != x || x <= -1.0) return 0;
    if (x >= 18446744073709551616.0) return UINT64_MAX;
    return (uint64_t)x;
}

#endif
