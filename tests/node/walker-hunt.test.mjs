// A hunt for hostile objects on which the object walker (js/text-path.mjs,
// between the `<generated: walker>` markers; read by src/walked.rs) differs
// from JSON.stringify (issue 16): the report must be the one validate()
// gives the request's JSON text, every getter, toJSON and Proxy trap must
// run as often as JSON.stringify runs it, and no call may leave state
// behind for the next one. object-path-hostile.test.mjs and
// object-path-generated.test.mjs cover the shapes they list; these are the
// cases they miss: arrays longer than their list allows, validate() called
// from what toJSON returned or from a replaced encodeInto, strings beyond
// the input buffer's limit, built-ins replaced while the walker reads,
// getPrototypeOf traps, options changed by a getter, cycles back to an
// ancestor, exceptions thrown while the wrapper writes a toJSON result or a
// request that is not plain, the walk at its most words, the web build.
// Tests that fail are findings for the walker's owner (see the commit log).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DESTINATION, SOURCE, repoRoot, requireBuiltPackage, runPage, serveStatic } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');
// The raw wasm-bindgen glue: reportUnserializable(thrown, options) is the report for what JSON.stringify threw.
const glue = createRequire(import.meta.url)('../../pkg/node/datasync_task_validator.cjs');
const { createValidate } = createRequire(import.meta.url)('../../pkg/node/text-path.cjs');

const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });
const CLEAN = { valid: true, errors: [], warnings: [] };
const codes = (report) => report.errors.concat(report.warnings).map((d) => `${d.path} ${d.code}`);

/** Counts calls by name: `hit(name)` records one, `counts` holds them. */
function counter() {
  const counts = {};
  return { counts, hit: (name) => void (counts[name] = (counts[name] ?? 0) + 1) };
}

/**
 * `make(hit)` builds the object afresh. Asserts that validate(object) is
 * validate(JSON.stringify(object)) for an object made alike, that each
 * counted getter, toJSON and trap ran as often as under JSON.stringify, and
 * that ordinary requests are judged right afterwards.
 */
function agrees(make, options) {
  const reference = counter();
  const expected = validate(JSON.stringify(make(reference.hit)), options);
  const seen = counter();
  const report = validate(make(seen.hit), options);
  assert.equal(JSON.stringify(report), JSON.stringify(expected), 'the report of the JSON text');
  assert.deepEqual(seen.counts, reference.counts, 'getters, toJSON and traps run as often as JSON.stringify runs them');
  assertUnharmed();
}

