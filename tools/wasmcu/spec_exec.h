/* The spec testsuite's commands as data, and the one executor that runs them: the CLI fills
 * them from wast2json output (spec.c), the on-device firmware from tables that
 * `wasmcu spec --bundle` generated. Uses only the public API. */
#ifndef WASMCU_SPEC_EXEC_H
#define WASMCU_SPEC_EXEC_H
#include <stddef.h>
#include <stdint.h>
#include "wasmcu.h"

/* How an expected value is compared. */
enum { SPEC_EXACT, SPEC_NAN_CANONICAL, SPEC_NAN_ARITHMETIC, SPEC_NONNULL, SPEC_V128 };

typedef struct spec_value {
    uint8_t type;  /* a wasmcu_valtype */
    uint8_t match; /* SPEC_*: v128 values are skipped */
    uint64_t bits; /* integers and float bits; externref N is N + 1, null is 0 */
} spec_value;

typedef enum spec_kind {
    SPEC_MODULE, SPEC_REGISTER, SPEC_ACTION, SPEC_ASSERT_RETURN, SPEC_ASSERT_TRAP,
    SPEC_ASSERT_EXHAUSTION, SPEC_ASSERT_INVALID, SPEC_ASSERT_MALFORMED, SPEC_ASSERT_UNLINKABLE,
    SPEC_ASSERT_UNINSTANTIABLE, SPEC_TEXT_MODULE, SPEC_UNKNOWN,
    SPEC_SKIP /* left out where it runs, for the reason in text (e.g. the device's RAM) */
} spec_kind;

typedef struct spec_cmd {
    uint8_t kind;               /* spec_kind */
    uint8_t get;                /* the action reads a global instead of calling */
    uint32_t line;              /* in the .wast, for messages */
    const uint8_t *bytes;       /* a module's bytes (module and assert_* on modules) */
    uint32_t len;
    const char *name;           /* module: its $name; action: the module's, or NULL = current;
                                 * register: the module's */
    const char *as;             /* register: the name to import it under */
    const char *field;          /* action: export name, field_len bytes */
    uint32_t field_len;
    const spec_value *args, *expected;
    uint32_t nargs, nexpected;
    const char *text;           /* assert_*: the expected failure's text */
} spec_cmd;

typedef struct spec_counts {
    int passed, failed, skipped;
} spec_counts;

/* What `wasmcu spec --bundle` generates: spec_bundle[0..spec_bundle_count). */
typedef struct spec_bundle_file {
    const char *name;
    const spec_cmd *cmds;
    uint32_t ncmds;
} spec_bundle_file;
extern const spec_bundle_file spec_bundle[];
extern const unsigned spec_bundle_count;

/* Runs one .wast file's commands in a fresh runtime over pool, with cfg for every instance
 * (NULL: defaults). Prints each failure as "FILE:LINE: ..." and adds to counts. Instances no
 * later command can name are freed as soon as the next module replaces them. */
void spec_exec(const char *file, const spec_cmd *cmds, uint32_t ncmds, void *pool,
               size_t pool_size, const wasmcu_instance_config *cfg, int verbose,
               spec_counts *counts);

#endif
