// How the command loads a Terraform module before it checks it: location
// arguments of the wrong shape, variable values from *.tfvars.json, override
// files, templates as object keys and provider aliases in .tf.json, resources
// that count or for_each make none of, and large tag maps. Run from the built
// package over tests/cli/fixtures/terraform/ and small modules written per test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DESTINATION, pkgDir, requireBuiltPackage, runCommand, SOURCE, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();
const FIXTURES = 'tests/cli/fixtures/terraform';

const json = (args, options) => {
  const result = runCommand(['--format', 'json', ...args], options);
  return { ...result, document: JSON.parse(result.stdout) };
};
const tasksOf = (document) => document.files.flatMap((f) => f.tasks.map((t) => ({ ...t, file: f.file })));
const codes = (task) => task.diagnostics.map((d) => `${d.code} ${d.attribute}`);

const task = terraformTask;

test('a location argument of a shape Terraform rejects is left out of the description, never the internal-error path', () => {
  const { status, stderr, document } = json([`${FIXTURES}/wrong-shape`]);
  assert.equal(stderr, '');
  // agent_arns = [null] is also Terraform's error "Null value found in list" (terraform plan 1.11.4): reported (session 36).
  assert.equal(status, 1);
  assert.deepEqual(tasksOf(document).flatMap(codes), ['terraform/invalid-location-value source_location_arn']);
  const described = Object.fromEntries(tasksOf(document).map((t) => [t.logicalId, t.locations.map((l) => l.description)]));
  const shape = (descriptions) => descriptions.map(({ LocationArn, ...rest }) => (assert.match(LocationArn, /^arn:aws:datasync:/), rest));
  // agent_arns a string, mount_options.version an object, s3_storage_class a list, agent_arns [null]: each left out.
  assert.deepEqual(shape(described['aws_datasync_task.exports']), [{ type: 'NFS' }, { type: 'S3' }]);
  assert.deepEqual(shape(described['aws_datasync_task.share']), [{ type: 'SMB' }, { type: 'S3' }]);
});

test('terraform.tfvars.json and *.auto.tfvars.json give variable values, in Terraform order, with literal strings', (t) => {
  const variables = 'variable "schedule" {}\nvariable "owner" {}\n';
  const body = '  schedule {\n    schedule_expression = var.schedule\n  }\n  tags = { Owner = var.owner }\n';
  const check = (files) => {
    const { root } = writeFolder(t, { 'main.tf': variables + task(body), ...files });
    const { document } = json([root]);
    const [found] = tasksOf(document);
    return { codes: codes(found), origins: found.diagnostics.map((d) => d.origin), notes: found.notes.map((n) => n.attribute) };
  };
  const tooFrequent = 'schedule/too-frequent schedule.schedule_expression';
  // *.auto.tfvars.json over terraform.tfvars (hunt's f1): rate(1 hour) is what Terraform sends.
  assert.deepEqual(check({ 'terraform.tfvars': 'schedule = "rate(30 minutes)"\nowner = "ops"\n', 'prod.auto.tfvars.json': '{ "schedule": "rate(1 hour)" }' }).codes, []);
  // terraform.tfvars.json over terraform.tfvars; the finding names the JSON file.
  const json1 = check({ 'terraform.tfvars': 'schedule = "rate(1 hour)"\nowner = "ops"\n', 'terraform.tfvars.json': '{\n  "schedule": "rate(30 minutes)"\n}\n' });
  assert.deepEqual(json1.codes, [tooFrequent]);
  assert.match(json1.origins[0], /terraform\.tfvars\.json:2:3$/);
  // *.auto.tfvars and *.auto.tfvars.json in lexical order of file name: b.auto.tfvars wins over a.auto.tfvars.json.
  assert.deepEqual(check({ 'a.auto.tfvars.json': '{ "schedule": "rate(1 hour)", "owner": "ops" }', 'b.auto.tfvars': 'schedule = "rate(30 minutes)"\n' }).codes, [tooFrequent]);
  assert.deepEqual(check({ 'a.auto.tfvars': 'schedule = "rate(30 minutes)"\nowner = "ops"\n', 'b.auto.tfvars.json': '{ "schedule": "rate(1 hour)" }' }).codes, []);
  // A variables file's strings are values, not templates: "${…}" is sent as written (and "$" is not allowed in a tag).
  assert.deepEqual(check({ 'terraform.tfvars.json': '{ "schedule": "rate(1 hour)", "owner": "${var.schedule}" }' }).codes, ['value/pattern-mismatch tags["Owner"]']);
});

