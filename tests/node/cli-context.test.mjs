// The command line's context for the rules that need more than the request:
// --locations FILE (what `aws datasync describe-location-*` or
// `list-locations` prints) and --task FILE (what `aws datasync describe-task`
// prints), and the configuration's "locations" and "task" keys. They are the
// JS API's `options.locations` and `options.task` (README, "Locations" and
// "Other operations"), read from files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DESTINATION, requireBuiltPackage, runCommand, SOURCE, TASK } from './helpers.mjs';

requireBuiltPackage();

const HERE = mkdtempSync(join(tmpdir(), 'dtv-cli-context-'));
after(() => rmSync(HERE, { recursive: true, force: true }));

/** Writes `files` (name -> text, or a value written as JSON) under a new folder; returns its path. */
let folders = 0;
function folderWith(files) {
  const folder = join(HERE, `case-${(folders += 1)}`);
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return folder;
}

/** Runs the command in `cwd` with --format json; `codes` lists `code@path` of every finding. */
function check(cwd, args) {
  const { status, stdout, stderr } = runCommand(['--format', 'json', ...args], { cwd });
  const document = stdout ? JSON.parse(stdout) : null;
  const codes = document?.files.flatMap((file) => file.tasks.flatMap((task) => task.diagnostics.map((d) => `${d.code}@${d.path}`))) ?? [];
  return { status, stderr, document, codes };
}

/** A CreateTask request from one S3 bucket to another that keeps POSIX permissions: rejected by the service. */
const S3_TO_S3 = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { PosixPermissions: 'PRESERVE' } };

/** `aws datasync list-locations` output for the two buckets. */
const LIST_LOCATIONS = {
  Locations: [
    { LocationArn: SOURCE, LocationUri: 's3://source-bucket/data/' },
    { LocationArn: DESTINATION, LocationUri: 's3://archive-bucket/' },
  ],
};

/** `aws datasync describe-location-s3 --output yaml` for the destination, in the Glacier storage class. */
const DESCRIBE_DESTINATION_YAML = `LocationArn: ${DESTINATION}
LocationUri: s3://archive-bucket/
S3StorageClass: GLACIER
S3Config:
  BucketAccessRoleArn: arn:aws:iam::111122223333:role/datasync-archive
CreationTime: '2026-11-02T08:00:00.123000+00:00'
`;

/** `aws datasync describe-task --output yaml`: a Basic mode task that keeps access times (its BytesPerSecond a YAML integer). */
const DESCRIBE_TASK_YAML = `TaskArn: ${TASK}
Status: AVAILABLE
Name: nightly
TaskMode: BASIC
SourceLocationArn: ${SOURCE}
DestinationLocationArn: ${DESTINATION}
Options:
  VerifyMode: POINT_IN_TIME_CONSISTENT
  Atime: BEST_EFFORT
  Mtime: PRESERVE
  BytesPerSecond: -1
CreationTime: '2026-11-02T08:00:00.123000+00:00'
`;

/** An UpdateTask request that stops keeping modification times, but not access times (Basic mode wants both or neither). */
const UPDATE_MTIME_NONE = { TaskArn: TASK, Options: { Mtime: 'NONE' } };

// ---------------------------------------------------------------------------
// --locations
// ---------------------------------------------------------------------------

test('a request file with --locations (list-locations output) gets the location rule it needs; without it, none', () => {
  const cwd = folderWith({ 'task.json': S3_TO_S3, 'locations.json': LIST_LOCATIONS });
  assert.deepEqual(check(cwd, ['task.json']).codes, [], 'without the locations no rule knows they are both S3');
  const { status, codes, stderr } = check(cwd, ['--locations', 'locations.json', 'task.json']);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  assert.deepEqual(codes, ['locations/posix-between-object-stores@/Options/PosixPermissions']);
});

test('--locations takes describe-location-* output (one object, YAML), a list, and several files: the last description of an ARN wins', () => {
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  const cwd = folderWith({
    'task.json': request,
    'list.json': LIST_LOCATIONS.Locations, // a plain list
    'destination.yaml': DESCRIBE_DESTINATION_YAML,
  });
  // The list alone: two S3 buckets, no storage class, nothing to say about VerifyMode.
  assert.deepEqual(check(cwd, ['--locations', 'list.json', 'task.json']).codes, []);
  // describe-location-s3 after it refines the destination: Glacier refuses POINT_IN_TIME_CONSISTENT.
  const both = check(cwd, ['--locations', 'list.json', '--locations=destination.yaml', 'task.json']);
  assert.deepEqual(both.codes, ['locations/archive-point-in-time@/Options/VerifyMode']);
  assert.equal(both.status, 1);
});

