// Terraform's instances and generated blocks, as the command expands them
// before it checks a task: `dynamic` blocks with a known for_each (one block
// per element, the iterator's key and value known in its content, nested
// dynamic blocks included), and `count` with a known number (one task per
// index, count.index known, location references per instance). What is not
// known stays unknown: never a missing or extra block from it.
//
// How Terraform expands them (hcl v2 ext/dynblock, Terraform 1.11): a list
// iterates by index, a map or object by key in lexical order, a set by
// element (key = value); `terraform console` (TF_CLI_CONFIG_FILE=/dev/null,
// v1.11.4) on the same iteration with a `for` expression:
//   [for k, v in ["a", "b"] : { key = k, value = v }]      -> key 0 "a", key 1 "b"
//   [for k, v in { b = 1, a = 2 } : { key = k, value = v }] -> key "a" 2, key "b" 1
//   [for k, v in toset(["b", "a"]) : { key = k, value = v }] -> key "a" "a", key "b" "b"
//   "rate(1 days)" != null ? toset(["rate(1 days)"]) : toset([]) -> toset(["rate(1 days)"])
// A dynamic block whose for_each is not known makes one block of unknown
// content, and hcldec's BlockListSpec returns the whole list unknown before
// it counts blocks (hcl hcldec/spec.go): no MinItems/MaxItems error. Every
// block of aws_datasync_task is a TypeList with MaxItems 1 (s3_destination
// also Required, so MinItems 1) in the provider's task.go, which Terraform
// core enforces when it decodes (configschema's DecoderSpec): two blocks of
// one type are "Too many schedule blocks", no s3_destination "Insufficient
// s3_destination blocks", however the blocks were written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, SOURCE, DESTINATION, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
const tasksOf = (document) => document.files.flatMap((f) => f.tasks);
/** Each task of a folder: its findings (`code attribute line`) and, with --defaults, its request. */
function check(t, files) {
  const { root } = writeFolder(t, files);
  return Object.fromEntries(
    tasksOf(json(['--defaults', root])).map((found) => [
      found.logicalId,
      {
        findings: [...found.diagnostics.map((d) => `${d.code} ${d.attribute} ${d.line}`), ...found.notes.map((n) => `${n.code} ${n.attribute} ${n.line}`)],
        notes: found.notes.map((n) => n.message),
        request: found.defaults,
        locations: found.locations.map((l) => [l.resource, l.description.S3StorageClass ?? l.type]),
      },
    ]),
  );
}
const task = terraformTask;
/** A Schedule as --defaults shows it (the service's default Status filled in). */
const schedule = (expression) => ({ ScheduleExpression: expression, Status: 'ENABLED' });

test("a dynamic block over a known collection makes one block per element: aws-ia's schedule is checked", (t) => {
  const found = check(t, {
    'main.tf': `variable "item" {
  default = { schedule_expression = "rate(1 days)" }
}
${task(`  dynamic "schedule" {
    for_each = var.item.schedule_expression != null ? toset([var.item.schedule_expression]) : toset([])
    content {
      schedule_expression = var.item.schedule_expression
    }
  }`)}`,
  });
  const only = found['aws_datasync_task.t'];
  // The content's own line (10) is where the finding is; before, a note said the block was not expanded.
  assert.deepEqual(only.findings, ['schedule/rate-unit-singular-plural schedule.schedule_expression 10']);
  assert.deepEqual(only.request.Schedule, schedule('rate(1 days)'));
});

