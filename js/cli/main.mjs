// The datasync-task-validator command: reads the operands, checks each input
// (and with --fix first fixes request files), prints one of five formats and
// returns the exit status:
//   0  no errors
//   1  errors (or warnings with --warnings-as-errors, or more warnings than
//      --max-warnings N)
//   2  a usage error, a report that --output-file could not write, a file that
//      --fix could not write, or an input that could not be read or parsed; the
//      other inputs are still checked and reported, and 2 wins over 1.
// Problems with the command line or an input get one line each on stderr.
import { relative } from 'node:path';
import { version } from '../node/index.mjs';
import { NAME, parseArgs, UsageError, USAGE } from './args.mjs';
import { ConfigError, excludedFile, loadConfig, overriddenCodes } from './config.mjs';
import { ContextError, readContext } from './context.mjs';
import { escapeControls, formatHuman } from './format-human.mjs';
import { formatJson } from './format-json.mjs';
import { formatSarif } from './format-sarif.mjs';
import { formatGithub } from './format-github.mjs';
import { formatJunit } from './format-junit.mjs';
import { listRules } from './list-rules.mjs';
import { ownReportFormat, reportTargets, writeReport } from './output-file.mjs';
import { describeFix, fixFile, positionsOf } from './fix.mjs';
import { expandOperands, headMentionsDataSync, readInput } from './inputs.mjs';
import { notADataSyncInput, skippedByName } from './recognise.mjs';
import { checkDocument, operationOf } from './report.mjs';
import { checkTerraform, isTerraformInput } from './terraform.mjs';
import { applySelection, attachTerraformSuppressions, fixableCodes } from './suppress.mjs';

/**
 * A Terraform file's report with the configuration's selection and the
 * suppression comments of its .tf text applied.
 */
async function selectTerraform(report, config, cwd) {
  if (report.kind !== 'terraform') return report;
  if (report.syntax === 'hcl' && report.path) {
    // Read as every input is (regular files only, bounded); the Terraform
    // reader has read it already, and if it is gone now its tasks keep their findings.
    const read = await readInput({ name: report.file, path: report.path });
    if (read.text !== undefined) attachTerraformSuppressions(report, read.text);
  }
  return applySelection(report, config, overriddenCodes(config, report.path, cwd));
}

/**
 * Why a file found in a folder or by a glob, which readInput() refused, is
 * skipped rather than a file that could not be checked (exit 2), or null.
 * Folder mode checks only task configurations, and a coverage report, a
 * bundler's stats or a UTF-16 appsettings.json in a repository is none:
 * - larger than the most this command reads, and its first 64 KiB name
 *   nothing of DataSync's: no request or template comes near that size
 *   (CloudFormation takes 1 MB); skipped with a line on standard error;
 * - not UTF-8: read leniently, only to recognise it; when that reading is
 *   not a task configuration it is skipped as one. A file that is one (a
 *   request or template saved in Latin-1) keeps the refusal.
 */
function notATaskConfiguration(input, read, options, context) {
  if (read.tooLarge) {
    if (input.path === null || headMentionsDataSync(input.path)) return null;
    return `${read.error}; its start names nothing of DataSync's, so it is taken for another tool's output`;
  }
  if (read.lenientText === null) return null;
  try {
    const report = checkDocument(input.name, read.lenientText, { operation: options.operation, onlyTasks: true, context });
    return report.kind === 'skipped' ? `${report.reason}; it is not UTF-8 text either` : null;
  } catch {
    return null;
  }
}

/**
 * Whether a file found in a folder or by a glob is read as a task input: a
 * Terraform file (whatever it holds), or what checkDocument() makes of it as
 * a found file, a request, template or plan. (reportTargets() asks only about
 * text in one of this command's report formats: one that cannot be parsed is
 * such a report, not a broken task, though its messages name task members.)
 */
function isTaskInput(input, text, options) {
  if (isTerraformInput(input.name)) return true;
  if (skippedByName(input.name)) return false;
  try {
    const { kind } = checkDocument(input.name, text, { operation: options.operation, onlyTasks: true });
    return kind !== 'skipped' && kind !== 'unparsable';
  } catch {
    return true;
  }
}

/** How a skipped report's format is named (ownReportFormat()). */
const REPORT_FORMATS = { json: '--format json', sarif: '--format sarif', junit: '--format junit', github: '--format github', human: 'the human format' };

