/* wasmcu: a WebAssembly runtime for microcontrollers.
 *
 * The only header an embedder includes. Every handle is opaque; every function that can fail
 * returns a wasmcu_err and leaves a human-readable detail in wasmcu_last_error(). The runtime
 * allocates only from the pool given to wasmcu_init(); module bytes are never written.
 */
#ifndef WASMCU_H
#define WASMCU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error and trap codes: X(code, message). Trap messages use the spec testsuite's wording. */
#define WASMCU_ERRORS(X)                                                        \
    X(WASMCU_OK, "ok")                                                          \
    X(WASMCU_ERR_OOM, "out of memory")                                          \
    X(WASMCU_ERR_MALFORMED, "malformed module")                                 \
    X(WASMCU_ERR_INVALID, "invalid module")                                     \
    X(WASMCU_ERR_LINK, "unlinkable")                                            \
    X(WASMCU_ERR_ARG, "bad argument")                                           \
    X(WASMCU_ERR_NOT_FOUND, "not found")                                        \
    X(WASMCU_ERR_UNSUPPORTED, "unsupported")                                    \
    X(WASMCU_FUEL_EXHAUSTED, "fuel exhausted")                                  \
    X(WASMCU_INTERRUPTED, "interrupted")                                        \
    X(WASMCU_TRAP_UNREACHABLE, "unreachable")                                   \
    X(WASMCU_TRAP_DIV_ZERO, "integer divide by zero")                           \
    X(WASMCU_TRAP_INT_OVERFLOW, "integer overflow")                             \
    X(WASMCU_TRAP_INVALID_CONVERSION, "invalid conversion to integer")          \
    X(WASMCU_TRAP_MEMORY_OOB, "out of bounds memory access")                    \
    X(WASMCU_TRAP_TABLE_OOB, "out of bounds table access")                      \
    X(WASMCU_TRAP_UNDEFINED_ELEMENT, "undefined element")                       \
    X(WASMCU_TRAP_UNINITIALIZED_ELEMENT, "uninitialized element")               \
    X(WASMCU_TRAP_INDIRECT_MISMATCH, "indirect call type mismatch")             \
    X(WASMCU_TRAP_STACK_EXHAUSTED, "call stack exhausted")                      \
    X(WASMCU_TRAP_HOST, "host function trapped")                                \
    X(WASMCU_TRAP_EXIT, "program exited")

typedef enum wasmcu_err {
#define WASMCU_X_ENUM(code, msg) code,
    WASMCU_ERRORS(WASMCU_X_ENUM)
#undef WASMCU_X_ENUM
    WASMCU_ERR_COUNT_
} wasmcu_err;

/* Codes from WASMCU_TRAP_UNREACHABLE on are traps raised while wasm code runs. */
#define WASMCU_IS_TRAP(e) ((e) >= WASMCU_TRAP_UNREACHABLE)

/* Value types, numbered as in the binary format. */
typedef enum wasmcu_valtype {
    WASMCU_I32 = 0x7F,
    WASMCU_I64 = 0x7E,
    WASMCU_F32 = 0x7D,
    WASMCU_F64 = 0x7C,
    WASMCU_V128 = 0x7B,
    WASMCU_FUNCREF = 0x70,
    WASMCU_EXTERNREF = 0x6F
} wasmcu_valtype;

/* One value: integers and float bits in the low bits, references as pointers (0 = null).
 * Floats are carried as raw bits so NaN payloads survive; use the helpers below. */
typedef uint64_t wasmcu_val;

typedef struct wasmcu_runtime wasmcu_runtime;
typedef struct wasmcu_module wasmcu_module;
typedef struct wasmcu_instance wasmcu_instance;
typedef struct wasmcu_func wasmcu_func;

/* Static text for a code, e.g. "integer divide by zero". */
const char *wasmcu_err_str(wasmcu_err err);

/* ---- runtime ---------------------------------------------------------------------------- */

/* Creates a runtime inside `pool` (any alignment); all later allocations come from it.
 * Returns NULL if the pool is too small to hold the runtime itself. */
wasmcu_runtime *wasmcu_init(void *pool, size_t pool_size);
/* wasmcu_init for a pool of zero bytes only (a static array at boot, calloc's memory): what
 * the runtime never handed out, such as a new instance's linear memory, is not cleared again. */
