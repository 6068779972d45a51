// CloudFormation loops, second round (session 35):
// - Fn::FindInMap in a task's Properties is read where the template says what
//   it finds: literal keys, or keys a loop's item gives (Ref X, !Sub '${X}'),
//   in a literal mapping; with the AWS::LanguageExtensions transform, a
//   DefaultValue for a key that is not there. A key not there without one
//   fails the stack: cfn-lint 1.58.0 reports the same templates as E1011
//   ("'Mtime' is not one of ['Verify', 'Name'] for mapping 'Modes' and key
//   'Nightly'"), and resolves the found values as here (E3030 for VerifyMode
//   "POINT_IN_TIME", E3031 for the Name "hourly copy!").
// - A finding of a task a loop makes is placed at the loop's body in the file,
//   the task's pointer is where the body is written, and the finding says which
//   loop and item made it (in its message and `params.forEach`).
// - The loops' budget counts the characters of the strings they make.
// - A loop that is not expanded is never checked as members of the object it
//   is in; a loop after a large resource is found.
// A value that cannot be known is never a finding.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage } from './helpers.mjs';
import { byId, DESTINATION, findings, indent, reportOf, SOURCE, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();
const { expandLoops, MAX_LOOP_CHARACTERS } = await import(join(pkgDir, 'cli', 'cloudformation.mjs'));

const MODES = `  Modes:
    Nightly: {Verify: NONE, Name: nightly-copy}
    Hourly: {Verify: POINT_IN_TIME, Name: "hourly copy!"}
`;

/** A loop over [Nightly, Hourly] making Copy${Kind} with `properties`. */
const copies = (properties, collection = '[Nightly, Hourly]') => `  Fn::ForEach::Copies:
    - Kind
    - ${collection}
${indent(`- ${task('Copy${Kind}', properties, { at: 0 }).replace(/\n(?=.)/g, '\n  ')}`, 4)}`;

test('Fn::FindInMap with the loop\'s item as a key is the value the mapping holds for that item', () => {
  const properties = `Name: !FindInMap [Modes, !Ref Kind, Name]
Options:
  VerifyMode: !FindInMap [Modes, !Sub '\${Kind}', Verify]
`;
  const { status, file } = reportOf(template({ mappings: MODES, resources: copies(properties) }));
  const tasks = byId(file);
  assert.deepEqual(findings(tasks.CopyNightly), []);
  // cfn-lint: E3031 and E3030 on CopyHourly, none on CopyNightly.
  assert.deepEqual(findings(tasks.CopyHourly), ['/Name value/pattern-mismatch', '/Options/VerifyMode value/not-in-enum']);
  assert.match(tasks.CopyHourly.diagnostics[1].message, /^VerifyMode "POINT_IN_TIME" is not one of/);
  // Found values are checked, not "resolved at deploy time".
  assert.deepEqual(tasks.CopyNightly.notes, []);
  assert.equal(status, 1);
});

test('Fn::FindInMap with literal keys outside a loop is read too; a key known only at deploy time stays unknown', () => {
  const resources = task('T', `Options:
  VerifyMode: !FindInMap [Modes, Hourly, Verify]
  Atime: !FindInMap [Modes, !Ref AWS::Region, Verify]
`);
  const { file } = reportOf(template({ transform: false, mappings: MODES, resources }));
  const [t] = file.tasks;
  assert.deepEqual(findings(t), ['/Options/VerifyMode value/not-in-enum']);
  assert.match(t.notes.find((n) => n.path === '/Options/Atime').message, /^Not checked: the value comes from Fn::FindInMap, which CloudFormation resolves at deploy time/);
});

test('a key that is not there: the DefaultValue when there is one, an error when there is none', () => {
  const properties = `Options:
  Atime: !FindInMap [Modes, !Ref Kind, Atime, DefaultValue: NONE]
  Mtime: !FindInMap [Modes, !Ref Kind, Mtime]
  LogLevel: !FindInMap [Modes, !Ref Kind, LogLevel, {DefaultValue: !Ref Level}]
`;
  const parameters = '  Level: {Type: String}\n';
  const { status, file } = reportOf(template({ parameters, mappings: MODES, resources: copies(properties) }));
  const nightly = byId(file).CopyNightly;
  // Atime is NONE (the DefaultValue); Mtime is not found: the error, and nothing that depends on it (Atime NONE
  // with Mtime's default PRESERVE) is reported. cfn-lint: E1011 on Mtime, for each item.
  assert.deepEqual(findings(nightly), ['/Options/Mtime cloudformation/missing-mapping-key']);
  const [missing] = nightly.diagnostics;
  assert.equal(missing.severity, 'error');
  assert.match(missing.message, /^Fn::FindInMap \[Modes, Nightly, Mtime\] finds nothing: mapping Modes has no key Mtime under Nightly \(it has: Verify, Name\), and there is no DefaultValue, so CloudFormation fails the stack operation/);
  assert.deepEqual(
    { ...missing.params, forEach: undefined },
    { mapping: 'Modes', topLevelKey: 'Nightly', secondLevelKey: 'Mtime', absent: 'secondLevelKey', has: ['Verify', 'Name'], forEach: undefined },
  );
  // A DefaultValue CloudFormation resolves at deploy time: unknown.
  assert.equal(nightly.notes.find((n) => n.path === '/Options/LogLevel').message, 'Not checked: the value comes from Ref Level, which CloudFormation resolves at deploy time.');
  assert.equal(status, 1);
  // A top-level key or a mapping that is not there.
  const other = reportOf(template({ mappings: MODES, resources: task('T', 'Options:\n  Mtime: !FindInMap [Modes, Weekly, Verify]\n  Atime: !FindInMap [Mode, Nightly, Verify]\n') })).file.tasks[0];
  assert.deepEqual(other.diagnostics.map((d) => [d.path, d.params.absent]), [['/Options/Atime', 'mapping'], ['/Options/Mtime', 'topLevelKey']]);
  assert.match(other.diagnostics[0].message, /the template's Mappings have no Mode \(they have: Modes\)/);
  assert.match(other.diagnostics[1].message, /mapping Modes has no top-level key Weekly \(it has: Nightly, Hourly\)/);
});

test('a missing key\'s finding quotes at most 10 names of at most 100 characters, so a loop of long names keeps the report small', () => {
  const name = (i) => `${'k'.repeat(300)}${i}`;
  const mappings = `  Long:\n    Top:\n${Array.from({ length: 12 }, (_, i) => `      ${name(i)}: NONE\n`).join('')}`;
  const [t] = reportOf(template({ mappings, resources: task('T', `Options:\n  VerifyMode: !FindInMap [Long, Top, ${'m'.repeat(500)}]\n`) })).file.tasks;
  const [missing] = t.diagnostics;
  assert.equal(missing.code, 'cloudformation/missing-mapping-key');
  assert.equal(missing.params.secondLevelKey, `${'m'.repeat(100)}…`);
  assert.deepEqual(missing.params.has, Array.from({ length: 10 }, () => `${'k'.repeat(100)}…`));
  assert.ok(missing.message.length < 2000, missing.message.length);
  assert.match(missing.message, /…, … \(12\)\), and there is no DefaultValue/);
});

test('a key not found that a YAML 1.1 reader may spell otherwise in the mapping (On, yes, 0x10) is not reported missing', () => {
  // `On:` in Mappings is the boolean true to a YAML 1.1 reader; the key 'On' a template names may not be "true".
  const mappings = '  Flags:\n    On: {Verify: NONE}\n    0x10: {Verify: NONE}\n';
  const properties = "Options:\n  VerifyMode: !FindInMap [Flags, 'On', Verify]\n  Atime: !FindInMap [Flags, '0x10', Verify]\n  Mtime: !FindInMap [Flags, Off2, Verify]\n";
  const [t] = reportOf(template({ mappings, resources: task('T', properties) })).file.tasks;
  assert.deepEqual(findings(t), ['/Options/Mtime cloudformation/missing-mapping-key']);
  assert.deepEqual(t.notes.map((n) => n.path), ['/Options/Atime', '/Options/Mtime', '/Options/VerifyMode']);
});

test('without the AWS::LanguageExtensions transform, or with a mapping that is not there, a DefaultValue is not guessed at', () => {
  const properties = 'Options:\n  VerifyMode: !FindInMap [Modes, Weekly, Verify, DefaultValue: POINT_IN_TIME]\n';
  for (const [name, text] of [
    ['no transform', template({ transform: false, mappings: MODES, resources: task('T', properties) })],
    ['no such mapping', template({ mappings: MODES, resources: task('T', properties.replace('[Modes,', '[Other,')) })],
  ]) {
    const [t] = reportOf(text).file.tasks;
    assert.deepEqual(findings(t), [], name);
    assert.equal(t.notes[0].code, 'cloudformation/not-checked', name);
  }
  // With the transform and the mapping there: the DefaultValue, which is not a VerifyMode.
  const [t] = reportOf(template({ mappings: MODES, resources: task('T', properties) })).file.tasks;
  assert.deepEqual(findings(t), ['/Options/VerifyMode value/not-in-enum']);
  // A DefaultValue is read as written there: an unquoted OFF is a YAML 1.1 boolean, sent as "false", in either form.
  for (const form of ['!FindInMap [Modes, Weekly, Level, DefaultValue: OFF]', '\n    Fn::FindInMap: [Modes, Weekly, Level, {DefaultValue: OFF}]']) {
    const [off] = reportOf(template({ mappings: MODES, resources: task('T', `Options:\n  LogLevel: ${form}\n`) })).file.tasks;
    assert.deepEqual(findings(off), ['/Options/LogLevel value/not-in-enum'], form);
    assert.match(off.diagnostics[0].message, /CloudFormation reads the unquoted OFF as a YAML 1\.1 boolean and sends "false"/, form);
  }
});

test('a finding of a task a loop makes is at the loop\'s body and says which item made it, in every format', () => {
  const text = template({ mappings: MODES, resources: copies('Options:\n  VerifyMode: !FindInMap [Modes, !Ref Kind, Verify]\n') });
  const line = text.split('\n').findIndex((l) => l.includes('VerifyMode:')) + 1;
  const column = text.split('\n')[line - 1].indexOf('VerifyMode') + 1;
  const { file } = reportOf(text);
  const hourly = byId(file).CopyHourly;
  const [finding] = hourly.diagnostics;
  assert.deepEqual([finding.line, finding.column], [line, column]);
  // The task's pointer is where its body is written (the expanded template's /Resources/CopyHourly is not in the file).
  assert.equal(hourly.pointer, '/Resources/Fn::ForEach::Copies/2/Copy${Kind}/Properties');
  assert.deepEqual(finding.params.forEach, { loop: 'Fn::ForEach::Copies', items: { Kind: 'Hourly' } });
  assert.match(finding.message, / \(In the task Fn::ForEach::Copies makes for Kind "Hourly"\.\)$/);
  // The same place in the other formats.
  const at = `template.yaml:${line}:${column}`;
  assert.match(reportOf(text, { format: 'human' }).text, new RegExp(`^${at}  error  value/not-in-enum  .*Kind "Hourly".*\\[CopyHourly:/Options/VerifyMode\\]$`, 'm'));
  assert.match(reportOf(text, { format: 'github' }).text, new RegExp(`^::error file=template\\.yaml,line=${line},col=${column},title=value/not-in-enum::.*Kind "Hourly"`, 'm'));
  assert.match(reportOf(text, { format: 'junit' }).text, new RegExp(`<testcase name="value/not-in-enum at ${line}:${column} CopyHourly:/Options/VerifyMode"`));
  const sarif = JSON.parse(reportOf(text, { format: 'sarif' }).text).runs[0].results;
  assert.equal(sarif.length, 1);
  assert.deepEqual(sarif[0].locations[0].physicalLocation.region, { startLine: line, startColumn: column });
  assert.deepEqual(sarif[0].properties.params.forEach, { loop: 'Fn::ForEach::Copies', items: { Kind: 'Hourly' } });
});

test('a task of nested loops names both items; a note of a loop-made task names them too', () => {
  const text = template({
    resources: `  Fn::ForEach::Sites:
    - Site
    - [Paris, Oslo]
    - Fn::ForEach::Modes:
        - Mode
        - [NONE, POINT_IN_TIME]
${indent(`- ${task('${Site}${Mode}', 'Name: !Ref Unknown\nOptions:\n  VerifyMode: !Ref Mode\n', { at: 0 }).replace(/\n(?=.)/g, '\n  ')}`, 8)}`,
  });
  const tasks = byId(reportOf(text).file);
  const [finding] = tasks.OsloPOINT_IN_TIME.diagnostics;
  assert.deepEqual(finding.params.forEach, { loop: 'Fn::ForEach::Sites', items: { Site: 'Oslo', Mode: 'POINT_IN_TIME' } });
  assert.match(finding.message, /\(In the task Fn::ForEach::Sites makes for Site "Oslo" and Mode "POINT_IN_TIME"\.\)$/);
  assert.equal(tasks.OsloPOINT_IN_TIME.pointer, '/Resources/Fn::ForEach::Sites/2/Fn::ForEach::Modes/2/${Site}${Mode}/Properties');
  const note = tasks.ParisNONE.notes.find((n) => n.path === '/Name');
  assert.deepEqual(note.params.forEach, { loop: 'Fn::ForEach::Sites', items: { Site: 'Paris', Mode: 'NONE' } });
});

test('a long Fn::Sub copied for each item counts against the loops\' budget of characters: past it, the loop is not expanded', () => {
  // 500 copies of a 2,000,000-character Name took 1.1 GB and 30 s; each is a finding.
  const items = Array.from({ length: 500 }, (_, i) => `i${i}`).join(',');
  const long = 'x'.repeat(Math.ceil(MAX_LOOP_CHARACTERS / 2));
  const text = template({
    parameters: `  P: {Type: CommaDelimitedList, Default: "${items}"}\n`,
    resources: copies(`Name: !Sub "\${Kind}${long}"\n`, '!Ref P'),
  });
  const { status, file } = reportOf(text);
  assert.deepEqual(file.tasks, []);
  assert.equal(file.notes.length, 1);
  assert.match(file.notes[0].message, new RegExp(`this command did not expand it \\(it makes more than ${MAX_LOOP_CHARACTERS} characters of strings\\)`));
  assert.equal(status, 0);
  // The pure function: what the loops before made counts too, and a short Sub over the same items is expanded.
  const short = expandLoops({ Resources: { 'Fn::ForEach::A': ['X', ['a', 'b'], { 'T${X}': { 'Fn::Sub': 'x'.repeat(MAX_LOOP_CHARACTERS / 4) + '${X}' } }], 'Fn::ForEach::B': ['X', ['a', 'b', 'c'], { 'U${X}': { 'Fn::Sub': 'x'.repeat(MAX_LOOP_CHARACTERS / 4) + '${X}' } }] } });
  assert.equal(short.unexpanded.has('Fn::ForEach::A'), false);
  assert.equal(short.unexpanded.get('Fn::ForEach::B'), `with the loops before it, the template's loops make more than ${MAX_LOOP_CHARACTERS} characters of strings`);
  // An OutputKey is a string made too.
  const key = expandLoops({ Resources: { 'Fn::ForEach::K': ['X', ['a', 'b', 'c'], { [`${'k'.repeat(MAX_LOOP_CHARACTERS / 2)}\${X}`]: {} }] } });
  assert.match(key.unexpanded.get('Fn::ForEach::K'), /characters of strings/);
});

test('a loop in a task\'s Properties that is not expanded makes its object unknown: never members the API does not know', () => {
  // Before: request/unknown-member for "Fn::ForEach::Times", and Atime's default BEST_EFFORT against
  // Mtime NONE, although the loop may make Atime NONE.
  const resources = task('T', `Options:
  Mtime: NONE
  Fn::ForEach::Times:
    - Member
    - !Split [",", !ImportValue Members]
    - \${Member}: NONE
`);
  const { status, file } = reportOf(template({ resources }));
  const [t] = file.tasks;
  assert.deepEqual(findings(t), []);
  assert.deepEqual(t.notes.map((n) => [n.path, n.code]), [['/Options', 'cloudformation/not-checked']]);
  assert.equal(
    t.notes[0].message,
    'Not checked: the value comes from the loop Fn::ForEach::Times, whose members the AWS::LanguageExtensions transform makes at deploy time; this command did not expand it (its collection is known only at deploy time).',
  );
  assert.equal(status, 0);
  // At the level of Properties: the whole request.
  const top = reportOf(template({ resources: task('T', 'Fn::ForEach::Tags:\n  - K\n  - !Ref Keys\n  - Tags: []\n') })).file.tasks[0];
  assert.deepEqual(findings(top), []);
  assert.deepEqual(top.notes.map((n) => n.path), ['']);
});

test('a loop after a resource of more than 100,000 values is found and expanded', () => {
  // Before, the search for loops stopped after 100,000 values: the loop's note said "it is not a loop this
  // command reads", and a loop inside a large task was checked as its members.
  const big = { Type: 'AWS::S3::Bucket', Properties: { Tags: Array.from({ length: 60_000 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) } };
  const loop = { 'Fn::ForEach::Copies': ['Mode', ['NONE', 'POINT_IN_TIME'], { 'Copy${Mode}': { Type: 'AWS::DataSync::Task', Properties: { SourceLocationArn: 'x', DestinationLocationArn: 'y', Options: { VerifyMode: { Ref: 'Mode' } } } } }] };
  const expanded = expandLoops({ Resources: { Big: big, ...loop } });
  assert.deepEqual(Object.keys(expanded.template.Resources), ['Big', 'CopyNONE', 'CopyPOINT_IN_TIME']);
  assert.equal(expanded.template.Resources.Big, big);
  assert.deepEqual(expanded.unexpanded, new Map());
  // In one task: its Tags first, then a loop in its Options. Expanding it copies more values than the
  // loops' budget: the task is checked as written, and the object with the loop is not checked.
  const inTask = { Type: 'AWS::DataSync::Task', Properties: { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Tags: big.Properties.Tags, Options: { Mtime: 'NONE', 'Fn::ForEach::T': ['M', ['Atime'], { '${M}': 'NONE' }] } } };
  const one = expandLoops({ Resources: { T: inTask } });
  assert.equal(one.template.Resources.T, inTask);
  assert.equal(one.unexpanded.get('T'), 'it makes more than 100000 values');
  const [t] = reportOf(JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: { T: inTask } }), { name: 'template.json' }).file.tasks;
  assert.deepEqual(findings(t).filter((f) => f.startsWith('/Options')), []);
  assert.match(t.notes.find((n) => n.path === '/Options').message, /the loop Fn::ForEach::T, .* this command did not expand it \(it makes more than 100000 values\)\.$/);
});

