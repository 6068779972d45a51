// Prints { code: why } for the README's table of retired codes as JSON, for
// the command line's configuration file, which names a retired code as such
// instead of calling it unknown (scripts/build.sh writes it to
// pkg/cli/retired.json; tests/node/cli-config.test.mjs checks it against
// src/diagnostic.rs's RETIRED list).
// Usage: node scripts/cli-retired.mjs README.md
import { readFileSync } from 'node:fs';

const [readmePath = 'README.md'] = process.argv.slice(2);
const readme = readFileSync(readmePath, 'utf8');
const table = {};
// | `value/empty-string` | Unreleased | why |
for (const match of readme.matchAll(/^\|\s*`([a-z]+\/[a-z0-9-]+)`\s*\|\s*(Unreleased|\d+\.\d+\.\d+)\s*\|\s*(.+?)\s*\|\s*$/gm)) {
  table[match[1]] = match[3].replace(/\\\|/g, '|').replace(/`/g, '').replace(/^X\d+,?\s*/, '');
}
process.stdout.write(JSON.stringify(table, null, 2) + '\n');
