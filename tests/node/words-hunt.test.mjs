// A hostile-input hunt on the walker's words (issue 16): a member's word
// holds its position and, for an enum, the position of its word in the enum
// (a free string's word its length; a structure's the extent of its members;
// a list's its item count), and the wrapper reads Date.now for the core when
// the schedule expression is spelled as cron (src/walked.rs's module doc,
// js/text-path.mjs's `timeFor`). The promise: validate(object) gives the
// report validate(JSON.stringify(object)) gives, byte for byte, in every
// operation and context, and the core reads the words itself (no fallback to
// the text path: a reader that refused its own walker's words would still
// agree, and be slow).
//
// The named cases read as that promise's specification: every enum member
// of every operation with each of its words and with words one case, one
// space or one letter off, words of other enums, and values of every other
// kind; enum members in lists and nested structures, the same problem in
// every one of them; more than 64 problems; unknown members before, between
// and after enum members; keys in another order than the model's; the most
// words a walk can write; the clock (a Date.now that throws, gives no
// number, NaN, a time beyond a Date's range, calls validate() itself; a
// schedule that is not a string; how often the clock is read); and the
// words themselves, read by the module documentation alone with the JSON
// Schema (an independent decoder), are the object's JSON text. The
// generator at the end sets the enums of the examples to near-miss values
// at every depth. Each block checks that an ordinary request is judged right
// afterwards (no state left behind).
//
// Found by this hunt (the two "a replaced encoder" cases below, with the
// smallest input): a replaced TextEncoder.prototype.encodeInto or encode
// that replaces Date.now was seen by the text path's clock and not by the
// object path's, which read it before encoding; fixed (the clock is read
// just before validateWalked). Checked to fail on throwaway builds whose walker wrote
// TaskMode's other word, whose wrapper passed a time ten years early, or
// read the clock only for short expressions; and against main's build
// (0a955bc: the old words, and no extra clock read for a malformed cron).
//
// WORDS_HUNT_COUNT and WORDS_HUNT_SEED set the generator's count (default
// 2,000) and seed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DESTINATION, SOURCE, TASK, freshNodeInstance, fullRequests, huntContexts, repoRoot, request, requireBuiltPackage, seededRandom } from './helpers.mjs';

requireBuiltPackage();
const require = createRequire(import.meta.url);
const glue = require('../../pkg/node/datasync_task_validator.cjs');
const { createValidate } = require('../../pkg/node/text-path.cjs');
const { schema } = require('../../pkg/schema.cjs');

/** The glue with the core's entries counted: which path a call took; and the last words and strings the wrapper gave the core. */
const calls = { walked: 0, text: 0 };
const given = { inputAddress: 0, wordsAddress: 0, words: [], strings: '', units: 0 };
const validate = createValidate({
  ...glue,
  inputBuffer: (...args) => (given.inputAddress = glue.inputBuffer(...args)),
  walkWords: (...args) => (given.wordsAddress = glue.walkWords(...args)),
  validateWalked: (count, bytes, units, stored, copy, now) => {
    calls.walked += 1;
    const memory = glue.wasmMemory().buffer;
    given.words = Array.from(new Float64Array(memory, given.wordsAddress, count));
    given.strings = new TextDecoder().decode(copy ?? new Uint8Array(memory, given.inputAddress, bytes));
    given.units = units;
    return glue.validateWalked(count, bytes, units, stored, copy, now);
  },
  validateInput: (...args) => ((calls.text += 1), glue.validateInput(...args)),
  validateInputPlain: (...args) => ((calls.text += 1), glue.validateInputPlain(...args)),
  validateInputStored: (...args) => ((calls.text += 1), glue.validateInputStored(...args)),
  validateUtf8: (...args) => ((calls.text += 1), glue.validateUtf8(...args)),
});

const NOW = Date.UTC(2026, 11, 1);
const OPERATIONS = ['CreateTask', 'UpdateTask', 'StartTaskExecution'];
const FULL = fullRequests();

/** The smallest request of each operation. */
const MINIMAL = { CreateTask: request({}), UpdateTask: { TaskArn: TASK }, StartTaskExecution: { TaskArn: TASK } };

/** The contexts each case is judged in. */
const contexts = huntContexts;

/** The report's JSON text with a non-finite number's name put back as the text's "null" (README). */
const asText = (report) =>
  JSON.stringify(report).replace(/it is -?(NaN|Infinity), which is not a finite number \(JSON has no such value; JSON\.stringify writes null\)\./g, 'it is null.');

/** The JSON text of `object`, a BigInt written as its digits (as validate() reads one). */
function jsonText(object) {
  const marked = JSON.stringify(object, (_key, value) => (typeof value === 'bigint' ? `__bigint__${value}__` : value));
  return marked.replace(/"__bigint__(-?\d+)__"/g, '$1');
}

/** Runs `body` with Date.now replaced by `clock`, putting the real one back. */
function withDateNow(clock, body) {
  const real = Date.now;
  Date.now = clock;
  try {
    return body();
  } finally {
    Date.now = real;
  }
}

