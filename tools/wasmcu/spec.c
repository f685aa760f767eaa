/* `wasmcu spec FILE.json...`: runs the spec testsuite as converted by wast2json, through
 * the public API only (spec_exec.c), and counts every command as passed, failed or skipped.
 * `--bundle=OUT.c` writes the same commands, modules included, as C tables instead, for
 * firmware that runs them on a device (ports/qemu-cortex-m/spec_main.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "file.h"
#include "json.h"
#include "spec_exec.h"

#define POOL_SIZE ((size_t)256 << 20)

/* One file's commands and everything they point to, owned here. */
typedef struct loaded {
    spec_cmd *cmds;
    uint32_t n;
    void **owned; /* module bytes and value arrays to free */
    uint32_t nowned, cap_owned;
} loaded;

static void *own(loaded *l, void *p)
{
    if (!p) return NULL;
    if (l->nowned == l->cap_owned) {
        uint32_t cap = l->cap_owned ? 2 * l->cap_owned : 64;
        void **o = realloc(l->owned, cap * sizeof *o);
        if (!o) return p; /* leaks one block rather than failing the run */
        l->owned = o;
        l->cap_owned = cap;
    }
    l->owned[l->nowned++] = p;
    return p;
}

static void loaded_free(loaded *l)
{
    for (uint32_t i = 0; i < l->nowned; i++) free(l->owned[i]);
    free(l->owned);
    free(l->cmds);
}

static spec_kind kind_of(const char *type, const char *module_type)
{
    static const struct { const char *name; spec_kind kind; } kinds[] = {
        {"module", SPEC_MODULE}, {"register", SPEC_REGISTER}, {"action", SPEC_ACTION},
        {"assert_return", SPEC_ASSERT_RETURN}, {"assert_trap", SPEC_ASSERT_TRAP},
        {"assert_exhaustion", SPEC_ASSERT_EXHAUSTION}, {"assert_invalid", SPEC_ASSERT_INVALID},
        {"assert_malformed", SPEC_ASSERT_MALFORMED}, {"assert_unlinkable", SPEC_ASSERT_UNLINKABLE},
        {"assert_uninstantiable", SPEC_ASSERT_UNINSTANTIABLE}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(type, kinds[i].name) != 0) continue;
        if (kinds[i].kind >= SPEC_ASSERT_INVALID && module_type && strcmp(module_type, "text") == 0)
            return SPEC_TEXT_MODULE;
        return kinds[i].kind;
    }
    return SPEC_UNKNOWN;
}

static int parse_value(const json *v, spec_value *out)
{
    static const struct { const char *name; wasmcu_valtype t; } types[] = {
        {"i32", WASMCU_I32}, {"i64", WASMCU_I64}, {"f32", WASMCU_F32}, {"f64", WASMCU_F64},
        {"funcref", WASMCU_FUNCREF}, {"externref", WASMCU_EXTERNREF}, {"v128", WASMCU_V128}};
    const char *t = json_str(v, "type"), *val = json_str(v, "value");
    memset(out, 0, sizeof *out);
    if (!t) return 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(t, types[i].name) == 0) out->type = (uint8_t)types[i].t;
    if (out->type == WASMCU_V128) {
        out->match = SPEC_V128;
        return 1;
    }
    if (!out->type || !val) return 0;
    if (strcmp(val, "nan:canonical") == 0) out->match = SPEC_NAN_CANONICAL;
    else if (strcmp(val, "nan:arithmetic") == 0) out->match = SPEC_NAN_ARITHMETIC;
    else if (strcmp(val, "null") == 0) out->bits = 0;
    else if (out->type == WASMCU_FUNCREF) out->match = SPEC_NONNULL;
    else out->bits = strtoull(val, NULL, 10) + (out->type == WASMCU_EXTERNREF); /* extern N: non-null */
    return 1;
}

static spec_value *parse_values(loaded *l, const json *arr, uint32_t *n)
{
    *n = 0;
    for (const json *v = arr ? arr->child : NULL; v; v = v->next) (*n)++;
    if (!*n) return NULL;
    spec_value *vals = own(l, calloc(*n, sizeof *vals));
    if (!vals) {
        *n = 0;
        return NULL;
    }
    uint32_t i = 0;
    for (const json *v = arr->child; v; v = v->next) parse_value(v, &vals[i++]);
    return vals;
}

