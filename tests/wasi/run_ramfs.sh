#!/bin/sh
# The device's RAM file system against the POSIX backend and node's WASI: tests/wasi/ramfs.c
# (files over many blocks, holes, truncation, directories, renames, removals, an unlinked open
# file, an escape) must print the same on all three.
# Usage: run_ramfs.sh WASI_RAMFS_RUN WASMCU OUTDIR
set -u
runner=$1 wasmcu=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
command -v clang >/dev/null 2>&1 || { echo "clang missing (scripts/setup wasm): SKIPPED"; exit 77; }
[ -f /usr/include/wasm32-wasi/stdio.h ] || { echo "wasi-libc missing (scripts/setup wasm): SKIPPED"; exit 77; }
rm -rf "$out"
mkdir -p "$out/sandbox" "$out/node-sandbox"
clang --target=wasm32-wasi -O2 -Wall -Werror -Wno-unused-result -Wl,--strip-all -o "$out/ramfs.wasm" "$here/ramfs.c" || exit 1
"$runner" "$out/ramfs.wasm" > "$out/ramfs.out" 2>&1
echo "exit $?" >> "$out/ramfs.out"
"$wasmcu" run --dir="$out/sandbox::/sandbox" "$out/ramfs.wasm" > "$out/posix.out" 2>&1
echo "exit $?" >> "$out/posix.out"
cat "$out/ramfs.out"
fail=0
diff "$out/posix.out" "$out/ramfs.out" || { echo "FAIL: the RAM file system and the POSIX backend differ (above)"; fail=1; }
if command -v node >/dev/null 2>&1 && node -e 'require("node:wasi")' 2>/dev/null; then
  node --no-warnings "$here/node_run.mjs" --dir="$out/node-sandbox::/sandbox" "$out/ramfs.wasm" > "$out/node.out" 2>&1
  echo "exit $?" >> "$out/node.out"
  diff "$out/node.out" "$out/ramfs.out" || { echo "FAIL: the RAM file system and node's WASI differ (above)"; fail=1; }
else
  echo "note: node not found, not compared with node's WASI"
fi
grep -q '^big: 20000 bytes' "$out/ramfs.out" && grep -q '^read after unlink: still here$' "$out/ramfs.out" &&
  grep -q '^escape: Capabilities insufficient$' "$out/ramfs.out" && grep -q '^exit 0$' "$out/ramfs.out" ||
  { echo "FAIL: unexpected output on the RAM file system"; fail=1; }
[ $fail = 0 ] && echo "ok: the RAM file system prints what the POSIX backend and node print"

# Rust std's file calls on it too (tests/wasi/hello.rs writes, reads back and removes a file)
if [ -x /usr/bin/rustc ] && /usr/bin/rustc --print target-list 2>/dev/null | grep -q '^wasm32-wasi$'; then
  /usr/bin/rustc --target wasm32-wasi -O -C link-args=--strip-all -o "$out/hello_rs.wasm" "$here/hello.rs" || exit 1
  "$runner" "$out/hello_rs.wasm" a b > "$out/rust.ramfs.out" 2>&1
  echo "exit $?" >> "$out/rust.ramfs.out"
  "$wasmcu" run --dir="$out/sandbox::/sandbox" "$out/hello_rs.wasm" a b > "$out/rust.posix.out" 2>&1
  echo "exit $?" >> "$out/rust.posix.out"
  cat "$out/rust.ramfs.out"
  if diff "$out/rust.posix.out" "$out/rust.ramfs.out" && grep -q '^read back: "from rust\\n"$' "$out/rust.ramfs.out"; then
    echo "ok: Rust std's files on the RAM file system"
  else
    echo "FAIL: Rust std on the RAM file system (above)"
    fail=1
  fi
else
  echo "note: Debian's rustc for wasm32-wasi missing: the Rust program was not run"
fi

# tests/wasi/calls.c's random hostile calls on the RAM file system: each run must end
# normally (0, or a trap when the calls wrecked the guest's own memory)
clang --target=wasm32-wasi -O1 -Wall -Werror -o "$out/calls.wasm" "$here/calls.c" || exit 1
i=1 traps=0
while [ $i -le 100 ]; do
  timeout 60 "$runner" "$out/calls.wasm" "seed$i" < /dev/null > /dev/null 2> "$out/calls.err"
  rc=$?
  case $rc in
    0) ;;
    134) traps=$((traps + 1)) ;;
    *) echo "FAIL: random calls, seed$i: exit $rc"; cat "$out/calls.err"; fail=1 ;;
  esac
  i=$((i + 1))
done
echo "100 seeds of random calls on the RAM file system: $traps ended in a guest trap"
exit $fail
