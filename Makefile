# payjp-wasm: the two front-door commands are `make demo` and `make test`.
# Every target first runs scripts/setup.sh, which installs whatever is missing: `make demo` and
# `make pkg` only what building needs (setup-build), `make test` also the browsers and drivers.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Browser tests run through wasm-bindgen's test runner, driving the browsers installed by setup.
# scripts/with-devserver.sh starts the devservers the API tests talk to, and stops them after.
BROWSER_TEST = scripts/with-devserver.sh env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test web --test web_api

.PHONY: setup setup-build setup-fuzz fuzz pkg devserver bench bench-storm bench-resources test test-native test-chromium test-firefox test-size test-package test-e2e test-attacks test-conformance test-tds test-ux test-faults test-frameworks test-official demo clean

setup:
	@scripts/setup.sh

setup-build:
	@scripts/setup.sh build

setup-fuzz:
	@scripts/setup.sh fuzz

## fuzz: every fuzz target of fuzz/ for FUZZ_SECONDS each (default 60), one at a time, one job,
## niced; seeds empty corpora from the table tests, minimises each corpus after its run, prints
## executions, coverage and crashes (README, "Fuzzing"). Installs nightly and cargo-fuzz if missing.
## FUZZ_TARGETS="expiry cvc" runs only those. Not part of make test.
FUZZ_SECONDS ?= 60
fuzz: setup-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

## pkg: the npm package in pkg/, size-tuned; prints its gzipped size
pkg: setup-build
	@scripts/build-pkg.sh

devserver:
	cargo build --release -p devserver

## test: everything — native, headless Chromium and Firefox, end to end, size ceiling
test: setup test-native test-chromium test-firefox test-size test-package test-e2e test-attacks test-conformance test-tds test-ux test-faults test-frameworks test-official
	@echo "make test: all suites passed"

test-native:
	cargo test --workspace --all-targets
	# The fuzz targets (a workspace of their own) still compile against the library.
	cargo check --manifest-path fuzz/Cargo.toml --bins

# The card elements (src/dom/*.js) are tested in-page by tests/browser/, in both browsers.
test-chromium: setup pkg devserver
	CHROMEDRIVER=/usr/bin/chromedriver $(BROWSER_TEST)
	node tests/browser/run.mjs chromium

test-firefox: setup pkg devserver
	GECKODRIVER=$$(command -v geckodriver) $(BROWSER_TEST)
	node tests/browser/run.mjs firefox

test-size: pkg
	@scripts/size.sh --check

## test-package: the npm package's file list and manifest, a server-side import, 30,000 inputs of
## the style fuzzer (fuzz/js/style.mjs, seed 1), the
## TypeScript declarations under tsc --strict (tests/types: valid.ts must compile, invalid.ts
## must fail exactly where it says @ts-expect-error), and three consumers that each tokenize a
## test card: a Vite 7 app, a page without a bundler, a payjp.js v2 page on the drop-in script
test-package: setup pkg devserver
	node --test tests/package/
	FUZZ_RUNS=30000 FUZZ_SEED=1 node --no-warnings fuzz/js/style.mjs
	tsc -p tests/types/tsconfig.json
	node --test --test-concurrency=1 tests/consumers/

test-e2e: setup pkg devserver
	node --test --test-concurrency=1 tests/e2e/

## test-attacks: a hostile script on the merchant page (before the SDK and after mount) and
## clobbering markup, against isolated mode, in Chromium and Firefox through WebDriver: no card
## digit reaches the skimmer or the merchant's server, and the token is for the card typed
test-attacks: setup pkg devserver
	CHROMEDRIVER=/usr/bin/chromedriver GECKODRIVER=$$(command -v geckodriver) node --test --test-concurrency=1 tests/attacks/

## test-conformance: payjp.js v2 integrations as merchants write them (Rails + Turbo, Laravel, a
## React hook, Vue with a tenant, 3-D Secure by token and by charge), only the script tag swapped,
## in Chromium and Firefox: each pays, and no card digit reaches the merchant's server
test-conformance: setup pkg devserver
	CHROMEDRIVER=/usr/bin/chromedriver GECKODRIVER=$$(command -v geckodriver) node --test --test-concurrency=1 tests/conformance/

