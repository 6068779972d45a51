// Configuration as `terraform plan -generate-config-out` writes it for an
// imported task: every argument listed, `tags_all = {}` among them. tags_all is
// Optional and Computed in the provider's schema (5.100.0, `terraform providers
// schema -json`), and `terraform plan` (1.11.4, offline) accepts the file
// (`+ tags_all = (known after apply)`); `arn` is Computed only, and plan refuses
// it ("Value for unconfigurable attribute").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef1';

const imported = (extra) => `# __generated__ by Terraform
resource "aws_datasync_task" "imported" {
  cloudwatch_log_group_arn = null
  destination_location_arn = "${DESTINATION}"
  name                     = null
  source_location_arn      = "${SOURCE}"
  tags                     = {}
  tags_all                 = {}
${extra}  task_mode                = "ENHANCED"
  options {
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    log_level                      = "OFF"
    verify_mode                    = "ONLY_FILES_TRANSFERRED"
    security_descriptor_copy_flags = null
  }
}
`;

const findings = (t, text) => {
  const { root } = writeFolder(t, { 'generated.tf': text });
  const result = runCommand(['--format', 'json', root]);
  const report = JSON.parse(result.stdout);
  return { status: result.status, codes: report.files.flatMap((f) => f.tasks.flatMap((task) => task.diagnostics.map((d) => `${d.code} ${d.attribute ?? ''}`.trim()))) };
};

test('tags_all written in a task, as Terraform generates it for an imported task, is accepted as plan accepts it', (t) => {
  const { status, codes } = findings(t, imported(''));
  assert.deepEqual(codes.filter((code) => code.startsWith('terraform/')), []);
  assert.equal(status, 0);
});

test('arn, which only the provider sets, is still refused as plan refuses it', (t) => {
  const { status, codes } = findings(t, imported(`  arn                      = "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0"\n`));
  assert.deepEqual(codes.filter((code) => code.startsWith('terraform/')), ['terraform/unsupported-argument arn']);
  assert.equal(status, 1);
});
