// A BigInt in a request object is the exact integer it holds: validate and
// applyDefaults read it as they read the same digits in JSON text, so
// validate(applyDefaults(x)) works when applyDefaults returned a BigInt (for
// an integer beyond 2^53). JSON.stringify refuses BigInts, so the package
// serialises such an object a second time, with JSON.rawJSON where the engine
// has it and a per-call mark replaced in the text where it does not (Node.js
// 20): both ways are checked here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DESTINATION, SOURCE, freshNodeInstance, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const freshInstance = freshNodeInstance;

const good = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });
/** The request as JSON text with `"BytesPerSecond": digits` in its Options. */
const textWith = (digits, extra = {}) =>
  JSON.stringify(good({ ...extra, Options: { BytesPerSecond: 0 } })).replace('"BytesPerSecond":0', `"BytesPerSecond":${digits}`);

function checkBigInts({ validate, applyDefaults }) {
  // What applyDefaults returns goes back in.
  const filled = applyDefaults(good({ Options: { BytesPerSecond: 9007199254740993 } }));
  const exact = applyDefaults(textWith('9007199254740993'));
  assert.equal(exact.Options.BytesPerSecond, 9007199254740993n);
  assert.deepEqual(validate(exact), { valid: true, errors: [], warnings: [] });
  assert.deepEqual(validate(filled), { valid: true, errors: [], warnings: [] });
  assert.deepEqual(applyDefaults(exact), exact, 'applyDefaults(applyDefaults(x)) is applyDefaults(x)');
  // A BigInt reads as the same digits in text: 2^63 is out of range, -1n is the default.
  for (const value of [2n ** 63n, -(2n ** 63n) - 1n, -2n, 0n, -1n, 2n ** 63n - 1n, 10n ** 30n]) {
    assert.deepEqual(validate(good({ Options: { BytesPerSecond: value } })), validate(textWith(String(value))), String(value));
  }
  assert.deepEqual(
    validate(good({ Options: { BytesPerSecond: 2n ** 63n } })).errors.map((d) => [d.code, d.path]),
    [['value/integer-out-of-range', '/Options/BytesPerSecond']],
  );
  // Anywhere: a BigInt where text is expected is a number there, and is reported as one.
  assert.deepEqual(validate(good({ Name: 5n })), validate(JSON.stringify(good({ Name: 5 }))));
  assert.deepEqual(validate(good({ Tags: [{ Key: 'k', Value: 'v' }, 7n] })), validate(good({ Tags: [{ Key: 'k', Value: 'v' }, 7] })));
  // Text that looks like the mark written for a BigInt stays text.
  for (const name of ['bigint:0:5', '"bigint:abc:5"', 'bigint:', '9007199254740993']) {
    const request = good({ Name: name, Options: { BytesPerSecond: 5n } });
    assert.deepEqual(validate(request), validate(good({ Name: name, Options: { BytesPerSecond: 5 } })), name);
    assert.equal(applyDefaults(request).Name, name);
  }
  // Whatever else JSON.stringify refuses is still input/not-serializable, BigInt or not.
  const throwing = good({ Options: { BytesPerSecond: 5n } });
  Object.defineProperty(throwing, 'Name', { enumerable: true, get() { throw new Error('no name'); } });
  assert.deepEqual(validate(throwing).errors.map((d) => d.code), ['input/not-serializable']);
  assert.throws(() => applyDefaults(throwing), TypeError);
  // A BigInt object (Object(5n)) is refused by JSON.stringify's replacer too: not a number.
  assert.deepEqual(validate(good({ Options: { BytesPerSecond: Object(5n) } })).errors.map((d) => d.code), ['input/not-serializable']);
  // The request itself a BigInt is not an object.
  assert.deepEqual(validate(10n).errors.map((d) => d.code), ['request/not-an-object']);
}

test(`BigInt members are read exactly (${typeof JSON.rawJSON === 'function' ? 'with JSON.rawJSON' : 'without JSON.rawJSON'})`, () => {
  checkBigInts(freshInstance());
});

