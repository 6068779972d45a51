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

test('version() is the package version and the crate version', () => {
  assert.equal(version(), require('datasync-task-validator/package.json').version);
  assert.equal(version(), cargoVersion());
});
