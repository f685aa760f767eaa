#!/bin/sh
# The interpreter's state stays in registers on Cortex-M: the code of plain handlers
# (i32.add, i32.and, local.get, br_if) never names sp. When GCC keeps pc or fp on the stack
# instead, every handler loads and stores it, which cost the emulated M4F up to 10% of its
# ticks (docs/performance.md), while instruction counts on x86-64 did not move. Compiles
# src/interp.c as the device builds do (-O2; OPT overrides, to see the check fail) for M3
# and M4F and reads the handlers' lines in the disassembly.
# Usage: check_registers.sh OUTDIR
set -u
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in arm-none-eabi-gcc arm-none-eabi-objdump; do
  command -v $tool >/dev/null 2>&1 || { echo "$tool missing (scripts/setup mcu): SKIPPED"; exit 77; }
done
mkdir -p "$out"
fail=0
for cpu in m3 m4f; do
  case $cpu in
    m3) flags="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
    m4f) flags="-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16" ;;
  esac
  arm-none-eabi-gcc $flags -std=c11 ${OPT:--O2} -g -I"$root/include" -I"$root/src" \
    -c "$root/src/interp.c" -o "$out/interp-$cpu.o" || exit 1
  arm-none-eabi-objdump -d -l "$out/interp-$cpu.o" > "$out/interp-$cpu.dis" || exit 1
  for h in I32_ADD I32_AND LOCAL_GET BR_IF; do
    line=$(grep -n "CASE(WM_OP_$h):" "$root/src/interp.c" | head -1 | cut -d: -f1)
    # the instructions objdump attributes to that line
    awk -v want="interp.c:$line" '
      /^\/.*interp\.c:[0-9]+/ { split($0, p, " "); here = (substr(p[1], length(p[1]) - length(want) + 1) == want) ; next }
      /^[0-9a-f]+ <.*>:$/ { here = 0; next }
      here && /^ +[0-9a-f]+:/ { print }' "$out/interp-$cpu.dis" > "$out/$h-$cpu.s"
    n=$(wc -l < "$out/$h-$cpu.s")
    s=$(grep -c '\bsp\b' "$out/$h-$cpu.s")
    if [ "$n" -eq 0 ]; then
      echo "FAIL: $cpu: no code found for $h (src/interp.c:$line)"; fail=1
    elif [ "$s" -ne 0 ]; then
      echo "FAIL: $cpu: $h's $n instructions name sp $s times (GCC spilled the loop's state):"
      cat "$out/$h-$cpu.s"; fail=1
    else
      echo "ok: $cpu: $h, $n instructions, no sp"
    fi
  done
done
exit $fail
