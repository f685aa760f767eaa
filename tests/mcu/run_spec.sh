#!/bin/sh
# The spec bundle on emulated Cortex-M (320 KiB of RAM): every command must pass, and the
# firmware must exit 0 through semihosting. Skips only when a tool or the testsuite is missing.
# Usage: run_spec.sh WASMCU WAST2JSON SPEC_DIR OUTDIR CPU   (CPU m3 -> mps2-an385, m4f -> mps2-an386)
set -u
wasmcu=$1 wast2json=$2 spec=$3 out=$4 cpu=$5
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in arm-none-eabi-gcc qemu-system-arm "$wast2json"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu spec): SKIPPED"; exit 77; }
done
[ -f "$spec/i32.wast" ] || { echo "spec testsuite not found at $spec: SKIPPED"; exit 77; }
elf=$("$root/ports/qemu-cortex-m/build_spec.sh" "$wasmcu" "$wast2json" "$spec" "$out" "$cpu") || exit 1
machine=mps2-an385
[ "$cpu" = m4f ] && machine=mps2-an386
timeout 600 qemu-system-arm -M $machine -nographic -monitor none -serial stdio \
  -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.txt"
rc=$?
tr -d '\r' < "$out/console.txt"
last=$(tr -d '\r' < "$out/console.txt" | tail -1)
case $last in
  *" passed, 0 failed, "*) ;;
  *) echo "FAIL: no clean 'N passed, 0 failed' line"; exit 1 ;;
esac
passed=${last%% passed*}
if [ "$rc" != 0 ] || [ "$passed" -lt 8000 ]; then echo "FAIL: exit code $rc, $passed passed"; exit 1; fi
echo "ok: $last on $machine ($cpu), RAM 320 KiB"
