/* The numeric instructions the interpreter keeps off its hot path: i64 and float compares,
 * bit counts and rotations, i64 division, float rounding, min/max/copysign, and most
 * conversions. One function with a
 * switch costs a call at run time but a fraction of the code that a handler apiece would take
 * on a microcontroller; the operations programs run in loops stay in interp.c. */
#include "numeric.h"
#include "compile.h"
#include "config.h"

#define A(k) fp[pc[k]]
#define N(op) (WM_OP_##op - WM_OP_NOCODE_SHIFT)
#define I32(v) ((uint32_t)(v))
#define F32(v) wm_f32((uint32_t)(v))
#define F64(v) wm_f64(v)

/* The one operand of a unary instruction is a, read once, as each type */
#define X32 I32(a)
#define X64 a
#define XF F32(a)
#define XD F64(a)

wasmcu_err wm_numeric(uint32_t op, wasmcu_val *fp, const uint8_t *pc, uint32_t *len)
{
    wasmcu_val r;
    uint64_t a = A(1), b = 0;
    uint32_t k, np = wm_sigs[wm_op_sig[op]].np; /* [dst, a] or [dst, a, b] */
    if (np == 2) b = A(2);
    *len = 1 + np;
    /* the NOCODE ones moved down to follow the encoded rows (wm_op_at_slot's shift, N): a
     * switch over one dense range, 0.2 KB smaller on Cortex-M4 */
    switch (op >= WM_OP_COMPILED ? op - WM_OP_NOCODE_SHIFT : op) {
#if WM_CONFIG_SHARED_HANDLERS
    case WM_OP_I32_DIV_S:
        if (!I32(b)) return WASMCU_TRAP_DIV_ZERO;
        if (I32(b) == 0xFFFFFFFFu && I32(a) == 0x80000000u) return WASMCU_TRAP_INT_OVERFLOW;
        r = (uint32_t)((int32_t)I32(a) / (int32_t)I32(b));
        break;
    case WM_OP_I32_DIV_U:
        if (!I32(b)) return WASMCU_TRAP_DIV_ZERO;
        r = I32(a) / I32(b);
        break;
    case WM_OP_I32_REM_S:
        if (!I32(b)) return WASMCU_TRAP_DIV_ZERO;
        r = I32(b) == 0xFFFFFFFFu ? 0 : (uint32_t)((int32_t)I32(a) % (int32_t)I32(b));
        break;
    case WM_OP_I32_REM_U:
        if (!I32(b)) return WASMCU_TRAP_DIV_ZERO;
        r = I32(a) % I32(b);
        break;
    case WM_OP_I64_ADD: r = a + b; break;
    case WM_OP_I64_SUB: r = a - b; break;
    case WM_OP_I64_MUL: r = a * b; break;
    case WM_OP_I64_AND: r = a & b; break;
    case WM_OP_I64_OR: r = a | b; break;
    case WM_OP_I64_XOR: r = a ^ b; break;
    case WM_OP_I64_SHL: r = a << (b & 63); break;
    case WM_OP_I64_SHR_S: r = (uint64_t)((int64_t)a >> (b & 63)); break;
    case WM_OP_I64_SHR_U: r = a >> (b & 63); break;
    case WM_OP_F32_ADD: r = wm_f32_bits(F32(a) + F32(b)); break;
    case WM_OP_F32_SUB: r = wm_f32_bits(F32(a) - F32(b)); break;
    case WM_OP_F32_MUL: r = wm_f32_bits(F32(a) * F32(b)); break;
    case WM_OP_F32_DIV: r = wm_f32_bits(F32(a) / F32(b)); break;
    case WM_OP_F64_ADD: r = wm_f64_bits(F64(a) + F64(b)); break;
    case WM_OP_F64_SUB: r = wm_f64_bits(F64(a) - F64(b)); break;
    case WM_OP_F64_MUL: r = wm_f64_bits(F64(a) * F64(b)); break;
    case WM_OP_F64_DIV: r = wm_f64_bits(F64(a) / F64(b)); break;
    case WM_OP_I64_EXTEND_I32_U:
    case WM_OP_I32_WRAP_I64: r = X32; break;
    case WM_OP_I64_EXTEND_I32_S: r = (uint64_t)(int64_t)(int32_t)X32; break;
    case WM_OP_F32_CONVERT_I32_S: r = wm_f32_bits((float)(int32_t)X32); break;
    case WM_OP_F64_CONVERT_I32_S: r = wm_f64_bits((double)(int32_t)X32); break;
#endif
    case WM_OP_I64_EQZ: r = a == 0; break;
    case N(I64_EQ): r = a == b; break;
    case WM_OP_I64_NE: r = a != b; break;
    case WM_OP_I64_LT_S: r = (int64_t)a < (int64_t)b; break;
    case WM_OP_I64_LT_U: r = a < b; break;
    case WM_OP_I64_GT_S: r = (int64_t)a > (int64_t)b; break;
    case WM_OP_I64_GT_U: r = a > b; break;
    case N(I64_LE_S): r = (int64_t)a <= (int64_t)b; break;
    case N(I64_LE_U): r = a <= b; break;
    case N(I64_GE_S): r = (int64_t)a >= (int64_t)b; break;
    case WM_OP_I64_GE_U: r = a >= b; break;
    case N(F32_EQ): r = F32(a) == F32(b); break;
    case N(F32_NE): r = F32(a) != F32(b); break;
    case WM_OP_F32_LT: r = F32(a) < F32(b); break;
    case N(F32_GT): r = F32(a) > F32(b); break;
    case N(F32_LE): r = F32(a) <= F32(b); break;
    case WM_OP_F32_GE: r = F32(a) >= F32(b); break;
    case WM_OP_F64_EQ: r = F64(a) == F64(b); break;
    case WM_OP_F64_NE: r = F64(a) != F64(b); break;
    case WM_OP_F64_LT: r = F64(a) < F64(b); break;
    case WM_OP_F64_GT: r = F64(a) > F64(b); break;
    case N(F64_LE): r = F64(a) <= F64(b); break;
    case WM_OP_F64_GE: r = F64(a) >= F64(b); break;
    case N(I32_CLZ): r = wm_clz32(X32); break;
    case N(I32_CTZ): r = wm_ctz32(X32); break;
    case N(I32_POPCNT): r = wm_popcnt32(X32); break;
    case WM_OP_I32_ROTL: r = wm_rotl32(I32(a), I32(b)); break;
    case N(I32_ROTR): r = wm_rotr32(I32(a), I32(b)); break;
    case N(I64_CLZ): r = wm_clz64(a); break;
    case N(I64_CTZ): r = wm_ctz64(a); break;
    case N(I64_POPCNT): r = wm_popcnt64(a); break;
    case N(I64_ROTL): r = wm_rotl64(a, b); break;
    case N(I64_ROTR): r = wm_rotr64(a, b); break;
    case N(I64_DIV_S):
        if (b == 0) return WASMCU_TRAP_DIV_ZERO;
        if ((int64_t)b == -1 && a == 0x8000000000000000u) return WASMCU_TRAP_INT_OVERFLOW;
        r = (uint64_t)((int64_t)a / (int64_t)b);
        break;
    case N(I64_DIV_U):
        if (b == 0) return WASMCU_TRAP_DIV_ZERO;
        r = a / b;
        break;
    case N(I64_REM_S):
        if (b == 0) return WASMCU_TRAP_DIV_ZERO;
        r = (int64_t)b == -1 ? 0 : (uint64_t)((int64_t)a % (int64_t)b);
        break;
    case N(I64_REM_U):
        if (b == 0) return WASMCU_TRAP_DIV_ZERO;
        r = a % b;
        break;

    /* abs, neg and copysign are bit operations: they must not touch a NaN's payload */
    case N(F32_ABS): r = X32 & 0x7FFFFFFFu; break;
    case N(F32_NEG): r = X32 ^ 0x80000000u; break;
    case N(F32_CEIL): r = wm_f32_bits(wm_ceilf(XF)); break;
    case N(F32_FLOOR): r = wm_f32_bits(wm_floorf(XF)); break;
    case N(F32_TRUNC): r = wm_f32_bits(wm_truncf(XF)); break;
    case N(F32_NEAREST): r = wm_f32_bits(wm_nearestf(XF)); break;
    case N(F32_SQRT): r = wm_f32_bits(sqrtf(XF)); break;
    case N(F32_MIN): r = wm_f32_bits(wm_fminf(F32(a), F32(b))); break;
    case N(F32_MAX): r = wm_f32_bits(wm_fmaxf(F32(a), F32(b))); break;
    case N(F32_COPYSIGN): r = (I32(a) & 0x7FFFFFFFu) | (I32(b) & 0x80000000u); break;
    case N(F64_ABS): r = a & 0x7FFFFFFFFFFFFFFFu; break;
    case N(F64_NEG): r = a ^ 0x8000000000000000u; break;
    case N(F64_CEIL): r = wm_f64_bits(wm_ceil(XD)); break;
    case N(F64_FLOOR): r = wm_f64_bits(wm_floor(XD)); break;
    case N(F64_TRUNC): r = wm_f64_bits(wm_trunc(XD)); break;
    case N(F64_NEAREST): r = wm_f64_bits(wm_nearest(XD)); break;
    case N(F64_SQRT): r = wm_f64_bits(sqrt(XD)); break;
    case N(F64_MIN): r = wm_f64_bits(wm_fmin(F64(a), F64(b))); break;
    case N(F64_MAX): r = wm_f64_bits(wm_fmax(F64(a), F64(b))); break;
    case N(F64_COPYSIGN): r = (a & 0x7FFFFFFFFFFFFFFFu) | (b & 0x8000000000000000u); break;

    /* trapping truncations, k in the saturating ones' order: bit 0 unsigned, bit 1 from
     * f64, bit 2 to i64 */
    case N(I32_TRUNC_F32_S): k = 0; goto trunc;
    case N(I32_TRUNC_F32_U): k = 1; goto trunc;
    case N(I32_TRUNC_F64_S): k = 2; goto trunc;
    case N(I32_TRUNC_F64_U): k = 3; goto trunc;
    case N(I64_TRUNC_F32_S): k = 4; goto trunc;
    case N(I64_TRUNC_F32_U): k = 5; goto trunc;
    case N(I64_TRUNC_F64_S): k = 6; goto trunc;
    case N(I64_TRUNC_F64_U): k = 7; goto trunc;
    case N(F32_CONVERT_I32_U): r = wm_f32_bits((float)X32); break;
    case N(F32_CONVERT_I64_S): r = wm_f32_bits((float)(int64_t)X64); break;
    case N(F32_CONVERT_I64_U): r = wm_f32_bits((float)X64); break;
    case N(F32_DEMOTE_F64): r = wm_f32_bits((float)XD); break;
    case N(F64_CONVERT_I32_U): r = wm_f64_bits((double)X32); break;
    case N(F64_CONVERT_I64_S): r = wm_f64_bits((double)(int64_t)X64); break;
    case N(F64_CONVERT_I64_U): r = wm_f64_bits((double)X64); break;
    case N(F64_PROMOTE_F32): r = wm_f64_bits((double)XF); break;
    case N(I32_EXTEND8_S): r = (uint32_t)(int32_t)(int8_t)X32; break;
    case N(I32_EXTEND16_S): r = (uint32_t)(int32_t)(int16_t)X32; break;
    case N(I64_EXTEND8_S): r = (uint64_t)(int64_t)(int8_t)X64; break;
    case N(I64_EXTEND16_S): r = (uint64_t)(int64_t)(int16_t)X64; break;
    case N(I64_EXTEND32_S): r = (uint64_t)(int64_t)(int32_t)X64; break;
    case N(I32_TRUNC_SAT_F32_S): r = (uint32_t)wm_sat_i32_f64(XF); break;
    case N(I32_TRUNC_SAT_F32_U): r = wm_sat_u32_f64(XF); break;
    case N(I32_TRUNC_SAT_F64_S): r = (uint32_t)wm_sat_i32_f64(XD); break;
    case N(I32_TRUNC_SAT_F64_U): r = wm_sat_u32_f64(XD); break;
    case N(I64_TRUNC_SAT_F32_S): r = (uint64_t)wm_sat_i64_f64(XF); break;
    case N(I64_TRUNC_SAT_F32_U): r = wm_sat_u64_f64(XF); break;
    case N(I64_TRUNC_SAT_F64_S): r = (uint64_t)wm_sat_i64_f64(XD); break;
    case N(I64_TRUNC_SAT_F64_U): r = wm_sat_u64_f64(XD); break;
    default:
        return WASMCU_TRAP_UNREACHABLE; /* not one of these: a bad compiled opcode */
    }
    A(0) = r;
    return WASMCU_OK;
trunc: {
    /* the open range of each result (i32, u32, i64, u64) as doubles: an f32 converts to
     * double exactly, and no f32 lies between these bounds and the f32 ones */
    static const double lo[4] = {-2147483649.0, -1.0, -9223372036854777856.0, -1.0};
    static const double hi[4] = {2147483648.0, 4294967296.0, 9223372036854775808.0,
                                 18446744073709551616.0};
    uint32_t j = (k >> 2) << 1 | (k & 1);
    double x = k & 2 ? XD : (double)XF;
    if (x != x) return WASMCU_TRAP_INVALID_CONVERSION;
    if (!(x > lo[j] && x < hi[j])) return WASMCU_TRAP_INT_OVERFLOW;
    if (j == 0) r = (uint32_t)(int32_t)x;
    else if (j == 1) r = (uint32_t)x;
    else if (j == 2) r = (uint64_t)(int64_t)x;
    else r = (uint64_t)x;
    A(0) = r;
    return WASMCU_OK;
}
}
