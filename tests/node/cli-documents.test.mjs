// How the command reads YAML documents (js/cli/documents.mjs parseYaml), run
// from the built package over the files in tests/cli/documents/: dates stay
// text in templates, duplicate keys are found in one pass, deep nesting is reported where
// it is in the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseYaml } from '../../pkg/cli/documents.mjs';
import { isTaskRequest, mentionsTask, notATaskRequest } from '../../pkg/cli/recognise.mjs';
import { fields, validate } from '../../pkg/node/index.mjs';
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

// A request's dates are dates, as the AWS CLI reads them: cli-yaml-reading.test.mjs.
test('an unquoted date is the text written in a template (YAML 1.1), and kept as written in a request', () => {
  for (const version of ['1.1', '1.2']) {
    const { value } = parseYaml('a: 2025-06-30\nb: 2024-11-02T08:15:00Z\nc: 2001-12-14 21:59:43.10 -5\nd: !!timestamp 2025-06-30\n', { version });
    assert.deepEqual(value, { a: '2025-06-30', b: '2024-11-02T08:15:00Z', c: '2001-12-14 21:59:43.10 -5', d: '2025-06-30' }, `YAML ${version}`);
  }
  // In a template an explicit !!timestamp is the text written, a date or not, as a key too.
  const tagged = parseYaml('a: !!timestamp 2001-12-14t21:59:43.10-05:00\nb: !!timestamp not a date\nc: !!timestamp\n? !!timestamp 2025-06-30\n: k\n', { version: '1.1' });
  assert.deepEqual(tagged.value, { a: '2001-12-14t21:59:43.10-05:00', b: 'not a date', c: '', '2025-06-30': 'k' });
  // In a request the text is kept for the messages, and parseYaml says which scalars are dates.
  const request = parseYaml('a: !!timestamp 2001-12-14t21:59:43.10-05:00\n? !!timestamp 2025-06-30\n: k\n');
  assert.deepEqual(request.value, { a: '2001-12-14t21:59:43.10-05:00', '2025-06-30': 'k' });
  assert.deepEqual(request.typed.get('/a'), { type: 'timestamp', source: '2001-12-14t21:59:43.10-05:00' });
});

test('YAML 1.1 booleans, octals and sexagesimals are read as before (CloudFormation converts them by their spelling)', () => {
  const { value, scalars } = parseYaml('a: OFF\nb: 0755\nc: 1:30\nd: yes\n', { version: '1.1' });
  assert.deepEqual(value, { a: false, b: 493n, c: 90n, d: true });
  assert.equal(scalars.get('/c').source, '1:30');
});

test('a template whose tag values and name are unquoted dates is valid, a request with them is not; --defaults shows the dates as written', () => {
  const { status, document } = json(['--defaults', `${DOCUMENTS}/dates/stack.yaml`, `${DOCUMENTS}/dates/request.yaml`]);
  assert.equal(status, 1, JSON.stringify(document.files.map((f) => f.tasks.map((t) => t.diagnostics))));
  const [stack, request] = document.files;
  assert.deepEqual(stack.tasks[0].diagnostics, []);
  // The AWS CLI reads both as dates, and botocore refuses a date for a tag's Value.
  assert.deepEqual(request.tasks[0].diagnostics.map((d) => [d.code, d.path]), [['value/wrong-type', '/Tags/0/Value'], ['value/wrong-type', '/Tags/1/Value']]);
  assert.deepEqual(request.tasks[0].defaults.Tags, [{ Key: 'retire-after', Value: '2025-06-30' }, { Key: 'reviewed', Value: '2024-11-02' }]);
  const { defaults } = stack.tasks[0];
  assert.equal(defaults.Name, 'archive 2025-06-30');
  assert.deepEqual(defaults.Tags, [
    { Key: 'retire-after', Value: '2025-06-30' },
    { Key: 'reviewed', Value: '2024-11-02T08:15:00Z' },
    { Key: 'window', Value: '1:30' },
  ]);
});

// ---------------------------------------------------------------------------
// Duplicate keys: one message, at the repeated key, found in one pass
// ---------------------------------------------------------------------------

/** parseYaml's error for `text` as [message, line, column], or null. */
function parseError(text, version = '1.2') {
  try {
    parseYaml(text, { version });
    return null;
  } catch (error) {
    return [error.message, error.line, error.column];
  }
}

