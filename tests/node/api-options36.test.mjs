// Session 36, fixapi36: hunt36 findings 7 and 8 as the package's users meet
// them. A misspelt member of the options argument is a TypeError that names
// it (the CLI's configuration refuses unknown keys the same way), and the
// command line's guess of a request file's operation weighs the members only
// one operation takes before Tags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DESTINATION, pkgDir, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const { validate, applyDefaults, fields } = await import('datasync-task-validator');
const { operationOf } = await import(pathToFileURL(join(pkgDir, 'cli', 'report.mjs')).href);

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const LOCATIONS = [
  { LocationArn: SOURCE, LocationUri: 's3://source-bucket/', type: 'S3' },
  { LocationArn: DESTINATION, LocationUri: 's3://destination-bucket/', type: 'S3' },
];
const REQUEST = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Uid: 'INT_VALUE' } };
const KNOWN = 'the options are { locations, operation, task }.';

test('a misspelt member of the options is a TypeError naming it and the known ones, and the next call works', () => {
  // `{ Locations }` is how `const { Locations } = await client.send(new ListLocationsCommand({}))` destructures.
  const misspelt = [
    ['Locations', { Locations: LOCATIONS }],
    ['location', { location: LOCATIONS }],
    ['Operation', { Operation: 'UpdateTask' }],
    ['Task', { operation: 'UpdateTask', Task: { TaskArn: TASK_ARN } }],
    ['opertion', { opertion: 'UpdateTask' }],
  ];
  for (const [name, options] of misspelt) {
    const message = `unknown option "${name}"; ${KNOWN}`;
    for (const request of [REQUEST, JSON.stringify(REQUEST)]) {
      assert.throws(() => validate(request, options), { name: 'TypeError', message: `validate: ${message}` }, name);
      // The right spelling, kept before, does not let the wrong one through.
      validate(request, { locations: LOCATIONS });
      assert.throws(() => validate(request, { locations: LOCATIONS, ...options }), { name: 'TypeError', message: `validate: ${message}` }, name);
    }
    assert.throws(() => applyDefaults(REQUEST, options), { name: 'TypeError', message: `applyDefaults: ${message}` }, name);
    assert.throws(() => fields(options), { name: 'TypeError', message: `fields: ${message}` }, name);
    // The next call, spelt right, works.
    assert.deepEqual(validate(REQUEST, { locations: LOCATIONS }).errors.map((d) => d.code), ['locations/posix-between-object-stores']);
    assert.equal(applyDefaults({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION }, { locations: LOCATIONS }).Options.Uid, 'NONE');
  }
});

test('a task without a TaskArn is a TypeError: it would apply to any request', () => {
  const run = { TaskArn: TASK_ARN, OverrideOptions: { LogLevel: 'BASIC' } };
  const message = 'validate: options.task must be a DescribeTask response (an object), but it is one without a TaskArn.';
  for (const task of [{}, { TaskMode: 'BASIC', Options: { LogLevel: 'OFF' } }, { Tasks: [{ TaskArn: TASK_ARN }] }, { TaskArn: null }]) {
    assert.throws(() => validate(run, { operation: 'StartTaskExecution', task }), { name: 'TypeError', message }, JSON.stringify(task));
    // Refused for CreateTask too: malformed options are malformed whatever the operation.
    assert.throws(() => validate(REQUEST, { task }), { name: 'TypeError', message }, JSON.stringify(task));
  }
  // A TaskArn of another type is named as such, not as missing (core37).
  const notString = 'validate: options.task must be a DescribeTask response (an object), but it is one whose TaskArn is not a string.';
  for (const TaskArn of [7, true, [TASK_ARN], { TaskArn: TASK_ARN }]) {
    assert.throws(() => validate(run, { operation: 'StartTaskExecution', task: { TaskArn } }), { name: 'TypeError', message: notString }, JSON.stringify(TaskArn));
  }
  const described = { TaskArn: TASK_ARN, TaskMode: 'BASIC', Options: { LogLevel: 'OFF' } };
  assert.deepEqual(validate(run, { operation: 'StartTaskExecution', task: described }).warnings.map((d) => d.code), ['logging/no-log-group']);
});

test('the command line weighs the members only an update takes before Tags (hunt36 #8)', () => {
  const update = { TaskArn: TASK_ARN, Name: 'nightly', Options: { Mtime: 'NONE', Atime: 'NONE' }, Schedule: { ScheduleExpression: 'rate(1 day)' }, Tags: [{ Key: 'team', Value: 'storage' }] };
  assert.deepEqual(operationOf(update), { operation: 'UpdateTask', reason: 'it has TaskArn and Name, Options and Schedule, which StartTaskExecution does not take' });
  assert.deepEqual(operationOf({ TaskArn: TASK_ARN, CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:x', Tags: [] }).operation, 'UpdateTask');
  // OverrideOptions weighs one: it wins a tie, and Tags alone still make a run.
  assert.deepEqual(operationOf({ TaskArn: TASK_ARN, OverrideOptions: {}, Name: 'x', Tags: [] }).operation, 'StartTaskExecution');
  assert.deepEqual(operationOf({ TaskArn: TASK_ARN, OverrideOptions: {}, Name: 'x', Options: {} }).operation, 'UpdateTask');
  assert.deepEqual(operationOf({ TaskArn: TASK_ARN, Tags: [] }), { operation: 'StartTaskExecution', reason: 'it has TaskArn and Tags, which UpdateTask does not take' });
  assert.deepEqual(operationOf({ TaskArn: TASK_ARN, Name: 'x' }), { operation: 'UpdateTask', reason: 'it has TaskArn and no location ARNs' });
  // So the file gets the one real error: Tags is no UpdateTask member.
  const result = validate(JSON.stringify(update), { operation: operationOf(update).operation });
  assert.deepEqual(result.errors.map((d) => `${d.path} ${d.code}`), ['/Tags request/unknown-member']);
});
