// The command on Terraform: .tf and .tf.json modules (with their variables,
// tfvars, locations and local modules) and `terraform show -json` plans,
// checked as the AWS provider sends them. Run from the built package over
// tests/cli/fixtures/terraform/ and small configurations written per test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, pkgDir, repoRoot, requireBuiltPackage, runCommand, SOURCE, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const FIXTURES = 'tests/cli/fixtures/terraform';

const run = runCommand;
const json = (args, options) => {
  const result = run(['--format', 'json', ...args], options);
  return { ...result, document: JSON.parse(result.stdout) };
};
const lines = (text) => text.split('\n').filter((line) => line !== '');
const tasksOf = (document) => document.files.flatMap((f) => f.tasks.map((t) => ({ ...t, file: f.file })));
const pick = (d) => ({ code: d.code, path: d.path, line: d.line, column: d.column, address: d.address, attribute: d.attribute });

const task = terraformTask;

// ---------------------------------------------------------------------------
// A module across files: task, locations, variables, terraform.tfvars
// ---------------------------------------------------------------------------

test('a module across files: each finding names file:line:column, address, attribute and pointer (human)', () => {
  const { status, stdout, stderr } = run([`${FIXTURES}/enhanced`]);
  assert.equal(status, 1);
  assert.equal(stderr, '');
  const file = `${FIXTURES}/enhanced/main.tf`;
  // Both locations are S3 buckets of the module (the destination in DEEP_ARCHIVE), so the
  // location rules apply to what the provider sends for the options left out.
  const providerSends = (attribute, member, value) =>
    `This is caused by a provider default: options.${attribute} is not set, so the AWS provider sends ${member} ${value}; set ${attribute} to the value you want in the options block.`;
  const posix = (attribute, member, value) =>
    `${file}:9:3  error  locations/posix-between-object-stores  ` +
    `Both locations are object storage (S3 to S3), which has no POSIX metadata, and the service rejects ${member} ${value} for such a transfer; set ${member} to NONE or leave it out. ` +
    providerSends(attribute, member, value) +
    `  [aws_datasync_task.nightly: options.${attribute} (/Options/${member})]`;
  assert.deepEqual(lines(stdout), [
    `${file}:9:3  error  locations/archive-point-in-time  ` +
      "VerifyMode POINT_IN_TIME_CONSISTENT cannot be used when the destination's S3 storage class is DEEP_ARCHIVE, whose objects cannot be read back to verify them; use ONLY_FILES_TRANSFERRED (recommended there) or NONE. " +
      // The storage class is the destination location's, from a variable default (hunt35 #6).
      `(The destination location's s3_storage_class comes from the default of variable "archive_class" (${FIXTURES}/enhanced/variables.tf:21:3).) ` +
      'This is caused by a provider default: options.verify_mode is not set, so the AWS provider sends VerifyMode POINT_IN_TIME_CONSISTENT; ' +
      'set verify_mode = "ONLY_FILES_TRANSFERRED" (the service\'s default for Enhanced mode) or another supported value in the options block.' +
      '  [aws_datasync_task.nightly: options.verify_mode (/Options/VerifyMode)]',
    posix('gid', 'Gid', 'INT_VALUE'),
    posix('posix_permissions', 'PosixPermissions', 'PRESERVE'),
    posix('uid', 'Uid', 'INT_VALUE'),
    `${file}:9:3  error  options/enhanced-point-in-time  ` +
      'Enhanced mode does not support VerifyMode POINT_IN_TIME_CONSISTENT; use ONLY_FILES_TRANSFERRED (the Enhanced default) or NONE, or choose Basic mode. ' +
      'This is caused by a provider default: options.verify_mode is not set, so the AWS provider sends VerifyMode POINT_IN_TIME_CONSISTENT; ' +
      'set verify_mode = "ONLY_FILES_TRANSFERRED" (the service\'s default for Enhanced mode) or another supported value in the options block.' +
      '  [aws_datasync_task.nightly: options.verify_mode (/Options/VerifyMode)]',
    `${file}:15:5  error  schedule/too-frequent  ` +
      'The rate expression "rate(30 minutes)" runs the task every 30 minutes, but DataSync runs a task at most once an hour; use "rate(1 hour)" or a longer interval. ' +
      `(The value comes from ${FIXTURES}/enhanced/terraform.tfvars:1:1.)` +
      '  [aws_datasync_task.nightly: schedule.schedule_expression (/Schedule/ScheduleExpression)]',
    `${file}:20:5  info  terraform/not-checked  ` +
      'Not checked: tags["owner"] comes from var.owner, which has no default and no value in terraform.tfvars or *.auto.tfvars (a module block that calls this folder sets it; run as a root module, Terraform takes it from -var, -var-file or TF_VAR_owner).' +
      '  [aws_datasync_task.nightly: tags["owner"] (/Tags/0/Value)]',
    '3 files checked: 6 errors, 0 warnings',
  ]);
});

test('the same findings in JSON carry address, attribute, origin and the provider default', () => {
  const { status, document } = json([`${FIXTURES}/enhanced`]);
  assert.equal(status, 1);
  assert.deepEqual(document.files.map((f) => [f.file, f.kind, f.syntax, f.tasks.length]), [
    [`${FIXTURES}/enhanced/locations.tf`, 'terraform', 'hcl', 0],
    [`${FIXTURES}/enhanced/main.tf`, 'terraform', 'hcl', 1],
    [`${FIXTURES}/enhanced/variables.tf`, 'terraform', 'hcl', 0],
  ]);
  const [nightly] = tasksOf(document);
  assert.equal(nightly.logicalId, 'aws_datasync_task.nightly');
  assert.equal(nightly.valid, false);
  const at9 = (code, member, attribute) => ({ code, path: `/Options/${member}`, line: 9, column: 3, address: 'aws_datasync_task.nightly', attribute: `options.${attribute}` });
  assert.deepEqual(nightly.diagnostics.map(pick), [
    at9('locations/archive-point-in-time', 'VerifyMode', 'verify_mode'),
    at9('locations/posix-between-object-stores', 'Gid', 'gid'),
    at9('locations/posix-between-object-stores', 'PosixPermissions', 'posix_permissions'),
    at9('locations/posix-between-object-stores', 'Uid', 'uid'),
    at9('options/enhanced-point-in-time', 'VerifyMode', 'verify_mode'),
    { code: 'schedule/too-frequent', path: '/Schedule/ScheduleExpression', line: 15, column: 5, address: 'aws_datasync_task.nightly', attribute: 'schedule.schedule_expression' },
  ]);
  const enhanced = nightly.diagnostics.find((d) => d.code === 'options/enhanced-point-in-time');
  const schedule = nightly.diagnostics.find((d) => d.code === 'schedule/too-frequent');
  assert.deepEqual(enhanced.providerDefault, { attribute: 'options.verify_mode', pointer: '/Options/VerifyMode', value: 'POINT_IN_TIME_CONSISTENT' });
  assert.equal(enhanced.origin, undefined);
  assert.equal(schedule.origin, `${FIXTURES}/enhanced/terraform.tfvars:1:1`);
  assert.equal(schedule.providerDefault, undefined);
  assert.deepEqual(nightly.notes.map(pick), [
    { code: 'terraform/not-checked', path: '/Tags/0/Value', line: 20, column: 5, address: 'aws_datasync_task.nightly', attribute: 'tags["owner"]' },
  ]);
});

test('the same findings in SARIF: region, the address with the attribute as logical location, the Terraform details as properties', () => {
  const { status, stdout } = run(['--format', 'sarif', `${FIXTURES}/enhanced`]);
  assert.equal(status, 1);
  const [runOf] = JSON.parse(stdout).runs;
  assert.deepEqual(runOf.results.map((r) => r.ruleId), [
    'locations/archive-point-in-time',
    'locations/posix-between-object-stores',
    'locations/posix-between-object-stores',
    'locations/posix-between-object-stores',
    'options/enhanced-point-in-time',
    'schedule/too-frequent',
  ]);
  const first = runOf.results.find((r) => r.ruleId === 'options/enhanced-point-in-time');
  assert.deepEqual(first.locations, [
    {
      physicalLocation: { artifactLocation: { uri: `${FIXTURES}/enhanced/main.tf`, uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 3 } },
      logicalLocations: [
        { name: 'aws_datasync_task.nightly', fullyQualifiedName: 'aws_datasync_task.nightly.options.verify_mode', kind: 'resource' },
        { fullyQualifiedName: '/Options/VerifyMode', kind: 'member' },
      ],
    },
  ]);
  const notes = runOf.invocations[0].toolExecutionNotifications;
  assert.deepEqual(notes.map((n) => [n.descriptor.id, n.locations[0].logicalLocations[0].fullyQualifiedName]), [
    ['terraform/not-checked', 'aws_datasync_task.nightly.tags["owner"]'],
  ]);
  assert.deepEqual(first.properties, {
    pointer: '/Options/VerifyMode',
    logicalId: 'aws_datasync_task.nightly',
    params: { related: ['/TaskMode'] },
    attribute: 'options.verify_mode',
    providerDefault: { attribute: 'options.verify_mode', pointer: '/Options/VerifyMode', value: 'POINT_IN_TIME_CONSISTENT' },
  });
  assert.equal(runOf.results.find((r) => r.ruleId === 'schedule/too-frequent').properties.origin, `${FIXTURES}/enhanced/terraform.tfvars:1:1`);
  const rule = runOf.tool.driver.rules.find((r) => r.id === 'options/enhanced-point-in-time');
  assert.ok(rule, 'the rule is described');
});

