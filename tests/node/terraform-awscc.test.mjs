// The Cloud Control provider (hashicorp/awscc): `awscc_datasync_task` is
// checked as the CreateTask request it leads to, and the
// `awscc_datasync_location_*` resources it references describe its
// locations, as for the AWS provider's resources.
//
// What the provider does, read in hashicorp/terraform-provider-awscc
// (f995d4f4, August 2026; js/cli/terraform-awscc.mjs says where): its
// resources are AWS::DataSync::Task and AWS::DataSync::Location* in
// snake_case, nested objects as attributes (`options = { … }`), every argument
// but the two location ARNs Optional and Computed with no default, and
// toCloudControl leaves out every null or unknown value, empty object and
// empty list. The provider binary is not on this machine (no Terraform
// registry), so no `terraform plan` stands behind these tests, and the plan
// below is written by hand in the shape of `terraform show -json` 1.11.4
// (internal/command/jsonplan: unknown members left out of `after`, marked
// true in `after_unknown`; jsonconfig: one expression per attribute).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** A folder's tasks: address -> ["code attribute line:column"] (findings, then notes), and the report. */
function check(t, files, args = []) {
  const { root } = writeFolder(t, files);
  const report = json([...args, root]);
  const tasks = {};
  for (const file of report.files) for (const task of file.tasks) tasks[task.logicalId] = [...task.diagnostics, ...task.notes].map((d) => `${d.code} ${d.attribute} ${d.line}:${d.column}`);
  return { tasks, report, root };
}
/** `line:column` of the first `needle` in `text` (after `from`, when given). */
function at(text, needle, from = '') {
  const index = text.indexOf(needle, from ? text.indexOf(from) : 0);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1).length + 1}`;
}

const LOCATIONS = `resource "awscc_datasync_location_s3" "src" {
  s3_bucket_arn = "arn:aws:s3:::example-source"
  s3_config = {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync"
  }
}

resource "awscc_datasync_location_s3" "dst" {
  s3_bucket_arn = "arn:aws:s3:::example-destination"
  s3_config = {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync"
  }
}
`;
/** An awscc task from src to dst with `body`. */
const awsccTask = (body, name = 't', destination = 'awscc_datasync_location_s3.dst.location_arn') => `
resource "awscc_datasync_task" "${name}" {
  source_location_arn      = awscc_datasync_location_s3.src.location_arn
  destination_location_arn = ${destination}
${body}
}
`;

test('a clean awscc task (options, schedule, excludes, tags) has no finding and no note: both locations are described', (t) => {
  const main =
    LOCATIONS +
    awsccTask(`  name = "nightly-archive-copy"
  options = {
    log_level        = "TRANSFER"
    verify_mode      = "POINT_IN_TIME_CONSISTENT"
    task_queueing    = "ENABLED"
    bytes_per_second = 5000000
  }
  schedule = { schedule_expression = "rate(12 hours)" }
  excludes = [{ filter_type = "SIMPLE_PATTERN", value = "*.partial|/scratch" }]
  tags     = [{ key = "team", value = "storage" }]
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/datasync/nightly:*"`);
  const { tasks, report } = check(t, { 'main.tf': main }, ['--defaults']);
  assert.deepEqual(tasks, { 'awscc_datasync_task.t': [] });
  const [task] = report.files[0].tasks;
  assert.deepEqual(
    task.locations.map((l) => [l.attribute, l.resource, l.type]),
    [
      ['source_location_arn', 'awscc_datasync_location_s3.src', 'S3'],
      ['destination_location_arn', 'awscc_datasync_location_s3.dst', 'S3'],
    ],
  );
  // The request: each attribute as its CreateTask member (the CloudFormation property of the same name).
  assert.equal(task.defaults.Options.BytesPerSecond, 5000000);
  assert.deepEqual(task.defaults.Excludes, [{ FilterType: 'SIMPLE_PATTERN', Value: '*.partial|/scratch' }]);
  assert.deepEqual(task.defaults.Tags, [{ Key: 'team', Value: 'storage' }]);
  assert.equal(task.defaults.Schedule.ScheduleExpression, 'rate(12 hours)');
  assert.equal(task.defaults.Name, 'nightly-archive-copy');
});

test('a value outside an enum is an error at the nested attribute written in options (line:column of verify_mode)', (t) => {
  const main = LOCATIONS + awsccTask('  options = {\n    atime       = "BEST_EFFORT"\n    verify_mode = "SOMETIMES"\n  }');
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.t'], [`value/not-in-enum options.verify_mode ${at(main, 'verify_mode = "SOMETIMES"')}`]);
  assert.equal(report.files[0].tasks[0].diagnostics[0].path, '/Options/VerifyMode');
  assert.equal(report.exitCode, 1);
});

