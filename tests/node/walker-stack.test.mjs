// The object walker running out of JS stack. How deep JSON.stringify goes is
// the engine's (Deno 2.9's writes 200,000 levels and more; README, "Decisions
// worth knowing", says how deep the walker goes), and an object's report is the one
// its JSON text gets: so a walk that runs out of stack is not itself the
// verdict; the object is handed to JSON.stringify and judged from its text
// (json/too-deep without a line only when JSON.stringify runs out too).
// tests/runtimes/compare.mjs sees it on real deep objects under Deno;
// here a getter throws the engine's words the first time it is read, as a
// walk that ran out of stack there would, which Node.js 20 cannot show with a
// deep object (its JSON.stringify runs out first).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { request, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');

const codes = (report) => report.errors.concat(report.warnings).map((d) => `${d.path} ${d.code}`);

/** A request whose Name getter throws `thrown` when first read, and then is 'bad<name>'; `reads()` counts its reads. */
function throwingOnce(thrown) {
  let reads = 0;
  const object = Object.defineProperty(request({}), 'Name', {
    enumerable: true,
    get() {
      reads += 1;
      if (reads === 1) throw thrown;
      return 'bad<name>';
    },
  });
  return { object, reads: () => reads };
}

for (const [engine, thrown] of [
  ['V8', new RangeError('Maximum call stack size exceeded')],
  ['JavaScriptCore', new RangeError('Maximum call stack size exceeded.')],
  ['SpiderMonkey', new Error('too much recursion')],
]) {
  test(`a walk that runs out of stack (${engine}'s words) is judged from the text JSON.stringify writes`, () => {
    const { object, reads } = throwingOnce(thrown);
    assert.deepEqual(codes(validate(object)), ['/Name value/pattern-mismatch']);
    assert.equal(reads(), 2, 'read by the walker, then by JSON.stringify');
  });
}

test('a RangeError of other words is the request failing to serialise, read once', () => {
  const { object, reads } = throwingOnce(new RangeError('Invalid time value'));
  const report = validate(object);
  assert.deepEqual(codes(report), [' input/not-serializable']);
  assert.match(report.errors[0].message, /\(Invalid time value\)/);
  assert.equal(reads(), 1);
});

test('an object deeper than JSON.stringify goes is json/too-deep, without a line', () => {
  let deep = {};
  for (let depth = 0; depth < 200_000; depth += 1) deep = { Options: deep };
  const object = request(deep);
  let text;
  try {
    text = JSON.stringify(object);
  } catch {
    text = undefined;
  }
  const report = validate(object);
  if (text === undefined) {
    assert.deepEqual(codes(report), [' json/too-deep']);
    assert.match(report.errors[0].message, /^JSON\.stringify ran out of stack on the request: it nests objects or arrays far deeper than any CreateTask request/);
    assert.equal(report.errors[0].params?.line, undefined);
  } else {
    assert.deepEqual(report, validate(text));
  }
});
