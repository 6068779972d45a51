// scripts/serve.mjs, the server of the form and of every browser test: the
// headers a page can only get from its server (issue 11, item 13: a <meta>
// policy cannot set frame-ancestors, so the form could be framed by any site
// and clickjacked), and compression.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { repoRoot } from './helpers.mjs';
import { FORM_CHROMIUM_ARGS } from './form-harness.mjs';
import { serve } from '../../scripts/serve.mjs';

/** One raw GET (no automatic decompression): status, headers and body bytes. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('every response forbids framing and sniffing, found or not', async () => {
  const server = await serve(repoRoot, 0, { lifetimeMs: 60_000 });
  try {
    for (const [path, status] of [['www/', 200], ['www/app.js', 200], ['pkg/datasync_task_validator_bg.wasm', 200], ['nope.txt', 404], ['..%2f..%2fetc/passwd', 403]]) {
      const response = await get(`${server.url}${path}`);
      assert.equal(response.status, status, path);
      assert.equal(response.headers['content-security-policy'], "frame-ancestors 'none'", path);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
    }
  } finally {
    await server.close();
  }
});

test('text and WebAssembly are sent brotli or gzip compressed when the browser accepts it', async () => {
  const server = await serve(repoRoot, 0, { lifetimeMs: 60_000 });
  try {
    const file = readFileSync(join(repoRoot, 'pkg/datasync_task_validator_bg.wasm'));
    const url = `${server.url}pkg/datasync_task_validator_bg.wasm`;
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.ok(br.body.length < file.length / 2, `${br.body.length} bytes for ${file.length}`);
    assert.deepEqual(brotliDecompressSync(br.body), file);
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), file);
    const plain = await get(url);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, file);
    const icon = await get(`${server.url}docs/form.png`, { 'accept-encoding': 'br' });
    assert.equal(icon.headers['content-encoding'], undefined, 'images are already compressed');
  } finally {
    await server.close();
  }
});

test('each file is compressed once per version and encoding, so a page load does not wait for brotli', async () => {
  const site = mkdtempSync(join(tmpdir(), 'dtv-serve-'));
  const file = join(site, 'app.js');
  writeFileSync(file, `export const a = '${'a'.repeat(10_000)}';`);
  const server = await serve(site, 0, { lifetimeMs: 60_000 });
  try {
    const fetchAs = (encoding) => get(`${server.url}app.js`, { 'accept-encoding': encoding });
    assert.equal(brotliDecompressSync((await fetchAs('br')).body).toString(), readFileSync(file, 'utf8'));
    await fetchAs('br');
    await fetchAs('gzip, br');
    assert.equal(server.stats.compressions, 1, 'the second and third brotli responses come from the cache');
    await fetchAs('gzip');
    assert.equal(server.stats.compressions, 2, 'gzip is its own entry');
    // A changed file (another size) is compressed again, and the new text is served.
    writeFileSync(file, 'export const a = 1;');
    assert.equal(brotliDecompressSync((await fetchAs('br')).body).toString(), 'export const a = 1;');
    assert.equal(server.stats.compressions, 3);
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('Chromium refuses to show the served form inside another site\'s frame', async () => {
  const { chromium } = await import('playwright-core');
  const server = await serve(repoRoot, 0, { lifetimeMs: 60_000 });
  // Another origin (another port) on the same machine, serving a page that frames the form.
  const site = mkdtempSync(join(tmpdir(), 'dtv-attacker-'));
  writeFileSync(join(site, 'index.html'), `<!doctype html><title>framing</title><iframe id="victim" src="${server.url}www/"></iframe>`);
  const attacker = await serve(site, 0, { lifetimeMs: 60_000 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FORM_CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 15_000 });
    await page.goto(attacker.url);
    assert.match((await refused).text(), /violates the following Content Security Policy directive: "frame-ancestors 'none'"/);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.equal(await frame.evaluate(() => document.body?.dataset.state ?? null).catch(() => null), null, 'the framed form never started');
  } finally {
    await browser.close();
    await attacker.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
