/* Frames of more than 256 slots: compiled code names a slot in one byte, so such a function
 * stages its far operands through scratch slots (src/pack.h). The module is built here, so
 * the same body can run with its locals near the frame's start and past slot 255: both must
 * give the same results, and a trap in the far one must point at the right instruction. */
#include "check.h"
#include <string.h>
#include "wasmcu.h"

typedef struct buf {
    uint8_t b[16384];
    uint32_t n;
} buf;

static const uint8_t wasm_head[] = {0, 'a', 's', 'm', 1, 0, 0, 0};

static void put(buf *o, uint32_t x) { o->b[o->n++] = (uint8_t)x; }
static void bytes(buf *o, const void *p, uint32_t n)
{
    memcpy(o->b + o->n, p, n);
    o->n += n;
}
static void uleb(buf *o, uint64_t x)
{
    do {
        uint8_t c = x & 0x7F;
        x >>= 7;
        put(o, c | (x ? 0x80 : 0));
    } while (x);
}
static void sleb(buf *o, int64_t x)
{
    for (;;) {
        uint8_t c = x & 0x7F;
        x >>= 7; /* arithmetic on every compiler the tests build with */
        if ((x == 0 && !(c & 0x40)) || (x == -1 && (c & 0x40))) {
            put(o, c);
            return;
        }
        put(o, c | 0x80);
    }
}
static void section(buf *m, uint32_t id, const buf *s)
{
    put(m, id);
    uleb(m, s->n);
    bytes(m, s->b, s->n);
}
static void op(buf *o, uint32_t code) { put(o, code); }
static void op_u(buf *o, uint32_t code, uint32_t imm)
{
    put(o, code);
    uleb(o, imm);
}
static void i32c(buf *o, int32_t v)
{
    put(o, 0x41);
    sleb(o, v);
}
static void memop(buf *o, uint32_t code, uint32_t align, uint32_t offset)
{
    put(o, code);
    uleb(o, align);
    uleb(o, offset);
}

enum { GET = 0x20, SET = 0x21, TEE = 0x22, ADD = 0x6A, MUL = 0x6C, AND = 0x71, END = 0x0B };

