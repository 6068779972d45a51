// Shared by the node tests: the repository paths, a static file server and a
// headless Chromium. Not a test file itself (node --test runs *.test.* only).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const pkgDir = join(repoRoot, 'pkg');

/** Fails early, with the fix, when scripts/build.sh has not run. */
export function requireBuiltPackage() {
  try {
    statSync(join(repoRoot, 'node_modules', 'datasync-task-validator', 'package.json'));
  } catch {
    throw new Error('pkg/ is not built or not linked: run scripts/build.sh first');
  }
}

/** The crate version from Cargo.toml's [package] table. */
export function cargoVersion() {
  const toml = readFileSync(join(repoRoot, 'Cargo.toml'), 'utf8');
  const match = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(toml);
  if (!match) throw new Error('no version in Cargo.toml [package]');
  return match[1];
}

/**
 * A small deterministic generator (xorshift32) for seeded random tests, so a
 * failure reproduces: returns random(n), an integer from 0 to n - 1.
 */
export function seededRandom(seed) {
  let state = seed;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

/**
 * Runs `body` with `Date.now` giving `millis` and returns its result; the real
 * `Date.now` is back afterwards, even when `body` throws. For comparing two
 * reports where the clock reaches the result (a never-fires warning quotes the
 * time to the second): the core reads `Date.now` on every call that needs the
 * time, so both calls see the same time however long they take. Synchronous
 * `body` only: a promise would outlive the frozen clock.
 */
export function withClock(millis, body) {
  const real = Date.now;
  Date.now = () => millis;
  try {
    const result = body();
    if (typeof result?.then === 'function') throw new TypeError('withClock: body must be synchronous');
    return result;
  } finally {
    Date.now = real;
  }
}

/** 2026-11-25T00:00:00Z, the time the core's fixtures are judged at (tests/fixtures.rs). */
export const FIXTURE_TIME = Date.UTC(2026, 10, 25);

/** A new instance of the Node entry: its glue, wrapper and wasm instance loaded afresh. */
export function freshNodeInstance() {
  const require = createRequire(import.meta.url);
  for (const file of ['index.cjs', 'text-path.cjs', 'datasync_task_validator.cjs']) {
    delete require.cache[require.resolve(`${pkgDir}/node/${file}`)];
  }
  return require(`${pkgDir}/node/index.cjs`);
}

/**
 * Runs the built command with `args` in `cwd` (`input` on its standard input),
 * colours left to the command, and asserts that it neither failed to start
 * nor printed a JS stack trace (a frame with its place in parentheses or
 * without: `at main (file:1:2)`, `at file:1:2`).
 */
export function runCommand(args, { cwd = repoRoot, input } = {}) {
  const environment = { ...process.env };
  delete environment.NO_COLOR;
  delete environment.FORCE_COLOR;
  const bin = join(pkgDir, 'cli', 'bin.mjs');
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: environment, timeout: 60_000 });
  assert.equal(result.error, undefined, String(result.error));
  assert.doesNotMatch(result.stderr, /^\s+at .+:\d+:\d+\)?$/m, result.stderr);
  return result;
}

/** The final SARIF 2.1.0 schema, vendored (tests/cli/sarif-schema). */
export const SARIF_SCHEMA_FILE = join(repoRoot, 'tests/cli/sarif-schema/sarif-2.1.0.json');

/** RFC 3986's characters: unreserved, reserved, and %HH escapes only. */
export const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;

/**
 * The final SARIF 2.1.0 schema (tests/cli/sarif-schema/README.md, a draft
 * 2020-12 schema) compiled by ajv, with the formats it names checked: `uri`
 * and `uri-reference` as RFC 3986 characters, `date-time` and `uuid`.
 * ajv is loaded here, not by every test that imports these helpers.
 */
export function sarifValidator() {
  const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020.js').default;
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', (text) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && URI_CHARACTERS.test(text));
  ajv.addFormat('uri-reference', (text) => URI_CHARACTERS.test(text));
  ajv.addFormat('date-time', (text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(text));
  ajv.addFormat('uuid', (text) => /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/.test(text));
  return ajv.compile(schema);
}

export const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
export const DESTINATION = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';

/** A request object with both locations and the `extra` members. */
export const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });

/** The operations whose requests validate() judges, CreateTask (the default) first. */
export const OPERATIONS = ['CreateTask', 'UpdateTask', 'StartTaskExecution'];

