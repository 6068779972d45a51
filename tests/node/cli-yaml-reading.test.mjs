// How the command reads request files and templates: as the tools that send
// them read them.
// - A YAML request is read as `aws datasync ... --cli-input-yaml` reads it:
//   ruamel.yaml's safe loader (YAML 1.2, merge keys, timestamps), whose
//   answers for a table of scalars are in tests/cli/documents/ruamel/ (made
//   once with generate.py there). botocore then refuses a value of the wrong
//   Python type: a date, a float where an integer is wanted.
// - A JSON request is read as `--cli-input-json` reads it: Python's
//   json.loads, which refuses a byte order mark.
// - A YAML template is read as CloudFormation reads it: no aliases, no merge
//   keys ("YAML aliases are not allowed in CloudFormation templates").
// The AWS CLI's verdict quoted with each case is what
// `awscli_check.py OPERATION FILE` printed (ruamel.yaml 0.19.1 and botocore
// 1.44.18: the file loaded as the AWS CLI v2 loads it, then botocore's
// parameter validation).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseYaml } from '../../pkg/cli/documents.mjs';
import { DESTINATION, SOURCE, pkgDir, repoRoot, requireBuiltPackage, writeFolder } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const LOCATIONS = `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\n`;

/** Checks the files (name -> text) with --format json: the status, stderr and the report's files by name. */
function check(t, files, args = []) {
  const { root } = writeFolder(t, files);
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', ...args, ...Object.keys(files)], { cwd: root, encoding: 'utf8' });
  assert.equal(result.error, undefined, String(result.error));
  const report = JSON.parse(result.stdout);
  return { status: result.status, stderr: result.stderr, root, files: Object.fromEntries(report.files.map((f) => [f.file, f])) };
}

/** A file's findings as [line, column, code, path], or its kind and error when it could not be checked. */
function findings(file) {
  if (file.kind === 'unparsable') return { kind: file.kind, ...file.error };
  return file.tasks.flatMap((task) => task.diagnostics.map((d) => [d.line, d.column, d.code, d.path]));
}

// ---------------------------------------------------------------------------
// Scalars: typed as the AWS CLI's loader types them
// ---------------------------------------------------------------------------

/** What parseYaml makes of `v: TEXT` in a request, in the table's terms. */
function reading(text) {
  let document;
  try {
    document = parseYaml(`v: ${text}\n`);
  } catch (error) {
    return { type: 'error', message: error.message };
  }
  const value = document.value.v;
  const typed = document.typed.get('/v');
  if (typed?.type === 'float') {
    const spelled = Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : null;
    return { type: 'float', value: spelled ?? value };
  }
  if (typed) return { type: typed.type, value };
  if (value === null) return { type: 'null', value: null };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'bigint') return { type: 'int', value: String(value) };
  if (typeof value === 'string') return { type: 'str', value };
  if (value instanceof Uint8Array) return { type: 'bytes', value: `b'${Buffer.from(value).toString('latin1')}'` };
  return { type: typeof value, value };
}

test('every scalar in the table is typed as ruamel.yaml\'s safe loader types it (the AWS CLI\'s --cli-input-yaml)', () => {
  const table = JSON.parse(readFileSync(join(repoRoot, 'tests/cli/documents/ruamel/scalars.json'), 'utf8'));
  assert.ok(table.rows.length > 150);
  for (const row of table.rows) {
    const got = reading(row.yaml);
    const expected = { type: row.type };
    if (row.type === 'float') expected.value = ['nan', 'inf', '-inf'].includes(row.value) ? row.value : Number(row.value);
    else if (row.type === 'date' || row.type === 'timestamp') expected.value = got.value; // the text written, for the messages
    else if (row.type !== 'error') expected.value = row.value;
    const actual = row.type === 'error' ? { type: got.type } : got;
    assert.deepEqual(actual, expected, `${JSON.stringify(row.yaml)}: ruamel reads ${row.type} ${row.value}`);
  }
});

