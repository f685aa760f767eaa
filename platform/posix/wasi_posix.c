/* The POSIX backend of WASI: real files and directories below the preopened ones.
 *
 * The sandbox: a guest path is resolved one component at a time with openat() from the
 * preopen's directory fd, never as a whole string. ".." pops a directory the walk itself
 * opened and fails at the preopen's root; absolute paths fail; a symlink met on the way is
 * read and spliced into the walk (an absolute target fails), so it can't lead out either.
 * The final open uses O_NOFOLLOW, so a component swapped for a symlink after the walk looked
 * at it fails rather than being followed (ELOOP). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* DT_* types for readdir */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h> /* renameat */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "../../lib/wasi/wasi_abi.h"
#include "wasi_posix.h"

#define MAX_PATH 4096
#define MAX_DEPTH 128   /* directories deep a walk may go */
#define MAX_SYMLINKS 32 /* expansions before ELOOP, like a kernel's limit */

static int err_of(int e)
{
    switch (e) {
    case 0: return 0;
    case E2BIG: return WASI_E2BIG;
    case EACCES: return WASI_EACCES;
    case EAGAIN: return WASI_EAGAIN;
    case EBADF: return WASI_EBADF;
    case EBUSY: return WASI_EBUSY;
    case EEXIST: return WASI_EEXIST;
    case EFAULT: return WASI_EFAULT;
    case EFBIG: return WASI_EFBIG;
    case EILSEQ: return WASI_EILSEQ;
    case EINTR: return WASI_EINTR;
    case EINVAL: return WASI_EINVAL;
    case EIO: return WASI_EIO;
    case EISDIR: return WASI_EISDIR;
    case ELOOP: return WASI_ELOOP;
    case EMFILE: return WASI_EMFILE;
    case EMLINK: return WASI_EMLINK;
    case ENAMETOOLONG: return WASI_ENAMETOOLONG;
    case ENFILE: return WASI_ENFILE;
    case ENODEV: return WASI_ENODEV;
    case ENOENT: return WASI_ENOENT;
    case ENOMEM: return WASI_ENOMEM;
    case ENOSPC: return WASI_ENOSPC;
    case ENOSYS: return WASI_ENOSYS;
    case ENOTDIR: return WASI_ENOTDIR;
    case ENOTEMPTY: return WASI_ENOTEMPTY;
    case ENOTSUP: return WASI_ENOTSUP;
    case ENOTTY: return WASI_ENOTTY;
    case ENXIO: return WASI_ENXIO;
    case EOVERFLOW: return WASI_EOVERFLOW;
    case EPERM: return WASI_EPERM;
    case EPIPE: return WASI_EPIPE;
    case ERANGE: return WASI_ERANGE;
    case EROFS: return WASI_EROFS;
    case ESPIPE: return WASI_ESPIPE;
    case ETXTBSY: return WASI_ETXTBSY;
    case EXDEV: return WASI_EXDEV;
    default: return WASI_EIO;
    }
}

static uint8_t type_of(mode_t m)
{
    if (S_ISREG(m)) return WASI_FILETYPE_REGULAR_FILE;
    if (S_ISDIR(m)) return WASI_FILETYPE_DIRECTORY;
    if (S_ISLNK(m)) return WASI_FILETYPE_SYMBOLIC_LINK;
    if (S_ISCHR(m)) return WASI_FILETYPE_CHARACTER_DEVICE;
    if (S_ISBLK(m)) return WASI_FILETYPE_BLOCK_DEVICE;
    if (S_ISSOCK(m)) return WASI_FILETYPE_SOCKET_STREAM;
    return WASI_FILETYPE_UNKNOWN;
}

static uint64_t ns_of(struct timespec t) { return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec; }

