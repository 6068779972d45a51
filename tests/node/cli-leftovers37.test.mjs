// The command line's leftovers from session 36 (js/cli/format-*.mjs, js/cli/main.mjs,
// js/cli/output-file.mjs), run from the built package:
// 1. --format sarif against the final SARIF 2.1.0 schema, the one its `$schema` names
//    (tests/cli/sarif-schema), and GitHub code scanning's documented requirements;
// 2. a report of this command in any format, left in a folder the run checks (not
//    the run's -o target), is skipped as what it is, never a broken task file;
// 3. JSON, SARIF and JUnit printed in a GitHub Actions job's log: no line is a
//    runner command, read as actions/runner reads one, and each is still the same
//    document to a JSON or XML parser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { test } from 'node:test';
import { SaxesParser } from 'saxes';
import {
  DESTINATION, pkgDir, repoRoot, requireBuiltPackage, runCommand, SARIF_SCHEMA_FILE, sarifValidator, scratchFolders, SOURCE,
} from './helpers.mjs';

requireBuiltPackage();
const NAME = 'datasync-task-validator';
const folder = scratchFolders('cli-leftovers37');
const run = (args, cwd, { input } = {}) => runCommand(['--no-config', ...args], { cwd, input });

const INVALID = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'BAD' } });
const VALID = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
const TEMPLATE = readFileSync(join(repoRoot, 'examples/cloudformation-two-tasks.yaml'), 'utf8');
const TERRAFORM = `resource "aws_datasync_task" "t" {\n  source_location_arn      = "${SOURCE}"\n  destination_location_arn = "${DESTINATION}"\n  options {\n    verify_mode = "BAD"\n  }\n}\n`;

// ---------------------------------------------------------------------------
// 1. SARIF: the final 2.1.0 schema, and what GitHub code scanning documents
// ---------------------------------------------------------------------------

const sarifRoot = folder('sarif', {
  'tasks/task.json': INVALID,
  'tasks/odd %20 \u00fc,x:y.json': INVALID,
  'tasks/broken.json': `{"SourceLocationArn": "${SOURCE}",\n  "Options": {`,
  'tasks/stack.yaml': TEMPLATE,
  'tasks/tf/main.tf': TERRAFORM,
});

test('the vendored SARIF schema is the final 2.1.0 one that our report\'s $schema names, and the report validates against it', () => {
  // Before: the tests validated against sarif-2.1.0-rtm.5.json, a release candidate, while `$schema`
  // named the final sarif-2.1.0.json (this test failed with ENOENT on the final schema's file).
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8'));
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  const result = run(['-f', 'sarif', 'tasks'], sarifRoot);
  assert.equal(result.status, 2, result.stderr); // the broken file
  const sarif = JSON.parse(result.stdout);
  assert.equal(posix.basename(new URL(sarif.$schema).pathname), 'sarif-2.1.0.json', 'the file our $schema names');
  assert.doesNotMatch(sarif.$schema, /rtm/);
  assert.equal(sarif.version, '2.1.0');
  const validate = sarifValidator();
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
  // The validator is not vacuous: the schema refuses what code scanning refuses.
  const broken = (change) => {
    const copy = structuredClone(sarif);
    change(copy);
    return validate(copy);
  };
  assert.equal(broken((s) => (s.version = '2.1.0-rtm.5')), false);
  assert.equal(broken((s) => delete s.runs[0].results[0].message), false);
  assert.equal(broken((s) => delete s.runs[0].tool.driver.name), false);
  assert.equal(broken((s) => (s.runs[0].results[0].level = 'fatal')), false);
  assert.equal(broken((s) => (s.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)), false);
  assert.equal(broken((s) => (s.runs[0].unknownMember = 1)), false);
});

