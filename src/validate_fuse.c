/* Instruction fusion while compiling: a compare with the branch that tests it, and the
 * pairs of opcodes.def's FUSE rows (WM_CONFIG_FUSED_OPS), which replace the instruction
 * just emitted by one that does both. */
#include "validate_ctx.h"

/* The slot word at `at` as emit_slot was given it (a home slot tagged again). */
uint32_t wm_slot_at(const vctx *v, uint32_t at)
{
    for (uint32_t k = v->nrelocs; k-- > 0 && v->relocs[k] >= at;)
        if (v->relocs[k] == at) return HOME | unit_at(v, at);
    return unit_at(v, at);
}

/* The opcode of the instruction that computed value i (just popped) when it was the last one
 * emitted, so that a fused form may replace it; 0 otherwise. */
static uint32_t producer(const vctx *v, uint32_t i)
{
    if (v->opnds[i].kind != V_HOME || v->last_end != v->ncode || v->last_h != i) return 0;
    return unit_at(v, v->last_start);
}

/* The load that read index value i of the call_indirect about to be emitted (i just
 * popped, the arguments below it not yet in their slots): i32.load or i32.load_shl_add
 * when that is the last instruction, which call_indirect_load may take in; 0 otherwise. */
uint32_t wm_index_load(const vctx *v, uint32_t i)
{
    uint32_t op = producer(v, i);
    return !v->wide && (op == WM_OP_I32_LOAD || op == WM_OP_I32_LOAD_SHL_ADD) ? op : 0;
}

/* Takes that load out, its address fields to s[0..4) as call_indirect_load's: i, k, a
 * (zero, a slot holding 0, for a plain load's two), the offset. The arguments' copies then
 * run before the load rather than after it: they write the arguments' slots, below i's,
 * and the load's operands are values from i's position up, locals or constants. */
void wm_take_index_load(vctx *v, uint32_t zero, uint32_t *s)
{
    uint32_t at = v->last_start;
    int shl = unit_at(v, at) == WM_OP_I32_LOAD_SHL_ADD;
    s[0] = wm_slot_at(v, at + 2);
    s[1] = shl ? wm_slot_at(v, at + 3) : zero;
    s[2] = shl ? wm_slot_at(v, at + 4) : zero;
    s[3] = read16_at(v, at + (shl ? 5 : 3));
    cut_code(v, at);
    v->last_end = v->op_start = UINT32_MAX;
}

/* Removes the last instruction (its operands at *a, *b first): a fused one replaces it. */
static inline void take_last(vctx *v, uint32_t *a, uint32_t *b)
{
    *a = wm_slot_at(v, v->last_start + 2);
    if (v->last_start + 3 < v->ncode) *b = wm_slot_at(v, v->last_start + 3);
    cut_code(v, v->last_start);
    v->last_end = UINT32_MAX;
}

/* Copies join the instruction next to them when no label falls between (WM_CONFIG_FUSED_OPS;
 * not in a wide function, where pack.c would stage a far dst until the instruction's end).
 * The joined instruction runs its parts in their order, so that one may read what the one
 * before it wrote.
 *
 * A copy about to be emitted, right after a copy, an i32.const8 or an i32.store: that one's
 * opcode becomes mov2 [d1, s1, d2, s2], const8_mov [d1, imm8, d2, s2] or i32.store_mov
 * [addr, value, offset, dst, src], and the caller emits the copy's two slots; 0 if none. */
int wm_copy_joins(vctx *v)
{
    uint32_t first = v->copy_end == v->ncode ? unit_at(v, v->ncode - 3) : 0;
    if (v->wide) return 0;
    if (first == WM_OP_LOCAL_GET || first == WM_OP_I32_CONST8) {
        unit_put(v, v->ncode - 3, first == WM_OP_LOCAL_GET ? WM_OP_MOV2 : WM_OP_CONST8_MOV);
        /* a call_indirect's index, then its two arguments (p[(a ^ b) & m](x, y)): the xor_and
         * is the instruction before the copies, the last emit_op began or, where
         * call_indirect_load took in the load after it, the one before that */
        uint32_t k = v->op_start != UINT32_MAX ? v->op_start : v->op_prev;
        if (first == WM_OP_LOCAL_GET && k != UINT32_MAX && k + 8 == v->ncode && unit_at(v, k) == WM_OP_I32_XOR_AND) {
            unit_put(v, k, WM_OP_I32_XOR_AND_MOV2), v->op_start = v->op_prev = UINT32_MAX;
            (void)wm_note_self(v, k, WM_OP_I32_XOR_AND_MOV2); /* out of room: v->err, as below */
        }
        if (first == WM_OP_I32_CONST8) v->c8m_at = v->ncode - 3; /* wm_const_joins */
        v->copy_end = UINT32_MAX;
        return 1;
    }
    if (v->op_start != UINT32_MAX && v->op_start + 5 == v->ncode && unit_at(v, v->op_start) == WM_OP_I32_MUL_ADD) {
        /* an LCG's new state, copied for later (x = x * a + c; y = x) */
        unit_put(v, v->op_start, WM_OP_I32_MUL_ADD_MOV);
        (void)wm_note_self(v, v->op_start, WM_OP_I32_MUL_ADD_MOV); /* out of room: v->err, which emit_copy returns */
        v->op_start = UINT32_MAX;
        return 1;
    }
    if (v->op_start != UINT32_MAX && v->op_start + 5 == v->ncode && unit_at(v, v->op_start) == WM_OP_I32_STORE) {
        unit_put(v, v->op_start, WM_OP_I32_STORE_MOV);
        v->smov_at = v->op_start; /* a br_if right after its copy joins it too */
        v->smov_ld = v->op_prev != UINT32_MAX && v->op_prev + 7 == v->op_start &&
                     unit_at(v, v->op_prev) == WM_OP_MOV_LOAD;
        v->op_start = UINT32_MAX;
        return 1;
    }
    return 0;
}

/* A compare-and-branch op about to be emitted right after an i32.const8 or a const8_mov (a
 * state machine's `state = K` before its next test): that one's opcode becomes their join,
 * const8_add_and_br_ge_u, const8_mov_and_br_eq, const8_mov_br_eq or
 * const8_mov_add_and_br_gt_u, and op keeps its opcode, which the join's handler steps over.
 * Only for a forward branch (the caller's to see), which the join's handler takes without
 * the fuel and interrupt check of a branch back; not in a wide function. */
void wm_const_joins(vctx *v, uint32_t op)
{
    if (v->wide) return;
    if (v->c8m_at != UINT32_MAX && v->c8m_at + 5 == v->ncode && unit_at(v, v->c8m_at) == WM_OP_CONST8_MOV) {
        uint32_t join = op == WM_OP_AND_BR_EQ ? WM_OP_CONST8_MOV_AND_BR_EQ
                      : op == WM_OP_BR_EQ ? WM_OP_CONST8_MOV_BR_EQ
                      : op == WM_OP_ADD_AND_BR_GT_U ? WM_OP_CONST8_MOV_ADD_AND_BR_GT_U : 0;
        if (join) unit_put(v, v->c8m_at, join);
    } else if (op == WM_OP_ADD_AND_BR_GE_U && v->copy_end == v->ncode && unit_at(v, v->ncode - 3) == WM_OP_I32_CONST8) {
        unit_put(v, v->ncode - 3, WM_OP_CONST8_ADD_AND_BR_GE_U);
    }
    v->c8m_at = v->copy_end = UINT32_MAX;
}

