/* WASI clocks, sleeping and randomness: printed as checks, so runs compare equal. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long ns(clockid_t c)
{
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
    long long a = ns(CLOCK_MONOTONIC), b = ns(CLOCK_MONOTONIC);
    printf("monotonic does not go back: %d\n", b >= a);
    printf("realtime is after 2024: %d\n", ns(CLOCK_REALTIME) / 1000000000LL > 1704067200LL);
    struct timespec res;
    printf("monotonic resolution known: %d\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0);
    struct timespec d = {0, 20 * 1000 * 1000};
    long long t0 = ns(CLOCK_MONOTONIC);
    nanosleep(&d, NULL);
    printf("slept at least 20 ms: %d\n", ns(CLOCK_MONOTONIC) - t0 >= 20 * 1000 * 1000LL);
    unsigned char r1[32], r2[32], zero[32] = {0};
    printf("getentropy: %d %d\n", getentropy(r1, sizeof r1), getentropy(r2, sizeof r2));
    printf("random bytes differ and are not zero: %d\n", memcmp(r1, r2, 32) != 0 && memcmp(r1, zero, 32) != 0);
    return 0;
}
