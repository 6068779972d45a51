// Built-ins a page replaced BEFORE the package loaded (hunt, session 27).
// The wrapper takes the built-ins it depends on when it loads
// (js/text-path.mjs): one replaced later changes nothing, but one replaced
// before is the page's own function, called wherever the wrapper calls the
// built-in. The package cannot defend against every such replacement (one
// that answers wrong values is believed), but the one the hunt found, a
// replacement that validates another request first (growing the wasm
// memory, which detaches every view of it), must not make a report wrong,
// throw a raw TypeError, or leave anything behind for the next call.
// README, "Decisions worth knowing", says what validate() does then.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { FIXTURE_TIME, SOURCE, example, requireBuiltPackage, withClock } from './helpers.mjs';

requireBuiltPackage();
const { applyDefaults, describeSchedule, fields, validate } = await import('datasync-task-validator');

const require = createRequire(import.meta.url);
const GLUE = require.resolve('../../pkg/node/datasync_task_validator.cjs');
const WRAPPER = require.resolve('../../pkg/node/text-path.cjs');

const INVALID = { SourceLocationArn: SOURCE, Options: { BytesPerSecond: 'fast' } };
/** A report whose text is not all ASCII: the reader copies its bytes. */
const NOT_ASCII = { ...example('many-problems'), 'Unknowné': 1, Options: { BytesPerSecond: -5 } };
/** Validating it grows the wasm memory (its text, its report). */
const BIG = { SourceLocationArn: SOURCE, 'Tagsé': Array.from({ length: 3000 }, (_, i) => ({ Key: `k${i}`, Value: 'v'.repeat(300) })) };
/** Objects (the walker's path) and texts (the text path). */
const INPUTS = [NOT_ASCII, JSON.stringify(NOT_ASCII), INVALID, JSON.stringify(INVALID)];
const EXPECTED = withClock(FIXTURE_TIME, () => INPUTS.map((input) => JSON.stringify(validate(input))));

const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype);

/**
 * Replaces `holder[name]` by a function that calls `before()` when
 * `armed()` says so (not while `before()` runs: it calls the replacement
 * too), then the built-in (with `after`, the built-in first, then
 * `before()`: a page that logs what it did, say); loads a fresh glue and wrapper
 * (guarded, as the entries load them) while it is in place, runs
 * `body(validate, { validate, applyDefaults, fields, describeSchedule })`
 * and puts the built-in back.
 */
function loadedAfter(holder, name, armed, before, body, { after = false } = {}) {
  const builtIn = holder[name];
  let loaded = false;
  let inner = false;
  const maybeBefore = () => {
    if (!loaded || inner || !armed()) return;
    inner = true;
    try {
      before();
    } finally {
      inner = false;
    }
  };
  holder[name] =
    name === 'apply'
      ? function apply(target, self, args) {
          if (!after) maybeBefore();
          const result = builtIn(target, self, args);
          if (after) maybeBefore();
          return result;
        }
      : function replaced(...args) {
          if (!after) maybeBefore();
          const result = Reflect.apply(builtIn, this, args);
          if (after) maybeBefore();
          return result;
        };
  try {
    delete require.cache[GLUE];
    delete require.cache[WRAPPER];
    const { createApplyDefaults, createValidate, guardGlue } = require(WRAPPER);
    const glue = guardGlue(require(GLUE));
    const own = createValidate(glue);
    const { fields, describeSchedule } = glue;
    loaded = true;
    withClock(FIXTURE_TIME, () => body(own, { validate: own, applyDefaults: createApplyDefaults(glue), fields, describeSchedule }));
  } finally {
    holder[name] = builtIn;
    delete require.cache[GLUE];
    delete require.cache[WRAPPER];
  }
}

/** `{ report }` (as JSON text), or `{ error }`. */
function outcome(own, input) {
  try {
    return { report: JSON.stringify(own(input)) };
  } catch (error) {
    return { error };
  }
}

