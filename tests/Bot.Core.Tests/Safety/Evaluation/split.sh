#!/usr/bin/env bash
# Reproducible split of the crisis-detector evaluation set.
# Usage: split.sh <scratch-dir>
#   <scratch-dir> must contain risk/<category>.txt and safe/<category>.txt (full lists).
# Rule: message lines (non-empty, not starting with '#') are numbered from 1 per file;
#       odd-numbered lines go to tuning/, even-numbered lines go to heldout/.
#       Comment lines are copied to the top of both halves.
set -euo pipefail

src="${1:?usage: split.sh <scratch-dir>}"
out="$(cd "$(dirname "$0")" && pwd)"

for kind in risk safe; do
  mkdir -p "$out/tuning/$kind" "$out/heldout/$kind"
  for f in "$src/$kind"/*.txt; do
    [ -e "$f" ] || continue
    name="$(basename "$f")"
    awk -v tun="$out/tuning/$kind/$name" -v held="$out/heldout/$kind/$name" '
      BEGIN { n = 0; printf "" > tun; printf "" > held }
      { sub(/\r$/, "") }
      /^#/ { print >> tun; print >> held; next }
      /^[[:space:]]*$/ { next }
      { n++; if (n % 2 == 1) print >> tun; else print >> held }
    ' "$f"
  done
done
echo "split done: $out/{tuning,heldout}/{risk,safe}"
