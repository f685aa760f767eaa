/* Runs spec commands (spec_exec.h): the rules of the wast script format, applied to
 * modules given as bytes, so the same code runs on the host and on a microcontroller. */
#include <stdio.h>
#include <string.h>
#include "spec_exec.h"
#include "spectest.h"

#define MAX_VALS 64
#define MAX_MODS 256

typedef struct named {
    const char *name;       /* "$M", or NULL */
    wasmcu_module *mod;
    wasmcu_instance *inst;  /* NULL when the module was skipped (SIMD) */
    int registered;         /* importable by others: kept to the end */
} named;

typedef struct run {
    const char *file;
    wasmcu_runtime *rt;
    const wasmcu_instance_config *cfg;
    named mods[MAX_MODS];
    int nmods, cur;
    int verbose, unsupported_noted;
    spec_counts c;
} run;

static const char *kind_name(int k)
{
    static const char *const names[] = {
        "module", "register", "action", "assert_return", "assert_trap", "assert_exhaustion",
        "assert_invalid", "assert_malformed", "assert_unlinkable", "assert_uninstantiable",
        "assert (text module)", "unknown command", "skipped"};
    return k >= 0 && k <= SPEC_SKIP ? names[k] : "?";
}

static void failf(run *s, const spec_cmd *cmd, const char *what, const char *detail)
{
    printf("%s:%u: %s: %s%s%s\n", s->file, (unsigned)cmd->line, kind_name(cmd->kind), what,
           detail ? ": " : "", detail ? detail : "");
    s->c.failed++;
}

static int find_module(run *s, const char *name)
{
    if (!name) return s->cur;
    for (int i = s->nmods - 1; i >= 0; i--)
        if (s->mods[i].name && strcmp(s->mods[i].name, name) == 0) return i;
    return -1;
}

static int has_v128(const spec_value *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (v[i].match == SPEC_V128) return 1;
    return 0;
}

static int value_matches(const spec_value *v, wasmcu_val got, char *why, size_t n)
{
    int ok;
    int is32 = v->type == WASMCU_I32 || v->type == WASMCU_F32;
    switch (v->match) {
    case SPEC_NAN_CANONICAL:
        ok = is32 ? ((uint32_t)got & 0x7FFFFFFFu) == 0x7FC00000u
                  : (got & 0x7FFFFFFFFFFFFFFFull) == 0x7FF8000000000000ull;
        break;
    case SPEC_NAN_ARITHMETIC:
        ok = is32 ? ((uint32_t)got & 0x7FC00000u) == 0x7FC00000u
                  : (got & 0x7FF8000000000000ull) == 0x7FF8000000000000ull;
        break;
    case SPEC_NONNULL: ok = got != 0; break;
    default: ok = is32 ? (uint32_t)got == (uint32_t)v->bits : got == v->bits; break;
    }
    if (!ok) { /* hex halves: the device's printf (newlib-nano) has no %llu */
        snprintf(why, n, "type 0x%x: expected 0x%08lx%08lx, got 0x%08lx%08lx", (unsigned)v->type,
                 (unsigned long)(v->bits >> 32), (unsigned long)(uint32_t)v->bits,
                 (unsigned long)(got >> 32), (unsigned long)(uint32_t)got);
    }
    return ok;
}

/* Frees the current module unless a later command can still reach it. */
static void retire_current(run *s)
{
    if (s->cur < 0) return;
    named *n = &s->mods[s->cur];
    if (n->name || n->registered) return;
    if (n->inst) wasmcu_deinstantiate(n->inst);
    if (n->mod) wasmcu_unload(n->mod);
    n->inst = NULL;
    n->mod = NULL;
}

