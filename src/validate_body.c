/* A function body around validate.c's pass over its instructions: its locals before, the
 * compiled code's final form after; and the entry points that run the pass (every body at
 * load, one function when it is first called, the instruction a fault is in). */
#include <string.h>
#include "validate.h"
#include "validate_ctx.h"

wasmcu_err wm_read_locals(vctx *v, const wm_funcdef *fd, const wm_functype *ft)
{
    uint32_t n = ft->nparams + fd->nlocals;
    /* kept from function to function, grown when one needs more: an allocation for each
     * function had cost CoreMark's load 8.6 K instructions */
    if (!grow(v, (void **)&v->locals, &v->cap_locals, n, 1)) return v->err;
    if (ft->nparams) memcpy(v->locals, ft->types, ft->nparams);
    wm_reader lr;
    wm_reader_init(&lr, v->m->bytes, fd->body, fd->body + fd->body_len);
    uint32_t groups, at = ft->nparams;
    if (!wm_read_u32(&lr, &groups)) return wm_fail(v, WASMCU_ERR_MALFORMED, "unexpected end", 0, 0, 0);
    for (uint32_t g = 0; g < groups; g++) {
        uint32_t count;
        uint8_t t;
        if (!wm_read_u32(&lr, &count) || !wm_read_u8(&lr, &t) || count > n - at)
            return wm_fail(v, WASMCU_ERR_MALFORMED, "malformed local declarations", 0, 0, 0);
        if (t == WASMCU_V128)
            return wm_fail(v, WASMCU_ERR_UNSUPPORTED, "SIMD is not supported yet", 0, 0, 0);
        if (count) memset(v->locals + at, t, count);
        at += count;
    }
    v->nlocals = n;
    v->nparams = ft->nparams;
    return WASMCU_OK;
}

uint32_t wm_call_target(const wm_module *m, uint32_t x)
{
    for (int hop = 0; hop < 8 && x >= m->nfunc_imports; hop++) {
        const wm_funcdef *fd = &m->funcs[x - m->nfunc_imports];
        const wm_functype *ft = wm_module_functype(m, x);
        wm_reader r;
        uint32_t k, y;
        uint8_t b;
        /* a local.get and a call take 2 to 6 bytes each (a LEB may be padded), end 1: most
         * bodies are too long to read on (compiled with the fused forms, CoreMark's load
         * read the callee's first bytes at each of its calls) */
        size_t len = (size_t)(fd->body + fd->body_len - fd->expr);
        if (len < 2u * ft->nparams + 3 || len > 6u * ft->nparams + 7) return x;
        wm_reader_init(&r, m->bytes, fd->expr, fd->body + fd->body_len); /* past its locals */
        for (uint32_t i = 0; i < ft->nparams; i++) /* local.get i, in order */
            if (!wm_read_u8(&r, &b) || wm_op_at_slot(b) != WM_OP_LOCAL_GET || !wm_read_u32(&r, &k) || k != i)
                return x;
        if (!wm_read_u8(&r, &b) || wm_op_at_slot(b) != WM_OP_CALL || !wm_read_u32(&r, &y) || y >= m->nfuncs)
            return x;
        if (!wm_read_u8(&r, &b) || wm_op_at_slot(b) != WM_OP_END || r.p != r.end) return x; /* then the end */
        /* y's type is x's: x's body only validates so (and a module with a body that does
         * not never runs, even where this caller was compiled before that body was checked) */
        if (y == x) return x;
        x = y;
    }
    return x;
}

/* Each flat br_table's opcodes after its targets: the one each target starts with, which
 * the jump reads from the table (BR_FLAT); and the forms of the branches note_flat kept.
 * Written once the function is compiled, all targets known: fusing may rewrite the
 * instruction at a label until the next one comes. */
static void flat_opcodes(vctx *v)
{
    /* the JOIN rows first (validate_join.c), so that the tables and jumps below see them;
     * without the fused forms nothing notes a join, and the rows stay out of the firmware */
    if (WM_CONFIG_FUSED_OPS) wm_join_notes(v);
    for (uint32_t k = 0; k < v->nflats; k++) {
        uint32_t at = v->flats[k] & FLAT_AT, n;
        if (v->flats[k] & FLAT_JOIN) continue;
        if (WM_CONFIG_FUSED_OPS && (v->flats[k] & FLAT_JUMP) && unit_at(v, at) == WM_OP_STEP_LOAD8_U_IF_FALSE_MOV_BR_NE) {
            /* a string walk's loop end (its branch back's target at + 14 + WM_TB) into a
             * state machine's switch that tests the byte the walk reads (its c at + 5, the
             * switch's at + 2): the switch runs in the walk's handler */
            uint32_t t = at + 14 + WM_TB + (uint32_t)target_off(v, at + 14 + WM_TB);
            if (unit_at(v, t) == WM_OP_AND_BR_EQ_BR_TABLE && wm_slot_at(v, t + 2) == wm_slot_at(v, at + 5))
                unit_put(v, at, WM_OP_STEP_LOAD8_SWITCH);
            continue;
        }
        if (WM_CONFIG_FUSED_OPS && (v->flats[k] & FLAT_JUMP) && wm_loop_turns(v, at)) continue;
        if (WM_CONFIG_FUSED_OPS && (v->flats[k] & FLAT_JUMP)) { /* a jump [op, target] into an add_br_ne_back */
            if (unit_at(v, at + 1 + (uint32_t)target_off(v, at + 1)) == WM_OP_ADD_BR_NE_BACK) unit_put(v, at, WM_OP_JUMP_ADD_BR_NE_BACK);
            continue;
        }
        n = read32_at(v, at);
        for (uint32_t i = 0; i <= n; i++) {
            uint32_t e = at + 4 + WM_TB * i;
            v->code[at + 4 + WM_TB * (n + 1) + i] = v->code[e + (uint32_t)target_off(v, e)];
        }
    }
}