test('--format sarif meets what GitHub code scanning documents for an upload (a guard)', () => {
  // GitHub's "SARIF support for code scanning": one tool run; each result's ruleId a rule's id, a
  // message text, a level, a location with a repository-relative file and a start line; each rule
  // a short and a full description; under the upload limits (20 runs per file, 25,000 results and
  // rules per run, 1,000 locations per result, 20 tags per rule). The SARIF Multitool 5.7.0's
  // `validate --rule-kind "Sarif;Gh"` found no error or warning in such a report (session 37).
  const sarif = JSON.parse(run(['-f', 'sarif', 'tasks'], sarifRoot).stdout);
  assert.equal(sarif.runs.length, 1);
  const [only] = sarif.runs;
  const rules = new Map(only.tool.driver.rules.map((rule) => [rule.id, rule]));
  assert.equal(rules.size, only.tool.driver.rules.length, 'rule ids are unique');
  assert.ok(only.results.length > 0 && only.results.length <= 25_000 && rules.size <= 25_000);
  for (const rule of rules.values()) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text, rule.id);
    assert.ok((rule.properties?.tags ?? []).length <= 20, rule.id);
  }
  const files = new Set();
  for (const result of only.results) {
    assert.ok(rules.has(result.ruleId), result.ruleId);
    assert.equal(only.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level), result.level);
    assert.ok(typeof result.message.text === 'string' && result.message.text.length > 0);
    assert.ok(result.locations.length >= 1 && result.locations.length <= 1_000);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
    assert.doesNotMatch(artifactLocation.uri, /^[A-Za-z][A-Za-z0-9+.-]*:|^\//, 'relative to the repository');
    assert.ok(Number.isInteger(region.startLine) && region.startLine >= 1);
    files.add(decodeURIComponent(artifactLocation.uri));
  }
  for (const file of ['tasks/task.json', 'tasks/odd %20 \u00fc,x:y.json', 'tasks/broken.json', 'tasks/stack.yaml', 'tasks/tf/main.tf']) {
    assert.ok(files.has(file), file);
  }
});

// ---------------------------------------------------------------------------
// 2. A report of this command left in a checked folder
// ---------------------------------------------------------------------------

/** Each format's real report of the folder `tasks` (one invalid request, a template), as `--format` prints it. */
let made;
function reports() {
  if (made) return made;
  const root = folder('reports', { 'tasks/task.json': INVALID, 'tasks/stack.yaml': TEMPLATE, 'tasks/tf/main.tf': TERRAFORM });
  made = {};
  for (const [label, args] of [
    ['json', ['-f', 'json']],
    ['sarif', ['-f', 'sarif']],
    ['junit', ['-f', 'junit']],
    ['github', ['-f', 'github']],
    ['human', []],
    ['human --defaults', ['--defaults']],
    ['human --color', ['--color']],
    ['human --quiet', ['-q']],
    ['github --quiet', ['-f', 'github', '-q']],
  ]) {
    const result = run([...args, 'tasks'], root);
    assert.equal(result.status, 1, `${label}: ${result.stderr}`);
    assert.ok(result.stdout.length > 0, label);
    made[label] = result.stdout;
  }
  // The human format with nothing to report: the summary line alone.
  const clean = folder('reports-clean', { 'tasks/task.json': VALID });
  made['human, nothing found'] = run(['tasks'], clean).stdout;
  assert.match(made['human, nothing found'], /^1 file checked: 0 errors, 0 warnings\n$/);
  // A report committed from Windows with git's autocrlf.
  made['human, CRLF'] = made.human.replace(/\n/g, '\r\n');
  made['junit, CRLF'] = made.junit.replace(/\n/g, '\r\n');
  return made;
}

const FORMAT_OF = (label) => {
  const format = label.split(/[ ,]/)[0];
  return { json: '--format json', sarif: '--format sarif', junit: '--format junit', github: '--format github', human: 'the human format' }[format];
};

test('a report of ours in any format, found in a checked folder or by a glob, is skipped as our report: the run is the run without it', () => {
  // Before: a human, --defaults, github or JUnit report read as broken YAML that names task members:
  // "invalid YAML: Implicit keys need to be on a single line", exit 2 instead of 1; a JSON or SARIF
  // report was skipped as "not a task configuration" only because it had no task member.
  const all = reports();
  const tasks = { 'tasks/task.json': INVALID, 'tasks/stack.yaml': TEMPLATE };
  const without = JSON.parse(run(['-f', 'json', 'tasks'], folder('without', tasks)).stdout);
  // Each report under names the folder walk finds (.json, .yaml) and a name only a glob finds.
  const left = {};
  Object.entries(all).forEach(([label, text], i) => {
    for (const ext of ['yaml', 'json', label.startsWith('junit') ? 'xml' : 'txt']) left[`tasks/report-${i}.${ext}`] = { label, text };
  });
  const root = folder('left', { ...tasks, ...Object.fromEntries(Object.entries(left).map(([name, { text }]) => [name, text])) });
  for (const operand of ['tasks', 'tasks/*']) {
    const result = run(['-f', 'json', operand], root);
    assert.equal(result.stderr, '', operand);
    assert.equal(result.status, 1, operand);
    const report = JSON.parse(result.stdout);
    const seen = report.files.filter((f) => left[f.file]);
    assert.equal(seen.length, Object.keys(left).filter((name) => operand === 'tasks/*' || !name.endsWith('.txt') && !name.endsWith('.xml')).length, operand);
    for (const entry of seen) {
      const where = `${left[entry.file].label} in ${entry.file}, ${operand}`;
      assert.deepEqual({ kind: entry.kind, reason: entry.reason }, { kind: 'skipped', reason: `a report of ${NAME} (${FORMAT_OF(left[entry.file].label)}), not a task configuration` }, where);
    }
    assert.deepEqual(report.files.filter((f) => !left[f.file]), without.files, operand);
    assert.deepEqual({ ...report.summary, files: report.summary.files - seen.length, skipped: report.summary.skipped - seen.length }, without.summary, operand);
  }
});

