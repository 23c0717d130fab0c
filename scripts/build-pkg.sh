#!/usr/bin/env bash
# Builds the npm package into pkg/: wasm-pack (release profile tuned for size), then wasm-opt -Oz
# with npm's binaryen, then our manifest fields. Prints the gzipped size of wasm + JS glue.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm-pack build --release --target web --out-dir pkg --out-name payjp_wasm --no-pack . >/dev/null 2>pkg-build.log \
  || { cat pkg-build.log >&2; rm -f pkg-build.log; exit 1; }
rm -f pkg-build.log

# Features rustc emits for wasm32-unknown-unknown today; wasm-opt must be allowed to keep them.
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/payjp_wasm_bg.wasm -o pkg/payjp_wasm_bg.wasm

# wasm-pack --no-pack writes no package.json; start from the generated fields we rely on.
cat > pkg/package.json <<JSON
{
  "files": ["payjp_wasm_bg.wasm", "payjp_wasm.js", "payjp_wasm.d.ts", "payjp_wasm_bg.wasm.d.ts"],
  "main": "payjp_wasm.js",
  "module": "payjp_wasm.js",
  "types": "payjp_wasm.d.ts"
}
JSON
node scripts/merge-manifest.mjs pkg
rm -f pkg/.gitignore

scripts/size.sh --report
