// CloudFormation gaps closed in session 37 (cfn37). Each test says what cfn-lint 1.58.0 (PyYAML
// 6.0.4) says of the same template:
// 1. A plain `y`, `Y`, `n` or `N` in a template is a string, as PyYAML (cfn-lint, `aws cloudformation
//    package`/`deploy`) and SnakeYAML read it; yes/no/on/off/true/false stay YAML 1.1 booleans.
//    So a loop identifier N expands, `Atime: y` is "y" (no yaml-boolean note), a Mappings key Y: is
//    "Y", and Fn::Equals compares "y".
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
