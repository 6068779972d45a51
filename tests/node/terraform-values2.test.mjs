// More Terraform values the command computes (session 34): the conversion
// and collection functions DataSync modules use near a task's arguments
// (tostring(), tonumber(), tobool(), sort(), distinct(), flatten(), slice(),
// values(), zipmap(), one(), compact(), can(), trimprefix(), trimsuffix(),
// startswith(), endswith()), numbers past float64, repeated keys and type
// strings in .tf.json, and heredoc strip markers. Every value the command
// computes must be the one `TF_CLI_CONFIG_FILE=/dev/null terraform console`
// (v1.11.4) prints, quoted in the comments; an error in Terraform is an error
// here too (try() takes the next argument, can() is false), and a value not
// computed exactly is unknown (no finding), never a guess.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, runCommand, SOURCE, terraformTask, writeFolder } from './helpers.mjs';
import { checkTerraform, ERROR, evaluate, readNative, scopeWith, terraformValues, Unresolved, UNKNOWN } from './helpers/terraform-value.mjs';

// ERROR for an error in Terraform, UNKNOWN for a value not known here.
const { value, expectAll } = terraformValues({ errors: true });

// ---------------------------------------------------------------------------
// 1. Functions
// ---------------------------------------------------------------------------

test('tostring(), tonumber() and tobool() convert as the console does; null stays null; what Terraform cannot convert is an error', () => {
  expectAll([
    ['tostring(5)', '5'], // console: "5"
    ['tostring(1.5)', '1.5'],
    ['tostring(1e21)', '1000000000000000000000'], // console: "1000000000000000000000"
    ['tostring(true)', 'true'],
    ['tostring("a")', 'a'],
    ['tostring(null)', null], // console: tostring(null)
    ['tostring([1])', ERROR], // console: cannot convert tuple to string
    ['tostring({})', ERROR],
    ['tonumber("5")', '5'],
    ['tonumber("1.5e3")', '1500'],
    ['tonumber("5.")', '5'], // console: 5
    ['tonumber("007")', '7'],
    ['tonumber(5)', '5'],
    ['tonumber(null)', null],
    ['tonumber(" 5")', ERROR], // console: cannot convert " 5" to number
    ['tonumber("0x10")', ERROR],
    ['tonumber("1_000")', ERROR],
    ['tonumber("")', ERROR],
    ['tonumber("1e")', ERROR],
    ['tonumber(".")', ERROR],
    ['tonumber("abc")', ERROR],
    ['tonumber(true)', ERROR], // console: cannot convert bool to number
    ['tonumber([])', ERROR],
    ['tonumber("inf")', UNKNOWN], // console: +Inf (Go reads it); this command has no infinity
    ['tonumber("1e400")', UNKNOWN], // console: 1 and 400 zeros; not read exactly here (Go's rounding of 10^400)
    ['tonumber("-0")', UNKNOWN], // console: -0, Terraform's negative zero
    ['tobool("true")', true],
    ['tobool("1")', true], // console: true
    ['tobool("0")', false],
    ['tobool(false)', false],
    ['tobool(null)', null],
    ['tobool("True")', ERROR], // console: only the strings "true" or "false" are allowed
    ['tobool("yes")', ERROR],
    ['tobool(1)', ERROR], // console: cannot convert number to bool
    ['tostring(1, 2)', UNKNOWN], // an error in Terraform (one argument)
  ]);
});

test('can() is true for a value, false for an error in Terraform, unknown for a value not known', () => {
  expectAll([
    ['can(1)', true],
    ['can(tonumber("5"))', true],
    ['can(tonumber("x"))', false], // console: false
    ['can(range(1, 1, 0))', true], // console: true
    ['can(lookup({}, "a"))', false],
    ['can({a = 1}.b)', false], // console: false
    ['can(["a"][1])', false],
    ['can(aws_s3_bucket.b.id)', UNKNOWN],
    ['can({a = aws_s3_bucket.b.id})', UNKNOWN],
    ['can("a" + 1)', UNKNOWN], // console: false; this command does not mark that error
    ['try(tonumber("x"), 7)', '7'],
    ['try(length(null), 0)', '0'], // console: 0 (length(null) is an error)
  ]);
});

