// validate() gets a report from the core as a compact record in wasm memory
// (src/report_record.rs, read by readReport in js/text-path.mjs) instead of
// JSON text. The objects it returns must be exactly those JSON.parse makes of
// the report's JSON text, which the glue's own validate() still returns: the
// same members in the same order, the same values, plain data members of plain
// objects and arrays. Checked here for every example and fixture, generated
// invalid requests, unusual strings and the longest reports.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DESTINATION, FIXTURE_TIME, SOURCE, requireBuiltPackage, seededRandom, withClock } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');
// The glue's validate(): the report written as JSON text and read by JSON.parse.
const glue = createRequire(import.meta.url)('../../pkg/node/datasync_task_validator.cjs');

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
// The record's constants as the reader has them, which tests/generated.rs
// copies from src/report_record.rs (the module does not export them).
const readerConstant = (name) => Number(new RegExp(`^const ${name} = (\\d+);$`, 'm').exec(read('js/text-path.mjs'))[1]);
const HEAD_CODE = readerConstant('HEAD_CODE');
const HEAD_PARAMS_SHIFT = readerConstant('HEAD_PARAMS_SHIFT');
const HEAD_PARAMS_COUNTED = readerConstant('HEAD_PARAMS_COUNTED');
const TAG_SMALL = readerConstant('TAG_SMALL');
const TAG_STRING = readerConstant('TAG_STRING');

/**
 * A fresh glue whose memory the reader sees is `memory()`, not the core's,
 * and whose `validateInputPlain` is `validateInto(real, written, input)`: the
 * request is written into the memory the reader sees, at `input`. Returns
 * the wrapper's validate over it (`own`) and the glue (`real`). `more`: other
 * members of the replaced glue.
 */
function validateOverMemory(memory, validateInto, more = {}) {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
  const { createValidate } = require('../../pkg/node/text-path.cjs');
  delete require.cache[gluePath];
  const real = require(gluePath);
  delete require.cache[gluePath];
  let input = 0;
  const replaced = Object.create(real);
  replaced.wasmMemory = () => memory(real);
  replaced.inputBuffer = (bytes) => (input = real.inputBuffer(bytes));
  replaced.validateInputPlain = (written) => validateInto(real, written, input);
  Object.assign(replaced, more);
  return { own: createValidate(replaced), real };
}

/**
 * The core's record for the request written into `copy` at `input`: the
 * request copied into the core's memory, validated there, and the core's
 * whole memory copied back into `copy` (grown to fit).
 */
function recordInCopy(real, copy, written, input) {
  new Uint8Array(real.wasmMemory().buffer).set(new Uint8Array(copy.buffer, input, written), input);
  const record = real.validateInputPlain(written);
  const bytes = new Uint8Array(real.wasmMemory().buffer);
  if (copy.buffer.byteLength < bytes.length) copy.grow((bytes.length - copy.buffer.byteLength) / 65536);
  new Uint8Array(copy.buffer).set(bytes);
  return record;
}
/** The request files of a folder: not the expected reports, not the options files. */
const requestFiles = (folder) =>
  readdirSync(new URL(folder, root))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json') && !name.endsWith('.options.json'))
    .map((name) => `${folder}/${name}`);

const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });

/** Every object and array in `value` is plain, and every member a writable, enumerable, configurable data member. */
function assertPlainData(value, where) {
  if (value === null || typeof value !== 'object') return;
  const prototype = Array.isArray(value) ? Array.prototype : Object.prototype;
  assert.equal(Object.getPrototypeOf(value), prototype, `${where}: a plain object or array`);
  for (const key of Reflect.ownKeys(value)) {
    const member = Object.getOwnPropertyDescriptor(value, key);
    if (Array.isArray(value) && key === 'length') continue;
    assert.ok('value' in member && member.writable && member.enumerable && member.configurable, `${where}/${String(key)}: a plain data member`);
    assertPlainData(member.value, `${where}/${String(key)}`);
  }
}

/** `actual` is what JSON.parse made of the text the glue wrote: `expected`. */
function assertSameReport(actual, expected, label) {
  assert.deepStrictEqual(actual, expected, label);
  // deepStrictEqual ignores the order of members; JSON.stringify shows it.
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), label);
  assertPlainData(actual, label);
}

