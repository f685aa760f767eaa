/* The wasmcu command-line tool: one function per command, dispatched by main.c. Each takes
 * the arguments after the command name and returns the process exit status. */
#ifndef WASMCU_CLI_H
#define WASMCU_CLI_H

int wasmcu_cli_spec(int argc, char **argv);    /* spec.c: run wast2json output */
int wasmcu_cli_run(int argc, char **argv);     /* run.c: run a module */
int wasmcu_cli_dump(int argc, char **argv);    /* dump.c: module -> C array header */
int wasmcu_cli_inspect(int argc, char **argv); /* inspect.c: what a module needs */

#endif
