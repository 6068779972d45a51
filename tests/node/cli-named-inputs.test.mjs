// What the command does with the files it is given (js/cli/recognise.mjs,
// js/cli/inputs.mjs, js/cli/main.mjs), run from the built package: a file
// named on the command line whose members are all misspelt is a request, not
// another tool's file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { positionOf, readJson } from '../../pkg/cli/documents.mjs';
import { validate } from '../../pkg/node/index.mjs';
import { notATaskRequest, taskOnlyMembers, withinReach } from '../../pkg/cli/recognise.mjs';
import { pkgDir, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'dtv-cli-named-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command in `cwd` (the repository root) with --format json; its status, stderr and report. */
function json(args, cwd = repoRoot) {
  const result = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.error, undefined, String(result.error));
  assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, result.stderr);
  return { status: result.status, stderr: result.stderr, document: JSON.parse(result.stdout) };
}

const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

// ---------------------------------------------------------------------------
// Named on the command line: misspelt members make a request
// ---------------------------------------------------------------------------

test('named, a file whose only task members are misspelt is checked as a request: the AWS CLI rejects it', () => {
  // hunt34 finding 3. The AWS CLI (botocore 1.44.18) on this file:
  //   Missing required parameter in input: "SourceLocationArn" ...
  //   Unknown parameter in input: "SourceLocation", must be one of: SourceLocationArn, ...
  // It was skipped ("not a DataSync task request"), exit 0.
  const typos = join(scratch, 'typos.json');
  writeFileSync(typos, JSON.stringify({ SourceLocation: SOURCE, DestinationLocation: DESTINATION, Option: { VerifyMode: 'BAD' }, Schedules: { ScheduleExpression: 'rate(5 minutes)' } }));
  const yaml = join(scratch, 'typos.yaml');
  writeFileSync(yaml, `SourceLocation: ${SOURCE}\nDestLocationArn: ${DESTINATION}\n`);
  const { status, stderr, document } = json([typos, yaml]);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  assert.deepEqual(document.files.map((f) => f.kind), ['request', 'request']);
  const suggestions = document.files[0].tasks[0].diagnostics.filter((d) => d.params?.suggestion).map((d) => `${d.path} ${d.params.suggestion}`);
  assert.deepEqual(suggestions.sort(), ['/DestinationLocation DestinationLocationArn', '/Option Options', '/Schedules Schedule', '/SourceLocation SourceLocationArn']);
});

test('named, a key is a misspelt task member exactly when validate() answers "did you mean" with a member only task requests have', () => {
  // Of every task operation: TaskArn is UpdateTask's and StartTaskExecution's, OverrideOptions the latter's.
  for (const key of ['SourceLocation', 'DestinationLocation', 'SourceLocationARN', 'source_location_arn', 'CloudWatchLogGroup', 'TaskArns', 'Task_Arn', 'OverrideOption', 'ManifestConfiguration', 'TaskReportConf', 'TaskMod']) {
    assert.equal(notATaskRequest({ Other: 1, [key]: 'x' }), null, key);
  }
  // A misspelt member that other tools' files have too counts no more than the member itself
  // (Option, Schedules, Tag, name), nor does a name found one level down (Status: /Schedule/Status),
  // nor a name too far from any (DestLocationArn: validate() gives no suggestion either).
  for (const key of ['Option', 'Schedules', 'Tag', 'name', 'Exclude', 'Status', 'VerifyMode', 'DestLocationArn', 'Source', 'Task', 'Mode', 'Arn']) {
    assert.match(notATaskRequest({ Other: 1, [key]: 'x' }) ?? '', /^not a DataSync task request/, key);
  }
  // Past validate()'s 1,000 diagnostics: the keys are read in parts, so a typo after many keys still counts.
  // (TaskA100 ... TaskA2599 are within the matcher's reach of TaskArn, so they are all validated, but too far to be suggested.)
  const many = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`TaskA${i + 100}`, i]));
  assert.match(notATaskRequest(many), /^not a DataSync task request/);
  assert.equal(notATaskRequest({ ...many, SourceLocationAr: 1 }), null);
});

test('named, a near miss that changes the first letter (MaskArn) makes a request only with something else DataSync-like', () => {
  // revcfn34 finding 6: `{"MaskArn": 1}` alone (validate(): "did you mean TaskArn?") was checked as a CreateTask,
  // all errors, though nothing else in it is DataSync's: another tool's member a shell glob named.
  for (const value of [{ MaskArn: 1 }, { MaskArn: 'x', Color: 'red' }, { AskMode: 'ENHANCED' }, { zzzSourceLocationAr: 1 }]) {
    assert.match(notATaskRequest(value) ?? '', /^not a DataSync task request/, JSON.stringify(value));
  }
  // With a DataSync ARN as a value, or a second near miss of a request member, it is a request with typos.
  const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
  for (const value of [{ MaskArn: TASK }, { MaskArn: 1, Option: { VerifyMode: 'NONE' } }, { MaskArn: 1, Schedules: {} }, { Other: 1, DestinationLocation: 'x' }]) {
    assert.equal(notATaskRequest(value), null, JSON.stringify(value));
  }
  // A near miss that keeps the first letter needs nothing else (TaskArns, SourceLocation: see the test above).
  for (const value of [{ TaskArns: 1 }, { SourceLocation: 'x' }, { taskarns: 1 }, { OverrideOption: {} }]) {
    assert.equal(notATaskRequest(value), null, JSON.stringify(value));
  }
});