/** Asserts that `input` gets the same report through both paths; returns it. */
function same(input, options, label) {
  // One time for both calls: a never-fires warning quotes it to the second.
  const [report, reference] = withClock(FIXTURE_TIME, () => [validate(input, options), glue.validate(input, options)]);
  assertSameReport(report, reference, label);
  return report;
}

test('every example and fixture gets the report JSON.parse made of the text, as text and as an object', () => {
  let reports = 0;
  for (const path of [...requestFiles('examples'), ...requestFiles('tests/fixtures/valid'), ...requestFiles('tests/fixtures/invalid')]) {
    const text = read(path);
    same(text, undefined, path);
    reports += 1;
    let object;
    try {
      object = JSON.parse(text);
    } catch {
      continue; // a fixture of JSON syntax errors
    }
    same(object, undefined, `${path} as an object`);
    reports += 1;
  }
  for (const path of requestFiles('tests/fixtures/locations')) {
    const { locations, request: body } = JSON.parse(read(path));
    same(body, { locations }, path);
    same(JSON.stringify(body), { locations }, `${path} as text`);
    reports += 2;
  }
  for (const path of requestFiles('tests/fixtures/operations')) {
    const optionsFile = path.replace(/\.json$/, '.options.json');
    const options = existsSync(new URL(optionsFile, root)) ? JSON.parse(read(optionsFile)) : undefined;
    same(read(path), options, path);
    reports += 1;
  }
  assert.ok(reports > 100, `${reports} reports compared`);
});

