/* lib/wasi's ABI layer over a fake backend, with no OS in between: tests/wasi/abi.wat
 * re-exports every WASI import, so each function is called from C with chosen arguments.
 * Checked: every guest pointer out of bounds gives EFAULT with no side effect; a read-only
 * preopen never lets a change reach the backend, whatever the guest asks; poll_oneoff's
 * waiting on a fake clock; the fd table's limits; fd_readdir's cut entries; the console
 * backend (sleeping on the tick hook, stdout to the console); and the RAM file system's
 * limits (full, out of nodes, names too long, escapes).
 * Usage: test_wasi_abi abi.wasm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../unit/check.h"
#include "wasmcu.h"

enum { EBADF_ = 8, EFAULT_ = 21, EINVAL_ = 28, EMFILE_ = 33, EROFS_ = 69, ENOTCAPABLE_ = 76 };
#define RIGHTS_ALL 0x3FFFFFFFull
#define RIGHT_FD_READ (1ull << 1)
#define RIGHT_FD_WRITE (1ull << 6)
/* what wasi-libc asks for a directory: everything but writing (FD_WRITE, ALLOCATE, SET_SIZE) */
#define RIGHTS_DIR (RIGHTS_ALL & ~((1ull << 6) | (1ull << 8) | (1ull << 22)))
#define PIPE 50 /* the fake backend's stdin: ready once the fake clock reaches ready_at */

/* ---- the fake backend: records what reached it, keeps a fake clock ---------------------- */

static struct {
    int mutations; /* calls that would change a file system */
    int opens, sleeps, waits;
    int32_t next_handle;
    uint64_t now, ready_at;
} fk;

