/* `wasmcu run`: load, instantiate and run a module's entry point on the host. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "file.h"
#include "wasi_posix.h"
#include "wasmcu.h"

#define EXIT_TRAP 134 /* a trap, as a crashed process would report it */

static const char *const run_usage =
    "usage: wasmcu run [--stack-size=N] [--heap-size=N] [--pool-size=N] [-f FUNC] app.wasm [args...]\n"
    "limits: [--max-call-depth=N] [--max-memory-pages=N] [--max-table-size=N] [--fuel=N]\n"
    "        [--small-memory=N] (give a one-page memory only N bytes; see wasmcu inspect)\n"
    "WASI:   [--dir=HOST[::GUEST]] [--dir-ro=HOST[::GUEST]] [--env=KEY=VALUE] (repeatable);\n"
    "        args after the module are the program's argv; proc_exit's code is the exit status\n"
    "Runs _start, else main (no params, or argc/argv), else __main_argc_argv; with -f FUNC,\n"
    "calls FUNC with args parsed per its parameter types and prints its results.\n"
    "--stats: after the run, print the compiled code's RAM and the pool's peak on stderr.\n"
    "Sizes take K or M suffixes. Exit status: the program's; 134 on a trap (trap and\n"
    "backtrace on stderr); 1 when the module cannot be loaded or instantiated; 2 for bad usage;\n"
    "124 when --fuel (units: calls and loop back-edges) runs out.\n";

/* Bytes of the module's code section (its size field), 0 when it has none. */
static size_t code_section_bytes(const unsigned char *p, size_t len)
{
    size_t at = 8;
    while (at < len) {
        unsigned char id = p[at++];
        size_t size = 0;
        for (unsigned shift = 0; at < len && shift < 35; shift += 7) {
            unsigned char b = p[at++];
            size |= (size_t)(b & 0x7F) << shift;
            if (!(b & 0x80)) break;
        }
        if (id == 10) return size;
        if (size > len - at) return 0;
        at += size;
    }
    return 0;
}

static void console(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
}

static int parse_arg(const char *s, wasmcu_valtype t, wasmcu_val *out)
{
    char *end;
    if (t == WASMCU_I32 || t == WASMCU_I64) {
        long long v = strtoll(s, &end, 0);
        if (*end) { unsigned long long u = strtoull(s, &end, 0); v = (long long)u; }
        *out = t == WASMCU_I32 ? (uint32_t)v : (uint64_t)v;
    } else if (t == WASMCU_F32) {
        float f = strtof(s, &end);
        uint32_t b; memcpy(&b, &f, 4); *out = b;
    } else if (t == WASMCU_F64) {
        double d = strtod(s, &end);
        memcpy(out, &d, 8);
    } else {
        return 0;
    }
    return *s && !*end;
}

static void print_val(wasmcu_valtype t, wasmcu_val v)
{
    if (t == WASMCU_I32) printf("%d\n", (int32_t)(uint32_t)v);
    else if (t == WASMCU_I64) printf("%lld\n", (long long)v);
    else if (t == WASMCU_F32) { float f; uint32_t b = (uint32_t)v; memcpy(&f, &b, 4); printf("%.9g\n", f); }
    else if (t == WASMCU_F64) { double d; memcpy(&d, &v, 8); printf("%.17g\n", d); }
    else printf("ref %#llx\n", (unsigned long long)v);
}

/* Builds argv in linear memory with the app heap's malloc; returns the argv address. */
static uint32_t build_argv(wasmcu_runtime *rt, wasmcu_instance *inst, int argc, char **argv)
{
    (void)rt;
    uint32_t base = wasmcu_memory_size(inst);
    size_t need = (size_t)(argc + 1) * 4;
    for (int i = 0; i < argc; i++) need += strlen(argv[i]) + 1;
    uint32_t pages = (uint32_t)((need + 65535) / 65536);
    if (wasmcu_memory_grow(inst, pages) < 0) return 0;
    uint8_t *m = wasmcu_memory_ptr(inst, base, (uint32_t)need);
    uint32_t strs = base + (uint32_t)(argc + 1) * 4;
    for (int i = 0; i < argc; i++) {
        memcpy(m + 4 * i, &strs, 4);
        size_t l = strlen(argv[i]) + 1;
        memcpy(m + (strs - base), argv[i], l);
        strs += (uint32_t)l;
    }
    memset(m + 4 * argc, 0, 4);
    return base;
}

