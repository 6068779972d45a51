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
