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
import { join } from 'node:path';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, SOURCE, DESTINATION, terraformTask, writeFolder } from './helpers.mjs';
import { checkTerraform } from './helpers/terraform-value.mjs';

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

// terraform plan:
//   module.x[0].aws_datasync_task.t     schedule_expression "rate(5 minutes)"
//   module.x[1].aws_datasync_task.t     schedule_expression "rate(2 hours)"
//   module.y["a"].aws_datasync_task.t   schedule_expression "rate(1 days)"
//   module.y["b"].aws_datasync_task.t   schedule_expression "rate(3 hours)"
// Before: one task each, module.x.aws_datasync_task.t and module.y.…, with
// var.sched "not known before apply" (count.index and each.value unknown).
test('a module called with count or for_each makes one instance each: its arguments with count.index or each.key and each.value', (t) => {
  const { tasks } = check(t, {
    'main.tf': `module "x" {
  source = "./mod"
  count  = 2
  sched  = count.index == 0 ? "rate(5 minutes)" : "rate(2 hours)"
}
module "y" {
  source   = "./mod"
  for_each = { b = "rate(3 hours)", a = "rate(1 days)" }
  sched    = each.value
}
`,
    'mod/main.tf': moduleWithSchedule,
  });
  assert.deepEqual(Object.keys(tasks), ['module.x[0].aws_datasync_task.t', 'module.x[1].aws_datasync_task.t', 'module.y["a"].aws_datasync_task.t', 'module.y["b"].aws_datasync_task.t']);
  assert.deepEqual(tasks['module.x[0].aws_datasync_task.t'].findings, ['schedule/too-frequent schedule.schedule_expression 8']);
  assert.deepEqual(tasks['module.x[1].aws_datasync_task.t'].findings, []);
  assert.deepEqual(tasks['module.y["a"].aws_datasync_task.t'].findings, ['schedule/rate-unit-singular-plural schedule.schedule_expression 8']);
  assert.deepEqual(tasks['module.y["b"].aws_datasync_task.t'].request.Schedule, { ScheduleExpression: 'rate(3 hours)', Status: 'ENABLED' });
  // The findings are the module file's (where the task is written).
  assert.equal(tasks['module.x[0].aws_datasync_task.t'].file, 'mod/main.tf');
});

// terraform plan (outer: count = 2, first = count.index; inner: for_each =
// toset(["p", "q"]); the task itself count = 1):
//   module.o[0].module.i["p"].aws_datasync_task.t[0]  "rate(5 minutes)"
//   module.o[0].module.i["q"].aws_datasync_task.t[0]  "rate(2 hours)"
//   module.o[1].module.i["p"].aws_datasync_task.t[0]  "rate(2 hours)"
//   module.o[1].module.i["q"].aws_datasync_task.t[0]  "rate(2 hours)"
test('nested module calls: each level expands, the address names every instance key as terraform plan does', (t) => {
  const { tasks } = check(t, {
    'main.tf': 'module "o" {\n  source = "./outer"\n  count  = 2\n  first  = count.index\n}\n',
    'outer/main.tf': `variable "first" {
  type = number
}
module "i" {
  source   = "../inner"
  for_each = toset(["p", "q"])
  sched    = var.first == 0 && each.key == "p" ? "rate(5 minutes)" : "rate(2 hours)"
}
`,
    'inner/main.tf': `variable "sched" {\n  type = string\n}\n${task('  count = 1\n  schedule {\n    schedule_expression = var.sched\n  }')}`,
  });
  assert.deepEqual(
    Object.fromEntries(Object.entries(tasks).map(([address, { findings }]) => [address, findings])),
    {
      'module.o[0].module.i["p"].aws_datasync_task.t[0]': ['schedule/too-frequent schedule.schedule_expression 9'],
      'module.o[0].module.i["q"].aws_datasync_task.t[0]': [],
      'module.o[1].module.i["p"].aws_datasync_task.t[0]': [],
      'module.o[1].module.i["q"].aws_datasync_task.t[0]': [],
    },
  );
});

