// The wasm-bindgen glue calls JSON.parse (for every report and result it
// returns), JSON.stringify (a request or options it is given as an object),
// Reflect.get and Reflect.set (an exact BigInt put back into applyDefaults's
// result), TextDecoder.prototype.decode and TextEncoder.prototype.encodeInto
// (every string it passes or returns). scripts/build.sh has it call them as they were when it loaded: a
// page that replaces one later changes nothing (a JSON.parse that threw made
// validate() return null, session 26). One replaced before the package
// loaded is the page's: what it throws is thrown, never null in a result's
// place (README, "Decisions worth knowing").
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { FIXTURE_TIME, SOURCE, freshNodeInstance, requireBuiltPackage, withClock } from './helpers.mjs';

requireBuiltPackage();

/** Each call that reaches the glue's own JSON.parse, JSON.stringify, Reflect.get or Reflect.set. */
const CALLS = {
  'validate, a text with a lone surrogate': (entry) => entry.validate(`{"Name": "a\ud800"}`),
  'validate, a number': (entry) => entry.validate(42),
  'validate, a number, with options': (entry) => entry.validate(42, { operation: 'UpdateTask' }),
  'validate, malformed options': (entry) => entry.validate(42, { operation: 'Other' }),
  'applyDefaults, an object': (entry) => entry.applyDefaults({ SourceLocationArn: SOURCE }),
  'applyDefaults, an exact BigInt': (entry) => entry.applyDefaults({ SourceLocationArn: SOURCE, Options: { BytesPerSecond: 2n ** 60n } }),
  fields: (entry) => entry.fields(),
  describeSchedule: (entry) => entry.describeSchedule('rate(1 hour)', { from: 0, count: 2 }),
};

const stringify = JSON.stringify;

