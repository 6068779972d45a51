#!/usr/bin/env bash
# Builds the npm package into pkg/ (never committed): one optimised .wasm shared by
# the Node.js glue (CommonJS, wrapped for ESM too) and the web glue, the
# hand-written wrappers from js/, the command line from js/cli/, index.d.ts,
# README.md and package.json.
# Idempotent: pkg/ is rebuilt from scratch on every run, in a staging folder
# that replaces pkg/ only at the end, so tests running meanwhile keep a whole package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

name=datasync_task_validator          # the crate's file stem
wasm_file="${name}_bg.wasm"           # the one .wasm in the package
stage=target/wasm-bindgen             # raw wasm-bindgen output
pkg=target/pkg-next                    # assembled here, then moved to pkg/

say() { printf '[build] %s\n' "$*"; }

bash scripts/ensure-tools.sh

say "cargo build --release --target wasm32-unknown-unknown"
cargo build --release --target wasm32-unknown-unknown
raw="target/wasm32-unknown-unknown/release/$name.wasm"

say "wasm-bindgen --target nodejs and --target web"
rm -rf "$stage"
# --experimental-reset-state-function: the glue exports __wbg_reset_state(),
# which instantiates the compiled module afresh and resets the glue's own
# state (memory views, the externref table); guardGlue in js/text-path.mjs
# calls it after an exception unwound through the core.
for target in nodejs web; do
  wasm-bindgen --target "$target" --no-typescript --experimental-reset-state-function \
    --out-name "$name" --out-dir "$stage/$target" "$raw"
  grep -q '^\(export \)\?function __wbg_reset_state ()' "$stage/$target/$name.js" \
    || { echo "[build] the $target glue has no __wbg_reset_state function" >&2; exit 1; }
done
# wasm-bindgen names each imported function __wbg_NAME_HASH; without the
# 16-digit hashes the browser download is 910 bytes gzip smaller.
node scripts/unhash-imports.mjs "$stage/nodejs/$wasm_file" "$stage/web/$wasm_file" \
  -- "$stage/nodejs/$name.js" "$stage/web/$name.js"
# The .wasm is the same for every target, so the package ships it once.
cmp -s "$stage/nodejs/$wasm_file" "$stage/web/$wasm_file" \
  || { echo "[build] the nodejs and web .wasm files differ; cannot share one" >&2; exit 1; }

say "assembling $pkg/"
rm -rf "$pkg"
mkdir -p "$pkg/node" "$pkg/web"

# wasm-opt from the npm package binaryen; the flags are the features rustc's
# wasm32 output uses (wasm-opt cannot detect them: strip = true drops that section).
# The producers and target_features sections are for tools, not engines.
# --gufa -Os --converge: 630 bytes gzip smaller than -Oz and no slower
# (docs/performance.md, "Size of the browser download").
# --low-memory-unused: a constant (under 1 KiB) added to an address folds into
# the load's or store's offset. The two differ only when the sum wraps past
# 4 GiB, which no address here does (the 1 MiB stack comes first, then the
# data; only an overflowing stack reaches the low KiB, and then the folded
# access traps rather than writing there): 444 bytes gzip smaller, a few fewer
# instructions per call (docs/performance.md, "Size again").
node_modules/.bin/wasm-opt --gufa -Os --converge --low-memory-unused \
  --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  --strip-producers --strip-target-features \
  "$stage/web/$wasm_file" -o "$pkg/$wasm_file"
# The build's mark: a custom section `sha256` appended to the .wasm, holding the
# SHA-256 digest of everything before it (engines skip custom sections). Every
# target gets the marked file; the Node.js glue compares the file's last bytes
# with this section (packageWasm below), so it never takes another build's .wasm.
# The section's bytes, as base64, for packageWasm:
wasm_mark=$(node scripts/mark-wasm.mjs "$pkg/$wasm_file")

