/* Packing a function whose frame has more than 256 slots (WM_CONFIG_BYTE_SLOTS), or whose
 * code passes WM_TB_MAX bytes: validate compiles it as 16-bit words, which can name any slot
 * and any target, and this turns them into the bytes the interpreter runs (compile.h),
 * staging the slots past 255 through scratch slots and, when the code is that long, sending
 * the branches through far jumps (pack.h). Other functions compile straight to bytes and
 * never come here.
 *
 * Each instruction's fields after its opcode, as the words validate emits them:
 *   d  the result's slot     r  an operand's slot        (one byte each once packed)
 *   s  the first slot of a run of values: a call's arguments, a stack-form op's top
 *   n  a count or a memory offset, 16 bits as they are      b  a byte as it is
 *   I  32 bits as they are (two words)   T  a branch target: a word index, now relative bytes
 *   X  the rest of br_table: n32, head32, its distinct branches (T n s), a word per index
 * (X is known by the opcode, br_table's form is its first two fields) */
#include <string.h>
#include "compile.h"
#include "config.h"
#include "opcodes.h"
#include "pack.h"

/* A fused branch's two halves (opcodes.def's FUSE_BRANCH rows; a BACK_FORM row's, its
 * fused form's): packing splits one whose result must be staged, since a taken branch
 * would skip the slot_out after it. The plain branch half checks a back-edge itself. */
