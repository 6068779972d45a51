// --format json: one document for machines.
// {
//   "tool": { "name", "version" },
//   "files": [ { "file", "syntax", "kind", "error"?, "reason"?, "fixed"? (--fix), "notes": [...],
//                "tasks": [ { "logicalId", "pointer", "operation"?, "valid", "diagnostics": [...],
//                             "notes": [...], "suppressed": [...],
//                             "defaults"?, "schedule"? } ] } ],
// ("operation" only for a request checked as UpdateTask or StartTaskExecution)
//   "summary": { "files", "checked", "unreadable", "skipped", "tasks", "errors", "warnings",
//                "notes", "suppressed", "fixed"? },
//   "exitCode": 0 | 1 | 2
// }
// A diagnostic is the validator's { code, severity, path, message, params? }
// plus the 1-based line and column of the member its path names. For
// Terraform, also `address`, `attribute` (e.g. options.verify_mode), `origin`
// (where a variable's value came from) and `providerDefault` (the value the
// AWS provider filled in that caused the finding); a task's `logicalId` is
// the resource address and `locations` the location resources it references.
// A suppressed diagnostic also has "suppression": { "kind": "inSource" |
// "external", "source" }. kind "skipped" (with "reason") is a file that was
// not checked: not a task configuration, or left out by the configuration file.
import { toJsonText } from './documents.mjs';

/**
 * JSON text that no line of can be a GitHub Actions runner command when it is
 * printed in a job's log (actions/runner ActionCommand: TryParseV2 reads a
 * line that starts, after white space, with `::`; TryParse a `##[name` ending
 * in `]` anywhere in a line). `::` cannot start a line: each line of the
 * indented text starts with a token (`"`, `{`, `}`, `[`, `]`, a number, true,
 * false, null), and a string's CR and LF are `\r` and `\n`. A `##[` can only
 * be inside a string (a file or member name, a message quoting one), so the
 * `#` that makes one is written `\u0023`: the same string to a JSON parser.
 */
export function noRunnerCommand(text) {
  return text.replace(/#(?=#\[)/g, '\\u0023');
}

export function formatJson(run, { quiet = false, warningsAsErrors = false } = {}) {
  const keep = (d) => d.severity === 'error' || (d.severity === 'warning' && (!quiet || warningsAsErrors));
  const document = {
    tool: run.tool,
    files: run.files.map((file) => {
      const entry = { file: file.file, syntax: file.syntax ?? null, kind: file.kind };
      if (file.error) entry.error = file.error;
      if (file.fixed) {
        entry.fixed = file.fixed.map(({ code, path, line, column, description, fix }) => ({ code, path, line, column, description, fix }));
      }
      if (file.reason) entry.reason = file.reason;
      entry.notes = quiet ? [] : file.notes;
      entry.tasks = file.tasks.map((task) => {
        const out = {
          logicalId: task.logicalId,
          pointer: task.pointer,
          ...(task.operation ? { operation: task.operation } : {}),
          valid: !task.diagnostics.some((d) => d.severity === 'error'),
          diagnostics: task.diagnostics.filter(keep),
          notes: quiet ? [] : task.notes,
          suppressed: task.suppressed ?? [],
        };
        if (task.locations) out.locations = task.locations; // Terraform: the location resources referenced
        if ('defaults' in task) out.defaults = task.defaults;
        if (task.schedule) out.schedule = task.schedule;
        return out;
      });
      return entry;
    }),
    summary: run.summary,
    exitCode: run.exitCode,
  };
  return noRunnerCommand(toJsonText(document, 2)) + '\n';
}
