// The web form (www/) end to end in headless Chromium: the page is served from
// the repository root on 127.0.0.1 by this test, exactly as scripts/start.sh
// serves it, and driven like a person would with playwright-core.
//
// Every test runs in a fresh browser context (its own localStorage) and, at the
// end, checks that the page logged no console error or warning, threw nothing,
// hit no Content-Security-Policy violation and requested nothing but files of
// this repository from the served origin.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { applyDefaults, fields, validate } from 'datasync-task-validator';
import { CHROMIUM_ARGS, DESTINATION, SOURCE, repoRoot, requireBuiltPackage } from './helpers.mjs';
import { serve } from '../../scripts/serve.mjs';

requireBuiltPackage();

const SECTIONS = ['Locations', 'General', 'Options', 'Filters', 'Schedule', 'Tags', 'Manifest', 'Task report', 'Task mode'];
const SCREENSHOT = join(repoRoot, 'tests/browser/screenshots/form.png');

let server;
let browser;
let formUrl;

before(async () => {
  const { chromium } = await import('playwright-core');
  server = await serve(repoRoot, 0);
  formUrl = `${server.url}www/`;
  // launch() runs Chromium on a fresh temporary profile (its own --user-data-dir)
  // and deletes it on close; each test then gets an isolated context.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------------------
// Harness.
// ---------------------------------------------------------------------------

/** Opens the form in a fresh context and records everything that could go wrong. */
async function openForm({ hash = '', contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, ...contextOptions });
  // Report CSP violations on the console too (Chromium logs most of them anyway).
  // Init scripts come from the browser, not the page, so the page's CSP does not apply.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const session = { context, problems: [], requests: [], requestsAfterReady: [], ready: false };
  const page = await context.newPage();
  session.page = page;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') session.problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => session.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => session.problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) session.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  context.on('request', (request) => {
    session.requests.push(request.url());
    if (session.ready) session.requestsAfterReady.push(request.url());
  });
  await page.goto(formUrl + hash);
  await waitReady(page);
  session.ready = true;
  return session;
}

async function waitReady(page) {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 20_000 });
}

/** The end-of-test checks every test gets. */
function assertClean(session) {
  assert.deepEqual(session.problems, [], 'console errors, page errors, CSP violations or failed requests');
  const origin = new URL(server.url).origin;
  for (const address of session.requests) {
    const url = new URL(address);
    assert.equal(url.origin, origin, `a request left the served origin: ${address}`);
    let path = join(repoRoot, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) path = join(path, 'index.html');
    assert.ok(statSync(path, { throwIfNoEntry: false })?.isFile(), `a request for something that is not a file of the repository: ${address}`);
  }
}

