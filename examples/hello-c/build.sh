#!/bin/sh
# Builds the seed's C hello with the seed's flags: no libc, so printf becomes an import of
# env.puts (clang turns a printf of a plain line into puts). Output: $1/hello-c.wasm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
clang --target=wasm32-wasi -O3 -z stack-size=4096 -Wl,--initial-memory=65536 \
  -o "$out/hello-c.wasm" "$here/main.c" \
  -Wl,--export=main -Wl,--export=__main_argc_argv \
  -Wl,--export=__data_end -Wl,--export=__heap_base \
  -Wl,--strip-all,--no-entry -Wl,--allow-undefined -nostdlib -Wno-unused-parameter
echo "$out/hello-c.wasm"
