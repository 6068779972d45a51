// The form reviewed as a portal team would take it for a reference: what a
// screen reader is told about each problem and where the keyboard goes, the
// schedule preview on a page left open, the Locations step with imports, the
// round trip of a request through import and export, and the form's verdict
// against validate()'s for every request file in the repository. The page's
// clock is installed at a fixed time where time matters, and moved by hand.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyDefaults, validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE, repoRoot } from './helpers.mjs';
import { jsonLines } from '../../www/output.js';
import {
  codesAt, control, enter, formTest, importPasted, jsonOutput, openForm, assertClean, useBrowser, waitReady,
} from './form-harness.mjs';

useBrowser();

const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
const focused = (page) => page.evaluate(() => document.activeElement.getAttribute('name') ?? document.activeElement.id);
const typeOf = (page, end) => page.getByLabel(`${end} location type`);

async function pasteLocations(page, locations) {
  await page.locator('#locations-text').fill(JSON.stringify(locations));
  await page.getByRole('button', { name: 'Use these locations' }).click();
}

/**
 * What assistive technology is told of each problem on the page: every slot
 * that shows one must describe the element a link to it focuses (the control,
 * or the group standing for an object, a list or a list item), every summary
 * link must point at that element, and a control is marked invalid exactly
 * when a slot describing it shows an error.
 */
const untold = (page) => page.evaluate(() => {
  const out = [];
  const targetOf = (pointer) => document.querySelector(`[name="${CSS.escape(pointer)}"]`) ?? document.querySelector(`[data-group="${CSS.escape(pointer)}"]`);
  for (const slot of document.querySelectorAll('[data-diagnostics-for]')) {
    if (!slot.querySelector('[data-code]')) continue;
    const pointer = slot.dataset.diagnosticsFor;
    const target = targetOf(pointer);
    if (!(target?.getAttribute('aria-describedby') ?? '').split(' ').includes(slot.id)) out.push(`${pointer}: its problems do not describe ${target?.tagName}`);
  }
  for (const link of document.querySelectorAll('#summary-list a[data-focus]')) {
    const target = targetOf(link.dataset.focus);
    if (!target?.id || link.getAttribute('href') !== `#${target.id}`) out.push(`${link.dataset.focus}: the summary links to ${link.getAttribute('href')}`);
  }
  for (const control of document.querySelectorAll('#task-form [name^="/"]')) {
    const slots = control.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)).filter((e) => e?.dataset.diagnosticsFor);
    const error = slots.some((slot) => slot.querySelector('.diagnostic.error'));
    if (error !== (control.getAttribute('aria-invalid') === 'true')) out.push(`${control.name}: aria-invalid is ${control.getAttribute('aria-invalid')} beside ${error ? 'an error' : 'no error'}`);
  }
  return out;
});

