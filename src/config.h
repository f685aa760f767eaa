/* Every build knob of wasmcu, always defined (build with -Wundef). Override with -D. */
#ifndef WM_CONFIG_H
#define WM_CONFIG_H

#include <float.h> /* FLT_EVAL_METHOD, for WM_CONFIG_FLOAT_ACC */

/* Dispatch the interpreter through a table of label addresses (GCC/Clang "computed goto")
 * instead of a switch. 1 is faster where the compiler supports it; 0 is plain C11, and the
 * default of size-optimised builds (-Os defines __OPTIMIZE_SIZE__): its handlers share one
 * dispatch, which makes the runtime ~2.7 KB smaller on Cortex-M4. */
#ifndef WM_CONFIG_COMPUTED_GOTO
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__OPTIMIZE_SIZE__)
#define WM_CONFIG_COMPUTED_GOTO 1
#else
#define WM_CONFIG_COMPUTED_GOTO 0
#endif
#endif

/* A flat br_table also holds the opcode each target starts with (interp.c's BR_FLAT), so
 * that its jump's address does not wait on a load from the target: an out-of-order CPU
 * mispredicts most of a switch's jumps and then waits for that address (brtable's wall time
 * -6% on x86-64). An in-order core only runs the extra arithmetic (brtable 1.6% more
 * cycles on the emulated Cortex-M4F). On for 64-bit targets with computed goto. */
#ifndef WM_CONFIG_FLAT_OPCODES
#if WM_CONFIG_COMPUTED_GOTO && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 8
#define WM_CONFIG_FLAT_OPCODES 1
#else
#define WM_CONFIG_FLAT_OPCODES 0
#endif
#endif
#if WM_CONFIG_FLAT_OPCODES && !WM_CONFIG_COMPUTED_GOTO
#error "WM_CONFIG_FLAT_OPCODES needs WM_CONFIG_COMPUTED_GOTO"
#endif

/* How an i32 or f32 result goes into its 64-bit slot. 1: only its low half, which the
 * target's byte order puts first, is written; the high half keeps whatever it held, so
 * i64.extend_i32_u is an instruction, and i32s leaving for a native or the embedder are
 * zero-extended on the way. A 32-bit core saves the store of the high half: three of the
 * fifteen instructions of an i32.add on Cortex-M4. 0: the whole slot, zero-extended, which
 * costs a 64-bit core nothing and lets i64.extend_i32_u compile to nothing. */
#ifndef WM_CONFIG_I32_LOW_HALF
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && defined(__SIZEOF_POINTER__)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && __SIZEOF_POINTER__ == 4
#define WM_CONFIG_I32_LOW_HALF 1
#endif
#endif
#ifndef WM_CONFIG_I32_LOW_HALF
#define WM_CONFIG_I32_LOW_HALF 0
#endif
#endif
#if WM_CONFIG_I32_LOW_HALF && defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "WM_CONFIG_I32_LOW_HALF needs a little-endian target"
#endif
#endif
/* The same for f32 results alone, where WM_CONFIG_I32_LOW_HALF is 0 (1 there covers them):
 * 1 writes only the low half, as a 64-bit core stores a float register's 4 bytes in one
 * instruction, where a zero-extended slot takes two (a move to an integer register first;
 * floatmath's f32 loop 2% fewer instructions on x86-64). i32.reinterpret_f32 then
 * zero-extends, and f32s leaving are zero-extended on the way. The default where the byte
 * order is known to be little-endian. */
#ifndef WM_CONFIG_F32_LOW_HALF
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WM_CONFIG_F32_LOW_HALF 1
#endif
#endif
#ifndef WM_CONFIG_F32_LOW_HALF
#define WM_CONFIG_F32_LOW_HALF 0
#endif
#endif
#if WM_CONFIG_F32_LOW_HALF && defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "WM_CONFIG_F32_LOW_HALF needs a little-endian target"
#endif
#endif

/* Fused instructions: pairs such as add-then-load or shift-then-and compile to one
 * instruction (validate.c's fuse_pairs). 1 runs CoreMark in ~4% fewer instructions; 0, the
 * default of size-optimised builds, saves ~0.8 KB on Cortex-M4. */
#ifndef WM_CONFIG_FUSED_OPS
#if defined(__OPTIMIZE_SIZE__)
#define WM_CONFIG_FUSED_OPS 0
#else
#define WM_CONFIG_FUSED_OPS 1
#endif
#endif

/* Families of instructions share one handler each: i64 and float arithmetic, i32 division
 * and the commonest conversions (numeric.h's WM_HOT_NUMERIC) go through the cold numeric
 * instructions' wm_numeric (numeric.c); loads and stores through one handler each; and a
 * call's frame is set up by memset and memcpy alone. 1, the default of size-optimised builds,
 * makes the runtime ~0.9 KB smaller on Cortex-M4, and those instructions slower by a call or
 * a switch. */
#ifndef WM_CONFIG_SHARED_HANDLERS
#if defined(__OPTIMIZE_SIZE__)
#define WM_CONFIG_SHARED_HANDLERS 1
#else
#define WM_CONFIG_SHARED_HANDLERS 0
#endif
#endif

/* The f64 arithmetic result just computed stays in a variable of the interpreter loop, and
 * the instruction right after it reads it there instead of from its slot (the *_acc forms of
 * validate_fuse.c): a chain of dependent float operations then skips a store and a load per
 * step, which out-of-order CPUs otherwise wait for. Needs the arithmetic's own handlers, so
 * it is off with WM_CONFIG_SHARED_HANDLERS; and doubles in hardware: where each f64
 * operation is a call (Cortex-M4F, ESP32, rv32imc), acc must live in memory and only costs
 * (floatmath 3% slower on the emulated M4F). And doubles computed as doubles
 * (FLT_EVAL_METHOD 0): an x87 register would keep acc at a wider precision than its slot. */
