// The web form (www/) end to end in headless Chromium: rendering from fields(),
// diagnostics at their members, import, links, copy and download, the schedule
// preview, keyboard use, safety and the page's own requests. The harness (in
// form-harness.mjs) fails any test whose page logs an error, throws, breaks its
// CSP or requests anything but the repository's own files.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyDefaults, fields, validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE, repoRoot } from './helpers.mjs';
import {
  codesAt, control, enter, formTest, fullRequest, importPasted, jsonOutput, leaves, openAllSections, slot, summaryStatus, useBrowser, waitReady,
} from './form-harness.mjs';

const harness = useBrowser();
const SECTIONS = ['Locations', 'Task mode', 'General', 'Options', 'Filters', 'Schedule', 'Logging', 'Task report', 'Manifest', 'Tags'];
const SCREENSHOT = join(repoRoot, 'tests/browser/screenshots/form.png');

// ---------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------

formTest('renders a labelled control or group for every member fields() lists, in the order of the work', async (page) => {
  const titles = await page.$$eval('details.section > summary .section-title', (nodes) => nodes.map((n) => n.firstChild.textContent));
  assert.deepEqual(titles, SECTIONS);
  // Each section is named for assistive technology by its title.
  const names = await page.$$eval('details.section', (sections) => sections.map((s) => document.getElementById(s.getAttribute('aria-labelledby'))?.firstChild.textContent));
  assert.deepEqual(names, SECTIONS);
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
      apiName: element.closest('.field').querySelector('.api-name')?.textContent,
      options: element.tagName === 'SELECT' ? [...element.options].map((option) => option.value) : null,
      firstOption: element.tagName === 'SELECT' ? element.options[0].textContent : null,
      inputmode: element.getAttribute('inputmode'),
      placeholder: element.placeholder ?? null,
      described: (element.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    }));
    assert.equal(info.labels.length, 1, `${pointer} has no label`);
    // The human label is the control's name; the API name is shown beside it, not read as part of it.
    assert.ok(info.apiName?.endsWith(field.name), `${pointer} does not show its API name`);
    if (!/Overrides\/\w+\/ReportLevel$/.test(pointer)) assert.ok(info.labels[0].startsWith(field.label), `${pointer} is labelled ${info.labels[0]}`);
    assert.ok(info.described.includes(field.help), `${pointer}'s help text is not attached to it`);
    if (field.formatHint) assert.ok(info.described.includes(field.formatHint), `${pointer} does not show its format hint`);
    if (field.enum) {
      assert.equal(info.tag, 'select', `${pointer} is not a select`);
      assert.deepEqual(info.options, ['', ...field.enum]);
      const defaultLabel = field.values.find((v) => v.value === field.default?.BASIC)?.label;
      assert.equal(info.firstOption, field.default ? `Default: ${defaultLabel}` : '(not set)', pointer);
    } else {
      assert.equal(info.tag, 'input', pointer);
    }
  }
  const bytes = await control(page, '/Options/BytesPerSecond').evaluate((e) => [e.getAttribute('inputmode'), e.placeholder]);
  assert.deepEqual(bytes, ['numeric', 'e.g. 1048576']);

  // Every control on the page, in the form or not, has a label.
  const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
    controls.filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label')).map((c) => c.id || c.name));
  assert.deepEqual(unlabelled, []);
});

formTest('a bad source ARN shows its message once the field is left, and it clears at the keystroke that fixes it', async (page) => {
  const source = control(page, '/SourceLocationArn');
  await source.fill('arn:aws:datasync:us-east-1:111122223333:location/loc-123');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), [], 'no error while the field is first typed in');
  await source.blur();
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  assert.match(await slot(page, '/SourceLocationArn').textContent(), /^Error: SourceLocationArn ".*" is not in the expected form/);
  assert.equal(await source.getAttribute('aria-invalid'), 'true');
  // The summary counts it and links to it.
  assert.match(await page.locator('#summary-status').textContent(), /^2 errors/);
  assert.equal(await page.locator('#summary-list a[data-focus="/SourceLocationArn"]').count(), 1);

  // Type the rest of the ARN key by key: wrong until the very last one.
  await source.fill('');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['request/missing-member'], 'a touched required field says it is empty');
  await source.pressSequentially(SOURCE.slice(0, -1));
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  await source.press(SOURCE.at(-1));
  assert.equal(await slot(page, '/SourceLocationArn').evaluate((e) => e.childNodes.length), 0);
  assert.equal(await source.getAttribute('aria-invalid'), null);
  // The summary follows after a short pause in typing.
  await page.waitForFunction(() => document.querySelectorAll('#summary-list a[data-focus="/SourceLocationArn"]').length === 0);
  assert.match(await page.locator('#summary-status').textContent(), /^1 error/);
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE });
});

