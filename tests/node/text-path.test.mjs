// validate()'s fast input path (js/text-path.mjs: JSON text encoded as UTF-8
// by TextEncoder.encodeInto straight into wasm memory) must report exactly
// what the glue's own validate() reports for the same input, whichever way
// the input arrives.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DESTINATION, SOURCE, requireBuiltPackage, seededRandom } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');
// The wasm-bindgen glue the package wraps: its validate() takes every input the slow way.
const glue = createRequire(import.meta.url)('../../pkg/node/datasync_task_validator.cjs');

const root = new URL('../../', import.meta.url);
const jsonFiles = (folder) =>
  readdirSync(new URL(folder, root))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .map((name) => readFileSync(new URL(`${folder}/${name}`, root), 'utf8'));

const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });

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
    assert.deepEqual(validate(text), glue.validate(text), `for ${JSON.stringify(text).slice(0, 80)}`);
  }
});

test('object requests: the fast path reports what the glue reports', () => {
  for (const object of OBJECTS) {
    assert.deepEqual(validate(object), glue.validate(object), `for ${JSON.stringify(object)?.slice(0, 80)}`);
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

test('text is encoded straight into wasm memory: memory growth, shorter texts after longer ones', () => {
  // Validating 100,000 tags grows wasm memory, which detaches every view of the old one.
  const tags = Array.from({ length: 100_000 }, (_, i) => ({ Key: `k${i}`, Value: 'v'.repeat(50) }));
  const sequence = [
    JSON.stringify(request({ Name: 'x'.repeat(3_000), Tags: [{ Key: 'aws:reserved' }] })),
    JSON.stringify(request({})), // shorter, after a longer one: no leftover bytes
    JSON.stringify(request({ Tags: tags })),
    JSON.stringify(request({ Name: 'après la croissance' })),
    '{"SourceLocationArn": 1}',
    JSON.stringify(request({ Name: '数据'.repeat(1_000) })), // needs the buffer to grow for 3-byte UTF-8
    JSON.stringify(request({})),
  ];
  for (const text of sequence) {
    assert.deepEqual(validate(text), glue.validate(text), `for ${text.slice(0, 80)}`);
  }
  assert.deepEqual(validate(sequence[1]), { valid: true, errors: [], warnings: [] });
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
  const cyclic = request({});
  cyclic.Options = { self: cyclic };
  assert.deepEqual(validate(cyclic), glue.validate(cyclic));
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
