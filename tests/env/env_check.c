/* Exercises the env natives; built natively (libc) and for wasm (-nostdlib, env imports),
 * the two outputs must be identical. */
#include <stddef.h>
#ifndef __wasm__
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#else
int printf(const char *fmt, ...);
int snprintf(char *s, size_t n, const char *fmt, ...);
int sprintf(char *s, const char *fmt, ...);
int puts(const char *s);
int putchar(int c);
void *malloc(size_t n);
void *calloc(size_t n, size_t s);
void *realloc(void *p, size_t n);
void free(void *p);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
char *strdup(const char *s);
void *memchr(const void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int atoi(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
#endif

int main(void)
{
    char buf[64];
    volatile int neg = -42;
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]\n", 42, 42, 42, 42, 42, 42, 7);
    printf("[%u] [%x] [%X] [%#x] [%o] [%#o] [%c] [%%]\n", 3000000000u, 255, 255, 255, 8, 8, 'w');
    printf("[%ld] [%lld] [%llu] [%zu] [%hd] [%hhu]\n", -5L, -1234567890123LL, 18446744073709551615ULL,
           (size_t)77, (short)-3, (unsigned char)200);
    printf("[%s] [%8s] [%-8s] [%.2s] [%*d] [%-*d] [%.*s]\n", "abc", "abc", "abc", "abc", 6, 9, 6, 9, 3, "abcdef");
    printf("[%f] [%.2f] [%8.3f] [%.0f] [%d]\n", 3.14159, -2.5, 1.0 / 3.0, 3.75, neg);
    printf("[%e] [%.3e] [%E] [%g] [%g] [%g] [%G] [%.3g] [%g] [%#g] [%10.2e] [%-10g|]\n", 12345.678, 0.000123456,
           -1.5, 0.0001, 123456.0, 1234567.0, 1e-10, 3.14159, 100.0, 2.0, 6.02e23, 0.5);
    printf("[%f] [%e] [%g] [%08.2f] [%+.1f]\n", 0.0, 0.0, 0.0, -3.14159, 2.25);
    printf("[%a] [%a] [%A] [%a] [%.2a] [%a] [%.0a] [%a]\n", 1.0, 0.5, 3.14, -0.1, 3.14, 0.0, 1.5, 4.9e-324);
    int n = snprintf(buf, 8, "%s-%d", "truncate", 12345);
    printf("snprintf %d [%s]\n", n, buf);
    sprintf(buf, "%03d|%s", 5, "x");
    puts(buf);
    putchar('!');
    putchar('\n');
    char *p = malloc(100), *q = calloc(10, 4), *r;
    strcpy(p, "hello, world");
    printf("%zu %d %d %d\n", strlen(p), strcmp(p, "hello") > 0, strncmp(p, "help", 3), memcmp(q, q + 4, 4));
    printf("[%s] [%s] [%s]\n", strchr(p, 'o'), strrchr(p, 'o'), strstr(p, "wor"));
    printf("%d\n", (int)((char *)memchr(p, ',', 12) - p));
    strncpy(buf, "abc", 6);
    printf("[%s] %d\n", buf, buf[5]);
    r = strdup(p);
    r = realloc(r, 1000);
    printf("[%s]\n", r);
    free(p);
    free(q);
    free(r);
    for (int i = 0; i < 1000; i++) {
        char *t = malloc(16 + i % 200);
        t[0] = (char)i;
        free(t);
    }
    char *end;
    long z = strtol("zz!", &end, 36);
    printf("%d %ld %lu %ld %c\n", atoi("  -123abc"), strtol("0x1F", NULL, 0), strtoul("777", NULL, 8), z, *end);
    return 0;
}
