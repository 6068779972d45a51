// The package through a bundler: webpack 5 bundles tests/bundler/entry.js, which
// imports 'datasync-task-validator' by name, into a temporary folder; headless
// Chromium then loads the bundle from a local server.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import webpack from 'webpack';
import {
  BEFORE_INIT_ERROR, cargoVersion, expectMissingLocations, expectValid, repoRoot, requireBuiltPackage, runPage, serveStatic,
} from './helpers.mjs';

requireBuiltPackage();
const out = mkdtempSync(join(tmpdir(), 'dtv-bundle-'));
let stats;
let server;
let page;

function bundle() {
  const config = {
    mode: 'production',
    target: 'web',
    context: repoRoot,
    entry: './tests/bundler/entry.js',
    output: { path: out, filename: 'main.js', publicPath: 'auto', clean: true },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  };
  return new Promise((done, fail) => {
    webpack(config, (error, result) => (error ? fail(error) : done(result)));
  });
}

before(async () => {
  stats = await bundle();
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>' +
      '<body><script src="main.js"></script></body></html>',
  );
  server = await serveStatic(out);
  page = await runPage(`${server.url}index.html`);
});
after(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

test('webpack bundles the package without errors or warnings', () => {
  const { errors, warnings } = stats.toJson({ all: false, errors: true, warnings: true });
  assert.deepEqual(errors.map((e) => e.message), []);
  assert.deepEqual(warnings.map((w) => w.message), []);
});

test('the bundle holds the web build and emits the .wasm once', () => {
  const files = readdirSync(out);
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, files.join(', '));
  const code = readFileSync(join(out, 'main.js'), 'utf8');
  assert.doesNotMatch(code, /readFileSync/, 'the Node.js build was bundled instead of the web build');
});

test('the bundled page works in Chromium', () => {
  assert.equal(page.results.error, undefined, page.results.error);
  assert.deepEqual(page.problems, []);
  assert.equal(page.results.beforeInit, BEFORE_INIT_ERROR);
  expectMissingLocations(assert, page.results.empty);
  expectValid(assert, page.results.good);
  assert.equal(page.results.verifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.equal(page.results.version, cargoVersion());
});
