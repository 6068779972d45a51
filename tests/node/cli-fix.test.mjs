// --fix: the validator's fixes applied to request files in place, changing
// nothing but the values and keys they name (indentation, member order,
// comments, quoting style and line endings stay), and reported. Templates and
// standard input are never changed.
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { applyPatch, fixRequestText } from '../../pkg/cli/fix.mjs';
import { DESTINATION, requireBuiltPackage, runCommand, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const folder = mkdtempSync(join(tmpdir(), 'dtv-fix-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const run = (args) => runCommand(args, { cwd: folder });

function file(name, text) {
  writeFileSync(join(folder, name), text);
  return name;
}
const read = (name) => readFileSync(join(folder, name), 'utf8');

const JSON_BEFORE = `{
    "SourceLocationArn": "${SOURCE}",
    "DestinationLocationArn":"${DESTINATION}",
    "Options" : {
        "Mtime" : "NONE",
        "VerfyMode": "only_files_transferred",
        "OverwriteMode": "SOMETIMES"
    },
    "Schedule": {"ScheduleExpression": "cron(0 8 * * 3#1)"}
}
`;
const JSON_AFTER = `{
    "SourceLocationArn": "${SOURCE}",
    "DestinationLocationArn":"${DESTINATION}",
    "Options" : {
        "Atime" : "NONE",
        "Mtime" : "NONE",
        "VerifyMode": "ONLY_FILES_TRANSFERRED",
        "OverwriteMode": "SOMETIMES"
    },
    "Schedule": {"ScheduleExpression": "cron(0 8 ? * 4#1 *)"}
}
`;

test('--fix edits a JSON request in place, keeps its layout, and reports each change', () => {
  const name = file('task.json', JSON_BEFORE);
  const { status, stdout, stderr } = run(['--fix', name]);
  assert.equal(stderr, '');
  assert.equal(read(name), JSON_AFTER);
  // What is left is what has no single fix.
  assert.equal(status, 1);
  assert.deepEqual(stdout.trimEnd().split('\n'), [
    'task.json:5:9  fixed  options/atime-mtime-mismatch  Atime added as "NONE"  [/Options/Atime]',
    'task.json:7:9  fixed  request/unknown-member  VerfyMode renamed VerifyMode  [/Options/VerfyMode]',
    'task.json:7:9  fixed  value/not-in-enum  VerifyMode set to "ONLY_FILES_TRANSFERRED"  [/Options/VerifyMode]',
    'task.json:10:18  fixed  schedule/five-field-cron  ScheduleExpression set to "cron(0 8 ? * 4#1 *)"  [/Schedule/ScheduleExpression]',
    'task.json:8:9  error  value/not-in-enum  OverwriteMode "SOMETIMES" is not one of ALWAYS or NEVER.  [/Options/OverwriteMode]',
    '1 file checked: 1 error, 0 warnings; 4 problems fixed',
  ]);
  // A second run finds nothing more to fix and leaves the file alone.
  const again = run(['--fix', '--format', 'json', name]);
  assert.equal(read(name), JSON_AFTER);
  const document = JSON.parse(again.stdout);
  assert.deepEqual(document.files[0].fixed, []);
  assert.equal(document.summary.fixed, 0);
});

test('--fix keeps YAML comments, quoting styles and the order of members', () => {
  const name = file(
    'task.yaml',
    `# nightly copy
SourceLocationArn: ${SOURCE}
DestinationLocationArn: "${DESTINATION}"
Options:
  # keep times
  Mtime: NONE   # as the source
  VerfyMode: 'only_files_transferred'
  LogLevel: off
Schedule:
  ScheduleExpression: CRON(0 8 * * 3#1)  # first Wednesday
Tags:
  - Key: team
    Value: storage
`,
  );
  const { status, stdout } = run(['--fix', '--format', 'json', name]);
  assert.equal(status, 0, stdout);
  assert.equal(
    read(name),
    `# nightly copy
SourceLocationArn: ${SOURCE}
DestinationLocationArn: "${DESTINATION}"
Options:
  # keep times
  Atime: NONE
  Mtime: NONE   # as the source
  VerifyMode: 'ONLY_FILES_TRANSFERRED'
  LogLevel: OFF
Schedule:
  ScheduleExpression: cron(0 8 ? * 4#1 *)  # first Wednesday
Tags:
  - Key: team
    Value: storage
`,
  );
  const [report] = JSON.parse(stdout).files;
  assert.deepEqual(
    report.fixed.map(({ code, path, line, column, fix }) => [code, path, line, column, fix.map((op) => op.op).join()]),
    [
      ['options/atime-mtime-mismatch', '/Options/Atime', 6, 3, 'add'],
      ['value/not-in-enum', '/Options/LogLevel', 9, 3, 'replace'],
      ['request/unknown-member', '/Options/VerfyMode', 8, 3, 'move'],
      ['value/not-in-enum', '/Options/VerifyMode', 8, 3, 'replace'],
      ['schedule/five-field-cron', '/Schedule/ScheduleExpression', 11, 3, 'replace'],
    ],
  );
  assert.deepEqual(report.tasks[0].diagnostics, []);
});

test('--fix never changes a template, even one with problems that have a fix in a request', () => {
  const template = `Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: !Ref Source
      DestinationLocationArn: ${DESTINATION}
      Options:
        VerifyMode: none
`;
  const name = file('stack.yaml', template);
  const { status, stdout } = run(['--fix', '--format', 'json', name]);
  assert.equal(status, 1);
  assert.equal(read(name), template);
  const [report] = JSON.parse(stdout).files;
  assert.equal(report.kind, 'template');
  assert.equal(report.fixed, undefined);
  const [diagnostic] = report.tasks[0].diagnostics;
  assert.equal(diagnostic.code, 'value/not-in-enum');
  assert.equal(diagnostic.fix, undefined, 'a template diagnostic carries no request patch');
});

test('--fix keeps the file mode, a byte order mark, CRLF line ends and symbolic links', () => {
  const text = `\ufeff{\r\n  "SourceLocationArn": "${SOURCE}",\r\n  "DestinationLocationArn": "${DESTINATION}",\r\n  "TaskMode": "Enhanced"\r\n}\r\n`;
  const target = file('target.json', text);
  chmodSync(join(folder, target), 0o640);
  symlinkSync('target.json', join(folder, 'link.json'));
  const { status, stdout } = run(['--fix', 'link.json']);
  // The byte order mark stays, and --cli-input-json still refuses it: json/syntax-error, the only finding left.
  assert.equal(status, 1);
  assert.match(stdout, /^link\.json:1:1 {2}error {2}json\/syntax-error {2}The file starts with a byte order mark/m);
  assert.match(stdout, /1 error, 0 warnings/);
  assert.ok(lstatSync(join(folder, 'link.json')).isSymbolicLink());
  assert.equal(readlinkSync(join(folder, 'link.json')), 'target.json');
  assert.equal(read(target), text.replace('"Enhanced"', '"ENHANCED"'));
  assert.equal(statSync(join(folder, target)).mode & 0o777, 0o640);
});

test('--fix refuses standard input', () => {
  const { status, stderr } = run(['--fix', '-']);
  assert.equal(status, 2);
  assert.match(stderr, /^datasync-task-validator: --fix cannot change standard input/);
});

test('a fix that cannot be placed exactly is not applied', () => {
  // Duplicate members: which one the fix means is not clear.
  const duplicate = `{"SourceLocationArn": "${SOURCE}", "DestinationLocationArn": "${DESTINATION}", "TaskMode": "basic", "TaskMode": "basic"}`;
  assert.deepEqual(fixRequestText(duplicate, 'json'), { text: duplicate, fixed: [] });
  // A YAML alias: editing the anchor would change every use of it.
  const alias = `SourceLocationArn: &arn ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nName: *arn\nTaskMode: &mode basic\nTags:\n  - Key: mode\n    Value: *mode\n`;
  const { text, fixed } = fixRequestText(alias, 'yaml');
  assert.equal(text, alias);
  assert.deepEqual(fixed, []);
});

test('a fix replaces a YAML block scalar (| or >-) and keeps the line break after it, mid-file and at the end (hunt37s #2)', () => {
  const head = `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\n`;
  const middle = `${head}Schedule:\n  ScheduleExpression: |\n    cron(0 8 * * 3#1)\nName: nightly\n`;
  const fixedMiddle = fixRequestText(middle, 'yaml');
  assert.equal(fixedMiddle.text, `${head}Schedule:\n  ScheduleExpression: "cron(0 8 ? * 4#1 *)"\nName: nightly\n`);
  assert.ok(fixedMiddle.fixed.length > 0);
  const last = `${head}Schedule:\n  ScheduleExpression: >-\n    cron(0 8 * * 3#1)\n`;
  assert.equal(fixRequestText(last, 'yaml').text, `${head}Schedule:\n  ScheduleExpression: "cron(0 8 ? * 4#1 *)"\n`);
  const crlf = middle.replace(/\n/g, '\r\n');
  assert.equal(fixRequestText(crlf, 'yaml').text, fixedMiddle.text.replace(/\n/g, '\r\n'));
});

test('applyPatch follows RFC 6902 for add, replace and move', () => {
  const before = { Options: { Mtime: 'NONE', VerfyMode: 'x' }, TaskMode: 'basic' };
  const after = applyPatch(before, [
    { op: 'add', path: '/Options/Atime', value: 'NONE' },
    { op: 'move', from: '/Options/VerfyMode', path: '/Options/VerifyMode' },
    { op: 'replace', path: '/TaskMode', value: 'BASIC' },
  ]);
  assert.deepEqual(after, { Options: { Mtime: 'NONE', Atime: 'NONE', VerifyMode: 'x' }, TaskMode: 'BASIC' });
  assert.deepEqual(before, { Options: { Mtime: 'NONE', VerfyMode: 'x' }, TaskMode: 'basic' }, 'the input is not changed');
  assert.throws(() => applyPatch(before, [{ op: 'replace', path: '/Name', value: 'x' }]), /not set/);
});

test('a member added to a one-line object follows its separators', () => {
  const compact = `{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}","Options":{"Mtime":"NONE"}}`;
  assert.equal(fixRequestText(compact, 'json').text, compact.replace('{"Mtime"', '{"Atime":"NONE","Mtime"'));
  const flow = `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nOptions: {Mtime: NONE}   # flow\n`;
  assert.equal(fixRequestText(flow, 'yaml').text, flow.replace('{Mtime', '{Atime: NONE, Mtime'));
  const commented = `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nOptions: { # times\n  Mtime: NONE }\n`;
  assert.equal(fixRequestText(commented, 'yaml').text, commented.replace('  Mtime', '  Atime: NONE,\n  Mtime'));
});

test('a fix that cannot be placed is skipped; the others are still applied', () => {
  // The first member's value follows a comment, so Atime cannot copy its
  // separator; it gets ": ". The enum case is fixed as well.
  const text = `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nOptions:\n  Mtime: # why\n    NONE\n  LogLevel: off\n`;
  const { text: after, fixed } = fixRequestText(text, 'yaml');
  assert.equal(after, text.replace('  Mtime: # why', '  Atime: NONE\n  Mtime: # why').replace('LogLevel: off', 'LogLevel: OFF'));
  assert.deepEqual(fixed.map((f) => f.code), ['options/atime-mtime-mismatch', 'value/not-in-enum']);
  // An alias ahead of a fixable member: the alias' fix is skipped, the other applied.
  const alias = `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nTaskMode: &mode basic\nName: *mode\nOptions: {LogLevel: off}\n`;
  const result = fixRequestText(alias, 'yaml');
  assert.equal(result.text, alias.replace('LogLevel: off', 'LogLevel: OFF'));
  assert.deepEqual(result.fixed.map((f) => f.path), ['/Options/LogLevel']);
});

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

test('--fix edits UpdateTask and StartTaskExecution request files too, judged as those requests', () => {
  // An update: a misspelt member, an enum's case, a five-field cron.
  const update = file('update.json', `{
    "TaskArn": "${TASK_ARN}",
    "Options" : {
        "VerfyMode": "only_files_transferred"
    },
    "Schedule": {"ScheduleExpression": "cron(0 8 * * 3#1)"}
}
`);
  // A run (YAML, with comments): an enum's case, a filter. (Atime and Mtime
  // are paired only in Basic mode, which a run's file alone does not tell.)
  const run_ = file('run.yaml', `# Tonight's run
TaskArn: ${TASK_ARN}
OverrideOptions:
  Mtime: NONE   # keep the times
  LogLevel: transfer
Includes:
  - FilterType: SIMPLE_PATTERN
    Value: '/logs/**'
`);
  const { status, stdout, stderr } = run(['--fix', '--no-color', update, run_]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.equal(read(update), `{
    "TaskArn": "${TASK_ARN}",
    "Options" : {
        "VerifyMode": "ONLY_FILES_TRANSFERRED"
    },
    "Schedule": {"ScheduleExpression": "cron(0 8 ? * 4#1 *)"}
}
`);
  assert.equal(read(run_), `# Tonight's run
TaskArn: ${TASK_ARN}
OverrideOptions:
  Mtime: NONE   # keep the times
  LogLevel: TRANSFER
Includes:
  - FilterType: SIMPLE_PATTERN
    Value: '/logs/*'
`);
  assert.deepEqual(stdout.trimEnd().split('\n').filter((line) => / fixed /.test(line)), [
    'update.json:4:9  fixed  request/unknown-member  VerfyMode renamed VerifyMode  [/Options/VerfyMode]',
    'update.json:4:9  fixed  value/not-in-enum  VerifyMode set to "ONLY_FILES_TRANSFERRED"  [/Options/VerifyMode]',
    'update.json:6:18  fixed  schedule/five-field-cron  ScheduleExpression set to "cron(0 8 ? * 4#1 *)"  [/Schedule/ScheduleExpression]',
    'run.yaml:5:3  fixed  value/not-in-enum  LogLevel set to "TRANSFER"  [/OverrideOptions/LogLevel]',
    'run.yaml:8:5  fixed  filter/include-trailing-wildcards  Value set to "/logs/*"  [/Includes/0/Value]',
  ]);
  assert.match(stdout, /^2 files checked: 0 errors, 0 warnings; 5 problems fixed$/m);
  // Renames go to the operation's own members: an update's "tags" (UpdateTask has no Tags)
  // is not renamed to a run's member, and the file stays an update.
  const tagged = file('tagged.json', `{"TaskArn": "${TASK_ARN}", "tags": []}\n`);
  const left = run(['--fix', '--no-color', tagged]);
  assert.equal(read(tagged), `{"TaskArn": "${TASK_ARN}", "tags": []}\n`);
  assert.match(left.stdout, /error {2}request\/unknown-member {2}"tags" is not an UpdateTask member/);
  // With --operation, the file is fixed as that operation's request.
  const chosen = file('chosen.json', `{"TaskArn": "${TASK_ARN}", "OverrideOptions": {"LogLevel": "off"}}\n`);
  assert.equal(run(['--fix', '--operation', 'StartTaskExecution', chosen]).status, 0);
  assert.equal(read(chosen), `{"TaskArn": "${TASK_ARN}", "OverrideOptions": {"LogLevel": "OFF"}}\n`);
});

test('a fix whose result the caller refuses (it would be told as another operation) is not applied', () => {
  const text = `{"TaskArn": "${TASK_ARN}", "OverrideOption": {"LogLevel": "off"}, "Tags": []}`;
  const operation = 'StartTaskExecution';
  const all = fixRequestText(text, 'json', undefined, { operation });
  assert.deepEqual(all.fixed.map((f) => f.code), ['request/unknown-member', 'value/not-in-enum']);
  const keeps = (value) => !Object.hasOwn(value, 'OverrideOptions');
  const kept = fixRequestText(text, 'json', undefined, { operation, keeps });
  assert.equal(kept.text, text);
  assert.deepEqual(kept.fixed, []);
});

test('--fix never changes Terraform, and its findings carry no request patch', () => {
  const tf = `resource "aws_datasync_task" "t" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  task_mode                = "Enhanced"
}
`;
  const name = file('main.tf', tf);
  const { status, stdout } = run(['--fix', '--format', 'json', name]);
  assert.equal(status, 1, stdout);
  assert.equal(read(name), tf);
  const [report] = JSON.parse(stdout).files;
  const found = report.tasks.flatMap((task) => task.diagnostics).find((d) => d.code === 'value/not-in-enum');
  assert.equal(found?.attribute, 'task_mode');
  assert.equal(found.fix, undefined);
});

test('--fix leaves alone what the configuration ignores, turns off or suppresses for the file', () => {
  const name = file('configured.json', JSON_BEFORE);
  const config = file(
    'configured-config.json',
    JSON.stringify({
      ignore: ['schedule/five-field-cron'],
      severity: { 'options/atime-mtime-mismatch': 'off' },
      overrides: [{ files: ['configured.json'], ignore: ['value/not-in-enum'] }],
    }),
  );
  const { stdout } = run(['--fix', '--config', config, '--format', 'json', name]);
  const document = JSON.parse(stdout);
  // Only the misspelt member is fixed: every other fix belongs to a code the configuration silences.
  assert.deepEqual(
    document.files[0].fixed.map((fixed) => fixed.code),
    ['request/unknown-member'],
  );
  const after = read(name);
  assert.match(after, /"VerifyMode": "only_files_transferred"/);
  assert.match(after, /"cron\(0 8 \* \* 3#1\)"/);
  assert.doesNotMatch(after, /"Atime"/);
});