test('reports with fixes, related members, numbers of every size and every kind of value in params', () => {
  const cases = [
    request({ Options: { Verifymode: 'NONE' } }), // a rename: a move fix
    request({ Schedule: { ScheduleExpression: ' RATE(1 DAY) ' } }), // a respelling: a replace fix
    request({ TaskMode: 'ENHANCED', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT', Mtime: 'NONE' } }), // related
    request({ Options: { BytesPerSecond: 123456789012345678901234567890 } }),
    request({ Options: { BytesPerSecond: -5 } }),
    request({ Options: { BytesPerSecond: 1.5e300 } }),
    request({ Name: 'x'.repeat(300), Tags: Array.from({ length: 60 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }),
    request({ Excludes: [{ FilterType: 'REGEX', Value: 'a' }] }),
    request({ Options: { LogLevel: true, OverwriteMode: null, Atime: [], Mtime: {} } }),
  ];
  // Literals JSON.parse reads as numbers it cannot hold exactly, or at all (Infinity).
  for (const text of ['{"Options":{"BytesPerSecond":1e400}}', '{"Options":{"BytesPerSecond":-0}}', '{"Options":{"BytesPerSecond":12345678901234567890123}}']) {
    same(text, undefined, text);
  }
  const seen = new Set();
  for (const body of cases) {
    for (const input of [body, JSON.stringify(body)]) {
      const report = same(input, undefined, JSON.stringify(body).slice(0, 120));
      for (const diagnostic of [...report.errors, ...report.warnings]) {
        if (diagnostic.fix) seen.add(`fix ${diagnostic.fix[0].op}`);
        if (diagnostic.params) for (const value of Object.values(diagnostic.params)) seen.add(Array.isArray(value) ? 'array' : typeof value);
      }
    }
  }
  // The cases reach what they are for.
  for (const kind of ['fix move', 'fix replace', 'array', 'string', 'number']) assert.ok(seen.has(kind), `${kind} in ${[...seen]}`);
});

test('unusual strings survive: characters beyond ASCII and beyond U+FFFF, lone surrogates, control characters, long names', () => {
  const names = ['é', 'ключ', '数据', '😀', '𝄞x😀', 'a\ud800b', '\udc00', 'tab\there', 'nul\u0000', '~/~1', '"quoted"\\', '\u2028', '\ufeff', '\ufeffbom'];
  for (const name of names) {
    // In a member name (the path and the unknown-member message), in a value
    // (quoted in messages), and in a tag key (a pattern the key must match).
    for (const body of [
      request({ [name]: 1 }),
      request({ Options: { [name]: 'x' } }),
      request({ Name: name.repeat(200) }),
      request({ Tags: [{ Key: `aws:${name}`, Value: name }] }),
      request({ Schedule: { ScheduleExpression: `rate(${name})` } }),
    ]) {
      same(body, undefined, JSON.stringify(name));
      same(JSON.stringify(body), undefined, `${JSON.stringify(name)} as text`);
    }
  }
  // A member name of a million characters: a path that long, a message that quotes a cut of it.
  const long = 'é'.repeat(1 << 20);
  const report = same(request({ [long]: 1 }), undefined, 'a long member name');
  assert.equal(report.errors[0].path.length, long.length + 1);
});

test('one report with characters of every UTF-8 length in paths, messages, params and a fix, among strings all ASCII', () => {
  // The reader cuts every string from the report's decoded text, finding
  // where each ends in UTF-16 units from the last one's end: here the
  // strings before, between and after those with 2-, 3- and 4-byte
  // characters (a surrogate pair in JS) must all land where they belong.
  const body = request({
    'Ünknown': 1, // a path, a message and a params value
    Options: { 'VerifyModé': 'NONE', BytesPerSecond: 1.5e300, LogLevel: 'fast€' }, // a move fix from a path with é; a number's literal
    Name: 'n😀'.repeat(150), // a message quoting a cut of it, then one all ASCII
    Schedule: { ScheduleExpression: 'rate(5 minütes)' },
    Tags: [{ Key: 'aws:𝄞', Value: 'é' }],
    Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '数据|' }],
  });
  for (const input of [body, JSON.stringify(body)]) {
    const report = same(input, undefined, typeof input);
    const json = JSON.stringify(report);
    for (const reached of ['"path":"/Ünknown"', '"member":"VerifyModé"', '"from":"/Options/VerifyModé"', 'fast€', '数据|', 'aws:𝄞', 'n😀n😀', '"path":"/Name"']) {
      assert.ok(json.includes(reached), `${reached} in the report`);
    }
  }
});

test('reports not all ASCII on either side of the copy the reader keeps for their bytes (16 KiB), one after the other', () => {
  // The reader walks a copy of a text not all ASCII: one kept from report to
  // report up to 16 KiB, a fresh one beyond; a short report after a long one
  // must not read the long one's bytes.
  const long = request();
  for (let i = 0; i < 3000; i += 1) long[`ü${i}😀`] = i;
  const short = request({ 'é': 1, 'Zé': 2 });
  const json = JSON.stringify(glue.validate(long));
  assert.ok(new TextEncoder().encode(json).length > 3 * 16384, 'the long report is longer than the copy kept');
  for (const [input, label] of [[long, 'long'], [short, 'short'], [long, 'long again'], [short, 'short again']]) same(input, undefined, label);
});

test('reports one after another whose texts have the same length, in the same place, each get their own strings', () => {
  // The core writes each report's text where it wrote the last one's, and the
  // reader keeps its view of those bytes while they are where they were: the
  // bytes are read again for each report, never the last one's strings.
  const inputs = [(speed) => request({ Options: { BytesPerSecond: speed } }), (speed) => request({ Options: { BytesPerSecond: speed }, Tags: [{ Key: `aws:${speed}` }] })];
  for (const [shape, input] of inputs.entries()) {
    for (const [i, speed] of ['fast', 'slow', 'fâst', 'slôw', 'fast', 'slow'].entries()) {
      const report = same(input(speed), undefined, `${speed} (${shape}, ${i})`);
      assert.ok(report.errors.some((d) => d.message.includes(`"${speed}"`)), `${speed}: the message quotes it`);
    }
  }
});

test("one code's params of different names but as many, one report after another, each get their own names", () => {
  // schedule/invalid-expression gives one param of three names: `value` and
  // `unit` (written by name: none of the shapes) and `suggestion` (one of the
  // shapes built with one literal, written by its number): as many params,
  // but the number, or the names, of each report's own.
  const expressions = { value: 'rate(0 minutes)', suggestion: 'cron(0 8 1 * * *)', unit: 'rate(5 fortnights)' };
  for (const order of [['suggestion', 'value', 'unit'], ['unit', 'suggestion', 'value'], ['value', 'unit', 'suggestion']]) {
    for (const name of [...order, ...order]) {
      const input = request({ Schedule: { ScheduleExpression: expressions[name] } });
      for (const asText of [false, true]) {
        const report = same(asText ? JSON.stringify(input) : input, undefined, `${name} after ${order} (${asText ? 'text' : 'object'})`);
        assert.equal(report.errors[0].code, 'schedule/invalid-expression', name);
        assert.deepEqual(Object.keys(report.errors[0].params), [name], `${name}: its own name`);
      }
    }
  }
});

test('the longest reports: 30,000 problems bounded, with the notice of the cut', () => {
  const tags = (count, key) => request({ Tags: Array.from({ length: count }, (_, i) => ({ Key: key(i), Value: 'v' })) });
  for (const [label, body] of [
    ['30,000 reserved keys', tags(30_000, (i) => `aws:${i}`)],
    ['30,000 lone-surrogate keys', tags(30_000, (i) => `\udc00${i}`)],
    ['30,000 unknown members', Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`Unknown${i}😀`, i]))],
  ]) {
    const report = same(body, undefined, label);
    assert.ok([...report.errors, ...report.warnings].some((d) => d.code === 'report/truncated'), `${label}: cut`);
  }
});

