// Runs the built package (pkg/, after scripts/build.sh) under Bun and Deno and
// compares every output with Node.js's, byte for byte. scripts/test.sh runs it
// as a step; by hand: `node tests/runtimes/compare.mjs`.
//
// The runtimes come from the npm registry, the versions and integrity digests
// pinned by tests/runtimes/install/package-lock.json: `npm ci` installs the
// ones for this platform (about 200 MB) into a cache outside the repository
// ($RUNTIMES_CACHE, or datasync-task-validator-runtimes under $XDG_CACHE_HOME
// or ~/.cache), keyed by the lock file's digest, once. A platform the lock file
// has no build for is said and skipped.
//
// The package is packed (npm pack) and unpacked into a scratch project's
// node_modules, as an install puts it, and each runtime takes it there as it
// resolves it: probe.mjs imports it, probe.cjs requires it, probe-web.mjs
// imports the browser build (`datasync-task-validator/web`); Node.js's output
// of the same probe is the reference, and each prints one line per check
// (checks.mjs). Deno runs probe.mjs twice: with no permission (the glue
// cannot read its .wasm file and takes the bytes from node/wasm-bytes.cjs) and
// with --allow-read (it reads the file, as installed under Node.js). The
// command (cli/bin.mjs) runs on examples/ and tests/cli/fixtures/ in each
// runtime too: standard output, standard error and exit status compared.
// Prints one summary line per runtime and exits 1 on any difference.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = join(repo, 'tests', 'runtimes');
const pkg = join(repo, 'pkg');
/** Each run may take this long before it counts as hung. */
const TIMEOUT_MS = 120_000;

function fail(message) {
  console.error(`tests/runtimes/compare.mjs: ${message}`);
  process.exit(1);
}

/** Runs a command to completion; its output as text. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) return { status: null, stdout: result.stdout ?? '', stderr: `${result.stderr ?? ''}${result.error.message}` };
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The folder where tests/runtimes/install's packages are installed, after
 * installing them if they are not there yet (into a folder beside it, then
 * renamed, so that an interrupted install is never taken for a finished one).
 */
