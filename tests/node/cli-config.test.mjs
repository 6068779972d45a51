// The command's configuration file (.datasync-task-validator.json or
// --config FILE), per-task suppressions (a template resource's Metadata, a
// Terraform comment, the configuration's "overrides"), and folder mode
// checking only task configurations. Fixtures: tests/cli/fixtures/config/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { pkgDir, repoRoot, requireBuiltPackage, runCommand } from './helpers.mjs';

requireBuiltPackage();
const HERE = join(repoRoot, 'tests/cli/fixtures/config');
const { compileGlob } = await import(pathToFileURL(join(pkgDir, 'cli', 'glob.mjs')).href);
const { applySelection, attachTerraformSuppressions, terraformSuppressions, metadataSuppressions } = await import(pathToFileURL(join(pkgDir, 'cli', 'suppress.mjs')).href);
const { parseConfig, ConfigError, retiredCodes } = await import(pathToFileURL(join(pkgDir, 'cli', 'config.mjs')).href);

/** Runs the command in `cwd` (the config fixtures by default). */
function run(args, { cwd = HERE } = {}) {
  const { status, stdout, stderr } = runCommand(args, { cwd });
  return { status, stdout, stderr };
}

const json = (args, options) => {
  const result = run(['--format', 'json', ...args], options);
  return { ...result, document: JSON.parse(result.stdout) };
};

/** `code severity` for every reported diagnostic, in output order. */
const reported = (document) =>
  document.files.flatMap((file) => file.tasks.flatMap((task) => task.diagnostics.map((d) => `${d.code} ${d.severity}`)));
const suppressedOf = (document) =>
  document.files.flatMap((file) => file.tasks.flatMap((task) => task.suppressed.map((d) => `${task.logicalId ?? file.file}: ${d.code} ${d.suppression.kind}`)));

// ---------------------------------------------------------------------------
// Without a configuration: what the fixtures report
// ---------------------------------------------------------------------------

test('without a configuration the request fixtures report an error and two warnings', () => {
  const { status, document } = json(['--no-config', 'requests']);
  assert.equal(status, 1);
  assert.deepEqual(reported(document).sort(), [
    'filter/include-without-slash warning',
    'locations/same-location warning',
    'tag/reserved-prefix error',
  ]);
  assert.equal(document.summary.suppressed, 0);
  assert.equal(document.summary.skipped, 0);
});

// ---------------------------------------------------------------------------
// Every key
// ---------------------------------------------------------------------------

test('"ignore": the code is never reported, nor counted as suppressed', () => {
  const { status, document } = json(['--config', 'configs/ignore.json', 'requests']);
  assert.equal(status, 1);
  assert.deepEqual(reported(document).sort(), ['locations/same-location warning', 'tag/reserved-prefix error']);
  assert.equal(document.summary.suppressed, 0);
});

test('"include": only the codes named are reported; the exit status follows', () => {
  const { status, document } = json(['--config', 'configs/include.json', 'requests']);
  assert.equal(status, 0, 'the tag error is not included, so nothing fails');
  assert.deepEqual(reported(document), ['locations/same-location warning']);
});

test('"severity": a warning becomes an error, an error a warning, and "off" drops the code', () => {
  const { status, document } = json(['--config', 'configs/severity.json', 'requests']);
  assert.equal(status, 1);
  assert.deepEqual(reported(document).sort(), ['filter/include-without-slash error', 'tag/reserved-prefix warning']);
  assert.equal(document.summary.errors, 1);
  assert.equal(document.summary.warnings, 1);
  const warning = document.files.find((f) => f.file === 'requests/warning.json');
  assert.equal(warning.tasks[0].valid, false, 'valid follows the configured severity');
});

test('"severity" can make a run pass: the only error turned into a warning exits 0', () => {
  const { status, stdout } = run(['--config', 'configs/tag-warning.json', '--no-color', 'requests/warning.json']);
  assert.equal(status, 0);
  assert.match(stdout, /^requests\/warning\.json:5:14 {2}warning {2}tag\/reserved-prefix {2}.*\[\/Tags\/0\/Key\]$/m);
  assert.match(stdout, /^1 file checked: 0 errors, 2 warnings$/m);
  assert.equal(run(['--config', 'configs/tag-warning.json', '--warnings-as-errors', 'requests/warning.json']).status, 1);
});