static void fill_stat(const struct stat *s, wasmcu_wasi_filestat *st)
{
    st->dev = (uint64_t)s->st_dev;
    st->ino = (uint64_t)s->st_ino;
    st->filetype = type_of(s->st_mode);
    st->nlink = (uint64_t)s->st_nlink;
    st->size = (uint64_t)s->st_size;
    st->atim = ns_of(s->st_atim);
    st->mtim = ns_of(s->st_mtim);
    st->ctim = ns_of(s->st_ctim);
}

/* ---- the sandboxed walk --------------------------------------------------------------- */

typedef struct walk {
    int fds[MAX_DEPTH]; /* fds[0] is the caller's directory (not ours to close) */
    int depth;
    char last[256];     /* the final component, relative to fds[depth] */
} walk;

static void walk_done(walk *w)
{
    while (w->depth > 0) close(w->fds[w->depth--]);
}

/* Resolves path (len bytes, relative) below dir: on success w->fds[w->depth] is the parent
 * directory and w->last the final name ("." for the directory itself). follow: also expand
 * a symlink in the final component. */
static int resolve(int dir, const char *path, uint32_t len, int follow, walk *w)
{
    char buf[MAX_PATH + 1];
    int links = 0;
    w->fds[0] = dir;
    w->depth = 0;
    if (len == 0) return WASI_ENOENT;
    if (len > MAX_PATH) return WASI_ENAMETOOLONG;
    memcpy(buf, path, len);
    buf[len] = 0;
    char *p = buf;
    for (;;) {
        if (*p == '/') { /* absolute, from the start or from a symlink's target */
            walk_done(w);
            return WASI_ENOTCAPABLE;
        }
        char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        char *rest = slash ? slash + 1 : p + n;
        while (*rest == '/') rest++;
        int final = *rest == 0;
        if (n >= sizeof w->last) {
            walk_done(w);
            return WASI_ENAMETOOLONG;
        }
        char comp[256];
        memcpy(comp, p, n);
        comp[n] = 0;
        if (n == 0 || strcmp(comp, ".") == 0) {
            if (final) {
                strcpy(w->last, ".");
                return 0;
            }
            p = rest;
            continue;
        }
        if (strcmp(comp, "..") == 0) {
            if (w->depth == 0) return WASI_ENOTCAPABLE; /* above the preopen */
            close(w->fds[w->depth--]);
            if (final) {
                strcpy(w->last, ".");
                return 0;
            }
            p = rest;
            continue;
        }
        struct stat s;
        int is_link = fstatat(w->fds[w->depth], comp, &s, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(s.st_mode);
        if (is_link && (!final || follow || slash)) {
            /* splice the target in front of what is left */
            char target[MAX_PATH + 1];
            ssize_t t = readlinkat(w->fds[w->depth], comp, target, MAX_PATH);
            if (t < 0 || ++links > MAX_SYMLINKS) {
                walk_done(w);
                return t < 0 ? err_of(errno) : WASI_ELOOP;
            }
            size_t rl = strlen(rest);
            if ((size_t)t + 1 + rl > MAX_PATH) {
                walk_done(w);
                return WASI_ENAMETOOLONG;
            }
            char joined[MAX_PATH + 2];
            memcpy(joined, target, (size_t)t);
            joined[t] = '/';
            memcpy(joined + t + 1, rest, rl + 1);
            if (rl == 0 && !slash) joined[t] = 0;
            strcpy(buf, joined);
            p = buf;
            continue;
        }
        if (final && !slash) {
            strcpy(w->last, comp);
            return 0;
        }
        /* a directory on the way (or a final name written with a trailing slash) */
        if (w->depth + 1 >= MAX_DEPTH) {
            walk_done(w);
            return WASI_ENAMETOOLONG;
        }
        int fd = openat(w->fds[w->depth], comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            int e = errno == ELOOP ? WASI_ENOTDIR : err_of(errno);
            walk_done(w);
            return e;
        }
        w->fds[++w->depth] = fd;
        if (final) {
            strcpy(w->last, ".");
            return 0;
        }
        p = rest;
    }
}

#define WALK(dir, path, len, follow)                                                            \
    walk w;                                                                                     \
    int e_ = resolve((dir), (path), (len), (follow), &w);                                       \
    if (e_) return e_;                                                                          \
    int at = w.fds[w.depth];

static int done(walk *w, int rc) /* rc: a syscall's result */
{
    int e = rc < 0 ? err_of(errno) : 0;
    walk_done(w);
    return e;
}

/* ---- operations ------------------------------------------------------------------------- */

static int p_open(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                  uint16_t oflags, uint16_t fdflags, int writable, int32_t *h)
{
    WALK(dir, path, len, follow);
    int flags = O_CLOEXEC | O_NOFOLLOW;
    if (oflags & WASI_O_CREAT) flags |= O_CREAT;
    if (oflags & WASI_O_EXCL) flags |= O_EXCL;
    if (oflags & WASI_O_TRUNC) flags |= O_TRUNC;
    if (oflags & WASI_O_DIRECTORY) flags |= O_DIRECTORY;
    if (fdflags & WASI_FDFLAG_APPEND) flags |= O_APPEND;
    if (fdflags & WASI_FDFLAG_NONBLOCK) flags |= O_NONBLOCK;
    if (fdflags & (WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC)) flags |= O_SYNC;
    if (fdflags & WASI_FDFLAG_DSYNC) flags |= O_DSYNC;
    /* WASI rights don't say whether reading is wanted too: a file we may only write gets
     * O_WRONLY. A directory opened for writing stays EISDIR, as open(2) and node say. */
    int fd = openat(at, w.last, flags | (writable ? O_RDWR : O_RDONLY), 0666);
    if (fd < 0 && writable && errno == EACCES) fd = openat(at, w.last, flags | O_WRONLY, 0666);
    if (fd < 0) {
        int e = err_of(errno);
        walk_done(&w);
        return e;
    }
    walk_done(&w);
    *h = fd;
    /* remembered so wasmcu_wasi_posix_release can close what the program leaves open */
    wasmcu_wasi_posix *st = ctx;
    if (st && st->nopen < sizeof st->open / sizeof st->open[0]) st->open[st->nopen++] = fd;
    return 0;
}

static int p_stat(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                  wasmcu_wasi_filestat *st)
{
    (void)ctx;
    WALK(dir, path, len, follow);
    struct stat s;
    int rc = fstatat(at, w.last, &s, AT_SYMLINK_NOFOLLOW);
    if (rc == 0) fill_stat(&s, st);
    return done(&w, rc);
}

static void times_of(uint64_t atim, uint64_t mtim, uint16_t fst, struct timespec ts[2])
{
    ts[0].tv_sec = (time_t)(atim / 1000000000u), ts[0].tv_nsec = (long)(atim % 1000000000u);
    ts[1].tv_sec = (time_t)(mtim / 1000000000u), ts[1].tv_nsec = (long)(mtim % 1000000000u);
    if (!(fst & (WASI_FST_ATIM | WASI_FST_ATIM_NOW))) ts[0].tv_nsec = UTIME_OMIT;
    if (fst & WASI_FST_ATIM_NOW) ts[0].tv_nsec = UTIME_NOW;
    if (!(fst & (WASI_FST_MTIM | WASI_FST_MTIM_NOW))) ts[1].tv_nsec = UTIME_OMIT;
    if (fst & WASI_FST_MTIM_NOW) ts[1].tv_nsec = UTIME_NOW;
}

static int p_utimes(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                    uint64_t atim, uint64_t mtim, uint16_t fst)
{
    (void)ctx;
    WALK(dir, path, len, follow);
    struct timespec ts[2];
    times_of(atim, mtim, fst, ts);
    return done(&w, utimensat(at, w.last, ts, AT_SYMLINK_NOFOLLOW));
}

static int p_mkdir(void *ctx, int32_t dir, const char *path, uint32_t len)
{
    (void)ctx;
    WALK(dir, path, len, 0);
    return done(&w, mkdirat(at, w.last, 0777));
}

static int p_rmdir(void *ctx, int32_t dir, const char *path, uint32_t len)
{
    (void)ctx;
    WALK(dir, path, len, 0);
    if (strcmp(w.last, ".") == 0) return done(&w, (errno = EINVAL, -1)); /* the preopen or "x/." */
    return done(&w, unlinkat(at, w.last, AT_REMOVEDIR));
}

static int p_unlink(void *ctx, int32_t dir, const char *path, uint32_t len)
{
    (void)ctx;
    WALK(dir, path, len, 0);
    struct stat s;
    /* POSIX lets unlink of a directory say EPERM; WASI programs expect EISDIR */
    if (fstatat(at, w.last, &s, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(s.st_mode))
        return done(&w, (errno = EISDIR, -1));
    return done(&w, unlinkat(at, w.last, 0));
}

static int p_rename(void *ctx, int32_t dir, const char *path, uint32_t len, int32_t to_dir,
                    const char *to, uint32_t to_len)
{
    (void)ctx;
    WALK(dir, path, len, 0);
    walk w2;
    int e = resolve(to_dir, to, to_len, 0, &w2);
    if (e) {
        walk_done(&w);
        return e;
    }
    int rc = renameat(at, w.last, w2.fds[w2.depth], w2.last);
    e = rc < 0 ? err_of(errno) : 0;
    walk_done(&w2);
    walk_done(&w);
    return e;
}

static int p_link(void *ctx, int32_t dir, const char *path, uint32_t len, int follow,
                  int32_t to_dir, const char *to, uint32_t to_len)
{
    (void)ctx;
    WALK(dir, path, len, follow);
    walk w2;
    int e = resolve(to_dir, to, to_len, 0, &w2);
    if (e) {
        walk_done(&w);
        return e;
    }
    int rc = linkat(at, w.last, w2.fds[w2.depth], w2.last, 0);
    e = rc < 0 ? err_of(errno) : 0;
    walk_done(&w2);
    walk_done(&w);
    return e;
}

static int p_symlink(void *ctx, const char *target, uint32_t target_len, int32_t dir,
                     const char *path, uint32_t len)
{
    (void)ctx;
    char t[MAX_PATH + 1];
    if (target_len > MAX_PATH) return WASI_ENAMETOOLONG;
    if (memchr(target, 0, target_len)) return WASI_EILSEQ;
    memcpy(t, target, target_len);
    t[target_len] = 0;
    /* any target may be stored: the walk refuses to follow one that leads out */
    WALK(dir, path, len, 0);
    return done(&w, symlinkat(t, at, w.last));
}

static int p_readlink(void *ctx, int32_t dir, const char *path, uint32_t len, char *buf,
                      uint32_t cap, uint32_t *used)
{
    (void)ctx;
    WALK(dir, path, len, 0);
    ssize_t n = readlinkat(at, w.last, buf, cap);
    if (n >= 0) *used = (uint32_t)n;
    return done(&w, n < 0 ? -1 : 0);
}

static int p_read(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint32_t *got)
{
    (void)ctx;
    ssize_t r = read(h, buf, n);
    if (r < 0) return err_of(errno);
    *got = (uint32_t)r;
    return 0;
}

static int p_write(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint32_t *put)
{
    (void)ctx;
    ssize_t r = write(h, buf, n);
    if (r < 0) return err_of(errno);
    *put = (uint32_t)r;
    return 0;
}

static int p_pread(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint64_t at, uint32_t *got)
{
    (void)ctx;
    if (at > INT64_MAX) return WASI_EINVAL;
    ssize_t r = pread(h, buf, n, (off_t)at);
    if (r < 0) return err_of(errno);
    *got = (uint32_t)r;
    return 0;
}

static int p_pwrite(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint64_t at, uint32_t *put)
{
    (void)ctx;
    if (at > INT64_MAX) return WASI_EINVAL;
    ssize_t r = pwrite(h, buf, n, (off_t)at);
    if (r < 0) return err_of(errno);
    *put = (uint32_t)r;
    return 0;
}

static int p_seek(void *ctx, int32_t h, int64_t off, uint8_t whence, uint64_t *pos)
{
    (void)ctx;
    static const int how[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    off_t r = lseek(h, (off_t)off, how[whence]);
    if (r < 0) return err_of(errno);
    *pos = (uint64_t)r;
    return 0;
}

/* Closes the kept readdir stream. */
static void drop_stream(wasmcu_wasi_posix *st)
{
    if (st && st->dir) closedir(st->dir); /* closes the dup, not the guest's fd */
    if (st) st->dir = NULL;
}

static int p_close(void *ctx, int32_t h)
{
    wasmcu_wasi_posix *st = ctx;
    if (st && st->dir && st->h == h) drop_stream(st); /* the number may be reused */
    for (uint32_t i = 0; st && i < st->nopen; i++)
        if (st->open[i] == h) st->open[i] = st->open[--st->nopen];
    return close(h) < 0 ? err_of(errno) : 0;
}

static int p_sync(void *ctx, int32_t h, int data_only)
{
    (void)ctx;
    int rc = data_only ? fdatasync(h) : fsync(h);
    /* stdio on a terminal or pipe can't be synced, and nothing is lost */
    return rc < 0 && errno != EINVAL ? err_of(errno) : 0;
}

static int p_fdstat(void *ctx, int32_t h, uint8_t *filetype, uint16_t *fdflags)
{
    (void)ctx;
    struct stat s;
    int fl = fcntl(h, F_GETFL);
    if (fstat(h, &s) < 0 || fl < 0) return err_of(errno);
    *filetype = type_of(s.st_mode);
    if (S_ISFIFO(s.st_mode)) *filetype = WASI_FILETYPE_UNKNOWN;
    *fdflags = (uint16_t)((fl & O_APPEND ? WASI_FDFLAG_APPEND : 0) |
                          (fl & O_NONBLOCK ? WASI_FDFLAG_NONBLOCK : 0));
    return 0;
}

static int p_set_fdflags(void *ctx, int32_t h, uint16_t fdflags)
{
    wasmcu_wasi_posix *st = ctx;
    int fl = fcntl(h, F_GETFL);
    if (fl < 0) return err_of(errno);
    /* stdin/stdout/stderr are shared with the shell: remember their flags to put back, or a
     * guest's O_NONBLOCK would outlive it on the terminal */
    if (st && h >= 0 && h < 3 && !(st->saved & 1u << h)) st->saved |= 1u << h, st->stdio_fl[h] = fl;
    fl &= ~(O_APPEND | O_NONBLOCK);
    if (fdflags & WASI_FDFLAG_APPEND) fl |= O_APPEND;
    if (fdflags & WASI_FDFLAG_NONBLOCK) fl |= O_NONBLOCK;
    return fcntl(h, F_SETFL, fl) < 0 ? err_of(errno) : 0;
}

static int p_filestat(void *ctx, int32_t h, wasmcu_wasi_filestat *st)
{
    (void)ctx;
    struct stat s;
    if (fstat(h, &s) < 0) return err_of(errno);
    fill_stat(&s, st);
    return 0;
}

static int p_set_size(void *ctx, int32_t h, uint64_t size)
{
    (void)ctx;
    if (size > INT64_MAX) return WASI_EINVAL;
    return ftruncate(h, (off_t)size) < 0 ? err_of(errno) : 0;
}

static int p_set_times(void *ctx, int32_t h, uint64_t atim, uint64_t mtim, uint16_t fst)
{
    (void)ctx;
    struct timespec ts[2];
    times_of(atim, mtim, fst, ts);
    return futimens(h, ts) < 0 ? err_of(errno) : 0;
}

static int p_allocate(void *ctx, int32_t h, uint64_t off, uint64_t len)
{
    (void)ctx;
    if (off > INT64_MAX || len > INT64_MAX) return WASI_EINVAL;
    int e = posix_fallocate(h, (off_t)off, (off_t)len);
    return e ? err_of(e) : 0;
}

void wasmcu_wasi_posix_release(wasmcu_wasi_posix *st)
{
    if (!st) return;
    drop_stream(st);
    while (st->nopen) close(st->open[--st->nopen]);
    for (int h = 0; h < 3; h++)
        if (st->saved & 1u << h) fcntl(h, F_SETFL, st->stdio_fl[h]);
    st->saved = 0;
}

/* One entry per call. Cookies count entries from the start (0, 1, 2...), not telldir()
 * values: wasi-libc keeps a cookie in a 32-bit long for its telldir()/seekdir(), and a
 * filesystem's 64-bit hash offsets came back from seekdir() truncated. A cookie is reached by
 * rewinding and skipping; with a wasmcu_wasi_posix as ctx the stream is kept for the next
 * call, which usually asks for the very next cookie, so a listing reads the directory once. */
static int p_readdir(void *ctx, int32_t h, uint64_t cookie, uint64_t *next, uint64_t *ino,
                     uint8_t *type, char *name, uint32_t cap, uint32_t *name_len)
{
    wasmcu_wasi_posix *st = ctx;
    DIR *d = st && st->dir && st->h == h && st->cookie == cookie ? st->dir : NULL;
    struct dirent *ent = NULL;
    *name_len = 0;
    if (st && st->dir && st->h == h && cookie + 1 == st->cookie) { /* the entry just read */
        *name_len = st->name_len < cap ? st->name_len : cap;
        memcpy(name, st->name, *name_len);
        *ino = st->ino, *type = st->type, *next = st->cookie;
        return 0;
    }
    errno = 0;
    if (!d) {
        drop_stream(st);
        int fd = dup(h);
        if (fd < 0) return err_of(errno);
        if (!(d = fdopendir(fd))) {
            int e = err_of(errno);
            close(fd);
            return e;
        }
        rewinddir(d);
        for (uint64_t i = 0; i < cookie && (ent = readdir(d)) != NULL; i++) {}
        if (cookie && !ent) { /* past the end */
            int e = errno ? err_of(errno) : 0;
            closedir(d);
            return e;
        }
    }
    errno = 0;
    ent = readdir(d);
    int e = 0;
    if (ent) {
        size_t n = strlen(ent->d_name);
        if (n > cap) n = cap;
        memcpy(name, ent->d_name, n);
        *name_len = (uint32_t)n;
        *ino = (uint64_t)ent->d_ino;
        *next = cookie + 1;
        switch (ent->d_type) {
        case DT_DIR: *type = WASI_FILETYPE_DIRECTORY; break;
        case DT_REG: *type = WASI_FILETYPE_REGULAR_FILE; break;
        case DT_LNK: *type = WASI_FILETYPE_SYMBOLIC_LINK; break;
        case DT_CHR: *type = WASI_FILETYPE_CHARACTER_DEVICE; break;
        case DT_BLK: *type = WASI_FILETYPE_BLOCK_DEVICE; break;
        case DT_SOCK: *type = WASI_FILETYPE_SOCKET_STREAM; break;
        default: *type = WASI_FILETYPE_UNKNOWN; break;
        }
    } else if (errno) {
        e = err_of(errno);
    }
    if (st && ent) {
        st->dir = d, st->h = h, st->cookie = cookie + 1;
        st->name_len = (uint32_t)strlen(ent->d_name);
        if (st->name_len > sizeof st->name) st->name_len = sizeof st->name;
        memcpy(st->name, ent->d_name, st->name_len);
        st->ino = *ino, st->type = *type;
    } else {
        if (st && st->dir == d) st->dir = NULL;
        closedir(d); /* closes the dup, not h */
    }
    return e;
}

/* WASI's clock ids in order: realtime, monotonic, process and thread CPU time. */
static int clock_op(uint32_t clock, int (*op)(clockid_t, struct timespec *), uint64_t *ns)
{
    static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
                                    CLOCK_THREAD_CPUTIME_ID};
    struct timespec t;
    if (clock >= sizeof ids / sizeof ids[0]) return WASI_EINVAL; /* the ABI checks too */
    if (op(ids[clock], &t) < 0) return err_of(errno);
    *ns = ns_of(t);
    return 0;
}

static int p_clock_time(void *ctx, uint32_t clock, uint64_t *ns)
{
    (void)ctx;
    return clock_op(clock, clock_gettime, ns);
}

static int p_clock_res(void *ctx, uint32_t clock, uint64_t *ns)
{
    (void)ctx;
    return clock_op(clock, clock_getres, ns);
}

static int p_random(void *ctx, uint8_t *buf, uint32_t n)
{
    (void)ctx;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return err_of(errno);
    uint32_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0) {
            close(fd);
            return WASI_EIO;
        }
        got += (uint32_t)r;
    }
    close(fd);
    return 0;
}

