// The form's "Apply" button for a diagnostic's `fix` (RFC 6902 operations, the
// contract of issue 14 section 3) and its Locations step (the `locations`
// option of issue 12). Both are the core's to produce; until a core with them is
// built into pkg/, these tests serve the page a thin wrapper of the real package
// (page.route on /pkg/web/index.js) that adds exactly what the contract says:
// the five-field cron's six-field form as a `fix`, and a `locations` option
// that is checked like the core will (a TypeError for a malformed one). The
// page itself is unchanged: it loads whatever pkg/web/index.js it is served.
import assert from 'node:assert/strict';
import { validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { codesAt, control, enter, formTest, jsonOutput, slot, useBrowser } from './form-harness.mjs';

useBrowser();

/** The wrapper module: the real package (fetched as ./index.js?real), plus fixes and a locations check. */
const WRAPPER = `
import init, * as real from './index.js?real';
export default init;
export const applyDefaults = (...args) => real.applyDefaults(...args);
export const fields = (...args) => real.fields(...args);
export const describeSchedule = (...args) => real.describeSchedule(...args);
export const version = (...args) => real.version(...args);
window.__validateOptions = [];
export function validate(request, options) {
  if (options !== undefined) {
    if (!Array.isArray(options.locations)) throw new TypeError('locations must be an array');
    window.__validateOptions.push(JSON.parse(JSON.stringify(options)));
  }
  const result = real.validate(request);
  for (const d of result.errors) {
    if (d.code === 'schedule/five-field-cron') d.fix = [{ op: 'replace', path: d.path, value: d.params.suggestion }];
  }
  // What a location rule would say, so the test sees the option make a difference.
  for (const location of options?.locations ?? []) {
    if (location.type === 'S3') result.warnings.push({ code: 'location/stub', severity: 'warning', path: '/Options/PosixPermissions', message: 'Stub: ' + location.LocationArn + ' is S3.' });
  }
  return result;
}
`;

async function serveWrapper(page) {
  await page.route(/\/pkg\/web\/index\.js$/, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: WRAPPER }));
}

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
  assert.equal(await page.locator('#output-status').textContent(), 'Applied: change to "cron(0 8 * * ? *)".');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/Schedule/ScheduleExpression', 'focus goes to the fixed field');
  assert.match(await page.locator('#schedule-preview').textContent(), /^Valid schedule: At 08:00 UTC/);
}, { setup: serveWrapper });

formTest('a diagnostic without a fix has no Apply button', async (page) => {
  await enter(page, '/SourceLocationArn', 'not an arn');
  assert.deepEqual(await codesAt(page, '/SourceLocationArn'), ['value/pattern-mismatch']);
  assert.equal(await page.locator('[data-apply]').count(), 0);
}, { setup: serveWrapper });

formTest('the Locations step passes each chosen type with its ARN as the locations option', async (page) => {
  assert.match(await page.locator('[data-location-types-help]').textContent(), /let the validator check the options/);
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  assert.equal(await page.evaluate(() => window.__validateOptions.length), 0, 'no types chosen: no option');
  await page.getByLabel('Source location type').selectOption('S3');
  await page.getByLabel('Destination location type').selectOption('NFS');
  const last = await page.evaluate(() => window.__validateOptions.at(-1));
  assert.deepEqual(last, { locations: [{ LocationArn: SOURCE, type: 'S3' }, { LocationArn: DESTINATION, type: 'NFS' }] });
  // What the core says with the context is shown (here in the summary: the option itself is untouched).
  assert.equal(await page.locator('#summary-list li[data-code="location/stub"]').count(), 1);
  // The types are not part of the request, but they are kept across a reload.
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await page.getByLabel('Source location type').inputValue(), 'S3');
  assert.deepEqual(await page.evaluate(() => window.__validateOptions.at(-1)), last);
}, { setup: serveWrapper });

/** Whether the package as built reads `locations` (it then refuses a malformed one with a TypeError). */
function packageReadsLocations() {
  try {
    validate('{}', { locations: 'not a list' });
    return false;
  } catch (error) {
    return error instanceof TypeError;
  }
}

formTest('with the package as built, the Locations step works, or is harmless and says so', async (page) => {
  const help = await page.locator('[data-location-types-help]').textContent();
  if (packageReadsLocations()) assert.match(help, /let the validator check the options/);
  else assert.match(help, /does not check options against them yet/);
  await enter(page, '/SourceLocationArn', SOURCE);
  await page.getByLabel('Source location type').selectOption('S3');
  await page.getByLabel('Destination location type').selectOption('AZURE_BLOB');
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE });
  assert.match(await page.locator('#summary-status').textContent(), /^\d+ errors?/);
});