test('a loop whose collection has a Serverless Framework variable says that item is not known, not that it is not a string', () => {
  const text = `service: s
provider: {name: aws}
resources:
  Transform: AWS::LanguageExtensions
  Resources:
    Fn::ForEach::Copies:
      - Mode
      - ["\${self:custom.mode}", NONE]
${indent(`- ${task('Copy&{Mode}', '', { at: 0 }).replace(/\n(?=.)/g, '\n  ')}`, 6)}`;
  const { file } = reportOf(text, { name: 'serverless.yml' });
  assert.deepEqual(file.tasks, []);
  assert.match(file.notes[0].message, /this command did not expand it \(the item "\$\{self:custom\.mode\}" of its collection is a string which may hold a Serverless Framework variable/);
});

test('an inner loop whose collection names the outer loop\'s identifier ("${Site}") is not expanded: that item is not known', () => {
  // Read as the literal text, VerifyMode "${Site}" was an error; whether the transform replaces it is not agreed.
  const text = template({
    resources: `  Fn::ForEach::Sites:
    - Site
    - [NONE]
    - Fn::ForEach::Modes:
        - Mode
        - ["\${Site}"]
${indent(`- ${task('T${Site}X', 'Options:\n  VerifyMode: !Ref Mode\n', { at: 0 }).replace(/\n(?=.)/g, '\n  ')}`, 8)}`,
  });
  const { status, file } = reportOf(text);
  assert.deepEqual(file.tasks, []);
  assert.match(file.notes[0].message, /this command did not expand it \(the item "\$\{Site\}" of its collection names the identifier of a loop around it, /);
  assert.equal(status, 0);
});

test('a serverless.yml whose Mappings, or a mapping, is a variable: Fn::FindInMap stays unknown, never a missing key', () => {
  for (const mappings of ['${file(mappings.yml)}', '\n    Modes: ${self:custom.modes}']) {
    const text = `service: s
provider: {name: aws}
resources:
  Mappings: ${mappings}
  Resources:
${indent(task('T', 'Options:\n  VerifyMode: !FindInMap [Modes, Nightly, Verify]\n'), 2)}`;
    const [t] = reportOf(text, { name: 'serverless.yml' }).file.tasks;
    assert.deepEqual(findings(t), [], mappings);
    assert.equal(t.notes.find((n) => n.path === '/Options/VerifyMode').code, 'cloudformation/not-checked', mappings);
  }
});