test('dates and timestamps are read as what they are, a date no calendar has is an error, and the text is kept for messages', () => {
  const { value, typed } = parseYaml('a: 2026-01-01\nb: 2026-01-01T10:00:00Z\nc: "2026-01-01"\nd: !!str 2026-01-01\ne: !!timestamp 2026-1-1\n');
  assert.deepEqual(value, { a: '2026-01-01', b: '2026-01-01T10:00:00Z', c: '2026-01-01', d: '2026-01-01', e: '2026-1-1' });
  assert.deepEqual([...typed], [
    ['/a', { type: 'date', source: '2026-01-01' }],
    ['/b', { type: 'timestamp', source: '2026-01-01T10:00:00Z' }],
    ['/e', { type: 'date', source: '2026-1-1' }],
  ]);
  // ruamel: ValueError (day is out of range for month), so the AWS CLI says "Invalid YAML received".
  assert.throws(() => parseYaml('a: 2026-02-30\n'), /cannot read "2026-02-30" as a date/);
  assert.throws(() => parseYaml('a: !!timestamp not a date\n'), /cannot read "not a date" as a date/);
  assert.equal(parseYaml('a: 2024-02-29\n').typed.get('/a').type, 'date');
});

// ---------------------------------------------------------------------------
// YAML requests, checked whole
// ---------------------------------------------------------------------------

test('an unquoted date where a string is wanted is value/wrong-type (AWS CLI: "Invalid type for parameter Tags[0].Value ... datetime.date")', (t) => {
  const { status, files } = check(t, {
    'date.yaml': `${LOCATIONS}Name: nightly\nTags:\n  - Key: created\n    Value: 2026-01-01\n  - Key: quoted\n    Value: '2026-01-01'\n`,
    'when.yaml': `${LOCATIONS}Name: 2026-01-01 10:00:00\n`,
  });
  assert.equal(status, 1);
  const [diagnostic] = files['date.yaml'].tasks[0].diagnostics;
  assert.deepEqual([diagnostic.line, diagnostic.column, diagnostic.code, diagnostic.path], [6, 5, 'value/wrong-type', '/Tags/0/Value']);
  assert.equal(
    diagnostic.message,
    'Value must be a string, but the AWS CLI\'s YAML reader reads 2026-01-01 as a date, which botocore refuses here; quote it ("2026-01-01") to send the text.',
  );
  assert.deepEqual(diagnostic.params, { expected: 'string', actual: 'date' });
  assert.equal(files['date.yaml'].tasks[0].diagnostics.length, 1, 'the quoted date is text');
  assert.deepEqual(findings(files['when.yaml']), [[3, 1, 'value/wrong-type', '/Name']]);
  assert.match(files['when.yaml'].tasks[0].diagnostics[0].message, /reads 2026-01-01 10:00:00 as a timestamp/);
});

test('a date where an integer is wanted, or under an unknown member, gets one finding, not two', (t) => {
  const { files } = check(t, {
    'int.yaml': `${LOCATIONS}Options: {BytesPerSecond: 2026-01-01}\n`,
    'unknown.yaml': `${LOCATIONS}Created: 2026-01-01\nLater: {At: 2026-01-01}\n`,
  });
  const [int] = files['int.yaml'].tasks[0].diagnostics;
  assert.equal(int.code, 'value/wrong-type');
  assert.equal(int.message, 'BytesPerSecond must be an integer, but the AWS CLI\'s YAML reader reads 2026-01-01 as a date, which botocore refuses here.');
  assert.equal(int.params.actual, 'date');
  assert.deepEqual(findings(files['unknown.yaml']), [[3, 1, 'request/unknown-member', '/Created'], [4, 1, 'request/unknown-member', '/Later']]);
});

