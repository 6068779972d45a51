// Terraform leftovers (session 37). Every verdict is the one `terraform plan`
// (1.11.4, AWS provider 5.100.0, offline) gives, and every value the one
// `TF_CLI_CONFIG_FILE=/dev/null terraform console` (v1.11.4) prints; what the
// command cannot know stays unknown (no finding).
// 1. A Required argument or block left out of a location resource or a task.
// 2. An awscc task's plan: a nested attribute made from variables stays unknown where the plan shows it so.
// 3. A plan's reference to a count instance by a key that converts (`d["1.0"]`).
// 4. file() through a local, path.root, and templatefile(), within file()'s rule.
// 5. A resource type the provider has as a data source only.
// 6. Suppression comments above a location or an invalid DataSync type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, writeFolder } from './helpers.mjs';

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** Each entry of a folder's report: its findings (`severity code attribute line`), and messages by entry. */
function check(t, files, name = '') {
  const { root } = writeFolder(t, files);
  const report = json([`${root}/${name}`]);
  const entries = report.files.flatMap((f) => f.tasks);
  return {
    report,
    found: Object.fromEntries(entries.map((e) => [e.logicalId, e.diagnostics.map((d) => `${d.severity} ${d.code} ${d.attribute} ${d.line}`)])),
    messages: Object.fromEntries(entries.map((e) => [e.logicalId, e.diagnostics.map((d) => d.message)])),
    suppressed: Object.fromEntries(entries.map((e) => [e.logicalId, (e.suppressed ?? []).map((d) => `${d.code} ${d.suppression.source}`)])),
  };
}

const AGENT = 'arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0';
const ROLE = 'arn:aws:iam::111122223333:role/datasync';

// terraform plan on this file (provider 5.100.0) stops with exactly these:
//   main.tf line 1, aws_datasync_location_s3.no_arn: Missing required argument: The argument "s3_bucket_arn" is required, but no definition was found.
//   main.tf line 7, aws_datasync_location_s3.no_config: Insufficient s3_config blocks: At least 1 "s3_config" blocks are required.
//   main.tf line 11, aws_datasync_location_nfs.no_host: Missing required argument: The argument "server_hostname" is required, ...
//   main.tf line 19 (the s3_config block), aws_datasync_location_s3.no_role: The argument "bucket_access_role_arn" is required, ...
//   main.tf line 22, aws_datasync_location_hdfs.no_name_node: Insufficient name_node blocks
//   main.tf line 25, aws_datasync_location_efs.empty_dynamic: Insufficient ec2_config blocks (its dynamic block makes none)
const LOCATIONS = `resource "aws_datasync_location_s3" "no_arn" {
  subdirectory = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
resource "aws_datasync_location_s3" "no_config" {
  s3_bucket_arn = "arn:aws:s3:::b"
  subdirectory  = "/x"
}
resource "aws_datasync_location_nfs" "no_host" {
  subdirectory = "/x"
  on_prem_config {
    agent_arns = ["${AGENT}"]
  }
}
resource "aws_datasync_location_s3" "no_role" {
  s3_bucket_arn = "arn:aws:s3:::b"
  subdirectory  = "/x"
  s3_config {}
}
resource "aws_datasync_location_hdfs" "no_name_node" {
  agent_arns = ["${AGENT}"]
}
resource "aws_datasync_location_efs" "empty_dynamic" {
  efs_file_system_arn = "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-01234567"
  dynamic "ec2_config" {
    for_each = []
    content {
      security_group_arns = []
      subnet_arn          = "x"
    }
  }
}
`;

