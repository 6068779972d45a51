// The web build without a bundler: tests/browser/index.html imports
// pkg/web/index.js as a plain ES module in headless Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BEFORE_INIT_ERROR, cargoVersion, expectMissingLocations, expectValid, repoRoot, requireBuiltPackage, runPage, serveStatic,
} from './helpers.mjs';

requireBuiltPackage();
let server;
let page;

before(async () => {
  server = await serveStatic(repoRoot);
  page = await runPage(`${server.url}tests/browser/index.html`, { timeoutMs: 60_000 });
});
after(() => server?.close());

test('the page ran without console errors, warnings or failed requests', () => {
  assert.equal(page.results.error, undefined, page.results.error);
  assert.deepEqual(page.problems, []);
});

test('calling validate() before init() throws a clear Error', () => {
  assert.equal(page.results.beforeInit, BEFORE_INIT_ERROR);
});

test('init() returns one shared promise that resolves to undefined', () => {
  assert.equal(page.results.initIsShared, true);
  assert.equal(page.results.initValue, 'undefined');
});

test('the API answers in the browser', () => {
  expectMissingLocations(assert, page.results.empty);
  expectValid(assert, page.results.good);
  assert.equal(page.results.verifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.ok(page.results.fieldCount > 0);
  assert.equal(page.results.schedule.nextRuns.length, 2);
  assert.equal(page.results.version, cargoVersion());
});

test('the options argument works through the web entry, and malformed options are a TypeError', () => {
  for (const result of [page.results.withLocations, page.results.withLocationsText]) {
    assert.deepEqual(result.errors.map((d) => `${d.path} ${d.code}`), ['/Options/Uid locations/posix-between-object-stores']);
  }
  assert.equal(page.results.objectPairUid, 'NONE');
  assert.match(page.results.validateMalformed, /^TypeError: validate: options\.locations must be an array/);
  assert.match(page.results.applyDefaultsMalformed, /^TypeError: applyDefaults: options\.locations\[0\]\.LocationArn is missing/);
});

test('the web build reads a BigInt as its digits, so validate(applyDefaults(x)) works', () => {
  assert.deepEqual(page.results.bigint, ['value/integer-out-of-range']);
  assert.equal(page.results.bigintRoundTrip, true);
});

test('the web build: hostile options leave no kept options behind, and what a toJSON throws cannot escape', () => {
  assert.deepEqual(page.results.afterShiftyOptions, ['/Tags request/unknown-member']);
  assert.deepEqual(page.results.reentrantOptions, ['/Tags request/unknown-member']);
  assert.deepEqual(page.results.thrownProxy, ['input/not-serializable']);
  assert.equal(page.results.unreadableOptions.name, 'TypeError');
  assert.equal(page.results.unreadableOptions.lines, 1);
  assert.ok(page.results.unreadableOptions.length < 200, String(page.results.unreadableOptions.length));
});

// 5,000 here (Node.js forces 20,000, trust-boundary.test.mjs): an overflow
// inside the allocator (its bookkeeping half updated) used to turn up about
// once in 20,000 and break every later call. Every dive that ends in
// overflows is now followed by a fresh instance, which this checks each time.
test('5,000 JS stack overflows in the web build: each dive is followed by a fresh instance, which works for 1 KB, 100 KB and 1 MB requests', () => {
  assert.equal(typeof page.results.overflows, 'number', String(page.results.overflows)); // else what was thrown
  console.log(`${page.results.overflows} overflows in ${page.results.overflowDives} dives, ${page.results.overflowSeconds.toFixed(1)} s`);
  assert.ok(page.results.overflows >= 5_000);
  assert.equal(page.results.replacedAfterDives, page.results.overflowDives);
  // The located rule before and after: the options kept in wasm are sent to the new instance again.
  const expected = ['locations/posix-between-object-stores', 'locations/posix-between-object-stores', 'value/too-long,locations/posix-between-object-stores'];
  assert.deepEqual(page.results.beforeOverflows, expected);
  assert.deepEqual(page.results.afterOverflows, expected);
});