/** Ordinary requests after a hostile one: the right reports, as objects and as text. */
function assertUnharmed() {
  assert.deepEqual(validate(request({})), CLEAN);
  const tagged = request({ Name: 'bad<name>', Tags: [{ Key: 'team', Value: 'data' }] });
  assert.deepEqual(codes(validate(tagged)), ['/Name value/pattern-mismatch']);
  assert.deepEqual(validate(tagged), validate(JSON.stringify(tagged)));
  const update = { TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0', Name: 'n' };
  assert.deepEqual(validate(update, { operation: 'UpdateTask' }), CLEAN);
}

/** `array` with a counted toJSON getter (not enumerable, as JSON.stringify reads it) answering `answer(run)`. */
function withToJSONGetter(array, hit, answer = () => undefined) {
  let runs = 0;
  return Object.defineProperty(array, 'toJSON', {
    get() {
      hit('toJSON getter');
      runs += 1;
      return answer(runs);
    },
  });
}

const rules = (count) => Array.from({ length: count }, (_, i) => ({ FilterType: 'SIMPLE_PATTERN', Value: `/dir${i}` }));
const tags = (count) => Array.from({ length: count }, (_, i) => ({ Key: `key${i}`, Value: 'v' }));

test('a list longer than its most items: the array\'s toJSON is read once, as JSON.stringify reads it', () => {
  // items() in js/text-path.mjs reads toJSON and length, gives up on a list
  // longer than max_items without saying so (replaced stays NONE), and raw()
  // then has JSON.stringify read toJSON (and length) again.
  agrees((hit) => request({ Excludes: withToJSONGetter(rules(2), hit) }));
  agrees((hit) => request({ Includes: withToJSONGetter(rules(3), hit) }));
  agrees((hit) => request({ Tags: withToJSONGetter(tags(51), hit) }));
});

test('a list longer than its most items whose toJSON answers differently on a second read: the first answer is the one judged', () => {
  // JSON.stringify reads toJSON once: undefined, so the array is written
  // and Excludes has too many rules. The walker's second read gets a
  // function and judges what it returns (a string) instead.
  const make = (hit) => request({ Excludes: withToJSONGetter(rules(2), hit, (run) => (run === 1 ? undefined : () => 'changed')) });
  const report = validate(make(() => {}));
  assert.deepEqual(codes(report), ['/Excludes list/too-many-items']);
  agrees(make);
});

test('a Proxy of a list longer than its most items: its get traps run as often as under JSON.stringify', () => {
  const counted = (target, hit) => new Proxy(target, { get: (t, key, receiver) => (hit(`get ${String(key)}`), Reflect.get(t, key, receiver)) });
  agrees((hit) => request({ Tags: counted(tags(60), hit) }));
  agrees((hit) => request({ Excludes: counted(rules(2), hit) }));
  agrees((hit) => ({ TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0', Includes: counted(rules(2), hit) }), { operation: 'StartTaskExecution' });
});

test('validate() called from what a request\'s toJSON returned, whose walk throws: the outer call keeps its own options', () => {
  // walked() sets `stored` (whether the options kept in wasm are this
  // call's) and leaves it set when the walk throws; an outer call whose
  // toJSON result is being written by JSON.stringify then takes the inner
  // call's options as its own.
  const throwing = { get TaskArn() { throw new Error('the inner getter threw'); } };
  let inner;
  const outer = {
    toJSON() {
      return {
        ...request({}),
        get Name() {
          inner = validate(throwing, { operation: 'StartTaskExecution' });
          return 'n';
        },
      };
    },
  };
  assert.deepEqual(validate(outer), CLEAN);
  assert.deepEqual(codes(inner), [' input/not-serializable']);
  assertUnharmed();
});

test('validate() called from what a request\'s toJSON returned, with other options and a throwing toJSON: each call its own options', () => {
  const outer = {
    toJSON() {
      return {
        TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0',
        get Name() {
          validate({ toJSON() { throw new Error('inner toJSON threw'); } }, { operation: 'CreateTask' });
          return 'n';
        },
      };
    },
  };
  assert.deepEqual(validate(outer, { operation: 'UpdateTask' }), CLEAN);
  assertUnharmed();
});

test('strings beyond the input buffer\'s limit: getters still run once (the walk is not followed by JSON.stringify)', () => {
  // walked() gives up after the walk when the strings cannot be encoded
  // into the input buffer (more than 4 MiB at worst), and the text path
  // then runs JSON.stringify over the object again.
  const long = `/${'€'.repeat(1_500_000)}`;
  agrees((hit) => {
    const object = request({ Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: long }] });
    return Object.defineProperty(object, 'Name', { enumerable: true, get: () => (hit('getter Name'), 'n') });
  });
  agrees((hit) => request({ Name: 'n', Excludes: [{ FilterType: 'SIMPLE_PATTERN', get Value() { hit('getter Value'); return long; } }] }));
});

/**
 * Asserts that a request whose Name getter replaces `owner[name]` with
 * `replacement(original)` (as a polyfill loaded late, or hostile code,
 * might) gets the report of the JSON text JSON.stringify writes of it,
 * JSON.stringify itself untouched by the replacement, and that ordinary
 * requests are judged right once it is put back. The walker looks these
 * built-ins up while it reads, so what it reads follows the replacement.
 */
function agreesWhileReplaced(owner, name, replacement, extra) {
  const original = owner[name];
  // Name first: the walker meets the replacement in every member after it.
  const make = () =>
    Object.assign(
      Object.defineProperty({}, 'Name', {
        enumerable: true,
        get() {
          owner[name] = replacement(original);
          return 'n';
        },
      }),
      request(extra),
    );
  let text;
  try {
    text = JSON.stringify(make());
  } finally {
    owner[name] = original;
  }
  const expected = validate(text);
  let report;
  try {
    report = validate(make());
  } finally {
    owner[name] = original;
  }
  assert.equal(JSON.stringify(report), JSON.stringify(expected));
  assertUnharmed();
}

test('String.prototype.isWellFormed replaced mid-walk: a lone surrogate is still reported', () => {
  // str() asks v.isWellFormed(); told true, it hands the string to
  // encodeInto, which writes U+FFFD for the lone surrogate.
  agreesWhileReplaced(String.prototype, 'isWellFormed', () => function isWellFormed() { return true; }, {
    Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a\ud800b' }],
  });
});

test('Array.isArray replaced mid-walk: arrays and objects are still told apart as JSON.stringify tells them', () => {
  // items() and each structure's walker ask Array.isArray; JSON.stringify asks the engine.
  agreesWhileReplaced(Array, 'isArray', () => () => false, { Tags: [{ Key: 'k', Value: 'v' }] });
  agreesWhileReplaced(Array, 'isArray', () => () => true, { Options: { Atime: 'NONE' } });
});

test('Object.keys replaced mid-walk: the members are still the ones JSON.stringify lists', () => {
  agreesWhileReplaced(Object, 'keys', () => () => { throw new Error('Object.keys was replaced'); }, { Options: { Atime: 'NONE' } });
  agreesWhileReplaced(Object, 'keys', () => () => ['Atime', 'Mtime'], { Options: { Atime: 'NONE' }, Tags: [{ Key: 'k' }] });
});

test('Map.prototype.get replaced mid-walk: members out of the model\'s order are still found', () => {
  // A key out of the expected order is looked up in a Map; a get that
  // answers 0 makes each such member the structure's first.
  agreesWhileReplaced(Map.prototype, 'get', () => function get() { return 0; }, { Tags: [{ Value: 'v', Key: 'k' }] });
});

test('JSON.stringify replaced mid-walk: members the walker writes as JSON text are still JSON.stringify\'s', () => {
  agreesWhileReplaced(JSON, 'stringify', (original) => (value, ...rest) => original(value, ...rest)?.replace('Bogus', 'Mtime'), {
    Options: { Atime: 'NONE', Bogus: 'NONE' },
  });
});

test('built-ins replaced mid-walk that the walker does not depend on: the same report', () => {
  agreesWhileReplaced(Object, 'getPrototypeOf', () => () => Array.prototype, { Options: { Atime: 'NONE' } });
  agreesWhileReplaced(Array.prototype, Symbol.iterator, () => function* nothing() {}, { Options: { Atime: 'NONE' } });
  agreesWhileReplaced(globalThis, 'String', () => () => 'x', { Tags: [{ toJSON: (key) => ({ Key: `k${key}` }) }] });
  agreesWhileReplaced(Function.prototype, 'call', () => () => ({ Key: 'called' }), { Tags: [{ toJSON: (key) => ({ Key: `k${key}` }) }] });
  agreesWhileReplaced(Number, 'isSafeInteger', () => () => false, { Options: { BytesPerSecond: 1048576 } });
});

test('a Proxy\'s getPrototypeOf trap runs once for each object the walker reads as a structure (documented; JSON.stringify runs none), and the report is the text\'s', () => {
  // Each structure's walker asks Object.getPrototypeOf of every object it
  // reads as a structure, to tell a boxed primitive (written by JSON.stringify as the
  // primitive) from an object written from its members. Only a Proxy can
  // notice, and a Proxy is never a boxed primitive, but no check without a
  // trap tells one apart short of throwing an exception per object, which
  // costs more than the whole walk. Decided: the trap runs once per object,
  // nothing else differs (js/text-path.mjs notPlain, README "Requests as objects").
  const counted = (target, hit) => new Proxy(target, { getPrototypeOf: (t) => (hit('getPrototypeOf'), Reflect.getPrototypeOf(t)) });
  for (const make of [
    (hit) => counted(request({ Name: 'n' }), hit),
    (hit) => request({ Options: counted({ Atime: 'NONE', Mtime: 'NONE' }, hit) }),
    (hit) => request({ Tags: [counted({ Key: 'k', Value: 'v' }, hit)] }),
  ]) {
    const reference = counter();
    const expected = validate(JSON.stringify(make(reference.hit)));
    assert.deepEqual(reference.counts, {}, 'JSON.stringify runs no getPrototypeOf trap');
    const seen = counter();
    assert.equal(JSON.stringify(validate(make(seen.hit))), JSON.stringify(expected));
    assert.deepEqual(seen.counts, { getPrototypeOf: 1 });
  }
  assertUnharmed();
});

test('words the core refuses after the walk (Number.isSafeInteger replaced mid-walk): getters still run once', () => {
  // The walker wrote 1.5 as an integer; the core answers 1 (words it
  // cannot read) and walked() gives up to the text path, which runs
  // JSON.stringify over the object again.
  const original = Number.isSafeInteger;
  const make = (hit) =>
    Object.assign(
      Object.defineProperty({}, 'Name', {
        enumerable: true,
        get() {
          hit('getter Name');
          Number.isSafeInteger = () => true;
          return 'n';
        },
      }),
      request({ Options: { BytesPerSecond: 1.5 } }),
    );
  const reference = counter();
  let expected;
  try {
    expected = validate(JSON.stringify(make(reference.hit)));
  } finally {
    Number.isSafeInteger = original;
  }
  const seen = counter();
  let report;
  try {
    report = validate(make(seen.hit));
  } finally {
    Number.isSafeInteger = original;
  }
  assert.equal(JSON.stringify(report), JSON.stringify(expected));
  assert.deepEqual(seen.counts, reference.counts);
  assertUnharmed();
});

test('Date.now, which the core calls while it judges the walked record, replaced mid-walk: re-entering, growing memory or throwing, the text\'s report', () => {
  // A cron Schedule makes the core ask the JS clock from inside validateWalked.
  const now = Date.now;
  const schedule = { ScheduleExpression: 'cron(0 12 * * ? *)' };
  const big = JSON.stringify(request({ Name: 'a'.repeat(3_000_000) }));
  const clocks = [
    () => { validate(request({ Name: 'x<', Tags: [{ Key: 'k' }] })); return now(); },
    () => { validate({ TaskArn: 'x' }, { operation: 'UpdateTask' }); return now(); },
    () => { validate(big); return now(); },
    () => { throw new Error('no clock'); },
    () => NaN,
  ];
  for (const clock of clocks) {
    for (const options of [undefined, { operation: 'CreateTask' }]) {
      const make = () =>
        Object.assign(
          Object.defineProperty({}, 'Name', { enumerable: true, get() { Date.now = clock; return 'né'; } }),
          request({ Schedule: schedule, Tags: [{ Key: 'aws:a' }] }),
        );
      let expected;
      try {
        expected = validate(JSON.stringify(make()), options);
      } finally {
        Date.now = now;
      }
      let report;
      try {
        report = validate(make(), options);
      } finally {
        Date.now = now;
      }
      assert.equal(JSON.stringify(report), JSON.stringify(expected), String(clock));
      assertUnharmed();
    }
  }
});

/**
 * Asserts that validate(make()) returns (never throws) the report of what
 * JSON.stringify throws on an object made alike: input/not-serializable with
 * the thrown message (json/too-deep for a stack that ran out), as the
 * README documents and as validate() did before the walker.
 */
function reportsWhatStringifyThrew(make, options) {
  let thrown;
  try {
    JSON.stringify(make());
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown !== undefined, 'JSON.stringify throws on it');
  let report;
  assert.doesNotThrow(() => {
    report = validate(make(), options);
  }, 'validate() returns a report, it does not throw');
  if (thrown instanceof TypeError && /circular/i.test(thrown.message)) {
    // The wrapper names the cycle by its path when it can (explain() in js/text-path.mjs).
    assert.deepEqual(codes(report), [' input/not-serializable']);
  } else {
    assert.equal(JSON.stringify(report), JSON.stringify(glue.reportUnserializable(thrown, options)));
  }
  assertUnharmed();
}

test('what a request\'s toJSON returned, written after the walk: a getter that throws is reported, not thrown', () => {
  // walked() writes the toJSON result with valueText() after its try/catch:
  // what JSON.stringify throws there escapes validate().
  reportsWhatStringifyThrew(() => ({ toJSON: () => ({ ...request({}), get Name() { throw new Error('the getter threw'); } }) }));
  reportsWhatStringifyThrew(() => ({ toJSON: () => ({ ...request({}), get Name() { throw new Error('the getter threw'); } }) }), { operation: 'CreateTask' });
});

test('what a request\'s toJSON returned, written after the walk: a cycle or too deep a structure is reported, not thrown', () => {
  reportsWhatStringifyThrew(() => ({ toJSON() { const o = request({}); o.Self = o; return o; } }));
  reportsWhatStringifyThrew(() => ({
    toJSON() {
      const root = request({});
      let at = root;
      for (let i = 0; i < 100_000; i += 1) at = at.Deeper = {};
      return root;
    },
  }));
});

test('a request that is not a plain object (array, class instance), written after the walk: a throwing getter or a cycle is reported, not thrown', () => {
  class Request {}
  const instance = (extra) => Object.assign(new Request(), request(extra));
  reportsWhatStringifyThrew(() => Object.defineProperty(instance({}), 'Name', { enumerable: true, get() { throw new Error('the getter threw'); } }));
  reportsWhatStringifyThrew(() => { const r = instance({}); r.Self = r; return r; });
  reportsWhatStringifyThrew(() => [{ get Name() { throw new Error('the getter threw'); } }]);
  reportsWhatStringifyThrew(() => { const a = []; a.push(a); return a; });
});

test('malformed options: their getters run as often as when the request is text (the walk\'s failed reading is not repeated)', () => {
  // walked() stores the options (storedAre), which throws for an unknown
  // operation; it gives up, and the text path reads them all again.
  for (const operation of ['Nope', 5]) {
    const make = (hit) => ({ get operation() { hit('getter operation'); return operation; } });
    const asText = counter();
    const asObject = counter();
    assert.throws(() => validate(JSON.stringify(request({})), make(asText.hit)), TypeError);
    assert.throws(() => validate(request({}), make(asObject.hit)), TypeError);
    assert.deepEqual(asObject.counts, asText.counts);
  }
  assertUnharmed();
});

test('the walk at its most words (every member, every list full, members written as JSON text before, between and after all of them, every string a safe integer): read, and the text\'s report', () => {
  // WALK_WORDS is the size of the walker's buffer and of the words in
  // wasm memory; a walk that wrote more would be cut short silently.
  let count = -1;
  const counting = createValidate({ ...glue, validateWalked: (...args) => ((count = args[0]), glue.validateWalked(...args)) });
  /** An object of `entries` with an unknown member before, between and after them. */
  const interleaved = (entries) => {
    const object = { x0: 1 };
    entries.forEach(([key, value], i) => Object.assign(object, { [key]: value, [`x${i + 1}`]: 1 }));
    return object;
  };
  const rule = () => interleaved([['FilterType', 'SIMPLE_PATTERN'], ['Value', '/a']]);
  const role = 'arn:aws:iam::111122223333:role/r';
  const level = () => interleaved([['ReportLevel', 'ERRORS_ONLY']]);
  const options = interleaved(Object.entries({
    VerifyMode: 'NONE', OverwriteMode: 'ALWAYS', Atime: 'NONE', Mtime: 'NONE', Uid: 'NONE', Gid: 'NONE', PreserveDeletedFiles: 'PRESERVE', PreserveDevices: 'NONE',
    PosixPermissions: 'NONE', BytesPerSecond: 1, TaskQueueing: 'ENABLED', LogLevel: 'OFF', TransferMode: 'CHANGED', SecurityDescriptorCopyFlags: 'NONE', ObjectTags: 'NONE', ObjectMetadata: 'NONE',
  }));
  const fullest = interleaved([
    ['SourceLocationArn', SOURCE], ['DestinationLocationArn', DESTINATION], ['CloudWatchLogGroupArn', 'arn:aws:logs:us-east-1:111122223333:log-group:g'], ['Name', 'n'],
    ['Options', options], ['Excludes', [rule()]], ['Schedule', interleaved([['ScheduleExpression', 'rate(1 hour)'], ['Status', 'ENABLED']])],
    ['Tags', Array.from({ length: 50 }, (_, i) => interleaved([['Key', `k${i}`], ['Value', 'v']]))], ['Includes', [rule()]],
    ['ManifestConfig', interleaved([['Action', 'TRANSFER'], ['Format', 'CSV'], ['Source', interleaved([['S3', interleaved([
      ['ManifestObjectPath', 'm'], ['BucketAccessRoleArn', role], ['S3BucketArn', 'arn:aws:s3:::b'], ['ManifestObjectVersionId', 'v'],
    ])]])]])],
    ['TaskReportConfig', interleaved([
      ['Destination', interleaved([['S3', interleaved([['Subdirectory', 'a'], ['S3BucketArn', 'arn:aws:s3:::b'], ['BucketAccessRoleArn', role]])]])],
      ['OutputType', 'STANDARD'], ['ReportLevel', 'ERRORS_ONLY'], ['ObjectVersionIds', 'NONE'],
      ['Overrides', interleaved([['Transferred', level()], ['Verified', level()], ['Deleted', level()], ['Skipped', level()]])],
    ])],
    ['TaskMode', 'BASIC'],
  ]);
  // Every string a safe integer: a mark, the member's word and the value.
  const integers = (value) => {
    if (typeof value === 'string') return 1;
    if (Array.isArray(value)) return value.map(integers);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, integers(member)]));
  };
  const wrong = counting(integers(fullest));
  const most = Number(/const WALK_WORDS = (\d+);/.exec(readFileSync(new URL('../../js/text-path.mjs', import.meta.url), 'utf8'))[1]);
  assert.equal(count, most, 'the words the walker wrote: all of WALK_WORDS');
  assert.equal(JSON.stringify(wrong), JSON.stringify(validate(JSON.stringify(integers(fullest)))));
  const report = counting(fullest);
  assert.ok(count < most, 'valid values take fewer words');
  assert.equal(JSON.stringify(report), JSON.stringify(validate(JSON.stringify(fullest))));
  assert.ok(report.errors.some((d) => d.code === 'request/unknown-member'));
  assertUnharmed();
});