static int fused_branch(uint32_t op, uint32_t *first, uint32_t *branch)
{
    switch (op) {
#define FUSE_BRANCH(fused, f, b)                                                               \
    case WM_OP_##fused:                                                                        \
        *first = WM_OP_##f;                                                                    \
        *branch = WM_OP_##b;                                                                   \
        return 1;
#define BACK_FORM(back, fused)                                                                 \
    case WM_OP_##back:                                                                         \
        return fused_branch(WM_OP_##fused, first, branch);
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef BACK_FORM
#undef FUSE_BRANCH
    default: return 0;
    }
}

/* The compiled forms opcodes.def names, each field a 3-bit kind, the first lowest */
enum { K_R = 1, K_D, K_S, K_N, K_B, K_I, K_T }; /* K_I and K_T take two words */
#define L1(a) K_##a
#define L2(a, b) (L1(a) | K_##b << 3)
#define L3(a, b, c) (L2(a, b) | K_##c << 6)
#define L4(a, b, c, d) (L3(a, b, c) | K_##d << 9)
#define L5(a, b, c, d, e) (L4(a, b, c, d) | K_##e << 12)
#define NEVER 0xFFFFu
#define WM_FORMS(X)                                                                             \
    X(F_NONE, NEVER) X(F_0, 0) X(F_T, L1(T)) X(F_s, L1(S)) X(F_dr, L2(D, R))                    \
    X(F_drr, L3(D, R, R)) X(F_drrr, L4(D, R, R, R)) X(F_drn, L3(D, R, N)) X(F_rrn, L3(R, R, N)) \
    X(F_drrn, L4(D, R, R, N)) X(F_rrrn, L4(R, R, R, N)) X(F_rT, L2(R, T))                       \
    X(F_rrT, L3(R, R, T)) X(F_drrT, L4(D, R, R, T)) X(F_drrrT, L5(D, R, R, R, T))               \
    X(F_Tnss, L4(T, N, S, S)) X(F_rTnss, L5(R, T, N, S, S)) X(F_rsX, L2(R, S))                  \
    X(F_Is, L2(I, S)) X(F_rIIs, L4(R, I, I, S)) X(F_dI, L2(D, I)) X(F_dII, L3(D, I, I))         \
    X(F_rI, L2(R, I)) X(F_drIn, L4(D, R, I, N)) X(F_sbII, L4(S, B, I, I))                      \
    X(F_db, L2(D, B)) X(F_drnn, L4(D, R, N, N)) \
    X(F_drnT, L4(D, R, N, T)) X(F_drrrr, L5(D, R, R, R, R)) \
    X(F_drrrn, L5(D, R, R, R, N)) X(F_drb, L3(D, R, B)) X(F_drrb, L4(D, R, R, B)) \
    X(F_rrrrT, L5(R, R, R, R, T))
enum {
#define X(id, bits) id,
    WM_FORMS(X)
#undef X
};
static const uint16_t forms[] = {
#define X(id, bits) bits,
    WM_FORMS(X)
#undef X
};
static const uint8_t op_form[WM_OP_COMPILED] = {
#define OP(name, text, prefix, code, imm, sig, form) form,
#include "opcodes.def"
#undef OP
};

typedef struct packer {
    uint32_t gap;
    const uint32_t *map; /* writing: word index -> byte offset */
    uint8_t *out;        /* NULL while sizing */
    uint32_t pos;
    int far, too_far;
    uint32_t tpos, bpos; /* with far: where the T field, a br_table's first branch went */
} packer;

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

/* A target's WM_TB bytes at `at`, an offset from there */
static void set_tb(packer *p, uint32_t at, uint32_t off)
{
    int32_t s = (int32_t)off;
    uint16_t h = (uint16_t)off;
    if (s < -0x8000 || s > 0x7FFF) p->too_far = 1;
    if (p->out) memcpy(p->out + at, &h, 2);
}

/* A word index becomes a byte offset relative to where it is written (compile.h); with far,
 * the hop to its far jump, which put_insn writes once it is placed. */
static void put_target(packer *p, uint32_t t)
{
    p->tpos = p->pos;
    set_tb(p, p->pos, p->map && !p->far ? p->map[t] - p->pos : 0);
    p->pos += WM_TB;
}

/* The far jumps [op, target32] to the targets of w (of nt at tw, a stride apart) that lie
 * behind u (back) or not; returns where the first went. */
static uint32_t put_far(packer *p, const uint16_t *tw, uint32_t nt, uint32_t stride, uint32_t u, int back)
{
    uint32_t first = p->pos;
    for (uint32_t j = 0; j < nt; j++) {
        uint32_t t = word32(tw + j * stride);
        if ((t <= u) != back) continue;
        put8(p, WM_OP_JUMP_FAR);
        put32(p, p->map ? p->map[t] - p->pos : 0);
    }
    return first;
}

/* br_table after its index and from: [n32, head32, d x (target, arity, to), n+1 indexes];
 * the indexes become bytes (16 bits each when wide). Returns the words read, 0 if they
 * overrun. */
static uint32_t put_table(packer *p, const uint16_t *w, uint32_t avail)
{
    if (avail < 4) return 0;
    uint32_t n = word32(w), head = word32(w + 2), d = head & 0x7FFFFFFFu, wide = head >> 31;
    if (d > avail || n >= avail) return 0; /* so the sum cannot wrap */
    uint32_t units = 4 + 4 * d + n + 1;
    if (units > avail) return 0;
    put32(p, n);
    put32(p, head);
    p->bpos = p->pos;
    const uint16_t *b = w + 4;
    for (uint32_t k = 0; k < d; k++, b += 4) {
        put_target(p, word32(b));
        put16(p, b[2]);
        put16(p, slot(p, b[3]));
    }
    for (uint32_t i = 0; i <= n; i++) {
        if (wide) put16(p, b[i]);
        else put8(p, b[i]);
    }
    return units;
}

/* Packs the instruction at w (avail words left); returns the words it spans, 0 if malformed.
 * Its slot operands past 255 go through scratch slots: a slot_in before it for each one
 * read, a slot_out after it for its result. */
static uint32_t put_insn(packer *p, const uint16_t *w, uint32_t avail, uint32_t u)
{
    uint32_t op = w[0], form, f, at = 1, i = 0, nouts = 0, outs[5], first, branch;
    uint32_t nt = 0, stride = 0, nb = 0, back0 = 0;
    const uint16_t *tw = NULL;
    uint8_t bytes[5];
    if (op >= WM_OP_COMPILED || (form = forms[op_form[op]]) == NEVER) return 0;
    for (f = form; f; f >>= 3) {
        if ((f & 7) == K_T) tw = w + at, nt = 1;
        at += (f & 7) >= K_I ? 2 : 1;
    }
    if (at > avail) return 0;
    /* a fused branch whose result is far goes as its two halves: a taken branch would skip
     * the slot_out */
    if (WM_CONFIG_FUSED_OPS && fused_branch(op, &first, &branch) &&
        slot(p, w[1]) >= WM_CONFIG_BYTE_SLOTS) {
        uint16_t a[4] = {(uint16_t)first, w[1], w[2], w[3]}, b[5] = {(uint16_t)branch, w[1]};
        memcpy(b + 2, w + 4, (at - 4) * sizeof *w);
        return put_insn(p, a, 4, u) && put_insn(p, b, at - 2, u) ? at : 0;
    }
    if (op == WM_OP_BR_TABLE) { /* [index, from], n32, head32, its branches (put_table) */
        if (avail < at + 4) return 0;
        nt = word32(w + at + 2) & 0x7FFFFFFFu, tw = w + at + 4, stride = 4;
        if (nt > (avail - at - 4) / 4) return 0;
    }
    /* with far, the far jumps behind first, which a jump steps over */
    for (uint32_t j = 0; p->far && j < nt; j++) nb += word32(tw + j * stride) <= u;
    if (nb) {
        put8(p, WM_OP_JUMP);
        set_tb(p, p->pos, WM_TB + WM_PACK_FAR_BYTES * nb);
        p->pos += WM_TB;
        back0 = put_far(p, tw, nt, stride, u, 1);
    }
    for (f = form, at = 1; f; at += (f & 7) >= K_I ? 2 : 1, f >>= 3) {
        if ((f & 7) != K_R && (f & 7) != K_D) continue;
        uint32_t s = slot(p, w[at]);
        if (s >= WM_CONFIG_BYTE_SLOTS) {
            uint32_t scratch = p->gap + i;
            if ((f & 7) == K_R) {
                put8(p, WM_OP_SLOT_IN);
                put8(p, scratch);
                put16(p, s);
            } else {
                outs[nouts++] = s << 8 | scratch;
            }
            s = scratch;
        }
        bytes[i++] = (uint8_t)s;
    }
    i = 0;
    put8(p, op);
    for (f = form, at = 1; f; f >>= 3) {
        uint32_t x = w[at++];
        switch (f & 7) {
        case K_R: case K_D: put8(p, bytes[i++]); break;
        case K_S: put16(p, slot(p, x)); break;
        case K_N: put16(p, x); break;
        case K_B: put8(p, x); break;
        case K_I: put32(p, x | (uint32_t)w[at++] << 16); break;
        default: put_target(p, x | (uint32_t)w[at++] << 16); break;
        }
    }
    if (op == WM_OP_BR_TABLE) {
        uint32_t k = put_table(p, w + at, avail - at);
        if (!k) return 0;
        at += k;
    }
    for (i = 0; i < nouts; i++) {
        put8(p, WM_OP_SLOT_OUT);
        put16(p, outs[i] >> 8);
        put8(p, outs[i] & 0xFFu);
    }
    if (p->far && nt) { /* then those ahead, stepped over too, and each hop */
        uint32_t nf = nt - nb, rb = 0, rf = 0, fwd0;
        if (nf) {
            put8(p, WM_OP_JUMP);
            set_tb(p, p->pos, WM_TB + WM_PACK_FAR_BYTES * nf);
            p->pos += WM_TB;
        }
        fwd0 = put_far(p, tw, nt, stride, u, 0);
        for (uint32_t j = 0; j < nt; j++) {
            uint32_t field = op == WM_OP_BR_TABLE ? p->bpos + j * (WM_TB + 4) : p->tpos;
            uint32_t far = word32(tw + j * stride) <= u ? back0 + WM_PACK_FAR_BYTES * rb++
                                                        : fwd0 + WM_PACK_FAR_BYTES * rf++;
            set_tb(p, field, far - field);
        }
    }
    return at;
}

uint32_t wm_pack(const uint16_t *in, uint32_t n, uint32_t gap, int far, uint32_t *map, uint8_t *out)
{
    packer p = {gap, out ? map : NULL, out, 0, far, 0, 0, 0};
    for (uint32_t u = 0; u < n;) {
        uint32_t at = p.pos, k = put_insn(&p, in + u, n - u, u);
        if (!k) return 0;
        if (!out)
            for (uint32_t i = 0; i < k; i++) map[u + i] = at;
        u += k;
    }
    if (!out) map[n] = p.pos;
    return p.too_far ? WM_PACK_TOO_FAR : p.pos;
}
