// The bad-input matrix across the JS boundary: every hostile value gets a
// diagnostic (or applyDefaults' documented TypeError), never a crash, a trap or
// a hang; the same instance then still validates a good request; no input is
// mutated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESTINATION, SOURCE, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { validate, applyDefaults } = await import('datasync-task-validator');

const good = () => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });

function cyclic() {
  const value = good();
  value.Options = { self: value };
  return value;
}

function deepObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i += 1) value = { Options: value };
  return value;
}

function throwingGetter() {
  const value = good();
  Object.defineProperty(value, 'Name', { enumerable: true, get() { throw new Error('getter exploded'); } });
  return value;
}

function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable(good(), {});
  revoke();
  return proxy;
}

/** JSON text of an object input to compare after the call, or null when it has none. */
function snapshot(input) {
  if (typeof input !== 'object' || input === null) return null;
  try {
    return JSON.stringify(input);
  } catch {
    return null;
  }
}

/** [label, () => input, codes the report must contain (empty: must be valid)] */
const MATRIX = [
  ['undefined', () => undefined, ['request/not-an-object']],
  ['null', () => null, ['request/not-an-object']],
  ['a number', () => 42, ['request/not-an-object']],
  ['NaN', () => NaN, ['request/not-an-object']],
  ['Infinity', () => Infinity, ['request/not-an-object']],
  ['-0', () => -0, ['request/not-an-object']],
  ['a BigInt', () => 10n, ['request/not-an-object']],
  ['a symbol', () => Symbol('request'), ['request/not-an-object']],
  ['a function', () => () => good(), ['request/not-an-object']],
  ['true', () => true, ['request/not-an-object']],
  ['text that is not JSON', () => 'SourceLocationArn=arn', ['json/syntax-error']],
  ['an empty string', () => '', ['json/syntax-error']],
  ['an array', () => [good()], ['request/not-an-object']],
  ['a BigInt member (read as its digits)', () => ({ ...good(), Options: { BytesPerSecond: 10n } }), []],
  ['NaN as BytesPerSecond', () => ({ ...good(), Options: { BytesPerSecond: NaN } }), ['value/wrong-type']],
  ['Infinity as BytesPerSecond', () => ({ ...good(), Options: { BytesPerSecond: Infinity } }), ['value/wrong-type']],
  ['-0 as BytesPerSecond', () => ({ ...good(), Options: { BytesPerSecond: -0 } }), []],
  ['a cyclic object', cyclic, ['input/not-serializable']],
  ['a throwing getter', throwingGetter, ['input/not-serializable']],
  ['a revoked Proxy', revokedProxy, ['input/not-serializable']],
  ['a Proxy', () => new Proxy(good(), {}), []],
  ['a symbol member value', () => ({ ...good(), Name: Symbol('x') }), []],
  ['10,000-deep objects', () => deepObject(10_000), ['json/too-deep']],
  ['10,000-deep JSON text', () => '['.repeat(10_000) + ']'.repeat(10_000), ['json/too-deep']],
  ['a 10 MB filter value', () => ({ ...good(), Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: 'x'.repeat(10_000_000) }] }), ['value/too-long']],
  ['100,000 tags', () => ({ ...good(), Tags: Array.from({ length: 100_000 }, (_, i) => ({ Key: `k${i}` })) }), ['list/too-many-items']],
  ['a lone surrogate in an object', () => ({ ...good(), Name: 'copy \ud800 task' }), ['value/invalid-unicode']],
  ['a lone surrogate in JSON text', () => JSON.stringify(good()).replace('}', ',"Name":"a\ud800b"}'), ['value/invalid-unicode']],
  ['__proto__ and constructor keys', () => JSON.parse(`{"__proto__":{"x":1},"constructor":1,"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}"}`), ['request/unknown-member']],
  ['an integer beyond 2^53 in JSON text', () => JSON.stringify(good()).replace('}', ',"Options":{"BytesPerSecond":9007199254740993}}'), []],
  ['an integer beyond 2^63 in JSON text', () => JSON.stringify(good()).replace('}', ',"Options":{"BytesPerSecond":99999999999999999999}}'), ['value/integer-out-of-range']],
];

for (const [label, make, codes] of MATRIX) {
  test(`validate survives ${label}`, () => {
    const input = make();
    const before = snapshot(input);
    const result = validate(input);
    assert.equal(typeof result.valid, 'boolean');
    const found = [...result.errors, ...result.warnings].map((d) => d.code);
    if (codes.length === 0) {
      assert.equal(result.valid, true, JSON.stringify(result.errors));
    } else {
      for (const code of codes) assert.ok(found.includes(code), `${code} not in ${found}`);
    }
    for (const d of [...result.errors, ...result.warnings]) {
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length < 2000, 'messages stay short even for huge input');
    }
    if (before !== null) assert.equal(JSON.stringify(input), before, 'the input was not mutated');
    // The instance is not poisoned.
    assert.deepEqual(validate(good()), { valid: true, errors: [], warnings: [] });
  });
}