/** A test with a fresh page that must stay clean. */
function formTest(name, body, options) {
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

const control = (page, pointer) => page.locator(`[name="${pointer}"]`);
const slot = (page, pointer) => page.locator(`[data-diagnostics-for="${pointer}"]`);
const codesAt = (page, pointer) => slot(page, pointer).locator('[data-code]').evaluateAll((nodes) => nodes.map((n) => n.dataset.code));
const jsonOutput = async (page) => JSON.parse(await page.locator('#json-output').textContent());
const openAllSections = (page) => page.$$eval('details.section', (sections) => sections.forEach((section) => { section.open = true; }));

/** Every scalar in a JSON value with its JSON Pointer. */
function leaves(value, pointer = '') {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${pointer}/${key}`));
  }
  return [[pointer, value]];
}

async function importPasted(page, text) {
  await page.locator('#import-text').fill(text);
  await page.locator('#import-button').click();
}

// ---------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------

formTest('renders a labelled control or group for every member fields() lists, in the sections asked for', async (page) => {
  const titles = await page.locator('details.section > summary .section-title').allTextContents();
  assert.deepEqual(titles, SECTIONS);
  await openAllSections(page);
  for (const list of ['/Excludes', '/Includes', '/Tags']) await page.locator(`[data-add-row="${list}"]`).click();

  for (const field of fields()) {
    const pointer = field.pointer.replaceAll('*', '0');
    assert.equal(await slot(page, pointer).count(), 1, `no diagnostics element for ${pointer}`);
    if (field.type === 'object' || field.type === 'array') {
      assert.equal(await page.locator(`[data-group="${pointer}"]`).count(), 1, `no group for ${pointer}`);
      continue;
    }
    const info = await control(page, pointer).evaluate((element) => ({
      tag: element.tagName.toLowerCase(),
      labels: [...element.labels].map((label) => label.textContent),
      options: element.tagName === 'SELECT' ? [...element.options].map((option) => option.value) : null,
      firstOption: element.tagName === 'SELECT' ? element.options[0].textContent : null,
      inputmode: element.getAttribute('inputmode'),
      placeholder: element.placeholder ?? null,
      described: (element.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    }));
    assert.equal(info.labels.length, 1, `${pointer} has no label`);
    assert.ok(info.labels[0].startsWith(field.name), `${pointer} is labelled ${info.labels[0]}`);
    assert.ok(info.described.includes(field.help), `${pointer}'s help text is not attached to it`);
    if (field.formatHint) assert.ok(info.described.includes(field.formatHint), `${pointer} does not show its format hint`);
    if (field.enum) {
      assert.equal(info.tag, 'select', `${pointer} is not a select`);
      assert.deepEqual(info.options, ['', ...field.enum]);
      assert.equal(info.firstOption, field.default ? `default (${field.default.BASIC})` : '(not set)', pointer);
    } else {
      assert.equal(info.tag, 'input', pointer);
    }
  }
  const bytes = await control(page, '/Options/BytesPerSecond').evaluate((e) => [e.getAttribute('inputmode'), e.placeholder]);
  assert.equal(bytes[0], 'numeric');
  assert.match(bytes[1], /-1 = unlimited/);

  // Every control on the page, in the form or not, has a label.
  const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
    controls.filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label')).map((c) => c.id || c.name));
  assert.deepEqual(unlabelled, []);
});

formTest('a bad source ARN shows its message next to the field, and it clears at the keystroke that fixes it', async (page) => {
  const source = control(page, '/SourceLocationArn');
  await source.fill('arn:aws:datasync:us-east-1:111122223333:location/loc-123');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  assert.match(await slot(page, '/SourceLocationArn').textContent(), /^Error: SourceLocationArn ".*" is not in the expected form/);
  assert.equal(await source.getAttribute('aria-invalid'), 'true');
  // The summary counts it and links to it.
  assert.match(await page.locator('#summary-status').textContent(), /^2 errors/);
  assert.equal(await page.locator('#summary-list a[data-focus="/SourceLocationArn"]').count(), 1);

  // Type the rest of the ARN key by key: wrong until the very last one.
  await source.fill('');
  await source.pressSequentially(SOURCE.slice(0, -1));
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  await source.press(SOURCE.at(-1));
  assert.equal(await slot(page, '/SourceLocationArn').evaluate((e) => e.childNodes.length), 0);
  assert.equal(await source.getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('#summary-list a[data-focus="/SourceLocationArn"]').count(), 0);
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE });
});

formTest('ENHANCED with VerifyMode POINT_IN_TIME_CONSISTENT: the conflict shows, and default labels follow TaskMode', async (page) => {
  const verify = control(page, '/Options/VerifyMode');
  const firstOption = () => verify.locator('option').first().textContent();
  assert.equal(await firstOption(), 'default (POINT_IN_TIME_CONSISTENT)');
  await control(page, '/TaskMode').selectOption('ENHANCED');
  assert.equal(await firstOption(), 'default (ONLY_FILES_TRANSFERRED)');
  await verify.selectOption('POINT_IN_TIME_CONSISTENT');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['options/enhanced-point-in-time']);
  assert.match(await page.locator('details[data-section="Options"] [data-section-badge]').textContent(), /1 error/);
  assert.deepEqual(await jsonOutput(page), { TaskMode: 'ENHANCED', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } });
  // Back to the default mode: the conflict and the ENHANCED label go away.
  await control(page, '/TaskMode').selectOption('');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), []);
  assert.equal(await firstOption(), 'default (POINT_IN_TIME_CONSISTENT)');
});