test('generated invalid requests get the same reports (seeded)', () => {
  const random = seededRandom(16);
  const pick = (list) => list[random(list.length)];
  const bases = ['minimal', 'full-basic', 'full-enhanced', 'many-problems'].map((name) => JSON.parse(read(`examples/${name}.json`)));
  const values = [
    1, -1, 0, 2 ** 40, 1.5, 1e300, '', 'x'.repeat(400), 'é😀\u0001', 'a\ud800', null, true, false, [], {}, ['a', 1],
    { Verifymode: 'NONE' }, 'rate(5 minutes)', 'RATE(1 DAY)', 'cron(0 8 * * 3#1)', 'cron(0 8 31 2 ? *)', 'NONE', 'ENHANCED',
    'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0', [{ Key: 'aws:x' }], [{ FilterType: 'SIMPLE_PATTERN', Value: '' }],
  ];
  let compared = 0;
  for (let i = 0; i < 400; i += 1) {
    const body = structuredClone(pick(bases));
    for (let changes = 1 + random(4); changes > 0; changes -= 1) {
      // Change a member of the request or of one of its objects, or add one.
      const objects = [body, ...Object.values(body).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v))];
      const target = pick(objects);
      const names = [...Object.keys(target), 'Unknown', 'Options', 'Tags', 'Schedule', 'Includes', 'TaskReportConfig'];
      target[pick(names)] = structuredClone(pick(values));
    }
    const text = JSON.stringify(body);
    same(text, undefined, text.slice(0, 160));
    same(body, undefined, `${text.slice(0, 160)} as an object`);
    compared += 1;
  }
  assert.equal(compared, 400);
});

/**
 * Runs `body` with `key` defined on `prototype` by `descriptor`, then
 * restores what was there.
 */
function withOnPrototype(prototype, key, descriptor, body) {
  const before = Object.getOwnPropertyDescriptor(prototype, key);
  Object.defineProperty(prototype, key, { configurable: true, ...descriptor });
  try {
    return body();
  } finally {
    if (before) Object.defineProperty(prototype, key, before);
    else delete prototype[key];
  }
}

// Members under every name a report uses: its own, each diagnostic's, each
// params object's and each fix operation's, and array indexes.
const MANY = read('examples/many-problems.json');
const WITH_FIXES = JSON.stringify(request({ Options: { Verifymode: 'NONE' }, Schedule: { ScheduleExpression: ' RATE(1 DAY) ' } }));
const REPORT_NAMES = ['valid', 'errors', 'warnings', 'code', 'severity', 'path', 'message', 'params', 'fix', 'op', 'from', 'value',
  'member', 'expected', 'actual', 'related', 'suggestion', 'allowed', 'max', 'count', '0', '1', '5'];

