// Issue 11, item 12: a share link or import with thousands of problems must not
// freeze the page, and a request that did not finish loading must not be kept.
// Work is bounded by counts, never by timing (speed is bench/form-latency.mjs's):
// the page lists at most 100 problems and renders at most 100 rows per list,
// and it places diagnostics by map lookups, with no document search per
// diagnostic: the number of querySelector calls a load makes must not grow
// with the number of problems.
import assert from 'node:assert/strict';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { control, enter, formTest, jsonOutput, openAllSections, slot, useBrowser } from './form-harness.mjs';

useBrowser();

const STORAGE_KEY = 'datasync-task-validator/form/request';
const LOADING_KEY = 'datasync-task-validator/form/loading';
const link = (request) => `#request=${Buffer.from(JSON.stringify(request)).toString('base64url')}`;

/** A request with `count` unknown members at the top level and `count` more inside Options. */
function withUnknownMembers(count) {
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: {} };
  for (let i = 0; i < count; i += 1) {
    request[`Unknown${i}`] = i;
    request.Options[`Unknown${i}`] = i;
  }
  return request;
}

/** Counts document searches (querySelector and friends) from the moment the page starts. */
async function countSearches(page) {
  await page.addInitScript(() => {
    window.__searches = 0;
    for (const proto of [Document.prototype, Element.prototype, DocumentFragment.prototype]) {
      for (const name of ['querySelector', 'querySelectorAll']) {
        const original = proto[name];
        proto[name] = function counted(...args) {
          window.__searches += 1;
          return original.apply(this, args);
        };
      }
    }
  });
}

const searchesFor = async (page) => page.evaluate(() => window.__searches);

let smallLinkSearches;

formTest('a link with a few problems: the baseline number of document searches', async (page) => {
  assert.match(await page.locator('#import-status').textContent(), /^Imported the link: 20 errors/);
  smallLinkSearches = await searchesFor(page);
}, { hash: link(withUnknownMembers(10)), setup: countSearches });

formTest('a link with 30,000 problems loads with bounded work, lists at most 100, and typing still works', async (page) => {
  assert.match(await page.locator('#import-status').textContent(), /^Imported the link: [\d,]+ errors/);
  const searches = await searchesFor(page);
  assert.ok(smallLinkSearches !== undefined, 'the baseline test ran first');
  assert.ok(searches <= smallLinkSearches + 20, `${searches} document searches for 30,000 problems, ${smallLinkSearches} for 20`);
  // The summary says how many there are, and lists a bounded number.
  assert.ok(await page.locator('#summary-list li').count() <= 101);
  assert.match(await page.locator('#summary-list li.more').textContent(), /^…and [\d,]+ more problems/);
  // The Options slot shows a few and points to the summary for the rest.
  assert.equal(await slot(page, '/Options').locator('.diagnostic[data-code]').count(), 5);
  assert.match(await slot(page, '/Options').locator('.more').textContent(), /more problems here/);
  // The JSON pane shows a bounded number of lines; Copy and Download give all.
  assert.ok(await page.locator('#json-output .line').count() <= 501);
  assert.match(await page.locator('#json-output .line.note').textContent(), /more lines: Copy JSON or Download gives the whole request/);
  await enter(page, '/Name', 'still-typing');
  assert.equal(await control(page, '/Name').inputValue(), 'still-typing');
  assert.equal(await slot(page, '/Name').locator('.diagnostic').count(), 0);
  // Once loaded, the request is kept like any other.
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
  assert.equal(saved.Name, 'still-typing');
  assert.equal(Object.keys(saved).length, 15_004);
}, { hash: link(withUnknownMembers(15_000)), setup: countSearches });

/** The request a share link carries. */
const linked = async (page) => JSON.parse(Buffer.from(new URL(await page.locator('#share-url').inputValue()).hash.slice('#request='.length), 'base64url').toString('utf8'));