test('numbers: 1_048_576, 0b100 and -0x1 are integers; 1048576.0, 1e6 and !!float 1 are floats, which an integer member refuses', (t) => {
  const spellings = ['1_048_576', '0b100', '-0x1', '0o17', '017', '1048576.0', '1e6', '!!float 1', '.inf', '!!int "5"'];
  const files = Object.fromEntries(spellings.map((x, i) => [`n${i}.yaml`, `${LOCATIONS}Options: {BytesPerSecond: ${x}}\n`]));
  const report = check(t, files).files;
  const said = spellings.map((x, i) => [x, report[`n${i}.yaml`].tasks[0].diagnostics.map((d) => d.message)]);
  // AWS CLI: valid for the integers; "Invalid type for parameter Options.BytesPerSecond, value: 1048576.0,
  // type: <class 'float'>, valid types: <class 'int'>" for the floats.
  assert.deepEqual(said, [
    ['1_048_576', []],
    ['0b100', []],
    ['-0x1', []],
    ['0o17', []],
    ['017', []],
    ['1048576.0', ['BytesPerSecond must be an integer, but it is the number 1048576.0.']],
    ['1e6', ['BytesPerSecond must be an integer, but it is the number 1000000.0.']],
    ['!!float 1', ['BytesPerSecond must be an integer, but it is the number 1.0.']],
    ['.inf', ['BytesPerSecond must be an integer, but the AWS CLI\'s YAML reader reads .inf as a float, which botocore refuses here.']],
    ['!!int "5"', []],
  ]);
});

test('strings the loader reads as other types are refused where a string is wanted, and named as what they are', (t) => {
  const spellings = ['1_000', '0b1', '!!float 1', '!!bool yes', '1.0', '.nan', 'yes', 'on', '1:30', '!!str 12'];
  const files = Object.fromEntries(spellings.map((x, i) => [`s${i}.yaml`, `${LOCATIONS}Name: ${x}\n`]));
  const report = check(t, files).files;
  const said = spellings.map((x, i) => [x, report[`s${i}.yaml`].tasks[0].diagnostics.map((d) => d.message)]);
  // AWS CLI: valid for yes, on, 1:30 and !!str 12 (strings in YAML 1.2); "Invalid type for parameter Name" for the rest.
  assert.deepEqual(said, [
    ['1_000', ['Name must be a string, but it is the integer 1000.']],
    ['0b1', ['Name must be a string, but it is the integer 1.']],
    ['!!float 1', ['Name must be a string, but it is the number 1.0.']],
    ['!!bool yes', ['Name must be a string, but it is the boolean true.']],
    ['1.0', ['Name must be a string, but it is the number 1.0.']],
    ['.nan', ['Name must be a string, but the AWS CLI\'s YAML reader reads .nan as a float, which botocore refuses here; quote it (".nan") to send the text.']],
    ['yes', []],
    ['on', []],
    ['1:30', []],
    ['!!str 12', []],
  ]);
});

test('what the loader cannot read at all makes the file unreadable for the AWS CLI ("Invalid YAML received")', (t) => {
  const { status, files } = check(t, {
    'equals.yaml': `${LOCATIONS}Name: =\n`,
    'merge-value.yaml': `${LOCATIONS}Name: <<\n`,
    'merge-scalar.yaml': `${LOCATIONS}Options:\n  <<: NONE\n`,
    'two-merges.yaml': `${LOCATIONS}Options:\n  <<: {Atime: NONE}\n  <<: {Mtime: NONE}\n`,
    'quoted.yaml': `${LOCATIONS}Name: "="\n`,
  });
  assert.equal(status, 2);
  assert.deepEqual(findings(files['equals.yaml']), { kind: 'unparsable', line: 3, column: 7, message: 'invalid YAML: the AWS CLI\'s YAML reader cannot read a plain "=" (YAML\'s "value" key); quote it to send it as text' });
  assert.equal(findings(files['merge-value.yaml']).line, 3);
  assert.match(findings(files['merge-value.yaml']).message, /takes a plain << only as a merge key/);
  assert.match(findings(files['merge-scalar.yaml']).message, /a merge key \(<<\) takes a mapping or a list of mappings/);
  assert.deepEqual([findings(files['two-merges.yaml']).line, findings(files['two-merges.yaml']).message], [5, 'invalid YAML: Map keys must be unique']);
  assert.deepEqual(findings(files['quoted.yaml']), []);
});