test('sort() and compact() take a list of strings (numbers and bools as strings) and give a list(string)', () => {
  expectAll([
    ['sort(["b", "a", "c"])', ['a', 'b', 'c']],
    ['sort(["b", 1, "a"])', ['1', 'a', 'b']], // console: tolist(["1", "a", "b"])
    ['sort([3, 10, 2])', ['10', '2', '3']], // console: strings, in byte order
    ['sort(["B", "a", "é", "e"])', ['B', 'a', 'e', 'é']],
    ['sort(["10", "9", "1.5"])', ['1.5', '10', '9']],
    ['sort([true, "a"])', ['a', 'true']],
    ['sort(toset(["b", "a"]))', ['a', 'b']],
    ['sort([])', []],
    ['sort(["b", null])', ERROR], // console: a null string cannot be sorted
    ['sort([[1]])', ERROR], // console: element 0: string required
    ['sort(null)', ERROR],
    ['sort(["a", aws_s3_bucket.b.id])', UNKNOWN],
    ['sort(["b", "a"])[0]', 'a'],
    ['compact(["a", "", "b", null])', ['a', 'b']], // console: tolist(["a", "b"])
    ['compact(["a", 1, true])', ['a', '1', 'true']],
    ['compact(toset(["", "b", "a"]))', ['a', 'b']],
    ['compact([null])', []],
    ['compact(["a", ["b"]])', ERROR], // console: element 1: string required
    ['compact(["a", aws_s3_bucket.b.id])', UNKNOWN], // it may be "" after apply
  ]);
});

test('distinct() converts to a list first and keeps the first of equal elements', () => {
  expectAll([
    ['distinct(["b", "a", "b", "c"])', ['b', 'a', 'c']], // console: tolist(["b", "a", "c"])
    ['distinct([1, "1"])', ['1']], // console: tolist(["1"])
    ['distinct([1, 2.0, 1])', ['1', '2']],
    ['distinct(["a", 1, true])', ['a', '1', 'true']],
    ['distinct(["a", null, null])', ['a', null]],
    ['distinct([[1], [1]])', [['1']]],
    ['distinct([{a = 1}, {a = 1}, {a = "1"}])', [{ a: '1' }]], // console: tolist([{ a = "1" }])
    ['distinct(toset(["a"]))', ['a']],
    ['distinct([])', []],
    ['distinct(["a", aws_s3_bucket.b.id])', UNKNOWN],
  ]);
});

test('flatten() flattens lists, sets and tuples depth first; null and maps stay elements; an unknown element makes it unknown', () => {
  expectAll([
    ['flatten([["a"], ["b", ["c"]]])', ['a', 'b', 'c']],
    ['flatten([["a", 1], [true]])', ['a', '1', true]], // console: a tuple, not converted
    ['flatten([[["a"]], []])', ['a']],
    ['flatten([null, ["a"]])', [null, 'a']], // console: [null, "a"]
    ['flatten([{a = 1}, [{b = 2}]])', [{ a: '1' }, { b: '2' }]],
    ['flatten([toset(["b", "a"]), ["c"]])', ['a', 'b', 'c']],
    ['flatten(tolist([["a"], ["b"]]))', ['a', 'b']],
    ['flatten([])', []],
    ['flatten(["a"])', ['a']],
    ['flatten({a = 1})', ERROR], // console: can only flatten lists, sets and tuples
    ['flatten(null)', ERROR],
    ['flatten([["a"], [aws_s3_bucket.b.id]])', UNKNOWN], // may be a list after apply
    ['flatten([["a"], ["b"]])[1]', 'b'],
  ]);
});

