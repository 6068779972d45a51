// CloudFormation conditions in the command's reading of a template
// (js/cli/cloudformation.mjs templateConditions, report.mjs):
// - a task resource with a `Condition` that the parameters' Defaults make
//   false does not exist under those Defaults, so their values are not used
//   to check it (realmore F4, tests/real/cloudformation/14);
// - two Fn::If on one condition take the same branch, and a Fn::If on the
//   task's own Condition its true branch: combinations of location choices
//   that no stack can make are not checked (realmore F5);
// - an Fn::ForEach (AWS::LanguageExtensions) that cannot be expanded (its
//   collection is known only at deploy time) is named as making tasks instead
//   of "no tasks" (expanded loops: cloudformation-foreach.test.mjs).
// Policy: a Default never picks a Fn::If branch (each possible branch is
// checked, its findings say under which condition); Defaults only stand for
// Ref P where the task exists under them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage, runCommand } from './helpers.mjs';

requireBuiltPackage();
const { templateConditions, MAX_CONDITION_COMPARISONS } = await import(join(pkgDir, 'cli', 'cloudformation.mjs'));

const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

/** Location resources: two S3 buckets, an NFS export, an EFS file system. */
const LOCATIONS = `
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
  Nfs:
    Type: AWS::DataSync::LocationNFS
    Properties:
      ServerHostname: files.example.com
      Subdirectory: /export
      OnPremConfig:
        AgentArns: [arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0]
  Efs:
    Type: AWS::DataSync::LocationEFS
    Properties:
      EfsFilesystemArn: arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0123456789abcdef0
      Ec2Config:
        SubnetArn: arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0123456789abcdef0
        SecurityGroupArns: [arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0]
`;

