#!/usr/bin/env bash
# Builds the npm package into pkg/: the Rust core with wasm-pack (release profile tuned for size)
# and wasm-opt -Oz from npm's binaryen; the element layer (src/dom/*.js) bundled and minified by
# esbuild into index.js, the package entry; the hand-written types; our manifest fields. Prints
# the gzipped size of everything a browser downloads.
#   PKG_DIR=dir      build somewhere else (default pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${PKG_DIR:-pkg}

log=$(mktemp)
wasm-pack build --release --target web --out-dir "$out" --out-name payjp_wasm --no-pack . >/dev/null 2>"$log" \
  || { cat "$log" >&2; rm -f "$log"; exit 1; }
rm -f "$log"

# Features rustc emits for wasm32-unknown-unknown today; wasm-opt must be allowed to keep them.
wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/payjp_wasm_bg.wasm" -o "$out/payjp_wasm_bg.wasm"

# The entry: the element layer and the public API, with the wasm-bindgen glue left as an import.
esbuild src/dom/index.js --bundle --minify --format=esm --target=es2022 --log-level=warning \
  --external:./payjp_wasm.js --charset=utf8 --legal-comments=none --outfile="$out/index.js"
cp src/dom/index.d.ts "$out/index.d.ts"
# wasm-bindgen's own declarations describe the internal glue, not the API; they are not shipped.
rm -f "$out/payjp_wasm.d.ts" "$out/payjp_wasm_bg.wasm.d.ts"

# wasm-pack --no-pack writes no package.json; pkg.json (merged next) holds our fields.
echo '{}' > "$out/package.json"
node scripts/merge-manifest.mjs "$out"
rm -f "$out/.gitignore"

PKG_DIR=$out scripts/size.sh --report
