/* The last step of compiling a function: the 16-bit words validate emits become the byte
 * code the interpreter runs (compile.h). */
#ifndef WM_PACK_H
#define WM_PACK_H

#include <stdint.h>

/* A frame of more than 256 slots cannot name them all in a byte: its slots from `gap` up
 * move up by WM_PACK_SCRATCH, and the freed slots [gap, gap + 8) stage the operands past 255
 * (slot_in before the instruction, slot_out after it). gap = min(248, params + locals), so
 * the scratch slots count as locals; a function with more than 248 params is refused. */
#define WM_PACK_SCRATCH 8u
#define WM_PACK_GAP_MAX (256u - WM_PACK_SCRATCH)
#define WM_PACK_NARROW UINT32_MAX

/* A word that branches target (validate's labels), and its byte offset once packed. */
typedef struct wm_label {
    uint32_t word, byte;
} wm_label;

/* What wm_pack packs: n words of relocated code, with their labels in ascending order. */
typedef struct wm_packing {
    const uint16_t *in;
    uint32_t n, gap;
    wm_label *labels;
    uint32_t nlabels;
    /* sizing: the byte offset sought (trap locations), and then the last word of the
     * instruction that holds it (UINT32_MAX if none does) */
    uint32_t find, found;
} wm_packing;

/* Sizing (out NULL): fills the labels' byte offsets and returns the bytes the code needs.
 * Writing (out, after a sizing): writes them and returns the same count. 0 means the words
 * are not well-formed compiled code, which is an internal error. */
uint32_t wm_pack(wm_packing *job, uint8_t *out);

#endif
