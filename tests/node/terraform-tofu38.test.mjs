// Which files of a Terraform (or OpenTofu) folder are read, and whose tasks are
// reported (hunt38i #5, #6, #13, #9).
//
// - OpenTofu (https://opentofu.org/docs/language/files/) reads `.tofu` and
//   `.tofu.json` files beside `.tf` and `.tf.json` ones; when `x.tf` and
//   `x.tofu` are both in a folder it reads `x.tofu` and ignores `x.tf`;
//   `override.tofu` and `*_override.tofu` are override files. Terraform never
//   reads .tofu files, so a folder that has one is read as OpenTofu reads it
//   (a folder without one reads the same in both).
// - Terraform reads only names that end in `.tf` or `.tf.json` (a
//   case-sensitive test) and skips a name that starts with `.`, ends with `~`
//   or starts and ends with `#` (configs/parser_config_dir.go IsIgnoredFile).
//   terraform plan 1.11.4 (provider 5.100.0, offline) on a folder holding
//   main.tf (task t), .hidden.tf and OLD.TF (a task each) and the dangling
//   Emacs lock link `.#main.tf`: "Plan: 1 to add", aws_datasync_task.t only.
// - After `terraform init`, a registry or Git module's copy is the folder
//   that .terraform/modules/modules.json gives for the call's key. terraform
//   plan (-get=false, a hand-written manifest as init writes it) plans
//   module.sync.aws_datasync_task.t with `atime = "BEST_EFFORT"`,
//   `mtime = "NONE"` from that copy.
// - "ignoreFiles" and a file named on the command line say which files'
//   tasks are reported; the folder is still read whole as one module.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { requireBuiltPackage, runCommand, terraformTask, writeFolder } from './helpers.mjs';

requireBuiltPackage();

const MISMATCH = '  options {\n    mtime = "NONE"\n  }'; // atime stays BEST_EFFORT: options/atime-mtime-mismatch

/** The run's JSON report in `cwd` for `args`: `{ status, stderr, findings, files }` (findings "file address code"). */
function run(cwd, args) {
  const result = runCommand(['--format', 'json', ...args], { cwd });
  const report = JSON.parse(result.stdout);
  const findings = report.files.flatMap((f) => f.tasks.flatMap((task) => task.diagnostics.map((d) => `${f.file} ${task.logicalId} ${d.code}`)));
  const files = report.files.map((f) => `${f.file} ${f.kind}`).sort();
  const tasks = report.files.flatMap((f) => f.tasks.map((task) => `${f.file} ${task.logicalId}`));
  return { status: result.status, stderr: result.stderr, findings, files, tasks, notes: report.files.flatMap((f) => f.notes.concat(f.tasks.flatMap((task) => task.notes))) };
}

test('#5 a .tofu file in a folder is read as a configuration file, and its task is checked', (t) => {
  const { root } = writeFolder(t, { 'main.tf': terraformTask(''), 'extra.tofu': terraformTask(MISMATCH, 'tofu_only') });
  const { status, findings } = run(root, ['--no-config', '.']);
  assert.deepEqual(findings, ['extra.tofu aws_datasync_task.tofu_only options/atime-mtime-mismatch']);
  assert.equal(status, 1);
});

test('#5 a .tofu.json file is read as Terraform JSON', (t) => {
  const json = { resource: { aws_datasync_task: { j: { source_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0', destination_location_arn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210', options: { mtime: 'NONE' } } } } };
  const { root } = writeFolder(t, { 'tasks.tofu.json': JSON.stringify(json) });
  assert.deepEqual(run(root, ['--no-config', '.']).findings, ['tasks.tofu.json aws_datasync_task.j options/atime-mtime-mismatch']);
});

test('#5 a .tofu file named on the command line is HCL, not a YAML request', (t) => {
  const { root } = writeFolder(t, { 'extra.tofu': terraformTask(MISMATCH, 'tofu_only') });
  const { findings } = run(root, ['--no-config', 'extra.tofu']);
  assert.deepEqual(findings, ['extra.tofu aws_datasync_task.tofu_only options/atime-mtime-mismatch']);
});

