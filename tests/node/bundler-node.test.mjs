// The package bundled for Node.js without marking it external: esbuild with the
// options CDK's NodejsFunction uses (platform node, target node18, CommonJS by
// default, ESM when asked), and webpack with target node. Each bundle is written
// to a temporary folder outside the repository, where nothing but the bundle
// can be found, and run there by Node.js.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import webpack from 'webpack';
import { cargoVersion, expectMissingLocations, expectValid, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const entry = join(repoRoot, 'tests', 'bundler', 'node-entry.js');
const folders = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function outFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'dtv-node-bundle-'));
  folders.push(folder);
  return folder;
}

/** Runs a bundle with Node.js in its own folder and returns what it printed. */
function run(folder, file) {
  const stdout = execFileSync(process.execPath, [file], { cwd: folder, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(stdout);
}

function expectWorking(results) {
  expectMissingLocations(assert, results.empty);
  expectValid(assert, results.good);
  assert.equal(results.text.valid, false);
  assert.deepEqual(
    results.text.errors.map((d) => [d.code, d.path]),
    [['request/missing-member', '/DestinationLocationArn'], ['value/wrong-type', '/SourceLocationArn']],
  );
  assert.equal(results.verifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.equal(results.version, cargoVersion());
}

/** esbuild as CDK's NodejsFunction calls it, plus `extra`. */
async function esbuildBundle(extra) {
  const folder = outFolder();
  const outfile = join(folder, extra.format === 'esm' ? 'index.mjs' : 'index.js');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node18',
    external: ['@aws-sdk/*'],
    outfile,
    logLevel: 'silent',
    absWorkingDir: repoRoot,
    ...extra,
  });
  return { folder, outfile, result };
}

describe('esbuild, as CDK NodejsFunction bundles (platform node, target node18, CommonJS)', () => {
  test('bundles without errors or warnings, into one file', async () => {
    const { folder, outfile, result } = await esbuildBundle({});
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(readdirSync(folder), ['index.js']);
    expectWorking(run(folder, outfile));
  });

  test('minified, as NodejsFunction with minify: true', async () => {
    const { folder, outfile } = await esbuildBundle({ minify: true, format: 'cjs' });
    expectWorking(run(folder, outfile));
  });
});

describe('esbuild with format esm (NodejsFunction with OutputFormat.ESM)', () => {
  test('bundles and runs as an ES module', async () => {
    const { folder, outfile, result } = await esbuildBundle({
      format: 'esm',
      mainFields: ['module', 'main'],
      // NodejsFunction's documented banner for ESM bundles that call require().
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(readdirSync(folder), ['index.mjs']);
    expectWorking(run(folder, outfile));
  });
});

describe('esbuild with conditions of its own (which drop its default `module` condition)', () => {
  for (const format of ['cjs', 'esm']) {
    test(`bundles and runs as ${format}`, async () => {
      const { folder, outfile, result } = await esbuildBundle({
        format,
        conditions: ['production'],
        ...(format === 'esm' && { banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" } }),
      });
      assert.deepEqual(result.errors, []);
      expectWorking(run(folder, outfile));
    });
  }
});

/** A webpack 5 bundle of the entry for target node18, plus `extra`, in a new folder. */
async function webpackBundle(extra) {
  const folder = outFolder();
  const stats = await new Promise((done, fail) => {
    webpack(
      {
        mode: 'production',
        target: 'node18',
        context: repoRoot,
        entry,
        output: { path: folder, filename: 'main.js', clean: true },
        performance: { hints: false },
        infrastructureLogging: { level: 'error' },
        ...extra,
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
  });
  return { folder, stats: stats.toJson({ all: false, errors: true, warnings: true }) };
}

describe('webpack 5 with target node', () => {
  test('bundles without errors or warnings and runs', async () => {
    const { folder, stats } = await webpackBundle({});
    assert.deepEqual(stats.errors.map((e) => e.message), []);
    assert.deepEqual(stats.warnings.map((w) => w.message), []);
    assert.deepEqual(readdirSync(folder), ['main.js']);
    expectWorking(run(folder, join(folder, 'main.js')));
  });

  test('with node: { __dirname: true, __filename: true } the bundle reads no .wasm file, even one where its paths point', async () => {
    // Both become paths relative to the context: pkg/node here (webpack follows
    // node_modules/datasync-task-validator to pkg/; for a user,
    // node_modules/datasync-task-validator/node), which Node.js resolves against
    // the working directory: the bundle's folder, which gets this build's .wasm
    // where the glue's `__dirname/..` points. On the check before (length and
    // every 1,024th byte, no look at `__filename`) the bundle read and took it.
    const { folder } = await webpackBundle({ node: { __dirname: true, __filename: true } });
    const packageFolder = join(folder, 'pkg');
    mkdirSync(join(packageFolder, 'node'), { recursive: true });
    copyFileSync(join(repoRoot, 'pkg', 'datasync_task_validator_bg.wasm'), join(packageFolder, 'datasync_task_validator_bg.wasm'));
    const spy = join(folder, 'spy.cjs');
    writeFileSync(spy, `const fs = require('fs');
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (String(file).endsWith('.wasm')) process.stderr.write('read ' + file + '\\n');
  return readFileSync.call(this, file, ...rest);
};
`);
    const child = spawnSync(process.execPath, ['-r', spy, join(folder, 'main.js')], { cwd: folder, encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stderr, '');
    expectWorking(JSON.parse(child.stdout));
  });
});
