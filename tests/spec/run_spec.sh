#!/bin/sh
# One spec file: convert it with wast2json, then run it. Usage: run_spec.sh WAST2JSON WASMCU OUTDIR FILE.wast
set -eu
wast2json=$1 wasmcu=$2 out=$3 wast=$4
name=$(basename "$wast" .wast)
mkdir -p "$out/$name"
"$wast2json" "$wast" -o "$out/$name/$name.json"
exec "$wasmcu" spec "$out/$name/$name.json"
