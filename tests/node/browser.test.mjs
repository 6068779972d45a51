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
  page = await runPage(`${server.url}tests/browser/index.html`);
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

// 50, not thousands: an overflow that lands inside the allocator can break its
// bookkeeping (a known limit, in the README), which thousands of forced
// overflows sometimes hit.
test('JS stack overflows in the web build leave it working for 1 KB, 100 KB and 1 MB requests', () => {
  assert.equal(typeof page.results.overflows, 'number', String(page.results.overflows)); // else what was thrown
  assert.ok(page.results.overflows >= 50);
  assert.deepEqual(page.results.afterOverflows, ['', '', 'value/too-long']);
});