test('"ignore" and "off" also silence notes (cloudformation/not-checked, no-tasks)', () => {
  const before = json(['--no-config', '../templates/stack.yaml', 'folder/stack.yaml']).document;
  const notes = (document) => document.files.flatMap((f) => [...f.notes, ...f.tasks.flatMap((t) => t.notes)]).map((n) => n.code);
  assert.ok(notes(before).includes('cloudformation/not-checked'));
  assert.ok(notes(before).includes('cloudformation/no-tasks'));
  const after = json(['--config', 'configs/notes-off.json', '../templates/stack.yaml', 'folder/stack.yaml']).document;
  assert.deepEqual(notes(after), []);
  assert.deepEqual(reported(after), reported(before), 'the findings are untouched');
});

test('"files": in a folder, only matching files are checked; the others are skipped and counted', () => {
  const { status, document, stderr } = json(['--config', 'files.config.json', 'requests']);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  const kinds = Object.fromEntries(document.files.map((f) => [f.file, f.kind]));
  assert.deepEqual(kinds, { 'requests/same.yaml': 'skipped', 'requests/warning.json': 'request' });
  assert.match(document.files[0].reason, /not in "files" of files\.config\.json/);
  assert.equal(document.summary.skipped, 1);
  assert.equal(document.summary.checked, 1);
});

test('"files" and "ignoreFiles" apply to a file named on the command line too, with a line on stderr', () => {
  const { status, stdout, stderr } = run(['--config', 'files.config.json', '--no-color', 'requests/same.yaml']);
  assert.equal(status, 0);
  assert.equal(stderr, 'datasync-task-validator: requests/same.yaml: skipped: not in "files" of files.config.json\n');
  assert.match(stdout, /^0 files checked: 0 errors, 0 warnings; 1 file skipped/m);
});

test('"ignoreFiles": a pattern without "/" matches the file name in any folder', () => {
  const { document } = json(['--config', 'ignore-files.config.json', 'requests']);
  const kinds = Object.fromEntries(document.files.map((f) => [f.file, f.kind]));
  assert.deepEqual(kinds, { 'requests/same.yaml': 'skipped', 'requests/warning.json': 'request' });
  assert.match(document.files[0].reason, /in "ignoreFiles" of ignore-files\.config\.json/);
});

test('"overrides": codes suppressed for matching files are counted, shown in JSON, and not printed', () => {
  const { status, document } = json(['--config', 'overrides.config.json', 'requests']);
  assert.equal(status, 0, 'the only error is suppressed');
  assert.deepEqual(reported(document), ['locations/same-location warning']);
  assert.deepEqual(suppressedOf(document).sort(), [
    'requests/warning.json: filter/include-without-slash external',
    'requests/warning.json: tag/reserved-prefix external',
  ]);
  const suppressed = document.files.find((f) => f.file === 'requests/warning.json').tasks[0].suppressed;
  assert.deepEqual(suppressed[0].suppression, { kind: 'external', source: 'overrides.config.json' });
  assert.equal(document.summary.suppressed, 2);

  const human = run(['--config', 'overrides.config.json', '--no-color', 'requests']);
  assert.doesNotMatch(human.stdout, /reserved-prefix|include-without-slash/);
  assert.match(human.stdout, /^2 files checked: 0 errors, 1 warning \(2 suppressed\)$/m);
});

// ---------------------------------------------------------------------------
// Finding the configuration file
// ---------------------------------------------------------------------------

test('the configuration is found in a folder above the working folder; --no-config and --config override it', () => {
  const cwd = join(HERE, 'search/deep/nested');
  const file = '../../../requests/warning.json';
  const found = json([file], { cwd }).document;
  assert.deepEqual(reported(found), ['tag/reserved-prefix error'], 'search/.datasync-task-validator.json ignores filter/include-without-slash');
  const none = json(['--no-config', file], { cwd }).document;
  assert.deepEqual(reported(none).sort(), ['filter/include-without-slash warning', 'tag/reserved-prefix error']);
  const other = json(['--config', '../../../configs/include.json', file], { cwd }).document;
  assert.deepEqual(reported(other), [], 'only --config is read, not both');
});

// ---------------------------------------------------------------------------
// Mistakes in the configuration: one line on stderr, exit 2, nothing checked
// ---------------------------------------------------------------------------

