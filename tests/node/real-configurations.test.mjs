// Real configurations from public repositories, one folder a case under
// tests/real/KIND/ (KIND: terraform, cloudformation, requests), each rewritten
// by us (docs/real-configurations.md). Each folder's case.json names its
// source, says what was simplified and lists every finding the command prints
// for the folder at --format json, each reviewed with the reason it is right:
//
//   { "source": { "repository", "path", "commit", "url" },
//     "changed": "what was simplified",
//     "command": [ ...arguments before the folder ],          (optional)
//     "expected": [ { "task", "code", "severity", "pointer", "why" } ] }
//
// task: the Terraform address or the template's logical ID the finding names
// (a Terraform file's note on a module call names the module: module.x), null
// for a request's task and a file's other notes; severity: error, warning or info
// (notes are info, as the command prints them); pointer: "" or a JSON Pointer
// into the task. The command must print exactly those findings: a new one (a
// false alarm until someone reviews it) or a lost one fails, naming the case.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, requireBuiltPackage, runCommand } from './helpers.mjs';

requireBuiltPackage();

const KINDS = ['terraform', 'cloudformation', 'requests'];
const SEVERITIES = ['error', 'warning', 'info'];
const CASE_KEYS = ['source', 'changed', 'command', 'expected'];
const FINDING_KEYS = ['task', 'code', 'severity', 'pointer', 'why'];

/** Every case folder, relative to the repository root: `tests/real/KIND/NAME`. */
function caseFolders() {
  return KINDS.flatMap((kind) =>
    readdirSync(join(repoRoot, 'tests', 'real', kind), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `tests/real/${kind}/${entry.name}`)
      .sort(),
  );
}

/** A case folder's case.json. */
const caseOf = (folder) => JSON.parse(readFileSync(join(repoRoot, folder, 'case.json'), 'utf8'));

/**
 * The problems with a case.json's shape (the one above), as messages; none
 * when it is right. Every expected finding needs a why, an error its evidence.
 */
function shapeProblems(record) {
  const problems = [];
  const extra = (object, keys) => Object.keys(object).filter((key) => !keys.includes(key));
  for (const key of extra(record, CASE_KEYS)) problems.push(`unknown member ${key}`);
  const { repository, path, commit, url } = record.source ?? {};
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository ?? '')) problems.push('source.repository is not owner/name');
  if (!path || path.startsWith('/')) problems.push('source.path is not a path in the repository');
  if (!/^[0-9a-f]{40}$/.test(commit ?? '')) problems.push('source.commit is not a commit');
  if (url !== `https://github.com/${repository}/blob/${commit}/${path}`) problems.push('source.url is not the file at the commit');
  if (typeof record.changed !== 'string' || record.changed.trim().length < 20) problems.push('changed does not say what was simplified');
  if (record.command !== undefined && !(Array.isArray(record.command) && record.command.every((a) => typeof a === 'string'))) {
    problems.push('command is not a list of arguments');
  }
  if (!Array.isArray(record.expected)) return [...problems, 'expected is not a list'];
  for (const finding of record.expected) {
    const name = key(finding);
    for (const member of extra(finding, FINDING_KEYS)) problems.push(`${name}: unknown member ${member}`);
    if (!(finding.task === null || (typeof finding.task === 'string' && finding.task !== ''))) problems.push(`${name}: task is neither a name nor null`);
    if (typeof finding.code !== 'string' || !finding.code.includes('/')) problems.push(`${name}: code`);
    if (!SEVERITIES.includes(finding.severity)) problems.push(`${name}: severity is not one of ${SEVERITIES.join(', ')}`);
    if (typeof finding.pointer !== 'string' || !(finding.pointer === '' || finding.pointer.startsWith('/'))) problems.push(`${name}: pointer`);
    const why = typeof finding.why === 'string' ? finding.why.trim() : '';
    if (why === '') problems.push(`${name}: no why`);
    else if (finding.severity === 'error' && why.length <= 40) problems.push(`${name}: an error needs its evidence in why`);
  }
  return problems;
}

