/* The last step of compiling a function whose frame has more than 256 slots, or whose code
 * passes WM_TB_MAX bytes: the 16-bit words validate emits for it become the byte code the
 * interpreter runs (compile.h). */
#ifndef WM_PACK_H
#define WM_PACK_H

#include <stdint.h>
#include "config.h"

/* A frame of more than 256 slots (WM_CONFIG_BYTE_SLOTS) cannot name them all in a byte: its
 * slots from `gap` up move up by WM_PACK_SCRATCH, and the freed slots [gap, gap + 8) stage
 * the operands past 255 (slot_in before the instruction, slot_out after it).
 * gap = min(248, params + locals), so the scratch slots count as locals; a function with
 * more than 248 params is refused. */
#define WM_PACK_SCRATCH 8u
#define WM_PACK_GAP_MAX (WM_CONFIG_BYTE_SLOTS - WM_PACK_SCRATCH)

/* Packs n words of relocated code. Sizing (out NULL): fills map[0..n] with the byte offset of
 * the instruction each word belongs to (map[n]: the end) and returns the bytes needed.
 * Writing (out, the map a sizing filled, the same far): writes them and returns the same
 * count. With far, every branch goes through a jump_far [op, target32] next to it, so that
 * code past WM_TB_MAX bytes can branch anywhere (the sign of its short hop is the branch's
 * own: before the instruction for a target behind, after it for one ahead). 0 means the
 * words are not well-formed compiled code, which is an internal error; WM_PACK_TOO_FAR
 * that a hop to a far jump passes WM_TB_MAX (a br_table of thousands of distinct branches). */
#define WM_PACK_TOO_FAR UINT32_MAX
#define WM_PACK_FAR_BYTES 5u /* a jump_far: its opcode and target32 */
uint32_t wm_pack(const uint16_t *in, uint32_t n, uint32_t gap, int far, uint32_t *map, uint8_t *out);

#endif