test('the web build in Chromium (tests/browser/walker-hunt.html): the same findings', async () => {
  const server = await serveStatic(repoRoot);
  let page;
  try {
    page = await runPage(`${server.url}tests/browser/walker-hunt.html`, { timeoutMs: 60_000 });
  } finally {
    server.close();
  }
  const { results } = page;
  assert.equal(results.error, undefined, results.error);
  assert.deepEqual(results.ordinarySame, [true, true, true]);
  assert.deepEqual(results.afterAll, ['/Name value/pattern-mismatch']);
  assert.deepEqual(
    { longListToJSONRuns: results.longListToJSONRuns, toJSONResultThrows: results.toJSONResultThrows, outerAfterInner: results.outerAfterInner },
    { longListToJSONRuns: 1, toJSONResultThrows: [' input/not-serializable'], outerAfterInner: [] },
  );
});

test('a getter of the request that changes the options object: an object is judged with the options as they were before the request was read (documented; the text path reads them after), and the next call with them sees the change', () => {
  // walked() reads (and stores) the options before it walks the request,
  // to choose the operation's walker; the text path reads them after
  // JSON.stringify has read the request. Reading them again after the walk
  // would run their getters twice. Decided: the options as read first
  // (js/text-path.mjs walked, README "Requests as objects").
  const make = (options, change) => Object.defineProperty(request({ Options: { Uid: 'INT_VALUE' } }), 'Name', { enumerable: true, get() { change(options); return 'n'; } });
  const toUpdateTask = (options) => { options.operation = 'UpdateTask'; };
  const asText = { operation: 'CreateTask' };
  const changedAsText = validate(JSON.stringify(make(asText, toUpdateTask)), asText);
  assert.deepEqual(codes(changedAsText), ['/DestinationLocationArn request/unknown-member', '/SourceLocationArn request/unknown-member', '/TaskArn request/missing-member']);
  const plain = JSON.stringify(request({ Name: 'n', Options: { Uid: 'INT_VALUE' } }));
  const asCreateTask = validate(plain, { operation: 'CreateTask' });
  assert.deepEqual(asCreateTask, CLEAN);
  const asObject = { operation: 'CreateTask' };
  assert.equal(JSON.stringify(validate(make(asObject, toUpdateTask), asObject)), JSON.stringify(asCreateTask));
  // The options now say UpdateTask: the next call reads them afresh.
  assert.equal(JSON.stringify(validate(JSON.parse(plain), asObject)), JSON.stringify(changedAsText));
  // Options made malformed by the getter: judged with the options read first; the next call throws the TypeError.
  const toNope = (options) => { options.operation = 'Nope'; };
  const malformed = { operation: 'CreateTask' };
  assert.deepEqual(validate(make(malformed, toNope), malformed), CLEAN);
  assert.throws(() => validate(JSON.parse(plain), malformed), TypeError);
  assertUnharmed();
});