/* The code's final form, once wm_validate_func has compiled the body: the joins and the
 * tables' opcodes, home slots moved above the constants, a wide function packed; then the
 * constants and the code in one block of the pool, and what a call sets up. */
wasmcu_err wm_finish_code(vctx *v, wm_funcdef *fd)
{
    flat_opcodes(v);
    /* home slots go above the constants */
    uint32_t add = v->nlocals + v->nconsts;
    for (uint32_t k = 0; k < v->nrelocs; k++) {
        uint32_t at = v->relocs[k] & ~RUN16;
        uint16_t h;
        if (v->relocs[k] == UINT32_MAX) continue;
        if (v->wide || !(v->relocs[k] & RUN16)) {
            unit_put(v, at, unit_at(v, at) + add);
            continue;
        }
        memcpy(&h, v->code + at, 2);
        h = (uint16_t)(h + add);
        memcpy(v->code + at, &h, 2);
    }
    uint32_t nbytes = v->ncode, gap = v->nlocals < WM_PACK_GAP_MAX ? v->nlocals : WM_PACK_GAP_MAX;
    int far = 0; /* a wide function packed through far jumps (pack.h) */
    const uint16_t *words = (const uint16_t *)(const void *)v->code;
    if (v->wide) { /* rare: the map's room is only a wide function's */
        wm_free(&v->rt->alloc, v->map);
        v->map = wm_malloc(&v->rt->alloc, ((size_t)v->ncode + 1) * sizeof(uint32_t));
        if (!v->map) return wm_fail(v, WASMCU_ERR_OOM, "no room to validate this function", 0, 0, 0);
        nbytes = wm_pack(words, v->ncode, gap, 0, v->map, NULL);
        far = nbytes > WM_TB_MAX && nbytes != WM_PACK_TOO_FAR; /* through far jumps */
        if (far) nbytes = wm_pack(words, v->ncode, gap, 1, v->map, NULL);
        if (!nbytes) return wm_fail(v, WASMCU_ERR_INVALID, "internal error: bad compiled opcode", 0, 0, 0);
        if (nbytes == WM_PACK_TOO_FAR)
            return wm_fail(v, WASMCU_ERR_UNSUPPORTED,
                           "a br_table's far jumps lie past 32 KiB (thousands of branches in a "
                           "long function): split it",
                           0, 0, 0);
    }
    if (v->sizing) return WASMCU_OK;
    /* pack.c's scratch slots sit at slot gap, after which the locals move up: the range
     * may take them in (zeroing them is harmless) */
    uint32_t lo = v->zero_hi ? v->zero_lo : 0, hi = v->zero_hi, np = v->nparams;
    if (!WM_CONFIG_LOCAL_PATHS) lo = 0, hi = fd->nlocals; /* all of them */
    if (v->wide && hi) {
        if (np + lo >= gap) lo += WM_PACK_SCRATCH;
        if (np + hi - 1 >= gap) hi += WM_PACK_SCRATCH;
    }
    /* The locals to clear go into the constants as zeroes, with the declared locals after
     * them (written before read: zeroing them is harmless), when that is at most
     * WM_ZERO_FOLD_MAX slots: a call copies them with the constants, as pairs at fixed
     * offsets, rather than taking enter()'s general way (opt fib's accumulator: 19
     * instructions a call; opt CoreMark 0.7%), for 8 bytes of code a slot. */
    uint32_t fold = 0;
    if (!v->wide && hi > lo && fd->nlocals - lo <= WM_ZERO_FOLD_MAX &&
        WM_CONST_PAD(fd->nlocals - lo + v->nconsts) <= 2 * WM_SETUP_PAIRS_FIXED)
        fold = fd->nlocals - lo, hi = lo;
    uint32_t nfill = fold + v->nconsts;
    /* one block: zeroes folded and the constants, padded to an even count (a call copies
     * them in pairs, interp.c's enter), then the code */
    size_t const_bytes = WM_CONST_PAD(nfill) * sizeof(uint64_t), head = WM_CONSTS_HEAD(nfill);
    uint8_t *block = wm_malloc_high(&v->rt->alloc, head + const_bytes + nbytes);
    if (!block) return wm_fail(v, WASMCU_ERR_OOM, "no room for the function's compiled code", 0, 0, 0);
    uint16_t consts_at = (uint16_t)(np + fd->nlocals + (v->wide ? WM_PACK_SCRATCH : 0) - fold);
    if (head) memset(block, 0, head), memcpy(block + head - 2, &consts_at, 2);
    block += head;
    memset(block, 0, fold * sizeof(uint64_t));
    if (v->nconsts) memcpy(block + fold * sizeof(uint64_t), v->consts, v->nconsts * sizeof(uint64_t));
    if (nfill & 1) memset(block + nfill * sizeof(uint64_t), 0, sizeof(uint64_t)); /* the pad */
    if (v->wide) wm_pack(words, v->ncode, gap, far, v->map, block + const_bytes);
    else memcpy(block + const_bytes, v->code, nbytes);
    fd->code.ops = block + const_bytes;
    fd->code.nops = nbytes;
    fd->code.consts_at = consts_at;
    fd->code.zero_at = (uint16_t)(np + lo);
    fd->code.nzero = (uint16_t)(hi - lo);
    fd->code.consts = (const uint64_t *)(void *)block;
    fd->code.nconsts = (uint16_t)nfill;
    fd->code.setup = (uint16_t)((hi > lo ? WM_SETUP_CLEAR : 0) | WM_CONST_PAD(nfill));
    fd->code.max_height = (uint16_t)(WM_CONST_PAD(nfill) + v->max_vals); /* the pad's slot too */
    return WASMCU_OK;
}

