/* The internal code the interpreter runs, produced by validate in the same pass as checking
 * (at a function's first call under WM_CONFIG_LAZY_COMPILE).
 *
 * validate emits the bytes run reads, patching them while it compiles (a function whose
 * frame passes 256 slots or whose code passes what a target reaches: 16-bit words, which
 * pack.c then turns into bytes): an opcode (WM_OP_*) byte, then its fields, each
 * kind one letter of the instruction's compiled form in opcodes.def. Most fields are slots
 * of the frame, one byte each, indexes from fp: [params][locals][constants][operand homes],
 * all 64-bit. The constants a function reads sit in slots filled at every call (WM_CONFIG_
 * CONST_SLOTS); a value on the wasm operand stack at height h lives in home slot
 * locals + constants + h, and local.get and constants emit nothing: the instruction that
 * uses them names the local's or the constant's slot. A frame of more than 256 slots stages
 * its far operands through scratch slots (pack.h: slot_in [scratch, slot16] before an
 * instruction, slot_out [slot16, scratch] after it). Slot runs (args, top, to, from), counts,
 * memory offsets are 16 bits; indexes and immediates 32; a target is a byte offset from
 * where it is written, signed, WM_TB (2) bytes (so that no register need hold the code's
 * start; only a loop's back-edge is negative; code past what it reaches goes through far
 * jumps, pack.c); all in the target's byte order, at any alignment. Frames past 65527
 * slots are refused.
 *
 *   unary, binary ops        [op, dst, a] / [op, dst, a, b]
 *   numeric1, numeric2       [op, dst, a, k] / [op, dst, a, b, k]: a numeric instruction
 *                                                        programs run seldom (rounding, bit
 *                                                        counts, most conversions...), k its
 *                                                        number among opcodes.def's NOCODE
 *                                                        rows; numeric.c computes it
 *   fused pairs              [op, dst, a, b, c]          second(first(a, b), c), e.g.
 *                                                        i32.add_add; opcodes.def FUSE rows
 *   f64 arithmetic on acc    [op, dst, x]                f64.add_acc .. f64.div_acc2: the
 *                                                        other operand is the result of the
 *                                                        instruction just before, which the
 *                                                        loop still holds (WM_CONFIG_FLOAT_ACC)
 *   local.get (a copy)       [op, dst, src]              where a value must move: joins,
 *                                                        call arguments, a local about to change
 *   i32.const / i64.const    [op, dst, imm32] / [op, dst, lo32, hi32] past the constant slots;
 *   i32.const8               [op, dst, imm8]             sign-extended: most constants
 *   global.get / set         [op, dst|src, index32]
 *   loads / stores           [op, dst, addr, offset] / [op, addr, value, offset]
 *   add-fused load / store   [op, dst, a, b, offset] / [op, a, b, value, offset]
 *   store of an add          [op, addr, a, b, offset]    i32.store_vadd: stores a + b
 *                                                        offsets below 65536 (nearly all)
 *   ea_far                   [op, dst, addr, offset32, size]   a larger offset: the address
 *                                                        plus offset, bounds-checked for size
 *                                                        bytes, into dst (the address's home);
 *                                                        the access follows with offset 0
 *   select                   [op, dst, a, b, cond]
 *   memory.size / grow       [op, top]                   operands at slots top-n..top-1
 *   stack_cold               [op, top, k, a32, b32]      ref.*, table.*, bulk memory as
 *                                                        memory.grow, k its number among the
 *                                                        NOCODE rows, a and b its indexes (0
 *                                                        where it has fewer); bulk.c runs it
 *   jump / jump_loop         [op, target]
 *   br_if / if_false         [op, cond, target]        taken when cond is nonzero / zero
 *   br_eq .. br_ge_u         [op, a, b, target]        an i32 compare fused with br_if/if
 *   add_br_*, and_br_*       [op, dst, x, y, (b,) target]    an add or and, then the branch
 *                                                        that tests its result (ne, lt_u,
 *                                                        lt_s, eq; no b: nonzero / zero)
 *   br_drop                  [op, target, arity, to, from]   moves arity values, jumps
 *   br_if_drop               [op, cond, target, arity, to, from]
 *   br_table                 [op, index, from, n32, d | wide << 31, d x (target, arity, to),
 *                             n+1 indexes into those d branches: bytes, or 16-bit when wide]
 *   br_table_flat            [op, index, n32, (n+1) x target]   no branch moves values
 *   br_table_and             [op, x, y, n32, (n+1) x target]    the same on x & y
 * and with WM_CONFIG_FUSED_OPS (opcodes.def; the joined ones never in a wide function):
 *   load from a load         [op, dst, addr, offset1, offset]    p->q->x
 *   load and its branch      [op, dst, addr, offset, target]   i32.load_br_if,
 *                                                        i32.load8_u_if_false
 *   *p += x                  [op, addr, x, offset]       i32.mem_add, f64.mem_add
 *   a[i]                     [op, dst, i, k, a, offset]  i32.load_shl_add
 *   select on x & y          [op, dst, a, b, x, y]       select_and; select_eq, select_lt_s,
 *                                                        select_lt_u on x, y (any compare)
 *   x * a 16-bit load        [op, dst, x, addr, offset]  i32.mul_load16_u/_s (FUSE_LOAD_OP)
 *   two 16-bit loads' product [op, dst, addr1, offset1, addr2, offset2]
 *                                                        i32.mul2_load16_u/_s
 *   a CRC's step             i32.shr_u_and_xor [d1, a, b, c, d2, e]: d1 = (a >> b) & c,
 *                            d2 = d1 ^ e; select_shr_u_xor_and [dst, x, y, a, k, b, m]
 *   ((x + y) & m) cmp n      [op, x, y, m, n, target]  add_and_br_lt_u .. _ge_u: the
 *                                                        branch on a byte range test
 *   copies joined            mov2 [d1, s1, d2, s2], const8_mov [d1, imm8, d2, s2],
 *                            i32.store_mov [addr, value, offset, d, s] (and _br_if [...,
 *                            cond, target]), mov_load [d, s,
 *                            dst, addr, offset], mov_br_if [d, s, cond, target],
 *                            mov_br_ne [d, s, a, b, target]: in that order
 *   two adds                 [op, d1, a1, b1, i32.add, d2, a2, b2]   i32.add2
 *   straight-line pairs      the first's opcode, its fields, then the second as it was
 *                            (its opcode word stepped over): mov_load_store_mov_br_if
 *                            (_same_br_if: the store to the address just loaded from,
 *                            unchecked), and_br_eq_load_br_if (and the i32.load_load8_u/16_u
 *                            before it, its last load unchecked), and_br_eq_br_table,
 *                            add_load8_u_if_false (_mov_br_ne), add2_add_br_if/_ne; those
 *                            that end a loop's turn only when their last branch goes back
 *   add and branch back      add_br_if_back, add_br_ne_back, add_br_lt_u_back: as
 *                            add_br_*, their branch known to go to a loop's head
 *   call                     [op, funcidx32, args]       args: the first argument's slot,
 *                                                        where the callee's frame starts; a
 *                                                        function of the module (call_import
 *                                                        the same for an import)
 *   call_indirect            [op, typeidx32, tableidx32, args, index]
 *   return                   [op, first result's slot]   (also ends every function): ret1
 *                                                        for one result, return for more,
 *                                                        ret0 [op] for none or one the
 *                                                        instruction before wrote in fp[0]
 *   reload                   [op]                        never compiled: interp.c's
 *                                                        reload_code, where a call into
 *                                                        another instance returns to
 *   loop                     [op]                        the fuel check before a back-edge
 *                                                        that moves values; the conditional
 *                                                        branches check on a negative target,
 *                                                        the _back forms and the joined loop
 *                                                        ends always, jump_loop always, calls
 *                                                        in the call
 */