test('location references resolve to the resource, its type and known arguments (a variable default included)', () => {
  const [nightly] = tasksOf(json([`${FIXTURES}/enhanced`]).document);
  const locations = nightly.locations.map(({ description, ...rest }) => ({ ...rest, S3StorageClass: description.S3StorageClass, arn: description.LocationArn }));
  assert.deepEqual(
    locations.map(({ arn, ...rest }) => rest),
    [
      { attribute: 'source_location_arn', pointer: '/SourceLocationArn', resource: 'aws_datasync_location_s3.source', file: `${FIXTURES}/enhanced/locations.tf`, line: 1, column: 1, type: 'S3', S3StorageClass: 'STANDARD' },
      { attribute: 'destination_location_arn', pointer: '/DestinationLocationArn', resource: 'aws_datasync_location_s3.archive', file: `${FIXTURES}/enhanced/locations.tf`, line: 11, column: 1, type: 'S3', S3StorageClass: 'DEEP_ARCHIVE' },
    ],
  );
  // Each resource stands for one well-formed ARN, different for different resources.
  for (const { arn } of locations) assert.match(arn, /^arn:aws:datasync:us-east-1:111122223333:location\/loc-[0-9a-f]{17}$/);
  assert.notEqual(locations[0].arn, locations[1].arn);
});

test('an NFS location in JSON syntax gives its agents and NFS version; a reference to one resource twice is the same location', () => {
  const [reports] = tasksOf(json([`${FIXTURES}/json`]).document);
  assert.deepEqual(reports.locations.map((l) => [l.resource, l.type, l.description.AgentArns, l.description.MountOptions]), [
    ['aws_datasync_location_nfs.source', 'NFS', ['arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0'], { Version: 'NFS4_1' }],
  ]);
  const copy = tasksOf(json([`${FIXTURES}/modules`]).document).find((t) => t.logicalId === 'module.replica.aws_datasync_task.copy[0]');
  assert.deepEqual(copy.locations.map((l) => [l.attribute, l.resource, l.type]), [
    ['source_location_arn', 'module.replica.aws_datasync_location_efs.source', 'EFS'],
    ['destination_location_arn', 'module.replica.aws_datasync_location_efs.source', 'EFS'],
  ]);
  assert.ok(copy.diagnostics.some((d) => d.code === 'locations/same-location' && d.attribute === 'destination_location_arn'));
});

test('two instances of one location resource (for_each, count) are two locations; one instance twice is one', (t) => {
  const dir = writeFolder(t, {
    'main.tf': `variable "buckets" {
  default = {
    src = { bucket = "arn:aws:s3:::media-src", class = "STANDARD" }
    dst = { bucket = "arn:aws:s3:::media-dst", class = "STANDARD_IA" }
  }
}
variable "other" {
  type = number
}
resource "aws_datasync_location_s3" "loc" {
  for_each         = var.buckets
  s3_bucket_arn    = each.value.bucket
  s3_storage_class = each.value.class
  subdirectory     = "/"
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync"
  }
}
resource "aws_datasync_location_efs" "n" {
  count               = 2
  efs_file_system_arn = "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0123456789abcdef\${count.index}"
  ec2_config {
    security_group_arns = ["arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0"]
    subnet_arn          = "arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0123456789abcdef0"
  }
}
resource "aws_datasync_task" "by_key" {
  source_location_arn      = aws_datasync_location_s3.loc["src"].arn
  destination_location_arn = aws_datasync_location_s3.loc["dst"].arn
}
resource "aws_datasync_task" "by_count" {
  source_location_arn      = aws_datasync_location_efs.n[0].arn
  destination_location_arn = aws_datasync_location_efs.n[1].arn
}
resource "aws_datasync_task" "key_twice" {
  source_location_arn      = aws_datasync_location_s3.loc["src"].arn
  destination_location_arn = aws_datasync_location_s3.loc["src"].arn
}
resource "aws_datasync_task" "count_twice" {
  source_location_arn      = aws_datasync_location_efs.n[1].arn
  destination_location_arn = aws_datasync_location_efs.n["1"].arn
}
resource "aws_datasync_task" "unknown_keys" {
  count                    = var.other
  source_location_arn      = aws_datasync_location_efs.n[count.index].arn
  destination_location_arn = aws_datasync_location_efs.n[var.other].arn
}
resource "aws_datasync_task" "unknown_key_twice" {
  count                    = var.other
  source_location_arn      = aws_datasync_location_efs.n[count.index].arn
  destination_location_arn = aws_datasync_location_efs.n[count.index].arn
}
resource "aws_datasync_task" "per_instance" {
  for_each                 = var.buckets
  source_location_arn      = aws_datasync_location_s3.loc[each.key].arn
  destination_location_arn = aws_datasync_location_s3.loc["dst"].arn
}
`,
  });
  const tasks = tasksOf(json([dir.root]).document);
  const summary = Object.fromEntries(tasks.map((task) => [task.logicalId, { codes: task.diagnostics.map((d) => d.code), locations: task.locations.map((l) => [l.resource, l.description.S3StorageClass ?? l.type]) }]));
  // Each instance is described with its own each.value (never the task's).
  const src = ['aws_datasync_location_s3.loc["src"]', 'STANDARD'];
  const dst = ['aws_datasync_location_s3.loc["dst"]', 'STANDARD_IA'];
  const efs = (index) => [`aws_datasync_location_efs.n${index}`, 'EFS'];
  assert.deepEqual(summary, {
    // Two keys, two indices: two locations, no warning.
    'aws_datasync_task.by_key': { codes: [], locations: [src, dst] },
    'aws_datasync_task.by_count': { codes: [], locations: [efs('[0]'), efs('[1]')] },
    // The same instance at both ends (n[1] and n["1"] are one: Terraform converts the key).
    'aws_datasync_task.key_twice': { codes: ['locations/same-location'], locations: [src, src] },
    'aws_datasync_task.count_twice': { codes: ['locations/same-location'], locations: [efs('[1]'), efs('["1"]')] },
    // Indices not known here (count = var.other, which has no value): whether they name one instance is not known, so no warning...
    'aws_datasync_task.unknown_keys': { codes: [], locations: [efs('[count.index]'), efs('[var.other]')] },
    // ...unless both ends are written with the same reference, which is one instance whatever its value.
    'aws_datasync_task.unknown_key_twice': { codes: ['locations/same-location'], locations: [efs('[count.index]'), efs('[count.index]')] },
    // A task per instance: each.key is known in each.
    'aws_datasync_task.per_instance["dst"]': { codes: ['locations/same-location'], locations: [dst, dst] },
    'aws_datasync_task.per_instance["src"]': { codes: [], locations: [src, dst] },
  });
});

// ---------------------------------------------------------------------------
// Nested modules, count, for_each, dynamic blocks, heredocs
// ---------------------------------------------------------------------------

test('nested local modules: module.x addresses, call arguments as variable values, count = 0, dynamic blocks, functions', () => {
  const { status, document } = json([`${FIXTURES}/modules`]);
  assert.equal(status, 1);
  const tasks = tasksOf(document);
  assert.deepEqual(tasks.map((t) => [t.file, t.logicalId]), [
    // count = var.replicas, 1 by default: one instance, checked with count.index 0.
    [`${FIXTURES}/modules/root/modules/replica/main.tf`, 'module.replica.aws_datasync_task.copy[0]'],
    [`${FIXTURES}/modules/root/modules/replica/main.tf`, 'module.archive.aws_datasync_task.copy'],
  ]);
  const [replica, archive] = tasks;
  assert.deepEqual(replica.diagnostics.map((d) => [d.code, d.attribute, d.line]), [
    ['locations/same-location', 'destination_location_arn', 33],
    ['logging/log-group-unused', 'options.log_level', 38],
    ['options/atime-mtime-mismatch', 'options.atime', 38],
    ['schedule/invalid-expression', 'schedule.schedule_expression', 57],
  ]);
  // The schedule is the module call's argument, and the finding says where it was written.
  const schedule = replica.diagnostics.find((d) => d.code === 'schedule/invalid-expression');
  assert.equal(schedule.origin, `module "replica" in ${FIXTURES}/modules/root/main.tf:4:3`);
  // The heredoc's value is known (it interpolates var.prefix from local.prefix), so the log group is checked.
  assert.ok(!replica.notes.some((n) => n.attribute === 'cloudwatch_log_group_arn'));
  // The name uses count.index (0), the excludes value join(), and the dynamic "includes" block's
  // for_each is [var.prefix] (one block, value "/media-prod"): all known, so all checked.
  assert.deepEqual(replica.notes.map((n) => [n.attribute, n.message.replace(/^Not checked: /, '')]), []);
  assert.deepEqual(archive.diagnostics, []);
  assert.deepEqual(archive.notes.map((n) => n.message), ['Not checked: count is 0, so module.archive.aws_datasync_task.copy creates no task.']);
  // A module from a registry is named once, where it is called.
  const root = document.files.find((f) => f.file === `${FIXTURES}/modules/root/main.tf`);
  assert.deepEqual(root.notes.map((n) => [n.line, n.message]), [
    [15, 'Not checked: module "from_registry" comes from "example/datasync/aws", which is not a local folder; check that module\'s own files.'],
  ]);
});