test('named, only keys within the near-miss matcher\'s reach are validated: a key it could answer for is never left out', () => {
  // revcfn34 finding 6: a named file of 1,200,000 keys ("k0" ... "k1199999") cost three validate() calls
  // per 900 keys. withinReach() is the cheap test before them: length and characters.
  const taskOnly = taskOnlyMembers();
  for (const key of ['k123456', 'k0', 'key1', 'version', 'dependencies', 'x'.repeat(40)]) {
    assert.equal(withinReach(key, [...taskOnly]), false, key);
  }
  // Every key validate() suggests a task-only member for is within reach, whatever its spelling.
  const members = [...taskOnly];
  const variants = members.flatMap((name) => [
    name, name.toUpperCase(), name.toLowerCase(), name.slice(1), name.slice(0, -1), `${name}s`, `x${name}`,
    name.replace(/[A-Z]/g, (c, i) => (i ? `_${c}` : c)), name.slice(0, -3), `${name.slice(0, 2)}${name.slice(3)}`,
    [...name].reverse().join(''), `${name}\u00e9\u00e9`, `K${name.slice(1)}`,
  ]);
  let suggested = 0;
  for (const key of variants) {
    for (const operation of ['CreateTask', 'UpdateTask', 'StartTaskExecution']) {
      const answer = validate({ [key]: null }, { operation }).errors.find((e) => e.code === 'request/unknown-member' && taskOnly.has(e.params?.suggestion));
      if (!answer) continue;
      suggested += 1;
      assert.ok(withinReach(key, members), `${key} (validate: ${answer.params.suggestion}) is within reach`);
    }
  }
  assert.ok(suggested > 100, `${suggested} suggestions checked`);
});

test('named, real files of other tools stay skipped: package.json, tsconfig.json, JSON Schemas, GitHub workflows', () => {
  const modules = join(repoRoot, 'node_modules');
  const packages = readdirSync(modules).filter((name) => !name.startsWith('@') && !name.startsWith('.')).slice(0, 12).map((name) => `node_modules/${name}/package.json`);
  const others = [
    ...packages,
    'node_modules/fast-uri/tsconfig.json',
    'node_modules/ajv/dist/refs/json-schema-draft-07.json',
    'node_modules/ajv/dist/refs/data.json',
    'node_modules/fast-uri/.github/workflows/ci.yml',
    'node_modules/json-schema-traverse/.eslintrc.yml',
    'package.json',
  ];
  const { status, document } = json(others);
  assert.equal(status, 0);
  assert.deepEqual(
    document.files.map((f) => [f.file, f.kind, f.reason.replace(/ \(none of .*/, '')]),
    others.map((file) => [file, 'skipped', 'not a DataSync task request']),
  );
});

// ---------------------------------------------------------------------------
// Broken symbolic links: skipped when found, refused when named
// ---------------------------------------------------------------------------

test('found in a folder or by a glob, a broken symbolic link is skipped with a line on stderr; named, it cannot be read (exit 2)', () => {
  // hunt34 finding 7: the folder walk said "cannot read" (exit 2) where the glob said nothing.
  const root = join(scratch, 'walk');
  const folder = join(root, 'links');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'task.json'), JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'BAD' } }));
  symlinkSync(join(scratch, 'removed.json'), join(folder, 'gone.json'));
  symlinkSync('loop.yaml', join(folder, 'loop.yaml'));
  const SKIPPED = [
    ['gone.json', 'skipped', 'a broken symbolic link (no such file or directory)'],
    ['loop.yaml', 'skipped', 'a broken symbolic link (a loop of symbolic links)'],
    ['task.json', 'request', undefined],
  ];
  for (const operands of [['links'], ['links/*'], ['**/*.json', '**/*.yaml']]) {
    const { status, stderr, document } = json(operands, root);
    assert.equal(status, 1, `${operands}: the findings decide`);
    assert.deepEqual(
      document.files.map((f) => [f.file.replace('links/', ''), f.kind, f.reason]).sort(),
      SKIPPED,
      String(operands),
    );
    assert.equal(
      stderr.split('\n').filter(Boolean).sort().join('\n'),
      SKIPPED.filter(([, kind]) => kind === 'skipped').map(([name, , reason]) => `datasync-task-validator: links/${name}: skipped: ${reason}`).join('\n'),
      String(operands),
    );
  }
  // Named on the command line, the user asked for it: it cannot be read.
  const named = json(['links/gone.json', 'links/task.json'], root);
  assert.equal(named.status, 2);
  assert.deepEqual(named.document.files.map((f) => [f.file, f.kind]), [['links/gone.json', 'unreadable'], ['links/task.json', 'request']]);
  assert.equal(named.stderr, 'datasync-task-validator: links/gone.json: cannot read: no such file or directory\n');
});

