// validate()'s fast input path (js/text-path.mjs: JSON text encoded as UTF-8
// by TextEncoder.encodeInto straight into wasm memory) must report exactly
// what the glue's own validate() reports for the same input, whichever way
// the input arrives.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { FIXTURE_TIME, jsonFiles, request, requireBuiltPackage, seededRandom, withClock } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');
// The wasm-bindgen glue the package wraps: its validate() takes every input the slow way.
const glue = createRequire(import.meta.url)('../../pkg/node/datasync_task_validator.cjs');
const { createValidate } = createRequire(import.meta.url)('../../pkg/node/text-path.cjs');



// Requests as JSON text: every fixture and example, plus text the encoder must get right.
const TEXTS = [
  ...jsonFiles('tests/fixtures/valid'),
  ...jsonFiles('tests/fixtures/invalid'),
  ...jsonFiles('examples'),
  JSON.stringify(request({ Name: 'café ☕ 数据同步 😀' })), // 2-, 3- and 4-byte UTF-8
  JSON.stringify(request({ Name: 'bad\u0000name' })), // escaped NUL
  `\ufeff${JSON.stringify(request({}))}`, // byte-order mark
  '{"Name": "\\ud800"}', // a lone surrogate written as an escape
  '{"Name": "😀\\ud83d"}',
  '',
  '   ',
  '{"SourceLocationArn": ',
  '[1, 2, 3]',
  '"just a string"',
  'null',
  '{"Options": {"BytesPerSecond": 123456789012345678901234567890}}',
];

// Requests as objects.
const OBJECTS = [
  request({}),
  request({ Name: 'café ☕ 😀', Tags: [{ Key: 'ключ', Value: 'значение' }] }),
  request({ Name: 'a\ud800b' }), // a lone surrogate inside a JS string
  request({ Options: { VerifyMode: 'NONE', Atime: 'NONE' }, TaskMode: 'ENHANCED' }),
  request({ Schedule: { ScheduleExpression: 'cron(0 8 * * 3#1)' } }),
  { toJSON: () => request({ Name: 'from toJSON' }) },
  [],
  {},
];

test('text requests: the fast path reports what the glue reports', () => {
  for (const text of TEXTS) {
    // One time for both calls: a never-fires warning quotes it to the second.
    const [report, reference] = withClock(FIXTURE_TIME, () => [validate(text), glue.validate(text)]);
    assert.deepEqual(report, reference, `for ${JSON.stringify(text).slice(0, 80)}`);
  }
});

test('object requests: the fast path reports what the glue reports', () => {
  for (const object of OBJECTS) {
    const [report, reference] = withClock(FIXTURE_TIME, () => [validate(object), glue.validate(object)]);
    assert.deepEqual(report, reference, `for ${JSON.stringify(object)?.slice(0, 80)}`);
  }
});

test('a clean report is a fresh object each time, so callers may change it', () => {
  const first = validate(request({}));
  assert.deepEqual(first, { valid: true, errors: [], warnings: [] });
  first.errors.push('mine');
  assert.deepEqual(validate(request({})), { valid: true, errors: [], warnings: [] });
});