formTest('every problem shown describes what a link to it focuses: list items, report overrides and inner objects too', async (page) => {
  const requests = [
    // Problems at list items: a tag that is not an object, a filter with an unknown member.
    { ...request, Tags: ['x', { Key: 'a', Foo: 1 }], Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a', X: 1 }, 5] },
    // At an override (an object of one member, shown as its one select) and at an inner object (Destination > S3).
    { ...request, TaskReportConfig: { Overrides: { Deleted: 'x', Transferred: { ReportLevel: 'SUCCESSES_AND_ERRORS', Y: 1 } }, Destination: { S3: 'q' } } },
    // A warning at an override: the select is not marked invalid for it.
    JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/invalid/report-deleted-override-without-remove.json'), 'utf8')),
    { ...request, ManifestConfig: { Source: { S3: { Foo: 1 } } } },
  ];
  for (const value of requests) {
    await importPasted(page, JSON.stringify(value));
    assert.deepEqual(await untold(page), [], JSON.stringify(value));
  }
  // The override's error marks its select, and a link to it focuses the select.
  await importPasted(page, JSON.stringify(requests[1]));
  const select = control(page, '/TaskReportConfig/Overrides/Deleted/ReportLevel');
  assert.equal(await select.getAttribute('aria-invalid'), 'true');
  await page.locator('#summary-list a[data-focus="/TaskReportConfig/Overrides/Deleted"]').first().click();
  assert.equal(await focused(page), '/TaskReportConfig/Overrides/Deleted/ReportLevel');
  // Its own problems and the override's are both read with it.
  const description = await select.evaluate((element) => element.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.match(description, /Deleted/);
  // Fixing the override clears the mark.
  await importPasted(page, JSON.stringify({ ...request, TaskReportConfig: { Overrides: { Deleted: { ReportLevel: 'ERRORS_ONLY' } } }, Options: { PreserveDeletedFiles: 'REMOVE' } }));
  assert.equal(await select.getAttribute('aria-invalid'), null);
  assert.deepEqual(await untold(page), []);
});

formTest('Enter in a text box shows every problem and takes focus to the first error on the page, opening its section', async (page) => {
  // An empty form: the first error is the source location's.
  await control(page, '/Name').fill('nightly');
  await control(page, '/Name').press('Enter');
  assert.equal(await focused(page), '/SourceLocationArn');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['request/missing-member']);
  assert.deepEqual(await codesAt(page, '/DestinationLocationArn'), ['request/missing-member'], 'untouched members show their problems too');
  // The verdict is in the polite live region, so it is announced after the field.
  assert.equal(await page.locator('#summary-status').getAttribute('role'), 'status');
  assert.match(await page.locator('#summary-status').textContent(), /^2 errors: the service would reject this request\.$/);
  // An error in a closed section: the section opens and its field has focus.
  await importPasted(page, JSON.stringify({ ...request, Schedule: { ScheduleExpression: 'rate(30 minutes)' } }));
  await page.locator('details[data-section="Schedule"]').evaluate((section) => { section.open = false; });
  await control(page, '/Name').fill('hourly');
  await control(page, '/Name').press('Enter');
  assert.equal(await focused(page), '/Schedule/ScheduleExpression');
  assert.equal(await page.locator('details[data-section="Schedule"]').getAttribute('open'), '');
  await enter(page, '/Schedule/ScheduleExpression', 'rate(1 hour)');
  // The same in a box whose form has two (the locations; a tag's key and value), where a form's Enter submits nothing.
  await control(page, '/DestinationLocationArn').fill('');
  await control(page, '/SourceLocationArn').press('Enter');
  assert.equal(await focused(page), '/DestinationLocationArn');
  await control(page, '/DestinationLocationArn').fill(DESTINATION);
  await page.locator('details[data-section="Tags"]').evaluate((section) => { section.open = true; });
  await page.locator('[data-add-row="/Tags"]').click();
  await control(page, '/Tags/0/Value').fill('no key');
  await control(page, '/Tags/0/Value').press('Enter');
  assert.equal(await focused(page), '/Tags/0/Key');
  await page.locator('[data-remove-row="/Tags/0"]').click();
  // No error: Enter leaves focus where it is.
  await control(page, '/Name').press('Enter');
  assert.equal(await focused(page), '/Name');
  assert.equal((await jsonOutput(page)).Name, 'hourly');
});

formTest('after Undo the keyboard is back where the undone action was: Clear form, or the fixed field', async (page) => {
  await importPasted(page, JSON.stringify({ ...request, TaskMode: 'basic' }));
  await page.locator('#clear-form').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'undo');
  await page.keyboard.press('Enter');
  assert.equal((await jsonOutput(page)).TaskMode, 'basic');
  assert.equal(await focused(page), 'clear-form', 'the Undo button is gone, and focus did not fall to the page');
  // A fix, then Undo: focus goes to the field the fix changed.
  await page.locator('[data-diagnostics-for="/TaskMode"] button.apply').click();
  assert.equal(await control(page, '/TaskMode').inputValue(), 'BASIC');
  await page.locator('#undo').focus();
  await page.keyboard.press('Enter');
  assert.equal((await jsonOutput(page)).TaskMode, 'basic');
  assert.equal(await focused(page), '/TaskMode');
});

const MONDAY_6AM = new Date('2026-12-07T06:00:00Z');
const runs = (page) => page.locator('#schedule-preview time').evaluateAll((times) => times.map((time) => time.dateTime));