/** The command's --format json report of one template: its first task. */
function taskOf(template) {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-conditions-'));
  try {
    const file = join(dir, 'template.yaml');
    writeFileSync(file, template);
    const result = runCommand(['--format', 'json', file]);
    const document = JSON.parse(result.stdout);
    return { status: result.status, file: document.files[0], task: document.files[0].tasks?.[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const findings = (task) => task.diagnostics.map((d) => `${d.path} ${d.code}`);
const noteAt = (task, path) => task.notes.find((n) => n.path === path);

/** realmore F4's minimal template: the task exists only when Src is not empty. */
const optionalTask = ({ condition = '!Not [!Equals [!Ref Src, ""]]', srcDefault = '""' } = {}) => `Parameters:
  Src: {Type: String, Default: ${srcDefault}}
  Frequency: {Type: String, Default: rate(30 minutes)}
Conditions:
  HasSrc: ${condition}
Resources:
  T:
    Type: AWS::DataSync::Task
    Condition: HasSrc
    Properties:
      SourceLocationArn: !Ref Src
      DestinationLocationArn: ${DESTINATION}
      Schedule:
        ScheduleExpression: !Ref Frequency
`;

test('a task whose Condition the Defaults make false is not checked with those Defaults (F4)', () => {
  const { status, task } = taskOf(optionalTask());
  // With Src = "" CloudFormation does not create T; with any other Src the ARN is not "".
  assert.deepEqual(findings(task), ['/Schedule/ScheduleExpression schedule/too-frequent']);
  // The Default of a parameter the condition does not read is still used, and said.
  assert.deepEqual(task.diagnostics[0].params.parameterDefaults, { Frequency: 'rate(30 minutes)' });
  assert.equal(status, 1);
  const note = noteAt(task, '/SourceLocationArn');
  assert.equal(note.code, 'cloudformation/not-checked');
  assert.equal(
    note.message,
    'Not checked: the value comes from Ref Src, and the parameter\'s Default "" is not used: the task\'s Condition HasSrc cannot be true with it, so under that Default the task is not created; a value that creates it is not checked.',
  );
  assert.equal(noteAt(task, '/Schedule/ScheduleExpression').code, 'cloudformation/parameter-default');
});

test('Fn::And, Fn::Or, Fn::Not and Condition references are evaluated with the Defaults', () => {
  const conditions = [
    '!And [!Not [!Equals [!Ref Src, ""]], !Equals [!Ref Frequency, rate(30 minutes)]]',
    '!Or [!Condition Never, !Not [!Equals ["", !Ref Src]]]',
  ];
  for (const condition of conditions) {
    const template = optionalTask({ condition }).replace('Resources:', '  Never: !Equals [a, b]\nResources:');
    const { task } = taskOf(template);
    assert.equal(noteAt(task, '/SourceLocationArn').code, 'cloudformation/not-checked', condition);
    assert.ok(!findings(task).includes('/SourceLocationArn value/pattern-mismatch'), condition);
  }
});

test('of the parameters the Condition reads, a Default that lets it hold is still used', () => {
  const template = (stage) => optionalTask({ condition: '!And [!Not [!Equals [!Ref Src, ""]], !Equals [!Ref Stage, prod]]' })
    .replace('Conditions:', `  Stage: {Type: String, Default: ${stage}}\nConditions:`)
    .replace('      Schedule:', '      Tags:\n        - {Key: Stage, Value: !Ref Stage}\n      Schedule:');
  // Src = "" makes HasSrc false; Stage = prod does not: a stack with another Src and Stage prod creates T.
  const prod = taskOf(template('prod')).task;
  assert.equal(noteAt(prod, '/SourceLocationArn').code, 'cloudformation/not-checked');
  assert.equal(noteAt(prod, '/Tags/0/Value').code, 'cloudformation/parameter-default');
  // Stage = dev makes HasSrc false too: its Default is not used either.
  const dev = taskOf(template('dev')).task;
  assert.equal(noteAt(dev, '/Tags/0/Value').code, 'cloudformation/not-checked');
  assert.match(noteAt(dev, '/Tags/0/Value').message, /the parameter's Default "dev" is not used: the task's Condition HasSrc cannot be true with it/);
});

test('a Condition true or unknown under the Defaults leaves the Default check as it was', () => {
  // True: the Default makes the task exist, and the empty ARN is an error (with the Default).
  const alwaysThere = taskOf(optionalTask({ condition: '!Equals [!Ref Src, ""]' })).task;
  assert.ok(findings(alwaysThere).includes('/SourceLocationArn value/pattern-mismatch'));
  assert.equal(noteAt(alwaysThere, '/SourceLocationArn').code, 'cloudformation/parameter-default');
  // Unknown (a pseudo parameter): a stack in us-east-1 with the Default creates the task.
  const regional = taskOf(optionalTask({ condition: '!Equals [!Ref "AWS::Region", us-east-1]' })).task;
  assert.ok(findings(regional).includes('/SourceLocationArn value/pattern-mismatch'));
  // A condition that is not in Conditions, or refers to itself, is unknown: no crash, as before.
  const missing = taskOf(optionalTask().replace('Condition: HasSrc', 'Condition: Elsewhere')).task;
  assert.ok(findings(missing).includes('/SourceLocationArn value/pattern-mismatch'));
  const cyclic = taskOf(optionalTask({ condition: '!Not [!Condition HasSrc]' })).task;
  assert.ok(findings(cyclic).includes('/SourceLocationArn value/pattern-mismatch'));
});

/** A task whose locations are chosen by Fn::If, with PosixPermissions PRESERVE (an error S3 to S3). */
const chosen = ({ conditions, source, destination, taskCondition = '' }) => `Parameters:
  Mode: {Type: String, AllowedValues: [nfs, efs, s3]}
Conditions:
${conditions}
Resources:${LOCATIONS}
  T:
    Type: AWS::DataSync::Task
${taskCondition}    Properties:
      SourceLocationArn: ${source}
      DestinationLocationArn: ${destination}
      Options:
        PosixPermissions: PRESERVE
`;

test('two Fn::If on one condition take the same branch: no S3-to-S3 error from a pair that cannot happen (F5)', () => {
  const { task } = taskOf(chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]',
    source: '!If [UseNfs, !GetAtt Nfs.LocationArn, !GetAtt S3a.LocationArn]',
    destination: '!If [UseNfs, !GetAtt S3b.LocationArn, !GetAtt Efs.LocationArn]',
  }));
  // The stacks make NFS to S3 or S3 to EFS; S3a to S3b needs UseNfs false and true at once.
  assert.deepEqual(findings(task), []);
  // The notes still name every branch.
  assert.match(noteAt(task, '/SourceLocationArn').message, /Nfs \(AWS::DataSync::LocationNFS\) or S3a \(AWS::DataSync::LocationS3\)\.$/);
});

test('a pair that one value of the condition makes is still an error, naming that value', () => {
  const { task } = taskOf(chosen({
    conditions: '  ToBuckets: !Equals [!Ref Mode, s3]',
    source: '!If [ToBuckets, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]',
    destination: '!If [ToBuckets, !GetAtt S3b.LocationArn, !GetAtt Efs.LocationArn]',
  }));
  assert.deepEqual(findings(task), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(task.diagnostics[0].params.conditions, { ToBuckets: true });
});

test('conditions read through Fn::Not and comparisons of one parameter with two values are correlated', () => {
  // NotNfs is the negation of UseNfs: S3a (UseNfs) with S3b (NotNfs) never happens.
  const negated = taskOf(chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]\n  NotNfs: !Not [!Condition UseNfs]',
    source: '!If [UseNfs, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]',
    destination: '!If [NotNfs, !GetAtt S3b.LocationArn, !GetAtt Efs.LocationArn]',
  })).task;
  assert.deepEqual(findings(negated), []);
  // Mode is nfs or efs, not both: S3a (Mode = nfs) with S3b (Mode = efs) never happens.
  const exclusive = taskOf(chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]\n  UseEfs: !Equals [efs, !Ref Mode]',
    source: '!If [UseNfs, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]',
    destination: '!If [UseEfs, !GetAtt S3b.LocationArn, !GetAtt Efs.LocationArn]',
  })).task;
  assert.deepEqual(findings(exclusive), []);
  // Two comparisons that may both hold (another parameter) stay independent: the error stands.
  const independent = taskOf(chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]\n  Remote: !Equals [!Ref "AWS::Region", eu-west-1]',
    source: '!If [UseNfs, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]',
    destination: '!If [Remote, !GetAtt S3b.LocationArn, !GetAtt Efs.LocationArn]',
  })).task;
  assert.deepEqual(findings(independent), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(independent.diagnostics[0].params.conditions, { UseNfs: true, Remote: true });
});

