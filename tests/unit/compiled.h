/* The unit tests' look at compiled code (so internal headers): whether the function an
 * instance exports as name, once it has run, starts with compiled opcode op, has op at byte
 * at, or ends with op and its len - 1 bytes of fields. */
#ifndef WASMCU_TEST_COMPILED_H
#define WASMCU_TEST_COMPILED_H
#include "module.h"
#include "opcodes.h"
#include "runtime.h"
#include "wasmcu.h"

static inline int starts_with(wasmcu_instance *inst, const char *name, uint32_t op)
{
    const wm_func *f = wasmcu_find_func(inst, name);
    return f && f->code && f->code->ops && f->code->nops && f->code->ops[0] == op;
}

static inline int has_op_at(wasmcu_instance *inst, const char *name, uint32_t at, uint32_t op)
{
    const wm_func *f = wasmcu_find_func(inst, name);
    return f && f->code && f->code->ops && f->code->nops > at && f->code->ops[at] == op;
}

static inline int ends_with(wasmcu_instance *inst, const char *name, uint32_t op, uint32_t len)
{
    const wm_func *f = wasmcu_find_func(inst, name);
    return f && f->code && f->code->ops && f->code->nops >= len &&
           f->code->ops[f->code->nops - len] == op;
}

#endif
