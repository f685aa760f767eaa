/* The instructions on tables, references and bulk memory, which the compiler emits as
 * stack_cold (compile.h): programs run them seldom, or to move many bytes at once, so a call
 * out of the interpreter's loop costs them little and frees compiled opcode numbers (and
 * run()'s code) for the instructions loops run. They work on the values below slot top,
 * where the compiler put their operands, and leave their result, if any, in the first.
 * Also the byte fill's turns that need no checks (interp.c's FILL_TURNS), whose loop state
 * would crowd run()'s registers. */
#include <string.h>
#include "compile.h"
#include "instance.h"
#include "runtime.h"

#define I32(v) ((uint32_t)(v))

static uint32_t rd32(const uint8_t *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

wasmcu_err wm_stack_cold(wasmcu_instance *cur, wasmcu_val *fp, const uint8_t *pc)
{
    uint16_t at;
    memcpy(&at, pc, 2);
    wasmcu_val *top = fp + at;
    uint32_t op = WM_OP_COMPILED + pc[2], a = rd32(pc + 3), b = rd32(pc + 7);
    wm_memory *mem = cur->mem;
    uint64_t msize = mem ? mem->size : 0;
    switch (op) {
    case WM_OP_REF_NULL: top[0] = 0; return WASMCU_OK;
    case WM_OP_REF_IS_NULL: top[-1] = (uint32_t)(top[-1] == 0); return WASMCU_OK;
    case WM_OP_REF_FUNC: top[0] = (wasmcu_val)(uintptr_t)cur->funcs[a]; return WASMCU_OK;
    case WM_OP_TABLE_GET: {
        wm_table *t = cur->tables[a];
        uint32_t i = I32(top[-1]);
        if (i >= t->size) return WASMCU_TRAP_TABLE_OOB;
        top[-1] = t->elems[i];
        return WASMCU_OK;
    }
    case WM_OP_TABLE_SET: {
        wm_table *t = cur->tables[a];
        uint32_t i = I32(top[-2]);
        if (i >= t->size) return WASMCU_TRAP_TABLE_OOB;
        t->elems[i] = top[-1];
        return WASMCU_OK;
    }
    case WM_OP_TABLE_SIZE: top[0] = cur->tables[a]->size; return WASMCU_OK;
    case WM_OP_TABLE_GROW: /* [init, delta] -> old size or -1 */
        top[-2] = (uint32_t)wm_table_grow(cur->rt, cur->tables[a], I32(top[-1]), top[-2]);
        return WASMCU_OK;
    case WM_OP_TABLE_FILL: {
        wm_table *t = cur->tables[a];
        uint32_t i = I32(top[-3]), n = I32(top[-1]);
        wasmcu_val val = top[-2];
        if ((uint64_t)i + n > t->size) return WASMCU_TRAP_TABLE_OOB;
        while (n--) t->elems[i++] = val;
        return WASMCU_OK;
    }
    case WM_OP_TABLE_COPY: { /* a the destination table, b the source */
        wm_table *dt = cur->tables[a], *st = cur->tables[b];
        uint32_t d = I32(top[-3]), s = I32(top[-2]), n = I32(top[-1]);
        if ((uint64_t)d + n > dt->size || (uint64_t)s + n > st->size) return WASMCU_TRAP_TABLE_OOB;
        if (n) memmove(dt->elems + d, st->elems + s, (size_t)n * sizeof *dt->elems);
        return WASMCU_OK;
    }
    case WM_OP_TABLE_INIT: { /* a the element segment, b the table */
        wm_table *t = cur->tables[b];
        uint32_t d = I32(top[-3]), s = I32(top[-2]), n = I32(top[-1]);
        if ((uint64_t)s + n > cur->elem_counts[a] || (uint64_t)d + n > t->size)
            return WASMCU_TRAP_TABLE_OOB;
        if (n) memcpy(t->elems + d, cur->elem_items[a] + s, (size_t)n * sizeof *t->elems);
        return WASMCU_OK;
    }
    case WM_OP_ELEM_DROP: cur->elem_counts[a] = 0; return WASMCU_OK;
    case WM_OP_MEMORY_INIT: {
        const wm_data *seg = &cur->mod->datas[a];
        uint32_t d = I32(top[-3]), s = I32(top[-2]), n = I32(top[-1]);
        uint32_t len = cur->data_dropped[a] ? 0 : seg->len;
        if ((uint64_t)s + n > len || (uint64_t)d + n > msize) return WASMCU_TRAP_MEMORY_OOB;
        if (n) memcpy(mem->data + d, seg->bytes + s, n);
        return WASMCU_OK;
    }
    case WM_OP_DATA_DROP: cur->data_dropped[a] = 1; return WASMCU_OK;
    case WM_OP_MEMORY_COPY: {
        uint32_t d = I32(top[-3]), s = I32(top[-2]), n = I32(top[-1]);
        if ((uint64_t)d + n > msize || (uint64_t)s + n > msize) return WASMCU_TRAP_MEMORY_OOB;
        if (n) memmove(mem->data + d, mem->data + s, n);
        return WASMCU_OK;
    }
    case WM_OP_MEMORY_FILL: {
        uint32_t d = I32(top[-3]), n = I32(top[-1]);
        if ((uint64_t)d + n > msize) return WASMCU_TRAP_MEMORY_OOB;
        if (n) memset(mem->data + d, (uint8_t)top[-2], n);
        return WASMCU_OK;
    }
    default: /* the compiler emits no other number */
        return WASMCU_TRAP_UNREACHABLE;
    }
}

/* Turns between looks at the checks: a fuel stop or an interrupt waits at most this many */
#define FILL_CHUNK 4096u

int wm_fill_turns(wasmcu_instance *owner, wasmcu_instance *cur, wasmcu_val *fp, const uint8_t *pc)
{
    if (!cur->mem) return 0;
    /* [a, b, value, offset16] then [j, x, y, n, target] at 6; j is a or b and x or y */
    uint32_t ja = pc[0] == pc[6], js = pc[7] == pc[6];
    uint32_t j = I32(fp[pc[6]]), base = I32(fp[pc[ja]]), step = I32(fp[pc[7 + js]]), n = I32(fp[pc[9]]);
    uint16_t off;
    memcpy(&off, pc + 3, 2);
    const uint8_t v = (uint8_t)fp[pc[2]];
    /* every byte in bounds: the address base + j never wraps, and the last is below the end */
    if (!step || j >= n || (uint64_t)base + n - 1 > 0xFFFFFFFFu || (uint64_t)base + n - 1 + off >= cur->mem->size)
        return 0;
    uint8_t *at = cur->mem->data + (uint64_t)base + off;
    /* i is j without wrapping: a step past 2^32 ends the turns here (i >= n) with j as the
     * wasm code has it, wrapped, and the caller's loop goes on from there */
    uint64_t i = j;
    for (;;) { /* the caller found no check due */
        uint64_t stop = n - i > (uint64_t)step * FILL_CHUNK ? i + (uint64_t)step * FILL_CHUNK : n;
        do {
            at[i] = v;
            i += step;
        } while (i < stop);
        if (i >= n || owner->checks) break;
    }
    j = (uint32_t)i;
    fp[pc[6]] = j; /* the whole slot, zero-extended: an i32's form in every build */
    return j >= n;
}