formTest('51 tags: the list error shows at the Tags group, and removing one clears it', async (page) => {
  await page.locator('details[data-section="Tags"] > summary').click();
  const add = page.locator('[data-add-row="/Tags"]');
  for (let i = 0; i < 50; i += 1) await add.click();
  assert.deepEqual(await codesAt(page, '/Tags'), []);
  await add.click();
  assert.equal(await page.locator('[data-group="/Tags"] .row').count(), 51);
  assert.equal(await page.locator(':focus').getAttribute('name'), '/Tags/50/Key');
  assert.deepEqual(await codesAt(page, '/Tags'), ['list/too-many-items']);
  assert.match(await slot(page, '/Tags').textContent(), /at most 50/);
  await control(page, '/Tags/50/Key').fill('team');
  assert.deepEqual(await codesAt(page, '/Tags/50/Key'), []);
  assert.deepEqual(await codesAt(page, '/Tags/49/Key'), ['request/missing-member']);
  await page.locator('[data-remove-row="/Tags/0"]').click();
  assert.deepEqual(await codesAt(page, '/Tags'), []);
  assert.equal((await jsonOutput(page)).Tags.length, 50);
  assert.equal(await control(page, '/Tags/49/Key').inputValue(), 'team', 'rows renumber after a removal');
});

formTest('importing a JSON file with the file picker fills every control', async (page) => {
  const file = join(repoRoot, 'examples/full-basic.json');
  const request = JSON.parse(readFileSync(file, 'utf8'));
  await page.locator('#import-file').setInputFiles(file);
  await page.waitForSelector('#import-status.ok');
  assert.match(await page.locator('#import-status').textContent(), /Imported the file “full-basic.json”/);
  for (const [pointer, value] of leaves(request)) {
    assert.equal(await control(page, pointer).inputValue(), String(value), pointer);
  }
  assert.deepEqual(await jsonOutput(page), request);
  assert.equal(await page.locator('#summary-status').textContent(), 'No problems found: the request passes every check.');
  assert.equal(await page.locator('details[data-section="Task report"]').getAttribute('open'), '', 'sections with content open');
});

formTest('unknown members are kept in the JSON, reported in the summary, and can be removed', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Foo: 1, Options: { Bar: true, VerifyMode: 'FAST' } }));
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Foo: 1, Options: { Bar: true, VerifyMode: 'FAST' } });
  const item = page.locator('#summary-list li', { hasText: '/Foo' });
  assert.equal(await item.getAttribute('data-code'), 'request/unknown-member');
  assert.equal(await item.locator('a').count(), 0, 'a member without a control is listed in the summary, not linked');
  assert.equal(await page.locator('[data-diagnostics-for] [data-code="request/unknown-member"]', { hasText: '"Foo"' }).count(), 0);
  assert.deepEqual(await codesAt(page, '/Options'), ['request/unknown-member'], 'a nested unknown member shows at its object');
  // A value the model does not allow is shown, not hidden behind "default".
  assert.equal(await control(page, '/Options/VerifyMode').inputValue(), 'FAST');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['value/not-in-enum']);
  await item.getByRole('button', { name: 'Remove it' }).click();
  assert.equal('Foo' in (await jsonOutput(page)), false);
  assert.equal(await page.locator('#summary-list li', { hasText: '/Foo' }).count(), 0);
});

formTest('invalid JSON is not imported and the message gives its line and column', async (page) => {
  await control(page, '/Name').fill('kept');
  const text = '{\n  "Name": "x",\n  oops\n}';
  const { line, column } = validate(text).errors[0].params;
  await importPasted(page, text);
  const status = await page.locator('#import-status').textContent();
  assert.match(status, new RegExp(`line ${line}, column ${column}`));
  assert.match(status, /^Not imported/);
  assert.equal(await control(page, '/Name').inputValue(), 'kept', 'the form is left as it was');
  // The caret is put where the error is.
  const caret = await page.locator('#import-text').evaluate((t) => [document.activeElement === t, t.selectionStart]);
  assert.deepEqual(caret, [true, text.indexOf('oops')]);
});