static int f_clock(void *c, uint32_t id, uint64_t *ns) { (void)c, (void)id; *ns = fk.now; return 0; }
static int f_sleep(void *c, uint64_t ns) { (void)c; fk.sleeps++; fk.now += ns; return 0; }
static int f_wait(void *c, const int32_t *h, const uint8_t *wr, uint32_t n, uint64_t timeout)
{
    (void)c, (void)h, (void)wr, (void)n;
    fk.waits++;
    if (timeout == UINT64_MAX && fk.ready_at == UINT64_MAX) return 27; /* would hang: EINTR */
    uint64_t until = fk.now + timeout < fk.ready_at ? fk.now + timeout : fk.ready_at;
    if (timeout == UINT64_MAX) until = fk.ready_at;
    if (until > fk.now) fk.now = until;
    return 0;
}
static int f_ready(void *c, int32_t h, int for_write, uint64_t *nbytes)
{
    (void)c, (void)for_write;
    *nbytes = 0;
    return h == PIPE && fk.now < fk.ready_at ? -1 : 0;
}
static int f_random(void *c, uint8_t *b, uint32_t n) { (void)c; memset(b, 0x5A, n); return 0; }
static int f_read(void *c, int32_t h, uint8_t *b, uint32_t n, uint32_t *got)
{
    (void)c, (void)h;
    memset(b, 'x', n);
    *got = n;
    return 0;
}
static int f_write(void *c, int32_t h, const uint8_t *b, uint32_t n, uint32_t *put)
{
    (void)c, (void)h, (void)b;
    fk.mutations++;
    *put = n;
    return 0;
}
static int f_pread(void *c, int32_t h, uint8_t *b, uint32_t n, uint64_t at, uint32_t *got)
{
    (void)at;
    return f_read(c, h, b, n, got);
}
static int f_pwrite(void *c, int32_t h, const uint8_t *b, uint32_t n, uint64_t at, uint32_t *put)
{
    (void)at;
    return f_write(c, h, b, n, put);
}
static int f_seek(void *c, int32_t h, int64_t off, uint8_t wh, uint64_t *pos)
{
    (void)c, (void)h;
    if (off != 0 || wh != 1) fk.mutations++; /* moves the position (a tell doesn't) */
    *pos = (uint64_t)off;
    return 0;
}
static int f_close(void *c, int32_t h) { (void)c, (void)h; return 0; }
/* handles from 200 on are directories, from 100 files, 0..2 and PIPE character devices */
static int f_fdstat(void *c, int32_t h, uint8_t *type, uint16_t *flags)
{
    (void)c;
    *type = h >= 200 ? 3 : h >= 100 ? 4 : 2;
    *flags = 0;
    return 0;
}
static int f_change(void *c, int32_t h) { (void)c, (void)h; fk.mutations++; return 0; }
static int f_set_size(void *c, int32_t h, uint64_t size) { (void)size; return f_change(c, h); }
static int f_set_times(void *c, int32_t h, uint64_t a, uint64_t m, uint16_t fl)
{
    (void)a, (void)m, (void)fl;
    return f_change(c, h);
}
static int f_allocate(void *c, int32_t h, uint64_t o, uint64_t l) { (void)o, (void)l; return f_change(c, h); }
static int f_filestat(void *c, int32_t h, wasmcu_wasi_filestat *st)
{
    (void)c;
    memset(st, 0, sizeof *st);
    st->filetype = h >= 200 ? 3 : 4;
    st->size = 1234;
    return 0;
}
/* three entries, "a", "bb", "ccc", with cookies 1, 2, 3 */
static int f_readdir(void *c, int32_t h, uint64_t cookie, uint64_t *next, uint64_t *ino,
                     uint8_t *type, char *name, uint32_t cap, uint32_t *len)
{
    (void)c, (void)h, (void)cap;
    *len = 0;
    if (cookie >= 3) return 0;
    *next = cookie + 1, *ino = 70 + cookie, *type = 4, *len = (uint32_t)cookie + 1;
    memset(name, 'a' + (int)cookie, *len);
    return 0;
}
/* a path starting with 'd' opens a directory, anything else a file */
static int f_open(void *c, int32_t dir, const char *path, uint32_t len, int follow, uint16_t oflags,
                  uint16_t fdflags, int writable, int32_t *h)
{
    (void)c, (void)dir, (void)follow, (void)fdflags;
    fk.opens++;
    if (writable || (oflags & 9)) fk.mutations++; /* O_CREAT, O_TRUNC */
    *h = (len && path[0] == 'd' ? 200 : 100) + fk.next_handle++;
    return 0;
}
static int f_stat(void *c, int32_t dir, const char *p, uint32_t len, int follow, wasmcu_wasi_filestat *st)
{
    (void)p, (void)len, (void)follow;
    return f_filestat(c, dir, st);
}
static int f_utimes(void *c, int32_t dir, const char *p, uint32_t len, int follow, uint64_t a,
                    uint64_t m, uint16_t fl)
{
    (void)p, (void)len, (void)follow, (void)a, (void)m, (void)fl;
    return f_change(c, dir);
}
static int f_path(void *c, int32_t dir, const char *p, uint32_t len) { (void)p, (void)len; return f_change(c, dir); }
static int f_rename(void *c, int32_t d, const char *p, uint32_t l, int32_t d2, const char *t, uint32_t tl)
{
    (void)d2, (void)t, (void)tl;
    return f_path(c, d, p, l);
}
static int f_link(void *c, int32_t d, const char *p, uint32_t l, int fo, int32_t d2, const char *t, uint32_t tl)
{
    (void)fo;
    return f_rename(c, d, p, l, d2, t, tl);
}
static int f_symlink(void *c, const char *t, uint32_t tl, int32_t d, const char *p, uint32_t l)
{
    (void)t, (void)tl;
    return f_path(c, d, p, l);
}
static int f_readlink(void *c, int32_t d, const char *p, uint32_t l, char *buf, uint32_t cap, uint32_t *used)
{
    (void)c, (void)d, (void)p, (void)l;
    *used = cap < 6 ? cap : 6;
    memcpy(buf, "target", *used);
    return 0;
}

static const wasmcu_wasi_ops fake_ops = {
    .clock_time = f_clock, .clock_res = f_clock, .random = f_random, .sleep = f_sleep,
    .read = f_read, .write = f_write, .pread = f_pread, .pwrite = f_pwrite, .seek = f_seek,
    .close = f_close, .fdstat = f_fdstat, .filestat = f_filestat, .set_size = f_set_size,
    .set_times = f_set_times, .allocate = f_allocate, .readdir = f_readdir, .open = f_open,
    .stat = f_stat, .utimes = f_utimes, .mkdir = f_path, .rmdir = f_path, .unlink = f_path,
    .rename = f_rename, .link = f_link, .symlink = f_symlink, .readlink = f_readlink,
    .ready = f_ready, .wait = f_wait,
};

/* ---- calling WASI from C ----------------------------------------------------------------- */

static wasmcu_instance *inst;
static uint8_t *M; /* linear memory */
static uint32_t MSIZE;

static int32_t call(const char *name, int n, const wasmcu_val *a)
{
    wasmcu_func *f = wasmcu_find_func(inst, name);
    wasmcu_val r = 0;
    if (!f || wasmcu_func_param_count(f) != (uint32_t)n) {
        printf("FAIL: %s: no such export or %d is the wrong count\n", name, n);
        failures++;
        return -1;
    }
    wasmcu_err err = wasmcu_call(inst, f, a, (uint32_t)n, &r, 1);
    if (err) {
        printf("FAIL: %s trapped: %s\n", name, wasmcu_err_str(err));
        failures++;
        return -1;
    }
    return wasmcu_as_i32(r);
}
#define CALL(name, ...) call(name, (int)(sizeof((wasmcu_val[]){__VA_ARGS__}) / sizeof(wasmcu_val)), \
                             (wasmcu_val[]){__VA_ARGS__})
