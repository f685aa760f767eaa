#!/bin/sh
# The ESP-IDF component's sources and the example's main.c compiled for Xtensa with Debian's
# xtensa-lx106-elf-gcc, warnings as errors (ESP-IDF itself cannot be installed here; the
# example's ESP-IDF headers are stand-ins from tests/mcu/esp-idf-stubs). Also checks that
# every Kconfig option the example uses is declared. Usage: compile_esp_idf.sh OUTDIR
set -u
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v xtensa-lx106-elf-gcc >/dev/null 2>&1 || { echo "xtensa-lx106-elf-gcc missing (scripts/setup mcu): SKIPPED"; exit 77; }
specs=/usr/lib/xtensa-lx106-elf/picolibc.specs
[ -f $specs ] || { echo "picolibc for xtensa missing (scripts/setup mcu): SKIPPED"; exit 77; }
mkdir -p "$out"
flags="-std=gnu17 -Os -mlongcalls -ffunction-sections -fdata-sections -Wall -Wextra -Werror --specs=$specs"
fail=0
# the component's SRCS: what its CMakeLists.txt globs
for f in "$root"/src/*.c "$root"/lib/env/env.c; do
  # shellcheck disable=SC2086
  xtensa-lx106-elf-gcc $flags -DWM_CONFIG_BACKTRACE_DEPTH=16 -I"$root/include" -I"$root/src" \
    -c "$f" -o "$out/$(basename "$f" .c).o" || fail=1
done
ex="$root/ports/esp-idf/examples/hello/main"
# shellcheck disable=SC2086
xtensa-lx106-elf-gcc $flags -I"$root/tests/mcu/esp-idf-stubs" -I"$root/include" -I"$ex" \
  -c "$ex/main.c" -o "$out/main.o" || fail=1
for opt in $(grep -o 'CONFIG_WASMCU_[A-Z_]*' "$ex/main.c" "$root/ports/esp-idf/components/wasmcu/CMakeLists.txt" | sed 's/.*CONFIG_//' | sort -u); do
  grep -q "^ *config $opt\$" "$root/ports/esp-idf/components/wasmcu/Kconfig" ||
    { echo "FAIL: CONFIG_$opt is used but not declared in Kconfig"; fail=1; }
done
[ $fail = 0 ] || { echo "FAIL: the ESP-IDF sources do not compile cleanly for Xtensa"; exit 1; }
xtensa-lx106-elf-size -t "$out"/*.o | tail -1
echo "ok: component and example compile for Xtensa lx106 with -Wall -Wextra -Werror"
