/* opcodes.def's lookups as constant tables: in flash on a device, built by the compiler
 * rather than by code at every load. Shared by the decoder, the validator and the
 * interpreter's trap reports. */
#include <string.h>
#include "opcodes.h"
#include "wasmcu.h"

const wm_op_slot wm_op_by_slot[WM_OP_SLOTS] = {
#define OP(name, text, prefix, code, imm, sig, form) OP_##prefix(name, code)
#define OP_0x00(name, code) [code] = WM_OP_##name + 1,
#define OP_0xFC(name, code) [256 + (code)] = WM_OP_##name + 1,
#define OP_0xFF(name, code) /* only in compiled code: no encoding */
#define NOCODE(name, text, prefix, code, imm, sig, as) NOCODE_##prefix(name, code)
#define NOCODE_0x00(name, code) [code] = WM_OP_##name + 1 - WM_OP_NOCODE_SHIFT,
#define NOCODE_0xFC(name, code) [256 + (code)] = WM_OP_##name + 1 - WM_OP_NOCODE_SHIFT,
#define NOCODE_0xFF(name, code) /* JOIN steps: never in compiled code */
#include "opcodes.def"
#undef NOCODE
#undef OP
};

const uint8_t wm_op_imm[WM_OP_COUNT] = {
#define OP(name, text, prefix, code, imm, sig, form) imm,
#define NOCODE(name, text, prefix, code, imm, sig, as) imm,
#include "opcodes.def"
#undef NOCODE
#undef OP
};

enum {
    S_NONE_ = 0, /* opcodes.def writes 0 */
#define X(id, np, p0, p1, p2, nr, r) id,
    WM_SIGNATURES(X)
#undef X
};

const wm_sig wm_sigs[] = {
    {0, 0, {0, 0, 0}, 0},
#define X(id, np, p0, p1, p2, nr, r) {np, nr, {WM_SIGT_##p0, WM_SIGT_##p1, WM_SIGT_##p2}, WM_SIGT_##r},
    WM_SIGNATURES(X)
#undef X
};

/* Every opcode's name, back to back (a name is looked up by counting, only for an error).
 * Instructions that exist only in compiled code never appear in an error: no names kept. */
typedef struct opnames {
#define OP(name, text, prefix, code, imm, sig, form) NAME_##prefix(name, text)
#define NAME_0x00(name, text) char name[sizeof(text)];
#define NAME_0xFC(name, text) char name[sizeof(text)];
#define NAME_0xFF(name, text)
#define NOCODE(name, text, prefix, code, imm, sig, as) NAME_##prefix(name, text)
#include "opcodes.def"
#undef NOCODE
#undef NAME_0x00
#undef NAME_0xFC
#undef NAME_0xFF
#undef OP
} opnames;

static const opnames op_names = {
#define OP(name, text, prefix, code, imm, sig, form) NAME_##prefix(text)
#define NAME_0x00(text) text,
#define NAME_0xFC(text) text,
#define NAME_0xFF(text)
#define NOCODE(name, text, prefix, code, imm, sig, as) NAME_##prefix(text)
#include "opcodes.def"
#undef NOCODE
#undef NAME_0x00
#undef NAME_0xFC
#undef NAME_0xFF
#undef OP
};

const uint8_t wm_op_sig[WM_OP_COUNT] = {
#define OP(name, text, prefix, code, imm, sig, form) sig,
#define NOCODE(name, text, prefix, code, imm, sig, as) sig,
#include "opcodes.def"
#undef NOCODE
#undef OP
};

const char *const wm_name_words[WM_NAME_WORDS] = {
    "i32.", "i64.", "f32.", "f64.", "trunc_sat_", "reinterpret_", "convert_", "trunc_", "memory.",
    "extend", "table.", "store", "load", "_s", "_u"};

/* wm_op_name's test: the JOIN steps (NOCODE rows with no encoding) are the last rows */
enum {
    STEP_ROWS = 0
#define OP(name, text, prefix, code, imm, sig, form)
#define NOCODE(name, text, prefix, code, imm, sig, as) STEP_##prefix
#define STEP_0x00
#define STEP_0xFC
#define STEP_0xFF +1
#include "opcodes.def"
#undef STEP_0xFF
#undef STEP_0xFC
#undef STEP_0x00
#undef NOCODE
#undef OP
};
#define FIRST_STEP (WM_OP_COUNT - STEP_ROWS)
_Static_assert(WM_OP_AND_BR_TABLE_FLAT == FIRST_STEP, "the JOIN steps are opcodes.def's last rows");

const char *wm_op_name(int op)
{
    const char *p = (const char *)&op_names;
    /* the names run as the encoded rows do: the compiled-only ones have none, nor the JOIN
     * steps, the last rows */
    if (op >= FIRST_STEP) return "";
    if (op >= WM_OP_COMPILED) op -= WM_OP_NOCODE_SHIFT;
    else if (op >= WM_OP_JUMP) return "";
    while (op-- > 0) p += strlen(p) + 1;
    return p;
}