#define CALL0(name) call(name, 0, NULL)

static uint32_t rd32(uint32_t p) { uint32_t v; memcpy(&v, M + p, 4); return v; }
static uint64_t rd64(uint32_t p) { uint64_t v; memcpy(&v, M + p, 8); return v; }
static void wr32(uint32_t p, uint32_t v) { memcpy(M + p, &v, 4); }
static void wr64(uint32_t p, uint64_t v) { memcpy(M + p, &v, 8); }

/* guest addresses the tests use */
enum { PATH = 1024, PATH2 = 1040, OUT = 2048, OUT2 = 2600, IOV = 3072, BUF = 4096, SUBS = 8192, EVS = 12288 };

static int32_t open_at(uint32_t dirfd, const char *path, uint32_t oflags, uint64_t rights, uint32_t fdflags)
{
    memcpy(M + PATH, path, strlen(path));
    int32_t e = CALL("path_open", dirfd, 0, PATH, strlen(path), oflags, rights, rights, fdflags, OUT);
    return e ? -e : (int32_t)rd32(OUT);
}

static wasmcu_runtime *start(wasmcu_runtime *rt, const uint8_t *wasm, size_t n, wasmcu_module **mod)
{
    if (wasmcu_load(rt, wasm, n, mod) || wasmcu_instantiate(rt, *mod, NULL, &inst)) {
        printf("FAIL: %s\n", wasmcu_last_error(rt));
        exit(1);
    }
    M = wasmcu_memory_ptr(inst, 0, 1);
    MSIZE = wasmcu_memory_size(inst);
    return rt;
}

/* ---- the checks ------------------------------------------------------------------------- */

/* Every pointer argument, in turn, straddling the end of memory: EFAULT, nothing changed. */
static void efault_sweep(int32_t file, int32_t dir)
{
    static const char *const path = "file";
    memcpy(M + PATH, path, 4);
    memcpy(M + PATH2, "other", 5);
    wr32(IOV, BUF), wr32(IOV + 4, 16);
    memset(M + SUBS, 0, 48); /* one relative clock subscription of 0 ns */
    const uint32_t F = (uint32_t)file, D = (uint32_t)dir;
    struct { const char *name; int n; wasmcu_val a[9]; int ptrs[3]; } t[] = {
        {"args_get", 2, {OUT, OUT2}, {0, 1, -1}},
        {"args_sizes_get", 2, {OUT, OUT2}, {0, 1, -1}},
        {"environ_get", 2, {OUT, OUT2}, {0, 1, -1}},
        {"environ_sizes_get", 2, {OUT, OUT2}, {0, 1, -1}},
        {"clock_res_get", 2, {1, OUT}, {1, -1}},
        {"clock_time_get", 3, {1, 0, OUT}, {2, -1}},
        {"fd_fdstat_get", 2, {F, OUT}, {1, -1}},
        {"fd_filestat_get", 2, {F, OUT}, {1, -1}},
        {"fd_pread", 5, {F, IOV, 1, 0, OUT}, {1, 4, -1}},
        {"fd_prestat_get", 2, {3, OUT}, {1, -1}},
        {"fd_prestat_dir_name", 3, {3, OUT, 8}, {1, -1}},
        {"fd_pwrite", 5, {F, IOV, 1, 0, OUT}, {1, 4, -1}},
        {"fd_read", 4, {F, IOV, 1, OUT}, {1, 3, -1}},
        {"fd_readdir", 5, {D, OUT, 256, 0, OUT2}, {1, 4, -1}},
        {"fd_seek", 4, {F, 0, 0, OUT}, {3, -1}},
        {"fd_tell", 2, {F, OUT}, {1, -1}},
        {"fd_write", 4, {F, IOV, 1, OUT}, {1, 3, -1}},
        {"path_create_directory", 3, {3, PATH, 4}, {1, -1}},
        {"path_filestat_get", 5, {3, 0, PATH, 4, OUT}, {2, 4, -1}},
        {"path_filestat_set_times", 7, {3, 0, PATH, 4, 0, 0, 0}, {2, -1}},
        {"path_link", 7, {3, 0, PATH, 4, 3, PATH2, 5}, {2, 5, -1}},
        {"path_open", 9, {3, 0, PATH, 4, 1, RIGHTS_ALL, RIGHTS_ALL, 0, OUT}, {2, 8, -1}},
        {"path_readlink", 6, {3, PATH, 4, OUT, 64, OUT2}, {1, 3, 5}},
        {"path_remove_directory", 3, {3, PATH, 4}, {1, -1}},
        {"path_rename", 6, {3, PATH, 4, 3, PATH2, 5}, {1, 4, -1}},
        {"path_symlink", 5, {PATH, 4, 3, PATH2, 5}, {0, 3, -1}},
        {"path_unlink_file", 3, {3, PATH, 4}, {1, -1}},
        {"poll_oneoff", 4, {SUBS, EVS, 1, OUT}, {0, 1, 3}},
        {"random_get", 2, {OUT, 16}, {0, -1}},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        /* the call is valid as it stands */
        int32_t ok = call(t[i].name, t[i].n, t[i].a);
        if (ok != 0) printf("FAIL: %s with good arguments: errno %d\n", t[i].name, (int)ok), failures++;
        if (!ok && strcmp(t[i].name, "path_open") == 0) CALL("fd_close", rd32(OUT));
        for (int k = 0; k < 3 && t[i].ptrs[k] >= 0; k++) {
            wasmcu_val a[9];
            memcpy(a, t[i].a, sizeof a);
            a[t[i].ptrs[k]] = MSIZE - 2; /* every access there is at least 4 bytes */
            int before = fk.mutations, opens = fk.opens;
            int32_t e = call(t[i].name, t[i].n, a);
            if (e != EFAULT_ || fk.mutations != before || fk.opens != opens) {
                printf("FAIL: %s with argument %d out of bounds: errno %d, %d changes, %d opens\n",
                       t[i].name, t[i].ptrs[k], (int)e, fk.mutations - before, fk.opens - opens);
                failures++;
            }
        }
    }
    /* an iovec array in bounds whose second buffer is not: nothing moves */
    wr32(IOV + 8, MSIZE - 4), wr32(IOV + 12, 8);
    int before = fk.mutations;
    CHECK(CALL("fd_write", F, IOV, 2, OUT) == EFAULT_ && fk.mutations == before);
    CHECK(CALL("fd_pwrite", F, IOV, 2, 0, OUT) == EFAULT_ && fk.mutations == before);
    memset(M + BUF, 0, 16);
    CHECK(CALL("fd_read", F, IOV, 2, OUT) == EFAULT_ && M[BUF] == 0);
    /* a length that wraps around the address space */
    CHECK(CALL("random_get", 8, 0xFFFFFFFCu) == EFAULT_);
    CHECK(CALL("fd_write", F, IOV, 0x20000000u, OUT) == EFAULT_);
}