// terraform plan: module.x[0].aws_datasync_location_s3.dst s3_storage_class
// "STANDARD", module.x[1].… "DEEP_ARCHIVE"; each instance's task points at
// its own instance's location.
test("a location in a module instance is that instance's: read with its own arguments", (t) => {
  const { tasks } = check(t, {
    'main.tf': 'module "x" {\n  source = "./mod"\n  count  = 2\n  class  = count.index == 0 ? "STANDARD" : "DEEP_ARCHIVE"\n}\n',
    'mod/main.tf': `variable "class" {
  type = string
}
resource "aws_datasync_location_s3" "dst" {
  s3_bucket_arn    = "arn:aws:s3:::archive-bucket"
  subdirectory     = "/copies"
  s3_storage_class = var.class
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync"
  }
}
resource "aws_datasync_task" "t" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = aws_datasync_location_s3.dst.arn
  options {
    verify_mode = "POINT_IN_TIME_CONSISTENT"
  }
}
`,
  });
  const [first, second] = ['module.x[0].aws_datasync_task.t', 'module.x[1].aws_datasync_task.t'].map((address) => tasks[address]);
  assert.deepEqual(first.findings, []);
  assert.deepEqual(second.findings, ['locations/archive-point-in-time options.verify_mode 16']);
  assert.deepEqual(
    [first, second].map(({ locations }) => locations.map(([resource, d]) => [resource, d.S3StorageClass])),
    [[['module.x[0].aws_datasync_location_s3.dst', 'STANDARD']], [['module.x[1].aws_datasync_location_s3.dst', 'DEEP_ARCHIVE']]],
  );
});

// A count or for_each not known here (a variable without a value), or
// larger than this command expands, is one instance for all: its arguments
// from count.index or each are not known (notes), and one note on the call
// says so. Nothing is guessed, and the work is bounded however large the
// count (10^6 here, and 64 x 64 nested instances).
test('a count or for_each not known, or past the bounds: one instance for all, one note on the call, no hang', (t) => {
  const { tasks, notes } = check(t, {
    'main.tf': `variable "n" {
  type = number
}
module "unknown" {
  source = "./mod"
  count  = var.n
  sched  = count.index == 0 ? "rate(5 minutes)" : "rate(2 hours)"
}
module "huge" {
  source = "./mod"
  count  = 1000000
  sched  = "rate(\${count.index + 1} hours)"
}
module "wide" {
  source = "./wide"
  count  = 64
}
`,
    'mod/main.tf': moduleWithSchedule,
    'wide/main.tf': 'module "deep" {\n  source = "../mod"\n  count  = 64\n  sched  = "rate(${count.index + 1} hours)"\n}\n',
  });
  assert.deepEqual(tasks['module.unknown.aws_datasync_task.t'].findings, ['terraform/not-checked schedule.schedule_expression 8']);
  assert.deepEqual(tasks['module.huge.aws_datasync_task.t'].findings, ['terraform/not-checked schedule.schedule_expression 8']);
  assert.ok(notes.includes('main.tf:6 Every instance of module "unknown" that count makes is checked as one; values from count.index are not checked.'), notes.join('\n'));
  assert.ok(notes.includes('main.tf:11 Every instance of module "huge" that count makes is checked as one; values from count.index are not checked.'), notes.join('\n'));
  // module.wide's 64 instances are expanded; their 64 x 64 inner ones would pass the 256 module instances this command checks.
  const wide = Object.keys(tasks).filter((address) => address.startsWith('module.wide['));
  assert.ok(wide.length > 0 && wide.length <= 256, `${wide.length} tasks`);
  assert.ok(notes.includes('wide/main.tf:3 Every instance of module "deep" that count makes is checked as one; values from count.index are not checked.'), notes.join('\n'));
  assert.equal(notes.filter((n) => n.startsWith('wide/main.tf:3')).length, 1, 'the note once, not once per instance of its caller');
});