test('a report of ours named on the command line is skipped with a line that says so (a shell glob names every file)', () => {
  const all = reports();
  for (const label of ['human', 'junit', 'github', 'json', 'sarif']) {
    const root = folder(`named-${label}`, { 'report.out': all[label], 'task.json': VALID });
    const result = run(['report.out', 'task.json'], root);
    assert.equal(result.status, 0, `${label}: ${result.stderr}`);
    assert.equal(result.stderr, `${NAME}: report.out: skipped: a report of ${NAME} (${FORMAT_OF(label)}), not a task configuration\n`, label);
  }
});

test('a report of ours saved with a byte order mark (PowerShell\'s Out-File -Encoding utf8) is skipped as ours too (rev37a #2)', () => {
  const all = reports();
  for (const label of ['human', 'junit', 'github']) {
    const root = folder(`bom-${label}`, { 'tasks/report.yaml': `\uFEFF${all[label]}`, 'tasks/task.json': VALID });
    const result = run(['-f', 'json', 'tasks'], root);
    assert.equal(result.status, 0, `${label}: ${result.stdout}`);
    const entry = JSON.parse(result.stdout).files.find((f) => f.file === 'tasks/report.yaml');
    assert.equal(entry.reason, `a report of ${NAME} (${FORMAT_OF(label)}), not a task configuration`, label);
  }
});

test('a human report line holding a lone CR, U+2028 or U+2029 is read as one line, in time linear in its length (rev37a #1)', async () => {
  // Before, `.` stopped at such a character, and the line pattern tried every `: valid` piece
  // before it, then failed: time growing with the square of the line (6.5 s of CPU for 256 KB).
  const { ownReportFormat } = await import(join(pkgDir, 'cli', 'output-file.mjs'));
  for (const odd of ['\r', '\u2028', '\u2029']) {
    const text = `${'x: valid'.repeat(2000)}${odd}Z\n1 file checked: 0 errors, 0 warnings\n`;
    assert.equal(ownReportFormat(text), 'human', JSON.stringify(odd));
  }
});

test('a task input is never skipped as a report, whatever it looks like', () => {
  // A request with the JSON report's members, and a template with a SARIF report's, are checked
  // (they are task inputs); a broken request whose lines look like the human format's, with our
  // summary line last, is still a broken task file (exit 2); so is a broken file with a junit head.
  const reportLike = JSON.stringify({ ...JSON.parse(INVALID), tool: { name: NAME }, files: [], summary: {} });
  const sarifLike = `${TEMPLATE}\nversion: 2.1.0\nruns:\n  - tool:\n      driver:\n        name: ${NAME}\n`;
  const humanLike = `  SourceLocationArn: ${SOURCE}\n  Options: {VerifyMode: BAD\n1 file checked: 1 error, 0 warnings\n`;
  const junitLike = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${NAME}" tests="1" failures="1" errors="0">\n  SourceLocationArn: [${SOURCE}\n`;
  const root = folder('inputs', { 'tasks/a.json': reportLike, 'tasks/b.yaml': sarifLike, 'tasks/c.yaml': humanLike, 'tasks/d.yaml': junitLike });
  for (const operand of ['tasks', 'tasks/*']) {
    const result = run(['-f', 'json', operand], root);
    assert.equal(result.status, 2, result.stderr);
    const kinds = Object.fromEntries(JSON.parse(result.stdout).files.map((f) => [f.file, f.kind]));
    assert.deepEqual(kinds, { 'tasks/a.json': 'request', 'tasks/b.yaml': 'template', 'tasks/c.yaml': 'unparsable', 'tasks/d.yaml': 'unparsable' });
  }
});

// ---------------------------------------------------------------------------
// 3. JSON, SARIF and JUnit in a GitHub Actions job's log
// ---------------------------------------------------------------------------

/** The commands the runner registers (actions/runner ActionCommandManager: its extensions and stop-commands). */
const RUNNER_COMMANDS = ['stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo'];
const registered = (name) => RUNNER_COMMANDS.includes(name.toLowerCase());

/**
 * The runner commands in `text` as actions/runner reads its step's output: lines as .NET's
 * StreamReader.ReadLine splits them (LF, CR, CRLF); TryParseV2 first (after leading white space,
 * `::name props::data`), then TryParse (`##[name props]data` anywhere in the line). A line is
 * looked at when it holds `##[` or `::` at all (OutputManager).
 */
