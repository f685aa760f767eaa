/* Stand-in for ESP-IDF's esp_log.h, only so the CI can compile the example's main.c for
 * Xtensa without ESP-IDF (it cannot be installed here). Same macro shapes as the real one. */
#ifndef ESP_LOG_STUB_H
#define ESP_LOG_STUB_H
#include <stdio.h>
#define ESP_LOGI(tag, fmt, ...) printf("I %s: " fmt "\n", tag, ##__VA_ARGS__)
#define ESP_LOGE(tag, fmt, ...) printf("E %s: " fmt "\n", tag, ##__VA_ARGS__)
#endif
