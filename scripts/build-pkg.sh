#!/usr/bin/env bash
# Builds the npm package into pkg/:
#   1. the Rust core with wasm-pack (release profile tuned for size), twice: the page's core and
#      the frames' (without the standalone validators), into target/pkg-build/glue{,-frame}/;
#   2. shorter import and export names in the wasm and its glue (scripts/shorten-names.mjs), then
#      wasm-opt -Oz from npm's binaryen;
#   3. esbuild bundles and terser minifies the JavaScript: index.js (the package entry: the merchant page's host, no
#      wasm), core.js (the page's core: validators and direct mode), frame.js (the wasm glue, card
#      fields, badge and frame runtime of the payment frames), tds-return.js (where a
#      3-D Secure challenge returns, on the frame origin) and payjp.js (the drop-in classic script);
#   4. web.js (the ./web entry), react.js and vue.js (the framework bindings), the hand-written
#      types and our manifest fields.
# Prints the gzipped size of everything a browser downloads (scripts/size.sh).
#   PKG_DIR=dir      build somewhere else (default pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${PKG_DIR:-pkg}
stage=target/pkg-build
rm -rf "$stage" "$out"
mkdir -p "$stage/src" "$out"

# Panic locations name source files. Without this, a dependency's carries the build machine's
# cargo home (/home/<you>/.cargo/registry/src/index.crates.io-<hash>/…); remapped, it is
# gloo-net-0.7.0/src/…, the same on every machine (-93 B gzipped). Std's are /rustc/<commit>/…
# already.
shopt -s nullglob
flags=(${RUSTFLAGS:-})
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do flags+=("--remap-path-prefix=$dir="); done
shopt -u nullglob
# Two builds of the crate (`wasm_build dir name cargo-args…`: glue dir/name.js, wasm dir/name_bg.wasm):
#   glue/payjp_wasm        the page's core (core.js: `init()`'s validators and direct mode), every
#                          feature; its wasm keeps the published name payjp_wasm_bg.wasm;
#   glue-frame/frame       the payment frames' (frame.js), without the standalone validators no
#                          frame calls (`--no-default-features`: 2.9 KB gzipped less per frame).
wasm_build() {
  local glue="$stage/$1" name=$2 log; shift 2
  log=$(mktemp)
  CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${flags[*]}") wasm-pack build --release --target web --out-dir "$glue" --out-name "$name" --no-pack . -- "$@" >/dev/null 2>"$log" \
    || { cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
  node scripts/shorten-names.mjs "$glue/${name}_bg.wasm" "$glue/$name.js" >/dev/null

  # --low-memory-unused (below) holds only while nothing is placed in the first 1 KB of memory.
  local lowest
  lowest=$(wasm-dis "$glue/${name}_bg.wasm" \
    | awk 'match($0, /^ \(data [^(]*\(i32\.const [0-9]+\)/) { n = substr($0, RSTART, RLENGTH); sub(/.*const /, "", n); sub(/\)/, "", n); if (m == "" || n + 0 < m) m = n + 0 } END { print m }')
  if [ -n "$lowest" ] && [ "$lowest" -lt 1024 ]; then
    echo "build-pkg: the $name module places data at $lowest, in the first 1 KB: wasm-opt's --low-memory-unused would be wrong" >&2
    exit 1
  fi

  # Features rustc emits for wasm32-unknown-unknown today; wasm-opt must be allowed to keep them.
  # --converge repeats -Oz until the module stops shrinking; --low-memory-unused lets wasm-opt fold
  # constant offsets into loads and stores. Together -333 B gzipped. The latter assumes nothing uses
  # the first 1 KB of memory: true of Rust's layout (the 1 MB stack comes first and grows down
  # towards 0; data starts at 1 MB), short of a stack within 1 KB of overflowing.
  wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$glue/${name}_bg.wasm" -o "$glue/opt.wasm"
}
wasm_build glue payjp_wasm
wasm_build glue-frame frame --no-default-features
cp "$stage/glue/opt.wasm" "$out/payjp_wasm_bg.wasm"
cp "$stage/glue-frame/opt.wasm" "$out/frame_bg.wasm"