formTest('on a page left open, the next runs move on when the first listed run passes, without an edit', async (page) => {
  await importPasted(page, JSON.stringify({ ...request, Schedule: { ScheduleExpression: 'cron(0 8 * * ? *)' } }));
  assert.deepEqual((await runs(page)).slice(0, 2), ['2026-12-07T08:00:00Z', '2026-12-08T08:00:00Z']);
  // 07:59: the first run is still to come.
  await page.clock.runFor(119 * 60 * 1000);
  assert.deepEqual((await runs(page)).slice(0, 2), ['2026-12-07T08:00:00Z', '2026-12-08T08:00:00Z']);
  // Past 08:00 nobody has typed anything, and Monday's run is no longer listed.
  await page.clock.runFor(2 * 60 * 1000);
  assert.deepEqual((await runs(page)).slice(0, 2), ['2026-12-08T08:00:00Z', '2026-12-09T08:00:00Z']);
  // A day later, again.
  await page.clock.runFor(24 * 60 * 60 * 1000);
  assert.deepEqual((await runs(page)).slice(0, 1), ['2026-12-09T08:00:00Z']);
  assert.match(await page.locator('#schedule-preview').textContent(), /Next runs:Wed 2026-12-09 08:00 UTC/);
}, { setup: (page) => page.clock.install({ time: MONDAY_6AM }) });

const LOCATIONS = [
  { LocationArn: SOURCE, LocationUri: 's3://reports-source/' },
  { LocationArn: DESTINATION, LocationUri: 's3://reports-archive/', S3StorageClass: 'GLACIER' },
];
const OTHER = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0aaaaaaaaaaaaaaaa';

formTest('locations pasted before a request is imported describe its ends; the export with defaults is applyDefaults()\'s with them', async (page) => {
  await pasteLocations(page, LOCATIONS);
  const text = JSON.stringify({ ...request, Options: { Uid: 'INT_VALUE' } });
  await importPasted(page, text);
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  assert.equal(await page.getByLabel('Destination S3 storage class').inputValue(), 'GLACIER');
  const options = { locations: LOCATIONS };
  const expected = validate(text, options);
  assert.deepEqual(await page.$$eval('#summary-list > li[data-code]', (items) => items.map((item) => item.dataset.code)),
    [...expected.errors, ...expected.warnings].map((d) => d.code));
  assert.ok(expected.errors.some((d) => d.code === 'locations/posix-between-object-stores'));
  // Exported with the defaults applied for these locations.
  await page.locator('#show-defaults').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), applyDefaults(text, options));
  // A request with another source: the pasted source is not inherited by it.
  await importPasted(page, JSON.stringify({ ...request, SourceLocationArn: OTHER }));
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  assert.equal(await page.locator('[data-location-from="source"]').isHidden(), true);
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'S3', 'the destination\'s ARN did not change');
  // A type chosen by hand is its ARN's: an import with another ARN does not inherit it (hunt37f #4); a link is read as an import is.
  await typeOf(page, 'Source').selectOption('NFS');
  await importPasted(page, JSON.stringify({ ...request, SourceLocationArn: DESTINATION.replace('0fed', '0abc') }));
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  await page.goto(`${page.url().split('#')[0]}#request=${Buffer.from(JSON.stringify(request)).toString('base64url')}`);
  await page.locator('#import-status[data-imported]').waitFor();
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
});

/** A request as a file holds it: compact, with a big integer the page must not round. */
const ROUND_TRIP = `{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}","Options":{"BytesPerSecond":9007199254740993,"VerifyMode":"NONE"},"Unknown":{"kept":[1,2.50,"x"]},"Tags":[{"Key":"k","Value":"v"}]}`;