/** Every finding of a --format json report: `{ task, code, severity, pointer }`, notes as info, a file note under the address it names. */
function findingsOf(report) {
  const out = [];
  const add = (task, item, severity) => out.push({ task: task ?? null, code: item.code, severity, pointer: item.path ?? '' });
  for (const file of report.files) {
    for (const note of file.notes ?? []) add(note.address, note, 'info');
    for (const task of file.tasks ?? []) {
      for (const diagnostic of task.diagnostics) add(task.logicalId, diagnostic, diagnostic.severity);
      for (const note of task.notes) add(task.logicalId, note, 'info');
    }
  }
  return out;
}

function key(finding) {
  return `${finding.task ?? '-'} ${finding.severity} ${finding.code} ${JSON.stringify(finding.pointer)}`;
}

/** The findings of `a` that `b` lacks, as keys, counting repeats. */
function missingFrom(a, b) {
  const left = new Map();
  for (const f of b) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  const out = [];
  for (const f of a) {
    const n = left.get(key(f)) ?? 0;
    if (n === 0) out.push(key(f));
    else left.set(key(f), n - 1);
  }
  return out.sort();
}

/**
 * How the command's findings differ from the case's: `extra` printed but not
 * expected, `missing` expected but not printed.
 */
function differences(found, expected) {
  return { extra: missingFrom(found, expected), missing: missingFrom(expected, found) };
}

const runs = new Map();
/** The command's run on a case folder (once), its report parsed. */
function runOf(folder) {
  if (!runs.has(folder)) {
    const { status, stdout, stderr } = runCommand(['--format', 'json', ...(caseOf(folder).command ?? []), folder]);
    runs.set(folder, { status, stderr, report: stdout ? JSON.parse(stdout) : null });
  }
  return runs.get(folder);
}

const folders = caseFolders();

test('the corpus: real cases of each kind, from many repositories, each case.json in the one shape', () => {
  for (const kind of KINDS) assert.ok(folders.some((f) => f.startsWith(`tests/real/${kind}/`)), `no ${kind} case`);
  assert.ok(folders.length >= 50, `only ${folders.length} cases`);
  const repositories = new Set();
  for (const folder of folders) {
    const record = caseOf(folder);
    assert.deepEqual(shapeProblems(record), [], `${folder}/case.json`);
    repositories.add(record.source.repository);
  }
  assert.ok(repositories.size >= 40, `only ${repositories.size} repositories`);
});

test('the shape check: an old or unreviewed entry is refused, a right one passes', () => {
  const source = {
    repository: 'owner/name',
    path: 'main.tf',
    commit: '0123456789abcdef0123456789abcdef01234567',
    url: 'https://github.com/owner/name/blob/0123456789abcdef0123456789abcdef01234567/main.tf',
  };
  const changed = 'The task and its locations kept, the rest left out.';
  const note = { task: 'aws_datasync_task.x', code: 'terraform/not-checked', severity: 'info', pointer: '/Name', why: 'True note: from a data source.' };
  assert.deepEqual(shapeProblems({ source, changed, expected: [note] }), []);
  assert.deepEqual(shapeProblems({ source, changed, command: ['--operation', 'UpdateTask'], expected: [{ ...note, task: null }] }), []);
  const { why, ...unreviewed } = note;
  assert.deepEqual(shapeProblems({ source, changed, expected: [unreviewed] }), ['aws_datasync_task.x info terraform/not-checked "/Name": no why']);
  const { task, ...rest } = note;
  assert.deepEqual(shapeProblems({ source, changed, expected: [{ address: task, ...rest, severity: 'note' }] }), [
    '- note terraform/not-checked "/Name": unknown member address',
    '- note terraform/not-checked "/Name": task is neither a name nor null',
    '- note terraform/not-checked "/Name": severity is not one of error, warning, info',
  ]);
  const error = { ...note, code: 'schedule/too-frequent', severity: 'error', why: 'True error.' };
  assert.deepEqual(shapeProblems({ source, changed, expected: [error] }), [
    'aws_datasync_task.x error schedule/too-frequent "/Name": an error needs its evidence in why',
  ]);
});