test('a broken symbolic link to a Terraform file, found in a folder, cannot be read (exit 2): Terraform refuses the module', () => {
  // revcfn34 finding 3: `terraform console` beside a broken gone.tf says "Failed to read file"
  // and loads nothing, so the module cannot be planned; skipping the link would pass it green.
  const folder = join(scratch, 'tf-link');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'main.tf'),
    `resource "aws_datasync_task" "t" {\n  source_location_arn      = "${SOURCE}"\n  destination_location_arn = "${DESTINATION}"\n}\n`,
  );
  symlinkSync(join(scratch, 'removed.tf'), join(folder, 'gone.tf'));
  for (const operands of [['tf-link'], ['tf-link/*.tf']]) {
    const { status, document } = json(operands, scratch);
    assert.equal(status, 2, String(operands));
    const gone = document.files.find((f) => f.file.endsWith('gone.tf'));
    assert.equal(gone.kind, 'unreadable', String(operands));
  }
});

// ---------------------------------------------------------------------------
// --output-file naming a file to check
// ---------------------------------------------------------------------------

test('--output-file that is one of the files to check is a usage error (exit 2), before anything is written, --fix included', () => {
  // hunt34 finding 10: `-o victim.json victim.json` replaced the request with the report.
  const root = join(scratch, 'output');
  mkdirSync(join(root, 'tasks'), { recursive: true });
  // a.json has a fixable problem (Verifymode: a member misspelt in its case), so --fix would write it.
  const request = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Verifymode: 'NONE' } });
  writeFileSync(join(root, 'tasks', 'a.json'), request);
  writeFileSync(join(root, 'tasks', 'b.json'), request);
  symlinkSync('tasks/b.json', join(root, 'to-b.json'));
  const cases = [
    [['-o', 'tasks/a.json', 'tasks/a.json'], 'tasks/a.json', 'tasks/a.json'],
    [['-o', 'tasks/a.json', 'tasks/*.json'], 'tasks/a.json', 'tasks/a.json'],
    [['-o', 'tasks/a.json', 'tasks'], 'tasks/a.json', 'tasks/a.json'],
    [['-o', './tasks/../tasks/a.json', 'tasks'], './tasks/../tasks/a.json', 'tasks/a.json'],
    [['-o', 'to-b.json', 'tasks'], 'to-b.json', 'tasks/b.json'],
    [['--fix', '-o', 'tasks/b.json', 'tasks'], 'tasks/b.json', 'tasks/b.json'],
    [['-f', 'sarif', '-o', 'tasks/a.json', '-'], 'tasks/a.json', null],
  ];
  for (const [args, output, input] of cases) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', input: request });
    if (input === null) {
      // Standard input is no file: the report replaces tasks/a.json, as asked.
      assert.equal(result.status, 1, String(args));
      assert.equal(JSON.parse(readFileSync(join(root, 'tasks', 'a.json'), 'utf8')).version, '2.1.0');
      writeFileSync(join(root, 'tasks', 'a.json'), request);
      continue;
    }
    assert.equal(result.status, 2, String(args));
    assert.equal(result.stdout, '', String(args));
    assert.equal(
      result.stderr,
      `datasync-task-validator: --output-file ${output}: the report would overwrite ${input}, one of the files to check; write it to another file\nTry "datasync-task-validator --help" for the usage.\n`,
      String(args),
    );
    for (const name of ['a.json', 'b.json']) assert.equal(readFileSync(join(root, 'tasks', name), 'utf8'), request, `${args}: ${name} untouched`);
  }
});

