/* The seed's sequence on an ESP32: initialise wasmcu in a static pool, load the module
 * embedded by `wasmcu dump -o app_wasm.h -n app_wasm app.wasm`, instantiate it with the
 * sizes from menuconfig, run main, tear everything down. Output goes to the console UART. */
#include <stdio.h>
#include "esp_log.h"
#include "sdkconfig.h"
#include "wasmcu.h"
#include "app_wasm.h"

static const char *TAG = "wasmcu";
static uint64_t pool[CONFIG_WASMCU_POOL_SIZE / 8];

static void console(void *user, const char *s, size_t n)
{
    (void)user;
    fwrite(s, 1, n, stdout);
    fflush(stdout);
}

void app_main(void)
{
    wasmcu_module *mod = NULL;
    wasmcu_instance *inst = NULL;
    ESP_LOGI(TAG, "Initialize WASM runtime (pool %u bytes)", (unsigned)sizeof pool);
    wasmcu_runtime *rt = wasmcu_init(pool, sizeof pool);
    if (!rt) {
        ESP_LOGE(TAG, "the pool is too small for the runtime");
        return;
    }
    wasmcu_set_console(rt, console, NULL);
    wasmcu_register_env(rt);
    ESP_LOGI(TAG, "Load WASM module (%u bytes from flash)", (unsigned)app_wasm_len);
    wasmcu_err err = wasmcu_load(rt, app_wasm, app_wasm_len, &mod);
    if (!err) {
        ESP_LOGI(TAG, "Instantiate WASM runtime");
        wasmcu_instance_config cfg = {.stack_size = CONFIG_WASMCU_STACK_SIZE,
                                      .heap_size = CONFIG_WASMCU_HEAP_SIZE,
                                      .max_call_depth = CONFIG_WASMCU_MAX_CALL_DEPTH,
                                      .small_memory_bytes = CONFIG_WASMCU_SMALL_MEMORY};
        err = wasmcu_instantiate(rt, mod, &cfg, &inst);
    }
    if (!err) {
        ESP_LOGI(TAG, "run main() of the application");
        /* clang exports main(void) as "main" and main(argc, argv) as "__main_argc_argv" */
        wasmcu_func *f = wasmcu_find_func(inst, "main");
        if (!f) f = wasmcu_find_func(inst, "__main_argc_argv");
        wasmcu_val args[2] = {0, 0}, result = 0;
        err = f ? wasmcu_call(inst, f, args, wasmcu_func_param_count(f), &result,
                              wasmcu_func_result_count(f))
                : WASMCU_ERR_NOT_FOUND;
    }
    if (err == WASMCU_ERR_NOT_FOUND) ESP_LOGE(TAG, "the module exports no main");
    else if (err) ESP_LOGE(TAG, "%s", wasmcu_last_error(rt));
    ESP_LOGI(TAG, "Deinstantiate WASM runtime");
    wasmcu_deinstantiate(inst);
    ESP_LOGI(TAG, "Unload WASM module");
    wasmcu_unload(mod);
    ESP_LOGI(TAG, "Destroy WASM runtime (pool peak %u bytes)", (unsigned)wasmcu_pool_peak(rt));
    wasmcu_destroy(rt);
    ESP_LOGI(TAG, "Exiting...");
}
