// The form keeps of a pasted DescribeTask response only the members the
// validator reads (www/operation.js keptTask: its TASK_MEMBERS list, written
// out, plus CloudWatchLogGroupArn and Options). That list must stay the one
// src/task.rs reads: a member the core starts reading would otherwise be
// dropped by the form without a sound, and one it stops reading would still be
// saved and linked. Checked three ways on a response with every member: by
// the source of Task::from_description, by index.d.ts TaskDescription, and by
// validate()'s answers (each kept member changes one; the kept task answers as
// the whole response does).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE, TASK, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
// www/operation.js reads fields() from the browser build: initialised here with the package's .wasm.
const web = await import('../../pkg/web/index.js');
await web.default(readFileSync(join(repoRoot, 'pkg/datasync_task_validator_bg.wasm')));
const { keptTask } = await import('../../www/operation.js');

/** A DescribeTask response with every member the API documents, as `aws datasync describe-task` prints it. */
const DESCRIBED = {
  TaskArn: TASK,
  Status: 'AVAILABLE',
  Name: 'nightly',
  CurrentTaskExecutionArn: `${TASK}/execution/exec-0123456789abcdef0`,
  SourceLocationArn: SOURCE,
  DestinationLocationArn: DESTINATION,
  CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:/custom/datasync:*',
  SourceNetworkInterfaceArns: ['arn:aws:ec2:us-east-1:111122223333:network-interface/eni-0123456789abcdef0'],
  DestinationNetworkInterfaceArns: [],
  Options: {
    VerifyMode: 'ONLY_FILES_TRANSFERRED', OverwriteMode: 'ALWAYS', Atime: 'BEST_EFFORT', Mtime: 'PRESERVE', Uid: 'NONE', Gid: 'NONE',
    PreserveDeletedFiles: 'PRESERVE', PreserveDevices: 'NONE', PosixPermissions: 'NONE', BytesPerSecond: -1, TaskQueueing: 'ENABLED',
    LogLevel: 'TRANSFER', TransferMode: 'CHANGED', SecurityDescriptorCopyFlags: 'NONE', ObjectTags: 'PRESERVE',
  },
  Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '*.tmp' }],
  Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/data' }],
  Schedule: { ScheduleExpression: 'rate(1 day)', Status: 'ENABLED' },
  ErrorCode: '',
  ErrorDetail: '',
  CreationTime: '2026-01-01T00:00:00.000Z',
  ManifestConfig: { Action: 'TRANSFER', Format: 'CSV', Source: { S3: { ManifestObjectPath: 'manifest.csv', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/DataSync', S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket' } } },
  TaskReportConfig: { Destination: { S3: { S3BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket', BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/DataSync' } }, OutputType: 'SUMMARY_ONLY' },
  ScheduleDetails: { StatusUpdateTime: '2026-11-01T08:00:00.000Z', DisabledReason: '', DisabledBy: 'USER' },
  TaskMode: 'ENHANCED',
};

/** The same task in Basic mode, where other rules read the log group. */
const DESCRIBED_BASIC = { ...DESCRIBED, TaskMode: 'BASIC' };

const kept = keptTask(DESCRIBED);
const sorted = (names) => [...names].sort();

test('the members the form keeps are those src/task.rs reads', () => {
  const source = readFileSync(join(repoRoot, 'src/task.rs'), 'utf8');
  // Task::from_description checks the TaskArn and hands the rest to Task::read.
  const bodyOf = (signature) => {
    const start = source.indexOf(signature);
    assert.ok(start >= 0, `${signature} in src/task.rs`);
    return source.slice(start, source.indexOf('\n    }\n', start));
  };
  const body = bodyOf('pub fn from_description') + bodyOf('pub(crate) fn read(description');
  // Its readers of a top-level member: string("…"), owned(description, "…"), description.get("…").
  const read = new Set([...body.matchAll(/(?:\bstring\(|\bowned\(description, |\bdescription\s*\.get\()"(\w+)"\)/g)].map((match) => match[1]));
  assert.ok(read.size > 0, 'no member read found: the pattern above no longer matches src/task.rs');
  assert.deepEqual(sorted(Object.keys(kept)), sorted(read));
});

test('the members the form keeps are index.d.ts TaskDescription\'s', () => {
  const types = readFileSync(join(repoRoot, 'index.d.ts'), 'utf8');
  const block = types.match(/export interface TaskDescription \{([^}]*)\}/);
  assert.ok(block, 'TaskDescription in index.d.ts');
  const declared = [...block[1].matchAll(/^\s*(\w+)\?:/gm)].map((match) => match[1]);
  assert.deepEqual(sorted(Object.keys(kept)), sorted(declared));
});

// Requests whose answers depend on the task: each member the core reads
// changes at least one of them.
const S3_ENDS = [{ LocationArn: SOURCE, type: 'S3' }, { LocationArn: DESTINATION, type: 'S3' }];
const PROBES = [
  // TaskMode ENHANCED: a log group not under /aws/datasync is warned of.
  ['UpdateTask', { TaskArn: TASK, CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:/custom/other:*' }],
  // CloudWatchLogGroupArn: a Basic mode task without one has nowhere to log to.
  ['StartTaskExecution', { TaskArn: TASK, OverrideOptions: { LogLevel: 'TRANSFER' } }],
  // SourceLocationArn and DestinationLocationArn: both ends object storage.
  ['UpdateTask', { TaskArn: TASK, Options: { Uid: 'INT_VALUE' } }, S3_ENDS],
  ['StartTaskExecution', { TaskArn: TASK, OverrideOptions: { Uid: 'INT_VALUE' } }, S3_ENDS],
  // Options: the task's Atime BEST_EFFORT against the request's Mtime.
  ['UpdateTask', { TaskArn: TASK, Options: { Mtime: 'NONE' } }],
  ['StartTaskExecution', { TaskArn: TASK, OverrideOptions: { Mtime: 'NONE' } }],
];

/** validate()'s answer (its report, or what it threw) to every probe with `task`. */
const answers = (task) => PROBES.map(([operation, request, locations]) => {
  try {
    return validate(request, { operation, task, locations });
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
});

test('the kept task answers every probe as the whole DescribeTask response does', () => {
  for (const described of [DESCRIBED, DESCRIBED_BASIC]) {
    assert.deepEqual(answers(keptTask(described)), answers(described), described.TaskMode);
  }
});

test('every member the form keeps changes an answer when it is left out', () => {
  for (const member of Object.keys(kept)) {
    const changed = [DESCRIBED, DESCRIBED_BASIC].some((described) => {
      const { [member]: _, ...without } = keptTask(described);
      return !isDeepStrictEqual(answers(without), answers(keptTask(described)));
    });
    assert.ok(changed, `${member} changes no answer: the core does not read it, or no probe shows it`);
  }
});