test('validate() called from TextEncoder.prototype.encodeInto (replaced by a getter) after the walk: the outer call is judged on its own words', () => {
  // walked() copies the walker's module-level words (WALK_BUFFER) into wasm
  // memory after encoding the strings with encodeInto; an inner call made
  // from a replaced encodeInto walks its own request into the same buffer
  // first, and the outer request is judged on the inner one's words: here a
  // clean request gets a pattern-mismatch on a garbled ARN.
  const original = TextEncoder.prototype.encodeInto;
  function reentering(...args) {
    TextEncoder.prototype.encodeInto = original;
    validate(request({ Name: 'n', Options: { Atime: 'NONE', Mtime: 'PRESERVE' } }));
    return Reflect.apply(original, this, args);
  }
  const make = (hit) =>
    Object.assign(
      Object.defineProperty({}, 'Name', {
        enumerable: true,
        get() {
          hit('getter Name');
          TextEncoder.prototype.encodeInto = reentering;
          return 'n';
        },
      }),
      request({ Options: { Atime: 'NONE', Mtime: 'NONE' } }),
    );
  const reference = counter();
  let expected;
  try {
    expected = validate(JSON.stringify(make(reference.hit)));
  } finally {
    TextEncoder.prototype.encodeInto = original;
  }
  assert.deepEqual(expected, CLEAN);
  const seen = counter();
  let report;
  try {
    report = validate(make(seen.hit));
  } finally {
    TextEncoder.prototype.encodeInto = original;
  }
  assert.deepEqual(report, CLEAN);
  assert.deepEqual(seen.counts, reference.counts);
  assertUnharmed();
});

