// CloudFormation gaps closed in session 34 (cfn4):
// - Fn::ForEach (the AWS::LanguageExtensions transform) is expanded as the
//   transform expands it, and each task it makes is checked under its own
//   logical ID. The expected IDs and values are what cfn-lint 1.58.0's
//   language-extensions transform makes of the same templates (it follows the
//   service): `${X}` and `&{X}` in OutputKeys (`&{}` keeps only ASCII letters
//   and digits: "s3-a.b" -> "s3ab"), `Ref: X` and `${X}` in Fn::Sub in
//   OutputValues, a Fn::Sub left without variables being its text.
// - A Serverless Framework file's `resources` are read as a template.
// - Fn::Equals compares strings: a YAML or JSON boolean is "true"/"false", an
//   integer its digits (cfn-lint W8003's notes, from trying it on the service:
//   true equals "true", 1 equals "1").
// A value that cannot be known is never a finding; policy as in
// cli-cloudformation-conditions.test.mjs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage, runCommand } from './helpers.mjs';
import { byId, DESTINATION, findings, LOCATIONS, reportOf, SOURCE, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();
const { expandLoops, templateConditions, MAX_LOOP_OUTPUTS, MAX_LOOP_DEPTH } = await import(join(pkgDir, 'cli', 'cloudformation.mjs'));
const { parseYaml, readJson } = await import(join(pkgDir, 'cli', 'documents.mjs'));

/** `Fn::ForEach::Copies: [Mode, collection, fragment]` as the template's Resources, with `sections` (template()'s). */
const loop = (collection, fragment, sections = {}) =>
  template({
    ...sections,
    resources: `  Fn::ForEach::Copies:
    - Mode
    - ${collection}
    - ${fragment}
`,
  });

/** A task whose source and destination are chosen by `Fn::If`s over LOCATIONS, with PosixPermissions PRESERVE. */
const choosing = (source, destination) => LOCATIONS + task('T', 'Options: {PosixPermissions: PRESERVE}', { source, destination });

/** Conditions IsNfs and IsEfs that `Fn::ForEach::Kinds` makes (`Is${Kind}: condition`, and `more`), for choosing(source, destination). */
const kinds = (condition, source, destination, more = '') =>
  template({
    parameters: '  Mode: {Type: String}\n',
    conditions: `  Fn::ForEach::Kinds:\n    - Kind\n    - [Nfs, Efs]\n    - Is\${Kind}: ${condition}\n${more}`,
    resources: choosing(source, destination),
  });

const TASK_BY_MODE = `Copy\${Mode}:
        Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}
          Name: !Sub 'copy-\${Mode}'
          Options:
            VerifyMode: !Ref Mode`;

test('Fn::ForEach over a list: each task it makes is checked under its own logical ID', () => {
  const { status, file } = reportOf(loop('[NONE, POINT_IN_TIME, ONLY_FILES_TRANSFERRED]', TASK_BY_MODE));
  assert.deepEqual(file.tasks.map((t) => t.logicalId), ['CopyNONE', 'CopyPOINT_IN_TIME', 'CopyONLY_FILES_TRANSFERRED']);
  const tasks = byId(file);
  // Ref Mode is the item: POINT_IN_TIME is not a VerifyMode; the others are.
  assert.deepEqual(findings(tasks.CopyNONE), []);
  assert.deepEqual(findings(tasks.CopyONLY_FILES_TRANSFERRED), []);
  assert.deepEqual(findings(tasks.CopyPOINT_IN_TIME), ['/Options/VerifyMode value/not-in-enum']);
  assert.match(tasks.CopyPOINT_IN_TIME.diagnostics[0].message, /VerifyMode "POINT_IN_TIME"/);
  // At the line of `VerifyMode: !Ref Mode` in the loop's fragment.
  assert.equal(tasks.CopyPOINT_IN_TIME.diagnostics[0].line, 14);
  // The Fn::Sub is its text: no note that the name is not checked.
  assert.deepEqual(tasks.CopyNONE.notes, []);
  assert.equal(status, 1);
  // No note on the loop, and not a template without tasks.
  assert.deepEqual(file.notes, []);
});

test('&{X} in an OutputKey keeps only the letters and digits of the item; the Fn::Sub keeps the item whole', () => {
  const fragment = TASK_BY_MODE.replace('Copy${Mode}', 'Copy&{Mode}').replace("'copy-${Mode}'", "'copy ${Mode}!'");
  const { file } = reportOf(loop('[s3-a.b, NONE]', fragment));
  assert.deepEqual(file.tasks.map((t) => t.logicalId), ['Copys3ab', 'CopyNONE']);
  // The name has a "!", which a task name may not have: found in both tasks, with the item in it.
  const tasks = byId(file);
  assert.ok(findings(tasks.CopyNONE).includes('/Name value/pattern-mismatch'));
  assert.match(tasks.Copys3ab.diagnostics.find((d) => d.path === '/Name').message, /"copy s3-a\.b!"/);
});

test('nested loops make one task per pair of items; a finding of one pair is that task\'s alone', () => {
  const template = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Sites:
    - Site
    - [Paris, Oslo]
    - Fn::ForEach::Modes:
        - Mode
        - [NONE, POINT_IN_TIME]
        - \${Site}\${Mode}:
            Type: AWS::DataSync::Task
            Properties:
              SourceLocationArn: ${SOURCE}
              DestinationLocationArn: ${DESTINATION}
              Name: !Sub '\${Site}-\${Mode}'
              Options:
                VerifyMode: !Ref Mode
`;
  const { file } = reportOf(template);
  assert.deepEqual(file.tasks.map((t) => t.logicalId), ['ParisNONE', 'ParisPOINT_IN_TIME', 'OsloNONE', 'OsloPOINT_IN_TIME']);
  const tasks = byId(file);
  assert.deepEqual(findings(tasks.ParisNONE), []);
  assert.deepEqual(findings(tasks.OsloPOINT_IN_TIME), ['/Options/VerifyMode value/not-in-enum']);
});

test('a loop in a task\'s Properties makes its members', () => {
  const times = (members) => template({ resources: task('T', `Options:\n  Fn::ForEach::Times:\n    - Member\n    - ${members}\n    - \${Member}: NONE`) });
  // Atime NONE and Mtime NONE agree; before, the loop was an unknown member of Options.
  const { status, file } = reportOf(times('[Atime, Mtime]'));
  assert.deepEqual(findings(file.tasks[0]), []);
  assert.equal(status, 0);
  // With Atime alone, Mtime's default PRESERVE disagrees.
  const alone = reportOf(times('[Atime]')).file;
  assert.deepEqual(findings(alone.tasks[0]), ['/Options/Mtime options/atime-mtime-mismatch']);
});

test('a collection from a CommaDelimitedList parameter uses its Default, and every finding that depends on it says so', () => {
  const parameters = '  Modes: {Type: CommaDelimitedList, Default: "NONE,POINT_IN_TIME"}\n';
  const { file } = reportOf(loop('!Ref Modes', TASK_BY_MODE, { parameters }));
  assert.deepEqual(file.tasks.map((t) => t.logicalId), ['CopyNONE', 'CopyPOINT_IN_TIME']);
  const bad = byId(file).CopyPOINT_IN_TIME;
  assert.deepEqual(findings(bad), ['/Options/VerifyMode value/not-in-enum']);
  assert.deepEqual(bad.diagnostics[0].params.parameterDefaults, { Modes: 'NONE,POINT_IN_TIME' });
  assert.match(bad.diagnostics[0].message, /\(With the Default of parameter Modes \("NONE,POINT_IN_TIME"\), which Fn::ForEach iterates; a stack may pass another list\.\) \(In the task Fn::ForEach::Copies makes for Mode "POINT_IN_TIME"\.\)$/);
  const note = bad.notes.find((n) => n.path === '');
  assert.equal(note.code, 'cloudformation/parameter-default');
  assert.match(note.message, /Fn::ForEach::Copies makes it from the Default of parameter Modes/);
  // A loop inside a task's Properties over a Default: the members it makes depend on it too.
  const inside = reportOf(
    template({
      parameters: '  Members: {Type: CommaDelimitedList, Default: Atime}\n',
      resources: task('T', 'Options:\n  Mtime: NONE\n  Fn::ForEach::Times:\n    - Member\n    - !Ref Members\n    - ${Member}: BEST_EFFORT\n'),
    }),
  ).file.tasks[0];
  assert.deepEqual(findings(inside), ['/Options/Atime options/atime-mtime-mismatch']);
  assert.deepEqual(inside.diagnostics[0].params.parameterDefaults, { Members: 'Atime' });
  assert.match(inside.notes.find((n) => n.path === '').message, /^Checked with what an Fn::ForEach loop in the resource makes from the Default of parameter Members/);
});

test('a collection known only at deploy time, or one this command does not guess at, leaves the loop with its note', () => {
  const cases = {
    'a parameter without a Default': ['!Ref Modes', '  Modes: {Type: CommaDelimitedList}\n', /its collection is known only at deploy time/],
    'Fn::Split': ['!Split [",", !ImportValue Modes]', undefined, /its collection is known only at deploy time/],
    'spaces around an item of the Default': ['!Ref Modes', '  Modes: {Type: CommaDelimitedList, Default: "NONE, POINT_IN_TIME"}\n', /spaces around one/],
    'an item that is not a string': ['[NONE, 1]', undefined, /an item of its collection is not a string/],
  };
  for (const [name, [collection, parameters, why]] of Object.entries(cases)) {
    const { status, file } = reportOf(loop(collection, TASK_BY_MODE, { parameters }));
    assert.deepEqual(file.tasks, [], name);
    assert.equal(file.notes.length, 1, name);
    assert.equal(file.notes[0].code, 'cloudformation/not-checked', name);
    assert.match(file.notes[0].message, why, name);
    assert.equal(status, 0, name);
  }
});

test('an OutputKey that two items make alike, or that the template already has, fails the transform: the template is refused', () => {
  // Session 36 (cfn36): cfn-lint 1.58.0 refuses both (E0001 "Duplicate CopyNONE"); cloudformation-gaps36 has the other cases.
  const twice = reportOf(loop('[NONE, NONE]', TASK_BY_MODE));
  assert.equal(twice.status, 2);
  assert.match(twice.file.error.message, /^Fn::ForEach::Copies makes the key CopyNONE where its object already has one/);
  const taken = reportOf(loop('[NONE]', TASK_BY_MODE) + task('CopyNONE'));
  assert.equal(taken.status, 2);
  assert.match(taken.file.error.message, /^Fn::ForEach::Copies makes the key CopyNONE where its object already has one/);
});

test('an identifier in a plain string of the fragment is not known: a note, never a finding', () => {
  // Literally, "copy ${Mode}!" breaks the name pattern; replaced, "copy NONE!" too. "copy ${Mode}" replaced is fine.
  const fragment = TASK_BY_MODE.replace("!Sub 'copy-${Mode}'", "'copy ${Mode}'");
  const { status, file } = reportOf(loop('[NONE]', fragment));
  const [task] = file.tasks;
  assert.deepEqual(findings(task), []);
  const note = task.notes.find((n) => n.path === '/Name');
  assert.equal(note.code, 'cloudformation/not-checked');
  assert.match(note.message, /^Not checked: the value comes from the string "copy \$\{Mode\}", which names an Fn::ForEach identifier outside Fn::Sub/);
  assert.equal(status, 0);
});

test('loops are bounded: too many resources or too deep a nesting are not expanded', () => {
  const items = (n, prefix) => `[${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(', ')}]`;
  // 30 x 30 = 900 tasks: more than MAX_LOOP_OUTPUTS.
  const wide = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::A:
    - Row
    - ${items(30, 'x')}
    - Fn::ForEach::B:
        - Col
        - ${items(30, 'y')}
        - T\${Row}\${Col}:
            Type: AWS::DataSync::Task
            Properties: {SourceLocationArn: ${SOURCE}, DestinationLocationArn: ${DESTINATION}}
`;
  assert.ok(30 * 30 > MAX_LOOP_OUTPUTS);
  const tooWide = reportOf(wide).file;
  assert.deepEqual(tooWide.tasks, []);
  assert.match(tooWide.notes[0].message, new RegExp(`it makes more than ${MAX_LOOP_OUTPUTS} resources`));
  // MAX_LOOP_DEPTH + 1 loops, one item each.
  const id = `T${Array.from({ length: MAX_LOOP_DEPTH + 1 }, (_, i) => `\${I${i}}`).join('')}`;
  let fragment = { [id]: { Type: 'AWS::DataSync::Task', Properties: { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION } } };
  for (let i = MAX_LOOP_DEPTH; i >= 0; i--) fragment = { [`Fn::ForEach::L${i}`]: [`I${i}`, ['v'], fragment] };
  const deep = reportOf(JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: fragment }), { name: 'template.json' }).file;
  assert.deepEqual(deep.tasks, []);
  assert.match(deep.notes[0].message, new RegExp(`it nests loops more than ${MAX_LOOP_DEPTH} deep`));
  // Within the bounds, the same shapes are expanded.
  assert.equal(reportOf(wide.replace(items(30, 'y'), items(2, 'y'))).file.tasks.length, 60);
  // A loop of loops over a long Default, with nothing in the fragment, ends too.
  const list = Array.from({ length: 20_000 }, (_, i) => `v${i}`).join(',');
  const long = expandLoops({ Parameters: { P: { Type: 'CommaDelimitedList', Default: list } }, Resources: { 'Fn::ForEach::A': ['X', { Ref: 'P' }, { 'Fn::ForEach::B': ['Y', { Ref: 'P' }, {}] }] } });
  assert.match(long.unexpanded.get('Fn::ForEach::A'), /^it makes more than \d+ values$/);
  // The pure function leaves the template as written when there is no loop.
  const plain = { Resources: { T: { Type: 'AWS::DataSync::Task' } } };
  assert.equal(expandLoops(plain).template, plain);
});

