// Built-ins the report reader uses, replaced by the page (session 25's
// hunt): a replaced built-in must not change a report, and the next call
// must still be right. (The hunt's other finding, the JS stack running out
// inside followInstance, reproduced only at one exact --stack-size, 900 KB
// at 455536b, and not from a script shaped any differently: its fix, the
// instance noted last, has no test that could fail reliably.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SOURCE, requireBuiltPackage } from './helpers.mjs';

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

test("a page's Uint8Array or Uint32Array never runs while a report is read: the reader checks for one once per report", () => {
  // The reader makes its views with the global names (V8 builds those
  // inline) when they are still the constructors taken at load, and with
  // those taken at load otherwise: each replaced here after reports were read.
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