/* Reads FILE.json and the modules it names into commands. */
static int load_commands(const char *file, json **docp, loaded *l)
{
    size_t len;
    char *text = (char *)wasmcu_read_file(file, &len);
    const char *perr = "no such file";
    json *doc = text ? json_parse(text, &perr) : NULL;
    free(text);
    if (!doc) {
        printf("%s: cannot read: %s\n", file, perr);
        return 0;
    }
    *docp = doc;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0;
    else snprintf(dir, sizeof dir, ".");
    const json *cmds = json_get(doc, "commands");
    uint32_t n = 0;
    for (const json *c = cmds ? cmds->child : NULL; c; c = c->next) n++;
    l->cmds = calloc(n ? n : 1, sizeof *l->cmds);
    if (!l->cmds) return 0;
    for (const json *c = cmds ? cmds->child : NULL; c; c = c->next) {
        spec_cmd *sc = &l->cmds[l->n++];
        const char *type = json_str(c, "type");
        const json *line = json_get(c, "line");
        sc->kind = (uint8_t)kind_of(type ? type : "", json_str(c, "module_type"));
        sc->line = line ? (uint32_t)line->num : 0;
        sc->text = sc->kind == SPEC_UNKNOWN ? type : json_str(c, "text");
        const char *fname = json_str(c, "filename");
        if (fname && sc->kind != SPEC_TEXT_MODULE) {
            char path[2048];
            size_t blen = 0;
            snprintf(path, sizeof path, "%s/%s", dir, fname);
            sc->bytes = own(l, wasmcu_read_file(path, &blen));
            sc->len = (uint32_t)blen;
            if (!sc->bytes) printf("%s: cannot read %s\n", file, path);
        }
        const json *act = json_get(c, "action");
        if (sc->kind == SPEC_REGISTER) {
            sc->name = json_str(c, "name");
            sc->as = json_str(c, "as");
        } else if (act) {
            const json *field = json_get(act, "field");
            const char *atype = json_str(act, "type");
            sc->get = atype && strcmp(atype, "get") == 0;
            sc->name = json_str(act, "module");
            if (field && field->kind == JSON_STRING) {
                sc->field = field->str;
                sc->field_len = (uint32_t)field->len;
            }
            sc->args = parse_values(l, json_get(act, "args"), &sc->nargs);
            sc->expected = parse_values(l, json_get(c, "expected"), &sc->nexpected);
        } else {
            sc->name = json_str(c, "name");
        }
    }
    return 1;
}

/* ---- --bundle: the commands as C tables ------------------------------------------------ */

static void c_string(FILE *o, const char *s, size_t n)
{
    if (!s) {
        fputs("NULL", o);
        return;
    }
    fputc('"', o);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') fprintf(o, "\\%c", ch);
        else if (ch >= 32 && ch < 127 && ch != '?') fputc(ch, o);
        else fprintf(o, "\\%03o", ch); /* octal: never runs into a following digit */
    }
    fputc('"', o);
}

static void c_values(FILE *o, const char *name, const spec_value *v, uint32_t n)
{
    if (!n) return;
    fprintf(o, "static const spec_value %s[] = {", name);
    for (uint32_t i = 0; i < n; i++)
        fprintf(o, "{%u, %u, 0x%llxull}%s", v[i].type, v[i].match, (unsigned long long)v[i].bits,
                i + 1 < n ? ", " : "");
    fprintf(o, "};\n");
}

static void bundle_file(FILE *o, int fi, const char *file, const loaded *l)
{
    for (uint32_t i = 0; i < l->n; i++) {
        const spec_cmd *c = &l->cmds[i];
        char name[64];
        if (c->bytes) {
            fprintf(o, "static const unsigned char f%d_m%u[] = {", fi, (unsigned)i);
            for (uint32_t k = 0; k < c->len; k++)
                fprintf(o, "%s%s0x%02x", k ? "," : "", k % 16 ? "" : "\n  ", c->bytes[k]);
            fprintf(o, "};\n");
        }
        snprintf(name, sizeof name, "f%d_a%u", fi, (unsigned)i);
        c_values(o, name, c->args, c->nargs);
        snprintf(name, sizeof name, "f%d_e%u", fi, (unsigned)i);
        c_values(o, name, c->expected, c->nexpected);
    }
    fprintf(o, "static const spec_cmd f%d_cmds[] = {\n", fi);
    for (uint32_t i = 0; i < l->n; i++) {
        const spec_cmd *c = &l->cmds[i];
        fprintf(o, "  {%u, %u, %u, ", c->kind, c->get, (unsigned)c->line);
        if (c->bytes) fprintf(o, "f%d_m%u, %u, ", fi, (unsigned)i, (unsigned)c->len);
        else fprintf(o, "NULL, 0, ");
        c_string(o, c->name, c->name ? strlen(c->name) : 0);
        fputs(", ", o);
        c_string(o, c->as, c->as ? strlen(c->as) : 0);
        fputs(", ", o);
        c_string(o, c->field, c->field_len);
        fprintf(o, ", %u, ", (unsigned)c->field_len);
        if (c->nargs) fprintf(o, "f%d_a%u, ", fi, (unsigned)i);
        else fprintf(o, "NULL, ");
        if (c->nexpected) fprintf(o, "f%d_e%u, ", fi, (unsigned)i);
        else fprintf(o, "NULL, ");
        fprintf(o, "%u, %u, ", (unsigned)c->nargs, (unsigned)c->nexpected);
        c_string(o, c->text, c->text ? strlen(c->text) : 0);
        fprintf(o, "},\n");
    }
    fprintf(o, "};\n");
    const char *base = strrchr(file, '/');
    fprintf(o, "#define F%d_NAME ", fi);
    c_string(o, base ? base + 1 : file, strlen(base ? base + 1 : file));
    fprintf(o, "\n\n");
}

