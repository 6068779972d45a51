// A null element of a tags map. terraform-plugin-sdk v2 leaves a null
// element out of a map before the provider reads it, so the AWS provider
// sends no such tag; in a provider's default_tags the same. A null in the
// resource's tags therefore does not hide a default tag of the same key.
// What `terraform plan` (1.11.4, provider 5.100.0, offline) planned for each
// case below is written beside it: the request's Tags must be that plan's
// tags_all, and there is nothing to report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, terraformTask as task, writeFolder } from './helpers.mjs';

requireBuiltPackage();

/** Each task's address, its findings and the Tags it sends (with --defaults). */
const checked = (root) => {
  const result = runCommand(['--format', 'json', '--defaults', root]);
  assert.equal(result.stderr, '');
  const tasks = JSON.parse(result.stdout).files.flatMap((f) => f.tasks);
  return Object.fromEntries(tasks.map((t) => [t.logicalId, { findings: t.diagnostics.map((d) => `${d.code} ${d.attribute}`), tags: t.defaults?.Tags }]));
};

const PROVIDER = (defaultTags) => `provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = ${defaultTags}
  }
}
`;

test("a null element of a resource's tags is not sent (a variable's null default, a literal null, null through merge() and try())", (t) => {
  const { root } = writeFolder(t, {
    'main.tf': `variable "cost_center" {
  type    = string
  default = null
}
${task('  tags = { team = "data", CostCenter = var.cost_center }', 'variable')}
${task('  tags = { a = null }', 'literal')}
${task('  tags = merge({ team = "data" }, { extra = try(var.cost_center, null) })', 'merged')}
${task('  tags = merge({ a = "x", team = "data" }, { a = null })', 'overridden')}
`,
  });
  assert.deepEqual(checked(root), {
    // plan: tags = tags_all = { team = "data" }
    'aws_datasync_task.variable': { findings: [], tags: [{ Key: 'team', Value: 'data' }] },
    // plan: tags and tags_all null (no tag at all)
    'aws_datasync_task.literal': { findings: [], tags: [] },
    // plan: tags = tags_all = { team = "data" }
    'aws_datasync_task.merged': { findings: [], tags: [{ Key: 'team', Value: 'data' }] },
    // merge() keeps the later null for "a", which is then left out. plan: tags = tags_all = { team = "data" }
    'aws_datasync_task.overridden': { findings: [], tags: [{ Key: 'team', Value: 'data' }] },
  });
});

test("a null default tag is not sent, and a resource's null tag leaves the default tag of its key in place", (t) => {
  const { root } = writeFolder(t, {
    'providers.tf': PROVIDER('{ team = "platform", Owner = null, Dept = "eng" }'),
    'main.tf': [
      task('  tags = { team = "data" }', 'own'),
      task('  tags = { Dept = null, x = "y" }', 'hides'),
      task('', 'none'),
      task('  tags = { Dept = null }', 'onlynull'),
    ].join('\n'),
  });
  assert.deepEqual(checked(root), {
    // plan: tags_all = { Dept = "eng", team = "data" }
    'aws_datasync_task.own': { findings: [], tags: [{ Key: 'Dept', Value: 'eng' }, { Key: 'team', Value: 'data' }] },
    // plan: tags = { x = "y" }, tags_all = { Dept = "eng", team = "platform", x = "y" }
    'aws_datasync_task.hides': {
      findings: [],
      tags: [
        { Key: 'Dept', Value: 'eng' },
        { Key: 'team', Value: 'platform' },
        { Key: 'x', Value: 'y' },
      ],
    },
    // plan: tags_all = { Dept = "eng", team = "platform" }
    'aws_datasync_task.none': { findings: [], tags: [{ Key: 'Dept', Value: 'eng' }, { Key: 'team', Value: 'platform' }] },
    'aws_datasync_task.onlynull': { findings: [], tags: [{ Key: 'Dept', Value: 'eng' }, { Key: 'team', Value: 'platform' }] },
  });
});

test('default_tags whose every element is null send no Tags', (t) => {
  // plan: tags null, tags_all (known after apply): the provider marks tags_all
  // unknown when the merged tags are empty, and its CreateTask gets no tag.
  const { root } = writeFolder(t, { 'providers.tf': PROVIDER('{ Owner = null }'), 'main.tf': task('', 'none') });
  assert.deepEqual(checked(root), { 'aws_datasync_task.none': { findings: [], tags: undefined } });
});

test('a tag value that is not null is still checked, beside a null one', (t) => {
  const { root } = writeFolder(t, { 'main.tf': task('  tags = { gone = null, "aws:team" = "x" }') });
  assert.deepEqual(checked(root)['aws_datasync_task.t'].findings, ['tag/reserved-prefix tags["aws:team"]']);
});