test('a finding on a nested attribute whose value comes from a variable says where from (a member written from a variable, or the whole object)', (t) => {
  const main =
    LOCATIONS +
    'variable "verify" {\n  default = "SOMETIMES"\n}\n\nvariable "options" {\n  default = { gid = "ALL" }\n}\n' +
    awsccTask('  options = {\n    atime       = "BEST_EFFORT"\n    verify_mode = var.verify\n  }', 'member') +
    awsccTask('  options = var.options', 'whole');
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.member'], [`value/not-in-enum options.verify_mode ${at(main, 'verify_mode = var.verify')}`]);
  assert.deepEqual(tasks['awscc_datasync_task.whole'], [`value/not-in-enum options.gid ${at(main, 'options = var.options')}`]);
  const [member, whole] = report.files[0].tasks.map((x) => x.diagnostics[0]);
  assert.match(member.message, /\(The value comes from the default of variable "verify" \([^)]*main\.tf:\d+:\d+\)\.\)$/);
  assert.match(whole.message, /\(The value comes from the default of variable "options" \([^)]*main\.tf:\d+:\d+\)\.\)$/);
});

test('a finding on a member left out of a literal options object names no variable of its siblings', (t) => {
  // atime = "NONE" written, mtime left out (the service's PRESERVE), verify_mode from a variable.
  const main = LOCATIONS + 'variable "verify" {\n  default = "NONE"\n}\n' + awsccTask('  options = {\n    atime       = "NONE"\n    verify_mode = var.verify\n  }');
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.t'], [`options/atime-mtime-mismatch options.mtime ${at(main, 'options = {')}`]);
  assert.doesNotMatch(report.files[0].tasks[0].diagnostics[0].message, /comes from/);
});

test('an Enhanced task with mtime = "NONE" is an error; options = {} sends nothing, so no AWS provider default is reported', (t) => {
  // The AWS provider would send every option default once an options block is there (VerifyMode
  // POINT_IN_TIME_CONSISTENT, refused in Enhanced mode); awscc has no defaults and sends an empty
  // object as nothing (toCloudControl: an object with no member sent is left out).
  const main =
    LOCATIONS +
    awsccTask('  task_mode = "ENHANCED"\n  options = {\n    verify_mode = "ONLY_FILES_TRANSFERRED"\n    mtime       = "NONE"\n  }', 'mtime') +
    awsccTask('  task_mode = "ENHANCED"\n  options = {}', 'empty') +
    awsccTask('  task_mode = "ENHANCED"\n  options = { verify_mode = null, mtime = null }', 'nulls');
  const { tasks, report } = check(t, { 'main.tf': main }, ['--defaults']);
  assert.deepEqual(tasks['awscc_datasync_task.mtime'], [`options/enhanced-mtime-none options.mtime ${at(main, 'mtime       = "NONE"')}`]);
  assert.deepEqual(tasks['awscc_datasync_task.empty'], []);
  assert.deepEqual(tasks['awscc_datasync_task.nulls'], []);
  // Filled with the service's Enhanced defaults, not the provider's.
  const empty = report.files[0].tasks.find((x) => x.logicalId === 'awscc_datasync_task.empty');
  assert.equal(empty.defaults.Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
});

test('an awscc S3 location feeding a task: its storage class reaches the location rules (DEEP_ARCHIVE with POINT_IN_TIME_CONSISTENT)', (t) => {
  const main =
    LOCATIONS +
    `
resource "awscc_datasync_location_s3" "archive" {
  s3_bucket_arn    = "arn:aws:s3:::example-archive"
  s3_storage_class = "DEEP_ARCHIVE"
  s3_config = {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync"
  }
}
` +
    awsccTask('  options = { verify_mode = "POINT_IN_TIME_CONSISTENT" }', 'written', 'awscc_datasync_location_s3.archive.location_arn') +
    awsccTask('', 'by_id', 'awscc_datasync_location_s3.archive.id');
  const { tasks } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.written'], [`locations/archive-point-in-time options.verify_mode ${at(main, 'verify_mode = "POINT_IN_TIME_CONSISTENT"')}`]);
  // `id` is the location's ARN too (its primary identifier); VerifyMode left out: the Basic mode default.
  assert.deepEqual(tasks['awscc_datasync_task.by_id'], [`locations/archive-default-verify-mode options.verify_mode ${at(main, 'resource "awscc_datasync_task" "by_id"')}`]);
});

test('an awscc Azure Blob location without agent_arns is agentless (not sent): a Basic mode task gets the warning, an Enhanced one does not', (t) => {
  const main =
    LOCATIONS +
    `
resource "awscc_datasync_location_azure_blob" "blob" {
  azure_blob_container_url       = "https://example.blob.core.windows.net/container"
  azure_blob_authentication_type = "SAS"
  azure_blob_sas_configuration = {
    azure_blob_sas_token = var.token
  }
}

variable "token" {
  type      = string
  sensitive = true
}
` +
    awsccTask('', 'basic', 'awscc_datasync_location_azure_blob.blob.location_arn') +
    awsccTask('  task_mode = "ENHANCED"', 'enhanced', 'awscc_datasync_location_azure_blob.blob.location_arn');
  const { tasks } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.basic'], [`locations/agentless-needs-enhanced task_mode ${at(main, 'resource "awscc_datasync_task" "basic"')}`]);
  assert.deepEqual(tasks['awscc_datasync_task.enhanced'], []);
});

test('an awscc NFS location with a version the awscc provider refuses (its OneOf) is terraform/invalid-location-value at the task', (t) => {
  const main =
    LOCATIONS +
    `
resource "awscc_datasync_location_nfs" "nas" {
  server_hostname = "nas.example.com"
  subdirectory    = "/exports/data"
  on_prem_config = {
    agent_arns = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
  }
  mount_options = {
    version = "NFS4_2"
  }
}
` +
    awsccTask('', 't', 'awscc_datasync_location_nfs.nas.location_arn');
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.t'], [`terraform/invalid-location-value destination_location_arn ${at(main, 'destination_location_arn')}`]);
  assert.match(report.files[0].tasks[0].diagnostics[0].message, /sets mount_options\.version = "NFS4_2", which the awscc provider refuses \(it accepts AUTOMATIC, NFS3, NFS4_0, NFS4_1\)/);
});

test('awscc FSx for OpenZFS and ONTAP locations: a mount version the provider refuses, nested three objects deep in protocol, is terraform/invalid-location-value', (t) => {
  // location_fsx_open_zfs_resource_gen.go and location_fsx_ontap_resource_gen.go: stringvalidator.OneOf on
  // protocol.nfs.mount_options.version (AUTOMATIC, NFS3, NFS4_0, NFS4_1) and ONTAP's protocol.smb.mount_options.version
  // (AUTOMATIC, SMB2, SMB3).
  const main =
    LOCATIONS +
    `
resource "awscc_datasync_location_fsx_open_zfs" "zfs" {
  fsx_filesystem_arn  = "arn:aws:fsx:us-east-1:111122223333:file-system/fs-0123456789abcdef0"
  security_group_arns = ["arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0"]
  protocol = { nfs = { mount_options = { version = "NFS4_2" } } }
}

resource "awscc_datasync_location_fsx_ontap" "ontap" {
  storage_virtual_machine_arn = "arn:aws:fsx:us-east-1:111122223333:storage-virtual-machine/fs-0123456789abcdef0/svm-0123456789abcdef0"
  security_group_arns         = ["arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0"]
  protocol = { smb = { user = "copier", password = "example", mount_options = { version = "SMB1" } } }
}

resource "awscc_datasync_location_fsx_open_zfs" "fine" {
  fsx_filesystem_arn  = "arn:aws:fsx:us-east-1:111122223333:file-system/fs-0123456789abcdef1"
  security_group_arns = ["arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0"]
  protocol = { nfs = { mount_options = { version = "NFS4_1" } } }
}
` +
    awsccTask('', 'zfs', 'awscc_datasync_location_fsx_open_zfs.zfs.location_arn') +
    awsccTask('', 'ontap', 'awscc_datasync_location_fsx_ontap.ontap.location_arn') +
    awsccTask('', 'fine', 'awscc_datasync_location_fsx_open_zfs.fine.location_arn');
  const { tasks, report } = check(t, { 'main.tf': main });
  const from = (name) => `resource "awscc_datasync_task" "${name}"`;
  assert.deepEqual(tasks['awscc_datasync_task.zfs'], [`terraform/invalid-location-value destination_location_arn ${at(main, 'destination_location_arn', from('zfs'))}`]);
  assert.deepEqual(tasks['awscc_datasync_task.ontap'], [`terraform/invalid-location-value destination_location_arn ${at(main, 'destination_location_arn', from('ontap'))}`]);
  assert.deepEqual(tasks['awscc_datasync_task.fine'], []);
  const message = (name) => report.files[0].tasks.find((x) => x.logicalId === `awscc_datasync_task.${name}`).diagnostics[0].message;
  assert.match(message('zfs'), /sets protocol\.nfs\.mount_options\.version = "NFS4_2", which the awscc provider refuses/);
  assert.match(message('ontap'), /sets protocol\.smb\.mount_options\.version = "SMB1", which the awscc provider refuses \(it accepts AUTOMATIC, SMB2, SMB3\)/);
});

test('an awscc location written with blocks (the AWS provider\'s shape) is refused by Terraform: an error at the task per block, and the blocks describe nothing', (t) => {
  // Terraform 1.11.4 on a framework resource with nested attributes written as a block (aws_s3tables_table_bucket,
  // provider aws 5.100.0, terraform plan): "Unsupported block type ... Did you mean to define argument ...?", exit 1.
  const main =
    LOCATIONS +
    `
resource "awscc_datasync_location_nfs" "nas" {
  server_hostname = "nas.example.com"
  subdirectory    = "/exports/data"
  on_prem_config {
    agent_arns = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
  }
  mount_options {
    version = "NFS4_1"
  }
}
` +
    awsccTask('', 't', 'awscc_datasync_location_nfs.nas.location_arn');
  const { tasks, report } = check(t, { 'main.tf': main });
  const where = at(main, 'destination_location_arn', 'resource "awscc_datasync_task"');
  assert.deepEqual(tasks['awscc_datasync_task.t'], [`terraform/invalid-location-value destination_location_arn ${where}`, `terraform/invalid-location-value destination_location_arn ${where}`]);
  const [task] = report.files[0].tasks;
  assert.deepEqual(
    task.diagnostics.map((d) => d.params.argument),
    ['on_prem_config', 'mount_options'],
  );
  assert.match(task.diagnostics[1].message, /writes mount_options as a block .*which Terraform refuses in an awscc resource \("Unsupported block type"; the awscc provider takes mount_options = \{ … \}\): terraform plan stops/);
  const nas = task.locations.find((l) => l.resource === 'awscc_datasync_location_nfs.nas');
  assert.equal(nas.description.AgentArns, undefined);
  assert.equal(nas.description.MountOptions, undefined);
});

test('an object attribute of many members is read in one pass over its items (a bound on item reads, not a time)', async () => {
  const { mapAwsccBody } = await import('../../pkg/cli/terraform-awscc.mjs');
  class Unresolved {}
  const count = 4000;
  const items = [];
  const value = {};
  for (let i = 0; i < count; i++) {
    items.push({ key: `verify_mode${i}`, value: { k: 'string', v: 'NONE' }, line: 1, column: 1 });
    value[`verify_mode${i}`] = 'NONE';
  }
  let reads = 0;
  const counted = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const problems = [];
  const body = [{ t: 'attr', name: 'options', value: { k: 'object', items: counted }, line: 1, column: 1 }];
  mapAwsccBody(body, {}, {
    request: {},
    valueOf: () => ({ value }),
    record: () => {},
    toRequest: (v) => v,
    problem: (code) => problems.push(code),
    Unresolved,
    evaluate: () => undefined,
  });
  assert.equal(problems.length, count); // every key is one options does not have
  assert.ok(reads <= 2 * count, `${reads} item reads for ${count} members`);
});

test('an aws_datasync_task may take an awscc location: its location_arn describes it (terraform/71 shape)', (t) => {
  const main = `
resource "aws_datasync_location_s3" "src" {
  s3_bucket_arn = "arn:aws:s3:::example-source"
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync"
  }
}

resource "awscc_datasync_location_azure_blob" "blob" {
  azure_blob_container_url       = "https://example.blob.core.windows.net/container"
  azure_blob_authentication_type = "SAS"
}

resource "aws_datasync_task" "t" {
  source_location_arn      = aws_datasync_location_s3.src.arn
  destination_location_arn = awscc_datasync_location_azure_blob.blob.location_arn
}
`;
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['aws_datasync_task.t'], [`locations/agentless-needs-enhanced task_mode ${at(main, 'resource "aws_datasync_task"')}`]);
  assert.deepEqual(
    report.files[0].tasks[0].locations.map((l) => l.type),
    ['S3', 'AZURE_BLOB'],
  );
});

test('deeper objects: task_report_config and manifest_config map to their CreateTask members, findings at the innermost attribute', (t) => {
  const main =
    LOCATIONS +
    awsccTask(`  task_report_config = {
    destination = {
      s3 = {
        bucket_access_role_arn = "arn:aws:iam::111122223333:role/report"
        s3_bucket_arn          = "arn:aws:s3:::example-reports"
      }
    }
    output_type = "STANDARD"
    overrides = {
      deleted = { report_level = "EVERYTHING" }
    }
  }
  manifest_config = {
    action = "TRANSFER"
    format = "CSV"
    source = {
      s3 = {
        bucket_access_role_arn = "arn:aws:iam::111122223333:role/manifest"
        manifest_object_path   = "manifests/list.csv"
        s3_bucket_arn          = "arn:aws:s3:::example-manifests"
      }
    }
  }`);
  const { tasks, report } = check(t, { 'main.tf': main }, ['--defaults']);
  // (Deleted without PreserveDeletedFiles REMOVE: the report rule's warning, at the `deleted` object.)
  assert.deepEqual(tasks['awscc_datasync_task.t'], [
    `report/deleted-without-remove task_report_config.overrides.deleted ${at(main, 'deleted = {')}`,
    `value/not-in-enum task_report_config.overrides.deleted.report_level ${at(main, 'report_level = "EVERYTHING"')}`,
  ]);
  const [task] = report.files[0].tasks;
  assert.equal(task.diagnostics[1].path, '/TaskReportConfig/Overrides/Deleted/ReportLevel');
  assert.deepEqual(task.defaults.ManifestConfig.Source.S3.ManifestObjectPath, 'manifests/list.csv');
  assert.equal(task.defaults.TaskReportConfig.Destination.S3.S3BucketArn, 'arn:aws:s3:::example-reports');
});

test('what Terraform refuses in an awscc task: a block for a nested attribute, an unknown argument, a read-only attribute; a misspelt key inside an object is dropped (a warning)', (t) => {
  const main =
    LOCATIONS +
    awsccTask(`  options {
    verify_mode = "NONE"
  }
  schedul = { schedule_expression = "rate(1 hour)" }
  schedule = { schedule_expresion = "rate(1 hour)" }
  task_arn = "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0"`);
  const { tasks } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.t'], [
    `terraform/unsupported-argument options ${at(main, 'options {')}`,
    `terraform/unsupported-argument schedul ${at(main, 'schedul =')}`,
    `terraform/ignored-attribute schedule.schedule_expresion ${at(main, 'schedule_expresion')}`,
    `terraform/unsupported-argument task_arn ${at(main, 'task_arn')}`,
  ]);
});

