/* Random WASI calls with hostile arguments: pointers near and past the end of memory, huge
 * lengths, bad fds, rights, flags and whence values, paths built from "..", ".", "/", and
 * names of symlinks that point up. Run by tests/wasi/run_calls.sh under a sandbox with
 * canary files around it: the host must not crash, hang or change anything outside.
 * argv[1] seeds the generator. fds 0-2 are never closed or read so the run stays quiet. */
#include <stdint.h>
#include <string.h>
#define IMP(n) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#n)))
#define F(n, ...) IMP(n) int32_t w_##n(__VA_ARGS__);
typedef int32_t I; typedef int64_t L;
F(args_get, I, I) F(args_sizes_get, I, I) F(environ_get, I, I) F(environ_sizes_get, I, I)
F(clock_res_get, I, I) F(clock_time_get, I, L, I) F(fd_advise, I, L, L, I) F(fd_allocate, I, L, L)
F(fd_close, I) F(fd_datasync, I) F(fd_fdstat_get, I, I) F(fd_fdstat_set_flags, I, I)
F(fd_fdstat_set_rights, I, L, L) F(fd_filestat_get, I, I) F(fd_filestat_set_size, I, L)
F(fd_filestat_set_times, I, L, L, I) F(fd_pread, I, I, I, L, I) F(fd_prestat_get, I, I)
F(fd_prestat_dir_name, I, I, I) F(fd_pwrite, I, I, I, L, I) F(fd_read, I, I, I, I)
F(fd_readdir, I, I, I, L, I) F(fd_renumber, I, I) F(fd_seek, I, L, I, I) F(fd_sync, I)
F(fd_tell, I, I) F(fd_write, I, I, I, I) F(path_create_directory, I, I, I)
F(path_filestat_get, I, I, I, I, I) F(path_filestat_set_times, I, I, I, I, L, L, I)
F(path_link, I, I, I, I, I, I, I) F(path_open, I, I, I, I, I, L, L, I, I)
F(path_readlink, I, I, I, I, I, I) F(path_remove_directory, I, I, I)
F(path_rename, I, I, I, I, I, I) F(path_symlink, I, I, I, I, I) F(path_unlink_file, I, I, I)
F(poll_oneoff, I, I, I, I) F(proc_raise, I) F(random_get, I, I) F(sched_yield, void)
F(sock_accept, I, I, I) F(sock_recv, I, I, I, I, I, I) F(sock_send, I, I, I, I, I)
F(sock_shutdown, I, I)

