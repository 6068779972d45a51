// Prints { code: { severity, meaning } } for the README's "Diagnostic codes" table as JSON,
// for the command line's SARIF rules (scripts/build.sh writes it to
// pkg/cli/codes.json). Warns on stderr about codes of index.d.ts's
// DiagnosticCode union that the table does not describe.
// Usage: node scripts/cli-codes.mjs README.md index.d.ts
import { readFileSync } from 'node:fs';

const [readmePath = 'README.md', declarationsPath = 'index.d.ts'] = process.argv.slice(2);
const readme = readFileSync(readmePath, 'utf8');
const table = {};
for (const match of readme.matchAll(/^\|\s*`([a-z]+\/[a-z0-9-]+)`\s*\|\s*(error|warning)\s*\|\s*(.+?)\s*\|\s*$/gm)) {
  // "X2: Enhanced mode …": the X numbers refer to RULES.md, which does not ship.
  const meaning = match[3].replace(/\\\|/g, '|').replace(/`/g, '').replace(/^X\d+:\s*/, '');
  table[match[1]] = { severity: match[2], meaning };
}
const declarations = readFileSync(declarationsPath, 'utf8');
const union = /export type DiagnosticCode\s*=([^;]*);/.exec(declarations);
const codes = union ? [...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
const undescribed = codes.filter((code) => !(code in table));
if (undescribed.length > 0) {
  console.error(`[cli-codes] README.md does not describe: ${undescribed.join(', ')} (SARIF rules will show the code only)`);
}
process.stdout.write(JSON.stringify(table, null, 2) + '\n');
