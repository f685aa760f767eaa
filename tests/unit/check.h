/* The unit tests' one assertion: reports the failing line and counts, never aborts. */
#ifndef WASMCU_TEST_CHECK_H
#define WASMCU_TEST_CHECK_H
#include <stdio.h>

static int failures;
#define CHECK(cond)                                                                             \
    do {                                                                                        \
        if (!(cond)) {                                                                          \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                              \
            failures++;                                                                         \
        }                                                                                       \
    } while (0)

#endif
