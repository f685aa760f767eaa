/* memory traffic: a sieve of Eratosthenes, byte copies and strided 32-bit sums */
#include "bench.h"
#define N 1000000
static uint8_t sieve[N];
static uint32_t words[1 << 16];
int main(void)
{
    uint32_t primes = 0;
    for (int rep = 0; rep < 4; rep++) {
        for (uint32_t i = 0; i < N; i++) sieve[i] = 1;
        for (uint32_t i = 2; i * i < N; i++)
            if (sieve[i]) for (uint32_t j = i * i; j < N; j += i) sieve[j] = 0;
        for (uint32_t i = 2; i < N; i++) primes += sieve[i];
    }
    uint64_t sum = 0;
    for (uint32_t i = 0; i < (1u << 16); i++) words[i] = i * 2654435761u;
    for (int rep = 0; rep < 100; rep++)
        for (uint32_t i = 0; i < (1u << 16); i += 1 + (rep & 3)) sum += words[i] ^ words[(i * 7) & 0xFFFF];
    BENCH_RESULT("memtraffic", sum + primes);
    return 0;
}
