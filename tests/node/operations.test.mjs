// validate(request, { operation, task }), applyDefaults and fields for
// UpdateTask and StartTaskExecution, through the published package: both input
// paths carry the options, malformed options are TypeErrors, and the reports of
// the core's fixtures under tests/fixtures/operations are the package's too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, requireBuiltPackage, SOURCE, DESTINATION } from './helpers.mjs';

requireBuiltPackage();
const { validate, applyDefaults, fields } = await import('datasync-task-validator');
const cjs = (await import('node:module')).createRequire(import.meta.url)('datasync-task-validator');

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const BASIC_TASK = {
  TaskArn: TASK_ARN,
  TaskMode: 'BASIC',
  Options: { Atime: 'BEST_EFFORT', Mtime: 'PRESERVE', LogLevel: 'OFF', BytesPerSecond: -1 },
  CreationTime: new Date('2026-11-01T08:00:00Z'),
};
const codes = (result) => [...result.errors, ...result.warnings].map((d) => `${d.path} ${d.code}`);

test('the operation chooses the request model', () => {
  assert.deepEqual(codes(validate({}, { operation: 'UpdateTask' })), ['/TaskArn request/missing-member']);
  assert.deepEqual(codes(validate('{}', { operation: 'StartTaskExecution' })), ['/TaskArn request/missing-member']);
  assert.deepEqual(codes(validate({ TaskArn: TASK_ARN }, { operation: 'UpdateTask' })), []);
  const foreign = validate({ TaskArn: TASK_ARN, TaskMode: 'ENHANCED' }, { operation: 'UpdateTask' });
  assert.match(foreign.errors[0].message, /^"TaskMode" is not an UpdateTask member: a task's mode is fixed/);
  const notAnObject = validate(42, { operation: 'StartTaskExecution' });
  assert.match(notAnObject.errors[0].message, /StartTaskExecution members/);
});

test('without operation, null options or an empty object, reports are CreateTask reports', () => {
  const requests = [{}, { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Mtime: 'NONE' } }, '[]', 'x'];
  for (const request of requests) {
    const plain = validate(request);
    for (const options of [undefined, null, {}, { operation: 'CreateTask' }, { operation: 'CreateTask', task: BASIC_TASK }]) {
      assert.deepEqual(validate(request, options), plain, JSON.stringify(options));
    }
  }
});