const MISTAKES = [
  ['unknown-key.json', /configs\/unknown-key\.json: unknown key "ignor" \(the keys are "ignore", "include", "severity", "files", "ignoreFiles", "overrides", "locations", "task"\)/],
  ['unknown-code.json', /"ignore"\[0\]: "tag\/reserved-prefx" is not a code this command reports/],
  ['retired-code.json', /"include"\[0\]: "value\/empty-string" is a retired code, no longer reported; remove it \(retired because: .*value\/pattern-mismatch/],
  ['bad-severity.json', /"severity" "tag\/reserved-prefix" must be "error", "warning" or "off", not "fatal"/],
  ['note-severity.json', /cloudformation\/not-checked is an information note, not a finding; it can be "off" \(or ignored\) but not "error"/],
  ['not-a-list.json', /"ignore" must be a list of codes, not a string/],
  ['empty-files.json', /"files" is empty, so no file would be checked/],
  ['override-unknown-key.json', /"overrides"\[0\]: unknown key "severity" \(the keys are "files", "ignore"\)/],
  ['override-no-files.json', /"overrides"\[0\] needs "files"/],
  ['not-json.json', /configs\/not-json\.json: the configuration file is not valid JSON/],
  ['not-an-object.json', /configs\/not-an-object\.json: must be a JSON object, not a list/],
  ['missing.json', /configs\/missing\.json: cannot read the configuration file: no such file/],
  ['', /configs\/: cannot read the configuration file: is a directory/],
];

for (const [name, message] of MISTAKES) {
  test(`a configuration mistake is one clear line and exit 2: ${name || 'a folder'}`, () => {
    const { status, stdout, stderr } = run(['--config', `configs/${name}`, 'requests']);
    assert.equal(status, 2);
    assert.equal(stdout, '', 'nothing is checked with a broken configuration');
    assert.equal(stderr.split('\n').filter(Boolean).length, 1, stderr);
    assert.match(stderr, /^datasync-task-validator: /);
    assert.match(stderr, message);
  });
}

test('--config and --no-config together are a usage error', () => {
  const { status, stderr } = run(['--config', 'configs/ignore.json', '--no-config', 'requests']);
  assert.equal(status, 2);
  assert.match(stderr, /--config and --no-config cannot be combined/);
});

test('a code that is not a string is named with its index and type', () => {
  // parseConfig is what loadConfig runs on the file's value.
  assert.throws(() => parseConfig({ include: [42] }, { path: 'x.json', base: '/' }), (error) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.message, 'x.json: "include"[0] must be a code (a string), not a number');
    return true;
  });
});

test('the retired codes the command knows are those of the code registry', async () => {
  const { codes } = await import(pathToFileURL(join(pkgDir, 'codes.mjs')).href);
  const registry = codes().filter((entry) => entry.retired).map((entry) => entry.code).sort();
  assert.ok(registry.includes('value/empty-string'));
  assert.deepEqual(Object.keys(retiredCodes()).sort(), registry);
});

// ---------------------------------------------------------------------------
// A template resource's Metadata
// ---------------------------------------------------------------------------

test('Metadata "datasync-task-validator" "ignore" suppresses codes for that resource only', () => {
  const { status, document } = json(['--no-config', 'template.yaml']);
  assert.equal(status, 1);
  const byTask = Object.fromEntries(document.files[0].tasks.map((t) => [t.logicalId, t.diagnostics.map((d) => d.code)]));
  assert.deepEqual(byTask.Suppressed, []);
  assert.deepEqual(byTask.NotSuppressed, ['tag/reserved-prefix']);
  assert.deepEqual(suppressedOf(document), ['Suppressed: tag/reserved-prefix inSource', 'BadSuppression: tag/reserved-prefix inSource']);
  const [first] = document.files[0].tasks[0].suppressed;
  assert.deepEqual(first.suppression, { kind: 'inSource', source: 'Metadata.datasync-task-validator' });
  assert.equal(document.summary.suppressed, 2);
});

