// Built-ins the report reader uses, replaced by the page (session 25's
// hunt): a replaced built-in must not change a report, and the next call
// must still be right. (The hunt's other finding, the JS stack running out
// inside followInstance, reproduced only at one exact --stack-size, 900 KB
// at 455536b, and not from a script shaped any differently: its fix, the
// instance noted last, has no test that could fail reliably.)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { FIXTURE_TIME, SOURCE, example, requireBuiltPackage, withClock } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');

const INVALID = { SourceLocationArn: SOURCE, Options: { BytesPerSecond: 'fast' } };

test("a page's String.prototype.slice does not change a report", () => {
  const expected = JSON.stringify(validate(INVALID));
  const slice = String.prototype.slice;
  String.prototype.slice = () => 'X';
  let reports;
  try {
    reports = [validate(INVALID), validate(JSON.stringify(INVALID))].map((report) => JSON.stringify(report));
  } finally {
    String.prototype.slice = slice;
  }
  assert.deepEqual(reports, [expected, expected]);
});

test("a page's Uint8Array that validates another request as it is made does not change a report", () => {
  const text = JSON.stringify(INVALID);
  const expected = JSON.stringify(validate(text));
  const big = {};
  for (let i = 0; i < 30_000; i++) big[`k${i}`] = i;
  const { Uint8Array: original, Uint32Array: original32 } = globalThis;
  let calls = 0;
  const reentering = (Base) =>
    class extends Base {
      constructor(...args) {
        super(...args);
        if (calls++ === 0) validate(big);
      }
    };
  globalThis.Uint8Array = reentering(original);
  globalThis.Uint32Array = reentering(original32);
  let reports;
  try {
    reports = [validate(text), validate(INVALID)].map((report) => JSON.stringify(report));
  } finally {
    globalThis.Uint8Array = original;
    globalThis.Uint32Array = original32;
  }
  assert.deepEqual(reports, [expected, expected]);
  assert.equal(JSON.stringify(validate(text)), expected);
});

test("a page's Uint8Array or Uint32Array never runs while a report is read", () => {
  // The reader makes its views with the constructors taken at load: each
  // replaced here after reports were read.
  const text = JSON.stringify(INVALID);
  const expected = JSON.stringify(validate(text));
  for (const names of [['Uint8Array'], ['Uint32Array'], ['Uint8Array', 'Uint32Array']]) {
    const originals = names.map((name) => globalThis[name]);
    let made = 0;
    names.forEach((name, i) => {
      globalThis[name] = class extends originals[i] {
        constructor(...args) {
          super(...args);
          made += 1;
        }
      };
    });
    let reports;
    try {
      reports = [validate(text), validate(INVALID)].map((report) => JSON.stringify(report));
    } finally {
      names.forEach((name, i) => {
        globalThis[name] = originals[i];
      });
    }
    assert.equal(made, 0, `${names}: made while a report was read`);
    assert.deepEqual(reports, [expected, expected], `${names}`);
    assert.equal(JSON.stringify(validate(INVALID)), expected, `${names}: the next report, with the global names again`);
  }
});

test("a page's %TypedArray%.prototype.buffer getter never runs while a report that is not all ASCII is read", () => {
  // A report's text with a character beyond ASCII is decoded once, from a
  // view made on the wasm memory's own buffer, and each string cut from it:
  // never from a view's `buffer`, which a page can make answer another buffer.
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: SOURCE, 'Unknowné': 1 };
  const expected = JSON.stringify(validate(request));
  assert.match(expected, /Unknowné/);
  const typedArray = Object.getPrototypeOf(Uint8Array.prototype);
  const builtIn = Object.getOwnPropertyDescriptor(typedArray, 'buffer');
  let ran = 0;
  Object.defineProperty(typedArray, 'buffer', {
    configurable: true,
    get() {
      ran += 1;
      const buffer = builtIn.get.call(this);
      return buffer.byteLength < 65536 ? new ArrayBuffer(buffer.byteLength) : buffer;
    },
  });
  let reports;
  try {
    reports = [validate(request), validate(JSON.stringify(request))].map((report) => JSON.stringify(report));
  } finally {
    Object.defineProperty(typedArray, 'buffer', builtIn);
  }
  assert.equal(ran, 0);
  assert.deepEqual(reports, [expected, expected]);
});

