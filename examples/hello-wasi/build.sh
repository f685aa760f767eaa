#!/bin/sh
# Builds the wasi-libc hello with the flags a full-libc program uses:
# clang --target=wasm32-wasi -O2 -Wl,--strip-all. Output: $1/hello-wasi.wasm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
clang --target=wasm32-wasi -O2 -Wl,--strip-all -o "$out/hello-wasi.wasm" "$here/main.c"
echo "$out/hello-wasi.wasm"
