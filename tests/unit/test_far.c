/* Branches in a function whose compiled code passes what a target's WM_TB bytes reach
 * (compile.h): it compiles wide and goes through far jumps (pack.c), its results, fuel and
 * trap locations the same as in a short function. The module is built here:
 *
 *   f(n, k): loop $W  k == 5 ? br $W  end   ;; a branch to itself: forever, but for fuel
 *            loop $L                       ;; n turns
 *              block $B2 block $B1 block $B0
 *                local.get k  br_table $B0 $B1 $B2   ;; far forward targets
 *              end
 *              n == 3 ? br $B1 : pad(1)               ;; a far forward br_if
 *              end
 *              pad(3)
 *              end
 *              k == 9 ? unreachable
 *              n -= 1  br_if $L                       ;; a far back-edge
 *            end  acc
 *
 * pad(c) is `pads` times acc += c; for each turn of value v, acc gains pads * (k == 0 && v
 * != 3) + 3 * pads * (k <= 1). The same module with few pads is a short function, for the
 * same results from byte code. */
#include "check.h"
#include <string.h>
#include "compiled.h"
#include "onefunc.h"
#include "pack.h"

static size_t pad(uint8_t *p, uint32_t pads, uint8_t c)
{
    size_t b = 0;
    for (uint32_t i = 0; i < pads; i++) {
        static const uint8_t add[] = {0x20, 0x02, 0x41, 0, 0x6A, 0x21, 0x02}; /* acc += c */
        memcpy(p + b, add, sizeof add);
        p[b + 3] = c;
        b += sizeof add;
    }
    return b;
}

/* Writes the module into buf; returns its length, and in *trap the module offset of the
 * unreachable. */
static size_t build(uint8_t *buf, uint32_t pads, uint32_t *trap)
{
    static uint8_t body[1u << 18];
    size_t b = 0;
    static const uint8_t head_code[] = {
        1, 1, 0x7F,                         /* acc, local 2 */
        0x03, 0x40, 0x20, 0x01, 0x41, 5, 0x46, 0x0D, 0, 0x0B, /* loop, k == 5: br_if to itself */
        0x03, 0x40, 0x02, 0x40, 0x02, 0x40, 0x02, 0x40, /* loop block block block */
        0x20, 0x01, 0x0E, 2, 0, 1, 2,       /* local.get k, br_table 0 1 2 */
        0x0B,                               /* end $B0 */
        0x20, 0x00, 0x41, 3, 0x46, 0x0D, 0, /* n == 3, br_if $B1 */
    };
    memcpy(body, head_code, sizeof head_code);
    b = sizeof head_code;
    b += pad(body + b, pads, 1);
    body[b++] = 0x0B; /* end $B1 */
    b += pad(body + b, pads, 3);
    body[b++] = 0x0B; /* end $B2 */
    static const uint8_t k9[] = {0x20, 0x01, 0x41, 9, 0x46, 0x04, 0x40, 0x00, 0x0B};
    memcpy(body + b, k9, sizeof k9);
    size_t unreachable = b + 7;
    b += sizeof k9;
    static const uint8_t tail[] = {0x20, 0x00, 0x41, 1, 0x6B, 0x22, 0x00, 0x0D, 0, /* n -= 1, br_if $L */
                                   0x0B, 0x20, 0x02, 0x0B};                         /* end, acc, end */
    memcpy(body + b, tail, sizeof tail);
    b += sizeof tail;
    size_t at = 0, n = one_func(buf, 2, body, b, &at);
    *trap = (uint32_t)(at + unreachable);
    return n;
}


/* A br_table of `depth` distinct targets, the blocks it sits in, one entry each; each block
 * pushes a 1 before the next, so that its branch moves the value (no flat table) and adds
 * it to the inner one's result after: f(i) = 42 + depth - 1 - i, for i < depth. Past about
 * 5 000 targets its branches and indexes alone pass the reach, and so do the hops from its
 * branches to their far jumps after it. */
static size_t build_table(uint8_t *buf, uint32_t depth, int called)
{
    static uint8_t body[1u << 17];
    size_t b = 0;
    body[b++] = 0;
    for (uint32_t k = 0; k < depth; k++) body[b++] = 0x02, body[b++] = 0x7F, body[b++] = 0x41, body[b++] = 1;
    body[b++] = 0x41, body[b++] = 42, body[b++] = 0x20, body[b++] = 0x00, body[b++] = 0x0E;
    b += leb(body + b, depth - 1);
    for (uint32_t k = 0; k < depth; k++) b += leb(body + b, k);
    body[b++] = 0x0B;
    for (uint32_t k = 1; k < depth; k++) body[b++] = 0x6A, body[b++] = 0x0B;
    body[b++] = 0x0B;
    return called ? caller_and_func(buf, 1, body, b) : one_func(buf, 1, body, b, NULL);
}

static uint32_t expect(uint32_t n, uint32_t k, uint32_t pads)
{
    uint32_t acc = 0;
    for (uint32_t v = n; v; v--) acc += pads * (k == 0 && v != 3) + 3 * pads * (k <= 1);
    return acc;
}

/* whether the code holds a jump over one far jump: [jump, target][jump_far, target32] */
static int has_far(const wm_func *f)
{
    const int32_t over = WM_TB + WM_PACK_FAR_BYTES;
    for (uint32_t p = 0; p + 1 + WM_TB < f->code->nops; p++)
        if (f->code->ops[p] == WM_OP_JUMP && target_rel(f->code->ops + p + 1) == over &&
            f->code->ops[p + 1 + WM_TB] == WM_OP_JUMP_FAR)
            return 1;
    return 0;
}