formTest('in a request that large, a keystroke paints at once and the page is validated when typing pauses', async (page) => {
  await page.locator('#copy-link').click(); // the link below follows every render
  // The page's timers from now on run only when the test says (install alone lets them run in real time).
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  await control(page, '/Name').focus();
  await page.keyboard.type('ab');
  assert.equal(await control(page, '/Name').inputValue(), 'ab');
  assert.equal((await linked(page)).Name, undefined, 'not yet validated and rendered');
  await page.clock.runFor(200);
  assert.equal((await linked(page)).Name, 'ab', 'brought up to date after the pause');
  // Leaving the field brings it up to date at once.
  await page.keyboard.type('c');
  await control(page, '/Name').blur();
  assert.equal((await linked(page)).Name, 'abc');
}, { hash: link(withUnknownMembers(15_000)), contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

formTest('5,000 tags with lone-surrogate keys: at most 100 rows, and one click keeps the first 50', async (page) => {
  await openAllSections(page);
  assert.equal(await page.locator('[data-group="/Tags"] .row').count(), 100);
  assert.match(await page.locator('[data-group="/Tags"] .list-overflow').textContent(), /^Showing the first 100 of 5,000 tags; the others are kept in the request JSON\./);
  await page.getByRole('button', { name: 'Remove the 4,950 tags beyond 50' }).click();
  assert.equal((await jsonOutput(page)).Tags.length, 50);
  assert.equal(await page.locator('[data-group="/Tags"] .row').count(), 50);
  assert.equal(await page.locator('[data-group="/Tags"] .list-overflow').isHidden(), true);
  assert.equal(await slot(page, '/Tags').locator('[data-code="list/too-many-items"]').count(), 0);
}, { hash: link({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Tags: Array.from({ length: 5000 }, (_, i) => ({ Key: `\udc00${i}`, Value: 'v' })) }) });

formTest('a link that did not finish loading on the last visit is not kept; the request saved before it is', async (page) => {
  // What a tab closed on a frozen load leaves behind: the marker, and the request saved before the load.
  await page.evaluate(([storage, loading]) => {
    localStorage.setItem(storage, JSON.stringify({ Name: 'before-the-link' }));
    localStorage.setItem(loading, 'link');
  }, [STORAGE_KEY, LOADING_KEY]);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await page.locator('#import-status').textContent(), 'The link or import opened on your last visit did not finish loading, so it was not kept.');
  assert.equal(await control(page, '/Name').inputValue(), 'before-the-link');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LOADING_KEY), null);
});

formTest('a saved request that did not finish loading is removed, so the next visit starts clean', async (page) => {
  await page.evaluate(([storage, loading]) => {
    localStorage.setItem(storage, JSON.stringify({ Name: 'froze-last-time' }));
    localStorage.setItem(loading, 'saved');
  }, [STORAGE_KEY, LOADING_KEY]);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await page.locator('#import-status').textContent(), 'The request saved on your last visit did not finish loading, so it was removed.');
  assert.deepEqual(await jsonOutput(page), {});
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), '{}');
});

formTest('while a link loads the marker is set and the previous request stays saved; both are settled once it has loaded', async (page) => {
  await enter(page, '/Name', 'previous');
  // Look at storage from inside the load: validate() runs while the link's request is being rendered.
  const during = await page.evaluate(async ([storage, loading]) => {
    const seen = [];
    const original = JSON.stringify;
    JSON.stringify = function spy(...args) {
      if (seen.length === 0 && args[0]?.Name === 'from-the-link') seen.push([localStorage.getItem(loading), localStorage.getItem(storage)]);
      return original.apply(this, args);
    };
    location.hash = 'request=' + btoa(original({ Name: 'from-the-link' })).replace(/=+$/, '');
    await new Promise((resolve) => { window.addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true }); });
    JSON.stringify = original;
    return seen[0];
  }, [STORAGE_KEY, LOADING_KEY]);
  assert.equal(during[0], 'link');
  assert.equal(JSON.parse(during[1]).Name, 'previous');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LOADING_KEY), null);
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).Name, 'from-the-link');
});

const deepAndLarge = `{"Name":"${'x'.repeat(300_000)}","Options":${'{"Options":'.repeat(100)}{}${'}'.repeat(100)}}`;

formTest('a large link (over 256 KB, validated once, when rendered) nested too deeply is still refused', async (page) => {
  assert.match(await page.locator('#import-status').textContent(), /^Not imported: the link nests objects or arrays too deeply/);
  assert.deepEqual(await jsonOutput(page), {});
}, { hash: `#request=${Buffer.from(deepAndLarge).toString('base64url')}` });