test('merge keys are merged as the AWS CLI merges them, and the merged members are checked', (t) => {
  const { files } = check(t, {
    // AWS CLI: loads Options as {'Mtime': 'NONE', 'Atime': 'NONE', 'VerifyMode': 'NONE'}; valid.
    'both.yaml': `${LOCATIONS}Options:\n  <<: {Mtime: NONE, Atime: NONE}\n  VerifyMode: NONE\n`,
    // Atime keeps its default BEST_EFFORT: the service refuses Mtime NONE with it.
    'one.yaml': `${LOCATIONS}Options:\n  <<: {Mtime: NONE}\n`,
    // An anchor under a member the request does not have is refused with that member.
    'anchor.yaml': `base: &b {Mtime: NONE, Atime: NONE}\n${LOCATIONS}Options:\n  <<: *b\n`,
    // The mapping's own members win, then the earlier of a list of merged mappings; what
    // the loser was read as (a float) goes with it.
    'order.yaml': `${LOCATIONS}Options:\n  <<: [{BytesPerSecond: 5}, {BytesPerSecond: 1.0, Atime: NONE, Mtime: NONE}]\nTags:\n  - <<: {Key: k, Value: 1.0}\n    Value: v\n`,
  });
  assert.deepEqual(findings(files['both.yaml']), []);
  assert.deepEqual(findings(files['one.yaml']), [[3, 1, 'options/atime-mtime-mismatch', '/Options/Atime']]);
  assert.deepEqual(findings(files['anchor.yaml']), [[1, 1, 'request/unknown-member', '/base']]);
  assert.deepEqual(findings(files['order.yaml']), []);
});

test('--fix reads a YAML request as the report does: a merged member is fixed beside the merge key', (t) => {
  const { root, files } = check(t, { 'one.yaml': `${LOCATIONS}Options:\n  <<: {Mtime: NONE}\n  VerifyMode: NONE\n` }, ['--fix']);
  assert.deepEqual(files['one.yaml'].fixed.map((f) => [f.code, f.path]), [['options/atime-mtime-mismatch', '/Options/Atime']]);
  assert.deepEqual(findings(files['one.yaml']), []);
  assert.match(readFileSync(join(root, 'one.yaml'), 'utf8'), /^  Atime: "NONE"\n  <<: \{Mtime: NONE\}\n/m);
});

// ---------------------------------------------------------------------------
// JSON requests: a byte order mark
// ---------------------------------------------------------------------------

