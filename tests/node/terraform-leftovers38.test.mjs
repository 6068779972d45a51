// Terraform leftovers (session 38, rev37c #1, #3, #4, #5, #2). Every verdict is the one
// `terraform plan` (1.11.4, AWS provider 5.100.0, offline, /tmp/tf38/run.sh) gives.
// 1. A Required argument that is null: once as `terraform validate` sees the module (every
//    variable, count.index and each unknown), then for each instance plan makes, with its values.
// 2. Override files: Terraform reads a block's Required arguments before it merges the override.
// 3. A suppression comment that cannot be honoured above a location without findings.
// 4. Message texts: a null nested argument names its path; Terraform's "blocks are required".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand, writeFolder } from './helpers.mjs';

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** Each entry of the report of `paths` (folders under a new root): its findings as `severity code attribute file:line`. */
function check(t, files, paths = ['']) {
  const { root } = writeFolder(t, files);
  const report = json(paths.map((p) => `${root}/${p}`));
  const entries = report.files.flatMap((f) => f.tasks);
  return {
    report,
    found: Object.fromEntries(entries.map((e) => [e.logicalId, e.diagnostics.map((d) => `${d.severity} ${d.code} ${d.attribute} ${d.line}`)])),
    messages: Object.fromEntries(entries.map((e) => [e.logicalId, e.diagnostics.map((d) => d.message)])),
  };
}

const ROLE = 'arn:aws:iam::111122223333:role/datasync';
const BUCKET = 'arn:aws:s3:::b';
const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

/** A module whose location takes its bucket from `var.b` (line 6), null by default. */
const MODULE = `variable "b" {
  type    = string
  default = null
}
resource "aws_datasync_location_s3" "a" {
  s3_bucket_arn = var.b
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
`;
const MISSING_BUCKET = ['error terraform/missing-argument s3_bucket_arn 6'];

test('1. a module called twice: each call is judged on its own inputs, whatever their order', (t) => {
  // terraform plan: "Missing required argument ... with module.two.aws_datasync_location_s3.a, on m/main.tf line 6".
  const twoLeavesItNull = `module "one" {
  source = "./m"
  b      = "${BUCKET}"
}
module "two" {
  source = "./m"
}
`;
  assert.deepEqual(check(t, { 'main.tf': twoLeavesItNull, 'm/main.tf': MODULE }).found, { 'module.two.aws_datasync_location_s3.a': MISSING_BUCKET });
  // The calls swapped: "with module.one.aws_datasync_location_s3.a".
  const oneLeavesItNull = `module "one" {
  source = "./m"
}
module "two" {
  source = "./m"
  b      = "${BUCKET}"
}
`;
  assert.deepEqual(check(t, { 'main.tf': oneLeavesItNull, 'm/main.tf': MODULE }).found, { 'module.one.aws_datasync_location_s3.a': MISSING_BUCKET });
});

test('1. count and for_each on a module call: the instance whose value is null', (t) => {
  // terraform plan: "with module.x[1].aws_datasync_location_s3.a" and "with module.x[\"z\"].aws_datasync_location_s3.a".
  const counted = `module "x" {
  source = "./m"
  count  = 2
  b      = count.index == 0 ? "${BUCKET}" : null
}
`;
  assert.deepEqual(check(t, { 'main.tf': counted, 'm/main.tf': MODULE }).found, { 'module.x[1].aws_datasync_location_s3.a': MISSING_BUCKET });
  const each = `module "x" {
  source   = "./m"
  for_each = { a = "${BUCKET}", z = null }
  b        = each.value
}
`;
  assert.deepEqual(check(t, { 'main.tf': each, 'm/main.tf': MODULE }).found, { 'module.x["z"].aws_datasync_location_s3.a': MISSING_BUCKET });
});

test('1. a module call that makes no instance is not planned, but a literal null in its module is still refused', (t) => {
  // terraform plan: count = 0 first, then a call with the null default: "with module.one.aws_datasync_location_s3.a".
  const zeroThenOne = `module "zero" {
  source = "./m"
  count  = 0
}
module "one" {
  source = "./m"
}
`;
  assert.deepEqual(check(t, { 'main.tf': zeroThenOne, 'm/main.tf': MODULE }).found, { 'module.one.aws_datasync_location_s3.a': MISSING_BUCKET });
  // terraform plan on count = 0 alone: no error (the null comes from a variable, unknown to validate).
  assert.deepEqual(check(t, { 'main.tf': 'module "zero" {\n  source = "./m"\n  count  = 0\n}\n', 'm/main.tf': MODULE }).found, {});
  // A null from a local of the module: "Missing required argument ... with module.zero.aws_datasync_location_s3.a,
  // on m/main.tf line 10" (validate sees it, count = 0 or not).
  const literal = `locals {
  none = null
}
resource "aws_datasync_location_s3" "a" {
  s3_bucket_arn = "${BUCKET}"
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = local.none
  }
}
`;
  assert.deepEqual(check(t, { 'main.tf': 'module "zero" {\n  source = "./m"\n  count  = 0\n}\n', 'm/main.tf': literal }).found, {
    'module.zero.aws_datasync_location_s3.a': ['error terraform/missing-argument s3_config.bucket_access_role_arn 8'],
  });
});

