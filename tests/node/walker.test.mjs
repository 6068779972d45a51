// The walker (js/text-path.mjs, generated from the schema table by
// tests/generated.rs; read by src/walked.rs): which requests given as objects
// it reads, which it leaves to the text path, and that the report is always
// the one validate() gives the request's JSON text. The counts come from a
// wrapper built on the glue with every entry counted.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DESTINATION, FIXTURE_TIME, SOURCE, jsonFiles, request, requireBuiltPackage, withClock } from './helpers.mjs';

requireBuiltPackage();
const require = createRequire(import.meta.url);
const glue = require('../../pkg/node/datasync_task_validator.cjs');
const { createValidate } = require('../../pkg/node/text-path.cjs');

/** The glue with the calls of `validateWalked` (and of the text entries) counted. */
const calls = { walked: 0, text: 0 };
const counted = {
  ...glue,
  validateWalked: (...args) => ((calls.walked += 1), glue.validateWalked(...args)),
  validateInput: (...args) => ((calls.text += 1), glue.validateInput(...args)),
  validateInputPlain: (...args) => ((calls.text += 1), glue.validateInputPlain(...args)),
  validateInputStored: (...args) => ((calls.text += 1), glue.validateInputStored(...args)),
  validateUtf8: (...args) => ((calls.text += 1), glue.validateUtf8(...args)),
};
const validate = createValidate(counted);

/** validate(object, options), with which path took it: 'walker' or 'text' (both: words the core could not read, then the text). */
function judged(object, options) {
  calls.walked = 0;
  calls.text = 0;
  const report = validate(object, options);
  assert.ok(calls.walked + calls.text <= 1, 'one call of the core');
  return { report, path: calls.walked === 1 ? 'walker' : 'text' };
}

/** The report validate() gives `object`'s JSON text, the reference. */
const asText = (object, options) => validate(JSON.stringify(object), options);

/** Asserts the walker reads `object` and reports what its text gets. */
function walked(object, options) {
  const { report, path } = judged(object, options);
  assert.equal(path, 'walker', JSON.stringify(object)?.slice(0, 200));
  assert.deepEqual(report, asText(object, options), JSON.stringify(object)?.slice(0, 200));
  assert.equal(JSON.stringify(report), JSON.stringify(asText(object, options)));
  return report;
}

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

test('every example and fixture, valid or not, is read by the walker and gets its text\'s report', () => {
  const texts = [...jsonFiles('examples'), ...jsonFiles('tests/fixtures/valid'), ...jsonFiles('tests/fixtures/invalid')];
  let objects = 0;
  for (const text of texts) {
    let object;
    try {
      object = JSON.parse(text);
    } catch {
      continue; // a syntax-error fixture
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) continue;
    withClock(FIXTURE_TIME, () => walked(object)); // a never-fires warning quotes the time
    objects += 1;
  }
  assert.ok(objects > 40, `${objects} objects`);
});

test('every member of every operation is read, with a valid and with an invalid value', () => {
  const { schema } = require('../../pkg/schema.cjs');
  for (const operation of ['CreateTask', 'UpdateTask', 'StartTaskExecution']) {
    const options = { operation };
    const base = operation === 'CreateTask' ? request({}) : { TaskArn: TASK_ARN };
    const { properties } = schema(operation);
    for (const [name, property] of Object.entries(properties)) {
      for (const value of samples(property)) walked({ ...base, [name]: value }, options);
    }
  }
});

/** A valid-looking and several wrong values for a JSON Schema property, and values for its members. */
function samples(property) {
  const out = [null, true, 1.5, 'x', [], {}];
  if (property.enum) out.push(...property.enum, property.enum[0].toLowerCase());
  if (property.type === 'integer') out.push(0, -1, -2, 2 ** 53, Number.MAX_SAFE_INTEGER);
  if (property.type === 'string') out.push('', 'é'.repeat(300), 'a'.repeat(5000));
  if (property.type === 'object' && property.properties) {
    const inner = Object.entries(property.properties);
    out.push(Object.fromEntries(inner.map(([name, member]) => [name, samples(member).at(-1)])));
    for (const [name, member] of inner) for (const value of samples(member).slice(0, 8)) out.push({ [name]: value });
  }
  if (property.type === 'array' && property.items) {
    const item = samples(property.items);
    out.push([item.at(-1)], item.slice(-3), Array(60).fill(item.at(-1)));
  }
  return out;
}