formTest('a message that quotes the value changes in place while typing: the line stays, its text follows the value', async (page) => {
  const source = control(page, '/SourceLocationArn');
  await enter(page, '/SourceLocationArn', 'arn:aws:datasync:us-east-1:111122223333:location/loc-1');
  const line = slot(page, '/SourceLocationArn').locator('.diagnostic');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  await line.evaluate((element) => { element.dataset.marked = 'yes'; });
  await source.press('End');
  await source.press('2');
  // The same line element (marked above) now quotes the new value: only its message changed.
  assert.equal(await line.count(), 1);
  assert.equal(await line.getAttribute('data-marked'), 'yes', 'the line was rebuilt instead of changed in place');
  assert.match(await line.locator('.message').textContent(), /"arn:aws:datasync:us-east-1:111122223333:location\/loc-12"/);
  assert.equal(await source.getAttribute('aria-invalid'), 'true');
  // Another kind of problem is a new line.
  await source.fill('');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['request/missing-member']);
  assert.equal(await slot(page, '/SourceLocationArn').locator('[data-marked]').count(), 0);
});

formTest('typing into a value changes its line of the JSON pane in place, and the pane stays the request', async (page) => {
  const name = control(page, '/Name');
  await name.fill('nightly');
  const line = page.locator('#json-output .line', { hasText: '"Name"' });
  await line.evaluate((element) => { element.dataset.marked = 'yes'; });
  await name.press('End');
  await name.press('2');
  assert.equal(await line.getAttribute('data-marked'), 'yes', 'the line was rebuilt instead of changed in place');
  assert.equal(await line.locator('.js').textContent(), '"nightly2"');
  assert.deepEqual(await jsonOutput(page), { Name: 'nightly2' });
  // A line whose kind of value changes is rebuilt: the pane is still exactly the request.
  await name.fill('');
  await control(page, '/TaskMode').selectOption('ENHANCED');
  assert.deepEqual(await jsonOutput(page), { TaskMode: 'ENHANCED' });
});

/** Resolves once the page has rendered a frame (ResizeObservers have run) and the task after it. */
const nextFrame = (page) => page.evaluate(() => new Promise((done) => { requestAnimationFrame(() => setTimeout(done, 0)); }));

/**
 * Resolves once `check()` holds, asking again every 50 ms; fails with `what` if it still does not
 * hold after 10 s (a bound against a hang, not a measure of speed: under load a keystroke's
 * re-validation can land a few frames late).
 */
async function eventually(page, check, what) {
  for (let tries = 0; tries < 200; tries += 1) {
    if (await check()) return;
    await page.waitForTimeout(50);
  }
  assert.fail(what);
}

formTest('while typing, a field keeps the tallest height it reached, so what is below it stays put; leaving it lets it shrink', async (page) => {
  await page.locator('details[data-section="Schedule"] > summary').click();
  const expression = control(page, '/Schedule/ScheduleExpression');
  // Too frequent (one line); a trailing space adds a spelling warning (two);
  // then "2" after it makes the expression invalid, which gets only its error (one).
  await enter(page, '/Schedule/ScheduleExpression', 'rate(5 minutes)');
  const below = page.locator('details[data-section="Logging"]');
  const top = () => below.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const lines = () => slot(page, '/Schedule/ScheduleExpression').locator('.diagnostic').count();
  await expression.focus();
  await expression.press('End');
  const before = await lines();
  const counted = await summaryStatus(page);
  await expression.press(' '); // a trailing space is one more problem: the slot grows by a line
  // The summary above counts it after a pause in typing (a busy machine may
  // take longer than the pause to get here): both have grown before measuring.
  await eventually(page, async () => await lines() > before && await summaryStatus(page) !== counted, 'the trailing space added no line: this test shows nothing');
  await nextFrame(page);
  const grown = await top();
  const grownLines = await lines();
  const grownCount = await summaryStatus(page);
  await expression.press('2'); // no trailing space now: the slot has a line fewer
  await eventually(page, async () => await lines() < grownLines && await summaryStatus(page) !== grownCount, 'the slot did not lose its line: this test shows nothing');
  await nextFrame(page);
  assert.equal(await top(), grown, 'the section below moved while typing');
  await expression.blur();
  await eventually(page, async () => await top() < grown, 'the field kept its height after it was left');
});

