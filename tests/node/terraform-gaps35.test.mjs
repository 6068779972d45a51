// Terraform gaps closed in session 35: what `terraform plan` (1.11.4, AWS
// provider 5.100.0, offline) and `TF_CLI_CONFIG_FILE=/dev/null terraform
// console` do with each case, quoted in the comments, and the command
// agreeing: an error where plan stops, the value where Terraform computes
// one, no finding where the value is not known before apply.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();
const { ERROR, UNKNOWN, terraformValues } = await import('./helpers/terraform-value.mjs');

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** A folder's report: each task's findings as `code attribute line:column`, and each file the command could not read with its error. */
function check(t, files, args = []) {
  const { root } = writeFolder(t, files);
  const report = json([...args, root]);
  const tasks = {};
  const refused = {};
  for (const file of report.files) {
    const name = file.file.slice(root.length + 1);
    if (file.error) refused[name] = `${file.error.line}:${file.error.column} ${file.error.message}`;
    for (const task of file.tasks) {
      tasks[task.logicalId] = [...task.diagnostics, ...task.notes].map((d) => `${d.code} ${d.attribute} ${d.line}:${d.column}`);
    }
  }
  return { tasks, refused, exitCode: report.exitCode, report };
}
const task = terraformTask;
/** `line:column` of the first `needle` in `text` (after `from`, when given). */
function at(text, needle, from = '') {
  const index = text.indexOf(needle, from ? text.indexOf(from) : 0);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1).length + 1}`;
}

// ---------------------------------------------------------------------------
// 0. The provider's verify_mode default in an Enhanced task (fixlog34)
// ---------------------------------------------------------------------------

test('an Enhanced task with an options block that leaves out verify_mode is sent POINT_IN_TIME_CONSISTENT; without the block, no Options', (t) => {
  // terraform plan (provider 5.100.0), task_mode = "ENHANCED" with `options {}`: after.options[0] holds every
  // default, "verify_mode": "POINT_IN_TIME_CONSISTENT"; expandOptions() in the provider's task.go sends
  // VerifyMode from it. The same with `options { transfer_mode = "ALL" }`. Without an options block the plan's
  // after has no options ([]), and expandOptions() sends no Options. (The service refuses
  // POINT_IN_TIME_CONSISTENT in an Enhanced task: docs/rules/options-enhanced-point-in-time.md.)
  // Not a change in session 35: this pins what the rule page now says.
  const main = [task('  task_mode = "ENHANCED"\n  options {}', 'block'), task('  task_mode = "ENHANCED"', 'none')].join('');
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['aws_datasync_task.block'], [`options/enhanced-point-in-time options.verify_mode ${at(main, 'options {}')}`]);
  assert.deepEqual(tasks['aws_datasync_task.none'], []);
  assert.match(report.files[0].tasks[0].diagnostics[0].message, /caused by a provider default/);
});

// ---------------------------------------------------------------------------
// 1. count and for_each that Terraform rejects
// ---------------------------------------------------------------------------

test('a count that is not a number, a bool or a collection stops the plan: terraform/invalid-count; a numeric string is converted', (t) => {
  // terraform plan, `count = "x"` and `count = " 2"`: "Incorrect value type ... Invalid expression value: a number is required."
  // `count = true` and `count = [1]`: "Incorrect value type ... Invalid expression value: number required."
  // `count = "2"`: Plan: 2 to add, aws_datasync_task.t[0] and t[1]. (console: tonumber(" 2") is an error, tonumber("+2") is 2.)
  const main = [
    task('  count = "x"', 'x'),
    task('  count = " 2"', 'spaced'),
    task('  count = true', 'flag'),
    task('  count = [1]', 'list'),
    task('  count = "2"\n  name = "n${count.index}"', 'two'),
    task('  count = "+1"', 'plus'),
  ].join('');
  const { tasks } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['aws_datasync_task.x'], [`terraform/invalid-count count ${at(main, 'count = "x"')}`]);
  assert.deepEqual(tasks['aws_datasync_task.spaced'], [`terraform/invalid-count count ${at(main, 'count = " 2"')}`]);
  assert.deepEqual(tasks['aws_datasync_task.flag'], [`terraform/invalid-count count ${at(main, 'count = true')}`]);
  assert.deepEqual(tasks['aws_datasync_task.list'], [`terraform/invalid-count count ${at(main, 'count = [1]')}`]);
  assert.deepEqual(tasks['aws_datasync_task.two[0]'], []);
  assert.deepEqual(tasks['aws_datasync_task.two[1]'], []);
  assert.deepEqual(tasks['aws_datasync_task.plus[0]'], []);
});

test('the message says what the count is', (t) => {
  const { report } = check(t, { 'main.tf': task('  count = "x"') });
  const [finding] = report.files[0].tasks[0].diagnostics;
  assert.match(finding.message, /count is "x", which Terraform rejects \(it takes a number\)/);
});

test('for_each over a set of numbers or bools, or a set with a null element, stops the plan, on a resource and on a module call', (t) => {
  // terraform plan, `for_each = toset([1, 2])` on a resource and on a module call:
  //   Error: Invalid for_each set argument ... "for_each" supports maps and sets of strings, but you have
  //   provided a set containing type number.
  // (console: toset([1, 2]) is toset([1, 2]), a set of numbers; toset(["a", 1]) is toset(["1", "a"]), of strings.)
  // A `set(number)` variable (default [80, 443]): the same error ("var.ports is set of number with 2 elements");
  // toset(var.flags) of a list(bool): "... a set containing type bool".
  // `for_each = toset(["a", null])`: Invalid for_each set argument ... "for_each" sets must not contain null values.
  const main = `variable "ports" {
  type    = set(number)
  default = [80, 443]
}
variable "flags" {
  type    = list(bool)
  default = [true]
}
locals {
  numbers = toset([1, 2])
}
module "m" {
  source   = "./m"
  for_each = toset([1, 2])
}
${task('  for_each = toset([1, 2])', 'literal')}${task('  for_each = var.ports', 'typed')}${task('  for_each = toset(var.flags)', 'bools')}${task('  for_each = local.numbers', 'local')}${task('  for_each = toset(["a", null])', 'nulls')}`;
  const { tasks } = check(t, { 'main.tf': main, 'm/main.tf': task('') });
  const error = (needle, from) => [`terraform/invalid-for-each for_each ${at(main, needle, from)}`];
  assert.deepEqual(tasks['module.m.aws_datasync_task.t'], error('for_each = toset([1, 2])', 'module'));
  assert.deepEqual(tasks['aws_datasync_task.literal'], error('for_each = toset([1, 2])', '"literal"'));
  assert.deepEqual(tasks['aws_datasync_task.typed'], error('for_each = var.ports'));
  assert.deepEqual(tasks['aws_datasync_task.bools'], error('for_each = toset(var.flags)'));
  assert.deepEqual(tasks['aws_datasync_task.local'], error('for_each = local.numbers'));
  assert.deepEqual(tasks['aws_datasync_task.nulls'], error('for_each = toset(["a", null])'));
});

test('a set of numbers made into a map or a set of strings is a for_each Terraform takes, and a dynamic block takes any set: no error', (t) => {
  // terraform plan: { for p in toset([1, 2]) : tostring(p) => p } and toset([for p in [1, 2] : tostring(p)]) make
  // instances "1" and "2"; a dynamic block's for_each = toset([1]) makes one block.
  const { tasks } = check(t, {
    'main.tf': `locals {
  numbers = toset([1, 2])
}
${task('  for_each = { for p in local.numbers : tostring(p) => p }', 'map')}${task('  for_each = toset([for p in [1, 2] : tostring(p)])', 'strings')}${task(`  dynamic "schedule" {
    for_each = toset([1])
    content {
      schedule_expression = "rate(1 hour)"
    }
  }`, 'dynamic')}`,
  });
  for (const [id, found] of Object.entries(tasks)) assert.ok(!found.some((f) => f.startsWith('terraform/invalid')), `${id}: ${found}`);
  assert.deepEqual(tasks['aws_datasync_task.strings["1"]'], []);
});

test('a dynamic block whose for_each is null, a string or a number stops the plan: terraform/invalid-for-each at its for_each', (t) => {
  // terraform plan: Error: Invalid dynamic for_each value ... Cannot use a null value in for_each.
  // `for_each = "x"`: Cannot use a string value in for_each. An iterable collection is required.
  // `for_each = 1`: Cannot use a number value in for_each. An iterable collection is required.
  const dynamic = (forEach) => `  dynamic "schedule" {
    for_each = ${forEach}
    content {
      schedule_expression = "rate(1 hour)"
    }
  }`;
  const main = [task(dynamic('null'), 'none'), task(dynamic('"x"'), 'text'), task(dynamic('1'), 'number')].join('');
  const { tasks, report } = check(t, { 'main.tf': main });
  assert.deepEqual(tasks['aws_datasync_task.none'], [`terraform/invalid-for-each schedule.for_each ${at(main, 'for_each = null')}`]);
  assert.deepEqual(tasks['aws_datasync_task.text'], [`terraform/invalid-for-each schedule.for_each ${at(main, 'for_each = "x"')}`]);
  assert.deepEqual(tasks['aws_datasync_task.number'], [`terraform/invalid-for-each schedule.for_each ${at(main, 'for_each = 1')}`]);
  assert.match(report.files[0].tasks[0].diagnostics[0].message, /for_each of dynamic "schedule" is null, which Terraform rejects/);
});

// ---------------------------------------------------------------------------
// 2. A resource declared twice
// ---------------------------------------------------------------------------

test('two resources of one type and name: Terraform rejects the module, and the file with the later one is not read', (t) => {
  // terraform init and plan: Error: Duplicate resource "aws_datasync_task" configuration
  //   on b.tf line 1: A aws_datasync_task resource named "t" was already declared at a.tf:1,1-33.
  //   Resource names must be unique per type in each module.
  const { refused, tasks, exitCode } = check(t, {
    'a.tf': task(''),
    'b.tf': task('  options {}'),
    'c/main.tf': `${task('')}${task('  name = "again"')}`,
  });
  assert.equal(exitCode, 2);
  assert.match(refused['b.tf'], /^1:1 Duplicate resource "aws_datasync_task" configuration: aws_datasync_task\.t is already declared at .*a\.tf:1:1/);
  assert.match(refused['c/main.tf'], /^6:1 Duplicate resource "aws_datasync_task" configuration: aws_datasync_task\.t is already declared at .*main\.tf:1:1/);
  assert.deepEqual(tasks['aws_datasync_task.t'], []);
});

test('the same name in two resource types, or in a data source, is no duplicate', (t) => {
  const { refused, exitCode } = check(t, {
    'main.tf': `${task('')}resource "aws_datasync_location_s3" "t" {
  s3_bucket_arn = "arn:aws:s3:::b"
  subdirectory  = "/"
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/r"
  }
}
data "aws_datasync_task" "t" {
}
`,
  });
  assert.deepEqual(refused, {});
  assert.equal(exitCode, 0);
});

// ---------------------------------------------------------------------------
// 3. .tf.json keys that are one quoted string in an interpolation
// ---------------------------------------------------------------------------

const jsonTask = (tags) =>
  JSON.stringify({
    resource: {
      aws_datasync_task: {
        t: {
          source_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0',
          destination_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210',
          tags,
        },
      },
    },
  });

test('a .tf.json key "${\\"team\\"}" is the key "team": no pattern error, and the request tags Key "team"', (t) => {
  // terraform plan (revtf34 finding 3): `+ tags = { + "team" = "x" }`, Plan: 1 to add.
  const { root } = writeFolder(t, { 'main.tf.json': `${jsonTask({ '${"team"}': 'x' })}\n` });
  const report = json(['--defaults', root]);
  const [found] = report.files[0].tasks;
  assert.deepEqual(found.diagnostics, []);
  assert.deepEqual(found.defaults.Tags, [{ Key: 'team', Value: 'x' }]);
});

test('"${\\"team\\"}" beside "team" is a key written twice: Terraform rejects the file', (t) => {
  // terraform plan: Error: Duplicate object attribute ... An attribute named "team" was already defined at
  // case.tf.json:4,13-26.
  const { refused, exitCode } = check(t, { 'main.tf.json': `${jsonTask({ '${"team"}': 'x', team: 'y' })}\n` });
  assert.equal(exitCode, 2);
  assert.match(refused['main.tf.json'], /Duplicate object attribute: "team" is already defined at line 1, column \d+ \(Terraform rejects the file\)/);
});

// ---------------------------------------------------------------------------
// 4. task_mode = var.mode with a null default, in a plan
// ---------------------------------------------------------------------------

/**
 * The parts of `terraform show -json` (terraform 1.11.4, provider 5.100.0)
 * for a task created with `task_mode = <expression>` and `options {
 * log_level = "BASIC" }`, no log group: `after` and `after_unknown` as the
 * plan wrote them for `task_mode = var.mode` (var.mode: type string,
 * default null; the plan: `task_mode = (known after apply)`).
 */
function modePlan({ references = ['var.mode'], variables = { mode: { value: null } }, moduleAddress } = {}) {
  const options = { atime: 'BEST_EFFORT', bytes_per_second: -1, gid: 'INT_VALUE', log_level: 'BASIC', mtime: 'PRESERVE', object_tags: 'PRESERVE', overwrite_mode: 'ALWAYS', posix_permissions: 'PRESERVE', preserve_deleted_files: 'PRESERVE', preserve_devices: 'NONE', task_queueing: 'ENABLED', transfer_mode: 'CHANGED', uid: 'INT_VALUE', verify_mode: 'POINT_IN_TIME_CONSISTENT' };
  const source = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
  const destination = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';
  const resource = {
    address: `${moduleAddress ? `${moduleAddress}.` : ''}aws_datasync_task.t`,
    ...(moduleAddress && { module_address: moduleAddress }),
    mode: 'managed',
    type: 'aws_datasync_task',
    name: 't',
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['create'],
      before: null,
      after: { cloudwatch_log_group_arn: null, destination_location_arn: destination, excludes: [], includes: [], name: null, options: [options], schedule: [], source_location_arn: source, tags: null, task_report_config: [], timeouts: null },
      after_unknown: { arn: true, excludes: [], id: true, includes: [], options: [{ security_descriptor_copy_flags: true }], schedule: [], tags_all: true, task_mode: true, task_report_config: [] },
    },
  };
  const expressions = {
    destination_location_arn: { constant_value: destination },
    options: [{ log_level: { constant_value: 'BASIC' } }],
    source_location_arn: { constant_value: source },
    task_mode: { references },
  };
  const configured = { address: 'aws_datasync_task.t', mode: 'managed', type: 'aws_datasync_task', name: 't', provider_config_key: 'aws', expressions, schema_version: 0 };
  const root = moduleAddress
    ? { module_calls: { m: { source: './m', module: { resources: [configured], variables: { mode: { default: null } } } } } }
    : { resources: [configured], variables: { mode: { default: null }, other: { default: 'ENHANCED' } } };
  return { format_version: '1.2', terraform_version: '1.11.4', variables, resource_changes: [resource], configuration: { root_module: root } };
}
const planFindings = (t, plan) => {
  const { root } = writeFolder(t, { 'plan.json': JSON.stringify(plan) });
  const [found] = json([`${root}/plan.json`]).files[0].tasks;
  return [...found.diagnostics, ...found.notes].map((d) => `${d.code} ${d.attribute}`);
};

test('a plan: task_mode = var.mode, null in the plan, is unset: a Basic mode task, as its folder is', (t) => {
  // The provider sends no TaskMode (d.GetOk("task_mode") is false), so the task is Basic, and LogLevel BASIC
  // without a log group is logging/no-log-group, as the folder gives it.
  assert.deepEqual(planFindings(t, modePlan()), ['logging/no-log-group cloudwatch_log_group_arn']);
});

test('a plan: task_mode from a variable that is not null, from other references, or in a module, stays unknown', (t) => {
  // `task_mode = coalesce(var.mode, var.other)` is in the plan as "ENHANCED" (known); an unknown one with a
  // variable that is not null, or one that references more than variables, cannot be told from a null.
  const unknownMode = ['terraform/not-checked task_mode'];
  assert.deepEqual(planFindings(t, modePlan({ variables: { mode: { value: 'BASIC' } } })), unknownMode);
  assert.deepEqual(planFindings(t, modePlan({ references: ['var.mode', 'aws_s3_bucket.b.arn', 'aws_s3_bucket.b'] })), unknownMode);
  assert.deepEqual(planFindings(t, modePlan({ references: ['var.cfg.mode', 'var.cfg'], variables: { cfg: { value: { mode: null } } } })), unknownMode);
  // In a module the variable's value is the call's, which the plan's root `variables` do not hold.
  assert.deepEqual(planFindings(t, modePlan({ moduleAddress: 'module.m' })), unknownMode);
});

// ---------------------------------------------------------------------------
// 5. Indented (<<-) heredocs, with strip markers and directives
// ---------------------------------------------------------------------------

test('an indented (<<-) heredoc is dedented as Terraform dedents it: strip markers first, then the least indentation of the lines', (t) => {
  // terraform console 1.11.4 on each value (locals x = "X", c = true, l = ["p", "q"]):
  const cases = {
    // "a X\n    b\n": the first line is not indented, so nothing is (the command gave "X\nb\n" before).
    Mixed: ['<<-EOT\na ${local.x}\n    b\nEOT', 'a X\n    b\n'],
    // "a\n  \nb\n": a line of spaces only neither counts nor is dedented.
    Blank: ['<<-EOT\n    a\n  \n    b\n    EOT', 'a\n  \nb\n'],
    // "abc\n": flush lines with markers, as in a plain heredoc.
    Flush: ['<<-EOT\na\n%{~ if local.c ~}\nb\n%{~ endif ~}\nc\nEOT', 'abc\n'],
    // "    a\n    b\n    c\n": `%{~` strips the spaces before it, and that line then starts unindented.
    Marked: ['<<-EOT\n    a\n    %{~ if local.c ~}\n    b\n    %{~ endif ~}\n    c\n    EOT', '    a\n    b\n    c\n'],
    // "xX    y\nz\n": `~}` strips the next line's start, which then starts no line of its own.
    Joined: ['<<-EOT\n      x ${~ local.x ~}   \n    y\n      z\n    EOT', 'xX    y\nz\n'],
    // "\n  p\n\n  q\n\n": inside a directive too.
    Looped: ['<<-EOT\n    %{ for v in local.l }\n      ${v}\n    %{ endfor }\n  EOT', '\n  p\n\n  q\n\n'],
  };
  const tags = Object.entries(cases)
    .map(([key, [source]]) => `    ${key} = ${source}\n`)
    .join('');
  const { root } = writeFolder(t, {
    'main.tf': `locals {\n  x = "X"\n  c = true\n  l = ["p", "q"]\n}\n${task(`  tags = {\n${tags}  }`)}`,
  });
  const [found] = json(['--defaults', root]).files[0].tasks;
  assert.deepEqual(found.notes, []);
  assert.deepEqual(
    Object.fromEntries(found.defaults.Tags.map(({ Key, Value }) => [Key, Value])),
    Object.fromEntries(Object.entries(cases).map(([key, [, value]]) => [key, value])),
  );
});

// ---------------------------------------------------------------------------
// 6. regex() and regexall() of literal patterns
// ---------------------------------------------------------------------------

test('regex() and regexall() of a literal pattern (with ^ and $) are computed; other patterns stay unknown, never a guess', () => {
  const { value } = terraformValues({ errors: true });
  // terraform console 1.11.4 on each:
  const cases = [
    ['regex("^arn:aws:s3:::", "arn:aws:s3:::b")', 'arn:aws:s3:::'],
    ['regex("s3", "arn:aws:s3:::b")', 's3'],
    ['regex("\\\\.", "a.b")', '.'], // a backslash before punctuation is that character
    ['regex("\\\\_", "a_b")', '_'],
    ['regex("é", "café")', 'é'],
    ['regex("", "x")', ''],
    ['regex("^$", "")', ''],
    ['regex("^ab$", "ab")', 'ab'],
    ['regex(5, "15")', '5'],
    ['regex("z", "banana")', ERROR], // "pattern did not match any part of the given string"
    ['regex("a$", "banana\\n")', ERROR], // RE2's $ is the text's end, not before a last newline
    ['regex(null, "x")', ERROR], // argument must not be null
    ['try(regex("z", "a"), "none")', 'none'],
    ['can(regex("^cron\\\\(", "cron(0 1 * * ? *)"))', true],
    ['regexall("a", "banana")', ['a', 'a', 'a']],
    ['regexall("ana", "banana")', ['ana']], // matches do not overlap
    ['regexall("aa", "aaaa")', ['aa', 'aa']],
    ['regexall("^a", "aa")', ['a']],
    ['regexall("a$", "aa")', ['a']],
    ['regexall("z", "banana")', []],
    // Not computed here: classes, quantifiers, groups, `.`, and regexall()'s empty matches.
    ['regex("a.", "ab")', UNKNOWN],
    ['regex("^arn:aws:s3:::(.*)$", "arn:aws:s3:::b")', UNKNOWN],
    ['regex("\\\\d+", "a1")', UNKNOWN],
    ['regexall("", "ab")', UNKNOWN],
  ];
  for (const [source, expected] of cases) assert.deepEqual(value(source), expected, source);
});
