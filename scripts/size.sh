#!/usr/bin/env bash
# What each kind of page downloads for the SDK, gzip -9, in bytes, against its budget
# (KB = 1,024 bytes):
#   isolated merchant page  index.js (+ web.js), or payjp.js     <= 10 KB   no wasm, no card code
#     (+ tds.js, the 3-D Secure dialog, loaded when a challenge starts: reported, and counted in a
#     second budget with it, <= 12 KB)
#   payment frame           frame.html, frame.js,
#                           frame_bg.wasm                        <= 60 KB
#   direct mode page        index.js, core.js,
#                           payjp_wasm_bg.wasm                   <= 70 KB
#   each framework binding  react.js, vue.js                     <= 2 KB    beside index.js
#   scripts/size.sh --report   prints the figures
#   scripts/size.sh --check    also fails when one is over its budget
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${PKG_DIR:-pkg}
[ -f "$dir/payjp_wasm_bg.wasm" ] || { echo "size: no package in $dir/ (run make pkg)" >&2; exit 1; }

gz() { gzip -9 -c "$1" | wc -c; }
declare -A n
for f in index.js web.js payjp.js tds.js core.js payjp_wasm_bg.wasm frame.js frame_bg.wasm react.js vue.js; do n[$f]=$(gz "$dir/$f"); done
for f in frame.html; do n[$f]=$(gz "www/$f"); done

printf 'package files in %s/ (gzip -9):\n' "$dir"
for f in index.js web.js payjp.js tds.js core.js payjp_wasm_bg.wasm frame.js frame_bg.wasm react.js vue.js; do printf '  %-22s %6d\n' "$f" "${n[$f]}"; done

failed=0
budget() { # name bytes limit
  local state=ok
  if [ "$2" -gt "$3" ]; then state=OVER; failed=1; fi
  printf '  %-50s %6d bytes  (budget %6d)  %s\n' "$1" "$2" "$3" "$state"
}
echo 'what each page downloads for the SDK:'
budget 'isolated merchant page, module (index.js+web.js)' $((n[index.js] + n[web.js])) 10240
budget 'isolated merchant page, drop-in (payjp.js)' "${n[payjp.js]}" 10240
budget '  the same paying with 3-D Secure (+ tds.js)' $((n[payjp.js] + n[tds.js])) 12288
budget 'payment frame (frame page, frame.js, its wasm)' $((n[frame.html] + n[frame.js] + n[frame_bg.wasm])) 61440
budget 'direct mode page (index.js, core.js, wasm)' $((n[index.js] + n[core.js] + n[payjp_wasm_bg.wasm])) 71680
echo 'what a framework binding adds to the merchant page:'
budget 'React (react.js)' "${n[react.js]}" 2048
budget 'Vue (vue.js)' "${n[vue.js]}" 2048
if [ "${1:-}" = "--check" ] && [ "$failed" = 1 ]; then
  echo "size: FAILED: over budget" >&2
  exit 1
fi
