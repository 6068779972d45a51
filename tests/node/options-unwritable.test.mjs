// Options JSON cannot write (a cycle, a BigInt, a toJSON or getter that
// throws) are refused with validate()'s TypeError whatever was validated
// before: the options kept in wasm from an earlier call are used again only
// for options that JSON would write exactly as those were written. Each
// case here is judged against a fresh instance that has kept nothing, for
// an object request (walked), JSON text and an object the walker gives up
// on. (Before: a member the core does not read was not looked at, so
// `{ self: <cycle> }` after `{}` was taken for `{}` and got a report.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESTINATION, SOURCE, TASK, freshNodeInstance, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();

const NFS = { LocationArn: SOURCE, LocationUri: 'nfs://files.example.com/exports/', type: 'NFS', MountOptions: { Version: 'NFS4_2' } };
const S3 = { LocationArn: DESTINATION, LocationUri: 's3://bucket/', type: 'S3' };
const DESCRIBED = { TaskArn: TASK, TaskMode: 'ENHANCED', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
const BASIC = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'BASIC' };

/** The report as JSON, or the error's name and message. */
function outcome(call) {
  try {
    return JSON.stringify(call());
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

/** An object that holds itself under `self`. */
function cycle(members = {}) {
  const value = { ...members };
  value.self = value;
  return value;
}

/** The requests, each down another path of validate(). */
const REQUESTS = {
  'an empty object (walked)': () => ({}),
  'an object (walked)': () => ({ ...BASIC }),
  'JSON text': () => JSON.stringify(BASIC),
  'an object not plain (text path)': () => Object.assign(Object.create({ inherited: 1 }), BASIC),
};

/** [options kept before, options that differ from them only in what JSON cannot write]. */
const CASES = {
  'a cycle after {} (the review finding)': [{}, cycle()],
  'a BigInt member after {}': [{}, { extra: 1n }],
  'a member whose toJSON throws after {}': [{}, { extra: { toJSON() { throw new Error('no'); } } }],
  'a member whose getter throws inside after {}': [{}, { extra: { get inner() { throw new Error('no'); } } }],
  'a function with a throwing toJSON getter after {}': [{}, { extra: Object.defineProperty(() => 1, 'toJSON', { get() { throw new Error('no'); }, enumerable: true }) }],
  'a cycle beside the same operation': [{ operation: 'CreateTask' }, cycle({ operation: 'CreateTask' })],
  'a cycle beside the same locations': [{ locations: [NFS, S3] }, cycle({ locations: [NFS, S3] })],
  'a cycle in a location beside its same members': [{ locations: [NFS, S3] }, { locations: [NFS, cycle(S3)] }],
  'a cycle in MountOptions beside the same Version': [{ locations: [NFS] }, { locations: [{ ...NFS, MountOptions: cycle(NFS.MountOptions) }] }],
  'a BigInt in the task beside its same members': [{ operation: 'UpdateTask', task: DESCRIBED }, { operation: 'UpdateTask', task: { ...DESCRIBED, CreationTime: 1n } }],
  'a cycle in the task beside its same members': [{ operation: 'UpdateTask', task: DESCRIBED }, { operation: 'UpdateTask', task: cycle(DESCRIBED) }],
  'a cycle first, then the same locations': [{ locations: [S3] }, { self: cycle(), locations: [S3] }],
};

for (const [name, [before, options]] of Object.entries(CASES)) {
  test(`options JSON cannot write are refused whatever was kept before: ${name}`, () => {
    for (const [form, request] of Object.entries(REQUESTS)) {
      const expected = outcome(() => freshNodeInstance().validate(request(), options));
      assert.match(expected, /^TypeError: validate: options could not be read as JSON/, `${form}: a fresh instance refuses them`);
      const { validate } = freshNodeInstance();
      // Refused, then the writable options kept (twice: the second call compares with the first), then refused again.
      assert.equal(outcome(() => validate(request(), options)), expected, `${form}: before anything was kept`);
      const kept = outcome(() => validate(request(), before));
      assert.equal(outcome(() => validate(request(), before)), kept, `${form}: the writable options, kept`);
      assert.equal(kept, outcome(() => freshNodeInstance().validate(request(), before)), `${form}: the writable options`);
      assert.equal(outcome(() => validate(request(), options)), expected, `${form}: after ${JSON.stringify(before)} was kept`);
      // And the kept options still serve the writable ones.
      assert.equal(outcome(() => validate(request(), before)), kept, `${form}: the writable options again`);
    }
  });
}

test('members the core does not read that JSON writes as they are keep the kept options in use', () => {
  // A string, number, boolean or null beside the members the core reads of
  // a location: judged as the options without them, whether kept before or not.
  const { validate } = freshNodeInstance();
  const plain = { locations: [NFS, S3] };
  const expected = outcome(() => freshNodeInstance().validate({ ...BASIC }, plain));
  for (const extra of ['x', 1, true, null, undefined]) {
    const options = { locations: [{ ...NFS, note: extra }, S3], task: undefined };
    assert.equal(outcome(() => validate({ ...BASIC }, options)), expected, `note ${String(extra)}`);
    assert.equal(outcome(() => validate({ ...BASIC }, plain)), expected, `then the plain options, after note ${String(extra)}`);
  }
  // An object there (JSON writes it) is judged as the options without it too.
  const noted = { locations: [{ ...NFS, note: { a: [1] } }, S3] };
  assert.equal(outcome(() => validate({ ...BASIC }, noted)), expected);
  assert.equal(outcome(() => validate({ ...BASIC }, noted)), expected);
});

// hunt36 #7: beside the options themselves such a member is a misspelling
// (`{ Locations }`, as the SDK's ListLocations response destructures), refused
// however the options equal to the rest were kept before.
test('a member of the options the core does not know is a TypeError, even beside options kept before', () => {
  const { validate } = freshNodeInstance();
  const plain = { locations: [NFS, S3] };
  const expected = outcome(() => validate({ ...BASIC }, plain));
  for (const extra of ['x', 1, true, null, { a: [1] }, [NFS, S3]]) {
    for (const name of ['note', 'Locations']) {
      const refused = `TypeError: validate: unknown option "${name}"; the options are { locations, operation, task }.`;
      assert.equal(outcome(() => validate({ ...BASIC }, { ...plain, [name]: extra })), refused, `${name} ${String(extra)}`);
      assert.equal(outcome(() => validate({ ...BASIC }, { [name]: extra, ...plain })), refused, `${name} ${String(extra)} first`);
      assert.equal(outcome(() => validate(JSON.stringify(BASIC), { ...plain, [name]: extra })), refused, `${name} ${String(extra)}, text`);
      assert.equal(outcome(() => validate({ ...BASIC }, plain)), expected, `then the plain options, after ${name} ${String(extra)}`);
    }
  }
  // undefined (and a function or symbol) JSON leaves out: no member to name.
  assert.equal(outcome(() => validate({ ...BASIC }, { ...plain, note: undefined })), expected);
});

/** A DescribeTask response as an SDK gives it: members the core does not read, a Date among them. */
function describedBySdk(extra = {}) {
  return {
    ...DESCRIBED,
    Name: 'backup',
    Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/tmp' }],
    Schedule: { ScheduleExpression: 'rate(1 day)', Status: 'ENABLED' },
    TaskReportConfig: { Destination: { S3: { Subdirectory: 'reports', S3BucketArn: 'arn:aws:s3:::reports' } } },
    CreationTime: new Date(Date.UTC(2026, 11, 7, 6, 31)),
    ...extra,
  };
}

/**
 * Options with a counting getter before `unread` at each level the walk
 * reads (the options, a location, the task), and how often it ran.
 */
function countedOptions(unread) {
  const counted = { runs: 0 };
  const getter = { enumerable: true, get: () => { counted.runs += 1; return 'seen'; } };
  const options = Object.defineProperties({}, { seen: getter });
  options.operation = 'UpdateTask';
  options.task = Object.defineProperties({}, { seen: getter });
  Object.assign(options.task, describedBySdk(), { CreationTime: unread() });
  options.locations = [Object.assign(Object.defineProperties({}, { seen: getter }), NFS, { CreationTime: unread() }), S3];
  options.CreationTime = unread();
  return { options, counted };
}

test('a Date, arrays, objects and a toJSON in members the core does not read keep the kept options in use', () => {
  // Compared with the kept ones, not read again in full: each getter runs
  // once per call (the comparing walk), where options found to differ are
  // read twice (the walk, then JSON.stringify). Before, a Date or any
  // object there made the options differ on every call.
  const makers = {
    'a Date': () => new Date(Date.UTC(2026, 11, 7)),
    'an invalid Date (written as null)': () => new Date(NaN),
    'a plain object of arrays': () => ({ a: [1, 'x', null, { b: [true] }], c: Object.create(null) }),
    'an object whose toJSON returns a string': () => ({ toJSON: (key) => `written as ${key}` }),
  };
  for (const [name, unread] of Object.entries(makers)) {
    for (const [form, request] of Object.entries(REQUESTS)) {
      const { options, counted } = countedOptions(unread);
      const expected = outcome(() => freshNodeInstance().validate(request(), options));
      const { validate } = freshNodeInstance();
      assert.equal(outcome(() => validate(request(), options)), expected, `${name}, ${form}: kept`);
      counted.runs = 0;
      assert.equal(outcome(() => validate(request(), options)), expected, `${name}, ${form}: again`);
      assert.equal(counted.runs, 3, `${name}, ${form}: each getter read once, by the comparing walk`);
      // Options that differ only there from those kept are taken for them too.
      assert.equal(outcome(() => validate(request(), countedOptions(unread).options)), expected, `${name}, ${form}: others alike`);
    }
  }
});

/** Runs `call` with Date.prototype's `name` replaced by `value`, then puts it back. */
function withDateBuiltIn(name, value, call) {
  const saved = Object.getOwnPropertyDescriptor(Date.prototype, name);
  Object.defineProperty(Date.prototype, name, { value, configurable: true, writable: true });
  try {
    return call();
  } finally {
    Object.defineProperty(Date.prototype, name, saved);
  }
}

test('a Date or toJSON that JSON.stringify cannot write from is refused as a fresh instance refuses it', () => {
  // Each throws when JSON.stringify writes it: the comparing walk runs the
  // toJSON JSON.stringify runs (the page's, as it is now) and finds the
  // options different, so they are read in full, which throws.
  const thrower = () => {
    throw new Error('no');
  };
  class Stamp extends Date {
    toJSON() {
      throw new Error('no');
    }
  }
  class Big extends Date {
    toJSON() {
      return 1n;
    }
  }
  const dates = {
    'a Date subclass whose toJSON throws': () => new Stamp(0),
    'a Date subclass whose toJSON returns a BigInt': () => new Big(0),
    'a Date with an own toJSON that throws': () => Object.assign(new Date(0), { toJSON: thrower }),
    'an object made from Date.prototype (no time)': () => Object.create(Date.prototype),
    'a Proxy of a Date': () => new Proxy(new Date(0), {}),
  };
  // What toJSON returns is written as it is: an object's own toJSON is not run, its members are read.
  const unwritable = () => ({ toJSON: () => 'fine', get member() { throw new Error('no'); } });
  const replaced = [['toJSON', thrower], ['toISOString', thrower], ['toISOString', unwritable], ['valueOf', thrower], [Symbol.toPrimitive, thrower]];
  for (const [form, request] of Object.entries(REQUESTS)) {
    const kept = { operation: 'UpdateTask', task: describedBySdk() };
    const cases = Object.entries(dates).map(([name, date]) => [name, (call) => call({ ...kept, task: describedBySdk({ CreationTime: date() }) })]);
    for (const [name, value] of replaced) {
      cases.push([`Date.prototype's ${String(name)} replaced after load by ${value.name}`, (call) => withDateBuiltIn(name, value, () => call(kept))]);
    }
    for (const [name, run] of cases) {
      const { validate } = freshNodeInstance();
      const before = outcome(() => validate(request(), kept));
      assert.equal(outcome(() => validate(request(), kept)), before, `${form}, ${name}: the options kept`);
      const expected = run((options) => outcome(() => freshNodeInstance().validate(request(), options)));
      assert.match(expected, /^TypeError: validate: options could not be read as JSON/, `${form}, ${name}: a fresh instance refuses them`);
      assert.equal(run((options) => outcome(() => validate(request(), options))), expected, `${form}, ${name}: after the same options were kept`);
      assert.equal(outcome(() => validate(request(), kept)), before, `${form}, ${name}: the kept options again`);
    }
  }
});

test("code that changes the options' contents runs, in the comparing walk, where JSON.stringify runs it", () => {
  // JSON.stringify reads members in key order and writes each whole when it
  // reaches it: a getter or toJSON after `task` runs once the task is
  // written, so what it changes there is not in the options the core reads.
  // The comparing walk reads each member's contents where its key is
  // reached, so it judges the same options. (Before: it read the task and
  // the locations after every key, so a toJSON or getter after them changed
  // what it compared, and kept options equal to the changed ones were taken:
  // no mismatch where a fresh instance finds one.) Each case: the request,
  // the options kept (as the code leaves them), the options.
  const run = { TaskArn: TASK, Options: { Mtime: 'NONE' } };
  const describe = (atime) => ({ TaskArn: TASK, TaskMode: 'BASIC', Options: { LogLevel: 'OFF', Atime: atime } });
  const update = { operation: 'UpdateTask', task: describe('NONE') };
  const changer = (t) => () => {
    t.Options.Atime = 'NONE';
    return 'x';
  };
  const cases = {
    'a getter after the task': [run, update, () => {
      const t = describe('BEST_EFFORT');
      return { operation: 'UpdateTask', task: t, get note() { return changer(t)(); } };
    }],
    'a toJSON after the task': [run, update, () => {
      const t = describe('BEST_EFFORT');
      return { operation: 'UpdateTask', task: t, note: { toJSON: changer(t) } };
    }],
    'a getter in an object after the task': [run, update, () => {
      const t = describe('BEST_EFFORT');
      return { operation: 'UpdateTask', task: t, note: { get a() { return changer(t)(); } } };
    }],
    "a Date's toJSON after the task (an SDK's CreationTime)": [run, update, () => {
      const t = describe('BEST_EFFORT');
      return { operation: 'UpdateTask', task: t, CreationTime: Object.assign(new Date(0), { toJSON: changer(t) }) };
    }],
    "a Date's toJSON after the Options, in the task": [run, { operation: 'UpdateTask', task: { ...describe('NONE'), CreationTime: '1970-01-01T00:00:00.000Z' } }, () => {
      const t = describe('BEST_EFFORT');
      t.CreationTime = Object.assign(new Date(0), { toJSON: () => changer(t)() && '1970-01-01T00:00:00.000Z' });
      return { operation: 'UpdateTask', task: t };
    }],
    'the getter of the locations after the task': [run, { ...update, locations: [] }, () => {
      const t = describe('BEST_EFFORT');
      return { operation: 'UpdateTask', task: t, get locations() { return changer(t)() && []; } };
    }],
    'a getter before the task (JSON.stringify writes the task as changed)': [run, update, () => {
      const t = describe('NONE');
      return { get note() { t.Options.Atime = 'BEST_EFFORT'; return 'x'; }, operation: 'UpdateTask', task: t };
    }],
    'a getter after the MountOptions, in a location': [BASIC, { locations: [{ ...NFS, MountOptions: { Version: 'AUTOMATIC' } }] }, () => {
      const mount = { Version: 'NFS4_2' };
      return { locations: [{ ...NFS, MountOptions: mount, get note() { mount.Version = 'AUTOMATIC'; return 'x'; } }] };
    }],
  };
  for (const [name, [given, kept, make]] of Object.entries(cases)) {
    for (const request of [() => ({ ...given }), () => JSON.stringify(given)]) {
      const form = typeof request();
      const expected = outcome(() => freshNodeInstance().validate(request(), make()));
      const { validate } = freshNodeInstance();
      // Kept twice: the second call compares with the first.
      validate(request(), kept);
      assert.notEqual(outcome(() => validate(request(), kept)), expected, `${form}, ${name}: the kept options get another report`);
      assert.equal(outcome(() => validate(request(), make())), expected, `${form}, ${name}`);
    }
  }
});

test('a location that is a boxed primitive is refused after kept options as a fresh instance refuses it', () => {
  // JSON.stringify writes a boxed string or number as the primitive, and
  // refuses a BigInt: the comparing walk asks an entry that is not a plain
  // object whether it is a box (before: it read its members as a plain
  // object's, and the options kept before were taken for them).
  const boxes = {
    'a String with the members of a location': () => Object.assign(new String(''), NFS),
    'a Number with the members of a location': () => Object.assign(new Number(5), NFS),
    'a BigInt with the members of a location': () => Object.assign(Object(1n), NFS),
  };
  for (const [form, request] of Object.entries(REQUESTS)) {
    for (const [name, box] of Object.entries(boxes)) {
      const expected = outcome(() => freshNodeInstance().validate(request(), { locations: [box()] }));
      assert.match(expected, /^TypeError: validate: options/, `${form}, ${name}: a fresh instance refuses it`);
      const { validate } = freshNodeInstance();
      validate(request(), { locations: [NFS] });
      validate(request(), { locations: [NFS] });
      assert.equal(outcome(() => validate(request(), { locations: [box()] })), expected, `${form}, ${name}`);
    }
  }
  // A class instance is written as its own members: still compared, and kept options still serve it.
  class Location {
    constructor() {
      Object.assign(this, NFS);
    }
  }
  const { validate } = freshNodeInstance();
  const kept = outcome(() => validate({ ...BASIC }, { locations: [NFS] }));
  assert.equal(outcome(() => validate({ ...BASIC }, { locations: [new Location()] })), kept);
});
