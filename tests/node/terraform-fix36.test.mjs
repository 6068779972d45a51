// Terraform leftovers fixed late in session 36 (fixtf36).
// 1. A resource type named like a DataSync one that its provider does not have
//    (realmore4 F2, tests/real/terraform/76). `terraform plan` (1.11.4, AWS
//    provider 5.100.0, offline) on such a folder fails before planning:
//      Error: Invalid resource type
//        on main.tf line 20, in resource "aws_datasync_task_report" "c":
//      The provider hashicorp/aws does not support resource type "aws_datasync_task_report".
//    and, for a type two edits or less from one it has,
//      The provider hashicorp/aws does not support resource type
//      "aws_datasync_locaton_s3". Did you mean "aws_datasync_location_s3"?
//    with `count = 0` on the block as well. (`terraform providers schema -json`
//    lists the provider's thirteen aws_datasync_* resource types.)
// 2. terraform/invalid-location-value's text names the agent_arns case too.
// 3. A broken file that names only awscc_datasync_task is a task file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rules } from '../../pkg/cli/codes.mjs';
import { runCommand, terraformTask, writeFolder } from './helpers.mjs';

/** The command's run on a folder: its exit status and each entry's findings (`address severity code path`) and messages. */
function run(t, files) {
  const { root } = writeFolder(t, files);
  const { status, stdout } = runCommand(['--format', 'json', root]);
  const entries = JSON.parse(stdout).files.flatMap((f) => f.tasks);
  const findings = entries.flatMap((e) => e.diagnostics.map((d) => `${e.logicalId} ${d.severity} ${d.code} ${d.path} ${d.line}:${d.column}`));
  const messages = entries.flatMap((e) => e.diagnostics.map((d) => d.message));
  const params = entries.flatMap((e) => e.diagnostics.map((d) => d.params));
  return { status, findings, messages, params };
}

test('a resource type the AWS provider does not have, named aws_datasync_*, is an error at its block, as terraform plan fails on it', (t) => {
  const report = `resource "aws_datasync_task_report" "copy" {
  count    = 0
  task_arn = aws_datasync_task.t.arn
}
`;
  const { status, findings, messages, params } = run(t, { 'main.tf': terraformTask('') + report });
  assert.equal(status, 1);
  assert.deepEqual(findings, ['aws_datasync_task_report.copy error terraform/invalid-resource-type  6:1']);
  assert.deepEqual(params, [{ type: 'aws_datasync_task_report' }]);
  // No "Did you mean" (terraform plan gives none: aws_datasync_task is seven edits away); where a report goes instead.
  assert.equal(
    messages[0],
    'Invalid resource type: the provider hashicorp/aws does not support resource type "aws_datasync_task_report" (terraform plan stops here, so nothing in this configuration is created). A task\'s report is its task_report_config block (in aws_datasync_task), not a resource of its own.',
  );
});

test('a near spelling gets the type Terraform suggests; a far one none', (t) => {
  const files = {
    'main.tf': `resource "aws_datasync_locaton_s3" "a" {
  s3_bucket_arn = "arn:aws:s3:::b"
}
resource "aws_datasync_tasks" "b" {}
resource "aws_datasync_mover" "c" {}
`,
  };
  const { findings, messages, params } = run(t, files);
  assert.deepEqual(findings, [
    'aws_datasync_locaton_s3.a error terraform/invalid-resource-type  1:1',
    'aws_datasync_tasks.b error terraform/invalid-resource-type  4:1',
    'aws_datasync_mover.c error terraform/invalid-resource-type  5:1',
  ]);
  assert.deepEqual(params, [
    { type: 'aws_datasync_locaton_s3', suggestion: 'aws_datasync_location_s3' },
    { type: 'aws_datasync_tasks', suggestion: 'aws_datasync_task' },
    { type: 'aws_datasync_mover' },
  ]);
  assert.match(messages[0], /"aws_datasync_locaton_s3" \(terraform plan stops here, so nothing in this configuration is created\)\. Did you mean "aws_datasync_location_s3"\?$/);
});

