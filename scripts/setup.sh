#!/usr/bin/env bash
# Idempotent setup: installs whatever is missing. Safe to run again.
#   scripts/setup.sh build   what building needs (make setup-build: `make pkg`, `make demo`): the
#                            wasm target, wasm-bindgen-cli, wasm-pack, the npm build tools
#   scripts/setup.sh         all of it (make setup: `make test`): also the browsers, their drivers,
#                            CJK fonts for screenshots, and PAY.JP's Python library for tests/official
#   scripts/setup.sh fuzz    what `make fuzz` needs only: a nightly toolchain and cargo-fuzz
set -euo pipefail
what=${1:-all}
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- Fuzzing (make fuzz): nightly Rust and cargo-fuzz, nothing else -------------------------------
if [ "$what" = fuzz ]; then
  if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    log "installing the nightly toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    log "installing cargo-fuzz (a few minutes, once)"
    cargo install cargo-fuzz --locked
  fi
  log "ok ($(rustup run nightly rustc --version), $(cargo fuzz --version))"
  exit 0
fi

# The wasm-bindgen CLI must match the library version pinned in Cargo.toml / Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -1)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the pinned wasm-bindgen version from Cargo.toml" >&2; exit 1; }

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# --- Debian packages: browsers, drivers (tests only) --------------------------------------------
need_apt=()
if [ "$what" = all ]; then
have chromium || need_apt+=(chromium)
have chromedriver || need_apt+=(chromium-driver)
have firefox-esr || have firefox || need_apt+=(firefox-esr)
# Japanese glyphs, so that screenshots of the checkout are readable.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
fi

# --- Rust: target and tools ---------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! { have wasm-bindgen && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; }; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # --locked can fail when the registry no longer serves a version the CLI's lock file names;
  # then fall back to the newest compatible dependencies.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have wasm-pack; then
  log "installing wasm-pack"
  cargo install wasm-pack --locked || cargo install wasm-pack
fi
# 0.36 or later: tests/webdriver.mjs starts it with --allow-system-access (Firefox's offline mode).
geckodriver_ok() {
  local v
  v=$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }')
  [ -n "$v" ] && [ "$(printf '%s\n0.36.0\n' "$v" | sort -V | head -n 1)" = 0.36.0 ]
}
if [ "$what" = all ] && ! geckodriver_ok; then
  log "installing geckodriver"
  cargo install geckodriver --locked --force || cargo install geckodriver --force
fi

# --- Node tools (local to the repo, pinned by package-lock.json) -----------------------------
# wasm-opt comes from npm's binaryen (recent; Debian's 108 rejects features newer rustc emits).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/tsc ] \
   || [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/terser ] || [ ! -d node_modules/payjp ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node dev dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- PAY.JP's official Python library, for tests/official (pinned by its requirements.txt) ------
venv=tests/official/.venv
if [ "$what" = all ] && { [ ! -x "$venv/bin/python" ] || [ tests/official/requirements.txt -nt "$venv/.installed" ]; }; then
  log "installing PAY.JP's Python library into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/official/requirements.txt
  touch "$venv/.installed"
fi

log "ok (wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-pack --version), $(node_modules/.bin/wasm-opt --version | head -1))"
