/* opcodes.def's lookups as constant tables: in flash on a device, built by the compiler
 * rather than by code at every load. Shared by the decoder, the validator and the
 * interpreter's trap reports. */
#include <string.h>
#include "opcodes.h"
#include "wasmcu.h"

const wm_op_slot wm_op_by_slot[WM_OP_SLOTS] = {
#define OP(name, text, prefix, code, imm, sig) OP_##prefix(name, code)
#define OP_0x00(name, code) [code] = WM_OP_##name + 1,
#define OP_0xFC(name, code) [256 + (code)] = WM_OP_##name + 1,
#define OP_0xFF(name, code) /* only in compiled code: no encoding */
#include "opcodes.def"
#undef OP
};

const uint8_t wm_op_imm[WM_OP_COUNT] = {
#define OP(name, text, prefix, code, imm, sig) imm,
#include "opcodes.def"
#undef OP
};

/* The signatures the opcode table names, each spelled out once (id, params, their types,
 * results, its type; i I f F for i32 i64 f32 f64). */
#define WM_SIGNATURES(X) \
    X(S_FF_F, 2, F, F, _, 1, F) \
    X(S_FF_i, 2, F, F, _, 1, i) \
    X(S_F_F, 1, F, _, _, 1, F) \
    X(S_F_I, 1, F, _, _, 1, I) \
    X(S_F_f, 1, F, _, _, 1, f) \
    X(S_F_i, 1, F, _, _, 1, i) \
    X(S_II_I, 2, I, I, _, 1, I) \
    X(S_II_i, 2, I, I, _, 1, i) \
    X(S_I_F, 1, I, _, _, 1, F) \
    X(S_I_I, 1, I, _, _, 1, I) \
    X(S_I_f, 1, I, _, _, 1, f) \
    X(S_I_i, 1, I, _, _, 1, i) \
    X(S__, 0, _, _, _, 0, _) \
    X(S__F, 0, _, _, _, 1, F) \
    X(S__I, 0, _, _, _, 1, I) \
    X(S__f, 0, _, _, _, 1, f) \
    X(S__i, 0, _, _, _, 1, i) \
    X(S_f_F, 1, f, _, _, 1, F) \
    X(S_f_I, 1, f, _, _, 1, I) \
    X(S_f_f, 1, f, _, _, 1, f) \
    X(S_f_i, 1, f, _, _, 1, i) \
    X(S_ff_f, 2, f, f, _, 1, f) \
    X(S_ff_i, 2, f, f, _, 1, i) \
    X(S_iF_, 2, i, F, _, 0, _) \
    X(S_iI_, 2, i, I, _, 0, _) \
    X(S_i_F, 1, i, _, _, 1, F) \
    X(S_i_I, 1, i, _, _, 1, I) \
    X(S_i_f, 1, i, _, _, 1, f) \
    X(S_i_i, 1, i, _, _, 1, i) \
    X(S_if_, 2, i, f, _, 0, _) \
    X(S_ii_, 2, i, i, _, 0, _) \
    X(S_ii_i, 2, i, i, _, 1, i) \
    X(S_iii_, 3, i, i, i, 0, _)

enum {
    S_NONE_ = 0, /* opcodes.def writes 0 */
#define X(id, np, p0, p1, p2, nr, r) id,
    WM_SIGNATURES(X)
#undef X
};

#define T_i WASMCU_I32
#define T_I WASMCU_I64
#define T_f WASMCU_F32
#define T_F WASMCU_F64
#define T__ 0
const wm_sig wm_sigs[] = {
    {0, 0, {0, 0, 0}, 0},
#define X(id, np, p0, p1, p2, nr, r) {np, nr, {T_##p0, T_##p1, T_##p2}, T_##r},
    WM_SIGNATURES(X)
#undef X
};
#undef T_i
#undef T_I
#undef T_f
#undef T_F
#undef T__

/* Every opcode's name, back to back (a name is looked up by counting, only for an error).
 * Instructions that exist only in compiled code never appear in an error: no names kept. */
typedef struct opnames {
#define OP(name, text, prefix, code, imm, sig) NAME_##prefix(name, text)
#define NAME_0x00(name, text) char name[sizeof(text)];
#define NAME_0xFC(name, text) char name[sizeof(text)];
#define NAME_0xFF(name, text)
#include "opcodes.def"
#undef NAME_0x00
#undef NAME_0xFC
#undef NAME_0xFF
#undef OP
} opnames;

static const opnames op_names = {
#define OP(name, text, prefix, code, imm, sig) NAME_##prefix(text)
#define NAME_0x00(text) text,
#define NAME_0xFC(text) text,
#define NAME_0xFF(text)
#include "opcodes.def"
#undef NAME_0x00
#undef NAME_0xFC
#undef NAME_0xFF
#undef OP
};

const uint8_t wm_op_sig[WM_OP_COUNT] = {
#define OP(name, text, prefix, code, imm, sig) sig,
#include "opcodes.def"
#undef OP
};

const char *wm_op_name(int op)
{
    const char *p = (const char *)&op_names;
    if (op >= WM_OP_JUMP) return ""; /* the internal ones are last and never named */
    while (op-- > 0) p += strlen(p) + 1;
    return p;
}
