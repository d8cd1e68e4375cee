#!/usr/bin/env bash
# Measures stormsim's speed and memory on this machine; the output is the table in docs/benchmarks.md.
# Usage: scripts/bench.sh [STORMSIM_BINARY]   (default: build/sim/stormsim, built with CMAKE_BUILD_TYPE=Release)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/sim/stormsim}
runs=20

# Prints "<events> <mean seconds of user+system time per run> <peak RSS in MiB>" for one command line.
measure() {
  local events total=0 peak=0 line
  events=$("$binary" run "$@" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["sim"]["events"])')
  for _ in $(seq "$runs"); do
    line=$( { /usr/bin/time -f "%U %S %M" "$binary" run "$@" --json > /dev/null; } 2>&1 )
    read -r user system rss <<< "$line"
    total=$(/usr/bin/python3 -c "print($total + $user + $system)")
    peak=$(( rss > peak ? rss : peak ))
  done
  /usr/bin/python3 -c "print($events, f'{$total / $runs:.3f}', f'{$peak / 1024:.1f}')"
}

report() {
  local name=$1
  shift
  read -r events seconds mib <<< "$(measure "$@")"
  /usr/bin/python3 -c "
events, seconds = $events, $seconds
rate = events / seconds / 1e6 if seconds > 0 else float('nan')
print(f'| $name | {events:,} | {seconds:.3f} s | {rate:.2f} M | $mib MiB |')"
}

echo "| run | events | process time (user + system) | events per second | peak RSS |"
echo "|---|--:|--:|--:|--:|"
report "start-up only (1 s scenario)" scenarios/rogue-flows-2017.json --set /duration=1s
report "incident, no guards" scenarios/rogue-flows-2017.json
report "incident, threshold-10-in-10s variant" scenarios/rogue-flows-2017.json --variant threshold-10-in-10s
report "incident, nine guards at every point" scenarios/rogue-flows-2017.json --set "/guards=$(tr -d '\n' < bench/all-guards.json)"
runs=3
report "10^5 emails delivered" bench/scale-emails.json --set /duration=100s
report "10^6 emails delivered" bench/scale-emails.json --set /duration=1000s
runs=1
report "10^7 emails delivered" bench/scale-emails.json --set /duration=10000s
