/* A list's walks joined into one instruction a node (WM_CONFIG_FUSED_OPS). A reversal
 * whose store goes to the address its load just checked runs the store unchecked
 * (mov_load_store_same_br_if); one whose store goes elsewhere, at another offset or to the
 * loaded node, keeps the store's check (mov_load_store_mov_br_if). A search whose key is a
 * field of each node's record joins the key's loads to the test and the next node's load
 * (i32.load_load8_u/16_u_and_br_eq_load_br_if). Results against C, what each store wrote,
 * the faults located at their loads and stores, and the forms. The module is
 * tests/unit/list.wat (wat2wasm, then `wasmcu dump`; the offsets from wasm-objdump -d). */
#include "check.h"
#include <string.h>
#include "config.h"
#include "compiled.h"
#include "wasmcu.h"

static const unsigned char list_wasm[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0c, 0x02, 0x60,
    0x01, 0x7f, 0x01, 0x7f, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x03, 0x07,
    0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x05, 0x03, 0x01, 0x00, 0x01,
    0x07, 0x3e, 0x06, 0x07, 0x72, 0x65, 0x76, 0x65, 0x72, 0x73, 0x65, 0x00,
    0x00, 0x0b, 0x72, 0x65, 0x76, 0x65, 0x72, 0x73, 0x65, 0x5f, 0x74, 0x65,
    0x65, 0x00, 0x01, 0x08, 0x72, 0x65, 0x76, 0x65, 0x72, 0x73, 0x65, 0x34,
    0x00, 0x02, 0x06, 0x72, 0x65, 0x6c, 0x69, 0x6e, 0x6b, 0x00, 0x03, 0x06,
    0x66, 0x69, 0x6e, 0x64, 0x31, 0x36, 0x00, 0x04, 0x05, 0x66, 0x69, 0x6e,
    0x64, 0x38, 0x00, 0x05, 0x0a, 0xd9, 0x01, 0x06, 0x23, 0x01, 0x02, 0x7f,
    0x03, 0x40, 0x20, 0x00, 0x21, 0x02, 0x20, 0x00, 0x28, 0x02, 0x00, 0x21,
    0x00, 0x20, 0x02, 0x20, 0x01, 0x36, 0x02, 0x00, 0x20, 0x02, 0x21, 0x01,
    0x20, 0x00, 0x0d, 0x00, 0x0b, 0x20, 0x01, 0x0b, 0x21, 0x01, 0x02, 0x7f,
    0x03, 0x40, 0x20, 0x00, 0x22, 0x02, 0x28, 0x02, 0x00, 0x21, 0x00, 0x20,
    0x02, 0x20, 0x01, 0x36, 0x02, 0x00, 0x20, 0x02, 0x21, 0x01, 0x20, 0x00,
    0x0d, 0x00, 0x0b, 0x20, 0x01, 0x0b, 0x23, 0x01, 0x02, 0x7f, 0x03, 0x40,
    0x20, 0x00, 0x21, 0x02, 0x20, 0x00, 0x28, 0x02, 0x00, 0x21, 0x00, 0x20,
    0x02, 0x20, 0x01, 0x36, 0x02, 0x04, 0x20, 0x02, 0x21, 0x01, 0x20, 0x00,
    0x0d, 0x00, 0x0b, 0x20, 0x01, 0x0b, 0x23, 0x01, 0x02, 0x7f, 0x03, 0x40,
    0x20, 0x00, 0x21, 0x02, 0x20, 0x00, 0x28, 0x02, 0x00, 0x21, 0x00, 0x20,
    0x00, 0x20, 0x01, 0x36, 0x02, 0x00, 0x20, 0x02, 0x21, 0x01, 0x20, 0x00,
    0x0d, 0x00, 0x0b, 0x20, 0x01, 0x0b, 0x25, 0x00, 0x02, 0x40, 0x03, 0x40,
    0x20, 0x00, 0x28, 0x02, 0x04, 0x2f, 0x01, 0x02, 0x20, 0x01, 0x41, 0xff,
    0xff, 0x03, 0x71, 0x46, 0x0d, 0x01, 0x20, 0x00, 0x28, 0x02, 0x00, 0x22,
    0x00, 0x0d, 0x00, 0x0b, 0x0b, 0x20, 0x00, 0x0b, 0x23, 0x00, 0x02, 0x40,
    0x03, 0x40, 0x20, 0x00, 0x28, 0x02, 0x04, 0x2d, 0x00, 0x02, 0x41, 0x0f,
    0x71, 0x20, 0x01, 0x46, 0x0d, 0x01, 0x20, 0x00, 0x28, 0x02, 0x00, 0x22,
    0x00, 0x0d, 0x00, 0x0b, 0x0b, 0x20, 0x00, 0x0b,
};
static const unsigned int list_wasm_len = 320;

static wasmcu_runtime *rt;
static wasmcu_instance *inst;
static uint8_t *mem;

static void put(uint32_t at, uint32_t w) { memcpy(mem + at, &w, 4); }
static uint32_t get(uint32_t at) { uint32_t w; memcpy(&w, mem + at, 4); return w; }

/* name(x, y) (n of them); *err what the call returned, *where the fault's module offset */
static uint32_t call(const char *name, uint32_t n, uint32_t x, uint32_t y, wasmcu_err *err, uint32_t *where)
{
    wasmcu_val args[2] = {x, y}, r = 0;
    wasmcu_frame_info at[1];
    wasmcu_func *f = wasmcu_find_func(inst, name);
    *err = f ? wasmcu_call(inst, f, args, n, &r, 1) : WASMCU_ERR_NOT_FOUND;
    *where = *err && wasmcu_backtrace(rt, at, 1) == 1 ? at[0].code_offset : UINT32_MAX;
    return (uint32_t)r;
}

