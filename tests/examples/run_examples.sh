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
