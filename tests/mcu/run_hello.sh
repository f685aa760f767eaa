#!/bin/sh
# The hello firmware on emulated Cortex-M: both hellos must print, with the seed's log
# sequence, and the firmware must exit 0 through semihosting.
# Usage: run_hello.sh WASMCU OUTDIR CPU RAM_SIZE [small]   (CPU m3 -> mps2-an385, m4f -> mps2-an386,
# rv32 -> riscv32 virt, whose RAM is always 320K)
set -u
wasmcu=$1 out=$2 cpu=$3 ram=$4 small=${5:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
tools="arm-none-eabi-gcc qemu-system-arm clang"
[ "$cpu" = rv32 ] && tools="riscv64-unknown-elf-gcc qemu-system-riscv32 clang"
for tool in $tools; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu wasm): SKIPPED"; exit 77; }
done
[ -x /usr/bin/rustc ] || { echo "Debian's rustc missing (scripts/setup wasm): SKIPPED"; exit 77; }
if [ "$cpu" = rv32 ]; then
  [ -f /usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs ] || { echo "picolibc for riscv missing (scripts/setup mcu): SKIPPED"; exit 77; }
  elf=$("$root/ports/qemu-riscv/build.sh" "$wasmcu" "$out") || exit 1
  machine=virt
  # picolibc's semihosted stdout reaches QEMU's stderr. -m: the 4 MiB the image calls flash
  # (0x80000000) plus the 320 KiB of RAM after it, so nothing past the linker's RAM exists.
  timeout 60 qemu-system-riscv32 -M virt -m 4416K -bios none -nographic -monitor none -serial none \
    -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.raw" 2>&1
  rc=$?
else
  elf=$("$root/ports/qemu-cortex-m/build.sh" "$wasmcu" "$out" "$cpu" "$ram" $small) || exit 1
  machine=mps2-an385
  [ "$cpu" = m4f ] && machine=mps2-an386
  timeout 60 qemu-system-arm -M $machine -nographic -monitor none -serial stdio \
    -semihosting-config enable=on,target=native -kernel "$elf" > "$out/console.raw"
  rc=$?
fi
got=$(tr -d '\r' < "$out/console.raw")
echo "$got"
norm=$(echo "$got" | sed 's/pool peak [0-9]* bytes/pool peak N bytes/; s/pool [0-9]* bytes/pool N bytes/; s/C stack peak [0-9]* bytes/C stack peak N bytes/')
# the module sizes are the files' own: they move with the clang/lld that built them
c_len=$(wc -c < "$out/hello-c.wasm" | tr -d ' ') rust_len=$(wc -c < "$out/hello-rust.wasm" | tr -d ' ')
want='I (wasmcu) Initialize WASM runtime (hello-c, pool N bytes)
I (wasmcu) Load WASM module ('$c_len' bytes from flash)
I (wasmcu) Instantiate WASM runtime
I (wasmcu) run main() of the application
Hello clang world!
I (wasmcu) Deinstantiate WASM runtime
I (wasmcu) Unload WASM module
I (wasmcu) Destroy WASM runtime (pool peak N bytes)
I (wasmcu) Initialize WASM runtime (hello-rust, pool N bytes)
I (wasmcu) Load WASM module ('$rust_len' bytes from flash)
I (wasmcu) Instantiate WASM runtime
I (wasmcu) run main() of the application
Hello Rust World!
I (wasmcu) Deinstantiate WASM runtime
I (wasmcu) Unload WASM module
I (wasmcu) Destroy WASM runtime (pool peak N bytes)
I (wasmcu) C stack peak N bytes
I (wasmcu) Exiting...'
if [ "$rc" != 0 ]; then echo "FAIL: firmware exit code $rc"; exit 1; fi
if [ "$norm" != "$want" ]; then echo "FAIL: unexpected console output"; exit 1; fi
echo "ok: both hellos on $machine ($cpu) with RAM_SIZE=$ram $small"
