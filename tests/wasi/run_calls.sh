#!/bin/sh
# Random WASI calls (tests/wasi/calls.c) under a read-write and a read-only preopen, with
# canary files in the three directories above the sandbox and symlinks inside it pointing up.
# Each seed must end normally (exit 0, or a trap if the calls wrecked the guest's own memory):
# never a signal or a hang, and nothing outside the sandbox may change.
# Usage: run_calls.sh WASMCU OUTDIR [SEEDS]
set -u
wasmcu=$1 out=$2 seeds=${3:-200}
here=$(cd "$(dirname "$0")" && pwd)
command -v clang >/dev/null 2>&1 || { echo "clang missing (scripts/setup wasm): SKIPPED"; exit 77; }
[ -f /usr/include/wasm32-wasi/stdio.h ] || { echo "wasi-libc missing (scripts/setup wasm): SKIPPED"; exit 77; }
rm -rf "$out"
mkdir -p "$out/t/x1/x2"
clang --target=wasm32-wasi -O1 -Wall -Werror -o "$out/calls.wasm" "$here/calls.c" || exit 1
top=$out/t
for d in "$top" "$top/x1" "$top/x1/x2"; do
  for c in a b l m n secret; do echo canary > "$d/$c"; done
done
sb=$top/x1/x2/sandbox
snap() { find "$top" -path "$sb" -prune -o -type f -printf '%p %s %T@\n' -o -type l -printf '%p -> %l\n' | sort; }
snap > "$out/before"
bad=0 traps=0 outside=unchanged
i=1
while [ $i -le "$seeds" ]; do
  rm -rf "$sb"
  mkdir -p "$sb/a/b"
  ln -s .. "$sb/l"
  ln -s ../../secret "$sb/a/m"
  ln -s /etc "$sb/n"
  timeout 60 "$wasmcu" run --dir="$sb::/s" --dir-ro="$sb/a::/ro" "$out/calls.wasm" "seed$i" \
    < /dev/null > /dev/null 2> "$out/err"
  rc=$?
  case $rc in
    0) ;;
    134) traps=$((traps + 1)) ;;
    *) echo "FAIL: seed$i: exit $rc (a signal, a hang or an error)"; cat "$out/err"; bad=1 ;;
  esac
  i=$((i + 1))
done
snap > "$out/after"
if ! diff "$out/before" "$out/after"; then
  echo "FAIL: something outside the sandbox changed (above)"
  bad=1 outside=CHANGED
fi
echo "$seeds seeds of random calls: $traps ended in a guest trap; outside the sandbox: $outside"
exit $bad
