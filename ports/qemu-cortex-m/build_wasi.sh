#!/bin/sh
# Builds the wasi-libc hello firmware (examples/hello-wasi on WASI's console backend) for
# QEMU's mps2 boards, RAM limited to 320 KiB. Usage: build_wasi.sh WASMCU OUTDIR CPU
set -eu
wasmcu=$1 out=$2 cpu=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/ports/qemu-cortex-m"
mkdir -p "$out"
"$root/examples/hello-wasi/build.sh" "$out" >/dev/null
"$wasmcu" dump -o "$out/hello_wasi_wasm.h" -n hello_wasi_wasm "$out/hello-wasi.wasm"
case $cpu in
  m3) flags="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
  m4f) flags="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  *) echo "build_wasi.sh: CPU must be m3 or m4f" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
arm-none-eabi-gcc $flags -std=c11 -Os -ffunction-sections -fdata-sections -Wall -Wextra \
  -I"$root/include" -I"$out" --specs=nano.specs --specs=nosys.specs -nostartfiles -T "$here/mps2.ld" \
  -Wl,--gc-sections -Wl,--defsym=RAM_SIZE=320K \
  "$here/startup.c" "$here/wasi_hello.c" "$root"/src/*.c "$root"/lib/wasi/*.c -lm \
  -o "$out/wasi-hello-$cpu.elf"
echo "$out/wasi-hello-$cpu.elf"
