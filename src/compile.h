/* The internal code the interpreter runs, produced by validate in the same pass.
 *
 * A function compiles to an array of 32-bit words: an opcode (WM_OP_*) followed by its
 * operands. The value stack of a call is [params][locals][operands], all 64-bit slots;
 * `fp` points at the first param and every height below is a slot index from fp. Branch
 * targets are word indexes into the function's code; what a branch must keep and where it
 * must move it is precomputed, so no label stack exists at run time.
 *
 *   numeric, drop, select...   [op]                       operate on the top of the stack
 *   i32/f32.const              [op, bits]
 *   i64/f64.const              [op, lo, hi]
 *   local.*, global.*          [op, index]
 *   loads and stores           [op, offset]
 *   jump                       [op, target]               (br / else without moving values)
 *   br_drop                    [op, target, arity, height] move the top arity values to
 *                                                          height, then jump
 *   br_if / br_if_drop         as jump / br_drop, taken when the popped i32 is not zero
 *   if_false                   [op, target]               jump when the popped i32 is zero
 *   br_table                   [op, n, d | wide << 31, d x (target, arity, height),
 *                                                          n+1 indexes into those d distinct
 *                                                          branches: bytes, or 16-bit when
 *                                                          wide (d > 256), packed low first]
 *   call                       [op, funcidx]
 *   call_indirect              [op, typeidx, tableidx]
 *   ref.func                   [op, funcidx]
 *   table.* / elem.drop        [op, index] (table.copy [op, dst, src]; table.init [op, elem, table])
 *   memory.init / data.drop    [op, dataidx]
 *   return                     [op]                       (also ends every function)
 *   jump_loop / br_if_loop     [op, target]               jump / br_if back to a loop head,
 *                                                          checking fuel and interrupts first
 *   loop                       [op]                       the same check in front of other
 *                                                          back-edges (br_drop, br_table);
 *                                                          calls check in the call itself
 */
#ifndef WM_COMPILE_H
#define WM_COMPILE_H

#include "opcodes.h"
#include "wasmcu.h"

/* Runs numeric instruction op (one numeric.c computes) on frame fp, pc at its first operand
 * unit: writes its result slot and *units, the units it spans after the opcode; or returns
 * its trap. */
wasmcu_err wm_numeric(uint32_t op, wasmcu_val *fp, const uint16_t *pc, uint32_t *units);

#endif
