/* A hello built with the full wasi-libc: printf, argv and the clock through WASI. The same
 * .wasm runs under `wasmcu run` and, with the console backend, on a microcontroller. */
#include <stdio.h>
#include <time.h>

int main(int argc, char **argv)
{
    printf("Hello, WASI World! (%s, %d argument%s)\n", argc ? argv[0] : "?", argc - 1,
           argc == 2 ? "" : "s");
    struct timespec t;
    printf("monotonic clock: %s\n", clock_gettime(CLOCK_MONOTONIC, &t) == 0 ? "ok" : "none");
    return 0;
}
