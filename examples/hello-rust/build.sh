#!/bin/sh
# Builds the seed's no_std Rust hello with the seed's flags plus a 32 KiB stack (Rust's
# default 1 MiB stack would not fit a microcontroller). Uses Debian's rustc, which has the
# wasm32-wasi target. Output: $1/hello-rust.wasm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
rustc=/usr/bin/rustc
[ -x "$rustc" ] || rustc=rustc
"$rustc" -O -C link-self-contained=no -C link-args=--no-entry -C link-args=-zstack-size=32768 \
  --target wasm32-wasi -o "$out/hello-rust.wasm" "$here/main.rs"
echo "$out/hello-rust.wasm"