/**
 * Asserts that the object `make()` returns (made afresh for each call, so a
 * toJSON or getter runs on its own copy) gets its JSON text's report in
 * `options` under one frozen clock, and that the core read the walker's
 * words (one call of validateWalked, none of the text entries) unless
 * `path` says 'text'; returns that report.
 */
function agrees(make, options, path = 'walker') {
  return withDateNow(() => NOW, () => {
    const text = jsonText(make());
    const fromText = JSON.stringify(validate(text, options));
    calls.walked = 0;
    calls.text = 0;
    const fromObject = asText(validate(make(), options));
    const where = `in ${JSON.stringify(options)?.slice(0, 80)} on ${text.slice(0, 400)}`;
    assert.equal(fromObject, fromText, `validate(object) and validate(JSON text) differ ${where}`);
    const took = calls.walked === 1 && calls.text === 0 ? 'walker' : 'text';
    assert.equal(took, path, `the path taken ${where}`);
    return JSON.parse(fromText);
  });
}

/** `agrees` in every context of `operation`. */
function agreesEverywhere(make, operation, path) {
  return contexts(operation).map((options) => agrees(make, options, path));
}

/** An ordinary request after a hostile one: the right report as an object and as text. */
function assertUnharmed() {
  const tagged = request({ Name: 'bad<name>', Options: { Atime: 'none' }, Tags: [{ Key: 'team', Value: 'data', Extra: 1 }] });
  assert.deepEqual(validate(tagged), validate(JSON.stringify(tagged)));
  assert.deepEqual(
    validate(tagged).errors.map((d) => `${d.path} ${d.code}`),
    ['/Name value/pattern-mismatch', '/Options/Atime value/not-in-enum', '/Tags/0/Extra request/unknown-member'],
  );
  assert.deepEqual(validate(request({})), { valid: true, errors: [], warnings: [] });
}

/** Every enum member of `operation`: its path (list items at index 0) and its words. */
function enumMembers(operation) {
  const out = [];
  const visit = (property, path) => {
    if (property.enum) out.push({ path, words: property.enum });
    for (const [name, member] of Object.entries(property.properties ?? {})) visit(member, [...path, name]);
    if (property.items) visit(property.items, [...path, 0]);
  };
  visit(schema(operation), []);
  return out;
}

/** A copy of `base` with the member at `path` set to `value` (objects and lists made on the way). */
function withValue(base, path, value) {
  const copy = structuredClone(base);
  let at = copy;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i];
    if (at[key] === null || typeof at[key] !== 'object') at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key];
  }
  at[path.at(-1)] = value;
  return copy;
}

/** Every enum word of the model, of every enum. */
const ALL_WORDS = [...new Set(OPERATIONS.flatMap((operation) => enumMembers(operation).flatMap(({ words }) => words)))];

/** Strings one case, one space or one letter off each of `words`. */
const nearMisses = (words) => words.flatMap((word) => [
  word.toLowerCase(), `${word[0]}${word.slice(1).toLowerCase()}`, ` ${word}`, `${word} `, `${word}\n`,
  word.slice(0, -1), `${word}S`, word.replace('_', '-'), word.replace('_', ' '), `${word}\u0000`, `${word}é`,
]).filter((near) => !words.includes(near));

/** Values of every other kind, made afresh for each use. */
const otherKinds = (words) => [
  null, true, false, 0, -0, 1, 2, 3, 63, 64, 65, 128, -1, -2, -3, 1.5, 2 ** 53, NaN, Infinity, 10n ** 20n,
  '', '\ud800', `${words[0]}\udc00`, '😀', [], [words[0]], {}, { [words[0]]: words[0] },
  new String(words[0]), { toJSON: () => words[0] }, { toJSON: () => 'nope' }, undefined, () => words[0], Symbol(words[0]),
];

test('every enum member of every operation with each of its words, in a full and in a minimal request', () => {
  let cases = 0;
  for (const operation of OPERATIONS) {
    for (const { path, words } of enumMembers(operation)) {
      for (const base of [...FULL[operation], MINIMAL[operation]]) {
        for (const word of words) {
          const report = agrees(() => withValue(base, path, word), contexts(operation)[cases % 3]);
          assert.ok(!report.errors.some((d) => d.code === 'value/not-in-enum'), `${path.join('/')} ${word}`);
          cases += 1;
        }
      }
    }
  }
  assert.ok(cases > 300, `${cases} cases`);
  assertUnharmed();
});

test('near-miss words (case, spaces, one letter, another enum\'s word) in every enum member of every operation', () => {
  let reported = 0;
  for (const operation of OPERATIONS) {
    for (const { path, words } of enumMembers(operation)) {
      for (const base of [FULL[operation][0], MINIMAL[operation]]) {
        for (const value of [...nearMisses(words), ...ALL_WORDS.filter((word) => !words.includes(word))]) {
          for (const options of contexts(operation)) {
            const report = agrees(() => withValue(base, path, value), options);
            assert.equal(report.valid, false, `${path.join('/')} ${JSON.stringify(value)}`);
            reported += 1;
          }
        }
      }
    }
  }
  assert.ok(reported > 5000, `${reported} reports`);
  assertUnharmed();
});