/* Whatever a guest asks of a read-only preopen (fd 4), no change reaches the backend. */
static void read_only(void)
{
    int before = fk.mutations;
    CHECK(open_at(4, "f", 1, RIGHT_FD_READ, 0) < 0);                 /* O_CREAT */
    CHECK(open_at(4, "f", 8, RIGHT_FD_READ, 0) < 0);                 /* O_TRUNC */
    CHECK(open_at(4, "f", 0, RIGHT_FD_READ, 1) == -EROFS_);          /* append */
    int32_t ro = open_at(4, "f", 0, RIGHTS_ALL, 0);                  /* asks for every right */
    CHECK(ro > 0);
    int32_t rodir = open_at(4, "dsub", 2, RIGHTS_ALL, 0);
    CHECK(rodir > 0);
    CHECK(fk.mutations == before);
    memcpy(M + PATH, "f", 1);
    wr32(IOV, BUF), wr32(IOV + 4, 4);
    uint32_t r = (uint32_t)ro, d = (uint32_t)rodir;
    CHECK(CALL("fd_write", r, IOV, 1, OUT) == ENOTCAPABLE_);
    CHECK(CALL("fd_pwrite", r, IOV, 1, 0, OUT) == ENOTCAPABLE_);
    CHECK(CALL("fd_filestat_set_size", r, 0) == ENOTCAPABLE_);
    CHECK(CALL("fd_filestat_set_times", r, 0, 0, 10) == ENOTCAPABLE_);
    CHECK(CALL("fd_allocate", r, 0, 10) == ENOTCAPABLE_);
    CHECK(CALL("fd_fdstat_set_rights", r, RIGHTS_ALL, RIGHTS_ALL) == ENOTCAPABLE_);
    const uint32_t dirs[] = {4, d}; /* the preopen, then a directory opened below it */
    for (int i = 0; i < 2; i++) {
        uint32_t dir = dirs[i];
        CHECK(CALL("path_create_directory", dir, PATH, 1) == ENOTCAPABLE_);
        CHECK(CALL("path_remove_directory", dir, PATH, 1) == ENOTCAPABLE_);
        CHECK(CALL("path_unlink_file", dir, PATH, 1) == ENOTCAPABLE_);
        CHECK(CALL("path_filestat_set_times", dir, 0, PATH, 1, 0, 0, 10) == ENOTCAPABLE_);
        CHECK(CALL("path_symlink", PATH, 1, dir, PATH, 1) == ENOTCAPABLE_);
        CHECK(CALL("path_rename", dir, PATH, 1, 3, PATH, 1) == ENOTCAPABLE_); /* out of it */
        CHECK(CALL("path_rename", 3, PATH, 1, dir, PATH, 1) == ENOTCAPABLE_); /* into it */
        CHECK(CALL("path_link", dir, 0, PATH, 1, 3, PATH, 1) == ENOTCAPABLE_);
        CHECK(CALL("path_link", 3, 0, PATH, 1, dir, PATH, 1) == ENOTCAPABLE_);
        CHECK(open_at(dir, "g", 1, RIGHT_FD_READ, 0) < 0);
    }
    CHECK(fk.mutations == before);
    CHECK(CALL("fd_close", r) == 0 && CALL("fd_close", d) == 0);
}

