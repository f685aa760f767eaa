/* poll_oneoff waiting on a pipe: stdin is fed by `sleep 1.5; echo hi; sleep 1` (run_wasi.sh),
 * so the first poll must block until the line comes, a short poll must time out with nothing,
 * and a long one must end early when the writer closes the pipe. The margins are wide (300 ms
 * of the 1.5 s wait) because node may take a while to start on a loaded machine. */
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (long)((b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000);
}

int main(void)
{
    struct pollfd p = {0, POLLIN, 0};
    struct timespec t;
    char buf[64];
    clock_gettime(CLOCK_MONOTONIC, &t);
    int r = poll(&p, 1, -1);
    long ms = ms_since(&t);
    printf("poll(-1): %d, readable %d, waited for the writer %d\n", r, !!(p.revents & POLLIN), ms >= 300);
    printf("read %d bytes\n", (int)read(0, buf, sizeof buf));
    p.revents = 0;
    clock_gettime(CLOCK_MONOTONIC, &t);
    r = poll(&p, 1, 100);
    ms = ms_since(&t);
    printf("poll(100) with nothing to read: %d, waited 100 ms %d\n", r, ms >= 100);
    p.revents = 0;
    clock_gettime(CLOCK_MONOTONIC, &t);
    r = poll(&p, 1, 5000);
    ms = ms_since(&t);
    printf("poll(5000) until the writer closes: %d, readable %d, before the timeout %d\n", r,
           !!(p.revents & POLLIN), ms < 4000);
    printf("read at the end: %d\n", (int)read(0, buf, sizeof buf));
    return 0;
}