test('values of every other kind where an enum word is expected, in every enum member of every operation', () => {
  for (const operation of OPERATIONS) {
    for (const { path, words } of enumMembers(operation)) {
      for (let at = 0; at < otherKinds(words).length; at += 1) {
        agreesEverywhere(() => withValue(FULL[operation][0], path, otherKinds(words)[at]), operation);
      }
    }
  }
  assertUnharmed();
});

test('enum members in lists and nested structures: the same problem in every filter, override and option at once', () => {
  const overrides = (level) => ({ Transferred: { ReportLevel: level }, Verified: { ReportLevel: level }, Deleted: { ReportLevel: level }, Skipped: { ReportLevel: level } });
  const report = (level) => ({
    Destination: { S3: { Subdirectory: 'r/', S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/R' } },
    OutputType: level, ReportLevel: level, ObjectVersionIds: level, Overrides: overrides(level),
  });
  const filter = (type) => [{ FilterType: type, Value: '/a' }];
  const options = (word) => Object.fromEntries(enumMembers('CreateTask').filter(({ path }) => path[0] === 'Options').map(({ path }) => [path[1], word]));
  for (const word of ['', 'none', 'NONE', 'ERRORS_ONLY', 'SIMPLE_PATTERN', 1, null, {}]) {
    const manifest = { Action: word, Format: word, Source: { S3: { ManifestObjectPath: 'm.csv', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/R', S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket' } } };
    agreesEverywhere(() => request({
      Options: options(word), Excludes: filter(word), Includes: filter(word), Schedule: { ScheduleExpression: 'rate(1 hour)', Status: word },
      ManifestConfig: manifest, TaskReportConfig: report(word), TaskMode: word,
    }), 'CreateTask');
    agreesEverywhere(() => ({ TaskArn: TASK, Options: options(word), Excludes: filter(word), Includes: filter(word), ManifestConfig: manifest, TaskReportConfig: report(word) }), 'UpdateTask');
    agreesEverywhere(() => ({ TaskArn: TASK, OverrideOptions: options(word), Includes: filter(word), Excludes: filter(word), ManifestConfig: manifest, TaskReportConfig: report(word) }), 'StartTaskExecution');
    // A filter list too long (written as JSON text) beside one that is read.
    agreesEverywhere(() => request({ Excludes: [...filter(word), ...filter(word)], Includes: filter(word) }), 'CreateTask');
  }
  assertUnharmed();
});

test('more than 64 problems: every enum wrong beside unknown members and tags off their pattern', () => {
  const wrong = (operation) => Object.fromEntries(enumMembers(operation).filter(({ path }) => path.length === 2 && /Options$/.test(path[0])).map(({ path }) => [path[1], 'wrong']));
  for (const unknown of [0, 1, 30, 47, 48, 49, 50, 70]) {
    const extra = Object.fromEntries(Array.from({ length: unknown }, (_, i) => [`U${i}`, i]));
    const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `bad<${i}>`, Value: 'v' }));
    agreesEverywhere(() => request({ Options: { ...wrong('CreateTask'), ...extra }, Tags: tags, TaskMode: 'basic' }), 'CreateTask');
    agreesEverywhere(() => request({ ...extra, Options: { ...extra, ...wrong('CreateTask') }, TaskMode: 'x' }), 'CreateTask');
    agreesEverywhere(() => ({ TaskArn: TASK, OverrideOptions: { ...wrong('StartTaskExecution'), ...extra }, Tags: tags }), 'StartTaskExecution');
  }
  assertUnharmed();
});

test('unknown members before, between and after enum members, in every structure that has them', () => {
  for (const operation of OPERATIONS) {
    const byStructure = new Map();
    for (const { path, words } of enumMembers(operation)) {
      const key = path.slice(0, -1).join('/');
      byStructure.set(key, [...(byStructure.get(key) ?? []), [path, words]]);
    }
    for (const members of byStructure.values()) {
      for (const every of [1, 2, 3]) {
        for (const bad of [false, true]) {
          const make = () => {
            let object = structuredClone(FULL[operation][0]);
            const parent = members[0][0].slice(0, -1);
            // The structure's members afresh: unknown ones around the enums, every `every`-th enum off its words.
            const fresh = {};
            members.forEach(([path, words], index) => {
              if (index % every === 0) fresh[`Unknown${index}`] = index % 2 ? 'x' : { n: index };
              fresh[path.at(-1)] = bad && index % every === 0 ? words[0].toLowerCase() : words.at(-1);
            });
            fresh.Last = null;
            if (parent.length === 0) return { ...object, ...fresh };
            for (const [key, value] of Object.entries(fresh)) object = withValue(object, [...parent, key], value);
            return object;
          };
          agreesEverywhere(make, operation);
        }
      }
    }
  }
  assertUnharmed();
});

