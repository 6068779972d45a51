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
  // A string, number, boolean or null beside the members the core reads:
  // judged as the options without them, whether kept before or not.
  const { validate } = freshNodeInstance();
  const plain = { locations: [NFS, S3] };
  const expected = outcome(() => freshNodeInstance().validate({ ...BASIC }, plain));
  for (const extra of ['x', 1, true, null, undefined]) {
    const options = { note: extra, locations: [{ ...NFS, note: extra }, S3], task: undefined };
    assert.equal(outcome(() => validate({ ...BASIC }, options)), expected, `note ${String(extra)}`);
    assert.equal(outcome(() => validate({ ...BASIC }, plain)), expected, `then the plain options, after note ${String(extra)}`);
  }
  // An object there (JSON writes it) is judged as the options without it too.
  assert.equal(outcome(() => validate({ ...BASIC }, { ...plain, note: { a: [1] } })), expected);
  assert.equal(outcome(() => validate({ ...BASIC }, { ...plain, note: { a: [1] } })), expected);
});
