// Real CloudFormation templates and task requests from public repositories
// (tests/real/cloudformation/*, tests/real/requests/*), each rewritten by us with
// a case.json that names its source and lists every finding the command prints
// for it, each one reviewed. The command's findings must be exactly those: a
// new finding (a false alarm until someone reviews it) or a lost one fails,
// naming the case.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const KINDS = ['cloudformation', 'requests'];
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Every case folder, relative to the repository root. */
function caseFolders() {
  return KINDS.flatMap((kind) => {
    const root = join('tests', 'real', kind);
    return readdirSync(join(repoRoot, root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, entry.name))
      .sort();
  });
}

/** The findings the command prints for a folder: one `{ task, code, severity, pointer }` each. */
function findingsOf(folder, command) {
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', ...command, folder], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.error, undefined, String(result.error));
  assert.equal(result.stderr, '', `${folder}: nothing on stderr`);
  assert.ok(result.status === 0 || result.status === 1, `${folder}: exit status ${result.status}`);
  const report = JSON.parse(result.stdout);
  const checked = report.files.filter((file) => file.kind !== 'skipped');
  assert.equal(checked.length, 1, `${folder}: exactly one file is checked (the template or the request)`);
  const findings = [];
  for (const file of checked) {
    for (const note of file.notes) findings.push({ task: null, code: note.code, severity: 'info', pointer: note.path ?? '' });
    for (const task of file.tasks) {
      for (const diagnostic of task.diagnostics) {
        findings.push({ task: task.logicalId, code: diagnostic.code, severity: diagnostic.severity, pointer: diagnostic.path });
      }
      for (const note of task.notes) findings.push({ task: task.logicalId, code: note.code, severity: 'info', pointer: note.path });
    }
  }
  return findings;
}

const key = (finding) => `${finding.task ?? '-'} ${finding.severity} ${finding.code} ${finding.pointer}`;
const sortedKeys = (findings) => findings.map(key).sort();

const folders = caseFolders();

test('the corpus holds real cases, each with its provenance and a reason for every error', () => {
  assert.ok(folders.length >= 20, `only ${folders.length} cases`);
  for (const folder of folders) {
    const record = JSON.parse(readFileSync(join(repoRoot, folder, 'case.json'), 'utf8'));
    const { repository, path, commit, url } = record.source ?? {};
    assert.match(repository ?? '', /^[\w.-]+\/[\w.-]+$/, `${folder}: source.repository`);
    assert.ok(path, `${folder}: source.path`);
    assert.match(commit ?? '', /^[0-9a-f]{40}$/, `${folder}: source.commit`);
    assert.equal(url, `https://github.com/${repository}/blob/${commit}/${path}`, `${folder}: source.url`);
    assert.ok(typeof record.changed === 'string' && record.changed.length > 0, `${folder}: changed`);
    assert.ok(Array.isArray(record.expected), `${folder}: expected`);
    for (const finding of record.expected) {
      assert.ok(SEVERITIES.has(finding.severity), `${folder}: severity of ${key(finding)}`);
      if (finding.severity === 'error') assert.ok(finding.why?.trim(), `${folder}: the error ${key(finding)} has no why`);
    }
  }
});

for (const folder of folders) {
  test(`${folder}: the command prints exactly the reviewed findings`, () => {
    const record = JSON.parse(readFileSync(join(repoRoot, folder, 'case.json'), 'utf8'));
    const actual = findingsOf(folder, record.command ?? []);
    assert.deepEqual(sortedKeys(actual), sortedKeys(record.expected), `${folder}: findings differ from case.json`);
  });
}
