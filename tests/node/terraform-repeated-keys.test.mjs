// A key written twice in an object constructor: Terraform reads the file and
// the later item's value wins; a repeated argument in a block is an error.
// The oracle is `terraform console` 1.11.4 (answers in each test's comments);
// hcl-edit refuses repeated object keys, so crates/hcl-reader reads on past
// them (its src/repeated.rs). Run from the built package over small modules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, terraformTask as task, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const json = (args) => {
  const result = runCommand(['--format', 'json', ...args]);
  return { ...result, document: JSON.parse(result.stdout) };
};
const tasksOf = (document) => document.files.flatMap((f) => f.tasks);
const findings = (root) => {
  const { status, stderr, document } = json([root]);
  assert.equal(stderr, '');
  assert.equal(document.summary.checked, document.files.length, 'every file checked');
  const [found] = tasksOf(document);
  return { status, found, codes: found.diagnostics.map((d) => `${d.code} ${d.attribute} ${d.line}:${d.column}`) };
};

test('a folder whose object repeats a key is checked, not refused (a Glue job default_arguments, finding F3)', (t) => {
  // terraform console: { "--job-language" = "python", "--loadmode" = "full", "--job-language" = "python" }
  // is { "--job-language" = "python", "--loadmode" = "full" }, and terraform validate passes.
  const glue = 'locals {\n  job_arguments = {\n    "--job-language" = "python",\n    "--loadmode"     = "full",\n    "--job-language" = "python"\n  }\n}\n';
  const { root } = writeFolder(t, { 'glue.tf': glue, 'main.tf': task('  options {\n    verify_mode = "NONE"\n  }\n') });
  const { status, stderr, document } = json([root]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.deepEqual(document.summary.checked, 2);
  assert.deepEqual(document.files.map((f) => f.notes), [[], []]);
  assert.equal(tasksOf(document)[0].valid, true);
});

test('the later item of a repeated key is the value checked, and the place named', (t) => {
  // terraform console, variable "k" { default = "Owner" }:
  //   { Owner = "a$b", Owner = "ops" } is { "Owner" = "ops" }
  //   { Owner = "ops", "Owner" = "a$b" } is { "Owner" = "a$b" } (a name and a quoted name are one key)
  //   { (var.k) = "ops", Team = "x", (var.k) = "a$b" } is { "Owner" = "a$b", "Team" = "x" }
  const module = (tags) => ({ 'main.tf': 'variable "k" {\n  default = "Owner"\n}\n' + task(`  tags = {\n${tags}\n  }\n`) });
  const tagError = (line) => [`value/pattern-mismatch tags["Owner"] ${line}:5`];
  assert.deepEqual(findings(writeFolder(t, module('    Owner = "a$b"\n    Owner = "ops"')).root).codes, []);
  assert.deepEqual(findings(writeFolder(t, module('    Owner = "ops"\n    "Owner" = "a$b"')).root).codes, tagError(9));
  // An expression key's item is not looked up: the finding is placed at `tags` (7:3), as for any such key.
  assert.deepEqual(findings(writeFolder(t, module('    (var.k) = "ops"\n    Team = "x"\n    (var.k) = "a$b"')).root).codes, ['value/pattern-mismatch tags["Owner"] 7:3']);
  assert.deepEqual(findings(writeFolder(t, module('    "${var.k}" = "a$b"\n    "${var.k}" = "ops"')).root).codes, []);
});

test('a repeated key whose value is an object: the later object replaces the earlier whole, in locals and tfvars', (t) => {
  // terraform console: { s = { e = "rate(1 hour)", x = 1 }, b = 0, s = { e = "rate(30 minutes)" } }
  // is { "b" = 0, "s" = { "e" = "rate(30 minutes)" } }: no merge of the two objects.
  const schedule = (expression) => task(`  schedule {\n    schedule_expression = ${expression}\n  }\n`);
  const tooFrequent = (line) => [`schedule/too-frequent schedule.schedule_expression ${line}:5`];
  const locals = (a, b) => `locals {\n  cfg = {\n    s = { e = "${a}", x = 1 }\n    b = 0\n    s = { e = "${b}" }\n  }\n}\n`;
  const local = (a, b) => findings(writeFolder(t, { 'main.tf': locals(a, b) + schedule('local.cfg.s.e') }).root).codes;
  assert.deepEqual(local('rate(1 hour)', 'rate(30 minutes)'), tooFrequent(12));
  assert.deepEqual(local('rate(30 minutes)', 'rate(1 hour)'), []);
  const tfvars = (a, b) =>
    findings(writeFolder(t, { 'main.tf': 'variable "cfg" {}\n' + schedule('var.cfg.e'), 'terraform.tfvars': `cfg = {\n  e = "${a}"\n  e = "${b}"\n}\n` }).root).codes;
  assert.deepEqual(tfvars('rate(1 hour)', 'rate(30 minutes)'), tooFrequent(6));
  assert.deepEqual(tfvars('rate(30 minutes)', 'rate(1 hour)'), []);
});

test('a repeated argument in a block is still an error: the file is not checked', (t) => {
  // terraform validate: "Attribute redefined" (an argument, not an object key).
  const { root } = writeFolder(t, { 'main.tf': task('  name = "a"\n  name = "b"\n') });
  const { status, stderr } = runCommand([root]);
  assert.equal(status, 2);
  assert.match(stderr, /main\.tf:5:3: invalid HCL: invalid attribute; expected unique attribute key; found redefined attribute/);
});

test('a type constraint that names an attribute twice leaves the variable unknown (Terraform rejects the type)', (t) => {
  // terraform console with type = object({ e = string, e = number }): "Invalid type specification:
  // Object constructor map keys must be unique." The value is not guessed from either declaration.
  const variable = 'variable "cfg" {\n  type    = object({ e = string, e = string })\n  default = { e = "rate(30 minutes)" }\n}\n';
  const { root } = writeFolder(t, { 'main.tf': variable + task('  schedule {\n    schedule_expression = var.cfg.e\n  }\n') });
  const { codes, found } = findings(root);
  assert.deepEqual(codes, []);
  assert.equal(found.notes.length, 1);
  assert.match(found.notes[0].message, /names the attribute "e" twice, which Terraform rejects/);
});
