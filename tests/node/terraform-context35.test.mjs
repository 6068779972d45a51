// Terraform in its context (session 35): what a task's configuration around
// it decides. Every value is the one `TF_CLI_CONFIG_FILE=/dev/null terraform
// console` (v1.11.4) prints, and every verdict on a reference the one
// `terraform plan` (1.11.4, AWS provider 5.100.0, offline) gives; what the
// command cannot know stays unknown (no finding), never a guess.
// 1. `==` and `!=` beside a known collection: the optional-block idiom
//    `for_each = var.x != null ? [var.x] : []` over an object variable.
// 2. --defaults fills a task for the module's own location resources, as
//    validate() judged it.
// 3. A reference to a location instance the resource does not have is no
//    location (Terraform refuses it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand, terraformTask, writeFolder } from './helpers.mjs';
import { terraformValues, UNKNOWN } from './helpers/terraform-value.mjs';

const { expectAll } = terraformValues();
const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** Each task of a folder: its findings (`code path`), notes' messages, --defaults request and described locations. */
function check(t, files) {
  const { root } = writeFolder(t, files);
  const tasks = json(['--defaults', root]).files.flatMap((f) => f.tasks);
  return Object.fromEntries(
    tasks.map((found) => [
      found.logicalId,
      {
        findings: [...found.diagnostics, ...found.notes].map((d) => `${d.code} ${d.path}`),
        notes: found.notes.map((n) => n.message),
        defaults: found.defaults,
        locations: found.locations.map((l) => `${l.resource} ${l.type}`),
      },
    ]),
  );
}

// ---------------------------------------------------------------------------
// 1. == and != with collections
// ---------------------------------------------------------------------------

test('a known collection is never equal to null or to a primitive, whatever it holds', () => {
  expectAll([
    ['{ a = 1 } != null', true], // console: true
    ['{ a = 1 } == null', false],
    ['[] != null', true], // console: true
    ['{} == null', false], // console: false
    ['null == null', true],
    ['[1] == 1', false], // console: false
    ['{ a = "x" } == "x"', false],
    ['1 == "1"', false], // console: false (a number is not a string)
    ['[{ a = null }] != null', true],
  ]);
});

test('two collections whose values differ are not equal; the same values are unknown (their types decide, which the command does not always follow)', () => {
  expectAll([
    ['[1] == [2]', false],
    ['[1] != [1, 2]', true],
    ['{ a = 1 } == { b = 1 }', false],
    ['{ a = 1 } == { a = 1, b = 2 }', false],
    ['["1"] == [1]', false], // a string beside a number
    ['[{ a = 1 }] == [{ a = 2 }]', false],
    ['[1] == { a = 1 }', false], // a tuple beside an object
    ['[1.0] != [2]', true],
    // Same values: console says true for these two ...
    ['{ a = 1 } == { a = 1 }', UNKNOWN],
    ['[1] == [1]', UNKNOWN],
    // ... and false for these, whose types differ (map vs object, list vs tuple).
    ['tomap({ a = 1 }) == { a = 1 }', UNKNOWN],
    ['tolist([1]) == [1]', UNKNOWN],
    ['split(",", "a") == ["a"]', UNKNOWN], // console: false (a list beside a tuple)
  ]);
});

test('a collection holding a value not known before apply is still not null; beside another collection it is unknown', () => {
  expectAll([
    ['[aws_s3_bucket.b.arn] != null', true], // console (any unknown element): a known tuple is not null
    ['{ a = aws_s3_bucket.b.arn } == null', false],
    ['[aws_s3_bucket.b.arn] == ["x", "y"]', UNKNOWN],
  ]);
});

