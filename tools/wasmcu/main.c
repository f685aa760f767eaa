/* wasmcu: the command-line tool. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: wasmcu COMMAND [options]\n"
            "commands:\n"
            "  run      run a module: wasmcu run [--stack-size=N] [--heap-size=N] [--pool-size=N] [-f FUNC] app.wasm [args...]\n"
            "  dump     module -> C array header: wasmcu dump -o app_wasm.h -n app_wasm app.wasm\n"
            "  inspect  what a module imports, exports and needs: wasmcu inspect app.wasm\n"
            "  spec     run the spec testsuite's wast2json output: wasmcu spec FILE.json...\n"
            "'wasmcu COMMAND --help' describes each command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("wasmcu 0.1.0\n");
        return 0;
    }
    if (strcmp(cmd, "run") == 0) return wasmcu_cli_run(argc - 2, argv + 2);
    if (strcmp(cmd, "dump") == 0) return wasmcu_cli_dump(argc - 2, argv + 2);
    if (strcmp(cmd, "inspect") == 0) return wasmcu_cli_inspect(argc - 2, argv + 2);
    if (strcmp(cmd, "spec") == 0) return wasmcu_cli_spec(argc - 2, argv + 2);
    fprintf(stderr, "wasmcu: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
