/* wasi_snapshot_preview1: the ABI half. Every guest pointer and length is checked against
 * linear memory (EFAULT, never a host access outside it), rights are tracked per fd, and
 * the work goes to a backend's operations (include/wasmcu.h: wasmcu_wasi_ops). Layouts and
 * numbers are those of the preview1 witx definitions. */
#include <string.h>
#include "wasi_abi.h"
#include "wasmcu.h"

#ifndef WASI_MAX_FDS
#define WASI_MAX_FDS 32 /* open files and directories a program may hold, preopens included */
#endif

typedef struct wfd {
    uint8_t used, dir;
    uint8_t owned; /* opened by path_open: ours to close; stdio and preopens are the embedder's */
    int32_t h;
    uint64_t base, inheriting; /* rights */
    const char *name;          /* a preopen's guest name, else NULL */
    int read_only;
} wfd;

typedef struct wasi {
    wasmcu_wasi_config cfg;
    wfd fds[WASI_MAX_FDS];
} wasi;

#define OPS(w) ((w)->cfg.ops)
#define ARG(i) ((uint32_t)args[i])
#define ARG64(i) ((uint64_t)args[i])

static wasi *state(wasmcu_call_ctx *ctx) { return (wasi *)wasmcu_native_user(ctx); }

/* Guest bytes [p, p + n), or NULL when any of them is outside linear memory. An empty range
 * at or below the end is fine (and never dereferenced); without a memory nothing is. */
static uint8_t *mem(wasmcu_call_ctx *ctx, uint32_t p, uint64_t n)
{
    if (n > UINT32_MAX) return NULL;
    return (uint8_t *)wasmcu_memory_ptr(wasmcu_native_instance(ctx), p, (uint32_t)n);
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> 8 * i); }
static void put64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> 8 * i); }
static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t get32(const uint8_t *p) { return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t get64(const uint8_t *p) { return get32(p) | (uint64_t)get32(p + 4) << 32; }

/* Stores a u32 / u64 result at guest address p. */
static int out32(wasmcu_call_ctx *ctx, uint32_t p, uint32_t v)
{
    uint8_t *m = mem(ctx, p, 4);
    if (!m) return WASI_EFAULT;
    put32(m, v);
    return 0;
}

static int out64(wasmcu_call_ctx *ctx, uint32_t p, uint64_t v)
{
    uint8_t *m = mem(ctx, p, 8);
    if (!m) return WASI_EFAULT;
    put64(m, v);
    return 0;
}

#define RET(e) do { results[0] = (uint32_t)(e); return WASMCU_OK; } while (0)
#define TRY(e) do { int e_ = (e); if (e_) RET(e_); } while (0)

/* The fd's entry if it is open and has every right in `need`. */
static int lookup(wasi *w, uint32_t fd, uint64_t need, wfd **out)
{
    if (fd >= WASI_MAX_FDS || !w->fds[fd].used) return WASI_EBADF;
    if ((w->fds[fd].base & need) != need) return WASI_ENOTCAPABLE;
    *out = &w->fds[fd];
    return 0;
}

static int no_op(const void *op) { return op == NULL; }
#define NEED_OP(w, op) do { if (no_op((const void *)OPS(w)->op)) RET(WASI_ENOSYS); } while (0)

/* ---- args, environment, clocks, random ------------------------------------------------ */

/* Writes strings as a pointer array at ptrs and their bytes, NUL-terminated, at buf. */
static int put_strings(wasmcu_call_ctx *ctx, int n, const char *const *s, uint32_t ptrs, uint32_t buf)
{
    uint64_t total = 0;
    for (int i = 0; i < n; i++) total += strlen(s[i]) + 1;
    uint8_t *p = mem(ctx, ptrs, (uint64_t)n * 4), *b = mem(ctx, buf, total);
    if (!p || !b) return WASI_EFAULT;
    uint32_t at = buf;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(s[i]) + 1;
        put32(p + 4 * i, at);
        memcpy(b + (at - buf), s[i], len);
        at += (uint32_t)len;
    }
    return 0;
}

static int put_sizes(wasmcu_call_ctx *ctx, int n, const char *const *s, uint32_t count, uint32_t size)
{
    uint64_t total = 0;
    for (int i = 0; i < n; i++) total += strlen(s[i]) + 1;
    int e = out32(ctx, count, (uint32_t)n);
    return e ? e : out32(ctx, size, (uint32_t)total);
}

static wasmcu_err args_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    RET(put_strings(ctx, w->cfg.argc, w->cfg.argv, ARG(0), ARG(1)));
}

static wasmcu_err args_sizes_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    RET(put_sizes(ctx, w->cfg.argc, w->cfg.argv, ARG(0), ARG(1)));
}

