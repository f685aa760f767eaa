#include <stdio.h>

int main(int argc, char **argv)
{
    printf("Hello clang world!\n");
    return 0;
}