test('a finding is "caused by a provider default" only when the service default would not cause it', (t) => {
  const replica = tasksOf(json([`${FIXTURES}/modules`]).document)[0];
  // Atime BEST_EFFORT with Mtime NONE: the service's own default Atime is BEST_EFFORT too.
  const atime = replica.diagnostics.find((d) => d.code === 'options/atime-mtime-mismatch');
  assert.equal(atime.providerDefault, undefined);
  assert.doesNotMatch(atime.message, /provider default/);
  // Without an options block the provider sends no Options: an Enhanced task is then fine.
  const dir = writeFolder(t, { 'main.tf': task('  task_mode = "ENHANCED"') });
  const { status, document } = json([dir.root]);
  assert.equal(status, 0);
  assert.deepEqual(tasksOf(document)[0].diagnostics, []);
  // An empty filter value: the provider sends Value "", which the service rejects.
  const filter = writeFolder(t, { 'main.tf': task('  includes {\n    filter_type = "SIMPLE_PATTERN"\n  }') });
  const [included] = tasksOf(json([filter.root]).document);
  assert.deepEqual(included.diagnostics.map((d) => [d.code, d.attribute, d.providerDefault?.value]), [['value/pattern-mismatch', 'includes.value', '']]);
});

test('report_overrides left out sends an empty Overrides, which makes no finding', (t) => {
  const dir = writeFolder(t, {
    'main.tf': task(`  task_report_config {
    output_type = "SUMMARY_ONLY"
    s3_destination {
      bucket_access_role_arn = "arn:aws:iam::111122223333:role/reports"
      s3_bucket_arn          = "arn:aws:s3:::reports"
    }
  }`),
  });
  const { status, document } = json(['--defaults', dir.root]);
  assert.equal(status, 0);
  const [only] = tasksOf(document);
  assert.deepEqual(only.diagnostics, []);
  assert.deepEqual(only.defaults.TaskReportConfig.Destination, { S3: { BucketAccessRoleArn: 'arn:aws:iam::111122223333:role/reports', S3BucketArn: 'arn:aws:s3:::reports', Subdirectory: '' } });
});

// ---------------------------------------------------------------------------
// Variables: where values come from
// ---------------------------------------------------------------------------

test('variable values: *.auto.tfvars over terraform.tfvars over the default, and the finding says which', (t) => {
  const files = {
    'variables.tf': 'variable "mode" {\n  default = "NONE"\n}\nvariable "schedule" {\n  default = "rate(1 day)"\n}\n',
    'main.tf': task('  options {\n    verify_mode = var.mode\n  }\n  schedule {\n    schedule_expression = var.schedule\n  }'),
    'terraform.tfvars': 'mode = "POINT_IN_TIME_CONSISTENT"\nschedule = "rate(2 minutes)"\n',
    'b.auto.tfvars': 'schedule = "rate(5 minutes)"\n',
    'a.auto.tfvars.json': '{ "schedule": "rate(3 minutes)" }\n',
  };
  const dir = writeFolder(t, files);
  const [only] = tasksOf(json([join(dir.root, 'main.tf')]).document);
  assert.deepEqual(only.diagnostics.map((d) => [d.code, d.params?.suggestion, d.origin?.replace(dir.root, '<dir>')]), [
    ['schedule/too-frequent', 'rate(1 hour)', '<dir>/b.auto.tfvars:1:1'],
  ]);
  assert.match(only.diagnostics[0].message, /every 5 minutes/);
  // With the default only, the default is checked and named.
  const defaults = writeFolder(t, { ...files, 'terraform.tfvars': '', 'b.auto.tfvars': '', 'a.auto.tfvars.json': '{}' });
  const { document } = json(['--defaults', join(defaults.root, 'main.tf')]);
  assert.equal(tasksOf(document)[0].defaults.Options.VerifyMode, 'NONE');
});

test('known expressions are evaluated as Terraform does: merge(), conditionals, arithmetic, optional() defaults', (t) => {
  // Each shape comes from a real configuration (tests/real/terraform 07, 15, 27, 28).
  const dir = writeFolder(t, {
    'variables.tf': `variable "tags" {
  type    = map(string)
  default = { team = "data" }
}
variable "limit_mbps" {
  type    = number
  default = 100
}
variable "enhanced" {
  default = true
}
variable "config" {
  type = object({
    schedule = optional(string, "rate(5 minutes)")
    verify   = optional(string)
  })
  default = {}
}
`,
    'main.tf': task(`  task_mode = var.enhanced && !false ? "ENHANCED" : "BASIC"
  options {
    bytes_per_second = var.limit_mbps * 1000000 / 8
    verify_mode      = var.config.verify == null ? "POINT_IN_TIME_CONSISTENT" : var.config.verify
  }
  schedule {
    schedule_expression = var.config.schedule
  }
  tags = merge(var.tags, null, { Name = "copy-\${var.limit_mbps - 1}", owner = aws_s3_bucket.b.id })`),
  });
  const { status, document } = json(['--defaults', dir.root]);
  assert.equal(status, 1);
  const [only] = tasksOf(document);
  assert.deepEqual(only.diagnostics.map((d) => [d.code, d.attribute]), [
    ['options/enhanced-point-in-time', 'options.verify_mode'],
    ['schedule/too-frequent', 'schedule.schedule_expression'],
  ]);
  // Only the reference inside the merged map is unknown.
  assert.deepEqual(only.notes.map((n) => n.attribute), ['tags["owner"]']);
  assert.equal(only.defaults.Options.BytesPerSecond, 12500000);
  assert.deepEqual(only.defaults.Tags.filter((tag) => tag.Key !== 'owner'), [
    { Key: 'Name', Value: 'copy-99' },
    { Key: 'team', Value: 'data' },
  ]);
});

test('numbers are Terraform\'s, not IEEE doubles: exact decimals, whole-valued strings, written with every digit', (t) => {
  // What `terraform console` (v1.11.4) printed for each, quoted in the comments.
  const dir = writeFolder(t, {
    'main.tf': `variable "mbps" {
  type = number
}
variable "rate" {
  default = "1.25e7"
}
${task(`  options {
    bytes_per_second = var.mbps * 1000000 / 8 # 1025000 with mbps = 8.2 (review-tf t12)
  }
  tags = {
    sum      = 0.1 + 0.2 == 0.3   # true
    thrice   = 0.1 * 3 == 0.3     # true
    product  = "\${100 * 1.1}"    # 110
    million  = 2.01 * 1000000     # 2010000
    big      = "\${1e21}"         # 1000000000000000000000
    small    = "\${1e-7}"         # 0.0000001
    third    = "\${22.5 / 0.3}"   # 75
    seventh  = "\${1 / 7}"        # 0.142857142857…14285 (156 digits: 512-bit binary, shortest)
    less     = -1.5 < -1.25       # true
    mixed    = 5 == "5"           # false (a number is never equal to a string)
    huge     = "1e999999" + 0 > 0 # true; a million digits: not read here, unknown
    square   = local.s4 > 0       # 10^(240 × 16): past what is computed here, unknown
    negative = "\${0 * -1}"       # -0 (Terraform's negative zero): unknown here
    signed   = "\${"+5" + 0}"     # 5 (tonumber("+5") is 5; tonumber(" 5") an error)
  }`)}
${task('  options {\n    bytes_per_second = var.rate # tonumber("1.25e7") is 12500000 (review-tf t11)\n  }', 'text')}`,
    'terraform.tfvars': 'mbps = 8.2\n',
    'locals.tf': 'locals {\n  s0 = 1e240\n  s1 = local.s0 * local.s0\n  s2 = local.s1 * local.s1\n  s3 = local.s2 * local.s2\n  s4 = local.s3 * local.s3\n}\n',
  });
  const { document } = json(['--defaults', dir.root]);
  const [task1, task2] = tasksOf(document);
  assert.deepEqual(task1.diagnostics, []);
  assert.deepEqual(task1.notes.map((n) => n.attribute), ['tags["huge"]', 'tags["square"]', 'tags["negative"]']);
  assert.equal(task1.defaults.Options.BytesPerSecond, 1025000);
  assert.deepEqual(Object.fromEntries(task1.defaults.Tags.filter((tag) => !['huge', 'square', 'negative'].includes(tag.Key)).map((tag) => [tag.Key, tag.Value])), {
    big: '1000000000000000000000',
    less: 'true',
    million: '2010000',
    mixed: 'false',
    product: '110',
    seventh: `0.${'142857'.repeat(25)}14285`,
    signed: '5',
    small: '0.0000001',
    sum: 'true',
    third: '75',
    thrice: 'true',
  });
  assert.deepEqual(task2.diagnostics, []);
  assert.equal(task2.defaults.Options.BytesPerSecond, 12500000);
});

test('a conditional, coalesce(), tolist() and tomap() convert mixed primitives to one type as Terraform does, or are unknown', (t) => {
  // terraform console (v1.11.4): (true ? 5 : "x") is "5"; coalesce(1, "a") "1"; tomap({a=1,b="x"}) { a = "1", b = "x" };
  // tolist([1,"a",true]) ["1","a","true"]; true ? 1.5 : "x" "1.5"; length([]) > 0 ? [][0] : 0 is 0 (the
  // error in the result not taken is ignored). Errors: true ? 5 : true ("Inconsistent conditional result
  // types"), coalesce(1, true) ("all arguments must have the same type"), tolist([1, true]).
  const dir = writeFolder(t, {
    'main.tf': `locals {
  empty = []
  map   = tomap({ a = 1, b = "x" })
  list  = tolist([1, "a", true])
  mixed = tolist([1, true])
}
${task(`  tags = {
    conditional = (true ? 5 : "x") == "5"
    coalesce    = coalesce(1, "a") == "1"
    map         = local.map.a == "1" && local.map.b == "x"
    list        = local.list[0] == "1" && local.list[2] == "true"
    fraction    = (true ? 1.5 : "x") == "1.5"
    fallback    = length(local.empty) > 0 ? local.empty[0] : 0
    none        = (true ? 5 : true) == 5
    none2       = coalesce(1, true) == 1
    none3       = local.mixed[0] == 1
    none4       = (true ? 5 : aws_s3_bucket.b.id) == 5
  }`)}`,
  });
  const [only] = tasksOf(json(['--defaults', dir.root]).document);
  assert.deepEqual(only.diagnostics, []);
  assert.deepEqual(only.notes.map((n) => n.attribute), ['tags["none"]', 'tags["none2"]', 'tags["none3"]', 'tags["none4"]']);
  assert.deepEqual(
    only.defaults.Tags.filter((tag) => !tag.Key.startsWith('none')).map((tag) => [tag.Key, tag.Value]),
    [['coalesce', 'true'], ['conditional', 'true'], ['fallback', '0'], ['fraction', 'true'], ['list', 'true'], ['map', 'true']],
  );
});

