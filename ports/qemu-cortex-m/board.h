/* What the board code gives the firmwares (startup.c on mps2; ports/qemu-riscv/board.c
 * for the hello on riscv32 virt, which needs only the first two). */
#ifndef WASMCU_BOARD_H
#define WASMCU_BOARD_H
#include <stddef.h>
#include <stdint.h>

/* Bytes of the C stack ever used, from the paint the start code left. */
uint32_t stack_peak(void);
/* A wasmcu console (wasmcu_set_console): the bytes to stdout, flushed. */
void board_console(void *user, const char *s, size_t n);
/* Starts the free-running timer (mps2: CMSDK TIMER0 at 25 MHz: under QEMU -icount shift=0
 * a tick is 40 guest instructions). */
void board_timer_start(void);
/* Ticks since board_timer_start (wraps after 2^32: 171 s at 25 MHz). */
uint32_t board_ticks(void);
/* board_ticks in nanoseconds, for WASI's monotonic clock. */
uint64_t board_monotonic_ns(void);

#endif