test('a JSON request with a byte order mark is json/syntax-error at 1:1 (AWS CLI: "Invalid JSON received"), and the rest is still checked', (t) => {
  const request = `{\r\n  "SourceLocationArn": "${SOURCE}",\r\n  "DestinationLocationArn": "${DESTINATION}",\r\n  "Options": {"Mtime": "NONE"}\r\n}\r\n`;
  const { status, files } = check(t, { 'bom.json': `\ufeff${request}`, 'plain.json': request, 'bom.yaml': `\ufeff${LOCATIONS}` });
  assert.equal(status, 1);
  assert.deepEqual(findings(files['bom.json']), [[1, 1, 'json/syntax-error', ''], [4, 3, 'options/atime-mtime-mismatch', '/Options/Atime']]);
  const [bom] = files['bom.json'].tasks[0].diagnostics;
  assert.equal(bom.severity, 'error');
  assert.match(bom.message, /byte order mark \(U\+FEFF\), which the AWS CLI's --cli-input-json refuses/);
  assert.deepEqual(findings(files['plain.json']), [[4, 3, 'options/atime-mtime-mismatch', '/Options/Atime']]);
  // ruamel.yaml skips a byte order mark: --cli-input-yaml reads the file.
  assert.deepEqual(findings(files['bom.yaml']), []);
});

test('--fix keeps a JSON request\'s byte order mark, and the report after it still names it', (t) => {
  const text = `\ufeff{"SourceLocationArn": "${SOURCE}", "DestinationLocationArn": "${DESTINATION}", "TaskMode": "Enhanced"}\n`;
  const { root, files } = check(t, { 'bom.json': text }, ['--fix']);
  assert.equal(readFileSync(join(root, 'bom.json'), 'utf8'), text.replace('"Enhanced"', '"ENHANCED"'));
  assert.deepEqual(findings(files['bom.json']), [[1, 1, 'json/syntax-error', '']]);
});

// ---------------------------------------------------------------------------
// Templates: CloudFormation takes no aliases and no merge keys
// ---------------------------------------------------------------------------

const TEMPLATE = (properties) =>
  `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Task:\n    Type: AWS::DataSync::Task\n    Properties:\n${properties.map((line) => `      ${line}\n`).join('')}`;

test('a template with a YAML alias or merge key is refused at the first one, as CloudFormation refuses it', (t) => {
  const { status, stderr, files } = check(t, {
    'alias.yaml': TEMPLATE([`SourceLocationArn: &loc ${SOURCE}`, `DestinationLocationArn: ${DESTINATION}`, 'Tags:', '  - {Key: src, Value: *loc}']),
    'merge.yaml': TEMPLATE([`SourceLocationArn: ${SOURCE}`, `DestinationLocationArn: ${DESTINATION}`, 'Options:', '  <<: {VerifyMode: NONE}', 'Tags: [{Key: a, Value: &v b}, {Key: c, Value: *v}]']),
    // An anchor nothing refers to is not an alias.
    'anchor.yaml': TEMPLATE([`SourceLocationArn: &loc ${SOURCE}`, `DestinationLocationArn: ${DESTINATION}`]),
  });
  assert.equal(status, 2);
  const alias = findings(files['alias.yaml']);
  assert.deepEqual([alias.kind, alias.line, alias.column], ['unparsable', 9, 29]);
  assert.equal(
    alias.message,
    'CloudFormation refuses a template with a YAML alias (*loc) ("YAML aliases are not allowed in CloudFormation templates"); write the values out, or deploy the template `aws cloudformation package` writes, which expands them. Nothing else in the template was checked.',
  );
  assert.deepEqual([findings(files['merge.yaml']).line, findings(files['merge.yaml']).column], [9, 9]);
  assert.match(findings(files['merge.yaml']).message, /a YAML merge key \(<<\)/);
  assert.deepEqual(findings(files['anchor.yaml']), []);
  assert.match(stderr, /alias\.yaml:9:29: CloudFormation refuses a template with a YAML alias/);
});

test('what only the AWS CLI\'s reader refuses does not stop a template (read as CloudFormation reads it)', (t) => {
  // No line starts with a template section, so the file is first read as a request.
  const flow = `{AWSTemplateFormatVersion: '2010-09-09', Resources: {Task: {Type: 'AWS::DataSync::Task', Properties: {SourceLocationArn: ${SOURCE}, DestinationLocationArn: ${DESTINATION}, Name: 2026-02-30, Tags: [{Key: a, Value: =}]}}}}\n`;
  const { status, files } = check(t, { 'flow.yaml': flow });
  assert.equal(status, 0);
  assert.equal(files['flow.yaml'].kind, 'template');
  assert.deepEqual(findings(files['flow.yaml']), []);
});

// How long this takes is not asserted; keeping what each merged scalar was
// read as took minutes for this document when every merge rescanned them all.
test('20,000 mappings that merge and replace floats: each member keeps what its winning scalar was read as', () => {
  const text = `Tags:\n${'  - {<<: [{Key: 1.0, Value: 1.0}, {Key: 2.0}], Key: 3}\n'.repeat(20_000)}`;
  const { value, typed } = parseYaml(text);
  assert.equal(value.Tags.length, 20_000);
  assert.deepEqual(value.Tags[19_999], { Key: 3n, Value: 1 });
  // Key is the mapping's own integer 3 (not the merged floats); Value the first source's float.
  assert.equal(typed.size, 20_000);
  assert.deepEqual(typed.get('/Tags/19999/Value'), { type: 'float', source: '1.0' });
  assert.equal(typed.get('/Tags/19999/Key'), undefined);
});
