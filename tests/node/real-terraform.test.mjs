// Real Terraform configurations from public repositories, one folder a case
// under tests/real/terraform/ (our own files: the facts of a real task, its
// locations, variables and modules, with the repository, commit and path it
// came from in case.json). The command must print for each case exactly the
// findings its case.json expects, each reviewed there with its evidence:
// a new finding (a false alarm until shown otherwise) or a missing one fails,
// naming the case.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, requireBuiltPackage, runCommand } from './helpers.mjs';

requireBuiltPackage();
const CASES = 'tests/real/terraform';
const cases = readdirSync(join(repoRoot, CASES), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What a case's case.json says. */
const caseFile = (name) => JSON.parse(readFileSync(join(repoRoot, CASES, name, 'case.json'), 'utf8'));

/** Every finding the command prints for a folder at --format json: file notes, task diagnostics and task notes. */
function findingsOf(document) {
  const out = [];
  for (const file of document.files) {
    for (const note of file.notes ?? []) out.push({ address: note.address ?? '', code: note.code, severity: note.severity ?? 'note', pointer: note.path ?? '' });
    for (const task of file.tasks ?? []) {
      for (const d of task.diagnostics) out.push({ address: d.address ?? task.logicalId, code: d.code, severity: d.severity, pointer: d.path });
      for (const n of task.notes) out.push({ address: n.address || task.logicalId, code: n.code, severity: 'note', pointer: n.path });
    }
  }
  return out;
}

const key = (f) => `${f.severity} ${f.code} ${f.address} ${JSON.stringify(f.pointer)}`;

/** The keys of `a` that `b` lacks, counting repeats. */
function missingFrom(a, b) {
  const left = new Map();
  for (const f of b) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  const out = [];
  for (const f of a) {
    const n = left.get(key(f)) ?? 0;
    if (n === 0) out.push(key(f));
    else left.set(key(f), n - 1);
  }
  return out;
}

test('the corpus: at least 25 tasks from at least 15 repositories, each case with its provenance', () => {
  assert.ok(cases.length >= 20, `only ${cases.length} cases`);
  const repositories = new Set();
  let tasks = 0;
  for (const name of cases) {
    const { source, changed, expected } = caseFile(name);
    assert.match(source.repository, /^[\w.-]+\/[\w.-]+$/, `${name}: source.repository`);
    assert.match(source.commit, /^[0-9a-f]{40}$/, `${name}: source.commit`);
    assert.ok(source.path && !source.path.startsWith('/'), `${name}: source.path`);
    assert.equal(source.url, `https://github.com/${source.repository}/blob/${source.commit}/${source.path}`, `${name}: source.url`);
    assert.ok(typeof changed === 'string' && changed.length > 20, `${name}: changed says what was simplified`);
    assert.ok(Array.isArray(expected), `${name}: expected`);
    repositories.add(source.repository);
    const { stdout } = runCommand(['--format', 'json', `${CASES}/${name}`]);
    tasks += JSON.parse(stdout).files.reduce((n, f) => n + (f.tasks?.length ?? 0), 0);
  }
  assert.ok(repositories.size >= 15, `only ${repositories.size} repositories`);
  assert.ok(tasks >= 25, `only ${tasks} tasks`);
});

test('every expected finding is reviewed: an error or warning says why with its evidence', () => {
  for (const name of cases) {
    for (const f of caseFile(name).expected) {
      assert.ok(['error', 'warning', 'info', 'note'].includes(f.severity), `${name}: ${key(f)}: severity`);
      assert.ok(typeof f.why === 'string' && f.why.trim().length > 0, `${name}: ${key(f)} has no why`);
      if (f.severity === 'error') assert.ok(f.why.trim().length > 40, `${name}: ${key(f)}: an error needs its evidence`);
    }
  }
});

for (const name of cases) {
  test(`${name}: the command prints exactly the reviewed findings`, () => {
    const { status, stdout, stderr } = runCommand(['--format', 'json', `${CASES}/${name}`]);
    assert.equal(stderr, '', `${name}: stderr`);
    const document = JSON.parse(stdout);
    const tasks = document.files.flatMap((f) => f.tasks ?? []);
    assert.ok(tasks.length > 0, `${name}: no aws_datasync_task found`);
    const found = findingsOf(document);
    const { expected } = caseFile(name);
    const extra = missingFrom(found, expected);
    const missing = missingFrom(expected, found);
    assert.deepEqual({ extra, missing }, { extra: [], missing: [] }, `${name}: findings differ from case.json (extra: printed but not expected; missing: expected but not printed)`);
    const errors = found.filter((f) => f.severity === 'error').length;
    assert.equal(status, errors > 0 ? 1 : 0, `${name}: exit status`);
  });
}
