/* indirect calls: function pointers through a table, as callbacks and vtables do */
#include "bench.h"
typedef uint32_t (*op_fn)(uint32_t, uint32_t);
static uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
static uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ b; }
static uint32_t op_mul(uint32_t a, uint32_t b) { return a * (b | 1); }
static uint32_t op_rot(uint32_t a, uint32_t b) { return (a << (b & 31)) | (a >> ((32 - (b & 31)) & 31)); }
static op_fn volatile table[4] = {op_add, op_xor, op_mul, op_rot};
int main(void)
{
    uint32_t acc = 1;
    for (uint32_t i = 0; i < 20000000u; i++) acc = table[(acc ^ i) & 3](acc, i);
    BENCH_RESULT("indirect", acc);
    return 0;
}
