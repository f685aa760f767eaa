/* The runtime, instances and the objects they own or share: functions, tables, memories,
 * globals. Shared by instance, interp and the API facade. */
#ifndef WM_RUNTIME_H
#define WM_RUNTIME_H
#include <stdarg.h>
#include "config.h"
#include "module.h"

typedef struct wm_native {
    struct wm_native *next;
    const char *module, *name, *sig;
    wm_functype type; /* parsed from sig */
    wasmcu_native_fn fn;
    void *user;
} wm_native;

/* A function instance. A funcref value is a pointer to one of these. */
typedef struct wasmcu_func {
    const wm_functype *type;
    struct wasmcu_instance *inst; /* owning instance (for natives: the importing instance) */
    uint32_t idx;                 /* index in its module's function space */
    uint32_t nresults;            /* copied from type at the first call */
    const wm_code *code;          /* wasm function: compiled code; NULL for a native */
    const wm_native *native;      /* native: its registration */
    /* What a call must read before it can go on, copied from code at the first call through
     * this instance (interp.c): one load from the function rather than two */
    const uint8_t *ops;          /* NULL before that, and for a native */
    uint32_t need;                /* slots from the frame's start: params, locals, max height */
    const void *entry;            /* computed goto: ops[0]'s handler, or the copy of the
                                     function's constants that goes on to it (interp.c's
                                     SETUPS), set by the interpreter with ops */
} wm_func;

typedef struct wm_memory {
    uint8_t *data;
    uint64_t size;       /* bytes */
    uint32_t pages;      /* what memory.size reports: size / 65536, except in small mode */
    uint32_t max_pages;  /* effective maximum (65536 when the type has none) */
    uint8_t has_max;
    uint8_t small;       /* small-memory mode: size is below pages * 64 KiB, growing fails */
    uint32_t refs;       /* instances using it (owner included) */
} wm_memory;

typedef struct wm_table {
    wasmcu_val *elems;   /* funcref: wm_func pointers; externref: host values; 0 = null */
    uint32_t size;
    uint32_t max;        /* effective maximum (UINT32_MAX when none) */
    uint8_t has_max;
    wm_valtype type;
    uint32_t refs;
} wm_table;

typedef struct wm_globalcell {
    wasmcu_val value;
    wm_globaltype type;
    uint32_t refs;
} wm_globalcell;

/* A run (a call from the embedder, or a native's call back into wasm) starts this many
 * frames above the frames in use: the frame below its first is its own, returning to
 * interp.c's exit_code, so the outermost run starts at frame WM_RUN_GAP. */
#define WM_RUN_GAP 1u

struct wasmcu_instance {
    struct wasmcu_runtime *rt;
    const wm_module *mod;
    const wm_functype *types; /* mod->types: call_indirect's type, a load less */
    wm_func **funcs;          /* every function, imported ones first */
    wm_func *own_funcs;       /* storage for defined functions and native wrappers */
    wm_table **tables;
    wm_memory *mem;           /* memory 0 or NULL (2.0 has at most one memory) */
    wm_globalcell **globals;
    wasmcu_val **elem_items;  /* per element segment: its references, NULL once dropped */
    uint32_t *elem_counts;
    uint8_t *data_dropped;    /* per data segment */
    struct wasmcu_instance **deps; /* instances this one imports from (kept alive) */
    uint32_t ndeps;
    uint32_t refs;            /* 1 for the embedder + 1 per importer */
    uint8_t zombie;           /* failed instantiation whose functions escaped */
    struct wasmcu_instance *next; /* runtime's list of instances */
    /* execution resources, allocated by instantiate from the config */
    wasmcu_val *stack, *stack_end;  /* value stack */
    /* call frames: max_frames, and one for the running function; a run starts WM_RUN_GAP
     * frames above those in use, the one below its first returning to interp.c's exit_code */
    struct wm_frame *frames;
    uint32_t max_frames;
    wasmcu_val *stack_top;          /* first free slot while a call runs (re-entry from natives) */
    uint32_t nframes;               /* frames in use while a call runs */
    uint32_t heap_size;             /* from the config, for env malloc */
    const struct wm_globalcell *heap_base; /* the exported i32 global __heap_base, or NULL */
    uint32_t max_memory_pages, max_table_size; /* from the config; 0 = none */
    void *user;                     /* wasmcu_instance_set_user */
    /* metering: `checks` is nonzero when a loop head or call must look at fuel/interrupt */
    volatile uint8_t interrupt;
    uint8_t fuel_on;
    volatile uint8_t checks;
    /* the frame a call may not push at: frames + max_frames, or frames itself while checks
     * is set, so that a call's one test of the frame stack also sends it to the checks
     * (wm_set_checks) */
    struct wm_frame *volatile call_limit;
    /* where a branch back looks up its target's handler in run()'s table, as a byte offset:
     * 0 (the handlers), or past them (WM_BACK_CHECKS) to entries that all lead to the checks
     * while checks is set; the branch's dispatch is then its check (computed-goto builds) */
    volatile uintptr_t back_at;
    uint64_t fuel;
    struct wm_suspended {           /* a call stopped by fuel or an interrupt */
        uint8_t active;
        struct wasmcu_func *entry, *func;
        const uint8_t *pc;
        wasmcu_val *base, *fp, *sp, *saved_top;
        uint32_t nframes, first, saved_frames;
    } susp;
};