test('1. nullable = false gives a null its default; a nullable variable keeps the null (per call)', (t) => {
  // terraform plan: only "with module.four.aws_datasync_location_s3.a, on m3/main.tf line 7".
  const module = (nullable) => `variable "b" {
  type     = string
  default  = "${BUCKET}"
  ${nullable ? '' : 'nullable = false'}
}
resource "aws_datasync_location_s3" "a" {
  s3_bucket_arn = var.b
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
`;
  const calls = `module "one" {
  source = "./m2"
  b      = null
}
module "two" {
  source = "./m2"
}
module "three" {
  source = "./m3"
  b      = "arn:aws:s3:::c"
}
module "four" {
  source = "./m3"
  b      = null
}
`;
  assert.deepEqual(check(t, { 'main.tf': calls, 'm2/main.tf': module(false), 'm3/main.tf': module(true) }).found, {
    'module.four.aws_datasync_location_s3.a': ['error terraform/missing-argument s3_bucket_arn 7'],
  });
});

test('1. a module called from two folders: the call that leaves the variable null, in either order of the folders', (t) => {
  // terraform plan in p2: "with module.two.aws_datasync_location_s3.a, on ../m/main.tf line 6"; in p1: no error.
  const files = {
    'p1/main.tf': `module "one" {\n  source = "../m"\n  b      = "${BUCKET}"\n}\n`,
    'p2/main.tf': 'module "two" {\n  source = "../m"\n}\n',
    'm/main.tf': MODULE,
  };
  for (const paths of [
    ['p1', 'p2'],
    ['p2', 'p1'],
  ]) {
    assert.deepEqual(check(t, files, paths).found, { 'module.two.aws_datasync_location_s3.a': MISSING_BUCKET }, paths.join(' '));
  }
});

test('1. count and for_each on a location: the instance whose value is null; a root variable with count = 0 is not judged', (t) => {
  // terraform plan: "with aws_datasync_location_s3.a[0]" and "with aws_datasync_location_s3.b[\"z\"]" (line 3 / 11).
  const files = {
    'main.tf': `resource "aws_datasync_location_s3" "a" {
  count         = 2
  s3_bucket_arn = count.index == 0 ? null : "${BUCKET}"
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
resource "aws_datasync_location_s3" "b" {
  for_each      = { a = "${BUCKET}", z = null }
  s3_bucket_arn = each.value
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
variable "none" {
  type    = string
  default = null
}
resource "aws_datasync_location_s3" "zero" {
  count         = 0
  s3_bucket_arn = var.none
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
`,
  };
  assert.deepEqual(check(t, files).found, {
    'aws_datasync_location_s3.a[0]': ['error terraform/missing-argument s3_bucket_arn 3'],
    'aws_datasync_location_s3.b["z"]': ['error terraform/missing-argument s3_bucket_arn 11'],
  });
});

const S3 = (body) => `resource "aws_datasync_location_s3" "a" {\n${body}}\n`;
const CONFIG = `  s3_config {\n    bucket_access_role_arn = "${ROLE}"\n  }\n`;

test('2. an override file cannot give a Required argument the resource block leaves out (Terraform reads it first)', (t) => {
  // terraform plan: "Missing required argument ... on main.tf line 1" (s3_bucket_arn only in main_override.tf).
  assert.deepEqual(check(t, { 'main.tf': S3(`  subdirectory = "/x"\n${CONFIG}`), 'main_override.tf': S3(`  s3_bucket_arn = "${BUCKET}"\n`) }).found, {
    'aws_datasync_location_s3.a': ['error terraform/missing-argument s3_bucket_arn 1'],
  });
  // A task the same way: "The argument \"destination_location_arn\" is required ... on main.tf line 1".
  const task = (body) => `resource "aws_datasync_task" "t" {\n${body}}\n`;
  const { found } = check(t, { 'main.tf': task(`  source_location_arn = "${SOURCE}"\n`), 'main_override.tf': task(`  destination_location_arn = "${DESTINATION}"\n`) });
  assert.deepEqual(found, { 'aws_datasync_task.t': ['error terraform/missing-argument destination_location_arn 1'] });
});

