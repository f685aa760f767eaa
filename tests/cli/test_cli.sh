#!/bin/sh
# The CLI's error paths and outputs. Usage: test_cli.sh WASMCU OUTDIR
set -u
wasmcu=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
fail=0
expect() { # expect NAME WANT_RC PATTERN -- command...
  name=$1 want=$2 pat=$3; shift 4
  got=$("$@" 2>&1); rc=$?
  case "$rc:$got" in
    "$want:"*$pat*) echo "ok: $name" ;;
    *) echo "FAIL: $name: exit $rc (want $want), output: $got"; fail=1 ;;
  esac
}
expect "help" 0 "usage: wasmcu COMMAND" -- "$wasmcu" --help
expect "unknown command" 2 "unknown command" -- "$wasmcu" frobnicate
expect "run --help" 0 "usage: wasmcu run" -- "$wasmcu" run --help
expect "run bad flag" 2 "bad option --bogus" -- "$wasmcu" run --bogus x.wasm
expect "run bad size" 2 "bad option --stack-size=12Q" -- "$wasmcu" run --stack-size=12Q x.wasm
expect "run missing file" 1 "cannot read" -- "$wasmcu" run "$out/none.wasm"
expect "run --dir of a missing directory" 1 "cannot open directory $out/nodir" -- "$wasmcu" run --dir="$out/nodir" "$root/README.md"
expect "run bad --env" 2 "bad option --env=NOEQUALS" -- "$wasmcu" run --env=NOEQUALS x.wasm
expect "run bad --dir" 2 "bad option --dir=::guest" -- "$wasmcu" run --dir=::guest x.wasm
expect "dump --help" 0 "usage: wasmcu dump" -- "$wasmcu" dump --help
expect "dump bad name" 2 "not a C identifier" -- "$wasmcu" dump -o - -n 9bad "$root/tests/unit/core.wat"
expect "inspect --help" 0 "usage: wasmcu inspect" -- "$wasmcu" inspect --help
expect "spec no file" 2 "no file given" -- "$wasmcu" spec
printf 'garbage' > "$out/garbage.wasm"
expect "malformed module" 1 "magic header not detected" -- "$wasmcu" run "$out/garbage.wasm"
if command -v wat2wasm >/dev/null 2>&1; then
  wat2wasm --debug-names "$root/tests/unit/core.wat" -o "$out/core.wasm"
  cat > "$out/cli.wat" <<'WAT'
