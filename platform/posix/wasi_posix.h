/* WASI on a POSIX host: real files below preopened directories, sandboxed (wasi_posix.c). */
#ifndef WASMCU_WASI_POSIX_H
#define WASMCU_WASI_POSIX_H
#include "wasmcu.h"

/* The operations. Handles are file descriptors. Their ctx may be NULL, or a zeroed
 * wasmcu_wasi_posix, which keeps the last fd_readdir's directory stream open so a listing
 * reads the directory once (without it each call skips from the start; 20 000 entries:
 * 15 ms with it), remembers stdio's flags so they can be put back, and the fds the program
 * opened so they can be closed. */
extern const wasmcu_wasi_ops wasmcu_wasi_posix_ops;
typedef struct wasmcu_wasi_posix {
    void *dir;       /* a DIR * on a dup of handle h, at entry number cookie; NULL: none */
    int32_t h;
    uint64_t cookie;
    /* the entry before cookie, again: fd_readdir cuts the last entry that doesn't fit, and
     * the next call starts with it */
    uint64_t ino;
    uint32_t name_len;
    uint8_t type;
    char name[256];
    unsigned saved;  /* bit h: stdio_fl[h] holds fd h's flags from before the guest set any */
    int stdio_fl[3];
    uint32_t nopen;  /* the fds the program opened and hasn't closed */
    int32_t open[64];
} wasmcu_wasi_posix;
/* Closes what a wasmcu_wasi_posix holds, the files the program left open included, and puts
 * back the stdio flags (O_NONBLOCK, O_APPEND) it changed; call it when the program is done. */
void wasmcu_wasi_posix_release(wasmcu_wasi_posix *state);
/* A directory handle to preopen, or -1 with errno set. */
int32_t wasmcu_wasi_posix_open_dir(const char *host_path);
/* Closes such a handle. */
void wasmcu_wasi_posix_close(int32_t handle);

#endif
