/* The opcode table of opcodes.def as data: internal opcodes, their immediate kinds, and
 * the lookup from the binary encoding. Shared by decode and validate. */
#ifndef WM_OPCODES_H
#define WM_OPCODES_H
#include <stdint.h>
#include "config.h" /* opcodes.def has rows only some configurations compile */

/* Words of opcode names that the stored names hold as one byte, k for wm_name_words[k - 1]
 * (errors spell them out): the type prefixes and the commonest stems. */
#define WM_I32_ "\001"
#define WM_I64_ "\002"
#define WM_F32_ "\003"
#define WM_F64_ "\004"
#define WM_TRUNC_SAT_ "\005"
#define WM_REINTERPRET_ "\006"
#define WM_CONVERT_ "\007"
#define WM_TRUNC_ "\010"
#define WM_MEMORY_ "\011"
#define WM_EXTEND "\012"
#define WM_TABLE_ "\013"
#define WM_STORE "\014"
#define WM_LOAD "\015"
#define WM__S "\016"
#define WM__U "\017"
#define WM_NAME_WORDS 15
extern const char *const wm_name_words[WM_NAME_WORDS];

enum wm_opcode {
#define OP(name, text, prefix, code, imm, sig, form) WM_OP_##name,
#define NOCODE(name, text, prefix, code, imm, sig, as) WM_OP_##name,
#include "opcodes.def"
#undef NOCODE
#undef OP
    WM_OP_COUNT
};
/* The compiled opcodes (the OP rows), which come before the NOCODE ones: compiled code's
 * opcode bytes are below this. */
enum {
    WM_OP_COMPILED = 0
#define OP(name, text, prefix, code, imm, sig, form) +1
#include "opcodes.def"
#undef OP
};

/* What follows an opcode in the binary format; a memarg's kind also gives the access size. */
enum wm_imm {
    IMM_NONE, IMM_BLOCK, IMM_LABEL, IMM_BR_TABLE, IMM_FUNC, IMM_CALL_INDIRECT, IMM_LOCAL,
    IMM_GLOBAL, IMM_TABLE, IMM_MEM8, IMM_MEM16, IMM_MEM32, IMM_MEM64, IMM_MEM0, IMM_I32, IMM_I64, IMM_F32, IMM_F64,
    IMM_SELECT_T, IMM_REFTYPE, IMM_DATA, IMM_DATA_MEM, IMM_MEM_MEM, IMM_ELEM, IMM_ELEM_TABLE,
    IMM_TABLE_TABLE, IMM_INTERNAL
};

/* A one-byte opcode's slot is its byte, a 0xFC-prefixed one's 256 + its code (< 32). */
#define WM_OP_SLOTS (256 + 32)
/* For each slot, 0 where the encoding means nothing, else the opcode + 1, the NOCODE ones
 * moved down to follow the other encoded ones (those below WM_OP_JUMP): a byte while these
 * number fewer than 255. Read it with wm_op_at_slot. */
typedef uint8_t wm_op_slot;
#define WM_OP_NOCODE_SHIFT (WM_OP_COMPILED - WM_OP_JUMP)
_Static_assert(WM_OP_JUMP + (WM_OP_COUNT - WM_OP_COMPILED) < 256,
               "opcodes outgrew wm_op_slot: make it uint16_t");
_Static_assert(WM_OP_COMPILED <= 256, "compiled code's opcodes are one byte (compile.h)");
extern const wm_op_slot wm_op_by_slot[WM_OP_SLOTS];
/* The opcode in a slot, -1 where the encoding means nothing. */
static inline int wm_op_at_slot(uint32_t slot)
{
    int o = slot < WM_OP_SLOTS ? (int)wm_op_by_slot[slot] - 1 : -1;
    return o < WM_OP_JUMP ? o : o + WM_OP_NOCODE_SHIFT;
}
/* The immediate kind (enum wm_imm) of each internal opcode. */
extern const uint8_t wm_op_imm[WM_OP_COUNT];

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
/* The value-type bytes the signatures' letters stand for (wasmcu.h's), _ for none. */
#define WM_SIGT_i WASMCU_I32
#define WM_SIGT_I WASMCU_I64
#define WM_SIGT_f WASMCU_F32
#define WM_SIGT_F WASMCU_F64
#define WM_SIGT__ 0

/* A signature of the table: its params and result as value-type bytes (0 for none). */
typedef struct wm_sig {
    uint8_t np, nr;
    uint8_t p[3], r;
} wm_sig;
/* Indexed by wm_op_sig; entry 0 is the signature of instructions checked by hand. */
extern const wm_sig wm_sigs[];
/* Each opcode's signature (an index into wm_sigs), 0 where the validator checks it by hand. */
extern const uint8_t wm_op_sig[WM_OP_COUNT];
/* An opcode's text name, its words still bytes (WM_I32_, WM_LOAD...); "" for the ones that
 * exist only in compiled code, which no error names. */
const char *wm_op_name(int op);

#endif
