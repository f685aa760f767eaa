#!/bin/sh
# Builds the embed example: hello-rust.wasm -> app_wasm.h (wasmcu dump) -> a host program
# linking the runtime's sources. Usage: build.sh WASMCU OUTDIR. Output: OUTDIR/embed.
set -eu
wasmcu=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
"$root/examples/hello-rust/build.sh" "$out" >/dev/null
"$wasmcu" dump -o "$out/app_wasm.h" -n app_wasm "$out/hello-rust.wasm"
cc -std=c11 -O2 -Wall -Wextra -I"$root/include" -I"$out" -o "$out/embed" \
  "$root/examples/embed/main.c" "$root"/src/*.c "$root"/lib/env/*.c -lm
echo "$out/embed"