/* A runtime in pool, the module loaded and instantiated: the instance, NULL on failure. */
static wasmcu_instance *start(void *pool, size_t size, const uint8_t *wasm, size_t len,
                              wasmcu_runtime **rt, wasmcu_module **mod)
{
    wasmcu_instance *inst = NULL;
    *mod = NULL;
    *rt = wasmcu_init(pool, size);
    CHECK(*rt && wasmcu_load(*rt, wasm, len, mod) == WASMCU_OK);
    CHECK(*mod && wasmcu_instantiate(*rt, *mod, NULL, &inst) == WASMCU_OK);
    return inst;
}

int main(void)
{
    static uint64_t pool[(8u << 20) / 8];
    static uint8_t wasm[(1u << 18) + 64];
    static const uint32_t sizes[] = {5, 8000};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        uint32_t pads = sizes[s], trap = 0;
        size_t len = build(wasm, pads, &trap);
        wasmcu_runtime *rt;
        wasmcu_module *mod;
        wasmcu_instance *inst = start(pool, sizeof pool, wasm, len, &rt, &mod);
        if (!inst) return 1;
        wasmcu_func *f = wasmcu_find_func(inst, "f");
        for (uint32_t n = 1; n <= 5; n++)
            for (uint32_t k = 0; k <= 3; k++) {
                wasmcu_val a[2] = {n, k}, r = 0;
                CHECK(wasmcu_call(inst, f, a, 2, &r, 1) == WASMCU_OK && (uint32_t)r == expect(n, k, pads));
            }
        /* the long one is far: past the reach, and through far jumps (every one of them
         * when CI lowers the reach, WM_CONFIG_FAR_AT) */
        const wm_func *wf = wasmcu_find_func(inst, "f");
        if (WM_CONFIG_FAR_AT == 0x7FFFu) {
            CHECK((wf->code->nops > WM_TB_MAX) == (s == 1));
            CHECK(has_far(wf) == (s == 1));
        } else {
            CHECK(has_far(wf));
        }
        /* fuel: the call and each of the n - 1 back-edges once, through the far jump too */
        wasmcu_set_fuel(inst, 1000);
        wasmcu_val a[2] = {5, 0}, r = 0;
        CHECK(wasmcu_call(inst, f, a, 2, &r, 1) == WASMCU_OK && wasmcu_fuel_left(inst) == 1000 - 5);
        /* stopped at a back-edge, and resumed there: the same result */
        wasmcu_set_fuel(inst, 3);
        CHECK(wasmcu_call(inst, f, a, 2, &r, 1) == WASMCU_FUEL_EXHAUSTED);
        wasmcu_set_fuel(inst, WASMCU_FUEL_UNLIMITED);
        CHECK(wasmcu_resume(inst, &r, 1) == WASMCU_OK && (uint32_t)r == expect(5, 0, pads));
        /* a trap past the far code is located at its instruction */
        wasmcu_frame_info at[1];
        a[1] = 9;
        CHECK(wasmcu_call(inst, f, a, 2, &r, 1) == WASMCU_TRAP_UNREACHABLE &&
              wasmcu_backtrace(rt, at, 1) == 1 && at[0].code_offset == trap);
        /* a branch back to itself checks fuel too (last: the call stays stopped) */
        wasmcu_set_fuel(inst, 50);
        a[1] = 5;
        CHECK(wasmcu_call(inst, f, a, 2, &r, 1) == WASMCU_FUEL_EXHAUSTED && wasmcu_fuel_left(inst) == 0);
        wasmcu_deinstantiate(inst);
        wasmcu_unload(mod);
        wasmcu_destroy(rt);
    }
    /* a br_table too long for its hops: refused when compiled (at load without lazy
     * compilation, else at the first call: from the host, or from g in wasm, a trap), saying
     * why and what to do, whole; a shorter one runs */
    static const uint32_t depths[] = {2000, 6000};
    for (size_t d = 0; d < 2 * sizeof depths / sizeof depths[0]; d++) {
        uint32_t depth = depths[d / 2];
        const char *entry = d % 2 ? "g" : "f";
        size_t len = build_table(wasm, depth, d % 2);
        wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
        wasmcu_module *mod = NULL;
        wasmcu_instance *inst = NULL;
        wasmcu_val a = 7, r = 0;
        wasmcu_err err = rt ? wasmcu_load(rt, wasm, len, &mod) : WASMCU_ERR_OOM;
        if (err == WASMCU_OK) err = wasmcu_instantiate(rt, mod, NULL, &inst);
        if (err == WASMCU_OK) err = wasmcu_call(inst, wasmcu_find_func(inst, entry), &a, 1, &r, 1);
        if (depth == 6000) {
            const char *e = wasmcu_last_error(rt);
            CHECK(err == WASMCU_ERR_UNSUPPORTED && strstr(e, "br_table") && strstr(e, "split it"));
            if (WM_CONFIG_LAZY_COMPILE)
                CHECK(strstr(e, d % 2 ? "compiling func 1 at its first call" : "compiling func 0 at its first call"));
            if (WM_CONFIG_LAZY_COMPILE && d % 2) CHECK(strstr(e, "trap: ") == e && strstr(e, "at func 0"));
        } else {
            CHECK(err == WASMCU_OK && r == 42 + depth - 8);
        }
        if (inst) wasmcu_deinstantiate(inst);
        if (mod) wasmcu_unload(mod);
        if (rt) wasmcu_destroy(rt);
    }
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
