// A hostile-input hunt on the single pass's problem reporting (issue 16),
// from JavaScript: validate(object) must give the report validate() gives
// the object's JSON text (JSON.stringify), now that the text of an invalid
// request is mostly judged by the single pass rather than the tree. The
// objects are requests with problems the pass reports itself: values of
// every JavaScript kind where the model has another, numbers JSON.stringify
// writes in odd forms (-0, 1e+21, 2**53 + 1, NaN), BigInts, strings at their
// length limits in characters of one to four UTF-8 bytes (two UTF-16 units
// for the astral ones), lone surrogates, enum values one case or one space
// off, several problems in one object and in nested ones, the pass's
// problem limit, other operations and contexts with locations and a task.
// NaN and Infinity are left out: the object path names them, as the README
// says, where the text has the null JSON.stringify writes.
// tests/hunt_pass.rs is the same hunt on the Rust side. PASS_HUNT_COUNT and
// PASS_HUNT_SEED set the generator's count (default 3,000) and seed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DESTINATION, SOURCE, repoRoot, request, requireBuiltPackage, seededRandom } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');

const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const CONTEXTS = [
  undefined,
  {
    locations: [
      { LocationArn: SOURCE, type: 'S3' },
      { LocationArn: DESTINATION, type: 'NFS', MountOptions: { Version: 'NFS4_2' }, AgentArns: [] },
    ],
  },
];
const TASK_CONTEXTS = (operation) => [
  { operation },
  { operation, task: { TaskArn: TASK, TaskMode: 'ENHANCED', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } } },
  { operation, task: { TaskArn: TASK, TaskMode: 'BASIC', CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:g' } },
];

/** The JSON text of `object`, a BigInt written as its digits (as validate() reads one). */
function jsonText(object) {
  const marked = JSON.stringify(object, (_key, value) => (typeof value === 'bigint' ? `__bigint__${value}__` : value));
  return marked.replace(/"__bigint__(-?\d+)__"/g, '$1');
}

/** Asserts that `object` and its JSON text get the same report; returns whether it is valid. */
function agrees(object, options) {
  const text = jsonText(object);
  const fromText = JSON.stringify(validate(text, options));
  const fromObject = JSON.stringify(validate(object, options));
  assert.equal(fromObject, fromText, `validate(object) and validate(JSON text) differ on ${text.slice(0, 300)}`);
  return JSON.parse(fromText).valid;
}

/** `agrees` in every CreateTask context; asserts the request is invalid (the pass has problems to report). */
function invalidEverywhere(object) {
  for (const options of CONTEXTS) {
    assert.equal(agrees(object, options), false, `expected problems in ${jsonText(object).slice(0, 200)}`);
  }
}

const ODD_VALUES = [
  null, true, false, 0, -0, 1, -1, -2, 1.5, 0.1, 1e21, 1e-7, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 63, -(2 ** 63), 2 ** 64,
  Number.MAX_VALUE, Number.MIN_VALUE, 0n, -1n, -2n, 9223372036854775807n, 9223372036854775808n,
  -9223372036854775809n, 10n ** 40n, '', ' ', '1024', '-1', 'NONE', 'none', 'NONE ', '\ud800', '\udfff', 'a\u0000b', '\u2028',
  '"', '\\', '😀',
];

test('every odd JavaScript value in every place the pass judges', () => {
  const places = [
    (v) => ({ TaskMode: v }),
    (v) => ({ Name: v }),
    (v) => ({ CloudWatchLogGroupArn: v }),
    (v) => ({ Options: v }),
    (v) => ({ Options: { BytesPerSecond: v } }),
    (v) => ({ Options: { VerifyMode: v, Mtime: 'NONE' } }),
    (v) => ({ Schedule: v }),
    (v) => ({ Schedule: { ScheduleExpression: v } }),
    (v) => ({ Tags: v }),
    (v) => ({ Tags: [v] }),
    (v) => ({ Tags: [{ Key: v }] }),
    (v) => ({ Tags: [{ Key: 'k', Value: v }] }),
    (v) => ({ Includes: [{ FilterType: v, Value: '/a' }] }),
    (v) => ({ Excludes: [{ Value: v }] }),
    (v) => ({ ManifestConfig: { Source: { S3: v } } }),
    (v) => ({ TaskReportConfig: { Overrides: { Deleted: { ReportLevel: v } } } }),
  ];
  let invalid = 0;
  for (const place of places) {
    for (const value of ODD_VALUES) {
      for (const options of CONTEXTS) {
        if (!agrees(request(place(value)), options)) invalid += 1;
      }
    }
  }
  assert.ok(invalid > places.length * ODD_VALUES.length, `${invalid} invalid`);
});

/** Values JSON.stringify turns into something else, made afresh for each use. */
const exoticValues = () => [
  new String('NONE'),
  new String('none'),
  new Number(-0),
  new Number(2 ** 53 + 1),
  new Boolean(false),
  new Date(0),
  [, 1],
  [undefined, () => 1, Symbol('s')],
  { toJSON: () => 'NONE' },
  { toJSON: () => undefined },
  { toJSON: () => ({ Key: 'k' }) },
  { toJSON: (key) => key },
  Object.assign(Object.create(null), { Key: 'aws:k', Value: 1 }),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array([1, 2]),
  Object.defineProperty({}, 'Key', { get: () => '', enumerable: true }),
  Object.defineProperty({ Key: 'k' }, 'Value', { value: 'hidden', enumerable: false }),
  { Key: 'k', [Symbol('x')]: 1, Value: undefined },
];

test('values JSON.stringify turns into something else, where the pass judges them', () => {
  const places = [
    (v) => ({ TaskMode: v }),
    (v) => ({ Name: v, TaskMode: 1 }),
    (v) => ({ Options: v }),
    (v) => ({ Options: { BytesPerSecond: v, Atime: 'x' } }),
    (v) => ({ Options: { VerifyMode: v } }),
    (v) => ({ Tags: [v, { Value: 'v' }] }),
    (v) => ({ Tags: [{ Key: v }] }),
    (v) => ({ Includes: [v] }),
    (v) => ({ Schedule: { ScheduleExpression: v, Status: 'x' } }),
  ];
  for (const place of places) {
    for (let at = 0; at < exoticValues().length; at += 1) {
      for (const options of CONTEXTS) {
        const make = () => request(place(exoticValues()[at]));
        const text = jsonText(make());
        assert.equal(
          JSON.stringify(validate(make(), options)),
          JSON.stringify(validate(text, options)),
          `validate(object) and validate(JSON text) differ on ${text.slice(0, 300)}`,
        );
      }
    }
  }
});

test('several problems in one object and nested ones, and the rules that read a member of the wrong type', () => {
  for (const extra of [
    { TaskMode: 'basic', Name: '', Options: { VerifyMode: 'none', Atime: 1, BytesPerSecond: -2, LogLevel: null } },
    { TaskMode: 1, Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT', TransferMode: 'ALL' } },
    { TaskMode: 'ENHANCED', Options: 'NONE', CloudWatchLogGroupArn: 7 },
    { TaskMode: 'ENHANCED ', Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a' }], ManifestConfig: { Source: null } },
    { Options: { Mtime: 1, VerifyMode: 'POINT_IN_TIME_CONSISTENT', BytesPerSecond: '1024', LogLevel: 'BASIC' } },
    { Options: { Uid: 'BOTH', Gid: 0, PosixPermissions: 'PRESERVE' }, TaskMode: null },
    { Schedule: 'rate(1 hour)', Tags: 'Team' },
    { Schedule: { ScheduleExpression: 5, Status: 'enabled' } },
    { Tags: [{ Value: 'v' }, { Key: '', Value: '' }, { Key: 'aws:x', Value: 7 }, {}, { Key: 'a@b' }, 1, 'x', null] },
    { Includes: [{ FilterType: 'simple_pattern', Value: '' }], Excludes: [{ FilterType: 'SIMPLE_PATTERN' }, { Value: '/b' }] },
    { ManifestConfig: { Action: 'transfer', Source: { S3: { ManifestObjectPath: '', BucketAccessRoleArn: 'role', S3BucketArn: 'b' } } } },
    { TaskReportConfig: { Destination: { S3: {} }, OutputType: 'summary_only', Overrides: { Deleted: 1, Skipped: { ReportLevel: 'x' } } } },
    { SourceLocationArn: null, DestinationLocationArn: -0 },
    { SourceLocationArn: SOURCE.toUpperCase(), DestinationLocationArn: `${DESTINATION} ` },
  ]) {
    invalidEverywhere(request(extra));
  }
  invalidEverywhere({});
  invalidEverywhere({ TaskMode: 'ENHANCED', Options: { ObjectTags: 'PRESERVE' } });
});

test('strings around their length limits in characters of every width, and lone surrogates', () => {
  const members = [
    [(s) => ({ Name: s }), 256],
    [(s) => ({ Tags: [{ Key: s }] }), 128],
    [(s) => ({ Tags: [{ Key: 'k', Value: s }] }), 256],
    [(s) => ({ Schedule: { ScheduleExpression: s } }), 256],
    [(s) => ({ CloudWatchLogGroupArn: `arn:aws:logs:us-east-1:111122223333:log-group:${s}` }), 562 - 46],
  ];
  for (const [place, max] of members) {
    for (const fill of ['a', 'é', '€', '😀', ' ', '\u00a0', '\ud800', '\udc00x']) {
      for (const length of [0, 1, Math.floor(max / 2), Math.floor(max / 2) + 1, max - 1, max, max + 1]) {
        agrees(request(place(fill.repeat(length))));
      }
    }
  }
});

test("the pass's problem limit and the report's cut", () => {
  for (const n of [49, 50, 51, 63, 64, 65, 66, 200]) {
    invalidEverywhere(request({ Tags: Array.from({ length: n }, () => ({ Value: 'v' })) }));
  }
  invalidEverywhere(request({ Tags: Array.from({ length: 3000 }, () => ({ Key: 'aws:k' })), TaskMode: 1 }));
  const many = JSON.parse(readFileSync(`${repoRoot}/examples/many-problems.json`, 'utf8'));
  invalidEverywhere(many);
});

test('other operations, with and without the task described', () => {
  for (const [operation, extra] of [
    ['UpdateTask', { Options: { Atime: 'NONE', BytesPerSecond: '1', LogLevel: 'basic' }, Name: 7 }],
    ['UpdateTask', { CloudWatchLogGroupArn: '', Schedule: { ScheduleExpression: 'rate(1 minute)', Status: 'x' } }],
    ['UpdateTask', { TaskArn: 1, Options: { VerifyMode: 'NONE' } }],
    ['StartTaskExecution', { OverrideOptions: { Atime: 'NONE', Mtime: 'nope', TransferMode: 'all' } }],
    ['StartTaskExecution', { OverrideOptions: 'NONE', Tags: [{ Key: '' }] }],
    ['StartTaskExecution', { TaskArn: null, OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } }],
  ]) {
    for (const options of TASK_CONTEXTS(operation)) {
      assert.equal(agrees({ TaskArn: TASK, ...extra }, options), false);
    }
  }
});

/**
 * A seeded request with a few odd values, built from the members the pass
 * judges; now and then an unknown member or an object or an array of the wrong kind.
 */
function generated(random) {
  const pick = (list) => list[random(list.length)];
  const odd = () => (random(10) === 0 ? pick([[], {}, [1, 'a'], { a: [null] }, { Key: 'k' }]) : pick(ODD_VALUES));
  const maybe = (value) => (random(5) === 0 ? odd() : value);
  const object = {};
  if (random(20)) object.SourceLocationArn = maybe(SOURCE);
  if (random(20)) object.DestinationLocationArn = maybe(DESTINATION);
  if (random(2)) object.TaskMode = maybe(pick(['BASIC', 'ENHANCED', 'basic', 'ENHANCED ']));
  if (random(3)) object.Name = maybe(pick(['n', '😀'.repeat(256), 'é'.repeat(257), 'a<b']));
  if (random(2)) {
    const options = {};
    for (const [name, values] of [
      ['VerifyMode', ['NONE', 'POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED']],
      ['Atime', ['NONE', 'BEST_EFFORT']],
      ['Mtime', ['NONE', 'PRESERVE']],
      ['Uid', ['NONE', 'BOTH']],
      ['PosixPermissions', ['NONE', 'PRESERVE']],
      ['BytesPerSecond', [-1, 0, 1048576, -2, 2 ** 53 + 1]],
      ['LogLevel', ['OFF', 'BASIC', 'TRANSFER']],
      ['TransferMode', ['CHANGED', 'ALL']],
      ['ObjectTags', ['PRESERVE', 'NONE']],
    ]) {
      if (random(3) === 0) options[name] = maybe(pick(values));
    }
    object.Options = maybe(options);
  }
  if (random(4) === 0) object.CloudWatchLogGroupArn = maybe('arn:aws:logs:us-east-1:111122223333:log-group:g:*');
  if (random(4) === 0) object.Schedule = maybe({ ScheduleExpression: maybe(pick(['rate(1 hour)', 'rate(1 minute)', ''])) });
  if (random(4) === 0) {
    object.Tags = maybe(Array.from({ length: random(4) }, () => maybe({ Key: maybe(pick(['k', 'aws:k', ''])), Value: maybe('v') })));
  }
  if (random(4) === 0) object.Includes = maybe([maybe({ FilterType: maybe('SIMPLE_PATTERN'), Value: maybe('/a') })]);
  if (random(4) === 0) object.Excludes = maybe([maybe({ FilterType: 'SIMPLE_PATTERN', Value: maybe('*.tmp') })]);
  if (random(6) === 0) object.ManifestConfig = maybe({ Source: maybe({ S3: maybe({}) }) });
  if (random(10) === 0) object[pick(['Bogus', 'taskMode', 'Verifymode', 'TaskArn', 'OverrideOptions', 'a/b~c'])] = odd();
  if (random(6) === 0) object.TaskReportConfig = maybe({ OutputType: maybe('SUMMARY_ONLY'), Overrides: maybe({ Deleted: maybe({}) }) });
  return object;
}

test('generated requests with a few odd values: the object and its text agree', () => {
  const count = Number(process.env.PASS_HUNT_COUNT ?? 3000);
  const random = seededRandom(Number(process.env.PASS_HUNT_SEED ?? 0x2a5e_b0b1));
  let invalid = 0;
  for (let i = 0; i < count; i += 1) {
    const object = generated(random);
    if (!agrees(object, CONTEXTS[random(2)])) invalid += 1;
  }
  console.log(`pass-hunt: ${count} generated objects, ${invalid} with problems`);
  assert.ok(invalid * 2 > count, `only ${invalid} of ${count} had problems`);
});