/* op about to be emitted right after a copy: br_if, br_ne or i32.load, which the copy's
 * opcode becomes the join of, mov_br_if [dst, src, cond, target], mov_br_ne [dst, src, a,
 * b, target] or mov_load [dst, src, dst2, addr, offset]; the caller emits op's fields. 0 if
 * none. */
int wm_joins_copy(vctx *v, uint32_t op)
{
    uint32_t join = op == WM_OP_BR_IF ? WM_OP_MOV_BR_IF : op == WM_OP_BR_NE ? WM_OP_MOV_BR_NE
                  : op == WM_OP_I32_LOAD ? WM_OP_MOV_LOAD : 0;
    if (!join || v->wide || v->copy_end != v->ncode || unit_at(v, v->ncode - 3) != WM_OP_LOCAL_GET)
        return 0;
    unit_put(v, v->ncode - 3, join);
    v->copy_end = UINT32_MAX;
    return 1;
}

/* An i32.add about to be emitted right after another, which starts at add_at (emit_slots
 * tracks the last one): the first becomes i32.add2, which runs both. The second keeps its
 * opcode in place, so that a fused form may still take it (cut_code then makes the first an
 * add again). */
void wm_add_pair(vctx *v)
{
    unit_put(v, v->add_at, WM_OP_I32_ADD2);
    v->add2_at = v->add_at;
    v->add_at = UINT32_MAX;
}

/* op as the form that branches back to a loop's head, where it has one (opcodes.def's
 * BACK_FORM rows; TAKE_BACK) */
uint32_t wm_back_form(uint32_t op)
{
    switch (op) {
#define BACK_FORM(back, fused) case WM_OP_##fused: return WM_OP_##back;
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef BACK_FORM
    default: return op;
    }
}

/* What a list's reversal joins as (mov_load at ld, the i32.store_mov_br_if at st right after
 * it): mov_load_store_same_br_if when the store's address is the value the load's was and
 * their offsets are equal, so that the load's bounds check covers the store. The copy d = s
 * runs before the load, so d and s both hold the load's address if it reads either; the
 * load's dst must not be the store's address slot. */
uint32_t wm_reverse_join(const vctx *v, uint32_t ld, uint32_t st, uint32_t cond)
{
    uint32_t d = wm_slot_at(v, ld + 1), s = wm_slot_at(v, ld + 2), dst = wm_slot_at(v, ld + 3);
    uint32_t a = wm_slot_at(v, ld + 4), b = wm_slot_at(v, st + 1);
    uint32_t prev = wm_slot_at(v, st + 5), from = wm_slot_at(v, st + 6);
    int same = b != dst && (a == b || ((a == d || a == s) && (b == d || b == s)));
    if (!same || read16_at(v, st + 3) != read16_at(v, ld + 5)) return WM_OP_MOV_LOAD_STORE_MOV_BR_IF;
    /* the branch on the loaded value (cond, the branch's operand, is dst), prev = d after
     * the store while d still holds s's value (dst is not d) and the branch's dst is not
     * overwritten by the copy (prev is not dst); the load's address s's value */
    int loaded = cond == dst && from == d && dst != d && prev != dst && (a == d || a == s);
    return loaded ? WM_OP_MOV_LOAD_STORE_SAME_BR_LOADED : WM_OP_MOV_LOAD_STORE_SAME_BR_IF;
}

/* A loop of one instruction: whether `at` holds a list's search without stores, a list's
 * reversal in registers or a byte fill, which become their _turns forms (opcodes.def) when
 * their branch back goes to themselves and their slots allow: the turns then run inside the
 * handler, with nothing to test on entry. Called once the function is compiled
 * (flat_opcodes), when nothing can change those fields, before home slots are numbered. */
int wm_loop_turns(vctx *v, uint32_t at)
{
    uint32_t op = unit_at(v, at), back, turns = 0;
#define FIELD(k) wm_slot_at(v, at + 1 + (k)) /* as the handler's pc[k] */
    if (op == WM_OP_STORE8_ADD_ADD_BR_LT_U) {
        /* [a, b, value, offset] then [j, x, y, n, target] at 6: j one of a and b and one of
         * x and y (the handler reads the other of each once), neither the value nor n */
        uint32_t j = FIELD(6);
        back = 11;
        if ((FIELD(0) == j) != (FIELD(1) == j) && (FIELD(7) == j) != (FIELD(8) == j) && FIELD(2) != j &&
            FIELD(9) != j)
            turns = WM_OP_BYTE_FILL_TURNS;
    } else if (op == WM_OP_LOAD_LOAD8_U_EQ_AND_LOAD_BR_IF || op == WM_OP_LOAD_LOAD16_U_EQ_AND_LOAD_BR_IF) {
        /* the next node (its dst at 12 + WM_TB) into the node's slot (1), which neither k nor m (8, 9) is */
        uint32_t p = FIELD(12 + WM_TB);
        back = 17 + WM_TB;
        if (p == FIELD(1) && p != FIELD(8) && p != FIELD(9))
            turns = op == WM_OP_LOAD_LOAD8_U_EQ_AND_LOAD_BR_IF ? WM_OP_LIST_FIND8_TURNS : WM_OP_LIST_FIND16_TURNS;
    } else if (op == WM_OP_MOV_LOAD_STORE_SAME_BR_LOADED) {
        /* d 0, s 1, dst 2, x 8, prev 11: the load into s (dst is s), linking the node copied
         * last turn (x is prev), not d, which the copy d = s writes first (the compiler drops
         * the copy d = d that would make it so; this does not rely on that) */
        back = 15;
        if (FIELD(2) == FIELD(1) && FIELD(11) == FIELD(8) && FIELD(0) != FIELD(8)) turns = WM_OP_LIST_REVERSE_TURNS;
    } else {
        return 0;
    }
#undef FIELD
    if (turns && at + back + (uint32_t)target_off(v, at + back) == at) unit_put(v, at, turns);
    return 1;
}

/* Straight-line pairs that run as one instruction, the second keeping its opcode word,
 * which the first's handler steps over (so that a fault in the second reports from its
 * own fields). Conditional branch op (or a br_table_flat's opcode) has just been emitted
 * from start (not in a wide function); how says what it took in: a load (WM_JOIN_LOAD), a copy (WM_JOIN_COPY), a
 * store and a copy (WM_JOIN_STORE), or 0; back, whether op branches back to a loop's head.
 * A join whose last branch ends a loop's turn forms only when it goes back: its handler
 * then runs the fuel and interrupt check without testing the target's sign (TAKE_BACK).
 * br_at and br_end keep the last branch that a branch right after it may join; a label
 * clears them. Returns where a string walk's loop end in registers starts (flat_opcodes may
 * thread its branch back into the switch it goes to), or a list's search without stores or
 * a byte fill (wm_loop_turns); UINT32_MAX otherwise. */
