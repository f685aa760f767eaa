/* Host file helpers shared by the CLI commands. */
#include <stdio.h>
#include <stdlib.h>
#include "file.h"

unsigned char *wasmcu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) break;
        unsigned char *nb = realloc(buf, cap *= 2);
        if (!nb) { free(buf); buf = NULL; }
        else buf = nb;
    }
    fclose(f);
    if (buf) buf[n] = 0; /* the loop leaves a spare byte: text can be parsed in place */
    *len = n;
    return buf;
}

int wasmcu_parse_size(const char *s, unsigned long *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (end == s) return 0;
    if (*end == 'K' || *end == 'k') { v *= 1024; end++; }
    else if (*end == 'M' || *end == 'm') { v *= 1024 * 1024; end++; }
    if (*end) return 0;
    *out = v;
    return 1;
}
