#!/bin/sh
# Builds the hello firmware (ports/qemu-cortex-m/hello.c: both hellos, the seed's log
# sequence) for QEMU's riscv32 virt machine, an ESP32-C3-class core (rv32imc), with picolibc
# and semihosting, RAM limited to 320 KiB. Usage: build.sh WASMCU OUTDIR
set -eu
wasmcu=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
"$root/examples/hello-c/build.sh" "$out" >/dev/null
"$root/examples/hello-rust/build.sh" "$out" >/dev/null
"$wasmcu" dump -o "$out/hello_c_wasm.h" -n hello_c_wasm "$out/hello-c.wasm"
"$wasmcu" dump -o "$out/hello_rust_wasm.h" -n hello_rust_wasm "$out/hello-rust.wasm"
riscv64-unknown-elf-gcc -march=rv32imc -mabi=ilp32 -std=c11 -Os -ffunction-sections -fdata-sections \
  -Wall -Wextra -Wundef -Werror --specs=/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs --oslib=semihost \
  --crt0=semihost -T "$root/ports/qemu-riscv/virt.ld" -Wl,--gc-sections -Wl,--wrap=main \
  -DPOOL_SIZE=98304 -I"$root/include" -I"$out" \
  "$root/ports/qemu-riscv/board.c" "$root/ports/qemu-cortex-m/hello.c" "$root"/src/*.c "$root"/lib/env/*.c \
  -o "$out/hello-rv32.elf"
echo "$out/hello-rv32.elf"
