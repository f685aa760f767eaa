#!/bin/sh
# Device performance under QEMU -icount: a bench kernel natively and as wasm on the emulated
# core. Checks the checksums match and that two runs print the same figures (deterministic);
# the ratio is reported, never asserted. Usage: run_bench.sh WASMCU OUTDIR CPU KERNEL
set -u
wasmcu=$1 out=$2 cpu=$3 kernel=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in arm-none-eabi-gcc qemu-system-arm clang; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu wasm): SKIPPED"; exit 77; }
done
elf=$("$root/ports/qemu-cortex-m/build_bench.sh" "$wasmcu" "$out" "$cpu" "$kernel") || exit 1
machine=mps2-an385
[ "$cpu" = m4f ] && machine=mps2-an386
run() { # prints the console; returns the firmware's exit code
  timeout 300 qemu-system-arm -M $machine -icount shift=0 -nographic -monitor none -serial stdio \
    -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.raw"
  rc=$?
  tr -d '\r' < "$out/console.raw"
  return $rc
}
a=$(run); rc=$?
b=$(run)
echo "$a"
[ $rc = 0 ] || { echo "FAIL: firmware exit code $rc"; exit 1; }
case $a in *"checksum: match"*) ;; *) echo "FAIL: checksums differ"; exit 1 ;; esac
[ "$a" = "$b" ] || { echo "FAIL: a second run printed different figures:"; echo "$b"; exit 1; }
echo "ok: $kernel on $machine ($cpu), same figures on two runs"
