// The datasync-task-validator command, run as a child process from the built
// package (pkg/cli/bin.mjs) over the fixtures in tests/cli/fixtures/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cargoVersion, DESTINATION, pkgDir, repoRoot, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const BIN = join(pkgDir, 'cli', 'bin.mjs');
const FIXTURES = 'tests/cli/fixtures';
const fixture = (path) => `${FIXTURES}/${path}`;

/** Runs the command in the repository root; NO_COLOR and FORCE_COLOR are cleared unless given. */
function run(args, { input, env = {} } = {}) {
  const environment = { ...process.env };
  delete environment.NO_COLOR;
  delete environment.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    env: { ...environment, ...env },
    timeout: 60_000,
  });
  assert.equal(result.error, undefined, String(result.error));
  // Whatever happens, no stack trace.
  assert.doesNotMatch(result.stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, result.stderr);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (text) => text.split('\n').filter((line) => line !== '');
const json = (args, options) => {
  const result = run(['--format', 'json', ...args], options);
  return { ...result, document: JSON.parse(result.stdout) };
};

// ---------------------------------------------------------------------------
// Help, version and usage errors
// ---------------------------------------------------------------------------

test('--help prints the usage and exits 0', () => {
  const { status, stdout, stderr } = run(['--help']);
  assert.equal(status, 0);
  assert.equal(stderr, '');
  assert.match(stdout, /^Usage: datasync-task-validator \[options\] <file\|directory\|glob\|->\.\.\./);
  for (const option of ['--format', '--defaults', '--warnings-as-errors', '--quiet', '--version', '--stdin-filename']) {
    assert.ok(stdout.includes(option), `the usage mentions ${option}`);
  }
  assert.match(stdout, /Exit status: 0 no errors; 1 errors/);
});

test('--version prints the crate version; the bin file runs by itself (shebang, executable bit)', () => {
  const direct = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
  assert.equal(direct.error, undefined, `pkg/cli/bin.mjs is not executable: ${direct.error}`);
  assert.equal(direct.status, 0, direct.stderr);
  assert.equal(direct.stdout, `${cargoVersion()}\n`);
  assert.equal(run(['-v']).stdout, `${cargoVersion()}\n`);
});

test('the manifest names the command, its files and yaml as its optional peer dependency', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.bin, { 'datasync-task-validator': './cli/bin.mjs' });
  assert.ok(manifest.files.includes('cli/'));
  assert.ok(manifest.peerDependencies?.yaml, 'the command needs yaml');
  assert.equal(manifest.peerDependenciesMeta?.yaml?.optional, true, 'library users need not install yaml');
});

test('usage errors exit 2 with one line on stderr and nothing on stdout', () => {
  for (const [args, message] of [
    [['--frobnicate', fixture('requests/valid.json')], 'unknown option --frobnicate'],
    [['--format', 'xml', fixture('requests/valid.json')], 'unknown format "xml"'],
    [['--format'], '--format needs a value'],
    [['--quiet=yes', fixture('requests/valid.json')], '--quiet takes no value'],
    [[], 'no input files'],
    [['--defaults', '--format', 'sarif', fixture('requests/valid.json')], '--defaults cannot be combined with --format sarif'],
  ]) {
    const { status, stdout, stderr } = run(args);
    assert.equal(status, 2, `${args.join(' ')}: ${stderr}`);
    assert.equal(stdout, '', args.join(' '));
    const [first, ...rest] = lines(stderr);
    assert.ok(first.startsWith(`datasync-task-validator: ${message}`), first);
    assert.deepEqual(rest, ['Try "datasync-task-validator --help" for the usage.']);
  }
});

// ---------------------------------------------------------------------------
// Requests, exit codes 0 and 1, the human format
// ---------------------------------------------------------------------------

test('a valid request exits 0 with the summary only', () => {
  const { status, stdout, stderr } = run([fixture('requests/valid.json')]);
  assert.equal(status, 0, stdout + stderr);
  assert.equal(stderr, '');
  assert.equal(stdout, '1 file checked: 0 errors, 0 warnings\n');
});

test('errors exit 1, one line each: file:line:column  severity  code  message  [pointer]', () => {
  const { status, stdout } = run([fixture('requests/invalid.json')]);
  assert.equal(status, 1);
  assert.deepEqual(lines(stdout), [
    `${fixture('requests/invalid.json')}:1:1  error  request/missing-member  DestinationLocationArn is required.  [/DestinationLocationArn]`,
    `${fixture('requests/invalid.json')}:4:5  error  value/not-in-enum  VerifyMode "SOMETIMES" is not one of POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE.  [/Options/VerifyMode]`,
    '1 file checked: 2 errors, 0 warnings',
  ]);
});

test('warnings exit 0, or 1 with --warnings-as-errors', () => {
  const plain = run([fixture('requests/warning.json')]);
  assert.equal(plain.status, 0);
  assert.match(plain.stdout, /warning\.json:1:1 {2}warning {2}logging\/log-group-unused {2}.* {2}\[\/Options\/LogLevel\]\n/);
  assert.match(plain.stdout, /1 file checked: 0 errors, 1 warning\n$/);
  const strict = run(['--warnings-as-errors', fixture('requests/warning.json')]);
  assert.equal(strict.status, 1);
  assert.equal(strict.stdout, plain.stdout);
});

