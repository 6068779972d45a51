// CloudFormation gaps closed in session 38 (cfn38). Oracles: CloudFormation's intrinsic function
// reference and cfn-lint 1.58.0 on the same templates.
// 1. A value CloudFormation computes from nothing that waits for deploy time is known now and checked:
//    `Fn::Sub` without a variable is its text, each `${!X}` being the literal `${X}` ("CloudFormation
//    resolves this text as ${Literal}"); `Fn::Join` of strings (or of such calls) is the strings joined
//    with the delimiter. Anything else in them (a parameter, `${AWS::Region}`, a number, an unknown tag)
//    leaves the value unknown, as before. cfn-lint 1.58.0 says W1020 "'Fn::Sub' isn't needed because
//    there are no variables" at each such Fn::Sub, `${!x}` included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage } from './helpers.mjs';
import { findings, reportOf, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();

const notChecked = (t) => t.notes.filter((n) => n.code === 'cloudformation/not-checked').map((n) => `${n.path} ${n.message}`);
const at = (t) => t.diagnostics.map((d) => `${d.path} ${d.line}:${d.column}`);

test('Fn::Sub without variables and Fn::Join of strings are the string they make, checked at the call', () => {
  const text = template({
    transform: false,
    resources:
      task('Short', "Schedule:\n  ScheduleExpression: !Sub 'rate(30 minutes)'\nExcludes:\n  - FilterType: SIMPLE_PATTERN\n    Value: !Join ['|', ['*.tmp', !Sub '${!x}', '']]\n") +
      task('Long', "Schedule:\n  ScheduleExpression:\n    Fn::Sub: ['rate(30 minutes)', {}]\nIncludes:\n  - FilterType: SIMPLE_PATTERN\n    Value:\n      Fn::Join: ['', ['/a||', {'Fn::Join': ['', ['/b']]}]]\n") +
      task('Fine', "Schedule:\n  ScheduleExpression: !Join ['', ['cron(0 8 ', '* * ? *)']]\n", { source: "!Sub 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0'" }),
  });
  // cfn-lint 1.58.0: only W1020 "'Fn::Sub' isn't needed because there are no variables" at 9:9, 12:11, 20:11, 28:7
  // (it has no rule on schedules or filters).
  const { status, file } = reportOf(text);
  const [short, long, fine] = file.tasks;
  // Before (6217844): exit 0, no finding, a cloudformation/not-checked note at each call ("the value comes from Fn::Sub,
  // which CloudFormation resolves at deploy time"; Fn::Join alike).
  assert.deepEqual(findings(short), ['/Excludes/0/Value filter/empty-pattern', '/Schedule/ScheduleExpression schedule/too-frequent']);
  assert.deepEqual(at(short), ['/Excludes/0/Value 12:11', '/Schedule/ScheduleExpression 9:9']);
  // `${!x}` is the text `${x}`.
  assert.match(short.diagnostics[0].message, /^The exclude filter "\*\.tmp\|\$\{x\}\|" ends with "\|"/);
  assert.match(short.diagnostics[1].message, /^The rate expression "rate\(30 minutes\)" runs the task every 30 minutes/);
  // The long forms, a Fn::Join inside a Fn::Join, and Fn::Sub's array form with no variables.
  assert.deepEqual(findings(long), ['/Includes/0/Value filter/empty-pattern', '/Schedule/ScheduleExpression schedule/too-frequent']);
  assert.deepEqual(at(long), ['/Includes/0/Value 23:11', '/Schedule/ScheduleExpression 19:9']);
  assert.match(long.diagnostics[0].message, /^The include filter "\/a\|\|\/b" has two "\|"/);
  // A valid schedule and source ARN: nothing to say, and no "not checked" note either.
  assert.deepEqual(findings(fine), []);
  assert.deepEqual(notChecked(fine), []);
  for (const t of [short, long]) assert.deepEqual(notChecked(t), []);
  assert.equal(status, 1);
});

test('Fn::Sub with a variable, and Fn::Join with an item known at deploy time or not a string, stay unknown', () => {
  const cases = [
    // A pseudo parameter, and a variable given in the array form.
    ["!Sub 'rate(30 minutes) ${AWS::Region}'", 'Fn::Sub'],
    ["!Sub ['rate(${M} minutes)', {M: '30'}]", 'Fn::Sub'],
    // A `${` that is not an escape `${!…}` closed by `}`.
    ["!Sub 'rate(30 minutes)${!x'", 'Fn::Sub'],
    // Fn::Sub's array form without its variables, or with a call for them.
    ["!Sub ['rate(30 minutes)']", 'Fn::Sub'],
    ["!Sub ['rate(30 minutes)', !Ref AWS::NoValue]", 'Fn::Sub'],
    // Items that are not strings: a call known at deploy time, a number (how CloudFormation joins it is not said).
    ["!Join ['', ['rate(30 ', !Ref AWS::Region, ')']]", 'Fn::Join'],
    ["!Join ['', ['rate(', 30, ' minutes)']]", 'Fn::Join'],
    ["!Join ['', ['rate(30 minutes)', !Join ['', [!Ref AWS::Region]]]]", 'Fn::Join'],
    // An empty list, a delimiter that is a call, a list that is a call, and an item with a tag this command does not know.
    ["!Join ['', []]", 'Fn::Join'],
    ["!Join [!Ref AWS::Region, ['rate(30 minutes)']]", 'Fn::Join'],
    ["!Join ['', !Split [',', 'rate(30 minutes)']]", 'Fn::Join'],
    ["!Join ['', [!Custom 'rate(30 minutes)']]", 'Fn::Join'],
  ];
  for (const [expression, fn] of cases) {
    const { status, file } = reportOf(template({ transform: false, resources: task('Task', `Schedule:\n  ScheduleExpression: ${expression}\n`) }));
    const [t] = file.tasks;
    assert.deepEqual(findings(t), [], expression);
    assert.deepEqual(notChecked(t), [`/Schedule/ScheduleExpression Not checked: the value comes from ${fn}, which CloudFormation resolves at deploy time.`], expression);
    assert.equal(status, 0, expression);
  }
});

test('a Fn::Sub without variables that gives an integer member its value is converted as a literal "-5" is', () => {
  // CloudFormation converts the string to the integer the schema wants, as it does BytesPerSecond: "-5".
  // cfn-lint 1.58.0: W1031 "{'Fn::Sub': '-5'} is less than the minimum of -1 when 'Fn::Sub' is resolved" at 9:9.
  const text = (value) => template({ transform: false, resources: task('Task', `Options:\n  BytesPerSecond: ${value}\n`) });
  const written = reportOf(text('"-5"')).file.tasks[0];
  const computed = reportOf(text("!Sub '-5'")).file.tasks[0];
  assert.deepEqual(findings(computed), findings(written));
  assert.deepEqual(findings(computed), ['/Options/BytesPerSecond value/below-minimum']);
  assert.deepEqual(notChecked(computed), []);
});

// 2. A null in Mappings (`Key: ~`, `Key: null`, `Key:` with nothing after it, an item `~` of a list, the
//    section `Mappings:` itself) refuses the template wherever it is, whether Fn::FindInMap reaches it or not:
//    CloudFormation answers "[/Mappings/RegionMap/ap-northeast-3/SRXAMI] 'null' values are not allowed in
//    templates" (geseib/awsnetworkshop#10), and cfn-lint 1.58.0 reports E7001 at the same key.
const NULL_REFUSAL = (where, what, fix) =>
  `${where} ${what}, a value CloudFormation allows nowhere in a template ("'null' values are not allowed in templates"), so CloudFormation refuses the template (cfn-lint reports it as E7001); ${fix}. Nothing else in the template was checked.`;

test('a null value in Mappings refuses the template, at its key, as cfn-lint E7001 does', () => {
  const text = (mapping) =>
    template({ transform: false, mappings: `  Modes:\n    Prod:\n${mapping}`, resources: task('Task', 'Options:\n  Atime: !FindInMap [Modes, Prod, Atime]\n  Mtime: !FindInMap [Modes, Prod, Mtime]\n') });
  // cfn-lint 1.58.0: E7001 "None is not of type 'string', 'boolean', 'integer', 'number', 'array'" at 5:7, and
  // E1011 "'Atime' is not one of ['Mtime'] for mapping 'Modes' and key 'Prod'" at 14:41.
  for (const spelling of ['~', 'null', '']) {
    const { status, file } = reportOf(text(`      Atime:${spelling ? ' ' + spelling : ''}\n      Mtime: NONE\n`));
    // Before: exit 0, "Not checked: the value comes from Fn::FindInMap, which CloudFormation resolves at deploy time." at Atime.
    assert.equal(status, 2, spelling);
    assert.equal(file.kind, 'unparsable', spelling);
    assert.deepEqual(
      file.error,
      { message: NULL_REFUSAL('In Mappings, [Modes, Prod, Atime]', 'is null (written ~, null or nothing after the colon)', 'write a string there, or remove it'), line: 5, column: 7 },
      spelling,
    );
  }
  // Not looked up at all: refused the same (cfn-lint: E7001 at 7:7 for Unused; before: exit 0, the task checked).
  const unused = reportOf(text('      Atime: NONE\n      Mtime: NONE\n      Unused: ~\n'));
  assert.deepEqual([unused.status, unused.file.error.line, unused.file.error.column], [2, 7, 7]);
  // A null item of a list, at the item (cfn-lint: E7001 "None is not of type 'array', ..." at the key, 5:7).
  const item = reportOf(text('      Atime: [NONE, ~]\n      Mtime: NONE\n'));
  assert.deepEqual(
    item.file.error,
    { message: NULL_REFUSAL('In Mappings, [Modes, Prod, Atime]', 'holds a null item (written ~ or null)', 'write a string there, or remove it'), line: 5, column: 21 },
  );
  // Strings, numbers, booleans and lists of them are taken, as before (cfn-lint: nothing).
  const fine = reportOf(text("      Atime: NONE\n      Mtime: NONE\n      Num: 1\n      Bool: false\n      Empty: ''\n      Lst: [a, 1]\n"));
  assert.equal(fine.status, 0);
  assert.deepEqual(findings(fine.file.tasks[0]), []);
});

test('a Mappings section that is null refuses the template, as cfn-lint E7001 does', () => {
  // cfn-lint 1.58.0: E7001 "None is not of type 'object'" at 2:1, E1011 "'Modes' is not one of []".
  const text = template({ transform: false, mappings: ' ', resources: task('Task', 'Options:\n  Atime: !FindInMap [Modes, Prod, Atime]\n') }).replace('Mappings:\n \n', 'Mappings:\n');
  assert.match(text, /^Mappings:\nResources:/m);
  const { status, file } = reportOf(text);
  // Before: exit 0, "Not checked: the value comes from Fn::FindInMap ..." at Atime.
  assert.equal(status, 2);
  assert.deepEqual(file.error, {
    message: NULL_REFUSAL('The Mappings section', 'is null (written ~, null or nothing after the colon)', 'give it mappings, or remove it'),
    line: 2,
    column: 1,
  });
});

// 3. Fn::ForEach loops where this command does not expand them say nothing of their own text. CloudFormation's
//    reference: a loop "can't be used" in Metadata, Parameters or Mappings; cfn-lint 1.58.0's transform walks the
//    whole template and expands them there. Which one the service does is not known, so with the transform such a
//    loop is neither expanded nor judged: a Mappings name it holds is not refused, and Fn::FindInMap beside it is
//    unknown, never a missing key. A loop in a resource's Metadata is expanded, as the Resources section is.
const withLoopMappings = (mappings, properties, transform = true) =>
  template({ transform, mappings, resources: task('Task', properties) });

test('with the transform, a loop in Mappings is not refused as a name, and Fn::FindInMap beside it stays unknown', () => {
  // cfn-lint 1.58.0: W7001 "Mapping 'Mapb' is defined but not used" at 7:7 (it expanded the loop); nothing else.
  const text = withLoopMappings('  Fn::ForEach::Maps:\n    - N\n    - [a, b]\n    - Map${N}:\n        Prod: {Atime: NONE}\n', 'Options:\n  Atime: !FindInMap [Mapa, Prod, Atime]\n');
  const { status, file } = reportOf(text);
  // Before: exit 2, "In Mappings, the mapping name Fn::ForEach::Maps is not alphanumeric ..., so CloudFormation
  // refuses the template (cfn-lint reports it as E7001)".
  assert.equal(status, 0);
  assert.equal(file.kind, 'template');
  const [t] = file.tasks;
  assert.deepEqual(findings(t), []);
  assert.deepEqual(notChecked(t), ['/Options/Atime Not checked: the value comes from Fn::FindInMap, which CloudFormation resolves at deploy time.']);

  // Loops as top-level and second-level keys (cfn-lint 1.58.0: nothing): unknown, not a missing key, not a refusal.
  // Before: exit 2, "the top-level key Fn::ForEach::Levels of mapping Modes is empty or has a character other than ...".
  const inner = reportOf(
    withLoopMappings(
      '  Modes:\n    Fn::ForEach::Levels:\n      - L\n      - [Prod, Dev]\n      - ${L}: {Atime: NONE}\n    Test:\n      Fn::ForEach::Keys:\n        - K\n        - [Atime]\n        - ${K}: PRESERVE\n',
      'Options:\n  Atime: !FindInMap [Modes, Prod, Atime]\n  Mtime: !FindInMap [Modes, Test, Atime]\n',
    ),
  );
  assert.equal(inner.status, 0);
  assert.deepEqual(findings(inner.file.tasks[0]), []);
  assert.deepEqual(
    notChecked(inner.file.tasks[0]).map((n) => n.split(' ')[0]),
    ['/Options/Atime', '/Options/Mtime'],
  );

  // Without the transform nothing expands the loop: its key is a mapping name CloudFormation refuses, as before
  // (cfn-lint 1.58.0: E1032 Missing Transform and E7001 "'Fn::ForEach::Maps' does not match ..." at 3:3).
  const untransformed = reportOf(text.replace('Transform: AWS::LanguageExtensions\n', ''));
  assert.equal(untransformed.status, 2);
  assert.match(untransformed.file.error.message, /^In Mappings, the mapping name Fn::ForEach::Maps is not alphanumeric/);
});

test("a loop of a task's suppression entry that is not expanded is no unknown key; one that is expanded suppresses", () => {
  // The collection is a parameter without a Default: the loop is known only at deploy time (cfn-lint 1.58.0: nothing).
  const text = template({
    parameters: '  Names: {Type: CommaDelimitedList}\n',
    resources: `  Task:
    Type: AWS::DataSync::Task
    Metadata:
      datasync-task-validator:
        Fn::ForEach::Codes:
          - C
          - !Ref Names
          - \${C}: x
        ignore: [schedule/too-frequent]
    Properties:
      SourceLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0
      DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210
      Schedule: {ScheduleExpression: rate(30 minutes)}
`,
  });
  const { status, file } = reportOf(text);
  const [t] = file.tasks;
  // Before: a suppression/invalid warning 'Metadata "datasync-task-validator" has the unknown key "Fn::ForEach::Codes"'.
  assert.deepEqual(findings(t), []);
  assert.equal(status, 0);
  // The written ignore list still suppresses (the error is counted as suppressed, not shown).
  assert.match(reportOf(text, { format: 'human' }).text, /\(1 suppressed\)/);
  // An unknown key that is not a loop is still reported.
  const other = reportOf(text.replace('Fn::ForEach::Codes:', 'Codes:'));
  assert.deepEqual(findings(other.file.tasks[0]), [' suppression/invalid']);

  // A loop that is expanded (a literal collection) makes the entry, which suppresses as written out would; a loop in
  // the template's own Metadata is not read (cfn-lint 1.58.0: nothing for either).
  const expanded = reportOf(
    text
      .replace("- !Ref Names\n          - ${C}: x\n        ignore: [schedule/too-frequent]", '- [ignore]\n          - ${C}: [schedule/too-frequent]')
      .replace('Resources:\n', 'Metadata:\n  Fn::ForEach::Docs:\n    - N\n    - [a, b]\n    - Doc${N}: {Text: x}\nResources:\n'),
    { format: 'human' },
  );
  assert.equal(expanded.status, 0);
  assert.match(expanded.text, /0 errors, 0 warnings \(1 suppressed\)/);
});

// 4. CloudFormation sends a nested value as the type the resource schema gives the member: a number or a
//    boolean where a string is wanted is its text, a string of digits where an integer is wanted the integer.
//    (Right already before this session; these tests hold it.)
test('numbers and booleans in nested string members are sent as text, digit strings in integer members as integers', () => {
  const text = template({
    transform: false,
    resources: task('Task', 'Options:\n  BytesPerSecond: "1048576"\nExcludes:\n  - FilterType: SIMPLE_PATTERN\n    Value: 5\nTags:\n  - Key: 12\n    Value: true\n'),
  });
  const { status, file } = reportOf(text, { args: ['--defaults'] });
  const [t] = file.tasks;
  assert.equal(status, 0);
  assert.deepEqual(findings(t), []);
  assert.equal(t.defaults.Options.BytesPerSecond, 1048576);
  assert.deepEqual(t.defaults.Excludes, [{ FilterType: 'SIMPLE_PATTERN', Value: '5' }]);
  assert.deepEqual(t.defaults.Tags, [{ Key: '12', Value: 'true' }]);
  // The same members from Fn::Sub and Fn::Join of strings are those strings, converted alike.
  const computed = reportOf(text.replace('"1048576"', "!Sub '1048576'").replace('Value: 5', "Value: !Join ['', ['5']]"), { args: ['--defaults'] }).file.tasks[0];
  assert.deepEqual(findings(computed), []);
  assert.equal(computed.defaults.Options.BytesPerSecond, 1048576);
  assert.deepEqual(computed.defaults.Excludes, [{ FilterType: 'SIMPLE_PATTERN', Value: '5' }]);
});

// 1 (addendum, hunt37s #18): a Fn::Sub whose variables all name one String parameter with a Default is read
// as `Ref` of it is: checked with the Default put in, with the parameter-default note (a stack may pass another).
test('a Fn::Sub over one parameter with a Default is checked with that Default, as Ref of it is', () => {
  const parameters = "  Minutes: {Type: String, Default: '30'}\n  Hour: {Type: String}\n  Count: {Type: Number, Default: 30}\n";
  const text = (expression) => template({ transform: false, parameters, resources: task('Task', `Schedule:\n  ScheduleExpression: ${expression}\n`) });
  const { status, file } = reportOf(text("!Sub 'rate(${Minutes} minutes)'"));
  const [t] = file.tasks;
  // Before: exit 0, "Not checked: the value comes from Fn::Sub, which CloudFormation resolves at deploy time."
  assert.equal(status, 1);
  assert.deepEqual(findings(t), ['/Schedule/ScheduleExpression schedule/too-frequent']);
  assert.match(t.diagnostics[0].message, /^The rate expression "rate\(30 minutes\)" .* \(With the Default of parameter Minutes \("30"\); a stack may pass another value\.\)$/);
  assert.deepEqual(t.diagnostics[0].params.parameterDefaults, { Minutes: '30' });
  assert.deepEqual(
    t.notes.map((n) => `${n.path} ${n.code} ${n.message}`),
    ['/Schedule/ScheduleExpression cloudformation/parameter-default Checked with the parameter\'s Default "30": the value comes from Fn::Sub, whose ${Minutes} makes it "rate(30 minutes)", and a stack may pass another value, which is not checked.'],
  );
  // The same parameter twice, and an escape beside it: one Default, `${!x}` the text `${x}`.
  const twice = reportOf(text("!Sub 'rate(${Minutes}${Minutes} minutes)'")).file.tasks[0];
  assert.match(twice.notes[0].message, /whose \$\{Minutes\} makes it "rate\(3030 minutes\)"/);
  assert.deepEqual(findings(twice), []);

  // Stay unknown: a parameter without a Default, a Number parameter, a pseudo parameter beside the parameter, two
  // parameters, the array form with its own variables.
  for (const expression of [
    "!Sub 'rate(${Hour} minutes)'",
    "!Sub 'rate(${Count} minutes)'",
    "!Sub 'rate(${Minutes} minutes) ${AWS::Region}'",
    "!Sub 'rate(${Minutes} minutes${Hour})'",
    "!Sub ['rate(${Minutes} minutes)', {Minutes: '30'}]",
  ]) {
    const other = reportOf(text(expression));
    assert.equal(other.status, 0, expression);
    assert.deepEqual(notChecked(other.file.tasks[0]), ['/Schedule/ScheduleExpression Not checked: the value comes from Fn::Sub, which CloudFormation resolves at deploy time.'], expression);
  }
});