static int p_sleep(void *ctx, uint64_t ns)
{
    (void)ctx;
    struct timespec t = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
    while (nanosleep(&t, &t) < 0 && errno == EINTR) {}
    return 0;
}

static int p_ready(void *ctx, int32_t h, int for_write, uint64_t *nbytes)
{
    (void)ctx;
    struct stat s;
    if (fstat(h, &s) < 0) return err_of(errno);
    *nbytes = 0;
    if (S_ISREG(s.st_mode)) { /* always ready: report what is left to read */
        off_t pos = lseek(h, 0, SEEK_CUR);
        if (!for_write && pos >= 0 && s.st_size > pos) *nbytes = (uint64_t)(s.st_size - pos);
        return 0;
    }
    struct pollfd p = {h, (short)(for_write ? POLLOUT : POLLIN), 0};
    int r = poll(&p, 1, 0);
    if (r < 0) return err_of(errno);
    return r ? 0 : -1;
}

static int p_wait(void *ctx, const int32_t *h, const uint8_t *for_write, uint32_t n,
                  uint64_t timeout_ns)
{
    (void)ctx;
    struct pollfd p[64];
    if (n > sizeof p / sizeof p[0]) n = sizeof p / sizeof p[0];
    for (uint32_t i = 0; i < n; i++)
        p[i].fd = h[i], p[i].events = (short)(for_write[i] ? POLLOUT : POLLIN), p[i].revents = 0;
    /* poll() counts milliseconds: round up, so a deadline is never reported early */
    uint64_t ms = timeout_ns / 1000000u + (timeout_ns % 1000000u != 0);
    int t = timeout_ns == UINT64_MAX ? -1 : ms > INT32_MAX ? INT32_MAX : (int)ms;
    if (poll(p, (nfds_t)n, t) < 0 && errno != EINTR) return err_of(errno);
    return 0;
}

const wasmcu_wasi_ops wasmcu_wasi_posix_ops = {
    .clock_time = p_clock_time, .clock_res = p_clock_res, .random = p_random, .sleep = p_sleep,
    .read = p_read, .write = p_write, .pread = p_pread, .pwrite = p_pwrite, .seek = p_seek,
    .close = p_close, .sync = p_sync, .fdstat = p_fdstat, .set_fdflags = p_set_fdflags,
    .filestat = p_filestat, .set_size = p_set_size, .set_times = p_set_times,
    .allocate = p_allocate, .readdir = p_readdir, .open = p_open, .stat = p_stat,
    .utimes = p_utimes, .mkdir = p_mkdir, .rmdir = p_rmdir, .unlink = p_unlink,
    .rename = p_rename, .link = p_link, .symlink = p_symlink, .readlink = p_readlink,
    .ready = p_ready, .wait = p_wait,
};

int32_t wasmcu_wasi_posix_open_dir(const char *host_path)
{
    return open(host_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void wasmcu_wasi_posix_close(int32_t handle) { close(handle); }
