#!/bin/sh
# A wasi-libc printf hello on emulated Cortex-M through WASI's console backend (320 KiB).
# Usage: run_wasi_hello.sh WASMCU OUTDIR CPU
set -u
wasmcu=$1 out=$2 cpu=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in arm-none-eabi-gcc qemu-system-arm clang; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu wasm): SKIPPED"; exit 77; }
done
[ -f /usr/include/wasm32-wasi/stdio.h ] || { echo "wasi-libc missing (scripts/setup wasm): SKIPPED"; exit 77; }
elf=$("$root/ports/qemu-cortex-m/build_wasi.sh" "$wasmcu" "$out" "$cpu") || exit 1
machine=mps2-an385
[ "$cpu" = m4f ] && machine=mps2-an386
timeout 60 qemu-system-arm -M $machine -nographic -monitor none -serial stdio \
  -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.raw"
rc=$?
got=$(tr -d '\r' < "$out/console.raw")
echo "$got"
want_lines='Hello, WASI World! (hello-wasi, 0 arguments)
monotonic clock: ok'
case $got in
  *"I (wasmcu) run _start() of the application
$want_lines
I (wasmcu) Deinstantiate WASM runtime"*"exit code 0)") ;;
  *) echo "FAIL: unexpected console output"; exit 1 ;;
esac
[ $rc = 0 ] || { echo "FAIL: firmware exit code $rc"; exit 1; }
echo "ok: the wasi-libc hello on $machine ($cpu)"