test('a Metadata suppression that cannot be honoured is a suppression/invalid warning at its line', () => {
  const { document } = json(['--no-config', 'template.yaml']);
  const tasks = Object.fromEntries(document.files[0].tasks.map((t) => [t.logicalId, t]));
  const invalid = (task) => task.diagnostics.filter((d) => d.code === 'suppression/invalid');
  const bad = invalid(tasks.BadSuppression);
  assert.deepEqual(
    bad.map((d) => [d.severity, d.params.metadata, d.line]),
    [
      ['warning', '/Metadata/datasync-task-validator/reason', 32],
      ['warning', '/Metadata/datasync-task-validator/ignore/0', 31],
      ['warning', '/Metadata/datasync-task-validator/ignore/1', 31],
    ],
  );
  assert.match(bad[1].message, /"tag\/reserved-prefx" is not a code this command reports/);
  assert.match(bad[2].message, /"value\/empty-string" is a retired code/);
  const notAList = invalid(tasks.NotAList);
  assert.equal(notAList.length, 1);
  assert.match(notAList[0].message, /"ignore" must be a list of codes; nothing is suppressed/);
  assert.ok(tasks.NotAList.diagnostics.some((d) => d.code === 'tag/reserved-prefix'), 'nothing was suppressed');
});

test('metadataSuppressions reads only the command\'s own member', () => {
  assert.deepEqual([...metadataSuppressions({ Metadata: { 'cfn-lint': { config: { ignore_checks: ['E1'] } } } }).codes], []);
  assert.deepEqual(metadataSuppressions({}).problems, []);
  assert.deepEqual(metadataSuppressions({ Metadata: 'text' }).problems, []);
  assert.equal(metadataSuppressions({ Metadata: { 'datasync-task-validator': ['tag/reserved-prefix'] } }).problems.length, 1);
});

// ---------------------------------------------------------------------------
// SARIF suppressions
// ---------------------------------------------------------------------------

test('SARIF: suppressed findings are results with suppressions, inSource for Metadata, external for overrides', () => {
  const sarif = JSON.parse(run(['--format', 'sarif', '--config', 'overrides.config.json', 'requests', 'template.yaml']).stdout);
  const results = sarif.runs[0].results;
  const suppressed = results.filter((r) => r.suppressions).map((r) => `${r.properties.logicalId ?? r.locations[0].physicalLocation.artifactLocation.uri} ${r.ruleId} ${r.suppressions[0].kind}`);
  assert.deepEqual(suppressed.sort(), [
    'BadSuppression tag/reserved-prefix inSource',
    'Suppressed tag/reserved-prefix inSource',
    'requests/warning.json filter/include-without-slash external',
    'requests/warning.json tag/reserved-prefix external',
  ]);
  const external = results.find((r) => r.suppressions?.[0].kind === 'external');
  assert.equal(external.suppressions[0].justification, 'suppressed by overrides.config.json');
  assert.ok(results.some((r) => !r.suppressions && r.ruleId === 'tag/reserved-prefix'), 'NotSuppressed stays an alert');
});

// ---------------------------------------------------------------------------
// Terraform comments (the parser; the Terraform reader wires it in)
// ---------------------------------------------------------------------------

test('terraformSuppressions: the comment lines right above a resource, # or //, several codes', () => {
  const text = [
    'resource "aws_datasync_location_s3" "source" {}',
    '',
    '# Nightly copy; the tag is deliberate.',
    '# datasync-task-validator: ignore=tag/reserved-prefix, filter/include-without-slash',
    '// datasync-task-validator: ignore=locations/same-location',
    'resource "aws_datasync_task" "nightly" {',
    '  name = "nightly"',
    '}',
    '',
    '# datasync-task-validator: ignore=tag/reserved-prefix',
    '',
    'resource "aws_datasync_task" "separated" {}',
    'resource  "aws_datasync_task"  "plain" {}',
  ].join('\n');
  const found = terraformSuppressions(text);
  assert.deepEqual([...found.keys()], ['nightly', 'separated', 'plain']);
  assert.deepEqual([...found.get('nightly').codes], ['locations/same-location', 'tag/reserved-prefix', 'filter/include-without-slash']);
  assert.equal(found.get('nightly').line, 6);
  assert.deepEqual(found.get('nightly').problems, []);
  assert.deepEqual([...found.get('separated').codes], [], 'a blank line ends the comment block');
  assert.deepEqual([...found.get('plain').codes], []);
});

