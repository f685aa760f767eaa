/* Files and directories through wasi-libc, run on the device's RAM file system
 * (lib/wasi/ramfs.c), on the POSIX backend and under node: the three outputs must match.
 * Everything printed is deterministic (no times, inode numbers or directory order). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *dir)
{
    DIR *d = opendir(dir);
    char *names[32];
    int n = 0;
    struct dirent *e;
    if (!d) {
        printf("opendir %s: %s\n", dir, strerror(errno));
        return;
    }
    while ((e = readdir(d)) && n < 32)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) printf(" %s", names[i]), free(names[i]);
    printf("\n");
}

static long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) ? -errno : (long)st.st_size;
}

int main(void)
{
    FILE *f = fopen("/sandbox/notes.txt", "w");
    for (int i = 0; i < 3; i++) fprintf(f, "line %d\n", i);
    fclose(f);
    f = fopen("/sandbox/notes.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    char line[64];
    f = fopen("/sandbox/notes.txt", "r");
    while (fgets(line, sizeof line, f)) printf("read: %s", line);
    fclose(f);

    /* many blocks: 20000 bytes of a pattern, read back in odd-sized pieces */
    int fd = open("/sandbox/big.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    unsigned char buf[997];
    for (int i = 0; i < 20000; i += 100) {
        for (int k = 0; k < 100; k++) buf[k] = (unsigned char)(i + k * 7);
        if (write(fd, buf, 100) != 100) printf("short write at %d\n", i);
    }
    lseek(fd, 0, SEEK_SET);
    unsigned long sum = 0, total = 0;
    ssize_t got;
    while ((got = read(fd, buf, sizeof buf)) > 0)
        for (ssize_t k = 0; k < got; k++) sum = sum * 31 + buf[k], total++;
    printf("big: %lu bytes, checksum %lu, size %ld\n", total, sum, size_of("/sandbox/big.bin"));
    /* a hole reads as zeros; pread and pwrite leave the offset alone */
    lseek(fd, 30000, SEEK_SET);
    write(fd, "end", 3);
    pread(fd, buf, 4, 25000);
    printf("hole: %d %d %d %d, size %ld\n", buf[0], buf[1], buf[2], buf[3], size_of("/sandbox/big.bin"));
    pwrite(fd, "XY", 2, 10);
    pread(fd, buf, 4, 9);
    printf("pwrite: %d %c %c %d, offset %ld\n", buf[0], buf[1], buf[2], buf[3], (long)lseek(fd, 0, SEEK_CUR));
    ftruncate(fd, 5);
    ftruncate(fd, 300);
    pread(fd, buf, 8, 2);
    printf("truncated and grown: %ld, bytes 5..9 are %d %d %d %d %d\n", size_of("/sandbox/big.bin"),
           buf[3], buf[4], buf[5], buf[6], buf[7]);
    close(fd);

    /* directories, renames, removals */
    printf("mkdir: %d %d\n", mkdir("/sandbox/d", 0755), mkdir("/sandbox/d/e", 0755));
    printf("mkdir again: %s\n", mkdir("/sandbox/d", 0755) ? strerror(errno) : "made");
    f = fopen("/sandbox/d/e/x.txt", "w");
    fputs("x\n", f);
    fclose(f);
    printf("rename file: %d\n", rename("/sandbox/notes.txt", "/sandbox/d/notes.txt"));
    printf("rename dir: %d\n", rename("/sandbox/d/e", "/sandbox/e2"));
    printf("rename over a file: %d\n", rename("/sandbox/e2/x.txt", "/sandbox/d/notes.txt"));
    printf("dir into itself: %s\n", rename("/sandbox/d", "/sandbox/d/in") ? strerror(errno) : "moved");
    list("/sandbox");
    list("/sandbox/d");
    list("/sandbox/e2");
    printf("notes now: %ld bytes\n", size_of("/sandbox/d/notes.txt"));
    printf("rmdir non-empty: %s\n", rmdir("/sandbox/d") ? strerror(errno) : "removed");
    printf("unlink a dir: %s\n", unlink("/sandbox/d") ? strerror(errno) : "removed");
    printf("open missing: %s\n", fopen("/sandbox/nope", "r") ? "opened" : strerror(errno));
    printf("file as dir: %s\n", fopen("/sandbox/big.bin/x", "r") ? "opened" : strerror(errno));
    printf("a dir for writing: %s\n", open("/sandbox/d", O_WRONLY) < 0 ? strerror(errno) : "opened");
    printf("exclusive: %s\n", open("/sandbox/big.bin", O_CREAT | O_EXCL | O_WRONLY, 0644) < 0 ? strerror(errno) : "opened");

    /* an open file outlives its name */
    fd = open("/sandbox/tmp", O_RDWR | O_CREAT, 0644);
    write(fd, "still here", 10);
    printf("unlink open: %d, stat after: %ld\n", unlink("/sandbox/tmp"), size_of("/sandbox/tmp"));
    memset(buf, 0, 16);
    pread(fd, buf, 10, 0);
    printf("read after unlink: %s\n", (char *)buf);
    close(fd);

    printf("escape: %s\n", fopen("/sandbox/../x", "w") ? "OPENED" : strerror(errno));
    printf("rmdir: %d %d\n", rmdir("/sandbox/e2"), unlink("/sandbox/d/notes.txt"));
    printf("rmdir: %d, unlink: %d\n", rmdir("/sandbox/d"), unlink("/sandbox/big.bin"));
    list("/sandbox");
    return 0;
}