wasmcu_runtime *wasmcu_init_zeroed(void *pool, size_t pool_size);
/* Frees every module and instance still alive; the pool may then be reused. */
void wasmcu_destroy(wasmcu_runtime *rt);
/* Detail of the last error on this runtime: what failed and where (never NULL). */
const char *wasmcu_last_error(const wasmcu_runtime *rt);
/* Bytes of the pool in use now, and the most ever in use (the high-water mark). */
size_t wasmcu_pool_used(const wasmcu_runtime *rt);
size_t wasmcu_pool_peak(const wasmcu_runtime *rt);
/* Bytes of the pool not in use, and the largest single block that can still be allocated. */
size_t wasmcu_pool_free(const wasmcu_runtime *rt);
size_t wasmcu_pool_largest_free(const wasmcu_runtime *rt);

/* ---- natives ---------------------------------------------------------------------------- */

typedef struct wasmcu_call_ctx wasmcu_call_ctx;

/* The one C signature of every native: args and results hold the wasm values in order.
 * Return WASMCU_OK, or a trap code (the call then traps with wasmcu_trap_message's text). */
typedef wasmcu_err (*wasmcu_native_fn)(wasmcu_call_ctx *ctx, const wasmcu_val *args,
                                       wasmcu_val *results);

/* Registers `module`.`name` for imports. `sig` is "(params)results" with i I f F for
 * i32 i64 f32 f64 and r e for funcref externref, e.g. "(ii)i"; strings must outlive the runtime. */
wasmcu_err wasmcu_register_native(wasmcu_runtime *rt, const char *module, const char *name,
                                  const char *sig, wasmcu_native_fn fn, void *user);
/* The user pointer given at registration, and the calling instance. */
void *wasmcu_native_user(wasmcu_call_ctx *ctx);
wasmcu_instance *wasmcu_native_instance(wasmcu_call_ctx *ctx);
/* Sets the message a trapping native reports; the text is copied. */
void wasmcu_native_set_trap_message(wasmcu_call_ctx *ctx, const char *msg);
/* For a native implementing exit: records `code`; the native then returns WASMCU_TRAP_EXIT,
 * which unwinds the call and is reported by wasmcu_call as WASMCU_TRAP_EXIT. */
void wasmcu_native_exit(wasmcu_call_ctx *ctx, int32_t code);
/* The code given to wasmcu_native_exit by the last call that exited. */
int32_t wasmcu_exit_code(const wasmcu_runtime *rt);

/* Where console output of the env and WASI natives goes (e.g. a UART). Without it, output
 * is dropped. */
typedef void (*wasmcu_write_fn)(void *user, const char *s, size_t n);
void wasmcu_set_console(wasmcu_runtime *rt, wasmcu_write_fn write, void *user);
/* Writes through the console set above. */
void wasmcu_console_write(wasmcu_runtime *rt, const char *s, size_t n);

/* Registers the "env" natives of lib/env (puts, printf, malloc, memcpy...) for modules
 * linked with -nostdlib --allow-undefined. Needs lib/env in the build. */
wasmcu_err wasmcu_register_env(wasmcu_runtime *rt);

/* ---- WASI (lib/wasi) ------------------------------------------------------------------- */

/* wasi_snapshot_preview1 for programs built with a full libc. lib/wasi turns the ABI (guest
 * pointers checked, WASI errno values) into calls on a backend: platform/posix for a host
 * with files and directories, or wasmcu_wasi_console_ops() for a device with a console only.
 * Backend functions return a WASI errno (0 = success); h is a backend handle (an fd). */
typedef struct wasmcu_wasi_filestat {
    uint64_t dev, ino, nlink, size, atim, mtim, ctim;
    uint8_t filetype; /* WASI filetype: 3 directory, 4 regular file, 7 symlink... */
} wasmcu_wasi_filestat;

