// What the form says must be true: an import is refused only for the reason it
// has (a byte order mark is not "nested too deeply"), and the schedule preview
// lists as next runs only runs that are still to come, of a schedule that is
// not paused. The page's clock is installed at a fixed time and moved by hand,
// so nothing here depends on how long anything takes.
import assert from 'node:assert/strict';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { control, enter, formTest, importPasted, jsonOutput, useBrowser } from './form-harness.mjs';

useBrowser();

const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
const importStatus = (page) => page.locator('#import-status').textContent();
const preview = (page) => page.locator('#schedule-preview');
// The preview's paragraphs and runs, one space apart (its section may be closed, so no innerText).
const previewText = (page) => preview(page).evaluate((element) => [...element.querySelectorAll('p, li')].map((node) => node.textContent).join(' '));
const runs = (page) => preview(page).locator('time').evaluateAll((times) => times.map((time) => time.dateTime));
const MONDAY_6AM = new Date('2026-12-07T06:00:00Z');

formTest('pasted JSON with a leading byte order mark is imported, as validate() reads it (it is not "nested too deeply")', async (page) => {
  await importPasted(page, `\ufeff${JSON.stringify(request)}`);
  assert.equal(await importStatus(page), 'Imported the pasted text: no problems found.');
  assert.deepEqual(await jsonOutput(page), request);
});

formTest('text the browser cannot parse but the validator reads is refused with the parser\'s reason, never "too deeply"', async (page) => {
  await importPasted(page, JSON.stringify({ ...request, Name: 'refused by this browser' }));
  const status = await importStatus(page);
  assert.equal(status, 'Not imported: this browser cannot read the pasted text as JSON. a parser that refuses this text');
  assert.doesNotMatch(status, /too deeply/);
}, {
  // A stand-in for any text JSON.parse refuses and the validator reads (the page's own JSON.parse is replaced
  // for text with this one value; validate() is WebAssembly and does not use it).
  setup: (page) => page.addInitScript(() => {
    const parse = JSON.parse;
    JSON.parse = function (text, ...rest) {
      if (typeof text === 'string' && text.includes('refused by this browser')) throw new SyntaxError('a parser that refuses this text');
      return parse.call(this, text, ...rest);
    };
  }),
});

formTest('text nested too deeply is still refused as nested too deeply', async (page) => {
  await importPasted(page, `{"SourceLocationArn": "${SOURCE}", "Tags": ${'['.repeat(70)}${']'.repeat(70)}}`);
  assert.equal(await importStatus(page), 'Not imported: the pasted text nests objects or arrays too deeply to be a request.');
});

formTest('a paused schedule (Status DISABLED) lists no "Next runs": it says the task does not run on it', async (page) => {
  await importPasted(page, JSON.stringify({ ...request, Schedule: { ScheduleExpression: 'cron(0 8 * * ? *)', Status: 'DISABLED' } }));
  assert.equal(await previewText(page),
    'Valid schedule: At 08:00 UTC every day. Paused: the task does not run on it. Enabled, it would run:'
    + ' Mon 2026-12-07 08:00 UTC Tue 2026-12-08 08:00 UTC Wed 2026-12-09 08:00 UTC Thu 2026-12-10 08:00 UTC Fri 2026-12-11 08:00 UTC');
  await control(page, '/Schedule/Status').selectOption('ENABLED');
  assert.match(await previewText(page), /^Valid schedule: At 08:00 UTC every day\. Next runs: Mon 2026-12-07 08:00 UTC/);
  await control(page, '/Schedule/Status').selectOption('DISABLED');
  assert.match(await previewText(page), /Paused: the task does not run on it\. Enabled, it would run: Mon 2026-12-07 08:00 UTC/);
}, { setup: (page) => page.clock.install({ time: MONDAY_6AM }) });

formTest('the next runs follow the clock: once the first listed run has passed, the next render lists runs still to come', async (page) => {
  await importPasted(page, JSON.stringify({ ...request, Schedule: { ScheduleExpression: 'cron(0 8 * * ? *)' } }));
  assert.deepEqual((await runs(page)).slice(0, 2), ['2026-12-07T08:00:00Z', '2026-12-08T08:00:00Z']);
  // An hour later the first run is still to come: the list stands.
  await page.clock.fastForward(60 * 60 * 1000);
  await enter(page, '/Name', 'an hour later');
  assert.deepEqual((await runs(page)).slice(0, 2), ['2026-12-07T08:00:00Z', '2026-12-08T08:00:00Z']);
  // A tab left open three days: the next edit shows Thursday's run first, not Monday's.
  await page.clock.fastForward(3 * 24 * 60 * 60 * 1000);
  await enter(page, '/Name', 'three days later');
  assert.deepEqual((await runs(page)).slice(0, 2), ['2026-12-10T08:00:00Z', '2026-12-11T08:00:00Z']);
  assert.match(await previewText(page), /Next runs: Thu 2026-12-10 08:00 UTC Fri 2026-12-11 08:00 UTC/);
}, { setup: (page) => page.clock.install({ time: MONDAY_6AM }) });
