// Trust at the JS boundary (issue 11): no failure leaves state behind, no JS
// exception unwinds through wasm, and what JSON cannot say is still reported
// in plain words. Each failure mode runs on a fresh instance of the package
// (a new WebAssembly instance whose input buffer has not grown yet), and is
// followed by requests of 1 KB, 100 KB and 1 MB, which need the buffer to grow.
// An exception that does unwind through the core (the JS stack running out
// inside it) makes the package discard that WebAssembly instance for a new one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { callAtEveryDepth } from '../runtimes/checks.mjs';
import { DESTINATION, SOURCE, example, freshNodeInstance, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const require = createRequire(import.meta.url);

const freshInstance = freshNodeInstance;

/**
 * The WebAssembly memory of the instance `freshInstance()` just loaded is
 * using now: a new one means the instance was replaced. (Its raw glue: the
 * module freshInstance required afresh, still in require's cache.)
 */
const instanceMemory = () => require(`${pkgDir}/node/datasync_task_validator.cjs`).wasmMemory();

const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });
/** A request of about `bytes` bytes of JSON: one exclude filter that long (valid up to 102,400 characters). */
const requestOfSize = (bytes) => request({ Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/${'a'.repeat(bytes)}` }] });

/** 1 KB and 100 KB requests are valid; 1 MB is one value/too-long error, as objects and as text. */
function assertStillValidates({ validate }) {
  for (const form of [(r) => r, (r) => JSON.stringify(r)]) {
    assert.deepEqual(validate(form(requestOfSize(1_000))), { valid: true, errors: [], warnings: [] }, '1 KB');
    assert.deepEqual(validate(form(requestOfSize(100_000))), { valid: true, errors: [], warnings: [] }, '100 KB');
    const big = validate(form(requestOfSize(1_000_000)));
    assert.deepEqual(
      big.errors.map((e) => [e.code, e.path]),
      [['value/too-long', '/Excludes/0/Value']],
      '1 MB',
    );
  }
}

// Both locations described as object storage: POSIX metadata is reported at
// /Options/Uid, which only the described locations tell (see locations.test.mjs).
const objectStores = {
  locations: [
    { LocationArn: SOURCE, LocationUri: 's3://reports-source/' },
    { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/' },
  ],
};
const uidBetweenObjectStores = request({ Options: { Uid: 'INT_VALUE' } });

/**
 * validate() with `objectStores` still reports the locations' rule: with the
 * same options object each time, so the options kept in wasm are used again
 * (or, after a replacement, sent again), for requests of 1 KB, 100 KB and 1 MB.
 */
function assertStillUsesLocations({ validate }) {
  for (const bytes of [1_000, 100_000, 1_000_000]) {
    const sized = { ...uidBetweenObjectStores, Excludes: requestOfSize(bytes).Excludes };
    const codes = validate(sized, objectStores).errors.map((e) => `${e.path} ${e.code}`);
    const expected = ['/Options/Uid locations/posix-between-object-stores'];
    if (bytes === 1_000_000) expected.unshift('/Excludes/0/Value value/too-long');
    assert.deepEqual(codes, expected, `${bytes} bytes`);
  }
}

/** Runs `body` with Date.now replaced by `now`, restoring it afterwards. */
function withDateNow(now, body) {
  const real = Date.now;
  Date.now = now;
  try {
    return body();
  } finally {
    Date.now = real;
  }
}

// A schedule rule reads the clock, so validate() calls Date.now from inside wasm.
const scheduled = request({ Schedule: { ScheduleExpression: 'cron(0 8 * * ? 2020)' } });

test('a Date.now that returns a Symbol is treated as no clock, and leaves nothing behind', () => {
  const instance = freshInstance();
  const result = withDateNow(() => Symbol('now'), () => instance.validate(scheduled));
  assert.equal(typeof result.valid, 'boolean');
  assert.throws(
    () => withDateNow(() => Symbol('now'), () => instance.describeSchedule('rate(1 day)')),
    (error) => error instanceof TypeError && /Date\.now\(\) did not give the time/.test(error.message),
  );
  assertStillValidates(instance);
});

for (const [label, now] of [
  ['throws', () => { throw new Error('no clock here'); }],
  ['returns a string', () => '2026-01-01'],
  ['returns Infinity', () => Infinity],
  ['returns a time beyond the Date range', () => 8.64e15 + 1],
  ['returns an object with a throwing valueOf', () => ({ valueOf() { throw new Error('valueOf'); } })],
]) {
  test(`a Date.now that ${label} leaves nothing behind`, () => {
    const instance = freshInstance();
    const result = withDateNow(now, () => instance.validate(scheduled));
    assert.equal(typeof result.valid, 'boolean');
    assertStillValidates(instance);
  });
}

test('a Date.now that calls validate() again (reentrancy) gets a correct report, and so does the outer call', () => {
  const instance = freshInstance();
  const inner = [];
  // One instant for both calls: the never-fires warning names the time it
  // was judged at, so two readings of the real clock can straddle a second.
  const now = Date.now();
  const result = withDateNow(() => {
    inner.push(instance.validate(requestOfSize(100_000))); // needs a bigger buffer than the outer call's
    return now;
  }, () => instance.validate(scheduled));
  assert.ok(inner.length >= 1);
  for (const report of inner) assert.deepEqual(report, { valid: true, errors: [], warnings: [] });
  assert.deepEqual(result, withDateNow(() => now, () => instance.validate(JSON.stringify(scheduled))));
  assertStillValidates(instance);
});

test('validate() with the JS stack nearly full throws at most a RangeError, and leaves nothing behind', () => {
  const instance = freshInstance();
  const first = instanceMemory();
  // Recurse until the stack runs out, then call validate() at every depth on
  // the way back until one call succeeds: some calls run out of stack in the
  // middle of the core (its call out to Date.now needs a few JS frames).
  const probe = { ...requestOfSize(2_000), Schedule: scheduled.Schedule };
  const { answered, thrown } = callAtEveryDepth(() => instance.validate(probe));
  assert.ok(answered);
  assert.ok(thrown.length > 0);
  const names = thrown.map((error) => error?.constructor?.name);
  assert.ok(names.every((name) => name === 'RangeError'), names.join());
  assert.notEqual(instanceMemory(), first, 'the instance the RangeErrors unwound through was replaced');
  assertStillValidates(instance);
});

// 20,000, the count at which an overflow inside the allocator (its
// bookkeeping half updated) used to turn up, about once per run: a later call
// then trapped with "unreachable". Every failure now gets a fresh instance, so
// nothing a failure broke is ever used again; that is checked after each
// dive, since chance alone cannot show it.
test('20,000 JS stack overflows inside validate(): after each, the next call runs on a fresh instance', () => {
  const instance = freshInstance();
  const probe = { ...requestOfSize(2_000), Schedule: { ScheduleExpression: 'cron(0 8 * * ? 2099)' } };
  assertStillUsesLocations(instance); // the options are kept in wasm from here on
  // As above, call validate() at every depth on the way back from a full
  // stack: each dive gives about 70 RangeErrors, some of them thrown with the
  // core's frames on the stack.
  let overflows = 0;
  while (overflows < 20_000) {
    const before = instanceMemory();
    const { answered, thrown } = callAtEveryDepth(() => instance.validate(probe));
    assert.ok(answered);
    for (const error of thrown) assert.ok(error instanceof RangeError, String(error));
    assert.ok(thrown.length > 0);
    assert.notEqual(instanceMemory(), before, `a new instance after the dive that ended at ${overflows + thrown.length} overflows`);
    overflows += thrown.length;
  }
  // The fresh instance has neither the options kept in wasm nor the grown input buffer: both are made again.
  assertStillUsesLocations(instance);
  assertStillValidates(instance);
});

test('the same for applyDefaults(), fields() and describeSchedule()', () => {
  const instance = freshInstance();
  const calls = [
    () => instance.applyDefaults(requestOfSize(2_000)),
    () => instance.fields(),
    () => instance.describeSchedule('cron(0 8 ? * MON-FRI *)', { from: 0, count: 100 }),
  ];
  for (const call of calls) {
    let overflows = 0;
    while (overflows < 200) {
      const before = instanceMemory();
      const { thrown } = callAtEveryDepth(call);
      for (const error of thrown) assert.ok(error instanceof RangeError, String(error));
      if (thrown.length > 0) assert.notEqual(instanceMemory(), before, String(call));
      overflows += thrown.length;
    }
  }
  assertStillValidates(instance);
});

test('a failure inside the core of a call made from inside another call: the outer call answers, then the instance is replaced', () => {
  const instance = freshInstance();
  const first = instanceMemory();
  const probe = requestOfSize(2_000);
  // A Date.now that calls validate() at every depth of a full stack, while the core waits for the time.
  const newYear = 1_767_225_600_000; // 2026-01-01
  let inner = [];
  const result = withDateNow(() => {
    inner = callAtEveryDepth(() => instance.validate(probe)).thrown;
    return newYear;
  }, () => instance.validate(scheduled));
  assert.ok(inner.length > 0);
  assert.notEqual(instanceMemory(), first);
  assert.deepEqual(result, withDateNow(() => newYear, () => instance.validate(JSON.stringify(scheduled))));
  // An options getter doing the same while the options are read to be kept
  // in wasm (in JS: the core keeps a plain copy), and while the core reads
  // options it cannot keep (a task Options member that is an object).
  let reads = 0;
  const diving = {
    get locations() {
      reads += 1;
      callAtEveryDepth(() => instance.validate(probe));
      return objectStores.locations;
    },
  };
  // The locations first: the walk reads members in key order and stops at the task.
  const unkept = Object.assign(Object.defineProperty({}, 'locations', Object.getOwnPropertyDescriptor(diving, 'locations')), { task: { TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0', Options: { Unread: {} } } });
  for (const options of [diving, unkept]) {
    reads = 0;
    const located = instance.validate(uidBetweenObjectStores, options);
    assert.ok(reads >= 1);
    assert.deepEqual(located.errors.map((e) => e.code), ['locations/posix-between-object-stores']);
  }
  assert.equal(reads, 2, 'the options that cannot be kept, after others kept: read by the walk that compares them, then once in full in JS (the core reads that copy)');
  assertStillUsesLocations(instance);
  assertStillValidates(instance);
});

test('an exception from a hostile getter that unwinds through the core also leads to a fresh instance', () => {
  const instance = freshInstance();
  const first = instanceMemory();
  // The glue views wasm memory through `WebAssembly.Memory`'s `buffer`
  // getter, read live (README), with the core waiting in the middle of a
  // call (for each number it asks of JS); a getter that throws
  // there is a JS exception from outside the package that still unwinds
  // through the core (every callback the core makes itself is caught).
  const buffer = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, 'buffer');
  let thrown;
  Object.defineProperty(WebAssembly.Memory.prototype, 'buffer', { configurable: true, get() { throw new Error('hostile getter'); } });
  try {
    instance.describeSchedule('rate(1 day)', { from: 0, count: 1 });
    instance.describeSchedule('rate(1 day)', { from: 0, count: 1 });
  } catch (error) {
    thrown = error;
  } finally {
    Object.defineProperty(WebAssembly.Memory.prototype, 'buffer', buffer);
  }
  assert.equal(thrown?.message, 'hostile getter');
  assert.notEqual(instanceMemory(), first);
  assert.deepEqual(instance.describeSchedule('rate(1 day)', { from: 0, count: 1 }).nextRuns, ['1970-01-02T00:00:00Z']);
  assertStillValidates(instance);
});

test('the TypeErrors the core returns keep the instance: only an exception that unwound through it costs a new one', () => {
  const instance = freshInstance();
  assertStillUsesLocations(instance);
  const first = instanceMemory();
  for (let i = 0; i < 1_000; i += 1) {
    assert.throws(() => instance.describeSchedule('rate(1 day)', { from: Object.create(Date.prototype) }), TypeError);
    assert.throws(() => instance.validate(request({}), { locations: 'all' }), TypeError);
    assert.throws(() => instance.applyDefaults(5), TypeError);
    assert.throws(() => instance.fields({ operation: 'DeleteTask' }), TypeError);
  }
  // Diagnostics are no failure at all.
  assert.equal(instance.validate('{').valid, false);
  assert.equal(instanceMemory(), first);
  assertStillUsesLocations(instance);
});

// guardGlue's rules, on a stand-in for the glue: `call` does what `act` says,
// and `__wbg_reset_state` counts the instances it makes (or throws `resetError`).
function standIn() {
  const state = { act: () => 'answer', resets: 0, resetError: null };
  const glue = {
    call: (...args) => state.act(...args),
    __wbg_reset_state() {
      if (state.resetError) throw state.resetError;
      state.resets += 1;
    },
  };
  return { state, guarded: require(`${pkgDir}/node/text-path.cjs`).guardGlue(glue) };
}

test('guardGlue: any exception but the core\'s own TypeErrors replaces the instance once the call has failed', () => {
  const { state, guarded } = standIn();
  assert.equal('__wbg_reset_state' in guarded, false, 'replacing is the guard\'s alone');
  assert.equal(guarded.call(), 'answer');
  for (const [thrown, replaces] of [
    [new TypeError('validate: options must be an object such as { locations, operation, task }.'), 0],
    [new TypeError('describeSchedule: options.count must be a number.'), 0],
    [new RangeError('Maximum call stack size exceeded'), 1],
    [new WebAssembly.RuntimeError('unreachable'), 1],
    [new Error('hostile getter'), 1],
    [new TypeError('not the core\'s words'), 1],
    [new Error('validate: looks like the core\'s words, but no TypeError'), 1],
    [new Proxy(new TypeError('validate: x'), { getPrototypeOf() { throw new Error('trap'); } }), 1],
    ['a string', 1],
  ]) {
    const before = state.resets;
    state.act = () => {
      throw thrown;
    };
    assert.throws(() => guarded.call(), (error) => error === thrown);
    assert.equal(state.resets - before, replaces, String(thrown?.message ?? thrown));
    assert.equal(guarded.instance(), state.resets);
  }
});

test('guardGlue: when replacing fails, the next call replaces first, or throws what replacing threw', () => {
  const { state, guarded } = standIn();
  const noStack = new RangeError('Maximum call stack size exceeded');
  state.act = () => {
    throw new RangeError('inside the core');
  };
  state.resetError = noStack;
  assert.throws(() => guarded.call(), /inside the core/); // replacing at its end failed too
  let ran = 0;
  state.act = () => {
    ran += 1;
    return 'answer';
  };
  assert.throws(() => guarded.call(), (error) => error === noStack);
  assert.throws(() => guarded.instance(), (error) => error === noStack);
  assert.equal(ran, 0, 'nothing runs on the instance the failure left');
  state.resetError = null;
  assert.equal(guarded.call(), 'answer');
  assert.equal(state.resets, 1);
  assert.equal(guarded.instance(), 1);
});

test('guardGlue: a call made from inside a call that fails marks the instance, replaced only once the outer call returns', () => {
  const { state, guarded } = standIn();
  const seen = [];
  state.act = (nested) => {
    if (nested) throw new RangeError('inside the inner call');
    assert.throws(() => guarded.call(true), /inside the inner call/);
    seen.push(state.resets); // the outer call is still running on the old instance
    return 'outer answer';
  };
  assert.equal(guarded.call(), 'outer answer');
  assert.deepEqual(seen, [0]);
  assert.equal(state.resets, 1);
});

test('describeSchedule refuses a Proxy of a Date or a Date look-alike with a TypeError, every time', () => {
  const instance = freshInstance();
  const fakes = [
    new Proxy(new Date('2026-01-01T00:00:00Z'), {}),
    Object.create(Date.prototype),
    new Proxy(new Date(0), { get() { throw new Error('trap'); } }),
  ];
  // Each such call used to unwind through wasm and leak its stack frame: after
  // about 6,500 of them every function trapped.
  for (let i = 0; i < 10_000; i += 1) {
    assert.throws(
      () => instance.describeSchedule('rate(1 day)', { from: fakes[i % fakes.length] }),
      (error) => error instanceof TypeError && error.message.startsWith('describeSchedule: options.from'),
    );
  }
  const real = instance.describeSchedule('rate(1 day)', { from: new Date('2026-01-01T00:00:00Z'), count: 1 });
  assert.deepEqual(real.nextRuns, ['2026-01-02T00:00:00Z']);
  // A real Date of another realm is a Date, though it fails instanceof.
  const foreign = runInNewContext('new Date("2026-01-01T00:00:00Z")');
  assert.equal(foreign instanceof Date, false);
  assert.deepEqual(instance.describeSchedule('rate(1 day)', { from: foreign, count: 1 }).nextRuns, ['2026-01-02T00:00:00Z']);
  assertStillValidates(instance);
});

test('describeSchedule refuses `from` outside the JS Date range with a TypeError', () => {
  const instance = freshInstance();
  const outside = [8.64e15 + 1, -8.64e15 - 1, 1e300, -Infinity, 8_640_000_000_000_001n, 2n ** 70n, -(2n ** 70n), new Date(NaN)];
  for (const from of outside) {
    assert.throws(
      () => instance.describeSchedule('rate(1 day)', { from }),
      (error) => error instanceof TypeError && /options\.from is not a valid time/.test(error.message),
      String(from),
    );
  }
  // The edges of the range are times.
  assert.equal(instance.describeSchedule('rate(1 day)', { from: 0n, count: 1 }).nextRuns[0], '1970-01-02T00:00:00Z');
  assert.equal(instance.describeSchedule('rate(1 day)', { from: -8.64e15, count: 0 }).nextRuns.length, 0);
});

test('describeSchedule turns hostile options into a TypeError, never an exception from inside', () => {
  const instance = freshInstance();
  const hostile = [
    ['a getter that throws', { get from() { throw new Error('getter'); } }],
    ['a Proxy whose get trap throws', new Proxy({}, { get() { throw new Error('trap'); } })],
    ['a revoked Proxy', (() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })()],
    ['from with a throwing Symbol.toPrimitive', { from: { [Symbol.toPrimitive]() { throw new Error('prim'); } } }],
    ['from as a Symbol', { from: Symbol('from') }],
    ['count as a BigInt', { count: 3n }],
    ['count with a throwing valueOf', { count: { valueOf() { throw new Error('valueOf'); } } }],
  ];
  for (const [label, options] of hostile) {
    assert.throws(() => instance.describeSchedule('rate(1 day)', options), TypeError, label);
  }
  // A RangeError from reading an option is thrown as it is: the stack that
  // ran out while a plain member was read is no fault of the options.
  const ranOut = new RangeError('Maximum call stack size exceeded');
  assert.throws(() => instance.describeSchedule('rate(1 day)', { get from() { throw ranOut; } }), (error) => error === ranOut);
  // An expression that is not a string is a diagnostic, even one that throws when converted.
  for (const expression of [{ toString() { throw new Error('toString'); } }, Symbol('x'), new Proxy({}, { get() { throw new Error('trap'); } })]) {
    const result = instance.describeSchedule(expression, { from: 0, count: 1 });
    assert.equal(result.valid, false);
  }
  assertStillValidates(instance);
});

test('hostile request objects get a diagnostic and leave nothing behind', () => {
  const instance = freshInstance();
  const hostile = [
    { toJSON() { throw new Error('toJSON'); } },
    { toJSON() { return undefined; } },
    { toJSON() { return Symbol('x'); } },
    request({ Options: { toJSON() { throw new RangeError('deep'); } } }),
    new Proxy(request({}), { ownKeys() { throw new Error('ownKeys'); } }),
    new Proxy(request({}), { get() { throw new Error('get'); } }),
    Object.defineProperty(request({}), 'Name', { enumerable: true, get() { return { toJSON() { throw new Error('nested'); } }; } }),
  ];
  for (const input of hostile) {
    const result = instance.validate(input);
    assert.equal(result.valid, false);
    assert.ok(result.errors.length >= 1);
    assert.throws(() => instance.applyDefaults(input), TypeError);
  }
  // Conversions JSON.stringify never makes are never made.
  const primitive = request({ [Symbol.toPrimitive]() { throw new Error('prim'); }, valueOf() { throw new Error('valueOf'); } });
  assert.deepEqual(instance.validate(primitive), { valid: true, errors: [], warnings: [] });
  assertStillValidates(instance);
});

test('text longer than the input buffer, with a BOM, or with lone surrogates is read as the slow path reads it', () => {
  const instance = freshInstance();
  const huge = JSON.stringify(requestOfSize(20_000_000)); // beyond the 4 MiB buffer: passed as a copy
  assert.deepEqual(instance.validate(huge).errors.map((e) => e.code), ['value/too-long']);
  const bom = instance.validate(`\uFEFF${JSON.stringify(request({}))}`);
  assert.equal(typeof bom.valid, 'boolean');
  assert.ok(instance.validate(JSON.stringify(request({ Name: 'a\ud800' }))).errors.length >= 0);
  assertStillValidates(instance);
});

test('NaN and Infinity are named as such, not as the null JSON.stringify writes', () => {
  const { validate } = freshInstance();
  const result = validate(request({ Options: { BytesPerSecond: NaN, Gid: Infinity }, Tags: [{ Key: 'k', Value: -Infinity }] }));
  const messages = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
  assert.match(messages['/Options/BytesPerSecond'], /^BytesPerSecond must be an integer, but it is NaN, which is not a finite number/);
  assert.match(messages['/Options/Gid'], /but it is Infinity, which is not a finite number/);
  assert.match(messages['/Tags/0/Value'], /but it is -Infinity, which is not a finite number/);
  // A real null is still called null.
  const literal = validate(request({ Options: { BytesPerSecond: null } }));
  assert.match(literal.errors[0].message, /but it is null\.$/);
});

test('a circular request is reported in one sentence that names the cycle', () => {
  const { validate, applyDefaults } = freshInstance();
  const circular = request({});
  circular.Options = { Nested: { Back: circular } };
  const [error] = validate(circular).errors;
  assert.equal(error.code, 'input/not-serializable');
  assert.equal(
    error.message,
    'The request could not be read as JSON (it is circular: /Options/Nested/Back refers back to the request itself); pass a plain object or a JSON string.',
  );
  const inner = request({ Tags: [] });
  inner.Tags.push({ Key: 'k', Value: inner.Tags });
  assert.match(validate(inner).errors[0].message, /\/Tags\/0\/Value refers back to \/Tags\)/);
  // applyDefaults' TypeError has no path, but no line break or cut either.
  assert.throws(() => applyDefaults(circular), (e) => e instanceof TypeError && !/\\n|\n|…/.test(e.message));
});

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

test('a cycle is named through member names with ~ and / anywhere, and a name of millions of units costs no more than itself', () => {
  const { validate } = freshInstance();
  // Escaped as RFC 6901 says: ~ as ~0, / as ~1, at the start, the end, side by side.
  const names = ['~0~1/', '/a~~//b~', '~1'];
  const escaped = ['~00~01~1', '~1a~0~0~1~1b~0', '~01'];
  const tags = {};
  let inner = tags;
  for (const name of names) inner = inner[name] = {};
  inner.back = tags;
  assert.equal(
    validate(request({ Tags: tags })).errors[0].message,
    `The request could not be read as JSON (it is circular: /Tags/${escaped.join('/')}/back refers back to /Tags); pass a plain object or a JSON string.`,
  );
  // A getter's TypeError sends the request to findCycle, which escapes every
  // name it walks: a long one is returned as it is (it took 708 MB and 3 s
  // for 20 million units when built unit by unit; see docs/performance.md).
  const long = request({});
  Object.defineProperty(long, 'Name', {
    enumerable: true,
    get() {
      throw new TypeError('the getter says no');
    },
  });
  long['k'.repeat(4_000_000)] = 1;
  const [error] = validate(long).errors;
  assert.equal(error.code, 'input/not-serializable');
  assert.match(error.message, /\(the getter says no\)/);
});

test('options whose getters answer differently on each read leave no kept options that a later call would use', () => {
  const instance = freshInstance();
  const update = { TaskArn: TASK_ARN, Tags: [{ Key: 'team', Value: 'data' }] };
  const tagsRefused = ['/Tags request/unknown-member'];
  const codes = (result) => result.errors.map((d) => `${d.path} ${d.code}`);
  assert.deepEqual(codes(instance.validate(update, { operation: 'UpdateTask' })), tagsRefused);
  // A getter that says CreateTask, then UpdateTask, then StartTaskExecution on later reads.
  let reads = 0;
  const shifty = { get operation() { reads += 1; return ['CreateTask', 'UpdateTask', 'StartTaskExecution'][Math.min(reads, 3) - 1]; } };
  instance.validate({}, shifty);
  // The same with a Proxy, on the task's mode.
  let modeReads = 0;
  const task = new Proxy({ TaskArn: TASK_ARN, TaskMode: 'BASIC' }, {
    get(target, key) { if (key === 'TaskMode') { modeReads += 1; return modeReads % 2 ? 'BASIC' : 'ENHANCED'; } return target[key]; },
  });
  const run = { TaskArn: TASK_ARN, OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  instance.validate(run, { operation: 'StartTaskExecution', task });
  // Plain options are judged by what they say, on every call after those.
  for (let i = 0; i < 2; i += 1) {
    assert.deepEqual(codes(instance.validate(update, { operation: 'UpdateTask' })), tagsRefused);
    assert.deepEqual(codes(instance.validate(run, { operation: 'StartTaskExecution', task: { TaskArn: TASK_ARN, TaskMode: 'BASIC' } })), []);
    assert.deepEqual(codes(instance.validate(run, { operation: 'StartTaskExecution', task: { TaskArn: TASK_ARN, TaskMode: 'ENHANCED' } })),
      ['/OverrideOptions/VerifyMode options/enhanced-point-in-time']);
  }
  assertStillValidates(instance);
});

test('a getter that calls validate() with other options does not make the outer call use those', () => {
  const instance = freshInstance();
  const update = { TaskArn: TASK_ARN, Tags: [{ Key: 'team', Value: 'data' }] };
  const codes = (result) => result.errors.map((d) => `${d.path} ${d.code}`);
  assert.deepEqual(codes(instance.validate(update, { operation: 'UpdateTask' })), ['/Tags request/unknown-member']);
  // Reads like the options kept from the call above, but stores others while it is read.
  const reentrant = { get operation() { instance.validate('{}', { operation: 'StartTaskExecution' }); return 'UpdateTask'; } };
  assert.deepEqual(codes(instance.validate(update, reentrant)), ['/Tags request/unknown-member']);
  assert.deepEqual(codes(instance.validate(update, { operation: 'UpdateTask' })), ['/Tags request/unknown-member']);
});

test('a toJSON or getter that throws a hostile value (a Proxy whose traps throw, a TypeError whose message throws) gets a diagnostic, not an exception', () => {
  const instance = freshInstance();
  const trapped = new Proxy({}, {
    getPrototypeOf() { throw new Error('getPrototypeOf'); },
    get() { throw new Error('get'); },
  });
  class Unreadable extends TypeError {
    get message() { throw new Error('message'); }
  }
  for (const thrown of [trapped, new Unreadable(), Symbol('thrown'), undefined]) {
    const input = request({ Options: { toJSON() { throw thrown; } } });
    const result = instance.validate(input);
    assert.deepEqual(result.errors.map((d) => d.code), ['input/not-serializable']);
    assert.throws(() => instance.applyDefaults(input), (error) => error instanceof TypeError && /^applyDefaults: /.test(error.message));
  }
  assertStillValidates(instance);
});

test('options that cannot be read are a short TypeError on one line, whatever was thrown while reading them', () => {
  const instance = freshInstance();
  const cyclic = { TaskArn: TASK_ARN };
  cyclic.Self = cyclic;
  const huge = { get operation() { throw new Error(`${'y'.repeat(5_000_000)}\nsecond line`); } };
  for (const options of [{ operation: 'UpdateTask', task: cyclic }, huge]) {
    for (const call of [() => instance.validate({}, options), () => instance.applyDefaults({}, options), () => instance.fields(options)]) {
      assert.throws(call, (error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /^(validate|applyDefaults|fields): options could not be read as JSON \(/);
        assert.doesNotMatch(error.message, /\n/);
        assert.ok(error.message.length < 200, `${error.message.length} characters`);
        return true;
      });
    }
  }
  assertStillValidates(instance);
});

test('applyDefaults(object) and validate(x, options) with the JS stack nearly full: at every depth the answer given at normal depth, or the engine\'s RangeError, never "nests too deeply" or "options could not be read"', () => {
  // The core reads JSON.stringify running out of stack as a request nested
  // too deeply, or as options that cannot be read: true of a deep object,
  // not of a shallow one called with little stack left, which the wrapper
  // tells apart (by the TypeError's cause, what JSON.stringify threw).
  // Every call is made at every depth on the way back from a full stack
  // (twice over), and each answer and
  // error is kept to be compared afterwards, at normal depth.
  const instance = freshNodeInstance();
  const options = { operation: 'CreateTask' };
  for (const request of [
    { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'NONE' } },
    { SourceLocationArn: SOURCE, Options: { BytesPerSecond: 2n ** 60n } },
  ]) {
    // Its JSON text, a BigInt as its digits.
    const text = JSON.stringify(request, (_key, value) => (typeof value === 'bigint' ? `@${value}@` : value)).replace(/"@(\d+)@"/g, '$1');
    const calls = {
      applyDefaults: () => instance.applyDefaults(request),
      'validate(object, options)': () => instance.validate(request, options),
      'validate(text, options)': () => instance.validate(text, options),
    };
    const names = Object.keys(calls);
    const answers = names.map(() => []);
    const thrown = names.map(() => []);
    const dive = () => {
      try {
        dive();
      } catch {
        // the stack ran out below
      }
      for (let index = 0; index < names.length; index += 1) {
        try {
          answers[index].push(calls[names[index]]());
        } catch (error) {
          thrown[index].push(error);
        }
      }
    };
    dive();
    dive();
    names.forEach((name, index) => {
      const expected = calls[name]();
      assert.ok(answers[index].length > 0, `${name} answered`);
      for (const answer of answers[index]) assert.deepEqual(answer, expected, `${name}: an answer given with the stack nearly full`);
      for (const error of thrown[index]) {
        const cause = error?.cause === undefined ? 'none' : `${error.cause?.constructor?.name}: ${error.cause?.message}`;
        assert.equal(`${error?.constructor?.name}: ${error?.message}`, 'RangeError: Maximum call stack size exceeded', `${name}: what it threw (its cause: ${cause})`);
      }
    });
  }
  // A deep object is what the core says, at normal depth, with what
  // JSON.stringify threw as the TypeError's cause.
  let deep = {};
  for (let depth = 0; depth < 100_000; depth += 1) deep = { Options: deep };
  for (const [call, message] of [
    [() => instance.applyDefaults({ SourceLocationArn: SOURCE, Tags: deep }), 'applyDefaults: JSON.stringify ran out of stack on the request: it nests objects or arrays far deeper than any CreateTask request, or a getter or toJSON in it calls itself.'],
    [() => instance.validate({}, { task: deep }), 'validate: options could not be read as JSON (Maximum call stack size exceeded).'],
    [() => instance.applyDefaults({}, { task: deep }), 'applyDefaults: options could not be read as JSON (Maximum call stack size exceeded).'],
  ]) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError);
      assert.equal(error.message, message);
      assert.ok(error.cause instanceof RangeError, String(error.cause));
      return true;
    });
  }
});

test('validate(x, cyclic options) and applyDefaults(x, cyclic options) at every depth near a full stack: the TypeError given at normal depth, or the engine\'s RangeError', () => {
  // The wrapper's own error path (unexpected) may run out of stack too: it
  // then threw the core's reading of the stack run out ("options could not
  // be read as JSON (Maximum call stack size exceeded)"), which is not what
  // the options are. A small frame, one depth after another below the
  // deepest (the hunt's sweep: 9 depths of 7,000 failed).
  const instance = freshNodeInstance();
  const options = {};
  options.self = options;
  const request = example('many-problems');
  const calls = {
    'validate(object)': () => instance.validate(request, options),
    'validate(text)': () => instance.validate(JSON.stringify(request), options),
    applyDefaults: () => instance.applyDefaults(request, options),
  };
  const deep = (depth, call) => (depth === 0 ? call() : deep(depth - 1, call));
  let deepest = 1_000;
  for (;;) {
    try {
      deep(deepest * 2, () => 0);
      deepest *= 2;
    } catch {
      break;
    }
  }
  for (let step = deepest >> 1; step > 0; step >>= 1) {
    try {
      deep(deepest + step, () => 0);
      deepest += step;
    } catch {
      // beyond
    }
  }
  for (const [name, call] of Object.entries(calls)) {
    const what = (error) => `${error?.constructor?.name}: ${error?.message}`;
    let expected;
    try {
      call();
    } catch (error) {
      expected = what(error);
    }
    assert.match(expected, /^TypeError: (validate|applyDefaults): options could not be read as JSON \(Converting circular/, name);
    const seen = new Set();
    for (let depth = Math.max(0, deepest - 8_000); depth <= deepest; depth += 1) {
      try {
        deep(depth, () => {
          try {
            call();
            seen.add('returned');
          } catch (error) {
            seen.add(what(error));
          }
        });
      } catch {
        // out of stack before the call
      }
    }
    seen.delete('RangeError: Maximum call stack size exceeded');
    assert.deepEqual([...seen], [expected], name);
  }
});

test('the error paths that used regular expressions, run first with the JS stack nearly full: the answer given at normal depth or a RangeError, never an abort', () => {
  // Node.js 20 aborted the process (RegExpCompiler allocation failed) when
  // V8 compiled a regular expression for its first use with the stack nearly
  // full. The error paths that used one (segment: a cycle named by its path;
  // memberAt and nameNonFiniteNumbers: a NaN named; returnedByCore: the
  // core's TypeError for a number; hasLoneSurrogate without
  // String.prototype.isWellFormed) now search without: each is first run at
  // every depth in a child Node.js of its own, from the deepest up, until
  // one call answers, and that answer is compared with the one given then
  // at normal depth.
  const CALLS = {
    segment: ['', 'const a = {}; a["x/~"] = a; return validate({ SourceLocationArn: SOURCE, Tags: a }).errors[0].message;'],
    nameNonFiniteNumbers: ['', 'return validate({ SourceLocationArn: SOURCE, Options: { BytesPerSecond: NaN } }).errors[1].message;'],
    returnedByCore: ['', 'try { applyDefaults(5); } catch (error) { if (error instanceof RangeError) throw error; return error.message; }'],
    hasLoneSurrogate: ['delete String.prototype.isWellFormed;', 'return JSON.stringify(validate(`{"SourceLocationArn":"${SOURCE}","Name":"\\ud800"}`).errors[1]);'],
  };
  const ANSWERS = {
    segment: /circular: \/Tags\/x~1~0 refers back to \/Tags/,
    nameNonFiniteNumbers: /it is NaN, which is not a finite number/,
    returnedByCore: /^applyDefaults: /,
    hasLoneSurrogate: /"path":"\/Name"/,
  };
  for (const [name, [setup, body]] of Object.entries(CALLS)) {
    const script = `
      ${setup}
      const { validate, applyDefaults } = require(${JSON.stringify(`${pkgDir}/node/index.cjs`)});
      const SOURCE = ${JSON.stringify(SOURCE)};
      const call = () => { ${body} };
      let answer;
      const others = [];
      const dive = () => {
        try { dive(); } catch {}
        if (answer !== undefined) return;
        try { answer = call(); } catch (error) { if (!(error instanceof RangeError)) others.push(String(error)); }
      };
      dive();
      console.log(JSON.stringify({ answer, expected: call(), others }));
    `;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(child.status, 0, `${name}: ${child.signal ?? ''} ${child.stderr.slice(0, 500)}`);
    const { answer, expected, others } = JSON.parse(child.stdout);
    assert.match(expected, ANSWERS[name], name);
    assert.equal(answer, expected, name);
    assert.deepEqual(others, [], name);
  }
});