test('realmore3 #1: `var.x != null ? [var.x] : []` over a known object makes the block, so its schedule is checked', (t) => {
  // terraform console with this variable: var.schedule != null ? [var.schedule] : []
  //   -> tolist([{ "schedule_expression" = "rate(5 minutes)" }])
  const found = check(t, {
    'main.tf': `variable "schedule" {
  type    = object({ schedule_expression = string })
  default = { schedule_expression = "rate(5 minutes)" }
}
variable "plain" {
  default = { schedule_expression = "rate(10 minutes)" }
}
${terraformTask(`  dynamic "schedule" {
    for_each = var.schedule != null ? [var.schedule] : []
    content { schedule_expression = schedule.value.schedule_expression }
  }`, 'typed')}
${terraformTask(`  dynamic "schedule" {
    for_each = var.plain == null ? [] : [var.plain]
    content { schedule_expression = schedule.value.schedule_expression }
  }
  name = var.plain != null ? "x" : "y"`, 'untyped')}
`,
  });
  assert.deepEqual(found['aws_datasync_task.typed'].findings, ['schedule/too-frequent /Schedule/ScheduleExpression']);
  assert.deepEqual(found['aws_datasync_task.untyped'].findings, ['schedule/too-frequent /Schedule/ScheduleExpression']);
  assert.equal(found['aws_datasync_task.untyped'].defaults.Name, 'x');
});

test('a null object variable still makes no block (console: null != null ? [null] : [] is [])', (t) => {
  const found = check(t, {
    'main.tf': `variable "schedule" {
  type    = object({ schedule_expression = string })
  default = null
}
${terraformTask(`  dynamic "schedule" {
    for_each = var.schedule != null ? [var.schedule] : []
    content { schedule_expression = schedule.value.schedule_expression }
  }`)}
`,
  });
  assert.deepEqual(found['aws_datasync_task.t'].findings, []);
  assert.equal(found['aws_datasync_task.t'].defaults.Schedule, undefined);
});

// ---------------------------------------------------------------------------
// 2. --defaults with the module's locations
// ---------------------------------------------------------------------------

const S3_PAIR = `resource "aws_datasync_location_s3" "src" {
  s3_bucket_arn = "arn:aws:s3:::src-bucket"
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
resource "aws_datasync_location_s3" "dst" {
  s3_bucket_arn    = "arn:aws:s3:::dst-bucket"
  subdirectory     = "/"
  s3_storage_class = "GLACIER"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
`;

test('hunt35 #8: --defaults fills a task between two S3 locations of the module as applyDefaults does for them (no POSIX metadata, no VerifyMode for GLACIER)', (t) => {
  // terraform plan (provider 5.100.0): a task without an options block sends no Options.
  const found = check(t, {
    'main.tf': `${S3_PAIR}resource "aws_datasync_task" "none" {
  source_location_arn      = aws_datasync_location_s3.src.arn
  destination_location_arn = aws_datasync_location_s3.dst.arn
}
`,
  });
  const { defaults, locations } = found['aws_datasync_task.none'];
  assert.deepEqual(locations, ['aws_datasync_location_s3.src S3', 'aws_datasync_location_s3.dst S3']);
  assert.equal(defaults.SourceLocationArn, '${aws_datasync_location_s3.src.arn}');
  assert.equal(defaults.Options.Uid, 'NONE');
  assert.equal(defaults.Options.Gid, 'NONE');
  assert.equal(defaults.Options.PosixPermissions, 'NONE');
  assert.equal(defaults.Options.VerifyMode, undefined); // README Locations: a Basic task into GLACIER gets no VerifyMode
});

// ---------------------------------------------------------------------------
// 3. References to instances that do not exist
// ---------------------------------------------------------------------------

const AZURE = (meta) => `resource "aws_datasync_location_azure_blob" "az" {
  ${meta}
  agent_arns          = []
  authentication_type = "SAS"
  container_url       = "https://acct.blob.core.windows.net/c"
  sas_configuration { token = "sp=r&sig=x" }
}
resource "aws_datasync_location_s3" "dst" {
  s3_bucket_arn = "arn:aws:s3:::dst-bucket"
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
`;
const taskFrom = (name, source) => `resource "aws_datasync_task" "${name}" {
  source_location_arn      = ${source}
  destination_location_arn = aws_datasync_location_s3.dst.arn
}
`;

