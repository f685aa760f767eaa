#!/bin/sh
# Builds the RAM-file-system firmware (wasi_ramfs.c) around a WASI program for QEMU's mps2
# boards, with 512 KiB of RAM: a 38 KB wasi-libc program needs 128 KiB of linear memory and
# about 135 KB of compiled code, plus the file system's 48 KiB.
# Usage: build_wasi_ramfs.sh WASMCU PROG.wasm OUTDIR CPU
set -eu
wasmcu=$1 wasm=$2 out=$3 cpu=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/ports/qemu-cortex-m"
mkdir -p "$out"
"$wasmcu" dump -o "$out/app_wasm.h" -n app_wasm "$wasm"
case $cpu in
  m3) flags="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
  m4f) flags="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  *) echo "build_wasi_ramfs.sh: CPU must be m3 or m4f" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
arm-none-eabi-gcc $flags -std=c11 -Os -ffunction-sections -fdata-sections -Wall -Wextra -Werror \
  -I"$root/include" -I"$out" --specs=nano.specs --specs=nosys.specs -nostartfiles -T "$here/mps2.ld" \
  -Wl,--gc-sections -Wl,--defsym=RAM_SIZE=512K \
  "$here/startup.c" "$here/wasi_ramfs.c" "$root"/src/*.c "$root"/lib/wasi/*.c -lm \
  -o "$out/wasi-ramfs-$cpu.elf"
echo "$out/wasi-ramfs-$cpu.elf"
