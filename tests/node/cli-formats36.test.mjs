// The CI formats checked against what reads them, with files whose names and
// members carry odd characters (spaces, unicode, %, a newline, control
// characters, `]]>`, XML's and the workflow commands' own characters):
// - --format sarif against the final SARIF 2.1.0 JSON schema (tests/cli/sarif-schema,
//   with ajv), each artifact URI decoding back to its file;
// - --format junit read by a conforming XML parser (saxes), its counts
//   attributes those of its test cases, its text the findings';
// - --format github read back as the runner reads workflow commands
//   (actions/toolkit: in a message %, CR and LF are escaped; in a property
//   also : and ,), one command per finding;
// - the human format one line per finding, whatever the file name holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SaxesParser } from 'saxes';
import {
  DESTINATION, repoRoot, requireBuiltPackage, runCommand, sarifValidator, scratchFolders, SOURCE, URI_CHARACTERS,
} from './helpers.mjs';

requireBuiltPackage();

// A request whose members' names carry what each format must escape: a finding quotes them.
const ODD_MEMBER = 'Bad]]>\u0001\u001b[31m&<"\'%\r\n,:\u202e\u00e9';
const REQUEST = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: 'BAD' }, [ODD_MEMBER]: 1 });

/** The files, by name: requests, a broken request, a template, a Terraform module. */
const FILES = {
  'plain.json': REQUEST,
  'odd dir/a b%20\u00fc \u65e5\u672c.json': REQUEST,
  'new\nline\r.json': REQUEST,
  'x,y:z]]>&<"\'.json': REQUEST,
  'ctl\u0001\u001b[2J\u007f\u0085.json': REQUEST,
  'percent %25 %0A.json': `{"SourceLocationArn": "${SOURCE}",\n  "Options": {`, // broken: reported, not skipped
  'stack \u00fc.yaml': readFileSync(join(repoRoot, 'examples/cloudformation-two-tasks.yaml'), 'utf8'),
  'tf mod %/main.tf': `resource "aws_datasync_task" "t" {\n  source_location_arn      = "${SOURCE}"\n  destination_location_arn = "${DESTINATION}"\n  options {\n    verify_mode = "BAD"\n  }\n}\n`,
};
const folder = scratchFolders('cli-formats36');
const root = folder('odd', FILES);

const run = (args, { cwd = root, input } = {}) => runCommand(['--no-config', ...args], { cwd, input });

/** The findings of a run as --format json gives them: one per diagnostic, note or unparsable file. */
function jsonReport(args, options) {
  const result = run(['-f', 'json', ...args], options);
  return JSON.parse(result.stdout);
}

