// CloudFormation gaps closed in session 37 (cfn37). Each test says what cfn-lint 1.58.0 (PyYAML
// 6.0.4) says of the same template:
// 1. A plain `y`, `Y`, `n` or `N` in a template is a string, as PyYAML (cfn-lint, `aws cloudformation
//    package`/`deploy`) and SnakeYAML read it; yes/no/on/off/true/false stay YAML 1.1 booleans.
//    So a loop identifier N expands, `Atime: y` is "y" (no yaml-boolean note), a Mappings key Y: is
//    "Y", and Fn::Equals compares "y".
// 2. A template with a Fn::ForEach loop that does not declare `Transform: AWS::LanguageExtensions` is
//    refused (exit 2) at the first loop, as cfn-lint (E1032 "Missing Transform") and CloudFormation refuse it.
// 3. Mappings that CloudFormation refuses refuse the template, at the name or value (cfn-lint E7001):
//    an object value, a mapping name or second-level key that is not alphanumeric, a top-level key
//    with other than letters, digits, "-" and "." (DEEP_ARCHIVE). AWS::Include parts and Serverless
//    ${…} names are not judged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage } from './helpers.mjs';
import { DESTINATION, findings, indent, LOCATIONS, reportOf, SOURCE, task, template } from './cloudformation-templates.mjs';

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

  // Keys are compared as written, case and all: y does not find Y (before: unknown, "a YAML reader may spell it otherwise").
  // cfn-lint 1.58.0: E1011 "'y' is not one of ['Y'] for mapping 'Modes'".
  const lower = reportOf(text.replace('[Modes, Y, Mtime]', '[Modes, y, Mtime]')).file.tasks[0];
  assert.deepEqual(findings(lower), ['/Options/Atime value/not-in-enum', '/Options/Mtime cloudformation/missing-mapping-key']);
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

/** A template with `mappings` (lines under Mappings:) and a task whose Name is `!FindInMap [name]`. */
const withMappings = (mappings, name = 'Env, prod, Class', transform = false) =>
  template({ transform, mappings, resources: task('Task', `Name: !FindInMap [${name}]\n`) });

test('a Mappings value that is an object refuses the template, at its key, as cfn-lint E7001 does', () => {
  // CloudFormation's template reference: the values "can be of type String or List", and Mappings hold no
  // intrinsic function. cfn-lint 1.58.0: E7001 "{'A': 'b'} is not of type 'string', 'boolean', 'integer',
  // 'number', 'array'" at 4:29 (the key Obj), with or without the transform, used or not.
  const text = withMappings('  Env:\n    prod: {Class: STANDARD, Obj: {A: b}}\n');
  for (const transform of [false, true]) {
    const { status, file } = reportOf(transform ? text.replace('AWSTemplateFormatVersion: 2010-09-09\n', '$&Transform: AWS::LanguageExtensions\n') : text);
    // Before: exit 0, the task checked (Name "STANDARD"); the object was a note only where Fn::FindInMap found it.
    assert.equal(status, 2);
    assert.equal(file.kind, 'unparsable');
    assert.deepEqual(file.error, {
      message: 'In Mappings, [Env, prod, Obj] holds an object, where only a string or a list may be, so CloudFormation refuses the template (cfn-lint reports it as E7001); write a string or a list there. Nothing else in the template was checked.',
      line: transform ? 5 : 4,
      column: 29,
    });
  }
  // An intrinsic function there (cfn-lint: E7001 "{'Ref': 'AWS::Region'} is not of type ..." at 4:29) says so.
  const intrinsic = reportOf(text.replace('{A: b}', '!Ref AWS::Region'));
  assert.equal(intrinsic.status, 2);
  assert.match(intrinsic.file.error.message, /^In Mappings, \[Env, prod, Obj\] holds an object \(an intrinsic function, which Mappings may not hold\)/);

  // A top-level key that holds no mapping (cfn-lint: E7001 "'x' is not of type 'object'" at 5:5), and a mapping that is none.
  const flat = reportOf(withMappings('  Env:\n    prod: {Class: STANDARD}\n    dev: x\n'));
  assert.deepEqual([flat.status, flat.file.error.line, flat.file.error.column], [2, 5, 5]);
  assert.match(flat.file.error.message, /^In Mappings, the top-level key dev of mapping Env holds no mapping of second-level keys and values, so CloudFormation refuses the template/);
  const none = reportOf(withMappings('  Env:\n    prod: {Class: STANDARD}\n  Str: abc\n'));
  assert.deepEqual([none.status, none.file.error.line, none.file.error.column], [2, 5, 3]);
  // An intrinsic function in place of a mapping is named so (it read as a top-level key Ref holding no mapping).
  // cfn-lint 1.58.0: E7001 "'AWS::Region' is not of type 'object'" at 5:3.
  const refMapping = reportOf(withMappings('  Env:\n    prod: {Class: STANDARD}\n  Other: !Ref AWS::Region\n'));
  assert.deepEqual([refMapping.status, refMapping.file.error.line, refMapping.file.error.column], [2, 5, 3]);
  assert.match(refMapping.file.error.message, /^In Mappings, the mapping Other is an intrinsic function, which Mappings may not hold, not a mapping/);

  // Strings, lists, numbers and booleans are taken (cfn-lint: nothing); so is a mapping AWS::Include gives.
  const fine = reportOf(withMappings("  Env:\n    prod: {Class: STANDARD, Lst: [a, b], Num: 1.5, Bool: yes}\n  Inc:\n    Fn::Transform: {Name: 'AWS::Include', Parameters: {Location: 's3://b/m.json'}}\n"));
  assert.equal(fine.status, 0);
  assert.equal(fine.file.tasks.length, 1);
});