test('a setter on Object.prototype or Array.prototype under a name the report uses never runs while the report is read', () => {
  const expected = [MANY, WITH_FIXES].map((text) => glue.validate(text));
  let ran = 0;
  for (const name of REPORT_NAMES) {
    for (const prototype of [Object.prototype, Array.prototype]) {
      // A setter that validates another request (which would overwrite the
      // record being read), one that throws, and a read-only member (which
      // an assignment in a module's strict mode would throw on).
      for (const descriptor of [
        { set() { ran += 1; validate(request({ Options: { Atime: 'NONE' } })); } },
        { set() { ran += 1; throw new Error(`the page's setter of ${name}`); } },
        { value: 'read-only', writable: false },
      ]) {
        const label = `${name} on ${prototype === Array.prototype ? 'Array' : 'Object'}.prototype: ${Object.keys(descriptor)}`;
        // Only validate() runs meanwhile; the reports are compared afterwards.
        // (An array literal: push would run a setter at an index itself.)
        const reports = withOnPrototype(prototype, name, descriptor, () => [
          validate(MANY), validate(JSON.parse(MANY)), validate(WITH_FIXES), validate(JSON.parse(WITH_FIXES)),
        ]);
        for (const [i, report] of reports.entries()) assertSameReport(report, expected[i >> 1], `${label}, report ${i}`);
      }
    }
  }
  assert.equal(ran, 0);
});

test('setters at low indices of Array.prototype, alone and in pairs, never run and lose no item of a later list', () => {
  // A list of three items (`allowed`) is read before the second of two
  // errors: the reader's note of which indices Array.prototype has no member
  // at must not take a setter's index for one it found free in a longer list
  // (it did: a setter at [1] was assigned into, and an error was lost).
  const inputs = [request({ Options: { VerifyMode: 'BAD' }, Tags: [{ Key: 'aws:a' }] }), JSON.parse(MANY)];
  const expected = inputs.map((input) => glue.validate(JSON.stringify(input)));
  assert.ok(expected[0].errors.length >= 2 && expected[0].errors.some((error) => error.params?.allowed?.length >= 3));
  const sets = [];
  for (let i = 0; i < 6; i += 1) {
    sets.push([i]);
    for (let j = i + 1; j < 6; j += 1) sets.push([i, j]);
  }
  let ran = 0;
  for (const indices of sets) {
    const reports = indices.reduceRight(
      (body, index) => () => withOnPrototype(Array.prototype, String(index), { set() { ran += 1; } }, body),
      () => inputs.flatMap((input) => [validate(input), validate(JSON.stringify(input))]),
    )();
    for (const [i, report] of reports.entries()) assertSameReport(report, expected[i >> 1], `setters at ${indices}, report ${i}`);
  }
  assert.equal(ran, 0);
});

test("a page's String.prototype.slice that would call validate() never runs while a report is read", () => {
  // The reader cuts strings with the slice taken at load (so no page code
  // runs while a report is read: before, the first string cut from the
  // report's text ran the page's slice, which could validate again). With
  // this and the tests around it, a page has no way to call validate()
  // while a report is read: the reader's `reading` guard (such a call
  // reports through the glue) stands only against a built-in to come.
  const slice = String.prototype.slice;
  const inner = request({ Options: { Atime: 'NONE', Mtime: 'PRESERVE' } });
  const outerReport = glue.validate(MANY);
  let ran = 0;
  String.prototype.slice = function replaced(...args) {
    ran += 1;
    validate(inner);
    return Reflect.apply(slice, this, args);
  };
  let outer;
  try {
    outer = validate(MANY);
  } finally {
    String.prototype.slice = slice;
  }
  assert.equal(ran, 0);
  assertSameReport(outer, outerReport, 'the report');
  assertSameReport(validate(inner), glue.validate(inner), 'the next call');
});