uint32_t wm_join_branch(vctx *v, uint32_t op, uint32_t start, int how, int back)
{
    uint32_t at = v->br_at, prev = v->br_end == start ? unit_at(v, at) : 0;
    v->br_end = UINT32_MAX;
    if (op == WM_OP_I32_LOAD_BR_IF && how == WM_JOIN_LOAD && prev == WM_OP_AND_BR_EQ && back) {
        /* a list's search, while (p && key(p) != k) p = p->next: the key's test, then the
         * load of the next node and the branch on it */
        unit_put(v, at, WM_OP_AND_BR_EQ_LOAD_BR_IF);
        /* and the key's loads just before, p->info->key, when they end where the test starts
         * and their first load's check covers the next node's: the same address slot,
         * which neither result overwrites, at an offset no higher (its handler loads the
         * next node unchecked) */
        uint32_t ll = v->ll_at, first = ll != UINT32_MAX && ll + 7 == at ? unit_at(v, ll) : 0;
        uint32_t a = first ? wm_slot_at(v, ll + 2) : 0;
        if (first && (wm_slot_at(v, start + 2) != a || wm_slot_at(v, ll + 1) == a ||
                      wm_slot_at(v, at + 1) == a || read16_at(v, start + 3) > read16_at(v, ll + 3)))
            first = 0;
        if (first == WM_OP_I32_LOAD_LOAD8_U || first == WM_OP_I32_LOAD_LOAD16_U) {
            /* the key the test's other operand, p->info->key == (k & m), the key and k & m
             * temporaries (read once, by the test): the handler writes neither */
            uint32_t key = wm_slot_at(v, ll + 1);
            int bare = (key & HOME) && (wm_slot_at(v, at + 1) & HOME) && wm_slot_at(v, at + 4) == key;
            int b8 = first == WM_OP_I32_LOAD_LOAD8_U;
            unit_put(v, ll, bare ? (b8 ? WM_OP_LOAD_LOAD8_U_EQ_AND_LOAD_BR_IF : WM_OP_LOAD_LOAD16_U_EQ_AND_LOAD_BR_IF)
                                 : (b8 ? WM_OP_LOAD_LOAD8_U_AND_BR_EQ_LOAD_BR_IF : WM_OP_LOAD_LOAD16_U_AND_BR_EQ_LOAD_BR_IF));
            if (bare) return ll; /* wm_loop_turns */
        }
    } else if (op == WM_OP_I32_LOAD8_U_IF_FALSE && how == WM_JOIN_LOAD && v->add_at != UINT32_MAX &&
               v->add_at + 4 == start && unit_at(v, v->add_at) == WM_OP_I32_ADD) {
        /* a string's walk, q = s + 1, c = *s, while (c): the add just before it; the
         * loop's branch back may join them */
        unit_put(v, v->add_at, WM_OP_ADD_LOAD8_U_IF_FALSE);
        v->br_at = v->add_at, v->br_end = v->ncode;
        v->add_at = UINT32_MAX;
    } else if (op == WM_OP_BR_TABLE_FLAT && (prev == WM_OP_AND_BR_EQ || prev == WM_OP_BR_EQ)) {
        /* a state machine's test of its input, then its switch on the state */
        unit_put(v, at, prev == WM_OP_BR_EQ ? WM_OP_BR_EQ_BR_TABLE : WM_OP_AND_BR_EQ_BR_TABLE);
    } else if (op == WM_OP_BR_NE && how == WM_JOIN_COPY && prev == WM_OP_ADD_LOAD8_U_IF_FALSE && back) {
        /* then s = q and the branch back while the state goes on (mov_br_ne); the add
         * [q, x, y] at `at`, the load [c, a, offset] at + 4, the copy [d, s, ...] at + 9 + WM_TB:
         * p and q stay in registers when a is x and q is neither a nor c, and s is q */
        uint32_t q = wm_slot_at(v, at + 1), a = wm_slot_at(v, at + 6);
        int regs = a == wm_slot_at(v, at + 2) && q != a && q != wm_slot_at(v, at + 5) &&
                   wm_slot_at(v, at + 11 + WM_TB) == q;
        unit_put(v, at, regs ? WM_OP_STEP_LOAD8_U_IF_FALSE_MOV_BR_NE : WM_OP_ADD_LOAD8_U_IF_FALSE_MOV_BR_NE);
        if (regs) return at; /* flat_opcodes may thread its branch back */
    } else if ((op == WM_OP_ADD_BR_IF_BACK || op == WM_OP_ADD_BR_NE_BACK) && how == 0 && v->add2_at != UINT32_MAX &&
               v->add2_at + 8 == start && unit_at(v, v->add2_at) == WM_OP_I32_ADD2) {
        /* a loop's end that steps two pointers and its count: the i32.add2 just before
         * the count's add_br_if or add_br_ne */
        unit_put(v, v->add2_at, op == WM_OP_ADD_BR_IF_BACK ? WM_OP_ADD2_ADD_BR_IF : WM_OP_ADD2_ADD_BR_NE);
        v->add2_at = UINT32_MAX;
    } else if (op == WM_OP_ADD_BR_LT_U_BACK && how == 0 && v->st8_at != UINT32_MAX && v->st8_at + 6 == start &&
               unit_at(v, v->st8_at) == WM_OP_I32_STORE8_ADD) {
        /* a strided byte fill: the i32.store8_add just before the loop's end */
        uint32_t fill = v->st8_at;
        unit_put(v, fill, WM_OP_STORE8_ADD_ADD_BR_LT_U);
        v->st8_at = UINT32_MAX;
        return fill; /* wm_loop_turns */
    } else if (op == WM_OP_AND_BR_EQ || op == WM_OP_BR_EQ) {
        /* a load_br_if (after an and_br_eq) or a br_table may join it */
        v->br_at = start, v->br_end = v->ncode;
    }
    return UINT32_MAX;
}

/* Whether value i (just popped) is the result of an i32.and just before, which a select or
 * a br_table takes in (select_and, br_table_and: a bit test, a switch on some bits): then
 * the and's operands are at *x, *y and the and is removed. */
int wm_takes_and(vctx *v, uint32_t i, uint32_t *x, uint32_t *y)
{
    if (!WM_CONFIG_FUSED_OPS || producer(v, i) != WM_OP_I32_AND) return 0;
    take_last(v, x, y);
    return 1;
}

/* A bitwise CRC's step, (crc >> 1) & m, then that ^ poly, and a select on bit k of data ^
 * crc (CoreMark's crcu8 runs eight of them a byte).
 *
 * An i32.xor about to be emitted on slots s[0], s[1] (value base its result), one of which
 * the i32.shr_u_and just before it wrote: that one's opcode becomes i32.shr_u_and_xor [d1,
 * a, b, c, d2, e], d1 still written (often a local the step reads again); *done set. */
wasmcu_err wm_shr_and_xor(vctx *v, uint32_t base, const uint32_t *s, int *done)
{
    uint32_t at = v->op_start, d1;
    *done = 0;
    if (v->wide || at == UINT32_MAX || at + 5 != v->ncode || unit_at(v, at) != WM_OP_I32_SHR_U_AND)
        return WASMCU_OK;
    d1 = wm_slot_at(v, at + 1);
    if (d1 != s[0] && d1 != s[1]) return WASMCU_OK;
    unit_put(v, at, WM_OP_I32_SHR_U_AND_XOR);
    v->sax_at = at; /* wm_crc_join */
    TRY(emit_dst(v, base));
    TRY(emit_slot(v, d1 == s[0] ? s[1] : s[0]));
    v->last_start = at;
    produced(v);
    *done = 1;
    return WASMCU_OK;
}