test('terraformSuppressions: unknown and retired codes and malformed directives are problems with their line', () => {
  const text = [
    '# datasync-task-validator: ignore=tag/reserved-prefx,value/empty-string,tag/duplicate-key',
    '# datasync-task-validator: skip=tag/duplicate-key',
    '# datasync-task-validator: ignore=tag/duplicate-key,,',
    'resource "aws_datasync_task" "t" {}',
  ].join('\r\n');
  const { codes, problems } = terraformSuppressions(text).get('t');
  assert.deepEqual([...codes], ['tag/duplicate-key']);
  assert.deepEqual(
    problems.map((p) => [p.line, p.message.slice(0, 40)]),
    [
      [3, 'An empty code in "ignore="; separate the'],
      [2, 'Not understood: "skip=tag/duplicate-key"'],
      [1, 'Not suppressed: "tag/reserved-prefx" is '],
      [1, 'Not suppressed: "value/empty-string" is '],
    ],
  );
});

test('attachTerraformSuppressions: a task report gets its comment\'s codes by resource name, module instances too', () => {
  const text = [
    '# datasync-task-validator: ignore=tag/reserved-prefix,tag/reserved-prefx',
    'resource "aws_datasync_task" "nightly" {}',
    'resource "aws_datasync_task" "other" {}',
  ].join('\n');
  const finding = (code) => ({ code, severity: 'error', path: '/Tags/0/Key', message: 'm', line: 9, column: 3 });
  const task = (logicalId) => ({ logicalId, pointer: '', diagnostics: [finding('tag/reserved-prefix'), finding('tag/duplicate-key')], notes: [] });
  const report = {
    file: 'main.tf',
    kind: 'terraform',
    notes: [],
    tasks: [task('aws_datasync_task.nightly'), task('module.copy["eu"].aws_datasync_task.nightly[0]'), task('aws_datasync_task.other')],
  };
  applySelection(attachTerraformSuppressions(report, text), null);
  const [plain, instance, other] = report.tasks;
  for (const suppressed of [plain, instance]) {
    assert.deepEqual(suppressed.diagnostics.map((d) => d.code), ['tag/duplicate-key', 'suppression/invalid']);
    assert.deepEqual(suppressed.suppressed.map((d) => [d.code, d.suppression.kind]), [['tag/reserved-prefix', 'inSource']]);
    assert.equal(suppressed.suppressed[0].suppression.source, 'comment above resource "aws_datasync_task" "nightly"');
    assert.equal(suppressed.diagnostics[1].line, 1);
  }
  assert.deepEqual(other.diagnostics.map((d) => d.code), ['tag/reserved-prefix', 'tag/duplicate-key']);
  assert.deepEqual(other.suppressed, []);
});

test('Terraform: a comment above the resource suppresses its codes; a misspelt code is a warning at the comment', () => {
  const { status, document } = json(['--no-config', 'terraform']);
  assert.equal(status, 1);
  const byTask = Object.fromEntries(document.files[0].tasks.map((t) => [t.logicalId, t]));
  assert.deepEqual(byTask['aws_datasync_task.suppressed'].diagnostics, []);
  assert.deepEqual(
    byTask['aws_datasync_task.suppressed'].suppressed.map((d) => [d.code, d.suppression.kind, d.suppression.source]),
    [['tag/reserved-prefix', 'inSource', 'comment above resource "aws_datasync_task" "suppressed"']],
  );
  assert.deepEqual(byTask['aws_datasync_task.not_suppressed'].diagnostics.map((d) => d.code), ['tag/reserved-prefix']);
  const misspelt = byTask['aws_datasync_task.misspelt'].diagnostics.map((d) => [d.code, d.line]);
  assert.deepEqual(misspelt, [['tag/reserved-prefix', 27], ['suppression/invalid', 21]]);
  assert.equal(document.summary.suppressed, 1);
  const sarif = JSON.parse(run(['--no-config', '--format', 'sarif', 'terraform']).stdout);
  const suppressed = sarif.runs[0].results.filter((r) => r.suppressions);
  assert.deepEqual(suppressed.map((r) => [r.properties.logicalId, r.suppressions[0].kind]), [['aws_datasync_task.suppressed', 'inSource']]);
});

test('Terraform: a comment in a called module applies to every instance, also when only the root module is named', () => {
  for (const operand of ['terraform-module', 'terraform-module/main.tf']) {
    const { status, document } = json(['--no-config', operand]);
    assert.equal(status, 0, operand);
    const tasks = document.files.flatMap((f) => f.tasks.map((t) => [f.file, t.logicalId, t.diagnostics.length, t.suppressed.map((d) => d.code)]));
    assert.deepEqual(tasks, [
      ['terraform-module/child/main.tf', 'module.east.aws_datasync_task.copy', 0, ['tag/reserved-prefix']],
      ['terraform-module/child/main.tf', 'module.west.aws_datasync_task.copy', 0, ['tag/reserved-prefix']],
    ], operand);
  }
});

