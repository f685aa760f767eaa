/* branchy code: a byte-code state machine over pseudo-random input, data-dependent ifs */
#include "bench.h"
int main(void)
{
    uint32_t x = 1, state = 0, count[4] = {0, 0, 0, 0};
    for (uint32_t i = 0; i < 30000000u; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        uint32_t c = x & 7;
        if (state == 0) state = c < 3 ? 1 : c < 6 ? 2 : 0;
        else if (state == 1) { if (c & 1) state = 3; else if (c == 2) state = 0; }
        else if (state == 2) state = (c > 4) ? 3 : 1;
        else { state = (c == 0) ? 0 : (c < 4 ? 2 : 3); }
        count[state]++;
    }
    BENCH_RESULT("branchy", (uint64_t)count[0] * 3 + count[1] * 5 + count[2] * 7 + count[3] * 11);
    return 0;
}
