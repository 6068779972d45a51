// The Serverless Framework as teams write it (hunt38i findings 2, 3 and 4). What the framework does
// is taken from its source (serverless/serverless, lib/classes/service.js and
// lib/plugins/aws/package/lib/strip-null-props-from-template-resources.js, v3 and v4):
// 1. `resources:` may be a LIST of fragments: Service#mergeArrays reduces it with lodash's `_.merge`,
//    in order, skipping an empty item (null, "", 0, false) and throwing "Non-object value specified
//    in resources array: VALUE" for any other item that is not an object. A `${file(...)}` item is a
//    fragment file, checked as a file of its own (3.); here it is a note.
// 2. A null property is deleted before the template is uploaded: v3 deletes the null members of each
//    resource's `Properties`; v4 (the current major) deletes null members at any depth under it. A
//    file whose `frameworkVersion` admits no 4.x is read as v3 reads it; any other as v4.
// 3. A template that a serverless.yml next to it (or up to three folders above) pulls in with
//    `${file(...)}`, or that holds a framework variable (`${self:`, `${sls:`, `${opt:`, `${param:`,
//    `${env:`, `${ssm:`, `${file(`) outside any Fn::Sub, is read as the framework reads it: a string
//    with `${` is not checked (as in serverless.yml itself), never a finding. A template with
//    neither is read as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESTINATION, requireBuiltPackage, runCommand, SOURCE, writeFolder } from './helpers.mjs';

requireBuiltPackage();

/** The JSON report of checking `args` in a folder holding `files`: { status, files, byName }. */
function check(t, files, args = ['.']) {
  const { root } = writeFolder(t, files);
  const result = runCommand(['--format', 'json', ...args], { cwd: root });
  const report = JSON.parse(result.stdout);
  return { status: result.status, files: report.files, byName: Object.fromEntries(report.files.map((file) => [file.file, file])) };
}

/** `line:column path code` of each finding of a file's tasks, errors and warnings only. */
const findingsOf = (file) =>
  file.tasks.flatMap((task) => task.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.line}:${d.column} ${task.logicalId}${d.path} ${d.code}`));

/** `line:column code` of a file's own notes. */
const notesOf = (file) => file.notes.map((note) => `${note.line}:${note.column} ${note.code}`);

const FRAGMENT = `Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties:
      Name: \${self:service}-\${sls:stage}-task
      SourceLocationArn: \${param:srcArn}
      DestinationLocationArn: ${DESTINATION}
      CloudWatchLogGroupArn: arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync/\${sls:stage}
      Schedule: {ScheduleExpression: "\${self:custom.schedule.\${sls:stage}}"}
      Options: {LogLevel: TRANSFER, BytesPerSecond: "\${self:custom.bw, -1}"}
      Tags: [{Key: stage, Value: "\${sls:stage}"}]
`;

const LISTED = `service: sync-svc
provider: {name: aws}
resources:
  - \${file(resources/datasync.yml)}
  - Resources:
      Task2:
        Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}
          Options: {Mtime: NONE}
`;

test('resources written as a list: each mapping item is read, and a ${file(...)} item is a note, not a skip', (t) => {
  // Before: serverless.yml was "skipped: not a DataSync task request"; Task2's mismatch was never said.
  const { status, byName } = check(t, { 'serverless.yml': LISTED, 'resources/datasync.yml': FRAGMENT });
  const file = byName['serverless.yml'];
  assert.equal(file.kind, 'template');
  assert.deepEqual(findingsOf(file), ['11:11 Task2/Options/Atime options/atime-mtime-mismatch']);
  assert.deepEqual(notesOf(file), ['4:5 cloudformation/not-checked']);
  assert.match(file.notes[0].message, /item 0 of `resources` is "\$\{file\(resources\/datasync\.yml\)\}", a fragment the framework reads and merges/);
  assert.equal(status, 1);
});

test('list items are merged in order, member by member, and a finding is where the item that set the value writes it', (t) => {
  const text = `service: sync-svc