test('the text path too: validate() called from a replaced TextEncoder.prototype.encodeInto after it encoded: the outer text is judged as it is', () => {
  // recordOf() (the text branch, not the walker) encodes into the shared
  // input buffer and sets `busy` only afterwards; an inner call made from
  // encodeInto once it has written overwrites the outer text's bytes: a
  // clean request then gets json/syntax-error.
  const original = TextEncoder.prototype.encodeInto;
  function reentering(...args) {
    TextEncoder.prototype.encodeInto = original;
    const result = Reflect.apply(original, this, args);
    validate(JSON.stringify(request({ Name: 'x<y', Options: { Atime: 'NONE', Mtime: 'PRESERVE' } })));
    return result;
  }
  for (const given of [JSON.stringify(request({ Name: 'abc', Options: { Atime: 'NONE', Mtime: 'NONE' } })), request({ Name: 'abc', Options: { Atime: 'NONE', Mtime: 'NONE' } })]) {
    TextEncoder.prototype.encodeInto = reentering;
    let report;
    try {
      report = validate(given);
    } finally {
      TextEncoder.prototype.encodeInto = original;
    }
    assert.deepEqual(report, CLEAN, typeof given);
  }
  assertUnharmed();
});

test('a cycle back to an object the walker is inside: the getters on the way run once, as JSON.stringify runs them before it finds the cycle', () => {
  // raw() writes an unknown member with JSON.stringify of a holder, which
  // does not know the walker's ancestors: the cycle is found only after the
  // ancestor has been written once more, its getters run again.
  /** A request with a counted getter, and `link(r)` puts a way back to it somewhere. */
  const make = (link) => (hit) => {
    const r = Object.defineProperty(request({}), 'Name', { enumerable: true, get: () => (hit('getter Name'), 'n') });
    link(r);
    return r;
  };
  for (const link of [
    (r) => { r.Bogus = { Back: r }; },
    (r) => { r.Options = { Atime: 'NONE', Back: r }; },
    (r) => { r.Tags = [{ Key: 'k', Back: r }]; },
  ]) {
    const reference = counter();
    let thrown;
    try {
      JSON.stringify(make(link)(reference.hit));
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof TypeError);
    const seen = counter();
    const report = validate(make(link)(seen.hit));
    assert.deepEqual(codes(report), [' input/not-serializable']);
    assert.deepEqual(seen.counts, reference.counts, String(link));
  }
  assertUnharmed();
});