typedef struct wasmcu_wasi_ops {
    int (*clock_time)(void *ctx, uint32_t clock, uint64_t *ns);
    int (*clock_res)(void *ctx, uint32_t clock, uint64_t *ns);
    int (*random)(void *ctx, uint8_t *buf, uint32_t n);
    int (*sleep)(void *ctx, uint64_t ns);
    int (*read)(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint32_t *got);
    int (*write)(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint32_t *put);
    int (*pread)(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint64_t at, uint32_t *got);
    int (*pwrite)(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint64_t at, uint32_t *put);
    int (*seek)(void *ctx, int32_t h, int64_t off, uint8_t whence, uint64_t *pos);
    int (*close)(void *ctx, int32_t h);
    int (*sync)(void *ctx, int32_t h, int data_only);
    int (*fdstat)(void *ctx, int32_t h, uint8_t *filetype, uint16_t *fdflags);
    int (*set_fdflags)(void *ctx, int32_t h, uint16_t fdflags);
    int (*filestat)(void *ctx, int32_t h, wasmcu_wasi_filestat *st);
    int (*set_size)(void *ctx, int32_t h, uint64_t size);
    int (*set_times)(void *ctx, int32_t h, uint64_t atim, uint64_t mtim, uint16_t fstflags);
    int (*allocate)(void *ctx, int32_t h, uint64_t off, uint64_t len);
    /* The directory entry after `cookie` (0: the first): *name_len 0 at the end. */
    int (*readdir)(void *ctx, int32_t h, uint64_t cookie, uint64_t *next, uint64_t *ino,
                   uint8_t *type, char *name, uint32_t cap, uint32_t *name_len);
    /* Paths are relative to the directory handle dir, not NUL-terminated, and must not lead
     * out of it (the backend's sandbox); follow: lookupflags symlink_follow. */
    int (*open)(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                uint16_t oflags, uint16_t fdflags, int writable, int32_t *h);
    int (*stat)(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                wasmcu_wasi_filestat *st);
    int (*utimes)(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                  uint64_t atim, uint64_t mtim, uint16_t fstflags);
    int (*mkdir)(void *ctx, int32_t dir, const char *path, uint32_t len);
    int (*rmdir)(void *ctx, int32_t dir, const char *path, uint32_t len);
    int (*unlink)(void *ctx, int32_t dir, const char *path, uint32_t len);
    int (*rename)(void *ctx, int32_t dir, const char *path, uint32_t len, int32_t to_dir,
                  const char *to, uint32_t to_len);
    int (*link)(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                int32_t to_dir, const char *to, uint32_t to_len);
    int (*symlink)(void *ctx, const char *target, uint32_t target_len, int32_t dir,
                   const char *path, uint32_t len);
    int (*readlink)(void *ctx, int32_t dir, const char *path, uint32_t len, char *buf,
                    uint32_t cap, uint32_t *used);
    /* poll_oneoff on an fd: 0 when ready now (with the bytes available), -1 when not yet,
     * or an errno */
    int (*ready)(void *ctx, int32_t h, int for_write, uint64_t *nbytes);
    /* Blocks until one of the n handles may be ready (for_write[i]: for writing) or
     * timeout_ns passes (UINT64_MAX: no limit); 0, or an errno. poll_oneoff asks `ready`
     * again after it, so waking early is harmless. NULL: fds that aren't ready can't be
     * waited for (only clocks, with sleep). */
    int (*wait)(void *ctx, const int32_t *h, const uint8_t *for_write, uint32_t n,
                uint64_t timeout_ns);
    /* A NULL op makes its functions return ENOSYS (clocks, random, sleep) or EBADF/ENOTSUP. */
} wasmcu_wasi_ops;

typedef struct wasmcu_wasi_preopen {
    int32_t handle;    /* a directory handle of the backend */
    const char *name;  /* what the guest sees it as, e.g. "." or "/data" */
    int read_only;     /* no writes, creates, renames or deletes below it */
} wasmcu_wasi_preopen;

typedef struct wasmcu_wasi_config {
    const wasmcu_wasi_ops *ops;
    void *ctx;                      /* passed to every op */
    int argc;
    const char *const *argv;        /* argv[0] is the program name */
    int envc;
    const char *const *env;         /* "KEY=value" */
    int32_t stdio[3];               /* handles of fds 0, 1, 2; -1 for none */
    uint32_t npreopens;
    const wasmcu_wasi_preopen *preopens; /* become fds 3, 4, ... */
} wasmcu_wasi_config;

/* Registers every wasi_snapshot_preview1 function on rt for one program (the strings and
 * arrays of cfg must outlive rt). proc_exit ends the call with WASMCU_TRAP_EXIT and the code
 * in wasmcu_exit_code(). The stdio and preopen handles stay the caller's: the guest closing
 * them only forgets them. Needs lib/wasi in the build. */
wasmcu_err wasmcu_register_wasi(wasmcu_runtime *rt, const wasmcu_wasi_config *cfg);
/* A device backend: stdout and stderr go to the console set with wasmcu_set_console, stdin
 * reads nothing, there are no files; clocks and random come from the hooks (NULL: ENOSYS).
 * Sleeps (poll_oneoff's clocks) use sleep_ns, else spin on monotonic_ns.
 * Its ctx is a wasmcu_wasi_console; use handles 0, 1, 2 for stdio. */
