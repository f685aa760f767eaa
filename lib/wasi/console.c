/* The device backend of WASI: handles 1 and 2 write to the runtime's console (a UART),
 * handle 0 reads nothing, clocks and random come from the firmware's hooks. There are no
 * files: a program sees no preopens, so it never reaches the path operations. */
#include <string.h>
#include "wasi_abi.h"
#include "wasmcu.h"

static int c_clock(void *ctx, uint32_t clock, uint64_t *ns)
{
    const wasmcu_wasi_console *c = ctx;
    uint64_t (*f)(void) = clock == WASI_CLOCK_REALTIME ? c->realtime_ns : c->monotonic_ns;
    if (!f) return WASI_ENOSYS;
    *ns = f();
    return 0;
}

static int c_clock_res(void *ctx, uint32_t clock, uint64_t *ns)
{
    const wasmcu_wasi_console *c = ctx;
    if (!(clock == WASI_CLOCK_REALTIME ? c->realtime_ns : c->monotonic_ns)) return WASI_ENOSYS;
    *ns = 1000; /* what a microsecond tick gives; the hooks don't say */
    return 0;
}

static int c_random(void *ctx, uint8_t *buf, uint32_t n)
{
    const wasmcu_wasi_console *c = ctx;
    if (!c->random) return WASI_ENOSYS;
    c->random(buf, n);
    return 0;
}

/* A firmware without a sleep hook still has its tick counter: waiting on it costs power,
 * not correctness, so usleep() and timed polls work rather than failing with ENOSYS. */
static int c_sleep(void *ctx, uint64_t ns)
{
    const wasmcu_wasi_console *c = ctx;
    if (c->sleep_ns) {
        c->sleep_ns(ns);
        return 0;
    }
    if (!c->monotonic_ns) return WASI_ENOSYS;
    uint64_t start = c->monotonic_ns();
    while (c->monotonic_ns() - start < ns) {}
    return 0;
}

static int c_read(void *ctx, int32_t h, uint8_t *buf, uint32_t n, uint32_t *got)
{
    (void)ctx, (void)buf, (void)n;
    if (h != 0) return WASI_EBADF;
    *got = 0; /* end of input */
    return 0;
}

static int c_write(void *ctx, int32_t h, const uint8_t *buf, uint32_t n, uint32_t *put)
{
    const wasmcu_wasi_console *c = ctx;
    if (h != 1 && h != 2) return WASI_EBADF;
    wasmcu_console_write(c->rt, (const char *)buf, n);
    *put = n;
    return 0;
}

static int c_fdstat(void *ctx, int32_t h, uint8_t *filetype, uint16_t *fdflags)
{
    (void)ctx, (void)h;
    *filetype = WASI_FILETYPE_CHARACTER_DEVICE;
    *fdflags = h == 0 ? 0 : WASI_FDFLAG_APPEND;
    return 0;
}

/* Both flags already hold on a console: writes go straight to it (always at its end) and
 * reads never wait, so setting or clearing them is accepted and changes nothing. */
static int c_set_fdflags(void *ctx, int32_t h, uint16_t fdflags)
{
    (void)ctx, (void)h, (void)fdflags;
    return 0;
}

static int c_filestat(void *ctx, int32_t h, wasmcu_wasi_filestat *st)
{
    (void)ctx;
    memset(st, 0, sizeof *st);
    st->filetype = WASI_FILETYPE_CHARACTER_DEVICE;
    st->ino = (uint64_t)h;
    st->nlink = 1;
    return 0;
}

static int c_ready(void *ctx, int32_t h, int for_write, uint64_t *nbytes)
{
    (void)ctx, (void)h, (void)for_write;
    *nbytes = 0;
    return 0;
}

const wasmcu_wasi_ops wasmcu_wasi_console_ops = {
    .clock_time = c_clock,
    .clock_res = c_clock_res,
    .random = c_random,
    .sleep = c_sleep,
    .read = c_read,
    .write = c_write,
    .fdstat = c_fdstat,
    .set_fdflags = c_set_fdflags,
    .filestat = c_filestat,
    .ready = c_ready,
};