test('Terraform: the configuration applies to .tf files too (ignore, overrides by glob)', () => {
  const { document } = json(['--config', 'configs/tag-warning.json', 'terraform']);
  assert.deepEqual(reported(document), ['tag/reserved-prefix warning', 'tag/reserved-prefix warning', 'suppression/invalid warning']);
  const overridden = json(['--config', 'terraform-overrides.config.json', 'terraform']).document;
  const kinds = overridden.files[0].tasks.flatMap((t) => t.suppressed.map((d) => `${t.logicalId} ${d.suppression.kind}`));
  assert.deepEqual(kinds, [
    'aws_datasync_task.suppressed inSource',
    'aws_datasync_task.not_suppressed external',
    'aws_datasync_task.misspelt external',
  ]);
  assert.equal(overridden.exitCode, 0);
});

// ---------------------------------------------------------------------------
// Folder mode checks only task configurations
// ---------------------------------------------------------------------------

test('folder mode skips package.json, lock files, tsconfig.json, the command\'s own reports and other YAML', () => {
  const { status, document, stderr } = json(['--no-config', 'folder']);
  assert.equal(stderr, '', 'tsconfig.json (comments) and the Helm template ({{ }}) are not reported as broken');
  assert.notEqual(status, 2);
  const kinds = Object.fromEntries(document.files.map((f) => [f.file, f.kind]));
  assert.deepEqual(kinds, {
    'folder/chart/templates/deployment.yaml': 'skipped',
    'folder/docker-compose.yaml': 'skipped',
    'folder/package-lock.json': 'skipped',
    'folder/package.json': 'skipped',
    'folder/pnpm-lock.yaml': 'skipped',
    'folder/report.json': 'skipped',
    'folder/results.sarif.json': 'skipped',
    'folder/stack.yaml': 'template',
    'folder/tasks/nightly.json': 'request',
    'folder/tasks/rerun.yaml': 'request',
    'folder/tsconfig.json': 'skipped',
  });
  assert.equal(document.summary.skipped, 8);
  assert.equal(document.summary.checked, 3);
  const human = run(['--no-config', '--no-color', 'folder']);
  assert.match(human.stdout, /^3 files checked: .*; 8 files skipped \(not task configurations, or left out by the configuration\)$/m);
});

test('in a folder, a file that cannot be parsed is reported when it names a task member, skipped otherwise', () => {
  const { status, document, stderr } = json(['--no-config', 'folder-broken', 'folder/chart']);
  assert.equal(status, 2);
  assert.deepEqual(document.files.map((f) => [f.file, f.kind]), [
    ['folder-broken/nightly.json', 'unparsable'],
    ['folder/chart/templates/deployment.yaml', 'skipped'],
  ]);
  assert.match(stderr, /^datasync-task-validator: folder-broken\/nightly\.json:4:3: invalid JSON/);
  assert.equal(stderr.split('\n').filter(Boolean).length, 1);
  // Named on the command line (a shell glob names it), the Helm template is said to be no DataSync input
  // (cli-inputs36.test.mjs); asked for as a request with --operation, it cannot be parsed.
  const named = run(['--no-config', 'folder/chart/templates/deployment.yaml']);
  assert.equal(named.status, 0);
  assert.match(named.stderr, /^datasync-task-validator: folder\/chart\/templates\/deployment\.yaml: skipped: not a DataSync input: a text template/);
  assert.equal(run(['--no-config', '--operation', 'CreateTask', 'folder/chart/templates/deployment.yaml']).status, 2);
});

