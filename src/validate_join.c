/* JOIN rows (opcodes.def): two instructions in a row, or a chain of them, that one
 * dispatch runs. The compiler notes where one may start as it emits (wm_note_join,
 * wm_note_self); once the function is compiled, wm_join_notes makes them. */
#include "validate_ctx.h"

/* Two instructions in a row that one dispatch can run (opcodes.def's JOIN rows): the
 * first's opcode becomes the join's, whose handler runs both, stepping over the second's
 * opcode, which stays (a branch to it runs it alone). Joined once the function is compiled:
 * until then fusing may still cut or rewrite either; a cut at or before the first drops
 * its note (cut_code), and flat_opcodes checks both opcodes again. first_len is the first's
 * length. */
typedef struct join_row {
    uint16_t first, len, second, join, as; /* as: first itself for a JOIN_SELF row */
} join_row;
static const join_row join_rows[] = {
#define JOIN(join, first, first_len, second, as) {WM_OP_##first, first_len, WM_OP_##second, WM_OP_##join, WM_OP_##as},
#define JOIN_SELF(join, first, first_len, second) {WM_OP_##first, first_len, WM_OP_##second, WM_OP_##join, WM_OP_##first},
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef JOIN_SELF
#undef JOIN
};
#define NJOINS (sizeof join_rows / sizeof join_rows[0])

/* opcodes.def's JOIN_SAME, JOIN_APART and JOIN_SWAP rows: a join whose handler takes bytes
 * i and j (counted from its opcode) to name the same slot, or two; or whose step may have
 * its operands at i and i + 1 swapped */
enum { SLOTS_APART, SLOTS_SAME, SLOTS_SWAP };
typedef struct join_slots {
    uint16_t join;
    uint8_t i, j, kind;
} join_slots;
static const join_slots join_slot_rows[] = {
#define JOIN_SAME(join, i, j) {WM_OP_##join, i, j, SLOTS_SAME},
#define JOIN_APART(join, i, j) {WM_OP_##join, i, j, SLOTS_APART},
#define JOIN_SWAP(join, i) {WM_OP_##join, i, (i) + 1, SLOTS_SWAP},
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef JOIN_SWAP
#undef JOIN_APART
#undef JOIN_SAME
};
#define NSLOT_ROWS (sizeof join_slot_rows / sizeof join_slot_rows[0])

/* Whether each of the join's JOIN_SAME and JOIN_APART rows holds at `at`. The slots as
 * wm_slot_at tells them: a home slot's number is not final yet (wm_finish_code moves the
 * homes above the constants), and may equal a local's. */
static int slot_rows_hold(const vctx *v, uint32_t at, uint32_t join)
{
    for (size_t k = 0; k < NSLOT_ROWS; k++) {
        const join_slots *r = &join_slot_rows[k];
        if (r->join == join && r->kind != SLOTS_SWAP &&
            (at + r->j >= v->ncode || at + r->i >= v->ncode ||
             (wm_slot_at(v, at + r->i) == wm_slot_at(v, at + r->j)) != (r->kind == SLOTS_SAME)))
            return 0;
    }
    return 1;
}

/* Swaps the slots at a and a + 1, a commutative step's operands, and whether each is a home
 * (relocs, in order: one of two neighbours changes place) */
static void swap_slots(vctx *v, uint32_t a)
{
    uint32_t x = unit_at(v, a);
    unit_put(v, a, unit_at(v, a + 1));
    unit_put(v, a + 1, x);
    for (uint32_t k = v->nrelocs; k-- > 0 && v->relocs[k] >= a;) {
        if (v->relocs[k] == a && (k + 1 == v->nrelocs || v->relocs[k + 1] != a + 1)) v->relocs[k] = a + 1;
        else if (v->relocs[k] == a + 1 && (k == 0 || v->relocs[k - 1] != a)) v->relocs[k] = a;
        else continue;
        break;
    }
}

/* Whether the join may be made at `at`: its rows hold, or do once a JOIN_SWAP row's operands
 * are swapped (which it then keeps) */
static int slots_hold(vctx *v, uint32_t at, uint32_t join)
{
    if (slot_rows_hold(v, at, join)) return 1;
    for (size_t k = 0; k < NSLOT_ROWS; k++) {
        const join_slots *r = &join_slot_rows[k];
        if (r->join != join || r->kind != SLOTS_SWAP || at + r->j >= v->ncode) continue;
        swap_slots(v, at + r->i);
        if (slot_rows_hold(v, at, join)) return 1;
        swap_slots(v, at + r->i);
    }
    return 0;
}

/* The JOIN rows' (first, as) pairs as bits, word W_ of four, at a hash of the two: most
 * instructions emitted after one that is some row's first are no row's as for it, and the
 * scan of the rows is skipped (the load's time) */