// Built-ins the reader takes when the module loads, so that a page's
// replacement never runs while a report is read: one that validated another
// request would grow the memory the record is read from, and the caches of
// fixed strings and codes outlive the call (what a replaced Map.prototype.get
// returned once would be in every later report).
for (const [prototype, name] of [
  [TextDecoder.prototype, 'decode'],
  [Map.prototype, 'get'],
  [Map.prototype, 'set'],
]) {
  test(`a page that replaces ${prototype.constructor.name}.prototype.${name} never runs while a report is read, and leaves nothing behind`, () => {
    withClock(FIXTURE_TIME, () => {
      const require = createRequire(import.meta.url);
      const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
      const { createValidate } = require('../../pkg/node/text-path.cjs');
      const expected = glue.validate(MANY);
      delete require.cache[gluePath];
      const own = createValidate(require(gluePath));
      const builtIn = prototype[name];
      const inner = request({ Name: 'n'.repeat(2 * require.cache[gluePath].exports.wasmMemory().buffer.byteLength) });
      let ran = 0;
      prototype[name] = function replaced(...args) {
        ran += 1;
        if (ran === 1) own(inner);
        // A Map's get answers a wrong string, as a cache poisoned for one call would.
        return name === 'get' ? 'member' : Reflect.apply(builtIn, this, args);
      };
      let reports;
      try {
        reports = [own(MANY), own(JSON.parse(MANY))];
      } finally {
        prototype[name] = builtIn;
      }
      assert.equal(ran, 0);
      for (const report of reports) assertSameReport(report, expected, 'the report');
      assertSameReport(own(MANY), expected, 'the next report');
    });
  });
}

test('a page that replaces Uint32Array[Symbol.species] is never asked while a report is read', () => {
  const expected = glue.validate(MANY);
  // Inherited from %TypedArray%: an own one on Uint32Array shadows it.
  assert.equal(Object.getOwnPropertyDescriptor(Uint32Array, Symbol.species), undefined);
  let asked = 0;
  // One that gave another array would write the report's words itself.
  Object.defineProperty(Uint32Array, Symbol.species, {
    configurable: true,
    get() {
      asked += 1;
      return class extends Uint32Array {
        constructor(length) {
          super(length);
          this.fill(0);
        }
      };
    },
  });
  let reports;
  try {
    reports = [validate(MANY), validate(JSON.parse(MANY))];
  } finally {
    delete Uint32Array[Symbol.species];
  }
  assert.equal(asked, 0);
  for (const report of reports) assertSameReport(report, expected, 'the report');
});

test('memory grown between two reports (which detaches the buffer the last one was read from): the next is read whole', () => {
  withClock(FIXTURE_TIME, () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
    const { createValidate } = require('../../pkg/node/text-path.cjs');
    delete require.cache[gluePath];
    const ownGlue = require(gluePath);
    const own = createValidate(ownGlue);
    for (const input of [MANY, JSON.parse(MANY)]) {
      assertSameReport(own(input), glue.validate(MANY), 'before');
      const before = ownGlue.wasmMemory().buffer;
      // Its report is read from the grown memory, as are the next ones.
      const long = request({ Name: 'n'.repeat(2 * before.byteLength), Options: { Mtime: 'NONE', Atime: 'BEST_EFFORT' } });
      assertSameReport(own(long), glue.validate(long), 'the request that grew the memory');
      assert.equal(before.byteLength, 0, 'the memory grew (its old buffer is detached)');
      assertSameReport(own(input), glue.validate(MANY), 'after');
    }
  });
});

test("a page's String.prototype.slice that throws does not reach a report being read, and leaves nothing behind", () => {
  const slice = String.prototype.slice;
  let validated = 0;
  const { createValidate } = createRequire(import.meta.url)('../../pkg/node/text-path.cjs');
  const own = createValidate({ ...glue, validate: (...args) => ((validated += 1), glue.validate(...args)) });
  String.prototype.slice = function replaced() {
    throw new Error("the page's slice");
  };
  let report;
  try {
    report = own(MANY);
  } finally {
    String.prototype.slice = slice;
  }
  assertSameReport(report, glue.validate(MANY), 'the report');
  assertSameReport(own(MANY), glue.validate(MANY), 'the next call');
  assert.equal(validated, 0, 'no call was sent to the glue as a call made while a report is read');
});

test('an Array.prototype whose prototype is a Proxy: none of its traps runs while a report is read', () => {
  const expected = glue.validate(MANY);
  let ran = 0;
  const traps = new Proxy(Object.prototype, {
    has(target, key) { ran += 1; return Reflect.has(target, key); },
    set(target, key, value, receiver) { ran += 1; return Reflect.set(target, key, value, receiver); },
    get(target, key, receiver) { ran += 1; return Reflect.get(target, key, receiver); },
    getOwnPropertyDescriptor(target, key) { ran += 1; return Reflect.getOwnPropertyDescriptor(target, key); },
    defineProperty(target, key, descriptor) { ran += 1; return Reflect.defineProperty(target, key, descriptor); },
  });
  let report;
  Object.setPrototypeOf(Array.prototype, traps);
  try {
    report = validate(MANY);
  } finally {
    Object.setPrototypeOf(Array.prototype, Object.prototype);
  }
  assert.equal(ran, 0);
  assertSameReport(report, expected, 'the report');
});

