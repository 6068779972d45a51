// Rule selection and per-task suppression, applied to a file's report
// (report.mjs) before the formats see it.
//
// Selection (the configuration's "ignore", "include", "severity"): a code
// left out is not reported at all, as if the rule did not exist; "severity"
// turns a warning into an error or back.
// Suppression (where the task lives, or "overrides" in the configuration): a
// finding suppressed for one task or file is still found and counted, and
// moves from task.diagnostics to task.suppressed with
// `suppression: { kind, source }`; kind is SARIF's: 'inSource' for a
// template's Metadata or a Terraform comment, 'external' for the
// configuration file.
import { checkCode, ConfigError } from './config.mjs';

/** The Metadata member of a resource that holds its suppressions (cfn-lint's convention). */
export const METADATA_KEY = 'datasync-task-validator';

/** The code of a suppression that cannot be honoured (an unknown code, not a list). */
export const INVALID_SUPPRESSION = 'suppression/invalid';

/** The problem with one named code, or null when the command knows it. */
function codeProblem(code) {
  try {
    checkCode(code, 'code');
    return null;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message.replace(/^code: /, '');
  }
}

/**
 * A CloudFormation resource's suppressions:
 * `Metadata: { "datasync-task-validator": { "ignore": [codes] } }`.
 * Returns `{ codes: Set, problems: [{ pointer, message }] }`; pointers are
 * relative to the resource. A problem never stops the other codes.
 */
