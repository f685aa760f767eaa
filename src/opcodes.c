/* opcodes.def's lookups as constant tables: in flash on a device, built by the compiler
 * rather than by code at every load. */
#include "opcodes.h"

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