test('an unknown block in an awscc task gets the nearest name and the same words as in an aws task (one home for Terraform\'s messages)', (t) => {
  const main =
    LOCATIONS +
    awsccTask('  optons {\n    verify_mode = "NONE"\n  }') +
    `
resource "aws_datasync_task" "a" {
  source_location_arn      = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"
  destination_location_arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef1"
  optons {
    verify_mode = "NONE"
  }
}
`;
  const { report } = check(t, { 'main.tf': main });
  const messages = report.files[0].tasks.map((task) => [task.logicalId, task.diagnostics.map((d) => [d.message, d.params])]);
  const expected = [['Unsupported block type: blocks of type "optons" are not expected here. Did you mean "options"?', { block: 'optons', suggestion: 'options' }]];
  assert.deepEqual(messages.find(([id]) => id === 'awscc_datasync_task.t')[1], expected);
  assert.deepEqual(messages.find(([id]) => id === 'aws_datasync_task.a')[1].map(([m]) => m), [expected[0][0]]);
});

test('a key an awscc nested attribute does not have is dropped by Terraform (plan succeeds, nothing is sent for it): a warning with the nearest name, not an error', (t) => {
  // Terraform converts the object to the attribute's object type and drops
  // keys the type lacks (hashicorp/terraform#33570). terraform console 1.11.4:
  // a variable of type object({ schedule_expression = optional(string), status
  // = optional(string) }) given { schedule_expresion = "rate(1 hour)" } is
  // { schedule_expression = null, status = null }, with no error.
  const main =
    LOCATIONS +
    awsccTask(`  schedule = { schedule_expresion = "rate(1 hour)" }
  excludes = [{ filter_type = "SIMPLE_PATTERN", valeu = "/tmp" }]`);
  const { tasks, report } = check(t, { 'main.tf': main }, ['--defaults']);
  assert.deepEqual(tasks['awscc_datasync_task.t'], [
    `terraform/ignored-attribute schedule.schedule_expresion ${at(main, 'schedule_expresion')}`,
    `filter/missing-value excludes[0].value ${at(main, '{ filter_type')}`,
    `terraform/ignored-attribute excludes[0].valeu ${at(main, 'valeu')}`,
  ]);
  const [task] = report.files[0].tasks;
  const ignored = task.diagnostics.filter((d) => d.code === 'terraform/ignored-attribute');
  assert.deepEqual(
    ignored.map((d) => [d.severity, d.params]),
    [
      ['warning', { argument: 'schedule_expresion', suggestion: 'schedule_expression' }],
      ['warning', { argument: 'valeu', suggestion: 'value' }],
    ],
  );
  assert.match(ignored[0].message, /drops the key.*nothing is sent for it.*Did you mean "schedule_expression"\?/);
  assert.equal(task.defaults.Schedule, undefined);
  assert.equal(report.exitCode, 0);
});