/* A select's condition that wm_takes_and has just taken in, (x & y) with x or y a temporary
 * that the i32.shr_u_xor before the and computed: that one goes too, and s[2..6) become its
 * a, k, b and the and's other operand, for select_shr_u_xor_and [dst, x, y, a, k, b, m].
 * 1 if so. */
int wm_select_bit(vctx *v, uint32_t *s)
{
    uint32_t at = v->op_prev, t;
    if (v->wide || at == UINT32_MAX || at + 5 != v->ncode || unit_at(v, at) != WM_OP_I32_SHR_U_XOR)
        return 0;
    t = wm_slot_at(v, at + 1);
    if (!(t & HOME) || (t == s[2]) == (t == s[3])) return 0;
    s[5] = t == s[2] ? s[3] : s[2];
    s[2] = wm_slot_at(v, at + 2);
    s[3] = wm_slot_at(v, at + 3);
    s[4] = wm_slot_at(v, at + 4);
    cut_code(v, at);
    v->op_start = v->op_prev = UINT32_MAX;
    return 1;
}

/* A select_shr_xor_and about to be emitted (its slots s, wm_select_bit's) right after the
 * i32.shr_u_and_xor whose two results it picks from, select(t ^ k, t, bit), the xor's a
 * temporary that only the select reads (a CRC's bit step: crc = (crc >> 1) ^ (bit ? poly :
 * 0)): that one's opcode becomes i32.shr_u_and_xor_select, which keeps both results in
 * registers and does not write the temporary; the select keeps its opcode, stepped over. */
void wm_crc_join(vctx *v, const uint32_t *s)
{
    uint32_t at = v->sax_at;
    v->sax_at = UINT32_MAX;
    if (v->wide || at == UINT32_MAX || at + 7 != v->ncode || unit_at(v, at) != WM_OP_I32_SHR_U_AND_XOR) return;
    uint32_t t = wm_slot_at(v, at + 1), x = wm_slot_at(v, at + 5);
    if (!(x & HOME) || s[0] != x || s[1] != t || t == x) return;
    for (int i = 2; i < 6; i++)
        if (s[i] == x) return;
    unit_put(v, at, WM_OP_SHR_U_AND_XOR_SELECT);
}

/* Whether value i (just popped), a select's condition, is an i32 compare's result just
 * before: then the compare is removed and the fused select returned, select_eq, select_lt_s
 * or select_lt_u on *x, *y, which cover all ten (a greater-than swaps x and y; ne, le and ge
 * take the other value: *swap set). eqz leaves a plain select on its operand, the values
 * swapped. 0 for none. */
uint32_t wm_select_cmp(vctx *v, uint32_t i, uint32_t *x, uint32_t *y, int *swap)
{
    /* eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u: the fused op, x and y swapped (2), the
     * values swapped (1) */
    static const uint8_t op[10] = {WM_OP_SELECT_EQ, WM_OP_SELECT_EQ, WM_OP_SELECT_LT_S,
                                   WM_OP_SELECT_LT_U, WM_OP_SELECT_LT_S, WM_OP_SELECT_LT_U,
                                   WM_OP_SELECT_LT_S, WM_OP_SELECT_LT_U, WM_OP_SELECT_LT_S,
                                   WM_OP_SELECT_LT_U};
    static const uint8_t how[10] = {0, 1, 0, 0, 2, 2, 3, 3, 1, 1};
    uint32_t c = WM_CONFIG_FUSED_OPS ? producer(v, i) : 0, a = 0, b = 0; /* size-optimised builds keep no body: the call is out of line */
    if (c == WM_OP_I32_EQZ) {
        take_last(v, x, &b);
        *swap = 1;
        return WM_OP_SELECT;
    }
    if (c < WM_OP_I32_EQ || c > WM_OP_I32_GE_U) return 0;
    take_last(v, &a, &b);
    uint32_t k = c - WM_OP_I32_EQ;
    *x = how[k] & 2 ? b : a;
    *y = how[k] & 2 ? a : b;
    *swap = how[k] & 1;
    return op[k];
}

/* The compare that computed value i, when it was the last instruction: its fused branch
 * (jumping when the compare holds, or when it fails with negate) and operands. eqz fuses to
 * the plain branches on its operand. */
int wm_fusable(vctx *v, uint32_t i, int negate, uint32_t *op, uint32_t *a, uint32_t *b)
{
    static const uint8_t negated[10] = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3}; /* eq ne lt_s lt_u gt_s... */
    uint32_t c = producer(v, i), at = v->last_start;
    if (c == WM_OP_I32_EQZ) { /* the branch tests eqz's operand, for zero */
        take_last(v, a, b);
        negate = !negate;
        /* which an xor may have computed into a temporary (not a local that local.tee set,
         * which the xor must still write): x ^ y is zero when x == y */
        at = v->op_prev;
        c = WM_CONFIG_FUSED_OPS && at != UINT32_MAX && at < v->ncode ? unit_at(v, at) : 0;
        if ((c != WM_OP_I32_XOR && c != WM_OP_I32_AND_XOR) || !(*a & HOME) ||
            at + (c == WM_OP_I32_XOR ? 4 : 5) != v->ncode || wm_slot_at(v, at + 1) != *a) {
            *op = negate ? WM_OP_IF_FALSE : WM_OP_BR_IF;
            return 1;
        }
    }
    if (c == WM_OP_I32_XOR) c = WM_OP_I32_NE; /* as a condition, x ^ y is x != y */
    if (WM_CONFIG_FUSED_OPS && c == WM_OP_I32_AND_XOR) {
        /* (x & y) ^ z is (x & y) != z: the and stays, [and, dst, x, y], and the branch on
         * dst and z may fuse into it in turn (and_br_ne, and_br_eq). dst is a temporary's
         * home slot; when z is in it too, the and writes the one above instead, which holds
         * nothing now (the frame grows to hold it) */
        *a = wm_slot_at(v, at + 1);
        *b = wm_slot_at(v, at + 4);
        if (*a == *b) {
            uint32_t h = *a & ~HOME;
            unit_put(v, at + 1, h + 1);
            *a = HOME | (h + 1);
            if (v->max_vals < h + 2) v->max_vals = h + 2;
        }
        unit_put(v, at, WM_OP_I32_AND);
        cut_code(v, at + 4);
        v->last_end = UINT32_MAX;
        *op = negate ? WM_OP_BR_EQ : WM_OP_BR_NE;
        return 1;
    }
    if (c < WM_OP_I32_EQ || c > WM_OP_I32_GE_U) return 0;
    uint32_t k = c - WM_OP_I32_EQ;
    *op = WM_OP_BR_EQ + (negate ? negated[k] : k);
    *a = wm_slot_at(v, at + 2);
    *b = wm_slot_at(v, at + 3);
    cut_code(v, at);
    v->last_end = UINT32_MAX;
    return 1;
}