static wasmcu_err environ_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    RET(put_strings(ctx, w->cfg.envc, w->cfg.env, ARG(0), ARG(1)));
}

static wasmcu_err environ_sizes_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    RET(put_sizes(ctx, w->cfg.envc, w->cfg.env, ARG(0), ARG(1)));
}

static wasmcu_err clock_res_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    uint64_t ns;
    if (ARG(0) > 3) RET(WASI_EINVAL);
    NEED_OP(w, clock_res);
    TRY(OPS(w)->clock_res(w->cfg.ctx, ARG(0), &ns));
    RET(out64(ctx, ARG(1), ns));
}

static wasmcu_err clock_time_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    uint64_t ns;
    if (ARG(0) > 3) RET(WASI_EINVAL);
    NEED_OP(w, clock_time);
    TRY(OPS(w)->clock_time(w->cfg.ctx, ARG(0), &ns));
    RET(out64(ctx, ARG(2), ns));
}

static wasmcu_err random_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    uint8_t *b = mem(ctx, ARG(0), ARG(1));
    if (!b) RET(WASI_EFAULT);
    NEED_OP(w, random);
    RET(OPS(w)->random(w->cfg.ctx, b, ARG(1)));
}

static wasmcu_err proc_exit(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)results;
    wasmcu_native_exit(ctx, (int32_t)ARG(0));
    return WASMCU_TRAP_EXIT;
}

/* Signals would need a process model the sandbox doesn't give a module. */
static wasmcu_err proc_raise(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)ctx, (void)args;
    RET(WASI_ENOSYS);
}

static wasmcu_err sched_yield(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    (void)ctx, (void)args;
    RET(0); /* one thread per instance: nothing else could run */
}

/* ---- fds ------------------------------------------------------------------------------- */

/* Moves data between the guest's iovec array and the backend, one buffer at a time, and
 * stores the byte count at guest address `result`. The array, every buffer in it and the
 * result are checked before anything moves, so EFAULT never comes after a side effect. */
static int iov_loop(wasmcu_call_ctx *ctx, wfd *f, uint32_t iovs, uint32_t n, int writing,
                    int positioned, uint64_t at, uint32_t result)
{
    wasi *w = state(ctx);
    const uint8_t *v = mem(ctx, iovs, (uint64_t)n * 8);
    uint8_t *res = mem(ctx, result, 4);
    if (!v || !res) return WASI_EFAULT;
    for (uint32_t i = 0; i < n; i++)
        if (!mem(ctx, get32(v + 8 * i), get32(v + 8 * i + 4))) return WASI_EFAULT;
    uint32_t done = 0;
    for (uint32_t i = 0; i < n; i++) {
        /* the transfers may overwrite the iovecs (they are guest memory): read each once
         * and check it again */
        uint32_t len = get32(v + 8 * i + 4);
        uint8_t *b = mem(ctx, get32(v + 8 * i), len);
        if (!b) return done ? (put32(res, done), 0) : WASI_EFAULT;
        if (len > UINT32_MAX - done) len = UINT32_MAX - done; /* the count is a u32 */
        if (!len) continue;
        uint32_t got = 0;
        int e;
        if (writing)
            e = positioned ? OPS(w)->pwrite(w->cfg.ctx, f->h, b, len, at + done, &got)
                           : OPS(w)->write(w->cfg.ctx, f->h, b, len, &got);
        else
            e = positioned ? OPS(w)->pread(w->cfg.ctx, f->h, b, len, at + done, &got)
                           : OPS(w)->read(w->cfg.ctx, f->h, b, len, &got);
        if (e && !done) return e;
        if (e) break; /* a partial transfer reports what was moved */
        done += got;
        if (got < len) break;
    }
    put32(res, done);
    return 0;
}

static wasmcu_err fd_write(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_WRITE, &f));
    NEED_OP(w, write);
    RET(iov_loop(ctx, f, ARG(1), ARG(2), 1, 0, 0, ARG(3)));
}

static wasmcu_err fd_read(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_READ, &f));
    NEED_OP(w, read);
    RET(iov_loop(ctx, f, ARG(1), ARG(2), 0, 0, 0, ARG(3)));
}

static wasmcu_err fd_pwrite(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_SEEK, &f));
    NEED_OP(w, pwrite);
    RET(iov_loop(ctx, f, ARG(1), ARG(2), 1, 1, ARG64(3), ARG(4)));
}

static wasmcu_err fd_pread(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK, &f));
    NEED_OP(w, pread);
    RET(iov_loop(ctx, f, ARG(1), ARG(2), 0, 1, ARG64(3), ARG(4)));
}