int wasmcu_cli_run(int argc, char **argv)
{
    unsigned long stack = 0, heap = 0, pool_size = 16ul << 20, depth = 0, pages = 0, tsize = 0, fuel = 0, small = 0;
    const char *func = NULL;
    enum { MAX_DIRS = 16, MAX_ENV = 64 };
    struct { const char *host, *guest; size_t host_len; int ro; } dirs[MAX_DIRS];
    const char *envs[MAX_ENV];
    int ndirs = 0, nenv = 0, stats = 0;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { fputs(run_usage, stdout); return 0; }
        if (strncmp(a, "--stack-size=", 13) == 0 && wasmcu_parse_size(a + 13, &stack)) continue;
        if (strncmp(a, "--heap-size=", 12) == 0 && wasmcu_parse_size(a + 12, &heap)) continue;
        if (strncmp(a, "--pool-size=", 12) == 0 && wasmcu_parse_size(a + 12, &pool_size)) continue;
        if (strncmp(a, "--max-call-depth=", 17) == 0 && wasmcu_parse_size(a + 17, &depth)) continue;
        if (strncmp(a, "--max-memory-pages=", 19) == 0 && wasmcu_parse_size(a + 19, &pages)) continue;
        if (strncmp(a, "--max-table-size=", 17) == 0 && wasmcu_parse_size(a + 17, &tsize)) continue;
        if (strncmp(a, "--small-memory=", 15) == 0 && wasmcu_parse_size(a + 15, &small) && small) continue;
        if (strncmp(a, "--fuel=", 7) == 0 && wasmcu_parse_size(a + 7, &fuel) && fuel) continue;
        if (strcmp(a, "-f") == 0 && i + 1 < argc) { func = argv[++i]; continue; }
        if (strcmp(a, "--stats") == 0) { stats = 1; continue; }
        int ro = strncmp(a, "--dir-ro=", 9) == 0;
        if ((ro || strncmp(a, "--dir=", 6) == 0) && a[ro ? 9 : 6] && ndirs < MAX_DIRS) {
            const char *host = a + (ro ? 9 : 6), *sep = strstr(host, "::");
            dirs[ndirs].host = host;
            dirs[ndirs].host_len = sep ? (size_t)(sep - host) : strlen(host);
            dirs[ndirs].guest = sep ? sep + 2 : host;
            dirs[ndirs++].ro = ro;
            if (dirs[ndirs - 1].host_len && *dirs[ndirs - 1].guest) continue;
        }
        if (strncmp(a, "--env=", 6) == 0 && strchr(a + 6, '=') && a[6] != '=' && nenv < MAX_ENV) {
            envs[nenv++] = a + 6;
            continue;
        }
        fprintf(stderr, "wasmcu run: bad option %s\n%s", a, run_usage);
        return 2;
    }
    if (i >= argc) {
        fprintf(stderr, "wasmcu run: no module given\n%s", run_usage);
        return 2;
    }
    const char *path = argv[i];
    size_t len;
    unsigned char *bytes = wasmcu_read_file(path, &len);
    if (!bytes) {
        fprintf(stderr, "wasmcu run: cannot read %s: %s\n", path, strerror(errno));
        return 1;
    }
    /* calloc's memory is zero (fresh pages from the OS, for a pool this size): the runtime
     * need not clear a module's linear memory again */
    void *pool = calloc(1, pool_size);
    wasmcu_runtime *rt = pool ? wasmcu_init_zeroed(pool, pool_size) : NULL;
    if (!rt) {
        fprintf(stderr, "wasmcu run: --pool-size=%lu is too small for the runtime\n", pool_size);
        free(bytes), free(pool);
        return 1;
    }
    wasmcu_set_console(rt, console, NULL);
    wasmcu_register_env(rt);
    /* WASI: preopens, environment and argv; registered for every module, unused unless
     * it imports wasi_snapshot_preview1 */
    wasmcu_wasi_preopen pre[MAX_DIRS];
    for (int k = 0; k < ndirs; k++) {
        char host[4096];
        snprintf(host, sizeof host, "%.*s", (int)dirs[k].host_len, dirs[k].host);
        pre[k].handle = wasmcu_wasi_posix_open_dir(host);
        pre[k].name = dirs[k].guest;
        pre[k].read_only = dirs[k].ro;
        if (pre[k].handle < 0) {
            fprintf(stderr, "wasmcu run: --dir: cannot open directory %s: %s\n", host, strerror(errno));
            while (k-- > 0) wasmcu_wasi_posix_close(pre[k].handle);
            wasmcu_destroy(rt);
            free(bytes), free(pool);
            return 1;
        }
    }
    wasmcu_wasi_posix posix_state = {0}; /* the backend's readdir stream; released at the end */
    const wasmcu_wasi_config wasi = {.ops = &wasmcu_wasi_posix_ops, .ctx = &posix_state,
                                     .argc = argc - i, .argv = (const char *const *)(argv + i), .envc = nenv,
                                     .env = envs, .stdio = {0, 1, 2}, .npreopens = (uint32_t)ndirs,
                                     .preopens = pre};
    wasmcu_register_wasi(rt, &wasi);
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    wasmcu_instance_config cfg = {.stack_size = (uint32_t)stack, .heap_size = (uint32_t)heap,
                                  .max_call_depth = (uint32_t)depth, .max_memory_pages = (uint32_t)pages,
                                  .max_table_size = (uint32_t)tsize,
                                  .small_memory_bytes = (uint32_t)small};
    int status = 1;
    wasmcu_err err = wasmcu_load(rt, bytes, len, &mod);
    if (!err) err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    if (err) {
        fprintf(stderr, "wasmcu run: %s: %s\n", path, wasmcu_last_error(rt));
        status = WASMCU_IS_TRAP(err) ? EXIT_TRAP : 1;
        goto done;
    }
    wasmcu_func *f = NULL;
    wasmcu_val args[16], results[16];
    uint32_t nargs = 0;
    int prog_argc = argc - i;
    char **prog_argv = argv + i;
    if (func) {
        f = wasmcu_find_func(inst, func);
        if (!f) {
            fprintf(stderr, "wasmcu run: %s exports no function \"%s\"\n", path, func);
            goto done;
        }
        nargs = wasmcu_func_param_count(f);
        if ((uint32_t)(prog_argc - 1) != nargs || nargs > 16) {
            fprintf(stderr, "wasmcu run: %s takes %u arguments, %d given\n", func, (unsigned)nargs, prog_argc - 1);
            status = 2;
            goto done;
        }
        for (uint32_t k = 0; k < nargs; k++)
            if (!parse_arg(prog_argv[k + 1], wasmcu_func_param_type(f, k), &args[k])) {
                fprintf(stderr, "wasmcu run: argument %u (%s) does not fit its type\n", (unsigned)k + 1, prog_argv[k + 1]);
                status = 2;
                goto done;
            }
    } else {
        const char *names[] = {"_start", "main", "__main_argc_argv"};
        for (int k = 0; k < 3 && !f; k++) f = wasmcu_find_func(inst, names[k]);
        if (!f) {
            fprintf(stderr, "wasmcu run: %s exports none of _start, main, __main_argc_argv; pick a function with -f\n", path);
            goto done;
        }
        nargs = wasmcu_func_param_count(f);
        if (nargs == 2) {
            args[0] = (uint32_t)prog_argc;
            args[1] = build_argv(rt, inst, prog_argc, prog_argv);
        } else if (nargs != 0) {
            fprintf(stderr, "wasmcu run: the entry point takes %u params; use -f\n", (unsigned)nargs);
            goto done;
        }
    }
    uint32_t nres = wasmcu_func_result_count(f);
    if (nres > 16) nres = 16;
    if (fuel) wasmcu_set_fuel(inst, fuel);
    err = wasmcu_call(inst, f, args, nargs, results, nres);
    fflush(stdout);
    if (err == WASMCU_FUEL_EXHAUSTED) {
        fprintf(stderr, "wasmcu: %s (--fuel=%lu)\n", wasmcu_last_error(rt), fuel);
        status = 124;
    } else if (err == WASMCU_TRAP_EXIT) {
        status = wasmcu_exit_code(rt) & 0xFF;
    } else if (err) {
        fprintf(stderr, "wasmcu: %s\n", wasmcu_last_error(rt));
        status = WASMCU_IS_TRAP(err) ? EXIT_TRAP : 1;
    } else if (func) {
        for (uint32_t k = 0; k < nres; k++) print_val(wasmcu_func_result_type(f, k), results[k]);
        status = 0;
    } else {
        status = nres ? (int)(uint8_t)results[0] : 0;
    }
    if (stats) {
        uint32_t nf = 0;
        size_t code = wasmcu_compiled_bytes(mod, &nf), section = code_section_bytes(bytes, len);
        fprintf(stderr, "wasmcu: compiled code %zu bytes for %u functions (%.2fx the code "
                "section's %zu bytes); pool peak %zu bytes\n", code, (unsigned)nf,
                section ? (double)code / (double)section : 0.0, section, wasmcu_pool_peak(rt));
    }
done:
    fflush(stdout);
    wasmcu_wasi_posix_release(&posix_state);
    for (int k = 0; k < ndirs; k++) wasmcu_wasi_posix_close(pre[k].handle);
    if (inst) wasmcu_deinstantiate(inst);
    if (mod) wasmcu_unload(mod);
    wasmcu_destroy(rt);
    free(pool);
    free(bytes);
    return status;
}
