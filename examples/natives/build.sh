#!/bin/sh
# Builds the natives example: app.c -> app.wasm (imports env.led_set, env.millis, env.printf)
# -> app_wasm.h -> host firmware. Usage: build.sh WASMCU OUTDIR. Output: OUTDIR/natives.
set -eu
wasmcu=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
clang --target=wasm32-wasi -O2 -nostdlib -z stack-size=4096 -Wl,--initial-memory=65536 \
  -Wl,--no-entry -Wl,--export=main -Wl,--export=__heap_base -Wl,--allow-undefined -Wl,--strip-all \
  -o "$out/natives-app.wasm" "$root/examples/natives/app.c"
"$wasmcu" dump -o "$out/app_wasm.h" -n app_wasm "$out/natives-app.wasm"
cc -std=c11 -O2 -Wall -Wextra -I"$root/include" -I"$out" -o "$out/natives" \
  "$root/examples/natives/host.c" "$root"/src/*.c "$root"/lib/env/*.c -lm
echo "$out/natives"