static wasmcu_err fd_seek(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    uint64_t pos;
    int64_t off = (int64_t)ARG64(1);
    uint8_t whence = (uint8_t)ARG(2);
    if (whence > 2) RET(WASI_EINVAL);
    /* seeking by 0 from the current position is only a tell */
    TRY(lookup(w, ARG(0), off == 0 && whence == 1 ? WASI_RIGHT_FD_TELL : WASI_RIGHT_FD_SEEK, &f));
    if (f->dir) RET(WASI_EISDIR);
    NEED_OP(w, seek);
    uint8_t *res = mem(ctx, ARG(3), 8); /* checked first: a failed call must not move */
    if (!res) RET(WASI_EFAULT);
    TRY(OPS(w)->seek(w->cfg.ctx, f->h, off, whence, &pos));
    put64(res, pos);
    RET(0);
}

static wasmcu_err fd_tell(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    uint64_t pos;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_TELL, &f));
    if (f->dir) RET(WASI_EISDIR);
    NEED_OP(w, seek);
    TRY(OPS(w)->seek(w->cfg.ctx, f->h, 0, 1, &pos));
    RET(out64(ctx, ARG(1), pos));
}

static wasmcu_err fd_close(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), 0, &f));
    /* closing a handle the embedder gave (a host's stdout, a preopen) would let the next
     * open reuse its number under the embedder's feet: the guest just loses the fd */
    int e = f->owned && OPS(w)->close ? OPS(w)->close(w->cfg.ctx, f->h) : 0;
    memset(f, 0, sizeof *f);
    RET(e);
}

static wasmcu_err fd_sync(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_SYNC, &f));
    RET(OPS(w)->sync ? OPS(w)->sync(w->cfg.ctx, f->h, 0) : 0);
}

static wasmcu_err fd_datasync(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_DATASYNC, &f));
    RET(OPS(w)->sync ? OPS(w)->sync(w->cfg.ctx, f->h, 1) : 0);
}

static wasmcu_err fd_fdstat_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    uint8_t type = WASI_FILETYPE_UNKNOWN;
    uint16_t flags = 0;
    TRY(lookup(w, ARG(0), 0, &f));
    uint8_t *m = mem(ctx, ARG(1), 24);
    if (!m) RET(WASI_EFAULT);
    if (f->dir) type = WASI_FILETYPE_DIRECTORY;
    else if (OPS(w)->fdstat) TRY(OPS(w)->fdstat(w->cfg.ctx, f->h, &type, &flags));
    memset(m, 0, 24);
    m[0] = type;
    put16(m + 2, flags);
    put64(m + 8, f->base);
    put64(m + 16, f->inheriting);
    RET(0);
}

static wasmcu_err fd_fdstat_set_flags(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_FDSTAT_SET_FLAGS, &f));
    NEED_OP(w, set_fdflags);
    RET(OPS(w)->set_fdflags(w->cfg.ctx, f->h, (uint16_t)ARG(1)));
}

static wasmcu_err fd_fdstat_set_rights(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), 0, &f));
    uint64_t base = ARG64(1), inh = ARG64(2);
    /* rights only ever shrink */
    if ((base & ~f->base) || (inh & ~f->inheriting)) RET(WASI_ENOTCAPABLE);
    f->base = base;
    f->inheriting = inh;
    RET(0);
}

static int put_filestat(wasmcu_call_ctx *ctx, uint32_t p, const wasmcu_wasi_filestat *st)
{
    uint8_t *m = mem(ctx, p, 64);
    if (!m) return WASI_EFAULT;
    memset(m, 0, 64);
    put64(m, st->dev);
    put64(m + 8, st->ino);
    m[16] = st->filetype;
    put64(m + 24, st->nlink);
    put64(m + 32, st->size);
    put64(m + 40, st->atim);
    put64(m + 48, st->mtim);
    put64(m + 56, st->ctim);
    return 0;
}

static wasmcu_err fd_filestat_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    wasmcu_wasi_filestat st;
    memset(&st, 0, sizeof st);
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_FILESTAT_GET, &f));
    NEED_OP(w, filestat);
    TRY(OPS(w)->filestat(w->cfg.ctx, f->h, &st));
    RET(put_filestat(ctx, ARG(1), &st));
}

static wasmcu_err fd_filestat_set_size(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_FILESTAT_SET_SIZE, &f));
    NEED_OP(w, set_size);
    RET(OPS(w)->set_size(w->cfg.ctx, f->h, ARG64(1)));
}

