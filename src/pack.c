/* Packing: validate emits each instruction as 16-bit words (easy to patch while compiling),
 * the interpreter runs bytes (compile.h). A slot operand takes one byte instead of two,
 * which is most of an instruction, so a function's code shrinks by about a third.
 *
 * Each instruction's fields after its opcode, as the words validate emits them:
 *   d  the result's slot     r  an operand's slot        (one byte each once packed)
 *   s  the first slot of a run of values: a call's arguments, a stack-form op's top
 *   n  a count or a memory offset, 16 bits as they are      b  a byte as it is
 *   I  32 bits as they are (two words)   T  a branch target: a word index, now a byte offset
 *   X  the rest of br_table: n32, head32, its distinct branches (T n s) and the indexes */
#include <string.h>
#include "config.h"
#include "opcodes.h"
#include "pack.h"

/* A fused branch's two halves (opcodes.def's FUSE_BRANCH rows): packing splits one whose
 * result must be staged, since a taken branch would skip the slot_out after it. */
static int fused_branch(uint32_t op, uint32_t *first, uint32_t *branch)
{
    switch (op) {
#define FUSE_BRANCH(fused, f, b)                                                               \
    case WM_OP_##fused:                                                                        \
        *first = WM_OP_##f;                                                                    \
        *branch = WM_OP_##b;                                                                   \
        return 1;
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef FUSE_BRANCH
    default: return 0;
    }
}

/* The compiled forms opcodes.def names, as strings of field letters */
#define WM_FORMS(X)                                                                             \
    X(F_NONE, NULL) X(F_0, "") X(F_T, "T") X(F_s, "s") X(F_dr, "dr") X(F_drr, "drr")            \
    X(F_drrr, "drrr") X(F_drn, "drn") X(F_rrn, "rrn") X(F_drrn, "drrn") X(F_rrrn, "rrrn")       \
    X(F_rT, "rT") X(F_rrT, "rrT") X(F_drrT, "drrT") X(F_drrrT, "drrrT") X(F_Tnss, "Tnss")       \
    X(F_rTnss, "rTnss") X(F_rsX, "rsX") X(F_Is, "Is") X(F_IIsr, "IIsr") X(F_dI, "dI")           \
    X(F_dII, "dII") X(F_rI, "rI") X(F_drIn, "drIn") X(F_sI, "sI") X(F_sII, "sII")  \
    X(F_db, "db")
enum {
#define X(id, text) id,
    WM_FORMS(X)
#undef X
};
static const char *const form_text[] = {
#define X(id, text) text,
    WM_FORMS(X)
#undef X
};
static const uint8_t op_form[WM_OP_COUNT] = {
#define OP(name, text, prefix, code, imm, sig, form) form,
#include "opcodes.def"
#undef OP
};

static const char *layout(uint32_t op) { return op < WM_OP_COUNT ? form_text[op_form[op]] : NULL; }

typedef struct packer packer;
static uint32_t put_insn(packer *p, const uint16_t *w, uint32_t avail);

struct packer {
    const uint16_t *in;
    uint32_t n, gap;
    const uint32_t *map; /* writing: word index -> byte offset */
    uint8_t *out;        /* NULL while sizing */
    uint32_t pos;
};

static void put8(packer *p, uint32_t b)
{
    if (p->out) p->out[p->pos] = (uint8_t)b;
    p->pos++;
}

/* 16- and 32-bit fields in the target's byte order, read back with memcpy */
static void put16(packer *p, uint32_t w)
{
    uint16_t h = (uint16_t)w;
    if (p->out) memcpy(p->out + p->pos, &h, 2);
    p->pos += 2;
}

static void put32(packer *p, uint32_t w)
{
    if (p->out) memcpy(p->out + p->pos, &w, 4);
    p->pos += 4;
}

static uint32_t slot(const packer *p, uint32_t s) { return s >= p->gap ? s + WM_PACK_SCRATCH : s; }

static uint32_t word32(const uint16_t *w) { return (uint32_t)w[0] | (uint32_t)w[1] << 16; }

static void put_target(packer *p, const uint16_t *w)
{
    uint32_t t = word32(w);
    put32(p, p->map ? p->map[t & 0x7FFFFFFFu] | (t & 0x80000000u) : 0);
}

/* br_table after its index and from: [n32, head32, d x (target, arity, to), indexes]; the
 * indexes become bytes (16 bits each when wide). Returns the words read, 0 if they overrun. */