uint32_t wm_acc_form(const vctx *v, uint32_t op, uint32_t *n, uint32_t *s)
{
    static const uint8_t forms[4][2] = {/* acc first, acc second; add and mul commute */
        {WM_OP_F64_ADD_ACC, WM_OP_F64_ADD_ACC}, {WM_OP_F64_SUB_ACC, WM_OP_F64_SUB_ACC2},
        {WM_OP_F64_MUL_ACC, WM_OP_F64_MUL_ACC}, {WM_OP_F64_DIV_ACC, WM_OP_F64_DIV_ACC2}};
    if (op < WM_OP_F64_ADD || op > WM_OP_F64_DIV) return op;
    uint32_t acc = wm_slot_at(v, v->last_dst), k = s[0] == acc ? 0 : s[1] == acc ? 1 : 2;
    if (k == 2) return op;
    s[0] = s[1 - k];
    *n = 1;
    return forms[op - WM_OP_F64_ADD][k];
}

wasmcu_err wm_acc_only(vctx *v, uint32_t as)
{
#if WM_CONFIG_FLOAT_ACC
    static const uint8_t only[][2] = {{WM_OP_F64_ADD_ACC, WM_OP_F64_ADD_ACC_T},
        {WM_OP_F64_MUL_ACC, WM_OP_F64_MUL_ACC_T}, {WM_OP_F64_DIV_ACC2, WM_OP_F64_DIV_ACC2_T}};
    uint32_t op = unit_at(v, v->last_start);
    if (wm_slot_at(v, v->last_dst) & HOME) /* else a local's: read again later */
        for (size_t k = 0; k < sizeof only / sizeof only[0]; k++)
            if (only[k][0] == op) unit_put(v, v->last_start, only[k][1]);
    /* the acc form, next, may join it (JOIN rows: f64.div_acc2_add_acc_t...) */
    return WM_CONFIG_FUSED_OPS ? wm_note_join(v, v->last_start, v->ncode, as) : WASMCU_OK;
#else
    (void)v, (void)as;
    return WASMCU_OK;
#endif
}

#if WM_CONFIG_FUSED_OPS /* else the stubs at the end: -Os builds keep none of the pairs */

/* A path to the end of c (a one-result block) with its value, value i, on top: noted when
 * the instruction just emitted computed it into its home slot (vctx.sets has room for the
 * pair); otherwise no local.set after the block may take the writes in (wm_direct_result).
 * A block's notes come in the order of the code, its list the other way. */
void wm_note_value_write(vctx *v, ctrl *c, uint32_t i)
{
    if (v->opnds[i].kind != V_HOME || v->last_end != v->ncode || v->last_h != i) {
        c->sets = NO_SETS;
        return;
    }
    v->sets[v->nsets] = v->last_dst;
    v->sets[v->nsets + 1] = c->sets;
    v->nsets += 2;
    c->sets = v->nsets / 2;
}

/* A br_if to c (one-result block, its list holding) carrying a constant, that drop
 * discards when not taken: the constant may go into c's home slot ahead of the branch and
 * be noted as a value write (wm_note_early_write). When a local.set after c's end takes the
 * writes in, the local holds the constant from the br_if on even where it is not taken:
 * wm_direct_result allows that only for a local that no local.get from there to the end
 * reads (early_reads()), and where no branch leaves for a label outside c; every
 * path that reaches the end writes it again. No value deferred from before can read it
 * after: the constant is the only value in c, and blocks start with none deferred. One
 * such block at a time. */
int wm_early_value(vctx *v, const ctrl *c, uint32_t nt)
{
    uint32_t k = (uint32_t)(c - v->ctrls), e = v->early_ctrl;
    /* a block whose list ended keeps early_ctrl past its end (op_end clears it only for
     * a list that holds): another block may have its index now */
    if (e != UINT32_MAX && (e >= v->nctrls || v->ctrls[e].loop_start != v->early_start)) e = UINT32_MAX;
    if (c->sets == NO_SETS || nt != 1 || v->nvals - 1 != c->height || v->opnds[c->height].kind != V_CONST ||
        (e != UINT32_MAX && e != k) || v->r.p >= v->r.end || wm_op_at_slot(*v->r.p) != WM_OP_DROP)
        return 0;
    /* a loop around the br_if, inside c, would run code before it again (early_reads()
     * looks only after it) */
    for (uint32_t j = k + 1; j < v->nctrls; j++)
        if (v->ctrls[j].op == WM_OP_LOOP) return 0;
    if (e == UINT32_MAX) v->early_ctrl = k, v->early_start = c->loop_start, v->early_at = v->r.p, v->early_out = 0;
    return 1;
}

/* Whether the wasm code from the write ahead (early_at) to here may read local l: a
 * local.get of it, or those bytes inside another instruction's, which only refuses more.
 * (A local.tee's value is the one it wrote, read before any other write ahead: that needs
 * the block's stack empty.) Run once per block that wm_direct_result would retarget after
 * a write ahead, rather than a note at every local.get, which cost CoreMark's load 4 K
 * instructions. */
static int early_reads(const vctx *v, uint32_t l)
{
    for (const uint8_t *p = v->early_at; p < v->r.p; p++) {
        wm_reader r;
        uint32_t x;
        if (wm_op_at_slot(*p) != WM_OP_LOCAL_GET) continue;
        wm_reader_init(&r, v->m->bytes, p + 1, v->r.p);
        if (wm_read_u32(&r, &x) && x == l) return 1;
    }
    return 0;
}

/* The br_if that wm_early_value allowed is emitted: its constant, materialized first, is
 * noted as a write of c's value (vctx.sets has room for the pair, note_branch_value). */
void wm_note_early_write(vctx *v, ctrl *c)
{
    uint32_t w = v->const_w, op = w < v->ncode ? unit_at(v, w - 1) : 0; /* UINT32_MAX: none */
    if ((op != WM_OP_I32_CONST8 && op != WM_OP_I32_CONST && op != WM_OP_I64_CONST) || unit_at(v, w) != c->height) {
        c->sets = NO_SETS;
        return;
    }
    v->sets[v->nsets] = w;
    v->sets[v->nsets + 1] = c->sets;
    v->nsets += 2;
    c->sets = v->nsets / 2;
}

/* Whether each write on the list that starts at e is still as noted: its word names the
 * value's home slot and is relocated as one (both lists descend: one pass); clear: the
 * relocations go, for words that name a local now. */
static int value_writes(vctx *v, uint32_t e, int clear)
{
    uint32_t k = v->nrelocs;
    for (; e; e = v->sets[2 * (e - 1) + 1]) {
        uint32_t at = v->sets[2 * (e - 1)];
        if (unit_at(v, at) != v->set_h) return 0;
        while (k > 0 && (v->relocs[k - 1] == UINT32_MAX || v->relocs[k - 1] > at)) k--;
        if (k == 0 || v->relocs[k - 1] != at) return 0;
        if (clear) v->relocs[k - 1] = UINT32_MAX;
    }
    return 1;
}

/* A local.set or tee of local l right after a block whose value every path computed into
 * its home slot right before reaching the end (wm_note_value_write): those instructions
 * write l instead, so no copy follows the block (a switch whose cases leave a value, as
 * binaryen writes them). 0, changing nothing, unless each write is still as noted. */