/** The call's result as text (a BigInt as its digits and a mark), or what it threw. */
function outcome(call) {
  try {
    return stringify(withClock(FIXTURE_TIME, call), (_key, value) => (typeof value === 'bigint' ? `${value}n` : value));
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

const PAGES = {
  'a JSON.parse that throws': [JSON, 'parse', () => () => { throw new SyntaxError('page'); }],
  'a JSON.stringify that writes what is not JSON': [JSON, 'stringify', (builtIn) => (...args) => `${builtIn(...args)}x`],
  'a Reflect.get that throws': [Reflect, 'get', () => () => { throw new Error('page'); }],
  'a Reflect.set that does nothing': [Reflect, 'set', () => () => true],
  'a TextDecoder.prototype.decode that cuts the last character': [TextDecoder.prototype, 'decode', (builtIn) => function cut(...args) {
    return Reflect.apply(builtIn, this, args).slice(0, -1);
  }],
  'a TextEncoder.prototype.encodeInto that throws': [TextEncoder.prototype, 'encodeInto', () => () => { throw new Error('page'); }],
};

test("a page's JSON.parse, JSON.stringify, Reflect.get, Reflect.set, TextDecoder.prototype.decode or TextEncoder.prototype.encodeInto replaced after the package loaded changes no result of the glue", () => {
  const entry = freshNodeInstance();
  const expected = Object.fromEntries(Object.entries(CALLS).map(([name, call]) => [name, outcome(() => call(entry))]));
  assert.match(expected['applyDefaults, an exact BigInt'], /"BytesPerSecond":"1152921504606846976n"/);
  for (const [page, [holder, name, make]] of Object.entries(PAGES)) {
    const builtIn = holder[name];
    holder[name] = make(builtIn);
    try {
      for (const [label, call] of Object.entries(CALLS)) assert.equal(outcome(() => call(entry)), expected[label], `${page}: ${label}`);
    } finally {
      holder[name] = builtIn;
    }
  }
});

test("a page's JSON.parse that throws, replaced before the package loaded: what it threw, or validate()'s documented Error, never null", () => {
  const builtIn = JSON.parse;
  let throwing = false;
  JSON.parse = function parse(...args) {
    if (throwing) throw new SyntaxError('page');
    return builtIn(...args);
  };
  let entry;
  try {
    entry = freshNodeInstance();
    throwing = true;
    for (const [label, call] of Object.entries(CALLS)) {
      const got = outcome(() => call(entry));
      // (The wrapper reads the options with it too: malformed ones get the Error, not their TypeError.)
      if (label.startsWith('validate')) assert.match(got, /^Error: datasync-task-validator: a built-in failed in validate\(\)$/, label);
      else assert.equal(got, 'SyntaxError: page', label);
    }
  } finally {
    JSON.parse = builtIn;
  }
  // The next calls, the page's JSON.parse no longer throwing, are the package's.
  throwing = false;
  const fresh = freshNodeInstance();
  for (const [label, call] of Object.entries(CALLS)) assert.equal(outcome(() => call(entry)), outcome(() => call(fresh)), `${label}: the next call`);
});

// The glue loaded by the browser entry takes them the same way (checked in
// its text: the browser tests run it in Chromium).
test('both glues call JSON.parse, JSON.stringify, Reflect.get, Reflect.set, decode, encodeInto, charCodeAt, subarray, the DataView setters, getTime, instanceof Date and the table\'s get and set only as taken at load', () => {
  const require = createRequire(import.meta.url);
  const fs = require('node:fs');
  for (const file of ['../../pkg/node/datasync_task_validator.cjs', '../../pkg/web/datasync_task_validator.js']) {
    const text = fs.readFileSync(require.resolve(file), 'utf8');
    assert.doesNotMatch(text, /\b(JSON\.parse|JSON\.stringify|Reflect\.get|Reflect\.set)\(|\.(decode|encodeInto)\((?!\))/, file);
    assert.doesNotMatch(text, /\.(charCodeAt|setInt32|setFloat64|setBigInt64|getTime\.call)\(|instanceof Date\b|externrefs\.(get|set)\(|getUint8ArrayMemory0\(\)\.(subarray|set)\(/, file);
  }
});

// The rest of what the glue and the wrapper call on the way (session 29):
// String.prototype.charCodeAt and slice (a string handed to the core),
// `instanceof Date` and Date.prototype.getTime.call (describeSchedule's
// `from`), WebAssembly.Table's get and set (every JS value the core holds),
// DataView's setters (every value the core asks of JS), the typed arrays'
// subarray and set, and the wrapper's own encodeInto. Each replaced after
// the package loaded by one that throws (or answers wrong) changes nothing.
const MORE_CALLS = {
  ...CALLS,
  'validate, a text': (entry) => entry.validate(stringify({ SourceLocationArn: SOURCE, Name: 'bad<name>' })),
  'validate, an object': (entry) => entry.validate({ SourceLocationArn: SOURCE, Name: 'bad<name>' }),
  'validate, an object, options with a toJSON (serialised whole)': (entry) => entry.validate({ SourceLocationArn: SOURCE, Name: 'bad<name>' }, { toJSON: () => ({ operation: 'CreateTask' }) }),
  'validate, options not all ASCII': (entry) => entry.validate({ SourceLocationArn: SOURCE }, { operation: 'UpdateTask', task: { Name: 'é', TaskArn: 'x' } }),
  'validate, malformed options not all ASCII': (entry) => entry.validate(42, { operation: 'Créer' }),
  'describeSchedule, from a Date': (entry) => entry.describeSchedule('cron(0 8 * * ? *)', { from: new Date(0), count: 2 }),
  'applyDefaults, options': (entry) => entry.applyDefaults({ SourceLocationArn: SOURCE }, { locations: [{ LocationArn: SOURCE, LocationUri: 's3://bucket/é' }] }),
};
const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype);
const throwing = () => () => {
  throw new Error('page');
};
const MORE_PAGES = {
  'a JSON.stringify that writes what is not JSON': PAGES['a JSON.stringify that writes what is not JSON'],
  'a String.prototype.charCodeAt that throws': [String.prototype, 'charCodeAt', throwing],
  'a String.prototype.slice that throws': [String.prototype, 'slice', throwing],
  "a Date[Symbol.hasInstance] that says no": [Date, Symbol.hasInstance, () => () => false],
  'a Date.prototype.getTime that throws': [Date.prototype, 'getTime', throwing],
  'a Function.prototype.call that throws for getTime': [Function.prototype, 'call', (builtIn) => function call(...args) {
    if (this === Date.prototype.getTime) throw new Error('page');
    return Reflect.apply(builtIn, this, args);
  }],
  'a WebAssembly.Table.prototype.get that throws': [WebAssembly.Table.prototype, 'get', throwing],
  'a WebAssembly.Table.prototype.set that throws': [WebAssembly.Table.prototype, 'set', throwing],
  'a DataView.prototype.setInt32 that throws': [DataView.prototype, 'setInt32', throwing],
  'a DataView.prototype.setFloat64 that throws': [DataView.prototype, 'setFloat64', throwing],
  'a %TypedArray%.prototype.subarray that throws': [TYPED_ARRAY, 'subarray', throwing],
  'a %TypedArray%.prototype.set that throws': [TYPED_ARRAY, 'set', throwing],
  'a TextEncoder.prototype.encodeInto that writes nothing': [TextEncoder.prototype, 'encodeInto', () => () => ({ read: 0, written: 0 })],
};

test('the other built-ins the glue and the wrapper call, replaced after the package loaded, change no result', () => {
  const entry = freshNodeInstance();
  const expected = Object.fromEntries(Object.entries(MORE_CALLS).map(([name, call]) => [name, outcome(() => call(entry))]));
  assert.match(expected['describeSchedule, from a Date'], /"nextRuns":\["1970-01-01T08:00:00Z"/);
  for (const [page, [holder, name, make]] of Object.entries(MORE_PAGES)) {
    const own = Object.getOwnPropertyDescriptor(holder, name);
    Object.defineProperty(holder, name, { value: make(holder[name]), writable: true, configurable: true });
    const got = {};
    try {
      for (const label of Object.keys(MORE_CALLS)) got[label] = outcome(() => MORE_CALLS[label](entry));
    } finally {
      if (own) Object.defineProperty(holder, name, own);
      else delete holder[name];
    }
    for (const label of Object.keys(MORE_CALLS)) assert.equal(got[label], expected[label], `${page}: ${label}`);
  }
});

// The core's TypeError for a request or options JSON.stringify could not
// write keeps what it threw as its `cause` (the wrapper tells a stack run
// out by it). Given to the constructor, it is the error's own property and
// not enumerable, as the engine's own are; it was assigned, which ran a
// setter a page put on Error.prototype, and with a read-only `cause` there
// threw in the web glue (a strict module) and was dropped in Node's.
test("the TypeError's cause, in the Node.js glue and the web glue: its own, not enumerable, whatever Error.prototype.cause is", async () => {
  const require = createRequire(import.meta.url);
  const fs = require('node:fs');
  const web = await import(new URL('../../pkg/web/datasync_task_validator.js', import.meta.url));
  web.initSync({ module: fs.readFileSync(new URL('../../pkg/datasync_task_validator_bg.wasm', import.meta.url)) });
  const { createApplyDefaults, createValidate, guardGlue } = await import(new URL('../../pkg/web/text-path.js', import.meta.url));
  const webGlue = guardGlue(web);
  const entries = { node: freshNodeInstance(), web: { validate: createValidate(webGlue), applyDefaults: createApplyDefaults(webGlue) } };
  const circular = {};
  circular.self = circular;
  const calls = {
    'applyDefaults, a circular request': (entry) => entry.applyDefaults(circular),
    'applyDefaults, circular options': (entry) => entry.applyDefaults({}, { task: circular }),
    'validate, circular options': (entry) => entry.validate({}, { task: circular }),
  };
  const throwing = { configurable: true, get: () => 'page', set() { throw new Error('page'); } };
  for (const [page, cause, holder = Error.prototype] of [
    ['none', undefined],
    ['a read-only Error.prototype.cause', { configurable: true, writable: false, value: 'page' }],
    ['an Error.prototype.cause setter that throws', throwing],
    // (hunt: the page's setter escaped applyDefaults)
    ['an Object.prototype.cause setter that throws', throwing, Object.prototype],
  ]) {
    if (cause) Object.defineProperty(holder, 'cause', cause);
    try {
      for (const [name, entry] of Object.entries(entries)) {
        for (const [label, call] of Object.entries(calls)) {
          const where = `${page}, the ${name} glue: ${label}`;
          assert.throws(() => call(entry), (error) => {
            assert.ok(error instanceof TypeError, `${where}: ${error}`);
            assert.match(error.message, /could not be read as JSON \(Converting circular structure to JSON/, where);
            const own = Object.getOwnPropertyDescriptor(error, 'cause');
            assert.ok(own && own.enumerable === false && own.writable && own.configurable, `${where}: ${JSON.stringify(own)}`);
            assert.ok(own.value instanceof TypeError && /circular/.test(own.value.message), `${where}: ${own.value}`);
            assert.deepEqual(Object.keys(error), [], where);
            return true;
          });
        }
      }
    } finally {
      if (cause) delete holder.cause;
    }
  }
  assert.equal(Object.hasOwn(Error.prototype, 'cause') || Object.hasOwn(Object.prototype, 'cause'), false);
});

// The glue keeps a view of the memory until it finds it detached, by its
// byteLength (0). One replaced after load that never answers 0 (hunt,
// session 30) kept a detached view in use: what the glue wrote through it
// was lost (false TypeErrors from describeSchedule and applyDefaults).
test("a typed arrays' byteLength getter replaced after the package loaded, never answering 0, while the memory grows: every answer right", () => {
  const entry = freshNodeInstance();
  const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype);
  const calls = {
    describeSchedule: () => entry.describeSchedule('cron(0 12 * * ? *)', { from: 0, count: 2 }),
    'applyDefaults, options': () => entry.applyDefaults({ SourceLocationArn: SOURCE }, { locations: [{ LocationArn: SOURCE, type: 'S3', S3StorageClass: 'GLACIER' }] }),
    fields: () => entry.fields({ operation: 'StartTaskExecution' }),
  };
  const expected = Object.fromEntries(Object.entries(calls).map(([label, call]) => [label, outcome(call)]));
  const builtIn = Object.getOwnPropertyDescriptor(TYPED_ARRAY, 'byteLength');
  Object.defineProperty(TYPED_ARRAY, 'byteLength', { configurable: true, get() { return Reflect.apply(builtIn.get, this, []) || 1; } });
  try {
    for (let round = 1; round <= 3; round += 1) {
      // Grows the memory, detaching every view of it.
      entry.validate({ SourceLocationArn: SOURCE, Tags: Array.from({ length: 2000 * round }, (_, i) => ({ Key: `k${i}`, Value: 'v'.repeat(300) })) });
      for (const [label, call] of Object.entries(calls)) assert.equal(outcome(call), expected[label], `${label}, round ${round}`);
    }
  } finally {
    Object.defineProperty(TYPED_ARRAY, 'byteLength', builtIn);
  }
});