test('1. a location resource without a Required argument or block: terraform plan\'s error at the resource', (t) => {
  const { found, messages } = check(t, { 'main.tf': LOCATIONS });
  assert.deepEqual(found, {
    'aws_datasync_location_s3.no_arn': ['error terraform/missing-argument s3_bucket_arn 1'],
    'aws_datasync_location_s3.no_config': ['error terraform/missing-block s3_config 7'],
    'aws_datasync_location_nfs.no_host': ['error terraform/missing-argument server_hostname 11'],
    'aws_datasync_location_s3.no_role': ['error terraform/missing-argument s3_config.bucket_access_role_arn 20'],
    'aws_datasync_location_hdfs.no_name_node': ['error terraform/missing-block name_node 22'],
    'aws_datasync_location_efs.empty_dynamic': ['error terraform/missing-block ec2_config 25'],
  });
  assert.equal(messages['aws_datasync_location_s3.no_arn'][0], 'Missing required argument: the argument "s3_bucket_arn" is required, but no definition was found.');
  assert.equal(messages['aws_datasync_location_s3.no_config'][0], 'Insufficient s3_config blocks: at least 1 "s3_config" blocks are required.');
});

test('1. null is no definition (plan: at the argument); count = 0 does not excuse a missing one (validate runs on the configuration)', (t) => {
  // terraform plan: "Missing required argument ... with aws_datasync_location_s3.a, on main.tf line 2: s3_bucket_arn = null";
  // `count = 0` with nothing written: the same three errors as with no count (checked: plan stops at line 8).
  const { found } = check(t, {
    'main.tf': `resource "aws_datasync_location_s3" "a" {
  s3_bucket_arn = null
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
resource "aws_datasync_location_s3" "none" { count = 0 }
resource "aws_datasync_location_s3" "per_instance" {
  for_each      = toset(["a"])
  s3_bucket_arn = null
  subdirectory  = "/x"
  s3_config {
    bucket_access_role_arn = "${ROLE}"
  }
}
`,
  });
  assert.deepEqual(found, {
    'aws_datasync_location_s3.a': ['error terraform/missing-argument s3_bucket_arn 2'],
    'aws_datasync_location_s3.none': ['error terraform/missing-argument s3_bucket_arn 8', 'error terraform/missing-block s3_config 8', 'error terraform/missing-argument subdirectory 8'],
    // A literal null is null whatever the instance: terraform plan 1.11.4 stops at it before it expands for_each
    // ("with aws_datasync_location_s3.per_instance", no instance key, on main.tf line 11), as it does with count = 0.
    'aws_datasync_location_s3.per_instance': ['error terraform/missing-argument s3_bucket_arn 11'],
  });
});

test('1. a value not known here, a dynamic block not known here, or a complete location: no finding', (t) => {
  const { found } = check(t, {
    'main.tf': `variable "arn" {}
variable "configs" {}
resource "aws_datasync_location_s3" "from_var" {
  s3_bucket_arn = var.arn
  subdirectory  = "/x"
  dynamic "s3_config" {
    for_each = var.configs
    content {}
  }
}
resource "aws_datasync_location_nfs" "complete" {
  server_hostname = "nfs.example.com"
  subdirectory    = "/exports"
  on_prem_config {
    agent_arns = ["${AGENT}"]
  }
}
`,
  });
  assert.deepEqual(found, {});
});

test('1. a task without source_location_arn or destination_location_arn: terraform/missing-argument, as for a location (not the service\'s request/missing-member)', (t) => {
  // terraform plan: main.tf line 1: The argument "destination_location_arn" is required, but no definition was found.
  // main.tf line 4: the same for "schedule_expression" (at the schedule block); line 6 for "bucket_access_role_arn" (at s3_destination).
  const { found, messages } = check(t, {
    'main.tf': `resource "aws_datasync_task" "t" {
  source_location_arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"
  name                = "t"
  schedule {}
  task_report_config {
    s3_destination {
      s3_bucket_arn = "arn:aws:s3:::reports"
    }
  }
}
`,
  });
  assert.deepEqual(found, {
    'aws_datasync_task.t': [
      'error terraform/missing-argument destination_location_arn 1',
      'error terraform/missing-argument schedule.schedule_expression 4',
      'error terraform/missing-argument task_report_config.s3_destination.bucket_access_role_arn 6',
    ],
  });
  assert.equal(messages['aws_datasync_task.t'][0], 'Missing required argument: the argument "destination_location_arn" is required, but no definition was found.');
});

