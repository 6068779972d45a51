#!/usr/bin/env bash
# Builds the benchmark-only variant with the serde-input feature (validateSerde,
# which reads JS objects with serde-wasm-bindgen) into target/bench-serde/pkg:
# the wasm-bindgen Node.js glue as .cjs and its .wasm, optimised exactly as
# scripts/build.sh optimises the package's. bench/bench.mjs runs this when the
# variant is missing. It has its own CARGO_TARGET_DIR, so it never invalidates
# the package's build, and it never touches pkg/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

name=datasync_task_validator      # the crate's file stem
wasm_file="${name}_bg.wasm"
out=target/bench-serde            # CARGO_TARGET_DIR of the variant
stage=$out/wasm-bindgen           # raw wasm-bindgen output
next=$out/pkg-next                # assembled here, then moved to $out/pkg

say() { printf '[build-serde] %s\n' "$*"; }
fail() { printf '[build-serde] %s\n' "$*" >&2; exit 1; }

# The tools scripts/ensure-tools.sh installs; this script only checks for them.
command -v cargo >/dev/null || fail "cargo is not on PATH"
[ -x node_modules/.bin/wasm-opt ] || fail "node_modules/.bin/wasm-opt is missing (run npm ci)"
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
[ "$have" = "$want" ] || fail "wasm-bindgen CLI ${have:-missing}, but Cargo.lock has $want (run scripts/ensure-tools.sh)"

say "cargo build --release --target wasm32-unknown-unknown --features serde-input (CARGO_TARGET_DIR=$out)"
CARGO_TARGET_DIR=$out cargo build --release --target wasm32-unknown-unknown --features serde-input
raw="$out/wasm32-unknown-unknown/release/$name.wasm"

say "wasm-bindgen --target nodejs"
rm -rf "$stage"
wasm-bindgen --target nodejs --no-typescript --out-name "$name" --out-dir "$stage" "$raw"

rm -rf "$next"
mkdir -p "$next"
# The same wasm-opt and flags as scripts/build.sh, so the sizes and speeds compare.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$stage/$wasm_file" -o "$next/$wasm_file"
# `--target nodejs` is CommonJS, and the repository's package.json says "type": "module".
cp "$stage/$name.js" "$next/$name.cjs"

# Smoke test: the optimised module instantiates and has the export to measure.
node -e '
  const glue = require(require("path").resolve(process.argv[1], "datasync_task_validator.cjs"));
  if (typeof glue.validateSerde !== "function") throw new Error("no validateSerde export");
  if (typeof glue.validateSerde({}) !== "string") throw new Error("validateSerde({}) reported nothing");
' "$next"

rm -rf "$out/pkg"
mv "$next" "$out/pkg"

sizes() { printf '%s bytes raw, %s bytes gzip -9' "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)"; }
say "built $out/pkg/"
say "variant $wasm_file: $(sizes "$out/pkg/$wasm_file")"
if [ -f "pkg/$wasm_file" ]; then
  say "package pkg/$wasm_file: $(sizes "pkg/$wasm_file")"
fi
