/* Tries to leave the preopened directory every way a path can, through the raw WASI calls
 * (no libc path handling in between) and through libc. The host test has made, next to the
 * sandbox, secret.txt, and inside the sandbox: inside.txt, sub/, out -> .. and abs -> /etc.
 * Every escape must be refused; nothing outside may be read. Preopens: fd 3 = the sandbox
 * (read-write), fd 4 = a read-only one (/ro). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

static void try_open(const char *path, int follow)
{
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(3, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0, path, 0,
                                        __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    if (e) {
        printf("open %s%s: refused, errno %d\n", path, follow ? " (follow)" : "", e);
        return;
    }
    char buf[64] = {0};
    __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
    __wasi_size_t n = 0;
    (void)__wasi_fd_read(fd, &iov, 1, &n);
    (void)__wasi_fd_close(fd);
    buf[strcspn(buf, "\n")] = 0;
    printf("open %s%s: OPENED, read \"%s\"\n", path, follow ? " (follow)" : "", buf);
}

int main(void)
{
    static const char *const paths[] = {
        "inside.txt", "sub/../inside.txt", "../secret.txt", "/etc/passwd", "sub/../../secret.txt",
        "sub/./../../secret.txt", "out/secret.txt", "abs/passwd", "..", "inside.txt/../inside.txt",
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) try_open(paths[i], 1);
    try_open("out", 0);

    /* a symlink the guest makes may point anywhere, but following it must not get there */
    printf("symlink evil -> ../secret.txt: errno %d\n", __wasi_path_symlink("../secret.txt", 3, "evil"));
    printf("symlink evil2 -> /etc/passwd: errno %d\n", __wasi_path_symlink("/etc/passwd", 3, "evil2"));
    try_open("evil", 1);
    try_open("evil", 0);
    try_open("evil2", 1);
    (void)__wasi_path_unlink_file(3, "evil");
    (void)__wasi_path_unlink_file(3, "evil2");

    /* moving or linking things out */
    printf("rename out: errno %d\n", __wasi_path_rename(3, "inside.txt", 3, "../moved.txt"));
    printf("link from outside: errno %d\n",
           __wasi_path_link(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "out/secret.txt", 3, "stolen"));
    printf("mkdir outside: errno %d\n", __wasi_path_create_directory(3, "../newdir"));
    __wasi_filestat_t st;
    printf("stat outside: errno %d\n", __wasi_path_filestat_get(3, 0, "../secret.txt", &st));

    /* the same through libc */
    FILE *f = fopen("/sandbox/../secret.txt", "r");
    printf("fopen /sandbox/../secret.txt: %s\n", f ? "OPENED" : strerror(errno));
    if (f) fclose(f);
    f = fopen("/sandbox/out/secret.txt", "r");
    printf("fopen /sandbox/out/secret.txt: %s\n", f ? "OPENED" : strerror(errno));
    if (f) fclose(f);

    /* the read-only preopen: reading works, changing doesn't */
    f = fopen("/ro/inside.txt", "r");
    printf("read-only: read %s\n", f ? "ok" : strerror(errno));
    if (f) fclose(f);
    f = fopen("/ro/inside.txt", "a");
    printf("read-only: append %s\n", f ? "OPENED" : strerror(errno));
    if (f) fclose(f);
    f = fopen("/ro/new.txt", "w");
    printf("read-only: create %s\n", f ? "OPENED" : strerror(errno));
    if (f) fclose(f);
    printf("read-only: mkdir %s\n", mkdir("/ro/d", 0755) ? strerror(errno) : "MADE");
    printf("read-only: unlink %s\n", unlink("/ro/inside.txt") ? strerror(errno) : "REMOVED");
    return 0;
}