test('a run is judged with the task settings it does not override', () => {
  const run = { TaskArn: TASK_ARN, OverrideOptions: { Mtime: 'NONE' } };
  const options = { operation: 'StartTaskExecution', task: BASIC_TASK };
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/Atime options/atime-mtime-mismatch']);
  assert.match(validate(run, options).errors[0].message, /Atime keeps the task's BEST_EFFORT and Mtime is NONE/);
  // Without the task neither its mode nor its Atime is known: no guess.
  assert.deepEqual(codes(validate(run, { operation: 'StartTaskExecution' })), []);
  // A description of another task is ignored.
  const other = { ...BASIC_TASK, TaskArn: TASK_ARN.replace('0123456789abcdef0', 'fffffffffffffffff') };
  assert.deepEqual(codes(validate(run, { operation: 'StartTaskExecution', task: other })), []);
  // Both input paths carry the options: a string with a lone surrogate takes the slow one.
  const slow = `{"TaskArn":"${TASK_ARN}","OverrideOptions":{"Mtime":"NONE"},"Tags":[{"Key":"\ud800"}]}`;
  assert.ok(codes(validate(slow, options)).includes('/OverrideOptions/Atime options/atime-mtime-mismatch'));
  assert.deepEqual(cjs.validate(run, options), validate(run, options));
});

test('malformed options are TypeErrors that name the function, whatever the request', () => {
  const cases = [
    [5, /options must be an object/],
    [[], /options must be an object/],
    [{ operation: 'DeleteTask' }, /options\.operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution'/],
    [{ operation: 7 }, /options\.operation must be a string/],
    [{ task: 'arn' }, /options\.task must be a DescribeTask response/],
    [{ task: { big: 1n } }, /options could not be read as JSON/],
    // Values JSON.stringify leaves out would otherwise read as omitted (CreateTask, no task).
    [{ operation: Symbol('UpdateTask') }, /options\.operation must be a string such as 'UpdateTask', but it is a symbol\./],
    [{ operation: () => 'UpdateTask' }, /options\.operation must be a string such as 'UpdateTask', but it is a function\./],
    [{ task: function describeTask() {} }, /options\.task must be a DescribeTask response \(an object\), but it is a function\./],
    [{ locations: Symbol.iterator }, /options\.locations must be an array of location descriptions, but it is a symbol\./],
  ];
  for (const [options, message] of cases) {
    for (const request of [{}, 'x', undefined]) {
      assert.throws(() => validate(request, options), (error) => error instanceof TypeError && /^validate: /.test(error.message) && message.test(error.message));
    }
    assert.throws(() => fields(options), (error) => error instanceof TypeError && /^fields: /.test(error.message));
    assert.throws(() => applyDefaults({}, options), (error) => error instanceof TypeError && /^applyDefaults: /.test(error.message));
  }
  // Options kept from an earlier call (the fast path keeps them) never stand in for such options.
  validate({}, { operation: 'UpdateTask' });
  assert.throws(() => validate({}, { operation: Symbol('UpdateTask') }), /but it is a symbol/);
  // Read as the glue reads them whichever path the request takes: a member JSON.stringify
  // leaves out, even one an options object inherits, is read; a toJSON's result is judged.
  for (const request of [{}, '\ud800']) {
    assert.throws(() => validate(request, Object.create({ operation: Symbol('x') })), /but it is a symbol/);
    assert.equal(validate(request, { toJSON: () => ({ operation: 'UpdateTask' }), operation: Symbol('x') }).valid, false);
  }
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => validate({}, { task: cyclic }), TypeError);
  // Hostile options never reach the core: their own exceptions become TypeErrors here.
  const throwing = { get operation() { throw new Error('boom'); } };
  assert.throws(() => validate({}, throwing), (error) => error instanceof TypeError && /boom/.test(error.message));
  const hostile = new Proxy({}, { ownKeys() { throw new RangeError('no keys'); } });
  assert.throws(() => validate({}, hostile), TypeError);
  assert.throws(() => validate({}, { toJSON: () => 5 }), /options must be an object .* but it is an integer/);
  // An undefined member is omitted, as in JSON; a member read through a getter is read once.
  assert.deepEqual(validate({}, { operation: undefined, task: undefined, locations: undefined }), validate({}));
  let reads = 0;
  const counted = { get operation() { reads += 1; return 'UpdateTask'; } };
  assert.deepEqual(fields(counted), fields({ operation: 'UpdateTask' }));
  assert.equal(reads, 1);
  // A failure leaves nothing behind: large and small requests still validate.
  const big = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'n'.repeat(200_000) };
  assert.deepEqual(codes(validate(big)), ['/Name value/too-long']);
  assert.deepEqual(codes(validate({ TaskArn: TASK_ARN }, { operation: 'StartTaskExecution' })), []);
});

test('fields() lists each operation\'s members; only CreateTask members carry defaults', () => {
  const pointers = (list) => list.map((f) => f.pointer);
  assert.deepEqual(fields({}), fields());
  const update = fields({ operation: 'UpdateTask' });
  const start = fields({ operation: 'StartTaskExecution' });
  assert.equal(update[0].pointer, '/TaskArn');
  assert.ok(pointers(update).includes('/Options/Atime') && !pointers(update).includes('/TaskMode'));
  assert.ok(pointers(start).includes('/OverrideOptions/Atime') && pointers(start).includes('/Tags/*/Key'));
  assert.ok(!pointers(start).some((p) => p.startsWith('/Schedule') || p.startsWith('/Options/')));
  assert.ok([...update, ...start].every((f) => f.default === undefined));
  assert.ok(fields().some((f) => f.default !== undefined));
});

test('applyDefaults fills nothing in for UpdateTask and StartTaskExecution', () => {
  const request = { TaskArn: TASK_ARN, OverrideOptions: { Mtime: 'NONE' } };
  const copy = applyDefaults(request, { operation: 'StartTaskExecution' });
  assert.deepEqual(copy, request);
  assert.notEqual(copy, request);
  assert.deepEqual(applyDefaults('{"TaskArn":"x"}', { operation: 'UpdateTask' }), { TaskArn: 'x' });
  assert.throws(() => applyDefaults('[]', { operation: 'UpdateTask' }), TypeError);
  assert.equal(applyDefaults({}).TaskMode, 'BASIC');
});