test('tags is a set: identical tags are one tag (no duplicate-key); two tags with one key and different values stay two', (t) => {
  // terraform console 1.11.4: length(toset([{ key = "a", value = "b" }, { key = "a", value = "b" }])) = 1,
  // with value = 1 and value = "1": 1; with values "b" and "c": 2.
  const main =
    LOCATIONS +
    awsccTask('  tags = [{ key = "a", value = "b" }, { key = "a", value = "b" }, { key = "n", value = 1 }, { key = "n", value = "1" }]', 'same') +
    awsccTask('  tags = [{ key = "a", value = "b" }, { key = "a", value = "c" }]', 'differ');
  const { tasks, report } = check(t, { 'main.tf': main }, ['--defaults']);
  assert.deepEqual(tasks['awscc_datasync_task.same'], []);
  assert.deepEqual(report.files[0].tasks[0].defaults.Tags, [
    { Key: 'a', Value: 'b' },
    { Key: 'n', Value: '1' },
  ]);
  assert.deepEqual(
    tasks['awscc_datasync_task.differ'].map((f) => f.split(' ')[0]),
    ['tag/duplicate-key'],
  );
});

test('the awscc provider\'s validators stricter than the service: a null tag value, task_report_config without destination or output_type, excludes/includes of two elements counting null ones', (t) => {
  // task_resource_gen.go (f995d4f4): fwvalidators.NotNullString on tags' key and value and task_report_config's
  // output_type, NotNullObject on its destination and on manifest_config's source; listvalidator.SizeBetween(0, 1)
  // on excludes and includes, counted on the configured list (null elements included).
  const main =
    LOCATIONS +
    awsccTask('  tags = [{ key = "team" }]', 'tagvalue') +
    awsccTask('  task_report_config = { report_level = "ERRORS_ONLY" }', 'report') +
    awsccTask('  excludes = [{ filter_type = null, value = null }, { filter_type = "SIMPLE_PATTERN", value = "/a" }]\n  includes = [null, { filter_type = "SIMPLE_PATTERN", value = "/b" }]', 'sizes') +
    awsccTask('  manifest_config = {}\n  tags = [{ value = "storage" }]', 'service');
  const { tasks, report } = check(t, { 'main.tf': main });
  const from = (name) => `resource "awscc_datasync_task" "${name}"`;
  assert.deepEqual(tasks['awscc_datasync_task.tagvalue'], [`request/missing-member tags[0].value ${at(main, '{ key = "team" }', from('tagvalue'))}`]);
  assert.deepEqual(tasks['awscc_datasync_task.report'], [
    `request/missing-member task_report_config.destination ${at(main, 'task_report_config', from('report'))}`,
    `request/missing-member task_report_config.output_type ${at(main, 'task_report_config', from('report'))}`,
  ]);
  assert.deepEqual(tasks['awscc_datasync_task.sizes'], [
    `list/too-many-items excludes ${at(main, 'excludes', from('sizes'))}`,
    `list/too-many-items includes ${at(main, 'includes', from('sizes'))}`,
  ]);
  // A member the core requires of a sent object is reported once: by the core when the object is sent
  // (the tag's Key), here when it sends nothing (manifest_config = {}).
  assert.deepEqual(
    tasks['awscc_datasync_task.service'].map((f) => f.split(' ').slice(0, 2).join(' ')),
    ['request/missing-member manifest_config.source', 'request/missing-member tags[0].key'],
  );
  const report_ = report.files[0].tasks.find((x) => x.logicalId === 'awscc_datasync_task.report');
  assert.match(report_.diagnostics[0].message, /awscc provider refuses/);
  assert.deepEqual(report.files[0].tasks.find((x) => x.logicalId === 'awscc_datasync_task.sizes').diagnostics[0].params, { max: 1, count: 2 });
});

