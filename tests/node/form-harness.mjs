// The harness the form's browser tests share (not a test file itself): the page
// is served from the repository root on 127.0.0.1 by scripts/serve.mjs, exactly
// as scripts/start.sh serves it, and driven in headless Chromium with
// playwright-core like a person would.
//
// Every test runs in a fresh browser context (its own localStorage) and, at the
// end, checks that the page logged no console error or warning, threw nothing,
// hit no Content-Security-Policy violation and requested nothing but files of
// this repository from the served origin.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, requireBuiltPackage } from './helpers.mjs';
import { serve } from '../../scripts/serve.mjs';

requireBuiltPackage();

/** Debian's Chromium, headless, as root in a container; launch() gives each run a fresh temporary profile. */
export const FORM_CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const WIDE = { width: 1280, height: 1000 };
export const PHONE = { width: 390, height: 844 };
export const NARROW = { width: 320, height: 640 };

const harness = { server: null, browser: null, formUrl: null };

/** Starts the server and Chromium once per test file. */
export function useBrowser() {
  before(async () => {
    const { chromium } = await import('playwright-core');
    harness.server = await serve(repoRoot, 0, { lifetimeMs: 15 * 60_000 });
    harness.formUrl = `${harness.server.url}www/`;
    harness.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FORM_CHROMIUM_ARGS });
  });
  after(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/** Opens the form in a fresh context and records everything that could go wrong. */
export async function openForm({ hash = '', contextOptions = {}, context: given, setup } = {}) {
  const context = given ?? await harness.browser.newContext({ viewport: WIDE, ...contextOptions });
  // Report CSP violations on the console too (Chromium logs most of them anyway).
  // Init scripts come from the browser, not the page, so the page's CSP does not apply.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const session = { context, problems: [], requests: [], requestsAfterReady: [], ready: false };
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  session.page = page;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') session.problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => session.problems.push(`page error: ${error.message}`));
  // A request the page's own reload or navigation cancels (the favicon, when a
  // test reloads right after the page is ready) is not a failure of the page.
  // Navigations are counted when they start (their request), which is before they cancel the old page's requests.
  let navigations = 0;
  const issuedAt = new WeakMap();
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
    issuedAt.set(request, navigations);
  });
  page.on('requestfailed', (request) => {
    const cancelledByNavigation = request.failure()?.errorText === 'net::ERR_ABORTED' && issuedAt.get(request) !== navigations;
    if (!cancelledByNavigation) session.problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) session.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  context.on('request', (request) => {
    session.requests.push(request.url());
    if (session.ready) session.requestsAfterReady.push(request.url());
  });
  if (setup) await setup(page, context);
  await page.goto(harness.formUrl + hash);
  await waitReady(page);
  session.ready = true;
  return session;
}

export async function waitReady(page) {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 20_000 });
}

/** The end-of-test checks every test gets. */
export function assertClean(session) {
  assert.deepEqual(session.problems, [], 'console errors, page errors, CSP violations or failed requests');
  const origin = new URL(harness.server.url).origin;
  for (const address of session.requests) {
    const url = new URL(address);
    assert.equal(url.origin, origin, `a request left the served origin: ${address}`);
    let path = join(repoRoot, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) path = join(path, 'index.html');
    assert.ok(statSync(path, { throwIfNoEntry: false })?.isFile(), `a request for something that is not a file of the repository: ${address}`);
  }
}

/** A test with a fresh page that must stay clean. */
export function formTest(name, body, options) {
  test(name, async () => {
    const session = await openForm(options);
    try {
      await body(session.page, session);
      assertClean(session);
    } finally {
      await session.context.close();
    }
  });
}

export const control = (page, pointer) => page.locator(`[name="${pointer}"]`);
export const slot = (page, pointer) => page.locator(`[data-diagnostics-for="${pointer}"]`);
export const codesAt = (page, pointer) => slot(page, pointer).locator('[data-code]').evaluateAll((nodes) => nodes.map((n) => n.dataset.code));
export const jsonOutput = async (page) => JSON.parse(await page.locator('#json-output').textContent());
export const openAllSections = (page) => page.$$eval('details.section', (sections) => sections.forEach((section) => { section.open = true; }));
export const summaryStatus = (page) => page.locator('#summary-status').textContent();

/** Types into a field and leaves it, as a person does: its problems show from then on. */
export async function enter(page, pointer, text) {
  const field = control(page, pointer);
  await field.fill(text);
  await field.blur();
}

export async function importPasted(page, text) {
  await page.locator('#import-text').fill(text);
  await page.locator('#import-button').click();
}

/** Every scalar in a JSON value with its JSON Pointer. */
export function leaves(value, pointer = '') {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${pointer}/${key}`));
  }
  return [[pointer, value]];
}

/** Runs axe-core in the page (injected by the test, so the page's CSP does not apply) and returns its violations. */
export async function axeViolations(page) {
  const source = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The full BASIC example with 50 tags: the request the speed goal is measured with. */
export function fullRequest() {
  const request = JSON.parse(readFileSync(join(repoRoot, 'examples/full-basic.json'), 'utf8'));
  request.Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `key-${i}`, Value: `value ${i}` }));
  return request;
}