#define OP(name, text, prefix, code, imm, sig, form)
#define JOIN(join, first, first_len, second, as)                                              \
    | ((JOIN_HASH(WM_OP_##first, WM_OP_##as) >> 6) == W_                                       \
           ? (uint64_t)1 << (JOIN_HASH(WM_OP_##first, WM_OP_##as) & 63) : 0)
#define JOIN_SELF(join, first, first_len, second)
const uint64_t wm_join_hashes[4] = {
#include "opcode_set.h"
};
#undef JOIN_SELF
#undef JOIN
#undef OP

/* The JOIN_SELF rows' firsts as bits, word W_ of four */
#define OP(name, text, prefix, code, imm, sig, form)
#define JOIN(join, first, first_len, second, as)
#define JOIN_SELF(join, first, first_len, second) | WM_BIT_(first)
static const uint64_t join_selves[4] = {
#include "opcode_set.h"
};
#undef JOIN_SELF
#undef JOIN
#undef OP

/* The instruction at `at` may join what follows it: flat_opcodes (wm_join_notes) sees */
static wasmcu_err note_at(vctx *v, uint32_t at)
{
    if (!grow(v, (void **)&v->flats, &v->cap_flats, v->nflats + 1, sizeof(uint32_t))) return v->err;
    v->flats[v->nflats++] = at | FLAT_JOIN;
    return WASMCU_OK;
}

/* wm_note_join past its test of the hash: the rows themselves */
wasmcu_err wm_note_join_rows(vctx *v, uint32_t at, uint32_t next, uint32_t as)
{
    uint32_t first = unit_at(v, at);
    for (size_t p = 0; p < NJOINS; p++)
        if (join_rows[p].first == first && join_rows[p].as == as && at + join_rows[p].len == next)
            return note_at(v, at);
    return WASMCU_OK;
}

/* Notes the instruction at `at`, op, when it is a JOIN_SELF row's first, whatever follows */
wasmcu_err wm_note_self(vctx *v, uint32_t at, uint32_t op)
{
    return v->wide || !WM_IN_SET(join_selves, op) ? WASMCU_OK : note_at(v, at);
}

/* The JOIN steps (opcodes.def: joins with no compiled number, made only for a longer join
 * to use) at the instructions join_pair made them at, kept beside the code: the last
 * JOIN_STEPS made, in a ring. join_pair goes from the code's end back, and a step is
 * read by the row of an instruction just before it; one overwritten first only leaves
 * that longer join unmade. */
#define JOIN_STEPS 8
typedef struct join_steps {
    uint32_t n, at[JOIN_STEPS];
    uint16_t op[JOIN_STEPS];
} join_steps;

/* The opcode at `at` as join_pair left it: a step kept there, else the code's */
static uint32_t step_at(const vctx *v, const join_steps *s, uint32_t at)
{
    for (uint32_t i = s->n < JOIN_STEPS ? s->n : JOIN_STEPS; i-- > 0;)
        if (s->at[i] == at) return s->op[i];
    return unit_at(v, at);
}

/* Applies each row whose first and second are at `at` in turn: a row of three, whose
 * first is a join, follows the row that makes it. A second must start inside the code (a
 * cut may have left the first last). The code gets the last compiled join; a step after
 * it is kept in s, for the row of an instruction before whose second it is. */
static void join_pair(vctx *v, uint32_t at, join_steps *s)
{
    uint32_t op = unit_at(v, at), put = op;
    for (size_t p = 0; p < NJOINS; p++)
        if (at + join_rows[p].len < v->ncode && join_rows[p].first == op &&
            join_rows[p].second == step_at(v, s, at + join_rows[p].len) &&
            slots_hold(v, at, join_rows[p].join)) {
            op = join_rows[p].join;
            if (op < WM_OP_COMPILED) put = op;
        }
    if (put != unit_at(v, at)) unit_put(v, at, put);
    if (op != put) {
        s->at[s->n % JOIN_STEPS] = at;
        s->op[s->n++ % JOIN_STEPS] = (uint16_t)op;
    }
}

/* JOIN rows' as, word W_ of four (a first may have several rows, an as several firsts) */
#define OP(name, text, prefix, code, imm, sig, form)
#define JOIN(join, first, first_len, second, as) | WM_BIT_(as)
#define JOIN_SELF(join, first, first_len, second)
const uint64_t wm_join_as[4] = {
#include "opcode_set.h"
};
#undef JOIN_SELF
#undef JOIN
#undef OP

/* Makes the joins noted, from the last note back: a join whose second is another join's
 * first sees that one joined (the rows of three), and what flat_opcodes does after (the
 * tables' and jumps' copies of their targets' opcodes) sees them all. */
void wm_join_notes(vctx *v)
{
    join_steps steps;
    steps.n = 0;
    for (uint32_t k = v->nflats; k-- > 0;)
        if (v->flats[k] & FLAT_JOIN) join_pair(v, v->flats[k] & FLAT_AT, &steps);
}