for (const [label, holder, name] of [
  ['%TypedArray%.prototype.set', TYPED_ARRAY, 'set'],
  ['Reflect.apply', Reflect, 'apply'],
]) {
  test(`${label} replaced before the package loaded, validating another request on one call: every report right, and the next`, () => {
    const nths = Array.from({ length: 24 }, (_, at) => at + 1);
    const runs = growingOnNthCall(holder, name, label, nths, INPUTS.map((input) => [input]), EXPECTED);
    assert.ok(runs > 0, 'the replacement validated another request at least once');
  });

  test(`${label} replaced before the package loaded, validating another request on every call: the right report or the documented Error, then right again`, () => {
    let ran = 0;
    INPUTS.forEach((input, index) => {
      let growing = true;
      let own;
      loadedAfter(
        holder,
        name,
        () => growing,
        () => {
          ran += 1;
          own(BIG);
        },
        (validateLoaded) => {
          own = validateLoaded;
          const first = outcome(own, input);
          if (process.env.SHOW) console.log(label, index, first.error?.message ?? 'report', String(first.error?.cause ?? ''));
          if ('error' in first) {
            assert.ok(first.error instanceof Error && !(first.error instanceof TypeError), `input ${index}: ${first.error}`);
            assert.match(first.error.message, /^datasync-task-validator: a built-in failed in validate\(\)$/);
          } else assert.equal(first.report, EXPECTED[index], `input ${index}`);
          growing = false;
          assert.deepEqual(outcome(own, input), { report: EXPECTED[index] }, `input ${index}: the next call`);
        },
      );
    });
    assert.ok(ran > 0);
  });
}