test('6. a suppression comment above an invalid resource type or a location is read, as above a task', (t) => {
  const { found, suppressed, report } = check(t, {
    'main.tf': `# The report is its own resource on purpose.
# datasync-task-validator: ignore=terraform/invalid-resource-type
resource "aws_datasync_task_report" "r" {}

// datasync-task-validator: ignore=terraform/missing-argument
resource "aws_datasync_location_nfs" "n" {
  subdirectory = "/x"
  on_prem_config {
    agent_arns = ["${AGENT}"]
  }
}

# datasync-task-validator: ignore=terraform/missing-block
resource "aws_datasync_location_nfs" "not_this_one" {
  subdirectory = "/x"
  on_prem_config {
    agent_arns = ["${AGENT}"]
  }
}
`,
  });
  assert.deepEqual(found, {
    'aws_datasync_task_report.r': [],
    'aws_datasync_location_nfs.n': [],
    'aws_datasync_location_nfs.not_this_one': ['error terraform/missing-argument server_hostname 14'],
  });
  assert.deepEqual(suppressed, {
    'aws_datasync_task_report.r': ['terraform/invalid-resource-type comment above resource "aws_datasync_task_report" "r"'],
    'aws_datasync_location_nfs.n': ['terraform/missing-argument comment above resource "aws_datasync_location_nfs" "n"'],
    'aws_datasync_location_nfs.not_this_one': [],
  });
  assert.equal(report.exitCode, 1);
});

// terraform plan (1.11.4, provider 5.100.0) of a task whose destination is
// `aws_datasync_location_s3.d["1.0"].arn`, d having count = 2: resource_changes lists
// the instances as `aws_datasync_location_s3.d[1]` with `"index": 1`, and the task's
// configuration writes the reference as written: `"references":
// ["aws_datasync_location_s3.d[\"1.0\"].arn", "aws_datasync_location_s3.d[\"1.0\"]",
// "aws_datasync_location_s3.d"]` (`d[1]` written is `aws_datasync_location_s3.d[1].arn`).
function countPlan(reference) {
  const s3 = (index, storageClass) => ({
    address: `aws_datasync_location_s3.d[${index}]`,
    mode: 'managed',
    type: 'aws_datasync_location_s3',
    name: 'd',
    index,
    change: {
      actions: ['create'],
      after: { s3_bucket_arn: `arn:aws:s3:::b${index}`, s3_storage_class: storageClass, subdirectory: '/', s3_config: [{ bucket_access_role_arn: ROLE }] },
      after_unknown: { arn: true, id: true, uri: true, agent_arns: true, s3_config: [{}] },
    },
  });
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: [
      s3(0, 'STANDARD'),
      s3(1, 'DEEP_ARCHIVE'),
      {
        address: 'aws_datasync_task.t',
        mode: 'managed',
        type: 'aws_datasync_task',
        name: 't',
        change: {
          actions: ['create'],
          after: { source_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0', options: [{ verify_mode: 'POINT_IN_TIME_CONSISTENT' }], excludes: [], includes: [] },
          after_unknown: { arn: true, id: true, destination_location_arn: true, task_mode: true, options: [{}] },
        },
      },
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_datasync_task.t',
            mode: 'managed',
            type: 'aws_datasync_task',
            name: 't',
            expressions: {
              source_location_arn: { constant_value: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0' },
              destination_location_arn: { references: [`${reference}.arn`, reference, 'aws_datasync_location_s3.d'] },
              options: [{ verify_mode: { constant_value: 'POINT_IN_TIME_CONSISTENT' } }],
            },
          },
        ],
      },
    },
  });
}

