// What the core asks of JS (a number, a BigInt, a string's address and
// length) the glue writes through 8 scratch bytes of its own, by typed
// arrays over them in the host's byte order, then copies in by index; the
// WebAssembly memory is little-endian, so on a big-endian host the bytes go
// in reversed (scripts/build.sh, `putOn`). The glue tells the host's byte
// order once, as it loads, from the Int32Array it takes then. No big-endian
// host is at hand: here the glue is loaded with Int32Array, Float64Array and
// BigInt64Array that store their items most significant byte first (through
// a DataView), as a big-endian host's do, and every answer must be the one
// the glue gives on this little-endian host. (Only the raw glue: the
// wrapper, js/text-path.mjs, reads a report's words through a Uint32Array in
// the host's byte order, and would need the same care on such a host.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const require = createRequire(import.meta.url);
const GLUE = `${pkgDir}/node/datasync_task_validator.cjs`;

/** A typed array constructor like `Type` whose items are stored most significant byte first. */
function bigEndian(Type, size, get, set) {
  return function BigEndian(buffer) {
    const items = new Type(buffer);
    const bytes = new DataView(buffer);
    const index = (key) => (typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key) && Number(key) < items.length ? Number(key) : -1);
    return new Proxy(items, {
      get: (target, key) => (index(key) < 0 ? Reflect.get(target, key) : bytes[get](index(key) * size, false)),
      set: (target, key, value) => {
        if (index(key) < 0) return Reflect.set(target, key, value);
        bytes[set](index(key) * size, typeof value === 'boolean' ? Number(value) : value, false);
        return true;
      },
    });
  };
}

const BIG_ENDIAN = {
  Int32Array: bigEndian(Int32Array, 4, 'getInt32', 'setInt32'),
  Float64Array: bigEndian(Float64Array, 8, 'getFloat64', 'setFloat64'),
  BigInt64Array: bigEndian(BigInt64Array, 8, 'getBigInt64', 'setBigInt64'),
};

/**
 * The Node.js glue and the web glue, each loaded afresh with the typed
 * arrays of `host` in place of the engine's while it loads.
 */
async function gluesOn(host, tag) {
  const engine = {};
  for (const name of Object.keys(host)) {
    engine[name] = globalThis[name];
    globalThis[name] = host[name];
  }
  try {
    delete require.cache[require.resolve(GLUE)];
    const node = require(GLUE);
    // A query of its own: a module instance of its own.
    const web = await import(`${new URL(`${pkgDir}/web/datasync_task_validator.js`, 'file:///')}?${tag}`);
    return { node, web };
  } finally {
    Object.assign(globalThis, engine);
    delete require.cache[require.resolve(GLUE)];
  }
}

/** Calls that have the core ask JS for a string (its address and length), a number, a BigInt and an option's presence. */
const CALLS = {
  'describeSchedule, from a number': (glue) => glue.describeSchedule('rate(6 hours)', { from: 1_764_000_000_000, count: 3 }),
  'describeSchedule, from a BigInt': (glue) => glue.describeSchedule('cron(0 8 ? * MON-FRI *)', { from: 1_764_000_000_000n, count: 2 }),
  'describeSchedule, from text': (glue) => glue.describeSchedule('cron(30 2 1 * ? *)', { from: '2026-11-25T08:00:00Z' }),
  'describeSchedule, a count out of range': (glue) => glue.describeSchedule('rate(1 day)', { from: 0, count: 101 }),
  'validate, an object': (glue) => glue.validate({ SourceLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0', Name: 'bad<', Options: { BytesPerSecond: -5 } }, undefined),
  'fields': (glue) => glue.fields({ operation: 'UpdateTask' }),
};

const answer = (call, glue) => {
  try {
    return JSON.stringify(call(glue));
  } catch (error) {
    return `threw ${error?.constructor?.name}: ${error?.message}`;
  }
};

test("the glues on a host that stores numbers most significant byte first write the core's answers as on this one", async () => {
  const here = await gluesOn({}, 'here');
  const bigEndianHost = await gluesOn(BIG_ENDIAN, 'big-endian');
  const module = readFileSync(`${pkgDir}/datasync_task_validator_bg.wasm`);
  for (const glues of [here, bigEndianHost]) glues.web.initSync({ module });
  assert.notEqual(bigEndianHost.node, here.node, 'a Node.js glue of its own');
  assert.notEqual(bigEndianHost.web, here.web, 'a web glue of its own');
  // The stand-ins do store most significant byte first.
  const probe = BIG_ENDIAN.Int32Array(new ArrayBuffer(4));
  probe[0] = 1;
  assert.deepEqual([...new Uint8Array(probe.buffer)], [0, 0, 0, 1]);
  for (const glue of ['node', 'web']) {
    for (const [label, call] of Object.entries(CALLS)) {
      const expected = answer(call, here[glue]);
      assert.doesNotMatch(expected, /^threw (?!TypeError: describeSchedule: options\.count)/, `${label}: ${expected}`);
      assert.equal(answer(call, bigEndianHost[glue]), expected, `the ${glue} glue: ${label}`);
    }
  }
});