test('lists: an empty excludes is not sent; a value from a resource is not checked and says so', (t) => {
  const main =
    LOCATIONS +
    awsccTask(`  excludes = []
  includes = [{ filter_type = "SIMPLE_PATTERN", value = aws_ssm_parameter.paths.value }]`);
  const { tasks, report } = check(t, { 'main.tf': main }, ['--defaults']);
  assert.deepEqual(tasks['awscc_datasync_task.t'], [`terraform/not-checked includes[0].value ${at(main, 'value = aws_ssm')}`]);
  const [task] = report.files[0].tasks;
  assert.equal(task.defaults.Excludes, undefined);
  assert.equal(task.notes[0].path, '/Includes/0/Value');
});

test('JSON syntax: a nested attribute is an object value, not a block', (t) => {
  const main = {
    resource: {
      awscc_datasync_location_s3: {
        src: { s3_bucket_arn: 'arn:aws:s3:::example-source', s3_config: { bucket_access_role_arn: 'arn:aws:iam::111122223333:role/datasync' } },
        dst: { s3_bucket_arn: 'arn:aws:s3:::example-destination', s3_config: { bucket_access_role_arn: 'arn:aws:iam::111122223333:role/datasync' } },
      },
      awscc_datasync_task: {
        t: {
          source_location_arn: '${awscc_datasync_location_s3.src.location_arn}',
          destination_location_arn: '${awscc_datasync_location_s3.dst.location_arn}',
          task_mode: 'ENHANCED',
          options: { mtime: 'NONE' },
        },
      },
    },
  };
  const text = JSON.stringify(main, null, 2);
  const { tasks } = check(t, { 'main.tf.json': text });
  assert.deepEqual(tasks['awscc_datasync_task.t'], [`options/enhanced-mtime-none options.mtime ${at(text, '"mtime"')}`]);
});

