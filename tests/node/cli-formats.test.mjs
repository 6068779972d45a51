// The command's outputs for CI: --format github (workflow commands), --format
// junit, SARIF rule metadata and parse failures as results, --output-file,
// --max-warnings and --list-rules. Run as a child process from pkg/cli/bin.mjs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { escapeData, escapeProperty } from '../../pkg/cli/format-github.mjs';
import { escapeXml } from '../../pkg/cli/format-junit.mjs';
import { DESTINATION, pkgDir, repoRoot, requireBuiltPackage, runCommand, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const fixture = (path) => `tests/cli/fixtures/${path}`;
const INVALID = fixture('requests/invalid.json');
const WARNING = fixture('requests/warning.json');
const BAD_JSON = fixture('broken/bad.json');
const BAD_YAML = fixture('broken/bad.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'dtv-cli-formats-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const run = runCommand;

// ---------------------------------------------------------------------------
// --format github
// ---------------------------------------------------------------------------

test('--format github: one workflow command per finding, the file relative to the checkout', () => {
  const { status, stdout, stderr } = run(['--format', 'github', INVALID, WARNING, BAD_JSON]);
  assert.equal(status, 2);
  assert.match(stderr, /bad\.json:5:1: invalid JSON/);
  assert.equal(
    stdout,
    [
      `::error file=${INVALID},line=1,col=1,title=request/missing-member::DestinationLocationArn is required. [/DestinationLocationArn]`,
      `::error file=${INVALID},line=4,col=5,title=value/not-in-enum::VerifyMode "SOMETIMES" is not one of POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE. [/Options/VerifyMode]`,
      `::warning file=${WARNING},line=1,col=1,title=logging/log-group-unused::CloudWatchLogGroupArn is set but LogLevel defaults to OFF, so DataSync publishes no logs to it; set LogLevel to BASIC or TRANSFER. [/Options/LogLevel]`,
      `::error file=${BAD_JSON},line=5,col=1,title=json/syntax-error::invalid JSON: expected ',' or '}' after an object member but found the end of the text`,
      '2 files checked: 2 errors, 1 warning; 1 file could not be checked',
      '',
    ].join('\n'),
  );
});

test('--format github: notes are ::notice, templates name the resource, --quiet drops both', () => {
  const { stdout } = run(['-f', 'github', fixture('templates/stack.yaml')]);
  const lines = stdout.trimEnd().split('\n');
  assert.ok(
    lines.includes(
      `::error file=${fixture('templates/stack.yaml')},line=48,col=9,title=value/not-in-enum::OverwriteMode "SOMETIMES" is not one of ALWAYS or NEVER. [BrokenTask:/Options/OverwriteMode]`,
    ),
    stdout,
  );
  assert.ok(lines.some((line) => line.startsWith('::notice ') && line.includes('title=cloudformation/not-checked::')), stdout);
  const quiet = run(['-f', 'github', '-q', fixture('templates/stack.yaml')]);
  assert.ok(!quiet.stdout.includes('::notice'), quiet.stdout);
  // 4: BrokenTask's Mtime NONE in its Basic branch (IsEnhanced false) is an atime-mtime-mismatch.
  assert.equal(quiet.stdout.split('\n').filter((line) => line.startsWith('::error ')).length, 4);
});

test('--format github escapes as the runner expects: %, CR, LF in messages; also : and , in properties', () => {
  assert.equal(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
  assert.equal(escapeProperty('dir:a,b%\n.json'), 'dir%3Aa%2Cb%25%0A.json');
  // End to end: a file name with ':' and ',' and a value with '%' in the message.
  const request = JSON.stringify({ SourceLocationArn: 'x', DestinationLocationArn: 'y', Options: { VerifyMode: '100%' } });
  const { stdout } = run(['-f', 'github', '--stdin-filename', 'tasks/a:b,c.json', '-'], { input: request });
  const line = stdout.split('\n').find((l) => l.includes('title=value/not-in-enum'));
  assert.equal(
    line,
    '::error file=tasks/a%3Ab%2Cc.json,line=1,col=66,title=value/not-in-enum::VerifyMode "100%25" is not one of POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE. [/Options/VerifyMode]',
  );
});

test('--format github writes control characters and bidirectional overrides of file names and messages as the human format does', () => {
  // A title-setting OSC sequence ended by BEL, a right-to-left override and a line feed in the name; an ESC sequence in a member name.
  const name = 'tasks/x\u001b]0;owned\u0007\u202egnp.json\n::error::forged';
  const request = `{"SourceLocationArn": "${SOURCE}", "DestinationLocationArn": "${DESTINATION}", "\\u001b[2J\\u2066": 1}`;
  const { stdout } = run(['-f', 'github', '--stdin-filename', name, '-'], { input: request });
  const [line, ...rest] = stdout.split('\n');
  assert.equal(rest.length, 2, stdout); // the summary and the final newline
  assert.doesNotMatch(stdout.slice(0, -1).replace('\n', ' '), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  assert.equal(
    line,
    '::error file=tasks/x\\x1b]0;owned\\x07\\u{202e}gnp.json\\x0a%3A%3Aerror%3A%3Aforged,line=1,col=197,title=request/unknown-member::' +
      '"\\u{1b}[2J\\u{2066}" is not a CreateTask member and would be rejected; remove it. [/\\x1b[2J\\u{2066}]',
  );
});

// ---------------------------------------------------------------------------
// --format junit
// ---------------------------------------------------------------------------

test('--format junit: a suite per file, a failing case per problem, an error case per unreadable input', () => {
  const { status, stdout } = run(['--format', 'junit', INVALID, fixture('requests/valid.json'), BAD_YAML]);
  assert.equal(status, 2);
  const invalid = 'tests/cli/fixtures/requests/invalid.json';
  assert.equal(
    stdout,
    `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="datasync-task-validator" tests="4" failures="2" errors="1">
  <testsuite name="${invalid}" tests="2" failures="2" errors="0">
    <testcase name="request/missing-member at 1:1 /DestinationLocationArn" classname="${invalid}">
      <failure message="DestinationLocationArn is required." type="error">${invalid}:1:1 [/DestinationLocationArn]: error request/missing-member: DestinationLocationArn is required.</failure>
    </testcase>
    <testcase name="value/not-in-enum at 4:5 /Options/VerifyMode" classname="${invalid}">
      <failure message="VerifyMode &quot;SOMETIMES&quot; is not one of POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE." type="error">${invalid}:4:5 [/Options/VerifyMode]: error value/not-in-enum: VerifyMode &quot;SOMETIMES&quot; is not one of POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED or NONE.</failure>
    </testcase>
  </testsuite>
  <testsuite name="tests/cli/fixtures/requests/valid.json" tests="1" failures="0" errors="0">
    <testcase name="no problems" classname="tests/cli/fixtures/requests/valid.json"/>
  </testsuite>
  <testsuite name="${BAD_YAML}" tests="1" failures="0" errors="1">
    <testcase name="yaml/syntax-error at 6:1" classname="${BAD_YAML}">
      <error message="invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]" type="yaml/syntax-error">${BAD_YAML}:6:1: error yaml/syntax-error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]</error>
    </testcase>
  </testsuite>
</testsuites>
`,
  );
});

test('--format junit: warnings are failures of type warning; XML-hostile text is escaped', () => {
  const { status, stdout } = run(['-f', 'junit', WARNING]);
  assert.equal(status, 0);
  assert.match(stdout, /<failure message="[^"]+" type="warning">/);
  assert.equal(escapeXml(`a<b>&"c'\u0000\u001b\ud800\n`), 'a&lt;b&gt;&amp;&quot;c&apos;\ufffd\ufffd\ufffd&#10;');
  // A file name with markup and a control character stays well-formed.
  const { stdout: named } = run(['-f', 'junit', '--stdin-filename', 'a<&>\u0007.json', '-'], { input: '{}' });
  assert.match(named, /<testsuite name="a&lt;&amp;&gt;\ufffd\.json" tests="2" failures="2" errors="0">/);
  assert.doesNotMatch(named, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
});

// ---------------------------------------------------------------------------
// SARIF rule metadata and parse failures
// ---------------------------------------------------------------------------

test('SARIF rules have a help address and a full description; parse failures are results', () => {
  const { status, stdout } = run(['--format', 'sarif', INVALID, BAD_JSON, BAD_YAML, fixture('missing.json')]);
  assert.equal(status, 2);
  const [sarifRun] = JSON.parse(stdout).runs;
  const { rules } = sarifRun.tool.driver;
  assert.deepEqual(
    rules.map((r) => r.id),
    ['input/unreadable', 'json/syntax-error', 'request/missing-member', 'value/not-in-enum', 'yaml/syntax-error'],
  );
  for (const rule of rules) {
    assert.equal(rule.helpUri, `https://github.com/datasync-task-validator/datasync-task-validator/blob/main/docs/rules/${rule.id.replace('/', '-')}.md`, rule.id);
    assert.ok(rule.fullDescription.text.startsWith(rule.shortDescription.text), rule.id);
    assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length + 20, rule.id);
    assert.ok(rule.help.text.endsWith(`See ${rule.helpUri}`), rule.id);
    assert.ok(rule.help.markdown.includes(`](${rule.helpUri})`), rule.id);
  }
  assert.equal(
    rules.find((r) => r.id === 'request/missing-member').fullDescription.text,
    'A required member is missing. A member the API model marks as required is absent: SourceLocationArn or DestinationLocationArn in CreateTask, TaskArn in UpdateTask and StartTaskExecution, ScheduleExpression in Schedule, Key in a tag, the S3 manifest\'s three members, ... The SDKs reject a request without a required parameter ("Missing required parameter"). Add the member named in `params.member`. Reported as an error: the service rejects such a request (or the input could not be checked).',
  );
  const failures = sarifRun.results
    .filter((r) => r.ruleId !== 'request/missing-member' && r.ruleId !== 'value/not-in-enum')
    .map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region]);
  assert.deepEqual(failures, [
    ['json/syntax-error', 'error', BAD_JSON, { startLine: 5, startColumn: 1 }],
    ['yaml/syntax-error', 'error', BAD_YAML, { startLine: 6, startColumn: 1 }],
    ['input/unreadable', 'error', fixture('missing.json'), { startLine: 1, startColumn: 1 }],
  ]);
  for (const result of sarifRun.results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  // Still notifications too, so the run reads as not wholly successful.
  assert.equal(sarifRun.invocations[0].toolExecutionNotifications.filter((n) => n.level === 'error').length, 3);
});

// ---------------------------------------------------------------------------
// --output-file
// ---------------------------------------------------------------------------

test('--output-file writes the report to the file, uncoloured, and nothing to stdout', () => {
  for (const format of ['human', 'json', 'sarif', 'github', 'junit']) {
    const file = join(scratch, `report.${format}`);
    const direct = run(['--format', format, INVALID, WARNING]);
    const written = run(['--format', format, '--color', '--output-file', file, INVALID, WARNING]);
    assert.equal(written.status, 1, format);
    assert.equal(written.stdout, '', format);
    assert.equal(written.stderr, '', format);
    const expected = format === 'human' ? direct.stdout.replace(/\u001b\[\d+m/g, '') : direct.stdout;
    const text = readFileSync(file, 'utf8');
    if (format === 'human') assert.equal(text.replace(/\u001b\[\d+m/g, ''), expected);
    else assert.equal(text, expected, format);
  }
  // -o, relative to the working folder, replaces an older report.
  writeFileSync(join(scratch, 'old.txt'), 'an older report that is much longer than the new one\n'.repeat(20));
  const short = run(['-o', 'old.txt', join(repoRoot, fixture('requests/valid.json'))], { cwd: scratch });
  assert.equal(short.status, 0);
  assert.equal(readFileSync(join(scratch, 'old.txt'), 'utf8'), '1 file checked: 0 errors, 0 warnings\n');
  assert.ok(!run(['-o', join(scratch, 'plain.txt'), INVALID]).stdout);
  assert.doesNotMatch(readFileSync(join(scratch, 'plain.txt'), 'utf8'), /\u001b/, 'no colour unless --color');
});

test('--output-file that cannot be written: exit 2, one stderr line, nothing left behind', () => {
  const folder = join(scratch, 'unwritable');
  mkdirSync(folder);
  for (const [target, reason] of [
    [join(folder, 'no', 'such', 'folder', 'report.json'), 'no such folder'],
    [folder, 'is a directory'],
  ]) {
    const { status, stdout, stderr } = run(['--format', 'json', '--output-file', target, fixture('requests/valid.json')]);
    assert.equal(status, 2, target);
    assert.equal(stdout, '');
    assert.equal(stderr, `datasync-task-validator: ${target}: cannot write the report: ${reason}\n`);
  }
  assert.deepEqual(readdirSync(folder), []);
  const usage = run(['--output-file', '', INVALID]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--output-file needs a file name/);
});

// ---------------------------------------------------------------------------
// --max-warnings
// ---------------------------------------------------------------------------

test('--max-warnings N fails the run when there are more than N warnings', () => {
  const within = run(['--max-warnings', '1', WARNING]);
  assert.equal(within.status, 0);
  assert.equal(within.stderr, '');
  const over = run(['--max-warnings', '0', WARNING]);
  assert.equal(over.status, 1);
  assert.equal(over.stderr, 'datasync-task-validator: 1 warning, more than --max-warnings 0 allows\n');
  assert.equal(over.stdout, within.stdout);
  // Failing warnings are shown even with --quiet, as with --warnings-as-errors.
  const quiet = run(['-q', '--max-warnings=0', WARNING]);
  assert.equal(quiet.status, 1);
  assert.match(quiet.stdout, /logging\/log-group-unused/);
  // Errors still fail the run whatever N is.
  assert.equal(run(['--max-warnings', '100', INVALID]).status, 1);
  for (const bad of ['-1', 'x', '1.5', '']) {
    const { status, stderr } = run([`--max-warnings=${bad}`, WARNING]);
    assert.equal(status, 2, bad);
    assert.match(stderr, /^datasync-task-validator: --max-warnings needs a whole number of warnings/, bad);
  }
});

// ---------------------------------------------------------------------------
// --list-rules
// ---------------------------------------------------------------------------

test('--list-rules prints every code the validator and the command report, with severity and meaning', () => {
  const { status, stdout, stderr } = run(['--list-rules']);
  assert.equal(status, 0, stderr);
  const listed = stdout.trimEnd().split('\n').map((line) => line.split(/ {2,}/));
  const declarations = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  const union = /export type DiagnosticCode\s*=([^;]*);/.exec(declarations)[1];
  const coreCodes = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const codes = listed.map(([code]) => code);
  for (const code of [...coreCodes, 'cloudformation/not-checked', 'yaml/syntax-error', 'input/unreadable']) {
    assert.ok(codes.includes(code), `${code} is not listed`);
  }
  assert.equal(new Set(codes).size, codes.length, 'a code is listed twice');
  for (const [code, severity, meaning] of listed) {
    assert.ok(['error', 'warning', 'info'].includes(severity), code);
    assert.ok(meaning.length > 10, code);
  }
  assert.deepEqual(listed.find(([code]) => code === 'request/missing-member'), ['request/missing-member', 'error', 'A required member is missing.']);

  const asJson = JSON.parse(run(['--list-rules', '--format', 'json']).stdout);
  assert.deepEqual(asJson.map((r) => r.code), codes);
  assert.deepEqual(Object.keys(asJson[0]), ['code', 'severity', 'description', 'helpUri']);

  assert.match(run(['--list-rules', INVALID]).stderr, /--list-rules takes no input files/);
  assert.match(run(['--list-rules', '-f', 'sarif']).stderr, /--list-rules prints the human or json format only/);
});
