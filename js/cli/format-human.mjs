// The default output: one line per problem, led by the file, line and column
// as ESLint and cfn-lint print them (editors and terminals link them):
//   file:line:column  severity  code  message  [pointer]
//   file:line:column  severity  code  message  [LogicalId:pointer]      (templates)
//   file:line:column  severity  code  message  [address: attribute (pointer)]   (Terraform)
//   file:line:column  fixed  code  what changed  [pointer]               (--fix)
// then, with --defaults, each request with the defaults filled in, and a
// summary line. Colour (severity words, summary) only when asked for.
import { toJsonText } from './documents.mjs';
import { noRunnerCommand } from './format-json.mjs';

const COLORS = { error: 31, warning: 33, info: 36, ok: 32, dim: 2, bold: 1 };

function painter(color) {
  return (style, text) => (color ? `\u001b[${COLORS[style]}m${text}\u001b[0m` : text);
}

/**
 * `text` safe for a terminal: every C0 control (newline and tab included), DEL
 * and C1 control is written as `\xHH`, and the bidirectional overrides and
 * isolates as `\u{HHHH}`, so a member or file name can neither run terminal
 * commands (set the title, erase lines) nor forge or hide lines. A backslash
 * stays as it is. Nor can it be a GitHub Actions workflow command when the
 * line is printed in a job's log: the runner reads a line that starts (after
 * white space) with `::` as a command, and failing that, `##[command]` anywhere
 * in a line (actions/runner ActionCommand.TryParseV2, then TryParse), such as
 * `##[set-output name=x]`, `##[add-mask]` or `##[stop-commands]`. So a `#`
 * that makes `##[` is written `\x23`, and a leading `:` of `::` `\x3a`.
 */
export function escapeControls(text) {
  return String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => {
      const code = char.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    })
    .replace(/#(?=#\[)/g, '\\x23')
    .replace(/^(\s*):(?=:)/, '$1\\x3a');
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file`, `file:pointer`, `file:LogicalId` or `file:LogicalId:pointer`. */
export function locationOf(file, logicalId, path) {
  return [file, logicalId, path].filter((part) => part !== null && part !== undefined && part !== '').join(':');
}

/** Terraform's member: `address: attribute (pointer)`, each part when there is one. */
function terraformMember(item, address) {
  let out = [address, item.attribute].filter(Boolean).join(': ');
  if (item.path) out += out ? ` (${item.path})` : item.path;
  return out;
}

/** `file:line:column`, the position of an item (1:1 when it has none). */
export function positionOf(file, item) {
  return `${file}:${item.line ?? 1}:${item.column ?? 1}`;
}

export function formatHuman(run, { color = false, quiet = false, warningsAsErrors = false, defaults = false } = {}) {
  const paint = painter(color);
  const out = [];
  // Every part that comes from an input is escaped (escapeControls).
  const line = (file, logicalId, item, severity) => {
    const member = file.kind === 'terraform' ? terraformMember(item, logicalId) : locationOf(null, logicalId, item.path);
    const suffix = member ? `  ${paint('dim', `[${escapeControls(member)}]`)}` : '';
    out.push(
      `${escapeControls(positionOf(file.file, item))}  ${paint(severity, severity)}  ${paint('dim', escapeControls(item.code))}  ${escapeControls(item.message)}${suffix}`,
    );
  };
  const shown = (severity) => severity === 'error' || (severity === 'warning' && (!quiet || warningsAsErrors)) || (severity === 'info' && !quiet);

  for (const file of run.files) {
    if (file.kind === 'unparsable' || file.kind === 'unreadable') continue; // reported on stderr
    if (file.kind === 'skipped') continue; // counted in the summary
    // What --fix changed in the file, whatever --quiet says: the user's files changed.
    for (const change of file.fixed ?? []) {
      const where = escapeControls(positionOf(file.file, change));
      out.push(`${where}  ${paint('ok', 'fixed')}  ${paint('dim', change.code)}  ${escapeControls(change.description)}  ${paint('dim', `[${escapeControls(change.path)}]`)}`);
    }
    for (const note of file.notes) {
      if (shown('info')) line(file, null, note, 'info');
    }
    for (const task of file.tasks) {
      for (const d of task.diagnostics) {
        if (shown(d.severity)) line(file, task.logicalId, d, d.severity);
      }
      for (const note of task.notes) {
        if (shown('info')) line(file, task.logicalId, note, 'info');
      }
    }
    if (defaults) {
      for (const task of file.tasks) {
        const where = escapeControls(locationOf(file.file, task.logicalId, ''));
        const errors = task.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = task.diagnostics.filter((d) => d.severity === 'warning').length;
        const verdict = errors + warnings === 0 ? paint('ok', 'valid') : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
        if (task.schedule) {
          const runs = task.schedule.nextRuns.join(', ') || 'none';
          // A summary may be a sentence ("No schedule: … started."): no ".;" before the runs.
          const summary = task.schedule.summary.replace(/\.$/, '');
          out.push(`${where}: schedule: ${escapeControls(summary)}; next runs: ${escapeControls(runs)}`);
        }
        if (task.defaults === null || task.defaults === undefined) {
          out.push(`${where}: ${verdict}; no defaults (the request is not an object)`);
          continue;
        }
        out.push(`${where}: ${verdict}; with defaults:`);
        // JSON text (its strings escape controls); a `##[` in a value is written `#\u0023[`, which JSON reads as `##[`.
        out.push(noRunnerCommand(toJsonText(task.defaults, 2)).replace(/^/gm, '  '));
      }
      out.push('');
    }
  }

  const { summary } = run;
  const failing = summary.errors > 0 || (warningsAsErrors && summary.warnings > 0) || summary.unreadable > 0;
  if (!quiet || failing) {
    let text = `${plural(summary.checked, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
    if (summary.suppressed > 0) text += ` (${summary.suppressed} suppressed)`;
    if (summary.unreadable > 0) text += `; ${plural(summary.unreadable, "file")} could not be checked`;
    if (summary.fixed > 0) text += `; ${plural(summary.fixed, 'problem')} fixed`;
    if (summary.skipped > 0) text += `; ${plural(summary.skipped, 'file')} skipped (not task configurations, or left out by the configuration)`;
    const style = summary.errors > 0 || summary.unreadable > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'ok';
    out.push(paint(style, text));
  }
  return out.length ? out.join('\n') + '\n' : '';
}