/* compute(x), its 7 working locals after `pad` unused ones: L(0..4) i32, L(5) i64, L(6) f64 */
#define L(k) (1u + pad + (k))
static void body_compute(buf *f, uint32_t pad)
{
    buf *o = f;
    uleb(o, 3);
    uleb(o, pad + 5);
    put(o, 0x7F);
    uleb(o, 1);
    put(o, 0x7E);
    uleb(o, 1);
    put(o, 0x7C);
    op_u(o, GET, 0), op_u(o, SET, L(0));
    i32c(o, 0), op_u(o, SET, L(1));
    i32c(o, 5), op_u(o, SET, L(2));
    op(o, 0x02), put(o, 0x40); /* block */
    op(o, 0x03), put(o, 0x40); /* loop */
    /* acc += a * i (a mul-add pair) */
    op_u(o, GET, L(2)), op_u(o, GET, L(0)), op_u(o, GET, L(1)), op(o, MUL), op(o, ADD), op_u(o, SET, L(2));
    /* mem[(i << 2) & 1020 + 16] = acc; L4 = load ^ acc ^ load8_u */
    op_u(o, GET, L(1)), i32c(o, 2), op(o, 0x74), i32c(o, 1020), op(o, AND), op_u(o, TEE, L(3));
    op_u(o, GET, L(2)), memop(o, 0x36, 2, 16);
    op_u(o, GET, L(3)), memop(o, 0x28, 2, 16), op_u(o, GET, L(2)), op(o, 0x73);
    op_u(o, GET, L(3)), i32c(o, 16), op(o, ADD), memop(o, 0x2D, 0, 1), op(o, 0x73), op_u(o, SET, L(4));
    /* a store of an add, at an added address */
    op_u(o, GET, L(3)), i32c(o, 1024), op(o, ADD), op_u(o, GET, L(4)), op_u(o, GET, L(1)), op(o, ADD), memop(o, 0x36, 2, 4);
    /* acc += select(i, a, i & 1) */
    op_u(o, GET, L(2)), op_u(o, GET, L(1)), op_u(o, GET, L(0)), op_u(o, GET, L(1)), i32c(o, 1), op(o, AND);
    op(o, 0x1B), op(o, ADD), op_u(o, SET, L(2));
    /* acc = helper(acc, i); acc = table[0](acc, a) */
    op_u(o, GET, L(2)), op_u(o, GET, L(1)), op_u(o, 0x10, 0), op_u(o, SET, L(2));
    op_u(o, GET, L(2)), op_u(o, GET, L(0)), op_u(o, GET, L(1)), i32c(o, 0), op(o, AND);
    op_u(o, 0x11, 0), put(o, 0), op_u(o, SET, L(2));
    /* br_table on i % 3, carrying acc, with a value below it to drop */
    op(o, 0x02), put(o, 0x7F);
    op(o, 0x02), put(o, 0x7F);
    op_u(o, GET, L(1));
    op_u(o, GET, L(2)), op_u(o, GET, L(1)), i32c(o, 3), op(o, 0x70);
    op(o, 0x0E), uleb(o, 2), uleb(o, 0), uleb(o, 1), uleb(o, 1);
    op(o, END), i32c(o, 7), op(o, ADD);
    op(o, END), op_u(o, SET, L(2));
    /* br_if carrying acc past a value it drops */
    op(o, 0x02), put(o, 0x7F);
    op_u(o, GET, L(1)), op_u(o, GET, L(2)), op_u(o, GET, L(1)), i32c(o, 1), op(o, AND), op_u(o, 0x0D, 0);
    op(o, ADD), op(o, END), op_u(o, GET, L(2)), op(o, ADD), op_u(o, SET, L(2));
    /* an and that a br_if tests */
    op(o, 0x02), put(o, 0x40);
    op_u(o, GET, L(2)), i32c(o, 4), op(o, AND), op_u(o, 0x0D, 0);
    op_u(o, GET, L(2)), i32c(o, 5), op(o, ADD), op_u(o, SET, L(2));
    op(o, END);
    /* memory.size, a global, i64 and f64 locals */
    op(o, 0x3F), put(o, 0), op_u(o, GET, L(2)), op(o, ADD), op_u(o, SET, L(2));
    op_u(o, 0x23, 0), op_u(o, GET, L(2)), op(o, ADD), op_u(o, 0x24, 0);
    op_u(o, GET, L(2)), op(o, 0xAD), op_u(o, GET, L(5)), op(o, 0x7C);
    op(o, 0x42), sleb(o, 0x100000001LL), op(o, 0x7E), op_u(o, SET, L(5));
    op_u(o, GET, L(0)), op(o, 0xB8), op(o, 0x44);
    double half = 0.5;
    bytes(o, &half, 8); /* f64.const: little-endian, as the hosts the tests run on */
    op(o, 0xA2), op_u(o, GET, L(6)), op(o, 0xA0), op_u(o, SET, L(6));
    /* i = i + 1; loop while i < 10: an add, kept in a local, that a branch tests */
    op_u(o, GET, L(1)), i32c(o, 1), op(o, ADD), op_u(o, TEE, L(1)), i32c(o, 10), op(o, 0x49), op_u(o, 0x0D, 0);
    op(o, END), op(o, END);
    /* acc + global + (L5 >> 32) + trunc(L6) */
    op_u(o, GET, L(2)), op_u(o, 0x23, 0), op(o, ADD);
    op_u(o, GET, L(5)), op(o, 0x42), sleb(o, 32), op(o, 0x88), op(o, 0xA7), op(o, ADD);
    op_u(o, GET, L(6)), op_u(o, 0xFC, 3), op(o, ADD); /* i32.trunc_sat_f64_u */
    op(o, END);
}

/* x pushed `deep` times, then added up: the operand stack reaches past slot 255 */
static void body_deep(buf *o, uint32_t deep)
{
    uleb(o, 0);
    for (uint32_t i = 0; i < deep; i++) {
        op_u(o, GET, 0);
        if (i % 7 == 3) i32c(o, (int32_t)i), op(o, 0x6B), i32c(o, (int32_t)i), op(o, ADD);
    }
    for (uint32_t i = 1; i < deep; i++) op(o, ADD);
    op(o, END);
}

/* a load from address x: out of bounds traps, at *load_at in the body */
static void body_trap(buf *o, uint32_t pad, uint32_t *load_at)
{
    uleb(o, 1);
    uleb(o, pad + 5);
    put(o, 0x7F);
    op_u(o, GET, 0), op_u(o, SET, L(3));
    op_u(o, GET, L(3)), i32c(o, 4), op(o, ADD), op_u(o, SET, L(4));
    op_u(o, GET, L(4));
    *load_at = o->n;
    memop(o, 0x28, 2, 0);
    op(o, END);
}

/* two results, from past slot 255 */
static void body_pair(buf *o, uint32_t pad)
{
    uleb(o, 1);
    uleb(o, pad + 5);
    put(o, 0x7F);
    op_u(o, GET, 0), i32c(o, 1), op(o, ADD), op_u(o, SET, L(1));
    op_u(o, GET, L(1)), op_u(o, GET, 0), i32c(o, 2), op(o, ADD);
    op(o, END);
}