function runnerCommands(text) {
  const found = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!line.includes('##[') && !line.includes('::')) continue;
    const trimmed = line.replace(/^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      if (end >= 0) {
        const info = trimmed.slice(2, end);
        const name = info.split(' ')[0];
        if (registered(name)) {
          found.push(line);
          continue;
        }
      }
    }
    const prefix = line.indexOf('##[');
    if (prefix < 0) continue;
    const close = line.indexOf(']', prefix);
    if (close < 0) continue;
    const name = line.slice(prefix + 3, close).split(' ')[0];
    if (registered(name)) found.push(line);
  }
  return found;
}

/** Every string in a parsed JSON document. */
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k), strings(v, out);
  return out;
}

/** Every attribute value and text node of an XML document, read by a conforming parser (saxes). */
function xmlTexts(text) {
  const parser = new SaxesParser({ xmlns: false });
  const out = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => out.push(...Object.values(tag.attributes)));
  parser.on('text', (t) => out.push(t));
  parser.write(text).close();
  return out;
}

const COMMAND_FILES = ['##[warning]x.json', '##[set-output name=a]b.json', '###[add-mask]c.json', 'w##[error]d.json', '::warning::e.json', '##[stop-commands]tok.json'];
const COMMAND_MEMBERS = ['##[error]member', '\n::error::member', '\r##[add-path]/tmp', ' ::notice::x', '#\u00ad#[warning]soft'];

const commandRoot = folder('commands', {
  ...Object.fromEntries(COMMAND_FILES.map((name) => [`tasks/${name}`, INVALID])),
  'tasks/members.json': JSON.stringify({ ...JSON.parse(INVALID), ...Object.fromEntries(COMMAND_MEMBERS.map((m) => [m, 1])) }),
  'tasks/##[group]broken.json': `{"SourceLocationArn": "${SOURCE}",\n  "##[error]x": {`,
});

test('JSON, SARIF and JUnit printed in a job\'s log hold no runner command, and parse to the same names', () => {
  // Before: `"file": "##[warning]x.json"` and a message quoting `##[error]member` were commands to
  // the runner's TryParse, which finds `##[` anywhere in a line (in all three formats).
  for (const format of ['json', 'sarif', 'junit']) {
    const result = run(['-f', format, 'tasks'], commandRoot);
    assert.equal(result.status, 2, `${format}: ${result.stderr}`);
    assert.deepEqual(runnerCommands(result.stdout), [], format);
    assert.doesNotMatch(result.stdout, /##\[/, format);
    // The names are all there, as they are, to a JSON or XML parser.
    const texts = format === 'junit' ? xmlTexts(result.stdout) : strings(JSON.parse(result.stdout));
    const joined = texts.join('\n');
    const names = format === 'sarif' ? COMMAND_FILES.map((name) => encodeURIComponent(name)) : COMMAND_FILES;
    for (const name of names) assert.ok(joined.includes(name), `${format}: ${name}`);
    for (const member of ['##[error]member', '##[add-path]/tmp']) assert.ok(joined.includes(member), `${format}: ${member}`);
  }
  // The stdin name too.
  const piped = run(['-f', 'json', '--stdin-filename', '##[warning]in.json', '-'], commandRoot, { input: INVALID });
  assert.deepEqual(runnerCommands(piped.stdout), []);
  assert.equal(JSON.parse(piped.stdout).files[0].file, '##[warning]in.json');
});

test('the line-start form (`::`) cannot occur in JSON, SARIF or JUnit output: every line starts, after its indent, with a JSON token or `<` (a guard)', () => {
  for (const format of ['json', 'sarif', 'junit']) {
    const text = run(['-f', format, ...(format === 'json' ? ['--defaults'] : []), 'tasks'], commandRoot).stdout;
    assert.ok(text.length > 0, format);
    for (const line of text.slice(0, -1).split(/\r\n|\r|\n/)) {
      const start = line.trimStart().charAt(0);
      assert.match(start, format === 'junit' ? /^<$/ : /^["{}[\]0-9tfn-]$/, `${format}: ${JSON.stringify(line)}`);
    }
  }
});

test('the runner reader above finds what the runner would run (its own check)', () => {
  assert.deepEqual(runnerCommands('  ::warning file=a::x\nplain\n"##[set-output name=a]b",\n::nope::x\n##[unknown]y\nx ::error::mid'), [
    '  ::warning file=a::x',
    '"##[set-output name=a]b",',
  ]);
  assert.deepEqual(runnerCommands('a\r::error::b\r\n#\\u0023[warning]c &#35;#[warning]d'), ['::error::b']);
});
