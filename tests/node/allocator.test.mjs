// The .wasm's allocator (the standard library's dlmalloc) over many calls: what
// a long report takes is given back and taken again, so wasm memory stops
// growing however many long reports a page or a server validates. Replacing
// the allocator must keep this true (docs/performance.md, "The allocator and
// memory copies").
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
  const grewIn = sizes.flatMap((size, round) => (round > 4 && size !== sizes[round - 1] ? [round + 1] : []));
  assert.deepEqual(grewIn, [], `wasm memory grew after round 5 (${sizes[4]} -> ${sizes.at(-1)} bytes), in rounds ${grewIn.join(', ')}`);
});