/* Subscription i: userdata 100+i; a clock (id, timeout, absolute) or an fd read. */
static void sub_clock(int i, uint32_t id, uint64_t timeout, int abs)
{
    uint32_t s = SUBS + 48u * (uint32_t)i;
    memset(M + s, 0, 48);
    wr64(s, 100u + (uint32_t)i);
    wr32(s + 16, id), wr64(s + 24, timeout), M[s + 40] = (uint8_t)abs;
}
static void sub_read(int i, uint32_t fd)
{
    uint32_t s = SUBS + 48u * (uint32_t)i;
    memset(M + s, 0, 48);
    wr64(s, 100u + (uint32_t)i);
    M[s + 8] = 1, wr32(s + 16, fd);
}
/* the one event poll_oneoff reported: userdata, error and type must be these */
static int one_event(int32_t ret, uint64_t userdata, int err, int type)
{
    return ret == 0 && rd32(OUT) == 1 && rd64(EVS) == userdata && M[EVS + 8] == err &&
           M[EVS + 10] == type;
}

static void check_poll(void)
{
    fk.now = 1000000, fk.ready_at = UINT64_MAX;
    sub_clock(0, 1, 5000000, 0); /* 5 ms */
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 1, OUT), 100, 0, 0) && fk.now >= 6000000);
    fk.ready_at = fk.now + 3000000; /* stdin gets data in 3 ms, the clock says 10 */
    sub_read(0, 0), sub_clock(1, 1, 10000000, 0);
    uint64_t t0 = fk.now;
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 2, OUT), 100, 0, 1));
    CHECK(fk.now - t0 == 3000000 && fk.waits > 0);
    fk.ready_at = UINT64_MAX; /* never: the 2 ms clock wins */
    sub_read(0, 0), sub_clock(1, 1, 2000000, 0);
    t0 = fk.now;
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 2, OUT), 101, 0, 0) && fk.now - t0 >= 2000000);
    sub_clock(0, 0, fk.now + 1000000, 1); /* absolute, 1 ms from now */
    t0 = fk.now;
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 1, OUT), 100, 0, 0) && fk.now - t0 == 1000000);
    sub_clock(0, 9, 1000, 0); /* no such clock */
    t0 = fk.now;
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 1, OUT), 100, EINVAL_, 0) && fk.now == t0);
    sub_read(0, 77); /* no such fd */
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 1, OUT), 100, EBADF_, 1));
    CHECK(CALL("poll_oneoff", SUBS, EVS, 0, OUT) == EINVAL_);
    /* events written over the subscriptions, even overlapping by a byte (under ASan this
     * was a memcpy of overlapping ranges): the guest's own business, never the host's */
    for (uint32_t shift = 0; shift < 9; shift++) {
        sub_clock(0, 1, 0, 0), sub_clock(1, 9, 0, 0), sub_read(2, 77);
        CHECK(CALL("poll_oneoff", SUBS, SUBS + shift, 3, OUT) == 0 && rd32(OUT) == 3);
    }
}

/* 32 slots: stdio and the two preopens, then opens until EMFILE; a close frees one. */
static void fd_table(void)
{
    int32_t fds[40], n = 0, e;
    while (n < 40 && (e = open_at(3, "f", 0, RIGHT_FD_READ, 0)) > 0) fds[n++] = e;
    CHECK(n == 32 - 5 && e == -EMFILE_);
    CHECK(CALL("fd_close", (uint32_t)fds[7]) == 0);
    CHECK(open_at(3, "f", 0, RIGHT_FD_READ, 0) == fds[7]);
    CHECK(CALL("fd_close", (uint32_t)fds[7]) == 0 && CALL("fd_close", (uint32_t)fds[7]) == EBADF_);
    CHECK(CALL("fd_renumber", (uint32_t)fds[0], (uint32_t)fds[1]) == 0);
    CHECK(CALL("fd_close", (uint32_t)fds[0]) == EBADF_);
    for (int i = 1; i < n; i++) if (i != 7) CHECK(CALL("fd_close", (uint32_t)fds[i]) == 0);
}

