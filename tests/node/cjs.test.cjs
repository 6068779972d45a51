// The published package through its `exports` map, as a CommonJS module.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { test } = require('node:test');

const pkgDir = path.join(__dirname, '..', '..', 'pkg');
const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

if (!require('node:fs').existsSync(path.join(__dirname, '..', '..', 'node_modules', 'datasync-task-validator', 'package.json'))) {
  throw new Error('pkg/ is not built or not linked: run scripts/build.sh first');
}
const api = require('datasync-task-validator');

test('the node condition picks the CommonJS entry', () => {
  assert.equal(require.resolve('datasync-task-validator'), path.join(pkgDir, 'node', 'index.cjs'));
});

test('default is init, and __esModule lets transpiled default imports find it', async () => {
  assert.equal(typeof api.default, 'function');
  assert.equal(api.__esModule, true);
  assert.equal(await api.default(), undefined);
});

test('validate reports the missing location ARNs of an empty request', () => {
  const result = api.validate({});
  assert.equal(result.valid, false);
  const paths = result.errors.filter((d) => d.code === 'request/missing-member').map((d) => d.path);
  assert.deepEqual(paths.sort(), ['/DestinationLocationArn', '/SourceLocationArn']);
});

test('validate accepts a request with both location ARNs', () => {
  const result = api.validate({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  assert.equal(result.valid, true, JSON.stringify(result));
  assert.deepEqual(result.errors, []);
});

test('applyDefaults, fields, describeSchedule and version answer', () => {
  assert.equal(api.applyDefaults({ TaskMode: 'ENHANCED' }).Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.ok(api.fields().length > 0);
  assert.equal(api.describeSchedule('rate(12 hours)', { from: 0, count: 2 }).nextRuns.length, 2);
  assert.equal(api.version(), require('datasync-task-validator/package.json').version);
});

test('deep requires are closed by the exports map', () => {
  assert.throws(() => require('datasync-task-validator/node/index.cjs'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
});
