/* br_table's forms: flat, a target per entry, when no branch moves values and that takes
 * no more bytes; else compact, distinct branches plus an index per entry, bytes up to 256
 * distinct targets and 16-bit indexes past that. The modules are built here: f(i) sits in
 * `depth` nested blocks, br_table (i) 0 1 .. depth-1, `reps` times over (default depth-1),
 * leaves block i % depth, and the code after block k's end returns k, so f(i) == i % depth
 * for the entries and depth - 1 past them. Entries repeated make the compact form smaller. */
#include "check.h"
#include <string.h>
#include "config.h"
#include "module.h"
#include "opcodes.h"
#include "runtime.h"
#include "wasmcu.h"
#include "onefunc.h"

static size_t sleb(uint8_t *p, int32_t v)
{
    size_t n = 0;
    for (;;) {
        uint8_t b = v & 0x7F;
        v >>= 7; /* arithmetic for the negative values this never gets */
        if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) {
            p[n++] = b;
            return n;
        }
        p[n++] = b | 0x80;
    }
}

/* Writes the module for `depth` blocks into buf; returns its length. */
static size_t build(uint8_t *buf, uint32_t depth, uint32_t reps)
{
    static uint8_t body[16384];
    size_t b = 0;
    body[b++] = 0; /* no locals */
    for (uint32_t k = 0; k < depth; k++) body[b++] = 0x02, body[b++] = 0x40;
    body[b++] = 0x20, body[b++] = 0x00;
    body[b++] = 0x0E;
    b += leb(body + b, depth * reps);
    for (uint32_t k = 0; k < depth * reps; k++) b += leb(body + b, k % depth);
    b += leb(body + b, depth - 1);
    for (uint32_t k = 0; k < depth; k++) {
        body[b++] = 0x0B;
        body[b++] = 0x41;
        b += sleb(body + b, (int32_t)k);
        body[b++] = 0x0F;
    }
    body[b++] = 0x0B;
    return one_func(buf, 1, body, b, NULL);
}

int main(void)
{
    static uint64_t pool[(4u << 20) / 8];
    static uint8_t wasm[20000];
    /* depth, reps, and whether the table is flat (when the build fuses) */
    static const uint32_t cases[][3] = {{3, 1, 1},   {256, 1, 1}, {257, 1, 1}, {600, 1, 1},
                                        {3, 8, 0},   {256, 8, 0}, {300, 8, 0}};
    for (size_t d = 0; d < sizeof cases / sizeof cases[0]; d++) {
        uint32_t depth = cases[d][0], reps = cases[d][1], n = depth * reps;
        wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
        size_t len = build(wasm, depth, reps);
        wasmcu_module *mod;
        wasmcu_instance *inst;
        CHECK(wasmcu_load(rt, wasm, len, &mod) == WASMCU_OK);
        CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
        wasmcu_func *f = wasmcu_find_func(inst, "f");
        for (uint32_t i = 0; i <= n + 5; i++) {
            wasmcu_val a = i, r = 0;
            CHECK(wasmcu_call(inst, f, &a, 1, &r, 1) == WASMCU_OK);
            uint32_t want = i < n ? i % depth : depth - 1;
            if ((uint32_t)r != want) {
                printf("FAIL depth %u: f(%u) = %u, want %u\n", (unsigned)depth, (unsigned)i,
                       (unsigned)(uint32_t)r, (unsigned)want);
                failures++;
                break;
            }
        }
        wasmcu_val big = 0xFFFFFFFFu, r = 0; /* the default, for an index far out of range */
        CHECK(wasmcu_call(inst, f, &big, 1, &r, 1) == WASMCU_OK && (uint32_t)r == depth - 1);
        /* the form that ran: the table is the function's first instruction (not when CI
         * sends most functions through far jumps, WM_CONFIG_FAR_AT: no flat table there) */
        uint32_t want = WM_CONFIG_FUSED_OPS && cases[d][2] ? WM_OP_BR_TABLE_FLAT : WM_OP_BR_TABLE;
        if (WM_CONFIG_FAR_AT == 0x7FFFu) CHECK(f->code && f->code->ops && f->code->ops[0] == want);
        wasmcu_deinstantiate(inst);
        wasmcu_unload(mod);
        wasmcu_destroy(rt);
    }
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
