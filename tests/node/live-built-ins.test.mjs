// Built-ins a page replaces AFTER the package loaded (review of session 29):
// the wrapper takes what it calls when it loads (js/text-path.mjs), so a
// replacement made later, even one that throws, changes no report. The few
// still read live are listed in the README ("Requests as objects"); none is
// on the way of an ordinary call. (Replaced BEFORE load: glue-loaded-after.test.mjs.)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { callAtEveryDepth } from '../runtimes/checks.mjs';
import { SOURCE, example, freshNodeInstance, pkgDir, request, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const LOCATIONS = [{ LocationArn: SOURCE, LocationUri: 's3://bucket/prefix', AgentArns: ['arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0'] }];
const circular = () => {
  const tags = [];
  tags.push({ Key: 'k', Value: tags });
  return request({ Tags: tags });
};
/** Each call, made afresh each time: options with locations (walkOptions, the operation looked up), a NaN named, a cycle named, array items of the wrong kinds. */
/**
 * What a call answered, as text to compare: its result as JSON (BigInts
 * written as `123n`), or the message and cause of what it threw.
 */
const answerOf = (call) => {
  try {
    return JSON.stringify(call(), (_key, value) => (typeof value === 'bigint' ? `${value}n` : value));
  } catch (error) {
    return `threw ${error?.message} (${error?.cause?.message})`;
  }
};

const CALLS = {
  'options': (validate) => validate(request({ Name: 'bad<' }), { operation: 'UpdateTask', locations: LOCATIONS, task: { TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0', Options: { VerifyMode: 'NONE' } } }),
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

test('TypeError, RangeError, Error and BigInt replaced after load by look-alikes: what the glue makes and tells with them is what a fresh process gives', () => {
  // The wasm-bindgen glue read these globals live: the core's TypeError
  // (options JSON cannot write, with its cause), its check that the stack
  // ran out (instanceof RangeError), the Error of a wrapper bug and the
  // BigInts applyDefaults returns were made with the page's replacement.
  // scripts/take-at-load.mjs takes them when the glue loads.
  const real = { TypeError, RangeError, Error, BigInt };
  const hasInstance = Function.prototype[Symbol.hasInstance];
  const isA = (value, name) => Reflect.apply(hasInstance, real[name], [value]);
  /** An error told by the real constructors alone, with its cause; a value as JSON text, a BigInt as its digits and `n`. */
  const describe = ({ returned, thrown }) => {
    const error = (value) => {
      const kind = ['TypeError', 'RangeError', 'Error'].find((name) => isA(value, name)) ?? `not an Error (${typeof value})`;
      return `${kind}: ${value?.message}`;
    };
    if (thrown === undefined) return JSON.stringify(returned, (_key, value) => (typeof value === 'bigint' ? `${value}n` : value));
    return `threw ${error(thrown)}${Object.hasOwn(Object(thrown), 'cause') ? ` (cause ${error(thrown.cause)})` : ''}`;
  };
  const outcome = (call) => {
    try {
      return { returned: call() };
    } catch (error) {
      return { thrown: error };
    }
  };
  const cyclic = [{ LocationArn: SOURCE }];
  cyclic[0].self = cyclic;
  let deep = {};
  for (let depth = 0; depth < 100_000; depth += 1) deep = { Options: deep };
  const beyondSafe = JSON.stringify(request({ Options: { BytesPerSecond: 0 } })).replace('"BytesPerSecond":0', '"BytesPerSecond":9007199254740993');
  const FROM = Date.UTC(2026, 10, 25);
  const calls = (instance, glue) => ({
    'validate, cyclic locations': () => instance.validate(request({}), { locations: cyclic }),
    'validate text, cyclic locations': () => instance.validate(JSON.stringify(request({})), { locations: cyclic }),
    'applyDefaults, cyclic locations': () => instance.applyDefaults(request({}), { locations: cyclic }),
    'applyDefaults, a request too deep for JSON.stringify': () => instance.applyDefaults({ SourceLocationArn: SOURCE, Tags: deep }),
    'applyDefaults, an integer beyond 2^53': () => instance.applyDefaults(beyondSafe),
    'describeSchedule, a BigInt count': () => instance.describeSchedule('rate(1 hour)', { from: FROM, count: 3n }),
    'describeSchedule, a BigInt from': () => instance.describeSchedule('rate(1 hour)', { from: real.BigInt(FROM), count: 2 }),
    "describeSchedule, options whose getter throws the engine's RangeError": () =>
      instance.describeSchedule('rate(1 hour)', {
        get from() {
          throw new real.RangeError('Maximum call stack size exceeded');
        },
      }),
    'the glue, a length beyond its input buffer (a wrapper bug)': () => glue.validateInput(2 ** 31, undefined),
  });
  const fresh = () => {
    const instance = freshNodeInstance();
    return [instance, createRequire(import.meta.url)(`${pkgDir}/node/datasync_task_validator.cjs`)];
  };
  const expected = Object.fromEntries(Object.entries(calls(...fresh())).map(([label, call]) => [label, describe(outcome(call))]));
  // What a fresh process gives: the core's TypeError with JSON.stringify's as its cause, a stack run out told.
  assert.match(expected['validate, cyclic locations'], /^threw TypeError: validate: options could not be read as JSON \(Converting circular structure to JSON\)\. \(cause TypeError: Converting circular/);
  assert.match(expected['applyDefaults, a request too deep for JSON.stringify'], /^threw TypeError: applyDefaults: JSON\.stringify ran out of stack on the request: it nests objects or arrays far deeper than any CreateTask request, or a getter or toJSON in it calls itself\./);
  assert.match(expected['applyDefaults, an integer beyond 2^53'], /"BytesPerSecond":"9007199254740993n"/);
  assert.equal(expected['describeSchedule, a BigInt count'], 'threw TypeError: describeSchedule: options.count must be a number.');
  assert.equal(expected["describeSchedule, options whose getter throws the engine's RangeError"], 'threw RangeError: Maximum call stack size exceeded');
  assert.match(expected['the glue, a length beyond its input buffer (a wrapper bug)'], /^threw Error: /);
  const lookAlikes = {
    TypeError: function TypeError(message) {
      return { name: 'TypeError', message: `the page's: ${message}` };
    },
    RangeError: class RangeError extends real.Error {},
    Error: function Error(message) {
      return { name: 'Error', message: `the page's: ${message}` };
    },
    BigInt: (value) => `the page's ${value}`,
  };
  for (const names of [['TypeError'], ['RangeError'], ['Error'], ['BigInt'], Object.keys(lookAlikes)]) {
    const [instance, glue] = fresh();
    const got = {};
    for (const name of names) globalThis[name] = lookAlikes[name];
    try {
      for (const [label, call] of Object.entries(calls(instance, glue))) got[label] = outcome(call);
    } finally {
      Object.assign(globalThis, real);
    }
    for (const [label, answer] of Object.entries(got)) assert.equal(describe(answer), expected[label], `${names.join(', ')} replaced: ${label}`);
  }
});

test('TypeError, RangeError, Error and BigInt replaced after load by look-alikes, with the JS stack nearly full: at every depth the answer of a fresh process, or the engine\'s RangeError', () => {
  // The core's reading of a JSON.stringify that ran out of stack (its
  // TypeError, with what JSON.stringify threw as the cause) is what the
  // wrapper tells a stack run out by: made with the page's TypeError, it
  // was "a built-in failed" instead.
  const real = { TypeError, RangeError, Error, BigInt };
  const instance = freshNodeInstance();
  const cyclic = [{ LocationArn: SOURCE }];
  cyclic[0].self = cyclic;
  const calls = {
    'validate, cyclic locations': () => instance.validate(request({}), { locations: cyclic }),
    'validate, an ordinary request': () => instance.validate(request({ Options: { VerifyMode: 'NONE' } }), { operation: 'CreateTask' }),
    applyDefaults: () => instance.applyDefaults(request({ Options: { BytesPerSecond: 2n ** 60n } })),
  };
  const names = Object.keys(calls);
  const what = (call) => {
    try {
      return JSON.stringify(call(), (_key, value) => (typeof value === 'bigint' ? `${value}n` : value));
    } catch (error) {
      const kind = ['TypeError', 'RangeError', 'Error'].find((name) => Reflect.apply(Function.prototype[Symbol.hasInstance], real[name], [error]));
      return `threw ${kind}: ${error?.message}`;
    }
  };
  const expected = names.map((name) => what(calls[name]));
  assert.match(expected[0], /^threw TypeError: validate: options could not be read as JSON \(Converting circular/);
  const answers = names.map(() => []);
  const dive = () => {
    try {
      dive();
    } catch {
      // the stack ran out below
    }
    for (let index = 0; index < names.length; index += 1) answers[index].push(what(calls[names[index]]));
  };
  Object.assign(globalThis, {
    TypeError: function TypeError(message) {
      return { message };
    },
    RangeError: class RangeError extends real.Error {},
    Error: function Error(message) {
      return { message };
    },
    BigInt: (value) => `${value}`,
  });
  try {
    dive();
  } finally {
    Object.assign(globalThis, real);
  }
  names.forEach((name, index) => {
    const seen = new Set(answers[index]);
    seen.delete('threw RangeError: Maximum call stack size exceeded');
    assert.deepEqual([...seen], [expected[index]], name);
  });
});

test('Uint8Array replaced after load: every entry point answers as before (the glue views its memory with the one taken at load)', () => {
  // The glue made every view of its memory with the global read live
  // (putOn, copyIn, getStringFromWasm0): a replacement made after load made
  // applyDefaults, fields and describeSchedule throw it, and validate of a
  // text or with locations throw "a built-in failed" (hunt, session 31).
  const instance = freshNodeInstance();
  const fullBasic = JSON.stringify(example('full-basic'));
  const calls = {
    'validate, a text': () => instance.validate(fullBasic),
    'validate, locations': () => instance.validate(request({ Name: 'bad<' }), { locations: LOCATIONS }),
    'applyDefaults, an object': () => instance.applyDefaults(request({ TaskMode: 'ENHANCED' }), { locations: LOCATIONS }),
    'applyDefaults, a text': () => instance.applyDefaults(fullBasic),
    'fields': () => instance.fields({ operation: 'UpdateTask' }),
    'describeSchedule': () => instance.describeSchedule('cron(0 12 * * ? *)', { from: Date.UTC(2026, 10, 25), count: 2 }),
  };
  const expected = Object.fromEntries(Object.entries(calls).map(([label, call]) => [label, answerOf(call)]));
  for (const answer of Object.values(expected)) assert.doesNotMatch(answer, /^threw/);
  const builtIn = globalThis.Uint8Array;
  const got = {};
  globalThis.Uint8Array = function Uint8Array() {
    throw new Error("the page's Uint8Array");
  };
  try {
    for (const [label, call] of Object.entries(calls)) got[label] = [answerOf(call), answerOf(call)];
  } finally {
    globalThis.Uint8Array = builtIn;
  }
  for (const [label, answers] of Object.entries(got)) {
    for (const answer of answers) assert.equal(answer, expected[label], `Uint8Array replaced: ${label}`);
  }
});

test("the typed arrays' length getter replaced after load: the glue passes the wrapper's bytes at their true length", () => {
  // The glue read the bytes' length live where it copies them into the
  // memory (validateUtf8, for a text beyond the 4 MiB input buffer, and
  // validateWalked's copy, for strings beyond it): a getter answering 10
  // made a valid request "not valid JSON", and the 5 MiB written into a
  // 10-byte block broke every later call ("a built-in failed").
  const instance = freshNodeInstance();
  const long = 'x'.repeat(5 * 1024 * 1024);
  const calls = {
    'validate, a text beyond the input buffer': () => instance.validate(JSON.stringify(request({ Name: long }))),
    'validate, an object with a string beyond it': () => instance.validate(request({ Name: long })),
    'validate, a small text': () => instance.validate(JSON.stringify(request({ Name: 'bad<' }))),
  };
  const expected = Object.fromEntries(Object.entries(calls).map(([label, call]) => [label, answerOf(call)]));
  assert.match(expected['validate, a text beyond the input buffer'], /"code":"value\/too-long"/);
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const builtIn = Object.getOwnPropertyDescriptor(typedArrayPrototype, 'length');
  const got = {};
  Object.defineProperty(typedArrayPrototype, 'length', { configurable: true, get: () => 10 });
  try {
    for (const [label, call] of Object.entries(calls)) got[label] = [answerOf(call), answerOf(call)];
  } finally {
    Object.defineProperty(typedArrayPrototype, 'length', builtIn);
  }
  for (const [label, answers] of Object.entries(got)) {
    for (const answer of answers) assert.equal(answer, expected[label], `length replaced: ${label}`);
  }
  for (const [label, call] of Object.entries(calls)) assert.equal(answerOf(call), expected[label], `afterwards: ${label}`);
});

test('WebAssembly.Instance replaced after load: the guard makes its new instance, after a call failed inside the core, with the one taken at load', () => {
  const instance = freshNodeInstance();
  const glue = createRequire(import.meta.url)(`${pkgDir}/node/datasync_task_validator.cjs`);
  // 2 KB to read and a cron expression (the core calls out for the clock): some calls run out of stack inside the core.
  const probe = request({ Name: 'bad<', Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/${'a'.repeat(2_000)}` }], Schedule: { ScheduleExpression: 'cron(0 8 * * ? 2099)' } });
  const expected = JSON.stringify(instance.validate(probe));
  const before = glue.wasmMemory();
  const builtIn = WebAssembly.Instance;
  let called = 0;
  WebAssembly.Instance = function Instance() {
    called += 1;
    throw new Error("the page's WebAssembly.Instance");
  };
  // The first dive after a fresh load may fail only outside the core: dive until the instance is replaced.
  let renewed = false;
  try {
    for (let dive = 0; dive < 20 && !renewed; dive += 1) {
      const { answered, thrown } = callAtEveryDepth(() => instance.validate(probe));
      assert.ok(answered, `a call answered on the way back (${thrown.length} threw: ${thrown[thrown.length - 1]})`);
      renewed = glue.wasmMemory() !== before;
    }
  } finally {
    WebAssembly.Instance = builtIn;
  }
  assert.ok(renewed, 'a new instance after calls that failed inside the core');
  assert.equal(called, 0, "the page's WebAssembly.Instance was called");
  assert.equal(JSON.stringify(instance.validate(probe)), expected);
});