test('hunt35 #12: a for_each key the resource does not make is no location ("Invalid index"), and a reference without a key is none either ("Missing resource instance key")', (t) => {
  const found = check(t, {
    'main.tf': `${AZURE('for_each = toset(["a", "b"])')}${taskFrom('good', 'aws_datasync_location_azure_blob.az["a"].arn')}${taskFrom('zz', 'aws_datasync_location_azure_blob.az["zz"].arn')}${taskFrom('nokey', 'aws_datasync_location_azure_blob.az.arn')}`,
  });
  // The instance that exists is described (agentless Azure Blob in a Basic task: the warning).
  assert.deepEqual(found['aws_datasync_task.good'].locations, ['aws_datasync_location_azure_blob.az["a"] AZURE_BLOB', 'aws_datasync_location_s3.dst S3']);
  assert.ok(found['aws_datasync_task.good'].findings.includes('locations/agentless-needs-enhanced /TaskMode'));
  // terraform plan: Error: Invalid index (g), Error: Missing resource instance key (h).
  for (const [name, why] of [
    ['zz', /names an instance aws_datasync_location_azure_blob\.az does not have: an error in Terraform \("Invalid index"\)/],
    ['nokey', /names no instance of aws_datasync_location_azure_blob\.az, which has for_each: an error in Terraform \("Missing resource instance key"\)/],
  ]) {
    const { findings, notes, locations } = found[`aws_datasync_task.${name}`];
    assert.deepEqual(locations, ['aws_datasync_location_s3.dst S3'], name);
    assert.deepEqual(findings, ['terraform/not-checked /SourceLocationArn'], name);
    assert.match(notes[0], why, name);
  }
});

test('hunt35 #12: a count index past the count is no location; one within it is', (t) => {
  const found = check(t, {
    'main.tf': `${AZURE('count = 2')}${taskFrom('one', 'aws_datasync_location_azure_blob.az[1].arn')}${taskFrom('two', 'aws_datasync_location_azure_blob.az[2].arn')}${taskFrom('nokey', 'aws_datasync_location_azure_blob.az.id')}`,
  });
  assert.deepEqual(found['aws_datasync_task.one'].locations, ['aws_datasync_location_azure_blob.az[1] AZURE_BLOB', 'aws_datasync_location_s3.dst S3']);
  assert.match(found['aws_datasync_task.two'].notes[0], /\("Invalid index"\)/);
  assert.deepEqual(found['aws_datasync_task.two'].locations, ['aws_datasync_location_s3.dst S3']);
  assert.match(found['aws_datasync_task.nokey'].notes[0], /which has count: an error in Terraform \("Missing resource instance key"\)/);
});

test('a for_each not known here names no missing instance: the reference is described as before', (t) => {
  const found = check(t, {
    'main.tf': `variable "keys" {}
${AZURE('for_each = var.keys')}${taskFrom('t', 'aws_datasync_location_azure_blob.az["zz"].arn')}`,
  });
  assert.deepEqual(found['aws_datasync_task.t'].locations, ['aws_datasync_location_azure_blob.az["zz"] AZURE_BLOB', 'aws_datasync_location_s3.dst S3']);
});

// ---------------------------------------------------------------------------
// 4. A location argument the provider refuses
// ---------------------------------------------------------------------------

const NFS = (version) => `resource "aws_datasync_location_nfs" "nfs" {
  server_hostname = "nfs.example.com"
  subdirectory    = "/exports"
  on_prem_config { agent_arns = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"] }
  mount_options { version = "${version}" }
}
resource "aws_datasync_location_s3" "dst" {
  s3_bucket_arn = "arn:aws:s3:::dst-bucket"
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
`;
const nfsTask = (name, mode) => `resource "aws_datasync_task" "${name}" {
  source_location_arn      = aws_datasync_location_nfs.nfs.arn
  destination_location_arn = aws_datasync_location_s3.dst.arn
${mode ? `  task_mode = "${mode}"\n` : ''}}
`;