test('the iterator is the block type or `iterator`, with key and value: list index, map key, set element', (t) => {
  const found = check(t, {
    'main.tf': [
      task('  dynamic "schedule" {\n    for_each = ["rate(5 minutes)"]\n    content {\n      schedule_expression = schedule.key == 0 ? schedule.value : "x"\n    }\n  }', 'by_list'),
      task('  dynamic "schedule" {\n    for_each = { hourly = "rate(1 hour)" }\n    iterator = s\n    content {\n      schedule_expression = "${s.value} ${s.key}" == "rate(1 hour) hourly" ? s.value : "x"\n    }\n  }', 'by_map'),
      task('  dynamic "includes" {\n    for_each = toset(["/logs"])\n    content {\n      filter_type = "SIMPLE_PATTERN"\n      value       = includes.key\n    }\n  }', 'by_set'),
    ].join('\n'),
  });
  assert.deepEqual(found['aws_datasync_task.by_list'].findings, ['schedule/too-frequent schedule.schedule_expression 7']);
  assert.deepEqual(found['aws_datasync_task.by_map'].request.Schedule, schedule('rate(1 hour)'));
  assert.deepEqual(found['aws_datasync_task.by_map'].findings, []);
  assert.deepEqual(found['aws_datasync_task.by_set'].request.Includes, [{ FilterType: 'SIMPLE_PATTERN', Value: '/logs' }]);
});

test('nested dynamic blocks: the inner for_each and content see the outer iterator, in HCL and in .tf.json', (t) => {
  const role = 'arn:aws:iam::111122223333:role/report';
  const bucket = 'arn:aws:s3:::reports';
  const reports = `variable "reports" {
  default = [{ role = "${role}", bucket = "${bucket}", level = "SUCCESSES_AND_ERRORS" }]
}
`;
  const hcl = task(`  dynamic "task_report_config" {
    for_each = var.reports
    iterator = report
    content {
      report_level = report.value.level
      dynamic "s3_destination" {
        for_each = [report.value]
        content {
          bucket_access_role_arn = s3_destination.value.role
          s3_bucket_arn          = report.value.bucket
        }
      }
    }
  }`);
  const tfJson = JSON.stringify({
    variable: { reports: { default: [{ role, bucket, level: 'SUCCESSES_AND_ERRORS' }] } },
    resource: {
      aws_datasync_task: {
        t: {
          source_location_arn: SOURCE,
          destination_location_arn: DESTINATION,
          dynamic: {
            task_report_config: {
              for_each: '${var.reports}',
              iterator: 'report',
              content: {
                report_level: '${report.value.level}',
                dynamic: { s3_destination: { for_each: '${[report.value]}', content: { bucket_access_role_arn: '${s3_destination.value.role}', s3_bucket_arn: '${report.value.bucket}' } } },
              },
            },
          },
        },
      },
    },
  });
  const expected = { ReportLevel: 'SUCCESSES_AND_ERRORS', Destination: { S3: { BucketAccessRoleArn: role, S3BucketArn: bucket, Subdirectory: '' } } };
  for (const files of [{ 'main.tf': reports + hcl }, { 'main.tf.json': tfJson }]) {
    const only = check(t, files)['aws_datasync_task.t'];
    assert.deepEqual(only.findings, [], Object.keys(files)[0]);
    assert.deepEqual(only.request.TaskReportConfig, expected, Object.keys(files)[0]);
  }
});

