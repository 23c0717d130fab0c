#!/usr/bin/env bash
# The download a buyer pays for: pkg/*_bg.wasm plus the JS glue, each gzip -9, in bytes.
#   scripts/size.sh --report   prints the figure
#   scripts/size.sh --check    also fails when it exceeds SIZE_LIMIT (default: the hard ceiling)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_GOAL=35000
SIZE_LIMIT=${SIZE_LIMIT:-60000}

total=0
lines=""
dir=${PKG_DIR:-pkg}
for f in "$dir"/*_bg.wasm "$dir"/*.js; do
  [ -f "$f" ] || continue
  n=$(gzip -9 -c "$f" | wc -c)
  total=$((total + n))
  lines+=$(printf '  %-28s %6d bytes gzipped\n' "$(basename "$f")" "$n")$'\n'
done
[ "$total" -gt 0 ] || { echo "size: no package in $dir/ (run make pkg)" >&2; exit 1; }
printf 'package size of %s/ (gzip -9):\n%s  %-28s %6d bytes  (goal %d, ceiling %d)\n' "$dir" "$lines" "total" "$total" "$SIZE_GOAL" "$SIZE_LIMIT"
if [ "${1:-}" = "--check" ] && [ "$total" -gt "$SIZE_LIMIT" ]; then
  echo "size: FAILED: $total bytes is over the ceiling of $SIZE_LIMIT" >&2
  exit 1
fi
