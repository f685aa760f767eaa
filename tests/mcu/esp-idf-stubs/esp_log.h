/* Stand-in for ESP-IDF's esp_log.h, so CI can compile the example's main.c for Xtensa and run
 * it on the host without ESP-IDF (it cannot be installed here). Plain C11 variadic macros with
 * the same call shape as the real ones: ESP_LOGx(tag, format, args...). */
#ifndef ESP_LOG_STUB_H
#define ESP_LOG_STUB_H

void esp_log_stub(char level, const char *tag, const char *format, ...);

#define ESP_LOGE(tag, ...) esp_log_stub('E', tag, __VA_ARGS__)
#define ESP_LOGI(tag, ...) esp_log_stub('I', tag, __VA_ARGS__)

#endif