typedef struct wm_frame {
    const uint8_t *pc;   /* where the caller resumes */
    wasmcu_val *fp;       /* caller's frame base */
    wm_func *func;        /* caller; in the frame past the last pushed, the running function */
} wm_frame;

struct wasmcu_call_ctx {
    wasmcu_instance *inst;
    const wm_native *native;
    char *trap_msg;   /* where wasmcu_native_set_trap_message copies to */
    uint32_t trap_msg_len;
};

/* Calls a native with args at args[0..np); results land at args[0..nr), i32s zero-extended.
 * scratch is free stack space for the results; a trap's message goes to msg. */
wasmcu_err wm_call_native(wasmcu_instance *inst, wm_func *f, wasmcu_val *args, wasmcu_val *scratch,
                          char *msg, uint32_t msg_len);
/* Zero-extends the i32s and f32s among v[0..n) (types[i] is v[i]'s type), as slots hold
 * them: values coming in from a native or the embedder. */
void wm_i32s_zero_extended(wasmcu_val *v, const wm_valtype *types, uint32_t n);
/* The same for values going out to a native or the embedder, which only
 * WM_CONFIG_I32_LOW_HALF or WM_CONFIG_F32_LOW_HALF slots need (their high halves are left
 * as they were). */
static inline void wm_i32s_leaving(wasmcu_val *v, const wm_valtype *types, uint32_t n)
{
    if (WM_CONFIG_I32_LOW_HALF || WM_CONFIG_F32_LOW_HALF) wm_i32s_zero_extended(v, types, n);
}

typedef struct wm_reg {
    struct wm_reg *next;
    char *name;
    wasmcu_instance *inst;
} wm_reg;

struct wasmcu_runtime {
    wm_alloc alloc;
    wm_native *natives;
    wasmcu_instance *instances;
    wm_reg *registry; /* names instances are importable under, newest first */
    wasmcu_write_fn console;
    void *console_user;
    int32_t exit_code;
    char error[WM_CONFIG_ERROR_LEN];
    wasmcu_frame_info trace[WM_CONFIG_BACKTRACE_DEPTH]; /* the last trap's call stack */
    uint32_t ntrace;
};

typedef struct wasmcu_runtime wm_runtime;

/* v in decimal, in buf: error messages print 64-bit and size_t values with this, %lu and %lx
 * only, because newlib-nano's printf (Cortex-M firmware) has no %llu or %zu. */
const char *wm_u64_str(char buf[21], uint64_t v);

/* Records the error detail on rt ("<what>: <detail>") and returns code. */
wasmcu_err wm_error(wm_runtime *rt, wasmcu_err code, const char *fmt, ...);
wasmcu_err wm_verror(wm_runtime *rt, wasmcu_err code, const char *fmt, va_list ap);
/* Puts text before the current error detail (cutting its end when both do not fit). */
void wm_error_prefix(wm_runtime *rt, const char *fmt, ...);
/* Appends to the current error detail (e.g. a backtrace line). */
void wm_error_append(wm_runtime *rt, const char *fmt, ...);

/* The byte offset of the checks' entries in run()'s table of handlers (back_at) */
#define WM_BACK_CHECKS (256u * sizeof(void *))

/* Sets whether calls and loop heads look at fuel and interrupts (checks), and the frame
 * limit a call tests, which checks lower to the first frame: a call then takes its way to
 * the checks through that one test rather than a second one of its own. */
static inline void wm_set_checks(wasmcu_instance *inst, int on)
{
    on = on && WM_CONFIG_METERING;
    inst->checks = (uint8_t)on;
    inst->call_limit = on ? inst->frames : inst->frames + inst->max_frames;
    inst->back_at = on ? WM_BACK_CHECKS : 0;
}

/* Allocation from the runtime's pool. */
static inline void *wm_rt_malloc(wm_runtime *rt, size_t n) { return wm_malloc(&rt->alloc, n); }
static inline void *wm_rt_calloc(wm_runtime *rt, size_t n, size_t s) { return wm_calloc(&rt->alloc, n, s); }
static inline void wm_rt_free(wm_runtime *rt, void *p) { wm_free(&rt->alloc, p); }

/* Structural equality of function types (call_indirect and import matching). */
int wm_functype_eq(const wm_functype *a, const wm_functype *b);

/* Runs `f` (wasm or native) on inst's stack: args has f's param count, results gets its
 * result count. Re-entrant (a native may call back in). On a trap, rt's error holds the
 * trap message and a backtrace. */
wasmcu_err wm_interp_call(wasmcu_instance *inst, wm_func *f, const wasmcu_val *args,
                          wasmcu_val *results);
/* Continues the call inst->susp describes; results as for wm_interp_call. */
wasmcu_err wm_interp_resume(wasmcu_instance *inst, wasmcu_val *results);

#endif
