/* Listing a directory of 1500 entries whose names run from 1 to 200 bytes, so wasi-libc's
 * fd_readdir buffers end in cut entries many times: every name must come back exactly once,
 * after a rewinddir too, and seekdir to a telldir position must resume at the same entry.
 * Output is compared with node's WASI. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 1500

static char *name_of(int i, char *buf)
{
    int len = 1 + (i * 37) % 200, n = snprintf(buf, 256, "%d_", i);
    for (; n < len; n++) buf[n] = (char)('a' + (i + n) % 26);
    buf[n] = 0;
    return buf;
}

/* count and an order-independent hash of the names, "." and ".." left out */
static void scan(DIR *d, int *count, unsigned long *hash)
{
    struct dirent *e;
    *count = 0, *hash = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        unsigned long h = 5381;
        for (const char *p = e->d_name; *p; p++) h = h * 33 + (unsigned char)*p;
        *hash += h;
        (*count)++;
    }
}

int main(void)
{
    char buf[256], path[300];
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "/sandbox/%s", name_of(i, buf));
        FILE *f = fopen(path, "w");
        if (!f) return printf("create %s failed\n", path), 1;
        fclose(f);
    }
    unsigned long want = 0;
    for (int i = 0; i < N; i++) {
        unsigned long h = 5381;
        for (const char *p = name_of(i, buf); *p; p++) h = h * 33 + (unsigned char)*p;
        want += h;
    }
    DIR *d = opendir("/sandbox");
    int count;
    unsigned long hash;
    scan(d, &count, &hash);
    printf("first pass: %d names, all of them: %d\n", count, count == N && hash == want);
    rewinddir(d);
    scan(d, &count, &hash);
    printf("after rewinddir: %d names, all of them: %d\n", count, count == N && hash == want);
    /* remember the position after 700 entries, read on, come back */
    rewinddir(d);
    for (int i = 0; i < 700; i++) readdir(d);
    long at = telldir(d);
    char first[256];
    struct dirent *e = readdir(d);
    snprintf(first, sizeof first, "%s", e ? e->d_name : "(end)");
    for (int i = 0; i < 300; i++) readdir(d);
    seekdir(d, at);
    e = readdir(d);
    printf("seekdir back: same entry %d\n", e && strcmp(e->d_name, first) == 0);
    closedir(d);
    int removed = 0;
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "/sandbox/%s", name_of(i, buf));
        removed += remove(path) == 0;
    }
    printf("removed %d\n", removed);
    return 0;
}
