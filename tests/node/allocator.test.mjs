// The .wasm's allocator (crates/bump-regions: small blocks bumped out of
// regions, the rest from talc) over many calls: what a long report takes is
// given back and taken again, so wasm memory stops growing however many long
// reports a page or a server validates, and no
// block still in use is handed out again, so every report stays right
// (docs/performance.md, "The allocator and memory copies" and "The invalid
// request: a cheaper allocator").
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { example, pkgDir, request, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

test('30,000 problems, then the minimal request, 200 times over: wasm memory stops growing after the first rounds', () => {
  const require = createRequire(import.meta.url);
  const { validate } = require(`${pkgDir}/node/index.cjs`);
  const { wasmMemory } = require(`${pkgDir}/node/datasync_task_validator.cjs`);
  // Each reserved key is a problem: the core collects and sorts thousands of
  // diagnostics and keeps the first 1,000 (the report's limit).
  const long = request({ Tags: Array.from({ length: 30_000 }, (_, i) => ({ Key: `aws:${i}` })) });
  const longText = JSON.stringify(long);
  const minimal = example('minimal');
  const sizes = [];
  for (let round = 0; round < 200; round += 1) {
    // As an object and as text, which the core reads by different paths.
    const report = validate(round % 2 === 0 ? long : longText);
    assert.equal(report.errors.length, 1_000, `round ${round}: the long report is cut at 1,000`);
    assert.equal(validate(minimal).valid, true, `round ${round}: the minimal request after it`);
    sizes.push(wasmMemory().buffer.byteLength);
  }
  assert.ok(sizes[0] > 2 ** 20, `the long report grew wasm memory beyond its first MiB (${sizes[0]} bytes), else this test proves nothing`);
  // Settled within ten rounds: the tag rule's sort (core38: sort::first_uses
  // instead of a hash map) makes its last growth in round 6, once, of 4 pages.
  const grewIn = sizes.flatMap((size, round) => (round > 9 && size !== sizes[round - 1] ? [round + 1] : []));
  assert.deepEqual(grewIn, [], `wasm memory grew after round 10 (${sizes[9]} -> ${sizes.at(-1)} bytes), in rounds ${grewIn.join(', ')}`);
});

test('2,100 calls mixing 30,000-problem reports and a 5 MB text with small requests: memory stops growing, every report stays right', () => {
  const require = createRequire(import.meta.url);
  const { validate } = require(`${pkgDir}/node/index.cjs`);
  const { wasmMemory } = require(`${pkgDir}/node/datasync_task_validator.cjs`);
  const long = request({ Tags: Array.from({ length: 30_000 }, (_, i) => ({ Key: `aws:${i}` })) });
  const huge = [
    { input: long, errors: 1_000 },
    { input: JSON.stringify(long), errors: 1_000 },
    // 5 MB of text in one string: the input buffer's largest size, one error.
    { input: JSON.stringify(request({ Name: 'x'.repeat(5_000_000) })), errors: 1 },
  ];
  const small = ['minimal', 'full-basic', 'many-problems'].flatMap((name) => [example(name), JSON.stringify(example(name))]);
  // Each small request's report before any huge one, in a fresh instance's
  // memory: every later one must be the same, byte for byte.
  const expected = small.map((input) => JSON.stringify(validate(input)));
  assert.ok(expected.some((report) => JSON.parse(report).errors.length >= 6), 'many-problems has its diagnostics');
  const sizes = [];
  for (let round = 0; round < 300; round += 1) {
    const { input, errors } = huge[round % huge.length];
    assert.equal(validate(input).errors.length, errors, `round ${round}: the huge request's report`);
    small.forEach((input, index) => {
      assert.equal(JSON.stringify(validate(input)), expected[index], `round ${round}: small request ${index} after a huge one`);
    });
    sizes.push(wasmMemory().buffer.byteLength);
  }
  const settled = 3 * huge.length; // each huge request seen three times
  const grewIn = sizes.flatMap((size, round) => (round >= settled && size !== sizes[round - 1] ? [round + 1] : []));
  assert.deepEqual(grewIn, [], `wasm memory grew after round ${settled} (${sizes[settled - 1]} -> ${sizes.at(-1)} bytes), in rounds ${grewIn.join(', ')}`);
});