test('every resource type the providers have passes; other providers and other sources are not judged', (t) => {
  const aws = ['agent', 'location_azure_blob', 'location_efs', 'location_fsx_lustre_file_system', 'location_fsx_ontap_file_system', 'location_fsx_openzfs_file_system', 'location_fsx_windows_file_system', 'location_hdfs', 'location_nfs', 'location_object_storage', 'location_s3', 'location_smb'];
  const awscc = ['agent', 'location_azure_blob', 'location_efs', 'location_fsx_lustre', 'location_fsx_ontap', 'location_fsx_open_zfs', 'location_fsx_windows', 'location_hdfs', 'location_nfs', 'location_object_storage', 'location_s3', 'location_smb', 'storage_system'];
  const blocks = [...aws.map((type) => `resource "aws_datasync_${type}" "x" { count = 0 }`), ...awscc.map((type) => `resource "awscc_datasync_${type}" "x" { count = 0 }`)];
  const others = [
    'resource "aws_s3_bucket_report" "x" { count = 0 }', // not DataSync's: never judged here
    'resource "google_datasync_task" "x" { count = 0 }',
    'resource "aws_datasync_task_report" "other" {\n  provider = other.x\n}', // another provider's resource
  ];
  const { findings } = run(t, { 'main.tf': [terraformTask(''), ...blocks, ...others].join('\n') });
  // The empty location bodies lack their Required arguments (terraform/missing-argument since session 37): only the types are judged here.
  assert.deepEqual(findings.filter((f) => !/ terraform\/missing-(argument|block) /.test(f)), []);
  // A module whose required_providers gives "aws" another source: its types are not known here.
  const fork = `terraform {
  required_providers {
    aws = { source = "example/aws" }
  }
}
resource "aws_datasync_task_report" "r" {}
`;
  assert.deepEqual(run(t, { 'main.tf': terraformTask('') + fork }).findings, []);
  // hashicorp/aws named there is the provider itself.
  const own = fork.replace('example/aws', 'hashicorp/aws');
  assert.deepEqual(run(t, { 'main.tf': terraformTask('') + own }).findings, ['aws_datasync_task_report.r error terraform/invalid-resource-type  11:1']);
});

test('an awscc_datasync_* type the awscc provider does not have: the error, and a report is an argument of awscc_datasync_task', (t) => {
  const { findings, messages, params } = run(t, {
    'main.tf': `${terraformTask('')}resource "awscc_datasync_task_report" "r" {}
resource "awscc_datasync_location_fsx_openzfs" "z" {}
`,
  });
  assert.deepEqual(findings, [
    'awscc_datasync_task_report.r error terraform/invalid-resource-type  6:1',
    'awscc_datasync_location_fsx_openzfs.z error terraform/invalid-resource-type  7:1',
  ]);
  assert.match(messages[0], /^Invalid resource type: the provider hashicorp\/awscc does not support resource type "awscc_datasync_task_report" .* A task's report is its task_report_config argument \(in awscc_datasync_task\), not a resource of its own\.$/);
  assert.deepEqual(params[1], { type: 'awscc_datasync_location_fsx_openzfs', suggestion: 'awscc_datasync_location_fsx_open_zfs' });
});

test('in a called module: once, under the module address, in the module file', (t) => {
  const { findings } = run(t, {
    'main.tf': 'module "copy" {\n  source = "./copy"\n  count  = 2\n}\n',
    'copy/main.tf': `${terraformTask('')}resource "aws_datasync_task_schedule" "s" {}\n`,
  });
  assert.deepEqual(findings, ['module.copy[0].aws_datasync_task_schedule.s error terraform/invalid-resource-type  6:1']);
});

test("terraform/invalid-location-value's text names both cases it reports: mount_options.version and agent_arns with a null element", () => {
  const rule = rules().find((r) => r.code === 'terraform/invalid-location-value');
  assert.match(rule.description, /mount_options\.version/);
  assert.match(rule.description, /`agent_arns` list with a `null` element/);
});

test('a broken file found in a folder that names only awscc_datasync_task is reported, not skipped', (t) => {
  // A plan saved half-written: it cannot be parsed, and it names an awscc task.
  const broken = '{"format_version":"1.2","resource_changes":[{"type":"awscc_datasync_task",\n';
  const { root } = writeFolder(t, { 'plan.json': broken });
  const { status, stdout } = runCommand(['--format', 'json', root]);
  assert.equal(status, 2);
  assert.deepEqual(
    JSON.parse(stdout).files.map((f) => `${f.file.split('/').pop()} ${f.kind}`),
    ['plan.json unparsable'],
  );
  // The help names both task types.
  const help = runCommand(['--help']).stdout;
  assert.match(help, /every aws_datasync_task and\nawscc_datasync_task in Terraform files/);
  assert.match(help, /resource "aws_datasync_task" \(or "awscc_datasync_task"\)/);
});