static wasmcu_err fd_filestat_set_times(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    uint16_t fst = (uint16_t)ARG(3);
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_FILESTAT_SET_TIMES, &f));
    if ((fst & 3) == 3 || (fst & 12) == 12 || fst > 15) RET(WASI_EINVAL);
    NEED_OP(w, set_times);
    RET(OPS(w)->set_times(w->cfg.ctx, f->h, ARG64(1), ARG64(2), fst));
}

static wasmcu_err fd_advise(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_ADVISE, &f));
    if (ARG(3) > 5) RET(WASI_EINVAL);
    RET(f->dir ? WASI_EBADF : 0); /* advice may be ignored; nothing here benefits from it */
}

static wasmcu_err fd_allocate(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_ALLOCATE, &f));
    NEED_OP(w, allocate);
    RET(OPS(w)->allocate(w->cfg.ctx, f->h, ARG64(1), ARG64(2)));
}

static wasmcu_err fd_prestat_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), 0, &f));
    if (!f->name) RET(WASI_EBADF);
    uint8_t *m = mem(ctx, ARG(1), 8);
    if (!m) RET(WASI_EFAULT);
    memset(m, 0, 8);
    put32(m + 4, (uint32_t)strlen(f->name));
    RET(0);
}

static wasmcu_err fd_prestat_dir_name(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), 0, &f));
    if (!f->name) RET(WASI_EBADF);
    size_t n = strlen(f->name);
    if (ARG(2) < n) RET(WASI_ENAMETOOLONG);
    uint8_t *m = mem(ctx, ARG(1), n);
    if (!m) RET(WASI_EFAULT);
    memcpy(m, f->name, n);
    RET(0);
}

static wasmcu_err fd_renumber(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *from, *to;
    TRY(lookup(w, ARG(0), 0, &from));
    TRY(lookup(w, ARG(1), 0, &to));
    if (from == to) RET(0);
    if (to->owned && OPS(w)->close) OPS(w)->close(w->cfg.ctx, to->h);
    *to = *from;
    memset(from, 0, sizeof *from);
    RET(0);
}

static wasmcu_err fd_readdir(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *f;
    TRY(lookup(w, ARG(0), WASI_RIGHT_FD_READDIR, &f));
    if (!f->dir) RET(WASI_ENOTDIR);
    NEED_OP(w, readdir);
    uint32_t cap = ARG(2), used = 0;
    uint8_t *buf = mem(ctx, ARG(1), cap);
    if (!buf) RET(WASI_EFAULT);
    uint64_t cookie = ARG64(3);
    char name[256];
    /* entries are written whole while they fit; the last one is cut to fill the buffer,
     * which tells the caller to read again with a bigger buffer */
    while (used < cap) {
        uint64_t next, ino;
        uint8_t type;
        uint32_t len = 0;
        TRY(OPS(w)->readdir(w->cfg.ctx, f->h, cookie, &next, &ino, &type, name, sizeof name, &len));
        if (len == 0) break;
        uint8_t ent[24];
        memset(ent, 0, sizeof ent);
        put64(ent, next);
        put64(ent + 8, ino);
        put32(ent + 16, len);
        ent[20] = type;
        uint32_t n = cap - used < 24 ? cap - used : 24;
        memcpy(buf + used, ent, n);
        used += n;
        n = cap - used < len ? cap - used : len;
        memcpy(buf + used, name, n);
        used += n;
        cookie = next;
    }
    RET(out32(ctx, ARG(4), used));
}

/* ---- paths ------------------------------------------------------------------------------ */

/* The guest's path argument and the directory it is relative to. */
static int path_arg(wasmcu_call_ctx *ctx, uint32_t fd, uint64_t need, uint32_t p, uint32_t len,
                    wfd **dir, const char **path)
{
    wasi *w = state(ctx);
    int e = lookup(w, fd, need, dir);
    if (e) return e;
    if (!(*dir)->dir) return WASI_ENOTDIR;
    const uint8_t *m = mem(ctx, p, len);
    if (!m) return WASI_EFAULT;
    if (memchr(m, 0, len)) return WASI_EILSEQ; /* an embedded NUL would cut the path short */
    *path = (const char *)m;
    return 0;
}

#define READ_RIGHTS (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK | WASI_RIGHT_FD_TELL | \
                     WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_FD_READDIR | WASI_RIGHT_FD_ADVISE | \
                     WASI_RIGHT_PATH_OPEN | WASI_RIGHT_PATH_FILESTAT_GET | \
                     WASI_RIGHT_PATH_READLINK | WASI_RIGHT_POLL_FD_READWRITE | \
                     WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_SYNC | WASI_RIGHT_FD_DATASYNC)
#define ALL_RIGHTS ((1ull << 30) - 1)