/* --skip=FILE.json:LINE:REASON: a command left out of a bundle, with the reason it prints */
typedef struct skip_item {
    const char *file, *reason;
    size_t file_len;
    unsigned long line;
} skip_item;
typedef struct skip_list {
    skip_item *items;
    size_t n;
} skip_list;

static int add_skip(skip_list *l, const char *spec)
{
    const char *c1 = strchr(spec, ':');
    char *end;
    if (!c1 || c1 == spec) return 0;
    unsigned long line = strtoul(c1 + 1, &end, 10);
    if (end == c1 + 1 || *end != ':' || !end[1]) return 0;
    skip_item *items = realloc(l->items, (l->n + 1) * sizeof *items);
    if (!items) return 0;
    l->items = items;
    items[l->n++] = (skip_item){spec, end + 1, (size_t)(c1 - spec), line};
    return 1;
}

static void apply_skips(const skip_list *sk, const char *file, loaded *l)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    for (size_t i = 0; i < sk->n; i++) {
        const skip_item *it = &sk->items[i];
        if (strlen(base) != it->file_len || strncmp(base, it->file, it->file_len) != 0) continue;
        for (uint32_t k = 0; k < l->n; k++) {
            if (l->cmds[k].line != it->line) continue;
            l->cmds[k].kind = SPEC_SKIP;
            l->cmds[k].text = it->reason;
        }
    }
}

/* ---- the command ----------------------------------------------------------------------- */

static int usage(const char *msg, const char *arg)
{
    if (msg) fprintf(stderr, "wasmcu spec: %s%s\n", msg, arg ? arg : "");
    fprintf(stderr, "usage: wasmcu spec [--verbose] [--bundle=OUT.c [--skip=FILE.json:LINE:REASON]...] FILE.json...\n");
    return 2;
}

int wasmcu_cli_spec(int argc, char **argv)
{
    int verbose = 0, files = 0;
    const char *bundle = NULL;
    skip_list skips = {NULL, 0};
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: wasmcu spec [--verbose] [--bundle=OUT.c] FILE.json...\n"
                   "Runs wast2json output: prints a line per file and, for several files, a last\n"
                   "line 'N passed, N failed, N skipped'. Exit status 0 when nothing failed.\n"
                   "--bundle=OUT.c writes the files' commands and modules as C tables (see\n"
                   "tools/wasmcu/spec_exec.h) for a firmware to run with spec_exec instead;\n"
                   "--skip=FILE.json:LINE:REASON leaves a command out of it, printing the reason\n"
                   "where it runs (e.g. a memory.grow the device's RAM cannot hold).\n");
            return 0;
        }
        if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) verbose = 1;
        else if (strncmp(argv[i], "--bundle=", 9) == 0 && argv[i][9]) bundle = argv[i] + 9;
        else if (strncmp(argv[i], "--skip=", 7) == 0) {
            if (!add_skip(&skips, argv[i] + 7)) return usage("bad --skip (FILE.json:LINE:REASON): ", argv[i]);
        }
        else if (argv[i][0] == '-') return usage("unknown option ", argv[i]);
        else files++;
    }
    if (!files) return usage("no file given", NULL);
    FILE *out = NULL;
    if (bundle && !(out = fopen(bundle, "w"))) {
        fprintf(stderr, "wasmcu spec: cannot write %s\n", bundle);
        return 1;
    }
    if (out) fprintf(out, "/* Spec testsuite commands made by `wasmcu spec --bundle`. */\n"
                          "#include <stddef.h>\n#include \"spec_exec.h\"\n\n");
    spec_counts total = {0, 0, 0};
    void *pool = bundle ? NULL : malloc(POOL_SIZE);
    int fi = 0, bad = 0;
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-') continue;
        json *doc = NULL;
        loaded l;
        memset(&l, 0, sizeof l);
        if (!load_commands(argv[i], &doc, &l)) {
            total.failed++;
            bad = 1;
        } else if (out) {
            apply_skips(&skips, argv[i], &l);
            bundle_file(out, fi++, argv[i], &l);
        } else if (pool) {
            spec_exec(argv[i], l.cmds, l.n, pool, POOL_SIZE, NULL, verbose, &total);
        } else {
            printf("wasmcu spec: no memory for the pool\n");
            total.failed++;
        }
        loaded_free(&l);
        json_free(doc);
    }
    free(pool);
    free(skips.items);
    if (out) {
        fprintf(out, "const spec_bundle_file spec_bundle[] = {\n");
        for (int k = 0; k < fi; k++)
            fprintf(out, "  {F%d_NAME, f%d_cmds, sizeof f%d_cmds / sizeof f%d_cmds[0]},\n", k, k, k, k);
        fprintf(out, "};\nconst unsigned spec_bundle_count = %d;\n", fi);
        if (fclose(out) != 0) bad = 1;
        return bad;
    }
    if (files > 1) printf("%d passed, %d failed, %d skipped\n", total.passed, total.failed, total.skipped);
    return total.failed ? 1 : 0;
}