test("a parameter's AllowedValues are the values a stack can give it", () => {
  const template = chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]\n  UseS3: !Equals [!Ref Mode, s3]',
    source: '!If [UseNfs, !GetAtt Nfs.LocationArn, !GetAtt S3a.LocationArn]',
    destination: '!If [UseS3, !GetAtt Efs.LocationArn, !GetAtt S3b.LocationArn]',
  });
  // Mode is nfs or s3: S3a (UseNfs false) with S3b (UseS3 false) never happens.
  const twoValues = template.replace('AllowedValues: [nfs, efs, s3]', 'AllowedValues: [nfs, s3]');
  assert.deepEqual(findings(taskOf(twoValues).task), []);
  // With efs allowed (or no AllowedValues), Mode efs makes that pair: the error stands, naming both conditions.
  const three = taskOf(template).task;
  assert.deepEqual(findings(three), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(three.diagnostics[0].params.conditions, { UseNfs: false, UseS3: false });
  const free = template.replace(', AllowedValues: [nfs, efs, s3]', '');
  assert.deepEqual(findings(taskOf(free).task), ['/Options/PosixPermissions locations/posix-between-object-stores']);
});

test('AllowedValues of a parameter that is not Type String do not limit what Ref gives', () => {
  // For an SSM parameter type the stack passes the parameter's name, which AllowedValues checks; Ref gives the
  // value stored under that name, which may be anything (README: such parameter types stay unknown).
  const template = chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]\n  UseS3: !Equals [!Ref Mode, s3]',
    source: '!If [UseNfs, !GetAtt Nfs.LocationArn, !GetAtt S3a.LocationArn]',
    destination: '!If [UseS3, !GetAtt Efs.LocationArn, !GetAtt S3b.LocationArn]',
  }).replace('Mode: {Type: String, AllowedValues: [nfs, efs, s3]}',
    "Mode: {Type: 'AWS::SSM::Parameter::Value<String>', AllowedValues: [nfs, s3]}");
  // The names allowed are nfs and s3, but the values stored under them may be anything (efs): S3a to S3b stands.
  const { task } = taskOf(template);
  assert.deepEqual(findings(task), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(task.diagnostics[0].params.conditions, { UseNfs: false, UseS3: false });
  // The same AllowedValues on a String parameter are the values Ref gives: that pair never happens.
  const string = template.replace("Type: 'AWS::SSM::Parameter::Value<String>'", 'Type: String');
  assert.deepEqual(findings(taskOf(string).task), []);
});