/** What `own(...args)` gives: its result as JSON text, or the error it threw. */
function outcomeOf(own, args) {
  try {
    return JSON.stringify(own(...args));
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

/** As an nth for growingOnNthCall: on every call (but those made while it validates BIG). */
const EVERY = 0;

/**
 * For each nth of `nths` and each of `calls` (the arguments of the package's
 * function `of`): loads the package with `holder[name]` replaced by one that
 * validates BIG (growing the memory) on its nth call, and asserts that the
 * call, and the next one, give what `expected` says at the call's index.
 * With `after`, the replacement runs the built-in first, then asks for
 * `fields` (which has the glue write what the core asks of JS) before it
 * validates BIG. Returns how many times the replacement validated BIG (none
 * when every call made fewer than nth).
 */
function growingOnNthCall(holder, name, label, nths, calls, expected, of = 'validate', { after = false } = {}) {
  let runs = 0;
  for (const nth of nths) {
    calls.forEach((call, index) => {
      let count = 0;
      let own;
      let fieldsLoaded;
      loadedAfter(
        holder,
        name,
        () => nth === EVERY || (count += 1) === nth,
        () => {
          runs += 1;
          if (after) fieldsLoaded({ operation: 'StartTaskExecution' });
          own(BIG);
        },
        (validateLoaded, loaded) => {
          own = validateLoaded;
          fieldsLoaded = loaded.fields;
          const where = `${label}, ${of} call ${index}, its ${nth === EVERY ? 'every' : nth} call${after ? ', calling the package after the built-in' : ''}`;
          assert.equal(outcomeOf(loaded[of], call), expected[index], where);
          assert.equal(outcomeOf(loaded[of], call), expected[index], `${where}: the next call`);
        },
        { after },
      );
    });
  }
  return runs;
}

test('the other built-ins the wrapper takes at load, replaced before it loaded, validating another request on one call: every report right', () => {
  // With options the wrapper reads them as JSON (JSON.parse), asks which
  // members JSON.stringify wrote (Object.hasOwn) and puts back a function
  // member for the glue to refuse (Object.defineProperty).
  const OPTIONS = { operation: 'CreateTask', task: () => 1 };
  const calls = [...INPUTS.map((input) => [input]), [INVALID, OPTIONS], [JSON.stringify(INVALID), OPTIONS]];
  const withoutOptions = INPUTS.length;
  const expected = withClock(FIXTURE_TIME, () => calls.map((call) => outcomeOf(validate, call)));
  // With options too: a decode replaced so that it validated another
  // request first (growing the memory) decoded a member name the core
  // asked for as '', and options.task's TypeError was lost (a report came back).
  for (const [holder, name] of [
    [TextDecoder.prototype, 'decode'],
    [TextEncoder.prototype, 'encodeInto'],
    [Map.prototype, 'get'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Object, 'keys'],
    [Object, 'getPrototypeOf'],
    [Object, 'hasOwn'],
    [Object, 'defineProperty'],
    [Array, 'isArray'],
    [Number, 'isSafeInteger'],
    [String.prototype, 'slice'],
    [String.prototype, 'isWellFormed'],
  ]) {
    const runs = growingOnNthCall(holder, name, name, [1, 2, 3, 4, 5, 6, 7, 8], calls, expected);
    assert.ok(runs > 0, `${name}: the replacement validated another request at least once`);
  }
});

test('Reflect.apply replaced before the package loaded, growing the memory while a report is read: no fixed string is decoded from the whole memory', () => {
  // A growth detaches the reader's view of the record: the words it then
  // reads are undefined, a fixed string's address and length among them.
  // fixedDecoded gives '' for those (the report is read again, from a
  // copy): without that, the view made of them spans the whole memory,
  // which was decoded and kept as a fixed string until its slot was reused.
  const decode = TextDecoder.prototype.decode;
  const bufferOf = Object.getOwnPropertyDescriptor(TYPED_ARRAY, 'buffer').get;
  const whole = (view) => ArrayBuffer.isView(view) && view.byteOffset === 0 && view.byteLength === bufferOf.call(view).byteLength && view.byteLength > 1 << 20;
  let wholes = 0;
  let grown = 0;
  for (let nth = 1; nth <= 40; nth += 1) {
    INPUTS.forEach((input, index) => {
      let calls = 0;
      let own;
      const builtIn = Reflect.apply;
      let loaded = false;
      Reflect.apply = function apply(target, self, args) {
        if (loaded && target === decode && whole(args[0])) wholes += 1;
        if (loaded && (calls += 1) === nth) {
          grown += 1;
          own(BIG);
        }
        return builtIn(target, self, args);
      };
      try {
        delete require.cache[GLUE];
        delete require.cache[WRAPPER];
        const { createValidate, guardGlue } = require(WRAPPER);
        own = createValidate(guardGlue(require(GLUE)));
        loaded = true;
        withClock(FIXTURE_TIME, () => assert.deepEqual(outcome(own, input), { report: EXPECTED[index] }, `input ${index}, call ${nth}`));
      } finally {
        Reflect.apply = builtIn;
        delete require.cache[GLUE];
        delete require.cache[WRAPPER];
      }
    });
  }
  assert.ok(grown > 0);
  assert.equal(wholes, 0);
});

test('String.prototype.charCodeAt replaced before the package loaded, validating another request on one call while the glue copies a string of the options: the report is right', () => {
  // The glue's passStringToWasm0 copies a string's ASCII prefix one
  // charCodeAt at a time into wasm memory; it wrote through a view taken
  // before the loop, detached when the replacement grew the memory, so the
  // bytes were lost and the options were refused as not JSON (hunt F3).
  const LOCATIONS = { locations: [{ LocationArn: SOURCE, type: 'S3', LocationUri: 's3://bucket/' }] };
  const calls = [[INVALID, LOCATIONS], [JSON.stringify(INVALID), LOCATIONS], [example('full-basic'), LOCATIONS]];
  const expected = withClock(FIXTURE_TIME, () => calls.map((call) => outcomeOf(validate, call)));
  const runs = growingOnNthCall(String.prototype, 'charCodeAt', 'charCodeAt', [1, 2, 5, 20, 60], calls, expected);
  assert.ok(runs > 0, 'the replacement validated another request at least once');
});

test('the built-ins the glue calls on a view of the memory, replaced before the package loaded, validating another request on one call or on every call: applyDefaults, fields, describeSchedule and validate (its options) answer right, and the next call too', () => {
  // The glue writes what the core asks of JS (a string, a number, a
  // BigInt) with DataView's setters and copies strings out with subarray;
  // one replaced that way, or Reflect.apply, grew the memory between the
  // glue taking a view and using it, and the engine's TypeError ("... on a
  // detached ArrayBuffer") came out of these three; an encodeInto that did
  // so wrote a non-ASCII string the core asked for into the detached view,
  // cutting it (the request was "not valid JSON", and validate's options
  // with such a string "could not be read as JSON").
  const REQUEST = { SourceLocationArn: SOURCE, Name: 'naïve', Options: { BytesPerSecond: 100 } };
  const LOCATIONS = { locations: [{ LocationArn: SOURCE, type: 'S3', LocationUri: 's3://bücket/' }] };
  const FROM = Date.UTC(2026, 0, 1);
  const CALLS = {
    validate: [[REQUEST, LOCATIONS]],
    applyDefaults: [[REQUEST], [REQUEST, LOCATIONS], [JSON.stringify(REQUEST)]],
    fields: [[], [{ operation: 'StartTaskExecution' }]],
    describeSchedule: [
      ['cron(0 12 * * ? *)', { from: FROM, count: 2 }],
      ['rate(1 hour)', { from: BigInt(FROM), count: 2 }],
      ['cron(0 12 * * ? *)', { from: new Date(FROM), count: 2 }],
      ['rate(2 hours)', { from: '2026-01-01T00:00:00Z', count: 2 }],
    ],
  };
  const OWN = { validate, applyDefaults, describeSchedule, fields };
  const expected = Object.fromEntries(
    Object.entries(CALLS).map(([of, calls]) => [of, withClock(FIXTURE_TIME, () => calls.map((call) => outcomeOf(OWN[of], call)))]),
  );
  for (const [label, holder, name, nths, called = true] of [
    // No longer called on these paths: their replacements must change nothing.
    ['DataView.prototype.setInt32', DataView.prototype, 'setInt32', [1, 2, 3, EVERY], false],
    ['DataView.prototype.setFloat64', DataView.prototype, 'setFloat64', [1, EVERY], false],
    ['DataView.prototype.setBigInt64', DataView.prototype, 'setBigInt64', [1, EVERY], false],
    ['%TypedArray%.prototype.subarray', TYPED_ARRAY, 'subarray', [1, 2, EVERY], false],
    ['TextEncoder.prototype.encodeInto', TextEncoder.prototype, 'encodeInto', [1, 2, EVERY]],
    ['Reflect.apply', Reflect, 'apply', [1, 2, 3, 5, 8, 13, 40]],
  ]) {
    let runs = 0;
    for (const [of, calls] of Object.entries(CALLS)) runs += growingOnNthCall(holder, name, label, nths, calls, expected[of], of);
    if (called) assert.ok(runs > 0, `${label}: the replacement validated another request at least once`);
  }
  // A replacement that calls the package after doing its work (logging,
  // say): that call has the glue write what the core asks of JS too. When
  // the glue wrote with DataView's setters into one scratch buffer, the
  // inner call overwrote the outer one's bytes before they were copied into
  // the memory ("memory access out of bounds" from all four).
  for (const [label, holder, name, nths, called = true] of [
    ['DataView.prototype.setInt32', DataView.prototype, 'setInt32', [1, 2, 3, EVERY], false],
    ['DataView.prototype.setFloat64', DataView.prototype, 'setFloat64', [1, EVERY], false],
    ['DataView.prototype.setBigInt64', DataView.prototype, 'setBigInt64', [1, EVERY], false],
    ['Reflect.apply', Reflect, 'apply', [1, 2, 3, 5, 8, 13, 40]],
  ]) {
    let runs = 0;
    for (const [of, calls] of Object.entries(CALLS)) runs += growingOnNthCall(holder, name, label, nths, calls, expected[of], of, { after: true });
    if (called) assert.ok(runs > 0, `${label}, calling the package after the built-in: it did at least once`);
  }
});