test('a suppression comment above resource "awscc_datasync_task" applies to that task only, not to an aws task of the same name', (t) => {
  const body = '  task_mode = "ENHANCED"\n  options = { mtime = "NONE" }';
  const main =
    LOCATIONS +
    '\n# datasync-task-validator: ignore=options/enhanced-mtime-none' +
    awsccTask(body, 'same') +
    `
resource "aws_datasync_task" "same" {
  source_location_arn      = awscc_datasync_location_s3.src.location_arn
  destination_location_arn = awscc_datasync_location_s3.dst.location_arn
  task_mode                = "ENHANCED"
  options {
    verify_mode = "ONLY_FILES_TRANSFERRED"
    mtime       = "NONE"
  }
}
`;
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['awscc_datasync_task.same'], []);
  // (The aws task also gets the AWS provider's POSIX defaults between two S3 locations: locations/posix-between-object-stores.)
  assert.deepEqual(
    tasks['aws_datasync_task.same'].filter((x) => x.startsWith('options/')),
    [`options/enhanced-mtime-none options.mtime ${at(main, 'mtime       = "NONE"')}`],
  );
  const suppressed = report.files[0].tasks.find((x) => x.logicalId === 'awscc_datasync_task.same').suppressed;
  assert.deepEqual(suppressed.map((d) => d.code), ['options/enhanced-mtime-none']);
});