test('a glue let go after its report takes its wasm memory with it: the reader keeps nothing of it', async () => {
  // The collector, asked for once: a WeakRef tells whether the memory went.
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc');
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
  const { createValidate } = require('../../pkg/node/text-path.cjs');
  const memoryOfOneReport = (input) => {
    delete require.cache[gluePath];
    const ownGlue = require(gluePath);
    // Nothing but the reader may hold it: not the cache, nor the module that required it.
    const loaded = require.cache[gluePath];
    loaded.parent?.children.splice(loaded.parent.children.indexOf(loaded), 1);
    delete require.cache[gluePath];
    const own = createValidate(ownGlue);
    withClock(FIXTURE_TIME, () => assertSameReport(own(input), glue.validate(MANY), 'its report'));
    return new WeakRef(ownGlue.wasmMemory());
  };
  // The last report read, as an object and as text: no report is read after it.
  for (const input of [JSON.parse(MANY), MANY]) {
    const memory = memoryOfOneReport(input);
    for (let round = 0; round < 10 && memory.deref() !== undefined; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      collect();
    }
    assert.equal(memory.deref(), undefined, 'the memory was collected');
  }
});

test('an instance the guard replaced takes its wasm memory with it, though only valid requests follow', async () => {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc');
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
  const { createValidate, guardGlue } = require('../../pkg/node/text-path.cjs');
  delete require.cache[gluePath];
  const rawGlue = require(gluePath);
  delete require.cache[gluePath];
  const guarded = guardGlue(rawGlue);
  const own = createValidate(guarded);
  // An invalid report read: the reader keeps views of this memory for the next.
  withClock(FIXTURE_TIME, () => assertSameReport(own(JSON.parse(MANY)), glue.validate(MANY), 'its report'));
  const memory = new WeakRef(rawGlue.wasmMemory());
  // The stack overflows inside validate() at some depth: the guard then replaces the instance.
  const dive = () => {
    try {
      dive();
    } catch {}
    try {
      if (guarded.instance() === 0) own(JSON.parse(MANY));
    } catch {}
  };
  dive();
  assert.equal(guarded.instance(), 1, 'the instance was replaced');
  assert.notEqual(rawGlue.wasmMemory(), memory.deref());
  // Valid requests only: no report is read that would replace the kept views.
  for (let i = 0; i < 3; i += 1) assert.equal(own(request()).valid, true);
  for (let round = 0; round < 10 && memory.deref() !== undefined; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
  }
  assert.equal(memory.deref(), undefined, 'the replaced instance\'s memory was collected');
});

test("a page that replaces Array.prototype[Symbol.iterator] never runs while validate() reports, as an object or as text", () => {
  const expected = glue.validate(MANY);
  const iterator = Array.prototype[Symbol.iterator];
  let ran = 0;
  Array.prototype[Symbol.iterator] = function replaced() {
    ran += 1;
    return Reflect.apply(iterator, this, []);
  };
  let reports;
  let nonFinite;
  try {
    reports = [validate(JSON.parse(MANY)), validate(MANY)];
    // A member that is NaN, which the report names as such (JSON.stringify writes null).
    nonFinite = validate(request({ Options: { BytesPerSecond: NaN } }));
  } finally {
    Array.prototype[Symbol.iterator] = iterator;
  }
  assert.equal(ran, 0);
  for (const report of reports) assertSameReport(report, expected, 'the report');
  assert.match(nonFinite.errors[0].message, /it is NaN, which is not a finite number/);
});

