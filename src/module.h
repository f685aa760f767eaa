/* The decoded module: what decode produces and validate/compile complete. Names and
 * expressions point into the module's bytes, which are never written. */
#ifndef WM_MODULE_H
#define WM_MODULE_H
#include <stdint.h>
#include "wasmcu.h"
#include "alloc.h"

enum { WM_EXT_FUNC = 0, WM_EXT_TABLE = 1, WM_EXT_MEMORY = 2, WM_EXT_GLOBAL = 3 };

typedef uint8_t wm_valtype; /* a wasmcu_valtype byte */

typedef struct wm_functype {
    uint32_t nparams, nresults;
    const wm_valtype *types; /* params then results (into the pool) */
} wm_functype;

typedef struct wm_limits {
    uint32_t min, max;
    uint8_t has_max;
} wm_limits;

typedef struct wm_tabletype {
    wm_valtype elem; /* WASMCU_FUNCREF or WASMCU_EXTERNREF */
    wm_limits limits;
} wm_tabletype;

typedef struct wm_globaltype {
    wm_valtype type;
    uint8_t mut;
} wm_globaltype;

/* A constant expression: its bytes up to and including the final `end`. */
typedef struct wm_expr {
    const uint8_t *p;
    uint32_t len;
} wm_expr;

typedef struct wm_name {
    const uint8_t *s;
    uint32_t len;
} wm_name;

typedef struct wm_import {
    wm_name module, field;
    uint8_t kind; /* WM_EXT_* */
    union {
        uint32_t type_idx; /* func */
        wm_tabletype table;
        wm_limits memory;
        wm_globaltype global;
    } u;
} wm_import;

/* What compile makes of a function body; filled by validate. */
/* wm_code.setup: bit 0 says to clear locals (zero_at, nzero); the bits above it count the
 * pairs of constant slots to copy (the constants padded to an even count), 0 for none */
enum { WM_SETUP_CLEAR = 1 };
#define WM_SETUP_PAIRS(setup) ((uint32_t)(setup) >> 1)
/* The constants held and copied: n rounded up to even, a call copying them in pairs (the
 * pad is 0 in consts, and a slot of the frame's, counted in max_height) */
#define WM_CONST_PAD(n) (((n) + 1u) & ~1u)
/* The most pairs a call copies at fixed offsets (interp.c's SETUPS), more going through
 * enter()'s general way; and the most slots of locals to clear that compiling folds into
 * the constants as zeroes (validate_body.c), so that the call takes those copies: 16, as
 * opt CoreMark's compiled code then stays under the code section's size (0.99x). */
#define WM_SETUP_PAIRS_FIXED 32u
/* Bytes before the constants, when a function has any: their consts_at again, in the last
 * two, so that interp.c's SETUPS read it at a fixed offset back from the callee's code
 * rather than through its frame's func and code (two dependent loads a call). 8 keeps the
 * constants aligned. */
#define WM_CONSTS_HEAD(nconsts) ((nconsts) ? 8u : 0u)
#define WM_ZERO_FOLD_MAX 16u

typedef struct wm_code {
    const uint8_t *ops;  /* compiled instructions (see compile.h), after the constants */
    uint32_t nops;       /* bytes in ops */
    uint16_t nconsts;    /* slots filled from consts at a call: constants, zeroes folded first */
    uint16_t setup;      /* what a call sets up: WM_SETUP_CLEAR, WM_SETUP_PAIRS */
    const uint64_t *consts; /* the block of constants and code starts WM_CONSTS_HEAD before */
    /* 16 bits each: a frame has fewer than 65528 slots (compile.h) */
    /* the frame's slots, counted from its first (fp[0]): a call reads these alone, not the
     * function's type (the params) */
    uint16_t consts_at;  /* the first slot filled from consts: params and locals before it */
    uint16_t zero_at, nzero; /* the declared locals a call clears: those read before written */
    uint16_t max_height; /* slots above the locals: constants + most operands at once */
} wm_code;

typedef struct wm_funcdef {
    uint32_t type_idx;
    const uint8_t *body;     /* first byte after the body size (the local declarations) */
    uint32_t body_len;       /* bytes of locals + expression */
    const uint8_t *expr;     /* first instruction, after the local declarations */
    uint32_t nlocals;        /* declared locals, params excluded */
    uint32_t nlocal_groups;  /* (count, type) pairs in the body */
    wm_code code;            /* filled by validate */
} wm_funcdef;

typedef struct wm_global {
    wm_globaltype type;
    wm_expr init;
} wm_global;

typedef struct wm_export {
    wm_name name;
    uint8_t kind;
    uint32_t index;
} wm_export;

enum { WM_SEG_ACTIVE = 0, WM_SEG_PASSIVE = 1, WM_SEG_DECLARATIVE = 2 };

typedef struct wm_elem {
    uint8_t mode;         /* WM_SEG_* */
    wm_valtype type;      /* funcref or externref */
    uint32_t table;       /* active only */
    wm_expr offset;       /* active only */
    uint32_t count;
    const uint32_t *funcs; /* function indices (legacy form), or NULL */
    wm_expr *exprs;        /* one constant expression per item when funcs is NULL */
} wm_elem;

typedef struct wm_data {
    uint8_t mode;   /* WM_SEG_ACTIVE or WM_SEG_PASSIVE */
    uint32_t memory;
    wm_expr offset;
    const uint8_t *bytes;
    uint32_t len;
} wm_data;

struct wasmcu_module {
    struct wasmcu_runtime *rt;
    const uint8_t *bytes;
    size_t len;

    uint32_t ntypes;
    wm_functype *types;
    uint32_t nimports;
    wm_import *imports;
    /* index spaces: imports come first */
    uint32_t nfuncs, nfunc_imports;
    uint32_t *func_types;      /* type index of every function, imported ones included */
    wm_funcdef *funcs;         /* defined functions: funcs[i] is function nfunc_imports+i */
    uint32_t ntables, ntable_imports;
    wm_tabletype *tables;      /* every table, imported ones first */
    uint32_t nmemories, nmemory_imports;
    wm_limits *memories;
    uint32_t nglobals, nglobal_imports;
    wm_globaltype *global_types; /* every global, imported ones first */
    wm_global *globals;          /* defined globals: globals[i] is global nglobal_imports+i */
    uint32_t nexports;
    wm_export *exports;
    uint32_t start;              /* UINT32_MAX when absent */
    uint32_t nelems;
    wm_elem *elems;
    uint32_t ndatas;
    wm_data *datas;
    uint8_t has_datacount;
    uint32_t datacount;
    /* functions named by ref.func outside function bodies (exports, elems, globals):
     * the only ones a body may name with ref.func. One bit per function. */
    uint8_t *declared_refs;
    uint32_t grows_memory; /* 1 + index of the first function using memory.grow; 0 = none */
    wm_name name_section; /* payload of the custom "name" section, or {0,0} */
    uint32_t ninstances;  /* live instances of this module */
};

typedef struct wasmcu_module wm_module;

/* Type of function `idx` (imports included). */
static inline const wm_functype *wm_module_functype(const wm_module *m, uint32_t idx)
{
    return &m->types[m->func_types[idx]];
}

/* Function `idx`'s name from the name section, else its export name, or NULL; *len gets
 * its length. */
const uint8_t *wm_module_func_name(const wm_module *m, uint32_t idx, uint32_t *len);

#endif
