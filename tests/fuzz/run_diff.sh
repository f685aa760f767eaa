#!/bin/sh
# Differential fuzzing: binaryen's `wasm-opt -ttf` turns random bytes into valid modules
# (MVP + sign-ext, non-trapping float-to-int, bulk memory, multi-value, mutable globals);
# each runs under wasmcu (diff_run.c) and under V8 (node, diff_node.mjs), and every export's
# results, traps and logged values must agree. Divergent modules are kept in OUT.
# NaN payloads are nondeterministic in wasm, and a payload stored to memory or reinterpreted
# as an integer differs between correct engines: binaryen's --denan pass replaces every NaN
# a function computes, so what remains comparable is compared exactly.
# Usage: run_diff.sh DIFF_RUN SECONDS OUT        exit 0 if no divergence, 1 otherwise
set -u
run=$1 seconds=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
for tool in wasm-opt node; do
  command -v $tool >/dev/null 2>&1 || { echo "run_diff: $tool not found: SKIPPED"; exit 77; }
done
mkdir -p "$out/batch"
features="--enable-sign-ext --enable-nontrapping-float-to-int --enable-bulk-memory --enable-multivalue --enable-mutable-globals"
end=$(($(date +%s) + seconds))
modules=0 calls=0 divergent=0 batchno=0
while [ "$(date +%s)" -lt "$end" ]; do
  batchno=$((batchno + 1))
  rm -f "$out"/batch/*
  files=""
  i=0
  while [ $i -lt 40 ]; do # a batch shares one process per engine
    i=$((i + 1))
    f="$out/batch/m$i.wasm"
    head -c $((512 + $(od -An -N2 -tu2 /dev/urandom) % 16384)) /dev/urandom > "$out/batch/m$i.dat"
    if wasm-opt "$out/batch/m$i.dat" -ttf $features --denan -o "$f" 2>/dev/null; then files="$files $f"; fi
  done
  # shellcheck disable=SC2086
  timeout 300 "$run" $files > "$out/batch/ours.txt" 2>&1
  # shellcheck disable=SC2086
  timeout 300 node --experimental-wasm-type-reflection "$here/diff_node.mjs" $files > "$out/batch/v8.txt" 2>&1
  for f in $files; do
    modules=$((modules + 1))
    awk -v f="== $f" '$0 == f {on = 1; next} /^== / {on = 0} on && !/^#/' "$out/batch/ours.txt" > "$out/batch/a"
    awk -v f="== $f" '$0 == f {on = 1; next} /^== / {on = 0} on && !/^#/' "$out/batch/v8.txt" > "$out/batch/b"
    calls=$((calls + $(grep -c '^call ' "$out/batch/b")))
    if ! cmp -s "$out/batch/a" "$out/batch/b" || [ ! -s "$out/batch/b" ]; then
      divergent=$((divergent + 1))
      d="$out/divergent-$batchno-$(basename "$f" .wasm)"
      mkdir -p "$d"
      cp "$f" "$out/batch/$(basename "$f" .wasm).dat" "$d/"
      cp "$out/batch/a" "$d/wasmcu.txt"; cp "$out/batch/b" "$d/v8.txt"
      echo "DIVERGENCE: $d"
      diff "$d/wasmcu.txt" "$d/v8.txt" | head -10
    fi
  done
done
echo "differential fuzzing: $modules modules, $calls export calls, $divergent divergent (wasmcu vs V8 $(node --version))"
[ $divergent -eq 0 ]