test('what the walker does not read as its shape is written as JSON.stringify writes it', () => {
  const odd = [
    // Unknown members, alone, in runs, between known ones, with keys that need escapes.
    { Bogus: 1 },
    { Bogus: 1, 'Value:': { a: [1, 'x', null] }, Name: 'n', 'a"b\\c': true, __proto__x: 1 },
    { Options: { Verifymode: 'NONE', Atime: 'NONE', 'Mt:ime': null } },
    // Wrong types, enum words in another case, numbers that are not safe integers.
    { TaskMode: 'basic', Name: 1, Options: [], Tags: {} },
    { Options: { BytesPerSecond: 1.5 } },
    { Options: { BytesPerSecond: 2 ** 60 } },
    { Options: { BytesPerSecond: 1e21 } },
    { Options: { BytesPerSecond: -0 } },
    { Options: { BytesPerSecond: '1' } },
    // Lists too long, items that are not objects, holes.
    { Includes: [{ Value: '/a' }, { Value: '/b' }] },
    { Tags: [1, null, { Key: 'k' }, 't', [], undefined, () => 1] },
    // eslint-disable-next-line no-sparse-arrays
    { Tags: [, { Key: 'k' }] },
    // Strings with characters JSON escapes, beyond ASCII, and lone surrogates.
    { Excludes: [{ Value: '/a"b\\c\n\u0000\u2028' }], Name: 'café ☕ 数据 😀' },
    { Name: 'a\ud800b', Tags: [{ Key: '\udc00' }] },
    { 'a\ud800': 1 },
    // Another operation's members.
    { TaskArn: TASK_ARN },
    // Members JSON.stringify leaves out.
    { Name: undefined, TaskMode: () => 'BASIC', Schedule: Symbol('s') },
  ];
  for (const extra of odd) walked(request(extra));
  walked({ TaskArn: TASK_ARN, TaskMode: 'BASIC' }, { operation: 'UpdateTask' });
  walked({ TaskArn: TASK_ARN, Options: {} }, { operation: 'StartTaskExecution' });
});

test('NaN and Infinity: the text path\'s report, with the value named', () => {
  const { report } = judged(request({ Options: { BytesPerSecond: Number.NaN } }));
  assert.deepEqual(report, validate(request({ Options: { BytesPerSecond: Number.NaN } })));
  assert.match(report.errors[0].message, /it is NaN, which is not a finite number/);
});

test('BigInt: written as its digits, as the text path writes it', () => {
  for (const [big, digits] of [[5n, '5'], [2n ** 70n, '1180591620717411303424'], [-2n, '-2']]) {
    const { report, path } = judged(request({ Options: { BytesPerSecond: big } }));
    assert.equal(path, 'walker');
    assert.deepEqual(report, validate(JSON.stringify(request({ Options: { BytesPerSecond: 0 } })).replace('"BytesPerSecond":0', `"BytesPerSecond":${digits}`)));
  }
});

test('getters and toJSON run once, as JSON.stringify runs them, whatever the walker makes of their value', () => {
  for (const value of ['n', 'bad<name>', 1, { a: 1 }, undefined]) {
    let reads = 0;
    const object = request({});
    Object.defineProperty(object, 'Name', { enumerable: true, get: () => ((reads += 1), value) });
    const { report, path } = judged(object);
    assert.equal(path, 'walker');
    assert.equal(reads, 1, `Name ${JSON.stringify(value)}`);
    assert.deepEqual(report, asText({ ...request({}), Name: value }));
  }
  // toJSON at the root, on a member, on a list, on an item: called once, with the key.
  const keys = [];
  const toJSON = (result) => ({ toJSON(key) { keys.push(key); return result; } });
  walked(request({ Options: toJSON({ Atime: 'NONE' }), Tags: [toJSON({ Key: 'k' })], Includes: toJSON([]) }));
  keys.length = 0;
  judged(request({ Options: toJSON({ Atime: 'NONE' }), Tags: [toJSON({ Key: 'k' })], Includes: toJSON([]) }));
  assert.deepEqual(keys.sort(), ['0', 'Includes', 'Options']);
  // A member named toJSON that is not a function is a member; one holding a function is left out.
  walked(request({ Options: { toJSON: 'not a function', Atime: 'NONE' } }));
  walked(request({ Options: { toJSON: toJSON({ Atime: 'NONE' }) } }));
  // A function is an object to JSON.stringify: its toJSON is called (with the
  // key) and what it returns written, where a member, known or not, or an item holds it.
  const callable = (result) => Object.assign(() => 'ignored', { toJSON(key) { keys.push(key); return result; } });
  const callables = () => request({ Name: callable(7), TaskMode: callable('ENHANCED'), Bogus: callable([1]), Tags: [callable({ Key: 'k' })] });
  walked(callables());
  keys.length = 0;
  judged(callables());
  assert.deepEqual(keys, ['Name', 'TaskMode', 'Bogus', '0']);
});