test('a DescribeTask or DescribeTaskExecution response is not a request: skipped in a folder, and named on the command line it says why', () => {
  const { status, document, stderr } = json(['--no-config', 'responses']);
  assert.equal(stderr, '');
  assert.equal(status, 0, 'no unknown-member errors for Status, CreationTime, ...');
  const files = Object.fromEntries(document.files.map((f) => [f.file, [f.kind, f.reason]]));
  assert.deepEqual(files, {
    'responses/describe-task-execution.yaml': ['skipped', 'a DescribeTaskExecution response (aws datasync describe-task-execution output), not a request (pass --operation to check it as one)'],
    'responses/describe-task.json': ['skipped', 'a DescribeTask response (aws datasync describe-task output), not a request (pass --operation to check it as one)'],
    'responses/update.json': ['request', undefined],
  });
  assert.equal(document.summary.skipped, 2);
  assert.equal(document.summary.checked, 1);
  const named = run(['--no-config', '--no-color', 'responses/describe-task.json']);
  assert.equal(named.status, 0);
  assert.equal(named.stderr, 'datasync-task-validator: responses/describe-task.json: skipped: a DescribeTask response (aws datasync describe-task output), not a request (pass --operation to check it as one)\n');
  assert.match(named.stdout, /^0 files checked: 0 errors, 0 warnings; 1 file skipped/m);
  // Asked for with --operation, it is checked as that request: its response-only members are unknown.
  const asked = json(['--no-config', '--operation', 'UpdateTask', 'responses/describe-task.json']);
  assert.equal(asked.status, 1);
  assert.ok(reported(asked.document).includes('request/unknown-member error'));
});

test('the configuration file itself is skipped in folder mode (by its name and by its content)', () => {
  const { document } = json(['--no-config', 'search']);
  // search/ holds only the configuration file (and a README.txt, not read).
  assert.deepEqual(document.files.map((f) => [f.file, f.kind]), [['search/.datasync-task-validator.json', 'skipped']]);
});

test('a file named on the command line is not skipped by its name; what is plainly not a request is skipped with a line that says so, --operation checks it', () => {
  const { status, stderr, document } = json(['--no-config', 'folder/package.json', 'folder/report.json']);
  assert.equal(status, 0);
  assert.deepEqual(document.files.map((f) => f.kind), ['skipped', 'skipped']);
  assert.match(stderr, /^datasync-task-validator: folder\/package\.json: skipped: not a DataSync task request \(none of its members is one a task request has: "name", "version", "private", \.\.\.\)/m);
  // Our own JSON report says what it is (session 37).
  assert.match(stderr, /^datasync-task-validator: folder\/report\.json: skipped: a report of datasync-task-validator \(--format json\), not a task configuration$/m);
  const forced = json(['--no-config', '--operation', 'CreateTask', 'folder/package.json', 'folder/report.json']);
  assert.equal(forced.status, 1);
  assert.deepEqual(forced.document.files.map((f) => f.kind), ['request', 'request']);
  assert.ok(reported(forced.document).includes('request/missing-member error'));
});

test('a glob finds files as a folder does: skipped unless they are task configurations', () => {
  const { document } = json(['--no-config', 'folder/*.json']);
  assert.deepEqual(document.files.map((f) => f.kind), ['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
});

// ---------------------------------------------------------------------------
// The glob matcher
// ---------------------------------------------------------------------------

test('globs: *, ?, ** and a trailing slash; a pattern without a slash matches the name anywhere', () => {
  const cases = [
    ['*.json', 'a.json', true],
    ['*.json', 'deep/er/a.json', true],
    ['*.json', 'a.yaml', false],
    ['tasks/*.json', 'tasks/a.json', true],
    ['tasks/*.json', 'tasks/x/a.json', false],
    ['tasks/*.json', 'other/tasks/a.json', false],
    ['tasks/**/*.json', 'tasks/a.json', true],
    ['tasks/**/*.json', 'tasks/x/y/a.json', true],
    ['**/legacy/**', 'a/legacy/b/c.yaml', true],
    ['legacy/', 'legacy/b/c.yaml', true],
    ['legacy/', 'new/legacy/c.yaml', false],
    ['./tasks/?.json', 'tasks/a.json', true],
    ['./tasks/?.json', 'tasks/ab.json', false],
    ['tâche-?.yaml', 'tâche-é.yaml', true],
  ];
  for (const [pattern, path, expected] of cases) assert.equal(compileGlob(pattern)(path), expected, `${pattern} vs ${path}`);
  assert.equal(compileGlob('/'), null);
  assert.equal(compileGlob(''), null);
});

test('globs never backtrack exponentially: a pathological pattern is answered (no regular expression)', () => {
  const long = `${'a'.repeat(5000)}.json`;
  assert.equal(compileGlob(`${'*a'.repeat(40)}*b`)(long), false);
  assert.equal(compileGlob(`${'**/'.repeat(30)}x`)(`${'d/'.repeat(200)}y`), false);
});