test('nullable = false: a null value (a module argument or tfvars) keeps the default; without one it is unknown', (t) => {
  // terraform console (v1.11.4) on this configuration: module.c.mode => "ONLY_FILES_TRANSFERRED",
  // var.root_mode => "NONE" (the null from the root's default and from terraform.tfvars is replaced).
  // Without a default, a null argument is an error: "required variable may not be set to null".
  const nonNullable = (name, fallback) => `variable "${name}" {\n  type     = string\n  nullable = false\n  default  = "${fallback}"\n}\n`;
  const dir = writeFolder(t, {
    'main.tf': `variable "mode" {
  default = null
}
${nonNullable('root_mode', 'NONE')}
module "c" {
  source      = "./child"
  verify_mode = var.mode
  name        = var.mode
}
${task('  options {\n    verify_mode = var.root_mode\n  }', 'root')}`,
    'terraform.tfvars': 'root_mode = null\n',
    'child/main.tf': `${nonNullable('verify_mode', 'ONLY_FILES_TRANSFERRED')}
variable "name" {
  type     = string
  nullable = false
}
${task('  task_mode = "ENHANCED"\n  name      = var.name\n  options {\n    verify_mode = var.verify_mode\n  }', 'child')}`,
  });
  const tasks = tasksOf(json(['--defaults', dir.root]).document);
  assert.deepEqual(tasks.map((x) => [x.logicalId, x.defaults.Options.VerifyMode, x.diagnostics.map((d) => d.code)]), [
    ['module.c.aws_datasync_task.child', 'ONLY_FILES_TRANSFERRED', []],
    ['aws_datasync_task.root', 'NONE', []],
  ]);
  assert.deepEqual(tasks[0].notes.map((n) => n.attribute), ['name']);
  assert.match(tasks[0].notes[0].message, /var\.name.*is null \(.*\), which Terraform rejects: the variable has nullable = false and no default/);
});

