/* Reset, vectors and the newlib hooks for QEMU's mps2 boards: console on the CMSDK UART0,
 * exit codes through semihosting, a heap bounded by the stack. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <stdio.h>
#include "board.h"

extern uint32_t __etext, __data_start__, __data_end__, __bss_start__, __bss_end__, __StackTop,
    __StackLimit, end;
extern int main(void);
extern void __libc_init_array(void);
void exit(int code) __attribute__((noreturn));
void Reset_Handler(void);

#define UART0_DATA (*(volatile uint32_t *)0x40004000u)
#define UART0_STATE (*(volatile uint32_t *)0x40004004u)
#define UART0_CTRL (*(volatile uint32_t *)0x40004008u)
#define UART0_BAUDDIV (*(volatile uint32_t *)0x40004010u)

static void hard_fault(void) { exit(99); } /* a fault becomes a visible exit code */
static void default_handler(void) { for (;;) {} }

__attribute__((section(".isr_vector"), used)) static const void *const vectors[16 + 32] = {
    [0] = &__StackTop, [1] = (const void *)Reset_Handler, [2] = (const void *)default_handler,
    [3] = (const void *)hard_fault, [4] = (const void *)hard_fault, [5] = (const void *)hard_fault,
    [6] = (const void *)hard_fault,
};

void _init(void) {}
void _fini(void) {}

void Reset_Handler(void)
{
    memcpy(&__data_start__, &__etext, (size_t)((char *)&__data_end__ - (char *)&__data_start__));
    memset(&__bss_start__, 0, (size_t)((char *)&__bss_end__ - (char *)&__bss_start__));
#if defined(__ARM_FP)
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20; /* enable the FPU before any FP instruction */
    __asm volatile("dsb\n isb");
#endif
    /* paint the C stack so the peak use can be measured */
    for (uint32_t *p = &__StackLimit; p < (uint32_t *)__builtin_frame_address(0) - 64; p++) *p = 0xC0FFEE00u;
    __libc_init_array();
    exit(main());
}

uint32_t stack_peak(void)
{
    uint32_t *p = &__StackLimit;
    while (p < &__StackTop && *p == 0xC0FFEE00u) p++;
    return (uint32_t)((char *)&__StackTop - (char *)p);
}

int _write(int fd, const char *s, int n)
{
    static int ready;
    (void)fd;
    if (!ready) {
        UART0_BAUDDIV = 16;
        UART0_CTRL = 1;
        ready = 1;
    }
    for (int i = 0; i < n; i++) {
        if (s[i] == '\n') {
            while (UART0_STATE & 1) {}
            UART0_DATA = '\r';
        }
        while (UART0_STATE & 1) {}
        UART0_DATA = (uint8_t)s[i];
    }
    return n;
}

void _exit(int code)
{
    /* semihosting SYS_EXIT_EXTENDED: reports the full code to QEMU */
    uint32_t block[2] = {0x20026u, (uint32_t)code};
    register uint32_t r0 __asm("r0") = 0x20;
    register uint32_t *r1 __asm("r1") = block;
    __asm volatile("bkpt 0xAB" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {}
}

void *_sbrk(ptrdiff_t incr)
{
    static char *brk = (char *)&end;
    if (brk + incr > (char *)&__StackLimit) {
        errno = ENOMEM;
        return (void *)-1;
    }
    char *old = brk;
    brk += incr;
    return old;
}

int _close(int fd) { (void)fd; return -1; }
int _fstat(int fd, void *st) { (void)fd; (void)st; return -1; }
int _isatty(int fd) { (void)fd; return 1; }
off_t _lseek(int fd, off_t o, int w) { (void)fd; (void)o; (void)w; return -1; }
int _read(int fd, char *s, int n) { (void)fd; (void)s; (void)n; return 0; }
int _kill(int pid, int sig) { (void)pid; (void)sig; return -1; }
int _getpid(void) { return 1; }

void board_console(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
    fflush(stdout);
}

#define TIMER0_CTRL (*(volatile uint32_t *)0x40000000u)
#define TIMER0_VALUE (*(volatile uint32_t *)0x40000004u)
#define TIMER0_RELOAD (*(volatile uint32_t *)0x40000008u)

void board_timer_start(void)
{
    TIMER0_RELOAD = 0xFFFFFFFFu;
    TIMER0_VALUE = 0xFFFFFFFFu;
    TIMER0_CTRL = 1;
}

uint32_t board_ticks(void) { return 0xFFFFFFFFu - TIMER0_VALUE; } /* it counts down */

uint64_t board_monotonic_ns(void) { return (uint64_t)board_ticks() * 40u; }