static wasmcu_err path_open(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    uint32_t len = ARG(3);
    uint16_t oflags = (uint16_t)ARG(4), fdflags = (uint16_t)ARG(7);
    uint64_t base = ARG64(5), inh = ARG64(6);
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_OPEN, ARG(2), len, &d, &path));
    if (oflags & WASI_O_CREAT && !(d->base & WASI_RIGHT_PATH_CREATE_FILE)) RET(WASI_ENOTCAPABLE);
    if (oflags & WASI_O_TRUNC && !(d->base & WASI_RIGHT_PATH_FILESTAT_SET_SIZE)) RET(WASI_ENOTCAPABLE);
    /* what the new fd may do: what was asked, within what the directory hands down */
    base &= d->inheriting;
    inh &= d->inheriting;
    int writable = (base & (WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE |
                            WASI_RIGHT_FD_FILESTAT_SET_SIZE)) ||
                   (oflags & (WASI_O_CREAT | WASI_O_TRUNC)) || (fdflags & WASI_FDFLAG_APPEND);
    if (d->read_only && writable) RET(WASI_EROFS);
    uint32_t slot = 0;
    while (slot < WASI_MAX_FDS && w->fds[slot].used) slot++;
    if (slot == WASI_MAX_FDS) RET(WASI_EMFILE);
    uint8_t *out = mem(ctx, ARG(8), 4);
    if (!out) RET(WASI_EFAULT);
    NEED_OP(w, open);
    int32_t h;
    TRY(OPS(w)->open(w->cfg.ctx, d->h, path, len, ARG(1) & WASI_LOOKUP_SYMLINK_FOLLOW, oflags,
                     fdflags, writable, &h));
    uint8_t type = WASI_FILETYPE_UNKNOWN;
    uint16_t flags;
    if (OPS(w)->fdstat) OPS(w)->fdstat(w->cfg.ctx, h, &type, &flags);
    wfd *f = &w->fds[slot];
    memset(f, 0, sizeof *f);
    f->used = 1;
    f->owned = 1;
    f->h = h;
    f->dir = type == WASI_FILETYPE_DIRECTORY;
    f->read_only = d->read_only;
    f->base = base;
    f->inheriting = inh;
    put32(out, slot);
    RET(0);
}

static wasmcu_err path_create_directory(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_CREATE_DIRECTORY, ARG(1), ARG(2), &d, &path));
    NEED_OP(w, mkdir);
    RET(OPS(w)->mkdir(w->cfg.ctx, d->h, path, ARG(2)));
}

static wasmcu_err path_remove_directory(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_REMOVE_DIRECTORY, ARG(1), ARG(2), &d, &path));
    NEED_OP(w, rmdir);
    RET(OPS(w)->rmdir(w->cfg.ctx, d->h, path, ARG(2)));
}

static wasmcu_err path_unlink_file(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_UNLINK_FILE, ARG(1), ARG(2), &d, &path));
    NEED_OP(w, unlink);
    RET(OPS(w)->unlink(w->cfg.ctx, d->h, path, ARG(2)));
}

static wasmcu_err path_filestat_get(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    wasmcu_wasi_filestat st;
    memset(&st, 0, sizeof st);
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_FILESTAT_GET, ARG(2), ARG(3), &d, &path));
    NEED_OP(w, stat);
    TRY(OPS(w)->stat(w->cfg.ctx, d->h, path, ARG(3), ARG(1) & WASI_LOOKUP_SYMLINK_FOLLOW, &st));
    RET(put_filestat(ctx, ARG(4), &st));
}

static wasmcu_err path_filestat_set_times(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    uint16_t fst = (uint16_t)ARG(6);
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_FILESTAT_SET_TIMES, ARG(2), ARG(3), &d, &path));
    if ((fst & 3) == 3 || (fst & 12) == 12 || fst > 15) RET(WASI_EINVAL);
    NEED_OP(w, utimes);
    RET(OPS(w)->utimes(w->cfg.ctx, d->h, path, ARG(3), ARG(1) & WASI_LOOKUP_SYMLINK_FOLLOW,
                       ARG64(4), ARG64(5), fst));
}

static wasmcu_err path_rename(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d, *d2;
    const char *from, *to;
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_RENAME_SOURCE, ARG(1), ARG(2), &d, &from));
    TRY(path_arg(ctx, ARG(3), WASI_RIGHT_PATH_RENAME_TARGET, ARG(4), ARG(5), &d2, &to));
    NEED_OP(w, rename);
    RET(OPS(w)->rename(w->cfg.ctx, d->h, from, ARG(2), d2->h, to, ARG(5)));
}