test("keys in another order than the model's: every structure reversed, with its enums right and wrong", () => {
  const reversed = (value, change) => {
    if (Array.isArray(value)) return value.map((item) => reversed(item, change));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, change(key, reversed(member, change))]));
  };
  for (const operation of OPERATIONS) {
    const enums = new Set(enumMembers(operation).map(({ path }) => path.at(-1)));
    for (const base of FULL[operation]) {
      agreesEverywhere(() => reversed(base, (_key, value) => value), operation);
      agreesEverywhere(() => reversed(base, (key, value) => (enums.has(key) && typeof value === 'string' ? value.toLowerCase() : value)), operation);
    }
  }
  assertUnharmed();
});

/** The most words a walk writes, as the built wrapper sizes its buffers (WALK_WORDS). */
const WALK_WORDS = Number(readFileSync(`${repoRoot}/pkg/node/text-path.cjs`, 'utf8').match(/const WALK_WORDS ?= ?(\d+);/)[1]);

test('the most words a walk writes: every member, every list full, unknown members between all of them, every string a safe integer, exactly the buffer\'s size', () => {
  const spread = (object) => {
    const out = { U: 1 };
    for (const [key, value] of Object.entries(object)) {
      out[key] = value;
      out[`U${key}`] = 'x';
    }
    return out;
  };
  const deep = (value) => {
    if (Array.isArray(value)) return value.map(deep);
    if (value === null || typeof value !== 'object') return value;
    return spread(Object.fromEntries(Object.entries(value).map(([key, member]) => [key, deep(member)])));
  };
  const integers = (value) => {
    if (typeof value === 'string') return 1;
    if (Array.isArray(value)) return value.map(integers);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, integers(member)]));
  };
  const tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  const level = { ReportLevel: 'ERRORS_ONLY' };
  // Every member of every structure present (the examples leave a few out).
  const every = (base) => {
    const full = structuredClone(base);
    if (full.ManifestConfig === undefined) {
      full.ManifestConfig = { Action: 'TRANSFER', Format: 'CSV', Source: { S3: { ManifestObjectPath: 'm.csv', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/R', S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket' } } };
    }
    full.ManifestConfig.Source.S3.ManifestObjectVersionId = 'v1';
    if (full.TaskReportConfig) full.TaskReportConfig.Overrides = { Transferred: level, Verified: level, Deleted: level, Skipped: level };
    return full;
  };
  let most = 0;
  for (const operation of OPERATIONS) {
    for (const base of FULL[operation]) {
      const full = every(operation === 'UpdateTask' ? base : { ...base, Tags: tags });
      agreesEverywhere(() => deep(full), operation);
      most = Math.max(most, given.words.length);
      // Every item written as JSON text in place of its words.
      agreesEverywhere(() => deep({ ...full, Tags: tags.map((tag) => ({ ...tag, Key: 1 })) }), operation);
      // Every string a safe integer: a mark, the member's word and the value.
      agreesEverywhere(() => deep(integers(full)), operation);
      most = Math.max(most, given.words.length);
    }
  }
  assert.equal(most, WALK_WORDS, 'the most words a walk wrote');
  assertUnharmed();
});

/** Expressions around the ones the wrapper reads the clock for (spelled as cron). */
const EXPRESSIONS = [
  'cron(0 2 ? * MON-FRI *)', 'cron(0 2 ? * MON-FRI 2020)', 'cron(0 2 ? * MON-FRI 2199)', 'cron(0 0 29 2 ? 2100)', 'cron(0 0 30 2 ? *)',
  ' CRON(0 2 ? * MON-FRI 2020)', 'CRON(0 2 ? * MON-FRI 2020)', 'cron (0 2 ? * MON-FRI 2020)', 'cron(0 8 * * 3#1)', 'cron(', 'cron()',
  'cron(0 2 ? * MON-FRI 2020) ', 'cron(0 2 ? * MON-FRI 2020)\u0000', `cron(${' '.repeat(300)})`, 'rate(1 hour)', 'rate(1 minute)', '',
];

/** Requests whose schedule is `expression`, beside problems of every path. */
const scheduled = (expression) => [
  [request({ Schedule: { ScheduleExpression: expression } }), 'CreateTask'],
  [request({ Schedule: { Status: 'disabled', ScheduleExpression: expression, Bogus: 1 }, TaskMode: 'basic' }), 'CreateTask'],
  [request({ Schedule: { ScheduleExpression: expression }, Options: Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`U${i}`, i])) }), 'CreateTask'],
  [{ TaskArn: TASK, Schedule: { ScheduleExpression: expression, Status: 'ENABLED' } }, 'UpdateTask'],
  [{ TaskArn: TASK, Schedule: { ScheduleExpression: expression } }, 'StartTaskExecution'],
];

