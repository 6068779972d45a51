// What the line-per-problem formats (github, junit) report, in one list:
// inputs that could not be checked, then each file's notes, diagnostics and
// the task notes, filtered as --quiet and --warnings-as-errors ask.
import { failureCode } from './codes.mjs';

/**
 * The findings of a run, in output order: `{ file, logicalId, severity, code,
 * message, path, line, column }`. Inputs that could not be checked are errors
 * with their failure code (json/syntax-error, yaml/syntax-error, input/unreadable).
 */
export function findings(run, { quiet = false, warningsAsErrors = false } = {}) {
  const shown = (severity) =>
    severity === 'error' || (severity === 'warning' && (!quiet || warningsAsErrors)) || (severity === 'info' && !quiet);
  const out = [];
  const add = (file, logicalId, item, severity) => {
    if (!shown(severity)) return;
    out.push({
      file,
      logicalId: logicalId ?? null,
      severity,
      code: item.code,
      message: item.message,
      path: item.path ?? '',
      line: item.line ?? 1,
      column: item.column ?? 1,
    });
  };
  for (const file of run.files) {
    if (file.kind === 'unparsable' || file.kind === 'unreadable') {
      const { message, line, column } = file.error ?? {};
      add(file, null, { code: failureCode(file), message: message ?? 'could not be checked', path: '', line, column }, 'error');
      continue;
    }
    for (const note of file.notes) add(file, null, note, 'info');
    for (const task of file.tasks) {
      for (const d of task.diagnostics) add(file, task.logicalId, d, d.severity);
      for (const note of task.notes) add(file, task.logicalId, note, 'info');
    }
  }
  return out;
}

/** The pointer a finding names, with the template resource: `LogicalId:/Options/Mtime`. */
export function memberOf(finding) {
  return [finding.logicalId, finding.path].filter((part) => part !== null && part !== '').join(':');
}
