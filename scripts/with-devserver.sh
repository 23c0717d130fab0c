#!/usr/bin/env bash
# Runs a command with two devservers on free loopback ports: a normal one and one in --cdn-test
# mode. Their API bases are exported as PAYJP_TEST_API_BASE and PAYJP_TEST_CDN_API_BASE; both
# allow any loopback origin (the browser test runner picks its own port). Both servers stop
# when the command ends, whatever its outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/devserver
[ -x "$bin" ] || { echo "with-devserver: build the devserver first (make devserver)" >&2; exit 1; }

pids=()
logs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "${logs[@]}"
}
trap cleanup EXIT

# start VAR [devserver args...]: starts a server and sets VAR to its API base.
start() {
  local var=$1; shift
  local log; log=$(mktemp)
  logs+=("$log")
  "$bin" --payment-addr 127.0.0.1:0 --merchant-addr 127.0.0.1:0 --allow-origin 'http://127.0.0.1:*' "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    local url; url=$(sed -n 's/^devserver: payment API at //p' "$log")
    if [ -n "$url" ]; then export "$var=$url"; return; fi
    sleep 0.1
  done
  echo "with-devserver: the devserver did not start:" >&2; cat "$log" >&2; exit 1
}

start PAYJP_TEST_API_BASE --rate 2
start PAYJP_TEST_CDN_API_BASE --cdn-test
"$@"