/** Whether the human format is coloured: --color/--no-color, else a terminal without NO_COLOR. */
function useColor(option, stdout, env) {
  if (option !== undefined) return option;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stdout.isTTY);
}

function summarize(files) {
  const summary = { files: files.length, checked: 0, unreadable: 0, skipped: 0, tasks: 0, errors: 0, warnings: 0, notes: 0, suppressed: 0 };
  for (const file of files) {
    if (file.kind === 'skipped') {
      summary.skipped += 1;
      continue;
    }
    if (file.kind === 'unreadable' || file.kind === 'unparsable') {
      summary.unreadable += 1;
      continue;
    }
    summary.checked += 1;
    summary.notes += file.notes.length;
    for (const task of file.tasks) {
      summary.tasks += 1;
      summary.notes += task.notes.length;
      summary.suppressed += task.suppressed?.length ?? 0;
      for (const d of task.diagnostics) {
        if (d.severity === 'error') summary.errors += 1;
        else if (d.severity === 'warning') summary.warnings += 1;
      }
    }
  }
  return summary;
}

/**
 * --fix for one request file: applies the fixes in place and returns the
 * report of the file as it is now, with `fixed` (what changed, placed in the
 * new text), and `error` when the file could not be fixed (it is unchanged).
 */
function fixInput(input, text, report, { defaults, operation: chosen }, wanted, context) {
  // The request's operation, as the report found it (--operation, or told by
  // its members: then a fix must leave it told as the same one).
  const operation = report.tasks[0]?.operation ?? 'CreateTask';
  const keeps = chosen === 'auto' ? (value) => operationOf(value).operation === operation : () => true;
  let result;
  try {
    result = fixFile(input.path, text, report.syntax, writeReport, wanted, { operation, keeps, context });
  } catch (error) {
    return { report: { ...report, fixed: [] }, error: `could not be fixed: ${String(error?.message ?? error).split('\n')[0]}` };
  }
  // The file keeps its byte order mark (result.text has none): the report of the file as it now is says so.
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const now = result.fixed.length > 0 ? checkDocument(input.name, bom + result.text, { defaults, operation: chosen, context }) : report;
  const at = positionsOf(result.text, now.syntax);
  const fixed = result.fixed.map((f) => ({ ...f, ...at(f), description: describeFix(f.fix) }));
  return { report: { ...now, fixed }, error: result.error && `cannot write the fixes: ${result.error}` };
}

/**
 * Runs the command with `argv` (the arguments after the script name) and
 * returns the exit status. Never throws for user mistakes.
 */
