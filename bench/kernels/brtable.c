/* br_table: a dense switch that clang lowers to a jump table, as an interpreter loop would */
#include "bench.h"
int main(void)
{
    uint32_t acc = 7, x = 2463534242u;
    for (uint32_t i = 0; i < 30000000u; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        switch (x & 15) {
        case 0: acc += 1; break;
        case 1: acc ^= x; break;
        case 2: acc *= 3; break;
        case 3: acc -= x >> 3; break;
        case 4: acc = (acc << 1) | (acc >> 31); break;
        case 5: acc += i; break;
        case 6: acc ^= 0x5bd1e995u; break;
        case 7: acc = acc * 5 + 1; break;
        case 8: acc >>= 1; break;
        case 9: acc += x & 255; break;
        case 10: acc ^= acc >> 7; break;
        case 11: acc -= 13; break;
        case 12: acc |= 1; break;
        case 13: acc &= ~4u; break;
        case 14: acc += acc >> 2; break;
        default: acc ^= i; break;
        }
    }
    BENCH_RESULT("brtable", acc);
    return 0;
}
