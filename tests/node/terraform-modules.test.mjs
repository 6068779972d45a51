// Module calls and instances, as Terraform expands them before the AWS
// provider sends a request: a local module called with `count` or `for_each`
// makes one instance per index or key, each with its own arguments
// (count.index, each.key, each.value) and its own address; a `for_each`
// Terraform rejects is an error where it is written; `dynamic` blocks inside
// a location resource are expanded as in the task, so the location is
// described.
//
// The oracle: `terraform plan` (v1.11.4, AWS provider 5.100.0 from a
// filesystem mirror, offline with fake keys and the skip_* flags) on the same
// folders, quoted in each test. Its addresses are the ones findings carry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, SOURCE, DESTINATION, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** Each task of a folder by address: its findings (`code attribute line`), notes, request (--defaults) and locations. */
function check(t, files) {
  const { root } = writeFolder(t, files);
  const document = json(['--defaults', root]);
  const tasks = Object.fromEntries(
    document.files.flatMap((f) =>
      f.tasks.map((found) => [
        found.logicalId,
        {
          file: f.file.slice(root.length + 1),
          findings: [...found.diagnostics.map((d) => `${d.code} ${d.attribute} ${d.line}`), ...found.notes.map((n) => `${n.code} ${n.attribute} ${n.line}`)],
          messages: [...found.diagnostics, ...found.notes].map((d) => d.message),
          request: found.defaults,
          locations: found.locations.map((l) => [l.resource, l.description]),
        },
      ]),
    ),
  );
  const notes = document.files.flatMap((f) => f.notes.map((n) => `${f.file.slice(root.length + 1)}:${n.line} ${n.message}`));
  return { tasks, notes, summary: document.summary };
}
const task = (body, name = 't') => terraformTask(body, name);
const scheduled = task('  schedule {\n    schedule_expression = var.sched\n  }');
const moduleWithSchedule = `variable "sched" {\n  type = string\n}\n${scheduled}`;

// terraform plan: aws_datasync_location_nfs.src after
//   { mount_options: [{ version: "NFS4_1" }], on_prem_config: [{ agent_arns: ["arn:…:agent/agent-0123456789abcdef0"] }] }
// Before: the description had neither AgentArns nor MountOptions (the
// dynamic blocks were not read), so no location rule could use them.
test('dynamic blocks inside a location resource are expanded as in the task: the location is described', (t) => {
  const agent = 'arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0';
  const location = (name, body) => `resource "aws_datasync_location_nfs" "${name}" {\n  server_hostname = "nfs.example.com"\n  subdirectory    = "/exports"\n${body}}\n`;
  const onPrem = (forEach) => `  dynamic "on_prem_config" {\n    for_each = ${forEach}\n    content {\n      agent_arns = on_prem_config.value\n    }\n  }\n`;
  const mount = '  dynamic "mount_options" {\n    for_each = var.mount\n    iterator = m\n    content {\n      version = m.value\n    }\n  }\n';
  const uses = (name) => `resource "aws_datasync_task" "${name}" {\n  source_location_arn      = aws_datasync_location_nfs.${name}.arn\n  destination_location_arn = "${DESTINATION}"\n}\n`;
  const { tasks } = check(t, {
    'main.tf': [
      `variable "agents" {\n  default = ["${agent}"]\n}\nvariable "mount" {\n  default = { v = "NFS4_1" }\n}\nvariable "unknown" {\n  type = list(string)\n}\n`,
      location('known', onPrem('[var.agents]') + mount),
      uses('known'),
      // Not known (a variable without a value), or two blocks where the provider allows one (Terraform rejects): not described.
      location('unknown', onPrem('[var.unknown]') + mount.replace('var.mount', 'var.unknown')),
      uses('unknown'),
      location('two', onPrem('[var.agents, var.agents]')),
      uses('two'),
    ].join(''),
  });
  const described = (name) => {
    const { LocationArn: _arn, ...description } = tasks[`aws_datasync_task.${name}`].locations[0][1];
    return description;
  };
  assert.deepEqual(described('known'), { type: 'NFS', AgentArns: [agent], MountOptions: { Version: 'NFS4_1' } });
  assert.deepEqual(described('unknown'), { type: 'NFS' });
  assert.deepEqual(described('two'), { type: 'NFS' });
});
