// Keyboard-only journeys through the form: no mouse, no clicks, only Tab,
// Shift+Tab, Enter, Space, arrows and typing, as a keyboard or switch user works.
import assert from 'node:assert/strict';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { control, formTest, jsonOutput, useBrowser } from './form-harness.mjs';

useBrowser();

/** Presses Tab until `predicate` holds for the focused element (at most `limit` presses). */
async function tabTo(page, predicate, arg, { limit = 40, key = 'Tab' } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(key);
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`${key} never reached the element (${predicate.toString().slice(0, 80)})`);
}

const focusedName = (name) => document.activeElement?.name === name;

formTest('a whole request from the keyboard: locations, task mode, name; the verdict follows', async (page) => {
  await tabTo(page, focusedName, '/SourceLocationArn');
  await page.keyboard.type(SOURCE);
  await tabTo(page, focusedName, '/DestinationLocationArn');
  await page.keyboard.type(DESTINATION);
  // The task mode comes right after the locations.
  await tabTo(page, focusedName, '/TaskMode', { limit: 6 });
  await page.keyboard.press('ArrowDown'); // BASIC
  await page.keyboard.press('ArrowDown'); // ENHANCED
  assert.equal(await control(page, '/TaskMode').inputValue(), 'ENHANCED');
  await tabTo(page, focusedName, '/Name', { limit: 6 });
  await page.keyboard.type('nightly');
  await page.keyboard.press('Tab');
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'ENHANCED', Name: 'nightly' });
  assert.equal(await page.locator('#summary-status').textContent(), 'No problems found: the request passes every check.');
  // Shift+Tab goes back the same way.
  await tabTo(page, focusedName, '/TaskMode', { key: 'Shift+Tab', limit: 8 });
});

formTest('tags from the keyboard: open the section, add a row, fill it, remove it; focus stays put', async (page) => {
  await page.locator('details[data-section="Tags"] > summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details[data-section="Tags"]').getAttribute('open'), '');
  await tabTo(page, () => document.activeElement?.dataset.addRow === '/Tags');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/Tags/0/Key', 'focus moves into the new row');
  await page.keyboard.type('team');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), '/Tags/0/Value');
  await page.keyboard.type('storage');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.removeRow), '/Tags/0');
  assert.deepEqual((await jsonOutput(page)).Tags, [{ Key: 'team', Value: 'storage' }]);
  await page.keyboard.press('Space');
  assert.equal('Tags' in (await jsonOutput(page)), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.addRow), '/Tags', 'focus goes to Add tag when no row is left');
});

formTest('Clear form and Undo from the keyboard', async (page) => {
  await tabTo(page, focusedName, '/SourceLocationArn');
  await page.keyboard.type(SOURCE);
  await tabTo(page, () => document.activeElement?.id === 'clear-form', null, { limit: 120 });
  await page.keyboard.press('Enter');
  assert.deepEqual(await jsonOutput(page), {});
  // Undo is the next stop after Clear form.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'undo');
  await page.keyboard.press('Enter');
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE });
});