provider: {name: aws}
resources:
  - Resources:
      Task:
        Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}
          Options: {Atime: NONE, Mtime: NONE, VerifyMode: NONE}
  - null
  - ''
  - Resources:
      Task:
        Properties:
          Options: {Mtime: PRESERVE, VerifyMode: BOGUS}
`;
  // lodash merge: Options keeps Atime NONE from item 0, takes Mtime PRESERVE and VerifyMode BOGUS from item 3.
  const { status, byName } = check(t, { 'serverless.yml': text });
  assert.deepEqual(findingsOf(byName['serverless.yml']), ['10:21 Task/Options/Atime options/atime-mtime-mismatch', '16:38 Task/Options/VerifyMode value/not-in-enum']);
  assert.equal(status, 1);
  // A later item that sets Mtime back to NONE: nothing left to say.
  const fixed = check(t, { 'serverless.yml': `${text}  - Resources: {Task: {Properties: {Options: {Mtime: NONE, VerifyMode: NONE}}}}\n` });
  assert.deepEqual(findingsOf(fixed.byName['serverless.yml']), []);
  assert.equal(fixed.status, 0);
});

test('a list item that is neither a mapping nor empty is refused as the framework refuses it', (t) => {
  const text = `service: sync-svc
provider: {name: aws}
resources:
  - Resources:
      Task:
        Type: AWS::DataSync::Task
        Properties: {SourceLocationArn: ${SOURCE}, DestinationLocationArn: ${DESTINATION}}
  - resources.yml
`;
  const { status, byName } = check(t, { 'serverless.yml': text });
  const file = byName['serverless.yml'];
  assert.equal(file.kind, 'unparsable');
  assert.match(file.error.message, /"Non-object value specified in resources array: resources\.yml" \(item 1 of `resources`\)/);
  assert.deepEqual([file.error.line, file.error.column], [8, 5]);
  assert.equal(status, 2);
});

const NULLS = `service: sync-svc
provider: {name: aws}
resources:
  Resources:
    Task:
      Type: AWS::DataSync::Task
      Properties:
        SourceLocationArn: ${SOURCE}
        DestinationLocationArn: ${DESTINATION}
        Name: null
        Options: {Atime: NONE, Mtime: null}
        Tags: [{Key: team, Value: null}]