test('3. a plan names a count instance by any key that converts to its index (d["1.0"] is d[1]), as the folder reader does', (t) => {
  // The folder gives locations/archive-point-in-time for both spellings (session 36); the plan gave it only for d[1]
  // and called d["1.0"] "(known after apply)". A for_each key is a string and is never converted.
  for (const reference of ['aws_datasync_location_s3.d[1]', 'aws_datasync_location_s3.d["1.0"]', 'aws_datasync_location_s3.d["01"]']) {
    const { found } = check(t, { 'plan.json': countPlan(reference) }, 'plan.json');
    assert.deepEqual(found, { 'aws_datasync_task.t': ['error locations/archive-point-in-time options.verify_mode 1'] }, reference);
  }
  // d["1.5"] is no instance ("Invalid index"): nothing is described, no finding.
  assert.deepEqual(check(t, { 'plan.json': countPlan('aws_datasync_location_s3.d["1.5"]') }, 'plan.json').found, { 'aws_datasync_task.t': [] });
});

// An awscc_datasync_task being created, as `terraform show -json` writes it
// (rev36b #10's shape: the awscc provider has no offline plan here): the
// configuration writes `options` as `expression`; the plan holds `variables`.
function awsccPlan(expression, variables, moduleAddress) {
  const address = `${moduleAddress ? `${moduleAddress}.` : ''}awscc_datasync_task.t`;
  const computed = ['bytes_per_second', 'gid', 'log_level', 'mtime', 'object_tags', 'overwrite_mode', 'posix_permissions', 'preserve_deleted_files', 'preserve_devices', 'security_descriptor_copy_flags', 'task_queueing', 'transfer_mode', 'uid', 'verify_mode'];
  const resource = { address, mode: 'managed', type: 'awscc_datasync_task', name: 't', expressions: { options: expression } };
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    variables,
    resource_changes: [
      {
        address,
        ...(moduleAddress ? { module_address: moduleAddress } : {}),
        mode: 'managed',
        type: 'awscc_datasync_task',
        name: 't',
        change: {
          actions: ['create'],
          after: {
            source_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0',
            destination_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef1',
            options: { atime: 'NONE' },
          },
          after_unknown: { options: Object.fromEntries(computed.map((name) => [name, true])), name: true, schedule: true, task_mode: true, id: true, task_arn: true },
        },
      },
    ],
    configuration: {
      root_module: moduleAddress
        ? { module_calls: { m: { source: './m', module: { resources: [resource] } } } }
        : { resources: [resource] },
    },
  });
}

test('2. awscc plan: options = { atime = var.a } leaves the members the plan shows unknown unknown: notes, never a guessed error (rev37c #6)', (t) => {
  // The constant is read as the folder reads it: options/atime-mtime-mismatch.
  const mismatch = { 'awscc_datasync_task.t': ['error options/atime-mtime-mismatch options.mtime 1'] };
  assert.deepEqual(check(t, { 'plan.json': awsccPlan({ constant_value: { atime: 'NONE' } }, {}) }, 'plan.json').found, mismatch);
  // From a root variable, the plan JSON is the same whether mtime is left unset (the service's PRESERVE,
  // a mismatch) or written with a function unknown at plan time (`mtime = timestamp() != "" ? "NONE" :
  // "PRESERVE"` sends NONE: no mismatch); a function adds no reference (rev37c checked the aws provider's
  // plan: `references: ["var.a"]` with the member unknown). So the members stay unknown: notes, no finding.
  const { report } = check(t, { 'plan.json': awsccPlan({ references: ['var.a'] }, { a: { value: 'NONE' } }) }, 'plan.json');
  const [task] = report.files[0].tasks;
  assert.deepEqual(task.diagnostics, []);
  assert.equal(task.notes.length, 14);
});