function installedRuntimes() {
  const manifest = readFileSync(join(here, 'install', 'package.json'));
  const lock = readFileSync(join(here, 'install', 'package-lock.json'));
  const key = createHash('sha256').update(manifest).update(lock).digest('hex').slice(0, 16);
  const root = process.env.RUNTIMES_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'datasync-task-validator-runtimes');
  const folder = join(root, key);
  if (existsSync(join(folder, 'node_modules'))) return folder;
  mkdirSync(root, { recursive: true });
  const partial = mkdtempSync(join(root, `${key}.partial-`));
  writeFileSync(join(partial, 'package.json'), manifest);
  writeFileSync(join(partial, 'package-lock.json'), lock);
  const started = Date.now();
  // --ignore-scripts: the platform packages are the binaries themselves and have none.
  const npm = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: partial });
  if (npm.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    fail(`npm ci in a copy of tests/runtimes/install failed (status ${npm.status}):\n${npm.stdout}${npm.stderr}`);
  }
  mkdirSync(join(partial, 'node_modules'), { recursive: true }); // npm makes none when no package fits this platform
  try {
    renameSync(partial, folder);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another run finished first: take its folder
  }
  console.log(`installed the runtimes into ${folder} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return folder;
}

/** The executable `name` under node_modules/`scope`/*, or null when no package there has one. */
function binary(modules, scope, path) {
  const scopeDir = join(modules, scope);
  if (!existsSync(scopeDir)) return null;
  for (const entry of readdirSync(scopeDir).sort()) {
    const file = join(scopeDir, entry, ...path);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * A scratch project with the packed package in node_modules, the probes and
 * what the command reads. The command's optional peer `yaml` is linked from
 * the repository's node_modules.
 */
function scratchProject() {
  const project = mkdtempSync(join(tmpdir(), 'runtimes-'));
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: pkg });
  if (packed.status !== 0) fail(`npm pack pkg/ failed:\n${packed.stderr}`);
  const tarball = join(project, JSON.parse(packed.stdout)[0].filename);
  const installed = join(project, 'node_modules', 'datasync-task-validator');
  mkdirSync(installed, { recursive: true });
  const tar = run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  if (tar.status !== 0) fail(`tar could not unpack ${tarball}:\n${tar.stderr}`);
  symlinkSync(join(repo, 'node_modules', 'yaml'), join(project, 'node_modules', 'yaml'), 'dir');
  // Deno resolves bare specifiers through node_modules when a package.json is beside them.
  writeFileSync(join(project, 'package.json'), '{ "name": "runtimes-probe", "private": true }\n');
  for (const file of ['checks.mjs', 'probe.mjs', 'probe.cjs', 'probe-web.mjs']) cpSync(join(here, file), join(project, file));
  const examples = {};
  for (const file of readdirSync(join(repo, 'examples')).filter((name) => name.endsWith('.json')).sort()) {
    examples[file] = readFileSync(join(repo, 'examples', file), 'utf8');
  }
  // A module rather than files to read: Deno needs no permission to import it.
  writeFileSync(join(project, 'examples.mjs'), `export default ${JSON.stringify(examples)};\n`);
  cpSync(join(repo, 'examples'), join(project, 'examples'), { recursive: true });
  cpSync(join(repo, 'tests', 'cli', 'fixtures'), join(project, 'fixtures'), { recursive: true });
  return project;
}

/** A probe's output: the file its main entry resolved to, and its check lines by name. */
function parseProbe(output) {
  const lines = output.stdout.split('\n').filter((line) => line !== '');
  const resolved = lines[0]?.startsWith('#resolved\t') ? lines.shift().slice('#resolved\t'.length) : '(none)';
  const checks = new Map();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    checks.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return { resolved: resolved.replace(/^.*\/node_modules\/datasync-task-validator\//, ''), checks };
}

/** Where two texts first differ, with a little of each around it. */
function firstDifference(expected, actual) {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at += 1;
  const around = (text) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 100));
  return `at character ${at}:\n      node: ${around(expected)}\n      here: ${around(actual)}`;
}

// The command's stand-in values for what a template leaves to deploy time carry
// a random token per run (js/cli/check.mjs, RUN), which a report can show.
const standIns = (text) => text.replace(/\b(loc-)[0-9a-z]{8}(\d{9})\b/g, '$1RUN$2').replace(/\bcfn[0-9a-z]{8}(\d+)/g, 'cfnRUN$1');

/** The command's invocations compared: arguments, run in the scratch project. */
const COMMANDS = [
  ['--version'],
  ['examples'],
  ['--format', 'json', 'examples', 'fixtures'],
  ['--format', 'sarif', 'examples', 'fixtures'],
  ['--format', 'junit', 'fixtures'],
  ['--format', 'github', 'fixtures'],
  // No request with a schedule: --defaults previews its next runs from the present time.
  ['--defaults', '--format', 'json', 'examples/minimal.json', 'examples/start-task-execution.json'],
  ['--defaults', 'examples/minimal.json'],
  ['--list-rules', '--format', 'json'],
  ['-', '--stdin-filename', 'request.json'],
];

if (!existsSync(join(pkg, 'package.json'))) fail('pkg/ is not built: run bash scripts/build.sh first');
const modules = join(installedRuntimes(), 'node_modules');
const runtimes = [
  {
    name: 'bun',
    executable: binary(modules, '@oven', ['bin', 'bun']),
    probes: [
      ['import', ['probe.mjs']],
      ['require', ['probe.cjs']],
      ['web', ['probe-web.mjs']],
    ],
    command: [],
  },
  {
    name: 'deno',
    executable: binary(modules, '@deno', ['deno']),
    probes: [
      ['import', ['run', '--no-prompt', 'probe.mjs']],
      ['import --allow-read', ['run', '--no-prompt', '--allow-read', 'probe.mjs']],
      ['require', ['run', '--no-prompt', 'probe.cjs']],
      // The browser build fetches its .wasm from a file: URL, which Deno reads only with the permission.
      ['web', ['run', '--no-prompt', '--allow-read', 'probe-web.mjs']],
    ],
    // yaml reads an environment variable; the command reads its inputs.
    command: ['run', '--no-prompt', '--allow-read', '--allow-env'],
  },
];

const project = scratchProject();
const stdinText = readFileSync(join(repo, 'examples', 'many-problems.json'), 'utf8');
const reference = {
  import: parseProbe(run(process.execPath, ['probe.mjs'], { cwd: project })),
  require: parseProbe(run(process.execPath, ['probe.cjs'], { cwd: project })),
  web: parseProbe(run(process.execPath, ['probe-web.mjs'], { cwd: project })),
};
for (const [how, { checks }] of Object.entries(reference)) {
  if (checks.size < 100) fail(`Node.js ran only ${checks.size} checks through ${how}`);
}
const commandOf = (executable, prefix, args) => {
  const bin = join('node_modules', 'datasync-task-validator', 'cli', 'bin.mjs');
  const output = run(executable, [...prefix, bin, ...args], { cwd: project, input: stdinText });
  return `status ${output.status}\n--- stdout\n${standIns(output.stdout)}\n--- stderr\n${standIns(output.stderr)}`;
};
const referenceCommands = COMMANDS.map((args) => commandOf(process.execPath, [], args));

let differences = 0;
let ran = 0;
for (const runtime of runtimes) {
  if (!runtime.executable) {
    console.log(`${runtime.name}: no build for ${process.platform}-${process.arch} in tests/runtimes/install: not run`);
    continue;
  }
  ran += 1;
  const version = run(runtime.executable, ['--version']).stdout.split('\n')[0].replace(/^deno /, '').replace(/ .*$/, '');
  let checks = 0;
  let differing = 0;
  const entries = [];
  const report = (what, expected, actual, against = 'Node.js') => {
    checks += 1;
    if (expected === actual) return;
    differing += 1;
    console.log(`  ${runtime.name} ${what}: differs from ${against} ${firstDifference(expected ?? '(no such check)', actual ?? '(no such check)')}`);
  };
  for (const [label, args] of runtime.probes) {
    const how = label.split(' ')[0];
    const output = run(runtime.executable, args, { cwd: project });
    const { resolved, checks: lines } = parseProbe(output);
    // A probe that failed is a difference, whatever checks it printed before.
    report(`${label}: exit status`, '0', String(output.status ?? output.signal));
    if (output.status !== 0) console.log(output.stderr);
    entries.push(`${label} took ${resolved}`);
    // What README says Bun and Deno take ("Deno, Bun, older Node.js … take node/index-bundled.mjs").
    const entry = { import: 'node/index-bundled.mjs', require: 'node/index.cjs', web: 'web/index.js' }[how];
    report(`${label}: the package's entry`, entry, resolved, 'what README says');
    for (const [name, expected] of reference[how].checks) report(`${label}: ${name}`, expected, lines.get(name));
    for (const name of lines.keys()) if (!reference[how].checks.has(name)) report(`${label}: ${name}`, undefined, lines.get(name));
  }
  COMMANDS.forEach((args, index) => {
    report(`command ${args.join(' ')}`, referenceCommands[index], commandOf(runtime.executable, runtime.command, args));
  });
  differences += differing;
  console.log(`${runtime.name} ${version}: ${checks} checks, ${differing} differences (${entries.join('; ')})`);
}
rmSync(project, { recursive: true, force: true });
if (ran === 0) console.log('no runtime to compare on this platform');
process.exit(differences === 0 ? 0 : 1);
