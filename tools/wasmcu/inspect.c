/* `wasmcu inspect`: what a module imports and exports, and the RAM it needs, with warnings
 * that say how to fix what would hurt on a microcontroller. Our own tool, so it reads the
 * decoded module's internals (src/module.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "file.h"
#include "runtime.h"
#include "reader.h"

static const char *const kinds[] = {"func", "table", "memory", "global"};

/* Whether a native registered on rt provides env.<name>. */
static int known_env(const wm_runtime *rt, const wm_name *n)
{
    for (const wm_native *nat = rt->natives; nat; nat = nat->next)
        if (strcmp(nat->module, "env") == 0 && strlen(nat->name) == n->len && memcmp(nat->name, n->s, n->len) == 0)
            return 1;
    return 0;
}

/* A constant i32 expression's value, or -1 when it is not a plain i32.const. */
static int64_t const_i32(const wm_module *m, const wm_expr *e)
{
    wm_reader r;
    int32_t v;
    if (e->len < 2 || e->p[0] != 0x41) return -1;
    wm_reader_init(&r, m->bytes, e->p + 1, e->p + e->len);
    return wm_read_s32(&r, &v) ? (int64_t)(uint32_t)v : -1;
}

/* What small-memory mode would save: a one-page memory that never grows needs only what its
 * data, its stack (below __stack_pointer's start) and its heap base take. */
static void small_memory_report(const wm_module *m, int64_t sp)
{
    if (m->nmemories != 1 || m->nmemory_imports) return;
    if (m->grows_memory) {
        printf("  small  not possible: func %u uses memory.grow\n", (unsigned)(m->grows_memory - 1));
        return;
    }
    if (m->memories[0].min != 1) {
        printf("  small  not possible: the memory starts at %u pages, not 1\n", (unsigned)m->memories[0].min);
        return;
    }
    int64_t need = sp > 0 ? sp : 0;
    for (uint32_t i = 0; i < m->ndatas; i++) {
        if (m->datas[i].mode != WM_SEG_ACTIVE) continue;
        int64_t off = const_i32(m, &m->datas[i].offset);
        if (off < 0) {
            printf("  small  not estimated: data segment %u has a computed offset\n", (unsigned)i);
            return;
        }
        if (off + m->datas[i].len > need) need = off + m->datas[i].len;
    }
    for (uint32_t i = 0; i < m->nexports; i++) {
        const wm_export *e = &m->exports[i];
        if (e->kind != WM_EXT_GLOBAL || e->name.len != 11 || memcmp(e->name.s, "__heap_base", 11) != 0 ||
            e->index < m->nglobal_imports)
            continue;
        int64_t hb = const_i32(m, &m->globals[e->index - m->nglobal_imports].init);
        if (hb > need) need = hb;
    }
    need = (need + 15) & ~(int64_t)15;
    if (need == 0 || need >= 65536) return;
    printf("  small  never grows its memory: data and stack end at %lld, so small-memory mode\n"
           "         (--small-memory=%lld, small_memory_bytes) saves %lld bytes; add what its\n"
           "         heap takes if it calls malloc\n",
           (long long)need, (long long)need, (long long)(65536 - need));
}

