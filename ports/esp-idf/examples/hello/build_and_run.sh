#!/bin/sh
# Builds the Rust (or C) hello to wasm, embeds it with `wasmcu dump`, then builds, flashes and
# monitors the ESP-IDF project. Needs ESP-IDF's environment (`. $IDF_PATH/export.sh`) and a
# board on PORT. Usage: build_and_run.sh [rust|c] [PORT]   (default: rust, /dev/ttyUSB0)
set -eu
lang=${1:-rust} port=${2:-/dev/ttyUSB0}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
command -v idf.py >/dev/null 2>&1 || { echo "idf.py not found: run '. \$IDF_PATH/export.sh' first" >&2; exit 1; }
[ -x "$root/build/wasmcu" ] || { cmake -S "$root" -B "$root/build" >/dev/null && cmake --build "$root/build" -j2 >/dev/null; }
out="$here/build-wasm"
mkdir -p "$out"
"$root/examples/hello-$lang/build.sh" "$out" >/dev/null
"$root/build/wasmcu" dump -o "$here/main/app_wasm.h" -n app_wasm "$out/hello-$lang.wasm"
"$root/build/wasmcu" inspect "$out/hello-$lang.wasm"
cd "$here"
idf.py set-target esp32
idf.py build
idf.py -p "$port" flash monitor
