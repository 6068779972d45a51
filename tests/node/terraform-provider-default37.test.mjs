// The "caused by a provider default" note (hunt37d #10). The AWS provider
// 5.100.0 fills in every options argument left out; `terraform plan` (1.11.4,
// offline) of `options { atime = "NONE" }` shows what it sends, in both modes:
//   atime NONE, mtime PRESERVE, verify_mode POINT_IN_TIME_CONSISTENT,
//   bytes_per_second -1, log_level OFF, overwrite_mode ALWAYS, ... (all 14).
// A finding is blamed on the provider only when the value it sends differs
// from what the service would use without it (its default for the task's
// mode): Mtime PRESERVE is Basic mode's own default, so atime = "NONE" alone
// is the same mismatch with or without the provider, and says nothing of it;
// VerifyMode POINT_IN_TIME_CONSISTENT is not Enhanced mode's default
// (ONLY_FILES_TRANSFERRED), so there the note stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand, writeFolder } from './helpers.mjs';

const ARNS = `  source_location_arn      = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"
  destination_location_arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210"
`;
/** The task's findings as `code path` and their messages. */
function check(t, body) {
  const { root } = writeFolder(t, { 'main.tf': `resource "aws_datasync_task" "t" {\n${ARNS}${body}}\n` });
  const [task] = JSON.parse(runCommand(['--format', 'json', root]).stdout).files.flatMap((f) => f.tasks);
  return task.diagnostics.map((d) => ({ finding: `${d.code} ${d.path}`, message: d.message, providerDefault: d.providerDefault }));
}

test('atime = "NONE" with mtime left out: the mismatch, not blamed on the provider (Mtime PRESERVE is the service default too)', (t) => {
  const [found, ...rest] = check(t, '  options {\n    atime = "NONE"\n  }\n');
  assert.deepEqual(rest, []);
  assert.equal(found.finding, 'options/atime-mtime-mismatch /Options/Atime');
  assert.doesNotMatch(found.message, /provider default/);
  assert.equal(found.providerDefault, undefined);
});

test('mtime = "NONE" with atime left out: the mismatch, not blamed on the provider either (Atime BEST_EFFORT is the service default)', (t) => {
  const [found, ...rest] = check(t, '  options {\n    mtime = "NONE"\n  }\n');
  assert.deepEqual(rest, []);
  assert.equal(found.finding, 'options/atime-mtime-mismatch /Options/Atime');
  assert.doesNotMatch(found.message, /provider default/);
});

test('Enhanced mode with verify_mode left out: the provider sends POINT_IN_TIME_CONSISTENT, not the Enhanced default, so the note stays', (t) => {
  const [found, ...rest] = check(t, '  task_mode = "ENHANCED"\n  options {\n    atime = "NONE"\n  }\n');
  assert.deepEqual(rest, []);
  assert.equal(found.finding, 'options/enhanced-point-in-time /Options/VerifyMode');
  assert.match(found.message, /This is caused by a provider default: options\.verify_mode is not set, so the AWS provider sends VerifyMode POINT_IN_TIME_CONSISTENT; set verify_mode = "ONLY_FILES_TRANSFERRED"/);
  assert.deepEqual(found.providerDefault, { attribute: 'options.verify_mode', pointer: '/Options/VerifyMode', value: 'POINT_IN_TIME_CONSISTENT' });
});