formTest('the defaults toggle switches #json-output to the request with defaults applied', async (page) => {
  await control(page, '/SourceLocationArn').fill(SOURCE);
  await control(page, '/TaskMode').selectOption('ENHANCED');
  const built = await jsonOutput(page);
  assert.deepEqual(built, { SourceLocationArn: SOURCE, TaskMode: 'ENHANCED' });
  await page.getByLabel('Show with defaults applied').check();
  const withDefaults = await jsonOutput(page);
  assert.deepEqual(withDefaults, applyDefaults(built));
  assert.equal(withDefaults.Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  await page.getByLabel('Show with defaults applied').uncheck();
  assert.deepEqual(await jsonOutput(page), built);
  await page.locator('#clear-form').click();
  assert.deepEqual(await jsonOutput(page), {});
  assert.equal(await control(page, '/TaskMode').inputValue(), '');
});

formTest('the state survives a reload', async (page) => {
  await control(page, '/SourceLocationArn').fill(SOURCE);
  await control(page, '/Options/BytesPerSecond').fill('12345678901234567');
  await page.locator('details[data-section="Tags"] > summary').click();
  await page.locator('[data-add-row="/Tags"]').click();
  await control(page, '/Tags/0/Key').fill('team');
  await page.getByLabel('Show with defaults applied').check();
  const before = await page.locator('#json-output').textContent();
  await page.reload();
  await waitReady(page);
  assert.equal(await control(page, '/SourceLocationArn').inputValue(), SOURCE);
  assert.equal(await control(page, '/Tags/0/Key').inputValue(), 'team');
  assert.equal(await control(page, '/Options/BytesPerSecond').inputValue(), '12345678901234567', 'an integer beyond 2^53 is kept exactly');
  assert.equal(await page.getByLabel('Show with defaults applied').isChecked(), true);
  assert.equal(await page.locator('#json-output').textContent(), before);
});

const linked = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'café copy', Tags: [{ Key: 'team', Value: 'storage' }] };

formTest('a #request= fragment fills the form, and leaves the address bar', async (page) => {
  assert.deepEqual(await jsonOutput(page), linked);
  assert.equal(await control(page, '/Name').inputValue(), 'café copy');
  assert.equal(await control(page, '/Tags/0/Value').inputValue(), 'storage');
  assert.equal(new URL(page.url()).hash, '');
  assert.match(await page.locator('#import-status').textContent(), /Imported the link/);
  // A link opened in the same tab later (only the fragment changes) loads too.
  const other = { SourceLocationArn: SOURCE, TaskMode: 'ENHANCED' };
  await page.evaluate((hash) => { location.hash = hash; }, `request=${Buffer.from(JSON.stringify(other)).toString('base64url')}`);
  await page.waitForFunction(() => JSON.parse(document.getElementById('json-output').textContent).TaskMode === 'ENHANCED');
  assert.deepEqual(await jsonOutput(page), other);
  assert.equal(await control(page, '/Name').inputValue(), '');
  assert.equal(await page.locator('[name="/Tags/0/Key"]').count(), 0);
}, { hash: `#request=${Buffer.from(JSON.stringify(linked)).toString('base64url')}` });

const tooDeep = `${'{"Options":'.repeat(5000)}{}${'}'.repeat(5000)}`;

formTest('a hostile link (nested 5,000 deep) is refused and the page still works', async (page) => {
  assert.match(await page.locator('#import-status').textContent(), /Not imported: the link nests objects or arrays too deeply/);
  await control(page, '/SourceLocationArn').fill(SOURCE);
  assert.equal((await jsonOutput(page)).SourceLocationArn, SOURCE);
}, { hash: `#request=${Buffer.from(tooDeep).toString('base64url')}` });