/** Clocks a page may put in Date.now, made afresh for each use. */
const CLOCKS = {
  'a fixed time': () => () => NOW,
  'one that throws': () => () => { throw new Error('no clock'); },
  'one that throws a string': () => () => { throw 'no clock'; },
  'a string': () => () => '2026-01-01',
  'its digits as a string': () => () => String(NOW),
  NaN: () => () => NaN,
  Infinity: () => () => Infinity,
  '-Infinity': () => () => -Infinity,
  'the last time a Date holds': () => () => 8.64e15,
  'one millisecond beyond it': () => () => 8.64e15 + 1,
  'the first time a Date holds': () => () => -8.64e15,
  'one millisecond before it': () => () => -8.64e15 - 1,
  zero: () => () => 0,
  'minus zero': () => () => -0,
  'a millisecond before 1970': () => () => -1,
  'a fraction of a millisecond': () => () => NOW + 0.999,
  'the smallest number': () => () => 5e-324,
  'a BigInt': () => () => BigInt(NOW),
  null: () => () => null,
  undefined: () => () => undefined,
  'a Number object': () => () => new Number(NOW),
  'an object with valueOf': () => () => ({ valueOf: () => NOW }),
  'a Date': () => () => new Date(NOW),
  'one that moves 400 days a read': () => { let time = NOW; return () => (time += 400 * 86_400_000); },
  'one that gives no number every other read': () => { let reads = 0; return () => ((reads += 1) % 2 ? NOW : 'x'); },
  'beyond 2^32 seconds': () => () => 2 ** 32 * 1000 + 123,
  'the end of 2199': () => () => Date.UTC(2199, 11, 31, 23, 59),
  'the start of 2200': () => () => Date.UTC(2200, 0, 1),
  '1960': () => () => Date.UTC(1960, 0, 1),
};

/**
 * The report of the request `make()` returns (an object, or its JSON text,
 * made under the clock too: a getter may replace it) under Date.now `clock`,
 * and how many times the clock was read.
 */
function clocked(make, options, clock) {
  let reads = 0;
  const report = withDateNow(function now(...args) {
    reads += 1;
    return clock.apply(this, args);
  }, () => JSON.stringify(validate(make(), options)));
  return [report, reads];
}

test('the clock: any Date.now a page may put in place gives the object the report its text gets', () => {
  let cases = 0;
  for (const expression of EXPRESSIONS) {
    for (const [object, operation] of scheduled(expression)) {
      for (const [name, clock] of Object.entries(CLOCKS)) {
        calls.walked = 0;
        const [fromObject] = clocked(() => structuredClone(object), { operation }, clock());
        assert.equal(calls.walked, 1, 'read by the walker');
        const [fromText] = clocked(() => JSON.stringify(object), { operation }, clock());
        assert.equal(fromObject, fromText, `${name}: ${JSON.stringify(object)}`);
        cases += 1;
      }
    }
  }
  assert.ok(cases > 2000, `${cases} cases`);
  assertUnharmed();
});

test('how often the clock is read: as often as for the text, but once more for an expression spelled as cron that the core finds malformed', () => {
  const reads = (object, operation) => [clocked(() => structuredClone(object), { operation }, () => NOW)[1], clocked(() => JSON.stringify(object), { operation }, () => NOW)[1]];
  // [object, text], in every place the schedule may be and beside problems.
  const expected = {
    'cron(0 2 ? * MON-FRI *)': [1, 1],
    'cron(0 2 ? * MON-FRI 2020)': [1, 1],
    // Spelled otherwise, read by the core itself, as for the text.
    ' CRON(0 2 ? * MON-FRI 2020)': [1, 1],
    'CRON(0 2 ? * MON-FRI 2020)': [1, 1],
    'cron(0 2 ? * MON-FRI 2020) ': [1, 1],
    'rate(1 hour)': [0, 0],
    '': [0, 0],
    // Five fields: judged as the six-field suggestion (a warning), so the core reads the time too.
    'cron(0 8 * * 3#1)': [1, 1],
    // Spelled as cron, but malformed or beyond the model's length: the core never reads the time.
    'cron(0 8 * *)': [1, 0],
    'cron(': [1, 0],
    'cron(0 2 ? * MON-FRI 2020)\u0000': [1, 0],
    [`cron(${' '.repeat(300)})`]: [1, 0],
  };
  for (const [expression, counts] of Object.entries(expected)) {
    for (const [object, operation] of scheduled(expression)) {
      // StartTaskExecution has no Schedule: an unknown member, whose expression is not read.
      assert.deepEqual(reads(object, operation), operation === 'StartTaskExecution' ? [0, 0] : counts, `${JSON.stringify(expression)} in ${JSON.stringify(object)}`);
    }
  }
  // The same request again: the core's cached verdict still asks for the time.
  const object = request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI *)' } });
  for (let i = 0; i < 3; i += 1) assert.deepEqual(reads(object, 'CreateTask'), [1, 1]);
  assertUnharmed();
});