// terraform plan (module "m" { source = "./mod"; for_each = X }, the same for
// a resource's own for_each):
//   ["a"], [], tolist(["a"])  Error: Invalid for_each argument ... must be a map, or set of
//                             strings, and you have provided a value of type tuple (list of string)
//   null                      Error: Invalid for_each argument ... the given "for_each" argument
//                             value is null. A map, or set of strings is allowed.
//   "str"                     Error: Invalid for_each argument ... of type string
//   toset([]), {}             no instance, no error (a note, as for count = 0)
//   toset(["a", 1])           module.m["1"], module.m["a"] (the elements become strings)
//   count = -1 (module)       Error: Invalid count argument ... must be greater than or equal to zero
//   count = null, 1.5         Error: Invalid count argument ... is null / must be a whole number
// Before: a resource's list for_each was a note, and a module call's list,
// null or string for_each was passed over in silence (or its tasks checked
// as one instance).
test('a for_each or count Terraform rejects is an error where it is written, of a resource or of the module call its task is in', (t) => {
  const call = (name, forEach) => `module "${name}" {\n  source   = "./mod"\n  for_each = ${forEach}\n}\n`;
  const { tasks, summary } = check(t, {
    'main.tf': [
      'variable "paths" {\n  type    = list(string)\n  default = ["a"]\n}\n',
      call('tuple', '["a", "b"]'),
      call('list', 'var.paths'),
      call('empty', '[]'),
      call('null', 'null'),
      call('text', '"a"'),
      call('empty_set', 'toset([])'),
      call('mixed', 'toset(["a", 1])'),
      'module "negative" {\n  source = "./mod"\n  count  = -1\n}\n',
      task('  for_each = ["x"]', 'own'),
      task('  count = null', 'no_count'),
    ].join(''),
    'mod/main.tf': task('  name = "copy"'),
  });
  const errors = Object.fromEntries(Object.entries(tasks).map(([address, { findings, file }]) => [address, `${file} ${findings.join(', ')}`]));
  assert.deepEqual(errors, {
    'module.tuple.aws_datasync_task.t': 'main.tf terraform/invalid-for-each for_each 7',
    'module.list.aws_datasync_task.t': 'main.tf terraform/invalid-for-each for_each 11',
    'module.empty.aws_datasync_task.t': 'main.tf terraform/invalid-for-each for_each 15',
    'module.null.aws_datasync_task.t': 'main.tf terraform/invalid-for-each for_each 19',
    'module.text.aws_datasync_task.t': 'main.tf terraform/invalid-for-each for_each 23',
    'module.empty_set.aws_datasync_task.t': 'main.tf terraform/not-checked for_each 27',
    'module.negative.aws_datasync_task.t': 'main.tf terraform/invalid-count count 35',
    'aws_datasync_task.own': 'main.tf terraform/invalid-for-each for_each 40',
    'aws_datasync_task.no_count': 'main.tf terraform/invalid-count count 45',
    'module.mixed["1"].aws_datasync_task.t': 'mod/main.tf ',
    'module.mixed["a"].aws_datasync_task.t': 'mod/main.tf ',
  });
  assert.equal(summary.errors, 8);
  assert.deepEqual(tasks['module.tuple.aws_datasync_task.t'].messages, [
    'Invalid for_each argument of module "tuple": for_each is a tuple, which Terraform rejects (it takes a map, or a set of strings: toset() makes one of a list), so module.tuple.aws_datasync_task.t creates no task.',
  ]);
  assert.match(tasks['module.list.aws_datasync_task.t'].messages[0], /for_each is a list, which Terraform rejects/);
  assert.match(tasks['module.null.aws_datasync_task.t'].messages[0], /for_each is null, which Terraform rejects \(it takes a map, or a set of strings\)/);
  assert.deepEqual(tasks['aws_datasync_task.own'].messages, [
    'Invalid for_each argument: for_each is a tuple, which Terraform rejects (it takes a map, or a set of strings: toset() makes one of a list), so aws_datasync_task.own creates no task.',
  ]);
  assert.deepEqual(tasks['module.negative.aws_datasync_task.t'].messages, [
    'Invalid count argument of module "negative": count is -1, which Terraform rejects (it takes a whole number of 0 or more), so module.negative.aws_datasync_task.t creates no task.',
  ]);
});

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

