/* The board half of the hello firmware on QEMU's riscv32 `virt` machine: picolibc's
 * semihosting start code does the rest (console and exit code through semihosting).
 * Paints the C stack so ports/qemu-cortex-m/hello.c can report its peak. */
#include <stdio.h>
#include <stdint.h>
#include "../qemu-cortex-m/board.h"

extern uint32_t __heap_end[], __stack[]; /* picolibc.ld: the stack lies between them */

int __real_main(void);

/* The start code's call to main lands here (the link uses --wrap=main): paint the stack
 * from its floor to 256 bytes below this frame, then run the firmware's main. */
int __wrap_main(void)
{
    volatile uint32_t here = 0;
    uintptr_t top = (uintptr_t)&here - 256;
    for (uint32_t *p = __heap_end; (uintptr_t)p < top; p++) *p = 0xC0FFEE00u;
    return __real_main();
}

uint32_t stack_peak(void)
{
    uint32_t *p = __heap_end;
    while (p < __stack && *p == 0xC0FFEE00u) p++;
    return (uint32_t)((char *)__stack - (char *)p);
}

void board_console(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
    fflush(stdout);
}
