// --format github: GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request's changed lines:
//   ::error file=tasks/a.json,line=4,col=5,title=options/enhanced-mtime-none::Enhanced mode …
// warning -> ::warning, info -> ::notice. Values are escaped as the runner
// expects (actions/toolkit's command.ts): in the message %, CR and LF; in a
// property also : and ,. Before those, control characters and bidirectional
// overrides in file names and messages are written as the human format
// writes them (\xHH, \u{HHHH}): the runner prints a command's text in the log
// and the annotation, where an ESC or U+202E would act. The summary follows
// as a plain log line.
import { relative, resolve, sep } from 'node:path';
import { findings, memberOf } from './findings.mjs';
import { escapeControls } from './format-human.mjs';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message. */
export function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value. */
export function escapeProperty(text) {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The file as the runner matches it against the pull request: relative to the
 * working folder (the checkout, GITHUB_WORKSPACE), with forward slashes.
 */
function fileOf(file, cwd) {
  const path = file.path ?? file.file;
  const rel = relative(cwd, resolve(cwd, path));
  return rel.startsWith('..') || resolve(rel) === rel ? path : rel.split(sep).join('/');
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatGithub(run, { quiet = false, warningsAsErrors = false, cwd = process.cwd() } = {}) {
  const out = findings(run, { quiet, warningsAsErrors }).map((finding) => {
    const member = memberOf(finding);
    const properties = [
      `file=${escapeProperty(escapeControls(fileOf(finding.file, cwd)))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `title=${escapeProperty(escapeControls(finding.code))}`,
    ].join(',');
    const message = member ? `${finding.message} [${member}]` : finding.message;
    return `::${COMMAND[finding.severity]} ${properties}::${escapeData(escapeControls(message))}`;
  });
  const { summary } = run;
  let text = `${plural(summary.checked, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  if (summary.unreadable > 0) text += `; ${plural(summary.unreadable, 'file')} could not be checked`;
  out.push(text);
  return out.join('\n') + '\n';
}
