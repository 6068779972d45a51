// The published package through its `exports` map, as a Node.js ES module.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DESTINATION, SOURCE, cargoVersion, expectMissingLocations, expectValid, pkgDir, repoRoot, requireBuiltPackage,
} from './helpers.mjs';

requireBuiltPackage();
const require = createRequire(import.meta.url);
const api = await import('datasync-task-validator');
const { default: init, validate, applyDefaults, fields, describeSchedule, version } = api;

test('the node condition picks the ES module entry', () => {
  const resolved = fileURLToPath(import.meta.resolve('datasync-task-validator'));
  assert.equal(resolved, `${pkgDir}/node/index.mjs`);
});

test('exports only the documented API', () => {
  assert.deepEqual(Object.keys(api).sort(), ['applyDefaults', 'default', 'describeSchedule', 'fields', 'validate', 'version']);
});

test('init() resolves at once and may be awaited repeatedly', async () => {
  assert.equal(await init(), undefined);
  assert.equal(await init('ignored in Node.js'), undefined);
});

test('import and require share one instance', () => {
  assert.equal(require('datasync-task-validator').validate, validate);
});

/**
 * Runs `source` as an ES module in a fresh Node.js process in the repository (where
 * the package resolves by name), with `args` before it; returns what it printed, parsed.
 */
