// The bad-input matrix for the command line: hostile files get a diagnostic or
// one clear line on stderr and the documented exit status, never a stack trace,
// a hang or a crash; the good file beside them is still checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DESTINATION, SOURCE, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dtv-cli-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const good = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
const withMember = (member) => `${good.slice(0, -1)},${member}}`;

/** [file name, contents, exit status, code expected in the JSON report (or null)] */
const HOSTILE = [
  ['empty.json', '', 2, null],
  ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9f, 0x92, 0x96]), 2, null],
  ['not-json.json', 'SourceLocationArn = arn', 2, null],
  ['array.json', `[${good}]`, 1, 'request/not-an-object'],
  ['deep.json', '['.repeat(10_000) + ']'.repeat(10_000), 1, 'json/too-deep'],
  ['huge-filter.json', withMember(`"Excludes":[{"FilterType":"SIMPLE_PATTERN","Value":"${'x'.repeat(10_000_000)}"}]`), 1, 'value/too-long'],
  ['many-tags.json', withMember(`"Tags":[${Array.from({ length: 100_000 }, (_, i) => `{"Key":"k${i}"}`).join(',')}]`), 1, 'list/too-many-items'],
  ['lone-surrogate.json', withMember('"Name":"a\\ud800b"'), 1, 'value/invalid-unicode'],
  ['proto.json', withMember('"__proto__":{"x":1},"constructor":1'), 1, 'request/unknown-member'],
  ['big-integer.json', withMember('"Options":{"BytesPerSecond":99999999999999999999}'), 1, 'value/integer-out-of-range'],
  ['beyond-2-53.json', withMember('"Options":{"BytesPerSecond":9007199254740993}'), 0, null],
  ['yaml-bomb.yaml', [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  ].join('\n'), 2, null],
];

for (const [name, contents, status, code] of HOSTILE) {
  test(`the command survives ${name}`, () => {
    const hostile = join(dir, name);
    const fine = join(dir, `fine-beside-${name}.json`);
    writeFileSync(hostile, contents);
    writeFileSync(fine, good);
    const result = spawnSync(process.execPath, [BIN, '--format', 'json', hostile, fine], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(result.error, undefined, String(result.error));
    assert.equal(result.signal, null);
    assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, result.stderr);
    assert.equal(result.status, status, result.stderr);
    const report = JSON.parse(result.stdout);
    const text = JSON.stringify(report);
    assert.ok(text.includes('fine-beside'), 'the good file is still reported');
    if (code) assert.ok(text.includes(`"${code}"`), `${code} not in the report`);
    if (status === 2) assert.ok(result.stderr.trim().split('\n').length >= 1, 'one clear line on stderr');
  });
}

test('a ** glob over folders with symbolic link cycles ends', () => {
  const root = join(dir, 'loops');
  mkdirSync(join(root, 'a'), { recursive: true });
  symlinkSync('..', join(root, 'a', 'up'));
  symlinkSync('../loops', join(root, 'self'));
  writeFileSync(join(root, 'a', 'task.json'), good);
  const result = spawnSync(process.execPath, [BIN, `${root}/**/*.json`], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.error, undefined, String(result.error));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /file(s)? checked/);
});

test('stand-ins for deploy-time values never collide with literals in the template', () => {
  const template = join(dir, 'collide.yaml');
  writeFileSync(template, [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  T:',
    '    Type: AWS::DataSync::Task',
    '    Properties:',
    '      SourceLocationArn: !Ref S',
    '      DestinationLocationArn: arn:aws:datasync:us-east-1:111122223333:location/loc-00000000000000001',
    '      Tags:',
    '        - {Key: !Ref K, Value: a}',
    '        - {Key: unknown-1, Value: b}',
    '        - {Key: unknown-2, Value: c}',
  ].join('\n'));
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', template], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.status, 0, result.stdout);
  assert.doesNotMatch(result.stdout, /tag\/duplicate-key|locations\/same-location/);
});

test('SARIF locates standard input by --stdin-filename, relative to the source root', () => {
  const result = spawnSync(process.execPath, [BIN, '--format', 'sarif', '--stdin-filename', 'tasks/my task.json', '-'], {
    input: '{}',
    encoding: 'utf8',
    timeout: 30_000,
  });
  const sarif = JSON.parse(result.stdout);
  const artifact = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  assert.deepEqual(artifact, { uri: 'tasks/my%20task.json', uriBaseId: '%SRCROOT%' });
});
