/* a malloc-heavy workload: a churn of variable-sized allocations, kept in a ring */
#include "bench.h"
#define SLOTS 256
int main(void)
{
    uint8_t *ring[SLOTS] = {0};
    uint32_t x = 88172645u;
    uint64_t sum = 0;
    for (uint32_t i = 0; i < 300000u; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        uint32_t slot = x % SLOTS, size = 8 + (x >> 8) % 500;
        if (ring[slot]) { sum += ring[slot][0]; free(ring[slot]); }
        ring[slot] = malloc(size);
        if (!ring[slot]) return 1;
        ring[slot][0] = (uint8_t)i;
        ring[slot][size - 1] = (uint8_t)x;
    }
    for (int i = 0; i < SLOTS; i++) free(ring[i]);
    BENCH_RESULT("mallocs", sum);
    return 0;
}
