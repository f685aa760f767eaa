/* Tables, references and bulk memory, and memory.size/grow: the instructions that compile
 * to a stack op (bulk.c runs them), which no hot loop has. Out of validate.c's instr, GCC
 * inlines instr into its one caller, the loop of wm_validate_func (CoreMark's load:
 * 2 036 096 -> 1 946 893 instructions, a call and its frame less at each instruction).
 * They reach validate.c's helpers through the wm_ names of validate_ctx.h. */
#include "validate_ctx.h"

static wasmcu_err read_reftype(vctx *v, wm_valtype *t)
{
    if (!wm_read_u8(&v->r, t))
        return wm_fail(v, WASMCU_ERR_MALFORMED, "%s", v->r.err ? v->r.err : "unexpected end", 0, 0);
    if (!is_ref(*t)) return wm_fail(v, WASMCU_ERR_MALFORMED, "malformed reference type", 0, 0, 0);
    return WASMCU_OK;
}

/* table.get/set/size/grow/fill: all take one table index. */
static wasmcu_err op_table(vctx *v, int op)
{
    uint32_t t;
    TRY(wm_read_index(v, v->m->ntables, "table", &t));
    wm_valtype et = v->m->tables[t].elem;
    uint32_t np = 0;
    switch (op) {
    case WM_OP_TABLE_GET:
        TRY(wm_pop_expect(v, WASMCU_I32));
        np = 1;
        break;
    case WM_OP_TABLE_SET:
        TRY(wm_pop_expect(v, et));
        TRY(wm_pop_expect(v, WASMCU_I32));
        np = 2;
        break;
    case WM_OP_TABLE_SIZE:
        break;
    case WM_OP_TABLE_GROW:
        TRY(wm_pop_expect(v, WASMCU_I32));
        TRY(wm_pop_expect(v, et));
        np = 2;
        break;
    default: /* fill */
        TRY(wm_pop_expect(v, WASMCU_I32));
        TRY(wm_pop_expect(v, et));
        TRY(wm_pop_expect(v, WASMCU_I32));
        np = 3;
        break;
    }
    if (emitting(v)) TRY(wm_emit_stack_op(v, op, np, t, 0));
    if (op == WM_OP_TABLE_GET) return wm_push(v, et);
    if (op == WM_OP_TABLE_SIZE || op == WM_OP_TABLE_GROW) return wm_push(v, WASMCU_I32);
    return WASMCU_OK;
}

static int declared_ref(const wm_module *m, uint32_t f)
{
    return m->declared_refs && (m->declared_refs[f / 8] >> (f % 8)) & 1;
}

/* Bulk memory and table instructions with segment indexes. */
static wasmcu_err op_bulk(vctx *v, int op)
{
    uint32_t a = 0, b = 0;
    wm_module *m = v->m;
    switch (op) {
    case WM_OP_MEMORY_INIT:
    case WM_OP_DATA_DROP:
        if (!m->has_datacount)
            return wm_fail(v, WASMCU_ERR_INVALID, "data count section required", 0, 0, 0);
        TRY(wm_read_index(v, m->datacount, "data segment", &a));
        if (op == WM_OP_MEMORY_INIT) {
            TRY(wm_read_zero(v));
            TRY(wm_need_memory(v));
        }
        break;
    case WM_OP_MEMORY_COPY:
        TRY(wm_read_zero(v));
        TRY(wm_read_zero(v));
        TRY(wm_need_memory(v));
        break;
    case WM_OP_MEMORY_FILL:
        TRY(wm_read_zero(v));
        TRY(wm_need_memory(v));
        break;
    case WM_OP_TABLE_INIT:
        TRY(wm_read_index(v, m->nelems, "elem segment", &a));
        TRY(wm_read_index(v, m->ntables, "table", &b));
        if (m->elems[a].type != m->tables[b].elem)
            return wm_fail(v, WASMCU_ERR_INVALID,
                           "type mismatch: element segment and table types differ", 0, 0, 0);
        break;
    case WM_OP_ELEM_DROP:
        TRY(wm_read_index(v, m->nelems, "elem segment", &a));
        break;
    case WM_OP_TABLE_COPY:
        TRY(wm_read_index(v, m->ntables, "table", &a));
        TRY(wm_read_index(v, m->ntables, "table", &b));
        if (m->tables[a].elem != m->tables[b].elem)
            return wm_fail(v, WASMCU_ERR_INVALID,
                           "type mismatch: table.copy between tables of different types", 0, 0, 0);
        break;
    default:
        break;
    }
    uint32_t n;
    TRY(wm_pop_sig(v, op, &n));
    if (emitting(v)) TRY(wm_emit_stack_op(v, op, n, a, b));
    return wm_push_sig(v, op);
}

/* Checks (and compiles) one of the instructions above: validate.c's instr sends them here. */
wasmcu_err wm_op_bulk(vctx *v, int op)
{
    wm_module *m = v->m;
    uint32_t np, x;
    switch (op) {
    case WM_OP_TABLE_GET:
    case WM_OP_TABLE_SET:
    case WM_OP_TABLE_SIZE:
    case WM_OP_TABLE_GROW:
    case WM_OP_TABLE_FILL:
        return op_table(v, op);
    case WM_OP_MEMORY_SIZE:
    case WM_OP_MEMORY_GROW:
        if (op == WM_OP_MEMORY_GROW && !m->grows_memory && !v->locating) m->grows_memory = v->func + 1;
        TRY(wm_read_zero(v));
        TRY(wm_need_memory(v));
        TRY(wm_pop_sig(v, op, &np));
        if (emitting(v)) TRY(wm_emit_stack_op(v, op, np, 0, 0));
        return wm_push_sig(v, op);
    case WM_OP_REF_NULL: {
        wm_valtype t = UNKNOWN;
        TRY(read_reftype(v, &t));
        if (emitting(v)) TRY(wm_emit_stack_op(v, WM_OP_REF_NULL, 0, 0, 0));
        return wm_push(v, t);
    }
    case WM_OP_REF_IS_NULL: {
        wm_valtype t = UNKNOWN;
        TRY(wm_pop(v, &t));
        if (t != UNKNOWN && !is_ref(t))
            return wm_fail(v, WASMCU_ERR_INVALID, "type mismatch: ref.is_null expects a reference but got %s",
                           wm_type_name(t), 0, 0);
        if (emitting(v)) TRY(wm_emit_stack_op(v, WM_OP_REF_IS_NULL, 1, 0, 0));
        return wm_push(v, WASMCU_I32);
    }
    case WM_OP_REF_FUNC:
        TRY(wm_read_index(v, m->nfuncs, "function", &x));
        if (!declared_ref(m, x))
            return wm_fail(v, WASMCU_ERR_INVALID, "undeclared function reference", 0, 0, 0);
        if (emitting(v)) TRY(wm_emit_stack_op(v, WM_OP_REF_FUNC, 0, x, 0));
        return wm_push(v, WASMCU_FUNCREF);
    default:
        return op_bulk(v, op);
    }
}