test('the input buffer grows and texts beyond its limit are passed as a copy, with the same results', () => {
  const sizes = [10, 5_000, 400_000, 2_000_000, 10];
  for (const size of sizes) {
    const text = JSON.stringify(request({ Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/${'é'.repeat(size)}` }] }));
    assert.deepEqual(validate(text), glue.validate(text), `filter value of ${size} characters`);
  }
});

/**
 * A validate() of its own (js/text-path.mjs over the package's glue), with the
 * capacities it asked inputBuffer for (so tests see when the buffer grows) and
 * how many texts took the fast path (validateInputPlain without options,
 * validateInput with them) and the copy (validateUtf8).
 */
function instrumentedValidate() {
  const grown = [];
  const calls = { validateInput: 0, validateInputPlain: 0, validateUtf8: 0 };
  const spy = new Proxy(glue, {
    get(target, name) {
      if (name === 'inputBuffer') {
        return (capacity) => {
          grown.push(capacity);
          return target.inputBuffer(capacity);
        };
      }
      if (name in calls) {
        return (...args) => {
          calls[name] += 1;
          return target[name](...args);
        };
      }
      return target[name];
    },
  });
  return { validate: createValidate(spy), grown, calls };
}

test('text is encoded straight into wasm memory: memory growth, shorter texts after longer ones', () => {
  const { validate: ownValidate, grown, calls } = instrumentedValidate();
  const check = (text) => assert.deepEqual(ownValidate(text), glue.validate(text), `for ${text.slice(0, 80)}`);
  check(JSON.stringify(request({ Name: 'x'.repeat(3_000), Tags: [{ Key: 'aws:reserved' }] })));
  assert.equal(grown.length, 1);
  // Shorter, after a longer one: no leftover bytes are read.
  assert.deepEqual(ownValidate(JSON.stringify(request({}))), { valid: true, errors: [], warnings: [] });
  // Validating 100,000 tags grows wasm memory, which detaches every view of the
  // old memory; the next text is written through a new view of the same
  // buffer, which neither grows it nor loses it.
  const memory = glue.wasmMemory();
  const before = memory.buffer;
  const tags = Array.from({ length: 100_000 }, (_, i) => ({ Key: `k${i}`, Value: 'v'.repeat(50) }));
  check(JSON.stringify(request({ Tags: tags })));
  assert.notEqual(memory.buffer, before, 'wasm memory grew (else this test proves nothing)');
  const [afterGrowth, fastBefore] = [grown.length, calls.validateInputPlain];
  check(JSON.stringify(request({ Name: 'après la croissance' })));
  check('{"SourceLocationArn": 1}');
  assert.equal(grown.length, afterGrowth, 'no growth for small texts after memory grew');
  assert.equal(calls.validateInputPlain, fastBefore + 2, 'small texts still take the fast path');
  assert.equal(calls.validateUtf8, 1, 'only the 100,000 tags (6 MB, beyond the limit) went as a copy');
});

test('a text that fits the buffer in UTF-16 units but not in UTF-8 bytes grows it once', () => {
  const { validate: ownValidate, grown } = instrumentedValidate();
  ownValidate(JSON.stringify(request({})));
  const [capacity] = grown;
  // Fewer UTF-16 units than the capacity, but three bytes each in UTF-8.
  const text = JSON.stringify(request({ Name: '数'.repeat(capacity - 500) }));
  assert.ok(text.length <= capacity && new TextEncoder().encode(text).length > capacity);
  assert.deepEqual(ownValidate(text), glue.validate(text));
  assert.equal(grown.length, 2);
  assert.ok(grown[1] >= text.length * 3, `grew to ${grown[1]} bytes for ${text.length} units`);
});

test('validate() called from inside a validation (a replaced Date.now) is answered, and the outer one too', () => {
  const withSchedule = JSON.stringify(request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' } }));
  // Longer than the outer text, so writing it into the buffer would overwrite
  // every byte the outer validation still reads (its strings are borrowed from there).
  const inner = JSON.stringify(request({ Name: `bad name with < ${'x'.repeat(200)}` }));
  const realNow = Date.now;
  let innerReport;
  // The clock the outer validation reads gives a fixed time, so its report
  // can be compared with one made under that time (a never-fires warning quotes it).
  Date.now = () => {
    innerReport ??= validate(inner);
    return FIXTURE_TIME;
  };
  let outerReport;
  try {
    outerReport = validate(withSchedule);
  } finally {
    Date.now = realNow;
  }
  assert.ok(innerReport, 'the core read the clock, so the inner call happened');
  assert.deepEqual(innerReport, glue.validate(inner));
  assert.deepEqual(outerReport, withClock(FIXTURE_TIME, () => glue.validate(withSchedule)));
  assert.deepEqual(validate(JSON.stringify(request({}))), { valid: true, errors: [], warnings: [] });
});

test('two calls that straddle a second quote different times, and withClock makes them agree', () => {
  // What comparisons of reports guard against (withClock, helpers.mjs): the core
  // reads Date.now on every call that judges a past-years schedule, so a second
  // passing between two calls changes the never-fires warning of the second.
  const pastOnly = JSON.stringify(request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' } }));
  const quoted = (report) => report.warnings.map((w) => w.params.now);
  const realNow = Date.now;
  let ticks = Date.UTC(2026, 11, 6, 2, 59, 59);
  const ticking = () => (ticks += 1000); // a clock one second later at every read
  Date.now = ticking;
  let straddled;
  let frozen;
  let after;
  try {
    straddled = [validate(pastOnly), glue.validate(pastOnly)];
    frozen = withClock(FIXTURE_TIME, () => [validate(pastOnly), glue.validate(pastOnly)]);
    after = Date.now;
  } finally {
    Date.now = realNow;
  }
  assert.deepEqual(straddled.map(quoted), [['2026-12-06T03:00:00Z'], ['2026-12-06T03:00:01Z']]);
  assert.deepEqual(frozen.map(quoted), [['2026-11-25T00:00:00Z'], ['2026-11-25T00:00:00Z']]);
  assert.deepEqual(frozen[0], frozen[1]);
  assert.equal(after, ticking, 'withClock put back the clock it found');
  assert.throws(() => withClock(0, () => { throw new RangeError('inside'); }), RangeError);
  assert.equal(Date.now, realNow, 'and does so when its body throws');
});

test('a Date.now that throws: validation goes on without the clock, and the next calls are unharmed', () => {
  const pastOnly = JSON.stringify(request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' } }));
  const realNow = Date.now;
  let report;
  Date.now = () => {
    throw new Error('no clock here');
  };
  try {
    report = validate(pastOnly);
  } finally {
    Date.now = realNow;
  }
  // Without the time, "never fires" cannot be judged, so it is not reported.
  assert.deepEqual(report, { valid: true, errors: [], warnings: [] });
  assert.deepEqual(validate(pastOnly).warnings.map((w) => w.code), ['schedule/never-fires']);
  // The buffer was not left borrowed: it can still grow.
  const big = JSON.stringify(request({ Name: 'x'.repeat(1 << 20) }));
  assert.deepEqual(validate(big), glue.validate(big));
});

test('an empty text as the first call of a wrapper is reported as later calls report it (found by realmore2: it threw)', () => {
  for (const options of [undefined, { operation: 'UpdateTask' }]) {
    const own = createValidate(glue);
    const expected = glue.validate('', options);
    assert.equal(expected.errors[0].code, 'json/syntax-error');
    assert.deepEqual(own('', options), expected, 'the first call');
    assert.deepEqual(own('', options), expected, 'the next call');
    assert.deepEqual(own(JSON.stringify(request({}))), { valid: true, errors: [], warnings: [] });
  }
});

test('validateInput with a length beyond the buffer throws an Error (a wrapper bug), and the instance still works', () => {
  assert.throws(() => glue.validateInput(1 << 30), /length beyond the input buffer/);
  assert.deepEqual(validate(JSON.stringify(request({}))), { valid: true, errors: [], warnings: [] });
});

test('validateInputPlain with a length beyond the buffer returns 2^32 - 1, never an address (a wrapper bug), and the instance still works', () => {
  assert.equal(glue.validateInputPlain(1 << 30), 2 ** 32 - 1);
  assert.deepEqual(validate(JSON.stringify(request({}))), { valid: true, errors: [], warnings: [] });
});

test('a call without options takes validateInputPlain, with the reports of the glue', () => {
  const { validate: ownValidate, calls } = instrumentedValidate();
  const text = JSON.stringify(request({ TaskMode: 'basic', Name: 'a<b' }));
  const plain = ownValidate(text);
  assert.deepEqual(calls, { validateInput: 0, validateInputPlain: 1, validateUtf8: 0 });
  assert.deepEqual(plain, glue.validate(text));
  assert.ok(plain.errors.length >= 2, 'a report with problems is read from the record');
  assert.deepEqual(ownValidate(text, null), plain);
  assert.deepEqual(calls, { validateInput: 0, validateInputPlain: 2, validateUtf8: 0 });
  // Options are stored and read by validateInputStored instead.
  const options = { operation: 'UpdateTask' };
  assert.deepEqual(ownValidate(text, options), glue.validate(text, options));
  assert.deepEqual(calls, { validateInput: 0, validateInputPlain: 2, validateUtf8: 0 });
});

test('a lone surrogate in a JS string is reported, not silently replaced', () => {
  const report = validate(JSON.stringify(request({})).replace('}', ',"Name":"a\ud800b"}'));
  assert.deepEqual(report.errors.map((error) => [error.code, error.path]), [['value/invalid-unicode', '/Name']]);
});

test('an object that cannot be serialised is read once and reported as the glue reports it', () => {
  let calls = 0;
  const throwing = { ...request({}), get Name() { calls += 1; throw new Error('getter exploded'); } };
  const report = validate(throwing);
  assert.equal(calls, 1);
  assert.deepEqual(report, glue.validate(throwing));
  assert.deepEqual(report.errors.map((error) => error.code), ['input/not-serializable']);
  assert.match(report.errors[0].message, /getter exploded/);

  // A getter that throws only the first time: the one read decides.
  let reads = 0;
  const flaky = { ...request({}), get Name() { reads += 1; if (reads === 1) throw new Error('first read'); return 'ok'; } };
  assert.deepEqual(validate(flaky).errors.map((error) => error.code), ['input/not-serializable']);

  // toJSON returning undefined: "returned nothing", as the glue says.
  const nothing = { toJSON: () => undefined };
  assert.deepEqual(validate(nothing), glue.validate(nothing));

  // Too deep for JSON.stringify, and a cycle.
  let deep = {};
  for (let i = 0; i < 200_000; i += 1) deep = { Options: deep };
  assert.deepEqual(validate(deep).errors.map((error) => error.code), ['json/too-deep']);
  // A cycle: the same diagnostic, but the wrapper (the package's validate for
  // objects) names the cycle's path, which the glue's engine message does not.
  const cyclic = request({});
  cyclic.Options = { self: cyclic };
  const [named] = validate(cyclic).errors;
  const [engine] = glue.validate(cyclic).errors;
  assert.deepEqual([named.code, named.path], [engine.code, engine.path]);
  assert.match(named.message, /\(it is circular: \/Options\/self refers back to the request itself\)/);
  assert.doesNotMatch(engine.message, /\\n|…/);
});

test('random mutations of the examples: both paths agree on every one (seeded, 3,000 inputs)', () => {
  const random = seededRandom(0x2545f491);
  // Escapes as text ('\\ud800') and raw UTF-16 units ('\ud800'), lone and paired.
  const PIECES = ['"', '\\', '\\u', '\\ud800', '\\udc00', '\\ud83d\\ude00', '\ud800', '\udc00', '\ud83d\ude00',
    'é', '😀', '数', '\ufeff', '\u0000', '\u001f',
    '~', '/', ',', ':', '{', '}', '[', ']', ' ', '\n', '1e3', '-0', '99999999999999999999', 'null', 'true', '"x"'];
  const bases = [...jsonFiles('examples'), ...jsonFiles('tests/fixtures/valid')];
  let checked = 0;
  for (let i = 0; i < 3_000; i += 1) {
    let text = bases[random(bases.length)];
    for (let edits = 1 + random(3); edits > 0; edits -= 1) {
      const at = random(text.length + 1);
      const cut = random(3) === 0 ? random(4) : 0;
      text = text.slice(0, at) + PIECES[random(PIECES.length)] + text.slice(at + cut);
    }
    assert.deepEqual(validate(text), glue.validate(text), `text ${JSON.stringify(text)}`);
    let object;
    try {
      object = JSON.parse(text);
    } catch {
      continue;
    }
    assert.deepEqual(validate(object), glue.validate(object), `object from ${JSON.stringify(text)}`);
    checked += 1;
  }
  assert.ok(checked > 100, `only ${checked} mutations were still JSON`);
});