test('a getter that throws: reported as JSON.stringify\'s failure, the getter run once', () => {
  let reads = 0;
  const object = request({});
  Object.defineProperty(object, 'Options', { enumerable: true, get: () => { reads += 1; throw new Error('getter exploded'); } });
  const { report } = judged(object);
  assert.equal(reads, 1);
  assert.deepEqual(report.errors.map((error) => error.code), ['input/not-serializable']);
  assert.match(report.errors[0].message, /getter exploded/);
});

test('what the walker leaves to the text path before reading anything', () => {
  // Not a plain object: an array, a Date, a boxed string, a class instance.
  class Request {}
  for (const object of [[request({})], new Date(0), Object.assign(new String('{}')), Object.assign(new Request(), request({}))]) {
    const { report, path } = judged(object);
    assert.equal(path, 'text');
    assert.deepEqual(report, validate(JSON.stringify(object) ?? 'null'));
  }
  // Options that are not kept in wasm (the glue reads them: here, a getter that throws the second time).
  let reads = 0;
  const once = { get operation() { reads += 1; if (reads > 1) throw new Error('read twice'); return 'CreateTask'; } };
  assert.throws(() => judged(request({}), once), TypeError);
  // Malformed options: the TypeError, after the request is read once.
  let nameReads = 0;
  const object = request({});
  Object.defineProperty(object, 'Name', { enumerable: true, get: () => ((nameReads += 1), 'n') });
  assert.throws(() => validate(object, { operation: 'Nope' }), TypeError);
  assert.equal(nameReads, 1);
});

test('the walker takes options kept in wasm: operations and locations', () => {
  const locations = [
    { LocationArn: SOURCE, LocationUri: 'nfs://host/path', type: 'NFS' },
    { LocationArn: DESTINATION, LocationUri: 's3://bucket/', type: 'S3', S3StorageClass: 'STANDARD' },
  ];
  for (const object of [request({}), request({ Options: { PreserveDevices: 'PRESERVE' } }), request({ Name: 1 })]) {
    walked(object, { locations });
    walked(object, { locations, operation: 'CreateTask' });
  }
  walked({ TaskArn: TASK_ARN, Options: { Atime: 'NONE' } }, { operation: 'UpdateTask', task: { TaskArn: TASK_ARN, TaskMode: 'BASIC', Options: { Mtime: 'PRESERVE' } } });
});

test('validate() called from a getter while the walker reads: both calls get their own report', () => {
  let inner;
  const object = request({});
  Object.defineProperty(object, 'Name', { enumerable: true, get: () => { inner = validate({ TaskArn: 'x' }, { operation: 'UpdateTask' }); return 'bad<name>'; } });
  const report = validate(object, { operation: 'CreateTask' });
  assert.deepEqual(report, asText({ ...request({}), Name: 'bad<name>' }));
  assert.deepEqual(inner, validate(JSON.stringify({ TaskArn: 'x' }), { operation: 'UpdateTask' }));
});