test('#5 x.tofu takes the place of x.tf: the .tf file is skipped, the .tofu one checked (both layouts)', (t) => {
  const clean = '  options {\n    atime = "NONE"\n    mtime = "NONE"\n  }';
  const tofuBad = writeFolder(t, { 'main.tf': terraformTask(clean), 'main.tofu': terraformTask(MISMATCH) }).root;
  const bad = run(tofuBad, ['--no-config', '.']);
  assert.deepEqual(bad.findings, ['main.tofu aws_datasync_task.t options/atime-mtime-mismatch']);
  assert.deepEqual(bad.files, ['main.tf skipped', 'main.tofu terraform']);
  const tfBad = writeFolder(t, { 'main.tf': terraformTask(MISMATCH), 'main.tofu': terraformTask(clean) }).root;
  assert.deepEqual(run(tfBad, ['--no-config', '.']).findings, []);
  // Named, the .tf file says why it is not checked.
  const named = run(tfBad, ['--no-config', 'main.tf']);
  assert.deepEqual(named.findings, []);
  assert.match(named.stderr, /main\.tf: skipped: OpenTofu reads main\.tofu in its place/);
});

test('#5 override.tofu is an override file, merged into the task', (t) => {
  const { root } = writeFolder(t, {
    'main.tofu': terraformTask(MISMATCH),
    'override.tofu': 'resource "aws_datasync_task" "t" {\n  options {\n    atime = "NONE"\n    mtime = "NONE"\n  }\n}\n',
  });
  const { findings, tasks, files } = run(root, ['--no-config', '.']);
  assert.deepEqual(findings, []);
  assert.deepEqual(tasks, ['main.tofu aws_datasync_task.t']);
  assert.deepEqual(files, ['main.tofu terraform', 'override.tofu terraform']);
});

test('#13 a hidden .tf file, an upper-case OLD.TF and a dangling Emacs lock link are not read, as Terraform skips them', (t) => {
  const { root } = writeFolder(t, { 'main.tf': terraformTask(''), '.hidden.tf': terraformTask(MISMATCH, 'hidden'), 'OLD.TF': terraformTask(MISMATCH, 'upper') });
  symlinkSync('user@host.1234:1700000000', join(root, '.#main.tf'));
  const folder = run(root, ['--no-config', '.']);
  assert.deepEqual(folder.findings, []);
  assert.deepEqual(folder.files, ['main.tf terraform']);
  assert.equal(folder.status, 0);
  const named = run(root, ['--no-config', 'main.tf']);
  assert.deepEqual(named.findings, []);
  assert.equal(named.status, 0);
});

test('#13 a hidden .tf file or OLD.TF named on the command line is skipped with a line that says why', (t) => {
  const { root } = writeFolder(t, { 'main.tf': terraformTask(''), '.hidden.tf': terraformTask(MISMATCH, 'hidden'), 'OLD.TF': terraformTask(MISMATCH, 'upper') });
  const named = run(root, ['--no-config', '.hidden.tf', 'OLD.TF']);
  assert.deepEqual(named.findings, []);
  assert.deepEqual(named.files, ['.hidden.tf skipped', 'OLD.TF skipped']);
  assert.match(named.stderr, /\.hidden\.tf: skipped: Terraform does not read it \(its name starts with "\."\)/);
  assert.match(named.stderr, /OLD\.TF: skipped: Terraform does not read it \(its suffix is not in lower case/);
  assert.equal(named.status, 0);
});

const MODULE = `variable "src" { type = string }
variable "dst" { type = string }
variable "mtime" {
  type    = string
  default = "NONE"
}
resource "aws_datasync_task" "t" {
  source_location_arn      = var.src
  destination_location_arn = var.dst
  options {
    mtime = var.mtime
  }
}
`;
const CALL = `module "sync" {
  source  = "acme/datasync/aws"
  version = "1.0.0"
  src     = "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0"
  dst     = "arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210"
}
`;
const manifest = (source, dir = '.terraform/modules/sync') => JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'sync', Source: source, Version: '1.0.0', Dir: dir }] });

test('#6 a registry module that terraform init installed is checked through its copy in .terraform/modules', (t) => {
  const { root } = writeFolder(t, { 'main.tf': CALL, '.terraform/modules/modules.json': manifest('registry.terraform.io/acme/datasync/aws'), '.terraform/modules/sync/main.tf': MODULE });
  const { status, findings, notes } = run(root, ['--no-config', '.']);
  assert.deepEqual(findings, ['.terraform/modules/sync/main.tf module.sync.aws_datasync_task.t options/atime-mtime-mismatch']);
  assert.equal(status, 1);
  assert.deepEqual(notes.filter((n) => /not a local folder/.test(n.message)), []);
});

