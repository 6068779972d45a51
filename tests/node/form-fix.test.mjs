// The form's "Apply" button for a diagnostic's `fix` (RFC 6902 operations from
// the core): the five-field cron, a wrong enum case and a misspelt member, each
// fixed in one click against the real package, with the request, its JSON and
// the share link following, and Undo bringing the request back.
import assert from 'node:assert/strict';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { codesAt, control, enter, formTest, importPasted, jsonOutput, slot, useBrowser } from './form-harness.mjs';

useBrowser();

/** The request a share link carries. */
const linked = async (page) => JSON.parse(Buffer.from(new URL(await page.locator('#share-url').inputValue()).hash.slice('#request='.length), 'base64url').toString('utf8'));

formTest('a diagnostic with a fix gets an Apply button: the five-field cron becomes six fields in one click', async (page) => {
  await page.locator('details[data-section="Schedule"] > summary').click();
  await enter(page, '/Schedule/ScheduleExpression', 'cron(0 8 * * *)');
  assert.deepEqual(await codesAt(page, '/Schedule/ScheduleExpression'), ['schedule/five-field-cron']);
  const apply = slot(page, '/Schedule/ScheduleExpression').getByRole('button', { name: 'Apply: change to "cron(0 8 * * ? *)"' });
  assert.equal(await apply.count(), 1);
  // The summary offers it too.
  assert.equal(await page.locator('#summary-list [data-apply="schedule/five-field-cron"]').count(), 1);
  await apply.click();
  assert.equal(await control(page, '/Schedule/ScheduleExpression').inputValue(), 'cron(0 8 * * ? *)');
  assert.deepEqual(await codesAt(page, '/Schedule/ScheduleExpression'), []);
  assert.deepEqual((await jsonOutput(page)).Schedule, { ScheduleExpression: 'cron(0 8 * * ? *)' });
  assert.equal(await page.locator('#output-status').textContent(), 'Applied: change to "cron(0 8 * * ? *)". Undo');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/Schedule/ScheduleExpression', 'focus goes to the fixed field');
  assert.match(await page.locator('#schedule-preview').textContent(), /^Valid schedule: At 08:00 UTC/);
});

formTest('a diagnostic without a fix has no Apply button', async (page) => {
  await enter(page, '/SourceLocationArn', 'not an arn');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  assert.equal(await page.locator('[data-apply]').count(), 0);
});

formTest('a journey through three real fixes: misspelt member, wrong enum case, five-field cron; the link follows; Undo', async (page) => {
  await importPasted(page, JSON.stringify({
    SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'basic',
    Optoins: { VerifyMode: 'NONE' }, Schedule: { ScheduleExpression: 'cron(0 2 * * MON-FRI)' },
  }));
  // The five-field cron is a warning (DataSync's own example has five fields).
  assert.match(await page.locator('#import-status').textContent(), /^Imported the pasted text: 2 errors, 1 warning/);
  await page.locator('#copy-link').click();
  assert.equal((await linked(page)).TaskMode, 'basic');

  // A misspelt member: renamed in one click, its value kept and shown in the Options controls.
  await page.locator('#summary-list').getByRole('button', { name: 'Apply: rename to Options' }).click();
  assert.deepEqual((await jsonOutput(page)).Options, { VerifyMode: 'NONE' });
  assert.equal(await control(page, '/Options/VerifyMode').inputValue(), 'NONE');
  assert.equal(await page.locator('#summary-list [data-code="request/unknown-member"]').count(), 0);
  assert.deepEqual((await linked(page)).Options, { VerifyMode: 'NONE' }, 'the link is the current request');

  // A wrong enum case: the select shows the allowed value.
  assert.equal(await control(page, '/TaskMode').evaluate((e) => e.selectedOptions[0].textContent), '"basic" (not allowed)');
  await slot(page, '/TaskMode').getByRole('button', { name: 'Apply: change to "BASIC"' }).click();
  assert.equal(await control(page, '/TaskMode').inputValue(), 'BASIC');
  assert.deepEqual(await codesAt(page, '/TaskMode'), []);
  assert.equal((await linked(page)).TaskMode, 'BASIC');

  // The five-field cron becomes its six-field form; the preview lists its runs.
  await slot(page, '/Schedule/ScheduleExpression').getByRole('button', { name: 'Apply: change to "cron(0 2 ? * MON-FRI *)"' }).click();
  assert.equal(await control(page, '/Schedule/ScheduleExpression').inputValue(), 'cron(0 2 ? * MON-FRI *)');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/Schedule/ScheduleExpression', 'focus goes to the fixed field');
  assert.match(await page.locator('#schedule-preview').textContent(), /^Valid schedule/);
  assert.match(await page.locator('#summary-status').textContent(), /^No problems found/);
  assert.deepEqual(await linked(page), {
    SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'BASIC',
    Schedule: { ScheduleExpression: 'cron(0 2 ? * MON-FRI *)' }, Options: { VerifyMode: 'NONE' },
  });

  // Undo takes back the last fix, and the link follows.
  assert.equal(await page.locator('#output-status').textContent(), 'Applied: change to "cron(0 2 ? * MON-FRI *)". Undo');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await control(page, '/Schedule/ScheduleExpression').inputValue(), 'cron(0 2 * * MON-FRI)');
  assert.deepEqual(await codesAt(page, '/Schedule/ScheduleExpression'), ['schedule/five-field-cron']);
  assert.equal((await linked(page)).Schedule.ScheduleExpression, 'cron(0 2 * * MON-FRI)');
  assert.equal(await page.locator('#output-status').textContent(), 'The request is back as it was before the fix.');
}, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
