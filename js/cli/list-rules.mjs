// --list-rules: every code this command can report, with its severity and
// meaning, as an aligned table (human) or a JSON array (json).
import { rules } from './codes.mjs';
import { toJsonText } from './documents.mjs';

export function listRules(format) {
  const all = rules();
  if (format === 'json') {
    return toJsonText(all.map(({ code, severity, meaning, helpUri }) => ({ code, severity, description: meaning, helpUri })), 2) + '\n';
  }
  const width = Math.max(...all.map(({ code }) => code.length));
  return all.map(({ code, severity, meaning }) => `${code.padEnd(width)}  ${severity.padEnd(7)}  ${meaning}`).join('\n') + '\n';
}