test('a schedule expression that is not a string: the report the text\'s, the clock read as often', () => {
  const cron = 'cron(0 2 ? * MON-FRI 2020)';
  const values = () => [
    5, null, true, {}, [], [cron], { cron }, new String(cron), { toJSON: () => cron }, { toJSON: () => 5 },
    Object.defineProperty({}, 'x', { get: () => cron, enumerable: true }), undefined, () => cron, Symbol(cron), `${cron}\ud800`, 10n,
  ];
  for (let at = 0; at < values().length; at += 1) {
    for (const clock of [CLOCKS['a fixed time'](), CLOCKS['one that throws']()]) {
      for (const [make, operation] of [
        [() => request({ Schedule: { ScheduleExpression: values()[at] } }), 'CreateTask'],
        [() => ({ TaskArn: TASK, Schedule: { Status: 'ENABLED', ScheduleExpression: values()[at] } }), 'UpdateTask'],
        [() => request({ Schedule: values()[at] }), 'CreateTask'],
      ]) {
        const fromObject = clocked(make, { operation }, clock);
        const fromText = clocked(() => jsonText(make()), { operation }, clock);
        assert.deepEqual(fromObject, fromText, `${String(values()[at])}`);
      }
    }
  }
  // A getter that gives the expression, and one that replaces Date.now as it does: read once, before the clock.
  let getterReads = 0;
  const make = () => request({ Schedule: { get ScheduleExpression() {
    getterReads += 1;
    Date.now = () => { throw new Error('replaced by a getter'); };
    return cron;
  } } });
  const [fromObject] = clocked(make, undefined, () => NOW);
  const [fromText] = clocked(() => JSON.stringify(make()), undefined, () => NOW);
  assert.equal(fromObject, fromText);
  assert.equal(getterReads, 2);
  assertUnharmed();
});