test('the findings of a report: diagnostics with their severity, notes as info, a file note under the address it names', () => {
  const report = {
    files: [
      { kind: 'skipped', notes: [], tasks: [] },
      {
        kind: 'terraform',
        notes: [{ code: 'terraform/not-checked', path: '', address: 'module.remote' }, { code: 'cloudformation/no-tasks', path: '' }],
        tasks: [
          { logicalId: 'aws_datasync_task.t', diagnostics: [{ code: 'logging/log-group-unused', severity: 'warning', path: '/CloudWatchLogGroupArn' }], notes: [{ code: 'terraform/not-checked', path: '/Name' }] },
          { logicalId: null, diagnostics: [{ code: 'schedule/too-frequent', severity: 'error', path: '/Schedule/ScheduleExpression' }], notes: [] },
        ],
      },
    ],
  };
  assert.deepEqual(findingsOf(report), [
    { task: 'module.remote', code: 'terraform/not-checked', severity: 'info', pointer: '' },
    { task: null, code: 'cloudformation/no-tasks', severity: 'info', pointer: '' },
    { task: 'aws_datasync_task.t', code: 'logging/log-group-unused', severity: 'warning', pointer: '/CloudWatchLogGroupArn' },
    { task: 'aws_datasync_task.t', code: 'terraform/not-checked', severity: 'info', pointer: '/Name' },
    { task: null, code: 'schedule/too-frequent', severity: 'error', pointer: '/Schedule/ScheduleExpression' },
  ]);
});

test('the comparison: a new finding and a lost one are both named, repeats counted', () => {
  const a = { task: 'T', code: 'terraform/not-checked', severity: 'info', pointer: '/Name' };
  const b = { task: null, code: 'schedule/too-frequent', severity: 'error', pointer: '/Schedule/ScheduleExpression' };
  assert.deepEqual(differences([a, b], [b, a]), { extra: [], missing: [] });
  assert.deepEqual(differences([a, a, b], [a, b]), { extra: ['T info terraform/not-checked "/Name"'], missing: [] });
  assert.deepEqual(differences([b], [a, b]), { extra: [], missing: ['T info terraform/not-checked "/Name"'] });
  assert.deepEqual(differences([{ ...a, severity: 'warning' }], [a]), {
    extra: ['T warning terraform/not-checked "/Name"'],
    missing: ['T info terraform/not-checked "/Name"'],
  });
});

test('the Terraform part: at least 25 tasks from at least 15 repositories', () => {
  const terraform = folders.filter((f) => f.startsWith('tests/real/terraform/'));
  const repositories = new Set(terraform.map((f) => caseOf(f).source.repository));
  const tasks = terraform.reduce((n, f) => n + runOf(f).report.files.reduce((m, file) => m + (file.tasks?.length ?? 0), 0), 0);
  assert.ok(repositories.size >= 15, `only ${repositories.size} repositories`);
  assert.ok(tasks >= 25, `only ${tasks} tasks`);
});

for (const folder of folders) {
  test(`${folder}: the command prints exactly the reviewed findings`, () => {
    const { status, stderr, report } = runOf(folder);
    assert.equal(stderr, '', `${folder}: stderr`);
    const unchecked = report.files.filter((f) => !f.file.endsWith('/case.json') && !['terraform', 'template', 'request'].includes(f.kind));
    assert.deepEqual(unchecked.map((f) => `${f.file}: ${f.kind}`), [], `${folder}: every file but case.json is checked`);
    assert.ok(report.files.some((f) => f.tasks.length > 0), `${folder}: no task found`);
    const found = findingsOf(report);
    assert.deepEqual(
      differences(found, caseOf(folder).expected),
      { extra: [], missing: [] },
      `${folder}: findings differ from case.json (extra: printed but not expected; missing: expected but not printed)`,
    );
    const errors = found.filter((f) => f.severity === 'error').length;
    assert.equal(status, errors > 0 ? 1 : 0, `${folder}: exit status`);
  });
}