test('the package gives the core fixtures\' reports for every operation', () => {
  const dir = join(repoRoot, 'tests/fixtures/operations');
  const names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json') && !n.endsWith('.options.json'));
  assert.ok(names.length >= 8);
  for (const name of names) {
    const request = readFileSync(join(dir, name), 'utf8');
    const options = JSON.parse(readFileSync(join(dir, name.replace(/\.json$/, '.options.json')), 'utf8'));
    const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.json$/, '.expected.json')), 'utf8'));
    assert.deepEqual(validate(request, options), expected, name);
    assert.deepEqual(validate(JSON.parse(request), options), expected, name);
  }
});

test('options with an operation and a task are kept between calls, and every change to what the core reads is seen', () => {
  const run = { TaskArn: TASK_ARN, OverrideOptions: { Mtime: 'NONE' } };
  let reads = 0;
  const task = { ...BASIC_TASK, Options: { ...BASIC_TASK.Options } };
  // JSON.stringify reads CreationTime, which the core ignores: a second call
  // with the same options reads it once, in the walk that compares them with
  // the ones kept in wasm (a getter could return a cycle), not in full again.
  Object.defineProperty(task, 'CreationTime', { enumerable: true, get: () => { reads += 1; return '2026-11-01T08:00:00Z'; } });
  const options = { operation: 'StartTaskExecution', task };
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/Atime options/atime-mtime-mismatch']);
  const afterFirst = reads;
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/Atime options/atime-mtime-mismatch']);
  assert.equal(reads, afterFirst + 1);
  // Changes inside the same objects are seen.
  task.Options.Atime = 'NONE';
  assert.deepEqual(codes(validate(run, options)), []);
  task.Options.Atime = 'BEST_EFFORT';
  task.TaskArn = TASK_ARN.replace('0123456789abcdef0', 'fffffffffffffffff');
  assert.deepEqual(codes(validate(run, options)), []);
  task.TaskArn = TASK_ARN;
  delete task.Options;
  task.TaskMode = 'ENHANCED';
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/Mtime options/enhanced-mtime-none']);
  options.operation = 'UpdateTask';
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions request/unknown-member']);
  // What reads like kept options but is not an object JSON writes as one is read again, and refused.
  assert.deepEqual(codes(validate(run, { operation: 'UpdateTask' })), ['/OverrideOptions request/unknown-member']);
  for (const malformed of [Object.assign([], { operation: 'UpdateTask' }), Object.assign(new String('x'), { operation: 'UpdateTask' })]) {
    assert.throws(() => validate(run, malformed), /^TypeError: validate: options must be an object/);
  }
  assert.deepEqual(codes(validate(run, { operation: 'UpdateTask', task: { TaskArn: TASK_ARN } })), ['/OverrideOptions request/unknown-member']);
  assert.throws(() => validate(run, { operation: 'UpdateTask', task: new String('x') }), /options\.task must be a DescribeTask response/);
  assert.throws(() => validate(run, { operation: 'UpdateTask', task: [] }), /options\.task must be a DescribeTask response/);
  // A Proxy whose keys cannot be listed is not taken for the kept options it reads like.
  const hostile = (target) => new Proxy(target, { ownKeys() { throw new RangeError('no keys'); } });
  assert.deepEqual(codes(validate(run, { operation: 'UpdateTask', task: { TaskArn: TASK_ARN } })), ['/OverrideOptions request/unknown-member']);
  assert.throws(() => validate(run, hostile({ operation: 'UpdateTask', task: {} })), /^TypeError: validate: options could not be read as JSON \(no keys\)/);
  assert.throws(() => validate(run, { operation: 'UpdateTask', task: hostile({}) }), /^TypeError: validate: options could not be read as JSON \(no keys\)/);
});

// The hunt of session 33 (findings 1, 2 and 6): the described task's ends
// bring the location rules to a run or an update, for what the request sets;
// applyDefaults agrees with validate into an archive class; turning logging off
// for a run or a task is not told to turn it back on.
const ENDS_TASK = { TaskArn: TASK_ARN, TaskMode: 'BASIC', SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'ONLY_FILES_TRANSFERRED' } };
const INTO_GLACIER = [{ LocationArn: SOURCE, type: 'NFS' }, { LocationArn: DESTINATION, type: 'S3', S3StorageClass: 'GLACIER' }];