test('a variable\'s value is converted to its declared type as Terraform converts it; a conversion not followed here is unknown', (t) => {
  // What terraform console (v1.11.4) printed for each variable below:
  // verify "true"; speeds tomap({"a" = "10"}); n 5; l tolist([1, 2]); m tomap({"a" = "1", "b" = "x"});
  // same tomap({"a" = 1, "b" = 2}) (map(number)); bytes 12500000; ratio "1.5"; enhanced (tfvars "true") true;
  // shouting: error "a bool is required; to convert from string, use lowercase "true"";
  // numbool: error "all map elements must have the same type".
  const variable = (name, type, value) => `variable "${name}" {\n  type    = ${type}\n${value === undefined ? '' : `  default = ${value}\n`}}\n`;
  const dir = writeFolder(t, {
    'variables.tf': [
      variable('verify', 'string', 'true'),
      variable('speeds', 'map(string)', '{ a = 10 }'),
      variable('n', 'number', '"5"'),
      variable('l', 'list(number)', '["1", 2]'),
      variable('m', 'map(any)', '{ a = 1, b = "x" }'),
      variable('same', 'map(any)', '{ a = 1, b = 2 }'),
      variable('bytes', 'number', '"1.25e7"'),
      variable('ratio', 'string', '1.5'),
      variable('enhanced', 'bool'),
      variable('shouting', 'bool', '"True"'),
      variable('numbool', 'map(any)', '{ a = 1, b = true }'),
    ].join(''),
    'terraform.tfvars': 'enhanced = "true"\n',
    'main.tf': task(`  task_mode = var.enhanced ? "ENHANCED" : "BASIC"
  options {
    verify_mode      = var.verify == "true" ? "ONLY_FILES_TRANSFERRED" : "BOGUS"
    bytes_per_second = var.bytes
  }
  tags = {
    speed    = "\${var.speeds.a == "10"}"
    n        = "\${var.n == 5}"
    l        = "\${var.l[0] == 1}"
    m_number = "\${var.m.a == 1}"
    m_string = var.m.a
    same     = "\${var.same.a == 1}"
    ratio    = var.ratio
    shouting = var.shouting
    numbool  = var.numbool.a
  }`),
  });
  const [only] = tasksOf(json(['--defaults', dir.root]).document);
  assert.deepEqual(only.diagnostics, []);
  assert.equal(only.defaults.TaskMode, 'ENHANCED');
  assert.equal(only.defaults.Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.equal(only.defaults.Options.BytesPerSecond, 12500000);
  assert.deepEqual(Object.fromEntries(only.defaults.Tags.filter((tag) => !tag.Value.startsWith('${')).map((tag) => [tag.Key, tag.Value])), {
    speed: 'true',
    n: 'true',
    l: 'true',
    m_number: 'false',
    m_string: '1',
    same: 'true',
    ratio: '1.5',
  });
  // Values Terraform rejects are never guessed: each is one not-checked note.
  assert.deepEqual(only.notes.map((n) => n.attribute), ['tags["shouting"]', 'tags["numbool"]']);
  assert.match(only.notes[0].message, /var\.shouting.*, whose value "True" this command does not convert to bool as Terraform does/);
});

test('an object() type keeps only its declared attributes; a required one missing makes the variable unknown', (t) => {
  // terraform console (v1.11.4): with the default below, var.opts => { "mode" = "BASIC", "verify" = "NONE" },
  // try(var.opts.log_level, "OFF") => "OFF" (log_level is dropped), merge(var.opts, { team = "data" }) =>
  // { "mode" = "BASIC", "team" = "data", "verify" = "NONE" }; a default without a required attribute is
  // an error: 'attribute "name" is required'.
  const dir = writeFolder(t, {
    'main.tf': `variable "opts" {
  type = object({
    mode   = string
    verify = optional(string, "NONE")
  })
  default = { mode = "BASIC", log_level = "BOGUS" }
}
variable "named" {
  type    = object({ name = string })
  default = { title = "x" }
}
${task(`  task_mode = var.opts.mode
  name      = var.named.name
  options {
    log_level = try(var.opts.log_level, "OFF")
  }
  tags = merge(var.opts, { team = "data" })`)}`,
  });
  const [only] = tasksOf(json(['--defaults', dir.root]).document);
  assert.deepEqual(only.diagnostics, []);
  assert.equal(only.defaults.Options.LogLevel, 'OFF');
  // merge() sees the converted object: no log_level tag.
  assert.deepEqual(only.defaults.Tags.map((tag) => tag.Key).sort(), ['mode', 'team', 'verify']);
  assert.deepEqual(only.notes.map((n) => n.attribute), ['name']);
  assert.match(only.notes[0].message, /whose value has no attribute "name", which its type requires/);
});

test('a set() type is deduplicated and sorted as toset() does, and indexing a set is an error try() catches', (t) => {
  // terraform console (v1.11.4): var.excludes => toset(["/a", "/b"]); length(var.excludes) == 2 ? "NONE" : "BOGUS"
  // => "NONE"; [for s in var.excludes : s][0] => "/a"; try(var.excludes[0], "d") => "d";
  // {for k, s in var.excludes : k => s}["/a"] => "/a"; tolist(var.excludes)[0] => "/a";
  // try(toset(["b", "a"])[0], "d") => "d"; var.sizes (set(number)) => toset([1, 2, 3, 10]). (The indexed
  // collections are locals here: this command indexes a reference, not an expression.)
  const dir = writeFolder(t, {
    'main.tf': `variable "excludes" {
  type    = set(string)
  default = ["/b", "/a", "/b"]
}
variable "sizes" {
  type    = set(number)
  default = [3, 1, 2, 1, 10]
}
locals {
  listed = [for s in var.excludes : s]
  keyed  = { for k, s in var.excludes : k => s }
  tolist = tolist(var.excludes)
  toset  = toset(["b", "a"])
}
${task(`  options {
    verify_mode = length(var.excludes) == 2 ? "NONE" : "BOGUS"
  }
  tags = {
    first   = local.listed[0]
    indexed = try(var.excludes[0], "d")
    keyed   = local.keyed["/a"]
    listed  = local.tolist[0]
    toset   = try(local.toset[0], "d")
    sizes   = length(var.sizes)
  }`)}`,
  });
  const [only] = tasksOf(json(['--defaults', dir.root]).document);
  assert.deepEqual(only.diagnostics, []);
  assert.equal(only.defaults.Options.VerifyMode, 'NONE');
  assert.deepEqual(Object.fromEntries(only.defaults.Tags.filter((tag) => !tag.Value.startsWith('\${')).map((tag) => [tag.Key, tag.Value])), {
    first: '/a',
    indexed: 'd',
    keyed: '/a',
    listed: '/a',
    toset: 'd',
  });
  // A set of numbers: ordered here only as toset() orders strings, so not known.
  assert.deepEqual(only.notes.map((n) => n.attribute), ['tags["sizes"]']);
});

test('Terraform 0.11\'s quoted types ("string", "map", "list") leave the value as written', (t) => {
  // Terraform v1.11.4 rejects them ("Invalid quoted type constraints"), but configurations written for
  // 0.11 still use them (tests/real/terraform/05): their values are checked as written, not converted.
  const dir = writeFolder(t, {
    'main.tf': `variable "options" {
  type    = "map"
  default = { verify_mode = "NONE", uid = "NONE", retries = 3 }
}
variable "flag" {
  type    = "string"
  default = true
}
variable "names" {
  type    = "list"
  default = ["a", 1]
}
${task(`  options {
    verify_mode = var.options["verify_mode"]
    uid         = var.options.uid
  }
  tags = {
    retries = "\${var.options.retries + 1}"
    flag    = "\${var.flag}"
    second  = "\${var.names[1] + 1}"
  }`)}`,
  });
  const [only] = tasksOf(json(['--defaults', dir.root]).document);
  assert.deepEqual(only.diagnostics, []);
  assert.deepEqual(only.notes, []);
  assert.deepEqual([only.defaults.Options.VerifyMode, only.defaults.Options.Uid], ['NONE', 'NONE']);
  assert.deepEqual(Object.fromEntries(only.defaults.Tags.map((tag) => [tag.Key, tag.Value])), { retries: '4', flag: 'true', second: '2' });
});

test('a count that a conditional makes 0 creates no task; an unknown condition or function stays a note', (t) => {
  const dir = writeFolder(t, {
    'main.tf': `variable "enabled" {
  default = false
}
${task('  count = var.enabled ? 1 : 0', 'off')}
${task('  count = aws_s3_bucket.b.id == "x" ? 1 : 0\n  name  = timestamp()\n  options {\n    bytes_per_second = 10 / 0\n  }', 'unknown')}`,
  });
  const [off, unknown] = tasksOf(json([dir.root]).document);
  assert.deepEqual(off.notes.map((n) => n.message), ['Not checked: count is 0, so aws_datasync_task.off creates no task.']);
  assert.deepEqual(unknown.notes.map((n) => n.attribute), ['count', 'name', 'options.bytes_per_second']);
  assert.deepEqual(unknown.diagnostics, []);
});

test('for_each over a known collection: each instance is checked with its each.key and each.value', (t) => {
  // The shape of the aws-ia module (tests/real/terraform/10): a list of tasks, a for expression, try().
  const dir = writeFolder(t, {
    'main.tf': `module "tasks" {
  source = "./task"
  tasks = [
    { name = "a", schedule = "rate(30 minutes)" },
    { name = "b", options = { verify_mode = "NONE" } },
  ]
}
`,
    'task/main.tf': `variable "tasks" {
  type    = any
  default = []
}
locals {
  by_name = { for i, t in var.tasks : t.name => merge(t, { position = i }) if t.name != "" }
}
${task(`  for_each = local.by_name
  name     = "\${each.key}-\${each.value.position}"
  options {
    verify_mode = try(each.value.options.verify_mode, null)
  }
  schedule {
    schedule_expression = try(each.value.schedule, "rate(1 hour)")
  }`, 'each')}
${task('  for_each = toset(keys({ x = 1 }))\n  name     = each.value', 'keyed')}
${task('  for_each = { for k, v in {} : k => v }', 'none')}
${task('  for_each = aws_s3_bucket.b\n  name     = each.key', 'unknown')}`,
  });
  const tasks = tasksOf(json([dir.root]).document);
  assert.deepEqual(tasks.map((x) => x.logicalId), [
    'module.tasks.aws_datasync_task.each["a"]',
    'module.tasks.aws_datasync_task.each["b"]',
    'module.tasks.aws_datasync_task.keyed["x"]',
    'module.tasks.aws_datasync_task.none',
    'module.tasks.aws_datasync_task.unknown',
  ]);
  const [a, b, keyed, none, unknown] = tasks;
  // a: its own schedule; verify_mode absent from its object, so try() gives null and the provider default is sent.
  assert.deepEqual(a.diagnostics.map((d) => d.code), ['schedule/too-frequent']);
  assert.deepEqual(a.notes, []);
  // b: try() falls back to the literal schedule; its verify_mode is its own.
  assert.deepEqual(b.diagnostics, []);
  assert.deepEqual(b.notes, []);
  assert.deepEqual(keyed.notes, []);
  assert.deepEqual(none.notes.map((n) => n.message), ['Not checked: for_each is empty, so module.tasks.aws_datasync_task.none creates no task.']);
  assert.deepEqual(unknown.notes.map((n) => n.attribute), ['for_each', 'name']);
  const { document } = json(['--defaults', dir.root]);
  const defaults = tasksOf(document)
    .slice(0, 3)
    .map((x) => [x.defaults.Name, x.defaults.Options?.VerifyMode, x.defaults.Schedule?.ScheduleExpression]);
  assert.deepEqual(defaults, [
    ['a-0', 'POINT_IN_TIME_CONSISTENT', 'rate(30 minutes)'],
    ['b-1', 'NONE', 'rate(1 hour)'],
    ['x', 'POINT_IN_TIME_CONSISTENT', undefined],
  ]);
});

test('a variable without a value and a reference are never errors: one note each', (t) => {
  const dir = writeFolder(t, {
    'main.tf': `variable "mode" {}\n${task('  task_mode = var.mode\n  name = aws_s3_bucket.b.bucket\n  options {\n    verify_mode = "POINT_IN_TIME_CONSISTENT"\n  }')}`,
  });
  const { status, document } = json([dir.root]);
  assert.equal(status, 0, 'POINT_IN_TIME_CONSISTENT is wrong only if var.mode is ENHANCED');
  const [only] = tasksOf(document);
  assert.deepEqual(only.diagnostics, []);
  assert.deepEqual(only.notes.map((n) => n.attribute), ['task_mode', 'name']);
});

// ---------------------------------------------------------------------------
// What the provider does not accept
// ---------------------------------------------------------------------------

test('arguments and blocks the provider does not know are reported as Terraform reports them, with the nearest name', (t) => {
  const { status, stdout, stderr } = run([`${FIXTURES}/broken/good.tf`]);
  assert.equal(status, 1);
  assert.equal(stderr, '');
  assert.deepEqual(lines(stdout), [
    `${FIXTURES}/broken/good.tf:6:5  error  terraform/unsupported-argument  An argument named "verfy_mode" is not expected here. Did you mean "verify_mode"?  [aws_datasync_task.typo: options.verfy_mode]`,
    `${FIXTURES}/broken/good.tf:9:3  error  terraform/unsupported-argument  Unsupported block type: blocks of type "option" are not expected here. Did you mean "options"?  [aws_datasync_task.typo: option]`,
    '1 file checked: 2 errors, 0 warnings',
  ]);
  const dir = writeFolder(t, {
    'main.tf': task('  arn = "x"\n  options = { verify_mode = "NONE" }\n  schedule {\n    schedule_expression = "rate(1 day)"\n  }\n  schedule {\n    schedule_expression = "rate(2 days)"\n  }\n  task_report_config {\n    output_type = "STANDARD"\n  }\n  region = "us-east-1"\n  lifecycle {\n    ignore_changes = [name]\n  }\n  depends_on = [aws_s3_bucket.b]'),
  });
  const [only] = tasksOf(json([dir.root]).document);
  assert.deepEqual(only.diagnostics.map((d) => [d.code, d.attribute, d.line, d.params]), [
    ['terraform/unsupported-argument', 'arn', 4, { argument: 'arn' }],
    ['terraform/unsupported-argument', 'options', 5, { argument: 'options' }],
    ['terraform/too-many-blocks', 'schedule', 9, { block: 'schedule', max: 1 }],
    ['terraform/missing-block', 'task_report_config.s3_destination', 12, { block: 's3_destination', min: 1 }],
  ]);
  assert.match(only.diagnostics[1].message, /Did you mean to define a block of type "options"\?/);
});

// ---------------------------------------------------------------------------
// .tf.json
// ---------------------------------------------------------------------------

test('.tf.json: blocks, templates in strings and positions of members', () => {
  const { status, document } = json([`${FIXTURES}/json`]);
  assert.equal(status, 1);
  const [reports] = tasksOf(document);
  assert.equal(reports.file, `${FIXTURES}/json/main.tf.json`);
  assert.deepEqual(reports.diagnostics.map(pick), [
    { code: 'options/remove-with-transfer-all', path: '/Options/TransferMode', line: 11, column: 87, address: 'aws_datasync_task.reports', attribute: 'options.transfer_mode' },
    { code: 'report/summary-ignores-levels', path: '/TaskReportConfig/OutputType', line: 13, column: 11, address: 'aws_datasync_task.reports', attribute: 'task_report_config.output_type' },
    { code: 'tag/reserved-prefix', path: '/Tags/0/Key', line: 20, column: 19, address: 'aws_datasync_task.reports', attribute: 'tags["aws:owner"]' },
  ]);
  // "${var.bucket_role}" is the variable's default; "${aws_datasync_location_nfs.source.arn}" a location.
  assert.deepEqual(reports.notes, []);
});

// ---------------------------------------------------------------------------
// terraform show -json
// ---------------------------------------------------------------------------

test('a plan: known values checked as is, provider defaults told apart by the configuration, deletes skipped', () => {
  const { status, document, stdout } = json([`${FIXTURES}/plan/plan.json`]);
  assert.equal(status, 1, stdout);
  const [file] = document.files;
  assert.equal(file.kind, 'terraform');
  assert.deepEqual(file.tasks.map((t) => t.logicalId), ['aws_datasync_task.nightly', 'module.replica.aws_datasync_task.copy']);
  const [nightly, copy] = file.tasks;
  assert.deepEqual(nightly.diagnostics.map(pick), [
    { code: 'options/enhanced-point-in-time', path: '/Options/VerifyMode', line: 62, column: 13, address: 'aws_datasync_task.nightly', attribute: 'options.verify_mode' },
  ]);
  assert.equal(nightly.diagnostics[0].providerDefault.value, 'POINT_IN_TIME_CONSISTENT');
  // options.security_descriptor_copy_flags is (known after apply) in after_unknown, but the
  // configuration leaves it unset in a task being created: the provider sends none, no note.
  assert.deepEqual(nightly.notes, []);
  // The source location is created by the same plan: its planned values describe it.
  assert.deepEqual(nightly.locations.map((l) => [l.resource, l.type, l.description.S3StorageClass]), [['aws_datasync_location_s3.source', 'S3', 'STANDARD']]);
  assert.deepEqual(copy.diagnostics.map(pick), [
    { code: 'schedule/too-frequent', path: '/Schedule/ScheduleExpression', line: 208, column: 15, address: 'module.replica.aws_datasync_task.copy', attribute: 'schedule.schedule_expression' },
  ]);
  assert.deepEqual(copy.notes.map((n) => n.attribute), ['source_location_arn']);
});

test('state (terraform show -json without a plan) and a plan without tasks', (t) => {
  const state = {
    format_version: '1.0',
    terraform_version: '1.9.5',
    values: {
      root_module: {
        resources: [
          { address: 'aws_datasync_task.kept', mode: 'managed', type: 'aws_datasync_task', name: 'kept', values: { source_location_arn: SOURCE, destination_location_arn: SOURCE, options: [], tags: {}, tags_all: { env: 'prod' } } },
          { address: 'aws_datasync_location_fsx_lustre_file_system.scratch', mode: 'managed', type: 'aws_datasync_location_fsx_lustre_file_system', name: 'scratch', values: { arn: SOURCE, subdirectory: '/' } },
        ],
      },
    },
  };
  const dir = writeFolder(t, { 'state.json': JSON.stringify(state, null, 2), 'empty.json': JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: [] }) });
  const { document } = json([join(dir.root, 'state.json'), join(dir.root, 'empty.json')]);
  const [kept] = document.files[0].tasks;
  assert.deepEqual(kept.diagnostics.map((d) => [d.code, d.address, d.attribute]), [['locations/same-location', 'aws_datasync_task.kept', 'destination_location_arn']]);
  // The state knows the location's ARN: the task's ARN names it.
  assert.deepEqual(kept.locations.map((l) => [l.attribute, l.resource, l.type, l.description.LocationArn]), [
    ['source_location_arn', 'aws_datasync_location_fsx_lustre_file_system.scratch', 'FSX_LUSTRE', SOURCE],
    ['destination_location_arn', 'aws_datasync_location_fsx_lustre_file_system.scratch', 'FSX_LUSTRE', SOURCE],
  ]);
  assert.deepEqual(document.files[1].notes.map((n) => n.code), ['terraform/no-tasks']);
});