export function metadataSuppressions(resource) {
  const codes = new Set();
  const problems = [];
  const metadata = resource?.Metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata) || !Object.hasOwn(metadata, METADATA_KEY)) {
    return { codes, problems };
  }
  const base = `/Metadata/${METADATA_KEY}`;
  const entry = metadata[METADATA_KEY];
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    problems.push({ pointer: base, message: `Metadata "${METADATA_KEY}" must be an object such as { "ignore": ["code"] }; nothing is suppressed.` });
    return { codes, problems };
  }
  for (const key of Object.keys(entry)) {
    if (key !== 'ignore') problems.push({ pointer: `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: `Metadata "${METADATA_KEY}" has the unknown key "${key}"; the only key is "ignore".` });
  }
  if (!Object.hasOwn(entry, 'ignore')) return { codes, problems };
  const list = entry.ignore;
  if (!Array.isArray(list)) {
    problems.push({ pointer: `${base}/ignore`, message: `Metadata "${METADATA_KEY}" "ignore" must be a list of codes; nothing is suppressed.` });
    return { codes, problems };
  }
  list.forEach((code, i) => {
    const pointer = `${base}/ignore/${i}`;
    if (typeof code !== 'string') {
      problems.push({ pointer, message: `Metadata "${METADATA_KEY}" "ignore" item ${i} must be a code (a string).` });
      return;
    }
    const problem = codeProblem(code);
    if (problem) problems.push({ pointer, message: `Not suppressed: ${problem}.` });
    else codes.add(code);
  });
  return { codes, problems };
}

// `# datasync-task-validator: ignore=code1,code2` (or `//`), alone on its line.
const COMMENT = /^\s*(?:#|\/\/)\s*datasync-task-validator\s*:\s*(.*?)\s*$/;
// Any DataSync-named resource: a task, a location (terraform/missing-argument), or a type the provider does not have
// (terraform/invalid-resource-type, whose entry is the resource's own).
const RESOURCE = /^\s*resource\s+"((?:aws|awscc)_datasync_[A-Za-z0-9_-]*)"\s+"([^"]*)"/;
/**
 * A comment's key: the resource name for aws_datasync_task (as before), `TYPE.NAME` for any other type
 * (`awscc_datasync_task.NAME` for the Cloud Control provider's task: a name both may have).
 */
const keyOf = (type, name) => (type === 'aws_datasync_task' ? name : `${type}.${name}`);
const ANY_COMMENT = /^\s*(?:#|\/\/)/;

/**
 * The suppression comments of the DataSync resources in a Terraform file: the
 * comment lines directly above `resource "aws_datasync_task" "name"` (or a
 * location, or a DataSync-named type the provider does not have; no blank
 * line between), each `# datasync-task-validator: ignore=a,b`.
 * Returns a Map from keyOf() to `{ codes: Set, line, problems:
 * [{ line, message }] }` (1-based lines of the resource and of each bad comment).
 */
export function terraformSuppressions(text) {
  const lines = text.split(/\r\n|\r|\n/);
  const found = new Map();
  lines.forEach((lineText, index) => {
    const resource = RESOURCE.exec(lineText);
    if (!resource) return;
    const key = keyOf(resource[1], resource[2]);
    const task = /^(aws|awscc)_datasync_task$/.test(resource[1]);
    const codes = new Set();
    const problems = [];
    for (let above = index - 1; above >= 0 && ANY_COMMENT.test(lines[above]); above -= 1) {
      const comment = COMMENT.exec(lines[above]);
      if (!comment) continue;
      const line = above + 1;
      const directive = /^ignore\s*=\s*(.*)$/.exec(comment[1]);
      if (!directive) {
        problems.push({ line, message: `Not understood: "${comment[1]}"; write "datasync-task-validator: ignore=code1,code2".` });
        continue;
      }
      const names = directive[1].split(',').map((name) => name.trim());
      if (names.some((name) => name === '')) {
        problems.push({ line, message: 'An empty code in "ignore="; separate the codes with single commas.' });
      }
      for (const name of names.filter((n) => n !== '')) {
        const problem = codeProblem(name);
        if (problem) problems.push({ line, message: `Not suppressed: ${problem}.` });
        else codes.add(name);
      }
    }
    // A resource other than a task is listed only when comments name codes for it.
    if (task || codes.size > 0 || problems.length > 0) found.set(key, { codes, line: index + 1, problems });
  });
  return found;
}

/**
 * Applies the configuration's selection and the suppressions to one file's
 * report, in place. `fileCodes` is the Set of codes the configuration's
 * "overrides" suppress for this file; each task's own suppressions are in
 * `task.inSource` (`{ codes: Set, source }`, source naming the Metadata
 * member or comment), which is removed.
 */
export function applySelection(report, config, fileCodes = new Set()) {
  const selected = (code) => {
    if (!config) return true;
    if (config.ignore.has(code) || config.severity.get(code) === 'off') return false;
    return true;
  };
  const included = (code) => !config?.include || config.include.has(code);
  report.notes = report.notes.filter((note) => selected(note.code));
  for (const task of report.tasks) {
    const inSource = task.inSource ?? { codes: new Set(), source: null };
    delete task.inSource;
    const kept = [];
    const suppressed = task.suppressed ?? [];
    for (const d of task.diagnostics) {
      if (!selected(d.code)) continue;
      // "include" selects rules; the command's complaint about a suppression is not one.
      if (d.code !== INVALID_SUPPRESSION && !included(d.code)) continue;
      const level = config?.severity.get(d.code);
      const diagnostic = level === 'error' || level === 'warning' ? { ...d, severity: level } : d;
      if (inSource.codes.has(d.code)) suppressed.push({ ...diagnostic, suppression: { kind: 'inSource', source: inSource.source } });
      else if (fileCodes.has(d.code)) suppressed.push({ ...diagnostic, suppression: { kind: 'external', source: config.path } });
      else kept.push(diagnostic);
    }
    task.diagnostics = kept;
    task.suppressed = suppressed;
    task.notes = task.notes.filter((note) => selected(note.code));
  }
  return report;
}

/**
 * Which codes --fix may act on in one request file: those applySelection
 * would keep as findings (not ignored, turned off, left out by "include", or
 * suppressed for the file by "overrides").
 */
export function fixableCodes(config, fileCodes = new Set()) {
  if (!config) return () => true;
  return (code) =>
    !config.ignore.has(code) &&
    config.severity.get(code) !== 'off' &&
    (!config.include || config.include.has(code)) &&
    !fileCodes.has(code);
}

/** The resource type and name in a Terraform address: `module.m.aws_datasync_task.nightly["a"]` -> `aws_datasync_task`, `nightly`. */
const TASK_ADDRESS = /(?:^|\.)((?:aws|awscc)_datasync_[A-Za-z0-9_-]*)\.([^.[]+)(?:\[[^\]]*\])?$/;

/**
 * Attaches the suppression comments of a Terraform file (`text`, the .tf file
 * the report is for) to its tasks, as `task.inSource` for applySelection, and
 * turns each comment that cannot be honoured into a suppression/invalid
 * warning at its line. Tasks are matched by the resource name in their
 * address (`logicalId`), so every instance of a module's resource shares the
 * comment in the module's source.
 */
export function attachTerraformSuppressions(report, text) {
  const comments = terraformSuppressions(text);
  for (const task of report.tasks) {
    const [, type, name] = TASK_ADDRESS.exec(task.logicalId ?? '') ?? [];
    const found = name === undefined ? undefined : comments.get(keyOf(type, name));
    if (!found) continue;
    task.inSource = { codes: found.codes, source: `comment above resource "${type}" "${name}"` };
    for (const problem of found.problems) {
      task.diagnostics.push({ code: INVALID_SUPPRESSION, severity: 'warning', path: '', message: problem.message, params: { line: problem.line }, line: problem.line, column: 1 });
    }
  }
  return report;
}
