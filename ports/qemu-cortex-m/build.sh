#!/bin/sh
# Builds the hello firmware for QEMU's mps2 boards.
# Usage: build.sh WASMCU OUTDIR CPU RAM_SIZE [small]   (CPU: m3 | m4f; RAM_SIZE e.g. 320K,
# 128K; "small" gives each module only the part of its page it uses: small-memory mode)
set -eu
wasmcu=$1 out=$2 cpu=$3 ram=$4 small=${5:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/ports/qemu-cortex-m"
mkdir -p "$out"
"$root/examples/hello-c/build.sh" "$out" >/dev/null
"$root/examples/hello-rust/build.sh" "$out" >/dev/null
"$wasmcu" dump -o "$out/hello_c_wasm.h" -n hello_c_wasm "$out/hello-c.wasm"
"$wasmcu" dump -o "$out/hello_rust_wasm.h" -n hello_rust_wasm "$out/hello-rust.wasm"
case $cpu in
  m3) flags="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
  m4f) flags="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  *) echo "build.sh: CPU must be m3 or m4f" >&2; exit 2 ;;
esac
pool=96K
[ "$ram" = 128K ] && pool=88K
small_flag=-DSMALL_MEMORY=0
[ "$small" = small ] && pool=56K small_flag=-DSMALL_MEMORY=1
pool=${HELLO_POOL:-$pool} # tests/mcu/run_oom.sh: a pool too small for the hellos
pool_bytes=$(( ${pool%K} * 1024 ))
# shellcheck disable=SC2086
arm-none-eabi-gcc $flags -std=c11 -Os -ffunction-sections -fdata-sections -Wall -Wextra \
  -DPOOL_SIZE=$pool_bytes $small_flag -I"$root/include" -I"$out" \
  --specs=nano.specs --specs=nosys.specs -nostartfiles -T "$here/mps2.ld" \
  -Wl,--gc-sections -Wl,--defsym=RAM_SIZE=$ram \
  "$here/startup.c" "$here/hello.c" "$root"/src/*.c "$root"/lib/env/*.c -lm \
  -o "$out/hello-$cpu-$ram$small.elf"
echo "$out/hello-$cpu-$ram$small.elf"
