// CloudFormation gaps closed in session 36 (cfn36). Each test says what cfn-lint 1.58.0 says of
// the same template (its rules do not know DataSync's location pairings, so where it is silent the
// verdict is the service's, as the location rules already give it for literal values):
// 1. Fn::FindInMap in a location resource (S3StorageClass, MountOptions.Version, S3BucketArn) is
//    read as in a task's Properties: literal keys give the mapping's value; a key `Ref P` of a
//    String parameter with a Default gives the value under the Default, in a location and in the
//    task alike, and says so (as a `Ref P` member does); a pseudo parameter's key stays unknown.
// 2. Fn::FindInMap in a condition's Fn::Equals is read the same way, so Fn::If takes the branch
//    the mapping decides.
// 3. A mapping's list used as a list property is checked item by item (it already was). (An object
//    found in Mappings was a note here; since session 37 it refuses the template: cloudformation-gaps37.)
// 4. A Fn::ForEach loop that makes a key its object already has fails the transform: the template
//    is refused, as cfn-lint's E0001 ("Error transforming template: Duplicate X") refuses it, at
//    the same line and column.
// 5. A Serverless Framework file is read as the framework reads it (YAML 1.2): `on`/`yes` are
//    strings in its Mappings as in its Properties, so neither gets the YAML 1.1 boolean hint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage } from './helpers.mjs';
import { findings, reportOf, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();

const ROLE = 'arn:aws:iam::111122223333:role/r';
const AGENT = 'arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0';
const s3 = (name, properties) => `  ${name}:
    Type: AWS::DataSync::LocationS3
    Properties: {${properties}, S3Config: {BucketAccessRoleArn: '${ROLE}'}}
`;
const nfs = (name, version) => `  ${name}:
    Type: AWS::DataSync::LocationNFS
    Properties: {ServerHostname: files.example.com, Subdirectory: /export, MountOptions: {Version: ${version}}, OnPremConfig: {AgentArns: ['${AGENT}']}}
`;

test('a location member from Fn::FindInMap with literal keys is read from the mapping', () => {
  // cfn-lint 1.58.0: no error or warning (only W2001, the parameter Stage not used).
  const text = template({
    transform: false,
    parameters: '  Stage: {Type: String, Default: prod}\n',
    mappings: "  Env:\n    prod: {Class: DEEP_ARCHIVE, Version: NFS4_2, Bucket: 'arn:aws:s3:::b'}\n",
    resources: `${nfs('Nfs', '!FindInMap [Env, prod, Version]')}${s3('Dst', 'S3BucketArn: !FindInMap [Env, prod, Bucket], S3StorageClass: !FindInMap [Env, prod, Class]')}${task('Task', '', { source: '!Ref Nfs', destination: '!Ref Dst' })}`,
  });
  const { status, file } = reportOf(text);
  // Before: 0 errors, 0 warnings (a location member given as Fn::FindInMap was dropped).
  assert.deepEqual(findings(file.tasks[0]), ['/Options/VerifyMode locations/archive-default-verify-mode', '/TaskMode locations/nfs-version-needs-enhanced']);
  assert.equal(status, 1);
  assert.match(file.tasks[0].diagnostics[0].message, /DEEP_ARCHIVE.*\(In this template, DestinationLocationArn is Dst, an AWS::DataSync::LocationS3\.\)$/);
  // Nothing is said of a Default: the values are the template's own.
  assert.equal(file.tasks[0].diagnostics.some((d) => d.params?.parameterDefaults), false);

  // A key from AWS::Region, or from a parameter without a Default, is a deploy-time value: nothing is checked.
  for (const [key, parameters] of [['!Ref AWS::Region', undefined], ['!Ref Stage', '  Stage: {Type: String}\n']]) {
    const unknown = reportOf(text.replace('  Stage: {Type: String, Default: prod}\n', parameters ?? '').replaceAll('[Env, prod,', `[Env, ${key},`));
    assert.deepEqual(findings(unknown.file.tasks[0]), [], key);
    assert.equal(unknown.status, 0, key);
  }
});

test('a key of Fn::FindInMap from a parameter with a Default is read with the Default, in a location and in the task, and says so', () => {
  // cfn-lint 1.58.0 on the location template: no finding; on the task's VerifyMode: W1034 "{'Fn::FindInMap': ['Env',
  // {'Ref': 'Stage'}, 'Verify']} is not one of ['POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED', 'NONE'] when
  // 'Fn::FindInMap' is resolved" (it resolves the key with the Default, prod).
  const text = template({
    transform: false,
    parameters: '  Stage: {Type: String, Default: prod}\n',
    mappings: '  Env:\n    prod: {Class: DEEP_ARCHIVE, Verify: POINT_IN_TIME}\n    dev: {Class: STANDARD, Verify: NONE}\n',
    resources: `${s3('Src', "S3BucketArn: 'arn:aws:s3:::a'")}${s3('Dst', "S3BucketArn: 'arn:aws:s3:::b', S3StorageClass: !FindInMap [Env, !Ref Stage, Class]")}${task('Task', 'Options:\n  VerifyMode: !FindInMap [Env, !Ref Stage, Verify]\n', { source: '!Ref Src', destination: '!Ref Dst' })}`,
  });
  const { status, file } = reportOf(text);
  const [t] = file.tasks;
  // Before: nothing (both were deploy-time values).
  assert.deepEqual(findings(t), ['/Options/VerifyMode value/not-in-enum']);
  assert.equal(status, 1);
  assert.match(t.diagnostics[0].message, /\(With the Default of parameter Stage \("prod"\); a stack may pass another value\.\)$/);
  assert.deepEqual(t.diagnostics[0].params.parameterDefaults, { Stage: 'prod' });
  const notes = Object.fromEntries(t.notes.filter((n) => n.code === 'cloudformation/parameter-default').map((n) => [n.path, n.message]));
  assert.equal(notes['/DestinationLocationArn'], 'Checked with the Default "prod" of parameter Stage: the S3StorageClass of Dst (AWS::DataSync::LocationS3) comes from Fn::FindInMap with the key Ref Stage, which finds "DEEP_ARCHIVE" under it, and a stack may pass another value, which is not checked.');
  assert.equal(notes['/Options/VerifyMode'], 'Checked with the parameter\'s Default "prod": the value comes from Fn::FindInMap, with the key Ref Stage, which finds "POINT_IN_TIME" under it, and a stack may pass another value, which is not checked.');
  // With a VerifyMode the API knows, the location's storage class under the Default brings the archive rule
  // (cfn-lint 1.58.0: no finding).
  const fixed = reportOf(text.replace('Verify: POINT_IN_TIME}', 'Verify: POINT_IN_TIME_CONSISTENT}')).file.tasks[0];
  assert.deepEqual(findings(fixed), ['/Options/VerifyMode locations/archive-point-in-time']);
  assert.deepEqual(fixed.diagnostics[0].params.parameterDefaults, { Stage: 'prod' });
});

test('a DefaultValue that Fn::FindInMap gives a location member counts as the literal would', () => {
  // cfn-lint 1.58.0: no error or warning.
  const text = template({
    mappings: '  Env:\n    prod: {Other: x}\n',
    resources: `${s3('Src', "S3BucketArn: 'arn:aws:s3:::a'")}${s3('Dst', "S3BucketArn: 'arn:aws:s3:::b', S3StorageClass: !FindInMap [Env, prod, Class, DefaultValue: GLACIER]")}${task('Task', '', { source: '!Ref Src', destination: '!Ref Dst' })}`,
  });
  // Before: none (Dst's storage class was unknown).
  assert.deepEqual(findings(reportOf(text).file.tasks[0]), ['/Options/VerifyMode locations/archive-default-verify-mode']);
  // Without the transform there is no DefaultValue: unknown, as in a task's own members.
  assert.deepEqual(findings(reportOf(text.replace('Transform: AWS::LanguageExtensions\n', '')).file.tasks[0]), []);
});

test('Fn::FindInMap in a condition is read, so Fn::If takes the branch the mapping decides', () => {
  // cfn-lint 1.58.0: no error or warning for either value.
  const text = (archive) => template({
    transform: false,
    mappings: `  Env:\n    prod: {Archive: ${archive}}\n`,
    conditions: "  IsArchive: !Equals [!FindInMap [Env, prod, Archive], 'yes']\n",
    resources: `${s3('Deep', "S3BucketArn: 'arn:aws:s3:::a', S3StorageClass: DEEP_ARCHIVE")}${s3('Plain', "S3BucketArn: 'arn:aws:s3:::b'")}${nfs('Nfs', 'NFS3')}${task('Task', '', { source: '!Ref Nfs', destination: '!If [IsArchive, !Ref Deep, !Ref Plain]' })}`,
  });
  const chosen = reportOf(text("'yes'")).file.tasks[0];
  // Before: the same warning "when condition IsArchive is true", as if the mapping could say either.
  assert.deepEqual(findings(chosen), ['/Options/VerifyMode locations/archive-default-verify-mode']);
  assert.equal(chosen.diagnostics[0].params.conditions, undefined);
  assert.doesNotMatch(chosen.diagnostics[0].message, /when condition/);
  // Before: 1 warning (the branch the mapping rules out was checked).
  const other = reportOf(text("'no'")).file.tasks[0];
  assert.deepEqual(findings(other), []);
  assert.match(other.notes.find((n) => n.path === '/DestinationLocationArn').message, /what the template says of Plain \(AWS::DataSync::LocationS3\)\.$/);
  // A YAML 1.1 boolean in Mappings is compared as "true" (cfn-lint W8003's notes: true equals "true").
  const spelled = reportOf(text('yes').replace("'yes']", "'true']")).file.tasks[0];
  assert.deepEqual(findings(spelled), ['/Options/VerifyMode locations/archive-default-verify-mode']);
  assert.equal(spelled.diagnostics[0].params.conditions, undefined);
  // A key from a parameter leaves the comparison unknown: both branches, each under its condition.
  const unknown = reportOf(text("'yes'").replace('!FindInMap [Env, prod, Archive]', '!FindInMap [Env, !Ref AWS::Region, Archive]')).file.tasks[0];
  assert.deepEqual(unknown.diagnostics[0].params.conditions, { IsArchive: true });
});

test('a mapping\'s list is checked item by item', () => {
  // cfn-lint 1.58.0: W1034 "'/a' is not of type 'object' when 'Fn::FindInMap' is resolved" for each item of
  // Includes and Tags. (An object in Mappings, which this test also held until session 37, now refuses the
  // template: cloudformation-gaps37.)
  const text = template({
    transform: false,
    mappings: "  Filters:\n    prod:\n      Inc: ['/a', '/b']\n      Tags: [x]\n",
    resources: task('T', 'Includes: !FindInMap [Filters, prod, Inc]\nTags: !FindInMap [Filters, prod, Tags]\n'),
  });
  const { status, file } = reportOf(text);
  const [t] = file.tasks;
  assert.deepEqual(findings(t), ['/Includes list/too-many-items', '/Includes/0 value/wrong-type', '/Includes/1 value/wrong-type', '/Tags/0 value/wrong-type']);
  assert.equal(status, 1);
  // Each item is placed at the Fn::FindInMap (where cfn-lint's W1034 is), never at the short form's arguments
  // (before: /Includes/0 at the column of "Filters", /Includes/1 at "prod").
  const at = Object.fromEntries(t.diagnostics.map((d) => [d.path, `${d.line}:${d.column}`]));
  assert.deepEqual([at['/Includes/0'], at['/Includes/1'], at['/Tags/0']], ['13:7', '13:7', '14:7']);
});

/** A template whose Resources are `resources`, with the transform. */
const loopTemplate = (resources, sections = {}) => template({ ...sections, resources });
const TASK_BODY = `Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0
          DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210`;
const tasksLoop = (name, collection, key = 'Task${Name}') => `  Fn::ForEach::${name}:
    - Name
    - ${collection}
    - ${key}:
        ${TASK_BODY}
`;

test('a loop that makes a key twice fails the transform: the template is refused where cfn-lint refuses it', () => {
  // Each case: the template, and cfn-lint 1.58.0's E0001 "Error transforming template: Duplicate <key> while doing
  // transformation" with its line:column.
  const cases = {
    'two items alike': [loopTemplate(tasksLoop('Tasks', '[a, a]')), 'Taska', '7:7'],
    'two items alike once &{} drops punctuation': [loopTemplate(tasksLoop('Tasks', '[a-b, ab]', 'Task&{Name}')), 'Taskab', '7:7'],
    'a resource of the template': [loopTemplate(`  Taska:\n    Type: AWS::SNS::Topic\n${tasksLoop('Tasks', '[a, b]')}`), 'Taska', '9:7'],
    'two loops': [loopTemplate(tasksLoop('One', '[a]') + tasksLoop('Two', '[a]')), 'Taska', '15:7'],
    'a member the loop\'s object has': [loopTemplate(task('Task', 'Options:\n  Mtime: NONE\n  Fn::ForEach::Opt:\n    - M\n    - [Mtime]\n    - ${M}: PRESERVE\n')), 'Mtime', '14:13'],
    'a member of a task a loop makes': [loopTemplate(`  Fn::ForEach::Tasks:\n    - Name\n    - [a, b]\n    - Task\${Name}:\n        ${TASK_BODY}\n          Options:\n            Mtime: NONE\n            Fn::ForEach::Opt:\n              - M\n              - [Mtime]\n              - \${M}: PRESERVE\n`), 'Mtime', '17:17'],
    'a condition made twice': [template({ conditions: '  Fn::ForEach::C:\n    - Name\n    - [x, x]\n    - Is${Name}: !Equals [!Ref AWS::Region, us-east-1]\n', resources: task('Task') }), 'Isx', '7:7'],
  };
  for (const [name, [text, key, at]] of Object.entries(cases)) {
    const { status, file } = reportOf(text);
    // Before: exit 0 and a note that the loop was not expanded ("it makes Taska twice, or one the template already has"),
    // or nothing at all for the condition.
    assert.equal(status, 2, name);
    assert.equal(file.kind, 'unparsable', name);
    assert.equal(`${file.error.line}:${file.error.column}`, at, name);
    assert.match(file.error.message, new RegExp(`^Fn::ForEach::\\w+ makes the key ${key} where its object already has one .*so the AWS::LanguageExtensions transform fails and CloudFormation refuses the template \\(cfn-lint reports it as E0001\\).*Nothing else in the template was checked\\.$`), name);
  }
});

test('a duplicate that only a parameter\'s Default makes is not a refusal: a stack may pass another list', () => {
  // cfn-lint 1.58.0 reads the Default and reports E0001 (Duplicate Taska); with another list the stack is fine.
  const text = loopTemplate(tasksLoop('Tasks', '!Ref Names'), { parameters: '  Names: {Type: CommaDelimitedList, Default: "a,a"}\n' });
  const { status, file } = reportOf(text);
  assert.equal(status, 0);
  assert.equal(file.kind, 'template');
  assert.match(file.notes[0].message, /it makes Taska twice/);
});

test('a Serverless file\'s Mappings are read as its Properties are (YAML 1.2): no YAML 1.1 boolean hint in either', () => {
  // The framework reads serverless.yml as YAML 1.2 (`on` and `yes` are strings) and writes the template as JSON,
  // so CloudFormation receives "on"; cfn-lint reads the written template, not this file.
  // This held before too (the s35 leftover said otherwise): it pins that both places agree.
  const text = `service: demo
provider:
  name: aws
resources:
  Mappings:
    Modes:
      Nightly: {Level: on}
  Resources:
    T:
      Type: AWS::DataSync::Task
      Properties:
        SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0
        DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210
        Options:
          LogLevel: !FindInMap [Modes, Nightly, Level]
          VerifyMode: on
`;
  const [t] = reportOf(text, { name: 'serverless.yml' }).file.tasks;
  const messages = Object.fromEntries(t.diagnostics.map((d) => [d.path, d.message]));
  assert.match(messages['/Options/LogLevel'], /^LogLevel "on" is not one of/);
  assert.match(messages['/Options/VerifyMode'], /^VerifyMode "on" is not one of/);
  assert.equal(t.diagnostics.some((d) => /YAML 1\.1/.test(d.message)), false);
  assert.equal(t.notes.some((n) => n.code === 'cloudformation/yaml-boolean'), false);
});