test('a run or an update gets the location rules between the described task\'s ends, for the options it sets', () => {
  const run = { TaskArn: TASK_ARN, OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  const options = { operation: 'StartTaskExecution', task: ENDS_TASK, locations: INTO_GLACIER };
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/VerifyMode locations/archive-point-in-time']);
  assert.deepEqual(codes(validate(JSON.stringify(run), options)), codes(validate(run, options)));
  // The related members of a CreateTask are not in a run: none named.
  assert.deepEqual(validate(run, options).errors[0].params, { storageClass: 'GLACIER' });
  const update = { TaskArn: TASK_ARN, Options: { PosixPermissions: 'PRESERVE' } };
  const s3ToS3 = [{ LocationArn: SOURCE, type: 'S3' }, { LocationArn: DESTINATION, type: 'S3' }];
  assert.deepEqual(codes(validate(update, { operation: 'UpdateTask', task: ENDS_TASK, locations: s3ToS3 })), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  // What the request leaves as the task has it is not its doing; without the ends, no rule.
  const stored = { ...ENDS_TASK, Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  assert.deepEqual(codes(validate({ TaskArn: TASK_ARN, OverrideOptions: { Atime: 'BEST_EFFORT' } }, { ...options, task: stored })), []);
  const { SourceLocationArn, DestinationLocationArn, ...endless } = ENDS_TASK;
  assert.deepEqual(codes(validate(run, { ...options, task: endless })), []);
});

test('kept options: a change of the task\'s ends alone is seen', () => {
  const run = { TaskArn: TASK_ARN, OverrideOptions: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  const task = { ...ENDS_TASK };
  const options = { operation: 'StartTaskExecution', task, locations: INTO_GLACIER };
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/VerifyMode locations/archive-point-in-time']);
  task.DestinationLocationArn = SOURCE;
  assert.deepEqual(codes(validate(run, options)), []);
  task.DestinationLocationArn = DESTINATION;
  assert.deepEqual(codes(validate(run, options)), ['/OverrideOptions/VerifyMode locations/archive-point-in-time']);
  task.SourceLocationArn = DESTINATION;
  task.DestinationLocationArn = SOURCE;
  assert.deepEqual(codes(validate(run, options)), []);
});

test('applyDefaults into S3 Glacier or Deep Archive leaves Basic mode\'s VerifyMode out, so validate does not reject its result', () => {
  for (const S3StorageClass of ['GLACIER', 'DEEP_ARCHIVE']) {
    const options = { locations: [{ LocationArn: SOURCE, type: 'NFS' }, { LocationArn: DESTINATION, type: 'S3', S3StorageClass }] };
    const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
    const filled = applyDefaults(request, options);
    assert.equal(filled.Options.VerifyMode, undefined);
    assert.equal(filled.Options.Mtime, 'PRESERVE');
    const report = validate(filled, options);
    assert.equal(report.valid, true);
    assert.deepEqual(codes(report), codes(validate(request, options)));
    assert.deepEqual(codes(report), ['/Options/VerifyMode locations/archive-default-verify-mode']);
  }
});

test('turning logging off for a run, or for a task that logs, is not told to turn it back on', () => {
  const logging = { ...BASIC_TASK, Options: { ...BASIC_TASK.Options, LogLevel: 'BASIC' }, CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:x' };
  assert.deepEqual(codes(validate({ TaskArn: TASK_ARN, OverrideOptions: { LogLevel: 'OFF' } }, { operation: 'StartTaskExecution', task: logging })), []);
  assert.deepEqual(codes(validate({ TaskArn: TASK_ARN, Options: { LogLevel: 'OFF' } }, { operation: 'UpdateTask', task: logging })), []);
  // An update that sets a log group and LogLevel OFF together still is.
  const both = { TaskArn: TASK_ARN, CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:y', Options: { LogLevel: 'OFF' } };
  assert.deepEqual(codes(validate(both, { operation: 'UpdateTask', task: logging })), ['/Options/LogLevel logging/log-group-unused']);
});