test('--defaults with --locations fills the defaults for the described pair (NONE between object stores), in a request and a template', () => {
  const pair = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  const cwd = folderWith({
    'task.json': pair,
    'template.json': { Resources: { Copy: { Type: 'AWS::DataSync::Task', Properties: pair } } },
    'locations.json': LIST_LOCATIONS,
  });
  const posix = (args) =>
    check(cwd, ['--defaults', ...args, 'task.json', 'template.json']).document.files.map((file) => {
      const { Uid, Gid, PosixPermissions } = file.tasks[0].defaults.Options;
      return [file.file, Uid, Gid, PosixPermissions];
    });
  assert.deepEqual(posix([]), [['task.json', 'INT_VALUE', 'INT_VALUE', 'PRESERVE'], ['template.json', 'INT_VALUE', 'INT_VALUE', 'PRESERVE']]);
  assert.deepEqual(posix(['--locations', 'locations.json']), [['task.json', 'NONE', 'NONE', 'NONE'], ['template.json', 'NONE', 'NONE', 'NONE']]);
});

test('a location ARN written literally in a template or a Terraform task is described by --locations', () => {
  const cwd = folderWith({
    'locations.json': LIST_LOCATIONS,
    'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Archive:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
      Options:
        PosixPermissions: PRESERVE
`,
    'tf/main.tf': `resource "aws_datasync_task" "archive" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  options {
    posix_permissions = "PRESERVE"
    uid               = "NONE"
    gid               = "NONE"
  }
}
`,
  });
  assert.deepEqual(check(cwd, ['template.yaml', 'tf/main.tf']).codes, []);
  const { codes, status } = check(cwd, ['--locations', 'locations.json', 'template.yaml', 'tf/main.tf']);
  assert.deepEqual(codes, ['locations/posix-between-object-stores@/Options/PosixPermissions', 'locations/posix-between-object-stores@/Options/PosixPermissions']);
  assert.equal(status, 1);
});

// ---------------------------------------------------------------------------
// --task
// ---------------------------------------------------------------------------

test('--task: an UpdateTask request is judged with the described task\'s options (YAML describe-task output)', () => {
  const cwd = folderWith({ 'update.json': UPDATE_MTIME_NONE, 'task.yaml': DESCRIBE_TASK_YAML });
  // Without the task the mode and Atime are unknown: nothing to say.
  assert.deepEqual(check(cwd, ['update.json']).codes, []);
  const { status, codes, document, stderr } = check(cwd, ['--task', 'task.yaml', 'update.json']);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  assert.deepEqual(codes, ['options/atime-mtime-mismatch@/Options/Atime']);
  assert.match(document.files[0].tasks[0].diagnostics[0].message, /keeps the task's BEST_EFFORT/);
});

test('--task and --locations together: an update is judged with the locations of the task it updates', () => {
  // The task's two ends (DescribeTask's SourceLocationArn and DestinationLocationArn) are the two S3 buckets.
  const cwd = folderWith({
    'update.json': { TaskArn: TASK, Options: { PosixPermissions: 'PRESERVE' } },
    'task.yaml': DESCRIBE_TASK_YAML,
    'locations.json': LIST_LOCATIONS,
  });
  assert.deepEqual(check(cwd, ['--task', 'task.yaml', 'update.json']).codes, []);
  assert.deepEqual(check(cwd, ['--task', 'task.yaml', '--locations', 'locations.json', 'update.json']).codes, ['locations/posix-between-object-stores@/Options/PosixPermissions']);
});

test('--task is used only for the request whose TaskArn it describes; several --task files describe several tasks', () => {
  const other = TASK.replace('0123456789abcdef0', '0fedcba9876543210');
  const cwd = folderWith({
    'mine.json': UPDATE_MTIME_NONE,
    'other.json': { ...UPDATE_MTIME_NONE, TaskArn: other },
    'task.yaml': DESCRIBE_TASK_YAML,
    'other-task.json': { TaskArn: other, TaskMode: 'BASIC', Options: { Atime: 'NONE', Mtime: 'NONE' } },
  });
  const findings = (args) => check(cwd, [...args, 'mine.json', 'other.json']).document.files.map((file) => [file.file, file.tasks[0].diagnostics.map((d) => d.code)]);
  assert.deepEqual(findings(['--task', 'task.yaml']), [['mine.json', ['options/atime-mtime-mismatch']], ['other.json', []]]);
  // The other task already has Atime NONE: its update is fine.
  assert.deepEqual(findings(['--task', 'task.yaml', '--task', 'other-task.json']), [['mine.json', ['options/atime-mtime-mismatch']], ['other.json', []]]);
  // A task described as keeping Atime makes the other update wrong too.
  const keeping = folderWith({ 'keeping.json': { TaskArn: other, TaskMode: 'BASIC', Options: { Atime: 'BEST_EFFORT' } } });
  assert.deepEqual(findings(['--task', join(keeping, 'keeping.json')]), [['mine.json', []], ['other.json', ['options/atime-mtime-mismatch']]]);
});

test('--task with a StartTaskExecution request and --fix: the fix the task makes known is applied', () => {
  const cwd = folderWith({ 'run.json': { TaskArn: TASK, OverrideOptions: { Mtime: 'NONE' } }, 'task.yaml': DESCRIBE_TASK_YAML });
  assert.deepEqual(check(cwd, ['--task', 'task.yaml', 'run.json']).codes, ['options/atime-mtime-mismatch@/OverrideOptions/Atime']);
  const fixed = check(cwd, ['--fix', '--task', 'task.yaml', 'run.json']);
  assert.equal(fixed.status, 0);
  assert.deepEqual(JSON.parse(readFileSync(join(cwd, 'run.json'), 'utf8')).OverrideOptions, { Mtime: 'NONE', Atime: 'NONE' });
});

// ---------------------------------------------------------------------------
// Files that cannot be used: one line naming the file, exit 2, nothing checked
// ---------------------------------------------------------------------------

const BAD = [
  ['--locations', 'missing.json', {}, /^datasync-task-validator: missing\.json: cannot read: no such file or directory$/],
  ['--locations', 'broken.json', { 'broken.json': '{"Locations": [' }, /^datasync-task-validator: broken\.json: invalid JSON: /],
  ['--locations', 'broken.yaml', { 'broken.yaml': 'Locations: [\n' }, /^datasync-task-validator: broken\.yaml:\d+:\d+: invalid YAML: /],
  // Read as the AWS CLI reads a request, but never sent: the message says what the file needs, not what would be sent.
  ['--locations', 'equals.yaml', { 'equals.yaml': `LocationArn: ${SOURCE}\nLocationUri: =\n` }, /^datasync-task-validator: equals\.yaml:2:14: invalid YAML: the AWS CLI's YAML reader cannot read a plain "=" \(YAML's "value" key\); quote it to have it read as text$/],
  ['--task', 'date.yaml', { 'date.yaml': `TaskArn: ${TASK}\nCreationTime: 2026-02-30\n` }, /^datasync-task-validator: date\.yaml:2:15: invalid YAML: the AWS CLI's YAML reader cannot read "2026-02-30" as a date: it is no date in the calendar; quote it to have it read as text$/],
  ['--locations', 'empty.yaml', { 'empty.yaml': '\n' }, /^datasync-task-validator: empty\.yaml: the file is empty$/],
  ['--locations', 'request.json', { 'request.json': S3_TO_S3 }, /request\.json: not what "aws datasync describe-location-…" \(\{ "LocationArn": … \}\) or "list-locations" \(\{ "Locations": \[\.\.\.\] \}\) prints, nor a list of locations, but an object without LocationArn or Locations$/],
  ['--locations', 'no-uri.json', { 'no-uri.json': { Locations: [LIST_LOCATIONS.Locations[0], { LocationArn: DESTINATION }] } }, /no-uri\.json: Locations\[1\] needs a LocationUri \(as ListLocations returns it\) or a type\.$/],
  ['--locations', 'type.yaml', { 'type.yaml': `LocationArn: ${SOURCE}\ntype: S4\n` }, /type\.yaml: the location\.type must be one of S3, /],
  ['--locations', 'class.json', { 'class.json': [{ LocationArn: SOURCE, LocationUri: 's3://b/', S3StorageClass: 3 }] }, /class\.json: \[0\]\.S3StorageClass must be a string, but it is an integer\.$/],
  // Only depth makes JSON values unreadable as options (the JS stack, or the validator's limit): said so, never a stack trace.
  ['--locations', 'deep.json', { 'deep.json': `[{"LocationArn": "${SOURCE}", "LocationUri": "s3://a/", "Extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]` }, /deep\.json: nests lists or objects too deeply to be read/],
  ['--locations', 'deep.yaml', { 'deep.yaml': `LocationArn: ${SOURCE}\nLocationUri: s3://a/\nExtra: ${'['.repeat(200)}${']'.repeat(200)}\n` }, /deep\.yaml: nests lists or objects too deeply to be read/],
  ['--task', 'deep-task.json', { 'deep-task.json': `{"TaskArn": "${TASK}", "Options": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}` }, /deep-task\.json: nests lists or objects too deeply to be read/],
  ['--task', 'list.json', { 'list.json': [] }, /list\.json: not what "aws datasync describe-task" prints \(an object\), but a list$/],
  ['--task', 'execution.json', { 'execution.json': { TaskExecutionArn: `${TASK}/execution/exec-0123456789abcdef0`, Status: 'SUCCESS' } }, /execution\.json: not what "aws datasync describe-task" prints: it has no TaskArn/],
];

for (const [flag, file, files, message] of BAD) {
  test(`${flag} ${file}: refused with one line naming the file, exit 2, nothing checked`, () => {
    const cwd = folderWith({ 'update.json': UPDATE_MTIME_NONE, ...files });
    const { status, stderr, document } = check(cwd, [flag, file, 'update.json']);
    assert.equal(status, 2);
    assert.equal(document, null, 'no report');
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0], message);
    assert.match(lines[0], /^datasync-task-validator: /);
  });
}

test('--locations and --task need a file name', () => {
  for (const args of [['--locations'], ['--task='], ['--task', '--quiet', 'x.json']]) {
    const { status, stderr } = check(HERE, [...args]);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /^datasync-task-validator: --(locations|task) needs a (value|file name)\n/, args.join(' '));
  }
});

// ---------------------------------------------------------------------------
// The configuration's "locations" and "task"
// ---------------------------------------------------------------------------

test('the configuration\'s "locations" (one file) and "task" (a list) are relative to its folder, and read with the command line\'s', () => {
  const cwd = folderWith({
    '.datasync-task-validator.json': { locations: 'context/locations.json', task: ['context/task.yaml'] },
    'context/locations.json': LIST_LOCATIONS,
    'context/task.yaml': DESCRIBE_TASK_YAML,
    'tasks/create.json': S3_TO_S3,
    'tasks/update.json': UPDATE_MTIME_NONE,
    'destination.yaml': DESCRIBE_DESTINATION_YAML,
  });
  const tasks = join(cwd, 'tasks');
  const { status, codes } = check(tasks, ['create.json', 'update.json']);
  assert.equal(status, 1);
  assert.deepEqual(codes, ['locations/posix-between-object-stores@/Options/PosixPermissions', 'options/atime-mtime-mismatch@/Options/Atime']);
  // --no-config: neither.
  assert.deepEqual(check(tasks, ['--no-config', 'create.json', 'update.json']).codes, []);
  // A command-line description comes after the configuration's: it refines the destination
  // (Glacier: the Basic mode default VerifyMode, POINT_IN_TIME_CONSISTENT, is refused there).
  const refined = check(tasks, ['--locations', '../destination.yaml', 'create.json']);
  assert.deepEqual(refined.codes.sort(), ['locations/archive-default-verify-mode@/Options/VerifyMode', 'locations/posix-between-object-stores@/Options/PosixPermissions']);
});

test('the configuration\'s "locations" and "task": a wrong type or a file that cannot be read is a configuration error (exit 2)', () => {
  const cases = [
    [{ locations: 5 }, /\.datasync-task-validator\.json: "locations" must be a file name or a list of file names, not a number$/],
    [{ task: [true] }, /\.datasync-task-validator\.json: "task"\[0\] must be a file name \(a string\), not a boolean$/],
    [{ locations: '' }, /"locations" is an empty file name$/],
    [{ locations: ['nope.json'] }, /^datasync-task-validator: \.datasync-task-validator\.json: "locations": nope\.json: cannot read: no such file or directory$/],
  ];
  for (const [config, message] of cases) {
    const cwd = folderWith({ '.datasync-task-validator.json': config, 'update.json': UPDATE_MTIME_NONE });
    const { status, stderr, document } = check(cwd, ['update.json']);
    assert.equal(status, 2, JSON.stringify(config));
    assert.equal(document, null);
    assert.match(stderr.trimEnd(), message, JSON.stringify(config));
  }
});