int wm_direct_result(vctx *v, uint32_t l)
{
    /* a write ahead, then a read or a branch out (early_end may be an inner block's that
     * ended here too: its reads then refuse, which is safe) */
    if (v->early_end == v->set_end && (v->early_out || early_reads(v, l))) return 0;
    if (!value_writes(v, v->set_list, 0)) return 0;
    value_writes(v, v->set_list, 1);
    for (uint32_t e = v->set_list; e; e = v->sets[2 * (e - 1) + 1])
        unit_put(v, v->sets[2 * (e - 1)], l);
    return 1;
}


/* Pairs that run as one instruction when the first's result feeds the second directly (the
 * commonest pairs in CoreMark and the bench kernels: address arithmetic, bit-field
 * extraction). A binary second op takes the first's operands and its own other one,
 * [fused, dst, a, b, c]; a load or store takes the add's two as its address, [fused, dst or
 * value, a, b, offset]. */
static const uint8_t fuse_pairs[][3] = {
#define OP(name, text, prefix, code, imm, sig, form)
#define FUSE(fused, first, second) {WM_OP_##first, WM_OP_##second, WM_OP_##fused},
#include "opcodes.def"
#undef FUSE
#undef OP
};

/* The second ops of fuse_pairs and load_ops as bits, word W_ of four: most instructions are
 * none, and skip the scan of the pairs. */
#define OP(name, text, prefix, code, imm, sig, form)
#define FUSE(fused, first, second) | WM_BIT_(second)
#define FUSE_LOAD_OP(fused, load, second, both) FUSE(fused, load, second)
static const uint64_t fuse_seconds[4] = {
#include "opcode_set.h"
};
#undef FUSE_LOAD_OP
#undef FUSE
#undef OP
#define IS_SECOND(op) WM_IN_SET(fuse_seconds, op)

/* The first ops of every pair as bits, the same way: the fused pairs, a store of a result, a
 * load's operation or branch, and the hand-written forms' (an i32.load read from, a[i]'s
 * shl_add). The compiler asks only after one of these. */
#define OP(name, text, prefix, code, imm, sig, form)
#define BIT_(op) | WM_BIT_(op)
#define FUSE(fused, first, second) BIT_(first)
#define FUSE_VALUE(fused, first, store) BIT_(first)
#define FUSE_LOAD_OP(fused, load, op, both) BIT_(load)
#define FUSE_LOAD_BRANCH(fused, load, branch) BIT_(load)
#define FUSE_MEM(fused, load, op, store) BIT_(op)
static const uint64_t fuse_firsts[4] = {
#define WM_SET_MORE BIT_(I32_LOAD) BIT_(I32_SHL_ADD)
#include "opcode_set.h"
};
#undef FUSE_MEM
#undef FUSE_LOAD_BRANCH
#undef FUSE_LOAD_OP
#undef FUSE_VALUE
#undef FUSE
#undef BIT_
#undef OP

/* A load from the address an i32.load read: {second, fused} */
static const uint8_t load_pairs[][2] = {
#define OP(name, text, prefix, code, imm, sig, form)
#define FUSE_LOAD(fused, second) {WM_OP_##second, WM_OP_##fused},
#include "opcodes.def"
#undef FUSE_LOAD
#undef OP
};

/* Loads and the branches on what they read: {load, branch, fused} */
static const uint8_t load_branches[][3] = {
#define OP(name, text, prefix, code, imm, sig, form)
#define FUSE_LOAD_BRANCH(fused, load, branch) {WM_OP_##load, WM_OP_##branch, WM_OP_##fused},
#include "opcodes.def"
#undef FUSE_LOAD_BRANCH
#undef OP
};

/* Operations on what a load just read: {load, op, fused, both} */
static const uint8_t load_ops[][4] = {
#define OP(name, text, prefix, code, imm, sig, form)
#define FUSE_LOAD_OP(fused, load, op, both) {WM_OP_##load, WM_OP_##op, WM_OP_##fused, WM_OP_##both},
#include "opcodes.def"
#undef FUSE_LOAD_OP
#undef OP
};

/* *p op= x: {load, op, store, fused} */
static const uint8_t mem_ops[][4] = {
#define OP(name, text, prefix, code, imm, sig, form)
#define FUSE_MEM(fused, load, op, store) {WM_OP_##load, WM_OP_##op, WM_OP_##store, WM_OP_##fused},
#include "opcodes.def"
#undef FUSE_MEM
#undef OP
};

/* Whether an instruction may fuse with one after it. */
int wm_fuses_first(uint32_t op)
{
    return op < 256 && WM_IN_SET(fuse_firsts, op);
}


/* Whether a fault at word k of fused instruction op is its first instruction's: a load's,
 * fused with the branch on what it read, or the first of two loads (the words before the
 * first offset). */
int wm_fault_is_first(uint32_t op, uint32_t k)
{
    for (size_t p = 0; p < sizeof load_branches / sizeof load_branches[0]; p++)
        if (load_branches[p][2] == op) return 1;
    for (size_t p = 0; p < sizeof load_ops / sizeof load_ops[0]; p++)
        if (load_ops[p][2] == op) return 1;
    for (size_t p = 0; p < sizeof load_pairs / sizeof load_pairs[0]; p++)
        if (load_pairs[p][1] == op) return k < 3;
    return 0;
}

/* The load that a branch op on slot a fuses into (opcodes.def's FUSE_LOAD_BRANCH rows), *at
 * where that load starts; 0 if none. It wrote slot a and is the last instruction, or the
 * one before an eqz the branch has just taken in. */
uint32_t wm_load_branch(const vctx *v, uint32_t op, uint32_t a, uint32_t *at)
{
    uint32_t len = v->wide ? 4 : 5; /* [op, dst, addr, offset16] */
    uint32_t k = v->op_start != UINT32_MAX && v->op_start + len == v->ncode ? v->op_start : v->op_prev;
    if (k == UINT32_MAX || k + len != v->ncode || wm_slot_at(v, k + 1) != a) return 0;
    for (size_t p = 0; p < sizeof load_branches / sizeof load_branches[0]; p++) {
        if (load_branches[p][0] == unit_at(v, k) && load_branches[p][1] == op) {
            *at = k;
            return load_branches[p][2];
        }
    }
    return 0;
}

/* A bit field's product, ((x >> s) & m) * y + c (CoreMark's matrix_mul_matrix_bitextract):
 * an i32.mul_add about to be emitted (value base, c its add's other operand) on the result
 * of an i32.mul whose operand the i32.shr_u_and just before it wrote into a temporary, which
 * nothing else reads: the three become i32.bits_mul_add [dst, x, s, m, y, c]; *done set.
 * When y is itself a field, the temporary of an i32.shr_u_and right before that one (no
 * label between), the four become i32.bits2_mul_add [dst, x, s, m, x1, s1, m1, c]; and when
 * both fields are of the product an i32.mul2_load16_u right before computed, that one joins
 * it (i32.mul2_load16_u_bits2). */