// ---------------------------------------------------------------------------
// A plan (`terraform show -json`)
// ---------------------------------------------------------------------------

/** A location's planned creation: `after` known, the Computed attributes unknown. */
const plannedLocation = (name, after) => ({
  address: `awscc_datasync_location_s3.${name}`,
  mode: 'managed',
  type: 'awscc_datasync_location_s3',
  name,
  provider_name: 'registry.terraform.io/hashicorp/awscc',
  change: { actions: ['create'], before: null, after, after_unknown: { id: true, location_arn: true, location_uri: true, subdirectory: true, tags: true } },
});
/** Every task option unknown but `known` (the plan of a create: Optional+Computed members unset). */
const OPTION_NAMES = ['atime', 'bytes_per_second', 'gid', 'log_level', 'mtime', 'object_tags', 'overwrite_mode', 'posix_permissions', 'preserve_deleted_files', 'preserve_devices', 'security_descriptor_copy_flags', 'task_queueing', 'transfer_mode', 'uid', 'verify_mode'];
const unknownOptions = (known) => Object.fromEntries(OPTION_NAMES.filter((n) => !known.includes(n)).map((n) => [n, true]));
const plannedTask = (name, after, afterUnknown) => ({
  address: `awscc_datasync_task.${name}`,
  mode: 'managed',
  type: 'awscc_datasync_task',
  name,
  provider_name: 'registry.terraform.io/hashicorp/awscc',
  change: {
    actions: ['create'],
    before: null,
    after,
    after_unknown: {
      source_location_arn: true,
      destination_location_arn: true,
      cloudwatch_log_group_arn: true,
      destination_network_interface_arns: true,
      excludes: true,
      id: true,
      includes: true,
      manifest_config: true,
      source_network_interface_arns: true,
      status: true,
      tags: true,
      task_arn: true,
      task_report_config: true,
      schedule: true,
      name: true,
      ...afterUnknown,
    },
  },
});
const refs = (to) => ({ references: [`awscc_datasync_location_s3.${to}.location_arn`, `awscc_datasync_location_s3.${to}`] });
const PLAN = {
  format_version: '1.2',
  terraform_version: '1.11.4',
  variables: { mode: { value: 'ENHANCED' } },
  planned_values: { root_module: {} },
  resource_changes: [
    plannedLocation('src', { s3_bucket_arn: 'arn:aws:s3:::example-source', s3_config: { bucket_access_role_arn: 'arn:aws:iam::111122223333:role/datasync' }, s3_storage_class: 'STANDARD' }),
    plannedLocation('dst', { s3_bucket_arn: 'arn:aws:s3:::example-destination', s3_config: { bucket_access_role_arn: 'arn:aws:iam::111122223333:role/datasync' }, s3_storage_class: 'STANDARD' }),
    plannedLocation('archive', { s3_bucket_arn: 'arn:aws:s3:::example-archive', s3_config: { bucket_access_role_arn: 'arn:aws:iam::111122223333:role/datasync' }, s3_storage_class: 'DEEP_ARCHIVE' }),
    // options = { verify_mode = "POINT_IN_TIME_CONSISTENT" }, to the archive: the location rule.
    plannedTask('to_archive', { options: { verify_mode: 'POINT_IN_TIME_CONSISTENT' } }, { task_mode: true, options: unknownOptions(['verify_mode']) }),
    // task_mode = "ENHANCED" and options = { mtime = "NONE" }: the Enhanced rule; the unset members are not sent.
    plannedTask('enhanced', { task_mode: 'ENHANCED', options: { mtime: 'NONE' } }, { options: unknownOptions(['mtime']) }),
    // Nothing but the locations: the unset task_mode is not sent (a Basic task), nothing is reported.
    plannedTask('bare', {}, { task_mode: true, options: true }),
    // task_mode = var.mode, options = { uid = var.uid }: the configuration names references, so the
    // plan's unknown values stay unknown (notes), never guessed.
    plannedTask('referenced', {}, { task_mode: true, options: true }),
  ],
  configuration: {
    provider_config: { awscc: { name: 'awscc', full_name: 'registry.terraform.io/hashicorp/awscc' } },
    root_module: {
      resources: [
        { address: 'awscc_datasync_location_s3.src', mode: 'managed', type: 'awscc_datasync_location_s3', name: 'src', expressions: { s3_bucket_arn: { constant_value: 'arn:aws:s3:::example-source' } } },
        { address: 'awscc_datasync_location_s3.dst', mode: 'managed', type: 'awscc_datasync_location_s3', name: 'dst', expressions: { s3_bucket_arn: { constant_value: 'arn:aws:s3:::example-destination' } } },
        { address: 'awscc_datasync_location_s3.archive', mode: 'managed', type: 'awscc_datasync_location_s3', name: 'archive', expressions: { s3_bucket_arn: { constant_value: 'arn:aws:s3:::example-archive' }, s3_storage_class: { constant_value: 'DEEP_ARCHIVE' } } },
        { address: 'awscc_datasync_task.to_archive', mode: 'managed', type: 'awscc_datasync_task', name: 'to_archive', expressions: { source_location_arn: refs('src'), destination_location_arn: refs('archive'), options: { constant_value: { verify_mode: 'POINT_IN_TIME_CONSISTENT' } } } },
        { address: 'awscc_datasync_task.enhanced', mode: 'managed', type: 'awscc_datasync_task', name: 'enhanced', expressions: { source_location_arn: refs('src'), destination_location_arn: refs('dst'), task_mode: { constant_value: 'ENHANCED' }, options: { constant_value: { mtime: 'NONE' } } } },
        { address: 'awscc_datasync_task.bare', mode: 'managed', type: 'awscc_datasync_task', name: 'bare', expressions: { source_location_arn: refs('src'), destination_location_arn: refs('archive') } },
        { address: 'awscc_datasync_task.referenced', mode: 'managed', type: 'awscc_datasync_task', name: 'referenced', expressions: { source_location_arn: refs('src'), destination_location_arn: refs('dst'), task_mode: { references: ['var.mode'] }, options: { references: ['var.uid'] } } },
      ],
    },
  },
};

