/* `wasmcu spec FILE.json...`: runs the spec testsuite as converted by wast2json, through
 * the public API only, and counts every command as passed, failed or skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "json.h"
#include "spectest.h"
#include "wasmcu.h"

#define POOL_SIZE ((size_t)256 << 20)
#define MAX_VALS 64

typedef struct named {
    char *name;             /* "$M" from the JSON, or NULL */
    wasmcu_instance *inst;  /* NULL when the module was skipped (SIMD) */
} named;

typedef struct spec_run {
    const char *file;
    char dir[1024];
    wasmcu_runtime *rt;
    named mods[512];
    int nmods;
    int cur;                /* index of the current module, -1 none */
    int passed, failed, skipped;
    int verbose;
    int simd_noted;
} spec_run;

static void failf(spec_run *s, const json *cmd, const char *what, const char *detail)
{
    const json *line = json_get(cmd, "line");
    printf("%s:%d: %s: %s%s%s\n", s->file, line ? (int)line->num : 0, json_str(cmd, "type"),
           what, detail ? ": " : "", detail ? detail : "");
    s->failed++;
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(n > 0 ? (size_t)n + 1 : 1);
    if (buf && n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) buf[n > 0 ? n : 0] = 0;
    *len = n > 0 ? (size_t)n : 0;
    return buf;
}

/* Module bytes must outlive the module, so every file read stays until the run ends. */
typedef struct blob {
    struct blob *next;
    unsigned char *bytes;
} blob;
static blob *keep_list(blob **head, unsigned char *b)
{
    blob *k = malloc(sizeof *k);
    if (k) {
        k->bytes = b;
        k->next = *head;
        *head = k;
    }
    return k;
}

static wasmcu_err load_file(spec_run *s, blob **blobs, const char *name, wasmcu_module **mod)
{
    char path[2048];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", s->dir, name);
    unsigned char *bytes = read_file(path, &len);
    if (!bytes) {
        printf("%s: cannot read %s\n", s->file, path);
        return WASMCU_ERR_NOT_FOUND;
    }
    keep_list(blobs, bytes);
    return wasmcu_load(s->rt, bytes, len, mod);
}

static char *copy_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c) memcpy(c, s, n);
    return c;
}

static int find_module(spec_run *s, const char *name)
{
    if (!name) return s->cur;
    for (int i = s->nmods - 1; i >= 0; i--)
        if (s->mods[i].name && strcmp(s->mods[i].name, name) == 0) return i;
    return -1;
}

static int is_v128(const json *vals)
{
    for (const json *v = vals ? vals->child : NULL; v; v = v->next) {
        const char *t = json_str(v, "type");
        if (t && strcmp(t, "v128") == 0) return 1;
    }
    return 0;
}

/* Parses an argument value into wasm's representation. */
static int parse_value(const json *v, wasmcu_val *out)
{
    const char *t = json_str(v, "type"), *val = json_str(v, "value");
    if (!t || !val) return 0;
    if (strcmp(val, "null") == 0) {
        *out = 0;
        return 1;
    }
    unsigned long long x = strtoull(val, NULL, 10);
    if (strcmp(t, "externref") == 0) x += 1; /* extern N is a non-null host value */
    *out = x;
    return 1;
}

static int value_matches(const json *v, wasmcu_val got, char *why, size_t n)
{
    const char *t = json_str(v, "type"), *val = json_str(v, "value");
    if (!t || !val) return 0;
    int ok;
    if (strcmp(t, "f32") == 0 && strncmp(val, "nan:", 4) == 0) {
        uint32_t b = (uint32_t)got;
        ok = strcmp(val, "nan:canonical") == 0 ? (b & 0x7FFFFFFFu) == 0x7FC00000u
                                               : (b & 0x7FC00000u) == 0x7FC00000u;
    } else if (strcmp(t, "f64") == 0 && strncmp(val, "nan:", 4) == 0) {
        ok = strcmp(val, "nan:canonical") == 0
                 ? (got & 0x7FFFFFFFFFFFFFFFull) == 0x7FF8000000000000ull
                 : (got & 0x7FF8000000000000ull) == 0x7FF8000000000000ull;
    } else if (strcmp(t, "funcref") == 0 && strcmp(val, "null") != 0) {
        ok = got != 0;
    } else {
        wasmcu_val want = 0;
        parse_value(v, &want);
        if (strcmp(t, "i32") == 0 || strcmp(t, "f32") == 0) ok = (uint32_t)got == (uint32_t)want;
        else ok = got == want;
    }
    if (!ok) snprintf(why, n, "%s: expected %s, got %llu", t, val, (unsigned long long)got);
    return ok;
}