/* wm_validate_func, and again with 16-bit units when a function's frame passes 256 slots. */
static wasmcu_err compile_func(vctx *v, uint32_t fi)
{
    v->wide = v->retry_wide = 0;
    wasmcu_err err = wm_validate_func(v, fi);
    if (err == WASMCU_OK && v->retry_wide) {
        v->wide = 1;
        err = wm_validate_func(v, fi);
    }
    return err;
}

static void vctx_init(vctx *v, wm_runtime *rt, wm_module *m)
{
    memset(v, 0, sizeof *v);
    v->rt = rt;
    v->m = m;
    v->func = UINT32_MAX;
}

static void vctx_free(vctx *v)
{
    wm_free(&v->rt->alloc, v->locals);
    wm_free(&v->rt->alloc, v->vals);
    wm_free(&v->rt->alloc, v->opnds);
    wm_free(&v->rt->alloc, v->relocs);
    if (WM_CONFIG_FUSED_OPS) wm_free(&v->rt->alloc, v->sets);
    wm_free(&v->rt->alloc, v->ctrls);
    wm_free(&v->rt->alloc, v->code);
    wm_free(&v->rt->alloc, v->brmap);
    wm_free(&v->rt->alloc, v->brlist);
    wm_free(&v->rt->alloc, v->flats);
    wm_free(&v->rt->alloc, v->map);
    wm_free(&v->rt->alloc, v->consts);
}

wasmcu_err wm_validate_bodies(wm_runtime *rt, wm_module *m)
{
    vctx v;
    vctx_init(&v, rt, m);
    v.compile = !WM_CONFIG_LAZY_COMPILE;
    wasmcu_err err = WASMCU_OK;
    for (uint32_t i = m->nfunc_imports; i < m->nfuncs && err == WASMCU_OK; i++)
        err = compile_func(&v, i);
    if (err == WASMCU_OK && v.err) err = v.err;
    vctx_free(&v);
    return err;
}

wasmcu_err wm_compile_func(wm_runtime *rt, wm_module *m, uint32_t fi)
{
    if (m->funcs[fi - m->nfunc_imports].code.ops) return WASMCU_OK;
    vctx v;
    vctx_init(&v, rt, m);
    v.compile = 1;
    wasmcu_err err = compile_func(&v, fi);
    if (err == WASMCU_OK && v.err) err = v.err;
    vctx_free(&v);
    return err;
}

int wm_validate_locate(wm_runtime *rt, const wm_module *m, uint32_t fi, uint32_t byte, uint32_t *offset)
{
    if (fi < m->nfunc_imports || fi >= m->nfuncs) return 0;
    vctx v;
    vctx_init(&v, rt, (wm_module *)m); /* sizing and locating write nothing into the module */
    v.compile = 1;
    v.sizing = 1;
    int found = compile_func(&v, fi) == WASMCU_OK && !v.err;
    uint32_t unit = byte; /* a wide function's: the last word of the instruction at byte */
    if (found && v.wide)
        for (unit = 0; unit + 1 < v.ncode && v.map[unit + 1] <= byte;) unit++;
    found = found && unit < v.ncode && (!v.wide || byte < v.map[v.ncode]);
    if (found) {
        v.sizing = 0;
        v.locating = 1;
        v.locate_word = unit;
        found = wm_validate_func(&v, fi) == WASMCU_OK && v.located;
        if (found) *offset = (uint32_t)v.locate_off;
    }
    vctx_free(&v);
    return found;
}