# Takes the comments and layout out of the JavaScript file $1 that Node.js loads
# at every start (esbuild, whitespace only: every name is kept, so stack traces
# still name the functions). V8 scans all of a file when it compiles it, and
# each function's text again when the function first runs: the wrapper's 98 KB
# and the glue's 21 KB become 42 and 11, 0.6 ms of CPU time sooner to the first
# result (docs/performance.md, "Cold start on a slower machine"). The sources
# (js/text-path.mjs, wasm-bindgen's output in target/) stay readable.
strip_layout() {
  node -e '
    const fs = require("fs");
    const file = process.argv[1];
    const { code, warnings } = require("esbuild").transformSync(fs.readFileSync(file, "utf8"), { minifyWhitespace: true, format: "cjs" });
    if (warnings.length > 0) throw new Error(`${file}: ${warnings.map((w) => w.text).join("; ")}`);
    fs.writeFileSync(file, code);
  ' "$1"
}

# Copies wasm-bindgen glue to $2, pointing its .wasm reference ($3 -> $4) at the
# shared file one folder up; fails loudly if a new wasm-bindgen spells it otherwise.
copy_glue() {
  local from=$1 to=$2 old=$3 new=$4
  grep -qF "$old" "$from" || { echo "[build] $from no longer contains: $old" >&2; exit 1; }
  sed "s|$old|$new|" "$from" > "$to"
}
# Has the glue $1 call the built-ins it depends on as they were when it
# loaded, not as a page may have replaced them since (which, and why:
# scripts/take-at-load.mjs). A script file, not `node -e '...'`: an
# apostrophe in one of its comments ended the quoted script.
take_at_load() {
  node scripts/take-at-load.mjs "$1"
}

# Node: `--target nodejs` is CommonJS, so it must be .cjs in a "type": "module" package.
# It would read the .wasm beside it with fs.readFileSync, which a bundler for
# Node.js (esbuild, webpack, CDK's NodejsFunction) cannot see and so leaves
# behind. Instead the glue takes the package's .wasm when it runs as the
# package's own file and the .wasm ends with this build's mark (packageWasm,
# js/node/package-wasm.cjs, appended below), and otherwise requires node/wasm-bytes.cjs, the same bytes as base64 in a
# JavaScript module, which every bundler carries like other code.
copy_glue "$stage/nodejs/$name.js" "$stage/glue-node.cjs" \
  "const wasmPath = \`\${__dirname}/$wasm_file\`;" ""
copy_glue "$stage/glue-node.cjs" "$pkg/node/$name.cjs" \
  "require('fs').readFileSync(wasmPath)" "packageWasm() ?? require('./wasm-bytes.cjs')"
copy_glue "$stage/web/$name.js" "$pkg/web/$name.js" \
  "new URL('$wasm_file', import.meta.url)" "new URL('../$wasm_file', import.meta.url)"
# Code of the web glue no browser can run through this package (which, and
# why: scripts/trim-web-glue.mjs), and a shorter warning: 196 bytes gzip.
node scripts/trim-web-glue.mjs "$pkg/web/$name.js"
take_at_load "$pkg/node/$name.cjs"
take_at_load "$pkg/web/$name.js"