test("a replaced instance's fixed strings are read at its own numbers, not the ones the reader kept from the instance before", () => {
  // A new instance numbers its fixed strings afresh, as it first writes
  // them: two that hash to one slot swap numbers when written in the other
  // order, so a number the reader kept a string at may be another string's
  // in the next instance. Modelled here by a glue whose second instance's
  // memory is a copy of the first's in which the number of the report's
  // first code is the word "renumbered".
  let instance = 0;
  let copy;
  const RENUMBERED = 'renumbered';
  const { own, real } = validateOverMemory(
    (real) => (instance === 0 ? real.wasmMemory() : copy),
    (real, written, input) => {
      if (instance === 0) return real.validateInputPlain(written);
      const record = recordInCopy(real, copy, written, input);
      // The record's header: its fourth word is where the table of fixed strings is (two words each).
      const words = new Uint32Array(copy.buffer);
      const table = words[(record >>> 2) + 3];
      // After the header, valid and the two counts: the first diagnostic's head, its code's number in its HEAD_CODE bits.
      const firstCode = words[(record >>> 2) + 4 + 3] & HEAD_CODE;
      // The new string: after the record's text, past everything the core wrote.
      const at = words[record >>> 2] + words[(record >>> 2) + 1] + 64;
      new TextEncoder().encodeInto(RENUMBERED, new Uint8Array(copy.buffer, at));
      words.set([at, RENUMBERED.length], (table >>> 2) + 2 * firstCode);
      return record;
    },
    { instance: () => instance },
  );
  const first = withClock(FIXTURE_TIME, () => own(MANY));
  assertSameReport(first, glue.validate(MANY), 'the first instance');
  const code = first.errors[0].code;
  instance = 1;
  copy = new WebAssembly.Memory({ initial: real.wasmMemory().buffer.byteLength / 65536 });
  const second = withClock(FIXTURE_TIME, () => own(MANY));
  const expected = JSON.parse(JSON.stringify(first));
  for (const diagnostic of [...expected.errors, ...expected.warnings]) if (diagnostic.code === code) diagnostic.code = RENUMBERED;
  assert.notEqual(JSON.stringify(expected), JSON.stringify(first));
  assertSameReport(second, expected, 'the second instance');
});

test('params of no shape whose count does not fit in the head are counted in the word after the message', () => {
  // The head keeps the params' count in its top 13 bits; the core writes
  // HEAD_PARAMS_COUNTED (8191) there when the count does not fit, and the
  // count in the word after the message. No code of the core has that many
  // params, so the record here is made by hand: the glue's record for MANY
  // is replaced, in a copy of its memory, by one diagnostic of the first
  // one's code, whose two params of no shape (shape 0) are counted that way.
  let copy;
  const copyOf = (real) => (copy ??= new WebAssembly.Memory({ initial: real.wasmMemory().buffer.byteLength / 65536 }));
  const { own } = validateOverMemory(copyOf, (real, written, input) => {
    const record = recordInCopy(real, copyOf(real), written, input);
    const words = new Uint32Array(copy.buffer);
    const start = record >>> 2;
    // The new record's text and words: past everything the core wrote.
    const textAt = words[start] + words[start + 1] + 64;
    const TEXT = '/Namemessagealphabeta';
    new TextEncoder().encodeInto(TEXT, new Uint8Array(copy.buffer, textAt));
    const at = (textAt + TEXT.length + 64) >>> 2;
    const firstCode = words[start + 7] & HEAD_CODE; // the first diagnostic's head: its code's number
    const diagnostic = [
      (firstCode | (HEAD_PARAMS_COUNTED << HEAD_PARAMS_SHIFT)) >>> 0, // shape 0, no fix, the count counted after the message
      TAG_STRING, 5, // the path: its end in the text
      TAG_STRING, 12, // the message
      2, // the count of params
      TAG_STRING, 17, TAG_SMALL, 7, // alpha: 7
      TAG_STRING, 21, TAG_SMALL, 9, // beta: 9
    ];
    // The header: the text, its bytes, the count of words, the fixed strings' table; valid, errors, warnings.
    const header = [textAt, TEXT.length, 7 + diagnostic.length, words[start + 3], 0, 1, 0];
    words.set([...header, ...diagnostic], at);
    return at << 2;
  });
  const code = withClock(FIXTURE_TIME, () => glue.validate(MANY)).errors[0].code;
  const report = withClock(FIXTURE_TIME, () => own(MANY));
  const expected = { valid: false, errors: [{ code, severity: 'error', path: '/Name', message: 'message', params: { alpha: 7, beta: 9 } }], warnings: [] };
  assertSameReport(report, expected, 'the hand-made record');
});
