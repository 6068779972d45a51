// The rules this command reports, for --list-rules, SARIF and the
// configuration file: each code's severity, meaning, full description and help
// address, and the retired codes. rules.json beside this file is generated
// from the code registry (the `codes!` table in src/diagnostic.rs) by
// tests/generated.rs; nothing here is scraped from the README.
import { readFileSync } from 'node:fs';

let cached;

function table() {
  cached ??= JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8'));
  return cached;
}

/**
 * Every code this command can report, the validator's then the command's own:
 * `{ code, severity, meaning, description, helpUri, emittedBy }`, severity
 * being 'error', 'warning' or 'info'.
 */
export function rules() {
  return table()
    .filter((entry) => !entry.retired)
    .map(({ code, severity, summary, description, helpUri, emittedBy }) => ({ code, severity, meaning: summary, description, helpUri, emittedBy }));
}

/** code -> why, for the retired codes. */
export function retired() {
  return Object.fromEntries(table().filter((entry) => entry.retired).map(({ code, summary }) => [code, summary]));
}

/** The code for an input that could not be checked (file.kind 'unreadable' or 'unparsable'). */
export function failureCode(file) {
  if (file.kind === 'unparsable' && file.syntax === 'json') return 'json/syntax-error';
  if (file.kind === 'unparsable' && file.syntax === 'yaml') return 'yaml/syntax-error';
  return 'input/unreadable';
}
