// The command line against hostile files and names (issue 11): nothing a file
// or its name holds reaches the terminal as a control sequence; only regular
// files are read, and none over the size limit; YAML aliases cannot blow a
// small file up; a glob pattern cannot make matching take exponential time.
// In every case the good file beside the bad one is still reported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DESTINATION, SOURCE, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const root = mkdtempSync(join(tmpdir(), 'dtv-cli-hostile-'));
after(() => rmSync(root, { recursive: true, force: true }));

const good = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
let folders = 0;
/** A new folder under the temporary root holding `good.json`. */
function folder() {
  folders += 1;
  const dir = join(root, `case-${folders}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'good.json'), good);
  return dir;
}

/** Runs the command (no colour) and returns { status, stdout, stderr }; fails on a hang or a crash. */
function run(args, { timeout = 30_000 } = {}) {
  const result = spawnSync(process.execPath, [BIN, '--no-color', ...args], {
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(result.error, undefined, `the command did not finish: ${result.error}`);
  assert.equal(result.signal, null);
  assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, result.stderr);
  return result;
}

// Every C0 control but the line feed that ends lines, DEL, every C1 control.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

test('member names and file names reach the terminal with every control character escaped', () => {
  const dir = folder();
  const title = '\u001b]0;pwned\u0007';
  const forged = '\u001b[2K\r\u001b[1Agood.json  info  fake  all good\n';
  writeFileSync(join(dir, `evil${title}.json`), `${good.slice(0, -1)},${JSON.stringify(forged)}:1,"x\u009b2J\u007f":2}`);
  // Found in a folder, a broken file is reported when it names a member only task requests have, and
  // a YAML file is checked when it is a template (cli-config.test.mjs).
  writeFileSync(join(dir, `broken\u001b[31m.json`), '{ "TaskArn": not json');
  writeFileSync(join(dir, `bidi\u202e.yaml`), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
  const human = run([dir]);
  assert.equal(human.status, 2);
  for (const stream of [human.stdout, human.stderr]) assert.doesNotMatch(stream, CONTROL, JSON.stringify(stream));
  assert.ok(human.stdout.includes('evil\\x1b]0;pwned\\x07.json'), human.stdout);
  assert.ok(human.stdout.includes('\\x1b[2K\\x0d\\x1b[1Agood.json  info  fake  all good\\x0a'), human.stdout);
  assert.ok(human.stdout.includes('x\\x9b2J\\x7f'), human.stdout);
  assert.ok(human.stdout.includes('bidi\\u{202e}.yaml'), human.stdout);
  assert.ok(human.stderr.includes('broken\\x1b[31m.json'), human.stderr);
  assert.equal(human.stdout.split('\n').filter((line) => line.includes('fake')).length, 1, 'no forged line');
  // JSON and SARIF stay valid JSON, and hold the names exactly.
  for (const format of ['json', 'sarif']) {
    const result = run(['--format', format, dir]);
    assert.doesNotMatch(result.stdout, CONTROL);
    JSON.parse(result.stdout);
    assert.ok(result.stdout.includes('x\\u009b2J\\u007f'), format);
  }
  // --defaults prints the request as JSON text: escaped too.
  const defaults = run(['--defaults', join(dir, `evil${title}.json`)]);
  assert.doesNotMatch(defaults.stdout, CONTROL);
  assert.ok(defaults.stdout.includes('"x\\u009b2J\\u007f": 2'), defaults.stdout);
});

test('a named pipe, a socket and a device are refused without being opened for reading, and the rest is checked', async () => {
  const dir = folder();
  assert.equal(spawnSync('mkfifo', [join(dir, 'b.json')]).status, 0);
  const server = createServer();
  await new Promise((resolve) => server.listen(join(dir, 's.json'), resolve));
  try {
    const result = run([dir, '/dev/zero', join(dir, 'b.json')]);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /b\.json: cannot read: not a regular file: a named pipe \(FIFO\)$/m);
    assert.match(result.stderr, /s\.json: cannot read: not a regular file/m);
    assert.match(result.stderr, /^datasync-task-validator: \/dev\/zero: cannot read: not a regular file: a character device$/m);
    assert.match(result.stdout, /^1 file checked: 0 errors, 0 warnings; 3 files could not be checked$/m);
  } finally {
    server.close();
  }
});

test('a named pipe among the files of a Terraform module is refused, not read forever', () => {
  const dir = folder();
  writeFileSync(
    join(dir, 'main.tf'),
    `resource "aws_datasync_task" "t" {\n  source_location_arn = "${SOURCE}"\n  destination_location_arn = "${DESTINATION}"\n}\n`,
  );
  assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.tf')]).status, 0);
  const result = run([dir]);
  assert.match(result.stderr, /pipe\.tf.*not a regular file/);
  assert.match(result.stdout, /files? checked/);
});

test('a file over 16 MiB is refused with one line, and the rest is checked', () => {
  const dir = folder();
  const big = join(dir, 'big.json');
  writeFileSync(big, good);
  truncateSync(big, 16 * 1024 * 1024 + 1); // sparse: costs no disk
  const result = run(['--format', 'json', dir]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /big\.json: cannot read: larger than 16 MiB, the most this command reads/);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(report.files.map((f) => [f.file.split('/').pop(), f.kind]), [['big.json', 'unreadable'], ['good.json', 'request']]);
  // Standard input has the same limit.
  const stdin = spawnSync(process.execPath, [BIN, '-'], { input: Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), encoding: 'utf8', timeout: 30_000 });
  assert.equal(stdin.status, 2);
  assert.match(stdin.stderr, /<stdin>: cannot read: larger than 16 MiB/);
});

test('loops of symbolic links, over-long names, invalid UTF-8 and a BOM get one clear line or a report', () => {
  const dir = folder();
  symlinkSync('loop.json', join(dir, 'loop.json'));
  writeFileSync(join(dir, 'latin1.json'), Buffer.from(`{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}","Name":"caf\xe9"}`, 'latin1'));
  writeFileSync(join(dir, 'bom.json'), `\uFEFF${good}`);
  writeFileSync(join(dir, `${'n'.repeat(250)}.json`), good);
  const result = run(['--format', 'json', dir, join(dir, `${'x/'.repeat(3000)}a.json`)]);
  assert.equal(result.status, 2);
  // Found in a folder, a link loop is a broken link: skipped, with a line (named, it cannot be read: cli-named-inputs.test.mjs).
  assert.match(result.stderr, /loop\.json: skipped: a broken symbolic link \(a loop of symbolic links\)$/m);
  assert.match(result.stderr, /a\.json: cannot read: (the file name is too long|no such file or directory)$/m);
  const kinds = Object.fromEntries(JSON.parse(result.stdout).files.map((f) => [f.file.split('/').pop(), f.kind]));
  assert.equal(kinds['loop.json'], 'skipped');
  assert.equal(kinds['good.json'], 'request');
  assert.equal(kinds['bom.json'], 'request');
  assert.equal(kinds[`${'n'.repeat(250)}.json`], 'request');
  // Not silently read with U+FFFD for the é: refused, with where.
  assert.equal(kinds['latin1.json'], 'unreadable');
  assert.match(result.stderr, /latin1\.json: cannot read: not UTF-8 text \(an invalid byte at offset 203\); save it as UTF-8$/m);
});

