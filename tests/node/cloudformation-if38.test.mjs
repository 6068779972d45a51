// Fn::If anywhere in a task's properties (hunt38i #1 and its addenda; js/cli/cloudformation.mjs
// ifWorlds, mapProperties' `choose`; report.mjs acrossIfWorlds).
// CloudFormation takes one branch of each Fn::If, by its condition; a branch it can resolve
// before deploy time (a literal, AWS::NoValue: the member left out, a parameter's Default,
// Fn::FindInMap with known keys) is checked in a world of its own:
// - a finding of every world once, without a condition;
// - a finding of some worlds once per choice, at the branch's node (the line and column
//   cfn-lint 1.58.0 gives), saying under which condition (`params.conditions`);
// - a branch not known before deploy time stays unknown (a note, no finding);
// - two Fn::If on one condition take the same branch; choices the Conditions rule out are dropped;
// - at most 3 conditions (8 worlds), counting those of the location ARNs' choices; a Fn::If
//   on any other condition stays unknown, and its note says so.
// Verdicts checked against cfn-lint 1.58.0 (/tmp/hunt35/venv/bin/cfn-lint), which checks
// each branch: E3030 (enum), E3031 (pattern), E3003 (required) at the branch.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage, runCommand } from './helpers.mjs';

requireBuiltPackage();
const { MAX_IF_CONDITIONS } = await import(join(pkgDir, 'cli', 'cloudformation.mjs'));

const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef1';