int wasmcu_cli_inspect(int argc, char **argv)
{
    unsigned long pool_size = 64ul << 20, stack = 0;
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: wasmcu inspect [--pool-size=N] [--stack-size=N] app.wasm\n"
                   "Lists imports, exports, memory, tables and data, where the stack starts, and\n"
                   "the RAM the module needs to instantiate, with warnings and their fixes.\n");
            return 0;
        }
        if (strncmp(argv[i], "--pool-size=", 12) == 0 && wasmcu_parse_size(argv[i] + 12, &pool_size)) continue;
        if (strncmp(argv[i], "--stack-size=", 13) == 0 && wasmcu_parse_size(argv[i] + 13, &stack)) continue;
        if (argv[i][0] == '-' || path) {
            fprintf(stderr, "wasmcu inspect: bad argument %s\nusage: wasmcu inspect [--pool-size=N] app.wasm\n", argv[i]);
            return 2;
        }
        path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "wasmcu inspect: no module given\nusage: wasmcu inspect [--pool-size=N] app.wasm\n");
        return 2;
    }
    size_t len;
    unsigned char *bytes = wasmcu_read_file(path, &len);
    void *pool = malloc(pool_size);
    wasmcu_runtime *rt = bytes && pool ? wasmcu_init(pool, pool_size) : NULL;
    if (!rt) {
        fprintf(stderr, "wasmcu inspect: cannot read %s: %s\n", path, strerror(errno));
        free(bytes), free(pool);
        return 1;
    }
    wasmcu_register_env(rt);
    /* WASI with the device backend: enough to link and measure a WASI program */
    static wasmcu_wasi_console console;
    console.rt = rt;
    const wasmcu_wasi_config wasi = {.ops = &wasmcu_wasi_console_ops, .ctx = &console,
                                     .stdio = {0, 1, 2}};
    wasmcu_register_wasi(rt, &wasi);
    wasmcu_module *mod;
    clock_t t0 = clock();
    wasmcu_err err = wasmcu_load(rt, bytes, len, &mod);
    clock_t t1 = clock();
    if (err) {
        fprintf(stderr, "wasmcu inspect: %s: %s\n", path, wasmcu_last_error(rt));
        free(bytes), free(pool);
        return 1;
    }
    const wm_module *m = mod;
    printf("%s: %zu bytes\n", path, len);
    for (uint32_t i = 0; i < m->nimports; i++) {
        const wm_import *im = &m->imports[i];
        printf("  import %-6s %.*s.%.*s\n", kinds[im->kind & 3], (int)im->module.len, (const char *)im->module.s,
               (int)im->field.len, (const char *)im->field.s);
    }
    for (uint32_t i = 0; i < m->nexports; i++)
        printf("  export %-6s %.*s\n", kinds[m->exports[i].kind & 3], (int)m->exports[i].name.len,
               (const char *)m->exports[i].name.s);
    uint64_t mem_bytes = 0;
    for (uint32_t i = 0; i < m->nmemories; i++) {
        mem_bytes = (uint64_t)m->memories[i].min * 65536u;
        if (m->memories[i].has_max) printf("  memory %u pages (%llu KiB), max %u\n", (unsigned)m->memories[i].min,
                                           (unsigned long long)mem_bytes / 1024, (unsigned)m->memories[i].max);
        else printf("  memory %u pages (%llu KiB), no max\n", (unsigned)m->memories[i].min, (unsigned long long)mem_bytes / 1024);
    }
    for (uint32_t i = 0; i < m->ntables; i++) printf("  table  %u elements\n", (unsigned)m->tables[i].limits.min);
    uint64_t data = 0;
    for (uint32_t i = 0; i < m->ndatas; i++) data += m->datas[i].len;
    printf("  data   %llu bytes in %u segments\n", (unsigned long long)data, (unsigned)m->ndatas);
    int64_t sp = -1;
    for (uint32_t i = 0; i < m->nglobals - m->nglobal_imports; i++) {
        const wm_global *g = &m->globals[i];
        if (g->type.mut && g->type.type == WASMCU_I32 && g->init.len >= 2 && g->init.p[0] == 0x41) {
            wm_reader r;
            int32_t v;
            wm_reader_init(&r, m->bytes, g->init.p + 1, g->init.p + g->init.len);
            if (wm_read_s32(&r, &v)) sp = (uint32_t)v;
            break;
        }
    }
    if (sp >= 0) printf("  stack  __stack_pointer starts at %lld (the wasm stack grows down from there)\n", (long long)sp);
    uint64_t body = 0;
    for (uint32_t i = 0; i < m->nfuncs - m->nfunc_imports; i++) body += m->funcs[i].body_len;
    /* loading compiled nothing under lazy compilation: compile all to tell the most it takes */
    size_t at_load = wasmcu_compiled_bytes(mod, NULL);
    clock_t tc = clock();
    err = wasmcu_compile_all(mod);
    clock_t tc1 = clock();
    size_t compiled = wasmcu_compiled_bytes(mod, NULL);
    if (body && err == WASMCU_OK)
        printf("  code   %llu bytes of function bodies -> %zu bytes of compiled code (%.2fx) when "
               "every function has run; %zu compiled at load\n",
               (unsigned long long)body, compiled, (double)compiled / (double)body, at_load);
    else if (err)
        printf("  code   not all compiled: %s\n", wasmcu_last_error(rt));
    size_t before = wasmcu_pool_used(rt);
    wasmcu_instance *inst;
    wasmcu_instance_config cfg = {.stack_size = (uint32_t)stack};
    clock_t t2 = clock();
    err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    clock_t t3 = clock();
    /* CPU time of this process: a figure to compare within one machine, not a benchmark */
    printf("  time   load+validate %.3f ms, compile the rest %.3f ms, instantiate %.3f ms\n",
           1000.0 * (double)(t1 - t0) / CLOCKS_PER_SEC, 1000.0 * (double)(tc1 - tc) / CLOCKS_PER_SEC,
           1000.0 * (double)(t3 - t2) / CLOCKS_PER_SEC);
    if (err == WASMCU_ERR_LINK) {
        printf("  RAM    not measured: %s\n", wasmcu_last_error(rt));
    } else {
        printf("  RAM    %zu bytes to load (module structures and compiled code)\n", before);
        printf("         %zu bytes at peak to load and instantiate (linear memory %llu, value stack and frames included)\n",
               wasmcu_pool_peak(rt), (unsigned long long)mem_bytes);
        printf("         run it with --pool-size=%zuK or more\n", (wasmcu_pool_peak(rt) + 4096 + 1023) / 1024);
        if (!err) wasmcu_deinstantiate(inst);
    }
    small_memory_report(m, sp);
    if (sp >= 1048576 && mem_bytes >= 17 * 65536)
        printf("warning: the stack takes %lld KiB of linear memory (Rust's default is 1 MiB); link with "
               "-C link-args=-zstack-size=32768 (or clang -z stack-size=4096) to fit a microcontroller\n",
               (long long)sp / 1024);
    for (uint32_t i = 0; i < m->nimports; i++) {
        const wm_import *im = &m->imports[i];
        if (im->module.len == 22 && memcmp(im->module.s, "wasi_snapshot_preview1", 22) == 0 && len > 65536) {
            printf("warning: %zu bytes importing WASI: a std build; for a device use #![no_std] "
                   "(Rust) or -nostdlib (C) and import puts/printf from env\n", len);
            break;
        }
    }
    for (uint32_t i = 0; i < m->nimports; i++) {
        const wm_import *im = &m->imports[i];
        if (im->kind == WM_EXT_FUNC && im->module.len == 3 && memcmp(im->module.s, "env", 3) == 0 && !known_env(rt, &im->field)) {
            printf("warning: import env.%.*s is provided by no registered native: register it with "
                   "wasmcu_register_native or remove the call\n", (int)im->field.len, (const char *)im->field.s);
        }
    }
    wasmcu_unload(mod);
    free(bytes);
    free(pool);
    return 0;
}