{
  echo "'use strict';"
  echo "// $wasm_file as base64, written by scripts/build.sh: the Node.js glue takes its"
  echo "// bytes from here instead of reading a file, so that bundlers carry them along."
  printf "module.exports = Buffer.from('%s', 'base64');\n" "$(base64 -w0 "$pkg/$wasm_file")"
} > "$pkg/node/wasm-bytes.cjs"
# packageWasm, with the build's mark it looks for at the end of the .wasm file.
copy_glue js/node/package-wasm.cjs "$stage/package-wasm-filled.cjs" \
  "const mark = ''; // written by scripts/build.sh" "const mark = '$wasm_mark';"
{ echo; cat "$stage/package-wasm-filled.cjs"; } >> "$pkg/node/$name.cjs"
strip_layout "$pkg/node/$name.cjs"
cp js/node/index.cjs js/node/index.mjs js/node/index-bundled.mjs "$pkg/node/"
# validate()'s fast input path and the guard around the glue: one ES module source,
# used as is by the browser entry and as CommonJS by the Node entry.
cp js/text-path.mjs "$pkg/web/text-path.js"
# Its exports are `export function name(` lines, nothing else.
exported=$(sed -n 's/^export function \([A-Za-z]*\)(.*/\1/p' js/text-path.mjs | paste -sd, -)
[ -n "$exported" ] && [ "$(grep -c '^export ' js/text-path.mjs)" = "$(grep -c '^export function ' js/text-path.mjs)" ] \
  || { echo "[build] js/text-path.mjs may export only functions, as 'export function name('" >&2; exit 1; }
{ echo "'use strict';"; sed 's/^export function /function /' js/text-path.mjs
  echo "module.exports = { $exported };"; } > "$pkg/node/text-path.cjs"