test('a repeated key is refused at the repeat, in block and flow mappings, however it is spelled', () => {
  const unique = 'Map keys must be unique';
  for (const version of ['1.1', '1.2']) {
    assert.deepEqual(parseError('a: 1\nb: 2\na: 3\n', version), [unique, 3, 1]);
    assert.deepEqual(parseError('x:\n  y: {k: 1, k: 2}\n', version), [unique, 2, 13]);
    assert.deepEqual(parseError('a: 1\n"a": 2\n', version), [unique, 2, 1], 'a quoted spelling of the same string');
    assert.deepEqual(parseError('1: x\n01: y\n', version), [unique, 2, 1], 'the same integer');
    assert.deepEqual(parseError('null: 1\n~: 2\n', version), [unique, 2, 1]);
    assert.deepEqual(parseError('a: 1\n? a\n', version), [unique, 2, 3], 'an explicit key: at the key, after "? "');
    assert.deepEqual(parseError('&k a: 1\n!!str a: 2\n', version), [unique, 2, 7], 'after the key\'s anchor or tag');
    assert.deepEqual(parseError('? !Ref a\n: 1\n? !Ref a\n: 2\n', version), [unique, 3, 8]);
    assert.deepEqual(parseError('a:\n  b: {c: 1, c: 2}\na: 3\n', version), [unique, 2, 13], 'the first repeat in the file wins');
    assert.deepEqual(parseError('a: 1\na: {c: 1, c: 2}\n', version), [unique, 2, 1]);
    assert.deepEqual(parseError('- a: 1\n  b: 2\n- b: 1\n  b: 2\n', version), [unique, 4, 3]);
    assert.deepEqual(parseError('a: 1\na: 2\nb: [\n', version), [unique, 2, 1], 'before a later syntax error');
    assert.deepEqual(parseError('a: 1\nb: \na: 2\n', version), [unique, 3, 1], 'at the key, not after the empty value before it');
    assert.deepEqual(parseError(': 1\n: 2\n', version), [unique, 2, 1], 'an empty key: at its ":"');
    // Not repeats: a string and an integer, two collections, NaN, aliases.
    assert.equal(parseError('1: x\n"1": y\n', version), null);
    assert.equal(parseError('? [a]\n: 1\n? [a]\n: 2\n', version), null);
    assert.equal(parseError('.nan: 1\n.NaN: 2\n', version), null);
    assert.equal(parseError('a: &x 1\n*x : 2\n', version), null);
  }
  assert.deepEqual(parseError('<<: {a: 1}\n<<: {b: 2}\n', '1.2'), [unique, 2, 1], 'the AWS CLI\'s reader refuses a second merge key');
  assert.equal(parseError('<<: {a: 1}\n<<: {b: 2}\n', '1.1'), null, 'YAML 1.1 merge keys may repeat');
  assert.equal(parseYaml('{"a": 1, "a": 2}', { json: true }).value.a, 2n, 'JSON duplicates are the validator\'s warning');
});

test('a request file with a repeated key is reported at the repeat (exit 2)', () => {
  const { status, stderr } = json([`${DOCUMENTS}/duplicate-key.yaml`]);
  assert.equal(status, 2);
  assert.equal(stderr, `datasync-task-validator: ${DOCUMENTS}/duplicate-key.yaml:6:3: invalid YAML: Map keys must be unique\n`);
});

// How long this takes is measured in docs/performance.md, not asserted here.
test('a mapping of 40,000 keys is read whole, and a repeat of its last key is found at the repeat', () => {
  const text = `Options:\n${Array.from({ length: 40_000 }, (_, i) => `  Key${i}: value${i}\n`).join('')}`;
  const { value } = parseYaml(text);
  assert.equal(Object.keys(value.Options).length, 40_000);
  assert.deepEqual(parseError(`${text}  Key39999: again\n`), ['Map keys must be unique', 40_002, 3]);
});

// ---------------------------------------------------------------------------
// Which documents are task requests (recognise.mjs)
// ---------------------------------------------------------------------------

const RECOGNISE = `${DOCUMENTS}/recognise`;