// terraform plan: no resource at all (module "x" count = var.on ? 1 : 0 with
// on = false, module "y" for_each = {}). Before: the called folder, reached
// by no instance, was checked as a root of its own with its variables'
// defaults: a false value/not-in-enum on aws_datasync_task.t from the
// default "BOGUS" that every call overrides (realmore2 finding 2).
test('a module call that makes no instance (count 0, an empty for_each): its tasks create none, one note each, never checked as a root', (t) => {
  const { tasks, summary } = check(t, {
    'main.tf': 'variable "on" {\n  default = false\n}\nmodule "x" {\n  source = "./m"\n  count  = var.on ? 1 : 0\n  verify = "NONE"\n}\nmodule "y" {\n  source   = "./m"\n  for_each = {}\n  verify   = "NONE"\n}\n',
    'm/main.tf': `variable "verify" {\n  default = "BOGUS"\n}\n${task('  options {\n    verify_mode = var.verify\n  }')}`,
  });
  assert.deepEqual(
    Object.fromEntries(Object.entries(tasks).map(([address, { file, messages }]) => [address, `${file} ${messages.join(' ')}`])),
    {
      'module.x.aws_datasync_task.t': 'main.tf Not checked: the count of module "x" is 0, so module.x.aws_datasync_task.t creates no task.',
      'module.y.aws_datasync_task.t': 'main.tf Not checked: the for_each of module "y" is empty, so module.y.aws_datasync_task.t creates no task.',
    },
  );
  assert.equal(summary.errors, 0);
});

test('one check has one budget of work for all module and resource instances: past it, values are unknown with a note', async (t) => {
  // 3 module instances x count 4 = 12 task instances, each of whose names alone spends a whole
  // evaluation's budget (a for within a for over 1,024 x 1,024 numbers): 12 x 1,000,000 steps
  // before, more than the check's 10,000,000. Terraform itself computes it (the name is "t-1048576").
  const { root } = writeFolder(t, {
    'main.tf': 'module "a" {\n  source   = "./mod"\n  for_each = toset(["x", "y", "z"])\n}\n',
    'mod/main.tf': `resource "aws_datasync_task" "t" {
  count                    = 4
  name                     = "t-\${length([for i in range(1024) : [for j in range(1024) : count.index]])}"
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
}
`,
  });
  const { reports, extra, steps: taken } = checkTerraform([{ path: join(root, 'main.tf'), name: 'main.tf' }]);
  const { steps, limit, perEvaluation } = taken;
  assert.equal(limit, 10_000_000);
  assert.ok(steps <= limit + perEvaluation, `${steps} steps`); // the last evaluation may overrun its own budget by a step
  const tasks = [...reports.values(), ...extra].flatMap((r) => r.tasks);
  assert.equal(tasks.length, 12);
  // No finding from the cut: each value is unknown, with a note. While the check's budget lasts,
  // a name is too large to evaluate; past it, nothing of the instance is evaluated.
  for (const found of tasks) assert.deepEqual(found.diagnostics, [], found.logicalId);
  const SPENT = /which is not evaluated here: this check's budget of 10,000,000 steps \(for all module and resource instances\) is spent\.$/;
  const TOO_LARGE = /which is too large to evaluate here \(more than 1,000,000 steps\)\.$/;
  const notes = tasks.map((found) => found.notes.map((n) => `${n.attribute ?? n.path}: ${SPENT.test(n.message) ? 'spent' : TOO_LARGE.test(n.message) ? 'too large' : n.message}`).join('; '));
  const first = notes.filter((n) => n === 'name: too large');
  assert.ok(first.length >= 9 && first.length <= 10, JSON.stringify(notes)); // 9 or 10 whole budgets, then
  assert.ok(notes.slice(first.length).every((n) => /spent/.test(n) && !/too large/.test(n)), JSON.stringify(notes));
  // The next check has a budget of its own.
  const alone = checkTerraform([{ path: join(root, 'mod', 'main.tf'), name: 'mod/main.tf' }]);
  const its = alone.reports.get('mod/main.tf').tasks.flatMap((found) => found.notes.map((n) => n.message));
  assert.equal(its.length, 4);
  for (const message of its) assert.match(message, TOO_LARGE);
});