#define PADS 4
static const uint32_t pads[PADS] = {0, 240, 244, 300};

/* funcs: 0 helper, 1..4 compute with pads[], 5 deep, 6 trap (pad 300), 7 pair (pad 300) */
static uint32_t build(buf *m, uint32_t *trap_at)
{
    buf s;
    bytes(m, wasm_head, sizeof wasm_head);
    s.n = 0; /* types: 0 (i32 i32) -> i32, 1 (i32) -> i32, 2 (i32) -> (i32 i32) */
    static const uint8_t types[] = {3, 0x60, 2, 0x7F, 0x7F, 1, 0x7F, 0x60, 1, 0x7F, 1, 0x7F,
                                    0x60, 1, 0x7F, 2, 0x7F, 0x7F};
    bytes(&s, types, sizeof types);
    section(m, 1, &s);
    s.n = 0;
    uleb(&s, 8);
    put(&s, 0);
    for (int i = 0; i < 6; i++) put(&s, 1);
    put(&s, 2);
    section(m, 3, &s);
    static const uint8_t table[] = {1, 0x70, 0, 1}, memory[] = {1, 0, 2},
                         global[] = {1, 0x7F, 1, 0x41, 0, 0x0B};
    s.n = 0, bytes(&s, table, sizeof table), section(m, 4, &s);
    s.n = 0, bytes(&s, memory, sizeof memory), section(m, 5, &s);
    s.n = 0, bytes(&s, global, sizeof global), section(m, 6, &s);
    s.n = 0;
    uleb(&s, 7);
    static const char *const names[7] = {"c0", "c1", "c2", "c3", "deep", "trap", "pair"};
    for (uint32_t i = 0; i < 7; i++) {
        uleb(&s, strlen(names[i]));
        bytes(&s, names[i], (uint32_t)strlen(names[i]));
        put(&s, 0);
        uleb(&s, i + 1);
    }
    section(m, 7, &s);
    static const uint8_t elem[] = {1, 0, 0x41, 0, 0x0B, 1, 0};
    s.n = 0, bytes(&s, elem, sizeof elem), section(m, 9, &s);
    /* code: each body after its size; the trap's load offset becomes a module offset */
    static buf code, f;
    code.n = 0;
    uleb(&code, 8);
    uint32_t load_in_body = 0, body_start = 0;
    for (uint32_t i = 0; i < 8; i++) {
        f.n = 0;
        if (i == 0) { /* helper(a, b) = a * 3 + b */
            uleb(&f, 0);
            op_u(&f, GET, 0), i32c(&f, 3), op(&f, MUL), op_u(&f, GET, 1), op(&f, ADD), op(&f, END);
        } else if (i <= PADS) {
            body_compute(&f, pads[i - 1]);
        } else if (i == 5) {
            body_deep(&f, 300);
        } else if (i == 6) {
            body_trap(&f, 300, &load_in_body);
        } else {
            body_pair(&f, 300);
        }
        uleb(&code, f.n);
        if (i == 6) body_start = code.n;
        bytes(&code, f.b, f.n);
    }
    put(m, 10);
    uleb(m, code.n);
    *trap_at = m->n + body_start + load_in_body;
    bytes(m, code.b, code.n);
    return m->n;
}

static uint32_t call1(wasmcu_instance *inst, const char *name, uint32_t x)
{
    wasmcu_val a = wasmcu_val_i32((int32_t)x), r = 0;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, name), &a, 1, &r, 1) == WASMCU_OK);
    return (uint32_t)wasmcu_as_i32(r);
}