(module
  (func $fac (export "fac") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 1))
      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
  (func (export "multi") (param i32) (result i32 f64) (local.get 0) (f64.const 2.5))
  (func $div (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
  (func $mid (param i32) (result i32) (call $div (i32.const 1) (local.get 0)))
  (func (export "outer") (param i32) (result i32) (call $mid (local.get 0)))
  (func (export "main") (result i32) (i32.const 7)))
WAT
  wat2wasm --debug-names "$out/cli.wat" -o "$out/cli.wasm"
  expect "-f with results" 0 "120" -- "$wasmcu" run -f fac "$out/cli.wasm" 5
  expect "-f multi-value" 0 "2.5" -- "$wasmcu" run -f multi "$out/cli.wasm" 3
  expect "-f wrong arg count" 2 "takes 1 arguments" -- "$wasmcu" run -f fac "$out/cli.wasm"
  expect "-f bad argument" 2 "does not fit its type" -- "$wasmcu" run -f fac "$out/cli.wasm" abc
  expect "trap three calls deep: exit 134, backtrace with names" 134 'at func 2 "div" (offset 0x7b)
  at func 3 "mid" (offset 0x83)
  at func 4 "outer" (offset 0x8a)' -- "$wasmcu" run -f outer "$out/cli.wasm" 0
  expect "exit status is main's result" 7 "" -- "$wasmcu" run "$out/cli.wasm"
  expect "--fuel stops a long run" 124 "fuel exhausted" -- "$wasmcu" run --fuel=1000 -f fac "$out/cli.wasm" 5000
  expect "--fuel enough" 0 "120" -- "$wasmcu" run --fuel=1000 -f fac "$out/cli.wasm" 5
  expect "--max-call-depth" 134 "call stack exhausted" -- "$wasmcu" run --max-call-depth=10 -f fac "$out/cli.wasm" 50
  expect "bad --fuel" 2 "bad option --fuel=0" -- "$wasmcu" run --fuel=0 "$out/cli.wasm"
  printf '(module (import "env" "gpio_write" (func (param i32 i32))) (memory 17) (global (mut i32) (i32.const 1048576)))' > "$out/warn.wat"
  wat2wasm "$out/warn.wat" -o "$out/warn.wasm"
  expect "inspect names a missing native" 0 "env.gpio_write is provided by no registered native" -- "$wasmcu" inspect "$out/warn.wasm"
  expect "inspect warns about a 1 MiB stack" 0 "-zstack-size=32768" -- "$wasmcu" inspect "$out/warn.wasm"
  printf '(module (memory 1) (data (i32.const 16) "hi") (func (export "peek") (param i32) (result i32) (i32.load (local.get 0))))' > "$out/small.wat"
  wat2wasm "$out/small.wat" -o "$out/small.wasm"
  printf '(module (memory 1) (func (export "g") (result i32) (memory.grow (i32.const 1))))' > "$out/grows.wat"
  wat2wasm "$out/grows.wat" -o "$out/grows.wasm"
  # an add feeding a load's or store's address runs fused with it: the trap still names the
  # load or store (offsets as wasm-objdump -d prints them)
  printf '(module (memory 1) (func (export "load") (param i32) (result i32) (i32.load offset=4 (i32.add (local.get 0) (i32.const 65536)))) (func (export "store") (param i32) (i32.store (i32.add (local.get 0) (i32.const 65536)) (local.get 0))))' > "$out/fused.wat"
  wat2wasm "$out/fused.wat" -o "$out/fused.wasm"
  expect "fused add+load traps at the load" 134 'at func 0 "load" (offset 0x3c)' -- "$wasmcu" run -f load "$out/fused.wasm" 1
  expect "fused add+store traps at the store" 134 'at func 1 "store" (offset 0x4b)' -- "$wasmcu" run -f store "$out/fused.wasm" 1
  expect "small memory: last word in bounds" 0 "0" -- "$wasmcu" run --small-memory=256 -f peek "$out/small.wasm" 252
  expect "small memory: data kept" 0 "26984" -- "$wasmcu" run --small-memory=256 -f peek "$out/small.wasm" 16
  expect "small memory: past the end traps naming the mode" 134 "small-memory mode: only the first 256 bytes" -- "$wasmcu" run --small-memory=256 -f peek "$out/small.wasm" 253
  expect "small memory: data past the end" 134 "small-memory mode: raise small_memory_bytes" -- "$wasmcu" run --small-memory=17 -f peek "$out/small.wasm" 0
  expect "small memory: refused for memory.grow" 1 "func 0 uses memory.grow" -- "$wasmcu" run --small-memory=256 -f g "$out/grows.wasm"
  expect "inspect reports the small-memory saving" 0 "small-memory=32, small_memory_bytes) saves 65504 bytes" -- "$wasmcu" inspect "$out/small.wasm"
  expect "inspect: no small memory with memory.grow" 0 "not possible: func 0 uses memory.grow" -- "$wasmcu" inspect "$out/grows.wasm"
  expect "unknown import named" 1 'import "env"."twice"' -- "$wasmcu" run -f fac "$out/core.wasm" 1
  # dump: the header compiles and holds the module's exact bytes
  "$wasmcu" dump -o "$out/core_wasm.h" -n core_wasm "$out/core.wasm" || fail=1
  printf '#include <stdio.h>\n#include "core_wasm.h"\nint main(void){fwrite(core_wasm,1,core_wasm_len,stdout);return 0;}\n' > "$out/dumpcheck.c"
  if cc -Wall -Werror -I"$out" -o "$out/dumpcheck" "$out/dumpcheck.c" && "$out/dumpcheck" | cmp -s - "$out/core.wasm"; then
    echo "ok: dump header compiles and round-trips the bytes"
  else
    echo "FAIL: dump header"; fail=1
  fi
  grep -q "static const unsigned char core_wasm" "$out/core_wasm.h" || { echo "FAIL: dump array not static const"; fail=1; }
else
  echo "wat2wasm missing: module tests skipped"
fi
exit $fail
