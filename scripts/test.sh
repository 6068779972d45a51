#!/usr/bin/env bash
# The one command that runs every check, in order, stopping at the first failure.
# Works unattended: CI=true, no standard input. Installs missing tools first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
exec </dev/null

# wasm-bindgen-test: cargo runs the wasm32 test binary through this runner.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CARGO_TERM_COLOR=never
# The runner picks Node.js unless WASM_BINDGEN_USE_BROWSER is set; start from a clean slate.
unset WASM_BINDGEN_USE_BROWSER NO_HEADLESS

# How many steps: counted from this file, so that adding one cannot leave the count behind.
total=$(grep -c "^step " "${BASH_SOURCE[0]}")
number=0
step() {
  local title=$1
  shift
  number=$((number + 1))
  local started=$SECONDS
  printf '\n=== [%d/%d] %s\n' "$number" "$total" "$title"
  if ! "$@"; then
    printf '\n*** scripts/test.sh FAILED at step %d/%d: %s\n' "$number" "$total" "$title" >&2
    exit 1
  fi
  printf '=== [%d/%d] ok: %s (%ds)\n' "$number" "$total" "$title" $((SECONDS - started))
}

wasm_test() {
  cargo test --target wasm32-unknown-unknown --test wasm
}

# Same test binary, run in Chromium through chromedriver; webdriver.json (found
# in the crate root, the runner's working directory) sets the Chromium binary
# and flags. The grep proves the runner really used the browser.
wasm_test_in_chromium() {
  local log
  log=$(mktemp)
  WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver wasm_test 2>&1 | tee "$log" || { rm -f "$log"; return 1; }
  if ! grep -q 'Running headless tests in Chrome' "$log"; then
    echo "the wasm tests did not run in Chromium (no 'Running headless tests in Chrome' line)" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

step "ensure tools" bash scripts/ensure-tools.sh
step "cargo fmt --check" cargo fmt --check
step "cargo clippy (native)" cargo clippy --all-targets -- -D warnings
step "cargo clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
# The benchmark-only serde-input feature (validateSerde) is off in every other
# step; lint it here so it cannot rot. --release as bench/build-serde-variant.sh builds it.
step "cargo clippy (wasm32, serde-input feature)" cargo clippy --release --target wasm32-unknown-unknown --features serde-input -- -D warnings
step "cargo test (native)" cargo test
# The Rust example runs as the README shows it: its built-in request has two
# errors (one line each, exit status 1), and a clean request file passes.
rust_example() {
  local out status=0
  out=$(cargo run --quiet --example native) || status=$?
  printf '%s\n' "$out"
  if [ "$status" -ne 1 ] || [ "$(grep -c '^error  locations/posix-between-object-stores  ' <<<"$out")" -ne 2 ]; then
    echo "examples/native.rs: expected two posix-between-object-stores errors and exit status 1, got status $status" >&2
    return 1
  fi
  out=$(cargo run --quiet --example native -- examples/minimal.json) \
    && [ "$out" = "no problems" ] \
    || { echo "examples/native.rs examples/minimal.json: expected 'no problems' and status 0, got: $out" >&2; return 1; }
}
step "cargo run --example native" rust_example
# The crates beside the main one get the same checks, each with its own target
# directory: fmt, clippy (native and wasm32) and its tests (natively).
crate_checks() {
  local manifest=(--manifest-path "crates/$1/Cargo.toml")
  cargo fmt "${manifest[@]}" --check \
    && cargo clippy "${manifest[@]}" --target-dir "target/$1" --all-targets -- -D warnings \
    && cargo clippy "${manifest[@]}" --target-dir "target/$1" --all-targets --target wasm32-unknown-unknown -- -D warnings \
    && cargo test "${manifest[@]}" --target-dir "target/$1"
}
# The command's HCL reader (crates/hcl-reader).
step "crates/hcl-reader: fmt, clippy (native and wasm32), test" crate_checks hcl-reader
# The .wasm's allocator (crates/bump-regions, the only crate with `unsafe`),
# its tests natively over the system allocator.
step "crates/bump-regions: fmt, clippy (native and wasm32), test" crate_checks bump-regions
# The mutation fuzzer for a bounded time, in release mode; it prints how many inputs it ran.
step "fuzz the core for ${FUZZ_SECONDS:-20}s" env FUZZ_SECONDS="${FUZZ_SECONDS:-20}" cargo test --release --test fuzz -- --nocapture
# validate_text (the single pass) and validate_text_by_tree (the tree path) give
# the same report on a million generated requests, and so does validate_walked
# on the words the native walker writes for each that an object can hold; in
# release mode (about a minute each on this machine's two cores when it is
# quiet, several under load; a debug build takes about six times as long). It
# prints the counts (which reader judged how many) and the time.
step "differential test: 1000000 requests, both text paths and the object path (release)" env DIFFERENTIAL_REQUESTS=1000000 cargo test --release --test differential -- --nocapture
step "build pkg/ (scripts/build.sh)" bash scripts/build.sh
step "wasm-bindgen-test under Node.js" wasm_test
step "wasm-bindgen-test in headless Chromium" wasm_test_in_chromium
# The benchmark's serde-wasm-bindgen variant, built here so that
# tests/node/serde-input.test.mjs checks its parity with validate() on every run
# (without the variant that test skips and says why).
step "build the serde-input variant (bench/build-serde-variant.sh)" bash bench/build-serde-variant.sh
step "node --test tests/node/ (against pkg/)" node --test tests/node/
# The package under Bun and Deno (tests/runtimes/compare.mjs): the packed
# package imported and required as each resolves it, and the command, every
# output compared with Node.js's byte for byte. The runtimes come from the npm
# registry, pinned by tests/runtimes/install/package-lock.json, installed into
# ~/.cache on first use (about 200 MB, 5-20 s once); the step takes 15-30 s.
step "Bun and Deno: every output byte for byte as Node.js's (tests/runtimes)" node tests/runtimes/compare.mjs
# The object path (the generated walker) against the text path on a million
# generated request objects, as the single pass is checked against the tree
# path above: same reports, getters and toJSON run as often as under
# JSON.stringify (about 4 minutes; the normal run above does 30,000).
step "object-path differential: 1000000 generated objects" env OBJTEST_COUNT=1000000 node --test tests/node/object-path-generated.test.mjs

printf '\nscripts/test.sh: all %d steps succeeded\n' "$total"
