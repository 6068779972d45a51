// hunt34 finding 5: an Enhanced mode task created with a log group other
// than /aws/datasync. Terraform's aws_datasync_task and CloudFormation's
// AWS::DataSync::Task both create the task with CreateTask, whose reference
// says only that an Enhanced mode task logs to /aws/datasync by itself: a
// warning that the group named gets no logs (UpdateTask of the same, "must
// use", is the error logging/enhanced-log-group-name).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESTINATION, SOURCE, requireBuiltPackage, runCommand, terraformTask as task, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:';
const IGNORED = 'logging/enhanced-log-group-ignored';

/** Each task's findings, as `code pointer`. */
const findings = (root) => {
  const result = runCommand(['--format', 'json', root]);
  assert.equal(result.stderr, '');
  const tasks = JSON.parse(result.stdout).files.flatMap((f) => f.tasks);
  return Object.fromEntries(tasks.map((t) => [t.logicalId, t.diagnostics.map((d) => `${d.code} ${d.path}`)]));
};

test('Terraform: an ENHANCED task with another log group is warned; /aws/datasync, a BASIC task and an unknown ARN are not', (t) => {
  const { root } = writeFolder(t, {
    'main.tf': [
      task(`  task_mode = "ENHANCED"\n  cloudwatch_log_group_arn = "${GROUP}mylogs:*"\n  options {\n    log_level = "TRANSFER"\n    verify_mode = "ONLY_FILES_TRANSFERRED"\n  }`, 'other'),
      task(`  task_mode = "ENHANCED"\n  cloudwatch_log_group_arn = "${GROUP}/aws/datasync:*"\n  options {\n    log_level = "TRANSFER"\n    verify_mode = "ONLY_FILES_TRANSFERRED"\n  }`, 'datasync'),
      task(`  task_mode = "BASIC"\n  cloudwatch_log_group_arn = "${GROUP}mylogs:*"\n  options {\n    log_level = "TRANSFER"\n    verify_mode = "ONLY_FILES_TRANSFERRED"\n  }`, 'basic'),
      // The group's ARN is known only after apply: no finding.
      `resource "aws_cloudwatch_log_group" "mine" {\n  name = "mylogs"\n}\n`,
      task('  task_mode = "ENHANCED"\n  cloudwatch_log_group_arn = aws_cloudwatch_log_group.mine.arn\n  options {\n    log_level = "TRANSFER"\n    verify_mode = "ONLY_FILES_TRANSFERRED"\n  }', 'unknown'),
    ].join('\n'),
  });
  const found = findings(root);
  assert.deepEqual(found['aws_datasync_task.other'], [`${IGNORED} /CloudWatchLogGroupArn`]);
  assert.deepEqual(found['aws_datasync_task.datasync'], []);
  assert.deepEqual(found['aws_datasync_task.basic'], []);
  assert.ok(!found['aws_datasync_task.unknown'].some((f) => f.startsWith(IGNORED)), found['aws_datasync_task.unknown']);
});

test('CloudFormation: an ENHANCED AWS::DataSync::Task with another log group is warned', (t) => {
  const resource = (mode, group) => ({
    Type: 'AWS::DataSync::Task',
    Properties: {
      SourceLocationArn: SOURCE,
      DestinationLocationArn: DESTINATION,
      TaskMode: mode,
      CloudWatchLogGroupArn: `${GROUP}${group}`,
      Options: { LogLevel: 'BASIC' },
    },
  });
  const { root } = writeFolder(t, {
    'template.json': JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Other: resource('ENHANCED', 'mylogs'),
        Datasync: resource('ENHANCED', '/aws/datasync'),
        Basic: resource('BASIC', 'mylogs'),
      },
    }),
  });
  assert.deepEqual(findings(root), {
    Other: [`${IGNORED} /CloudWatchLogGroupArn`],
    Datasync: [],
    Basic: [],
  });
});