// Terraform writes a value not known at plan time only in `after_unknown`
// (true there); `after` leaves it out (a list keeps its place with null).
// As `terraform show -json` writes a task created with its locations:
const ROLE = 'arn:aws:iam::111122223333:role/datasync';
const AGENT = 'arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0';
const OPTIONS_AS_PLANNED = { atime: 'BEST_EFFORT', bytes_per_second: -1, gid: 'INT_VALUE', log_level: 'OFF', mtime: 'PRESERVE', object_tags: 'PRESERVE', overwrite_mode: 'ALWAYS', posix_permissions: 'PRESERVE', preserve_deleted_files: 'PRESERVE', preserve_devices: 'NONE', task_queueing: 'ENABLED', transfer_mode: 'CHANGED', uid: 'INT_VALUE', verify_mode: 'POINT_IN_TIME_CONSISTENT' };
const created = (type, name, index, after, afterUnknown) => ({
  address: `${type}.${name}${index === undefined ? '' : `[${JSON.stringify(index)}]`}`,
  mode: 'managed',
  type,
  name,
  ...(index !== undefined && { index }),
  change: { actions: ['create'], before: null, after, after_unknown: afterUnknown },
});
const s3Location = (index, storageClass) =>
  created('aws_datasync_location_s3', 'loc', index, { agent_arns: null, s3_bucket_arn: `arn:aws:s3:::media-${index}`, s3_config: [{ bucket_access_role_arn: ROLE }], s3_storage_class: storageClass, subdirectory: '/', tags: null }, { arn: true, id: true, s3_config: [{}], tags_all: true, uri: true });
const configured = (name, expressions) => ({ address: `aws_datasync_task.${name}`, mode: 'managed', type: 'aws_datasync_task', name, expressions });
const refs = (...references) => ({ references });
const plan = (resourceChanges, resources) => JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, resource_changes: resourceChanges, configuration: { root_module: { resources } } }, null, 1);

test('a plan: a value known only after apply (left out of after, true in after_unknown) is a note, never missing', (t) => {
  const dir = writeFolder(t, {
    'plan.json': plan(
      [
        s3Location('src', 'STANDARD'),
        s3Location('dst', 'DEEP_ARCHIVE'),
        created(
          'aws_datasync_task',
          'media',
          undefined,
          { name: 'media', options: [{ ...OPTIONS_AS_PLANNED, gid: 'NONE', posix_permissions: 'NONE', uid: 'NONE' }], schedule: [], tags: { team: 'storage' }, tags_all: { team: 'storage' }, task_mode: 'BASIC' },
          { arn: true, id: true, source_location_arn: true, destination_location_arn: true, options: [{}], tags: { owner: true }, tags_all: { owner: true } },
        ),
      ],
      [
        configured('media', {
          name: { constant_value: 'media' },
          source_location_arn: refs('aws_datasync_location_s3.loc["src"].arn', 'aws_datasync_location_s3.loc["src"]', 'aws_datasync_location_s3.loc'),
          destination_location_arn: refs('aws_datasync_location_s3.loc["dst"].arn', 'aws_datasync_location_s3.loc["dst"]', 'aws_datasync_location_s3.loc'),
          options: [{ gid: { constant_value: 'NONE' }, posix_permissions: { constant_value: 'NONE' }, uid: { constant_value: 'NONE' }, verify_mode: { constant_value: 'POINT_IN_TIME_CONSISTENT' } }],
          tags: refs('var.owner'),
        }),
      ],
    ),
  });
  const [media] = tasksOf(json([join(dir.root, 'plan.json')]).document);
  // Both ARNs are unknown but the configuration names the instances: loc["dst"] is the archive.
  assert.deepEqual(media.diagnostics.map((d) => [d.code, d.attribute]), [['locations/archive-point-in-time', 'options.verify_mode']]);
  assert.deepEqual(media.locations.map((l) => [l.attribute, l.resource, l.description.S3StorageClass]), [
    ['source_location_arn', 'aws_datasync_location_s3.loc["src"]', 'STANDARD'],
    ['destination_location_arn', 'aws_datasync_location_s3.loc["dst"]', 'DEEP_ARCHIVE'],
  ]);
  assert.notEqual(media.locations[0].description.LocationArn, media.locations[1].description.LocationArn);
  // A tag whose value is unknown: the known one is checked, the unknown one named.
  assert.deepEqual(media.notes.map((n) => [n.path, n.message]), [['/Tags/0/Value', 'Not checked: tags["owner"] is (known after apply) in this plan.']]);
});