# The sources (src/dom/page, frame, shared) import the glue as ../payjp_wasm.js; stage them with
# it and bundle. The staged copy is also what tests/browser serves to import a source module on
# its own.
# The frames' bundle is made from a second copy, with the frames' glue in that place.
cp -r src/dom/page src/dom/frame src/dom/shared src/dom/bindings "$stage/src/"
cp "$stage/glue/payjp_wasm.js" "$stage/src/payjp_wasm.js"
mkdir -p "$stage/src-frame"
cp -r src/dom/frame src/dom/shared "$stage/src-frame/"
cp "$stage/glue-frame/frame.js" "$stage/src-frame/payjp_wasm.js"
# Each bundle: esbuild bundles, terser minifies (three compress passes, function declarations
# hoisted), smaller gzipped than esbuild's minifier: ~300 bytes on the page's side, ~470 on
# core.js. Output is ASCII: the Japanese texts as \u escapes gzip smaller than as UTF-8 (-70 bytes
# for each of index.js, payjp.js and core.js), and the files no longer depend on being read as
# UTF-8. The page's side (10 KB budget) also lets terser assume property reads have no side
# effects and make its `unsafe` rewrites; the frame's bundles (the wasm glue) do not: there they
# saved nothing.
PAGE=passes=3,hoist_funs=true,unsafe=true,pure_getters=true
FRAME=passes=3,hoist_funs=true
bundle() { # entry format out compress-options [esbuild args]
  local entry=$1 format=$2 target=$3 compress=$4; shift 4
  esbuild "$entry" --bundle --format="$format" --target=es2022 --log-level=warning --charset=utf8 --legal-comments=none "$@" \
    --outfile="$stage/bundle.js"
  terser "$stage/bundle.js" $([ "$format" = esm ] && echo --module || echo --toplevel) --ecma 2022 \
    --compress "$compress" --mangle --comments false --format ascii_only=true --output "$target"
}
# index.js, the package entry: the page's host. No wasm; it imports ./core.js only on demand.
bundle "$stage/src/page/index.js" esm "$out/index.js" $PAGE --external:./core.js --external:./tds.js
# tds.js: the 3-D Secure dialog, which the page's side loads when a challenge starts.
bundle "$stage/src/page/three-d-secure.js" esm "$out/tds.js" $PAGE
# core.js: the page's core, which index.js's init() loads: the wasm glue with the validators, and
# direct mode's backend (the card fields, the badge, the client).
bundle "$stage/src/frame/index.js" esm "$out/core.js" $FRAME
# frame.js: what the payment frames load (www/frame.html): the card fields, the badge, the frame
# runtime and the frames' glue (its wasm is frame_bg.wasm).
bundle "$stage/src-frame/frame/main.js" esm "$out/frame.js" $FRAME
# tds-return.js: the frame origin's page where a 3-D Secure challenge returns (www/tds-return.html).
bundle "$stage/src/frame/return.js" esm "$out/tds-return.js" $FRAME
cp src/dom/index.d.ts "$out/index.d.ts"
# react.js and vue.js, the ./react and ./vue entries: the framework bindings (src/dom/bindings),
# with React and Vue left to the app (peer dependencies). They import nothing else of ours.
# react.js says "use client": a Next.js server component may import it, and the components then
# render on the client (esbuild and terser drop directives, so it goes on after them).
bundle "$stage/src/bindings/react.js" esm "$stage/react.js" $PAGE --external:react
{ echo '"use client";'; cat "$stage/react.js"; } > "$out/react.js"
bundle "$stage/src/bindings/vue.js" esm "$out/vue.js" $PAGE --external:vue
cp src/dom/bindings/react.d.ts src/dom/bindings/vue.d.ts "$out/"
# ./web: the same module, for browsers without a bundler (<script type="module">).
printf "export * from './index.js';\nexport { default } from './index.js';\n" > "$out/web.js"
# payjp.js: the drop-in classic script for payjp.js v2 pages (the host inside; isolated only).
bundle "$stage/src/page/classic.js" iife "$out/payjp.js" $PAGE

# pkg.json holds our manifest fields; the version comes from Cargo.toml.
echo '{}' > "$out/package.json"
node scripts/merge-manifest.mjs "$out"

PKG_DIR=$out scripts/size.sh --report
