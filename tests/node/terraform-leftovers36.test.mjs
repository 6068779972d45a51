// Terraform leftovers (session 36). Every value is the one
// `TF_CLI_CONFIG_FILE=/dev/null terraform console` (v1.11.4) prints, and every
// verdict the one `terraform plan` (1.11.4, AWS provider 5.100.0, offline)
// gives; what the command cannot know stays unknown (no finding).
// 1. A location's `uri` given where its ARN is wanted (hunt35 #11).
// 2. A location's agents: `[null]` (plan refuses it), `[]` (hunt35 #9: plan
//    accepts it; its folder and its plan say the same).
// 3. Which instance of a count or for_each resource a key names (rev35b #4).
// 4. `==` and `!=` beside a collection holding one of Terraform's errors (rev35b #2).
// 5. file("${path.module}/…") of a file beside the module (realmore3 #2, terraform/71).
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCommand, terraformTask, writeFolder } from './helpers.mjs';
import { ERROR, readNative, Scope, scopeWith, terraformValues, UNKNOWN } from './helpers/terraform-value.mjs';

const json = (args) => JSON.parse(runCommand(['--format', 'json', ...args]).stdout);
/** Each task of a folder or plan file: its findings (`severity code path`) and notes' messages, and the messages. */
function check(t, files, name = '') {
  const { root } = writeFolder(t, files);
  const tasks = json([`${root}/${name}`]).files.flatMap((f) => f.tasks);
  return Object.fromEntries(
    tasks.map((found) => [
      found.logicalId,
      {
        findings: [...found.diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`), ...found.notes.map((d) => `${d.code} ${d.path}`)],
        messages: found.diagnostics.map((d) => d.message),
      },
    ]),
  );
}

const S3 = (name, extra = '') => `resource "aws_datasync_location_s3" "${name}" {
  s3_bucket_arn = "arn:aws:s3:::${name}-bucket"
  subdirectory  = "/"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
${extra}}
`;
const task = (source, destination) => `resource "aws_datasync_task" "t" {
  source_location_arn      = ${source}
  destination_location_arn = ${destination}
}
`;

/**
 * A `terraform show -json` plan (the parts the command reads) creating
 * `changes` (`[type, name, after, after_unknown]`), with the task's
 * configuration expressions `expressions`.
 */
function plan(changes, expressions) {
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: changes.map(([type, name, after, unknown]) => ({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      change: { actions: ['create'], after, after_unknown: unknown },
    })),
    configuration: { root_module: { resources: [{ address: 'aws_datasync_task.t', mode: 'managed', type: 'aws_datasync_task', name: 't', expressions }] } },
  });
}
const plannedS3 = (name) => ['aws_datasync_location_s3', name, { s3_bucket_arn: `arn:aws:s3:::${name}-bucket`, subdirectory: '/', s3_config: [{ bucket_access_role_arn: 'arn:aws:iam::111122223333:role/r' }] }, { arn: true, id: true, uri: true, s3_storage_class: true }];
const plannedTask = ['aws_datasync_task', 't', { excludes: [], includes: [], options: [] }, { arn: true, id: true, source_location_arn: true, destination_location_arn: true, task_mode: true }];
const referencing = (source, destination) => ({
  source_location_arn: { references: [source, source.split('.').slice(0, 2).join('.')] },
  destination_location_arn: { references: [destination, destination.split('.').slice(0, 2).join('.')] },
});

// ---------------------------------------------------------------------------
// 1. A location's uri given as its ARN
// ---------------------------------------------------------------------------

test('hunt35 #11: a location resource\'s uri given as a location ARN is an error, in a folder and in its plan', (t) => {
  // terraform plan (provider 5.100.0) accepts it (the uri is known after apply); CreateTask refuses it
  // at apply: every location resource's computed `uri` is its URI (s3://…), which never matches
  // the LocationArn pattern (^arn:…:location/loc-…$). Before: only "Not checked: … known only after apply".
  const folder = check(t, { 'main.tf': S3('src') + S3('dst') + task('aws_datasync_location_s3.src.uri', 'aws_datasync_location_s3.dst.arn') });
  assert.deepEqual(folder['aws_datasync_task.t'].findings, ['error value/pattern-mismatch /SourceLocationArn']);
  assert.match(folder['aws_datasync_task.t'].messages[0], /^source_location_arn is aws_datasync_location_s3\.src\.uri, the location's URI \(scheme:\/\/…\), not its ARN; .* Use aws_datasync_location_s3\.src\.arn\.$/);
  const planned = check(t, { 'plan.json': plan([plannedS3('src'), plannedS3('dst'), plannedTask], referencing('aws_datasync_location_s3.dst.arn', 'aws_datasync_location_s3.src.uri')) }, 'plan.json');
  assert.deepEqual(planned['aws_datasync_task.t'].findings, ['error value/pattern-mismatch /DestinationLocationArn']);
  assert.match(planned['aws_datasync_task.t'].messages[0], /^destination_location_arn is aws_datasync_location_s3\.src\.uri, the location's URI/);
});

test('a location\'s arn or id stays the location; a uri of something that is not a location resource of the module is only not known', (t) => {
  const found = check(t, {
    'main.tf': `${S3('src')}${S3('dst')}${task('aws_datasync_location_s3.src.id', 'aws_s3_bucket.b.uri')}resource "aws_s3_bucket" "b" {}\n`,
  });
  assert.deepEqual(found['aws_datasync_task.t'].findings, ['terraform/not-checked /DestinationLocationArn']);
});

// ---------------------------------------------------------------------------
// 2. A location's agents: a null element, an empty set
// ---------------------------------------------------------------------------

const azure = (agents) => `resource "aws_datasync_location_azure_blob" "az" {
  agent_arns          = ${agents}
  authentication_type = "SAS"
  container_url       = "https://acct.blob.core.windows.net/container"
  sas_configuration { token = "sp=r&sig=x" }
}
`;

test('agent_arns with a null element is refused (terraform plan: "Null value found in list"), in every location that has agents', (t) => {
  // terraform plan (provider 5.100.0): `Error: Null value found in list ... Null values are not allowed
  // for this attribute value.` for agent_arns = [null] (azure_blob, object_storage, S3),
  // [null, timestamp()] (an unknown element beside it changes nothing), and on_prem_config { agent_arns = [null] } (NFS).
  // Before: the member was left out, and the check was clean.
  const found = check(t, {
    'main.tf': `${azure('[null, timestamp()]')}${S3('dst', '  agent_arns = [null]\n')}${task('aws_datasync_location_azure_blob.az.arn', 'aws_datasync_location_s3.dst.arn')}
resource "aws_datasync_location_nfs" "n" {
  server_hostname = "nfs.example.com"
  subdirectory    = "/x"
  on_prem_config { agent_arns = [null] }
}
resource "aws_datasync_task" "u" {
  source_location_arn      = aws_datasync_location_nfs.n.arn
  destination_location_arn = aws_datasync_location_s3.dst.arn
}
`,
  });
  assert.deepEqual(found['aws_datasync_task.t'].findings, ['error terraform/invalid-location-value /SourceLocationArn', 'error terraform/invalid-location-value /DestinationLocationArn']);
  assert.match(found['aws_datasync_task.t'].messages[0], /^The source location aws_datasync_location_azure_blob\.az \(.*main\.tf:1\) sets agent_arns to a list with a null element, which Terraform refuses \("Null value found in list"\): terraform plan stops there/);
  assert.deepEqual(found['aws_datasync_task.u'].findings, ['error terraform/invalid-location-value /SourceLocationArn', 'error terraform/invalid-location-value /DestinationLocationArn']);
  assert.match(found['aws_datasync_task.u'].messages[0], /sets on_prem_config\.agent_arns to a list with a null element/);
});

test('hunt35 #9: agent_arns = [] is agentless in a folder and in its plan, which writes it as null', (t) => {
  // terraform plan (provider 5.100.0) accepts agent_arns = [] (a Required set, so null is never planned)
  // and writes "agent_arns": null with no unknown mark; the provider sends AgentArns [] (flex.ExpandStringValueSet).
  // Before: the folder warned (agentless, Basic task) and the plan said nothing.
  const expected = ['warning locations/agentless-needs-enhanced /TaskMode'];
  const folder = check(t, { 'main.tf': azure('[]') + S3('dst') + task('aws_datasync_location_azure_blob.az.arn', 'aws_datasync_location_s3.dst.arn') });
  assert.deepEqual(folder['aws_datasync_task.t'].findings, expected);
  const az = ['aws_datasync_location_azure_blob', 'az', { agent_arns: null, authentication_type: 'SAS', container_url: 'https://acct.blob.core.windows.net/container' }, { arn: true, id: true, uri: true }];
  const planned = check(t, { 'plan.json': plan([az, plannedS3('dst'), plannedTask], referencing('aws_datasync_location_azure_blob.az.arn', 'aws_datasync_location_s3.dst.arn')) }, 'plan.json');
  assert.deepEqual(planned['aws_datasync_task.t'].findings, expected);
  // Agents not known at plan time (marked unknown) describe nothing.
  const unknownAgents = ['aws_datasync_location_azure_blob', 'az', { authentication_type: 'SAS' }, { arn: true, agent_arns: true }];
  const again = check(t, { 'plan.json': plan([unknownAgents, plannedS3('dst'), plannedTask], referencing('aws_datasync_location_azure_blob.az.arn', 'aws_datasync_location_s3.dst.arn')) }, 'plan.json');
  assert.deepEqual(again['aws_datasync_task.t'].findings, []);
});

// ---------------------------------------------------------------------------
// 3. Which instance a key names (rev35b #4)
// ---------------------------------------------------------------------------

test('rev35b #4: on a count resource a string key names the index it converts to, as terraform plan reads it', (t) => {
  // terraform console 1.11.4: [10, 20]["1.0"], ["01"], ["+1"], ["1e0"], ["1."] are 20; ["1.5"], [" 1"], ["0x1"], ["2"]
  // are "Invalid index". terraform plan (provider 5.100.0) on aws_datasync_location_s3.d (count = 2) gives the same:
  // d["1.0"] … d["1."] plan, d["1.5"], d[" 1"], d["0x1"], d["2"] stop with "Invalid index".
  // Before: every key but "1" and "0" was "Invalid index" here, so d["1.0"] described nothing.
  const keys = ['"1.0"', '"01"', '"+1"', '"1e0"', '"1."', '"1.5"', '" 1"', '"0x1"', '"2"'];
  const tasks = keys.map((key, i) => `resource "aws_datasync_task" "k${i}" {\n  source_location_arn      = aws_datasync_location_s3.o.arn\n  destination_location_arn = aws_datasync_location_s3.d[${key}].arn\n}\n`);
  const found = check(t, {
    'main.tf': `${S3('o')}resource "aws_datasync_location_s3" "d" {
  count            = 2
  s3_bucket_arn    = "arn:aws:s3:::b\${count.index}"
  s3_storage_class = "GLACIER"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
${tasks.join('')}`,
  });
  const archive = ['warning locations/archive-default-verify-mode /Options/VerifyMode'];
  const invalid = ['terraform/not-checked /DestinationLocationArn'];
  assert.deepEqual(
    keys.map((key, i) => [key, found[`aws_datasync_task.k${i}`].findings]),
    keys.map((key, i) => [key, i < 5 ? archive : invalid]),
  );
});

test('rev35b #4: a key written as a bool or a number that is not whole is "Invalid index key", with count or for_each', (t) => {
  // terraform plan (1.11.4): `aws_datasync_location_s3.f[true].arn` (for_each keys "1", "b", "true"),
  // d[true] and d[1.5] (count = 2): "Error: Invalid index key" before any value; f[1] and f[1.0] name "1" and plan.
  // Before: f[true] and d[true] were described (the archive warning) as if the key were not known.
  const found = check(t, {
    'main.tf': `${S3('o')}resource "aws_datasync_location_s3" "f" {
  for_each         = toset(["1", "b", "true"])
  s3_bucket_arn    = "arn:aws:s3:::b\${each.key}"
  s3_storage_class = "GLACIER"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
resource "aws_datasync_location_s3" "d" {
  count            = 2
  s3_bucket_arn    = "arn:aws:s3:::b\${count.index}"
  s3_storage_class = "GLACIER"
  s3_config { bucket_access_role_arn = "arn:aws:iam::111122223333:role/r" }
}
${['f[true]', 'd[true]', 'd[1.5]', 'f[1]', 'f[1.0]']
  .map((ref, i) => `resource "aws_datasync_task" "k${i}" {\n  source_location_arn      = aws_datasync_location_s3.o.arn\n  destination_location_arn = aws_datasync_location_s3.${ref}.arn\n}\n`)
  .join('')}`,
  });
  const findings = (i) => found[`aws_datasync_task.k${i}`].findings;
  for (const i of [0, 1, 2]) assert.deepEqual(findings(i), ['terraform/not-checked /DestinationLocationArn'], `k${i}`);
  for (const i of [3, 4]) assert.deepEqual(findings(i), ['warning locations/archive-default-verify-mode /Options/VerifyMode'], `k${i}`);
});

// ---------------------------------------------------------------------------
// 4. A collection holding an error, beside null or a primitive (rev35b #2)
// ---------------------------------------------------------------------------

test('rev35b #2: a collection holding what may be Terraform\'s error is not compared with null or a primitive; one holding values Terraform will have is', () => {
  const { expectAll } = terraformValues();
  const scope = scopeWith('l = [1]');
  expectAll(
    [
      // terraform console 1.11.4 reports an error for each of these. Before: true (or false with ==).
      ['[1 + "a"] != null', UNKNOWN], // Error: Invalid operand
      ['[file("/nonexistent")] != null', UNKNOWN], // Error: Invalid function argument
      ['[nosuchfunction(1)] != null', UNKNOWN], // Error: Call to unknown function
      ['[tomap({a = 1, b = true})] != null', UNKNOWN], // Error: Invalid function argument
      ['[tolist([1, {}])] != null', UNKNOWN], // Error: Invalid function argument
      ['[element([], 0)] != null', UNKNOWN], // Error: Error in function call
      ['{ a = 1 + "a" } == null', UNKNOWN], // Error: Invalid operand
      ['[1 + "a"] == 1', UNKNOWN], // Error: Invalid operand
      ['[local.nope] != null', UNKNOWN], // Error: Reference to undeclared local value
      // console: true for each.
      ['{ a = 1 } != null', true],
      ['[upper("a")] != null', true],
      ['[local.l] != null', true],
      // Values Terraform has when it plans (count.index) or after apply (a resource's attribute): a known collection still.
      ['[count.index] != null', true],
      ['{ a = aws_s3_bucket.b.arn } == null', false],
    ],
    scope,
  );
});

// ---------------------------------------------------------------------------
// 5. file() of a file beside the module (realmore3 #2)
// ---------------------------------------------------------------------------

/** A scope of the module in `folder` (its locals: none). */
const moduleScope = (folder) => new Scope({ folder, variables: new Map(), locals: new Map() }, '', new Map());

test('file("${path.module}/…") reads a file beside the module as terraform console does', (t) => {
  const { root } = writeFolder(t, {
    'module/paths.txt': '/a\n/b/c\n',
    'module/schedule.txt': 'rate(30 minutes)\n',
    'module/task.json': '{"name": "from-json", "verify": "NONE"}',
  });
  writeFileSync(join(root, 'module/bad.txt'), Buffer.from([0x61, 0xff, 0x62])); // "a", a byte no UTF-8 text has, "b"
  mkdirSync(join(root, 'module/d'));
  const scope = moduleScope(join(root, 'module'));
  const { expectAll } = terraformValues({ errors: true });
  expectAll(
    [
      // terraform console 1.11.4 in a folder holding these files. Before: all unknown.
      ['trim(replace(file("${path.module}/paths.txt"), "\\n", "|"), "|")', '/a|/b/c'],
      ['trimspace(file("${path.module}/schedule.txt"))', 'rate(30 minutes)'],
      ['jsondecode(file("${path.module}/task.json")).name', 'from-json'],
      ['split("\\n", file("${path.module}/paths.txt"))', ['/a', '/b/c', '']],
      // Error: Invalid value for "path" parameter: no file exists at "./nope.txt"; can() is false, try() takes the next.
      ['file("${path.module}/nope.txt")', ERROR],
      ['can(file("${path.module}/nope.txt"))', false],
      ['try(file("${path.module}/nope.txt"), "fallback")', 'fallback'],
      // Error in function call: contents of "./bad.txt" are not valid UTF-8.
      ['can(file("${path.module}/bad.txt"))', false],
      // A folder (console: "is a directory", an error) and a path not from path.module: not read here.
      ['file("${path.module}/d")', UNKNOWN],
      ['file("./module/paths.txt")', UNKNOWN],
    ],
    scope,
  );
});

test('file() reads nothing outside the module\'s folder, through .. or a link, nor a file larger than a string may be', (t) => {
  // terraform console reads file("${path.module}/../outside.txt") ("outside\n"); this command does not: a
  // configuration checked in CI must not make it copy other files of the machine into its findings. Unknown, with a note.
  const { root } = writeFolder(t, { 'outside.txt': 'outside\n', 'module/main.tf': '' });
  symlinkSync(join(root, 'outside.txt'), join(root, 'module/link.txt'));
  writeFileSync(join(root, 'module/big.txt'), 'x'.repeat(1_000_001));
  const { value } = terraformValues({ errors: true });
  const scope = moduleScope(join(root, 'module'));
  assert.equal(value('file("${path.module}/../outside.txt")', scope), UNKNOWN);
  assert.equal(value('file("${path.module}/link.txt")', scope), UNKNOWN);
  assert.equal(value('file("${path.module}/big.txt")', scope), UNKNOWN);
  // A scope with no folder (a plan's): unknown.
  assert.equal(value('file("${path.module}/x.txt")', scopeWith()), UNKNOWN);
});

test('a task value from file() beside the module is checked (terraform/71\'s includes; a schedule too frequent)', (t) => {
  // Before: "Not checked: … comes from file(…)". Now the file's text is the value, as terraform plan reads it.
  const found = check(t, {
    'main.tf': terraformTask('  schedule {\n    schedule_expression = trimspace(file("${path.module}/schedule.txt"))\n  }\n'),
    'schedule.txt': 'rate(30 minutes)\n',
  });
  assert.deepEqual(found['aws_datasync_task.t'].findings, ['error schedule/too-frequent /Schedule/ScheduleExpression']);
  assert.match(found['aws_datasync_task.t'].messages[0], /\(The value comes from \S*schedule\.txt\.\)$/);
});