static wasmcu_err path_link(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d, *d2;
    const char *from, *to;
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_LINK_SOURCE, ARG(2), ARG(3), &d, &from));
    TRY(path_arg(ctx, ARG(4), WASI_RIGHT_PATH_LINK_TARGET, ARG(5), ARG(6), &d2, &to));
    NEED_OP(w, link);
    RET(OPS(w)->link(w->cfg.ctx, d->h, from, ARG(3), ARG(1) & WASI_LOOKUP_SYMLINK_FOLLOW, d2->h,
                     to, ARG(6)));
}

static wasmcu_err path_symlink(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    const uint8_t *target = mem(ctx, ARG(0), ARG(1));
    if (!target) RET(WASI_EFAULT);
    TRY(path_arg(ctx, ARG(2), WASI_RIGHT_PATH_SYMLINK, ARG(3), ARG(4), &d, &path));
    NEED_OP(w, symlink);
    RET(OPS(w)->symlink(w->cfg.ctx, (const char *)target, ARG(1), d->h, path, ARG(4)));
}

static wasmcu_err path_readlink(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    wfd *d;
    const char *path;
    uint32_t used = 0;
    TRY(path_arg(ctx, ARG(0), WASI_RIGHT_PATH_READLINK, ARG(1), ARG(2), &d, &path));
    uint8_t *buf = mem(ctx, ARG(3), ARG(4));
    if (!buf) RET(WASI_EFAULT);
    NEED_OP(w, readlink);
    TRY(OPS(w)->readlink(w->cfg.ctx, d->h, path, ARG(2), (char *)buf, ARG(4), &used));
    RET(out32(ctx, ARG(5), used));
}

/* ---- poll_oneoff ----------------------------------------------------------------------- */

#define POLL_WAIT_MAX (2 * WASI_MAX_FDS) /* distinct (fd, direction) pairs a wait can name */

/* What one pass over the subscriptions left to wait for. */
typedef struct poll_wait {
    uint64_t soonest; /* ns until the earliest clock subscription is due; UINT64_MAX: none */
    uint32_t n;       /* fds not ready yet, each direction once */
    int32_t h[POLL_WAIT_MAX];
    uint8_t for_write[POLL_WAIT_MAX];
} poll_wait;

static void put_event(uint8_t *e, const uint8_t *sub, int err, uint8_t type, uint64_t nbytes)
{
    /* the guest may pass overlapping subscriptions and events: read before writing */
    uint8_t userdata[8];
    memcpy(userdata, sub, 8);
    memset(e, 0, 32);
    memcpy(e, userdata, 8);
    put16(e + 8, (uint16_t)err);
    e[10] = type;
    put64(e + 16, nbytes);
}

static void wait_for(poll_wait *pw, int32_t h, uint8_t for_write)
{
    for (uint32_t i = 0; i < pw->n; i++)
        if (pw->h[i] == h && pw->for_write[i] == for_write) return;
    if (pw->n < POLL_WAIT_MAX) pw->h[pw->n] = h, pw->for_write[pw->n++] = for_write;
}

/* A clock subscription: 1 (with *err) when it is due or invalid, else 0 with the ns left in
 * *left. Relative timeouts count from the call's start, `elapsed` ns ago. */
static int clock_due(wasi *w, const uint8_t *s, uint64_t elapsed, uint64_t *left, int *err)
{
    uint32_t id = get32(s + 16);
    uint64_t timeout = get64(s + 24), now;
    *err = 0;
    if (id > WASI_CLOCK_THREAD_CPUTIME) return *err = WASI_EINVAL, 1;
    if (get16(s + 40) & 1) { /* subscription_clock_abstime: a deadline on that clock */
        if (!OPS(w)->clock_time) return *err = WASI_ENOSYS, 1;
        if ((*err = OPS(w)->clock_time(w->cfg.ctx, id, &now)) != 0) return 1;
        *left = timeout > now ? timeout - now : 0;
    } else {
        *left = timeout > elapsed ? timeout - elapsed : 0;
    }
    return *left == 0;
}

/* One pass: every subscription ready now (or failed) becomes an event in out; the rest are
 * gathered in pw. Returns the number of events. */