formTest('a problem in the summary whose message quotes the value changes in place when typing pauses', async (page) => {
  await enter(page, '/SourceLocationArn', 'arn:aws:datasync:us-east-1:111122223333:location/loc-1');
  // A mark the page does not know of (a property: the row's attributes follow the diagnostic).
  await page.locator('#summary-list li', { hasText: 'loc-1"' }).evaluate((element) => { element.marked = true; });
  await control(page, '/SourceLocationArn').press('End');
  await control(page, '/SourceLocationArn').press('2');
  const row = page.locator('#summary-list li', { hasText: 'loc-12"' });
  await row.waitFor();
  assert.equal(await row.evaluate((element) => element.marked), true, 'the row was rebuilt instead of changed in place');
});

formTest('each section is a form of its own: a keystroke makes Chromium scan one section, and Enter submits nothing', async (page) => {
  await openAllSections(page);
  await page.locator('[data-add-row="/Tags"]').click();
  // A list row's controls are a form of their own (the next test); every other control is its section's.
  const owners = await page.$$eval('#task-form [name^="/"]', (controls) => controls.filter((control) => !control.closest('.row')).map((control) => ({
    name: control.name,
    ownForm: control.form !== null && control.form === control.closest('details.section').querySelector(':scope > form'),
  })));
  assert.ok(owners.length > 30, `${owners.length} controls`);
  assert.deepEqual(owners.filter((owner) => !owner.ownForm), [], 'controls outside their section\'s form');
  // Logging has one text box, so Enter in it submits its form: nothing happens.
  const url = page.url();
  await control(page, '/CloudWatchLogGroupArn').fill('arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*');
  await control(page, '/CloudWatchLogGroupArn').press('Enter');
  await nextFrame(page);
  assert.equal(page.url(), url);
  assert.equal(await control(page, '/CloudWatchLogGroupArn').inputValue(), 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*');
});

formTest('each list row is a form of its own: a keystroke in one of 50 tags makes Chromium scan that row, and Enter submits nothing', async (page) => {
  await importPasted(page, JSON.stringify(fullRequest())); // the full BASIC example with 50 tags
  await page.waitForSelector('#import-status[data-imported]');
  await openAllSections(page);
  await page.locator('[data-add-row="/Includes"]').click();
  // Chromium's autofill scans every control of the form a text box belongs to after
  // each keystroke: in a row that is the row's key, value, remove button and fieldset.
  const rowForms = () => page.$$eval('#task-form .row', (rows) => rows.map((row) => {
    const controls = [...row.querySelectorAll('input, select, textarea, button')];
    const form = controls[0].form;
    return {
      row: row.dataset.group,
      ownForm: form !== null && controls.every((control) => control.form === form) && row.form === form,
      formSize: form?.elements.length,
      inASection: form?.closest('details.section') !== null,
    };
  }));
  const forms = await rowForms();
  assert.equal(forms.length, 53, '50 tags, two includes and an exclude');
  assert.deepEqual(forms.filter((form) => !form.ownForm || form.formSize > 4 || form.inASection), [], 'rows that share a form or sit in a section\'s form');
  // Typing in a row works as anywhere else.
  await enter(page, '/Tags/25/Key', 'cost-centre');
  assert.equal((await jsonOutput(page)).Tags[25].Key, 'cost-centre');
  // A filter row has one text box, so Enter in it submits the row's form: nothing happens.
  const url = page.url();
  await control(page, '/Includes/1/Value').fill('/photos');
  await control(page, '/Includes/1/Value').press('Enter');
  await nextFrame(page);
  assert.equal(page.url(), url);
  assert.equal(await control(page, '/Includes/1/Value').inputValue(), '/photos');
  // Removing or adding rows leaves one form per row shown, no more.
  await page.locator('[data-remove-row="/Tags/0"]').click();
  await page.locator('[data-remove-row="/Includes/0"]').click();
  await page.locator('[data-add-row="/Tags"]').click();
  assert.equal((await rowForms()).filter((form) => form.ownForm && form.formSize <= 4).length, 52);
  assert.equal(await page.locator('#task-form > .row-forms > form').count(), 52);
});

formTest('ENHANCED with VerifyMode POINT_IN_TIME_CONSISTENT: the conflict shows, and default labels follow TaskMode', async (page) => {
  const verify = control(page, '/Options/VerifyMode');
  const firstOption = () => verify.locator('option').first().textContent();
  const note = () => page.locator('[data-note-for="/Options/VerifyMode"]').textContent();
  assert.equal(await firstOption(), 'Default: Verify all data');
  assert.match(await note(), /^POINT_IN_TIME_CONSISTENT: /);
  await control(page, '/TaskMode').selectOption('ENHANCED');
  assert.equal(await firstOption(), 'Default: Verify only transferred data');
  assert.match(await note(), /^ONLY_FILES_TRANSFERRED: /);
  await verify.selectOption('POINT_IN_TIME_CONSISTENT');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['options/enhanced-point-in-time']);
  assert.match(await page.locator('details[data-section="Options"] [data-section-badge]').textContent(), /1 error/);
  // The error names Basic mode, so it links to the Task mode control (early in the form).
  await slot(page, '/Options/VerifyMode').getByRole('link', { name: 'Go to Task mode' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.name), '/TaskMode');
  assert.deepEqual(await jsonOutput(page), { TaskMode: 'ENHANCED', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } });
  // Back to the default mode: the conflict and the ENHANCED label go away.
  await control(page, '/TaskMode').selectOption('');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), []);
  assert.equal(await firstOption(), 'Default: Verify all data');
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
  // The new rows' empty keys are not shouted about until they are touched.
  assert.deepEqual(await codesAt(page, '/Tags/49/Key'), []);
  await enter(page, '/Tags/50/Key', 'team');
  assert.deepEqual(await codesAt(page, '/Tags/50/Key'), []);
  await enter(page, '/Tags/49/Key', 'x');
  await enter(page, '/Tags/49/Key', '');
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
  assert.equal(await page.locator('#import-status').textContent(), 'Imported the file “full-basic.json”: no problems found.');
  for (const [pointer, value] of leaves(request)) {
    assert.equal(await control(page, pointer).inputValue(), String(value), pointer);
  }
  assert.deepEqual(await jsonOutput(page), request);
  assert.equal(await page.locator('#summary-status').textContent(), 'No problems found: the request passes every check.');
  assert.equal(await page.locator('details[data-section="Task report"]').getAttribute('open'), '', 'sections with content open');
});