test('--output-file may replace a report of this command that a folder walk finds, run after run, but not one named to check', () => {
  const root = join(scratch, 'rerun');
  mkdirSync(root);
  writeFileSync(join(root, 'task.json'), JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'BAD' } }));
  for (const [format, report] of [['json', 'report.json'], ['sarif', 'report.sarif.json']]) {
    for (let run = 0; run < 2; run += 1) {
      const result = spawnSync(process.execPath, [BIN, '-f', format, '-o', report, '.'], { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 1, `${format} run ${run}: ${result.stderr}`);
      assert.equal(result.stderr, '');
    }
    const named = spawnSync(process.execPath, [BIN, '-f', format, '-o', report, report], { cwd: root, encoding: 'utf8' });
    assert.equal(named.status, 2, format);
    assert.match(named.stderr, /the report would overwrite report(\.sarif)?\.json, one of the files to check/);
  }
  // Another tool's file found in the folder is never replaced.
  writeFileSync(join(root, 'other.json'), '{"name": "x"}');
  const other = spawnSync(process.execPath, [BIN, '-o', 'other.json', '.'], { cwd: root, encoding: 'utf8' });
  assert.equal(other.status, 2);
  assert.equal(readFileSync(join(root, 'other.json'), 'utf8'), '{"name": "x"}');
});

// ---------------------------------------------------------------------------
// A member given twice: findings are placed in the copy that counts
// ---------------------------------------------------------------------------

test('with a repeated member, a finding is placed in the last copy (the one that counts), never in the ignored first one', () => {
  // hunt34 finding 2: the atime/mtime error pointed at the first copy's "Mtime":"PRESERVE" (2:33).
  const root = join(scratch, 'repeated');
  mkdirSync(root);
  const request = [
    `{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}",`,
    '"Options":{"VerifyMode":"NONE", "Mtime":"PRESERVE"},',
    '"Options":{"VerifyMode":"BAD", "Atime":"NONE"}}',
  ].join('\n');
  writeFileSync(join(root, 'request.json'), request);
  // A YAML own member replacing a merged one is the same case.
  writeFileSync(join(root, 'merged.yaml'), `SourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\n<<: {Options: {Mtime: PRESERVE, VerifyMode: NONE}}\nOptions:\n  Atime: NONE\n`);
  writeFileSync(
    join(root, 'template.json'),
    [
      '{"Resources": {"T": {"Type": "AWS::DataSync::Task", "Properties": {',
      `  "SourceLocationArn": "${SOURCE}", "DestinationLocationArn": "${DESTINATION}",`,
      '  "Options": {"VerifyMode": "NONE", "Mtime": "PRESERVE"},',
      '  "Options": {"VerifyMode": "BAD", "Atime": "NONE"}}}}}',
    ].join('\n'),
  );
  const { document } = json(['request.json', 'merged.yaml', 'template.json'], root);
  const placed = document.files.map((f) => [f.file, f.tasks.flatMap((t) => t.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.path}`))]);
  assert.deepEqual(placed, [
    [
      'request.json',
      [
        '3:1 json/duplicate-member /Options',
        // /Options/Mtime is not in the copy that counts: placed at that copy's "Options".
        '3:1 options/atime-mtime-mismatch /Options/Mtime',
        '3:12 value/not-in-enum /Options/VerifyMode',
      ],
    ],
    ['merged.yaml', ['4:1 options/atime-mtime-mismatch /Options/Mtime']],
    ['template.json', ['4:3 options/atime-mtime-mismatch /Options/Mtime', '4:15 value/not-in-enum /Options/VerifyMode']],
  ]);
});

test('positions: a member given again supersedes what was recorded under it, at any depth and any number of times', () => {
  const { value, positions } = readJson('{"a": {"b": {"c": 1, "d": 2}},\n"a": {"b": {"c": 3}},\n"a": {"e": 4}, "f": 5}');
  assert.deepEqual(value, { a: { e: 4n }, f: 5n }); // integers are BigInt
  assert.deepEqual(positionOf(positions, '/a/b/c'), { line: 3, column: 1 }); // the last "a"
  assert.deepEqual(positionOf(positions, '/a/b/d'), { line: 3, column: 1 });
  assert.deepEqual(positionOf(positions, '/a/e'), { line: 3, column: 7 });
  assert.deepEqual(positionOf(positions, '/f'), { line: 3, column: 16 });
  // Without repeats, nothing changes: every member where it is written.
  const plain = readJson('{"a": {"b": 1},\n "c": [1, {"d": 2}]}');
  assert.deepEqual(['/a/b', '/c/1/d', '/c/0', '/x'].map((p) => positionOf(plain.positions, p)), [
    { line: 1, column: 8 },
    { line: 2, column: 12 },
    { line: 2, column: 8 },
    { line: 1, column: 1 },
  ]);
  // Many repeats of a member with many members stay one pass each (bounded work: the ancestors of one pointer per lookup).
  const many = `{${Array.from({ length: 20_000 }, (_, i) => `"a": {"k${i}": {"x": 1}}`).join(',\n')}}`;
  const read = readJson(many);
  assert.deepEqual(positionOf(read.positions, '/a/k0/x'), { line: 20_000, column: 1 }); // k0 is in an ignored copy: the last "a"
  assert.deepEqual(positionOf(read.positions, '/a/k19999/x'), { line: 20_000, column: 18 });
});