static uint32_t poll_pass(wasi *w, const uint8_t *in, uint8_t *out, uint32_t n, uint64_t elapsed,
                          poll_wait *pw)
{
    uint32_t nev = 0;
    pw->soonest = UINT64_MAX;
    pw->n = 0;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *s = in + 48 * i;
        uint8_t tag = s[8];
        int err;
        if (tag == WASI_EVENTTYPE_CLOCK) {
            uint64_t left = 0;
            if (clock_due(w, s, elapsed, &left, &err)) put_event(out + 32 * nev++, s, err, tag, 0);
            else if (left < pw->soonest) pw->soonest = left;
            continue;
        }
        if (tag != WASI_EVENTTYPE_FD_READ && tag != WASI_EVENTTYPE_FD_WRITE) {
            put_event(out + 32 * nev++, s, WASI_EINVAL, tag, 0);
            continue;
        }
        wfd *f;
        uint64_t nbytes = 0;
        err = lookup(w, get32(s + 16), WASI_RIGHT_POLL_FD_READWRITE, &f);
        if (!err && OPS(w)->ready) {
            err = OPS(w)->ready(w->cfg.ctx, f->h, tag == WASI_EVENTTYPE_FD_WRITE, &nbytes);
            if (err < 0) { /* not yet */
                wait_for(pw, f->h, tag == WASI_EVENTTYPE_FD_WRITE);
                continue;
            }
        }
        put_event(out + 32 * nev++, s, err, tag, nbytes);
    }
    return nev;
}

/* Reports what is ready now; if nothing is, blocks in the backend until an fd becomes ready
 * or the earliest clock subscription is due, and looks again. Bad clock ids, bad fds and
 * unknown tags are events carrying their error, as the witx says. */
static wasmcu_err poll_oneoff(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    wasi *w = state(ctx);
    uint32_t n = ARG(2);
    if (n == 0) RET(WASI_EINVAL);
    const uint8_t *in = mem(ctx, ARG(0), (uint64_t)n * 48);
    uint8_t *out = mem(ctx, ARG(1), (uint64_t)n * 32);
    uint8_t *nout = mem(ctx, ARG(3), 4);
    if (!in || !out || !nout) RET(WASI_EFAULT);
    poll_wait pw;
    uint64_t start = 0, now = 0, elapsed = 0;
    /* relative timeouts are measured on the monotonic clock when the backend has one */
    int timed = OPS(w)->clock_time &&
                OPS(w)->clock_time(w->cfg.ctx, WASI_CLOCK_MONOTONIC, &start) == 0;
    uint32_t nev;
    while ((nev = poll_pass(w, in, out, n, elapsed, &pw)) == 0) {
        int e;
        if (pw.n && OPS(w)->wait)
            e = OPS(w)->wait(w->cfg.ctx, pw.h, pw.for_write, pw.n, pw.soonest);
        else if (pw.soonest == UINT64_MAX)
            e = WASI_ENOTSUP; /* fds that never become ready and no way to wait for them */
        else
            e = OPS(w)->sleep ? OPS(w)->sleep(w->cfg.ctx, pw.soonest) : WASI_ENOSYS;
        if (e) RET(e);
        if (timed && OPS(w)->clock_time(w->cfg.ctx, WASI_CLOCK_MONOTONIC, &now) == 0)
            elapsed = now - start;
        else if (pw.soonest != UINT64_MAX)
            elapsed += pw.soonest; /* no clock: trust the wait to have lasted its timeout */
    }
    put32(nout, nev);
    RET(0);
}

/* ---- sockets ---------------------------------------------------------------------------- */

/* Preview1 can only use sockets handed over as preopened fds, and no backend hands any
 * over, so no fd is ever a socket: that is EBADF/ENOTSOCK, not a missing feature. */
static wasmcu_err sock_common(wasmcu_call_ctx *ctx, uint32_t fd, wasmcu_val *results)
{
    wfd *f;
    TRY(lookup(state(ctx), fd, 0, &f));
    RET(WASI_ENOTSOCK);
}

static wasmcu_err sock_accept(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return sock_common(ctx, ARG(0), results);
}

static wasmcu_err sock_recv(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return sock_common(ctx, ARG(0), results);
}

static wasmcu_err sock_send(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return sock_common(ctx, ARG(0), results);
}

static wasmcu_err sock_shutdown(wasmcu_call_ctx *ctx, const wasmcu_val *args, wasmcu_val *results)
{
    return sock_common(ctx, ARG(0), results);
}

/* ---- registration ---------------------------------------------------------------------- */