int main(void)
{
    static uint64_t pool[(4u << 20) / 8];
    static buf m;
    uint32_t trap_at = 0;
    build(&m, &trap_at);
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_module *mod;
    wasmcu_instance *inst;
    CHECK(wasmcu_load(rt, m.b, m.n, &mod) == WASMCU_OK);
    if (!mod) {
        printf("%s\n", wasmcu_last_error(rt));
        return 1;
    }
    CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
    static const uint32_t xs[] = {0, 1, 7, 0x7FFFFFFFu, 0xDEADBEEFu};
    for (uint32_t k = 0; k < sizeof xs / sizeof *xs; k++) {
        /* the global carries over between calls: each pad gets the same one. Fuel bounds
         * each call (a wide loop that never ends stops at once, FUEL_EXHAUSTED, not at the
         * test's timeout), and each pad's calls and back-edges cost what the narrow one's do */
        uint32_t want = 0;
        uint64_t fuel = (uint64_t)1 << 20, want_used = 0;
        for (uint32_t p = 0; p < PADS; p++) {
            wasmcu_instance *fresh;
            CHECK(wasmcu_instantiate(rt, mod, NULL, &fresh) == WASMCU_OK);
            wasmcu_set_fuel(fresh, fuel);
            char name[3] = {'c', (char)('0' + p), 0};
            uint32_t got = call1(fresh, name, xs[k]);
            uint64_t used = fuel - wasmcu_fuel_left(fresh);
            if (p == 0) want = got, want_used = used;
            else if (got != want) printf("pad %u, x %u: %u, not %u\n", (unsigned)pads[p], (unsigned)xs[k], (unsigned)got, (unsigned)want);
            CHECK(got == want);
            CHECK(used > 10 && used == want_used); /* at least the loop's 10 turns */
            wasmcu_deinstantiate(fresh);
        }
        CHECK(call1(inst, "deep", xs[k]) == 300u * xs[k]);
    }
    /* the narrow body's result moves with x, so equal results mean something */
    CHECK(call1(inst, "c0", 1) != call1(inst, "c0", 2));
    /* two results from far slots */
    wasmcu_val a = wasmcu_val_i32(40), r[2] = {0, 0};
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "pair"), &a, 1, r, 2) == WASMCU_OK);
    CHECK(wasmcu_as_i32(r[0]) == 41 && wasmcu_as_i32(r[1]) == 42);
    /* a trap in a far frame names the load that trapped */
    CHECK(call1(inst, "trap", 8) == 0);
    wasmcu_val bad = wasmcu_val_i32(-64), res;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "trap"), &bad, 1, &res, 1) == WASMCU_TRAP_MEMORY_OOB);
    wasmcu_frame_info fi[4];
    CHECK(wasmcu_backtrace(rt, fi, 4) == 1);
    CHECK(fi[0].func_index == 6 && fi[0].code_offset == trap_at);
    if (fi[0].code_offset != trap_at)
        printf("trap at 0x%x, want 0x%x\n", (unsigned)fi[0].code_offset, (unsigned)trap_at);
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);

    /* a far frame without params or locals, whose one result the last add computes where the
     * caller finds it: the staging slots start at fp[0] there, so the add must not write
     * fp[0] as its slot 0 (that slot moves past them); 300 values of a global, summed */
    static buf q, qc;
    bytes(&q, wasm_head, sizeof wasm_head);
    buf t;
    t.n = 0, uleb(&t, 1), put(&t, 0x60), put(&t, 0), put(&t, 1), put(&t, 0x7F), section(&q, 1, &t);
    t.n = 0, uleb(&t, 1), put(&t, 0), section(&q, 3, &t);
    static const uint8_t g3[] = {1, 0x7F, 0, 0x41, 3, 0x0B};
    t.n = 0, bytes(&t, g3, sizeof g3), section(&q, 6, &t);
    t.n = 0, uleb(&t, 1), uleb(&t, 4), bytes(&t, "g300", 4), put(&t, 0), put(&t, 0), section(&q, 7, &t);
    qc.n = 0;
    uleb(&qc, 0);
    for (int i = 0; i < 300; i++) op_u(&qc, 0x23, 0); /* global.get 0 */
    for (int i = 1; i < 300; i++) op(&qc, ADD);
    op(&qc, END);
    t.n = 0, uleb(&t, 1), uleb(&t, qc.n), bytes(&t, qc.b, qc.n), section(&q, 10, &t);
    CHECK(wasmcu_load(rt, q.b, q.n, &mod) == WASMCU_OK);
    CHECK(wasmcu_instantiate(rt, mod, NULL, &inst) == WASMCU_OK);
    wasmcu_val g = 0;
    CHECK(wasmcu_call(inst, wasmcu_find_func(inst, "g300"), NULL, 0, &g, 1) == WASMCU_OK);
    CHECK(wasmcu_as_i32(g) == 900);
    if (wasmcu_as_i32(g) != 900) printf("g300: %d, not 900\n", (int)wasmcu_as_i32(g));
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);

    /* a far frame with more params than the staging leaves room for is refused, saying so */
    static buf p;
    buf s;
    bytes(&p, wasm_head, sizeof wasm_head);
    s.n = 0;
    uleb(&s, 1), put(&s, 0x60), uleb(&s, 300);
    for (int i = 0; i < 300; i++) put(&s, 0x7F);
    put(&s, 0);
    section(&p, 1, &s);
    s.n = 0, uleb(&s, 1), put(&s, 0), section(&p, 3, &s);
    s.n = 0, uleb(&s, 1), uleb(&s, 2), put(&s, 0), put(&s, END), section(&p, 10, &s);
    CHECK(wasmcu_load(rt, p.b, p.n, &mod) == WASMCU_ERR_UNSUPPORTED);
    CHECK(strstr(wasmcu_last_error(rt), "more than 248 params") != NULL);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
