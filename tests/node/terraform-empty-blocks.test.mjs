// An aws_datasync_task block none of whose arguments is set (finding F2).
// terraform-plugin-sdk v2 reads a list element as nil when none of its fields
// is in the diff (readListField/readObjectField); for a new resource an
// argument that is null, absent or "" makes no diff entry (diffString skips
// "" -> ""), a schema Default or a nested block does. The provider's
// expandFilterRules (internal/service/datasync/task.go) skips a nil element,
// so `includes {}` sends an empty Includes list, never a rule with Value "".
// options {} is not nil (its arguments have Defaults): it still sends them.
// Real case: tests/real/terraform/34 (aws-ia/terraform-aws-datasync, whose
// task module always writes both blocks with try(..., null) arguments).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, requireBuiltPackage, runCommand, SOURCE, terraformTask as task, writeFolder } from './helpers.mjs';

requireBuiltPackage();

/** The folder's one task: `severity code attribute` of its findings and notes, and its request (--defaults). */
function checked(t, files) {
  const { root } = writeFolder(t, files);
  const result = runCommand(['--format', 'json', '--defaults', root]);
  assert.equal(result.stderr, '');
  const [found] = JSON.parse(result.stdout).files.flatMap((f) => f.tasks);
  return {
    findings: [...found.diagnostics.map((d) => `${d.severity} ${d.code} ${d.attribute}`), ...found.notes.map((n) => `note ${n.code} ${n.attribute}`)],
    notes: found.notes.map((n) => n.message),
    request: found.defaults,
  };
}

test('an includes or excludes block with every argument null or absent sends an empty list, not a rule with Value ""', (t) => {
  const body = `  includes {}
  excludes {
    filter_type = null
    value       = null
  }`;
  const found = checked(t, { 'main.tf': task(body) });
  assert.deepEqual(found.findings, []);
  assert.deepEqual(found.request.Includes, []);
  assert.deepEqual(found.request.Excludes, []);
});

test('the real module\'s form: try() of a key the task object does not have, in both arguments', (t) => {
  const body = `  excludes {
    filter_type = try(var.task.excludes.filter_type, null)
    value       = try(var.task.excludes.value, null)
  }
  includes {
    filter_type = try(var.task.includes.filter_type, null)
    value       = try(var.task.includes.value, null)
  }`;
  const files = { 'main.tf': `variable "task" {\n  type    = any\n  default = { name = "copy" }\n}\n${task(body)}` };
  const found = checked(t, files);
  assert.deepEqual(found.findings, []);
  assert.deepEqual([found.request.Includes, found.request.Excludes], [[], []]);
});

test('a task whose for_each is not expanded here: whether each rule is sent is not known, so no error', (t) => {
  // each.value is not known here, so neither is whether filter_type is null.
  const files = {
    'main.tf': `variable "tasks" {
  type    = any
  default = [{ name = "copy" }]
}
resource "aws_datasync_task" "listed" {
  for_each                 = { for i, task in var.tasks : tostring(i) => task }
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  includes {
    filter_type = try(each.value.includes.filter_type, null)
    value       = try(each.value.includes.value, null)
  }
}
`,
  };
  const found = checked(t, files);
  assert.deepEqual(found.findings.filter((f) => !f.startsWith('note ')), []);
});

test('"" is unset too (no diff entry): includes { value = "" } sends no rule', (t) => {
  // value has no validation in the provider, so plan passes; the element is nil.
  const found = checked(t, { 'main.tf': task('  includes {\n    value = ""\n  }') });
  assert.deepEqual(found.findings, []);
  assert.deepEqual(found.request.Includes, []);
});

test('a dynamic block whose content has only null arguments makes a nil element as well', (t) => {
  const body = `  dynamic "excludes" {
    for_each = ["one"]
    content {
      value = null
    }
  }`;
  const found = checked(t, { 'main.tf': task(body) });
  assert.deepEqual(found.findings, []);
  assert.deepEqual(found.request.Excludes, []);
});

test('one argument set keeps the element: an omitted value is still sent as "" (the provider default)', (t) => {
  const found = checked(t, { 'main.tf': task('  includes {\n    filter_type = "SIMPLE_PATTERN"\n    value       = null\n  }') });
  assert.deepEqual(found.findings, ['error value/pattern-mismatch includes.value']);
  // filter_type = "" stops plan (enum.Validate): the element is kept so that error shows.
  const empty = checked(t, { 'main.tf': task('  excludes {\n    filter_type = ""\n  }') });
  assert.deepEqual(empty.findings.sort(), ['error value/not-in-enum excludes.filter_type', 'error value/pattern-mismatch excludes.value']);
});

test('with an argument not known here, whether the rule is sent is not known: no error on its Value', (t) => {
  const files = {
    'main.tf': `variable "kind" {
  type = string
}
${task('  includes {\n    filter_type = var.kind\n  }')}`,
  };
  const found = checked(t, files);
  assert.deepEqual(found.findings, ['note terraform/not-checked includes.value', 'note terraform/not-checked includes.filter_type']);
  assert.match(found.notes[0], /includes\.value is sent as "" only when filter_type is neither null nor "" \(otherwise the provider sends no includes rule\)/);
});

test('options {} is not nil: its arguments have schema defaults, which the provider sends', (t) => {
  // An Enhanced task then gets VerifyMode POINT_IN_TIME_CONSISTENT, which the service refuses.
  const found = checked(t, { 'main.tf': task('  task_mode = "ENHANCED"\n  options {}') });
  assert.ok(found.findings.some((f) => f.endsWith(' options.verify_mode')), found.findings.join('\n'));
  assert.equal(found.request.Options.VerifyMode, 'POINT_IN_TIME_CONSISTENT');
});

test('in a plan, an includes element with only null or "" values is nil too', (t) => {
  const after = {
    source_location_arn: SOURCE,
    destination_location_arn: DESTINATION,
    includes: [{ filter_type: null, value: null }],
    excludes: [{ filter_type: '', value: '' }],
  };
  const change = { address: 'aws_datasync_task.t', mode: 'managed', type: 'aws_datasync_task', name: 't', change: { actions: ['create'], before: null, after, after_unknown: { arn: true, id: true } } };
  const plan = { format_version: '1.2', terraform_version: '1.11.4', planned_values: { root_module: {} }, resource_changes: [change], configuration: { root_module: { resources: [] } } };
  const { root } = writeFolder(t, { 'plan.json': JSON.stringify(plan) });
  const result = runCommand(['--format', 'json', '--defaults', join(root, 'plan.json')]);
  const [found] = JSON.parse(result.stdout).files.flatMap((f) => f.tasks);
  assert.deepEqual(found.diagnostics, []);
  assert.deepEqual([found.defaults.Includes, found.defaults.Excludes], [[], []]);
});
