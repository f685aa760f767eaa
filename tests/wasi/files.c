/* WASI files and directories below the preopen /sandbox: create, write, append, read,
 * seek, truncate, stat, pread/pwrite, mkdir, readdir, rename, symlinks, unlink, rmdir. */
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
    if (!d) { printf("opendir %s: %s\n", dir, strerror(errno)); return; }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) printf(" %s", names[i]), free(names[i]);
    printf("\n");
}

int main(void)
{
    FILE *f = fopen("/sandbox/a.txt", "w");
    if (!f) { printf("fopen: %s\n", strerror(errno)); return 1; }
    fprintf(f, "line one\nline two\n");
    fclose(f);
    f = fopen("/sandbox/a.txt", "a");
    fprintf(f, "line three\n");
    fclose(f);
    f = fopen("/sandbox/a.txt", "r");
    char buf[128];
    while (fgets(buf, sizeof buf, f)) printf("read: %s", buf);
    fseek(f, 5, SEEK_SET);
    printf("ftell after fseek(5): %ld, next: %c\n", ftell(f), fgetc(f));
    fseek(f, -6, SEEK_END);
    printf("6 from the end: %s", fgets(buf, sizeof buf, f));
    fclose(f);

    struct stat st;
    stat("/sandbox/a.txt", &st);
    printf("size %lld, regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    truncate("/sandbox/a.txt", 4);
    stat("/sandbox/a.txt", &st);
    printf("after truncate: %lld\n", (long long)st.st_size);

    int fd = open("/sandbox/b.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    pwrite(fd, "0123456789", 10, 0);
    pwrite(fd, "AB", 2, 4);
    char p[11] = {0};
    pread(fd, p, 10, 0);
    printf("pread: %s, offset still %lld\n", p, (long long)lseek(fd, 0, SEEK_CUR));
    close(fd);

    printf("mkdir: %d\n", mkdir("/sandbox/d", 0755));
    printf("mkdir again: %s\n", mkdir("/sandbox/d", 0755) ? strerror(errno) : "ok");
    fclose(fopen("/sandbox/d/x", "w"));
    fclose(fopen("/sandbox/d/y", "w"));
    list("/sandbox/d");
    printf("rename: %d\n", rename("/sandbox/d/x", "/sandbox/d/z"));
    list("/sandbox/d");
    printf("rmdir non-empty: %s\n", rmdir("/sandbox/d") ? strerror(errno) : "ok");
    printf("symlink: %d\n", symlink("z", "/sandbox/d/link"));
    char target[64] = {0};
    printf("readlink: %zd %s\n", readlink("/sandbox/d/link", target, sizeof target - 1), target);
    lstat("/sandbox/d/link", &st);
    printf("lstat is link: %d\n", S_ISLNK(st.st_mode));
    printf("open missing: %s\n", open("/sandbox/nope", O_RDONLY) < 0 ? strerror(errno) : "opened?");
    printf("unlink dir: %s\n", unlink("/sandbox/d") ? strerror(errno) : "ok");
    unlink("/sandbox/d/link");
    unlink("/sandbox/d/y");
    unlink("/sandbox/d/z");
    printf("rmdir: %d\n", rmdir("/sandbox/d"));
    unlink("/sandbox/b.bin");
    unlink("/sandbox/a.txt");
    list("/sandbox");
    return 0;
}
