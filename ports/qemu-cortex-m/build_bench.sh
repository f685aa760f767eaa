#!/bin/sh
# Builds the device-performance firmware: bench/kernels/KERNEL.c compiled natively for the
# core and to wasm (as scripts/bench does), both run and timed by bench_main.c.
# Usage: build_bench.sh WASMCU OUTDIR CPU KERNEL   (CPU: m3 | m4f)
set -eu
wasmcu=$1 out=$2 cpu=$3 kernel=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/ports/qemu-cortex-m"
src="$root/bench/kernels/$kernel.c"
mkdir -p "$out"
# compiled at -O2, linked without -O, so that binaryen's wasm-opt, which clang runs when
# linking at -O2 if it is installed, never changes the module (scripts/bench does the same)
clang --target=wasm32-wasi -O2 -c -o "$out/$kernel.o" "$src"
clang --target=wasm32-wasi -nostdlib -Wl,--no-entry -Wl,--export=main -Wl,--export=__heap_base \
  -Wl,--allow-undefined -Wl,--strip-all -o "$out/$kernel.wasm" "$out/$kernel.o"
"$wasmcu" dump -o "$out/kernel_wasm.h" -n kernel_wasm "$out/$kernel.wasm"
case $cpu in
  m3) flags="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
  m4f) flags="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  *) echo "build_bench.sh: CPU must be m3 or m4f" >&2; exit 2 ;;
esac
# the kernel and the runtime with the same compiler and -O2: the ratio is the interpreter's.
# RAM is 1 MiB here (not an ESP32's 320 KiB): some kernels' own arrays need it natively.
# shellcheck disable=SC2086
arm-none-eabi-gcc $flags -std=c11 -O2 -w -Dmain=kernel_native_main -Dprintf=bench_printf \
  -c "$src" -o "$out/kernel_native.o"
# shellcheck disable=SC2086
arm-none-eabi-gcc $flags -std=c11 -O2 -ffunction-sections -fdata-sections -Wall -Wextra \
  ${EXTRA_CFLAGS:-} -I"$root/include" -I"$out" --specs=nano.specs --specs=nosys.specs -nostartfiles -T "$here/mps2.ld" \
  -Wl,--gc-sections -Wl,--defsym=RAM_SIZE=1M \
  "$here/startup.c" "$here/bench_main.c" "$out/kernel_native.o" "$root"/src/*.c "$root"/lib/env/*.c -lm \
  -o "$out/bench-$kernel-$cpu.elf"
echo "$out/bench-$kernel-$cpu.elf"