/** Each diagnostic's and note's `{ file, message }` in a --format json report, files named as in the other formats. */
function messages(report) {
  return report.files.flatMap((f) => {
    const file = f.file.replace(/^\.\//, '');
    const items = [...f.notes, ...f.tasks.flatMap((t) => [...t.diagnostics, ...t.notes])];
    return items.map((item) => ({ file, message: item.message }));
  });
}

// ---------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------

test('--format sarif is valid SARIF 2.1.0 (the published schema) with odd file names, a broken file, a template, Terraform, standard input and a file outside the folder', () => {
  const validate = sarifValidator();
  const runs = [
    ['.'],
    ['--stdin-filename', 'std in %\n\u00fc.json', '-'],
    [join(root, 'plain.json'), '../odd/x,y:z]]>&<"\'.json'],
    ['-q', '.'],
  ];
  for (const args of runs) {
    const result = run(['-f', 'sarif', ...args], { input: REQUEST, cwd: args[0] === '.' || args[0] === '-q' ? root : join(root, 'odd dir') });
    const sarif = JSON.parse(result.stdout);
    assert.ok(validate(sarif), `${args}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    assert.ok(sarif.runs[0].results.length > 0, String(args));
  }
});

test('--format sarif: each result\'s artifact URI is an RFC 3986 reference that decodes back to its file', () => {
  const sarif = JSON.parse(run(['-f', 'sarif', '.']).stdout);
  const report = jsonReport(['.']);
  const expected = report.files.filter((f) => f.kind !== 'skipped').map((f) => f.file.replace(/^\.\//, ''));
  const seen = new Set();
  for (const result of sarif.runs[0].results) {
    const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
    assert.equal(uriBaseId, '%SRCROOT%');
    assert.match(uri, URI_CHARACTERS);
    assert.doesNotMatch(uri, /^[^/]*:/, 'no scheme-like first segment (x,y:z would read as the scheme "x,y")');
    seen.add(decodeURIComponent(uri));
  }
  assert.deepEqual([...seen].sort(), [...new Set(expected)].sort());
  assert.ok(seen.has('new\nline\r.json') && seen.has('odd dir/a b%20\u00fc \u65e5\u672c.json') && seen.has('percent %25 %0A.json'));
});

// ---------------------------------------------------------------------------
// JUnit
// ---------------------------------------------------------------------------

/** The JUnit report as a tree of { name, attributes, children, text }, read by saxes (XML 1.0, well-formedness errors throw). */
function readXml(text) {
  const parser = new SaxesParser({ xmlns: false });
  const top = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [top];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const node = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    stack.at(-1).children.push(node);
    stack.push(node);
  });
  parser.on('text', (value) => {
    stack.at(-1).text += value;
  });
  parser.on('cdata', (value) => {
    stack.at(-1).text += value;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(text).close();
  assert.equal(stack.length, 1);
  return top.children[0];
}

/** What XML 1.0 can carry of a text: the characters it cannot are U+FFFD (format-junit.mjs). */
const xmlText = (text) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');

test('--format junit is well-formed XML 1.0 whose counts are its test cases\', and whose names and texts are the files\' and findings\'', () => {
  for (const args of [['.'], ['-q', '.'], ['--stdin-filename', ']]>&<"\u0001.json', '-']]) {
    const result = run(['-f', 'junit', ...args], { input: REQUEST });
    assert.match(result.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
    const suites = readXml(result.stdout);
    assert.equal(suites.name, 'testsuites');
    let tests = 0;
    let failures = 0;
    let errors = 0;
    for (const suite of suites.children) {
      assert.equal(suite.name, 'testsuite');
      const cases = suite.children;
      assert.ok(cases.every((c) => c.name === 'testcase' && c.attributes.classname === suite.attributes.name));
      const failed = cases.filter((c) => c.children.some((child) => child.name === 'failure')).length;
      const broken = cases.filter((c) => c.children.some((child) => child.name === 'error')).length;
      assert.equal(Number(suite.attributes.tests), cases.length, suite.attributes.name);
      assert.equal(Number(suite.attributes.failures), failed, suite.attributes.name);
      assert.equal(Number(suite.attributes.errors), broken, suite.attributes.name);
      tests += cases.length;
      failures += failed;
      errors += broken;
    }
    assert.deepEqual([suites.attributes.tests, suites.attributes.failures, suites.attributes.errors].map(Number), [tests, failures, errors], String(args));
    if (args[0] === '.') {
      // Every file that was checked or could not be, by its name as XML can carry it.
      const report = jsonReport(['.']);
      const names = report.files.filter((f) => f.kind !== 'skipped').map((f) => xmlText(f.file));
      assert.deepEqual(suites.children.map((s) => s.attributes.name).sort(), names.sort());
      assert.equal(errors, 1, 'the broken file');
      // Every finding's message, as XML carries it (`]]>`, markup, CR and LF intact), in its file's suite.
      const texts = new Map(suites.children.map((s) => [s.attributes.name, s.children.flatMap((c) => c.children.map((child) => child.text)).join('\n')]));
      for (const { file, message } of messages(report)) assert.ok(texts.get(xmlText(file)).includes(xmlText(message)), message);
      assert.ok(messages(report).some(({ message }) => message.includes(']]>')));
    }
  }
});

// ---------------------------------------------------------------------------
// --format github
// ---------------------------------------------------------------------------

const unescapeData = (text) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text) => unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** `::command key=value,...::message` as the runner splits it: the first `::` after the properties ends them. */
function readCommand(line) {
  const match = /^::([a-z]+) ([^:]*)::(.*)$/s.exec(line);
  assert.ok(match, line);
  const properties = Object.fromEntries(match[2].split(',').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), unescapeProperty(pair.slice(at + 1))];
  }));
  return { command: match[1], properties, message: unescapeData(match[3]) };
}

/** A name as the human and github formats print it (format-human.mjs escapeControls). */
const shown = (text) =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });

test('--format github: one workflow command per finding, each line read back to its file and message, nothing a runner would read as another command', () => {
  const result = run(['-f', 'github', '.']);
  const lines = result.stdout.split('\n');
  assert.equal(lines.pop(), '');
  const summary = lines.pop();
  assert.match(summary, /^\d+ files checked: \d+ errors, \d+ warnings; 1 file could not be checked$/);
  const report = jsonReport(['.']);
  const count = report.files.reduce((sum, f) => sum + (f.error ? 1 : 0) + f.notes.length + f.tasks.reduce((n, t) => n + t.diagnostics.length + t.notes.length, 0), 0);
  assert.equal(lines.length, count);
  const files = new Set();
  for (const line of lines) {
    assert.doesNotMatch(line, /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no control character reaches the runner');
    const { command, properties, message } = readCommand(line);
    assert.ok(['error', 'warning', 'notice'].includes(command));
    assert.deepEqual(Object.keys(properties), ['file', 'line', 'col', 'title']);
    assert.match(properties.line, /^\d+$/);
    assert.match(properties.col, /^\d+$/);
    assert.doesNotMatch(message, /[\r\n]/);
    files.add(properties.file);
  }
  const expected = report.files.filter((f) => f.kind !== 'skipped').map((f) => shown(f.file.replace(/^\.\//, '')));
  assert.deepEqual([...files].sort(), [...new Set(expected)].sort());
  // `%`, `,` and `:` in a file name are escaped in the property, and come back.
  assert.ok(files.has('x,y:z]]>&<"\'.json') && files.has('percent %25 %0A.json') && files.has('odd dir/a b%20\u00fc \u65e5\u672c.json'));
  // Every finding's message, as the human format shows it, after its file's `::`.
  const commands = lines.map(readCommand);
  for (const { file, message } of messages(report)) {
    assert.ok(commands.some((c) => c.properties.file === shown(file) && c.message.startsWith(shown(message))), message);
  }
});

// ---------------------------------------------------------------------------
// The human format and JSON
// ---------------------------------------------------------------------------

test('the human format prints one line per finding and the summary, whatever the file names hold; JSON keeps them exact', () => {
  const result = run(['--no-color', '.']);
  const report = jsonReport(['.']);
  const count = report.files.reduce((sum, f) => sum + f.notes.length + f.tasks.reduce((n, t) => n + t.diagnostics.length + t.notes.length, 0), 0);
  const lines = result.stdout.split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, count + 1);
  assert.doesNotMatch(result.stdout, /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  assert.ok(lines.some((line) => line.startsWith('new\\x0aline\\x0d.json:')));
  assert.ok(lines.some((line) => line.startsWith('ctl\\x01\\x1b[2J\\x7f\\xc2\\x85.json:') || line.startsWith('ctl\\x01\\x1b[2J\\x7f\\x85.json:')));
  // JSON: the names as they are.
  assert.ok(report.files.some((f) => f.file === './new\nline\r.json' || f.file === 'new\nline\r.json'));
});

// ---------------------------------------------------------------------------
// Workflow commands forged by names, in a GitHub Actions job's log
// ---------------------------------------------------------------------------

/** The commands the runner knows (actions/runner ActionCommandManager's extensions). */
const RUNNER_COMMANDS = new Set(['error', 'warning', 'notice', 'debug', 'add-mask', 'add-matcher', 'remove-matcher', 'group', 'endgroup', 'echo', 'save-state', 'set-output', 'set-env', 'add-path', 'stop-commands']);

/**
 * The command the runner reads in one line of a job's log, or null: as
 * actions/runner's ActionCommand does, first `::command ...::data` at the
 * start after white space (TryParseV2), then `##[command ...]data` anywhere
 * in the line (TryParse).
 */
function runnerCommand(line) {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const name = trimmed.slice(2, end).split(' ')[0];
      if (RUNNER_COMMANDS.has(name)) return { version: 2, name, data: trimmed.slice(end + 2) };
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix < 0) return null;
  const close = line.indexOf(']', prefix);
  if (close < 0) return null;
  const name = line.slice(prefix + 3, close).split(' ')[0];
  return RUNNER_COMMANDS.has(name) ? { version: 1, name, data: line.slice(close + 1) } : null;
}

test('no file or member name becomes a GitHub Actions workflow command in the human format, stderr or --defaults; the github format\'s lines are only its own commands', () => {
  // Before: a file named "::warning::forged.json" printed a line the runner reads as a warning, and a
  // member "##[set-output name=ok]yes" (anywhere in a line) set a step output.
  const files = {
    '::warning::forged.json': REQUEST,
    ' \u00a0::error file=x::forged.json': REQUEST,
    '##[add-mask]secret.json': REQUEST,
    'a###[stop-commands]b.json': REQUEST,
    'broken ##[set-output name=ok]yes.json': `{"SourceLocationArn": "${SOURCE}",`,
    'member.json': JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: '##[set-output name=ok]yes', '##[add-mask]x': 1, '::error::y': 2 }),
  };
  const forged = folder('forged', files);
  const commandsIn = (text) => text.split('\n').map(runnerCommand).filter(Boolean);
  for (const args of [['--no-color', '.'], ['--no-color', '--defaults', 'member.json'], ['--no-color', ...Object.keys(files)]]) {
    const result = run(args, { cwd: forged });
    assert.ok(result.stdout.includes('forged') || args.includes('member.json'));
    assert.deepEqual(commandsIn(result.stdout), [], `${args}: stdout`);
    assert.deepEqual(commandsIn(result.stderr), [], `${args}: stderr`);
  }
  // --defaults keeps the value as JSON reads it.
  const defaults = run(['--no-color', '--defaults', 'member.json'], { cwd: forged }).stdout;
  assert.match(defaults, /"Name": "\\u0023#\[set-output name=ok\]yes"/);
  const github = run(['-f', 'github', '.'], { cwd: forged });
  const lines = github.stdout.split('\n').filter(Boolean);
  const summary = lines.pop();
  assert.equal(runnerCommand(summary), null);
  for (const line of lines) assert.deepEqual([runnerCommand(line).version, ['error', 'warning', 'notice'].includes(runnerCommand(line).name)], [2, true], line);
  assert.deepEqual(commandsIn(github.stderr), []);
});
