#!/usr/bin/env bash
# Scheduling benchmark: see docs/benchmarks.md. Uses BOT_TEST_POSTGRES, or starts a throw-away PostgreSQL cluster
# from the local server binaries (like the integration tests). Usage: ./run.sh [people=100000] [due=10000] [rate=100]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release SchedulingBenchmark.csproj -v quiet -nologo
dotnet bin/Release/net10.0/SchedulingBenchmark.dll "$@"