test('other tools\' files with a Schedule or Options, broken or not, and a request about a task execution, are skipped in a folder', () => {
  const { status, stderr, document } = json([RECOGNISE]);
  assert.equal(status, 1);
  assert.equal(stderr, '', 'a broken file that names only Options or Schedule is not a broken task');
  const kinds = Object.fromEntries(document.files.map((f) => [f.file.slice(RECOGNISE.length + 1), f.kind]));
  assert.deepEqual(kinds, {
    'others/appsettings.Development.json': 'skipped',
    'others/appsettings.json': 'skipped',
    'others/broken-crawler.yaml': 'skipped',
    'others/crawler.json': 'skipped',
    'others/patch-window.yaml': 'skipped',
    'others/throttle-execution.json': 'skipped',
    'requests/filters-only.json': 'request',
    'requests/options-only.json': 'request',
    'requests/schedule-as-text.yaml': 'request',
    'requests/update-schedule.yaml': 'request',
  });
});

/** Runs the command on `text` given on standard input (a file named on the command line); its kind, status, stderr and diagnostics. */
function named(text) {
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', '-'], { input: text, encoding: 'utf8' });
  const [file] = JSON.parse(result.stdout).files;
  return { kind: file.kind, status: result.status, stderr: result.stderr, codes: file.tasks.flatMap((task) => task.diagnostics.map((d) => `${d.code} ${d.path}`)) };
}

test('found in a folder, a document with any request member of the model but Name, Tags, Options, Schedule, Includes and Excludes is a task request', () => {
  // The model's members (fields()), so a member the model gains is recognised
  // without a list of our own to update.
  const members = new Set(['CreateTask', 'UpdateTask', 'StartTaskExecution'].flatMap((operation) => fields({ operation })).filter((f) => f.pointer.lastIndexOf('/') === 0).map((f) => f.name));
  const common = ['Name', 'Tags', 'Options', 'Schedule', 'Includes', 'Excludes'];
  for (const member of common) assert.ok(members.has(member), member);
  const only = [...members].filter((member) => !common.includes(member));
  for (const member of ['SourceLocationArn', 'DestinationLocationArn', 'CloudWatchLogGroupArn', 'TaskArn', 'OverrideOptions', 'ManifestConfig', 'TaskReportConfig', 'TaskMode']) {
    assert.ok(only.includes(member), member);
  }
  for (const member of only) {
    assert.equal(isTaskRequest({ Other: 1, [member]: 'x' }), true, `${member}: a request`);
    assert.equal(isTaskRequest({ TaskExecutionArn: 'arn', Options: {}, [member]: 'x' }), true, `${member}: a task's, not an execution's`);
    assert.equal(mentionsTask(`{"Other": 1, "${member}": "x"`), true, `${member}: a broken file naming it may be a task`);
    assert.equal(notATaskRequest({ Other: 1, [member.toLowerCase()]: 'x' }), null, `${member}: misspelt, still a request`);
  }
  // Alone, the common ones tell nothing: other tools' files have them too.
  for (const member of common) {
    assert.equal(isTaskRequest({ Other: 1, [member]: 'x' }), false, member);
    assert.equal(mentionsTask(`{"Other": 1, "${member}": "x"`), false, member);
  }
});

test('named on the command line, a file with a member of a task request is checked, whatever else it has', () => {
  // A request whose members are misspelt, but with a Name: it is reported, not skipped.
  assert.deepEqual(named('{"Source": "a", "Dest": "b", "Name": "x"}'), {
    kind: 'request',
    status: 1,
    stderr: '',
    codes: ['request/unknown-member /Dest', 'request/missing-member /DestinationLocationArn', 'request/unknown-member /Source', 'request/missing-member /SourceLocationArn'],
  });
  // Every member of every task request (the model's list, fields()) is enough on its own.
  const members = new Set(['CreateTask', 'UpdateTask', 'StartTaskExecution'].flatMap((operation) => fields({ operation })).filter((f) => f.pointer.lastIndexOf('/') === 0).map((f) => f.name));
  assert.ok(members.has('Name') && members.has('Tags') && members.has('TaskMode') && members.has('CloudWatchLogGroupArn'), [...members].join());
  for (const member of members) {
    assert.equal(notATaskRequest({ Source: 'a', Dest: 'b', [member]: 'x' }), null, member);
  }
  // Other tools' files that share a member (Options, Name, Schedule) are checked too: named on purpose, they say what a request would lack.
  const others = ['appsettings.json', 'crawler.json', 'patch-window.yaml'].map((name) => `${RECOGNISE}/others/${name}`);
  const { status, stderr, document } = json(others);
  assert.equal(status, 1);
  assert.equal(stderr, '');
  assert.deepEqual(document.files.map((f) => f.kind), ['request', 'request', 'request']);
});