typedef struct wasmcu_wasi_console {
    wasmcu_runtime *rt;
    uint64_t (*monotonic_ns)(void);
    uint64_t (*realtime_ns)(void);
    void (*random)(uint8_t *buf, uint32_t n);
    void (*sleep_ns)(uint64_t ns); /* e.g. a timer and WFI; NULL: busy-wait on monotonic_ns */
} wasmcu_wasi_console;
extern const wasmcu_wasi_ops wasmcu_wasi_console_ops;
/* A device backend with files: a small RAM file system formatted in `mem` (n bytes, any
 * alignment; nothing else is allocated), with the console backend's stdio, clocks and random.
 * Returns its ctx for wasmcu_wasi_ramfs_ops, or NULL if n is too small (about 2 KiB). Files
 * and directories only: no hard links or symlinks (ENOTSUP). */
typedef struct wasmcu_wasi_ramfs wasmcu_wasi_ramfs;
wasmcu_wasi_ramfs *wasmcu_wasi_ramfs_init(void *mem, size_t n, const wasmcu_wasi_console *console);
/* The handle of its root directory, to preopen (e.g. as "/data"). */
int32_t wasmcu_wasi_ramfs_root(wasmcu_wasi_ramfs *fs);
/* Closes every file and directory a program left open (not the root), so the next program
 * run on the same file system finds all its handles free; files unlinked while open go. */
void wasmcu_wasi_ramfs_close_all(wasmcu_wasi_ramfs *fs);
extern const wasmcu_wasi_ops wasmcu_wasi_ramfs_ops;

/* Bytes from the runtime's pool, zeroed, kept until wasmcu_destroy (for native libraries'
 * state); NULL when the pool is full. */
void *wasmcu_runtime_alloc(wasmcu_runtime *rt, size_t n);

/* ---- modules ---------------------------------------------------------------------------- */

/* Decodes and validates `bytes` (which may sit in flash and must outlive the module). */
wasmcu_err wasmcu_load(wasmcu_runtime *rt, const uint8_t *bytes, size_t len,
                       wasmcu_module **out);
/* Frees a module; every instance of it must be gone first. */
void wasmcu_unload(wasmcu_module *mod);
/* Compiles every function now. Loading only validates when the runtime compiles lazily
 * (WM_CONFIG_LAZY_COMPILE, the default): each function is compiled at its first call, and
 * that call fails with WASMCU_ERR_OOM if the pool is full. Call this to take the RAM up front. */
wasmcu_err wasmcu_compile_all(wasmcu_module *mod);
/* RAM the module's compiled code takes now (code and constants, in bytes); *funcs (if not
 * NULL) gets how many of its functions are compiled. */
size_t wasmcu_compiled_bytes(const wasmcu_module *mod, uint32_t *funcs);

/* ---- instances -------------------------------------------------------------------------- */

typedef struct wasmcu_instance_config {
    uint32_t stack_size; /* bytes of value stack for wasm calls; 0 = default */
    uint32_t heap_size;  /* bytes of app heap for env malloc in linear memory; 0 = default */
    uint32_t max_call_depth; /* nested wasm calls before "call stack exhausted" (a native
                              * calling back into wasm takes one); 0 = default */
    uint32_t max_memory_pages; /* cap on the instance's own memory (64 KiB pages); 0 = module's */
    uint32_t max_table_size;   /* cap on each of its own tables; 0 = module's */
    uint32_t small_memory_bytes; /* small-memory mode: give the module's memory only this many
                                  * bytes (1..64 KiB) instead of its first page; only for a module
                                  * with one page and no memory.grow; 0 = off */
} wasmcu_instance_config;

/* Links imports (registered instances first, then natives), builds memory, tables and
 * globals, applies segments and runs the start function. `cfg` may be NULL. */
wasmcu_err wasmcu_instantiate(wasmcu_runtime *rt, wasmcu_module *mod,
                              const wasmcu_instance_config *cfg, wasmcu_instance **out);
/* Frees an instance; one registered by name is unregistered first. */
void wasmcu_deinstantiate(wasmcu_instance *inst);
/* Makes the exports of `inst` importable under module name `name` (copied). */
wasmcu_err wasmcu_register_instance(wasmcu_runtime *rt, const char *name, wasmcu_instance *inst);

/* ---- exports and calls ------------------------------------------------------------------ */

/* The exported function `name`, or NULL. */
wasmcu_func *wasmcu_find_func(wasmcu_instance *inst, const char *name);
/* The same for a name of `len` bytes (export names may hold any UTF-8, NUL included). */
wasmcu_func *wasmcu_find_func_len(wasmcu_instance *inst, const char *name, size_t len);
/* Types of a function: counts and the i-th value type. */
uint32_t wasmcu_func_param_count(const wasmcu_func *f);
uint32_t wasmcu_func_result_count(const wasmcu_func *f);
wasmcu_valtype wasmcu_func_param_type(const wasmcu_func *f, uint32_t i);
wasmcu_valtype wasmcu_func_result_type(const wasmcu_func *f, uint32_t i);
/* Calls `f` with exactly its parameter count in args; results get its result count.
 * On a trap, wasmcu_last_error() has the trap and a backtrace of wasm functions. */
