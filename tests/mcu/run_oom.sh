#!/bin/sh
# The hello firmware with a pool too small for a module's memory: the error must say what was
# needed and what was free in digits. newlib-nano's printf has no %llu or %zu, so a message
# formatted with them showed "needs lu bytes" on the device.
# Usage: run_oom.sh WASMCU OUTDIR
set -u
wasmcu=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in arm-none-eabi-gcc qemu-system-arm clang; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu wasm): SKIPPED"; exit 77; }
done
[ -x /usr/bin/rustc ] || { echo "Debian's rustc missing (scripts/setup wasm): SKIPPED"; exit 77; }
elf=$(HELLO_POOL=40K "$root/ports/qemu-cortex-m/build.sh" "$wasmcu" "$out" m3 320K) || exit 1
timeout 60 qemu-system-arm -M mps2-an385 -nographic -monitor none -serial stdio \
  -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.raw"
got=$(tr -d '\r' < "$out/console.raw")
echo "$got"
line='^E (wasmcu) out of memory: linear memory needs 65536 bytes but the pool has [0-9][0-9]* free (largest block [0-9][0-9]*); give the runtime a bigger pool or the module less memory$'
if ! echo "$got" | grep -q "$line"; then echo "FAIL: no out-of-memory line with its figures"; exit 1; fi
echo "ok: the out-of-memory error prints its figures on the device"
