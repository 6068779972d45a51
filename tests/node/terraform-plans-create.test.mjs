// A task a plan creates, with an argument that is Optional and Computed in
// the AWS provider's schema (task_mode, options.security_descriptor_copy_flags)
// left unset. Terraform plans such an argument as (known after apply) (true
// in after_unknown), yet the provider's resourceTaskCreate sends TaskMode
// only when set (GetOk) and expandOptions SecurityDescriptorCopyFlags only
// when not "", so CreateTask gets neither and the service makes a Basic mode
// task (API reference, CreateTask: TaskMode defaults to BASIC). The plan must
// then say what the folder of the same configuration says (hunt34 finding 4).
//
// tests/cli/fixtures/terraform/plan-create/plan.json is `terraform show -json`
// of main.tf there (terraform 1.11.4, hashicorp/aws 5.100.0, offline: see
// make-plan.sh) over terraform.tfstate, which holds `updated` and `replaced`
// as Enhanced mode tasks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand } from './helpers.mjs';

requireBuiltPackage();

const FIXTURE = 'tests/cli/fixtures/terraform/plan-create';

/** address -> { findings: ["severity code attribute"], notes: ["attribute"] } of the files checked. */
const checked = (...paths) => {
  const result = runCommand(['--format', 'json', ...paths]);
  assert.equal(result.stderr, '');
  const tasks = JSON.parse(result.stdout).files.flatMap((f) => f.tasks ?? []);
  return Object.fromEntries(
    tasks.map((t) => [t.logicalId, { findings: t.diagnostics.map((d) => `${d.severity} ${d.code} ${d.attribute}`).sort(), notes: t.notes.map((n) => n.attribute) }]),
  );
};

const plan = () => checked(`${FIXTURE}/plan.json`);

test('a task created without task_mode is a Basic mode task in a plan: the Basic mode rules apply', () => {
  const tasks = plan();
  // task_mode not written; Mtime is the provider's default, PRESERVE.
  assert.deepEqual(tasks['aws_datasync_task.unset'], { findings: ['error options/atime-mtime-mismatch options.atime', 'warning logging/no-log-group cloudwatch_log_group_arn'].sort(), notes: [] });
  // task_mode = null is left unset too.
  assert.deepEqual(tasks['aws_datasync_task.null'], { findings: ['error options/atime-mtime-mismatch options.atime'], notes: [] });
  // No options block, to an S3 Glacier location: Basic mode's VerifyMode default.
  assert.deepEqual(tasks['aws_datasync_task.archive'], { findings: ['warning locations/archive-default-verify-mode options.verify_mode'], notes: [] });
  // In a module: the configuration's module_calls tell that task_mode is not written.
  assert.deepEqual(tasks['module.child.aws_datasync_task.inner'], { findings: ['warning logging/no-log-group cloudwatch_log_group_arn'], notes: [] });
});

test('a replaced task (delete, then create) is created without task_mode: Basic mode, whatever the state held', () => {
  assert.deepEqual(plan()['aws_datasync_task.replaced'], { findings: ['error options/atime-mtime-mismatch options.atime'], notes: [] });
});

test("an updated task keeps the state's mode, which the plan shows", () => {
  // The state's ENHANCED: Enhanced mode rules, not Basic mode's atime/mtime rule.
  assert.deepEqual(plan()['aws_datasync_task.updated'], { findings: ['error options/enhanced-point-in-time options.verify_mode'], notes: [] });
});

test('task_mode = var.mode, null in the plan, is unset: Basic mode, as in the folder', () => {
  // `references: ["var.mode"]` and the plan's variables `{"mode": {"value": null}}`: Terraform evaluated a
  // known value (the plan's variables are known), and a known value other than null would be in the plan, so
  // it was null (session 35; only an impure function such as timestamp() or uuid() could make it unknown).
  assert.deepEqual(plan()['aws_datasync_task.variable'], { findings: ['error options/atime-mtime-mismatch options.atime'], notes: [] });
});

test('the plan of the created tasks says what the folder of the same configuration says', () => {
  const planned = plan();
  const folder = checked(`${FIXTURE}/main.tf`);
  for (const address of ['aws_datasync_task.unset', 'aws_datasync_task.null', 'aws_datasync_task.archive', 'aws_datasync_task.variable', 'module.child.aws_datasync_task.inner']) {
    assert.deepEqual(planned[address], folder[address], address);
  }
});