test('2. an override may give a block the resource leaves out, or a value for its null; an override\'s null is refused', (t) => {
  // terraform plan: OK (s3_config only in the override; "Insufficient" is judged on the merged blocks).
  assert.deepEqual(check(t, { 'main.tf': S3(`  s3_bucket_arn = "${BUCKET}"\n  subdirectory  = "/x"\n`), 'main_override.tf': S3(CONFIG) }).found, {});
  // terraform plan: OK (s3_bucket_arn = null in main.tf, a value in the override).
  assert.deepEqual(check(t, { 'main.tf': S3(`  s3_bucket_arn = null\n  subdirectory  = "/x"\n${CONFIG}`), 'main_override.tf': S3(`  s3_bucket_arn = "${BUCKET}"\n`) }).found, {});
  // terraform plan: "Missing required argument ... on override.tf line 2" (the override's null); reported at the
  // resource, where the override's arguments are checked (a note in override.tf says so).
  const { found } = check(t, { 'main.tf': S3(`  s3_bucket_arn = "${BUCKET}"\n  subdirectory  = "/x"\n${CONFIG}`), 'override.tf': S3('  s3_bucket_arn = null\n') });
  assert.deepEqual(found, { 'aws_datasync_location_s3.a': ['error terraform/missing-argument s3_bucket_arn 1'] });
});

test('3. a suppression comment that cannot be honoured above a location without findings is reported, as above a task', (t) => {
  const location = `# datasync-task-validator: ignore=no/such-code
resource "aws_datasync_location_s3" "b" {
  s3_bucket_arn = "${BUCKET}"
  subdirectory  = "/x"
${CONFIG}}
`;
  const warnings = (report) => report.files.flatMap((f) => f.tasks.flatMap((e) => e.diagnostics.map((d) => `${e.logicalId} ${d.severity} ${d.code} ${d.line} ${d.message}`)));
  const expected = (address) => [`${address} warning suppression/invalid 1 Not suppressed: "no/such-code" is not a code this command reports (--list-rules lists them).`];
  assert.deepEqual(warnings(check(t, { 'main.tf': location }).report), expected('aws_datasync_location_s3.b'));
  // In a called module's file that holds no task: that file gets a report of its own.
  const { report } = check(t, { 'main.tf': 'module "m" {\n  source = "./m"\n}\n', 'm/main.tf': location });
  assert.deepEqual(warnings(report), expected('module.m.aws_datasync_location_s3.b'));
  assert.ok(report.files.some((f) => f.file.endsWith('m/main.tf')));
  // A valid comment above a location without findings: nothing to report.
  assert.deepEqual(warnings(check(t, { 'main.tf': location.replace('no/such-code', 'terraform/missing-argument') }).report), []);
});

test('4. a null nested argument names its path; Terraform\'s "blocks are required"', (t) => {
  // terraform plan: 'The argument "s3_config.0.bucket_access_role_arn" is required, but no definition was found.' (line 5).
  const { messages } = check(t, { 'main.tf': S3(`  s3_bucket_arn = "${BUCKET}"\n  subdirectory  = "/x"\n  s3_config {\n    bucket_access_role_arn = null\n  }\n`) });
  assert.deepEqual(messages['aws_datasync_location_s3.a'], ['Missing required argument: the argument "s3_config.bucket_access_role_arn" is required, but no definition was found.']);
  // terraform plan: 'Insufficient s3_destination blocks' / 'At least 1 "s3_destination" blocks are required.' (line 6);
  // schedule_expression = null: "schedule.0.schedule_expression" (plan stops at the first, validate, error).
  const task = `resource "aws_datasync_task" "t" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  schedule {
    schedule_expression = null
  }
  task_report_config {
    report_level = "SUCCESSES_AND_ERRORS"
  }
}
`;
  assert.deepEqual(check(t, { 'main.tf': task }).messages['aws_datasync_task.t'], [
    'Missing required argument: the argument "schedule.schedule_expression" is required, but no definition was found.',
    'Insufficient s3_destination blocks: at least 1 "s3_destination" blocks are required.',
  ]);
  // A nested argument left out: its name alone, at its block (Terraform: "bucket_access_role_arn", line 3).
  const { messages: absent } = check(t, { 'main.tf': S3(`  s3_bucket_arn = "${BUCKET}"\n  subdirectory  = "/x"\n  s3_config {\n  }\n`) });
  assert.deepEqual(absent['aws_datasync_location_s3.a'], ['Missing required argument: the argument "bucket_access_role_arn" is required, but no definition was found.']);
});

test('1. a task that makes no instance (count = 0): what is left out, or a literal null, is still Terraform\'s error', (t) => {
  // terraform plan: 'The argument "destination_location_arn" is required ...' on main.tf line 1 (left out), and
  // 'The argument "source_location_arn" is required ...' "with aws_datasync_task.n, on main.tf line 7" (null).
  const files = {
    'main.tf': `resource "aws_datasync_task" "t" {
  count               = 0
  source_location_arn = "${SOURCE}"
}
resource "aws_datasync_task" "n" {
  count                    = 0
  source_location_arn      = null
  destination_location_arn = "${DESTINATION}"
}
`,
  };
  assert.deepEqual(check(t, files).found, {
    'aws_datasync_task.t': ['error terraform/missing-argument destination_location_arn 1'],
    'aws_datasync_task.n': ['error terraform/missing-argument source_location_arn 7'],
  });
});