test('a plan: unknown options, filters, report settings, whole blocks and location arguments are never provider defaults', (t) => {
  const source = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
  const destination = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';
  const dir = writeFolder(t, {
    'plan.json': plan(
      [
        created(
          'aws_datasync_task',
          'enhanced',
          undefined,
          {
            destination_location_arn: destination,
            excludes: [],
            includes: [{ filter_type: 'SIMPLE_PATTERN' }],
            // verify_mode comes from an SSM parameter read while applying.
            options: [{ ...OPTIONS_AS_PLANNED, verify_mode: undefined }],
            schedule: [],
            source_location_arn: source,
            tags: null,
            task_mode: 'ENHANCED',
            task_report_config: [{ output_type: 'STANDARD', report_level: 'ERRORS_ONLY', report_overrides: [], s3_destination: [{ bucket_access_role_arn: ROLE, subdirectory: 'reports/' }], s3_object_versioning: 'INCLUDE' }],
          },
          { arn: true, id: true, includes: [{ value: true }], options: [{ verify_mode: true }], tags_all: true, task_report_config: [{ report_overrides: [], s3_destination: [{ s3_bucket_arn: true }] }] },
        ),
        // An NFS location whose agents are partly unknown, and a task whose options block is dynamic over unknown values.
        created(
          'aws_datasync_location_nfs',
          'share',
          undefined,
          { mount_options: [{ version: 'NFS4_1' }], on_prem_config: [{ agent_arns: [AGENT, null] }], server_hostname: 'nfs.example.com', subdirectory: '/exports', tags: null },
          { arn: true, id: true, mount_options: [{}], on_prem_config: [{ agent_arns: [false, true] }], tags_all: true, uri: true },
        ),
        created('aws_datasync_task', 'dynamic', undefined, { destination_location_arn: destination, name: 'dynamic', schedule: [], tags: null }, { arn: true, id: true, options: true, source_location_arn: true, tags_all: true }),
      ],
      [
        configured('enhanced', {
          task_mode: { constant_value: 'ENHANCED' },
          includes: [{ filter_type: { constant_value: 'SIMPLE_PATTERN' }, value: refs('local.pattern') }],
          options: [{ verify_mode: refs('data.aws_ssm_parameter.verify.value', 'data.aws_ssm_parameter.verify') }],
          task_report_config: [{ s3_destination: [{ bucket_access_role_arn: { constant_value: ROLE }, s3_bucket_arn: refs('aws_s3_bucket.reports.arn', 'aws_s3_bucket.reports'), subdirectory: { constant_value: 'reports/' } }] }],
        }),
        configured('dynamic', { source_location_arn: refs('aws_datasync_location_nfs.share.arn', 'aws_datasync_location_nfs.share') }),
      ],
    ),
  });
  const { status, document } = json([join(dir.root, 'plan.json')]);
  assert.equal(status, 0);
  const [enhanced, dynamic] = tasksOf(document);
  assert.deepEqual(enhanced.diagnostics, []);
  assert.deepEqual(enhanced.notes.map((n) => n.message), [
    'Not checked: includes.value is (known after apply) in this plan.',
    'Not checked: options.verify_mode is (known after apply) in this plan.',
    'Not checked: task_report_config.s3_destination.s3_bucket_arn is (known after apply) in this plan.',
  ]);
  assert.deepEqual(dynamic.diagnostics, []);
  assert.deepEqual(dynamic.notes.map((n) => n.message), ['Not checked: options is (known after apply) in this plan.']);
  // The agents are not all known: the description leaves them out (never a list with a hole).
  assert.deepEqual(dynamic.locations.map((l) => [l.resource, l.type, l.description.AgentArns, l.description.MountOptions]), [['aws_datasync_location_nfs.share', 'NFS', undefined, { Version: 'NFS4_1' }]]);
});

test('a plan: a location key that is not a constant leaves the location unknown; two instances are never the same location', (t) => {
  const dir = writeFolder(t, {
    'plan.json': plan(
      [
        s3Location('src', 'STANDARD'),
        s3Location('dst', 'STANDARD'),
        created('aws_datasync_task', 'pair', 'a', { name: 'pair', schedule: [], tags: null }, { arn: true, id: true, source_location_arn: true, destination_location_arn: true, tags_all: true }),
      ],
      [
        configured('pair', {
          // loc[each.key] and loc[var.destination]: Terraform writes the resource without a key.
          source_location_arn: refs('aws_datasync_location_s3.loc', 'each.key'),
          destination_location_arn: refs('var.destination', 'aws_datasync_location_s3.loc'),
        }),
      ],
    ),
  });
  const [pair] = tasksOf(json([join(dir.root, 'plan.json')]).document);
  assert.equal(pair.logicalId, 'aws_datasync_task.pair["a"]');
  assert.deepEqual(pair.diagnostics, []);
  assert.deepEqual(pair.locations, []);
  assert.deepEqual(pair.notes.map((n) => n.attribute), ['source_location_arn', 'destination_location_arn']);
});

// ---------------------------------------------------------------------------
// Bad and hostile input
// ---------------------------------------------------------------------------

test('a .tf that does not parse is one line with its line and column; the other files are still checked; exit 2', () => {
  const { status, stdout, stderr } = run([`${FIXTURES}/broken`]);
  assert.equal(status, 2);
  assert.deepEqual(lines(stderr), [`datasync-task-validator: ${FIXTURES}/broken/broken.tf:6:2: invalid HCL: invalid block body; expected \`}\`, newline or identifier`]);
  assert.match(stdout, /good\.tf:6:5 {2}error .* {2}\[aws_datasync_task\.typo: options\.verfy_mode\]\n/);
  assert.match(stdout, /1 file checked: 2 errors, 0 warnings; 1 file could not be checked/);
  const { document } = json([`${FIXTURES}/broken`]);
  assert.deepEqual(document.files[0].error, { message: 'invalid HCL: invalid block body; expected `}`, newline or identifier', line: 6, column: 2 });
  assert.equal(document.exitCode, 2);
});

test('hostile files are bounded: deep nesting, exponential locals, self-calling modules, broken JSON', (t) => {
  // 2^20 copies of "ab": past the 1,000,000 characters one string may have.
  const doubling = Array.from({ length: 20 }, (_, i) => `  l${i + 1} = "\${local.l${i}}\${local.l${i}}"`).join('\n');
  // 70 locals in a chain: deeper than evaluation goes.
  const chain = Array.from({ length: 70 }, (_, i) => `  c${i + 1} = local.c${i}`).join('\n');
  const dir = writeFolder(t, {
    'deep/main.tf': `locals {\n  x = ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`,
    'laughs/main.tf': `locals {\n  l0 = "ab"\n${doubling}\n  c0 = "x"\n${chain}\n}\n${task('  name = local.l20\n  cloudwatch_log_group_arn = local.c70')}`,
    'loop/main.tf': `module "self" {\n  source = "./"\n}\n${task('  name = local.a', 'loop')}\nlocals {\n  a = local.b\n  b = local.a\n}\n`,
    'badjson/main.tf.json': '{ "resource": [',
    'deepjson/main.tf.json': `{ "locals": { "x": ${'['.repeat(100)}${']'.repeat(100)} } }`,
    'plan/deep.json': `{"format_version":"1.2","resource_changes":[{"type":"aws_datasync_task","mode":"managed","change":{"actions":["create"],"after":{"tags":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}}}]}`,
  });
  // Each bound is checked by what it makes the command say, where it says it;
  // a hang would be killed by runCommand's own timeout (a failed spawn), not
  // judged by a clock here.
  const { status, stderr, document } = json([dir.root]);
  assert.equal(status, 2);
  const root = dir.root;
  assert.deepEqual(lines(stderr), [
    `datasync-task-validator: ${root}/badjson/main.tf.json:1:16: invalid JSON: expected a JSON value but found the end of the text`,
    // 64 levels of HCL: x's brackets start at column 7, the 65th (column 71) is one too many.
    `datasync-task-validator: ${root}/deep/main.tf:2:71: invalid HCL: invalid nesting depth; expected at most 64 nested levels`,
    // 64 levels of JSON: the root object, locals and 62 brackets; the 63rd (column 82) is the 65th level.
    `datasync-task-validator: ${root}/deepjson/main.tf.json:1:82: invalid JSON: objects or arrays nest more than 64 levels deep`,
    `datasync-task-validator: ${root}/plan/deep.json:1:200: this terraform show -json output nests objects or arrays more than 64 levels deep, far deeper than any aws_datasync_task`,
  ]);
  const tasks = tasksOf(document);
  // The 1,000,000-character bound: l18 (2^19 characters) is evaluated, l19 (2^20) is not.
  // The evaluation-depth bound: the chain is followed to c5, never to c0's value.
  const laughs = tasks.filter((t) => t.file.endsWith('laughs/main.tf'));
  assert.deepEqual(laughs.map((t) => [t.logicalId, t.diagnostics, t.notes.map((n) => [n.attribute, n.message])]), [
    [
      'aws_datasync_task.t',
      [],
      [
        ['name', 'Not checked: name comes from local.l20, which uses "${local.l18}${local.l18}", which is longer than 1000000 characters.'],
        ['cloudwatch_log_group_arn', 'Not checked: cloudwatch_log_group_arn comes from local.c70, which uses local.c5, which nests too deeply to evaluate here.'],
      ],
    ],
  ]);
  // A module that calls itself is not loaded again: its task is found once, with no module.self instances.
  const loop = tasks.filter((t) => t.file.endsWith('loop/main.tf'));
  assert.deepEqual(loop.map((t) => [t.logicalId, t.notes.map((n) => n.message)]), [
    ['aws_datasync_task.loop', ['Not checked: name comes from local.a, which refers to itself.']],
  ]);
});

test('one evaluation has a budget of work: a for within a for over 10,000 numbers is unknown, too large to evaluate', (t) => {
  // review-tf t10: 10^8 steps of nested for took 93 s; Terraform would compute it, this command
  // stops after 1,000,000 steps and says so (the value, and what uses it, stays unknown).
  const numbers = Array.from({ length: 10_000 }, (_, i) => i).join(',');
  const dir = writeFolder(t, {
    'main.tf': `locals {\n  l = [${numbers}]\n  p = [for a in local.l : [for b in local.l : a]]\n}\n${task('  name = "n${length(local.p)}"\n  cloudwatch_log_group_arn = local.p[0][0] == 0 ? "x" : local.l')}`,
  });
  const [only] = tasksOf(json([dir.root]).document);
  assert.deepEqual(only.diagnostics, []);
  assert.deepEqual(only.notes.map((n) => n.attribute), ['name', 'cloudwatch_log_group_arn']);
  for (const note of only.notes) assert.match(note.message, /which is too large to evaluate here \(more than 1,000,000 steps\)\.$/);
});

test('folders: *.tf files are found with the JSON and YAML ones; a tfvars.json is not taken for a request', (t) => {
  const dir = writeFolder(t, { 'main.tf': task(''), 'terraform.tfvars.json': '{ "x": 1 }', 'request.json': JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION }) });
  const { status, document } = json([dir.root]);
  assert.equal(status, 0);
  assert.deepEqual(document.files.map((f) => [f.file.replace(dir.root, '<dir>'), f.kind]), [
    ['<dir>/main.tf', 'terraform'],
    ['<dir>/request.json', 'request'],
    ['<dir>/terraform.tfvars.json', 'terraform'],
  ]);
});

