/* Sets O_NONBLOCK on stdin, which the host shares with the shell: run_wasi.sh checks the
 * flag is back off on the host's side after the run. */
#include <fcntl.h>
#include <stdio.h>
int main(void)
{
    int fl = fcntl(0, F_GETFL);
    printf("set nonblock on stdin: %d, now %d\n", fcntl(0, F_SETFL, fl | O_NONBLOCK), !!(fcntl(0, F_GETFL) & O_NONBLOCK));
    return 0;
}
