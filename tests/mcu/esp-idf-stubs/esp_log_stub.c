/* The host half of the esp_log.h stand-in, and a main() that calls the example's app_main()
 * the way ESP-IDF's startup task does. Lines look like ESP-IDF's, with "(-)" where ESP-IDF
 * prints milliseconds since boot. */
#include <stdarg.h>
#include <stdio.h>
#include "esp_log.h"

void esp_log_stub(char level, const char *tag, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    printf("%c (-) %s: ", level, tag);
    vprintf(format, ap);
    printf("\n");
    va_end(ap);
}

void app_main(void);

int main(void)
{
    app_main();
    return 0;
}