#ifndef WM_CONFIG_FLOAT_ACC
#if (defined(__x86_64__) || defined(__SSE2__) || defined(__aarch64__) ||                       \
     (defined(__ARM_FP) && (__ARM_FP & 8)) || (defined(__riscv_flen) && __riscv_flen >= 64)) && \
    defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
#define WM_CONFIG_FLOAT_ACC (!WM_CONFIG_SHARED_HANDLERS)
#else
#define WM_CONFIG_FLOAT_ACC 0
#endif
#endif
#if WM_CONFIG_FLOAT_ACC && WM_CONFIG_SHARED_HANDLERS
#error "WM_CONFIG_FLOAT_ACC needs WM_CONFIG_SHARED_HANDLERS 0"
#endif

/* The load pass of lazy compilation checks runs of common instructions on a short path
 * (validate_check.c) instead of the compiler's: loading CoreMark takes ~70% fewer
 * instructions. 0, the default of size-optimised builds, saves ~2.3 KB on Cortex-M4 (1 KB of it
 * the per-opcode table). */
#ifndef WM_CONFIG_QUICK_CHECK
#if defined(__OPTIMIZE_SIZE__)
#define WM_CONFIG_QUICK_CHECK 0
#else
#define WM_CONFIG_QUICK_CHECK 1
#endif
#endif

/* Keep track of the part of a pool given to wasmcu_init_zeroed that is still all zero, so
 * that a new instance's linear memory (and memory.grow's pages) there is not cleared again:
 * the CLI runs an empty module in 235 K instructions instead of 359 K. 0, the default of
 * size-optimised builds, saves ~240 bytes on Cortex-M4; wasmcu_init_zeroed then is wasmcu_init. */
#ifndef WM_CONFIG_CLEAN_POOL
#if defined(__OPTIMIZE_SIZE__)
#define WM_CONFIG_CLEAN_POOL 0
#else
#define WM_CONFIG_CLEAN_POOL 1
#endif
#endif

/* Clear at a call only the declared locals that some path reads before writing (the
 * compiler tracks which locals every path has written): CoreMark -1.5% instructions, a
 * memset less for most functions with locals. 0, the default of size-optimised builds,
 * clears them all and saves ~300 bytes on Cortex-M4. */
#ifndef WM_CONFIG_LOCAL_PATHS
#if defined(__OPTIMIZE_SIZE__)
#define WM_CONFIG_LOCAL_PATHS 0
#else
#define WM_CONFIG_LOCAL_PATHS 1
#endif
#endif

/* Compile each function at its first call instead of at load: loading only validates, and
 * RAM holds code only for the functions that run. 0 compiles every function at load, so
 * that no call can later run out of memory compiling. */
#ifndef WM_CONFIG_LAZY_COMPILE
#define WM_CONFIG_LAZY_COMPILE 1
#endif

/* Fuel and interrupt checks at calls and loop heads (wasmcu_set_fuel, wasmcu_interrupt).
 * 0 compiles them out: those calls then have no effect. */
#ifndef WM_CONFIG_METERING
#define WM_CONFIG_METERING 1
#endif

/* Constants a function's instructions read from slots of its frame (copied in at every
 * call); a function with more distinct constants loads the rest with an instruction.
 * A power of two, at most 128; compiling takes 10 bytes of the pool for each. 64: the
 * large functions of a libc's malloc have 33 to 64 (mallocs -7% instructions against 32).
 * 128 where pointers are 64 bits (a host, with RAM to spare): after wasm-opt, dlmalloc's
 * have up to 134 (that mallocs -2.6%; CoreMark's compiled code 0.99x -> 0.97x). */
#ifndef WM_CONFIG_CONST_SLOTS
#if defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 8
#define WM_CONFIG_CONST_SLOTS 128u
#else
#define WM_CONFIG_CONST_SLOTS 64u
#endif
#endif

/* Frames of at most this many slots compile straight to bytes; a larger one compiles as
 * 16-bit words that pack.c packs, staging its slots past the limit through scratch slots
 * (docs/design.md). 256, what a byte holds; lower only to test the packer: CI runs the unit
 * and spec tests at 32, where most functions go through it. */
#ifndef WM_CONFIG_BYTE_SLOTS
#define WM_CONFIG_BYTE_SLOTS 256u
#endif

/* A function whose byte code passes this many bytes branches through far jumps (pack.c):
 * 32767, what a 2-byte target reaches (compile.h's WM_TB); lower only to test them: CI
 * runs the unit and spec tests at 64, where most functions go through them. */
#ifndef WM_CONFIG_FAR_AT
#define WM_CONFIG_FAR_AT 0x7FFFu
#endif

/* Default value-stack bytes per instance when the embedder passes 0. */
#ifndef WM_CONFIG_DEFAULT_STACK
#define WM_CONFIG_DEFAULT_STACK (64u * 1024u)
#endif

/* Default nested wasm call depth before "call stack exhausted". */
#ifndef WM_CONFIG_DEFAULT_CALL_DEPTH
#define WM_CONFIG_DEFAULT_CALL_DEPTH 1000u
#endif

/* Length of the error detail kept by a runtime, in bytes. */
#ifndef WM_CONFIG_ERROR_LEN
#define WM_CONFIG_ERROR_LEN 512u
#endif

/* Frames shown in a trap's backtrace. */
#ifndef WM_CONFIG_BACKTRACE_DEPTH
#define WM_CONFIG_BACKTRACE_DEPTH 16u
#endif

#endif