formTest('copy link makes a link that rebuilds the same request', async (page, session) => {
  await importPasted(page, JSON.stringify(linked));
  await page.locator('#copy-link').click();
  const link = await page.locator('#share-url').inputValue();
  assert.ok(link.startsWith(`${formUrl}#request=`), link);
  const fragment = new URL(link).hash.slice('#request='.length);
  assert.deepEqual(JSON.parse(Buffer.from(fragment, 'base64url').toString('utf8')), linked);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Opened elsewhere (here: another tab of a fresh context), it shows the same request.
  const other = await session.context.browser().newContext();
  try {
    const tab = await other.newPage();
    await tab.goto(link);
    await waitReady(tab);
    assert.deepEqual(await jsonOutput(tab), linked);
  } finally {
    await other.close();
  }
}, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

formTest('copy JSON and download give the text of #json-output', async (page) => {
  await control(page, '/SourceLocationArn').fill(SOURCE);
  await page.locator('#copy-json').click();
  const shown = await page.locator('#json-output').textContent();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(download.suggestedFilename(), 'create-task.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), `${shown}\n`);
}, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

formTest('the schedule field says whether the expression is valid, in words, with the next runs', async (page) => {
  await page.locator('details[data-section="Schedule"] > summary').click();
  const expression = control(page, '/Schedule/ScheduleExpression');
  const preview = page.locator('#schedule-preview');
  assert.equal(await preview.isHidden(), true);
  await expression.fill('cron(0 2 ? * MON-FRI *)');
  assert.match(await preview.textContent(), /^Valid schedule: At 02:00 UTC on Monday through Friday\./);
  assert.equal(await preview.locator('ol.runs li').count(), 5);
  assert.match(await preview.locator('time').first().getAttribute('datetime'), /^\d{4}-\d\d-\d\dT02:00:00Z$/);
  await expression.fill('rate(5 minutes)');
  assert.match(await preview.textContent(), /^Not a valid DataSync schedule/);
  assert.deepEqual(await codesAt(page, '/Schedule/ScheduleExpression'), ['schedule/too-frequent']);
  await expression.fill('');
  assert.equal(await preview.isHidden(), true);
  assert.equal('Schedule' in (await jsonOutput(page)), false, 'an empty section is omitted');
});

formTest('keyboard only: Tab reaches the first field, and summary links focus their field with Enter', async (page) => {
  let reached = false;
  for (let presses = 0; presses < 8 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.name === '/SourceLocationArn');
  }
  assert.ok(reached, 'Tab never reached SourceLocationArn');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused field shows no focus ring');
  await page.keyboard.type('not an arn');

  // A problem inside a collapsed section: the link opens it.
  await control(page, '/TaskMode').selectOption('ENHANCED');
  await control(page, '/Options/VerifyMode').selectOption('POINT_IN_TIME_CONSISTENT');
  await page.locator('details[data-section="Options"] > summary').click();
  assert.equal(await page.locator('details[data-section="Options"]').getAttribute('open'), null);

  const targets = await page.$$eval('#summary-list a', (links) => links.map((link) => link.dataset.focus));
  assert.deepEqual(targets, ['/DestinationLocationArn', '/Options/VerifyMode', '/SourceLocationArn']);
  for (const [index, target] of targets.entries()) {
    await page.locator('#summary-title').focus(); // where a screen reader user lands; not a Tab stop itself
    for (let presses = 0; presses <= index; presses += 1) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.focus), target);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), target);
  }
  assert.equal(await page.locator('details[data-section="Options"]').getAttribute('open'), '', 'the link opened the collapsed section');
  assert.equal(new URL(page.url()).hash, '', 'summary links do not change the URL fragment');
});

formTest('user text is only ever rendered as text', async (page) => {
  const attack = '<img src=x onerror="window.__attacked=1"><b>bold</b>';
  await control(page, '/Name').fill(attack);
  await importPasted(page, `{"SourceLocationArn": "${attack.replaceAll('"', '\\"')}", "<i>x</i>": 1}`);
  assert.equal(await page.locator('img, b, i').count(), 0);
  assert.equal(await page.evaluate(() => window.__attacked), undefined);
  assert.match(await slot(page, '/SourceLocationArn').textContent(), /<img src=x/);
  assert.match(await page.locator('#summary-list').textContent(), /<i>x<\/i>/);
  const offenders = await page.$$eval('[style]', (nodes) => nodes.map((n) => n.outerHTML.slice(0, 80)));
  assert.deepEqual(offenders, [], 'no style attributes');
});