test('the words reach the core whatever their count: before, at and after the end of each span of WALK_SPANS they are copied through', () => {
  // Four words and three per tag, one more with a Name: 4 to 155 words, a
  // report that depends on the last tag (its key too long) and one that does not.
  for (let tags = 0; tags <= 50; tags += 1) {
    for (const extra of [{}, { Name: 'n' }]) {
      const Tags = Array.from({ length: tags }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      walked(request({ ...extra, Tags }));
      if (tags > 0) Tags[tags - 1] = { Key: 'k'.repeat(257), Value: 'v' };
      const report = walked(request({ ...extra, Tags }));
      assert.equal(report.valid, tags === 0);
    }
  }
});

test('long strings grow the input buffer; a string longer than it may grow takes the text path', () => {
  walked(request({ Excludes: [{ Value: `/${'a'.repeat(200_000)}` }] }));
  walked(request({ Excludes: [{ Value: `/${'é'.repeat(100_000)}` }] }));
  const { report } = judged(request({ Excludes: [{ Value: `/${'a'.repeat(5_000_000)}` }] }));
  assert.deepEqual(report, asText(request({ Excludes: [{ Value: `/${'a'.repeat(5_000_000)}` }] })));
});

test('the clock on the object path: read once, by the wrapper, for an expression spelled as cron; the report the text\'s', () => {
  // The core reads Date.now only for a cron expression (src/schedule); the
  // wrapper reads it for the core after the walk when the expression starts
  // with "cron(", and passes the time, so the core does not call back. For
  // another spelling the core still reads as cron, it reads the clock itself.
  const real = Date.now;
  let reads = 0;
  const counting = () => ((reads += 1), FIXTURE_TIME);
  const readsFor = (object) => {
    Date.now = counting;
    try {
      reads = 0;
      const { report, path } = judged(object);
      const objectReads = reads;
      reads = 0;
      const text = validate(JSON.stringify(object));
      assert.equal(path, 'walker');
      assert.equal(JSON.stringify(report), JSON.stringify(text), JSON.stringify(object));
      return [objectReads, reads];
    } finally {
      Date.now = real;
    }
  };
  const schedule = (expression) => request({ Schedule: { ScheduleExpression: expression, Status: 'ENABLED' } });
  // [object, text]
  assert.deepEqual(readsFor(request({})), [0, 0]);
  assert.deepEqual(readsFor(schedule('rate(1 hour)')), [0, 0]);
  assert.deepEqual(readsFor(schedule('')), [0, 0]);
  assert.deepEqual(readsFor(schedule('cron(0 2 ? * MON-FRI *)')), [1, 1]);
  assert.deepEqual(readsFor(schedule('cron(0 2 ? * MON-FRI 2020)')), [1, 1], 'one that never fires again');
  assert.deepEqual(readsFor(schedule(' CRON(0 2 ? * MON-FRI *)')), [1, 1], 'read by the core');
  assert.deepEqual(readsFor({ ...schedule('cron(0 2 ? * MON-FRI 2020)'), TaskMode: 'basic' }), [1, 1], 'with problems');
  // Five fields: the core judges it as its six-field suggestion (schedule/five-field-cron is a warning), so it reads the clock too.
  assert.deepEqual(readsFor(schedule('cron(0 8 * * 3#1)')), [1, 1]);
  // A malformed cron expression: the core would not have read the clock.
  assert.deepEqual(readsFor(schedule('cron(0 8 * *)')), [1, 0]);
  // The time the wrapper read is the one judged: a past-years schedule is reported at it.
  const { report } = withClock(FIXTURE_TIME, () => judged(schedule('cron(0 2 ? * MON-FRI 2020)')));
  assert.deepEqual(report.warnings.map((w) => [w.code, w.params.now]), [['schedule/never-fires', '2026-11-25T00:00:00Z']]);
});

test('a Date.now that throws, or gives no number, is no clock on the object path too, and its value is not converted', () => {
  const expression = 'cron(0 2 ? * MON-FRI 2020)';
  const object = request({ Schedule: { ScheduleExpression: expression } });
  let converted = 0;
  const real = Date.now;
  for (const clock of [
    () => { throw new Error('no clock'); },
    () => Symbol('now'),
    () => ({ valueOf: () => ((converted += 1), FIXTURE_TIME) }),
    () => '2026-01-01',
    () => NaN,
    () => 8.64e15 + 1,
  ]) {
    Date.now = clock;
    let report;
    let text;
    try {
      ({ report } = judged(object));
      text = validate(JSON.stringify(object));
    } finally {
      Date.now = real;
    }
    // Without the time, "never fires" is not judged.
    assert.deepEqual(report, { valid: true, errors: [], warnings: [] }, String(clock));
    assert.deepEqual(report, text, String(clock));
  }
  assert.equal(converted, 0);
  assert.deepEqual(walked(object).warnings.map((w) => w.code), ['schedule/never-fires']);
});
