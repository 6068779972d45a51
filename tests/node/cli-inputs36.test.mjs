// What the command reads (js/cli/main.mjs, js/cli/output-file.mjs,
// js/cli/recognise.mjs), run from the built package:
// - the report of the last run, found again by the folder walk, in any format;
// - a file named on the command line (a shell glob names every file) that
//   cannot be parsed and is plainly another tool's: a tsconfig.json with
//   comments, a Helm template.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, requireBuiltPackage, runCommand, scratchFolders, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const folder = scratchFolders('cli-inputs36');
const run = (args, cwd) => runCommand(['--no-config', '--no-color', ...args], { cwd });

const INVALID = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'BAD' } });
const VALID = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });

// ---------------------------------------------------------------------------
// --output-file: the report of the last run, found by the folder walk
// ---------------------------------------------------------------------------

test('run again, the report of the last run that the folder walk finds is left out, in every format: the same status and the same report', () => {
  // revcfn34 #5. Before: a junit, github or human report written to a .json or .yaml name was refused
  // on the rerun ("the report would overwrite tasks/report.yaml", exit 2), and a JSON or SARIF report
  // was read and listed in the new report as a skipped file (files 2, skipped 1).
  const root = folder('rerun', { 'tasks/task.json': INVALID });
  for (const format of ['json', 'sarif', 'junit', 'github', 'human']) {
    for (const report of ['tasks/report.json', 'tasks/report.yaml']) {
      const first = run(['-f', format, '-o', report, 'tasks'], root);
      assert.equal(first.status, 1, `${format} ${report}: ${first.stderr}`);
      const written = readFileSync(join(root, report), 'utf8');
      for (let again = 0; again < 2; again += 1) {
        const next = run(['-f', format, '-o', report, 'tasks'], root);
        assert.equal(next.stderr, '', `${format} ${report}`);
        assert.equal(next.status, 1, `${format} ${report}`);
        assert.equal(readFileSync(join(root, report), 'utf8'), written, `${format} ${report}: the report is the first run's`);
      }
      rmSync(join(root, report));
    }
  }
});

test('run again with --quiet and nothing failing: the empty report of the last run is left out too', () => {
  // --quiet prints nothing when nothing fails, so the report is an empty file. Before: refused, exit 2.
  const root = folder('quiet', { 'tasks/task.json': VALID });
  for (let time = 0; time < 3; time += 1) {
    const result = run(['-q', '-o', 'tasks/report.yaml', 'tasks'], root);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    assert.equal(readFileSync(join(root, 'tasks/report.yaml'), 'utf8'), '');
  }
});

test('a found --output-file that the run reads as a task input is refused, even when it holds a report of ours', () => {
  // A .tf.json file is Terraform's whatever it holds: the module is read with it. Before: the JSON
  // report in main.tf.json was taken for the last run's and replaced (exit 0).
  const module = folder('module', {
    'main.tf': `resource "aws_datasync_task" "t" {\n  source_location_arn      = "${SOURCE}"\n  destination_location_arn = "${DESTINATION}"\n}\n`,
  });
  assert.equal(run(['-f', 'json', '-o', 'report.tf.json', '.'], module).status, 0);
  const written = readFileSync(join(module, 'report.tf.json'), 'utf8');
  const again = run(['-f', 'json', '-o', 'report.tf.json', '.'], module);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /--output-file report\.tf\.json: the report would overwrite report\.tf\.json, one of the files to check/);
  assert.equal(readFileSync(join(module, 'report.tf.json'), 'utf8'), written);

  // A request, and another tool's file, found in the folder: never replaced (hunt34 #10).
  const root = folder('inputs', { 'tasks/a.json': INVALID, 'tasks/other.yaml': 'name: x\n', 'tasks/notes.yaml': '' });
  for (const [target, text] of [['tasks/a.json', INVALID], ['tasks/other.yaml', 'name: x\n']]) {
    for (const format of ['json', 'junit', 'human']) {
      const result = run(['-f', format, '-o', target, 'tasks'], root);
      assert.equal(result.status, 2, `${format} ${target}`);
      assert.equal(readFileSync(join(root, target), 'utf8'), text);
    }
  }
  // The last run's report named on the command line is one of the files to check: refused.
  const report = folder('named-report', { 'task.json': INVALID });
  run(['-f', 'junit', '-o', 'report.yaml', '.'], report);
  const named = run(['-f', 'junit', '-o', 'report.yaml', 'task.json', 'report.yaml'], report);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /the report would overwrite report\.yaml, one of the files to check/);
});