test('slice(), values(), zipmap() and one() as the console gives them', () => {
  expectAll([
    ['slice(["a", "b", "c"], 1, 2)', ['b']],
    ['slice(["a", "b", "c"], 1, 1)', []],
    ['slice(["a", 1], 0, 2)', ['a', '1']],
    ['slice(["a", "b"], "1", 2)', ['b']],
    ['slice(tolist(["a", "b"]), 0, 1)', ['a']],
    ['slice(["a", "b", "c"], 2, 1)', ERROR], // console: start index must not be greater than end index
    ['slice(["a", "b", "c"], 0, 4)', ERROR],
    ['slice(["a", "b"], -1, 2)', ERROR],
    ['slice(toset(["a", "b"]), 0, 1)', ERROR], // console: cannot slice a set
    ['slice(["a", "b"], 0.5, 2)', UNKNOWN], // console: an error (not a whole number); not marked here
    ['values({b = 1, a = 2})', ['2', '1']], // console: [2, 1] (by key)
    ['values({a = [1], b = "x"})', [['1'], 'x']],
    ['values(tomap({b = "x", a = "y"}))', ['y', 'x']],
    ['values({})', []],
    ['values(["a"])', ERROR],
    ['zipmap(["b", "a"], ["x", "y"])', { a: 'y', b: 'x' }],
    ['zipmap(["a", "a"], [1, 2])', { a: '2' }], // console: { a = 2 }
    ['zipmap([1, 2], ["a", "b"])', { 1: 'a', 2: 'b' }],
    ['zipmap(toset(["b", "a"]), ["x", "y"])', { a: 'x', b: 'y' }], // the set in its order
    ['zipmap([], [])', {}],
    ['zipmap(["a"], [1, 2])', ERROR], // console: number of keys (1) does not match number of values (2)
    ['zipmap(["a", null], [1, 2])', ERROR],
    ['one([])', null],
    ['one(["a"])', 'a'],
    ['one([null])', null],
    ['one(toset(["x"]))', 'x'],
    ['one([{a = 1}])', { a: '1' }],
    ['one(["a", "b"])', ERROR], // console: must be a list, set, or tuple value with either zero or one elements
    ['one({a = 1})', ERROR],
    ['one(null)', ERROR],
  ]);
  // zipmap()'s keys come out in Terraform's order, whatever the order of the list.
  assert.deepEqual(Object.keys(value('zipmap(["b", "a"], ["x", "y"])')), ['a', 'b']);
});

test('trimprefix(), trimsuffix(), startswith() and endswith() compare whole characters of NFC text', () => {
  expectAll([
    ['trimprefix("abc", "a")', 'bc'],
    ['trimprefix("aab", "a")', 'ab'], // once
    ['trimprefix("abc", "x")', 'abc'],
    ['trimprefix("abc", "")', 'abc'],
    ['trimprefix("e\\u0301x", "e")', 'éx'], // console: "éx" (the literal is NFC first)
    ['trimsuffix("abcc", "c")', 'abc'],
    ['trimsuffix("abc", "")', 'abc'],
    ['startswith("abc", "ab")', true],
    ['startswith("abc", "")', true],
    ['startswith("abc", "abcd")', false],
    ['startswith("\\u00e9", "e")', false],
    ['startswith(1, "1")', true], // console: true
    ['endswith("abc", "bc")', true],
    ['endswith("", "")', true],
    ['startswith("a", null)', ERROR], // console: argument must not be null
  ]);
});

test('tolist(), tomap() and toset() of null are null; length() and keys() of what has no length are errors', () => {
  expectAll([
    ['tolist(null)', null], // console: tolist(null) /* of dynamic */
    ['tomap(null)', null],
    ['toset(null)', null],
    ['length(null)', ERROR], // console: argument must not be null
    ['length(5)', ERROR], // console: argument must be a string, a collection type, or a structural type
    ['keys(null)', ERROR],
    ['keys(["a"])', ERROR], // console: must have map or object type
    ['length(toset(["a", "b"]))', '2'],
  ]);
});

/** The reason an expression is unknown, or its value when it is known. */
function reason(source, scope) {
  const out = evaluate(readNative(`x = ${source}\n`).body[0].value, scope);
  return out instanceof Unresolved ? out.reason : out;
}

test('the new functions spend steps: sort() of 100,000 items runs out of the budget (n log n), of 20,000 does not; deep nesting is no stack overflow', () => {
  const list = (n) => `[${Array.from({ length: n }, (_, i) => `"${(i * 7919) % n}"`).join(', ')}]`;
  const scope = scopeWith(`big = ${list(100_000)}\nmid = ${list(20_000)}\nsmall = [1, 2, 3]\nfive = [1, 2, 3, 4, 5]`);
  const TOO_LARGE = /too large to evaluate here/;
  assert.match(reason('sort(local.big)', scope), TOO_LARGE);
  assert.equal(value('length(sort(local.mid))', scope), '20000');
  assert.equal(value('sort(local.mid)[0]', scope), '0');
  assert.equal(value('length(distinct(local.big))', scope), '100000');
  assert.match(reason('[for x in local.five : sort(local.mid)]', scope), TOO_LARGE);
  assert.equal(value('length(flatten([for x in local.small : local.mid]))', scope), '60000');
  assert.match(reason('flatten([for x in local.small : [for y in local.small : local.big]])', scope), TOO_LARGE);
  // Nested lists as deep as the reader takes, flattened without recursion.
  const deep = `${'['.repeat(60)}"x"${']'.repeat(60)}`;
  assert.deepEqual(value(`flatten(${deep})`), ['x']);
  // The next evaluation has a budget of its own.
  assert.deepEqual(value('sort(["b", "a"])', scope), ['a', 'b']);
});