test('hunt35 #7: mount_options.version = "NFS4_2" is refused by the provider, in either mode: an error at the task\'s location argument, and no advice to set ENHANCED', (t) => {
  // terraform plan (provider 5.100.0): Error: expected version to be one of ["AUTOMATIC" "NFS3" "NFS4_0" "NFS4_1"], got NFS4_2
  const found = check(t, { 'main.tf': `${NFS('NFS4_2')}${nfsTask('basic')}${nfsTask('enhanced', 'ENHANCED')}` });
  for (const name of ['basic', 'enhanced']) {
    const task = found[`aws_datasync_task.${name}`];
    assert.deepEqual(task.findings, ['terraform/invalid-location-value /SourceLocationArn'], name);
  }
  const { root } = writeFolder(t, { 'main.tf': `${NFS('NFS4_2')}${nfsTask('basic')}` });
  const [diagnostic] = json([root]).files[0].tasks[0].diagnostics;
  assert.match(diagnostic.message, /^The source location aws_datasync_location_nfs\.nfs \(.*main\.tf:1\) sets mount_options\.version = "NFS4_2", which the AWS provider \(5\.100\.0\) refuses \(it accepts AUTOMATIC, NFS3, NFS4_0, NFS4_1\): terraform plan stops there, whatever the task's mode\.$/);
  assert.deepEqual(diagnostic.params, { resource: 'aws_datasync_location_nfs.nfs', argument: 'mount_options.version', value: 'NFS4_2' });
  assert.equal(diagnostic.attribute, 'source_location_arn');
});

test('hunt35 #7: the same for FSx for OpenZFS (protocol.nfs.mount_options.version); a version the provider accepts is no finding', (t) => {
  const zfs = (version) => `resource "aws_datasync_location_fsx_openzfs_file_system" "zfs" {
  fsx_filesystem_arn  = "arn:aws:fsx:us-east-1:111122223333:file-system/fs-0123456789abcdef0"
  security_group_arns = ["arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0"]
  protocol {
    nfs {
      mount_options { version = "${version}" }
    }
  }
}
`;
  const task = (name, location) => `resource "aws_datasync_task" "${name}" {
  source_location_arn      = ${location}
  destination_location_arn = aws_datasync_location_s3.dst.arn
}
`;
  const found = check(t, {
    'main.tf': `${zfs('NFS4_2')}${NFS('NFS4_1')}${task('zfs', 'aws_datasync_location_fsx_openzfs_file_system.zfs.arn')}${task('nfs41', 'aws_datasync_location_nfs.nfs.arn')}`,
  });
  assert.deepEqual(found['aws_datasync_task.zfs'].findings, ['terraform/invalid-location-value /SourceLocationArn']);
  assert.deepEqual(found['aws_datasync_task.nfs41'].findings, []);
});

test('rev35b #3: an SMB location\'s mount_options.version is one of the SMB versions: "NFS4_2" there is refused, not read as NFS 4.2', (t) => {
  // terraform plan (provider 5.100.0), aws_datasync_location_smb with version "NFS4_2":
  // Error: expected version to be one of ["AUTOMATIC" "SMB2" "SMB3" "SMB1" "SMB2_0"], got NFS4_2
  // Before, the value described the location (MountOptions.Version NFS4_2) and a Basic task got
  // locations/nfs-version-needs-enhanced, advice that does not help: plan stops at the location.
  const smb = (name, version) => `resource "aws_datasync_location_smb" "${name}" {
  server_hostname = "smb.example.com"
  subdirectory    = "/share"
  user            = "u"
  password        = "p"
  agent_arns      = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
  mount_options { version = "${version}" }
}
resource "aws_datasync_task" "${name}" {
  source_location_arn      = aws_datasync_location_smb.${name}.arn
  destination_location_arn = aws_datasync_location_s3.dst.arn
  task_mode                = "BASIC"
}
`;
  const found = check(t, { 'main.tf': `${NFS('NFS4_1')}${smb('nfs42', 'NFS4_2')}${smb('smb3', 'SMB3')}${smb('smb2_0', 'SMB2_0')}` });
  assert.deepEqual(found['aws_datasync_task.nfs42'].findings, ['terraform/invalid-location-value /SourceLocationArn']);
  assert.deepEqual(found['aws_datasync_task.smb3'].findings, []);
  assert.deepEqual(found['aws_datasync_task.smb2_0'].findings, []);
  const { root } = writeFolder(t, { 'main.tf': `${NFS('NFS4_1')}${smb('nfs42', 'NFS4_2')}` });
  const [diagnostic] = json([root]).files[0].tasks.find((task) => task.logicalId === 'aws_datasync_task.nfs42').diagnostics;
  assert.match(diagnostic.message, /^The source location aws_datasync_location_smb\.nfs42 \(.*main\.tf:\d+\) sets mount_options\.version = "NFS4_2", which the AWS provider \(5\.100\.0\) refuses \(it accepts AUTOMATIC, SMB2, SMB3, SMB1, SMB2_0\): terraform plan stops there, whatever the task's mode\.$/);
});

// ---------------------------------------------------------------------------
// 5. An S3 location whose bucket ARN is not known
// ---------------------------------------------------------------------------

test('hunt35 #3: a bucket ARN from aws_s3control_bucket (always on Outposts) or a storage class OUTPOSTS makes an S3 on Outposts location; an Enhanced task from it is warned', (t) => {
  const found = check(t, {
    'main.tf': `variable "bucket_arn" { type = string }
resource "aws_s3control_bucket" "ob" {
  bucket     = "ob-bucket"
  outpost_id = "op-01234567890123456"
}
resource "aws_datasync_location_s3" "outposts" {
  s3_bucket_arn = aws_s3control_bucket.ob.arn
  subdirectory  = "/"
  agent_arns    = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
resource "aws_datasync_location_s3" "class" {
  s3_bucket_arn    = var.bucket_arn
  subdirectory     = "/"
  s3_storage_class = "OUTPOSTS"
  agent_arns       = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"]
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
resource "aws_datasync_location_s3" "unknown" {
  s3_bucket_arn = var.bucket_arn
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
resource "aws_datasync_location_s3" "dst" {
  s3_bucket_arn = "arn:aws:s3:::dst-bucket"
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
${['outposts', 'class', 'unknown']
  .map(
    (name) => `resource "aws_datasync_task" "${name}" {
  source_location_arn      = aws_datasync_location_s3.${name}.arn
  destination_location_arn = aws_datasync_location_s3.dst.arn
  task_mode                = "ENHANCED"
}
`,
  )
  .join('')}`,
  });
  for (const name of ['outposts', 'class']) {
    assert.deepEqual(found[`aws_datasync_task.${name}`].locations, [`aws_datasync_location_s3.${name} S3_OUTPOSTS`, 'aws_datasync_location_s3.dst S3'], name);
    assert.ok(found[`aws_datasync_task.${name}`].findings.includes('locations/enhanced-unsupported-pair /TaskMode'), name);
  }
  // Not known to be on Outposts: described as S3, so the rule that holds only for S3 on Outposts does not fire.
  assert.deepEqual(found['aws_datasync_task.unknown'].locations, ['aws_datasync_location_s3.unknown S3', 'aws_datasync_location_s3.dst S3']);
  assert.ok(!found['aws_datasync_task.unknown'].findings.includes('locations/enhanced-unsupported-pair /TaskMode'));
});

// ---------------------------------------------------------------------------
// 6. Where a location's value came from
// ---------------------------------------------------------------------------

test('hunt35 #6: a finding caused by a location argument taken from a variable says where its value came from, as a task argument\'s does', (t) => {
  const { root } = writeFolder(t, {
    'main.tf': `variable "storage_class" {
  type    = string
  default = "DEEP_ARCHIVE"
}
variable "nfs_version" {
  type    = string
  default = "NFS4_2"
}
${NFS('${var.nfs_version}')}resource "aws_datasync_location_s3" "archive" {
  s3_bucket_arn    = "arn:aws:s3:::b"
  subdirectory     = "/"
  s3_storage_class = var.storage_class
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
resource "aws_datasync_task" "t" {
  source_location_arn      = aws_datasync_location_nfs.nfs.arn
  destination_location_arn = aws_datasync_location_s3.archive.arn
}
`,
  });
  const byCode = Object.fromEntries(json([root]).files[0].tasks[0].diagnostics.map((d) => [d.code, d.message]));
  assert.deepEqual(Object.keys(byCode).sort(), ['locations/archive-default-verify-mode', 'terraform/invalid-location-value']);
  assert.match(byCode['locations/archive-default-verify-mode'], / \(The destination location's s3_storage_class comes from the default of variable "storage_class" \(.*main\.tf:3:3\)\.\)$/);
  assert.match(byCode['terraform/invalid-location-value'], / \(The value comes from the default of variable "nfs_version" \(.*main\.tf:7:3\)\.\)$/);
});

test('hunt35 #6: a location value written literally gets no such sentence', (t) => {
  const { root } = writeFolder(t, { 'main.tf': `${NFS('NFS4_2')}${nfsTask('basic')}` });
  const [diagnostic] = json([root]).files[0].tasks[0].diagnostics;
  assert.doesNotMatch(diagnostic.message, /comes from/);
});
