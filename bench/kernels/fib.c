/* calls: naive recursive Fibonacci, almost nothing but call and return */
#include "bench.h"
static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(void)
{
    BENCH_RESULT("fib", fib(30));
    return 0;
}
