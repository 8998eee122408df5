#!/usr/bin/env bash
# Runs every test on a machine that has just the .NET SDK. The integration tests need PostgreSQL: BOT_TEST_POSTGRES
# when set, else the server binaries already installed (the tests start a throw-away cluster from them), else they are
# installed with the system's package manager, said in one line. Then `dotnet test CompassionBot.sln`; any arguments
# go on to it (e.g. ./test.sh --filter "FullyQualifiedName~Health").
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dotnet.microsoft.com/download)." >&2
  exit 1
fi

# Debian/Ubuntu's versioned folders, then Homebrew's keg-only installs, then PATH.
find_pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  for dir in /opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

install_pg() {
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      if ! command -v sudo >/dev/null 2>&1; then
        echo "PostgreSQL's server binaries are missing: run 'apt-get install postgresql' as root, or set BOT_TEST_POSTGRES." >&2
        exit 1
      fi
      sudo="sudo"
    fi
    echo "Installing PostgreSQL's server binaries for the integration tests: ${sudo:+sudo }apt-get install postgresql"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  elif command -v brew >/dev/null 2>&1; then
    echo "Installing PostgreSQL for the integration tests: brew install postgresql@17"
    brew install --quiet postgresql@17 >/dev/null
  else
    echo "PostgreSQL's server binaries (initdb, pg_ctl) are missing and there is no apt-get or brew to install them: install them, or set BOT_TEST_POSTGRES to a connection string of a role that may create databases." >&2
    exit 1
  fi
}

if [ -z "${BOT_TEST_POSTGRES:-}" ]; then
  if ! PG_BIN="$(find_pg_bin)"; then
    install_pg
    PG_BIN="$(find_pg_bin)"
  fi
  export PATH="$PG_BIN:$PATH"
fi

# One test project at a time: the Discord and Telegram fakes answer on real sockets with real timeouts, and sharing two
# cores with the PostgreSQL-heavy integration suite made them miss a beat now and then.
exec dotnet test CompassionBot.sln -m:1 "$@"
