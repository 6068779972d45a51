// Files a folder walk finds that the command will not read (larger than
// 16 MiB, or not UTF-8) fail a run only when they are task configurations.
// A repository's coverage/coverage-final.json, a bundler's stats.json or a
// UTF-16 appsettings.json is not one: skipped, not "could not be checked"
// (exit 2) (hunt38i #14). Named on the command line, the refusal stands.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, SOURCE, requireBuiltPackage, runCommand, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const CLEAN_REQUEST = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
/** An istanbul-style coverage map of about 17 MiB: valid JSON, no task in it. */
const bigCoverage = () => JSON.stringify(Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`/src/file${i}.js`, { path: `/src/file${i}.js`, s: { 0: i } }])));
const latin1 = (text) => Buffer.from(text, 'latin1');
const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const skippedFiles = (stdout) => JSON.parse(stdout).files.filter((f) => f.kind === 'skipped').map((f) => f.file.split('/').pop());

test('a file over 16 MiB found in a folder is skipped with a line, and the run checks the rest', (t) => {
  const coverage = bigCoverage();
  assert.ok(coverage.length > 16 * 1024 * 1024);
  const { root } = writeFolder(t, { 'request.json': CLEAN_REQUEST, 'coverage/coverage-final.json': coverage });
  const result = runCommand(['--format', 'json', root]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /coverage-final\.json: skipped: larger than 16 MiB/);
  assert.deepEqual(skippedFiles(result.stdout), ['coverage-final.json']);
});

test('files found in a folder that are not UTF-8 and not task configurations are skipped as such', (t) => {
  const { root } = writeFolder(t, {
    'request.json': CLEAN_REQUEST,
    'config/latin1.yml': latin1('name: café\nport: 80\n'),
    'config/appsettings.json': utf16('{ "Logging": { "LogLevel": { "Default": "Information" } } }'),
  });
  const result = runCommand(['--format', 'json', root]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.deepEqual(skippedFiles(result.stdout).sort(), ['appsettings.json', 'latin1.yml']);
});

test('a request saved in Latin-1 and found in a folder is still refused: it is a task configuration', (t) => {
  const { root } = writeFolder(t, { 'task.yaml': latin1(`SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nName: café\n`) });
  const result = runCommand([root]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /task\.yaml: cannot read: not UTF-8 text \(an invalid byte at offset \d+\); save it as UTF-8/);
});

test('a file named on the command line is refused whatever it holds', (t) => {
  const { root } = writeFolder(t, { 'latin1.yml': latin1('name: café\n') });
  const result = runCommand([join(root, 'latin1.yml')]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /cannot read: not UTF-8 text/);
});