/** The command's --format json report of one template (file name `name`): its tasks and exit status. */
function check(template, name = 'template.yaml') {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-if38-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, template);
    const result = runCommand(['--format', 'json', file]);
    const document = JSON.parse(result.stdout);
    return { status: result.status, tasks: document.files[0].tasks, task: document.files[0].tasks?.[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `path code [conditions] line:column` of each finding, sorted. */
const findings = (task) =>
  task.diagnostics.map((d) => `${d.path} ${d.code}${d.params?.conditions ? ' ' + JSON.stringify(d.params.conditions) : ''} ${d.line}:${d.column}`).sort();

const CONDITIONS = `Conditions:
  IsProd: !Equals [!Ref "AWS::Region", us-east-1]
`;

/** A template with one task whose properties (after the location ARNs) are `rest`, indented by 6. */
const taskTemplate = (rest, { conditions = CONDITIONS, head = '' } = {}) => `${head}${conditions}Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
${rest}`;

test('hunt38i #1: a literal branch is checked; a finding of one branch says its condition and sits at the branch (cfn-lint E3030 at 10:34)', () => {
  const { status, task } = check(taskTemplate(`      Options:
        VerifyMode: !If [IsProd, BOGUS, !Ref "AWS::NoValue"]
        TransferMode: ALL
        PreserveDeletedFiles: !If [IsProd, REMOVE, REMOVE]
      Schedule:
        ScheduleExpression: !If [IsProd, "rate(30 minutes)", "rate(10 minutes)"]
`));
  assert.equal(status, 1);
  assert.deepEqual(findings(task), [
    // REMOVE with ALL in both worlds: once, without a condition.
    '/Options/TransferMode options/remove-with-transfer-all 11:9',
    '/Options/VerifyMode/1 value/not-in-enum {"IsProd":true} 10:34',
    // Too frequent in each world: each at its own branch (the messages quote different expressions).
    '/Schedule/ScheduleExpression/1 schedule/too-frequent {"IsProd":true} 14:42',
    '/Schedule/ScheduleExpression/2 schedule/too-frequent {"IsProd":false} 14:62',
  ]);
  const verify = task.diagnostics.find((d) => d.code === 'value/not-in-enum');
  assert.match(verify.message, /VerifyMode "BOGUS" .*\(Only when condition IsProd is true\.\)$/);
  // Nothing is left "not checked": every branch was known.
  assert.deepEqual(task.notes.filter((n) => n.code === 'cloudformation/not-checked'), []);
});

test('a branch that is AWS::NoValue leaves the member out: a required location ARN missing in that world (hunt38i #1 addendum 2, cfn-lint E3003)', () => {
  const { status, task } = check(`Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  A:
    Type: AWS::DataSync::LocationS3
    Properties:
      S3BucketArn: arn:aws:s3:::a
      S3Config: {BucketAccessRoleArn: arn:aws:iam::111122223333:role/r}
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: !If [IsProd, !Ref A, !Ref AWS::NoValue]
`);
  assert.equal(status, 1);
  assert.deepEqual(findings(task), ['/DestinationLocationArn/2 request/missing-member {"IsProd":false} 15:57']);
  // The other branch is the location resource A, described to the location rules as before.
  assert.match(task.notes.find((n) => n.path === '/DestinationLocationArn/1').message, /what the template says of A \(AWS::DataSync::LocationS3\)/);
});

test('a whole Properties or Options given by Fn::If: each branch is checked as the task (hunt38i #1 addendum, cfn-lint E3003 and E3030)', () => {
  const { tasks } = check(`Conditions:
  IsProd: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties: !If
      - IsProd
      - SourceLocationArn: ${SOURCE}
        DestinationLocationArn: ${DESTINATION}
        Options: {Mtime: NONE, Atime: NONE}
      - SourceLocationArn: ${SOURCE}
  Task2:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
      Options: !If [IsProd, {Mtime: NONE, VerifyMode: BOGUS}, !Ref AWS::NoValue]
`);
  assert.deepEqual(findings(tasks[0]), ['/2/DestinationLocationArn request/missing-member {"IsProd":false} 11:9']);
  assert.deepEqual(findings(tasks[1]), [
    // Atime defaults to BEST_EFFORT, Mtime NONE: a mismatch in the IsProd branch only.
    '/Options/1/Atime options/atime-mtime-mismatch {"IsProd":true} 17:29',
    '/Options/1/VerifyMode value/not-in-enum {"IsProd":true} 17:43',
  ]);
});

test('a branch not known before deploy time stays unknown: no finding from it, a note at the branch', () => {
  const { status, task } = check(taskTemplate(`      Options:
        VerifyMode: !If [IsProd, !ImportValue SharedVerifyMode, NONE]
        Mtime: !If [IsProd, !ImportValue SharedMtime, PRESERVE]
`));
  assert.equal(status, 0);
  assert.deepEqual(findings(task), []);
  const notes = task.notes.map((n) => `${n.path} ${n.code}`).sort();
  assert.deepEqual(notes, ['/Options/Mtime/1 cloudformation/not-checked', '/Options/VerifyMode/1 cloudformation/not-checked']);
});

test('a parameter Default in a branch is used as elsewhere, and the finding says both the Default and the condition', () => {
  const { task } = check(taskTemplate(`      Schedule:
        ScheduleExpression: !If [IsProd, !Ref Every, "rate(1 day)"]
`, { head: 'Parameters:\n  Every: {Type: String, Default: "rate(20 minutes)"}\n' }));
  assert.deepEqual(findings(task), ['/Schedule/ScheduleExpression/1 schedule/too-frequent {"IsProd":true} 12:47']);
  const [finding] = task.diagnostics;
  assert.deepEqual(finding.params.parameterDefaults, { Every: 'rate(20 minutes)' });
  assert.match(finding.message, /With the Default of parameter Every .*Only when condition IsProd is true/);
});

test('two Fn::If on one condition take the same branch: Atime and Mtime that agree in each world are no finding', () => {
  const { status, task } = check(taskTemplate(`      Options:
        Atime: !If [IsProd, NONE, BEST_EFFORT]
        Mtime: !If [IsProd, NONE, PRESERVE]
`));
  assert.equal(status, 0);
  assert.deepEqual(findings(task), []);
  // The other pairing is a mismatch: a world where the two take different branches would be a false alarm.
  const mixed = check(taskTemplate(`      Options:
        Atime: !If [IsProd, NONE, BEST_EFFORT]
        Mtime: !If [IsProd, PRESERVE, NONE]
`)).task;
  assert.deepEqual(findings(mixed), [
    '/Options/Atime/1 options/atime-mtime-mismatch {"IsProd":true} 10:29',
    '/Options/Atime/2 options/atime-mtime-mismatch {"IsProd":false} 10:35',
  ]);
});

test('a choice of conditions the Conditions section rules out is not checked (A true with NotA true)', () => {
  const { status, task } = check(taskTemplate(`      Options:
        Atime: !If [NotA, NONE, BEST_EFFORT]
        Mtime: !If [A, PRESERVE, NONE]
`, { conditions: 'Conditions:\n  A: !Equals [!Ref "AWS::Region", us-east-1]\n  NotA: !Not [!Condition A]\n' }));
  // A true: Atime BEST_EFFORT with Mtime PRESERVE; A false: NONE with NONE. The mixed choices cannot happen.
  assert.equal(status, 0);
  assert.deepEqual(findings(task), []);
});

test('a Fn::If inside a branch, and in a list item (a tag that one branch leaves out), is chosen too (cfn-lint E3030, E3031 at the branches)', () => {
  const { task } = check(taskTemplate(`      Options:
        VerifyMode: !If [A, !If [B, BOGUS, NONE], NONE]
      Tags:
        - !If [B, {Key: a, Value: "x$y"}, !Ref AWS::NoValue]
        - {Key: b, Value: ok}
`, { conditions: 'Conditions:\n  A: !Equals [!Ref "AWS::Region", us-east-1]\n  B: !Equals [!Ref "AWS::AccountId", "111122223333"]\n' }));
  assert.deepEqual(findings(task), [
    '/Options/VerifyMode/1/1 value/not-in-enum {"A":true,"B":true} 11:37',
    '/Tags/0/1/Value value/pattern-mismatch {"B":true} 13:28',
  ]);
});

test('a JSON template (the long form): the finding sits at the branch under Fn::If (cfn-lint E3030 at 5:47)', () => {
  const template = `{"Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
 "Resources": {"Task": {"Type": "AWS::DataSync::Task", "Properties": {
   "SourceLocationArn": "${SOURCE}",
   "DestinationLocationArn": "${DESTINATION}",
   "Options": {"VerifyMode": {"Fn::If": ["C", "BOGUS", {"Ref": "AWS::NoValue"}]}}}}}}
`;
  const { task } = check(template, 'template.json');
  assert.deepEqual(findings(task), ['/Options/VerifyMode/Fn::If/1 value/not-in-enum {"C":true} 5:47']);
});

test(`at most ${MAX_IF_CONDITIONS} conditions make worlds; a Fn::If on a fourth stays unknown and its note says why`, () => {
  assert.equal(MAX_IF_CONDITIONS, 3);
  const { task } = check(taskTemplate(`      Name: !If [A, "a$", ok]
      Options:
        VerifyMode: !If [B, BOGUS1, NONE]
        LogLevel: !If [C, BOGUS2, "OFF"]
        Uid: !If [D, BOGUS3, NONE]
`, {
    conditions: `Conditions:
  A: !Equals [!Ref "AWS::Region", us-east-1]
  B: !Equals [!Ref "AWS::Region", us-east-2]
  C: !Equals [!Ref "AWS::Region", us-west-1]
  D: !Equals [!Ref "AWS::Region", us-west-2]
`,
  }));
  // cfn-lint also reports BOGUS3 (E3030); this command leaves that one unchecked rather than go past 8 worlds.
  assert.deepEqual(findings(task), [
    '/Name/1 value/pattern-mismatch {"A":true} 12:21',
    '/Options/LogLevel/1 value/not-in-enum {"C":true} 15:27',
    '/Options/VerifyMode/1 value/not-in-enum {"B":true} 14:29',
  ]);
  const note = task.notes.find((n) => n.path === '/Options/Uid');
  assert.equal(note.code, 'cloudformation/not-checked');
  assert.match(note.message, /not tried: the task's other Fn::If already make the 8 combinations/);
});

test("the bound counts the location ARNs' choices of location resources", () => {
  const { task } = check(`Conditions:
  L: !Equals [!Ref "AWS::Region", us-east-1]
  A: !Equals [!Ref "AWS::Region", us-east-2]
  B: !Equals [!Ref "AWS::Region", us-west-1]
  C: !Equals [!Ref "AWS::Region", us-west-2]
Resources:
  S3a:
    Type: AWS::DataSync::LocationS3
    Properties:
      S3BucketArn: arn:aws:s3:::a-bucket
      S3Config: {BucketAccessRoleArn: arn:aws:iam::111122223333:role/r}
  S3b:
    Type: AWS::DataSync::LocationS3
    Properties:
      S3BucketArn: arn:aws:s3:::b-bucket
      S3Config: {BucketAccessRoleArn: arn:aws:iam::111122223333:role/r}
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: !If [L, !Ref S3a, !Ref S3b]
      DestinationLocationArn: ${DESTINATION}
      Name: !If [A, "a$", ok]
      Options:
        VerifyMode: !If [B, BOGUS1, NONE]
        LogLevel: !If [C, BOGUS2, "OFF"]
`);
  assert.deepEqual(findings(task), [
    '/Name/1 value/pattern-mismatch {"A":true} 22:21',
    '/Options/VerifyMode/1 value/not-in-enum {"B":true} 24:29',
  ]);
  assert.match(task.notes.find((n) => n.path === '/Options/LogLevel').message, /not tried/);
});

test("a Fn::If on the task's own Condition takes its true branch: the false one is never reached", () => {
  const { status, task } = check(`Conditions:
  C: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Task:
    Type: AWS::DataSync::Task
    Condition: C
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
      Options:
        VerifyMode: !If [C, NONE, BOGUS]
`);
  // cfn-lint 1.58.0 gives E3030 for BOGUS and, at the same place, W1028 "['Fn::If', 2] is not reachable":
  // when the task exists, C is true, so no stack sends BOGUS.
  assert.equal(status, 0);
  assert.deepEqual(findings(task), []);
});
