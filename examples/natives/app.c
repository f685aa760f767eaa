/* A module calling functions its firmware exports: blink an LED on a timer. */
void led_set(int on);          /* env.led_set, provided by the firmware */
unsigned millis(void);         /* env.millis */
int printf(const char *fmt, ...);

int main(void)
{
    unsigned start = millis();
    for (int i = 0; i < 4; i++) {
        led_set(i & 1 ? 0 : 1);
        printf("blink %d at %u ms\n", i, millis() - start);
    }
    return 0;
}