test('a plan of awscc tasks: known values are checked where the plan holds them; unset arguments are not sent; referenced ones stay unknown', (t) => {
  const text = JSON.stringify(PLAN, null, 2);
  const { tasks, report } = check(t, { 'plan.json': text });
  const line = (pointer) => {
    const found = report.files[0].tasks.flatMap((x) => x.diagnostics).find((d) => d.path === pointer);
    return found && `${found.line}:${found.column}`;
  };
  const afterOf = (i, member) => at(text, `"${member}"`, `"address": "${PLAN.resource_changes[i].address}"`);
  assert.deepEqual(tasks['awscc_datasync_task.to_archive'], [`locations/archive-point-in-time options.verify_mode ${afterOf(3, 'verify_mode')}`]);
  assert.deepEqual(tasks['awscc_datasync_task.enhanced'], [`options/enhanced-mtime-none options.mtime ${afterOf(4, 'mtime')}`]);
  // Basic (task_mode not sent) to DEEP_ARCHIVE with VerifyMode left out: the default's warning.
  assert.deepEqual(tasks['awscc_datasync_task.bare'].map((x) => x.split(' ')[0]), ['locations/archive-default-verify-mode']);
  assert.deepEqual(tasks['awscc_datasync_task.referenced'].map((x) => x.split(' ').slice(0, 2).join(' ')).sort(), ['terraform/not-checked options', 'terraform/not-checked task_mode'].sort());
  assert.ok(line('/Options/Mtime'));
});
