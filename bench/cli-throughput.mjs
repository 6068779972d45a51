// Throughput of the command line on many files, as CI runs it over a folder of
// task configurations. Prints figures; asserts nothing (a benchmark, not a test).
//
//   node bench/cli-throughput.mjs [files=1000]
//
// For each kind of input, `files` copies are written to a temporary folder and
// the installed command (pkg/cli/bin.mjs) checks the folder in one process,
// the way `npx datasync-task-validator configs/` would: reading, validating,
// placing each diagnostic on its line, and printing the human format. The time
// includes Node's start-up and loading the package, once per run. Best of 3.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const FILES = Number(process.argv[2] ?? 1000);
const BIN = join(root, 'pkg', 'cli', 'bin.mjs');

const KINDS = [
  ['clean request (full BASIC)', 'examples/full-basic.json'],
  ['request with 6 errors', 'examples/many-problems.json'],
  ['request with a warning', 'tests/cli/fixtures/requests/warning.json'],
  ['JSON template, 4 tasks', 'tests/cli/fixtures/templates/stack.json'],
  ['YAML template, 4 tasks', 'tests/cli/fixtures/templates/stack.yaml'],
];

const work = mkdtempSync(join(tmpdir(), 'dtv-cli-bench-'));
try {
  console.log(`CLI throughput: ${FILES} files per run, one process each, best of 3`);
  console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
  console.log('input                           files/s   ms per file');
  for (const [label, source] of KINDS) {
    const dir = join(work, label.replace(/\W+/g, '-'));
    mkdirSync(dir);
    const extension = source.slice(source.lastIndexOf('.'));
    for (let i = 0; i < FILES; i += 1) copyFileSync(join(root, source), join(dir, `input-${i}${extension}`));
    let best = Infinity;
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [BIN, '--no-color', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const elapsed = performance.now() - start;
      if (result.status !== 0 && result.status !== 1) {
        throw new Error(`${label}: exit ${result.status}: ${result.stderr.split('\n')[0]}`);
      }
      best = Math.min(best, elapsed);
    }
    const perFile = best / FILES;
    console.log(`${label.padEnd(30)} ${String(Math.round(1000 / perFile)).padStart(8)}   ${perFile.toFixed(3).padStart(11)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
