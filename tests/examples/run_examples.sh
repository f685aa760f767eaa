#!/bin/sh
# Builds the C and Rust hellos with the seed's flags and checks their exact output.
# Exits 77 (skipped) when the wasm toolchains are missing. Usage: run_examples.sh WASMCU OUTDIR
set -eu
wasmcu=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v clang >/dev/null 2>&1 || [ ! -x /usr/bin/rustc ] || [ ! -d /usr/lib/rustlib/wasm32-wasi ]; then
  echo "clang or Debian's rustc with wasm32-wasi missing (scripts/setup wasm): examples SKIPPED"
  exit 77
fi
mkdir -p "$out"
fail=0
check() {
  got=$("$wasmcu" run "$1") || { echo "FAIL: $1 exited $?"; fail=1; return; }
  if [ "$got" = "$2" ]; then echo "ok: $(basename "$1") printed '$got'"; else echo "FAIL: $1 printed '$got', expected '$2'"; fail=1; fi
}
"$root/examples/hello-c/build.sh" "$out" >/dev/null
"$root/examples/hello-rust/build.sh" "$out" >/dev/null
check "$out/hello-c.wasm" "Hello clang world!"
check "$out/hello-rust.wasm" "Hello Rust World!"
# the seed's Rust hello without -zstack-size asks for a 1 MiB stack: a small pool must say so
/usr/bin/rustc -O -C link-self-contained=no -C link-args=--no-entry --target wasm32-wasi \
  -o "$out/hello-rust-bigstack.wasm" "$root/examples/hello-rust/main.rs"
if msg=$("$wasmcu" run --pool-size=256K "$out/hello-rust-bigstack.wasm" 2>&1); then
  echo "FAIL: the 1 MiB-stack module ran in a 256K pool"; fail=1
else
  case $msg in
    *"linear memory needs"*) echo "ok: big-stack module refused: $msg" ;;
    *) echo "FAIL: unclear error for the big-stack module: $msg"; fail=1 ;;
  esac
fi
# a firmware exporting its own natives, and the seed's embed sequence, with exact output
"$root/examples/natives/build.sh" "$wasmcu" "$out/natives-build" >/dev/null
want_natives='[board] LED on
blink 0 at 250 ms
[board] LED off
blink 1 at 500 ms
[board] LED on
blink 2 at 750 ms
[board] LED off
blink 3 at 1000 ms
[board] 4 toggles, LED off'
got=$("$out/natives-build/natives") || true
if [ "$got" = "$want_natives" ]; then echo "ok: natives example"; else echo "FAIL: natives example printed:"; echo "$got"; fail=1; fi
"$root/examples/embed/build.sh" "$wasmcu" "$out/embed-build" >/dev/null
got=$("$out/embed-build/embed" | sed 's/(pool peak [0-9]* bytes)/(pool peak N bytes)/; s/largest block [0-9]*/largest block N/; s/has [0-9]* free/has N free/')
want_embed='I (wasmcu) Initialize WASM runtime (pool 49152 bytes)
I (wasmcu) Load WASM module (218 bytes, read in place)
I (wasmcu) Instantiate WASM runtime
E (wasmcu) out of memory: linear memory needs 65536 bytes but the pool has N free (largest block N); give the runtime a bigger pool or the module less memory
I (wasmcu) Deinstantiate WASM runtime
I (wasmcu) Unload WASM module
I (wasmcu) Destroy WASM runtime (pool peak N bytes)
I (wasmcu) Initialize WASM runtime (pool 163840 bytes)
I (wasmcu) Load WASM module (218 bytes, read in place)
I (wasmcu) Instantiate WASM runtime
I (wasmcu) run main() of the application
Hello Rust World!
I (wasmcu) Deinstantiate WASM runtime
I (wasmcu) Unload WASM module
I (wasmcu) Destroy WASM runtime (pool peak N bytes)
I (wasmcu) Exiting...'
if [ "$got" = "$want_embed" ]; then echo "ok: embed example logs the seed's sequence"; else echo "FAIL: embed example printed:"; echo "$got"; fail=1; fi
# the env natives against the host's libc: same program, same output
clang --target=wasm32-wasi -O2 -nostdlib -Wl,--no-entry -Wl,--export=main -Wl,--export=__heap_base \
  -Wl,--allow-undefined -o "$out/env_check.wasm" "$root/tests/env/env_check.c"
cc -O2 -w -o "$out/env_check" "$root/tests/env/env_check.c"
"$out/env_check" > "$out/env_check.native.txt"
"$wasmcu" run "$out/env_check.wasm" > "$out/env_check.wasm.txt"
if cmp -s "$out/env_check.native.txt" "$out/env_check.wasm.txt"; then
  echo "ok: env natives print what the host's libc prints ($(wc -l < "$out/env_check.wasm.txt") lines)"
else
  echo "FAIL: env natives differ from libc:"; diff "$out/env_check.native.txt" "$out/env_check.wasm.txt" || true; fail=1
fi
# a bad pointer from the guest traps the module, never the host
printf '(module (import "env" "puts" (func $p (param i32) (result i32))) (memory 1)\n (func (export "main") (result i32) (call $p (i32.const 70000))))' > "$out/badptr.wat"
if command -v wat2wasm >/dev/null 2>&1 && wat2wasm "$out/badptr.wat" -o "$out/badptr.wasm"; then
  set +e; msg=$("$wasmcu" run "$out/badptr.wasm" 2>&1); rc=$?; set -e
  case "$rc:$msg" in
    134:*"puts: pointer outside linear memory"*) echo "ok: bad pointer trapped (exit 134)" ;;
    *) echo "FAIL: bad pointer gave exit $rc: $msg"; fail=1 ;;
  esac
fi
exit $fail
