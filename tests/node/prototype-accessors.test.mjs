// An accessor at a low index of Array.prototype, put there after the package
// loaded, with a getter that answers something else and a setter that keeps
// nothing: the walker's own arrays (the copy of a list it writes as JSON
// text, the print of the options it keeps) are filled without it, so the
// report of an object is the one its JSON text gets, and the one the same
// call got before the accessor was there (hunt: /tmp/hunt4 ap5.cjs, ap8.cjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { example, freshNodeInstance, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

/** What `body` returns with Array.prototype[index] an accessor that answers 'PROTO' and drops what is assigned (counted in `set`). */
function withAccessor(index, body) {
  const seen = { set: 0 };
  Object.defineProperty(Array.prototype, index, {
    configurable: true,
    get: () => 'PROTO',
    set: () => void (seen.set += 1),
  });
  try {
    return { result: body(), sets: seen.set };
  } finally {
    delete Array.prototype[index];
  }
}

test('a list longer than its most items (written as JSON text) with an accessor at Array.prototype[2]: the object reads as its text', () => {
  const { validate } = freshNodeInstance();
  const filter = (value) => ({ FilterType: 'SIMPLE_PATTERN', Value: value });
  const request = { ...example('many-problems'), Includes: [filter('a'), filter('b'), filter('c')] };
  const text = JSON.stringify(request);
  const expected = validate(text);
  assert.ok(expected.errors.some((d) => d.code === 'list/too-many-items' && d.path === '/Includes'));
  for (const index of [0, 1, 2]) {
    const { result, sets } = withAccessor(index, () => [validate(request), validate(text)]);
    assert.deepEqual(result[0], expected, `object, Array.prototype[${index}]`);
    assert.deepEqual(result[1], expected, `text, Array.prototype[${index}]`);
    assert.equal(sets, 0);
  }
});

test('options walked with an accessor at Array.prototype[0]: the same reports as without it, never input/not-serializable', () => {
  const { validate } = freshNodeInstance();
  const request = example('full-basic');
  const calls = [{ operation: 'UpdateTask' }, { operation: 'StartTaskExecution' }, { operation: 'UpdateTask' }];
  const expected = calls.map((options) => validate(request, options));
  for (const index of [0, 1]) {
    // A fresh instance each time: no options kept from before.
    const instance = freshNodeInstance();
    const { result, sets } = withAccessor(index, () => calls.map((options) => instance.validate(request, options)));
    assert.deepEqual(result, expected, `Array.prototype[${index}]`);
    assert.equal(sets, 0);
  }
});