test('through the command: a task argument made with sort(), distinct() and tonumber() is checked', (t) => {
  const { root } = writeFolder(t, {
    'main.tf': `variable "patterns" {
  default = ["/b", "/a", "/b"]
}
${terraformTask(`  excludes {
    filter_type = "SIMPLE_PATTERN"
    value       = join("|", sort(distinct(var.patterns)))
  }
  options {
    bytes_per_second = tonumber("-5")
  }`)}`,
  });
  const [task] = JSON.parse(runCommand(['--format', 'json', '--defaults', root]).stdout).files.flatMap((f) => f.tasks);
  assert.deepEqual(task.notes, []);
  assert.deepEqual(task.defaults.Excludes, [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|/b' }]);
  assert.ok(task.diagnostics.some((d) => d.attribute === 'options.bytes_per_second'), JSON.stringify(task.diagnostics));
  assert.ok(SOURCE && DESTINATION);
});

// ---------------------------------------------------------------------------
// 2. Numbers past float64
// ---------------------------------------------------------------------------

test('a number past float64 (1e400) no longer makes the file unreadable; where its value matters it is unknown', (t) => {
  // console: 1e400 is 1 and 400 zeros; 1e400 > 5 is true; [1e400, 2][1] is 2; length([1e400]) is 1.
  // Go rounds 10^400 to 512 bits in two steps, which this command does not follow: the number itself is unknown.
  expectAll([
    ['1e400', UNKNOWN],
    ['-1e400', UNKNOWN],
    ['1e400 > 5', UNKNOWN],
    ['1e-400', UNKNOWN],
    ['[1e400, 2][1]', '2'],
    ['length([1e400, 1.5E+400])', '2'],
    [`length(["${'9'.repeat(400)}", ${'9'.repeat(400)}])`, '2'],
  ]);
  const { root } = writeFolder(t, {
    'main.tf': `locals {
  huge = 1e400
}
${terraformTask(`  options {
    bytes_per_second = -5
  }
  tags = {
    big = "\${local.huge > 5}"
    n   = length([local.huge])
  }`)}`,
  });
  const result = runCommand(['--format', 'json', '--defaults', root]);
  const document = JSON.parse(result.stdout);
  assert.deepEqual(document.files.map((f) => f.kind), ['terraform']);
  const [task] = document.files.flatMap((f) => f.tasks);
  assert.ok(task.diagnostics.some((d) => d.attribute === 'options.bytes_per_second'), JSON.stringify(task.diagnostics));
  assert.deepEqual(task.notes.map((n) => n.path), ['/Tags/0/Value']);
  assert.deepEqual(task.defaults.Tags[1], { Key: 'n', Value: '1' });
});

// ---------------------------------------------------------------------------
// 5. Type strings in .tf.json
// ---------------------------------------------------------------------------

/** The tag values of a task in a .tf.json module whose variables are `variable` (name -> JSON), tag name -> expression. */
function jsonTags(t, variable, tags) {
  const resource = { aws_datasync_task: { t: { source_location_arn: SOURCE, destination_location_arn: DESTINATION, tags } } };
  const { root } = writeFolder(t, { 'main.tf.json': JSON.stringify({ variable, resource }) });
  const [task] = JSON.parse(runCommand(['--format', 'json', '--defaults', root]).stdout).files.flatMap((f) => f.tasks);
  const unknown = new Set(task.notes.map((n) => n.path));
  return Object.fromEntries(task.defaults.Tags.map((tag, i) => [tag.Key, unknown.has(`/Tags/${i}/Value`) ? null : tag.Value]));
}

test('.tf.json: a variable\'s "type" string is read as a type expression and converts the default as Terraform does', (t) => {
  const values = jsonTags(
    t,
    {
      s: { type: 'string', default: 5 }, // console: var.s is "5"
      spaced: { type: ' string ', default: 5 }, // console: "5"
      n: { type: 'number', default: '5' }, // console: 5
      l: { type: 'list(string)', default: [1, true] }, // console: tolist(["1", "true"])
      m: { type: 'map', default: { a: 1, b: 'x' } }, // console: tomap({ a = "1", b = "x" })
      o: { type: 'object({a=string, b=optional(number, 3)})', default: { a: 1 } }, // console: { a = "1", b = 3 }
      set: { type: 'set(string)', default: ['b', 'a', 'b'] }, // console: toset(["a", "b"])
      any: { type: 'any', default: [1, 'x'] }, // console: [1, "x"] (a tuple, not converted)
      bad: { type: '${map(string)}', default: { a: 1 } }, // console: Invalid type specification
    },
    {
      s: '${jsonencode(var.s)}',
      spaced: '${jsonencode(var.spaced)}',
      n: '${var.n + 1}',
      l: '${jsonencode(var.l)}',
      m: '${jsonencode(var.m)}',
      o: '${jsonencode(var.o)}',
      set: '${jsonencode(var.set)}',
      any: '${jsonencode(var.any)}',
      bad: '${jsonencode(var.bad)}',
    },
  );
  assert.deepEqual(values, {
    s: '"5"',
    spaced: '"5"',
    n: '6',
    l: '["1","true"]',
    m: '{"a":"1","b":"x"}',
    o: '{"a":"1","b":3}',
    set: '["a","b"]',
    any: '[1,"x"]',
    bad: null, // Terraform rejects the type: not evaluated
  });
});

// ---------------------------------------------------------------------------
// 3. Repeated members in .tf.json
// ---------------------------------------------------------------------------

const TASK_ARNS = { source_location_arn: SOURCE, destination_location_arn: DESTINATION };

/** The command's report of one .tf.json file (its text as written), and the files beside it. */
function jsonReport(t, text, extra = {}) {
  const { root } = writeFolder(t, { 'main.tf.json': text, ...extra });
  const result = runCommand(['--format', 'json', '--defaults', root]);
  return JSON.parse(result.stdout).files;
}

test('.tf.json: a block type or label repeated in one object gives each its blocks, as Terraform reads it', (t) => {
  const task = JSON.stringify({ ...TASK_ARNS, options: { verify_mode: 'NONE' } }).slice(1, -1);
  // terraform validate: "Too many options blocks" (two blocks); both "terraform_data" keys' resources exist;
  // both "locals" objects are read (local.x is 1, local.y 2).
  const text = `{
  "locals": { "x": "a" },
  "locals": { "y": "b" },
  "resource": {
    "aws_datasync_task": { "t": { ${task}, "options": { "verify_mode": "POINT_IN_TIME_CONSISTENT" }, "tags": { "x": "\${local.x}", "y": "\${local.y}" } } },
    "aws_datasync_task": { "u": { ${task}, "//": "one", "//": "two" } }
  }
}`;
  const [file] = jsonReport(t, text);
  assert.deepEqual(
    file.tasks.map((x) => x.logicalId),
    ['aws_datasync_task.t', 'aws_datasync_task.u'],
  );
  const [first, second] = file.tasks;
  assert.ok(first.diagnostics.some((d) => d.code === 'terraform/too-many-blocks'), JSON.stringify(first.diagnostics));
  assert.deepEqual(first.defaults.Tags, [
    { Key: 'x', Value: 'a' },
    { Key: 'y', Value: 'b' },
  ]);
  assert.deepEqual(second.notes, []);
});

test('.tf.json: an argument or an object key repeated is Terraform\'s error, at the later one', (t) => {
  // Each case: the text, Terraform's error, and the repeated member, whose later place is the error's.
  const cases = [
    // terraform validate: Duplicate argument, "name" already set (in resource.aws_datasync_task.t).
    [`{"resource": {"aws_datasync_task": {"t": {"name": "a",\n "name": "b"}}}}`, /^Duplicate argument: "name" is already set at line 1, column 43/, '"name"'],
    // terraform validate: Duplicate argument (in resource.aws_datasync_task.t.options).
    [`{"resource": {"aws_datasync_task": {"t": {"options": {"verify_mode": "NONE", "verify_mode": "NONE"}}}}}`, /^Duplicate argument: "verify_mode"/, '"verify_mode"'],
    // terraform validate: Duplicate object attribute (in resource.aws_datasync_task.t.tags).
    [`{"resource": {"aws_datasync_task": {"t": {"tags": {"a": "1", "a": "2"}}}}}`, /^Duplicate object attribute: "a" is already defined at line 1, column 52/, '"a"'],
    // terraform console: Duplicate object attribute (in locals.x), also for a local nothing uses.
    [`{"locals": {"x": {"a": 1, "a": 2}}}`, /^Duplicate object attribute/, '"a"'],
    // terraform console: Duplicate attribute definition (in locals).
    [`{"locals": {"x": 1, "x": 2}}`, /^Duplicate argument: "x"/, '"x"'],
    // terraform console: Duplicate object attribute (in variable.v.default).
    [`{"variable": {"v": {"default": {"a": 1, "a": 2}}}}`, /^Duplicate object attribute/, '"a"'],
    // Keys alike in NFC are one key: Terraform's strings are NFC.
    [`{"locals": {"x": {"\\u00e9": 1, "e\\u0301": 2}}}`, /^Duplicate object attribute/, '"e'],
  ];
  for (const [text, message, member] of cases) {
    const [file] = jsonReport(t, text);
    assert.equal(file.kind, 'unparsable', text);
    assert.match(file.error.message, message, text);
    const before = text.slice(0, text.lastIndexOf(member)).split('\n');
    assert.deepEqual([file.error.line, file.error.column], [before.length, before.at(-1).length + 1], text);
  }
  // terraform console: a terraform.tfvars.json with "v" twice is "Duplicate attribute definition".
  const [, tfvars] = jsonReport(t, JSON.stringify({ variable: { v: { default: 1 } }, resource: { aws_datasync_task: { t: TASK_ARNS } } }), { 'terraform.tfvars.json': '{"v": 1, "v": 2}' });
  assert.match(tfvars?.error?.message ?? '', /^Duplicate attribute definition: "v"/);
});

test('.tf.json: a member repeated in a block whose block types this command does not hold is not refused (it may be a block)', (t) => {
  // revtf34 finding 4: terraform plan (1.11.4, provider 5.100.0) reads each of these ("Plan: 1 to add"):
  // a data source's two "statement" blocks, a lifecycle's and an output's two "precondition" blocks,
  // and two "//" comments in a block of another resource. The task beside them is checked.
  const precondition = { condition: true, error_message: 'x' };
  const text = `{
  "data": { "aws_iam_policy_document": { "p": {
    "statement": { "actions": ["s3:GetObject"], "resources": ["*"] },
    "statement": { "actions": ["s3:PutObject"], "resources": ["*"] } } } },
  "resource": {
    "aws_datasync_task": { "t": { ${JSON.stringify({ ...TASK_ARNS, options: { verify_mode: 'BAD' } }).slice(1, -1)},
      "lifecycle": { "precondition": ${JSON.stringify(precondition)}, "precondition": ${JSON.stringify(precondition)} } } },
    "aws_s3_bucket": { "b": { "logging": { "//": "one", "//": "two", "target_bucket": "x" } } }
  },
  "output": { "o": { "value": "v", "precondition": ${JSON.stringify(precondition)}, "precondition": ${JSON.stringify(precondition)} } }
}`;
  const [file] = jsonReport(t, text);
  assert.equal(file.kind, 'terraform', JSON.stringify(file.error));
  assert.deepEqual(
    file.tasks.flatMap((task) => task.diagnostics.map((d) => [task.logicalId, d.code])),
    [['aws_datasync_task.t', 'value/not-in-enum']],
  );
});

test('.tf.json: numbers are read as written, not as float64 (0.1 + 0.2 == 0.3, 1.00000000000000000001 keeps its digits)', (t) => {
  // console with these locals: "${local.a}" is "1.00000000000000000001", local.b + 0.2 == 0.3 is true.
  const text = JSON.stringify({ locals: {}, resource: { aws_datasync_task: { t: { ...TASK_ARNS, tags: { a: '${local.a}', sum: '${local.b + 0.2 == 0.3}', big: '${local.c > 5}' } } } } })
    .replace('"locals":{}', '"locals":{"a":1.00000000000000000001,"b":0.1,"c":1e400}');
  const [file] = jsonReport(t, text);
  const [task] = file.tasks;
  assert.deepEqual(task.defaults.Tags.slice(0, 2), [
    { Key: 'a', Value: '1.00000000000000000001' },
    { Key: 'big', Value: '${local.c > 5}' },
  ]);
  assert.deepEqual(task.defaults.Tags[2], { Key: 'sum', Value: 'true' });
  assert.deepEqual(task.notes.map((n) => n.path), ['/Tags/1/Value']); // 1e400 is not read exactly: unknown
});

// ---------------------------------------------------------------------------
// 4. Heredoc strip markers
// ---------------------------------------------------------------------------

test('a heredoc\'s strip markers strip the line next to them, as HCL reads a heredoc line by line', () => {
  // Each: the heredoc, and jsonencode() of it in terraform console 1.11.4.
  const cases = [
    ['<<EOT\n  x  \n  ${~ "b" ~}\n  y\nEOT', '  x  \nb  y\n'],
    ['<<EOT\na  \n${~ "b"}\nEOT', 'ab\n'], // the line before, its newline too
    ['<<EOT\n%{ if true ~}\n  yes\n%{~ endif }\nEOT', '  yes\n'],
    ['<<EOT\n%{ for x in ["a", "b"] ~}\n- ${x}\n%{ endfor ~}\nend\nEOT', '- a\n- b\nend\n'],
    ['<<EOT\np  \n\n  ${~ "q" ~}  \n\n  r\nEOT', 'p  \n\nq\n  r\n'], // one line each side, not the blank ones
    ['<<EOT\n${"a"} ~\n  ${~ "b" ~}\nEOT', 'a ~\nb'],
    ['<<EOT\n%{ for x in ["a", "b"] ~}\n  ${x}  \n  %{~ endfor ~}\n  end\nEOT', '  a  \n  b  \n  end\n'],
    ['<<EOT\na\t ${~ "b" ~} \tc\nEOT', 'abc\n'],
    // console: "    x\nb      y\n": HCL strips first, so nothing is dedented (followed since session 35).
    ['<<-EOT\n    x\n    ${~ "b" ~}\n      y\n  EOT', '    x\nb      y\n'],
  ];
  for (const [source, expected] of cases) assert.equal(value(source), expected, source);
});

test('.tf.json: quotes inside ${…} and %{…} are HCL source, not escaped text', (t) => {
  // Each local as written in JSON (after JSON's own escapes), and jsonencode() of it in terraform console 1.11.4.
  const locals = {
    a: '${var.env == "prod" ? "p" : "d"}', // "p"
    b: 'x-${upper("y")}-"q"', // "x-Y-\"q\""
    c: '${format("%s-\\"%s", var.env, "z")}', // "prod-\"z"
    d: '%{ if var.env == "prod" }yes "q"%{ else }no%{ endif }', // "yes \"q\""
    e: '${"a${"b"}c"}', // "abc"
    f: '$${x} "${var.env}" %%{y}', // "${x} \"prod\" %{y}"
    g: '${{"k" = "v"}["k"]}', // "v"
    h: 'a\\nb ${"c\\nd"}', // "a\\nb c\nd": no escapes in the literal, HCL's inside the interpolation
    i: '${"}"}x', // "}x"
  };
  const tags = Object.fromEntries(Object.keys(locals).map((name) => [name, `\${jsonencode(local.${name})}`]));
  const resource = { aws_datasync_task: { t: { ...TASK_ARNS, tags } } };
  const [file] = jsonReport(t, JSON.stringify({ variable: { env: { default: 'prod' } }, locals, resource }));
  const [task] = file.tasks;
  assert.deepEqual(task.notes, []);
  assert.deepEqual(Object.fromEntries(task.defaults.Tags.map((tag) => [tag.Key, JSON.parse(tag.Value)])), {
    a: 'p',
    b: 'x-Y-"q"',
    c: 'prod-"z',
    d: 'yes "q"',
    e: 'abc',
    f: '${x} "prod" %{y}',
    g: 'v',
    h: 'a\\nb c\nd',
    i: '}x',
  });
});

test('coalescelist(), index(), reverse(), trim(), substr() (ASCII) and range() (whole numbers) as the console gives them', () => {
  expectAll([
    ['coalescelist([], ["a"], ["b"])', ['a']],
    ['coalescelist(["a", 1], ["b"])', ['a', '1']], // console: ["a", 1], the tuple as it is
    ['coalescelist([], [])', ERROR], // console: no non-null arguments
    ['index(["a", "b"], "b")', '1'],
    ['index(["a", "b"], "c")', ERROR], // console: item not found
    ['index(["1"], 1)', UNKNOWN], // console: item not found; not told apart from a list(string) here
    ['reverse(["a", "b", 1])', ['1', 'b', 'a']],
    ['reverse(tolist(["a", "b"]))', ['b', 'a']],
    ['reverse(toset(["b", "a"]))', ['b', 'a']],
    ['reverse([])', []],
    ['trim("?!hello?!", "!?")', 'hello'],
    ['trim("aéa", "a")', 'é'],
    ['substr("hello", 1, 3)', 'ell'],
    ['substr("hello", -3, -1)', 'llo'],
    ['substr("hello", 1, -1)', 'ello'],
    ['substr("hello", 10, 1)', ''],
    ['substr("hello", 2, 10)', 'llo'],
    ['substr("héllo", 0, 2)', UNKNOWN], // console: "hé"; grapheme clusters are counted for ASCII only here
    ['range(3)', ['0', '1', '2']],
    ['range(1, 4)', ['1', '2', '3']],
    ['range(0, 10, 3)', ['0', '3', '6', '9']],
    ['range(5, 1, -2)', ['5', '3']],
    ['range(3, 1)', ['3', '2']], // console: tolist([3, 2])
    ['range(2, 2)', []],
    ['range(0, 5, -1)', ERROR], // console: end must be less than start when step is negative
    ['range(0, 1, 0)', ERROR],
    // cty checks the step only when start and end differ.
    ['range(3, 3, 0)', []], // console: tolist([])
    ['try(range(2, 2, 0), ["x"])', []], // console: tolist([])
    ['range(0, 3000)', ERROR], // console: more than 1024 values were generated
    ['range(1.5)', UNKNOWN], // console: [0, 1]
  ]);
});

test('can() searches its value for unknown parts a step per value: one whose parts are shared (small to evaluate, large to walk) is too large', () => {
  // local.cube is 100 x 1,000 x 1,000 strings built in about 5,000 steps (each list holds the one before
  // it many times over). Before, can() walked all 10^8 without a step (about a second, and each level
  // more a thousand times longer); it was true. Terraform: true; past the budget it is unknown here.
  const scope = scopeWith(`row  = [for j in range(1000) : "x"]
rows = [for i in range(1000) : local.row]
cube = [for k in range(100) : local.rows]`);
  const out = evaluate(readNative('x = can(local.cube)\n').body[0].value, scope);
  assert.ok(out instanceof Unresolved);
  assert.match(out.reason, /too large to evaluate here \(more than 1,000,000 steps\)/);
  // A smaller one is still searched: console, can([for i in range(100) : local.row]) is true.
  assert.equal(value('can([for i in range(100) : local.row])', scope), true);
  assert.equal(value('can([local.row, "${local.row[0]}"])', scope), true);
});

test('== and != pay a step per value of both sides before searching them: collections whose parts are shared are too large', async (t) => {
  // local.cube is 100 x 1,000 x 1,000 strings built in about 5,000 steps. Before, == searched both sides
  // for unknown parts without a step (10^8 values each; a level more, a thousand times as many): a hang.
  const scope = scopeWith(`row  = [for j in range(1000) : "x"]
rows = [for i in range(1000) : local.row]
cube = [for k in range(100) : local.rows]`);
  for (const expression of ['local.cube == local.cube', 'local.cube == [1]', 'local.cube != [1]', '[local.cube] == [local.cube, 1]']) {
    const out = evaluate(readNative(`x = ${expression}\n`).body[0].value, scope);
    assert.ok(out instanceof Unresolved, expression);
    assert.match(out.reason, /too large to evaluate here \(more than 1,000,000 steps\)/, expression);
  }
  // Smaller ones are still compared. terraform console 1.11.4 (rows of 3 x row):
  // local.rows == [1], local.rows[0] == [1], [local.rows] == [local.rows, 1] are all false.
  assert.equal(value('[for i in range(3) : local.row] == [1]', scope), false);
  assert.equal(value('local.row == [1]', scope), false);
  assert.equal(value('local.row != [1]', scope), true);
  assert.equal(value('[[for i in range(3) : local.row]] == [[for i in range(3) : local.row], 1]', scope), false);

  // Through the command: a task's count from such a comparison (one level more, 10^9 values) is unknown,
  // and the check stays within its budget of steps.
  const { root } = writeFolder(t, {
    'main.tf': `locals {
  row   = [for j in range(1000) : "x"]
  rows  = [for i in range(1000) : local.row]
  cube  = [for k in range(100) : local.rows]
  hyper = [for l in range(10) : local.cube]
  same  = local.hyper == [1]
}
resource "aws_datasync_task" "t" {
  count                    = local.same ? 1 : 0
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
}
`,
  });
  const { reports, extra, steps: taken } = checkTerraform([{ path: join(root, 'main.tf'), name: 'main.tf' }]);
  const { steps, limit, perEvaluation } = taken;
  assert.ok(steps <= limit + perEvaluation, `${steps} steps`);
  // The count is unknown (the task is checked once, with the note), not 0 (Terraform: false, the tuples' lengths differ).
  const tasks = [...reports.values(), ...extra].flatMap((r) => r.tasks);
  assert.deepEqual(
    tasks.map((found) => [found.logicalId, found.notes.map((n) => `${n.attribute}: ${n.message}`)]),
    [['aws_datasync_task.t', ['count: Every instance that count makes is checked as one; values from count.index are not checked.']]],
  );
});
