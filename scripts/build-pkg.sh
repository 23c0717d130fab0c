#!/usr/bin/env bash
# Builds the npm package into pkg/: wasm-pack (release profile tuned for size), then wasm-opt -Oz
# with npm's binaryen, then our manifest fields. Prints the gzipped size of wasm + JS glue.
#   PKG_DIR=dir      build somewhere else (default pkg)
#   FEATURES=list    cargo features, e.g. FEATURES=elements for the work-in-progress elements
set -euo pipefail
cd "$(dirname "$0")/.."
out=${PKG_DIR:-pkg}
features=()
[ -n "${FEATURES:-}" ] && features=(--features "$FEATURES")

log=$(mktemp)
wasm-pack build --release --target web --out-dir "$out" --out-name payjp_wasm --no-pack . "${features[@]}" >/dev/null 2>"$log" \
  || { cat "$log" >&2; rm -f "$log"; exit 1; }
rm -f "$log"

# Features rustc emits for wasm32-unknown-unknown today; wasm-opt must be allowed to keep them.
wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/payjp_wasm_bg.wasm" -o "$out/payjp_wasm_bg.wasm"

# wasm-pack --no-pack writes no package.json; start from the generated fields we rely on.
cat > "$out/package.json" <<JSON
{
  "files": ["payjp_wasm_bg.wasm", "payjp_wasm.js", "payjp_wasm.d.ts", "payjp_wasm_bg.wasm.d.ts"],
  "main": "payjp_wasm.js",
  "module": "payjp_wasm.js",
  "types": "payjp_wasm.d.ts"
}
JSON
node scripts/merge-manifest.mjs "$out"
rm -f "$out/.gitignore"

PKG_DIR=$out scripts/size.sh --report