test('named on the command line, a file without a single task request member, or about a task execution, is skipped with a line that says why; --operation checks it', () => {
  const withNone = named('{"Source": "a", "Dest": "b", "Schedules": {"Rate": 1}, "Tag": "x"}');
  assert.equal(withNone.kind, 'skipped');
  assert.equal(withNone.status, 0);
  assert.equal(withNone.stderr, 'datasync-task-validator: <stdin>: skipped: not a DataSync task request (none of its members is one a task request has: "Source", "Dest", "Schedules", ...) (pass --operation to check it as one)\n');
  const execution = `${RECOGNISE}/others/throttle-execution.json`;
  const { status, stderr, document } = json([execution]);
  assert.equal(status, 0);
  assert.deepEqual(document.files.map((f) => f.kind), ['skipped']);
  assert.equal(stderr, `datasync-task-validator: ${execution}: skipped: an UpdateTaskExecution request (TaskExecutionArn: an execution, not a task), not a task request (pass --operation to check it as one)\n`);
  const forced = json(['--operation', 'CreateTask', execution]);
  assert.equal(forced.status, 1);
  assert.equal(forced.document.files[0].kind, 'request');
});

test('named, a document made of task request members, or with a member only requests have (even misspelt), is checked', () => {
  const { stderr, document } = json([`${RECOGNISE}/requests/schedule-as-text.yaml`]);
  assert.equal(stderr, '');
  assert.deepEqual(document.files.map((f) => f.kind), ['request']);
  for (const text of ['{}', '{"Name": "x", "Tags": []}', '{"SourceLocationARN": "arn", "Role": "r"}', '[{"Options": {}}]', '"text"']) {
    const { kind, stderr: lines } = named(text);
    assert.equal(kind, 'request', text);
    assert.equal(lines, '', text);
  }
});

// ---------------------------------------------------------------------------
// Deep nesting: json/too-deep where the 65th level opens in the file
// ---------------------------------------------------------------------------

const deepDir = mkdtempSync(join(tmpdir(), 'dtv-cli-documents-'));
after(() => rmSync(deepDir, { recursive: true, force: true }));

const SOURCE_LINE = 'SourceLocationArn: arn:aws:datasync:eu-west-1:111122223333:location/loc-0aa11bb22cc33dd44';

/**
 * The validator's one sentence for json/too-deep: where the 65th level opens
 * is the diagnostic's line and column (and params), not in the message.
 */
const TOO_DEEP = 'The request nests objects or arrays more than 64 levels deep, far deeper than any CreateTask request.';

/** The json/too-deep diagnostics of `text` written to `name`, as [line, column, params]; and the exit status. Each message is TOO_DEEP. */
function tooDeep(name, text) {
  const path = join(deepDir, name);
  writeFileSync(path, text);
  const { status, stderr, document } = json(['--operation', 'CreateTask', path]);
  assert.equal(stderr, '');
  assert.doesNotMatch(JSON.stringify(document), /call stack/);
  const found = document.files[0].tasks.flatMap((task) => task.diagnostics).filter((d) => d.code === 'json/too-deep');
  for (const d of found) assert.equal(d.message, TOO_DEEP, name);
  return { status, found: found.map((d) => [d.line, d.column, d.params]) };
}

test('a YAML request nested more than 64 levels is json/too-deep at the YAML position, even 1,000 levels deep', () => {
  for (const levels of [70, 1_000]) {
    const flow = tooDeep(`flow-${levels}.yaml`, `${SOURCE_LINE}\nOptions: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
    // The root mapping is level 1, Options' list level 2 (column 10): level 65 opens at column 73.
    assert.deepEqual(flow, { status: 1, found: [[2, 73, { line: 2, column: 73 }]] }, `${levels} levels`);
    const block = tooDeep(`block-${levels}.yaml`, `${SOURCE_LINE}\nOptions:\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')} 1\n`);
    // Options' mapping is level 2; the member whose value is level 65 is the 63rd "a", on line 65.
    assert.deepEqual(block, { status: 1, found: [[65, 127, { line: 65, column: 127 }]] }, `${levels} levels`);
  }
});

test('a template\'s task nested too deep is placed in the template; a JSON request at the validator\'s own position', () => {
  const template = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Deep:',
    '    Type: AWS::DataSync::Task',
    '    Properties:',
    `      ${SOURCE_LINE}`,
    `      Options: ${'['.repeat(1_000)}${']'.repeat(1_000)}`,
  ].join('\n');
  // Properties is the request (level 1), Options' list level 2 at column 16: level 65 at column 79.
  assert.deepEqual(tooDeep('template.yaml', template), { status: 1, found: [[7, 79, { line: 7, column: 79 }]] });
  const request = `{"SourceLocationArn": "x",\n "Options": ${'['.repeat(70)}${']'.repeat(70)}}`;
  assert.deepEqual(tooDeep('request.json', request), { status: 1, found: [[2, 76, { line: 2, column: 76 }]] });
});