/* Entries are 24 bytes then the name; a buffer too small gets the entry cut, filled whole. */
static void check_readdir(int32_t dir)
{
    memset(M + OUT, 0xEE, 200);
    CHECK(CALL("fd_readdir", (uint32_t)dir, OUT, 200, 0, OUT2) == 0 && rd32(OUT2) == 3 * 24 + 6);
    CHECK(rd64(OUT) == 1 && rd64(OUT + 8) == 70 && rd32(OUT + 16) == 1 && M[OUT + 20] == 4 && M[OUT + 24] == 'a');
    CHECK(rd64(OUT + 25) == 2 && memcmp(M + OUT + 25 + 24, "bb", 2) == 0);
    CHECK(CALL("fd_readdir", (uint32_t)dir, OUT, 30, 0, OUT2) == 0 && rd32(OUT2) == 30);
    CHECK(CALL("fd_readdir", (uint32_t)dir, OUT, 200, 2, OUT2) == 0 && rd32(OUT2) == 24 + 3 && rd64(OUT) == 3);
    CHECK(CALL("fd_readdir", (uint32_t)dir, OUT, 200, 3, OUT2) == 0 && rd32(OUT2) == 0);
}

static void strings(void)
{
    CHECK(CALL("args_sizes_get", OUT, OUT2) == 0 && rd32(OUT) == 2 && rd32(OUT2) == 9);
    CHECK(CALL("args_get", OUT, BUF) == 0 && rd32(OUT) == BUF && rd32(OUT + 4) == BUF + 5 &&
          memcmp(M + BUF, "prog\0arg\0", 9) == 0);
    CHECK(CALL("environ_sizes_get", OUT, OUT2) == 0 && rd32(OUT) == 1 && rd32(OUT2) == 4);
    CHECK(CALL("environ_get", OUT, BUF) == 0 && memcmp(M + BUF, "K=v\0", 4) == 0);
    CHECK(CALL("fd_prestat_get", 4, OUT) == 0 && M[OUT] == 0 && rd32(OUT + 4) == 3);
    CHECK(CALL("fd_prestat_dir_name", 4, OUT, 3) == 0 && memcmp(M + OUT, "/ro", 3) == 0);
    CHECK(CALL("fd_prestat_dir_name", 4, OUT, 2) != 0);
    CHECK(CALL("fd_prestat_get", 0, OUT) == EBADF_);
    CHECK(CALL("proc_raise", 6) != 0 && CALL0("sched_yield") == 0);
    CHECK(CALL("sock_shutdown", 1, 2) == 57 && CALL("sock_shutdown", 30, 2) == EBADF_);
}

/* ---- the console backend ---------------------------------------------------------------- */

static char console_out[64];
static size_t console_len;
static uint64_t ticks;
static int tick_calls;
static uint64_t slept;
static void to_console(void *user, const char *s, size_t n)
{
    (void)user;
    if (console_len + n < sizeof console_out) memcpy(console_out + console_len, s, n), console_len += n;
}
static uint64_t tick(void) { tick_calls++; return ticks += 1000; }
static void fill(uint8_t *buf, uint32_t n) { memset(buf, 7, n); }
static void sleep_hook(uint64_t ns) { slept += ns, ticks += ns; } /* time passes */