`;

test('a null property is deleted before deploying: at any depth as v4, the current major, deletes it', (t) => {
  // Before: "Name must be a string, but it is null" and the same for Mtime (errors the framework never sends).
  const { status, byName } = check(t, { 'serverless.yml': NULLS });
  // Mtime deleted: it defaults to PRESERVE, which Atime NONE contradicts; the tag's Value deleted: the resource schema requires it.
  assert.deepEqual(findingsOf(byName['serverless.yml']), ['11:32 Task/Options/Mtime options/atime-mtime-mismatch', '12:28 Task/Tags/0/Value cloudformation/missing-property']);
  assert.equal(status, 1);
});

test('a file for v3 (frameworkVersion admits no 4.x) deletes only the null members of Properties', (t) => {
  for (const version of ["'3'", '">=3.0.0 <4.0.0"', '^3.38.0']) {
    const { byName } = check(t, { 'serverless.yml': NULLS.replace('provider:', `frameworkVersion: ${version}\nprovider:`) });
    assert.deepEqual(
      findingsOf(byName['serverless.yml']),
      ['12:32 Task/Options/Mtime value/wrong-type', '13:28 Task/Tags/0/Value value/wrong-type'],
      version,
    );
  }
  // A range that admits 4.x is read as v4 reads it.
  const open = check(t, { 'serverless.yml': NULLS.replace('provider:', "frameworkVersion: '>=3'\nprovider:") });
  assert.deepEqual(findingsOf(open.byName['serverless.yml']), ['12:32 Task/Options/Mtime options/atime-mtime-mismatch', '13:28 Task/Tags/0/Value cloudformation/missing-property']);
});

test('a fragment that a serverless.yml pulls in with ${file(...)} is read as the framework reads it: no false alarm', (t) => {
  // Before: six errors (pattern-mismatch on Name, SourceLocationArn, CloudWatchLogGroupArn, ScheduleExpression,
  // the tag's Value, wrong-type on BytesPerSecond), all from variables the framework resolves.
  const { status, byName } = check(t, { 'serverless.yml': LISTED, 'resources/datasync.yml': FRAGMENT });
  const fragment = byName['resources/datasync.yml'];
  assert.equal(fragment.kind, 'template');
  assert.deepEqual(findingsOf(fragment), []);
  assert.deepEqual(
    fragment.tasks[0].notes.map((d) => `${d.path} ${d.code}`).sort(),
    ['/CloudWatchLogGroupArn', '/Name', '/Options/BytesPerSecond', '/Schedule/ScheduleExpression', '/SourceLocationArn', '/Tags/0/Value'].map((path) => `${path} cloudformation/not-checked`),
  );
  assert.equal(status, 1); // serverless.yml's own Task2
  // Named alone, it is still the fragment its serverless.yml names.
  const alone = check(t, { 'serverless.yml': LISTED, 'resources/datasync.yml': FRAGMENT }, ['resources/datasync.yml']);
  assert.deepEqual(findingsOf(alone.byName['resources/datasync.yml']), []);
  assert.equal(alone.status, 0);
});

test('a fragment named by serverless.yml takes its nulls away as that file\'s framework version does', (t) => {
  const fragment = `Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
      Name: null
      Options: {Atime: NONE, Mtime: null}
`;
  const service = (version) => `service: s\n${version}provider: {name: aws}\nresources:\n  - \${file(./cfn/task.json)}\n`;
  const json = JSON.stringify({ Resources: { Task: { Type: 'AWS::DataSync::Task', Properties: { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: null, Options: { Atime: 'NONE', Mtime: null } } } } }, null, 2);
  const v4 = check(t, { 'serverless.yml': service(''), 'cfn/task.json': json, 'cfn/task.yml': fragment }, ['cfn/task.json']);
  assert.deepEqual(findingsOf(v4.byName['cfn/task.json']).map((f) => f.replace(/^\S+ /, '')), ['Task/Options/Mtime options/atime-mtime-mismatch']);
  const v3 = check(t, { 'serverless.yml': service("frameworkVersion: '3'\n"), 'cfn/task.json': json }, ['cfn/task.json']);
  assert.deepEqual(findingsOf(v3.byName['cfn/task.json']).map((f) => f.replace(/^\S+ /, '')), ['Task/Options/Mtime value/wrong-type']);
});

test('a template holding a framework variable outside Fn::Sub is a fragment even with no serverless.yml in sight', (t) => {
  const { status, byName } = check(t, { 'datasync.yml': FRAGMENT });
  assert.deepEqual(findingsOf(byName['datasync.yml']), []);
  assert.equal(status, 0);
});

test('a plain template is read as before: no framework variable outside Fn::Sub, no serverless.yml naming it', (t) => {
  const plain = `Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
      Name: a\${Stage}b
      Options: {Atime: NONE, Mtime: null}
      Tags: [{Key: stage, Value: !Sub "x-\${sls:stage}"}]
`;
  // `${Stage}` is not the framework's; `${sls:stage}` inside Fn::Sub is CloudFormation's to read.
  const { byName } = check(t, { 'template.yml': plain, 'serverless.yml': 'service: s\nprovider: {name: aws}\nresources:\n  - ${file(other.yml)}\n' });
  assert.deepEqual(findingsOf(byName['template.yml']).map((f) => f.replace(/^\S+ /, '')), [
    'Task/Name value/pattern-mismatch',
    'Task/Options/Mtime value/wrong-type',
  ]);
});
