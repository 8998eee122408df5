#!/usr/bin/env bash
# Probe sentences (not an evaluation set): for each file, how many lines the screen hears, and how many get the urgent
# response. Usage: benchmarks/safety/probes/run.sh [checkout=this one]  (builds benchmarks/safety there first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${1:-$here/../../..}"
dotnet build -c Release "$root/benchmarks/safety" -v q -nologo >/dev/null
for file in "$here"/*.txt; do
  out="$(dotnet "$root/benchmarks/safety/bin/Release/net10.0/Safety.Benchmarks.dll" --probe < "$file")"
  total="$(grep -c . "$file")"
  heard="$(grep -vc -- '-> None |' <<< "$out" || true)"
  urgent="$(grep -cE -- '-> (Explicit|Imminent) \|' <<< "$out" || true)"
  printf '%-28s %3s lines  heard %3s  urgent %3s\n' "$(basename "$file")" "$total" "$heard" "$urgent"
done