test('YAML aliases are bounded by what they expand to, not only by their count', () => {
  const dir = folder();
  // About 67 KB: a list of 2,000 items, then 9,000 aliases to it (18 million values once expanded).
  // The 50th alias crosses the bound: the error points at it (column 8 + 4 × 49).
  const items = Array.from({ length: 2_000 }, () => 'x').join(', ');
  const aliases = Array.from({ length: 9_000 }, () => '*a').join(', ');
  // TaskArn: a member only task requests have, so that the broken file is reported, not skipped as another tool's YAML.
  writeFileSync(join(dir, 'bomb.yaml'), `Big: &a [${items}]\nMany: [${aliases}]\nTaskArn: x\n`);
  const result = run(['--format', 'json', dir], { timeout: 60_000 });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /bomb\.yaml:2:204: invalid YAML: the document's aliases expand to more than 100000 values/);
  const files = JSON.parse(result.stdout).files.map((f) => [f.file.split('/').pop(), f.kind]);
  assert.deepEqual(files, [['bomb.yaml', 'unparsable'], ['good.json', 'request']]);
});

test('YAML anchors and merge keys of a real size still work in a request; a template with them is refused at the first alias', () => {
  const dir = folder();
  // Fifty tags (the most a task takes), each merging the first one's Value.
  const tags = ['  - &first {Key: k0, Value: shared}', ...Array.from({ length: 49 }, (_, i) => `  - {<<: *first, Key: k${i + 1}}`)];
  writeFileSync(join(dir, 'request.yaml'), `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\nTags:\n${tags.join('\n')}\n`);
  const request = run(['--format', 'json', join(dir, 'request.yaml')]);
  assert.equal(request.status, 0, request.stdout);
  const template = [
    'Resources:',
    '  Base: &base',
    '    Type: AWS::DataSync::Task',
    '    Properties: &props',
    `      SourceLocationArn: ${SOURCE}`,
    `      DestinationLocationArn: ${DESTINATION}`,
    ...Array.from({ length: 200 }, (_, i) => [`  Copy${i}:`, '    Type: AWS::DataSync::Task', '    Properties: *props']).flat(),
  ].join('\n');
  writeFileSync(join(dir, 'template.yaml'), `${template}\n`);
  const result = run(['--format', 'json', join(dir, 'template.yaml')]);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /template\.yaml:9:17: CloudFormation refuses a template with a YAML alias \(\*props\)/);
});