static uint8_t R[16384]; /* where most pointers point, so calls get past their checks */
static uint64_t s;
static uint32_t rnd(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return (uint32_t)s; }
static uint32_t memsz(void) { return (uint32_t)__builtin_wasm_memory_size(0) * 65536u; }
static I ptr(void)
{
    uint32_t r = rnd() % 100;
    if (r < 75) return (I)(uintptr_t)(R + rnd() % sizeof R);
    if (r < 85) return (I)(memsz() - rnd() % 64);
    if (r < 92) return (I)rnd();
    return (I)(memsz() + rnd() % 64);
}
static I len(void)
{
    uint32_t r = rnd() % 100;
    if (r < 70) return (I)(rnd() % 64);
    if (r < 85) return (I)(rnd() % 4096);
    if (r < 92) return 0;
    return (I)rnd();
}
static I fd(void) { uint32_t r = rnd() % 100; return r < 50 ? 3 : r < 90 ? (I)(rnd() % 10) : (I)rnd(); }
static L big(void) { uint32_t r = rnd() % 4; return r == 0 ? (L)rnd() : r == 1 ? -(L)(rnd() % 100) : r == 2 ? (L)((uint64_t)rnd() << 32 | rnd()) : (L)(rnd() % 100); }
static const char *frag[] = {"a", "b", "l", "..", ".", "", "a/", "m", "n"};
/* a path made of fragments at a random spot in R; returns its pointer, length in *n */
static I path(I *n)
{
    uint32_t at = rnd() % (sizeof R - 256), k = 1 + rnd() % 5, o = 0;
    for (uint32_t i = 0; i < k; i++) {
        const char *f = frag[rnd() % (sizeof frag / sizeof *frag)];
        size_t fl = strlen(f);
        if (i) R[at + o++] = '/';
        memcpy(R + at + o, f, fl);
        o += (uint32_t)fl;
    }
    if (rnd() % 20 == 0) R[at] = '/';
    *n = (I)o;
    if (rnd() % 30 == 0) { *n = len(); }
    return (I)(uintptr_t)(R + at);
}
static void iovs(I at, I n)
{
    uint8_t *p = (uint8_t *)(uintptr_t)at;
    for (I i = 0; i < n && (uint32_t)(at + 8 * i + 8) < (uint32_t)(uintptr_t)(R + sizeof R); i++) {
        uint32_t b = (uint32_t)ptr(), l = (uint32_t)(rnd() % 3 ? rnd() % 128 : (uint32_t)len());
        memcpy(p + 8 * i, &b, 4), memcpy(p + 8 * i + 4, &l, 4);
    }
}
int main(int argc, char **argv)
{
    s = 88172645463325252ull ^ (uint64_t)(argc > 1 ? strlen(argv[1]) * 7919 + (uint8_t)argv[1][0] * 31 + (uint8_t)argv[1][1] : 1);
    for (int i = 1; argc > 1 && argv[1][i]; i++) s = s * 1099511628211ull ^ (uint8_t)argv[1][i];
    for (int it = 0; it < 3000; it++) {
        I n1, n2, p1, p2, iv;
        switch (rnd() % 45) {
        case 0: w_args_get(ptr(), ptr()); break;
        case 1: w_args_sizes_get(ptr(), ptr()); break;
        case 2: w_environ_get(ptr(), ptr()); break;
        case 3: w_environ_sizes_get(ptr(), ptr()); break;
        case 4: w_clock_res_get(rnd() % 3 ? (I)(rnd() % 5) : (I)rnd(), ptr()); break;
        case 5: w_clock_time_get(rnd() % 3 ? (I)(rnd() % 5) : (I)rnd(), big(), ptr()); break;
        case 6: w_fd_advise(fd(), big(), big(), (I)(rnd() % 8)); break;
        case 7: w_fd_allocate(fd(), big() & 0xffff, big() & 0xffff); break;
        case 8: { I f = fd(); if (f > 2) w_fd_close(f); } break;
        case 9: w_fd_datasync(fd()); break;
        case 10: w_fd_fdstat_get(fd(), ptr()); break;
        case 11: w_fd_fdstat_set_flags(fd(), (I)(rnd() % 32) & ~4); break;
        case 12: w_fd_fdstat_set_rights(fd(), big(), big()); break;
        case 13: w_fd_filestat_get(fd(), ptr()); break;
        case 14: w_fd_filestat_set_size(fd(), big() & 0xfffff); break;
        case 15: w_fd_filestat_set_times(fd(), big(), big(), (I)(rnd() % 20)); break;
        case 16: iv = ptr(); n1 = (I)(rnd() % 6); iovs(iv, n1); w_fd_pread(fd(), iv, n1, big(), ptr()); break;
        case 17: w_fd_prestat_get(fd(), ptr()); break;
        case 18: w_fd_prestat_dir_name(fd(), ptr(), len()); break;
        case 19: iv = ptr(); n1 = (I)(rnd() % 6); iovs(iv, n1); w_fd_pwrite(fd(), iv, n1, big() & 0xffff, ptr()); break;
        case 20: { I f = fd(); if (f == 0) break; iv = ptr(); n1 = (I)(rnd() % 6); iovs(iv, n1); w_fd_read(f, iv, n1, ptr()); } break;
        case 21: w_fd_readdir(fd(), ptr(), len(), rnd() % 2 ? 0 : big(), ptr()); break;
        case 22: { I a = fd(), b = fd(); if (a > 2 && b > 2) w_fd_renumber(a, b); } break;
        case 23: w_fd_seek(fd(), big(), (I)(rnd() % 4), ptr()); break;
        case 24: w_fd_sync(fd()); break;
        case 25: w_fd_tell(fd(), ptr()); break;
        case 26: { I f = fd(); if (f == 1 || f == 2) break; iv = ptr(); n1 = (I)(rnd() % 6); iovs(iv, n1); w_fd_write(f, iv, n1, ptr()); } break;
        case 27: p1 = path(&n1); w_path_create_directory(fd(), p1, n1); break;
        case 28: p1 = path(&n1); w_path_filestat_get(fd(), (I)(rnd() % 2), p1, n1, ptr()); break;
        case 29: p1 = path(&n1); w_path_filestat_set_times(fd(), (I)(rnd() % 2), p1, n1, big(), big(), (I)(rnd() % 16)); break;
        case 30: p1 = path(&n1); p2 = path(&n2); w_path_link(fd(), (I)(rnd() % 2), p1, n1, fd(), p2, n2); break;
        case 31: p1 = path(&n1); w_path_open(fd(), (I)(rnd() % 2), p1, n1, (I)(rnd() % 16), rnd() % 4 ? -1 : big(), rnd() % 4 ? -1 : big(), (I)(rnd() % 32) & ~4, ptr()); break;
        case 32: p1 = path(&n1); w_path_readlink(fd(), p1, n1, ptr(), len(), ptr()); break;
        case 33: p1 = path(&n1); w_path_remove_directory(fd(), p1, n1); break;
        case 34: p1 = path(&n1); p2 = path(&n2); w_path_rename(fd(), p1, n1, fd(), p2, n2); break;
        case 35: p1 = path(&n1); p2 = path(&n2); w_path_symlink(p1, n1, fd(), p2, n2); break;
        case 36: p1 = path(&n1); w_path_unlink_file(fd(), p1, n1); break;
        case 37: { /* clocks (some with bad ids or absolute) and fds; timeouts under 1 us */
            I in = (I)(uintptr_t)R, out = (I)(uintptr_t)(R + 4096), n = (I)(1 + rnd() % 4);
            for (I k = 0; k < n; k++) {
                uint8_t *sb = R + 48 * k; memset(sb, 0, 48);
                sb[8] = (uint8_t)(rnd() % 4);
                uint32_t id = rnd() % 3 ? rnd() % 4 : rnd(); memcpy(sb + 16, &id, 4);
                uint64_t t = rnd() % 1000; memcpy(sb + 24, &t, 8);
                if (sb[8] == 0 && rnd() % 4 == 0) { sb[40] = 1; t = 0; memcpy(sb + 24, &t, 8); }
            }
            w_poll_oneoff(in, rnd() % 10 ? out : ptr(), rnd() % 10 ? n : (I)(rnd() % 2 ? 0 : 100000000), ptr());
        } break;
        case 38: w_random_get(ptr(), len()); break;
        case 39: w_sched_yield(); break;
        case 40: w_sock_accept(fd(), (I)rnd(), ptr()); break;
        case 41: w_sock_recv(fd(), ptr(), (I)(rnd() % 4), (I)rnd(), ptr(), ptr()); break;
        case 42: w_sock_send(fd(), ptr(), (I)(rnd() % 4), (I)rnd(), ptr()); break;
        case 43: w_sock_shutdown(fd(), (I)(rnd() % 4)); break;
        case 44: w_proc_raise((I)(rnd() % 3)); break;
        }
    }
    return 0;
}