static wasmcu_err bits_mul_add(vctx *v, uint32_t base, uint32_t c, int *done)
{
    uint32_t at = v->op_prev, mul = v->last_start;
    if (v->wide || at == UINT32_MAX || at + 5 != mul || unit_at(v, at) != WM_OP_I32_SHR_U_AND)
        return WASMCU_OK;
    uint32_t t = wm_slot_at(v, at + 1), a = wm_slot_at(v, mul + 2), b = wm_slot_at(v, mul + 3);
    /* (c is never t once t is the mul's; tested so that a slot reused otherwise cannot
     * make the handler read a field it never wrote) */
    if (!(t & HOME) || (t == a) == (t == b) || c == t) return WASMCU_OK;
    uint32_t f[7] = {wm_slot_at(v, at + 2), wm_slot_at(v, at + 3), wm_slot_at(v, at + 4), t == a ? b : a, c};
    uint32_t first = v->sa_at == at && v->sa_prev != UINT32_MAX && v->sa_prev + 5 == at ? v->sa_prev : UINT32_MAX;
    uint32_t y = f[3];
    if (first != UINT32_MAX && (y & HOME) && wm_slot_at(v, first + 1) == y && c != y) {
        for (int i = 0; i < 3; i++) f[3 + i] = wm_slot_at(v, first + 2 + i);
        f[6] = c;
        at = first;
    } else {
        first = UINT32_MAX;
    }
    uint32_t m2 = v->m2_at;
    int with_mul2 = first != UINT32_MAX && m2 != UINT32_MAX && m2 + 8 == first && unit_at(v, m2) == WM_OP_I32_MUL2_LOAD16_U &&
              wm_slot_at(v, m2 + 1) == f[0] && f[3] == f[0];
    cut_code(v, at);
    v->last_end = UINT32_MAX;
    v->op_start = v->op_prev = UINT32_MAX;
    TRY(emit_op(v, first != UINT32_MAX ? WM_OP_BITS2_MUL_ADD : WM_OP_BITS_MUL_ADD));
    TRY(emit_dst(v, base));
    for (int i = 0; i < (first != UINT32_MAX ? 7 : 5); i++) TRY(emit_slot(v, f[i]));
    if (with_mul2) unit_put(v, m2, WM_OP_MUL2_LOAD16_U_BITS2);
    produced(v);
    *done = 1;
    return WASMCU_OK;
}

/* Emits op on operand slots s[0..n) (values base..) fused with the instruction before it
 * when that computed one of them; 0 when no pair applies. */
wasmcu_err wm_emit_fused(vctx *v, uint32_t op, uint32_t base, uint32_t n, const uint32_t *s,
                          const uint32_t *imm, int *done)
{
    *done = 0;
    uint32_t load = imm != NULL, k = 0, a = 0, b = 0;
    /* a store of the result: [fused, addr, a, b, offset] */
    static const uint8_t value_pairs[][3] = {
#define FUSE_VALUE(fused, first, store) {WM_OP_##first, WM_OP_##store, WM_OP_##fused},
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef FUSE_VALUE
    };
    /* *p op= x: op's operand loaded just before it, from the address and offset stored to,
     * into a temporary: [fused, addr, x, offset] */
    uint32_t ld = v->op_prev;
    for (size_t p = 0; load && n == 2 && !v->wide && p < sizeof mem_ops / sizeof mem_ops[0]; p++) {
        if (mem_ops[p][2] != op || producer(v, base + 1) != mem_ops[p][1]) continue;
        if (ld == UINT32_MAX || ld + 5 != v->last_start || unit_at(v, ld) != mem_ops[p][0]) break;
        uint32_t t = wm_slot_at(v, ld + 1);
        a = wm_slot_at(v, v->last_start + 2), b = wm_slot_at(v, v->last_start + 3);
        if (!(t & HOME) || (t == a) == (t == b) || wm_slot_at(v, ld + 2) != s[0] || read16_at(v, ld + 3) != *imm)
            break;
        cut_code(v, ld);
        v->last_end = UINT32_MAX;
        TRY(emit_op(v, mem_ops[p][3]));
        TRY(wm_note_self(v, v->op_start, mem_ops[p][3]));
        TRY(emit_slot(v, s[0]));
        TRY(emit_slot(v, t == a ? b : a));
        TRY(wm_emit16(v, *imm));
        *done = 1;
        return WASMCU_OK;
    }
    for (size_t p = 0; load && n == 2 && p < sizeof value_pairs / sizeof value_pairs[0]; p++) {
        if (value_pairs[p][1] != op || producer(v, base + 1) != value_pairs[p][0]) continue;
        take_last(v, &a, &b);
        TRY(emit_op(v, value_pairs[p][2]));
        TRY(emit_slot(v, s[0]));
        TRY(emit_slot(v, a));
        TRY(emit_slot(v, b));
        TRY(wm_emit16(v, *imm));
        *done = 1;
        return WASMCU_OK;
    }
    /* a load from the address an i32.load just read: [fused, dst, addr, offset1, offset] */
    for (size_t p = 0; load && n == 1 && p < sizeof load_pairs / sizeof load_pairs[0]; p++) {
        if (load_pairs[p][0] != op || producer(v, base) != WM_OP_I32_LOAD) continue;
        uint32_t off1 = read16_at(v, v->last_start + 3);
        take_last(v, &a, &b);
        TRY(emit_op(v, load_pairs[p][1]));
        v->ll_at = v->op_start; /* an and_br_eq right after it may join it (wm_join_branch) */
        TRY(emit_dst(v, base));
        TRY(emit_slot(v, a));
        TRY(wm_emit16(v, off1));
        TRY(wm_emit16(v, *imm));
        produced(v);
        *done = 1;
        return WASMCU_OK;
    }
    /* an operation on what a load just read, either operand: [fused, dst, x, addr, offset] */
    for (size_t p = 0; !load && n == 2 && IS_SECOND(op) && p < sizeof load_ops / sizeof load_ops[0]; p++) {
        if (load_ops[p][1] != op) continue;
        for (k = 0; k < 2 && producer(v, base + k) != load_ops[p][0]; k++) {}
        if (k == 2) continue;
        uint32_t off = read16_at(v, v->last_start + 3), x = s[1 - k], ld = v->op_prev;
        if (!v->wide && ld != UINT32_MAX && ld + 5 == v->last_start && unit_at(v, ld) == load_ops[p][0] &&
            (x & HOME) && wm_slot_at(v, ld + 1) == x) {
            /* x read by a load of the same kind just before: both loads in one, [both,
             * dst, addr1, offset1, addr2, offset2] */
            uint32_t a1 = wm_slot_at(v, ld + 2), off1 = read16_at(v, ld + 3);
            take_last(v, &a, &b);
            cut_code(v, ld);
            v->op_start = UINT32_MAX;
            TRY(emit_op(v, load_ops[p][3]));
            if (load_ops[p][3] == WM_OP_I32_MUL2_LOAD16_U) v->m2_at = v->op_start; /* bits_mul_add */
            TRY(emit_dst(v, base));
            TRY(emit_slot(v, a1));
            TRY(wm_emit16(v, off1));
            TRY(emit_slot(v, a));
            TRY(wm_emit16(v, off));
            produced(v);
            *done = 1;
            return WASMCU_OK;
        }
        take_last(v, &a, &b);
        TRY(emit_op(v, load_ops[p][2]));
        TRY(emit_dst(v, base));
        TRY(emit_slot(v, x));
        TRY(emit_slot(v, a));
        TRY(wm_emit16(v, off));
        produced(v);
        *done = 1;
        return WASMCU_OK;
    }
    /* an element of an array, a[i]: an i32.load from (i << k) + a, the address just
     * computed by i32.shl_add: [i32.load_shl_add, dst, i, k, a, offset] */
    if (op == WM_OP_I32_LOAD && producer(v, base) == WM_OP_I32_SHL_ADD) {
        uint32_t c = wm_slot_at(v, v->last_start + 4);
        take_last(v, &a, &b);
        TRY(emit_op(v, WM_OP_I32_LOAD_SHL_ADD));
        TRY(emit_dst(v, base));
        TRY(emit_slot(v, a));
        TRY(emit_slot(v, b));
        TRY(emit_slot(v, c));
        TRY(wm_emit16(v, *imm));
        produced(v);
        *done = 1;
        return WASMCU_OK;
    }
    /* a load's or store's address is its first operand; both operands of the commutative
     * add and and may be the earlier result */
    for (k = IS_SECOND(op) ? 0 : n; k < (load ? 1 : n); k++) {
        uint32_t first = producer(v, base + k);
        if (!first) continue;
        for (size_t p = 0; p < sizeof fuse_pairs / sizeof fuse_pairs[0]; p++) {
            if (fuse_pairs[p][0] != first || fuse_pairs[p][1] != op) continue;
            if (fuse_pairs[p][2] == WM_OP_I32_MUL_ADD) {
                TRY(bits_mul_add(v, base, s[1 - k], done));
                if (*done) return WASMCU_OK;
            }
            take_last(v, &a, &b);
            TRY(emit_op(v, fuse_pairs[p][2]));
            TRY(wm_note_join(v, v->op_prev, v->op_start, fuse_pairs[p][2])); /* JOIN rows */
            TRY(wm_note_self(v, v->op_start, fuse_pairs[p][2]));
            if (fuse_pairs[p][2] == WM_OP_I32_STORE8_ADD) v->st8_at = v->op_start; /* wm_join_branch */
            if (fuse_pairs[p][2] == WM_OP_I32_SHR_U_AND) v->sa_prev = v->sa_at, v->sa_at = v->op_start; /* bits_mul_add */
            int store = wm_sigs[wm_op_sig[op]].nr == 0;
            if (!store) TRY(emit_dst(v, base));
            TRY(emit_slot(v, a));
            TRY(emit_slot(v, b));
            if (n == 2) TRY(emit_slot(v, s[1 - k])); /* the other operand: c, or the value */
            if (load) TRY(wm_emit16(v, *imm)); /* below 65536: emit_slots saw to that */
            if (!store) produced(v);
            *done = 1;
            return WASMCU_OK;
        }
    }
    return WASMCU_OK;
}