formTest('import then export gives the request back: every member, unknown ones and exact numbers; a BOM and CRLF change nothing', async (page) => {
  const exported = [];
  // The same request laid out with a byte order mark and CRLF line ends, as a Windows editor saves it.
  const windows = `\ufeff${ROUND_TRIP.replace('{', '{\r\n  ').replaceAll(',', ',\r\n  ')}\r\n`;
  for (const text of [ROUND_TRIP, windows]) {
    await importPasted(page, text);
    await page.locator('#import-status[data-imported]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    exported.push(readFileSync(await download.path(), 'utf8'));
  }
  assert.equal(exported[1], exported[0], 'with a BOM and CRLF line ends');
  assert.match(exported[0], /"BytesPerSecond": 9007199254740993,/);
  assert.match(exported[0], /"kept": \[\n\s+1,\n\s+2\.50,/, 'a number is written as it was read');
  assert.deepEqual(JSON.parse(exported[0]), JSON.parse(ROUND_TRIP));
  // Every example, imported and exported, is the same request.
  for (const name of readdirSync(join(repoRoot, 'examples')).filter((file) => file.endsWith('.json'))) {
    const text = readFileSync(join(repoRoot, 'examples', name), 'utf8');
    await importPasted(page, text);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')), JSON.parse(text), name);
  }
});

/** Every request file: [name, text, locations or undefined], those with locations last. */
function requestFiles() {
  const files = [];
  for (const folder of ['tests/fixtures/valid', 'tests/fixtures/invalid', 'tests/fixtures/operations', 'examples', 'tests/fixtures/locations']) {
    for (const name of readdirSync(join(repoRoot, folder)).filter((f) => f.endsWith('.json') && !/\.(expected|options)\.json$/.test(f)).sort()) {
      const text = readFileSync(join(repoRoot, folder, name), 'utf8');
      if (folder.endsWith('locations')) {
        const { locations, request: value } = JSON.parse(text);
        files.push([`${folder}/${name}`, JSON.stringify(value, null, 2), locations]);
      } else {
        files.push([`${folder}/${name}`, text, undefined]);
      }
    }
  }
  for (const folder of readdirSync(join(repoRoot, 'tests/real/requests')).sort()) {
    for (const name of readdirSync(join(repoRoot, 'tests/real/requests', folder)).filter((f) => f.endsWith('.json') && f !== 'case.json')) {
      files.push([`tests/real/requests/${folder}/${name}`, readFileSync(join(repoRoot, 'tests/real/requests', folder, name), 'utf8'), undefined]);
    }
  }
  return files.sort((a, b) => (a[2] ? 1 : 0) - (b[2] ? 1 : 0));
}

test('the form\'s verdict is validate()\'s for every request file (the form builds CreateTask; pasted locations first)', async () => {
  const session = await openForm();
  const { page } = session;
  try {
    let compared = 0;
    for (const [name, text, locations] of requestFiles()) {
      if (locations) {
        // A fresh page, so no other file's locations are known.
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await waitReady(page);
        await pasteLocations(page, locations);
      }
      await importPasted(page, text);
      const result = locations ? validate(text, { locations }) : validate(text);
      if (result.errors.some((d) => /^(json|request)\/(syntax-error|too-deep|not-an-object)$/.test(d.code))) {
        assert.match(await page.locator('#import-status').textContent(), /^Not imported/, name);
        continue;
      }
      // JSON-level notes (a duplicated member) are the import's, said in its status.
      const expected = [...result.errors, ...result.warnings].filter((d) => !d.code.startsWith('json/')).slice(0, 100);
      const shown = await page.$$eval('#summary-list > li[data-code]', (items) => items.map((item) => `${item.dataset.code} ${item.querySelector('code.path').textContent}`));
      assert.deepEqual(shown, expected.map((d) => `${d.code} ${d.path || '(the whole request)'}`), name);
      const status = await page.locator('#summary-status').textContent();
      if (result.errors.length > 0) assert.match(status, /the service would reject this request\.$/, name);
      else assert.doesNotMatch(status, /reject/, name);
      compared += 1;
    }
    assert.ok(compared > 90, `${compared} files compared`);
    assertClean(session);
  } finally {
    await session.context.close();
  }
});

formTest('a 10 MB paste: the pane cuts a value of megabytes at 10,000 characters and says so; Download gives it whole', async (page) => {
  // A file pasted into a member (10 MiB): validating it is quick, but a line of
  // megabytes in the pane would cost the browser seconds of layout.
  page.setDefaultTimeout(60_000); // a busy machine; nothing here is timed
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const text = JSON.stringify({ ...request, Extra: huge });
  await page.locator('#import-text').evaluate((box, value) => { box.value = value; }, text);
  await page.locator('#import-button').click();
  assert.equal(await page.locator('#import-status').textContent(), 'Imported the pasted text: 1 error, listed under Problems.');
  const pane = await page.locator('#json-output').evaluate((element) => ({ length: element.textContent.length, note: element.querySelector('.jc')?.textContent }));
  assert.ok(pane.length < 11_000, `the pane holds ${pane.length} characters`);
  assert.equal(pane.note, ` ${(huge.length + 2 - 10_000).toLocaleString('en')} more characters of JSON: Copy JSON or Download gives the whole request`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), `${JSON.stringify({ ...request, Extra: huge }, null, 2)}\n`);
  // Without a clipboard, Copy JSON selects the pane, which here is not the whole request: it says so.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
  await page.locator('#copy-json').click();
  assert.equal(await page.locator('#output-status').textContent(),
    'Could not reach the clipboard, and the pane shows only part of this request: use Download to get all of it.');
  // A value under the limit is shown whole, and the pane is the request's JSON.
  await importPasted(page, JSON.stringify({ ...request, Extra: 'y'.repeat(9_000) }));
  assert.deepEqual(await jsonOutput(page), { ...request, Extra: 'y'.repeat(9_000) });
  await page.locator('#copy-json').click();
  assert.equal(await page.locator('#output-status').textContent(), 'Could not reach the clipboard: the JSON is selected, press Ctrl+C (⌘C) to copy it.');
});

formTest('a pasted --cli-input-yaml file is refused as JSON is, and the refusal says the command line reads YAML', async (page) => {
  const yaml = `# create-task.yaml\nSourceLocationArn: ${SOURCE}\nDestinationLocationArn: ${DESTINATION}\n`;
  for (const text of [yaml, yaml.replace(/^# .*\n/, ''), `---\n${yaml}`]) {
    await importPasted(page, text);
    assert.match(await page.locator('#import-status').textContent(),
      /^Not imported: the pasted text is not valid JSON \(line 1, column \d+\)\. .* It looks like YAML: this page reads JSON only; the package's command line reads YAML request files too \(see its README\)\.$/);
    assert.deepEqual(await jsonOutput(page), {}, 'nothing was imported');
  }
  // Broken JSON gets no word about YAML.
  await importPasted(page, '{"SourceLocationArn": }');
  assert.doesNotMatch(await page.locator('#import-status').textContent(), /YAML/);
});

formTest('a pasted entry that gives only a type (the locations option\'s own form) is not inherited by another ARN either', async (page) => {
  await pasteLocations(page, [{ LocationArn: SOURCE, type: 'NFS' }]);
  await enter(page, '/SourceLocationArn', SOURCE);
  assert.equal(await typeOf(page, 'Source').inputValue(), 'NFS');
  await enter(page, '/SourceLocationArn', OTHER);
  assert.equal(await typeOf(page, 'Source').inputValue(), '', 'the pasted type was for the other ARN');
  await enter(page, '/SourceLocationArn', SOURCE);
  assert.equal(await typeOf(page, 'Source').inputValue(), 'NFS');
  // A type then chosen by hand is for that ARN (hunt37f #4): not inherited by the next one, and back with it.
  await typeOf(page, 'Source').selectOption('SMB');
  await enter(page, '/SourceLocationArn', OTHER);
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  await enter(page, '/SourceLocationArn', SOURCE);
  assert.equal(await typeOf(page, 'Source').inputValue(), 'SMB');
});

test('the pane\'s cut never splits a character written as two UTF-16 units, and its count is of the JSON text', () => {
  // JSON.stringify's text of the value is '"' + 9,998 a + '😀' (2 units) + '"': the cut at 10,000 units would
  // fall between the emoji's two halves and show half a character (U+FFFD) before the '…'.
  const [, line] = jsonLines({ Name: `${'a'.repeat(9_998)}😀` }, null, Infinity, 10_000);
  const value = line.tokens.find(([kind, text]) => kind !== 'k' && text.endsWith('…'));
  assert.equal(value[1], `"${'a'.repeat(9_998)}…`);
  const note = line.tokens.find(([kind]) => kind === 'c');
  // What is left of the JSON text: the emoji's two units and the closing quote.
  assert.equal(note[1], ' 3 more characters of JSON: Copy JSON or Download gives the whole request');
  // An escape counts as the JSON characters it is written with (\n is two).
  const [, escaped] = jsonLines({ Name: '\n'.repeat(6_000) }, null, Infinity, 10_000);
  assert.equal(escaped.tokens.find(([kind]) => kind === 'c')[1], ' 2,002 more characters of JSON: Copy JSON or Download gives the whole request');
});