test('standard input named *.tf is refused with one line: a module is a folder', () => {
  const result = spawnSync(process.execPath, [BIN, '--stdin-filename', 'main.tf', '-'], { cwd: repoRoot, input: task(''), encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.deepEqual(lines(result.stderr), ['datasync-task-validator: main.tf: Terraform files are read as modules (folders); name the file or its folder instead of standard input']);
});

test('an argument that is null leaves the provider default in place, as Terraform does', (t) => {
  const dir = writeFolder(t, {
    'main.tf': `variable "verify" {\n  default = null\n}\n${task('  task_mode = "ENHANCED"\n  options {\n    verify_mode = var.verify\n  }')}`,
  });
  const [only] = tasksOf(json([dir.root]).document);
  assert.deepEqual(only.diagnostics.map((d) => [d.code, d.providerDefault?.value]), [['options/enhanced-point-in-time', 'POINT_IN_TIME_CONSISTENT']]);
});

test('.tf.json: "//" comments are not arguments, a dynamic block over a value not known here is not checked, a module called with count = 0 makes no task', (t) => {
  const dir = writeFolder(t, {
    'main.tf.json': JSON.stringify({
      '//': 'generated',
      module: { off: { source: './m', count: 0 } },
      resource: {
        aws_datasync_task: {
          t: {
            '//': 'a comment',
            source_location_arn: SOURCE,
            destination_location_arn: DESTINATION,
            dynamic: { includes: { for_each: '${var.patterns}', content: { filter_type: 'SIMPLE_PATTERN', value: '${includes.value}' } } },
          },
        },
      },
    }),
    'm/main.tf': task('  name = "never"', 'unused'),
  });
  const { status, document } = json([join(dir.root, 'main.tf.json')]);
  assert.equal(status, 0);
  const tasks = tasksOf(document);
  assert.deepEqual(tasks.map((x) => x.logicalId), ['aws_datasync_task.t', 'module.off.aws_datasync_task.unused']);
  assert.deepEqual(tasks[1].notes.map((n) => n.message), ['Not checked: the count of module "off" is 0, so module.off.aws_datasync_task.unused creates no task.']);
  assert.deepEqual(tasks[0].diagnostics, []);
  assert.deepEqual(tasks[0].notes.map((n) => [n.attribute, n.message]), [['includes', 'Not checked: includes comes from dynamic "includes", which uses var.patterns, which is not declared in this module.']]);
});

test("the provider's default_tags are sent with the resource's tags, which win; a module inherits them", (t) => {
  const dir = writeFolder(t, {
    'providers.tf': 'provider "aws" {\n  region = "us-east-1"\n  default_tags {\n    tags = {\n      "aws:team" = "storage"\n      env        = "prod"\n    }\n  }\n}\nprovider "aws" {\n  alias = "west"\n}\n',
    'main.tf': `${task('  tags = {\n    env = "dev"\n  }', 'tagged')}\n${task('  provider = aws.west', 'west')}\nmodule "child" {\n  source = "./child"\n}\n`,
    'child/main.tf': task('', 'inner'),
  });
  const { document } = json(['--defaults', join(dir.root, 'main.tf')]);
  const byAddress = Object.fromEntries(tasksOf(document).map((x) => [x.logicalId, x]));
  const tagged = byAddress['aws_datasync_task.tagged'];
  assert.deepEqual(tagged.defaults.Tags, [{ Key: 'aws:team', Value: 'storage' }, { Key: 'env', Value: 'dev' }]);
  assert.deepEqual(tagged.diagnostics.map((d) => [d.code, d.attribute, d.origin?.replace(dir.root, '<dir>')]), [
    ['tag/reserved-prefix', 'tags["aws:team"]', 'default_tags of provider "aws" (<dir>/providers.tf:4:5)'],
  ]);
  assert.deepEqual(byAddress['aws_datasync_task.west'].diagnostics, [], 'the aliased provider has no default_tags');
  assert.deepEqual(byAddress['module.child.aws_datasync_task.inner'].diagnostics.map((d) => d.code), ['tag/reserved-prefix']);
});

test('"${reference}" alone (Terraform 0.11 style) is the reference itself: the location still resolves', (t) => {
  const dir = writeFolder(t, {
    'main.tf': `resource "aws_datasync_location_smb" "share" {
  server_hostname = "smb.example.com"
  subdirectory    = "/share"
  user            = "datasync"
  password        = var.password
  agent_arns      = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
  mount_options {
    version = "SMB3"
  }
}
resource "aws_datasync_task" "t" {
  source_location_arn      = "\${aws_datasync_location_smb.share.arn}"
  destination_location_arn = "${DESTINATION}"
}
`,
  });
  const [only] = tasksOf(json([dir.root]).document);
  assert.deepEqual(only.notes, []);
  assert.deepEqual(only.locations.map((l) => [l.resource, l.description.type, l.description.AgentArns.length, l.description.MountOptions]), [
    ['aws_datasync_location_smb.share', 'SMB', 1, { Version: 'SMB3' }],
  ]);
});

test('--defaults: the request the provider sends with the service defaults, unknown values shown as Terraform expressions', () => {
  const [nightly] = tasksOf(json(['--defaults', `${FIXTURES}/enhanced`]).document);
  const { defaults } = nightly;
  assert.equal(defaults.SourceLocationArn, '${aws_datasync_location_s3.source.arn}');
  assert.equal(defaults.DestinationLocationArn, '${aws_datasync_location_s3.archive.arn}');
  assert.deepEqual(defaults.Tags, [{ Key: 'owner', Value: '${var.owner}' }, { Key: 'team', Value: 'storage' }]);
  // The provider's defaults (the options block is there) and then the service's (ObjectMetadata, Schedule.Status).
  assert.equal(defaults.Options.VerifyMode, 'POINT_IN_TIME_CONSISTENT');
  assert.equal(defaults.Options.LogLevel, 'TRANSFER');
  assert.equal(defaults.Options.ObjectMetadata, 'PRESERVE');
  assert.deepEqual(defaults.Schedule, { ScheduleExpression: 'rate(30 minutes)', Status: 'ENABLED' });
  assert.equal(nightly.schedule.summary, 'Every 30 minutes, counted from when the schedule is created');
});

test('plans of the wrong shape are read as far as they make sense, never with an exception', (t) => {
  const change = (extra, after = { source_location_arn: SOURCE, destination_location_arn: DESTINATION, options: [{ verify_mode: 'NONE' }] }) => ({
    address: 'aws_datasync_task.t',
    mode: 'managed',
    type: 'aws_datasync_task',
    name: 't',
    change: { actions: ['create'], after, after_unknown: {} },
    ...extra,
  });
  const plans = {
    'module-address.json': { resource_changes: [change({ module_address: 7 })] },
    'type.json': { resource_changes: [change({ type: 1 }), change({ name: ['t'] })] },
    'blocks.json': { resource_changes: [change({}, { source_location_arn: SOURCE, destination_location_arn: DESTINATION, options: [1, 'x', null], schedule: 'x' })] },
    'configuration.json': {
      resource_changes: [change({})],
      configuration: { root_module: { resources: [{ type: 'aws_datasync_task', name: 't', expressions: { options: [1], source_location_arn: { references: 'x' } } }], module_calls: 3 } },
    },
    'resources.json': { resource_changes: [change({})], configuration: { root_module: { resources: {} } } },
  };
  const dir = writeFolder(t, Object.fromEntries(Object.entries(plans).map(([name, plan]) => [name, JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', ...plan })])));
  const { status, stderr, document } = json([dir.root]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.deepEqual(document.files.map((f) => [f.file.replace(dir.root, '<dir>'), f.kind, f.tasks.length]), [
    ['<dir>/blocks.json', 'terraform', 1],
    ['<dir>/configuration.json', 'terraform', 1],
    ['<dir>/module-address.json', 'terraform', 1],
    ['<dir>/resources.json', 'terraform', 1],
    ['<dir>/type.json', 'terraform', 0],
  ]);
});

test('many unknown values in one map are one unknown; more than 1,000 findings are cut with report/truncated', (t) => {
  const tags = Array.from({ length: 40 }, (_, i) => `    k${i} = var.v`).join('\n');
  // A warning first (a log group with LogLevel OFF), then 1,005 errors: the errors are kept.
  const bogus = `  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/x"\n  options {\n    log_level = "OFF"\n  }\n${Array.from({ length: 1005 }, (_, i) => `  bogus${i} = 1`).join('\n')}`;
  const dir = writeFolder(t, {
    'tags/main.tf': `variable "v" {}\n${task(`  tags = {\n${tags}\n  }`)}`,
    'bogus/main.tf': task(bogus),
  });
  const { document } = json(['--defaults', dir.root]);
  const [bogusTask, tagsTask] = tasksOf(document);
  assert.deepEqual(tagsTask.notes.map((n) => [n.attribute, n.message]), [['tags', 'Not checked: tags holds 40 values that are not known before apply.']]);
  assert.equal(tagsTask.defaults.Tags, '(not known before apply)');
  assert.equal(bogusTask.diagnostics.length, 1001);
  assert.deepEqual(bogusTask.diagnostics.at(-1).params, { total: 1006, shown: 1000 });
  assert.ok(bogusTask.diagnostics.slice(0, 1000).every((d) => d.severity === 'error'));
  assert.equal(bogusTask.diagnostics.at(-1).code, 'report/truncated');
});