test('Mappings names are held to what CloudFormation takes: a key with "_" refuses the template, "-" and "." only at the top level', () => {
  // CloudFormation refuses a top-level key that is not "alphanumerics, '-' or '.'" and a second-level key
  // ("attribute name") that is not alphanumeric; a mapping's name is alphanumeric as every logical name.
  // cfn-lint 1.58.0 (E7001) checks the same: '^[a-zA-Z0-9.-]+$' for top-level keys, '^[a-zA-Z0-9]+$' for the others.
  const refused = {
    // cfn-lint: E7001 'DEEP_ARCHIVE' does not match any of the regexes: '^[a-zA-Z0-9.-]+$' at 4:5.
    'a top-level key with "_"': ['  Env:\n    DEEP_ARCHIVE: {Class: STANDARD}\n', 'Env, DEEP_ARCHIVE, Class', '4:5', 'the top-level key DEEP_ARCHIVE of mapping Env is empty or has a character other than letters, digits, "-" and "."'],
    // cfn-lint: E7001 'a/b' ... '^[a-zA-Z0-9.-]+$' at 4:5.
    'a top-level key with "/"': ['  Env:\n    a/b: {Class: STANDARD}\n', 'Env, a/b, Class', '4:5', 'the top-level key a/b of mapping Env is empty'],
    // cfn-lint: E7001 'Sub_Key' ... '^[a-zA-Z0-9]+$' at 4:12.
    'a second-level key with "_"': ['  Env:\n    prod: {Sub_Key: STANDARD}\n', 'Env, prod, Sub_Key', '4:12', 'the second-level key Sub_Key under [Env, prod] is not alphanumeric'],
    // cfn-lint: E7001 'us-east-1' ... '^[a-zA-Z0-9]+$' at 4:12.
    'a second-level key with "-"': ['  Env:\n    prod: {us-east-1: STANDARD}\n', 'Env, prod, us-east-1', '4:12', 'the second-level key us-east-1 under [Env, prod] is not alphanumeric'],
    // cfn-lint: E7001 'My_Map' ... '^[a-zA-Z0-9]+$' at 3:3.
    'a mapping name with "_"': ['  My_Map:\n    prod: {Class: STANDARD}\n', 'My_Map, prod, Class', '3:3', 'the mapping name My_Map is not alphanumeric'],
  };
  for (const [name, [mappings, key, at, why]] of Object.entries(refused)) {
    const { status, file } = reportOf(withMappings(mappings, key));
    // Before: exit 0, the task checked with the mapping's value.
    assert.equal(status, 2, name);
    assert.equal(`${file.error.line}:${file.error.column}`, at, name);
    assert.ok(file.error.message.startsWith(`In Mappings, ${why}`), `${name}: ${file.error.message}`);
    assert.match(file.error.message, /so CloudFormation refuses the template \(cfn-lint reports it as E7001\); rename it and each Fn::FindInMap/, name);
  }
  // Taken (cfn-lint: nothing): "-" and "." in top-level keys (Regions, versions, addresses), digits anywhere.
  const taken = reportOf(withMappings("  Env:\n    us-east-1: {Class: STANDARD}\n    10.0.0.0: {Class: STANDARD}\n    v1.2: {Class: STANDARD}\n    '1': {V2: STANDARD}\n", 'Env, us-east-1, Class'));
  assert.equal(taken.status, 0);
  assert.equal(taken.file.tasks.length, 1);
});

test('a Mappings key a Serverless Framework variable makes is not judged by its spelling in the file', () => {
  // `${self:custom.stage}` is replaced before CloudFormation reads the key; what it becomes is not known here.
  // Before: exit 1, cloudformation/missing-mapping-key "mapping Env has no top-level key prod (it has: ${self:custom.stage})".
  const text = `service: demo
provider:
  name: aws
resources:
  Mappings:
    Env:
      \${self:custom.stage}: {Class: STANDARD}
  Resources:
${indent(task('Task', 'Name: !FindInMap [Env, prod, Class]\n'), 2)}`;
  const { status, file } = reportOf(text, { name: 'serverless.yml' });
  assert.equal(status, 0);
  assert.equal(file.tasks.length, 1);
});