formTest('unknown members are kept in the JSON, reported in the summary, and can be removed', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Foo: 1, Options: { Bar: true, VerifyMode: 'FAST' } }));
  // The import says what it brought, and clears the box.
  assert.equal(await page.locator('#import-status').textContent(), 'Imported the pasted text: 3 errors, listed under Problems.');
  assert.equal(await page.locator('#import-text').inputValue(), '');
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Foo: 1, Options: { Bar: true, VerifyMode: 'FAST' } });
  const item = page.locator('#summary-list li', { hasText: '/Foo' });
  assert.equal(await item.getAttribute('data-code'), 'request/unknown-member');
  assert.equal(await item.locator('a').count(), 0, 'a member without a control is listed in the summary, not linked');
  assert.equal(await page.locator('[data-diagnostics-for] [data-code="request/unknown-member"]', { hasText: '"Foo"' }).count(), 0);
  assert.deepEqual(await codesAt(page, '/Options'), ['request/unknown-member'], 'a nested unknown member shows at its object');
  // A value the model does not allow is shown, not hidden behind "default".
  assert.equal(await control(page, '/Options/VerifyMode').inputValue(), 'FAST');
  assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), ['value/not-in-enum']);
  await item.getByRole('button', { name: 'Remove Foo', exact: true }).click();
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
  // The values the service fills in are marked; what the user set is not.
  const marked = await page.$$eval('#json-output .line', (lines) => lines.map((l) => [l.textContent.trim(), l.classList.contains('filled')]));
  assert.deepEqual(marked.find(([text]) => text.startsWith('"SourceLocationArn"')), [`"SourceLocationArn": "${SOURCE}",`, false]);
  assert.deepEqual(marked.find(([text]) => text.startsWith('"VerifyMode"')), ['"VerifyMode": "ONLY_FILES_TRANSFERRED",', true]);
  // Values are never wrapped: the pane scrolls sideways instead.
  assert.equal(await page.locator('#json-output').evaluate((e) => getComputedStyle(e).whiteSpace), 'pre');
  await page.getByLabel('Show with defaults applied').uncheck();
  assert.deepEqual(await jsonOutput(page), built);
});

