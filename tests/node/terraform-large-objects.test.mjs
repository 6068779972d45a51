// The command on Terraform files with very large object literals. hcl-edit,
// which reads HCL for the command, takes time that grows with the square of
// an object's item count (crates/hcl-reader/src/size.rs), so the reader
// refuses objects past 16,384 items (or several large ones together) before
// parsing: one line on stderr with the object's position, exit 2, as for a
// syntax error. Objects up to that size are read whole.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, requireBuiltPackage, runCommand, SOURCE, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const lines = (text) => text.split('\n').filter((line) => line !== '');

/** `locals { m = { k0 = "v0" ... } }`, one key per line. */
const localMap = (items) => {
  const keys = Array.from({ length: items }, (_, i) => `    k${i} = "v${i}"`).join('\n');
  return `locals {\n  m = {\n${keys}\n  }\n}\n`;
};

const task = `resource "aws_datasync_task" "t" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  options {
    verify_mode = local.m["k9999"]
  }
}
`;

test('an object of 10,000 keys is read whole: its last key is evaluated and checked', (t) => {
  const { root } = writeFolder(t, { 'main.tf': `${localMap(10_000)}${task}` });
  const { status, stdout } = runCommand(['--format', 'json', root]);
  assert.equal(status, 1);
  const [file] = JSON.parse(stdout).files;
  assert.equal(file.error, undefined);
  const [diagnostic] = file.tasks[0].diagnostics;
  assert.equal(diagnostic.path, '/Options/VerifyMode');
  assert.equal(diagnostic.line, 10_009);
});

test('an object of more than 16,384 keys is refused at its brace, one line, exit 2; the other files are still checked', (t) => {
  const { root } = writeFolder(t, { 'big/main.tf': localMap(20_000), 'ok/main.tf': `${localMap(10_000)}${task}` });
  const { status, stdout, stderr } = runCommand(['--no-color', root]);
  assert.equal(status, 2);
  assert.deepEqual(lines(stderr), [
    `datasync-task-validator: ${join(root, 'big/main.tf')}:2:7: too large to read: an object of more than 16384 items (reading an object takes time that grows with the square of its size)`,
  ]);
  assert.match(stdout, /ok\/main\.tf:10009:\d+ {2}error /);
  const { stdout: json } = runCommand(['--format', 'json', join(root, 'big')]);
  assert.deepEqual(JSON.parse(json).files[0].error, {
    message: 'too large to read: an object of more than 16384 items (reading an object takes time that grows with the square of its size)',
    line: 2,
    column: 7,
  });
});

test('several large objects in one file are refused together, at the object that goes over', (t) => {
  // Three maps of 10,000 keys cost hcl-edit more key comparisons than one of 16,384.
  const { root } = writeFolder(t, { 'main.tf': `${localMap(10_000)}${localMap(10_000)}${localMap(10_000)}` });
  const { status, stderr } = runCommand(['--no-color', root]);
  assert.equal(status, 2);
  const line = 2 * (10_000 + 4) + 2; // each map is 10,004 lines
  assert.deepEqual(lines(stderr), [
    `datasync-task-validator: ${join(root, 'main.tf')}:${line}:7: too large to read: this object and the file's earlier large objects have too many items together (at most 16384 in one object, fewer across several)`,
  ]);
});