// Reading a report runs no page code, and the wrapper reads no getter a page
// can replace: each page below would call validate() (which may grow or
// write over the wasm memory the report is read from) or answer another
// buffer. A report with characters beyond ASCII, whose strings' ends the
// reader counts over the text's bytes, a number literal in params, and
// params shapes (review and hunt of session 26).
const NOT_ASCII = { ...example('many-problems'), 'Unknowné': 1, 'Zé': 2, Options: { BytesPerSecond: -5 } };
/** A request whose report is long and not all ASCII: validating it meanwhile writes over the last report's text, or grows the memory. */
const BIG = { SourceLocationArn: SOURCE, 'Tagsé': Array.from({ length: 3000 }, (_, i) => ({ Key: `k${i}`, Value: 'v'.repeat(300) })) };

/**
 * Asserts that NOT_ASCII gets its report (as an object and as text) while
 * `replace()` is in force (it returns its undo), and on the next call: from
 * a wrapper of a fresh glue, whose first call makes its views and reads
 * every fixed string from wasm memory.
 */
function reportsWhile(replace) {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
  const { createValidate } = require('../../pkg/node/text-path.cjs');
  delete require.cache[gluePath];
  const own = createValidate(require(gluePath));
  withClock(FIXTURE_TIME, () => {
    const expected = JSON.stringify(validate(NOT_ASCII));
    const undo = replace();
    let reports;
    try {
      reports = [own(NOT_ASCII), own(JSON.stringify(NOT_ASCII))].map((report) => JSON.stringify(report));
    } finally {
      undo();
    }
    assert.deepEqual(reports, [expected, expected]);
    assert.equal(JSON.stringify(own(NOT_ASCII)), expected, 'the next report');
  });
}

test('a getter on globalThis answering another Uint8Array or Uint32Array each time it is read is never read by validate()', () => {
  for (const name of ['Uint8Array', 'Uint32Array']) {
    const original = globalThis[name];
    const other = class extends original {
      constructor(...args) {
        super(...args);
        this.fill(88);
      }
    };
    let reads = 0;
    reportsWhile(() => {
      Object.defineProperty(globalThis, name, { configurable: true, get: () => (reads++ % 2 === 0 ? original : other) });
      return () => Object.defineProperty(globalThis, name, { configurable: true, writable: true, enumerable: false, value: original });
    });
    assert.equal(reads, 0, `${name} read`);
  }
});

test("a page's Number that validates another request never runs while a report is read", () => {
  const original = Number;
  let ran = 0;
  reportsWhile(() => {
    globalThis.Number = function replaced(value) {
      ran += 1;
      validate(BIG);
      return original(value);
    };
    return () => {
      globalThis.Number = original;
    };
  });
  assert.equal(ran, 0);
});

// Getters a page may replace on the prototypes: each validates BIG the first time it is asked.
const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype);
for (const [prototype, label, name] of [
  [TYPED_ARRAY, '%TypedArray%', 'length'],
  [TYPED_ARRAY, '%TypedArray%', 'byteLength'],
  [WebAssembly.Memory.prototype, 'WebAssembly.Memory', 'buffer'],
]) {
  test(`a page's ${label}.prototype.${name} getter that validates another request never runs while validate() runs`, () => {
    const builtIn = Object.getOwnPropertyDescriptor(prototype, name);
    let ran = 0;
    reportsWhile(() => {
      Object.defineProperty(prototype, name, {
        configurable: true,
        get() {
          ran += 1;
          if (ran === 1) validate(BIG);
          return builtIn.get.call(this);
        },
      });
      return () => Object.defineProperty(prototype, name, builtIn);
    });
    assert.equal(ran, 0);
  });
}