wasmcu_err wasmcu_call(wasmcu_instance *inst, wasmcu_func *f, const wasmcu_val *args,
                       uint32_t nargs, wasmcu_val *results, uint32_t nresults);

/* One wasm frame of a trap's call stack. */
typedef struct wasmcu_frame_info {
    uint32_t func_index;  /* in the module's function space (imports first) */
    uint32_t code_offset; /* module byte offset of the instruction; UINT32_MAX if unknown */
    const char *name;     /* name-section (else export) name, name_len bytes, not
                           * NUL-terminated; NULL if none. Points into the module's bytes. */
    uint32_t name_len;
} wasmcu_frame_info;
/* The call stack of the last error if it was a trap, innermost frame first: copies up to
 * max frames to out and returns how many were recorded (0 for errors that are no trap). */
uint32_t wasmcu_backtrace(const wasmcu_runtime *rt, wasmcu_frame_info *out, uint32_t max);

/* ---- fuel, interrupts, resuming -------------------------------------------------------- */

/* Meters calls on inst: each wasm call and each branch back to a loop head costs 1; when fuel runs
 * out, wasmcu_call returns WASMCU_FUEL_EXHAUSTED and the call can be resumed. */
#define WASMCU_FUEL_UNLIMITED UINT64_MAX
void wasmcu_set_fuel(wasmcu_instance *inst, uint64_t fuel);
uint64_t wasmcu_fuel_left(const wasmcu_instance *inst);
/* Asks the running (or next) call on inst to stop at its next check with
 * WASMCU_INTERRUPTED; safe from an interrupt handler or another thread. */
void wasmcu_interrupt(wasmcu_instance *inst);
/* Continues a call stopped by fuel or an interrupt, exactly where it stopped; results as
 * for wasmcu_call. While a call is stopped, new calls on inst are refused. */
wasmcu_err wasmcu_resume(wasmcu_instance *inst, wasmcu_val *results, uint32_t nresults);

/* Reads the exported global `name`: its value and type. */
wasmcu_err wasmcu_get_global(wasmcu_instance *inst, const char *name, wasmcu_val *value,
                             wasmcu_valtype *type);
/* The same for a name of `len` bytes. */
wasmcu_err wasmcu_get_global_len(wasmcu_instance *inst, const char *name, size_t len,
                                 wasmcu_val *value, wasmcu_valtype *type);

/* ---- linear memory ---------------------------------------------------------------------- */

/* Size in bytes of the instance's memory 0 (0 if it has none). */
uint32_t wasmcu_memory_size(const wasmcu_instance *inst);
/* memory.grow on memory 0: the old size in pages, or -1 when it cannot grow. */
int32_t wasmcu_memory_grow(wasmcu_instance *inst, uint32_t delta_pages);
/* The heap_size the instance was created with (after defaults). */
uint32_t wasmcu_instance_heap_size(const wasmcu_instance *inst);
/* The value of the module's exported i32 global __heap_base (where a C toolchain's heap
 * starts), 0 if it exports none; found at instantiation, so cheap enough for each malloc. */
uint32_t wasmcu_instance_heap_base(const wasmcu_instance *inst);
/* The runtime an instance belongs to. */
wasmcu_runtime *wasmcu_instance_runtime(wasmcu_instance *inst);
/* A pointer the embedder or a native library may attach to an instance. */
void wasmcu_instance_set_user(wasmcu_instance *inst, void *user);
void *wasmcu_instance_user(const wasmcu_instance *inst);
/* Host pointer for guest range [addr, addr+len), or NULL if any byte is out of bounds. */
void *wasmcu_memory_ptr(wasmcu_instance *inst, uint32_t addr, uint32_t len);

/* ---- value helpers ---------------------------------------------------------------------- */

static inline wasmcu_val wasmcu_val_i32(int32_t v) { return (uint32_t)v; }
static inline wasmcu_val wasmcu_val_i64(int64_t v) { return (uint64_t)v; }
static inline wasmcu_val wasmcu_val_f32_bits(uint32_t bits) { return bits; }
static inline wasmcu_val wasmcu_val_f64_bits(uint64_t bits) { return bits; }
static inline int32_t wasmcu_as_i32(wasmcu_val v) { return (int32_t)(uint32_t)v; }
static inline int64_t wasmcu_as_i64(wasmcu_val v) { return (int64_t)v; }

#ifdef __cplusplus
}
#endif
#endif
