// Built-ins a page replaces AFTER the package loaded (review of session 29):
// the wrapper takes what it calls when it loads (js/text-path.mjs), so a
// replacement made later, even one that throws, changes no report. The few
// still read live are listed in the README ("Requests as objects"); none is
// on the way of an ordinary call. (Replaced BEFORE load: glue-loaded-after.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SOURCE, freshNodeInstance, request, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const LOCATIONS = [{ LocationArn: SOURCE, LocationUri: 's3://bucket/prefix', AgentArns: ['arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0'] }];
const circular = () => {
  const tags = [];
  tags.push({ Key: 'k', Value: tags });
  return request({ Tags: tags });
};
/** Each call, made afresh each time: options with locations (walkOptions, the operation looked up), a NaN named, a cycle named, array items of the wrong kinds. */
const CALLS = {
  'options': (validate) => validate(request({ Name: 'bad<' }), { operation: 'UpdateTask', locations: LOCATIONS, task: { Options: { VerifyMode: 'NONE' } } }),
  'options, CreateTask': (validate) => validate(request({ Name: 'bad<' }), { operation: 'CreateTask', locations: LOCATIONS }),
  'no options': (validate) => validate(request({ Name: 'bad<', Options: { BytesPerSecond: 'fast' } })),
  'NaN': (validate) => validate(request({ Options: { BytesPerSecond: NaN } })),
  'a cycle': (validate) => validate(circular()),
  'items of other kinds': (validate) => validate(request({ Tags: [5, null, 'x', [1], { Key: 'k' }], Excludes: [7, { FilterType: 'SIMPLE_PATTERN', Value: '/a' }] })),
};

/** Each built-in, replaced by a function that throws. */
const REPLACED = [
  [Array, 'isArray'],
  [Array.prototype, 'indexOf'],
  [Function.prototype, 'apply'],
  [Object, 'getPrototypeOf'],
  [Object, 'keys'],
  [Object, 'getOwnPropertyDescriptor'],
  [Number, 'isFinite'],
  [globalThis, 'String'],
];

test('built-ins replaced after load by ones that throw: every report is the one given before', () => {
  const { validate } = freshNodeInstance();
  const outcome = (call) => {
    try {
      return { report: call(validate) };
    } catch (error) {
      return { thrown: error };
    }
  };
  const text = ({ report, thrown }) => (thrown ? `threw ${thrown.message} (${thrown.cause?.message})` : JSON.stringify(report));
  const expected = Object.fromEntries(Object.entries(CALLS).map(([name, call]) => [name, text(outcome(call))]));
  for (const [holder, name] of REPLACED) {
    const builtIn = holder[name];
    const got = {};
    holder[name] = function replaced() {
      throw new Error(`the page's ${name}`);
    };
    try {
      for (const [label, call] of Object.entries(CALLS)) got[label] = [outcome(call), outcome(call)];
    } finally {
      holder[name] = builtIn;
    }
    for (const [label, answers] of Object.entries(got)) {
      for (const answer of answers) assert.equal(text(answer), expected[label], `${name} replaced: ${label}`);
    }
  }
});

test('TypeError and RangeError replaced after load: a BigInt and a cycle are told apart as before', () => {
  // The wrapper tells JSON.stringify's refusal of a BigInt, and a cycle, by
  // the TypeError the engine throws: with the global read live, a page's
  // replacement made that refusal an unreadable request. (Not applyDefaults
  // of a BigInt: the glue makes the core's TypeError with the global one.)
  const { validate } = freshNodeInstance();
  const big = () => request({ Options: { BytesPerSecond: 2n ** 60n } });
  const calls = {
    'validate(BigInt)': () => validate(big()),
    'a cycle': () => validate(circular()),
  };
  const outcome = (call) => {
    try {
      return { report: call() };
    } catch (error) {
      return { thrown: `${error?.constructor?.name}: ${error?.message}` };
    }
  };
  const expected = Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, outcome(call)]));
  assert.equal(expected['validate(BigInt)'].report.valid, true);
  assert.match(expected['a cycle'].report.errors[0].message, /circular: \/Tags\/0\/Value refers back to \/Tags\)/);
  for (const name of ['TypeError', 'RangeError']) {
    const builtIn = globalThis[name];
    const got = {};
    globalThis[name] = class Replaced {};
    try {
      for (const [label, call] of Object.entries(calls)) got[label] = outcome(call);
    } finally {
      globalThis[name] = builtIn;
    }
    for (const label of Object.keys(calls)) assert.deepEqual(got[label], expected[label], `${name} replaced: ${label}`);
  }
});

test("Array.prototype's iterator replaced after load: a task's Options are all compared, and the page's iterator never runs", () => {
  // walkSettings once walked a task's Options with for-of, which reads the
  // iterator live: one yielding only some names printed only those, so a
  // task differing in another was taken for the kept one (the report of
  // the task before), and one yielding none took any task of as many.
  const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
  const run = { TaskArn: TASK_ARN, Options: { Mtime: 'NONE' } };
  const tasks = {
    'Atime BEST_EFFORT': { TaskArn: TASK_ARN, TaskMode: 'BASIC', Options: { LogLevel: 'OFF', Atime: 'BEST_EFFORT' } },
    'Atime NONE': { TaskArn: TASK_ARN, TaskMode: 'BASIC', Options: { LogLevel: 'OFF', Atime: 'NONE' } },
  };
  const answer = (validate, label) => JSON.stringify(validate(run, { operation: 'UpdateTask', task: tasks[label] }));
  const fresh = freshNodeInstance();
  const expected = Object.fromEntries(Object.keys(tasks).map((label) => [label, answer(fresh.validate, label)]));
  assert.match(expected['Atime BEST_EFFORT'], /options\/atime-mtime-mismatch/);
  assert.equal(JSON.parse(expected['Atime NONE']).valid, true);
  const ORDER = ['Atime BEST_EFFORT', 'Atime NONE', 'Atime BEST_EFFORT', 'Atime NONE'];
  const builtIn = Array.prototype[Symbol.iterator];
  const yielding = {
    'only LogLevel': (names) => names.filter((name) => name === 'LogLevel'),
    'nothing': () => [],
  };
  for (const [kind, chosen] of Object.entries(yielding)) {
    const { validate } = freshNodeInstance();
    let calls = 0;
    const got = [];
    // eslint-disable-next-line no-extend-native
    Array.prototype[Symbol.iterator] = function replaced() {
      calls += 1;
      return Reflect.apply(builtIn, chosen(Reflect.apply(Array.prototype.slice, this, [])), []);
    };
    try {
      // Each task twice, in both orders: the first call keeps its options, the next compares with them.
      // Indexed: a for-of here would run the replaced iterator too.
      for (let i = 0; i < ORDER.length; i += 1) got.push([ORDER[i], answer(validate, ORDER[i])]);
    } finally {
      Array.prototype[Symbol.iterator] = builtIn;
    }
    assert.equal(got.length, ORDER.length);
    for (const [label, report] of got) assert.equal(report, expected[label], `the iterator yielding ${kind}: ${label}`);
    assert.equal(calls, 0, `the iterator yielding ${kind} was called`);
  }
});
