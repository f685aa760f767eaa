#!/bin/sh
# All non-SIMD spec files in one run, ending with the totals line; SIMD files reported apart.
# Usage: summary.sh WAST2JSON WASMCU OUTDIR SPECDIR
set -eu
wast2json=$1 wasmcu=$2 out=$3 dir=$4
mkdir -p "$out"
core="" simd=""
for wast in "$dir"/*.wast; do
  name=$(basename "$wast" .wast)
  mkdir -p "$out/$name"
  "$wast2json" "$wast" -o "$out/$name/$name.json"
  case $name in simd_*) simd="$simd $out/$name/$name.json" ;; *) core="$core $out/$name/$name.json" ;; esac
done
echo "== SIMD files (SIMD is not supported yet: their SIMD modules count as skipped)"
"$wasmcu" spec $simd | tail -n 1
echo "== all non-SIMD files"
exec "$wasmcu" spec $core