#ifndef WM_COMPILE_H
#define WM_COMPILE_H

#include "config.h"
#include "opcodes.h"
#include "wasmcu.h"

/* A branch target's bytes in compiled code: a signed 16-bit offset from where it is
 * written (the name keeps the field offsets past a target readable). It reaches any byte of
 * a function of up to WM_TB_MAX bytes of code; a longer one compiles wide, and pack.c sends
 * its branches through far jumps (jump_far [op, target32]). */
#define WM_TB 2
#define WM_TB_MAX (WM_CONFIG_FAR_AT < 0x7FFFu ? WM_CONFIG_FAR_AT : 0x7FFFu)

/* Runs numeric instruction op (one numeric.c computes) on frame fp, pc at its first operand
 * byte: writes its result slot and *len, the bytes it spans after the opcode; or returns
 * its trap. */
wasmcu_err wm_numeric(uint32_t op, wasmcu_val *fp, const uint8_t *pc, uint32_t *len);
/* Runs the stack_cold instruction at pc, past its opcode (a table, reference or bulk-memory
 * one, bulk.c), in cur on frame fp; or returns its trap. */
wasmcu_err wm_stack_cold(wasmcu_instance *cur, wasmcu_val *fp, const uint8_t *pc);
/* The turns of the byte_fill_turns at pc (its fields after the opcode, interp.c's
 * FILL_TURNS) on frame fp, in cur's memory, run by owner, when a test up front shows every
 * turn's byte in bounds: 1 when they all ran (j written), else 0, j written where owner's
 * checks were set (looked at every FILL_CHUNK turns) or j wrapped, or nothing done
 * (bulk.c). */
int wm_fill_turns(wasmcu_instance *owner, wasmcu_instance *cur, wasmcu_val *fp, const uint8_t *pc);

#endif
