// The size budget: what a browser downloads (the .wasm plus the web glue and
// wrapper) stays within 128 KiB gzip. Sizes are deterministic for a given
// toolchain, so this is a test, not a benchmark. The budget was 100 KiB until
// issue 16 moved it to make room for the location rules, the operations and
// the single pass; 100 KiB stays the stretch figure, printed beside it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { pkgDir, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const BUDGET = 128 * 1024;
const STRETCH = 100 * 1024;
const SHIPPED_TO_BROWSERS = [
  'datasync_task_validator_bg.wasm',
  'web/datasync_task_validator.js',
  'web/index.js',
  'web/text-path.js',
];

test(`the .wasm and the web glue fit in ${BUDGET} bytes gzip`, () => {
  const sizes = SHIPPED_TO_BROWSERS.map((file) => {
    const bytes = readFileSync(join(pkgDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  for (const { file, raw, gzip } of sizes) console.log(`${file}: ${raw} bytes raw, ${gzip} gzip`);
  console.log(`total: ${total} bytes gzip of ${BUDGET} (stretch figure ${STRETCH}: ${total <= STRETCH ? 'within' : 'over'})`);
  assert.ok(total <= BUDGET, `${total} bytes gzip is over the ${BUDGET}-byte budget`);
});

// wasm-bindgen names each function the .wasm imports from its glue
// __wbg_NAME_HASH; scripts/unhash-imports.mjs takes the 16 hex digits off, in
// the .wasm and in both glues (910 bytes gzip: docs/performance.md, "Room for
// this session").
test('the .wasm imports its functions by names without wasm-bindgen\'s hashes', () => {
  const wasm = new WebAssembly.Module(readFileSync(join(pkgDir, 'datasync_task_validator_bg.wasm')));
  const names = WebAssembly.Module.imports(wasm).map(({ name }) => name);
  assert.ok(names.some((name) => name.startsWith('__wbg_')), `no __wbg_ import among ${names}`);
  assert.deepEqual(names.filter((name) => /^__wbg_\w+_[0-9a-f]{16}$/.test(name)), []);
  for (const glue of ['web/datasync_task_validator.js', 'node/datasync_task_validator.cjs']) {
    assert.doesNotMatch(readFileSync(join(pkgDir, glue), 'utf8'), /__wbg_\w+_[0-9a-f]{16}\b/, glue);
  }
});

// Standard library code that a small use links in full, each 1-3 KB gzip
// (docs/performance.md, "Room for the walker"): kept out with the crate's own
// small replacements. Read from the function names of wasm-bindgen's output,
// which scripts/build.sh leaves in target/ (wasm-opt then drops the names).
const NAMED_WASM = join(repoRoot, 'target/wasm-bindgen/web/datasync_task_validator_bg.wasm');

/** The function names of a .wasm's "name" section (subsection 1). */
function functionNames(bytes) {
  const [names] = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'name');
  assert.ok(names, `${NAMED_WASM} has no name section`);
  const view = new Uint8Array(names);
  let at = 0;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = view[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const decoder = new TextDecoder();
  const found = [];
  while (at < view.length) {
    const id = view[at++];
    const end = leb() + at;
    if (id === 1) {
      for (let count = leb(); count > 0; count -= 1) {
        leb(); // the function's index
        const length = leb();
        found.push(decoder.decode(view.subarray(at, at + length)));
        at += length;
      }
    }
    at = end;
  }
  return found;
}

test('the .wasm links none of the standard library code the crate replaces with its own small versions', (t) => {
  const wasm = join(pkgDir, 'datasync_task_validator_bg.wasm');
  if (!existsSync(NAMED_WASM) || statSync(NAMED_WASM).mtimeMs < statSync(wasm).mtimeMs - 600_000) {
    t.skip(`${NAMED_WASM} is missing or older than pkg/ (bash scripts/build.sh writes both)`);
    return;
  }
  const names = functionNames(readFileSync(NAMED_WASM));
  assert.ok(names.length > 100, `only ${names.length} function names`);
  const linked = (pattern) => names.filter((name) => pattern.test(name));
  assert.deepEqual(linked(/str::pattern::StrSearcher/), [],
    'a str searched for a str (find, contains, split_once, trim_*_matches) or a non-ASCII char: use search::find');
  assert.deepEqual(linked(/core::slice::sort::/), [], 'a slice sorted (sort, sort_by, sort_unstable...): use sort::sorted_by');
  assert.deepEqual(linked(/::str::slice_error_fail/), [],
    'a str sliced by byte index (&text[a..b], split_at), whose panic message links char escaping and Unicode tables (4 KB gzip): use text.get(a..b), split_at_checked or search::split_once');
  assert.deepEqual(linked(/hashbrown::/), [],
    'a hash table (HashMap, HashSet: hashbrown and SipHash, 600 bytes gzip): find duplicates with sort::first_uses or search a Vec sorted by sort::sorted_by');
});