test('json/too-deep in a YAML file: every format gives the YAML position, and the message is the validator\'s own, the same as validate()\'s', () => {
  const path = join(deepDir, 'formats.yaml');
  writeFileSync(path, `${SOURCE_LINE}\nOptions: ${'['.repeat(70)}${']'.repeat(70)}\n`);
  const run = (format) => spawnSync(process.execPath, [BIN, '--format', format, '--operation', 'CreateTask', path], { encoding: 'utf8' }).stdout;
  // Level 65 opens at line 2, column 73 of the file (the command's own JSON text of it has one line).
  const human = run('human').split('\n').filter((line) => line.includes('json/too-deep'));
  assert.deepEqual(human, [`${path}:2:73  error  json/too-deep  ${TOO_DEEP}`]);
  const sarif = JSON.parse(run('sarif')).runs[0].results.filter((r) => r.ruleId === 'json/too-deep');
  assert.deepEqual(sarif.map((r) => [r.message.text, r.locations[0].physicalLocation.region]), [[TOO_DEEP, { startLine: 2, startColumn: 73 }]]);
  assert.ok(run('github').split('\n').includes(`::error file=${path},line=2,col=73,title=json/too-deep::${TOO_DEEP}`));
  const junit = run('junit');
  assert.ok(junit.includes('<testcase name="json/too-deep at 2:73"'), junit);
  assert.ok(junit.includes(`<failure message="${TOO_DEEP}" type="error">${path}:2:73: error json/too-deep: ${TOO_DEEP}</failure>`), junit);
  const [d] = JSON.parse(run('json')).files[0].tasks[0].diagnostics.filter((x) => x.code === 'json/too-deep');
  assert.deepEqual([d.message, d.line, d.column, d.params], [TOO_DEEP, 2, 73, { line: 2, column: 73 }]);
  // The library says the same sentence; its position is the text's, in params.
  const text = `{"Options": ${'['.repeat(70)}${']'.repeat(70)}}`;
  const [library] = validate(text).errors.filter((x) => x.code === 'json/too-deep');
  assert.deepEqual([library.message, library.params], [TOO_DEEP, { line: 1, column: 76 }]);
});

test('json/too-deep in a request file names the operation it is checked as', () => {
  // Hunt, session 33: an UpdateTask or StartTaskExecution request file was
  // "far deeper than any CreateTask request".
  const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
  const cases = [
    ['update.json', `{"TaskArn": "arn:aws:datasync:eu-west-1:111122223333:task/task-0aa11bb22cc33dd44", "Excludes": ${deep}}`, [], 'UpdateTask'],
    ['run.yaml', `TaskArn: arn:aws:datasync:eu-west-1:111122223333:task/task-0aa11bb22cc33dd44\nOverrideOptions: ${deep}\n`, [], 'StartTaskExecution'],
    ['chosen.json', `{"TaskArn": "x", "Excludes": ${deep}}`, ['--operation', 'StartTaskExecution'], 'StartTaskExecution'],
    ['create.yaml', `${SOURCE_LINE}\nOptions: ${deep}\n`, [], 'CreateTask'],
  ];
  for (const [name, text, args, operation] of cases) {
    const path = join(deepDir, name);
    writeFileSync(path, text);
    const { stderr, document } = json([...args, path]);
    assert.equal(stderr, '', name);
    const messages = document.files[0].tasks.flatMap((task) => task.diagnostics).filter((d) => d.code === 'json/too-deep').map((d) => d.message);
    assert.deepEqual(messages, [`The request nests objects or arrays more than 64 levels deep, far deeper than any ${operation} request.`], name);
  }
});
