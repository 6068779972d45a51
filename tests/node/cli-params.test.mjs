// What the command reports carries the `params` its code declares in the code
// registry (js/cli/rules.json, generated from src/diagnostic.rs), as the
// validator's own diagnostics are checked natively by tests/generated.rs: no
// undeclared member, every required member present, the declared types. The
// command adds four documented members to any finding it maps back to a
// template or plan (docs/rules/README.md): locationResources, conditions,
// parameterDefaults and forEach.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, pkgDir, repoRoot, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const RULES = JSON.parse(readFileSync(join(pkgDir, 'cli', 'rules.json'), 'utf8'));
const DECLARED = new Map(RULES.filter((rule) => !rule.retired).map((rule) => [rule.code, rule.params]));
const ADDED_BY_THE_COMMAND = new Set(['locationResources', 'conditions', 'parameterDefaults', 'forEach']);

/** Inputs for the command's own codes that the fixture folders do not show. */
const EXTRA_INPUTS = {
  // terraform/missing-argument (a location without s3_bucket_arn) and invalid-resource-type's dataSource.
  'missing.tf': `resource "aws_datasync_location_s3" "l" {
  subdirectory = "/"
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/r"
  }
}
resource "awscc_datasync_tasks" "all" {}
`,
  'blocks.tf': `resource "aws_datasync_task" "t" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  options { verify_mode = "NONE" }
  options { log_level = "BASIC" }
  task_report_config {
    output_type = "STANDARD"
  }
}
`,
  'for-each.tf': `resource "aws_datasync_task" "each" {
  for_each                 = ["a"]
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
}
`,
  'nfs42.tf': `resource "aws_datasync_location_nfs" "nfs" {
  server_hostname = "nfs.example.com"
  subdirectory    = "/exports"
  on_prem_config { agent_arns = ["arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0"] }
  mount_options { version = "NFS4_2" }
}
resource "aws_datasync_task" "nfs42" {
  source_location_arn      = aws_datasync_location_nfs.nfs.arn
  destination_location_arn = "${DESTINATION}"
}
`,
  'resource-type.tf': 'resource "aws_datasync_locaton_s3" "typo" {}\n',
  'awscc-ignored.tf': `resource "awscc_datasync_task" "ignored" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
  options                  = { verfy_mode = "NONE" }
}
`,
  'parameter-default.yaml': `Parameters:
  Verify:
    Type: String
    Default: NONE
Resources:
  Task:
    Type: AWS::DataSync::Task
    Properties:
      SourceLocationArn: ${SOURCE}
      DestinationLocationArn: ${DESTINATION}
      Options:
        VerifyMode: !Ref Verify
`,
  'loop-mapping.yaml': `Transform: AWS::LanguageExtensions
Mappings:
  Modes:
    Nightly: {Verify: NONE}
Resources:
  Fn::ForEach::Copies:
    - Kind
    - [Nightly, Hourly]
    - Copy\${Kind}:
        Type: AWS::DataSync::Task
        Properties:
          SourceLocationArn: ${SOURCE}
          DestinationLocationArn: ${DESTINATION}
          Options:
            VerifyMode: !FindInMap [Modes, !Ref Kind, Verify]
`,
  'start.json': '{"TaskArn": "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0"}\n',
};

function typeOf(value) {
  if (typeof value === 'number' && Number.isInteger(value)) return 'number';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'string[]';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return 'object';
  return typeof value;
}

/** Every finding and note the command reports for `paths`, with the file it came from. */
function findings(paths) {
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', ...paths], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.error, undefined, String(result.error));
  const out = [];
  for (const file of JSON.parse(result.stdout).files) {
    for (const note of file.notes) out.push({ file: file.file, ...note });
    for (const task of file.tasks) {
      for (const item of [...task.diagnostics, ...(task.notes ?? [])]) out.push({ file: file.file, ...item });
    }
  }
  return out;
}

function misfits(finding) {
  const declared = DECLARED.get(finding.code);
  if (!declared) return [`${finding.code}: not in the registry`];
  const where = `${finding.code} in ${finding.file} at ${JSON.stringify(finding.path)}`;
  const problems = [];
  for (const [name, value] of Object.entries(finding.params ?? {})) {
    const param = declared.find((p) => p.name === name);
    if (param) {
      if (typeOf(value) !== param.type) problems.push(`${where}: params.${name} is ${typeOf(value)}, declared ${param.type}`);
    } else if (!ADDED_BY_THE_COMMAND.has(name)) {
      problems.push(`${where}: params.${name} is not declared`);
    } else if (typeOf(value) !== 'object') {
      problems.push(`${where}: params.${name} is not an object`);
    }
  }
  for (const param of declared.filter((p) => !p.optional)) {
    if (!(param.name in (finding.params ?? {}))) problems.push(`${where}: required params.${param.name} is missing`);
  }
  return problems;
}

test('every finding and note of the command carries the params its code declares', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cli-params-'));
  try {
    for (const [name, text] of Object.entries(EXTRA_INPUTS)) writeFileSync(join(folder, name), text);
    const fixtures = ['broken', 'templates', 'terraform', 'requests', 'operations', 'config/folder', 'config/terraform'];
    const all = [...findings(fixtures.map((f) => `tests/cli/fixtures/${f}`)), ...findings([folder])];
    assert.deepEqual(all.flatMap(misfits), []);
    // The command's codes that declare params were all seen, so the check above
    // covered them (a fixture that stops showing one fails here, not silently).
    const seen = new Set(all.map((finding) => finding.code));
    const commandCodesWithParams = RULES.filter((rule) => rule.emittedBy === 'command' && rule.params.length > 0).map((rule) => rule.code);
    assert.deepEqual(commandCodesWithParams.filter((code) => !seen.has(code)), []);
    assert.ok(commandCodesWithParams.length >= 4);
    for (const code of ['cloudformation/parameter-default', 'request/operation', 'cloudformation/not-checked']) assert.ok(seen.has(code), code);
    assert.ok(all.length > 50, `only ${all.length} findings`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the check sees a misfit: an undeclared member, a missing required one, a wrong type', () => {
  const base = { file: 'x', path: '' };
  assert.match(misfits({ ...base, code: 'terraform/too-many-blocks', params: { block: 'options' } })[0], /required params.max is missing/);
  assert.match(misfits({ ...base, code: 'terraform/too-many-blocks', params: { block: 'options', max: '1' } })[0], /params.max is string, declared number/);
  assert.match(misfits({ ...base, code: 'request/operation', params: { operation: 'x' } })[0], /params.operation is not declared/);
  assert.deepEqual(misfits({ ...base, code: 'request/operation', params: { conditions: { IsProd: true } } }), []);
});
