/* WASI basics: argv, environment, stdout and stderr, the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv)
{
    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d] = \"%s\"\n", i, argv[i]);
    int n = 0;
    for (char **e = environ; *e; e++) n++;
    printf("environ has %d entries\n", n);
    const char *g = getenv("GREETING"), *m = getenv("MISSING");
    printf("GREETING=%s MISSING=%s\n", g ? g : "(unset)", m ? m : "(unset)");
    fprintf(stderr, "this line goes to stderr\n");
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    printf("%zu bytes in one printf: %.10s...\n", strlen(big), big);
    fflush(stdout);
    return argc > 2 ? 3 : 0;
}
