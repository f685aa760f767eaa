#!/bin/sh
# The ESP-IDF component and example, checked without ESP-IDF (it cannot be installed here).
# Usage: esp_idf.sh xtensa|host OUTDIR
#   both:   the component's SRCS (ports/esp-idf/components/wasmcu/CMakeLists.txt) are exactly
#           src/*.c and lib/env/env.c, its include dirs exist, and its Kconfig parses without a
#           warning (Debian's kconfiglib) into the sdkconfig.h ESP-IDF would generate with the
#           defaults; every CONFIG_WASMCU_* the component or the example uses is declared there.
#   xtensa: every SRCS file and the example's main.c compile for Xtensa with Debian's
#           xtensa-lx106-elf-gcc, -Wall -Wextra -Werror, twice: strict (-std=c11 -Os
#           -ffreestanding) and with the flags idf.py adds by default (gnu17, -Og, -fno-jump-tables...).
#   host:   the same sources and main.c (ESP-IDF's log macros replaced by a stand-in) built with
#           the host's cc and run: app_main() must log the seed's sequence and the module's hello.
set -u
mode=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
comp="$root/ports/esp-idf/components/wasmcu"
ex="$root/ports/esp-idf/examples/hello/main"
stubs="$root/tests/mcu/esp-idf-stubs"
/usr/bin/python3 -c 'import kconfiglib' 2>/dev/null ||
  { echo "Debian's python3-kconfiglib missing (scripts/setup mcu): SKIPPED"; exit 77; }
if [ "$mode" = xtensa ]; then
  command -v xtensa-lx106-elf-gcc >/dev/null 2>&1 || { echo "xtensa-lx106-elf-gcc missing (scripts/setup mcu): SKIPPED"; exit 77; }
  specs=/usr/lib/xtensa-lx106-elf/picolibc.specs
  [ -f $specs ] || { echo "picolibc for xtensa missing (scripts/setup mcu): SKIPPED"; exit 77; }
fi
mkdir -p "$out/gen"
fail=0

# The component's sources, as its CMakeLists.txt lists them (paths relative to it).
srcs=$(sed -n 's/^[^"]*"\(\.\.\/[^"]*\.c\)".*/\1/p' "$comp/CMakeLists.txt")
want=$(cd "$root" && ls src/*.c lib/env/env.c | sort)
got=$(for s in $srcs; do (cd "$comp" && realpath --relative-to="$root" "$s"); done | sort)
if [ "$got" != "$want" ]; then
  echo "FAIL: the component's SRCS are not src/*.c + lib/env/env.c; update $comp/CMakeLists.txt:"
  echo "$want" > "$out/want.txt"; echo "$got" > "$out/got.txt"
  diff "$out/want.txt" "$out/got.txt"
  fail=1
fi
incs=""
for d in $(sed -n 's/.*INCLUDE_DIRS "\([^"]*\)".*/\1/p' "$comp/CMakeLists.txt"); do
  [ -d "$comp/$d" ] || { echo "FAIL: include dir $d of the component does not exist"; fail=1; }
  incs="$incs -I$comp/$d"
done
[ -n "$incs" ] || { echo "FAIL: no INCLUDE_DIRS found in the component's CMakeLists.txt"; fail=1; }

# sdkconfig.h from the Kconfig defaults, and every option used declared.
/usr/bin/python3 "$stubs/gen_sdkconfig.py" "$comp/Kconfig" "$out/gen/sdkconfig.h" || fail=1
for opt in $(grep -ho 'CONFIG_WASMCU_[A-Z0-9_]*' "$ex/main.c" "$comp/CMakeLists.txt" | sort -u); do
  grep -q "^#define $opt " "$out/gen/sdkconfig.h" ||
    { echo "FAIL: $opt is used but not declared in the component's Kconfig"; fail=1; }
done
[ $fail = 0 ] || exit 1
depth=$(sed -n 's/^#define CONFIG_WASMCU_BACKTRACE_DEPTH //p' "$out/gen/sdkconfig.h")
defs="-DWM_CONFIG_BACKTRACE_DEPTH=$depth"

if [ "$mode" = xtensa ]; then
  xcompile() { # xcompile PASS FLAGS...: every SRCS file and main.c into OUTDIR/PASS
    pass=$1; shift
    mkdir -p "$out/$pass"
    for s in $srcs; do
      # shellcheck disable=SC2086
      xtensa-lx106-elf-gcc "$@" $defs $incs -c "$comp/$s" -o "$out/$pass/$(basename "$s" .c).o" || fail=1
    done
    # shellcheck disable=SC2086
    xtensa-lx106-elf-gcc "$@" -I"$stubs" -I"$out/gen" $incs -I"$ex" -c "$ex/main.c" -o "$out/$pass/main.o" || fail=1
  }
  xcompile strict -std=c11 -Os -ffreestanding -mlongcalls -Wall -Wextra -Wundef -Werror --specs=$specs
  # what ESP-IDF's build adds for an Xtensa target with its default config (its top CMakeLists.txt
  # and toolchain file; -Og is menuconfig's default "Debug" optimization level)
  xcompile idf -std=gnu17 -Og -mlongcalls -ffunction-sections -fdata-sections \
    -fno-jump-tables -fno-tree-switch-conversion -fstrict-volatile-bitfields -Wall -Wextra -Werror --specs=$specs
  [ $fail = 0 ] || { echo "FAIL: the ESP-IDF sources do not compile cleanly for Xtensa"; exit 1; }
  xtensa-lx106-elf-size -t "$out"/idf/*.o | tail -1
  echo "ok: $(echo "$srcs" | wc -l) component sources and the example's main.c compile for Xtensa lx106 ($(xtensa-lx106-elf-gcc -dumpversion)), -Werror, strict C11 and ESP-IDF's flags"
  exit 0
fi

[ "$mode" = host ] || { echo "esp_idf.sh: MODE must be xtensa or host" >&2; exit 2; }
cc=${CC:-cc}
# shellcheck disable=SC2086
(cd "$comp" && $cc -std=c11 -O1 -Wall -Wextra $defs $incs -I"$stubs" -I"$out/gen" -I"$ex" \
  $srcs "$ex/main.c" "$stubs/esp_log_stub.c" -lm -o "$out/app") || { echo "FAIL: host build of the example"; exit 1; }
"$out/app" > "$out/console.txt"
rc=$?
cat "$out/console.txt"
len=$(sed -n 's/.*app_wasm_len = \([0-9]*\);.*/\1/p' "$ex/app_wasm.h")
norm=$(sed 's/pool peak [0-9]* bytes/pool peak N bytes/; s/^Hello .*[Ww]orld!$/HELLO/' "$out/console.txt")
want="I (-) wasmcu: Initialize WASM runtime (pool $(sed -n 's/^#define CONFIG_WASMCU_POOL_SIZE //p' "$out/gen/sdkconfig.h") bytes)
I (-) wasmcu: Load WASM module ($len bytes from flash)
I (-) wasmcu: Instantiate WASM runtime
I (-) wasmcu: run main() of the application
HELLO
I (-) wasmcu: Deinstantiate WASM runtime
I (-) wasmcu: Unload WASM module
I (-) wasmcu: Destroy WASM runtime (pool peak N bytes)
I (-) wasmcu: Exiting..."
if [ $rc != 0 ]; then echo "FAIL: exit code $rc"; exit 1; fi
if [ "$norm" != "$want" ]; then echo "FAIL: unexpected log from the example's app_main"; exit 1; fi
echo "ok: the ESP-IDF example's app_main runs the seed's sequence (host build, stand-in log macros)"