test('--quiet prints errors only, and the summary only when something fails', () => {
  const clean = run(['--quiet', fixture('requests/warning.json'), fixture('requests/valid.json')]);
  assert.equal(clean.status, 0);
  assert.equal(clean.stdout, '');
  const failing = run(['-q', fixture('requests/warning.json'), fixture('requests/invalid.json')]);
  assert.equal(failing.status, 1);
  const output = lines(failing.stdout);
  assert.equal(output.length, 3, failing.stdout);
  assert.ok(output.slice(0, 2).every((line) => line.includes('  error  ')), failing.stdout);
  assert.equal(output[2], '2 files checked: 2 errors, 1 warning');
  // With --warnings-as-errors a warning fails the run, so it is shown.
  const strict = run(['-q', '--warnings-as-errors', fixture('requests/warning.json')]);
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /logging\/log-group-unused/);
  // Notes about unchecked CloudFormation values are not errors either.
  const template = run(['-q', fixture('templates/stack.json'), fixture('templates/depends-on-unknowns.yaml')]);
  assert.ok(lines(template.stdout).every((line) => !line.includes('  info  ')), template.stdout);
});

test('no colour when stdout is not a terminal; --color forces it', () => {
  const piped = run([fixture('requests/invalid.json')]);
  assert.doesNotMatch(piped.stdout, /\u001b\[/);
  const forced = run(['--color', fixture('requests/invalid.json')]);
  assert.match(forced.stdout, /\u001b\[31merror\u001b\[0m/);
});

test('in a terminal: colour unless NO_COLOR is set or --no-color is given', { skip: !existsSync('/usr/bin/script') && 'no script(1) to fake a terminal' }, () => {
  const inTerminal = (env, flags = []) => {
    const command = [process.execPath, BIN, ...flags, fixture('requests/invalid.json')].map((a) => `'${a}'`).join(' ');
    const environment = { ...process.env, ...env };
    delete environment.FORCE_COLOR;
    if (env.NO_COLOR === undefined) delete environment.NO_COLOR;
    return spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: repoRoot, encoding: 'utf8', env: environment });
  };
  const coloured = inTerminal({});
  assert.equal(coloured.status, 1, coloured.stdout + coloured.stderr);
  assert.match(coloured.stdout, /\u001b\[31merror\u001b\[0m/);
  const plain = inTerminal({ NO_COLOR: '1' });
  assert.equal(plain.status, 1);
  assert.match(plain.stdout, /value\/not-in-enum/);
  assert.doesNotMatch(plain.stdout, /\u001b\[3\dm/);
  const off = inTerminal({}, ['--no-color']);
  assert.match(off.stdout, /value\/not-in-enum/);
  assert.doesNotMatch(off.stdout, /\u001b\[3\dm/);
});

// ---------------------------------------------------------------------------
// Inputs: stdin, directories, globs, broken and missing files
// ---------------------------------------------------------------------------

test('- reads standard input (JSON or YAML); --stdin-filename names it', () => {
  const text = readFileSync(join(repoRoot, fixture('requests/invalid.json')), 'utf8');
  const piped = run(['-'], { input: text });
  assert.equal(piped.status, 1);
  assert.match(piped.stdout, /^<stdin>:1:1 {2}error {2}request\/missing-member .* {2}\[\/DestinationLocationArn\]$/m);
  const named = run(['--stdin-filename', 'tasks/nightly.json', '-'], { input: text });
  assert.match(named.stdout, /^tasks\/nightly\.json:4:5 {2}error .* {2}\[\/Options\/VerifyMode\]$/m);
  const yaml = run(['-'], { input: readFileSync(join(repoRoot, fixture('requests/nested/cli-input.yaml')), 'utf8') });
  assert.equal(yaml.status, 0, yaml.stdout);
  const template = run(['-'], { input: readFileSync(join(repoRoot, fixture('templates/stack.yaml')), 'utf8') });
  assert.match(template.stdout, /^<stdin>:48:9 {2}error .* {2}\[BrokenTask:\/Options\/OverwriteMode\]$/m);
});

test('YAML versions: templates are read as 1.1, requests as 1.2 even when a line starts with a template section', () => {
  /** How the command reads YAML from standard input: its kind, and per task the logical id and [path, code] of each diagnostic. */
  const readAs = (input) => {
    const [file] = json(['-'], { input }).document.files;
    return { kind: file.kind, tasks: file.tasks.map((t) => [t.logicalId, t.diagnostics.map((d) => [d.path, d.code])]) };
  };
  // The same members as a request and as a template's Properties.
  const members = [
    `SourceLocationArn: ${SOURCE}`,
    `DestinationLocationArn: ${DESTINATION}`,
    'Options:',
    '  LogLevel: OFF', // YAML 1.2: the string OFF, a valid value; YAML 1.1 (templates) makes it a boolean
  ];
  // A top-level Resources that is not a template's: an unknown member.
  const request = ['Resources: 1', ...members, ''].join('\n');
  assert.deepEqual(readAs(request), { kind: 'request', tasks: [[null, [['/Resources', 'request/unknown-member']]]] });
  const template = ['Resources:', '  Task:', '    Type: AWS::DataSync::Task', '    Properties:', ...members.map((line) => `      ${line}`), ''];
  assert.deepEqual(readAs(template.join('\n')), { kind: 'template', tasks: [['Task', [['/Options/LogLevel', 'value/not-in-enum']]]] });
  // What only YAML 1.1 reads as a template: keys (1 and 0o1) that are the
  // same number in YAML 1.2 but not in 1.1.
  const quirks = ['Resources:', '  Task: {Type: AWS::DataSync::Task, Properties: {Name: ok}}', '  Other:', '    Type: AWS::S3::Bucket', '    Metadata: {1: a, 0o1: b}', ''];
  assert.deepEqual(readAs(quirks.join('\n')), {
    kind: 'template',
    tasks: [['Task', [['/DestinationLocationArn', 'request/missing-member'], ['/SourceLocationArn', 'request/missing-member']]]],
  });
  // Resources merged in with << are read as a template, which CloudFormation refuses (no merge keys).
  const merged = ['Resources:', '  <<: {Task: {Type: AWS::DataSync::Task, Properties: {Name: ok}}}', ''];
  assert.deepEqual(readAs(merged.join('\n')), { kind: 'unparsable', tasks: [] });
  // A request the YAML 1.1 reading rejects (yes and on are the same key there)
  // is still read as YAML 1.2, where they are two unknown members.
  const unknown = (name) => [`/${name}`, 'request/unknown-member'];
  assert.deepEqual(readAs(`${request}yes: 1\non: 2\n`), { kind: 'request', tasks: [[null, [unknown('Resources'), unknown('on'), unknown('yes')]]] });
});

test('a directory is searched recursively for JSON and YAML files, in sorted order', () => {
  const { status, document } = json([fixture('requests')]);
  assert.equal(status, 1);
  assert.deepEqual(
    document.files.map((f) => f.file),
    ['invalid.json', 'nested/cli-input.yaml', 'valid.json', 'warning.json'].map((f) => fixture(`requests/${f}`)),
  );
  assert.equal(document.files[1].syntax, 'yaml');
  assert.equal(document.files[1].kind, 'request');
  assert.deepEqual(document.files[1].tasks[0].diagnostics, []);
});

test('globs are expanded by the command itself (*, ** and ?)', () => {
  // One argv element each: no shell is involved.
  const { status, document } = json([`${FIXTURES}/**/*.yaml`, `${FIXTURES}/templates/stack.js?n`, `${FIXTURES}/requests/v*.json`]);
  // The configuration fixtures (cli-config.test.mjs) have YAML files of their own.
  const files = document.files.map((f) => f.file).filter((file) => !file.startsWith(fixture('config/')));
  assert.deepEqual(files, [
    fixture('broken/bad.yaml'),
    fixture('requests/nested/cli-input.yaml'),
    fixture('templates/all-intrinsics.yaml'),
    fixture('templates/depends-on-unknowns.yaml'),
    fixture('templates/locations.yaml'),
    fixture('templates/parameter-defaults.yaml'),
    fixture('templates/stack.yaml'),
    fixture('templates/stack.json'),
    fixture('requests/valid.json'),
  ]);
  assert.equal(status, 2, 'broken/bad.yaml cannot be parsed');
  const none = run([`${FIXTURES}/**/*.nothing`]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^datasync-task-validator: tests\/cli\/fixtures\/\*\*\/\*\.nothing: no files match this pattern$/m);
});

test('a broken file among good ones: one stderr line each, the others still reported, exit 2', () => {
  const { status, stdout, stderr } = run([
    fixture('requests/valid.json'),
    fixture('broken/bad.json'),
    fixture('requests/invalid.json'),
    fixture('broken/bad.yaml'),
    fixture('missing.json'),
  ]);
  assert.equal(status, 2);
  assert.deepEqual(lines(stderr), [
    `datasync-task-validator: ${fixture('broken/bad.json')}:5:1: invalid JSON: expected ',' or '}' after an object member but found the end of the text`,
    `datasync-task-validator: ${fixture('broken/bad.yaml')}:6:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    `datasync-task-validator: ${fixture('missing.json')}: cannot read: no such file or directory`,
  ]);
  assert.match(stdout, /invalid\.json:4:5 {2}error .* {2}\[\/Options\/VerifyMode\]\n/);
  assert.match(stdout, /2 files checked: 2 errors, 0 warnings; 3 files could not be checked\n$/);
});

// ---------------------------------------------------------------------------
// CloudFormation templates
// ---------------------------------------------------------------------------

test('YAML template: short-form intrinsics are skipped with notes, problems carry the logical ID', () => {
  const { status, stdout } = run([fixture('templates/stack.yaml')]);
  assert.equal(status, 1);
  const file = fixture('templates/stack.yaml');
  const output = lines(stdout);
  const errors = output.filter((line) => line.includes('  error  '));
  assert.deepEqual(
    errors.map((line) => [...line.split('  ').slice(0, 3), line.split('  ').at(-1)].join('  ')),
    [
      // Mtime !If [IsEnhanced, PRESERVE, NONE] with TaskMode !If [IsEnhanced, ENHANCED, BASIC]: Basic with Mtime NONE when IsEnhanced is false.
      `${file}:47:7  error  options/atime-mtime-mismatch  [BrokenTask:/Options/Atime]`,
      `${file}:48:9  error  value/not-in-enum  [BrokenTask:/Options/OverwriteMode]`,
      `${file}:59:9  error  value/not-in-enum  [QuietTask:/Options/LogLevel]`,
      `${file}:65:7  error  cloudformation/missing-property  [QuietTask:/TaskReportConfig/OutputType]`,
    ],
  );
  // !Ref for a required location ARN: a note, never "missing".
  assert.ok(output.includes(`${file}:24:7  info  cloudformation/not-checked  Not checked: the value comes from Ref SourceLocation, which CloudFormation resolves at deploy time.  [NightlyTask:/SourceLocationArn]`));
  assert.ok(!output.some((line) => line.includes('NightlyTask') && line.includes('missing-member')));
  // Mtime and TaskMode come from !If on one condition: each branch is checked, the two take the same branch,
  // so no Enhanced-mode Mtime rule fires (Enhanced goes with PRESERVE), and the Basic mismatch says its condition.
  assert.ok(!output.some((line) => line.includes('enhanced-mtime')), stdout);
  assert.ok(output.some((line) => line.includes('atime-mtime-mismatch') && line.includes('(Only when condition IsEnhanced is false.)')), stdout);
  // BytesPerSecond: '1048576' is converted to an integer, as CloudFormation does.
  assert.ok(!output.some((line) => line.includes('BytesPerSecond')), stdout);
  // CloudFormation reads the unquoted OFF as a YAML 1.1 boolean.
  assert.match(stdout, /LogLevel "false" is not one of OFF, BASIC or TRANSFER\. \(CloudFormation reads the unquoted OFF as a YAML 1\.1 boolean/);
  for (const note of ['NightlyTask:/CloudWatchLogGroupArn', 'NightlyTask:/Name', 'NightlyTask:/Tags/1/Value', 'BrokenTask:/DestinationLocationArn', 'QuietTask:/TaskReportConfig/Destination/S3/BucketAccessRoleArn']) {
    assert.ok(output.some((line) => line.includes('  info  cloudformation/not-checked  ') && line.endsWith(`  [${note}]`)), note);
  }
  assert.equal(output.at(-1), '1 file checked: 4 errors, 0 warnings');
});

test('location ARNs that refer to location resources of the template bring the location rules, naming the resources', () => {
  const file = fixture('templates/locations.yaml');
  const { status, document } = json(['--defaults', file]);
  assert.equal(status, 1);
  const byTask = Object.fromEntries(document.files[0].tasks.map((task) => [task.logicalId, task]));
  const codes = (task) => task.diagnostics.map((d) => `${d.path} ${d.code}`);
  assert.deepEqual(codes(byTask.CopyReports), [
    '/Options/Gid locations/posix-between-object-stores',
    '/Options/PosixPermissions locations/posix-between-object-stores',
    '/Options/Uid locations/posix-between-object-stores',
  ]);
  const [gid] = byTask.CopyReports.diagnostics;
  assert.deepEqual(gid.params.locationResources, { '/SourceLocationArn': 'ReportsLocation', '/DestinationLocationArn': 'ArchiveLocation' });
  assert.match(gid.message, /\(In this template, SourceLocationArn is ReportsLocation, an AWS::DataSync::LocationS3, and DestinationLocationArn is ArchiveLocation, an AWS::DataSync::LocationS3\.\)$/);
  // VerifyMode is set, so the archive's storage class asks nothing more of CopyReports.
  assert.deepEqual(codes(byTask.BackupHome), ['/TaskMode locations/nfs-version-needs-enhanced']);
  assert.deepEqual(byTask.BackupHome.diagnostics[0].params.locationResources, { '/SourceLocationArn': 'HomeLocation' });
  // The defaults for an S3-to-S3 pair where the template leaves the POSIX options out.
  assert.equal(byTask.BackupHome.defaults.Options.Uid, 'INT_VALUE', 'NFS to S3 keeps the documented defaults');
  // A bucket whose ARN comes from a parameter is an S3 bucket too: CloudFormation's schema for
  // AWS::DataSync::LocationS3 takes no Outposts bucket ARN or storage class.
  assert.deepEqual(codes(byTask.CopyToPartner), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  // A bucket ARN built from "arn:${AWS::Partition}:s3:::" and a name (Fn::Sub, Fn::Join) is an S3 bucket.
  assert.deepEqual(codes(byTask.CopyToNamedBucket), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(byTask.CopyToNamedBucket.diagnostics[0].params.locationResources, {
    '/SourceLocationArn': 'NamedBucketLocation',
    '/DestinationLocationArn': 'JoinedBucketLocation',
  });
  // And joined with ':' as the delimiter.
  assert.deepEqual(codes(byTask.CopyToColonJoinedBucket), ['/Options/PosixPermissions locations/posix-between-object-stores']);
  assert.deepEqual(byTask.CopyToColonJoinedBucket.diagnostics[0].params.locationResources, {
    '/SourceLocationArn': 'NamedBucketLocation',
    '/DestinationLocationArn': 'ColonJoinedBucketLocation',
  });
  // Fn::If: each branch is checked; a finding of one branch names its condition.
  assert.deepEqual(codes(byTask.ArchiveFiles), [
    '/Options/PosixPermissions locations/posix-between-object-stores',
    '/Options/VerifyMode locations/archive-default-verify-mode',
  ]);
  const [posix] = byTask.ArchiveFiles.diagnostics;
  assert.deepEqual(posix.params.conditions, { ToBucket: true });
  assert.match(posix.message, /\(In this template, when condition ToBucket is true, SourceLocationArn is ReportsLocation, an AWS::DataSync::LocationS3, and DestinationLocationArn is ArchiveLocation, an AWS::DataSync::LocationS3\.\)$/);
  const branches = byTask.ArchiveFiles.notes.find((n) => n.path === '/DestinationLocationArn');
  assert.match(branches.message, /ArchiveLocation \(AWS::DataSync::LocationS3\) or SharedFiles \(AWS::DataSync::LocationEFS\)\.$/);
  const note = byTask.CopyReports.notes.find((n) => n.path === '/DestinationLocationArn');
  assert.match(note.message, /the location rules use what the template says of ArchiveLocation \(AWS::DataSync::LocationS3\)\.$/);
});

test("values from parameters with a Default are checked with it, and its findings say so", () => {
  const file = fixture('templates/parameter-defaults.yaml');
  const { status, document } = json([file]);
  assert.equal(status, 1);
  const [task] = document.files[0].tasks;
  assert.deepEqual(task.diagnostics.map((d) => [d.path, d.code, d.params.parameterDefaults]), [
    ['/Options/BytesPerSecond', 'value/below-minimum', { Bandwidth: '-5' }],
    ['/Schedule/ScheduleExpression', 'schedule/too-frequent', { Frequency: 'rate(30 minutes)' }],
  ]);
  assert.match(task.diagnostics[1].message, / \(With the Default of parameter Frequency \("rate\(30 minutes\)"\); a stack may pass another value\.\)$/);
  const notes = Object.fromEntries(task.notes.map((n) => [n.path, n.code]));
  assert.deepEqual(notes, {
    '/Options/BytesPerSecond': 'cloudformation/parameter-default',
    '/Schedule/ScheduleExpression': 'cloudformation/parameter-default',
    // No Default, and an SSM parameter (its Default names the parameter, not the value): unknown.
    '/SourceLocationArn': 'cloudformation/not-checked',
    '/TaskMode': 'cloudformation/not-checked',
  });
});

test('JSON template: Fn::GetAtt and Ref are skipped, the rest is checked with its logical ID', () => {
  const { status, document } = json([fixture('templates/stack.json')]);
  assert.equal(status, 1);
  const [file] = document.files;
  assert.equal(file.kind, 'template');
  assert.equal(file.syntax, 'json');
  const [copy, schedule] = file.tasks;
  assert.equal(copy.logicalId, 'CopyTask');
  assert.equal(copy.pointer, '/Resources/CopyTask/Properties');
  assert.equal(copy.valid, true);
  assert.deepEqual(copy.diagnostics, [], 'Tags Value 42 and BytesPerSecond "-1" are converted as CloudFormation does');
  assert.deepEqual(copy.notes.map((n) => [n.path, n.code]), [
    ['/DestinationLocationArn', 'cloudformation/not-checked'],
    ['/SourceLocationArn', 'cloudformation/not-checked'],
  ]);
  assert.match(copy.notes[1].message, /Fn::GetAtt SourceLocation\.LocationArn/);
  assert.equal(schedule.logicalId, 'BadScheduleTask');
  assert.deepEqual(schedule.diagnostics.map((d) => [d.path, d.code, d.severity]), [
    // Mtime {"Fn::If": ["Cond", "NONE", "PRESERVE"]}: NONE with Atime's default BEST_EFFORT when Cond is true.
    ['/Options/Atime', 'options/atime-mtime-mismatch', 'error'],
    ['/Options/TransferMode', 'options/remove-with-transfer-all', 'error'],
    ['/Schedule/ScheduleExpression', 'schedule/too-frequent', 'error'],
    ['/TaskArn', 'cloudformation/read-only-property', 'warning'],
  ]);
  // Positions: the line of the member in the file.
  const text = readFileSync(join(repoRoot, fixture('templates/stack.json')), 'utf8').split('\n');
  for (const d of schedule.diagnostics) {
    // Atime is not written: its finding is at Options.
    const member = d.path === '/Options/Atime' ? 'Options' : d.path.split('/').at(-1);
    assert.ok(text[d.line - 1].slice(d.column - 1).startsWith(`"${member}"`), `${d.path} at ${d.line}:${d.column}`);
  }
});

test('a template whose every value is an intrinsic function has no errors, only notes (a Fn::If branch that is a literal is checked)', () => {
  const { status, document } = json([fixture('templates/all-intrinsics.yaml')]);
  assert.equal(status, 1, JSON.stringify(document.files[0].tasks.map((t) => t.diagnostics)));
  const [task, noProperties, fromParameterStore, fromParameterDefaults] = document.files[0].tasks;
  // Fn::If branches with literals (cloudformation-if38.test.mjs): Includes with ManifestConfig when both conditions
  // hold, and the manifest's S3 without its bucket and role when HasManifest is true.
  const found = (t) => t.diagnostics.map((d) => [d.path, d.code, d.params.conditions]);
  assert.deepEqual(found(task), [
    ['/Includes/1', 'manifest/with-filters', { HasIncludes: true, HasManifest: true }],
    ['/ManifestConfig/1/Source/S3/BucketAccessRoleArn', 'request/missing-member', { HasManifest: true }],
    ['/ManifestConfig/1/Source/S3/S3BucketArn', 'request/missing-member', { HasManifest: true }],
  ]);
  // The Includes and ManifestConfig notes are gone (their branches are checked); TaskReportConfig's Fn::If is on a
  // fourth condition, beyond the three that make worlds.
  assert.equal(task.notes.length, 18);
  assert.ok(task.notes.every((n) => n.code === 'cloudformation/not-checked'));
  assert.match(task.notes.find((n) => n.path === '/TaskReportConfig').message, /not tried/);
  // Properties !If [Cond, {SourceLocationArn: x}, {}]: each branch is a task (cfn-lint: E3003 for both ARNs).
  assert.deepEqual(found(noProperties), [
    ['/1/SourceLocationArn', 'value/pattern-mismatch', { Cond: true }],
    ['/2/SourceLocationArn', 'request/missing-member', { Cond: false }],
    ['/DestinationLocationArn', 'request/missing-member', undefined],
  ]);
  assert.deepEqual(noProperties.notes.map((n) => n.path), []);
  assert.deepEqual(fromParameterStore.diagnostics, []);
  assert.deepEqual(
    fromParameterStore.notes.map((n) => [n.path, n.code]),
    ['/DestinationLocationArn', '/Name', '/SourceLocationArn', '/Tags/0/Value'].map((p) => [p, 'cloudformation/not-checked']),
  );
  assert.match(fromParameterStore.notes.find((n) => n.path === '/SourceLocationArn').message, /^Not checked: the value comes from the dynamic reference \{\{resolve:ssm:\/datasync\/source-location-arn\}\}, which CloudFormation resolves at deploy time\.$/);
  // A string that only contains a reference is named as such.
  assert.equal(
    fromParameterStore.notes.find((n) => n.path === '/Name').message,
    'Not checked: the value comes from the string "nightly-{{resolve:ssm:/env/name}}" with a dynamic reference, which CloudFormation resolves at deploy time.',
  );
  // A parameter's Default that is a dynamic reference is not checked as text (it was: two value/pattern-mismatch errors).
  assert.deepEqual(fromParameterDefaults.diagnostics, []);
  assert.deepEqual(
    fromParameterDefaults.notes.map((n) => [n.path, n.code]),
    ['/DestinationLocationArn', '/Schedule/ScheduleExpression', '/SourceLocationArn'].map((p) => [p, 'cloudformation/not-checked']),
  );
  // ssm-secure is not claimed to resolve in a task's property.
  assert.equal(
    fromParameterDefaults.notes.find((n) => n.path === '/DestinationLocationArn').message,
    'Not checked: the value comes from the dynamic reference {{resolve:ssm-secure:/datasync/destination-location-arn:2}}, which CloudFormation resolves only in the resource properties its documentation lists for ssm-secure, and no AWS::DataSync::Task property is one, so the stack operation may fail (ssm and secretsmanager references work in any property).',
  );
  // The six errors are the Fn::If branches' above.
  assert.equal(document.summary.errors + document.summary.warnings, 6);
});

test('a rule whose outcome depends on an unknown value stays silent, even if it names only literal members', () => {
  const { status, document } = json([fixture('templates/depends-on-unknowns.yaml')]);
  assert.equal(status, 1);
  const [mode, filter, known, fromGetAtt, optional] = document.files[0].tasks;
  assert.deepEqual(mode.diagnostics, [], 'no-log-group depends on TaskMode (!Ref Mode)');
  // The only exclude filter may be AWS::NoValue: the error holds only when HasExcludes is true (that Fn::If branch).
  assert.deepEqual(filter.diagnostics.map((d) => [d.path, d.code, d.params.conditions]), [['/Excludes', 'manifest/with-filters', { HasExcludes: true }]]);
  assert.deepEqual(known.diagnostics.map((d) => [d.path, d.code, d.line]), [
    // A missing member is located at the nearest member that exists: Properties.
    ['/CloudWatchLogGroupArn', 'logging/no-log-group', 35],
    // Tags/0 is AWS::NoValue: the service sees the bad key as Tags/0, the template has it at Tags/1.
    ['/Tags/1/Key', 'tag/reserved-prefix', 43],
  ]);
  assert.deepEqual(fromGetAtt.diagnostics.map((d) => [d.path, d.code]), [['/Options/LogLevel', 'logging/log-group-unused']]);
  // The log group may be AWS::NoValue: when HasLogs is true it is there, and LogLevel defaults to OFF.
  assert.deepEqual(optional.diagnostics.map((d) => [d.path, d.code, d.params.conditions]), [['/Options/LogLevel', 'logging/log-group-unused', { HasLogs: true }]]);
});

// ---------------------------------------------------------------------------
// Machine-readable formats and --defaults
// ---------------------------------------------------------------------------

test('--format json: one document with files, tasks, positioned diagnostics, notes and a summary', () => {
  const { status, stdout, document } = json([fixture('requests/invalid.json'), fixture('templates/stack.yaml'), fixture('broken/bad.json')]);
  assert.equal(status, 2);
  assert.equal(stdout.trim().split('\n')[0], '{', 'nothing but the document on stdout');
  assert.deepEqual(document.tool, { name: 'datasync-task-validator', version: cargoVersion() });
  assert.deepEqual(document.files.map((f) => [f.file, f.kind]), [
    [fixture('requests/invalid.json'), 'request'],
    [fixture('templates/stack.yaml'), 'template'],
    [fixture('broken/bad.json'), 'unparsable'],
  ]);
  const [request, template, broken] = document.files;
  const [only] = request.tasks;
  assert.equal(only.logicalId, null);
  assert.equal(only.valid, false);
  assert.deepEqual(only.diagnostics[1], {
    code: 'value/not-in-enum',
    severity: 'error',
    path: '/Options/VerifyMode',
    message: 'VerifyMode "SOMETIMES" is not one of POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE.',
    params: only.diagnostics[1].params,
    line: 4,
    column: 5,
  });
  assert.deepEqual(template.tasks.map((t) => t.logicalId), ['NightlyTask', 'BrokenTask', 'QuietTask']);
  const overwrite = template.tasks[1].diagnostics.find((d) => d.path === '/Options/OverwriteMode');
  assert.deepEqual([overwrite.line, overwrite.column], [48, 9]);
  assert.ok(template.tasks[0].notes.some((n) => n.path === '/SourceLocationArn' && n.line === 24 && n.column === 7));
  assert.deepEqual(broken.error, { message: "invalid JSON: expected ',' or '}' after an object member but found the end of the text", line: 5, column: 1 });
  assert.deepEqual(
    { ...document.summary, notes: undefined },
    { files: 3, checked: 2, unreadable: 1, skipped: 0, tasks: 4, errors: 6, warnings: 0, notes: undefined, suppressed: 0 },
  );
  assert.equal(document.exitCode, 2);
});

test('--format sarif: SARIF 2.1.0 with rules for the codes found and located results', () => {
  const { status, stdout } = run(['--format', 'sarif', fixture('templates/stack.yaml'), fixture('requests'), fixture('broken/bad.json')]);
  assert.equal(status, 2);
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(sarif.runs.length, 1);
  const [runResult] = sarif.runs;
  const { driver } = runResult.tool;
  assert.equal(driver.name, 'datasync-task-validator');
  assert.equal(driver.version, cargoVersion());
  const ruleIds = driver.rules.map((r) => r.id);
  assert.deepEqual(ruleIds, [...new Set(runResult.results.map((r) => r.ruleId))].sort());
  assert.ok(ruleIds.includes('value/not-in-enum') && ruleIds.includes('logging/log-group-unused'));
  for (const rule of driver.rules) {
    assert.match(rule.name, /^[A-Z][A-Za-z0-9]+$/);
    assert.ok(rule.shortDescription.text.length > 10, rule.id);
    assert.ok(['error', 'warning'].includes(rule.defaultConfiguration.level));
  }
  assert.equal(driver.rules.find((r) => r.id === 'request/missing-member').shortDescription.text, 'A required member is missing.');
  assert.equal(driver.rules.find((r) => r.id === 'logging/log-group-unused').defaultConfiguration.level, 'warning');
  for (const result of runResult.results) {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning'].includes(result.level));
    assert.equal(typeof result.message.text, 'string');
    const [{ physicalLocation }] = result.locations;
    assert.equal(physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(physicalLocation.artifactLocation.uri.startsWith('tests/cli/fixtures/'), physicalLocation.artifactLocation.uri);
    assert.ok(physicalLocation.region.startLine >= 1 && physicalLocation.region.startColumn >= 1);
  }
  const overwrite = runResult.results.find((r) => r.properties.pointer === '/Options/OverwriteMode');
  assert.equal(overwrite.level, 'error');
  assert.deepEqual(overwrite.locations[0].physicalLocation.region, { startLine: 48, startColumn: 9 });
  assert.equal(overwrite.locations[0].logicalLocations[0].fullyQualifiedName, 'BrokenTask/Options/OverwriteMode');
  const warning = runResult.results.find((r) => r.ruleId === 'logging/log-group-unused');
  assert.equal(warning.level, 'warning');
  assert.equal(warning.locations[0].physicalLocation.artifactLocation.uri, 'tests/cli/fixtures/requests/warning.json');
  // Notes are notifications, not results (not alerts); unreadable inputs are both
  // (tests/node/cli-formats.test.mjs checks their results).
  assert.ok(!runResult.results.some((r) => r.ruleId.startsWith('cloudformation/not-checked')));
  const [invocation] = runResult.invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.ok(invocation.toolExecutionNotifications.some((n) => n.level === 'error' && n.message.text.includes('bad.json')));
  assert.ok(invocation.toolExecutionNotifications.some((n) => n.level === 'note' && n.descriptor.id === 'cloudformation/not-checked'));
});

test('--defaults prints each request with the defaults filled in', () => {
  const human = run(['--defaults', fixture('requests/valid.json'), fixture('templates/stack.json')]);
  assert.equal(human.status, 1);
  assert.match(human.stdout, /^tests\/cli\/fixtures\/requests\/valid\.json: valid; with defaults:\n {2}\{\n {4}"SourceLocationArn"/m);
  assert.match(human.stdout, /valid\.json: schedule: Every 12 hours/);
  assert.match(human.stdout, /stack\.json:BadScheduleTask: 3 errors, 1 warning; with defaults:/);
  // No schedule (an UpdateTask removing it): one sentence, then the runs, with no ".;" between.
  const removal = JSON.stringify({ TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0', Schedule: { ScheduleExpression: '' } });
  const none = run(['--defaults', '--stdin-filename', 'update.json', '-'], { input: removal });
  assert.match(none.stdout, /^update\.json: schedule: No schedule: the task runs only when it is started; next runs: none$/m);
  const { document } = json(['--defaults', fixture('requests/valid.json'), fixture('templates/stack.json')]);
  const valid = document.files[0].tasks[0];
  assert.equal(valid.defaults.Options.VerifyMode, 'POINT_IN_TIME_CONSISTENT');
  assert.equal(valid.defaults.TaskMode, 'BASIC');
  assert.equal(valid.defaults.Schedule.Status, 'ENABLED');
  assert.equal(valid.schedule.nextRuns.length, 3);
  const [copy] = document.files[1].tasks;
  assert.deepEqual(copy.defaults.SourceLocationArn, { 'Fn::GetAtt': ['SourceLocation', 'LocationArn'] });
  assert.equal(copy.defaults.Options.BytesPerSecond, -1);
  assert.equal(copy.defaults.Tags[0].Value, '42');
  assert.equal(copy.defaults.Options.Mtime, 'PRESERVE');
  const schedule = document.files[1].tasks[1];
  assert.deepEqual(schedule.defaults.Options.Mtime, { 'Fn::If': ['Cond', 'NONE', 'PRESERVE'] });
  assert.equal(schedule.defaults.TaskArn, undefined, 'read-only attributes are not request members');
  // Without --defaults there is none.
  assert.equal('defaults' in json([fixture('requests/valid.json')]).document.files[0].tasks[0], false);
});

// ---------------------------------------------------------------------------
// UpdateTask and StartTaskExecution requests
// ---------------------------------------------------------------------------

test('a request file is checked as the operation its members show, and a note says which', () => {
  const { status, document } = json([fixture('operations/update-task.json'), fixture('operations/start-task-execution.yml'), fixture('requests/valid.json')]);
  assert.equal(status, 1);
  const [update, start, create] = document.files.map((file) => file.tasks[0]);
  assert.equal(update.operation, 'UpdateTask');
  assert.deepEqual(update.diagnostics.map((d) => `${d.path} ${d.code} ${d.line}`), ['/TaskMode request/unknown-member 3']);
  assert.match(update.diagnostics[0].message, /a task's mode is fixed when the task is created/);
  assert.deepEqual(update.notes.map((n) => n.code), ['request/operation']);
  assert.match(update.notes[0].message, /^Checked as an UpdateTask request \(it has TaskArn and no location ARNs\)/);
  assert.equal(start.operation, 'StartTaskExecution');
  assert.deepEqual(start.diagnostics.map((d) => `${d.path} ${d.code}`), ['/OverrideOptions/TransferMode options/remove-with-transfer-all']);
  assert.equal(create.operation, undefined);
  assert.deepEqual(create.notes, []);
});

test('--operation overrides what the members suggest', () => {
  const { document } = json(['--operation', 'CreateTask', fixture('operations/update-task.json')]);
  const codes = document.files[0].tasks[0].diagnostics.map((d) => `${d.path} ${d.code}`);
  assert.ok(codes.includes('/TaskArn request/unknown-member') && codes.includes('/SourceLocationArn request/missing-member'), codes.join('\n'));
  const human = run(['--operation=StartTaskExecution', fixture('operations/update-task.json')]);
  assert.match(human.stdout, /update-task\.json:4:3 {2}error {2}request\/unknown-member {2}"Schedule" is not a StartTaskExecution member.*\[\/Schedule\]$/m);
  assert.match(human.stdout, /Checked as a StartTaskExecution request \(chosen with --operation\)/);
  const bad = run(['--operation', 'DeleteTask', fixture('requests/valid.json')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown operation "DeleteTask" for --operation; use CreateTask, UpdateTask, StartTaskExecution or auto/);
});

test('--defaults fills nothing in for an UpdateTask request', () => {
  const { document } = json(['--defaults', fixture('operations/update-task.json')]);
  const task = document.files[0].tasks[0];
  assert.deepEqual(Object.keys(task.defaults), ['TaskArn', 'TaskMode', 'Schedule']);
  assert.equal(task.defaults.Options, undefined);
});
