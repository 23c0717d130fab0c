#!/usr/bin/env bash
# make fuzz: runs each fuzz target of fuzz/ (or the ones named) for FUZZ_SECONDS (default 60), one
# target at a time, as one libFuzzer job at the lowest CPU priority, then minimises its corpus
# (cargo fuzz cmin; FUZZ_CMIN=0 skips that). An empty corpus is seeded first from the table tests
# (fuzz/seeds.py). Prints a markdown table: executions, coverage (cov/ft from libFuzzer's final
# line), corpus size after cmin, crashes. Logs go to fuzz/logs/; crash reproducers to
# fuzz/artifacts/TARGET/.
# Exits non-zero when a target crashed.
#
#   scripts/fuzz.sh [TARGET...]         FUZZ_SECONDS=600 scripts/fuzz.sh devserver_jws
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${FUZZ_SECONDS:-60}
cmin=${FUZZ_CMIN:-1}
# Safe Rust only in the code under test: no sanitizer (twice the speed); debug assertions and
# overflow checks stay on (cargo-fuzz's default).
fuzz=(nice -n 19 cargo +nightly fuzz)
flags=(-s none)

# style-js is JavaScript (fuzz/js/style.mjs, run by node); the others are cargo-fuzz targets.
targets=()
js=()
for t in "$@"; do if [ "$t" = style-js ]; then js+=("$t"); else targets+=("$t"); fi; done
if [ $# -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
  js=(style-js)
fi

# The dictionary of each target: tokens libFuzzer splices in (fuzz/dict/*.dict).
dict_of() {
  case $1 in
    card_number|expiry|cvc|reformat_card_number|reformat_expiry|form_body) echo card ;;
    holder_name|kana_to_romaji) echo name ;;
    email) echo email ;;
    phone) echo phone ;;
    api_response_bytes|api_response_json) echo json ;;
    devserver_request|devserver_redirect|api_config) echo http ;;
    devserver_jws) echo jws ;;
  esac
}

if [ ${#targets[@]} -gt 0 ]; then
  echo "fuzz: building the targets (nightly, cargo-fuzz)"
  if [ ${#targets[@]} -eq 1 ]; then "${fuzz[@]}" build "${flags[@]}" "${targets[0]}"; else "${fuzz[@]}" build "${flags[@]}"; fi
fi

mkdir -p fuzz/logs
summary=fuzz/logs/summary.md
printf '| target | executions | exec/s | cov | ft | corpus | crashes |\n|---|---:|---:|---:|---:|---:|---|\n' >"$summary"
failed=0
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  artifacts=fuzz/artifacts/$t
  log=fuzz/logs/$t.log
  mkdir -p "$corpus" "$artifacts"
  [ -n "$(ls -A "$corpus")" ] || python3 fuzz/seeds.py "$t"
  before=$(ls "$artifacts" | sort)
  dict=$(dict_of "$t")
  args=(-max_total_time="$seconds" -jobs=1 -workers=1 -close_fd_mask=1 -print_final_stats=1)
  [ -z "$dict" ] || args+=(-dict="$root/fuzz/dict/$dict.dict")
  echo "fuzz: $t for ${seconds}s"
  # With -jobs, libFuzzer writes the job's output to fuzz-0.log in the working directory: one
  # directory per target, so that two runs never share it.
  work=fuzz/logs/$t.work
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && "${fuzz[@]}" run --fuzz-dir "$root/fuzz" "${flags[@]}" "$t" "$root/$corpus" -- "${args[@]}") >"$log.run" 2>&1 || true
  cat "$log.run" "$work/fuzz-0.log" >"$log" 2>/dev/null || cp "$log.run" "$log"
  rm -rf "$work" "$log.run"

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  final=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$final")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$final")
  new=$(comm -13 <(echo "$before") <(ls "$artifacts" | sort) | grep -E '^(crash|leak|oom|timeout)-' || true)
  if [ -n "$new" ] || grep -qE '^==[0-9]+== ?ERROR|panicked at|deadly signal' "$log"; then
    failed=1
    crashes="CRASH: $(echo $new | tr ' ' ',') (see $log)"
  else
    crashes=none
  fi
  if [ "$cmin" = 1 ]; then
    # Every coverage edge is kept, not every hit count (-use_counters=0): a quarter of the files,
    # and the counts come back within seconds of the next run.
    "${fuzz[@]}" cmin --fuzz-dir "$root/fuzz" "${flags[@]}" "$t" "$corpus" -- -close_fd_mask=1 -use_counters=0 >"$log.cmin" 2>&1 \
      || echo "fuzz: cmin of $t failed (see $log.cmin)"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$(ls "$corpus" | wc -l)" "$crashes" | tee -a "$summary"
done
for t in "${js[@]}"; do
  log=fuzz/logs/$t.log
  echo "fuzz: $t for ${seconds}s"
  if FUZZ_SECONDS=$seconds nice -n 19 node --no-warnings fuzz/js/style.mjs >"$log" 2>&1; then crashes=none; else failed=1; crashes="CRASH (see $log)"; fi
  execs=$(sed -n 's/^style fuzz: \([0-9]*\) inputs.*/\1/p' "$log")
  rate=$(sed -n 's/.*(\([0-9]*\)\/s).*/\1/p' "$log")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$t" "${execs:-?}" "${rate:-?}" - - - "$crashes" | tee -a "$summary"
done
echo
cat "$summary"
[ "$failed" = 0 ] || { echo "fuzz: a target crashed: reproduce with cargo +nightly fuzz run -s none TARGET fuzz/artifacts/TARGET/FILE" >&2; exit 1; }
