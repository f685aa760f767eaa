/* Stand-in for the sdkconfig.h ESP-IDF generates: the Kconfig defaults of
 * ports/esp-idf/components/wasmcu/Kconfig, for the CI's Xtensa compile of the example. */
#define CONFIG_WASMCU_POOL_SIZE 98304
#define CONFIG_WASMCU_STACK_SIZE 4096
#define CONFIG_WASMCU_HEAP_SIZE 0
#define CONFIG_WASMCU_MAX_CALL_DEPTH 64
#define CONFIG_WASMCU_SMALL_MEMORY 0
#define CONFIG_WASMCU_BACKTRACE_DEPTH 16
