#!/usr/bin/env bash
# Throughput, latency and memory of CompassionBot on PostgreSQL, next to pgbench on the same server in the same run.
# Usage: benchmarks/throughput/run.sh [clients=16] [seconds=30]
# Starts its own PostgreSQL cluster (durable defaults: fsync and synchronous_commit on) from /usr/lib/postgresql/*/bin,
# as the postgres user when run as root, and removes it afterwards. Not part of `dotnet test`.
set -euo pipefail
clients="${1:-16}"
seconds="${2:-30}"
modes="${MODES:-pgbench throughput latency freetext memory}"   # e.g. MODES=memory to rerun one part
# ROUNDS=3 repeats the pgbench / throughput pair (see below).
# RATE=50 runs the latency part at another offered rate (default 200 messages/s).
# FREE_RATES="30 60" are the offered rates of the free-text part (sentences of 8-30 words through the semantic tier).
# BASELINE=/path/to/another/checkout measures that checkout's build too, in the same rounds (pgbench, this build, the
# baseline) and after each latency and free-text part: the before/after of a change in one run.
# PEOPLE=1000 HISTORY=1 measures the memory part on an almost empty database, for the baseline (keep PEOPLE >= 500:
# the 500 messages are spread over the seeded people, and fewer people would meet the flood guard).
# The memory part also prints the largest resident mappings; SMAPS_DUMP=/path keeps the host's whole /proc/PID/smaps.
here="$(cd "$(dirname "$0")" && pwd)"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
root="$(mktemp -d /tmp/cb-bench-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$root"; as_pg=(runuser -u postgres --); fi
cleanup() { "${as_pg[@]}" "$bin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$root"; }
trap cleanup EXIT

"${as_pg[@]}" "$bin/initdb" -D "$root/data" -U postgres -A trust -E UTF8 >/dev/null
cat >> "$root/data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$root'
listen_addresses = '127.0.0.1'
max_connections = 300
shared_buffers = 256MB
CONF
"${as_pg[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/log" -w start >/dev/null
psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt)
for db in pgbench throughput latency freetext memory; do "${psql[@]}" -c "CREATE DATABASE $db"; done
cs() { echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$1;Maximum Pool Size=200"; }

echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) cores; PostgreSQL $("$bin/postgres" --version | awk '{print $3}'); fsync=$("${psql[@]}" -c 'show fsync'), synchronous_commit=$("${psql[@]}" -c 'show synchronous_commit')"
dotnet build -c Release "$here" -v q -nologo >/dev/null
run() { dotnet "$here/bin/Release/net10.0/Throughput.Benchmarks.dll" "$@"; }
if [ -n "${BASELINE:-}" ]; then
  dotnet build -c Release "$BASELINE/benchmarks/throughput" -v q -nologo >/dev/null
  echo "baseline: $(git -C "$BASELINE" log -1 --format='%h %s' | cut -c1-80)"
fi
baseline() { dotnet "$BASELINE/benchmarks/throughput/bin/Release/net10.0/Throughput.Benchmarks.dll" "$@"; }
fresh() { "${psql[@]}" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# ROUNDS=3 alternates pgbench and the bot three times (fresh databases each round) and prints every ratio and the median:
# on a shared machine one pair can be off by a fifth either way.
ratios=()
base_ratios=()
# Before every measured part a CHECKPOINT writes out what the part before it left dirty: without it, the part that ran right
# after pgbench (always this build) paid for pgbench's writes. With a baseline, the two builds also swap places every
# round, so neither always runs first.
settle() { "${psql[@]}" -c CHECKPOINT; }
# throughput_of run|baseline: one measured throughput part of this build or of the baseline, and its ratio to pgbench.
throughput_of() {
  local label="bot" prefix=""
  if [ "$1" = baseline ]; then label="baseline" prefix="baseline "; fi
  fresh throughput; settle
  echo "load before $label throughput: $(load)"
  out="$("$1" throughput "$(cs throughput)" "$clients" "$seconds")"
  echo "$prefix$out"
  local got; got="$(echo "$out" | awk '/^throughput:/ {print $(NF-1)}')"
  if [ -n "$tps" ] && [ -n "$got" ]; then
    local ratio; ratio="$(python3 -c "print(f'{$got / $tps:.2f}')")"
    if [ "$1" = baseline ]; then base_ratios+=("$ratio"); else ratios+=("$ratio"); fi
    echo "round $round: $label / pgbench = ${ratio}x"
  fi
}
for round in $(seq 1 "${ROUNDS:-1}"); do
  tps=""
  if [[ " $modes " == *" pgbench "* ]]; then
    "${psql[@]}" -c "DROP DATABASE IF EXISTS pgbench" -c "CREATE DATABASE pgbench"
    "$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -i -s 10 -q pgbench 2>/dev/null
    settle
    echo "load before pgbench: $(load)"
    out="$("$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -c "$clients" -j 2 -T "$seconds" pgbench 2>/dev/null | grep -E '^(tps|latency average|number of clients)')"
    echo "$out"
    tps="$(echo "$out" | awk '/^tps/ {print $3}')"
  fi
  if [[ " $modes " == *" throughput "* ]]; then
    if [ -n "${BASELINE:-}" ] && [ $((round % 2)) -eq 0 ]; then
      throughput_of baseline; throughput_of run
    else
      throughput_of run
      if [ -n "${BASELINE:-}" ]; then throughput_of baseline; fi
    fi
  fi
done
if [ "${#base_ratios[@]}" -gt 0 ]; then echo "baseline ratios: ${base_ratios[*]}"; fi
if [ "${#ratios[@]}" -gt 1 ]; then
  echo "ratios: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')x"
fi
if [[ " $modes " == *" latency "* ]]; then
  fresh latency; settle; echo "load before latency: $(load)"; run latency "$(cs latency)" "${RATE:-200}" "$seconds"
  if [ -n "${BASELINE:-}" ]; then fresh latency; settle; echo "load before baseline latency: $(load)"; echo "baseline: $(baseline latency "$(cs latency)" "${RATE:-200}" "$seconds")"; fi
fi
if [[ " $modes " == *" freetext "* ]]; then
  for rate in ${FREE_RATES:-30 60}; do
    fresh freetext; settle
    echo "load before free text at $rate/s: $(load)"; run freetext "$(cs freetext)" "$rate" "$seconds"
    if [ -n "${BASELINE:-}" ] && [ -f "$BASELINE/benchmarks/throughput/FreeTextSentences.cs" ]; then
      fresh freetext; settle; echo "load before baseline free text at $rate/s: $(load)"; echo "baseline: $(baseline freetext "$(cs freetext)" "$rate" "$seconds")"
    fi
  done
fi
if [[ " $modes " == *" memory "* ]]; then echo "load before memory: $(load)"; run memory "$(cs memory)" "${PEOPLE:-100000}" "${HISTORY:-1000000}"; fi
echo "load after: $(load)"
