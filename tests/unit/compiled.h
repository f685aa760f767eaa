/* The unit tests' look at compiled code (so internal headers): whether the function an
 * instance exports as name, once it has run, starts with compiled opcode op, which opcode
 * is at byte at, whether op has another opcode some bytes on, or whether it ends with op
 * and its len - 1 bytes of fields. */
#ifndef WASMCU_TEST_COMPILED_H
#define WASMCU_TEST_COMPILED_H
#include <string.h>
#include "compile.h"
#include "module.h"
#include "opcodes.h"
#include "runtime.h"
#include "wasmcu.h"

/* the compiled opcode at byte at of the function, UINT32_MAX past its end or without one */
static inline uint32_t op_at(wasmcu_instance *inst, const char *name, uint32_t at)
{
    const wm_func *f = wasmcu_find_func(inst, name);
    return f && f->code && f->code->ops && f->code->nops > at ? f->code->ops[at] : UINT32_MAX;
}

/* the branch target written at p: an offset from p, WM_TB bytes (compile.h) */
static inline int32_t target_rel(const uint8_t *p)
{
    int16_t h;
    memcpy(&h, p, 2);
    return h;
}

static inline int starts_with(wasmcu_instance *inst, const char *name, uint32_t op)
{
    return op_at(inst, name, 0) == op;
}

/* whether export name's code has op with next's opcode len bytes on */
static inline int has_pair(wasmcu_instance *inst, const char *name, uint32_t op, uint32_t len, uint32_t next)
{
    for (uint32_t at = 0; op_at(inst, name, at + len) != UINT32_MAX; at++)
        if (op_at(inst, name, at) == op && op_at(inst, name, at + len) == next) return 1;
    return 0;
}

static inline int ends_with(wasmcu_instance *inst, const char *name, uint32_t op, uint32_t len)
{
    const wm_func *f = wasmcu_find_func(inst, name);
    return f && f->code && f->code->nops >= len && op_at(inst, name, f->code->nops - len) == op;
}

#endif