static const struct {
    const char *name, *sig;
    wasmcu_native_fn fn;
} functions[] = {
    {"args_get", "(ii)i", args_get},
    {"args_sizes_get", "(ii)i", args_sizes_get},
    {"environ_get", "(ii)i", environ_get},
    {"environ_sizes_get", "(ii)i", environ_sizes_get},
    {"clock_res_get", "(ii)i", clock_res_get},
    {"clock_time_get", "(iIi)i", clock_time_get},
    {"fd_advise", "(iIIi)i", fd_advise},
    {"fd_allocate", "(iII)i", fd_allocate},
    {"fd_close", "(i)i", fd_close},
    {"fd_datasync", "(i)i", fd_datasync},
    {"fd_fdstat_get", "(ii)i", fd_fdstat_get},
    {"fd_fdstat_set_flags", "(ii)i", fd_fdstat_set_flags},
    {"fd_fdstat_set_rights", "(iII)i", fd_fdstat_set_rights},
    {"fd_filestat_get", "(ii)i", fd_filestat_get},
    {"fd_filestat_set_size", "(iI)i", fd_filestat_set_size},
    {"fd_filestat_set_times", "(iIIi)i", fd_filestat_set_times},
    {"fd_pread", "(iiiIi)i", fd_pread},
    {"fd_prestat_get", "(ii)i", fd_prestat_get},
    {"fd_prestat_dir_name", "(iii)i", fd_prestat_dir_name},
    {"fd_pwrite", "(iiiIi)i", fd_pwrite},
    {"fd_read", "(iiii)i", fd_read},
    {"fd_readdir", "(iiiIi)i", fd_readdir},
    {"fd_renumber", "(ii)i", fd_renumber},
    {"fd_seek", "(iIii)i", fd_seek},
    {"fd_sync", "(i)i", fd_sync},
    {"fd_tell", "(ii)i", fd_tell},
    {"fd_write", "(iiii)i", fd_write},
    {"path_create_directory", "(iii)i", path_create_directory},
    {"path_filestat_get", "(iiiii)i", path_filestat_get},
    {"path_filestat_set_times", "(iiiiIIi)i", path_filestat_set_times},
    {"path_link", "(iiiiiii)i", path_link},
    {"path_open", "(iiiiiIIii)i", path_open},
    {"path_readlink", "(iiiiii)i", path_readlink},
    {"path_remove_directory", "(iii)i", path_remove_directory},
    {"path_rename", "(iiiiii)i", path_rename},
    {"path_symlink", "(iiiii)i", path_symlink},
    {"path_unlink_file", "(iii)i", path_unlink_file},
    {"poll_oneoff", "(iiii)i", poll_oneoff},
    {"proc_exit", "(i)", proc_exit},
    {"proc_raise", "(i)i", proc_raise},
    {"random_get", "(ii)i", random_get},
    {"sched_yield", "()i", sched_yield},
    {"sock_accept", "(iii)i", sock_accept},
    {"sock_recv", "(iiiiii)i", sock_recv},
    {"sock_send", "(iiiii)i", sock_send},
    {"sock_shutdown", "(ii)i", sock_shutdown},
};

wasmcu_err wasmcu_register_wasi(wasmcu_runtime *rt, const wasmcu_wasi_config *cfg)
{
    if (!cfg || !cfg->ops || cfg->npreopens > WASI_MAX_FDS - 3 || cfg->argc < 0 || cfg->envc < 0)
        return WASMCU_ERR_ARG;
    wasi *w = wasmcu_runtime_alloc(rt, sizeof *w);
    if (!w) return WASMCU_ERR_OOM;
    w->cfg = *cfg;
    for (int i = 0; i < 3; i++) {
        if (cfg->stdio[i] < 0) continue;
        uint8_t type = WASI_FILETYPE_CHARACTER_DEVICE;
        uint16_t flags;
        if (cfg->ops->fdstat) cfg->ops->fdstat(cfg->ctx, cfg->stdio[i], &type, &flags);
        wfd *f = &w->fds[i];
        f->used = 1;
        f->h = cfg->stdio[i];
        f->base = (i == 0 ? WASI_RIGHT_FD_READ : WASI_RIGHT_FD_WRITE) | WASI_RIGHT_FD_FILESTAT_GET |
                  WASI_RIGHT_POLL_FD_READWRITE | WASI_RIGHT_FD_FDSTAT_SET_FLAGS;
        /* a terminal can't seek: wasi-libc's isatty() looks for exactly that */
        if (type == WASI_FILETYPE_REGULAR_FILE) f->base |= WASI_RIGHT_FD_SEEK | WASI_RIGHT_FD_TELL;
    }
    for (uint32_t i = 0; i < cfg->npreopens; i++) {
        const wasmcu_wasi_preopen *p = &cfg->preopens[i];
        wfd *f = &w->fds[3 + i];
        f->used = 1;
        f->dir = 1;
        f->h = p->handle;
        f->name = p->name;
        f->read_only = p->read_only;
        f->base = p->read_only ? READ_RIGHTS : ALL_RIGHTS;
        f->inheriting = p->read_only ? READ_RIGHTS : ALL_RIGHTS;
    }
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
        wasmcu_err err = wasmcu_register_native(rt, "wasi_snapshot_preview1", functions[i].name,
                                                functions[i].sig, functions[i].fn, w);
        if (err) return err;
    }
    return WASMCU_OK;
}