test('2. awscc plan: any reference (a resource, a local, a module\'s variable, a root variable with or without a value) leaves the members the plan shows unknown unknown', (t) => {
  // Since the revert of rev37c #6 a root variable is no exception: the plan JSON cannot tell an unset member
  // from one a function made unknown, whatever the references.
  for (const [expression, variables, moduleAddress] of [
    [{ references: ['var.a'] }, { a: { value: 'NONE' } }], // only root variables, with their values
    [{ references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] }, {}],
    [{ references: ['local.o'] }, {}],
    [{ references: ['var.a', 'aws_s3_bucket.b.id', 'aws_s3_bucket.b'] }, { a: { value: 'NONE' } }],
    [{ references: ['var.a'] }, {}], // not among the plan's variables
    [{ references: ['var.a'] }, { a: { value: 'NONE' } }, 'module.m'], // a module's var.a is not the root's
  ]) {
    const { report } = check(t, { 'plan.json': awsccPlan(expression, variables, moduleAddress) }, 'plan.json');
    const [task] = report.files[0].tasks;
    assert.deepEqual(task.diagnostics, [], JSON.stringify(expression));
    assert.equal(task.notes.length, 14, JSON.stringify(expression));
  }
});

test('5. a resource block of a type the provider has as a data source only: Terraform\'s "Did you intend to use the data source"', (t) => {
  // terraform plan (1.11.4) on `resource "aws_caller_identity" "x" {}` (provider 5.100.0, a data source only):
  //   Invalid resource type: The provider hashicorp/aws does not support resource type "aws_caller_identity".
  //   Did you intend to use the data source "aws_caller_identity"? If so, declare this using a "data" block instead of a "resource" block.
  // The AWS provider has no DataSync data sources (providers schema -json: none named aws_datasync_*); the awscc
  // provider's list data sources (awscc_datasync_tasks, awscc_datasync_location_s3s, ...) are no resource types.
  const { found, messages, report } = check(t, {
    'main.tf': `resource "awscc_datasync_tasks" "all" {}
resource "awscc_datasync_location_s3s" "all" {}
resource "awscc_datasync_taskz" "typo" {}
resource "aws_datasync_tasks" "aws" {}
`,
  });
  assert.deepEqual(found, {
    'awscc_datasync_tasks.all': ['error terraform/invalid-resource-type  1'],
    'awscc_datasync_location_s3s.all': ['error terraform/invalid-resource-type  2'],
    'awscc_datasync_taskz.typo': ['error terraform/invalid-resource-type  3'],
    'aws_datasync_tasks.aws': ['error terraform/invalid-resource-type  4'],
  });
  assert.match(messages['awscc_datasync_tasks.all'][0], /"awscc_datasync_tasks" \(terraform plan stops here, so nothing in this configuration is created\)\. Did you intend to use the data source "awscc_datasync_tasks"\? If so, declare it with a "data" block instead of a "resource" block\.$/);
  assert.match(messages['awscc_datasync_taskz.typo'][0], /Did you mean "awscc_datasync_task"\?$/);
  assert.match(messages['aws_datasync_tasks.aws'][0], /Did you mean "aws_datasync_task"\?$/);
  const params = report.files[0].tasks.map((e) => e.diagnostics[0].params);
  assert.deepEqual(params[0], { type: 'awscc_datasync_tasks', dataSource: 'awscc_datasync_tasks' });
  assert.deepEqual(params[2], { type: 'awscc_datasync_taskz', suggestion: 'awscc_datasync_task' });
});

/** The tags the task of a folder sends (--defaults), and its notes' attributes. */
function sentTagsIn(root, folder = '') {
  const [task] = json(['--defaults', join(root, folder)]).files.flatMap((f) => f.tasks);
  const notes = task.notes.map((n) => n.attribute).sort();
  // Known values only (--defaults writes an unknown one as its expression).
  const known = (task.defaults?.Tags ?? []).filter((tag) => !notes.includes(`tags["${tag.Key}"]`));
  return { tags: Object.fromEntries(known.map((tag) => [tag.Key, tag.Value])), notes };
}
const sentTags = (t, files) => sentTagsIn(writeFolder(t, files).root);
const tagged = (tags, extra = '') => `${extra}resource "aws_datasync_task" "t" {
  source_location_arn      = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"
  destination_location_arn = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef1"
  tags = {
${Object.entries(tags).map(([key, value]) => `    ${key} = ${value}`).join('\n')}
  }
}
`;