test('override files are merged as Terraform merges them: arguments replaced, nested blocks replaced by type, an override of nothing noted', () => {
  const folderName = `${FIXTURES}/overrides`;
  const { status, document } = json(['--defaults', folderName]);
  assert.equal(status, 1);
  const [nightly, ...others] = tasksOf(document);
  assert.deepEqual(others, []); // one resource, not a second one made of the override's arguments
  // override.tf's default (rate(1 hour)) and z_override.tf.json's local (ONLY_FILES_TRANSFERRED) replace
  // the originals; task_override.tf's name and tags are sent, and its options block replaces the original
  // (log_level = "TRANSFER" is gone: the provider's OFF is sent).
  assert.equal(nightly.defaults.Schedule.ScheduleExpression, 'rate(1 hour)');
  assert.equal(nightly.defaults.Name, 'nightly copy (override)');
  assert.deepEqual(nightly.defaults.Tags, [{ Key: 'cost$center', Value: 'storage' }]);
  assert.equal(nightly.defaults.Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.equal(nightly.defaults.Options.LogLevel, 'OFF');
  // Findings on the override's arguments are placed at the resource they merge into.
  assert.deepEqual(
    nightly.diagnostics.map((d) => [d.code, d.attribute, nightly.file, d.line, d.column]),
    [
      ['value/pattern-mismatch', 'name', `${folderName}/main.tf`, 13, 1],
      ['value/pattern-mismatch', 'tags["cost$center"]', `${folderName}/main.tf`, 13, 1],
    ],
  );
  const notes = document.files.flatMap((f) => f.notes.map((n) => `${f.file}:${n.line}:${n.column} ${n.message}`));
  assert.deepEqual(notes, [
    `${folderName}/task_override.tf:1:1 Not checked here: this overrides arguments of aws_datasync_task.nightly (${folderName}/main.tf:13:1), which is checked with them merged in, as Terraform merges override files; their findings are shown at that resource.`,
    `${folderName}/z_override.tf.json:2:3 Not checked: this overrides local value "unused", which this module does not define; Terraform rejects it (Missing base local value definition to override).`,
    `${folderName}/z_override.tf.json:3:40 Not checked: this overrides resource "aws_datasync_task" "weekly", which this module does not define; Terraform rejects it (Missing resource to override).`,
  ]);
});

test('.tf.json: an object property name is a template, its value when known, unknown otherwise', (t) => {
  const resource = (tags) =>
    JSON.stringify({
      variable: { team_key: { default: 'Team' } },
      resource: { aws_datasync_task: { t: { source_location_arn: SOURCE, destination_location_arn: DESTINATION, tags } } },
    });
  const check = (tags) => {
    const { root } = writeFolder(t, { 'main.tf.json': resource(tags) });
    const [found] = tasksOf(json(['--defaults', root]).document);
    return found;
  };
  // The hunt's t21: Terraform sends the key Team, not "${var.team_key}" (which has a "$").
  const known = check({ '${var.team_key}': 'storage', Name: 'nightly' });
  assert.deepEqual(codes(known), []);
  assert.deepEqual(known.defaults.Tags, [{ Key: 'Name', Value: 'nightly' }, { Key: 'Team', Value: 'storage' }]);
  // A key known only after apply: the tags are not checked (one note), never an error.
  const unknown = check({ '${aws_s3_bucket.b.id}': 'storage', 'bad$': 'x' });
  assert.deepEqual(codes(unknown), []);
  assert.deepEqual(unknown.notes.map((n) => n.attribute), ['tags']);
  // "$" without a template sequence stays a literal key.
  assert.deepEqual(codes(check({ 'cost$center': 'storage' })), ['value/pattern-mismatch tags["cost$center"]']);
});

test('.tf.json: "provider": "aws.dr" selects that alias\'s default_tags, as provider = aws.dr does in HCL', (t) => {
  const providers = { aws: [{ region: 'us-east-1', default_tags: { tags: { CostCenter: 'R&D' } } }, { alias: 'dr', region: 'us-west-2', default_tags: { tags: { CostCenter: 'dr' } } }] };
  const check = (provider) => {
    const resource = { source_location_arn: SOURCE, destination_location_arn: DESTINATION, ...(provider ? { provider } : {}) };
    const { root } = writeFolder(t, { 'main.tf.json': JSON.stringify({ provider: providers, resource: { aws_datasync_task: { t: resource } } }) });
    return tasksOf(json(['--defaults', root]).document)[0];
  };
  const dr = check('aws.dr');
  assert.deepEqual(codes(dr), []);
  assert.deepEqual(dr.defaults.Tags, [{ Key: 'CostCenter', Value: 'dr' }]);
  // Without it, the default provider's tags ("&" is not allowed in a tag value).
  assert.deepEqual(codes(check(undefined)), ['value/pattern-mismatch tags["CostCenter"]']);
});

test('count that is 0 from a variable (0 or "0") and an empty for_each create nothing: not checked, for resources and module calls', (t) => {
  const tooFrequent = '  schedule {\n    schedule_expression = "rate(5 minutes)"\n  }\n';
  const { root } = writeFolder(t, {
    'main.tf': [
      'variable "none" {\n  default = 0\n}\nvariable "none_text" {\n  default = "0"\n}\nvariable "two" {\n  default = "2"\n}\n',
      task(`  count = var.none\n${tooFrequent}`, 'zero'),
      task(`  count = var.none_text\n${tooFrequent}`, 'zero_text'),
      task(`  for_each = {}\n${tooFrequent}`, 'empty_map'),
      task(`  for_each = toset([])\n${tooFrequent}`, 'empty_set'),
      task(`  count = var.two\n${tooFrequent}`, 'two'),
      'module "unused" {\n  source   = "./child"\n  for_each = {}\n}\n',
    ].join('\n'),
    'child/main.tf': task(tooFrequent, 'child'),
  });
  const { document } = json([join(root, 'main.tf')]);
  const summary = Object.fromEntries(tasksOf(document).map((found) => [found.logicalId, [...codes(found), ...found.notes.map((n) => n.message)]]));
  assert.deepEqual(summary, {
    'aws_datasync_task.zero': ['Not checked: count is 0, so aws_datasync_task.zero creates no task.'],
    'aws_datasync_task.zero_text': ['Not checked: count is 0, so aws_datasync_task.zero_text creates no task.'],
    'aws_datasync_task.empty_map': ['Not checked: for_each is empty, so aws_datasync_task.empty_map creates no task.'],
    'aws_datasync_task.empty_set': ['Not checked: for_each is empty, so aws_datasync_task.empty_set creates no task.'],
    // count "2" converts to 2: two instances, each checked.
    'aws_datasync_task.two[0]': ['schedule/too-frequent schedule.schedule_expression'],
    'aws_datasync_task.two[1]': ['schedule/too-frequent schedule.schedule_expression'],
    // The module call's: one note where its for_each is written (terraform-modules.test.mjs).
    'module.unused.aws_datasync_task.child': ['Not checked: the for_each of module "unused" is empty, so module.unused.aws_datasync_task.child creates no task.'],
  });
});

test('a template directive left unknown is named in a full sentence', (t) => {
  // A directive in a quoted string or a heredoc is evaluated (terraform-functions.test.mjs; an indented one since
  // session 35: terraform console, Owner is "ops\n"); with a condition that is not a bool, it is not.
  const { root } = writeFolder(t, {
    'main.tf': 'variable "owner" {\n  default = "ops"\n}\n' + task('  tags = {\n    Owner = <<-EOT\n%{ for x in [var.owner] }${x}%{ endfor }\nEOT\n    Team = "%{ if 1 }x%{ endif }"\n  }\n'),
  });
  const [found] = tasksOf(json([root]).document);
  assert.deepEqual(found.notes.map((n) => n.message), [
    'Not checked: tags["Team"] comes from "%{ if 1 }x%{ endif }", which has a %{ if } condition that is not true or false.',
  ]);
});

test('a task with 10,000 tags gets one finding for the count, not one per tag', async (t) => {
  // How the time grows with the number of tags is measured, not asserted
  // (docs/performance.md, "Terraform tags: one lookup per tag made linear").
  const { checkTerraform } = await import(pathToFileURL(join(pkgDir, 'cli', 'terraform.mjs')).href);
  const tags = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, `v${i}`]));
  const resource = { source_location_arn: SOURCE, destination_location_arn: DESTINATION, tags };
  const { root } = writeFolder(t, { 'main.tf.json': JSON.stringify({ resource: { aws_datasync_task: { t: resource } } }) });
  const { reports } = checkTerraform([{ name: 'main.tf.json', path: join(root, 'main.tf.json') }]);
  // The service allows 50 tags: one finding, whatever the count.
  assert.deepEqual(codes(reports.get('main.tf.json').tasks[0]), ['list/too-many-items tags']);
});
