/* What every kernel needs: a result line and a size knob. Built natively with libc, and for
 * wasm with -nostdlib, where printf/malloc/free come from wasmcu's env natives. */
#ifndef BENCH_H
#define BENCH_H
#include <stddef.h>
#include <stdint.h>
int printf(const char *fmt, ...);
void *malloc(size_t n);
void free(void *p);
/* Keeps the optimiser from folding a kernel's work away. */
#define BENCH_RESULT(name, value) printf("%s: %llu\n", name, (unsigned long long)(value))
#endif