static void console(const uint8_t *wasm, size_t n)
{
    static uint64_t pool[64 * 1024];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    wasmcu_set_console(rt, to_console, NULL);
    static wasmcu_wasi_console con;
    con.rt = rt;
    con.monotonic_ns = tick;
    const wasmcu_wasi_config cfg = {.ops = &wasmcu_wasi_console_ops, .ctx = &con, .stdio = {0, 1, 2}};
    CHECK(wasmcu_register_wasi(rt, &cfg) == WASMCU_OK);
    wasmcu_module *mod;
    start(rt, wasm, n, &mod);
    memcpy(M + BUF, "hi\n", 3);
    wr32(IOV, BUF), wr32(IOV + 4, 3);
    CHECK(CALL("fd_write", 1, IOV, 1, OUT) == 0 && rd32(OUT) == 3);
    CHECK(console_len == 3 && memcmp(console_out, "hi\n", 3) == 0);
    CHECK(CALL("fd_read", 0, IOV, 1, OUT) == 0 && rd32(OUT) == 0);
    CHECK(CALL("fd_fdstat_set_flags", 0, 4) == 0 && CALL("fd_fdstat_set_flags", 1, 1) == 0);
    CHECK(CALL("fd_prestat_get", 3, OUT) == EBADF_ && open_at(3, "f", 0, RIGHT_FD_READ, 0) == -EBADF_);
    sub_clock(0, 1, 1000000, 0); /* 1 ms, spinning on the tick: 1 us a call */
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 1, OUT), 100, 0, 0) && tick_calls >= 1000);
    con.sleep_ns = sleep_hook;
    CHECK(one_event(CALL("poll_oneoff", SUBS, EVS, 1, OUT), 100, 0, 0) && slept == 1000000);
    /* with the hooks given, no call a program can make on stdio answers ENOSYS */
    con.realtime_ns = tick, con.random = fill;
    memset(M + SUBS, 0, 48);
    M[SUBS + 8] = 2; /* fd_write on fd 1 */
    wr32(SUBS + 16, 1);
    for (uint32_t fd = 0; fd < 3; fd++) {
        wr32(IOV, BUF), wr32(IOV + 4, 1);
        int32_t r[] = {
            CALL("fd_advise", fd, 0, 1, 0), CALL("fd_allocate", fd, 0, 1), CALL("fd_datasync", fd),
            CALL("fd_fdstat_get", fd, OUT), CALL("fd_fdstat_set_flags", fd, 0),
            CALL("fd_filestat_get", fd, OUT), CALL("fd_filestat_set_size", fd, 0),
            CALL("fd_filestat_set_times", fd, 0, 0, 2), CALL("fd_pread", fd, IOV, 1, 0, OUT),
            CALL("fd_pwrite", fd, IOV, 1, 0, OUT), CALL("fd_read", fd, IOV, 1, OUT),
            CALL("fd_readdir", fd, OUT, 64, 0, OUT2), CALL("fd_seek", fd, 0, 0, OUT),
            CALL("fd_sync", fd), CALL("fd_tell", fd, OUT), CALL("fd_write", fd, IOV, 1, OUT),
            CALL("clock_res_get", fd, OUT), CALL("clock_time_get", fd, 0, OUT),
            CALL("random_get", OUT, 8), CALL("poll_oneoff", SUBS, EVS, 1, OUT),
            CALL("path_open", fd, 0, PATH, 1, 0, 0, 0, 0, OUT), CALL("sock_shutdown", fd, 1),
        };
        for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
            if (r[i] == 52) printf("FAIL: console call %u on fd %u: ENOSYS\n", (unsigned)i, (unsigned)fd), failures++;
    }
    con.monotonic_ns = NULL, con.sleep_ns = NULL, con.realtime_ns = NULL, con.random = NULL;
    CHECK(CALL("clock_time_get", 1, 0, OUT) == 52); /* ENOSYS: no hook */
    CHECK(CALL("random_get", OUT, 4) == 52);
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
}

/* ---- the RAM file system's limits ------------------------------------------------------ */

static int32_t path_call(const char *name, uint32_t dirfd, const char *path)
{
    memcpy(M + PATH, path, strlen(path));
    return CALL(name, dirfd, PATH, strlen(path));
}