## test-tds: 3-D Secure end to end on PAY.JP's protocol, in Chromium and Firefox: the demo checkout
## in both isolation modes with every workflow and auto, charge-level and saved-card challenges,
## cancel, timeout, a blocked popup, an issuer that refuses framing, and the attacks (a return this
## browser did not start, forged back and back_url, the launcher, the control endpoints)
test-tds: setup pkg devserver
	CHROMEDRIVER=/usr/bin/chromedriver GECKODRIVER=$$(command -v geckodriver) node --test --test-concurrency=1 tests/tds/

## test-ux: the checkout as a buyer on a phone, with a keyboard only or a screen reader meets it,
## in Chromium and Firefox, isolated and direct: every problem of a submit named once and
## focused, one charge per checkout, the card number whole at 390 and 320 px, labels, focus,
## forced colours, axe-core in the empty, error, 3-D Secure and paid states, a keyboard-only
## payment; screenshots in tests/ux/artifacts/
test-ux: setup pkg devserver
	CHROMEDRIVER=/usr/bin/chromedriver GECKODRIVER=$$(command -v geckodriver) node --test --test-concurrency=1 tests/ux/

## test-faults: faults in the middle of a payment, in Chromium and Firefox, isolated and direct:
## the answer lost after the token was made, the connection dropped, the browser offline and back
## (Chromium: direct mode; test-e2e takes isolated Chromium offline), 503 (retried) and 500, an
## HTML block page, a truncated body, the controller frame removed or reloaded mid-request, the
## tab in the background during a challenge: each a clear message, a free button, the card kept
test-faults: setup pkg devserver
	CHROMEDRIVER=/usr/bin/chromedriver GECKODRIVER=$$(command -v geckodriver) node --test --test-concurrency=1 tests/faults/

## test-frameworks: payjp-wasm/react and payjp-wasm/vue. In Node: server rendering touches no
## browser global and renders each element's placeholder; the bindings' types under tsc --strict.
## In Chromium and Firefox: a React app in StrictMode (React 19 and 18) and a Vue app, built with
## Vite (tests/frameworks; installs its own packages), pay with 3-D Secure, survive ten
## client-side navigations (and <KeepAlive>) with one set of frames and no listener left, update
## an option in place, and hydrate the server's markup without a mismatch
test-frameworks: setup pkg devserver
	cd tests/frameworks && [ -d node_modules ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
	  || npm install --no-audit --no-fund --loglevel=error
	node --preserve-symlinks --test tests/frameworks/shared.test.mjs tests/frameworks/ssr.test.mjs
	tsc -p tests/frameworks/types/tsconfig.json
	CHROMEDRIVER=/usr/bin/chromedriver GECKODRIVER=$$(command -v geckodriver) node --test --test-concurrency=1 tests/frameworks/frameworks.test.mjs

## test-official: PAY.JP's official server libraries (payjp for Node from npm, payjp for Python
## from PyPI, both pinned) run a checkout backend against the devserver with only the API base changed
test-official: setup devserver
	node --test --test-concurrency=1 tests/official/

## bench: payjp-wasm beside its peers (pinned in bench/package.json), in headless Chromium against
## the devserver; prints a markdown table and writes bench/results.json. Not part of make test.
## First the 429 storm (bench-storm).
bench: bench-storm setup pkg devserver
	@[ -d bench/node_modules ] && [ ! bench/package-lock.json -nt bench/node_modules/.package-lock.json ] \
	  || (cd bench && npm ci --no-audit --no-fund --loglevel=error)
	node bench/run.mjs

## bench-resources: resource use only (bench/resources.mjs): 1,000 mount/unmount/destroy cycles
## and 1,000 payments in one page, isolated and direct; fails when a figure grows past its bound.
## make bench runs it too.
bench-resources: setup pkg devserver
	@[ -d bench/node_modules ] && [ ! bench/package-lock.json -nt bench/node_modules/.package-lock.json ] \
	  || (cd bench && npm ci --no-audit --no-fund --loglevel=error)
	BENCH=resources node bench/run.mjs

## bench-storm: the 429 storm, natively: 1,000 and 10,000 buyers, one SDK instance each, against a
## token API that admits R requests per second, through the SDK's own gate and retry policy on a
## simulated clock (examples/storm); prints the README's table. No browser; a few seconds.
bench-storm:
	cargo run --quiet --profile storm --example storm

## demo: build and serve the demo page
demo: setup-build pkg devserver
	target/release/devserver

clean:
	cargo clean
	rm -rf fuzz/target fuzz/logs
	rm -rf pkg node_modules