/* the list of 4 at 64, 72, 80, 88, each node's link at + 0 (and 0 at + 4) */
static void list4(void)
{
    for (uint32_t k = 0; k < 4; k++) put(64 + 8 * k, k < 3 ? 72 + 8 * k : 0), put(68 + 8 * k, 0);
}

int main(void)
{
    static uint64_t pool[1 << 15];
    wasmcu_module *mod = NULL;
    rt = wasmcu_init(pool, sizeof pool);
    if (!rt || wasmcu_load(rt, list_wasm, list_wasm_len, &mod) != WASMCU_OK ||
        wasmcu_instantiate(rt, mod, NULL, &inst) != WASMCU_OK || !(mem = wasmcu_memory_ptr(inst, 0, 65536))) {
        printf("FAIL load: %s\n", rt ? wasmcu_last_error(rt) : "wasmcu_init");
        return 1;
    }
    wasmcu_err err;
    uint32_t where;
    /* reversed: the head is the last node, each links back to the one before */
    static const char *const reversals[2] = {"reverse", "reverse_tee"};
    for (unsigned i = 0; i < 2; i++) {
        list4();
        CHECK(call(reversals[i], 1, 64, 0, &err, &where) == 88 && !err);
        for (uint32_t k = 0; k < 4; k++) CHECK(get(64 + 8 * k) == (k ? 56 + 8 * k : 0) && get(68 + 8 * k) == 0);
        /* a node past the end: the load's fault (0x74, 0x96), which the store cannot pass */
        call(reversals[i], 1, 65534, 0, &err, &where);
        CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == (i ? 0x96u : 0x74u));
    }
    /* reverse4: the links stay, the reversed ones go to + 4 */
    list4();
    CHECK(call("reverse4", 1, 64, 0, &err, &where) == 88 && !err);
    for (uint32_t k = 0; k < 4; k++) CHECK(get(64 + 8 * k) == (k < 3 ? 72 + 8 * k : 0) && get(68 + 8 * k) == (k ? 56 + 8 * k : 0));
    put(65532, 0); /* the node at 65532 loads, then its store at 65536 faults (0xc3) */
    call("reverse4", 1, 65532, 0, &err, &where);
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == 0xc3);
    /* relink: 64 -> 72 -> 0; the stores go to 72 (0), then to 0 (64) */
    put(0, 0x5555), put(64, 72), put(72, 0x7777);
    CHECK(call("relink", 1, 64, 0, &err, &where) == 72 && !err);
    CHECK(get(0) == 64 && get(64) == 72 && get(72) == 0);
    put(64, 65534); /* the node loaded is past the end: the store's fault (0xe7) */
    call("relink", 1, 64, 0, &err, &where);
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == 0xe7);

    /* a list 0x100 -> 0x200 -> 0x300, records at 0x800, 0x810, 0x820, keys 0x1234, 0x0005,
     * 0xabcd at + 2 */
    static const uint32_t node[3] = {0x100, 0x200, 0x300}, key[3] = {0x1234, 0x0005, 0xabcd};
    for (uint32_t k = 0; k < 3; k++) {
        put(node[k], k < 2 ? node[k + 1] : 0), put(node[k] + 4, 0x800 + 16 * k);
        put(0x800 + 16 * k, key[k] << 16);
    }
    for (uint32_t k = 0; k < 3; k++) {
        CHECK(call("find16", 2, 0x100, 0x30000 | key[k], &err, &where) == node[k] && !err);
        CHECK(call("find8", 2, 0x100, key[k] & 15, &err, &where) == node[k] && !err);
    }
    CHECK(call("find16", 2, 0x100, 0x0034, &err, &where) == 0 && !err); /* none: the list's end */
    CHECK(call("find8", 2, 0x100, 6, &err, &where) == 0 && !err);
    CHECK(call("find16", 2, 0x200, 0x1234, &err, &where) == 0 && !err);
    put(0x300, 65534); /* the next node past the end: its record's address faults (0xfe, 0x124) */
    call("find16", 2, 0x100, 7, &err, &where);
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == 0xfe);
    call("find8", 2, 0x100, 7, &err, &where);
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == 0x124);
    put(0x204, 65535); /* a record past the end: its key faults (0x101, 0x127) */
    call("find16", 2, 0x100, 7, &err, &where);
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == 0x101);
    call("find8", 2, 0x100, 7, &err, &where);
    CHECK(err == WASMCU_TRAP_MEMORY_OOB && where == 0x127);

    const int fused = WM_CONFIG_FUSED_OPS;
    CHECK(starts_with(inst, "reverse", WM_OP_MOV_LOAD_STORE_SAME_BR_IF) == fused);
    CHECK(starts_with(inst, "reverse_tee", WM_OP_MOV_LOAD_STORE_SAME_BR_IF) == fused);
    CHECK(starts_with(inst, "reverse4", WM_OP_MOV_LOAD_STORE_MOV_BR_IF) == fused);
    CHECK(starts_with(inst, "relink", WM_OP_MOV_LOAD_STORE_MOV_BR_IF) == fused);
    CHECK(starts_with(inst, "find16", WM_OP_LOAD_LOAD16_U_AND_BR_EQ_LOAD_BR_IF) == fused);
    CHECK(starts_with(inst, "find8", WM_OP_LOAD_LOAD8_U_AND_BR_EQ_LOAD_BR_IF) == fused);

    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    printf("%s: %d failures\n", __FILE__, failures);
    return failures != 0;
}