test('each task instance costs the check budget too: past about 10,000, a count is checked as one, with a note', async (t) => {
  // 64 instances of "a" with a task of count 64 (4,096), and in each two of "b" with one more (8,192):
  // 12,288 task instances in terraform plan, each cheap to evaluate. Before, all were checked one by one.
  const counted = `resource "aws_datasync_task" "t" {
  count                    = 64
  name                     = "t-\${count.index}"
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
}
`;
  const { root } = writeFolder(t, {
    'main.tf': 'module "a" {\n  source   = "./mod"\n  for_each = toset([for i in range(64) : tostring(i)])\n}\n',
    'mod/main.tf': `${counted}module "b" {\n  source   = "./sub"\n  for_each = toset(["p", "q"])\n}\n`,
    'mod/sub/main.tf': counted,
  });
  const { reports, extra, steps: taken } = checkTerraform([{ path: join(root, 'main.tf'), name: 'main.tf' }]);
  const tasks = [...reports.values(), ...extra].flatMap((r) => r.tasks);
  const { steps, limit } = taken;
  assert.ok(steps < limit + 100_000, `${steps} steps`);
  // At most 10,000 instances while the budget lasts (and the rest of the count being checked then), then one per resource.
  assert.ok(tasks.length <= 10_000 + 64 + 128, `${tasks.length} tasks`);
  for (const found of tasks) assert.deepEqual(found.diagnostics, [], found.logicalId);
  const messages = tasks.flatMap((found) => found.notes.map((n) => n.message));
  assert.ok(messages.some((m) => /this check's budget of 10,000,000 steps \(for all module and resource instances\) is spent\.$/.test(m)));
  assert.ok(messages.some((m) => /Every instance that count makes is checked as one/.test(m)));
});

test("an optional() default is evaluated within its variable's budget: the conversion is charged in full, the default's steps on top", async (t) => {
  // The module converts `big` (100 x 100 numbers, unified one by one as list(any) asks) before it
  // reaches `a`. terraform console 1.11.4, with the type and a small value: var.v.a is 7 (the default).
  // Before, the default started a budget of its own: the conversion's steps before it were never
  // charged to the check (1,427 steps in all, against 11,420 with no default to evaluate).
  const folder = (a) => ({
    'main.tf': `locals {
  row = [for j in range(100) : j]
}
module "m" {
  source = "./mod"
  v      = { big = [for i in range(100) : local.row], more = [[1]] }
}
`,
    'mod/main.tf': `variable "v" {
  type = object({
    big  = list(list(any))
    a    = ${a}
    more = list(list(any))
  })
}
resource "aws_datasync_task" "t" {
  name                     = "n-\${length(var.v.more)}"
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
}
`,
  });
  const steps = (a) => {
    const { root } = writeFolder(t, folder(a));
    const { reports, extra, steps: taken } = checkTerraform([{ path: join(root, 'main.tf'), name: 'main.tf' }]);
    const tasks = [...reports.values(), ...extra].flatMap((r) => r.tasks);
    assert.deepEqual(tasks.map((found) => [...found.diagnostics, ...found.notes]), [[]]);
    return taken.steps;
  };
  const without = steps('optional(number)');
  const withDefault = steps('optional(number, 7)');
  assert.ok(without > 10_000, `${without} steps`); // the conversion of big is counted
  assert.ok(withDefault >= without && withDefault <= without + 10, `${withDefault} steps with the default, ${without} without`);
});

test("converting a variable to its type costs a step per value: one whose parts are shared (small to evaluate, large to walk) is too large, with a note", async (t) => {
  // local.cube is 2 x 1,000 x 1,000 strings built in about 5,000 steps (each list holds the one
  // before it many times over). Before, list(list(list(string))) walked all 2,000,000 without a step,
  // and a few more levels made it a hang (100 x 1,000 x 1,000: seconds; each level 1,000 times more).
  // Terraform computes the name ("n-2"); here the value is past the budget, so it is unknown.
  const { root } = writeFolder(t, {
    'main.tf': `locals {
  row  = [for j in range(1000) : "x"]
  rows = [for i in range(1000) : local.row]
  cube = [for k in range(2) : local.rows]
}
module "m" {
  source = "./mod"
  v      = local.cube
}
`,
    'mod/main.tf': `variable "v" {
  type = list(list(list(string)))
}
resource "aws_datasync_task" "t" {
  name                     = "n-\${length(var.v)}"
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
}
`,
  });
  const { reports, extra, steps } = checkTerraform([{ path: join(root, 'main.tf'), name: 'main.tf' }]);
  const tasks = [...reports.values(), ...extra].flatMap((r) => r.tasks);
  assert.equal(tasks.length, 1);
  assert.deepEqual(tasks[0].diagnostics, []);
  assert.deepEqual(
    tasks[0].notes.map((n) => n.message),
    ['Not checked: name comes from "n-${length(var.v)}", which uses var.v, which comes from module "m" in main.tf:8:3, whose value is too large to convert here.'],
  );
  assert.ok(steps.steps > steps.perEvaluation && steps.steps < steps.perEvaluation + 20_000, `${steps.steps} steps`);
});
