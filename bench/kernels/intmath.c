/* integer arithmetic: a 64-bit mixing hash and a 32-bit LCG over many rounds */
#include "bench.h"
int main(void)
{
    uint64_t h = 0x9E3779B97F4A7C15u;
    uint32_t x = 12345;
    for (uint32_t i = 0; i < 20000000u; i++) {
        x = x * 1664525u + 1013904223u;
        h ^= x;
        h *= 0xFF51AFD7ED558CCDu;
        h ^= h >> 33;
        h += (uint64_t)(x % 7u) << (i & 15);
    }
    BENCH_RESULT("intmath", h ^ x);
    return 0;
}
