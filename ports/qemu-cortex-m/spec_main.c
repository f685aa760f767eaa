/* The spec testsuite on the device: runs the commands `wasmcu spec --bundle` turned into C
 * tables (modules in flash) with the same executor as the host's `wasmcu spec`, and prints
 * the same "N passed, N failed, N skipped" line. */
#include <stdio.h>
#include "spec_exec.h"

#ifndef POOL_SIZE
#define POOL_SIZE (200 * 1024)
#endif

static uint64_t pool[POOL_SIZE / 8];

int main(void)
{
    /* small stacks: the runtime's RAM is the budget an ESP32 would give it */
    const wasmcu_instance_config cfg = {.stack_size = 8 * 1024, .max_call_depth = 200};
    spec_counts total = {0, 0, 0};
    for (unsigned i = 0; i < spec_bundle_count; i++)
        spec_exec(spec_bundle[i].name, spec_bundle[i].cmds, spec_bundle[i].ncmds, pool,
                  sizeof pool, &cfg, 0, &total);
    printf("%d passed, %d failed, %d skipped\n", total.passed, total.failed, total.skipped);
    return total.failed != 0;
}