export async function main(argv, { stdout = process.stdout, stderr = process.stderr, env = process.env, cwd = process.cwd() } = {}) {
  const complain = (text) => stderr.write(`${NAME}: ${escapeControls(text)}\n`);
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    complain(error.message);
    stderr.write(`Try "${NAME} --help" for the usage.\n`);
    return 2;
  }
  if (options.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    stdout.write(`${version()}\n`);
    return 0;
  }
  if (options.listRules) {
    stdout.write(listRules(options.format));
    return 0;
  }

  let config = null;
  if (!options.noConfig) {
    try {
      config = loadConfig({ explicit: options.config, cwd });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      complain(error.message);
      return 2;
    }
  }

  // The locations and tasks described (--locations, --task, the configuration's
  // "locations" and "task"): a file that cannot be used stops the run, as a
  // configuration file does, since every report would be judged without it.
  let context = null;
  try {
    const sources = [
      ...(config?.locations ?? []).map((path) => ({ kind: 'locations', path, shown: `${config.path}: "locations": ${relative(cwd, path) || path}` })),
      ...(config?.task ?? []).map((path) => ({ kind: 'task', path, shown: `${config.path}: "task": ${relative(cwd, path) || path}` })),
      ...options.locations.map((path) => ({ kind: 'locations', path, shown: path })),
      ...options.task.map((path) => ({ kind: 'task', path, shown: path })),
    ];
    context = await readContext(sources, cwd);
  } catch (error) {
    if (!(error instanceof ContextError)) throw error;
    complain(error.message);
    return 2;
  }

  const expanded = expandOperands(options.operands, { stdinName: options.stdinName });
  const { problems } = expanded;
  let { inputs } = expanded;
  // The report must not replace a file it checks: refused before anything is read or written (--fix included).
  // The report of the last run, found again by a folder walk or glob (any format, and not a task
  // input as this run reads files found in folders), is left out of the inputs and replaced.
  if (options.outputFile !== undefined) {
    const { refused, leftOut } = reportTargets(options.outputFile, inputs, { cwd, isTaskInput: (input, text) => isTaskInput(input, text, options) });
    if (refused) {
      complain(`--output-file ${options.outputFile}: the report would overwrite ${refused.name}, one of the files to check; write it to another file`);
      stderr.write(`Try "${NAME} --help" for the usage.\n`);
      return 2;
    }
    if (leftOut.length > 0) inputs = inputs.filter((input) => !leftOut.includes(input));
  }
  problems.forEach(complain);
  const files = [];
  const skip = (input, reason) => files.push({ file: input.name, path: input.path, syntax: null, kind: 'skipped', reason, notes: [], tasks: [] });
  // The configuration's "files" and "ignoreFiles" apply to every file from
  // disk; recognition by name or content only to files found in folders.
  const excluded = new Map(inputs.map((input) => [input, excludedFile(config, input.path, cwd)]));
  // Terraform files are checked by module (folder), all at once.
  const terraformInputs = inputs.filter((input) => input.path !== null && isTerraformInput(input.name) && !excluded.get(input) && !input.broken);
  let terraform = null;
  try {
    terraform = terraformInputs.length ? checkTerraform(terraformInputs, { defaults: options.defaults, context }) : null;
  } catch (error) {
    // A bug, not a user mistake: every Terraform input is reported as not checked (exit 2).
    const failed = (input) => ({ file: input.name, path: input.path, syntax: null, kind: 'unparsable', error: { message: `could not be checked: ${error?.message ?? error}` }, notes: [], tasks: [] });
    terraform = { reports: new Map(terraformInputs.map((input) => [input.name, failed(input)])), extra: [] };
  }
  let fixFailures = 0;
  for (const input of inputs) {
    if (excluded.get(input)) {
      if (!input.found) complain(`${input.name}: skipped: ${excluded.get(input)}`);
      skip(input, excluded.get(input));
      continue;
    }
    // Found in a folder or by a glob, a symbolic link to nothing: skipped, with a line that says so.
    if (input.broken) {
      complain(`${input.name}: skipped: ${input.broken}`);
      skip(input, input.broken);
      continue;
    }
    if (input.path === null && isTerraformInput(input.name)) {
      // A Terraform module is a folder of files (variables, locations, tfvars): read from disk only.
      const message = 'Terraform files are read as modules (folders); name the file or its folder instead of standard input';
      complain(`${input.name}: ${message}`);
      files.push({ file: input.name, path: null, syntax: null, kind: 'unreadable', error: { message }, notes: [], tasks: [] });
      continue;
    }
    const fromTerraform = terraform?.reports.get(input.name);
    if (fromTerraform) {
      const { message, line, column } = fromTerraform.error ?? {};
      if (fromTerraform.kind === 'unparsable') complain(line ? `${input.name}:${line}:${column}: ${message}` : `${input.name}: ${message}`);
      if (fromTerraform.kind === 'unreadable') complain(`${input.name}: ${message}`);
      if (fromTerraform.kind === 'skipped' && !input.found) complain(`${input.name}: skipped: ${fromTerraform.reason}`);
      files.push(await selectTerraform(fromTerraform, config, cwd));
      continue;
    }
    const byName = input.found ? skippedByName(input.name) : null;
    if (byName) {
      skip(input, byName);
      continue;
    }
    const read = await readInput(input);
    const refusedButNotATask = read.error && input.found ? notATaskConfiguration(input, read, options, context) : null;
    if (refusedButNotATask) {
      if (read.tooLarge) complain(`${input.name}: skipped: ${refusedButNotATask}`);
      skip(input, refusedButNotATask);
      continue;
    }
    if (read.error) {
      complain(`${input.name}: cannot read: ${read.error}`);
      files.push({ file: input.name, path: input.path, syntax: null, kind: 'unreadable', error: { message: `cannot read: ${read.error}` }, notes: [], tasks: [] });
      continue;
    }
    let report;
    try {
      report = checkDocument(input.name, read.text, { defaults: options.defaults, operation: options.operation, onlyTasks: input.found, context });
      const fileCodes = overriddenCodes(config, input.path, cwd);
      // A request file of any operation: the fixer validates it as that operation's request.
      if (options.fix && input.path !== null && report.kind === 'request') {
        const fixed = fixInput(input, read.text, report, options, fixableCodes(config, fileCodes), context);
        if (fixed.error) {
          complain(`${input.name}: ${fixed.error}`);
          fixFailures += 1;
        }
        report = fixed.report;
      }
      applySelection(report, config, fileCodes);
    } catch (error) {
      report = { file: input.name, syntax: null, kind: 'unparsable', error: { message: `could not be checked: ${error?.message ?? error}` }, notes: [], tasks: [] };
    }
    report.path = input.path;
    // A report of this command, in any format, left where the run reads (an earlier run's `-o` or
    // `> report.txt`, found by a folder walk or a glob, or named by a shell glob): skipped as what it
    // is. A human, github or JUnit report reads as broken YAML that names task members, so it was a
    // broken task file (exit 2). Only a file the run would not check is one: a request, template or
    // plan is checked whatever else it looks like.
    if ((report.kind === 'unparsable' || report.kind === 'skipped') && (input.found || options.operation === 'auto')) {
      // A report saved with a byte order mark (Windows PowerShell's `Out-File -Encoding utf8`) is still ours.
      const format = ownReportFormat(read.text.replace(/^\uFEFF/, ''));
      if (format && format !== 'empty') {
        report = { file: input.name, path: input.path, syntax: report.syntax, kind: 'skipped', reason: `a report of ${NAME} (${REPORT_FORMATS[format]}), not a task configuration`, notes: [], tasks: [] };
      }
    }
    // Named (a shell glob names every tsconfig.json and Helm template), unparsable, and plainly another
    // tool's file with nothing of DataSync's in it: skipped with a line that says so, not "invalid JSON".
    if (report.kind === 'unparsable' && !input.found && options.operation === 'auto' && report.error?.line) {
      const reason = notADataSyncInput(input.name, read.text, report.syntax);
      if (reason) {
        const { message, line, column } = report.error;
        report = { file: input.name, path: input.path, syntax: report.syntax, kind: 'skipped', reason: `${reason} (it cannot be parsed: ${message} at ${line}:${column})`, notes: [], tasks: [] };
      }
    }
    // Named on the command line but not a task request (a DescribeTask response, another tool's file): say why it was not checked.
    if (report.kind === 'skipped' && !input.found) complain(`${input.name}: skipped: ${report.reason}`);
    if (report.kind === 'unparsable') {
      const { message, line, column } = report.error;
      complain(line ? `${input.name}:${line}:${column}: ${message}` : `${input.name}: ${message}`);
    }
    files.push(report);
  }

  // A called module's file that "files"/"ignoreFiles" leave out is read as part of its module, not reported.
  for (const report of terraform?.extra ?? []) if (!excludedFile(config, report.path, cwd)) files.push(await selectTerraform(report, config, cwd));
  const summary = summarize(files);
  if (options.fix) summary.fixed = files.reduce((sum, file) => sum + (file.fixed?.length ?? 0), 0);
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  if (tooManyWarnings) {
    const count = `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
    complain(`${count}, more than --max-warnings ${options.maxWarnings} allows`);
  }
  // Warnings that fail the run are shown even with --quiet, as with --warnings-as-errors.
  const warningsFail = options.warningsAsErrors || tooManyWarnings;
  const failing = summary.errors > 0 || (warningsFail && summary.warnings > 0);
  let exitCode = problems.length > 0 || summary.unreadable > 0 || fixFailures > 0 ? 2 : failing ? 1 : 0;
  const run = { tool: { name: NAME, version: version() }, files, summary, exitCode };
  const settings = { quiet: options.quiet, warningsAsErrors: warningsFail, defaults: options.defaults };
  let text;
  if (options.format === 'json') text = formatJson(run, settings);
  else if (options.format === 'sarif') text = formatSarif(run, { ...settings, cwd });
  else if (options.format === 'github') text = formatGithub(run, { ...settings, cwd });
  else if (options.format === 'junit') text = formatJunit(run, settings);
  else {
    const color = options.outputFile === undefined && useColor(options.color, stdout, env);
    text = formatHuman(run, { ...settings, color: options.color === true || color });
  }
  if (options.outputFile !== undefined) {
    const failure = writeReport(options.outputFile, text, cwd);
    if (failure) {
      complain(`${options.outputFile}: cannot write the report: ${failure}`);
      exitCode = 2;
    }
  } else if (text) {
    stdout.write(text);
  }
  return exitCode;
}