strip_layout "$pkg/node/text-path.cjs"
# The command line (package.json "bin"): js/cli/*.mjs plus rules.json, its
# rule metadata (generated from the code registry by tests/generated.rs).
mkdir -p "$pkg/cli"
cp js/cli/*.mjs js/cli/rules.json "$pkg/cli/"
chmod +x "$pkg/cli/bin.mjs"
# The command's HCL reader (crates/hcl-reader, for Terraform files): a second,
# Node-only .wasm in cli/, so it never reaches a browser or the size budget.
say "cargo build --release --target wasm32-unknown-unknown (crates/hcl-reader)"
cargo build --release --target wasm32-unknown-unknown \
  --manifest-path crates/hcl-reader/Cargo.toml --target-dir target/hcl-reader
wasm-bindgen --target nodejs --no-typescript --out-name hcl_reader --out-dir "$stage/hcl" \
  target/hcl-reader/wasm32-unknown-unknown/release/hcl_reader.wasm
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$stage/hcl/hcl_reader_bg.wasm" -o "$pkg/cli/hcl_reader_bg.wasm"
copy_glue "$stage/hcl/hcl_reader.js" "$pkg/cli/hcl_reader.cjs" \
  "\${__dirname}/hcl_reader_bg.wasm" "\${__dirname}/hcl_reader_bg.wasm"
# datasync-task-validator/codes (package.json "exports"): every code, generated
# from the code registry by tests/generated.rs. Its own module, so browsers
# that never import it never download it; CommonJS like text-path.cjs.
cp js/codes.mjs "$pkg/codes.mjs"
cp js/codes.d.ts "$pkg/codes.d.ts"
cp js/codes.d.ts "$pkg/codes.d.cts"
[ "$(grep -c '^export ' js/codes.mjs)" = 1 ] && grep -q '^export function codes()' js/codes.mjs \
  || { echo "[build] js/codes.mjs may export only 'export function codes('" >&2; exit 1; }
{ echo "'use strict';"; sed 's/^export function /function /' js/codes.mjs
  echo "module.exports = { codes };"; } > "$pkg/codes.cjs"
cp js/web/index.js "$pkg/web/"
# What a browser downloads, minified, each with a source map holding the readable original.
node scripts/minify-web.mjs "$pkg/web" \
  "$name.js=wasm-bindgen/$name.js" index.js=js/web/index.js text-path.js=js/text-path.mjs
# datasync-task-validator/form-kit: the form's generic plumbing (package.json "exports").
cp js/form-kit.mjs "$pkg/web/form-kit.js"
cp js/form-kit.d.ts "$pkg/web/form-kit.d.ts"
# datasync-task-validator/schema (package.json "exports"): the JSON Schema files that
# tests/json_schema.rs generates from the model, and schema(), which holds their
# texts. A module of its own, so browsers that never import it never download it.
mkdir -p "$pkg/schema"
cp schema/*.schema.json "$pkg/schema/"
node scripts/schema-module.mjs schema js/schema.mjs > "$pkg/schema.mjs"
[ "$(grep -c '^export ' js/schema.mjs)" = 1 ] && grep -q '^export function schema(' js/schema.mjs \
  || { echo "[build] js/schema.mjs may export only 'export function schema('" >&2; exit 1; }
{ echo "'use strict';"; sed 's/^export function /function /' "$pkg/schema.mjs"
  echo "module.exports = { schema };"; } > "$pkg/schema.cjs"
cp js/schema.d.ts "$pkg/schema.d.ts"
# The CommonJS declarations take their shared types from the CommonJS copy of index.d.ts.
sed "s|from './index.js'|from './index.cjs'|" js/schema.d.ts > "$pkg/schema.d.cts"
grep -q "from './index.cjs'" "$pkg/schema.d.cts" \
  || { echo "[build] js/schema.d.ts no longer imports from './index.js'" >&2; exit 1; }
# One set of declarations; the .d.cts copy types `require()` in CommonJS TypeScript.
cp index.d.ts "$pkg/index.d.ts"
cp index.d.ts "$pkg/index.d.cts"
# The same declarations beside the web entry, for "datasync-task-validator/web"
# under TypeScript's node10 resolution, which does not read "exports".
cp index.d.ts "$pkg/web/index.d.ts"
if [ -f README.md ]; then
  cp README.md "$pkg/README.md"
else
  say "warning: no README.md at the repository root; shipping a stub"
  printf '# datasync-task-validator\n\nValidates AWS DataSync CreateTask requests.\n' > "$pkg/README.md"
fi
# Both licences of "MIT OR Apache-2.0", and the changelog, ship in the tarball.
for file in LICENSE-MIT LICENSE-APACHE CHANGELOG.md; do cp "$file" "$pkg/"; done

# package.json: pkg.json with the crate's version.
version=$(cargo metadata --no-deps --format-version 1 \
  | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(m.packages.find((p) => p.name === "datasync-task-validator").version)')
node -e '
  const fs = require("fs");
  const manifest = JSON.parse(fs.readFileSync("pkg.json", "utf8"));
  manifest.version = process.argv[1];
  fs.writeFileSync(process.argv[2] + "/package.json", JSON.stringify(manifest, null, 2) + "\n");
' "$version" "$pkg"

# Smoke test: the optimised module instantiates and answers (Node glue, CommonJS).
node -e '
  const m = require(require("path").resolve(process.argv[2], "node/index.cjs"));
  if (m.version() !== process.argv[1]) throw new Error(`version() is ${m.version()}, expected ${process.argv[1]}`);
  const r = m.validate("{}");
  if (typeof r.valid !== "boolean" || !Array.isArray(r.errors)) throw new Error("validate() returned " + JSON.stringify(r));
' "$version" "$pkg"

# Tests and the bundler import the package by name: node_modules/datasync-task-validator -> pkg.
ln -sfn ../pkg node_modules/datasync-task-validator

# Smoke test: the command runs (its runtime dependency, yaml, resolves from node_modules).
[ "$(node "$pkg/cli/bin.mjs" --version)" = "$version" ] \
  || { echo "[build] $pkg/cli/bin.mjs --version does not print $version" >&2; exit 1; }

# Swap the finished package into place.
rm -rf pkg.old
[ ! -e pkg ] || mv pkg pkg.old
mv "$pkg" pkg
rm -rf pkg.old
pkg=pkg

raw_size=$(wc -c < "$pkg/$wasm_file")
gzip_size=$(gzip -9 -c "$pkg/$wasm_file" | wc -c)
unopt_size=$(wc -c < "$stage/web/$wasm_file")
say "built $pkg/ for datasync-task-validator $version"
say "$wasm_file: $raw_size bytes raw, $gzip_size bytes gzip -9 (before wasm-opt: $unopt_size bytes)"