/* A branch op that the binary i32 instruction just before it, which wrote slot *a, fuses
 * into (opcodes.def's FUSE_BRANCH rows; WM_CONFIG_FUSED_OPS), with *at where that one
 * starts; 0 if none. It is the last instruction, or the one before a compare the branch
 * has just taken in. An equality's operands *a and *b may swap for it. */
uint32_t wm_branch_fusing(const vctx *v, uint32_t op, uint32_t *a, uint32_t *b, uint32_t *at)
{
    static const uint8_t pairs[][3] = {
#define FUSE_BRANCH(fused, first, branch) {WM_OP_##first, WM_OP_##branch, WM_OP_##fused},
#define OP(name, text, prefix, code, imm, sig, form)
#include "opcodes.def"
#undef OP
#undef FUSE_BRANCH
    };
    uint32_t k = v->op_start != UINT32_MAX && v->op_start + 4 == v->ncode ? v->op_start : v->op_prev;
    if (k == UINT32_MAX || k + 4 != v->ncode) return 0;
    uint32_t dst = wm_slot_at(v, k + 1);
    /* x == (p & m) tests p & m first: equality does not mind the order */
    if (dst != *a && dst == *b && (op == WM_OP_BR_EQ || op == WM_OP_BR_NE)) *b = *a, *a = dst;
    if (dst != *a) return 0;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (pairs[i][0] == unit_at(v, k) && pairs[i][1] == op) {
            *at = k;
            return pairs[i][2];
        }
    }
    return 0;
}

/* An unsigned compare-and-branch op on slot a (then n) that the i32.add_and just before
 * it, which wrote a into a temporary, fuses into: add_and_br_lt_u... with *at where the
 * add_and starts; 0 if none. It is the last instruction, or the one before a compare the
 * branch has just taken in. */
uint32_t wm_add_and_branch(const vctx *v, uint32_t op, uint32_t a, uint32_t *at)
{
    uint32_t fused = op == WM_OP_BR_LT_U   ? WM_OP_ADD_AND_BR_LT_U
                     : op == WM_OP_BR_GT_U ? WM_OP_ADD_AND_BR_GT_U
                     : op == WM_OP_BR_LE_U ? WM_OP_ADD_AND_BR_LE_U
                     : op == WM_OP_BR_GE_U ? WM_OP_ADD_AND_BR_GE_U
                                           : 0;
    uint32_t k = v->op_start != UINT32_MAX && v->op_start + 5 == v->ncode ? v->op_start : v->op_prev;
    if (!fused || !(a & HOME) || k == UINT32_MAX || k + 5 != v->ncode ||
        unit_at(v, k) != WM_OP_I32_ADD_AND || wm_slot_at(v, k + 1) != a)
        return 0;
    *at = k;
    return fused;
}

#else

void wm_note_value_write(vctx *v, ctrl *c, uint32_t i)
{
    (void)v, (void)i;
    c->sets = NO_SETS;
}

int wm_direct_result(vctx *v, uint32_t l)
{
    (void)v, (void)l;
    return 0;
}

int wm_early_value(vctx *v, const ctrl *c, uint32_t nt)
{
    (void)v, (void)c, (void)nt;
    return 0;
}

void wm_note_early_write(vctx *v, ctrl *c)
{
    (void)v;
    c->sets = NO_SETS;
}

uint32_t wm_add_and_branch(const vctx *v, uint32_t op, uint32_t a, uint32_t *at)
{
    (void)v, (void)op, (void)a, (void)at;
    return 0;
}

int wm_fuses_first(uint32_t op)
{
    (void)op;
    return 0;
}

int wm_fault_is_first(uint32_t op, uint32_t k)
{
    (void)op, (void)k;
    return 0;
}

uint32_t wm_load_branch(const vctx *v, uint32_t op, uint32_t a, uint32_t *at)
{
    (void)v, (void)op, (void)a, (void)at;
    return 0;
}

wasmcu_err wm_emit_fused(vctx *v, uint32_t op, uint32_t base, uint32_t n, const uint32_t *s,
                         const uint32_t *imm, int *done)
{
    (void)v, (void)op, (void)base, (void)n, (void)s, (void)imm;
    *done = 0;
    return WASMCU_OK;
}

uint32_t wm_branch_fusing(const vctx *v, uint32_t op, uint32_t *a, uint32_t *b, uint32_t *at)
{
    (void)v, (void)op, (void)a, (void)b, (void)at;
    return 0;
}

#endif