formTest('Clear form can be undone, until the next edit', async (page) => {
  await enter(page, '/SourceLocationArn', 'not an arn');
  await control(page, '/TaskMode').selectOption('ENHANCED');
  await page.locator('#clear-form').click();
  assert.deepEqual(await jsonOutput(page), {});
  assert.equal(await control(page, '/TaskMode').inputValue(), '');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), [], 'a cleared form is an untouched one');
  assert.match(await summaryStatus(page), /^To begin/);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: 'not an arn', TaskMode: 'ENHANCED' });
  assert.equal(await control(page, '/TaskMode').inputValue(), 'ENHANCED');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch'], 'and what was touched is touched again');
  assert.match(await page.locator('#output-status').textContent(), /back as it was/);
  // Once the user edits after clearing, Undo is gone (it would throw the edit away).
  await page.locator('#clear-form').click();
  await control(page, '/Name').fill('new');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0);
});

formTest('the state survives a reload', async (page) => {
  await control(page, '/SourceLocationArn').fill(SOURCE);
  await control(page, '/Options/BytesPerSecond').fill('12345678901234567');
  await page.locator('details[data-section="Tags"] > summary').click();
  await page.locator('[data-add-row="/Tags"]').click();
  await control(page, '/Tags/0/Key').fill('team');
  await page.getByLabel('Show with defaults applied').check();
  const before = await page.locator('#json-output').textContent();
  // applyDefaults gives an integer beyond 2^53 as a BigInt; the pane writes its exact digits.
  assert.match(before, /"BytesPerSecond": 12345678901234567,/);
  await page.reload();
  await waitReady(page);
  // What the user built is theirs: its problems show at once (here: the missing destination).
  assert.deepEqual(await codesAt(page, '/DestinationLocationArn'), ['request/missing-member']);
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
  // The import says what it brought: the name's "é" is outside the model's pattern.
  assert.equal(await page.locator('#import-status').textContent(), 'Imported the link: 1 error, listed under Problems.');
  assert.deepEqual(await codesAt(page, '/Name'), ['value/pattern-mismatch'], 'a link shows its problems at once');
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
  assert.ok(link.startsWith(`${harness.formUrl}#request=`), link);
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
  // The link shown follows every later change, so it is never stale.
  await enter(page, '/Name', 'renamed');
  const current = await page.locator('#share-url').inputValue();
  assert.equal(JSON.parse(Buffer.from(new URL(current).hash.slice('#request='.length), 'base64url').toString('utf8')).Name, 'renamed');
}, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

formTest('copy JSON and download give the text of #json-output', async (page) => {
  await control(page, '/SourceLocationArn').fill(SOURCE);
  await page.locator('#copy-json').click();
  // Every line of the pane ends with a line break; the JSON itself does not.
  const shown = (await page.locator('#json-output').textContent()).slice(0, -1);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(download.suggestedFilename(), 'create-task.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), `${shown}\n`);
  // Handing the request on shows every problem, touched or not.
  assert.deepEqual(await codesAt(page, '/DestinationLocationArn'), ['request/missing-member']);
}, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

formTest('the schedule preview says whether the expression is valid, in words, with the next runs, and never contradicts the verdict', async (page) => {
  await page.locator('details[data-section="Schedule"] > summary').click();
  const expression = control(page, '/Schedule/ScheduleExpression');
  const preview = page.locator('#schedule-preview');
  assert.equal(await preview.isHidden(), true);
  await enter(page, '/Schedule/ScheduleExpression', 'cron(0 2 ? * MON-FRI *)');
  assert.match(await preview.textContent(), /^Valid schedule: At 02:00 UTC on Monday through Friday\./);
  assert.equal(await preview.locator('ol.runs li').count(), 5);
  assert.match(await preview.locator('time').first().getAttribute('datetime'), /^\d{4}-\d\d-\d\dT02:00:00Z$/);
  // Another valid schedule changes the runs' texts in place (the list is not built again).
  await preview.locator('ol.runs li').first().evaluate((element) => { element.marked = true; });
  await expression.fill('cron(0 3 ? * MON-FRI *)');
  assert.match(await preview.textContent(), /^Valid schedule: At 03:00 UTC on Monday through Friday\./);
  assert.equal(await preview.locator('ol.runs li').first().evaluate((element) => element.marked), true, 'the list of runs was rebuilt');
  assert.match(await preview.locator('time').first().getAttribute('datetime'), /^\d{4}-\d\d-\d\dT03:00:00Z$/);
  await expression.fill('rate(5 minutes)');
  assert.match(await preview.textContent(), /^Not a valid DataSync schedule/);
  assert.deepEqual(await codesAt(page, '/Schedule/ScheduleExpression'), ['schedule/too-frequent']);
  // describeSchedule() can list runs five minutes apart; the preview follows validate()'s verdict and lists none.
  assert.equal(await preview.locator('ol.runs li').count(), 0);
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

  const targets = await page.$$eval('#summary-list a.message-link', (links) => links.map((link) => link.dataset.focus));
  assert.deepEqual(targets, ['/DestinationLocationArn', '/Options/VerifyMode', '/SourceLocationArn']);
  for (const target of targets) {
    await page.locator('#summary-title').focus(); // where a screen reader user lands; not a Tab stop itself
    let reachedLink = false;
    for (let presses = 0; presses < 12 && !reachedLink; presses += 1) {
      await page.keyboard.press('Tab');
      reachedLink = await page.evaluate((t) => document.activeElement.matches(`a.message-link[data-focus="${t}"]`), target);
    }
    assert.ok(reachedLink, `Tab never reached the summary link to ${target}`);
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
  assert.deepEqual(paths, ['/pkg/datasync_task_validator_bg.wasm', '/pkg/web/datasync_task_validator.js', '/pkg/web/form-kit.js',
    '/pkg/web/index.js', '/pkg/web/text-path.js', '/www/', '/www/app.js', '/www/build-form.js', '/www/check.js', '/www/dom.js', '/www/favicon.svg',
    '/www/feedback.js', '/www/link.js', '/www/locations.js', '/www/operation-step.js', '/www/operation.js', '/www/output.js',
    '/www/render.js', '/www/state.js', '/www/style.css', '/www/undo.js']);
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
  await page.getByLabel('Source location type', { exact: true }).selectOption('NFS');
  await page.getByLabel('Destination location type', { exact: true }).selectOption('S3');
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

formTest('a touched row keeps its problems when a row above it is removed, and an untouched one stays quiet', async (page) => {
  await page.locator('details[data-section="Tags"] > summary').click();
  for (let i = 0; i < 3; i += 1) await page.locator('[data-add-row="/Tags"]').click();
  await enter(page, '/Tags/2/Key', 'x');
  await enter(page, '/Tags/2/Key', '');
  assert.deepEqual(await codesAt(page, '/Tags/2/Key'), ['request/missing-member']);
  await page.locator('[data-remove-row="/Tags/0"]').click();
  assert.deepEqual(await codesAt(page, '/Tags/1/Key'), ['request/missing-member'], 'the touched row, now the second');
  assert.deepEqual(await codesAt(page, '/Tags/0/Key'), [], 'the untouched row, now the first');
});