test('#6 (holds before and after) without a manifest, with another source recorded, or with the folder gone, the call stays not checked', (t) => {
  const cases = {
    'no manifest': { 'main.tf': CALL, '.terraform/modules/sync/main.tf': MODULE },
    'another source': { 'main.tf': CALL, '.terraform/modules/modules.json': manifest('registry.terraform.io/other/datasync/aws'), '.terraform/modules/sync/main.tf': MODULE },
    'folder missing': { 'main.tf': CALL, '.terraform/modules/modules.json': manifest('registry.terraform.io/acme/datasync/aws', '.terraform/modules/gone') },
    'broken manifest': { 'main.tf': CALL, '.terraform/modules/modules.json': '{"Modules": [', '.terraform/modules/sync/main.tf': MODULE },
  };
  for (const [name, files] of Object.entries(cases)) {
    const { root } = writeFolder(t, files);
    const { status, findings, notes } = run(root, ['--no-config', '.']);
    assert.deepEqual(findings, [], name);
    assert.equal(status, 0, name);
    assert.equal(notes.filter((n) => /module "sync" comes from "acme\/datasync\/aws", which is not a local folder/.test(n.message)).length, 1, name);
  }
});

test('#6 a module folder checked alone does not say that its variables come from -var or TF_VAR_ only', (t) => {
  const { root } = writeFolder(t, { 'main.tf': MODULE });
  const { notes } = run(root, ['--no-config', '.']);
  const messages = notes.map((n) => n.message).filter((m) => m.includes('var.src'));
  assert.ok(messages.length > 0);
  for (const message of messages) assert.match(message, /a module block that calls this folder sets it; run as a root module, Terraform takes it from -var, -var-file or TF_VAR_src/);
  // A root module (a provider configured) keeps the root module's wording.
  const rooted = writeFolder(t, { 'main.tf': MODULE, 'provider.tf': 'provider "aws" {\n  region = "us-east-1"\n}\n' }).root;
  const rootNotes = run(rooted, ['--no-config', '.']).notes.filter((n) => n.message.includes('var.src'));
  assert.ok(rootNotes.length > 0);
  for (const n of rootNotes) assert.match(n.message, /\(Terraform takes it from -var, -var-file or TF_VAR_src\)/);
});

test('#9 "ignoreFiles" leaves out the tasks of a .tf file; the folder is still read as one module', (t) => {
  const { root } = writeFolder(t, {
    '.datasync-task-validator.json': JSON.stringify({ ignoreFiles: ['generated.tf'] }),
    'main.tf': 'locals {\n  mtime = "NONE"\n}\n' + terraformTask('  options {\n    atime = "NONE"\n    mtime = local.bad\n  }'),
    'generated.tf': 'locals {\n  bad = "PRESERVE"\n}\n' + terraformTask(MISMATCH, 'generated'),
  });
  const { status, findings, files } = run(root, ['.']);
  // local.bad is defined in generated.tf and still read: main.tf's task has Atime NONE, Mtime PRESERVE.
  assert.deepEqual(findings, ['main.tf aws_datasync_task.t options/atime-mtime-mismatch']);
  assert.deepEqual(files, ['.datasync-task-validator.json skipped', 'generated.tf skipped', 'main.tf terraform']);
  assert.equal(status, 1);
});

test('#9 naming main.tf reports the tasks of main.tf only; a called module\'s files are still reported', (t) => {
  const { root } = writeFolder(t, {
    'main.tf': terraformTask('') + 'module "child" {\n  source = "./child"\n}\n',
    'other.tf': terraformTask(MISMATCH, 'other'),
    'child/main.tf': terraformTask(MISMATCH, 'inner'),
  });
  const { findings, files } = run(root, ['--no-config', 'main.tf']);
  assert.deepEqual(findings, ['child/main.tf module.child.aws_datasync_task.inner options/atime-mtime-mismatch']);
  assert.deepEqual(files, ['child/main.tf terraform', 'main.tf terraform']);
});

test('#9 "ignoreFiles" leaves out a called module\'s file too', (t) => {
  const { root } = writeFolder(t, {
    '.datasync-task-validator.json': JSON.stringify({ ignoreFiles: ['child/**'] }),
    'env/main.tf': 'module "child" {\n  source = "../child"\n}\n',
    'child/main.tf': terraformTask(MISMATCH, 'inner'),
  });
  const { status, findings } = run(root, ['env']);
  assert.deepEqual(findings, []);
  assert.equal(status, 0);
});