/* Runs an action; returns the error, fills results. -1 = skipped. */
static int do_action(spec_run *s, const json *cmd, wasmcu_val *results, uint32_t *nresults,
                     wasmcu_err *err)
{
    const json *act = json_get(cmd, "action");
    const char *type = json_str(act, "type");
    const json *field = json_get(act, "field");
    int mi = find_module(s, json_str(act, "module"));
    if (mi < 0 || !field) {
        failf(s, cmd, "no such module", json_str(act, "module"));
        return 0;
    }
    if (!s->mods[mi].inst || is_v128(json_get(act, "args"))) return -1;
    wasmcu_instance *inst = s->mods[mi].inst;
    if (type && strcmp(type, "get") == 0) {
        wasmcu_valtype t;
        *nresults = 1;
        *err = wasmcu_get_global_len(inst, field->str, field->len, &results[0], &t);
        return 1;
    }
    wasmcu_func *f = wasmcu_find_func_len(inst, field->str, field->len);
    if (!f) {
        failf(s, cmd, "no such export", field->str);
        return 0;
    }
    wasmcu_val args[MAX_VALS];
    uint32_t nargs = 0;
    for (const json *a = json_get(act, "args") ? json_get(act, "args")->child : NULL; a && nargs < MAX_VALS; a = a->next)
        parse_value(a, &args[nargs++]);
    *nresults = wasmcu_func_result_count(f);
    if (*nresults > MAX_VALS) *nresults = MAX_VALS;
    *err = wasmcu_call(inst, f, args, nargs, results, *nresults);
    return 1;
}

static void cmd_module(spec_run *s, const json *cmd, blob **blobs)
{
    wasmcu_module *mod;
    const char *name = json_str(cmd, "name");
    wasmcu_err err = load_file(s, blobs, json_str(cmd, "filename"), &mod);
    named *n = &s->mods[s->nmods < 511 ? s->nmods++ : 511];
    n->name = name ? copy_str(name) : NULL;
    n->inst = NULL;
    s->cur = (int)(n - s->mods);
    if (err == WASMCU_ERR_UNSUPPORTED) {
        if (!s->simd_noted++) printf("%s: skipping SIMD modules: %s\n", s->file, wasmcu_last_error(s->rt));
        s->skipped++;
        return;
    }
    if (!err) err = wasmcu_instantiate(s->rt, mod, NULL, &n->inst);
    if (err) {
        failf(s, cmd, "module did not load", wasmcu_last_error(s->rt));
        return;
    }
    s->passed++;
}

static void cmd_assert_module(spec_run *s, const json *cmd, const char *type, blob **blobs)
{
    const char *mt = json_str(cmd, "module_type");
    if (mt && strcmp(mt, "text") == 0) {
        s->skipped++; /* text-format modules: we don't parse the text format */
        return;
    }
    wasmcu_module *mod;
    wasmcu_instance *inst = NULL;
    wasmcu_err err = load_file(s, blobs, json_str(cmd, "filename"), &mod);
    if (err == WASMCU_ERR_UNSUPPORTED && strcmp(type, "assert_invalid") != 0 &&
        strcmp(type, "assert_malformed") != 0) {
        s->skipped++;
        return;
    }
    int want_load_fail = strcmp(type, "assert_invalid") == 0 || strcmp(type, "assert_malformed") == 0;
    if (want_load_fail) {
        if (err == WASMCU_OK) {
            failf(s, cmd, "module was accepted", json_str(cmd, "text"));
            wasmcu_unload(mod);
        } else {
            if (s->verbose) printf("  rejected as expected (%s): %s\n", json_str(cmd, "text"), wasmcu_last_error(s->rt));
            s->passed++;
        }
        return;
    }
    if (err) {
        failf(s, cmd, "module did not load", wasmcu_last_error(s->rt));
        return;
    }
    err = wasmcu_instantiate(s->rt, mod, NULL, &inst);
    int ok = strcmp(type, "assert_unlinkable") == 0 ? err == WASMCU_ERR_LINK : WASMCU_IS_TRAP(err);
    if (ok) s->passed++;
    else failf(s, cmd, err ? "failed differently" : "instantiation succeeded",
               err ? wasmcu_last_error(s->rt) : json_str(cmd, "text"));
    if (inst) wasmcu_deinstantiate(inst);
}

static void cmd_action(spec_run *s, const json *cmd, const char *type)
{
    wasmcu_val results[MAX_VALS];
    uint32_t nres = 0;
    wasmcu_err err = WASMCU_OK;
    int r = do_action(s, cmd, results, &nres, &err);
    if (r == 0) return;
    if (r < 0 || is_v128(json_get(cmd, "expected"))) {
        s->skipped++;
        return;
    }
    if (strcmp(type, "assert_trap") == 0 || strcmp(type, "assert_exhaustion") == 0) {
        const char *text = json_str(cmd, "text");
        const char *ours = wasmcu_err_str(err);
        size_t l = strlen(ours);
        if (WASMCU_IS_TRAP(err) && text && strncmp(text, ours, l < strlen(text) ? l : strlen(text)) == 0)
            s->passed++;
        else
            failf(s, cmd, "wrong outcome", err ? wasmcu_last_error(s->rt) : "no trap");
        return;
    }
    if (err) {
        failf(s, cmd, "trapped", wasmcu_last_error(s->rt));
        return;
    }
    const json *exp = json_get(cmd, "expected");
    uint32_t i = 0;
    char why[200];
    for (const json *e = exp ? exp->child : NULL; e; e = e->next, i++) {
        if (i >= nres || !value_matches(e, results[i], why, sizeof why)) {
            failf(s, cmd, "wrong result", i >= nres ? "too few results" : why);
            return;
        }
    }
    s->passed++;
}