test('an empty for_each makes no block: the same report as writing none', (t) => {
  const enhanced = '  task_mode = "ENHANCED"\n';
  const found = check(t, {
    'main.tf': [
      // No options block: the provider sends no Options, so its POINT_IN_TIME_CONSISTENT default is not sent either.
      task(`${enhanced}  dynamic "options" {\n    for_each = []\n    content {\n      log_level = "BASIC"\n    }\n  }`, 'no_options'),
      task(enhanced, 'none_written'),
      // No s3_destination in a task_report_config: Terraform rejects it either way.
      task('  task_report_config {\n    report_level = "ERRORS_ONLY"\n    dynamic "s3_destination" {\n      for_each = {}\n      content {\n        subdirectory = "x"\n      }\n    }\n  }', 'no_destination'),
      task('  task_report_config {\n    report_level = "ERRORS_ONLY"\n  }', 'destination_not_written'),
    ].join('\n'),
  });
  assert.deepEqual(found['aws_datasync_task.no_options'].findings, []);
  // The same request (with the service's defaults for Enhanced mode, not the provider's).
  assert.deepEqual(found['aws_datasync_task.no_options'].request, found['aws_datasync_task.none_written'].request);
  assert.equal(found['aws_datasync_task.no_options'].request.Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.deepEqual(found['aws_datasync_task.no_destination'].findings, ['terraform/missing-block task_report_config.s3_destination 23']);
  assert.deepEqual(found['aws_datasync_task.destination_not_written'].findings, ['terraform/missing-block task_report_config.s3_destination 37']);
});

test("a block a dynamic block makes is sent as a written one: the provider's option defaults fill it", (t) => {
  const enhanced = '  task_mode = "ENHANCED"\n';
  const found = check(t, {
    'main.tf': [
      task(`${enhanced}  dynamic "options" {\n    for_each = { basic = "BASIC" }\n    content {\n      log_level = options.value\n    }\n  }`, 'made'),
      task(`${enhanced}  options {\n    log_level = "BASIC"\n  }`, 'written'),
    ].join('\n'),
  });
  // With an options block the provider sends VerifyMode POINT_IN_TIME_CONSISTENT, which Enhanced mode rejects.
  const { made, written } = { made: found['aws_datasync_task.made'], written: found['aws_datasync_task.written'] };
  assert.deepEqual(made.request, written.request);
  assert.equal(made.request.Options.VerifyMode, 'POINT_IN_TIME_CONSISTENT');
  assert.deepEqual(made.findings, ['options/enhanced-point-in-time options.verify_mode 5']);
  assert.deepEqual(written.findings, ['options/enhanced-point-in-time options.verify_mode 17']);
});

test('two or more blocks where one is allowed are too many, however they are made: one error', (t) => {
  const found = check(t, {
    'main.tf': [
      task('  dynamic "schedule" {\n    for_each = ["rate(1 hour)", "rate(2 hours)", "rate(3 hours)"]\n    content {\n      schedule_expression = schedule.value\n    }\n  }', 'two'),
      task('  schedule {\n    schedule_expression = "rate(1 hour)"\n  }\n  dynamic "schedule" {\n    for_each = ["rate(2 hours)"]\n    content {\n      schedule_expression = schedule.value\n    }\n  }', 'written_and_made'),
    ].join('\n'),
  });
  // The first is checked; the rest are one error (as Terraform names one), at the dynamic block.
  assert.deepEqual(found['aws_datasync_task.two'].findings, ['terraform/too-many-blocks schedule 4']);
  assert.deepEqual(found['aws_datasync_task.two'].request.Schedule, schedule('rate(1 hour)'));
  assert.deepEqual(found['aws_datasync_task.written_and_made'].findings, ['terraform/too-many-blocks schedule 18']);
});

test('a for_each not known here: its blocks are not checked, and never missing or too many', (t) => {
  const found = check(t, {
    'main.tf': [
      'variable "paths" {\n  type = list(string)\n}\n',
      // With an unknown dynamic block beside it, a written block may be the only one (for_each = []): no error.
      task('  schedule {\n    schedule_expression = "rate(5 minutes)"\n  }\n  dynamic "schedule" {\n    for_each = var.paths\n    content {\n      schedule_expression = schedule.value\n    }\n  }', 'beside'),
      task('  dynamic "schedule" {\n    for_each = var.paths\n    content {\n      schedule_expression = schedule.value\n    }\n  }\n  schedule {\n    schedule_expression = "rate(1 hour)"\n  }', 'before'),
      task('  task_report_config {\n    dynamic "s3_destination" {\n      for_each = var.paths\n      content {\n        subdirectory = s3_destination.value\n      }\n    }\n  }', 'destination'),
    ].join('\n'),
  });
  assert.deepEqual(found['aws_datasync_task.beside'].findings, ['terraform/not-checked schedule 11']);
  assert.deepEqual(found['aws_datasync_task.beside'].notes, [
    'Not checked: schedule comes from dynamic "schedule", which uses var.paths, which has no default and no value in terraform.tfvars or *.auto.tfvars (a module block that calls this folder sets it; run as a root module, Terraform takes it from -var, -var-file or TF_VAR_paths).',
  ]);
  // Before, a written block after an unknown dynamic one was "too many".
  assert.deepEqual(found['aws_datasync_task.before'].findings, ['terraform/not-checked schedule 22']);
  assert.deepEqual(found['aws_datasync_task.destination'].findings, ['terraform/not-checked task_report_config.s3_destination 37']);
});

test('a dynamic block Terraform rejects: an error for an argument it does not take or a for_each it cannot iterate, else a note, never a check', (t) => {
  const content = '    content {\n      schedule_expression = "rate(5 minutes)"\n    }\n';
  const found = check(t, {
    'main.tf': [
      // The task's blocks have no labels, so hcl's dynblock takes no `labels` argument.
      task(`  dynamic "schedule" {\n    for_each = [1]\n    labels   = []\n${content}  }`, 'labels'),
      task(`  dynamic "schedule" {\n    for_each = null\n${content}  }`, 'null'),
      task(`  dynamic "schedule" {\n    for_each = "one"\n${content}  }`, 'string'),
      task(`  dynamic "schedule" {\n    for_each = [1]\n    iterator = a.b\n${content}  }`, 'iterator'),
      task(`  dynamic "schedule" {\n    for_each = [1]\n  }`, 'no_content'),
    ].join('\n'),
  });
  const summary = Object.fromEntries(Object.entries(found).map(([address, { findings, notes }]) => [address, [...findings.map((f) => f.replace(/ \d+$/, '')), ...notes]]));
  assert.deepEqual(summary, {
    'aws_datasync_task.labels': ['terraform/unsupported-argument schedule.labels'],
    // terraform plan: "Invalid dynamic for_each value" (Cannot use a null value / a string value in for_each).
    'aws_datasync_task.null': ['terraform/invalid-for-each schedule.for_each'],
    'aws_datasync_task.string': ['terraform/invalid-for-each schedule.for_each'],
    'aws_datasync_task.iterator': ['terraform/not-checked schedule', 'Not checked: schedule comes from dynamic "schedule", which has an iterator that is not a single name, which Terraform rejects.'],
    'aws_datasync_task.no_content': ['terraform/not-checked schedule', 'Not checked: schedule comes from dynamic "schedule", which has no content block, which Terraform requires.'],
  });
});

test('count with a known number: one task per index, aws_datasync_task.x[0], with count.index known', (t) => {
  const found = check(t, {
    'main.tf': `variable "copies" {
  default = "2"
}
variable "classes" {
  default = ["STANDARD", "DEEP_ARCHIVE"]
}
resource "aws_datasync_location_s3" "to" {
  count            = 2
  s3_bucket_arn    = "arn:aws:s3:::copy-\${count.index}"
  s3_storage_class = var.classes[count.index]
  subdirectory     = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync" }

}
resource "aws_datasync_task" "copy" {
  count                    = var.copies
  name                     = "copy-\${count.index}"
  source_location_arn      = "${SOURCE}"
  destination_location_arn = aws_datasync_location_s3.to[count.index].arn
  options {
    verify_mode = "POINT_IN_TIME_CONSISTENT"
    posix_permissions = "NONE"
    uid = "NONE"
    gid = "NONE"
  }
  dynamic "schedule" {
    for_each = count.index == 1 ? ["rate(5 minutes)"] : []
    content {
      schedule_expression = schedule.value
    }
  }
}
`,
  });
  assert.deepEqual(Object.keys(found), ['aws_datasync_task.copy[0]', 'aws_datasync_task.copy[1]']);
  const [first, second] = [found['aws_datasync_task.copy[0]'], found['aws_datasync_task.copy[1]']];
  assert.equal(first.request.Name, 'copy-0');
  assert.equal(second.request.Name, 'copy-1');
  // Each instance's destination is its own location instance, read with its own count.index.
  assert.deepEqual(first.locations, [['aws_datasync_location_s3.to[0]', 'STANDARD']]);
  assert.deepEqual(second.locations, [['aws_datasync_location_s3.to[1]', 'DEEP_ARCHIVE']]);
  assert.deepEqual(first.findings, []);
  assert.deepEqual(second.findings, ['locations/archive-point-in-time options.verify_mode 21', 'schedule/too-frequent schedule.schedule_expression 29']);
});

test('count not known or past 64: checked once for all instances, as before; count = 1 is one instance, x[0]', (t) => {
  const found = check(t, {
    'main.tf': [
      'variable "copies" {\n  type = number\n}\n',
      task('  count = 1', 'one'),
      task('  count = var.copies', 'unknown'),
      task('  count = 65', 'many'),
    ].join('\n'),
  });
  const { 'aws_datasync_task.one[0]': one, ...rest } = found;
  assert.deepEqual(one.notes, []);
  assert.deepEqual(Object.keys(rest), ['aws_datasync_task.unknown', 'aws_datasync_task.many']);
  for (const { notes } of Object.values(rest)) assert.deepEqual(notes, ['Every instance that count makes is checked as one; values from count.index are not checked.']);
});

// terraform validate (v1.11.4, offline) on terraform_data with the same
// arguments: count = 1.5 "value must be a whole number", count = -1 "must be
// greater than or equal to 0", for_each = ["a"] and for_each = [] "must be a
// map, or set of strings, and you have provided a value of type tuple" (of a
// list(string) variable: "type list of string"); toset([]) and a set(string)
// variable are accepted, and `terraform plan` makes terraform_data.x[0] and
// x[1] for count = "2", with count.index 0 and 1. terraform plan stops at each
// ("Invalid count argument", "Invalid for_each argument"): errors, not notes.
test('a count or for_each Terraform rejects makes no task: an error at it, no check', (t) => {
  const tooFrequent = '  schedule {\n    schedule_expression = "rate(5 minutes)"\n  }\n';
  const found = check(t, {
    'main.tf': [
      'variable "paths" {\n  type    = list(string)\n  default = ["a"]\n}\nvariable "names" {\n  type    = set(string)\n  default = ["b", "a"]\n}\n',
      task(`  count = 1.5\n${tooFrequent}`, 'fraction'),
      task(`  count = -1\n${tooFrequent}`, 'negative'),
      task(`  for_each = ["a"]\n${tooFrequent}`, 'tuple'),
      task(`  for_each = var.paths\n${tooFrequent}`, 'list'),
      task(`  for_each = []\n${tooFrequent}`, 'empty_tuple'),
      task(`  for_each = var.names\n  name     = each.key\n`, 'set'),
    ].join('\n'),
  });
  assert.deepEqual(
    Object.fromEntries(Object.entries(found).map(([address, { findings, notes }]) => [address, findings.length === notes.length ? notes : findings])),
    {
      // terraform plan: "Invalid count argument" (tests/node/terraform-modules.test.mjs).
      'aws_datasync_task.fraction': ['terraform/invalid-count count 13'],
      'aws_datasync_task.negative': ['terraform/invalid-count count 23'],
      // terraform plan: "Invalid for_each argument" (tests/node/terraform-modules.test.mjs).
      'aws_datasync_task.tuple': ['terraform/invalid-for-each for_each 33'],
      'aws_datasync_task.list': ['terraform/invalid-for-each for_each 43'],
      'aws_datasync_task.empty_tuple': ['terraform/invalid-for-each for_each 53'],
      'aws_datasync_task.set["a"]': [],
      'aws_datasync_task.set["b"]': [],
    },
  );
  assert.equal(found['aws_datasync_task.set["a"]'].request.Name, 'a');
});