function inFreshProcess(args, source) {
  const run = spawnSync(process.execPath, [...args, '--input-type=module', '-e', source], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

const LOADS = `
  const api = await import('datasync-task-validator');
  const { createRequire } = await import('node:module');
  console.log(JSON.stringify({
    entry: import.meta.resolve('datasync-task-validator'),
    shared: createRequire(import.meta.url)('datasync-task-validator').validate === api.validate,
    errors: api.validate({}).errors.length,
    lexed: process.moduleLoadList.some((name) => name.includes('cjs-module-lexer')),
  }));`;

test("Node.js's import takes the CommonJS entry without its ES module translator (no export-name lexing at start-up)", () => {
  const seen = inFreshProcess([], LOADS);
  assert.equal(seen.entry, pathToFileURL(`${pkgDir}/node/index.mjs`).href);
  assert.deepEqual({ shared: seen.shared, errors: seen.errors, lexed: seen.lexed }, { shared: true, errors: 2, lexed: false });
});

test('a Node.js without the node-addons condition (as bundlers, Deno and Bun have none) takes the entry that imports index.cjs, which a bundle carries', () => {
  const seen = inFreshProcess(['--no-addons'], LOADS);
  assert.equal(seen.entry, pathToFileURL(`${pkgDir}/node/index-bundled.mjs`).href);
  assert.deepEqual({ shared: seen.shared, errors: seen.errors, lexed: seen.lexed }, { shared: true, errors: 2, lexed: true });
});

test('a CommonJS program can require() an ES module that imports the package (no top-level await in its entries)', () => {
  mkdirSync(join(repoRoot, 'target'), { recursive: true });
  const folder = mkdtempSync(join(repoRoot, 'target', 'esm-require-'));
  try {
    writeFileSync(join(folder, 'user.mjs'), "export { validate } from 'datasync-task-validator';\n");
    writeFileSync(join(folder, 'app.cjs'), "console.log(JSON.stringify(require('./user.mjs').validate({}).errors.length));\n");
    for (const args of [[], ['--no-addons']]) {
      const run = spawnSync(process.execPath, [...args, join(folder, 'app.cjs')], { cwd: folder, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), '2');
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('deep imports are closed by the exports map', async () => {
  await assert.rejects(import('datasync-task-validator/node/index.mjs'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
});

test('validate reports the missing location ARNs of an empty request', () => {
  expectMissingLocations(assert, validate({}));
  expectMissingLocations(assert, validate('{}'));
});

test('validate accepts a request with both location ARNs', () => {
  expectValid(assert, validate({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION }));
});

test('validate never throws, whatever it is given', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  for (const input of [undefined, null, 1, 'nope', [], cyclic, { toJSON() { throw new Error('no JSON'); } }, Symbol('x'), () => 1]) {
    const result = validate(input);
    assert.equal(result.valid, false);
    assert.equal(result.errors.length, 1, JSON.stringify(result));
  }
});

test('applyDefaults fills VerifyMode for Enhanced mode and throws TypeError for non-objects', () => {
  assert.equal(applyDefaults({ TaskMode: 'ENHANCED' }).Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.throws(() => applyDefaults(42), TypeError);
});

test('fields lists plain-object metadata', () => {
  const list = fields();
  assert.ok(list.length > 0);
  const verify = list.find((f) => f.pointer === '/Options/VerifyMode');
  assert.equal(Object.getPrototypeOf(verify), Object.prototype);
  assert.deepEqual(verify.default, { BASIC: 'POINT_IN_TIME_CONSISTENT', ENHANCED: 'ONLY_FILES_TRANSFERRED' });
});

test('describeSchedule lists the requested number of runs', () => {
  const result = describeSchedule('rate(12 hours)', { from: '2026-01-01T00:00:00Z', count: 2 });
  assert.equal(result.valid, true, JSON.stringify(result));
  assert.equal(result.nextRuns.length, 2);
  assert.equal(typeof result.summary, 'string');
  assert.throws(() => describeSchedule('rate(1 day)', { count: -1 }), TypeError);
});

test('describeSchedule takes options.from as a Date, milliseconds (number or BigInt) or ISO text', () => {
  const start = Date.UTC(2026, 0, 1);
  const runs = (from) => describeSchedule('rate(12 hours)', { from, count: 1 }).nextRuns;
  const expected = runs('2026-01-01T00:00:00Z');
  for (const from of [new Date(start), start, BigInt(start)]) assert.deepEqual(runs(from), expected, String(from));
  for (const from of [true, {}, [], 2n ** 70n, Number.NaN, 'yesterday']) {
    assert.throws(() => runs(from), TypeError, String(from));
  }
  assert.throws(() => describeSchedule('rate(1 day)', { count: '2' }), /options.count must be a number/);
});

test('describeSchedule reads options.from as text over the range of a JS Date, as it reads the Date', () => {
  const runs = (from) => describeSchedule('cron(0 8 * * ? *)', { from, count: 1 }).nextRuns;
  for (const text of ['1969-12-31T00:00:00Z', '1900-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z']) {
    const date = new Date(text);
    assert.deepEqual(runs(date.toISOString()), runs(date), text);
  }
  assert.deepEqual(runs('1969-12-31T00:00:00Z'), ['1970-01-01T08:00:00Z']);
  for (const ms of [-8.64e15, 8.64e15]) {
    const date = new Date(ms);
    assert.deepEqual(runs(date.toISOString()), runs(date), date.toISOString());
  }
  // Beyond a JS Date's range, or not ISO 8601: a TypeError that names the range.
  for (const from of ['+275760-09-13T00:00:01Z', '-271821-04-19T23:59:59Z', '10000-01-01', ' 2026-01-01T00:00:00Z']) {
    assert.throws(() => runs(from), /ISO 8601 time such as 2026-11-25T08:00:00Z, within the range of a JS Date/, from);
  }
});

test('describeSchedule refuses options.from text where new Date(text) refuses it, with the same message', () => {
  // new Date(text) is what a JS caller expects (hunt, session 33: -000000 and
  // half a second past a JS Date's range were accepted).
  const runs = (from) => describeSchedule('cron(0 8 * * ? *)', { from, count: 1 }).nextRuns;
  const refused = /^describeSchedule: options\.from must be an ISO 8601 time such as 2026-11-25T08:00:00Z, within the range of a JS Date/;
  const edges = [
    '-000000-01-01T00:00:00Z', '+000000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.5Z', '+275760-09-13T00:00:00.001Z', '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.5Z', '-271821-04-19T23:59:59.999Z',
    '2026-11-25T23:59:60Z', '2016-12-31T23:59:60Z',
    '2026-11-25T24:00:01Z', '2026-11-25T24:00:00.0001Z', '2026-11-25T25:00:00Z',
    '2026-13-01T00:00:00Z', '2026-00-01T00:00:00Z',
    '2026-11-25T08:00:00+23:59', '2026-11-25T08:00:00+24:00', '2026-11-25T08:00:00-24:00', '2026-11-25T08:00:00+23:60',
  ];
  for (const text of edges) {
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) assert.throws(() => runs(text), { name: 'TypeError', message: refused }, text);
    else assert.deepEqual(runs(text), runs(date), text);
  }
  // Where we decided otherwise (the README's API table says so): a day the
  // month does not have, which V8 rolls over into the next month, 24:00 (the
  // next midnight to a Date; RFC 3339 has no hour 24), a time without a zone
  // (local time to a Date), a bare year or year-month, and a fraction of a
  // millisecond past the last instant (which a Date drops) are refused; an
  // hour-only offset and a decimal comma (ISO 8601) are read.
  const decided = [
    '2026-04-31T00:00:00Z', '2027-02-29T00:00:00Z', '2026-11-25T24:00:00Z', '2026-11-25T24:00Z',
    '2026-11-25T08:00:00', '2026', '2026-11', '+275760-09-13T00:00:00.0009Z',
  ];
  for (const text of decided) {
    assert.ok(!Number.isNaN(new Date(text).getTime()), text);
    assert.throws(() => runs(text), { name: 'TypeError', message: refused }, text);
  }
  for (const text of ['2026-11-25T09:00:00+01', '2026-11-25T08:00:00,5Z']) {
    assert.ok(Number.isNaN(new Date(text).getTime()), text);
    assert.deepEqual(runs(text), runs('2026-11-25T08:00:00Z'), text);
  }
});

test('describeSchedule writes runs after 9999 as toISOString does and lists none beyond a JS Date', () => {
  const { valid, nextRuns } = describeSchedule('rate(3000000 days)', { from: '2026-12-07T13:00:00Z', count: 2 });
  assert.equal(valid, true);
  assert.deepEqual(nextRuns, ['+010240-08-27T13:00:00Z', '+018454-05-17T13:00:00Z']);
  for (const run of nextRuns) assert.equal(new Date(run).toISOString(), run.replace('Z', '.000Z'));
  // 2147483647 days is past 275760 AD: no run a Date can hold, so none is listed.
  assert.deepEqual(describeSchedule('rate(2147483647 days)', { from: 0, count: 5 }).nextRuns, []);
  assert.deepEqual(describeSchedule('rate(1 day)', { from: 8.64e15 - 86_400_000, count: 3 }).nextRuns, ['+275760-09-13T00:00:00Z']);
});

test('describeSchedule throws for an array as options, as the other functions do', () => {
  assert.throws(() => describeSchedule('rate(1 hour)', []), {
    name: 'TypeError',
    message: 'describeSchedule: options must be an object such as { from, count }, but it is an array.',
  });
  assert.throws(() => fields([]), /but it is an array/);
});

test('describeSchedule: five fields, spaces inside and whitespace alone are warnings judged as documented', () => {
  const from = '2026-11-25T00:00:00Z';
  // A wrapping range is read as Quartz reads it (README, "Decisions worth knowing").
  const wrapping = describeSchedule('cron(0 22-2 * * ? *)', { from, count: 5 });
  assert.deepEqual(wrapping.diagnostics, []);
  assert.equal(wrapping.summary, 'At 00:00, 01:00, 02:00, 22:00 and 23:00 UTC every day');
  const spaced = describeSchedule('rate( 1 hour )', { from, count: 1 });
  assert.deepEqual(spaced.diagnostics.map((d) => [d.code, d.severity, d.params.suggestion]), [
    ['schedule/nonstandard-spelling', 'warning', 'rate(1 hour)'],
  ]);
  const five = describeSchedule('cron(0 8 * * 3#1)', { from, count: 1 });
  assert.equal(five.valid, true);
  assert.deepEqual(five.diagnostics.map((d) => [d.code, d.severity]), [['schedule/five-field-cron', 'warning']]);
  assert.equal(five.summary, 'At 08:00 UTC on the first Wednesday of every month');
  assert.deepEqual(five.nextRuns, ['2026-12-02T08:00:00Z']);
  const blank = describeSchedule('  ', { from });
  assert.deepEqual(blank.diagnostics.map((d) => [d.code, d.params.suggestion]), [['schedule/nonstandard-spelling', '']]);
  assert.equal(blank.summary, 'No schedule: the task runs only when it is started.');
  const written = describeSchedule('CRON(0 8 * * ? *)   # nightly', { from });
  assert.deepEqual(written.diagnostics.map((d) => d.code), ['schedule/invalid-expression']);
  assert.match(written.diagnostics[0].message, /^The schedule expression "CRON\(0 8 \* \* \? \*\)   # nightly" has/);
});

test('version() is the package version and the crate version', () => {
  assert.equal(version(), require('datasync-task-validator/package.json').version);
  assert.equal(version(), cargoVersion());
});