static void cmd_module(run *s, const spec_cmd *cmd)
{
    retire_current(s);
    if (s->cur >= 0 && !s->mods[s->cur].name && !s->mods[s->cur].registered) s->nmods--; /* reuse */
    if (s->nmods == MAX_MODS) {
        failf(s, cmd, "too many named modules", NULL);
        s->cur = -1;
        return;
    }
    named *n = &s->mods[s->nmods++];
    memset(n, 0, sizeof *n);
    n->name = cmd->name;
    s->cur = (int)(n - s->mods);
    wasmcu_err err = wasmcu_load(s->rt, cmd->bytes, cmd->len, &n->mod);
    if (err == WASMCU_ERR_UNSUPPORTED) {
        if (!s->unsupported_noted++) /* SIMD, mostly */
            printf("%s: skipping unsupported modules: %s\n", s->file, wasmcu_last_error(s->rt));
        n->mod = NULL;
        s->c.skipped++;
        return;
    }
    if (err) n->mod = NULL;
    if (!err) err = wasmcu_instantiate(s->rt, n->mod, s->cfg, &n->inst);
    if (err) {
        failf(s, cmd, "module did not load", wasmcu_last_error(s->rt));
        return;
    }
    s->c.passed++;
}

static void cmd_assert_module(run *s, const spec_cmd *cmd)
{
    if (cmd->kind == SPEC_TEXT_MODULE) {
        s->c.skipped++; /* text-format modules: we don't parse the text format */
        return;
    }
    wasmcu_module *mod;
    wasmcu_instance *inst = NULL;
    wasmcu_err err = wasmcu_load(s->rt, cmd->bytes, cmd->len, &mod);
    int want_load_fail = cmd->kind == SPEC_ASSERT_INVALID || cmd->kind == SPEC_ASSERT_MALFORMED;
    if (err == WASMCU_ERR_UNSUPPORTED && !want_load_fail) {
        s->c.skipped++;
        return;
    }
    if (want_load_fail) {
        if (err == WASMCU_OK) {
            failf(s, cmd, "module was accepted", cmd->text);
            wasmcu_unload(mod);
        } else {
            if (s->verbose) printf("  rejected as expected (%s): %s\n", cmd->text, wasmcu_last_error(s->rt));
            s->c.passed++;
        }
        return;
    }
    if (err) {
        failf(s, cmd, "module did not load", wasmcu_last_error(s->rt));
        return;
    }
    err = wasmcu_instantiate(s->rt, mod, s->cfg, &inst);
    int ok = cmd->kind == SPEC_ASSERT_UNLINKABLE ? err == WASMCU_ERR_LINK : WASMCU_IS_TRAP(err);
    if (ok) s->c.passed++;
    else failf(s, cmd, err ? "failed differently" : "instantiation succeeded",
               err ? wasmcu_last_error(s->rt) : cmd->text);
    if (inst) wasmcu_deinstantiate(inst);
    wasmcu_unload(mod); /* a zombie instance keeps what it needs */
}