formTest('the page makes no request after it has loaded', async (page, session) => {
  await control(page, '/SourceLocationArn').fill(SOURCE);
  await page.locator('#import-file').setInputFiles(join(repoRoot, 'examples/full-enhanced.json'));
  await page.waitForSelector('#import-status.ok');
  await control(page, '/Schedule/ScheduleExpression').fill('rate(2 hours)');
  await page.getByLabel('Show with defaults applied').check();
  await page.locator('#copy-link').click();
  await importPasted(page, '{ nope');
  assert.deepEqual(session.requestsAfterReady, []);
  // And the load itself fetched only the page, its CSS and JS, the package and the icon.
  const paths = session.requests.map((address) => new URL(address).pathname).sort();
  assert.deepEqual(paths, ['/pkg/datasync_task_validator_bg.wasm', '/pkg/web/datasync_task_validator.js', '/pkg/web/index.js',
    '/pkg/web/text-path.js', '/www/', '/www/app.js', '/www/favicon.svg', '/www/style.css']);
});

formTest('the CSP is in force and a violation would fail these tests', async (page, session) => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  // Inject an inline script the CSP must block, and check the harness notices.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.body.append(script);
  });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  assert.ok(session.problems.some((problem) => problem.includes('CSP violation')), session.problems.join('\n'));
  session.problems.length = 0;
});

formTest('text and borders meet WCAG AA contrast', async (page) => {
  await importPasted(page, readFileSync(join(repoRoot, 'examples/many-problems.json'), 'utf8'));
  await control(page, '/Options/LogLevel').selectOption('BASIC');
  await control(page, '/TaskMode').selectOption('');
  await control(page, '/Options/VerifyMode').selectOption('');
  await control(page, '/Options/Mtime').selectOption('');
  await openAllSections(page);
  assert.ok(await page.locator('.diagnostic.warning').count() > 0, 'the page shows a warning to check');
  const failures = await page.evaluate(() => {
    const channel = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = ([r, g, b]) => 0.2126 * channel(r / 255) + 0.7152 * channel(g / 255) + 0.0722 * channel(b / 255);
    const ratio = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const parse = (color) => {
      const [r, g, b, a = 1] = color.match(/[\d.]+/g).map(Number);
      return { rgb: [r, g, b], alpha: a };
    };
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const { rgb, alpha } = parse(getComputedStyle(e).backgroundColor);
        if (alpha > 0) return rgb;
      }
      return [255, 255, 255];
    };
    const found = [];
    const check = (element, color, needed, what) => {
      const value = ratio(parse(color).rgb, background(element));
      if (value < needed) found.push(`${what} ${element.tagName}.${element.className}: ${value.toFixed(2)} < ${needed}`);
    };
    for (const element of document.querySelectorAll('body *')) {
      if (element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      const hasText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (hasText) check(element, style.color, large ? 3 : 4.5, 'text');
      if (element.placeholder) check(element, getComputedStyle(element, '::placeholder').color, 4.5, 'placeholder');
      if (element.matches('input[type="text"], select, textarea')) check(element.parentElement, style.borderTopColor, 3, 'border');
    }
    return found;
  });
  assert.deepEqual(failures, []);
});

formTest('screenshot for the README', async (page) => {
  await importPasted(page, JSON.stringify({
    SourceLocationArn: SOURCE,
    DestinationLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba98',
    Name: 'nightly-nfs-to-s3',
    Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT', LogLevel: 'BASIC', BytesPerSecond: 1048576 },
    Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI *)' },
    TaskMode: 'ENHANCED',
  }));
  await page.locator('#import-text').fill('');
  await page.evaluate(() => {
    document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  mkdirSync(join(repoRoot, 'tests/browser/screenshots'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  assert.ok(statSync(SCREENSHOT).size > 20_000);
  if (process.env.UPDATE_SCREENSHOT === '1') {
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    copyFileSync(SCREENSHOT, join(repoRoot, 'docs/form.png'));
  }
});