static uint32_t put_table(packer *p, const uint16_t *w, uint32_t avail)
{
    if (avail < 4) return 0;
    uint32_t n = word32(w), head = word32(w + 2), d = head & 0x7FFFFFFFu, wide = head >> 31;
    uint64_t nidx = (uint64_t)n + 1, units = 4 + 4 * (uint64_t)d + (wide ? nidx : (nidx + 1) / 2);
    if (units > avail) return 0;
    put32(p, n);
    put32(p, head);
    const uint16_t *b = w + 4;
    for (uint32_t k = 0; k < d; k++, b += 4) {
        put_target(p, b);
        put16(p, b[2]);
        put16(p, slot(p, b[3]));
    }
    for (uint64_t i = 0; i < nidx; i++) {
        if (wide) put16(p, b[i]);
        else put8(p, (uint32_t)(b[i / 2] >> (i % 2 * 8)) & 0xFFu);
    }
    return (uint32_t)units;
}

static uint32_t width(char c) { return c == 'I' || c == 'T' ? 2 : c == 'X' ? 0 : 1; }

/* A far frame's instruction (pack.h): its slot operands past 255 go through scratch slots,
 * slot_in before it for each one read; bytes[] gets the slots the instruction names, outs[]
 * the slot_outs to follow. Returns the words it spans (the fused branch it splits itself),
 * 0 if malformed. */
static uint32_t stage(packer *p, const uint16_t *w, uint32_t avail, const char *f, uint8_t *bytes,
                      uint32_t *outs, uint32_t *nouts)
{
    uint32_t len = 1, fields = 0, first, branch;
    for (const char *c = f; *c; c++) len += width(*c);
    if (len > avail) return 0;
    /* a fused branch whose result is far: a taken branch would skip its slot_out, so it
     * goes as its two halves */
    if (WM_CONFIG_FUSED_OPS && fused_branch(w[0], &first, &branch) && slot(p, w[1]) > 255) {
        uint16_t a[4] = {(uint16_t)first, w[1], w[2], w[3]}, b[5] = {(uint16_t)branch, w[1]};
        memcpy(b + 2, w + 4, (len - 4) * sizeof *w);
        return put_insn(p, a, 4) && put_insn(p, b, len - 2) ? len : 0;
    }
    uint32_t need = 1;
    for (const char *c = f; *c; need += width(*c), c++) {
        if (*c != 'd' && *c != 'r') continue;
        uint32_t s = slot(p, w[need]);
        if (s > 255) {
            uint32_t scratch = p->gap + fields;
            if (*c == 'r') {
                put8(p, WM_OP_SLOT_IN);
                put8(p, scratch);
                put16(p, s);
            } else {
                outs[(*nouts)++] = s << 8 | scratch;
            }
            s = scratch;
        }
        bytes[fields++] = (uint8_t)s;
    }
    return UINT32_MAX;
}

/* Packs the instruction at w (avail words left); returns the words it spans, 0 if malformed. */
static uint32_t put_insn(packer *p, const uint16_t *w, uint32_t avail)
{
    uint32_t op = w[0], need = 1, fields = 0, nouts = 0, outs[8];
    uint8_t bytes[8];
    const char *f = layout(op);
    if (!f) return 0;
    int far = p->gap != WM_PACK_NARROW;
    if (far) {
        uint32_t k = stage(p, w, avail, f, bytes, outs, &nouts);
        if (k != UINT32_MAX) return k;
    }
    put8(p, op);
    for (const char *c = f; *c; c++) {
        if (need + width(*c) > avail) return 0;
        switch (*c) {
        case 'd': case 'r':
            if (far) put8(p, bytes[fields++]);
            else if (w[need] > 255) return 0;
            else put8(p, w[need]);
            need++;
            break;
        case 's': put16(p, slot(p, w[need++])); break;
        case 'n': put16(p, w[need++]); break;
        case 'b': put8(p, w[need++]); break;
        case 'I': put32(p, word32(w + need)); need += 2; break;
        case 'T': put_target(p, w + need); need += 2; break;
        default: { /* 'X' */
            uint32_t k = put_table(p, w + need, avail - need);
            if (!k) return 0;
            need += k;
        }
        }
    }
    for (uint32_t k = 0; k < nouts; k++) {
        put8(p, WM_OP_SLOT_OUT);
        put16(p, outs[k] >> 8);
        put8(p, outs[k] & 0xFFu);
    }
    return need;
}

uint32_t wm_pack(const uint16_t *in, uint32_t n, uint32_t gap, uint32_t *map, uint8_t *out)
{
    packer p = {in, n, gap, out ? map : NULL, out, 0};
    for (uint32_t u = 0; u < n;) {
        uint32_t at = p.pos, k = put_insn(&p, in + u, n - u);
        if (!k) return 0;
        if (!out)
            for (uint32_t i = 0; i < k; i++) map[u + i] = at;
        u += k;
    }
    if (!out) map[n] = p.pos;
    return p.pos;
}
