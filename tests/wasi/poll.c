/* poll_oneoff on fds: a regular file is ready both ways; a timeout alone sleeps. Compared
 * with tests/wasi/poll.expected, not with node: node 20's WASI answers fd subscriptions with
 * an error (uvwasi implements only clock subscriptions there). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int fd = open("/sandbox/p.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "abc", 3);
    lseek(fd, 0, SEEK_SET);
    struct pollfd pf[2] = {{fd, POLLIN, 0}, {fd, POLLOUT, 0}};
    int ready = poll(pf, 2, 1000);
    printf("poll a file: %d ready, in %d, out %d\n", ready, !!(pf[0].revents & POLLIN),
           !!(pf[1].revents & POLLOUT));
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    printf("poll nothing for 30 ms: %d\n", poll(NULL, 0, 30));
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("waited at least 30 ms: %d\n",
           (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec) >= 30000000LL);
    printf("poll a closed fd: %d\n", (close(fd), poll(pf, 1, 0)));
    unlink("/sandbox/p.txt");
    return 0;
}
