// The wrapper's state after the worst a page or the JS engine can do mid-call
// (session 25's hunt): the JS stack running out inside the wrapper's own
// bookkeeping, and built-ins the report reader uses replaced by the page.
// Every later call must still be right, and a replaced built-in must not
// change a report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { SOURCE, example, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');

const INVALID = { SourceLocationArn: SOURCE, Options: { BytesPerSecond: 'fast' } };

// Calls made at many depths on the way back from dives that fill the JS
// stack: some fail inside the core (the guard replaces the instance), and
// some run out of stack inside the wrapper as it forgets the replaced
// instance (followInstance). It forgot the instance's buffers only after
// taking note of the new one, so a RangeError in between left the old
// addresses in use: every later walked request threw "validateWalked:
// beyond the buffers" (and options stored in the old instance were taken
// as stored). A small stack makes it happen on the first dives; where it
// does not happen at all, the test passes without having tried.
const DIVER = `
const { validate, applyDefaults, describeSchedule } = require(${JSON.stringify(join(pkgDir, 'node', 'index.cjs'))});
const inputs = ${JSON.stringify([example('full-basic'), example('many-problems'), JSON.stringify(example('many-problems'))])};
Date.now = () => Date.UTC(2026, 10, 25);
const expected = inputs.map((input) => JSON.stringify(validate(input)));
let wrong = 0;
const escaped = new Set();
function dive(depth, round) {
  try { dive(depth + 1, round); } catch {}
  if (depth % 97 !== 0) return;
  try {
    const input = round % inputs.length;
    if (round % 9 === 8) applyDefaults(inputs[0]);
    else if (round % 11 === 10) describeSchedule('cron(0 2 ? * MON-FRI *)');
    else if (JSON.stringify(validate(inputs[input])) !== expected[input]) wrong++;
  } catch (error) {
    escaped.add(error.name);
  }
  round++;
}
for (let round = 0; round < 30; round++) dive(0, round);
const after = inputs.map((input, at) => JSON.stringify(validate(input)) === expected[at]);
console.log(JSON.stringify({ wrong, escaped: [...escaped], after }));
`;

test('every call after the JS stack ran out inside the wrapper is right', () => {
  const run = spawnSync(process.execPath, ['--stack-size=900', '-e', DIVER], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  const { wrong, escaped, after } = JSON.parse(run.stdout);
  assert.equal(wrong, 0, 'a call that returned gave a wrong report');
  // Only the stack's own RangeError may escape, from calls made with no stack left.
  assert.deepEqual(escaped.filter((name) => name !== 'RangeError'), []);
  assert.deepEqual(after, [true, true, true]);
});

test("a page's String.prototype.slice does not change a report", () => {
  const expected = JSON.stringify(validate(INVALID));
  const slice = String.prototype.slice;
  String.prototype.slice = () => 'X';
  let reports;
  try {
    reports = [validate(INVALID), validate(JSON.stringify(INVALID))].map((report) => JSON.stringify(report));
  } finally {
    String.prototype.slice = slice;
  }
  assert.deepEqual(reports, [expected, expected]);
});

test("a page's Uint8Array that validates another request as it is made does not change a report", () => {
  const text = JSON.stringify(INVALID);
  const expected = JSON.stringify(validate(text));
  const big = {};
  for (let i = 0; i < 30_000; i++) big[`k${i}`] = i;
  const { Uint8Array: original, Uint32Array: original32 } = globalThis;
  let calls = 0;
  const reentering = (Base) =>
    class extends Base {
      constructor(...args) {
        super(...args);
        if (calls++ === 0) validate(big);
      }
    };
  globalThis.Uint8Array = reentering(original);
  globalThis.Uint32Array = reentering(original32);
  let reports;
  try {
    reports = [validate(text), validate(INVALID)].map((report) => JSON.stringify(report));
  } finally {
    globalThis.Uint8Array = original;
    globalThis.Uint32Array = original32;
  }
  assert.deepEqual(reports, [expected, expected]);
  assert.equal(JSON.stringify(validate(text)), expected);
});