static void cmd_action(run *s, const spec_cmd *cmd)
{
    int mi = find_module(s, cmd->name);
    if (mi < 0 || !cmd->field) {
        failf(s, cmd, "no such module", cmd->name);
        return;
    }
    if (!s->mods[mi].inst || has_v128(cmd->args, cmd->nargs) || has_v128(cmd->expected, cmd->nexpected)) {
        s->c.skipped++;
        return;
    }
    wasmcu_instance *inst = s->mods[mi].inst;
    wasmcu_val results[MAX_VALS];
    uint32_t nres = 0;
    wasmcu_err err;
    if (cmd->get) {
        wasmcu_valtype t;
        nres = 1;
        err = wasmcu_get_global_len(inst, cmd->field, cmd->field_len, &results[0], &t);
    } else {
        wasmcu_func *f = wasmcu_find_func_len(inst, cmd->field, cmd->field_len);
        if (!f) {
            failf(s, cmd, "no such export", cmd->field);
            return;
        }
        wasmcu_val args[MAX_VALS];
        uint32_t nargs = cmd->nargs < MAX_VALS ? cmd->nargs : MAX_VALS;
        for (uint32_t i = 0; i < nargs; i++) args[i] = cmd->args[i].bits;
        nres = wasmcu_func_result_count(f);
        if (nres > MAX_VALS) nres = MAX_VALS;
        err = wasmcu_call(inst, f, args, nargs, results, nres);
    }
    if (cmd->kind == SPEC_ASSERT_TRAP || cmd->kind == SPEC_ASSERT_EXHAUSTION) {
        const char *ours = wasmcu_err_str(err);
        size_t l = strlen(ours), tl = cmd->text ? strlen(cmd->text) : 0;
        if (WASMCU_IS_TRAP(err) && cmd->text && strncmp(cmd->text, ours, l < tl ? l : tl) == 0)
            s->c.passed++;
        else
            failf(s, cmd, "wrong outcome", err ? wasmcu_last_error(s->rt) : "no trap");
        return;
    }
    if (err) {
        failf(s, cmd, "trapped", wasmcu_last_error(s->rt));
        return;
    }
    char why[200];
    for (uint32_t i = 0; i < cmd->nexpected; i++) {
        if (i >= nres || !value_matches(&cmd->expected[i], results[i], why, sizeof why)) {
            failf(s, cmd, "wrong result", i >= nres ? "too few results" : why);
            return;
        }
    }
    s->c.passed++;
}

static void cmd_register(run *s, const spec_cmd *cmd)
{
    int mi = find_module(s, cmd->name);
    if (mi < 0 || !cmd->as) {
        failf(s, cmd, "nothing to register", NULL);
        return;
    }
    if (!s->mods[mi].inst) {
        s->c.skipped++;
        return;
    }
    s->mods[mi].registered = 1;
    if (wasmcu_register_instance(s->rt, cmd->as, s->mods[mi].inst))
        failf(s, cmd, "register failed", wasmcu_last_error(s->rt));
    else s->c.passed++;
}

void spec_exec(const char *file, const spec_cmd *cmds, uint32_t ncmds, void *pool,
               size_t pool_size, const wasmcu_instance_config *cfg, int verbose,
               spec_counts *counts)
{
    static run s; /* big (the module table); a device's stack is small */
    memset(&s, 0, sizeof s);
    s.file = file;
    s.cfg = cfg;
    s.verbose = verbose;
    s.cur = -1;
    s.rt = wasmcu_init(pool, pool_size);
    if (!s.rt || spectest_register(s.rt)) {
        printf("%s: cannot set up the spectest module: %s\n", file,
               s.rt ? wasmcu_last_error(s.rt) : "pool too small");
        s.c.failed++;
        ncmds = 0;
    }
    for (uint32_t i = 0; i < ncmds; i++) {
        const spec_cmd *c = &cmds[i];
        if (verbose) printf("  line %u: %s\n", (unsigned)c->line, kind_name(c->kind));
        switch (c->kind) {
        case SPEC_MODULE: cmd_module(&s, c); break;
        case SPEC_REGISTER: cmd_register(&s, c); break;
        case SPEC_ACTION:
        case SPEC_ASSERT_RETURN:
        case SPEC_ASSERT_TRAP:
        case SPEC_ASSERT_EXHAUSTION: cmd_action(&s, c); break;
        case SPEC_UNKNOWN: failf(&s, c, "unknown command type", c->text); break;
        case SPEC_SKIP:
            printf("%s:%u: skipped: %s\n", file, (unsigned)c->line, c->text);
            s.c.skipped++;
            break;
        default: cmd_assert_module(&s, c); break;
        }
    }
    printf("%s: %d passed, %d failed, %d skipped\n", file, s.c.passed, s.c.failed, s.c.skipped);
    if (s.rt) wasmcu_destroy(s.rt);
    counts->passed += s.c.passed;
    counts->failed += s.c.failed;
    counts->skipped += s.c.skipped;
}