test('4. file() through a local, path.root and templatefile() are read as terraform console reads them', (t) => {
  // TF_CLI_CONFIG_FILE=/dev/null terraform console 1.11.4, in a folder with x.json ({"a":1}\n) and
  // t.tpl ("Hello ${name}!\n%{ for t in tags }[${t}]%{ endfor }\n"), locals { p = "${path.module}/x.json" }:
  //   path.module -> "."; path.root -> "."; local.p -> "./x.json"
  //   file(local.p) -> "{\"a\":1}\n"; file("${path.root}/x.json") -> the same
  //   templatefile("${path.module}/t.tpl", { name = "A", tags = ["x", "y"] }) -> "Hello A!\n[x][y]\n"
  //   templatefile("${path.module}/t.tpl", { name = 1, tags = [true, 2] }) -> "Hello 1!\n[true][2]\n"
  //   templatefile("${path.module}/t.tpl", { name = "A" }) -> Error: vars map does not contain key "tags"
  // Before: every one "Not checked".
  const { tags, notes } = sentTags(t, {
    'main.tf': tagged(
      {
        a: 'file(local.p)',
        b: 'file("${path.root}/x.json")',
        c: 'templatefile("${path.module}/t.tpl", { name = "A", tags = ["x", "y"] })',
        d: 'templatefile(local.tpl, { name = 1, tags = [true, 2] })',
        e: 'templatefile("${path.module}/t.tpl", { name = "A" })',
        f: 'templatefile("${path.module}/plain.tpl", {})',
        g: 'local.p',
      },
      'locals {\n  p   = "${path.module}/x.json"\n  tpl = "${path.module}/t.tpl"\n}\n',
    ),
    'x.json': '{"a":1}\n',
    't.tpl': 'Hello ${name}!\n%{ for t in tags }[${t}]%{ endfor }\n',
    'plain.tpl': 'no newline at the end, TEMPLATE_END inside',
  });
  assert.equal(tags.a, '{"a":1}\n');
  assert.equal(tags.b, '{"a":1}\n');
  assert.equal(tags.c, 'Hello A!\n[x][y]\n');
  assert.equal(tags.d, 'Hello 1!\n[true][2]\n');
  assert.equal(tags.f, 'no newline at the end, TEMPLATE_END inside');
  // Terraform's error, and path.module outside file() and templatefile(): not known here (notes).
  assert.deepEqual(notes, ['tags["e"]', 'tags["g"]']);
});

test('4. templatefile() and file() through a local read only inside the module\'s folder; path.root of a called module is not read', (t) => {
  const { root } = writeFolder(t, { 'outside.tpl': 'secret ${x}\n', 'm/in.tpl': 'in ${x}\n', 'm/x.json': '{}\n' });
  symlinkSync(join(root, 'outside.tpl'), join(root, 'm/link.tpl'));
  const files = {
    'm/main.tf': tagged(
      {
        up: 'templatefile("${path.module}/../outside.tpl", { x = 1 })',
        link: 'templatefile(local.link, { x = 1 })',
        in: 'templatefile("${path.module}/in.tpl", { x = 1 })',
        root: 'file("${path.root}/x.json")',
      },
      'locals {\n  link = "${path.module}/link.tpl"\n}\n',
    ),
    'root/main.tf': 'module "m" {\n  source = "../m"\n}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const { tags: alone, notes: aloneNotes } = sentTagsIn(root, 'm');
  assert.deepEqual(alone, { in: 'in 1\n', root: '{}\n' });
  assert.deepEqual(aloneNotes, ['tags["link"]', 'tags["up"]']);
  // Called from root/: path.root is root/, not m/ (not read here); path.module is still m/.
  const { tags: called, notes: calledNotes } = sentTagsIn(root, 'root');
  assert.deepEqual(called, { in: 'in 1\n' });
  assert.deepEqual(calledNotes, ['tags["link"]', 'tags["root"]', 'tags["up"]']);
});
