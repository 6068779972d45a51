// How the command reads YAML documents (js/cli/documents.mjs parseYaml), run
// from the built package over the files in tests/cli/documents/: dates stay
// text, duplicate keys are found in one pass, deep nesting is reported where
// it is in the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseYaml } from '../../pkg/cli/documents.mjs';
import { pkgDir, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const DOCUMENTS = 'tests/cli/documents';

/** Runs the command in the repository root with --format json; its status, stderr and report. */
function json(args) {
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.error, undefined, String(result.error));
  assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, result.stderr);
  return { status: result.status, stderr: result.stderr, document: JSON.parse(result.stdout) };
}

// ---------------------------------------------------------------------------
// Dates: CloudFormation has no timestamp type, and a request's YAML is text
// ---------------------------------------------------------------------------

test('an unquoted date is the text written, in a template (YAML 1.1) and in a request (YAML 1.2)', () => {
  for (const version of ['1.1', '1.2']) {
    const { value } = parseYaml('a: 2025-06-30\nb: 2024-11-02T08:15:00Z\nc: 2001-12-14 21:59:43.10 -5\nd: !!timestamp 2025-06-30\n', { version });
    assert.deepEqual(value, { a: '2025-06-30', b: '2024-11-02T08:15:00Z', c: '2001-12-14 21:59:43.10 -5', d: '2025-06-30' }, `YAML ${version}`);
  }
});

test('YAML 1.1 booleans, octals and sexagesimals are read as before (CloudFormation converts them by their spelling)', () => {
  const { value, scalars } = parseYaml('a: OFF\nb: 0755\nc: 1:30\nd: yes\n', { version: '1.1' });
  assert.deepEqual(value, { a: false, b: 493n, c: 90n, d: true });
  assert.equal(scalars.get('/c').source, '1:30');
});

test('a template whose tag values and name are unquoted dates is valid; --defaults shows the dates as written', () => {
  const { status, document } = json(['--defaults', `${DOCUMENTS}/dates/stack.yaml`, `${DOCUMENTS}/dates/request.yaml`]);
  assert.equal(status, 0, JSON.stringify(document.files.map((f) => f.tasks.map((t) => t.diagnostics))));
  const [stack, request] = document.files;
  assert.deepEqual(request.tasks[0].defaults.Tags, [{ Key: 'retire-after', Value: '2025-06-30' }, { Key: 'reviewed', Value: '2024-11-02' }]);
  const { defaults } = stack.tasks[0];
  assert.equal(defaults.Name, 'archive 2025-06-30');
  assert.deepEqual(defaults.Tags, [
    { Key: 'retire-after', Value: '2025-06-30' },
    { Key: 'reviewed', Value: '2024-11-02T08:15:00Z' },
    { Key: 'window', Value: '1:30' },
  ]);
});