test("a page's WebAssembly.Memory.prototype.buffer getter that answers another buffer for one call leaves no view on it", () => {
  const builtIn = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, 'buffer');
  reportsWhile(() => {
    Object.defineProperty(WebAssembly.Memory.prototype, 'buffer', { configurable: true, get: () => new ArrayBuffer(1 << 24) });
    return () => Object.defineProperty(WebAssembly.Memory.prototype, 'buffer', builtIn);
  });
});

// The reader reads the record's words in place, from a view of the wasm
// memory. No page code runs while it reads, but were a built-in it took at
// load to run some that grows the memory (detaching that view), it reads the
// record once more, from a copy of its words and text that no growth
// detaches; a fixed string decoded meanwhile is decoded again, from a copy,
// before it is kept for the next reports. Simulated with a wrapper loaded
// afresh after the page replaced TextDecoder.prototype.decode, which the
// reader decodes the report's text with, then each fixed string it has not
// kept yet.

/**
 * Calls `body(own)` with the validate() of a wrapper of a fresh glue, loaded
 * after the page replaced decode by one that grows the wasm memory by a page,
 * just before or just after decoding, on the calls `grows(call)` says
 * ('before', 'after' or nothing), counted from 1 while `body` runs. Returns
 * how many times it grew the memory.
 */
function whileDecodeGrows(grows, body) {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('../../pkg/node/datasync_task_validator.cjs');
  const wrapperPath = require.resolve('../../pkg/node/text-path.cjs');
  const builtIn = TextDecoder.prototype.decode;
  let calls = -1; // not counting while the wrapper loads
  let grown = 0;
  let glue;
  const grow = () => {
    glue.wasmMemory().grow(1);
    grown += 1;
  };
  TextDecoder.prototype.decode = function decode(...args) {
    const when = calls < 0 ? undefined : grows((calls += 1));
    if (when === 'before') grow();
    const out = builtIn.apply(this, args);
    if (when === 'after') grow();
    return out;
  };
  try {
    delete require.cache[gluePath];
    delete require.cache[wrapperPath];
    glue = require(gluePath);
    const own = require(wrapperPath).createValidate(glue);
    calls = 0;
    withClock(FIXTURE_TIME, () => body(own));
  } finally {
    TextDecoder.prototype.decode = builtIn;
    delete require.cache[gluePath];
    delete require.cache[wrapperPath];
  }
  return grown;
}

for (const when of ['before', 'after']) {
  test(`a built-in that grows the memory ${when} it decodes the text or one fixed string of a report: this report and the next are whole`, () => {
    const expected = withClock(FIXTURE_TIME, () => [INVALID, NOT_ASCII].map((request) => JSON.stringify(validate(request))));
    // The first decode is the text's, the next ones fixed strings' (codes, params names, fixed messages).
    for (let nth = 1; nth <= 8; nth += 1) {
      const grown = whileDecodeGrows(
        (call) => (call === nth ? when : undefined),
        (own) => {
          assert.equal(JSON.stringify(own(NOT_ASCII)), expected[1], `decode #${nth} grew the memory`);
          for (const given of [NOT_ASCII, JSON.stringify(NOT_ASCII)]) assert.equal(JSON.stringify(own(given)), expected[1], `the next report (decode #${nth})`);
          for (const given of [INVALID, JSON.stringify(INVALID)]) assert.equal(JSON.stringify(own(given)), expected[0], `another report (decode #${nth})`);
        },
      );
      assert.equal(grown, 1, `decode #${nth} ran`);
    }
  });
}

test('a built-in that grows the memory every time it decodes: the report is whole, read a bounded number of times', () => {
  const expected = withClock(FIXTURE_TIME, () => JSON.stringify(validate(NOT_ASCII)));
  const most = 1000;
  const grown = whileDecodeGrows(
    (call) => (call <= most ? 'after' : undefined),
    (own) => assert.equal(JSON.stringify(own(NOT_ASCII)), expected),
  );
  // Once in place, then once from a copy: the text decoded twice, each fixed string at most twice.
  assert.ok(grown < most, `decoded ${grown} times`);
});