// ---------------------------------------------------------------------------
// Named, unparsable, and plainly another tool's file
// ---------------------------------------------------------------------------

const TSCONFIG = '{\n  // Strict everywhere.\n  "compilerOptions": { "strict": true, "target": "es2022", },\n  "include": ["src/**/*.ts"],\n}\n';
const HELM = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ include "app.fullname" . }}',
  '  labels:',
  '    {{- include "app.labels" . | nindent 4 }}',
  'spec:',
  '  replicas: {{ .Values.replicaCount }}',
  '',
].join('\n');
const APPSETTINGS = '{\n  /* Logging */\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "AllowedHosts": "*"\n}\n';

test('named, a tsconfig.json with comments, JSON with comments and a Helm template are "not a DataSync input", skipped with a line that says why', () => {
  // What `datasync-task-validator **/*.json **/*.yaml` names in a repository. Before: each was
  // "invalid JSON" or "invalid YAML", exit 2.
  const root = folder('named', { 'tsconfig.json': TSCONFIG, 'chart/templates/deployment.yaml': HELM, 'appsettings.json': APPSETTINGS, 'task.json': VALID });
  const result = run(['-f', 'json', 'tsconfig.json', 'chart/templates/deployment.yaml', 'appsettings.json', 'task.json'], root);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(report.files.map((f) => [f.file, f.kind]), [
    ['tsconfig.json', 'skipped'],
    ['chart/templates/deployment.yaml', 'skipped'],
    ['appsettings.json', 'skipped'],
    ['task.json', 'request'],
  ]);
  assert.deepEqual(report.summary.skipped, 3);
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^datasync-task-validator: tsconfig\.json: skipped: not a DataSync input: a file named tsconfig\.json, which is never a task configuration, .* \(it cannot be parsed: invalid JSON: .* at 2:3\)$/);
  assert.match(lines[1], /^datasync-task-validator: chart\/templates\/deployment\.yaml: skipped: not a DataSync input: a text template \(Helm, Go, Jinja: \{\{ … \}\}\)/);
  assert.match(lines[2], /^datasync-task-validator: appsettings\.json: skipped: not a DataSync input: JSON with comments/);
  assert.equal(report.files[0].reason, lines[0].replace(/^datasync-task-validator: tsconfig\.json: skipped: /, ''));
  // --operation asks for a request: the syntax error stands.
  const asked = run(['--operation', 'CreateTask', 'tsconfig.json'], root);
  assert.equal(asked.status, 2);
  assert.match(asked.stderr, /^datasync-task-validator: tsconfig\.json:2:3: invalid JSON/);
});

test('named, a file that cannot be parsed keeps its syntax error (exit 2) whenever it may be a broken task file', () => {
  const cases = {
    // A request with a comment: the AWS CLI cannot read it either.
    'request.json': `{\n  // nightly\n  "SourceLocationArn": "${SOURCE}"\n}\n`,
    // One request member, even Name or Options, or a near miss of a task member, as in a named file that parses.
    'name.json': '{\n  // c\n  "Name": "nightly"\n}\n',
    'misspelt.json': '{\n  // c\n  "SourceLocation": "x"\n}\n',
    'options.yaml': 'Options:\n  {{- if .Values.verify }}\n  VerifyMode: NONE\n  {{- end }}\n',
    // A DataSync ARN, a template section, a task resource.
    'arn.json': `{\n  // c\n  "source": "${SOURCE}"\n}\n`,
    'stack.yaml': 'Resources:\n  {{- range .Values.buckets }}\n  Bucket:\n    Type: AWS::S3::Bucket\n  {{- end }}\n',
    'cfn.yaml': 'X:\n  Type: AWS::DataSync::Task\n  {{- if .Values.p }}\n  Properties: {}\n  {{- end }}\n',
    // A name kept for other files does not excuse a task member.
    'tsconfig.json': '{\n  // c\n  "TaskArn": "x"\n}\n',
    // Broken, but nothing says it is another tool's: no comment, no template, no such name.
    'broken.json': '{"compilerOptions": {"strict": true},,}\n',
    'broken.yaml': 'a: [b\n',
  };
  const root = folder('broken', cases);
  for (const name of Object.keys(cases)) {
    const result = run([name], root);
    assert.equal(result.status, 2, name);
    assert.match(result.stderr, new RegExp(`^datasync-task-validator: ${name.replace('.', '\\.')}:\\d+:\\d+: invalid (JSON|YAML)`), name);
  }
});