test('a Date.now that calls validate() itself, as an object or as text, and then throws or gives the time: both reports right', () => {
  const locations = [{ LocationArn: SOURCE, type: 'S3' }, { LocationArn: DESTINATION, type: 'EFS' }];
  const inners = [
    [request({ Name: 'bad<', Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' } }), undefined],
    [request({ Options: { VerifyMode: 'x', Bogus: 1 }, Tags: Array.from({ length: 70 }, () => ({ Key: 'k', Q: 1 })) }), { operation: 'CreateTask', locations }],
    [{ TaskArn: TASK, OverrideOptions: { Atime: 'nope' } }, { operation: 'StartTaskExecution' }],
  ];
  const outers = [
    request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' }, Name: 'n<' }),
    request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI *)', Status: 'ENABLED' }, TaskMode: 'ENHANCED' }),
    request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' }, Options: { Atime: 'bad', Q: 1 } }),
  ];
  for (const outer of outers) {
    for (const outerOptions of [undefined, { operation: 'CreateTask', locations }, { operation: 'UpdateTask' }]) {
      for (const [inner, innerOptions] of inners) {
        const innerExpected = withDateNow(() => NOW, () => JSON.stringify(validate(JSON.stringify(inner), innerOptions)));
        for (const innerAs of ['object', 'text']) {
          for (const then of ['gives the time', 'throws']) {
            const reports = {};
            for (const outerAs of ['object', 'text']) {
              let depth = 0;
              let innerReport;
              const clock = () => {
                if (depth === 0) {
                  depth += 1;
                  try {
                    innerReport = JSON.stringify(validate(innerAs === 'object' ? structuredClone(inner) : JSON.stringify(inner), innerOptions));
                  } finally {
                    depth -= 1;
                  }
                  if (then === 'throws') throw new Error('after validate()');
                }
                return NOW;
              };
              const report = withDateNow(clock, () => JSON.stringify(validate(outerAs === 'object' ? structuredClone(outer) : JSON.stringify(outer), outerOptions)));
              reports[outerAs] = report;
              assert.equal(innerReport, innerExpected, `the inner report (outer as ${outerAs}, inner as ${innerAs}, then ${then})`);
            }
            assert.equal(reports.object, reports.text, `the outer report (inner as ${innerAs}, then ${then})`);
          }
        }
      }
    }
  }
  assertUnharmed();
});

test('a Date.now replaced by a getter that throws, or deleted: no clock on both paths', () => {
  const object = request({ Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' } });
  const descriptor = Object.getOwnPropertyDescriptor(Date, 'now');
  for (const replacement of [{ get() { throw new Error('no clock'); }, configurable: true }, null]) {
    let fromObject;
    let fromText;
    try {
      if (replacement) Object.defineProperty(Date, 'now', replacement);
      else delete Date.now;
      fromObject = JSON.stringify(validate(structuredClone(object)));
      fromText = JSON.stringify(validate(JSON.stringify(object)));
    } finally {
      Object.defineProperty(Date, 'now', descriptor);
    }
    assert.equal(fromObject, fromText);
    assert.deepEqual(JSON.parse(fromObject).warnings, []);
  }
  assertUnharmed();
});

/**
 * The reports of `object` as an object and as its JSON text under a fixed
 * clock, with TextEncoder.prototype[`method`] replaced by one that first
 * replaces Date.now with one that throws (no clock), as a page may.
 */
function withEncoderThatStopsTheClock(method, object) {
  const real = TextEncoder.prototype[method];
  let armed = false;
  TextEncoder.prototype[method] = function stoppingTheClock(...args) {
    if (armed) Date.now = () => { throw new Error('no clock'); };
    return real.apply(this, args);
  };
  const reports = {};
  try {
    // Loaded with the replacement in place: the wrapper takes encodeInto at
    // load, so only one replaced before it loaded runs (encode is read live).
    const { validate: own } = freshNodeInstance();
    for (const as of ['object', 'text']) {
      armed = true;
      try {
        reports[as] = withDateNow(() => NOW, () => JSON.stringify(own(as === 'object' ? object : JSON.stringify(object))));
      } finally {
        armed = false;
      }
    }
  } finally {
    TextEncoder.prototype[method] = real;
    freshNodeInstance(); // the next loads take the built-in again
  }
  return reports;
}

// Found by this hunt: the wrapper read Date.now after the walk but before it
// encoded the strings (encodeInto, or encode for strings longer than the
// input buffer may grow), where the text path's core reads it after the
// encoder ran; so a replaced encoder that replaced Date.now was seen by the
// text path only. The clock is now read after the words and strings are in
// wasm memory, just before validateWalked.
test(
  'a replaced TextEncoder.prototype.encodeInto that stops the clock stops it for the object as for the text (the clock is read after encoding)',
  () => {
    // The smallest input: a schedule alone (the missing locations change nothing).
    const reports = withEncoderThatStopsTheClock('encodeInto', { Schedule: { ScheduleExpression: 'cron(0 0 1 1 ? 2020)' } });
    assert.deepEqual(JSON.parse(reports.text).warnings, []);
    assert.equal(reports.object, reports.text);
  },
);

test(
  'a replaced TextEncoder.prototype.encode that stops the clock, with a string longer than the input buffer, stops it for the object as for the text',
  () => {
    const object = request({ Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/${'a'.repeat(5_000_000)}` }], Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI 2020)' } });
    const reports = withEncoderThatStopsTheClock('encode', object);
    assert.deepEqual(JSON.parse(reports.text).warnings, []);
    assert.equal(reports.object, reports.text);
  },
);

/**
 * The JSON text the words and strings stand for, read by src/walked.rs's
 * module documentation alone, with the JSON Schema of `operation` for the
 * members' order and kinds: the first word holds the operation's position
 * and the request's extent; a member's word is its position plus 64 times
 * what it holds (an enum word's position, a free string's length in UTF-16
 * units, a structure's extent in words, a list's item count, nothing for an
 * integer, whose value is the next word); an item is written as a member at
 * position 0; -2 and a length stand for members as JSON.stringify writes
 * them, -3 and a length for an item; -4 and a member's word for a member
 * holding a scalar of another kind than its schema's, the word holding 0
 * null, 1 false, 2 true, 3 an integer (the next word) or 4 plus a string's
 * length. Throws where the words are not so.
 */
function decoded(words, strings, operation) {
  let next = 0;
  let at = 0;
  const word = () => {
    if (next >= words.length) throw new Error(`the words end at ${next}`);
    return words[next++];
  };
  const text = (units) => {
    if (at + units > strings.length) throw new Error(`the strings end before ${at + units}`);
    at += units;
    return strings.slice(at - units, at);
  };
  const split = (w) => {
    if (!Number.isSafeInteger(w) || w < 0) throw new Error(`${w} at ${next - 1} is no member's word`);
    return [w % 64, Math.floor(w / 64)];
  };
  const member = (property, held) => {
    if (property.enum) {
      if (held >= property.enum.length) throw new Error(`enum word ${held} of ${property.enum}`);
      return JSON.stringify(property.enum[held]);
    }
    if (property.type === 'string') return JSON.stringify(text(held));
    if (property.type === 'integer') {
      if (held !== 0) throw new Error(`an integer's word holding ${held}`);
      return String(word());
    }
    if (property.type === 'array') {
      const items = [];
      for (let i = 0; i < held; i += 1) {
        const w = word();
        if (w === -3) items.push(text(word()));
        else {
          const [position, itemHeld] = split(w);
          if (position !== 0) throw new Error(`an item's word at position ${position}`);
          items.push(member(property.items, itemHeld));
        }
      }
      return `[${items.join(',')}]`;
    }
    const names = Object.keys(property.properties);
    const end = next + held;
    const out = [];
    while (next < end) {
      const w = word();
      if (w === -2) out.push(text(word()));
      else if (w === -4) {
        const [position, kind] = split(word());
        if (position >= names.length) throw new Error(`member ${position} of ${names}`);
        const value = kind >= 4 ? JSON.stringify(text(kind - 4)) : kind === 3 ? String(word()) : String([null, false, true][kind]);
        out.push(`${JSON.stringify(names[position])}:${value}`);
      } else {
        const [position, memberHeld] = split(w);
        if (position >= names.length) throw new Error(`member ${position} of ${names}`);
        out.push(`${JSON.stringify(names[position])}:${member(property.properties[names[position]], memberHeld)}`);
      }
    }
    if (next !== end) throw new Error(`a structure ending at ${next}, not ${end}`);
    return `{${out.join(',')}}`;
  };
  const [position, extent] = split(word());
  if (OPERATIONS[position] !== operation) throw new Error(`operation ${position}`);
  const json = member(schema(operation), extent);
  if (next !== words.length || at !== strings.length) throw new Error('words or strings left over');
  return json;
}

test("the words are what src/walked.rs's module documentation says: read by it alone, they are the object's JSON text", () => {
  const random = seededRandom(0x5eed_0f);
  const enums = new Map(OPERATIONS.flatMap((operation) => enumMembers(operation).map(({ path, words }) => [path.at(-1), words])));
  const objects = [];
  for (const operation of OPERATIONS) {
    for (const base of [...FULL[operation], MINIMAL[operation]]) {
      objects.push([base, operation]);
      for (let i = 0; i < 300; i += 1) objects.push([mutated(base, random, enums), operation]);
    }
  }
  objects.push([request({ Name: 'café ☕ 数据 😀', Tags: [{ Key: 'é'.repeat(128), Value: '😀'.repeat(100) }] }), 'CreateTask']);
  objects.push([request({ Options: { BytesPerSecond: -1 }, Excludes: [] }), 'CreateTask']);
  // Values the walker writes as JSON text, in an enum's place, beside it, as an item and in an item.
  for (const value of [
    { toJSON: () => 'NONE' }, new String('NONE'), new Number(3), Symbol('s'), undefined, () => 1, new Date(0), '\ud800', 'a\u2028"\\',
    [[1, [2]], { a: null }], NaN, -0, 2 ** 53, 10n ** 20n, Object.create(null), new Proxy({ p: 'NONE' }, {}), { toJSON: () => undefined },
  ]) {
    objects.push([request({ Options: { VerifyMode: value, Bogus: value, Atime: 'NONE', BytesPerSecond: value }, Tags: [value, { Key: 'k', X: value }], TaskMode: value }), 'CreateTask']);
    objects.push([{ TaskArn: TASK, OverrideOptions: { LogLevel: value, Uid: 'BOTH' }, Includes: [{ FilterType: value, Value: '/a' }, value] }, 'StartTaskExecution']);
  }
  let read = 0;
  for (const [object, operation] of objects) {
    calls.walked = 0;
    validate(object, { operation });
    if (calls.walked === 0) continue; // a walker that gave up before the core (a toJSON at the root, say)
    const json = decoded(given.words, given.strings, operation);
    assert.equal(json, jsonText(object), `${JSON.stringify(given.words)}`);
    assert.equal(given.units, given.strings.length, 'the strings\' length in UTF-16 units');
    read += 1;
  }
  assert.ok(read > 2000, `${read} objects read`);
});

/** A copy of `value` with enum words set, now and then, to near misses, other enums' words or other kinds; unknown members beside them; keys shuffled. */
function mutated(value, random, enums) {
  const pick = (list) => list[random(list.length)];
  if (Array.isArray(value)) {
    const items = value.map((item) => mutated(item, random, enums));
    if (random(6) === 0) for (let i = random(55); i > 0; i -= 1) items.push(mutated(value[0] ?? { Key: 'k' }, random, enums));
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  let entries = Object.entries(value).map(([key, member]) => {
    const words = enums.get(key);
    if (!words || typeof member !== 'string' || random(3)) return [key, mutated(member, random, enums)];
    return [key, pick([pick(words), pick(nearMisses(words)), pick(ALL_WORDS), pick(otherKinds(words))])];
  });
  if (random(3) === 0) {
    for (let i = random(4); i >= 0; i -= 1) {
      entries.splice(random(entries.length + 1), 0, [pick(['Bogus', 'verifyMode', 'Status', 'TaskMode', 'ReportLevel', 'FilterType', 'x', '']) + (random(2) ? '' : random(99)), pick(['x', 1, null, 'NONE', {}, []])]);
    }
  }
  if (random(4) === 0) {
    for (let i = entries.length - 1; i > 0; i -= 1) {
      const j = random(i + 1);
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
  }
  if (random(6) === 0 && entries.length > 0) entries.splice(random(entries.length), 1);
  if (random(40) === 0) entries = [...entries.map(([key, member]) => [key, enums.has(key) ? 'wrong' : member]), ...Array.from({ length: 70 }, (_, i) => [`U${i}`, i])];
  return Object.fromEntries(entries);
}

test('generated requests with their enums set to near misses at every depth: the object and its text agree', () => {
  const count = Number(process.env.WORDS_HUNT_COUNT ?? 2000);
  const random = seededRandom(Number(process.env.WORDS_HUNT_SEED ?? 0x0e_4a_55));
  const enums = new Map(OPERATIONS.flatMap((operation) => enumMembers(operation).map(({ path, words }) => [path.at(-1), words])));
  let invalid = 0;
  for (let i = 0; i < count; i += 1) {
    const operation = OPERATIONS[random(3)];
    const bases = FULL[operation];
    const object = mutated(bases[random(bases.length)], random, enums);
    // Now and then judged as a request of another operation.
    const judgedAs = random(4) === 0 ? OPERATIONS[random(3)] : operation;
    // Some values are made afresh by a toJSON: the same object serves both calls (a toJSON that returns a constant).
    if (!agrees(() => object, contexts(judgedAs)[random(3)]).valid) invalid += 1;
  }
  console.log(`words-hunt: ${count} generated requests, ${invalid} with problems`);
  assert.ok(invalid * 2 > count, `only ${invalid} of ${count} had problems`);
  assertUnharmed();
});
