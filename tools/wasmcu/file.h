/* Host file helpers shared by the CLI commands. */
#ifndef WASMCU_FILE_H
#define WASMCU_FILE_H
#include <stddef.h>

/* The whole file in a malloc'd buffer (free it) with a NUL after it, or NULL with errno set. */
unsigned char *wasmcu_read_file(const char *path, size_t *len);
/* Parses a size with an optional K or M suffix; 0 on a malformed value. */
int wasmcu_parse_size(const char *s, unsigned long *out);

#endif
