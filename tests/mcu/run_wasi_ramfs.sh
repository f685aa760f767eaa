#!/bin/sh
# tests/wasi/ramfs.c (files, directories, renames, holes...) on emulated Cortex-M with WASI's
# RAM file system: its console output must be what the POSIX backend prints on the host, and
# the firmware must exit 0. Usage: run_wasi_ramfs.sh WASMCU OUTDIR CPU
set -u
wasmcu=$1 out=$2 cpu=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in arm-none-eabi-gcc qemu-system-arm clang; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu wasm): SKIPPED"; exit 77; }
done
[ -f /usr/include/wasm32-wasi/stdio.h ] || { echo "wasi-libc missing (scripts/setup wasm): SKIPPED"; exit 77; }
rm -rf "$out"
mkdir -p "$out/sandbox"
clang --target=wasm32-wasi -O2 -Wall -Werror -Wno-unused-result -Wl,--strip-all -o "$out/ramfs.wasm" \
  "$root/tests/wasi/ramfs.c" || exit 1
"$wasmcu" run --dir="$out/sandbox::/sandbox" "$out/ramfs.wasm" > "$out/host.out" 2>&1 ||
  { echo "FAIL: the program failed on the host"; cat "$out/host.out"; exit 1; }
elf=$("$root/ports/qemu-cortex-m/build_wasi_ramfs.sh" "$wasmcu" "$out/ramfs.wasm" "$out" "$cpu") || exit 1
machine=mps2-an385
[ "$cpu" = m4f ] && machine=mps2-an386
timeout 60 qemu-system-arm -M $machine -nographic -monitor none -serial stdio \
  -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.raw"
rc=$?
tr -d '\r' < "$out/console.raw" > "$out/console.txt"
cat "$out/console.txt"
grep -v '^I (wasmcu) ' "$out/console.txt" > "$out/device.out"
diff "$out/host.out" "$out/device.out" || { echo "FAIL: the device printed something else than the host (above)"; exit 1; }
[ $rc = 0 ] || { echo "FAIL: firmware exit code $rc"; exit 1; }
echo "ok: the RAM file system on $machine ($cpu) printed what the POSIX backend prints"