/** A request holding `value` at `pointer` (a fields() pointer: each `*` becomes a list's first item), and nothing else. */
export function requestWith(pointer, value) {
  const segments = pointer.split('/').slice(1);
  const root = {};
  let node = root;
  segments.forEach((segment, i) => {
    const child = i === segments.length - 1 ? value : segments[i + 1] === '*' ? [] : {};
    if (segment === '*') node.push(child);
    else node[segment] = child;
    node = child;
  });
  return root;
}

/** A task ARN, for UpdateTask and StartTaskExecution requests. */
export const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

/** examples/NAME.json, parsed. */
export const example = (name) => JSON.parse(readFileSync(join(repoRoot, 'examples', `${name}.json`), 'utf8'));

/** A full request of each operation, with every structure the examples have (the hunts' starting points). */
export const fullRequests = () => ({
  CreateTask: [example('full-basic'), example('full-enhanced')],
  UpdateTask: [(() => {
    const { SourceLocationArn, DestinationLocationArn, Tags, TaskMode, ...rest } = example('full-basic');
    return { TaskArn: TASK, ...rest };
  })()],
  StartTaskExecution: [example('start-task-execution')],
});

/** The contexts the hunts judge each case in: bare, with both locations described, with the task described. */
export const huntContexts = (operation) => [
  { operation },
  {
    operation,
    locations: [
      { LocationArn: SOURCE, type: 'S3' },
      { LocationArn: DESTINATION, type: 'NFS', MountOptions: { Version: 'NFS4_2' }, AgentArns: [] },
    ],
  },
  { operation, task: { TaskArn: TASK, TaskMode: 'ENHANCED', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } } },
];

/** The text of every request in `folder` (relative to the repository): its `.json` files but the `.expected.json` ones. */
export const jsonFiles = (folder) =>
  readdirSync(join(repoRoot, folder))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .map((name) => readFileSync(join(repoRoot, folder, name), 'utf8'));

/**
 * Serves the files under `root` on 127.0.0.1 at an ephemeral port (the same
 * server as scripts/serve.mjs). Stops on close(), and by itself after
 * `lifetimeMs` in case a test forgets.
 */
export function serveStatic(root, { lifetimeMs = 120_000 } = {}) {
  return serve(root, 0, { lifetimeMs });
}

/** Debian's Chromium as root on this kind of machine (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens `url` in headless Chromium (a fresh profile each time), waits until the
 * page sets `window.__results`, and returns them with every console message,
 * page error and failed request seen on the way.
 */
export async function runPage(url, { timeoutMs = 30_000 } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'dtv-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const problems = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console.${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout: timeoutMs });
    const results = await page.evaluate(() => window.__results);
    return { results, problems };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** What validate({}) must return: errors for both missing location ARNs. */
export function expectMissingLocations(assert, result) {
  assert.equal(result.valid, false, JSON.stringify(result));
  const missing = result.errors.filter((d) => d.code === 'request/missing-member').map((d) => d.path);
  assert.deepEqual(missing.sort(), ['/DestinationLocationArn', '/SourceLocationArn'], JSON.stringify(result));
  for (const d of result.errors) {
    assert.equal(d.severity, 'error');
    assert.equal(typeof d.message, 'string');
  }
}

/** What validate() must return for a request with only the two location ARNs. */
export function expectValid(assert, result) {
  assert.equal(result.valid, true, JSON.stringify(result));
  assert.deepEqual(result.errors, []);
  assert.ok(Array.isArray(result.warnings));
}

export const BEFORE_INIT_ERROR = 'Error: datasync-task-validator: call and await init() before validate().';

/**
 * A temporary folder holding `files` (relative name -> text, subfolders made
 * as needed) for one test (`t`), removed when the test ends: `{ root }`.
 */
export function writeFolder(t, files) {
  const root = mkdtempSync(join(tmpdir(), 'dtv-test-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  writeFiles(root, files);
  return { root };
}

/** Writes `files` (relative name -> text) under `root`, making subfolders as needed. */
function writeFiles(root, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

/**
 * For a test file whose folders outlive one test: `folder(name, files)`
 * writes `files` (relative name -> text) into the folder `name` of one
 * scratch folder (`dtv-PREFIX-…` in the system's temporary folder), removed
 * after the file's tests, and returns its path.
 */
export function scratchFolders(prefix) {
  const scratch = mkdtempSync(join(tmpdir(), `dtv-${prefix}-`));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  return (name, files) => {
    const root = join(scratch, name);
    writeFiles(root, files);
    return root;
  };
}

/** A Terraform `aws_datasync_task` named `name` between SOURCE and DESTINATION, with `body` inside. */
export const terraformTask = (body, name = 't') => `resource "aws_datasync_task" "${name}" {
  source_location_arn      = "${SOURCE}"
  destination_location_arn = "${DESTINATION}"
${body}
}
`;