test("a Fn::If on the task's own Condition takes its true branch", () => {
  const { task } = taskOf(chosen({
    conditions: '  UseNfs: !Equals [!Ref Mode, nfs]',
    taskCondition: '    Condition: UseNfs\n',
    source: '!If [UseNfs, !GetAtt Nfs.LocationArn, !GetAtt S3a.LocationArn]',
    destination: '!GetAtt S3b.LocationArn',
  }));
  // When UseNfs is false there is no task, so S3a to S3b is never checked.
  assert.deepEqual(findings(task), []);
  assert.match(noteAt(task, '/SourceLocationArn').message, /template says of Nfs \(AWS::DataSync::LocationNFS\)\.$/);
});

test('a Default that one choice of locations contradicts is not used with that choice', () => {
  // Label's Default "archive" makes Archive true: the choice of S3a (Archive false) never meets it.
  const template = `Parameters:
  Label: {Type: String, Default: archive}
Conditions:
  Archive: !Equals [!Ref Label, archive]
Resources:${LOCATIONS}
  T:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: !If [Archive, !GetAtt Nfs.LocationArn, !GetAtt S3a.LocationArn]
      DestinationLocationArn: !GetAtt S3b.LocationArn
      Tags:
        - Key: Label
          Value: !Ref Label
`;
  const { task } = taskOf(template);
  const note = noteAt(task, '/Tags/0/Value');
  assert.equal(note.code, 'cloudformation/parameter-default');
  assert.match(note.message, / The Default is not used for the locations chosen when condition Archive is false, which it does not allow\.$/);
});

test(`the comparisons enumerated are bounded: more than ${MAX_CONDITION_COMPARISONS} and a combination is kept`, () => {
  const regions = (n) => Array.from({ length: n }, (_, i) => `!Equals [!Ref "AWS::Region", r${i}]`).join(', ');
  const template = (n) => ({
    Conditions: { A: { 'Fn::Or': JSON.parse(`[${regions(n).replace(/!Equals \[!Ref "AWS::Region", (r\d+)\]/g, '{"Fn::Equals": [{"Ref": "AWS::Region"}, "$1"]}')}]`) }, NotA: { 'Fn::Not': [{ Condition: 'A' }] } },
  });
  const both = [{ name: 'A', value: true }, { name: 'NotA', value: true }];
  assert.equal(templateConditions(template(MAX_CONDITION_COMPARISONS)).satisfiable(both), false);
  assert.equal(templateConditions(template(MAX_CONDITION_COMPARISONS + 1)).satisfiable(both), undefined);
  assert.equal(templateConditions(template(MAX_CONDITION_COMPARISONS + 1)).satisfiable([{ name: 'A', value: true }]), undefined);
});

test('a condition too large or nested too deep is a comparison of unknown value, not a crash', () => {
  let deep = { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'x'] };
  for (let i = 0; i < 5000; i++) deep = { 'Fn::Not': [deep] };
  const conditions = templateConditions({ Conditions: { Deep: deep } });
  assert.equal(conditions.satisfiable([{ name: 'Deep', value: true }]), true);
  assert.equal(conditions.satisfiable([{ name: 'Deep', value: true }, { name: 'Deep', value: false }]), false);
  // A YAML integer may be read as a BigInt: compared as written, value unknown.
  const big = templateConditions({ Conditions: { Big: { 'Fn::Equals': [12345678901234567890123n, { Ref: 'AWS::Region' }] } } });
  assert.equal(big.satisfiable([{ name: 'Big', value: true }]), true);
  assert.equal(big.satisfiable([{ name: 'Big', value: false }]), true);
});

test('Fn::ForEach that makes tasks and cannot be expanded is named, not reported as a template without tasks', () => {
  const { file } = taskOf(`Transform: AWS::LanguageExtensions
Parameters:
  Names: {Type: CommaDelimitedList}
Resources:
  Fn::ForEach::Copies:
    - Name
    - !Ref Names
    - Copy\${Name}:
        Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}
`);
  const notes = file.notes.map((n) => n.code);
  assert.deepEqual(notes, ['cloudformation/not-checked']);
  assert.match(file.notes[0].message, /^Not checked: Fn::ForEach::Copies makes AWS::DataSync::Task resources \(Copy\$\{Name\}\), which the AWS::LanguageExtensions transform expands at deploy time; this command did not expand it \(its collection is known only at deploy time\)/);
});