test('and the other way too (with JSON.rawJSON hidden, or with it enabled in a child Node.js)', (t) => {
  if (typeof JSON.rawJSON === 'function') {
    const rawJSON = JSON.rawJSON;
    delete JSON.rawJSON;
    let instance;
    try {
      instance = freshInstance();
    } finally {
      JSON.rawJSON = rawJSON;
    }
    checkBigInts(instance);
    return;
  }
  if (process.env.BIGINT_INPUT_CHILD) return; // the child runs the first test only
  const env = { ...process.env, BIGINT_INPUT_CHILD: '1' };
  delete env.NODE_TEST_CONTEXT; // the child reports as a plain run, in text
  const child = spawnSync(process.execPath, ['--harmony-json-parse-with-source', '--test-reporter=tap', fileURLToPath(import.meta.url)], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (/bad option/.test(child.stderr)) return t.skip('this Node.js has neither JSON.rawJSON nor the flag for it');
  assert.equal(child.status, 0, child.stdout + child.stderr);
  assert.match(child.stdout, /with JSON\.rawJSON/);
});

test('a BigInt request validated with the JS stack nearly full: a RangeError or a report, never an abort (no regular expression is compiled then)', () => {
  // In a child Node.js, without JSON.rawJSON (as in Node.js 20): there V8
  // aborted the process (RegExpCompiler out of memory) when the serialisation
  // that writes BigInts compiled a regular expression with the stack nearly
  // full. Calls at every depth on the way back from a full stack, first
  // before any BigInt was seen, then after; then calls at normal depth.
  const script = `
    delete JSON.rawJSON;
    const { validate, applyDefaults } = require(${JSON.stringify(`${pkgDir}/node/index.cjs`)});
    const request = ${JSON.stringify(good({ Options: { BytesPerSecond: '@' } }))};
    request.Options.BytesPerSecond = 2n ** 60n;
    const thrown = new Set();
    const answers = { validate: {}, applyDefaults: {} }; // each answer's JSON text: how many times
    const dive = (depth) => {
      try { dive(depth + 1); } catch {}
      for (const call of [validate, applyDefaults]) {
        try {
          const text = JSON.stringify(call(request), (_key, value) => (typeof value === 'bigint' ? \`\${value}n\` : value));
          answers[call.name][text] = (answers[call.name][text] ?? 0) + 1;
        } catch (error) { thrown.add(\`\${call.name} \${error?.constructor?.name}: \${error?.message}\`); }
      }
    };
    dive(0);
    dive(0);
    const report = validate(request);
    const defaulted = applyDefaults(request);
    const again = validate(defaulted);
    const expected = { validate: JSON.stringify(report), applyDefaults: JSON.stringify(defaulted, (_key, value) => (typeof value === 'bigint' ? \`\${value}n\` : value)) };
    console.log(JSON.stringify({ thrown: [...thrown], answers, expected, report, again }));
  `;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(child.status, 0, `${child.signal ?? ''} ${child.stderr.slice(0, 500)}`);
  const { thrown, answers, expected: expectedAnswers, report, again } = JSON.parse(child.stdout);
  // The engine's RangeError only (applyDefaults's glue read JSON.stringify
  // running out of stack as a request nested too deeply: the wrapper tells a
  // shallow object's apart, trust-boundary.test.mjs).
  const allowed = ['validate RangeError: Maximum call stack size exceeded', 'applyDefaults RangeError: Maximum call stack size exceeded'];
  assert.deepEqual(thrown.filter((error) => !allowed.includes(error)), []);
  // Every answer given on the way back from a full stack is the one given at
  // normal depth (a shallow request is never reported as nested too deeply).
  for (const name of ['validate', 'applyDefaults']) {
    assert.ok(Object.keys(answers[name]).length > 0, `${name} answered`);
    assert.deepEqual(Object.keys(answers[name]), [expectedAnswers[name]], `${name}'s answers`);
  }
  const expected = freshInstance().validate(textWith('1152921504606846976'));
  assert.deepEqual(report, expected);
  assert.deepEqual(again, expected);
});
