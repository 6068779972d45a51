// CloudFormation gaps closed in session 37 (cfn37). Each test says what cfn-lint 1.58.0 (PyYAML
// 6.0.4) says of the same template:
// 1. A plain `y`, `Y`, `n` or `N` in a template is a string, as PyYAML (cfn-lint, `aws cloudformation
//    package`/`deploy`) and SnakeYAML read it; yes/no/on/off/true/false stay YAML 1.1 booleans.
//    So a loop identifier N expands, `Atime: y` is "y" (no yaml-boolean note), a Mappings key Y: is
//    "Y", and Fn::Equals compares "y".
// 2. A template with a Fn::ForEach loop that does not declare `Transform: AWS::LanguageExtensions` is
//    refused (exit 2) at the first loop, as cfn-lint (E1032 "Missing Transform") and CloudFormation refuse it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage } from './helpers.mjs';
import { DESTINATION, findings, LOCATIONS, reportOf, SOURCE, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();

test('a loop whose identifier is a plain N is expanded, as cfn-lint expands it', () => {
  // PyYAML: yaml.safe_load('- N') is ['N']. cfn-lint 1.58.0: E3030 'PRESERVE' is not one of ['NONE', 'BEST_EFFORT'] at 13:13.
  const text = template({
    resources: `  Fn::ForEach::Tasks:
    - N
    - [PRESERVE, NONE]
    - Task\${N}:
        Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}
          Options:
            Atime: !Ref N
            Mtime: NONE
`,
  });
  const { status, file } = reportOf(text);
  // Before: exit 0, no task, the note "it is not [Identifier, Collection, {OutputKey: OutputValue}]" (N was the boolean false).
  assert.deepEqual(
    file.tasks.map((t) => t.logicalId),
    ['TaskPRESERVE', 'TaskNONE'],
  );
  assert.deepEqual(findings(file.tasks[0]), ['/Options/Atime value/not-in-enum']);
  assert.deepEqual(findings(file.tasks[1]), []);
  assert.equal(`${file.tasks[0].diagnostics[0].line}:${file.tasks[0].diagnostics[0].column}`, '13:13');
  assert.equal(status, 1);

  // A collection of plain y and n: two strings, so two tasks (before: "an item of its collection is not a string").
  const yn = reportOf(text.replace('[PRESERVE, NONE]', '[y, n]'));
  assert.deepEqual(
    yn.file.tasks.map((t) => t.logicalId),
    ['Tasky', 'Taskn'],
  );
  assert.match(yn.file.tasks[0].diagnostics[0].message, /^Atime "y" is not one of NONE or BEST_EFFORT\./);
});

test('a property written as a plain y is the string "y", with no yaml-boolean note; yes and OFF still get one', () => {
  // cfn-lint 1.58.0: E3030 'y' is not one of ['NONE', 'BEST_EFFORT'] at 10:9; nothing at Name.
  const text = template({ transform: false, resources: task('Task', 'Name: y\nOptions:\n  Atime: y\n') });
  const { status, file } = reportOf(text);
  const [t] = file.tasks;
  // Before: Atime "true" ... (CloudFormation reads the unquoted y as a YAML 1.1 boolean and sends "true"; ...),
  // and a cloudformation/yaml-boolean note at /Name.
  assert.deepEqual(findings(t), ['/Options/Atime value/not-in-enum']);
  assert.equal(t.diagnostics[0].message, 'Atime "y" is not one of NONE or BEST_EFFORT.');
  assert.deepEqual(
    t.notes.filter((n) => n.code === 'cloudformation/yaml-boolean'),
    [],
  );
  assert.equal(status, 1);
  for (const spelling of ['Y', 'n', 'N']) {
    const other = reportOf(text.replaceAll(': y\n', `: ${spelling}\n`)).file.tasks[0];
    assert.equal(other.diagnostics[0].message, `Atime "${spelling}" is not one of NONE or BEST_EFFORT.`, spelling);
    assert.equal(other.notes.some((n) => n.code === 'cloudformation/yaml-boolean'), false, spelling);
  }

  // The other YAML 1.1 booleans are read as before: a boolean, sent as "true"/"false", with the note.
  // (PyYAML: yaml.safe_load('a: yes\nb: OFF') is {'a': True, 'b': False}.)
  const booleans = reportOf(text.replace('Name: y', 'Name: yes').replace('Atime: y', 'Atime: OFF')).file.tasks[0];
  assert.match(booleans.diagnostics[0].message, /^Atime "false" is not one of NONE or BEST_EFFORT\. \(CloudFormation reads the unquoted OFF as a YAML 1\.1 boolean/);
  assert.deepEqual(
    booleans.notes.filter((n) => n.code === 'cloudformation/yaml-boolean').map((n) => n.path),
    ['/Name'],
  );
});

test('a Mappings key written as a plain Y is the key "Y", found by Y and by "Y"', () => {
  // cfn-lint 1.58.0: W1034 "{'Fn::FindInMap': ['Modes', 'Y', 'Atime']} is not one of ['NONE', 'BEST_EFFORT'] when
  // 'Fn::FindInMap' is resolved" at 12:9, and the same for Mtime at 13:9.
  const text = template({
    transform: false,
    mappings: '  Modes:\n    Y: {Atime: PRESERVE, Mtime: KEEP}\n',
    resources: task('Task', 'Options:\n  Atime: !FindInMap [Modes, "Y", Atime]\n  Mtime: !FindInMap [Modes, Y, Mtime]\n'),
  });
  const { status, file } = reportOf(text);
  const [t] = file.tasks;
  // Before: both "Not checked: the value comes from Fn::FindInMap, which CloudFormation resolves at deploy time."
  // (the key was the boolean true).
  assert.deepEqual(findings(t), ['/Options/Atime value/not-in-enum', '/Options/Mtime value/not-in-enum']);
  assert.deepEqual(
    t.diagnostics.map((d) => `${d.line}:${d.column}`),
    ['12:9', '13:9'],
  );
  assert.equal(status, 1);
});

test('Fn::Equals with a plain y or n compares the string written, so the condition is decided', () => {
  // PyYAML reads `!Equals [y, "n"]` as ['y', 'n']: never equal. cfn-lint 1.58.0 has no rule on the locations'
  // pairing (only W2001-like notes); the service refuses PosixPermissions PRESERVE between two buckets.
  const text = (condition) =>
    template({
      transform: false,
      conditions: `  IsMirror: ${condition}\n`,
      resources: LOCATIONS + task('T', 'Options: {PosixPermissions: PRESERVE}', { source: '!GetAtt S3a.LocationArn', destination: '!If [IsMirror, !GetAtt S3b.LocationArn, !GetAtt Nfs.LocationArn]' }),
    });
  // Never true: the task goes to Nfs only, where PRESERVE is fine.
  // Before: the comparison was unknown, so "... when condition IsMirror is true" (S3a to S3b) was an error.
  const never = reportOf(text('!Equals [y, "n"]'));
  assert.deepEqual(findings(never.file.tasks[0]), []);
  assert.equal(never.status, 0);
  // Always true (y is "y"): the task goes to S3b, an error with no condition named.
  const always = reportOf(text('!Equals ["y", y]'));
  assert.deepEqual(findings(always.file.tasks[0]), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.equal(always.file.tasks[0].diagnostics[0].params.conditions, undefined);
});

const TASK_BODY = `Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}`;
const tasksLoop = (collection) => `  Fn::ForEach::Tasks:
    - Name
    - ${collection}
    - Task\${Name}:
        ${TASK_BODY}
`;
const MISSING_TRANSFORM = (loop) =>
  `${loop} is an Fn::ForEach loop, which only the AWS::LanguageExtensions transform expands, and the template does not declare it, so CloudFormation refuses the template (cfn-lint reports it as E1032 Missing Transform); add \`Transform: AWS::LanguageExtensions\`. Nothing else in the template was checked.`;

test('a loop in a template without the AWS::LanguageExtensions transform refuses the template, at the loop, as cfn-lint does', () => {
  // cfn-lint 1.58.0: E1032 "Missing Transform: Declare the AWS::LanguageExtensions Transform globally to enable use of
  // the intrinsic function Fn::ForEach at Resources/Fn::ForEach::Tasks" at 3:3 (and E3001: the key is no logical ID).
  const text = template({ transform: false, resources: tasksLoop('[a, b]') });
  const { status, file } = reportOf(text);
  // Before: exit 0, the tasks Taska and Taskb checked, "1 file checked: 0 errors".
  assert.equal(status, 2);
  assert.equal(file.kind, 'unparsable');
  assert.deepEqual(file.error, { message: MISSING_TRANSFORM('Fn::ForEach::Tasks'), line: 3, column: 3 });
  assert.deepEqual(file.tasks, []);

  // A loop this command does not expand (its collection known only at deploy time) is refused the same way
  // (cfn-lint: E1032 at 5:3), and so is one beside another transform (AWS::Serverless-2016-10-31 alone).
  const deployTime = reportOf(template({ transform: false, parameters: '  Names: {Type: CommaDelimitedList}\n', resources: tasksLoop('!Ref Names') }));
  assert.deepEqual([deployTime.status, deployTime.file.error.line, deployTime.file.error.column], [2, 5, 3]);
  const serverlessOnly = reportOf(text.replace('AWSTemplateFormatVersion: 2010-09-09\n', '$&Transform: [AWS::Serverless-2016-10-31]\n'));
  assert.equal(serverlessOnly.status, 2);
  assert.equal(serverlessOnly.file.error.message, MISSING_TRANSFORM('Fn::ForEach::Tasks'));

  // With the transform, alone or in a list, the loop is expanded as before.
  for (const transform of ['AWS::LanguageExtensions', '[AWS::LanguageExtensions, AWS::Serverless-2016-10-31]']) {
    const expanded = reportOf(text.replace('AWSTemplateFormatVersion: 2010-09-09\n', `$&Transform: ${transform}\n`));
    assert.equal(expanded.status, 0, transform);
    assert.deepEqual(
      expanded.file.tasks.map((t) => t.logicalId),
      ['Taska', 'Taskb'],
      transform,
    );
  }
});

test('without the transform, a loop in Conditions, in Outputs or inside a resource refuses the template at the loop written first', () => {
  // cfn-lint 1.58.0 gives E1032 at each loop's key: Conditions/Fn::ForEach::C at 3:3; Outputs/Fn::ForEach::Out at 3:3
  // and Resources/Task/Properties/Options/Fn::ForEach::O at 15:9 in the second template.
  const condition = `AWSTemplateFormatVersion: 2010-09-09
Conditions:
  Fn::ForEach::C:
    - Name
    - [a, b]
    - Is\${Name}: !Equals [!Ref AWS::Region, us-east-1]
Resources:
${task('Task')}`;
  const inConditions = reportOf(condition);
  // Before: exit 0, "1 file checked: 0 errors".
  assert.deepEqual([inConditions.status, inConditions.file.error.message, inConditions.file.error.line, inConditions.file.error.column], [2, MISSING_TRANSFORM('Fn::ForEach::C'), 3, 3]);

  // Outputs written before Resources, and a loop inside the task's Properties: the first in the file is named.
  const outputsFirst = `AWSTemplateFormatVersion: 2010-09-09
Outputs:
  Fn::ForEach::Out:
    - Name
    - [a, b]
    - Out\${Name}:
        Value: !Ref Task
Resources:
${task('Task', 'Options:\n  Fn::ForEach::O:\n    - M\n    - [Atime]\n    - ${M}: NONE\n')}`;
  const both = reportOf(outputsFirst);
  assert.deepEqual([both.status, both.file.error.message, both.file.error.line, both.file.error.column], [2, MISSING_TRANSFORM('Fn::ForEach::Out'), 3, 3]);
  const inside = reportOf(outputsFirst.replace(/^Outputs:\n(?: {2}.*\n)+/m, ''));
  // cfn-lint: E1032 at 9:9. Before: exit 1, the loop expanded and the task checked (options/atime-mtime-mismatch at 8:7).
  assert.deepEqual([inside.status, inside.file.error.message, inside.file.error.line, inside.file.error.column], [2, MISSING_TRANSFORM('Fn::ForEach::O'), 9, 9]);
});

test('a Serverless Framework file with a loop in its resources and no Transform there is refused the same way', () => {
  // The framework copies `resources` into the template it deploys; Fn::ForEach there needs `Transform:
  // AWS::LanguageExtensions` in `resources` (serverless/serverless#12402 shows that form).
  const text = `service: demo
provider:
  name: aws
resources:
  Resources:
    Fn::ForEach::Tasks:
      - Name
      - [a, b]
      - Task\${Name}:
          Type: AWS::DataSync::Task
          Properties:
            SourceLocationArn: ${SOURCE}
            DestinationLocationArn: ${DESTINATION}
`;
  const refused = reportOf(text, { name: 'serverless.yml' });
  // Before: exit 0, two tasks checked.
  assert.deepEqual([refused.status, refused.file.error.message, refused.file.error.line, refused.file.error.column], [2, MISSING_TRANSFORM('Fn::ForEach::Tasks'), 6, 5]);
  const declared = reportOf(text.replace('resources:\n', 'resources:\n  Transform: AWS::LanguageExtensions\n'), { name: 'serverless.yml' });
  assert.equal(declared.status, 0);
  assert.equal(declared.file.tasks.length, 2);
});