test('applyDefaults throws only TypeError, and only for non-objects', () => {
  for (const [label, make] of MATRIX) {
    let input;
    try {
      input = make();
      const filled = applyDefaults(input);
      assert.equal(typeof filled, 'object', label);
    } catch (error) {
      assert.ok(error instanceof TypeError, `${label}: ${error}`);
    }
    assert.deepEqual(validate(good()), { valid: true, errors: [], warnings: [] }, label);
  }
});

test("applyDefaults refuses text it cannot parse with validate's own sentence: nested too deeply is not 'not valid JSON'", () => {
  // Hunt, session 31: valid JSON nested 65 deep was "the request is not
  // valid JSON (line 1, column ...)" from applyDefaults, json/too-deep from
  // validate. Both now give the core's message, applyDefaults as its TypeError.
  const deepText = `{"Tags":${'['.repeat(65)}${']'.repeat(65)}}`;
  const deepObject = JSON.parse(deepText);
  const inputs = {
    'valid JSON nested 65 deep': [deepText, 'json/too-deep'],
    'an object nested 65 deep': [deepObject, 'json/too-deep'],
    'broken JSON': ['{"Name": "x" "Tags": []}', 'json/syntax-error'],
  };
  for (const [label, [input, code]] of Object.entries(inputs)) {
    const [diagnostic] = validate(input).errors;
    assert.equal(diagnostic.code, code, label);
    assert.throws(() => applyDefaults(input), (error) => error instanceof TypeError && error.message === `applyDefaults: ${diagnostic.message}`, label);
  }
  assert.match(validate(deepText).errors[0].message, /more than 64 levels deep/);
});

test('json/too-deep names the operation the call was given, not always CreateTask', () => {
  // Hunt, session 33: an UpdateTask or StartTaskExecution request nested too
  // deeply was "far deeper than any CreateTask request".
  let tooDeepForStringify = {};
  for (let i = 0; i < 200_000; i++) tooDeepForStringify = { a: tooDeepForStringify };
  for (const operation of ['CreateTask', 'UpdateTask', 'StartTaskExecution']) {
    const options = { operation };
    const text = `{"TaskArn":"x","Excludes":${'['.repeat(70)}${']'.repeat(70)}}`;
    const levels = `The request nests objects or arrays more than 64 levels deep, far deeper than any ${operation} request.`;
    for (const input of [text, JSON.parse(text)]) {
      const [diagnostic] = validate(input, options).errors;
      assert.deepEqual([diagnostic.code, diagnostic.message], ['json/too-deep', levels], operation);
      assert.throws(() => applyDefaults(input, options), { name: 'TypeError', message: `applyDefaults: ${levels}` }, operation);
    }
    // JSON.stringify ran out of stack: the operation, without a line, and
    // no count of levels, since a flat request whose getter or toJSON calls
    // itself runs out of stack just the same (revcore34 finding 8).
    const stack = `JSON.stringify ran out of stack on the request: it nests objects or arrays far deeper than any ${operation} request, or a getter or toJSON in it calls itself.`;
    const endless = () => endless();
    for (const request of [
      { TaskArn: 'x', Excludes: tooDeepForStringify },
      { TaskArn: 'x', get Excludes() { return endless(); } },
      { TaskArn: 'x', toJSON() { return endless(); } },
    ]) {
      const [diagnostic] = validate(request, options).errors;
      assert.deepEqual([diagnostic.code, diagnostic.message, diagnostic.params?.line], ['json/too-deep', stack, undefined], operation);
      assert.throws(() => applyDefaults(request, options), { name: 'TypeError', message: `applyDefaults: ${stack}` }, operation);
    }
  }
  // Without options the request is a CreateTask request, as before.
  assert.match(validate(`{"Tags":${'['.repeat(70)}${']'.repeat(70)}}`).errors[0].message, /far deeper than any CreateTask request\.$/);
});

test('applyDefaults leaves the caller object untouched', () => {
  const input = Object.freeze({ ...good(), Options: Object.freeze({ Atime: 'NONE' }) });
  const filled = applyDefaults(input);
  assert.equal(filled.Options.Mtime, 'PRESERVE');
  assert.deepEqual(input.Options, { Atime: 'NONE' });
  assert.notEqual(filled, input);
});