test('the bounds hold for the template, not for each loop: a loop past them with those before it is not expanded', () => {
  // Two loops of 300 over one list parameter: 600 tasks, more than a stack may hold. The first is
  // expanded; the second would go past MAX_LOOP_OUTPUTS with it, and is left with its note.
  const list = Array.from({ length: 300 }, (_, i) => `i${i}`).join(',');
  const loop = (name) => `  Fn::ForEach::${name}:\n    - X\n    - !Ref P\n    -${task(`${name}\${X}`, '', { at: 6 }).slice(5)}`;
  const text = template({ parameters: `  P: {Type: CommaDelimitedList, Default: "${list}"}\n`, resources: loop('A') + loop('B') });
  assert.ok(2 * 300 > MAX_LOOP_OUTPUTS && 300 <= MAX_LOOP_OUTPUTS);
  const { file } = reportOf(text);
  assert.ok(file.tasks.length <= MAX_LOOP_OUTPUTS);
  assert.equal(file.tasks.length, 300);
  assert.ok(file.tasks.every((task) => /^Ai\d+$/.test(task.logicalId)));
  assert.equal(file.notes.length, 1);
  assert.match(file.notes[0].message, /Fn::ForEach::B .* \(with the loops before it, the template's loops make more than 500 resources\)/);
  // The values copied are counted for the template too: 250 x 250 values each, two loops of loops
  // go past MAX_LOOP_NODES (100,000) together; the second ends where the first left the budget.
  const long = Array.from({ length: 250 }, (_, i) => `v${i}`).join(',');
  const both = expandLoops({
    Parameters: { P: { Type: 'CommaDelimitedList', Default: long } },
    Resources: { 'Fn::ForEach::A': ['X', { Ref: 'P' }, { 'Fn::ForEach::B': ['Y', { Ref: 'P' }, {}] }], 'Fn::ForEach::C': ['X', { Ref: 'P' }, { 'Fn::ForEach::D': ['Y', { Ref: 'P' }, {}] }] },
  });
  assert.equal(both.unexpanded.has('Fn::ForEach::A'), false);
  assert.match(both.unexpanded.get('Fn::ForEach::C'), /^with the loops before it, the template's loops make more than \d+ values$/);
});

test('a location resource a loop makes is the location its task refers to', () => {
  const template = `Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Buckets:
    - Side
    - [In, Out]
    - Bucket\${Side}:
        Type: AWS::DataSync::LocationS3
        Properties:
          S3BucketArn: !Sub 'arn:aws:s3:::bucket-\${Side}'
          S3Config: {BucketAccessRoleArn: arn:aws:iam::111122223333:role/r}
${task('T', 'Options: {PosixPermissions: PRESERVE}', { source: '!GetAtt BucketIn.LocationArn', destination: '!Ref BucketOut' })}`;
  // S3 to S3 with PosixPermissions PRESERVE: the service refuses it.
  const { file } = reportOf(template);
  assert.deepEqual(findings(file.tasks[0]), ['/Options/PosixPermissions locations/posix-between-object-stores']);
});

test('conditions a loop makes are the ones a task\'s Fn::If names: a pair of choices no stack makes is not checked', () => {
  const template = kinds('!Equals [!Ref Mode, !Ref Kind]', '!If [IsNfs, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]', '!If [IsEfs, !GetAtt S3b.LocationArn, !GetAtt Nfs.LocationArn]');
  // S3a to S3b needs Mode = Nfs and Mode = Efs at once. (Nfs to Nfs, both false, is one location at both ends.)
  assert.deepEqual(findings(reportOf(template).file.tasks[0]), ['/DestinationLocationArn locations/same-location']);
  // With one condition for both choices, S3a to S3b happens (Mode = Nfs): refused.
  const one = reportOf(template.replace('IsEfs, !GetAtt S3b', 'IsNfs, !GetAtt S3b')).file.tasks[0];
  assert.deepEqual(findings(one), ['/DestinationLocationArn locations/same-location', '/Options/PosixPermissions locations/posix-between-object-stores']);
});

test('a plain "${Kind}" in a condition a loop makes is a value of its own in each item: never one comparison for all', () => {
  // Whether the transform replaces an identifier in a plain string is not agreed (see
  // UnknownText): IsNfs and IsEfs compare Mode with two values we do not know. Read as
  // one comparison, IsNfs true with IsEfs false looked impossible and S3a to S3b
  // (Mode = Nfs, the reference page's reading) was never checked.
  const template = kinds('!Equals [!Ref Mode, "${Kind}"]', '!If [IsNfs, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]', '!If [IsEfs, !GetAtt Nfs.LocationArn, !GetAtt S3b.LocationArn]');
  const task = reportOf(template).file.tasks[0];
  // (Nfs to Nfs, IsNfs false and IsEfs true, is one location at both ends.)
  assert.deepEqual(findings(task), ['/DestinationLocationArn locations/same-location', '/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.match(task.diagnostics[1].message, /when condition IsNfs is true and IsEfs is false/);
  // The pure function: two comparisons, not one.
  const { template: expanded } = expandLoops(parseYaml(template, { version: '1.1' }).value);
  const conditions = templateConditions(expanded);
  assert.equal(conditions.satisfiable([{ name: 'IsNfs', value: true }, { name: 'IsEfs', value: false }]), true);
});

// Fn::Equals with YAML and JSON numbers and booleans.

const conditionsOf = (text, json = false) => {
  const document = json ? readJson(text) : parseYaml(text, { version: '1.1' });
  return templateConditions(document.value, document.scalars);
};

test('Fn::Equals compares a boolean as "true"/"false" and an integer as its digits', () => {
  const yaml = conditionsOf(`Parameters:
  P: {Type: String}
Conditions:
  One: !Equals [!Ref P, 1]
  IsOn: !Equals [true, !Ref P]
  IsYes: !Equals [!Ref P, yes]
  Long:
    Fn::Not: [{Fn::Equals: [{Ref: P}, 42]}]
`);
  const holds = (conditions, name, value) => conditions.satisfiable([{ name, value: true }], new Map([['P', value]]));
  assert.equal(holds(yaml, 'One', '1'), true);
  assert.equal(holds(yaml, 'One', '01'), false);
  assert.equal(holds(yaml, 'IsOn', 'true'), true);
  assert.equal(holds(yaml, 'IsOn', 'True'), false);
  // YAML 1.1, as CloudFormation reads a template: yes is true.
  assert.equal(holds(yaml, 'IsYes', 'true'), true);
  assert.equal(holds(yaml, 'Long', '42'), false);
  assert.equal(holds(yaml, 'Long', '43'), true);
  const json = conditionsOf('{"Parameters": {"P": {"Type": "String"}}, "Conditions": {"Two": {"Fn::Equals": [{"Ref": "P"}, 2]}, "Off": {"Fn::Equals": [false, {"Ref": "P"}]}}}', true);
  assert.equal(holds(json, 'Two', '2'), true);
  assert.equal(holds(json, 'Two', '2.0'), false);
  assert.equal(holds(json, 'Off', 'false'), true);
});

test('Fn::Equals with a number not written as digits stays unknown', () => {
  for (const spelled of ['1.0', '0x1', '1e0', '+1']) {
    const conditions = conditionsOf(`Parameters:\n  P: {Type: String}\nConditions:\n  C: !Equals [!Ref P, ${spelled}]\n`);
    for (const value of ['1', '1.0']) {
      const env = new Map([['P', value]]);
      assert.equal(conditions.satisfiable([{ name: 'C', value: true }], env), true, spelled);
      assert.equal(conditions.satisfiable([{ name: 'C', value: false }], env), true, spelled);
    }
  }
  // Without the document's spellings (the function called alone), an integer is unknown too.
  const bare = templateConditions({ Parameters: { P: { Type: 'String' } }, Conditions: { C: { 'Fn::Equals': [{ Ref: 'P' }, 1n] } } });
  assert.equal(bare.satisfiable([{ name: 'C', value: false }], new Map([['P', '1']])), true);
});

test('two Fn::If on comparisons of one parameter with two numbers cannot both be true: no finding from that pair', () => {
  const template = (one, two) => `Parameters:
  Copies: {Type: String}
Conditions:
  IsOne: !Equals [!Ref Copies, ${one}]
  IsTwo: !Equals [${two}, !Ref Copies]
Resources:
${choosing('!If [IsOne, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]', '!If [IsTwo, !GetAtt S3b.LocationArn, !GetAtt Nfs.LocationArn]')}`;
  // S3a to S3b needs Copies = "1" and Copies = "2" at once. (Nfs to Nfs, both false, is one location at both ends.)
  assert.deepEqual(findings(reportOf(template(1, 2)).file.tasks[0]), ['/DestinationLocationArn locations/same-location']);
  // true and "true" are one value: the pair happens, and PRESERVE between buckets is refused.
  const same = reportOf(template('true', "'true'")).file.tasks[0];
  assert.deepEqual(findings(same), ['/DestinationLocationArn locations/same-location', '/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(same.diagnostics[1].params.conditions, { IsOne: true, IsTwo: true });
});

// Serverless Framework files.

const SERVERLESS = `service: nightly-copy
provider:
  name: aws
  stage: \${opt:stage, 'dev'}
custom:
  bucket: reports-\${sls:stage}
functions:
  hello:
    handler: handler.hello
resources:
  Conditions:
    IsProd: !Equals ['\${opt:stage}', prod]
  Resources:
    CopyTask:
      Type: AWS::DataSync::Task
      Properties:
        SourceLocationArn: ${SOURCE}
        DestinationLocationArn: \${env:DESTINATION_ARN}
        Name: \${self:service}-\${opt:stage}
        Options:
          Atime: NONE
`;

test('a serverless.yml\'s resources are read as a template; its variables are unknown values', () => {
  const { status, file } = reportOf(SERVERLESS, { name: 'serverless.yml' });
  assert.equal(file.kind, 'template');
  const [task] = file.tasks;
  assert.equal(task.logicalId, 'CopyTask');
  // Atime NONE with Mtime's default PRESERVE: an error whatever the variables are.
  assert.deepEqual(findings(task), ['/Options/Mtime options/atime-mtime-mismatch']);
  // At its line in the file (Mtime is not written: the line of Options).
  assert.equal(task.diagnostics[0].line, 20);
  // The name and the destination hold variables: not checked, not "missing", no pattern error.
  const notes = Object.fromEntries(task.notes.map((n) => [n.path, n]));
  assert.match(notes['/Name'].message, /Serverless Framework variable/);
  assert.equal(notes['/DestinationLocationArn'].code, 'cloudformation/not-checked');
  assert.equal(status, 1);
});

test('a Serverless Framework file is found in a folder by its name, or by its service and provider members', () => {
  // Found in a folder (not named): before, skipped as "not a task configuration".
  const dir = mkdtempSync(join(tmpdir(), 'cfn-serverless-'));
  try {
    writeFileSync(join(dir, 'serverless.yaml'), SERVERLESS);
    writeFileSync(join(dir, 'stack.yml'), SERVERLESS);
    writeFileSync(join(dir, 'other.yml'), SERVERLESS.replace(/^service:.*\nprovider:\n  name: aws\n  stage: .*\n/, ''));
    const result = runCommand(['--format', 'json', dir]);
    const files = Object.fromEntries(JSON.parse(result.stdout).files.map((f) => [f.file.split(/[\\/]/).pop(), f.kind]));
    assert.deepEqual(files, { 'other.yml': 'skipped', 'serverless.yaml': 'template', 'stack.yml': 'template' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // serverless.json too.
  const json = JSON.stringify({ service: 's', provider: { name: 'aws' }, resources: { Resources: { T: { Type: 'AWS::DataSync::Task', Properties: { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Atime: 'NONE' } } } } } });
  assert.deepEqual(findings(reportOf(json, { name: 'serverless.json' }).file.tasks[0]), ['/Options/Mtime options/atime-mtime-mismatch']);
});

test('a loop over a long Default quotes the Default cut, so the report grows linearly with the template', () => {
  // 4,500 items, each an unknown member of the task: findings (the first
  // 1,000 reported), and each says which Default it depends on. Quoting the
  // whole list in each made the report O(findings x Default): a 26 KB template
  // gave 52 MB, a 304 KB one an "Invalid string length" internal error.
  const items = Array.from({ length: 4500 }, (_, i) => `member-${String(i).padStart(6, '0')}-of-the-list`);
  const text = template({
    parameters: `  P: {Type: CommaDelimitedList, Default: "${items.join(',')}"}\n`,
    resources: task('T', 'Fn::ForEach::M:\n  - X\n  - !Ref P\n  - Bad${X}: 1\n'),
  });
  const dir = mkdtempSync(join(tmpdir(), 'cfn-foreach-'));
  try {
    const file = join(dir, 'template.yaml');
    writeFileSync(file, text);
    const result = runCommand(['--format', 'json', file]);
    assert.equal(result.status, 1);
    assert.ok(result.stdout.length < 20 * text.length, `report of ${result.stdout.length} characters for a template of ${text.length}`);
    const task = JSON.parse(result.stdout).files[0].tasks[0];
    const quoted = `${items.join(',').slice(0, 200)}…`;
    const unknown = task.diagnostics.filter((d) => d.code === 'request/unknown-member');
    assert.equal(unknown.length, 1000);
    assert.deepEqual(unknown[0].params.parameterDefaults, { P: quoted });
    assert.ok(unknown[0].message.endsWith(`(With the Default of parameter P (${JSON.stringify(quoted)}), which Fn::ForEach iterates; a stack may pass another list.)`));
    assert.ok(task.notes.find((n) => n.path === '').message.includes(`parameter P (${JSON.stringify(quoted)})`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Fn::Equals with an unquoted y or n compares the string written, as PyYAML reads it', () => {
  // Session 37's stance: a plain y/Y/n/N in a template is a string, as PyYAML (cfn-lint 1.58.0:
  // yaml.safe_load('a: y') is {'a': 'y'}) and SnakeYAML read it; before, the comparison stayed unknown.
  const conditions = conditionsOf(`Parameters:
  P: {Type: String}
Conditions:
  IsY: !Equals [!Ref P, y]
  IsN: !Equals [N, !Ref P]
  IsTrue: !Equals [!Ref P, True]
`);
  for (const [name, holds, fails] of [['IsY', 'y', ['true', 'Y', 'x']], ['IsN', 'N', ['false', 'n', 'x']]]) {
    assert.equal(conditions.satisfiable([{ name, value: false }], new Map([['P', holds]])), false, `${name} ${holds}`);
    for (const value of fails) assert.equal(conditions.satisfiable([{ name, value: true }], new Map([['P', value]])), false, `${name} ${value}`);
  }
  // True is a boolean to every reader: "true".
  assert.equal(conditions.satisfiable([{ name: 'IsTrue', value: true }], new Map([['P', 'x']])), false);
  // A task whose destination is S3 when a "y"/"n" parameter equals y: the error stays.
  const { status, file } = reportOf(`Parameters:
  Mirror: {Type: String, AllowedValues: ["y", "n"], Default: "n"}
Conditions:
  IsMirror: !Equals [!Ref Mirror, y]
Resources:
${choosing('!GetAtt S3a.LocationArn', '!If [IsMirror, !GetAtt S3b.LocationArn, !GetAtt Nfs.LocationArn]')}`);
  assert.deepEqual(findings(file.tasks[0]), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.match(file.tasks[0].diagnostics[0].message, /when condition IsMirror is true/);
  assert.equal(status, 1);
});

test('a Condition reference to "Not${Kind}" in a condition a loop makes is its own value in each item', () => {
  // {Condition: "Not${Kind}"} is a plain string naming the identifier (see
  // UnknownText): which condition it names is unknown, and it is a different
  // unknown in each item. Read as one for both, IsNfs and IsEfs were equal and
  // S3a to S3b (Mode = Nfs) was never checked.
  const template = kinds('!Not [{Condition: "Not${Kind}"}]', '!If [IsNfs, !GetAtt S3a.LocationArn, !GetAtt Nfs.LocationArn]', '!If [IsEfs, !GetAtt Nfs.LocationArn, !GetAtt S3b.LocationArn]', '  NotNfs: !Not [!Equals [!Ref Mode, Nfs]]\n  NotEfs: !Not [!Equals [!Ref Mode, Efs]]\n');
  const { status, file } = reportOf(template);
  // (Nfs to Nfs, IsNfs false and IsEfs true, is one location at both ends.)
  assert.deepEqual(findings(file.tasks[0]), ['/DestinationLocationArn locations/same-location', '/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.match(file.tasks[0].diagnostics[1].message, /when condition IsNfs is true and IsEfs is false/);
  assert.equal(status, 1);
  const { template: expanded } = expandLoops(parseYaml(template, { version: '1.1' }).value);
  assert.equal(templateConditions(expanded).satisfiable([{ name: 'IsNfs', value: true }, { name: 'IsEfs', value: false }]), true);
});