static void ramfs(const uint8_t *wasm, size_t n)
{
    static uint64_t pool[64 * 1024], disk[8192 / 8];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    static wasmcu_wasi_console con;
    con.rt = rt;
    CHECK(wasmcu_wasi_ramfs_init(disk, 100, &con) == NULL); /* too small to hold anything */
    wasmcu_wasi_ramfs *fs = wasmcu_wasi_ramfs_init((uint8_t *)disk + 1, sizeof disk - 1, &con);
    CHECK(fs != NULL);
    const wasmcu_wasi_preopen pre = {wasmcu_wasi_ramfs_root(fs), "/", 0};
    const wasmcu_wasi_config cfg = {.ops = &wasmcu_wasi_ramfs_ops, .ctx = fs, .stdio = {0, 1, 2},
                                    .npreopens = 1, .preopens = &pre};
    CHECK(wasmcu_register_wasi(rt, &cfg) == WASMCU_OK);
    wasmcu_module *mod;
    start(rt, wasm, n, &mod);
    /* fill it: writes get short, then ENOSPC; the space comes back after an unlink */
    int32_t f = open_at(3, "fill", 1, RIGHTS_ALL, 0);
    CHECK(f > 0);
    memset(M + BUF, 'z', 1000);
    wr32(IOV, BUF), wr32(IOV + 4, 1000);
    uint32_t total = 0;
    int32_t e = 0;
    while (total < 100000 && (e = CALL("fd_write", (uint32_t)f, IOV, 1, OUT)) == 0) total += rd32(OUT);
    CHECK(e == 51 && total > 4000 && total < 8192); /* ENOSPC, after most of the 8 KiB */
    CHECK(CALL("fd_filestat_get", (uint32_t)f, OUT) == 0 && rd64(OUT + 32) == total);
    CHECK(CALL("fd_close", (uint32_t)f) == 0 && path_call("path_unlink_file", 3, "fill") == 0);
    f = open_at(3, "again", 1, RIGHTS_ALL, 0);
    CHECK(f > 0 && CALL("fd_write", (uint32_t)f, IOV, 1, OUT) == 0 && rd32(OUT) == 1000);
    CHECK(CALL("fd_close", (uint32_t)f) == 0);
    /* names, escapes, links */
    CHECK(path_call("path_create_directory", 3, "../up") == ENOTCAPABLE_);
    CHECK(path_call("path_create_directory", 3, "/abs") == ENOTCAPABLE_);
    CHECK(path_call("path_create_directory", 3, "d/../../up") == 44); /* ENOENT: d is missing */
    CHECK(path_call("path_create_directory", 3, "d") == 0);
    CHECK(path_call("path_create_directory", 3, "d/../../up") == ENOTCAPABLE_);
    CHECK(path_call("path_create_directory", 3, "a-name-of-thirty-two-bytes-long!") == 37);
    CHECK(CALL("path_symlink", PATH, 1, 3, PATH2, 1) == 58); /* ENOTSUP */
    /* a directory removed while open takes no new names */
    CHECK(open_at(3, "d", 2, RIGHTS_ALL, 0) == -31); /* EISDIR: not for writing */
    int32_t d = open_at(3, "d", 2, RIGHTS_DIR, 0);
    CHECK(d > 0 && path_call("path_remove_directory", 3, "d") == 0);
    CHECK(path_call("path_create_directory", (uint32_t)d, "x") == 44);
    CHECK(CALL("fd_close", (uint32_t)d) == 0);
    /* nodes run out before blocks when files are empty */
    int made = 0;
    char name[8];
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "n%d", i);
        if (path_call("path_create_directory", 3, name) != 0) break;
        made++;
    }
    CHECK(made > 0 && made < 100);
    /* a program that leaves files open, then the next one: close_all frees every handle
     * and the space of a file unlinked while open */
    int32_t left[20];
    int nleft = 0;
    while (nleft < 20 && (left[nleft] = open_at(3, "again", 0, RIGHT_FD_READ, 0)) > 0) nleft++;
    CHECK(nleft == 15 && left[15] == -41); /* ENFILE: the file system's 15 handles */
    CHECK(path_call("path_unlink_file", 3, "again") == 0);
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
    wasmcu_wasi_ramfs_close_all(fs);
    rt = wasmcu_init(pool, sizeof pool);
    con.rt = rt;
    CHECK(wasmcu_register_wasi(rt, &cfg) == WASMCU_OK);
    start(rt, wasm, n, &mod);
    nleft = 0;
    while (nleft < 20 && open_at(3, "f", 1, RIGHTS_ALL, 0) > 0) nleft++;
    CHECK(nleft == 15);
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
}

int main(int argc, char **argv)
{
    if (argc != 2) return 2;
    FILE *f = fopen(argv[1], "rb");
    static uint8_t wasm[16384];
    size_t n = f ? fread(wasm, 1, sizeof wasm, f) : 0;
    if (f) fclose(f);
    if (!n) return printf("cannot read %s\n", argv[1]), 1;

    static uint64_t pool[256 * 1024];
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    static const char *const args[] = {"prog", "arg"};
    static const char *const env[] = {"K=v"};
    static const wasmcu_wasi_preopen pre[] = {{199, "/sandbox", 0}, {198, "/ro", 1}};
    const wasmcu_wasi_config cfg = {.ops = &fake_ops, .argc = 2, .argv = args, .envc = 1,
                                    .env = env, .stdio = {PIPE, 1, 2}, .npreopens = 2,
                                    .preopens = pre};
    CHECK(wasmcu_register_wasi(rt, &cfg) == WASMCU_OK);
    wasmcu_module *mod;
    start(rt, wasm, n, &mod);
    int32_t file = open_at(3, "file", 1, RIGHTS_ALL, 0), dir = open_at(3, "dir", 2, RIGHTS_DIR, 0);
    CHECK(file > 0 && dir > 0);
    efault_sweep(file, dir);
    read_only();
    check_poll();
    check_readdir(dir);
    strings();
    CHECK(CALL("fd_close", (uint32_t)file) == 0 && CALL("fd_close", (uint32_t)dir) == 0);
    fd_table();
    wasmcu_deinstantiate(inst);
    wasmcu_unload(mod);
    wasmcu_destroy(rt);
    console(wasm, n);
    ramfs(wasm, n);
    printf("%s: %d failures\n", argv[0], failures);
    return failures != 0;
}