test('a replaced encodeInto that never reports the whole text read: the walker and the text path copy instead of growing the buffer for ever', { timeout: 30_000 }, () => {
  const clean = request({ Name: 'nightly', Tags: [{ Key: 'team', Value: 'data' }] });
  const broken = request({ Name: 'bad<name>', Options: { Atime: 'NONE', Mtime: 'PRESERVE' } });
  const expected = [validate(JSON.stringify(clean)), validate(JSON.stringify(broken))];
  const original = TextEncoder.prototype.encodeInto;
  try {
    TextEncoder.prototype.encodeInto = () => ({ read: 0, written: 0 });
    assert.deepEqual([validate(clean), validate(broken)], expected);
    assert.deepEqual([validate(JSON.stringify(clean)), validate(JSON.stringify(broken))], expected);
  } finally {
    TextEncoder.prototype.encodeInto = original;
  }
  assert.deepEqual([validate(clean), validate(broken)], expected, 'the next ordinary calls');
});

test('a member named toJSON holding an object: its own toJSON is called with the key "toJSON", as JSON.stringify calls it', () => {
  const keysSeen = (call) => {
    const keys = [];
    call(request({ toJSON: { toJSON: (key) => { keys.push(key); return 1; } } }));
    return keys;
  };
  assert.deepEqual(keysSeen((object) => validate(object)), keysSeen((object) => JSON.stringify(object)));
});
