// Fixes to the session-36 CloudFormation work (review rev36a, cli36). What cfn-lint 1.58.0 says of the
// same template is in each test; where we depart from it, the test says why.
// 1. A loop duplicate where EITHER key came from a parameter's Default is a note, not a refusal,
//    whichever loop comes first: a stack may pass another list.
// 2. A location stand-in (a made-up ARN for a location resource of the template) never reaches a
//    finding: reports are the same run after run and show what the template wrote.
// 3. A loop duplicate in a template without the transform is refused for the missing transform
//    (cfn-lint E1032), not for a transform that is not there.
// 4. A loop duplicate in Outputs fails the transform as one in Resources does (cfn-lint E0001).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand } from './helpers.mjs';
import { reportOf, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();

const TASK_BODY = `Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0
          DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210`;
const tasksLoop = (name, collection) => `  Fn::ForEach::${name}:
    - Name
    - ${collection}
    - Task\${Name}:
        ${TASK_BODY}
`;
const NAMES = '  Names: {Type: CommaDelimitedList, Default: "a"}\n';

test('two loops that make the same key, one from a parameter\'s Default: a note in either order, never a refusal', () => {
  // cfn-lint 1.58.0 reads the Default and reports E0001 "Duplicate Taska" in both orders; with Names=b the stack
  // deploys, so (as for a duplicate only a Default makes) the template is not refused for it.
  const orders = {
    'the Default loop first': tasksLoop('One', '!Ref Names') + tasksLoop('Two', '[a]'),
    'the Default loop second': tasksLoop('Two', '[a]') + tasksLoop('One', '!Ref Names'),
  };
  for (const [name, resources] of Object.entries(orders)) {
    const { status, file } = reportOf(template({ parameters: NAMES, resources }));
    // Before, 'the Default loop first': exit 2, "Fn::ForEach::Two makes the key Taska ... refuses the template".
    assert.equal(status, 0, name);
    assert.equal(file.kind, 'template', name);
    assert.ok(file.notes.some((n) => n.code === 'cloudformation/not-checked' && /it makes Taska, which the template already has/.test(n.message)), name);
  }

  // Inside an object alike: Options' loop One makes Mtime from the Default, loop Two makes it from a literal.
  const options = (first, second) => task('Task', `Options:\n  ${first}\n  ${second}\n`);
  const one = 'Fn::ForEach::One: [M, !Ref Members, {"${M}": PRESERVE}]';
  const two = 'Fn::ForEach::Two: [Nm, [Mtime], {"${Nm}": NONE}]';
  for (const [name, resources] of Object.entries({ 'Default first': options(one, two), 'Default second': options(two, one) })) {
    const { status, file } = reportOf(template({ parameters: '  Members: {Type: CommaDelimitedList, Default: "Mtime"}\n', resources }));
    // Before, 'Default first': exit 2, "Fn::ForEach::Two makes the key Mtime ...".
    assert.equal(status, 0, name);
    assert.equal(file.kind, 'template', name);
  }

  // Two literal loops still fail the transform (cfn-lint E0001 Duplicate Taska at 15:7).
  const literal = reportOf(template({ parameters: NAMES, resources: tasksLoop('One', '[a]') + tasksLoop('Two', '[a]') }));
  assert.equal(literal.status, 2);
  assert.equal(`${literal.file.error.line}:${literal.file.error.column}`, '17:7');
});

test('a location resource\'s stand-in ARN never reaches a finding: two runs give the same bytes, naming the resource', () => {
  const args = ['--format', 'json', 'tests/cli/fixtures/templates/locations.yaml'];
  const [first, second] = [runCommand(args), runCommand(args)];
  // Before: params.location was "arn:aws:datasync:us-east-1:111122223333:location/loc-<random>000000001", new each run.
  assert.equal(first.stdout, second.stdout);
  const home = JSON.parse(first.stdout).files[0].tasks.find((t) => t.logicalId === 'BackupHome');
  const [finding] = home.diagnostics.filter((d) => d.code === 'locations/nfs-version-needs-enhanced');
  assert.equal(finding.params.location, 'HomeLocation');

  // Over every template the tests hold: no stand-in (loc-<8 of [0-9a-z]><9 digits>, cfn<8><n>) in any output format.
  for (const format of ['json', 'sarif']) {
    const all = ['--format', format, 'tests/cli/fixtures/templates', 'tests/real/cloudformation'];
    const [a, b] = [runCommand(all), runCommand(all)];
    assert.equal(a.stdout, b.stdout, format);
    assert.doesNotMatch(a.stdout, /loc-[0-9a-z]{8}\d{9}\b|\bcfn[0-9a-z]{8}\d/, format);
  }
});

test('a loop duplicate without the transform is refused for the missing transform (cfn-lint E1032), not E0001', () => {
  // cfn-lint 1.58.0: E1032 "Missing Transform: Declare the AWS::LanguageExtensions Transform globally ..." and E3001; no E0001.
  const { status, file } = reportOf(template({ transform: false, resources: tasksLoop('Tasks', '[a, a]') }));
  assert.equal(status, 2);
  // Before: "... so the AWS::LanguageExtensions transform fails and CloudFormation refuses the template (cfn-lint reports it as E0001) ...".
  assert.doesNotMatch(file.error.message, /E0001|transform fails/);
  assert.match(file.error.message, /^Fn::ForEach::Tasks is an Fn::ForEach loop, which only the AWS::LanguageExtensions transform expands, and the template does not declare it, so CloudFormation refuses the template \(cfn-lint reports it as E1032 Missing Transform\); add `Transform: AWS::LanguageExtensions`\./);
  assert.match(file.error.message, /makes the key Taska where its object already has one/);
});

test('a loop that makes an output twice fails the transform: the template is refused, as cfn-lint refuses it', () => {
  // cfn-lint 1.58.0: E0001 "Error transforming template: Duplicate Outa while doing transformation" at 13:7.
  const outputs = 'Outputs:\n  Fn::ForEach::Out:\n    - Name\n    - [a, a]\n    - Out${Name}:\n        Value: !Ref Task\n';
  const text = template({ resources: task('Task') }) + outputs;
  const { status, file } = reportOf(text);
  // Before: exit 0, "1 file checked: 0 errors".
  assert.equal(status, 2);
  assert.equal(file.kind, 'unparsable');
  assert.equal(`${file.error.line}:${file.error.column}`, '13:7');
  assert.match(file.error.message, /^Fn::ForEach::Out makes the key Outa where its object already has one .*\(cfn-lint reports it as E0001\)/);

  // Outputs made apart are fine, and so is an output duplicate that only a Default makes (a note is not needed: outputs are not checked).
  assert.equal(reportOf(text.replace('[a, a]', '[a, b]')).status, 0);
  const defaulted = reportOf(template({ parameters: '  Names: {Type: CommaDelimitedList, Default: "a,a"}\n', resources: task('Task') }) + outputs.replace('[a, a]', '!Ref Names'));
  assert.equal(defaulted.status, 0);
});

const S3 = (name, storageClass) => `  ${name}:
    Type: AWS::DataSync::LocationS3
    Properties: {S3BucketArn: 'arn:aws:s3:::${name.toLowerCase()}', ${storageClass ? `S3StorageClass: ${storageClass}, ` : ''}S3Config: {BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/r'}}
`;

test('a Default note tells Ref P from Fn::FindInMap by how the value is written, not by the value; a DefaultValue is called one', () => {
  // The Default GLACIER is also what the mapping has under it: the note still says Fn::FindInMap.
  // cfn-lint 1.58.0 has no rule for the pairing (nothing); the service refuses POINT_IN_TIME_CONSISTENT with GLACIER.
  const text = template({
    transform: false,
    parameters: '  Tier: {Type: String, Default: GLACIER}\n',
    mappings: '  Classes:\n    GLACIER: {Class: GLACIER}\n    STANDARD: {Class: STANDARD}\n',
    resources: `${S3('Src')}${S3('Dst', '!FindInMap [Classes, !Ref Tier, Class]')}${task('Task', '', { source: '!Ref Src', destination: '!Ref Dst' })}`,
  });
  const note = (file) => file.tasks[0].notes.find((n) => n.code === 'cloudformation/parameter-default').message;
  // Before: "... comes from Ref Tier, and a stack may pass ...".
  assert.match(note(reportOf(text).file), /the S3StorageClass of Dst \(AWS::DataSync::LocationS3\) comes from Fn::FindInMap with the key Ref Tier, which finds "GLACIER" under it, and a stack/);

  // The Default's key is not in the mapping: the DefaultValue is used, and the note says so (location and task alike).
  const missing = template({
    parameters: '  Tier: {Type: String, Default: COLD}\n',
    mappings: '  Classes:\n    STANDARD: {Class: STANDARD, Verify: NONE}\n',
    resources: `${S3('Src')}${S3('Dst', '!FindInMap [Classes, !Ref Tier, Class, DefaultValue: GLACIER]')}${task('Task', 'Options:\n  VerifyMode: !FindInMap [Classes, !Ref Tier, Verify, DefaultValue: WRONG]\n', { source: '!Ref Src', destination: '!Ref Dst' })}`,
  });
  const { file } = reportOf(missing);
  const notes = file.tasks[0].notes.filter((n) => n.code === 'cloudformation/parameter-default').map((n) => n.message);
  // Before: 'which finds "GLACIER" under it' and 'which finds "WRONG" under it'.
  assert.ok(notes.some((m) => /comes from Fn::FindInMap with the key Ref Tier, which finds nothing there, so the DefaultValue "GLACIER" is used/.test(m)), notes.join('\n'));
  assert.ok(notes.some((m) => /with the key Ref Tier, which finds nothing there, so the DefaultValue "WRONG" is used/.test(m)), notes.join('\n'));
  assert.ok(notes.every((m) => !/under it/.test(m)), notes.join('\n'));
});