static void cmd_register(spec_run *s, const json *cmd)
{
    int mi = find_module(s, json_str(cmd, "name"));
    const char *as = json_str(cmd, "as");
    if (mi < 0 || !as) {
        failf(s, cmd, "nothing to register", NULL);
        return;
    }
    if (!s->mods[mi].inst) {
        s->skipped++;
        return;
    }
    if (wasmcu_register_instance(s->rt, as, s->mods[mi].inst)) failf(s, cmd, "register failed", wasmcu_last_error(s->rt));
    else s->passed++;
}

static int run_file(const char *file, int verbose, int *tp, int *tf, int *ts)
{
    spec_run *s = calloc(1, sizeof *s);
    size_t len;
    char *text = (char *)read_file(file, &len);
    const char *perr = NULL;
    json *doc = text ? json_parse(text, &perr) : NULL;
    void *pool = malloc(POOL_SIZE);
    if (!s || !doc || !pool) {
        printf("%s: cannot read: %s\n", file, text ? perr : "no such file");
        *tf += 1;
        free(s), free(text), free(pool), json_free(doc);
        return 1;
    }
    s->file = file;
    s->verbose = verbose;
    s->cur = -1;
    snprintf(s->dir, sizeof s->dir, "%s", file);
    char *slash = strrchr(s->dir, '/');
    if (slash) *slash = 0;
    else snprintf(s->dir, sizeof s->dir, ".");
    s->rt = wasmcu_init(pool, POOL_SIZE);
    blob *blobs = NULL;
    if (!s->rt || spectest_register(s->rt)) {
        printf("%s: cannot set up the spectest module: %s\n", file, s->rt ? wasmcu_last_error(s->rt) : "");
        s->failed++;
    }
    const json *cmds = json_get(doc, "commands");
    for (const json *c = cmds ? cmds->child : NULL; c && s->rt; c = c->next) {
        const char *type = json_str(c, "type");
        if (!type) { failf(s, c, "command without a type", NULL); continue; }
        if (verbose) printf("  line %d: %s\n", json_get(c, "line") ? (int)json_get(c, "line")->num : 0, type);
        if (strcmp(type, "module") == 0) cmd_module(s, c, &blobs);
        else if (strcmp(type, "register") == 0) cmd_register(s, c);
        else if (strcmp(type, "action") == 0 || strcmp(type, "assert_return") == 0 ||
                 strcmp(type, "assert_trap") == 0 || strcmp(type, "assert_exhaustion") == 0)
            cmd_action(s, c, type);
        else if (strncmp(type, "assert_", 7) == 0) cmd_assert_module(s, c, type, &blobs);
        else failf(s, c, "unknown command type", type);
    }
    printf("%s: %d passed, %d failed, %d skipped\n", file, s->passed, s->failed, s->skipped);
    int failed = s->failed;
    *tp += s->passed, *tf += s->failed, *ts += s->skipped;
    for (int i = 0; i < s->nmods; i++) free(s->mods[i].name);
    while (blobs) {
        blob *n = blobs->next;
        free(blobs->bytes);
        free(blobs);
        blobs = n;
    }
    json_free(doc);
    free(text);
    free(pool);
    free(s);
    return failed != 0;
}

int wasmcu_cli_spec(int argc, char **argv)
{
    int verbose = 0, files = 0, p = 0, f = 0, sk = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: wasmcu spec [--verbose] FILE.json...\n"
                   "Runs wast2json output: prints a line per file and, for several files, a last\n"
                   "line 'N passed, N failed, N skipped'. Exit status 0 when nothing failed.\n");
            return 0;
        }
        if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) { verbose = 1; continue; }
        if (argv[i][0] == '-') {
            fprintf(stderr, "wasmcu spec: unknown option %s\nusage: wasmcu spec [--verbose] FILE.json...\n", argv[i]);
            return 2;
        }
        files++;
        run_file(argv[i], verbose, &p, &f, &sk);
    }
    if (!files) {
        fprintf(stderr, "wasmcu spec: no file given\nusage: wasmcu spec [--verbose] FILE.json...\n");
        return 2;
    }
    if (files > 1) printf("%d passed, %d failed, %d skipped\n", p, f, sk);
    return f ? 1 : 0;
}
