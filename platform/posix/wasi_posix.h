/* WASI on a POSIX host: real files below preopened directories, sandboxed (wasi_posix.c). */
#ifndef WASMCU_WASI_POSIX_H
#define WASMCU_WASI_POSIX_H
#include "wasmcu.h"

/* The operations; their ctx is unused (NULL). Handles are file descriptors. */
extern const wasmcu_wasi_ops wasmcu_wasi_posix_ops;
/* A directory handle to preopen, or -1 with errno set. */
int32_t wasmcu_wasi_posix_open_dir(const char *host_path);
/* Closes such a handle. */
void wasmcu_wasi_posix_close(int32_t handle);

#endif