test('a multi-document YAML file is refused in our words', () => {
  const dir = folder();
  writeFileSync(join(dir, 'two.yaml'), `${good}\n---\n${good}\n`);
  const result = run([join(dir, 'two.yaml')]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /two\.yaml:2:1: invalid YAML: the file holds more than one YAML document/);
  assert.doesNotMatch(result.stderr, /parseAllDocuments/);
});

test('glob patterns match in linear time, with * and ? only', () => {
  const dir = folder();
  const long = `${'a'.repeat(240)}.json`;
  writeFileSync(join(dir, long), good);
  writeFileSync(join(dir, 'abc-1.json'), good);
  writeFileSync(join(dir, 'ac.json'), good);
  writeFileSync(join(dir, '.hidden.json'), good);
  writeFileSync(join(dir, 'x[1]{a,b}.json'), good);
  const matched = (pattern) => {
    const result = run(['--format', 'json', `${dir}/${pattern}`]);
    return JSON.parse(result.stdout).files.map((f) => f.file.split('/').pop()).sort();
  };
  // Each of these ran past a minute against the long name as a backtracking regular expression.
  assert.deepEqual(matched('************.json'), ['a'.repeat(240) + '.json', 'abc-1.json', 'ac.json', 'good.json', 'x[1]{a,b}.json'].sort());
  assert.deepEqual(matched('*a*a*a*a*a*a*a*a*b.json'), []);
  assert.deepEqual(matched('*a*a*a*a*a*a*a*a*a.json'), [long]);
  assert.deepEqual(matched('a?c*.json'), ['abc-1.json']);
  assert.deepEqual(matched('.*.json'), ['.hidden.json']);
  assert.deepEqual(matched('x[1]{a,b}.*'), ['x[1]{a,b}.json']);
  assert.deepEqual(matched('*.json').includes('.hidden.json'), false);
});
