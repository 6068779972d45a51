// --output-file (and --fix): a file written whole or not at all. The
// text is written to a temporary file beside the target, which then replaces
// the target in one rename, so a failure (a full disk, a missing folder, no
// permission) never leaves a half-written report or a stray temporary file.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { NAME } from './args.mjs';
import { MAX_INPUT_BYTES } from './inputs.mjs';

function reason(error) {
  switch (error?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return String(error?.message ?? error).split('\n')[0];
  }
}

/**
 * Writes `text` to `file` (relative to `cwd`), keeping an existing file's
 * permission bits; returns undefined, or why it could not.
 */
export function writeReport(file, text, cwd = process.cwd()) {
  let target = resolve(cwd, file);
  let existing;
  try {
    existing = statSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory()) return 'is a directory';
    // Through a symbolic link, replace the file it points to, not the link.
    if (existing) target = realpathSync(target);
  } catch (error) {
    return reason(error);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: existing ? existing.mode & 0o7777 : 0o666 });
    if (existing) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return reason(error);
  }
}

/**
 * The inputs that a report written to `file` (relative to `cwd`) is: the same
 * file as one of `inputs` (`{ name, path, found }` from expandOperands),
 * through a symbolic link or a hard link too. `{ refused, leftOut }`:
 * `refused` is the first such input the report must not replace (then the
 * run is a usage error before anything is read or written, so that
 * `-o task.json task.json`, or `-o tasks/a.json tasks/`, never loses the
 * request to the report); `leftOut` lists those that a folder or glob found
 * and that hold a report this command wrote (any format: ownReportFormat()),
 * which `isTaskInput(input, text)` says the run would not check as a task
 * input. Those are the report of the last run: they are left out of the
 * inputs and replaced. A file named on the command line is always refused.
 */
export function reportTargets(file, inputs, { cwd = process.cwd(), isTaskInput = () => true } = {}) {
  const leftOut = [];
  let target;
  try {
    target = statSync(resolve(cwd, file));
  } catch {
    return { refused: null, leftOut }; // not there yet (or not reachable): no input is it
  }
  if (!target.isFile()) return { refused: null, leftOut };
  for (const input of inputs) {
    if (input.path === null) continue;
    let stats;
    try {
      stats = statSync(input.path);
    } catch {
      continue;
    }
    if (stats.dev !== target.dev || stats.ino !== target.ino) continue;
    const text = input.found ? readOwnSized(input.path, stats) : undefined;
    if (text !== undefined && ownReportFormat(text) && !isTaskInput(input, text)) {
      leftOut.push(input);
      continue;
    }
    return { refused: input, leftOut };
  }
  return { refused: null, leftOut };
}

/** The file's text, or undefined when it is too large or cannot be read. */
function readOwnSized(path, stats) {
  if (stats.size > MAX_INPUT_BYTES) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

// The human and github formats' summary line (format-human.mjs, format-github.mjs).
const SUMMARY = /^\d+ files? checked: \d+ errors?, \d+ warnings?(?: \(\d+ suppressed\))?(?:; \d+ files? could not be checked)?(?:; \d+ problems? fixed)?(?:; \d+ files? skipped \(not task configurations, or left out by the configuration\))?$/;
// A colour code (--color with --output-file).
const ANSI = /\u001b\[\d+m/g;
// A human format line: `file:line:column  severity  code  message`, a --fix line, a blank
// line, or a --defaults line (`file[:LogicalId]: valid|N errors…|schedule: …`); after a
// `…; with defaults:` line, the request as indented JSON. With `s`, `.` also takes a lone CR,
// U+2028 or U+2029: without it, a line of many `: valid` pieces before one of them made the
// pattern backtrack over the line for each piece (time growing with the square of the line).
const HUMAN_LINE = /^(?:.*:\d+:\d+ {2}(?:error|warning|info|fixed) {2}\S+ {2}.*|.+: (?:valid|\d+ errors?, \d+ warnings?|schedule: ).*|)$/s;
const DEFAULTS_HEAD = /; with defaults:$/;

/** Whether every line is one the human format prints, indented lines only in a --defaults block. */
function humanLines(lines) {
  let indented = false;
  for (const raw of lines) {
    const line = raw.replace(ANSI, '');
    if (indented && line.startsWith('  ')) continue;
    if (!HUMAN_LINE.test(line)) return false;
    indented = DEFAULTS_HEAD.test(line);
  }
  return true;
}
// Its file and title escape `,` and `:` (%2C, %3A): no backtracking.
const GITHUB_LINE = /^::(?:error|warning|notice) file=[^,:\n]*,line=\d+,col=\d+,title=[^,:\n]*::/;
const JUNIT_HEAD = new RegExp(`^<\\?xml version="1\\.0" encoding="UTF-8"\\?>\\n<testsuites name="${NAME}" tests="\\d+" failures="\\d+" errors="\\d+">\\n`);

/**
 * Which format of this command's report `text` is ('json', 'sarif', 'junit',
 * 'github', 'human', or 'empty': what --quiet prints when nothing fails), or
 * null. Each is recognised by its whole shape: the JSON report's `tool`,
 * `files` and `summary`; SARIF runs all by this command; JUnit's exact head
 * and tail; every github line a workflow command of ours but the summary
 * last; every human line a finding, fix or --defaults line but the summary last.
 * main.mjs also asks it about every file a run skips or cannot parse, so
 * that a report of ours is skipped as one, not read as a broken task file.
 */
export function ownReportFormat(text) {
  if (text === '') return 'empty';
  if (text.charCodeAt(0) === 0xfeff) return null;
  // A report committed from Windows (git's autocrlf) has CRLF line ends.
  const body = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  if (/^\s*[{[]/.test(body)) {
    // Both name this command (tool.name, driver.name): other JSON is not parsed a second time.
    if (!body.includes(`"${NAME}"`)) return null;
    let value;
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
    if (value?.tool?.name === NAME && Array.isArray(value.files) && value.summary !== null && typeof value.summary === 'object') return 'json';
    const runs = value?.runs;
    if (value?.version === '2.1.0' && Array.isArray(runs) && runs.length > 0 && runs.every((run) => run?.tool?.driver?.name === NAME)) return 'sarif';
    return null;
  }
  if (JUNIT_HEAD.test(body) && body.endsWith('</testsuites>\n')) return 'junit';
  if (!body.endsWith('\n')) return null;
  const lines = body.slice(0, -1).split('\n');
  const last = lines.pop().replace(ANSI, '');
  if (!SUMMARY.test(last)) return null;
  // The summary alone is what both print for no findings: called human.
  if (lines.length > 0 && lines.every((line) => GITHUB_LINE.test(line))) return 'github';
  if (humanLines(lines)) return 'human';
  return null;
}
