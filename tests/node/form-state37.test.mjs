// The form's state across requests (hunt37f): what the Locations step knows
// belongs to the ARNs it was given for, so Clear form, an import, a link or a
// newly typed ARN never judges a new request with the old request's locations;
// links carry the Locations step; imports and links that replace work offer
// Undo; and the verdict of an imported text is the validator's verdict on that
// text, whatever the browser.
import assert from 'node:assert/strict';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { codesAt, control, enter, formTest, importPasted, jsonOutput, summaryStatus, useBrowser } from './form-harness.mjs';

useBrowser();

const OTHER_SOURCE = 'arn:aws:datasync:eu-west-1:444455556666:location/loc-11111111111111111';
const OTHER_DESTINATION = 'arn:aws:datasync:eu-west-1:444455556666:location/loc-22222222222222222';
const typeOf = (page, which) => page.getByLabel(`${which} location type`, { exact: true });
const POSIX = ['locations/posix-between-object-stores'];

/** The request of hunt37f #3/#4: Uid INT_VALUE between two ARNs, both chosen as Amazon S3 by hand. */
async function s3ToS3(page) {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { Uid: 'INT_VALUE' } }));
  await typeOf(page, 'Source').selectOption('S3');
  await typeOf(page, 'Destination').selectOption('S3');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), POSIX);
}

// hunt37f #4: before, the types stayed S3/S3 after Clear form, and the new ARNs got the posix error.
formTest('Clear form clears the Locations step too, and Undo brings it back', async (page) => {
  await s3ToS3(page);
  await page.locator('#clear-form').click();
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  assert.equal(await typeOf(page, 'Destination').inputValue(), '');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'S3');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), POSIX);
  // Cleared again, a new request for two other locations is judged without them.
  await page.locator('#clear-form').click();
  await enter(page, '/SourceLocationArn', OTHER_SOURCE);
  await enter(page, '/DestinationLocationArn', OTHER_DESTINATION);
  await control(page, '/Options/Uid').selectOption('INT_VALUE');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), []);
  assert.match(await summaryStatus(page), /^No problems found/);
});

// hunt37f #4 (and its t28): before, the import was refused with the posix error about locations nobody described.
formTest('an import with other ARNs does not inherit the types chosen for the old ones; with the same ARNs it keeps them', async (page) => {
  await s3ToS3(page);
  await importPasted(page, JSON.stringify({ SourceLocationArn: OTHER_SOURCE, DestinationLocationArn: OTHER_DESTINATION, Options: { PosixPermissions: 'PRESERVE' } }));
  assert.match(await page.locator('#import-status').textContent(), /^Imported the pasted text: no problems found\./);
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  assert.equal(await typeOf(page, 'Destination').inputValue(), '');
  await s3ToS3(page);
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { PosixPermissions: 'PRESERVE' } }));
  assert.deepEqual(await codesAt(page, '/Options/PosixPermissions'), POSIX, 'the same locations are still S3 to S3');
});

// hunt37f #4, typed: before, the source stayed S3 for any ARN typed into the field.
formTest('a typed ARN does not inherit the type chosen for another; retyping that ARN brings it back', async (page) => {
  await s3ToS3(page);
  await enter(page, '/SourceLocationArn', OTHER_SOURCE);
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), []);
  await enter(page, '/SourceLocationArn', SOURCE);
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), POSIX);
  // A type chosen before any ARN is the ARN's typed next, and stays with it.
  await page.locator('#clear-form').click();
  await typeOf(page, 'Source').selectOption('S3');
  await typeOf(page, 'Destination').selectOption('S3');
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  await control(page, '/Options/Uid').selectOption('INT_VALUE');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), POSIX);
  await enter(page, '/DestinationLocationArn', OTHER_DESTINATION);
  assert.deepEqual(await codesAt(page, '/Options/Uid'), []);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  assert.equal(await typeOf(page, 'Destination').inputValue(), '');
  await enter(page, '/DestinationLocationArn', DESTINATION);
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'S3', 'kept across the reload for its ARN');
});

// hunt37f #16: before, the labels said "Don't copy" (S3 to S3) while the pane (applyDefaults) had INT_VALUE.
formTest('types chosen before the ARNs change no label, note or default until the ARNs are given', async (page) => {
  await typeOf(page, 'Source').selectOption('S3');
  await typeOf(page, 'Destination').selectOption('S3');
  await page.getByLabel('Show with defaults applied').check();
  assert.equal(await control(page, '/Options/Uid').evaluate((e) => e.options[0].textContent), 'Default: Copy the numeric ID');
  assert.equal((await jsonOutput(page)).Options.Uid, 'INT_VALUE');
  assert.equal(await page.locator('.field.inapplicable').count(), 0);
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  assert.equal(await control(page, '/Options/Uid').evaluate((e) => e.options[0].textContent), "Default for these locations: Don't copy");
  assert.equal((await jsonOutput(page)).Options.Uid, 'NONE');
  // One ARN for both ends: the validator reads one location (the source's type), and so do the labels.
  await enter(page, '/DestinationLocationArn', SOURCE);
  await typeOf(page, 'Destination').selectOption('NFS');
  assert.equal((await jsonOutput(page)).Options.Uid, 'NONE');
  assert.equal(await control(page, '/Options/Uid').evaluate((e) => e.options[0].textContent), "Default for these locations: Don't copy");
});


const linkTo = (request) => `#request=${Buffer.from(JSON.stringify(request)).toString('base64url')}`;

// hunt37f #3: before, the recipient's page said "No problems found" (the link had no Locations step).
formTest('Copy link carries the Locations step: the recipient\'s verdict is the sender\'s', async (page, session) => {
  await s3ToS3(page);
  await page.getByLabel('Destination S3 storage class').selectOption('GLACIER');
  const sender = await page.$$eval('#summary-list > li[data-code]', (items) => items.map((item) => item.dataset.code));
  await page.locator('#copy-link').click();
  const link = await page.locator('#share-url').inputValue();
  assert.match(new URL(link).hash, /^#request=[\w-]+&locations=[\w-]+$/);
  const other = await session.context.browser().newContext();
  try {
    const tab = await other.newPage();
    await tab.goto(link);
    await tab.waitForSelector('body[data-state="ready"]');
    assert.deepEqual(await tab.$$eval('#summary-list > li[data-code]', (items) => items.map((item) => item.dataset.code)), sender);
    assert.ok(sender.includes('locations/posix-between-object-stores'));
    assert.equal(await typeOf(tab, 'Source').inputValue(), 'S3');
    assert.equal(await tab.getByLabel('Destination S3 storage class').inputValue(), 'GLACIER');
    assert.equal(new URL(tab.url()).hash, '');
  } finally {
    await other.close();
  }
}, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

formTest('a link\'s location descriptions are checked as a paste is: a bad one is not used, and the request still opens', async (page) => {
  const bad = Buffer.from(JSON.stringify([{ LocationArn: SOURCE, type: 'NEW_KIND' }, { LocationArn: DESTINATION, type: 'S3' }])).toString('base64url');
  await page.evaluate((hash) => { location.hash = hash; }, `${linkTo({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION })}&locations=${bad}`);
  await page.locator('#import-status[data-imported]').waitFor();
  assert.equal(await typeOf(page, 'Source').inputValue(), '');
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'S3');
  await page.evaluate((hash) => { location.hash = hash; }, `${linkTo({ SourceLocationArn: SOURCE, Name: 'second' })}&locations=%%%`);
  await page.waitForFunction(() => document.querySelector('[name="/Name"]').value === 'second');
  assert.match(await page.locator('#import-status').textContent(), /Note: the link's location descriptions are damaged, so no location rule uses them\./);
});

// hunt37f #8: before, no Undo was offered and the work in progress was gone (saved over).
formTest('an import or a link that replaces a request being built offers Undo; into an empty form it does not', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE }));
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0, 'nothing was replaced');
  await enter(page, '/Name', 'my-work-in-progress');
  await importPasted(page, JSON.stringify({ SourceLocationArn: OTHER_SOURCE, Name: 'pasted' }));
  assert.equal(await page.locator('#import-status').textContent(), 'Imported the pasted text: 1 error, listed under Problems. It replaced the request you had. Undo');
  await page.locator('#import-status').getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, Name: 'my-work-in-progress' });
  assert.equal(await page.locator('#import-status').textContent(), 'The request is back as it was before the import.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-text');
  // A link opened in the same tab, then Undo: the work is back, and kept for the next visit.
  await page.evaluate((hash) => { location.hash = hash; }, linkTo({ SourceLocationArn: SOURCE, Name: 'from-a-colleague' }));
  await page.waitForFunction(() => document.querySelector('[name="/Name"]').value === 'from-a-colleague');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await control(page, '/Name').inputValue(), 'my-work-in-progress');
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await control(page, '/Name').inputValue(), 'my-work-in-progress');
});

// hunt37f #9: before, "not valid JSON (line 1, column 1)" about text the user never saw, and the link was gone.
formTest('a damaged or cut link is refused in words about the link, and stays in the address bar', async (page) => {
  const good = linkTo({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  for (const hash of ['#request=%%%', good.slice(0, 37), '#request=']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction((h) => location.hash === h && document.getElementById('import-status').textContent.startsWith('Not imported'), hash);
    assert.equal(await page.locator('#import-status').textContent(), 'Not imported: the link is damaged or cut short. It does not hold a whole request; ask for the link again.');
    assert.deepEqual(await jsonOutput(page), {});
    await page.evaluate(() => { document.getElementById('import-status').textContent = ''; });
  }
});

const REQUEST_TEXT = JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'cafe' });

/** Chooses a file for Import and waits for the status to say what became of it. */
async function chooseFile(page, name, buffer) {
  await page.evaluate(() => { document.getElementById('import-status').textContent = ''; });
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.waitForFunction(() => document.getElementById('import-status').textContent !== '');
  return page.locator('#import-status').textContent();
}

// hunt37f #13: before, the UTF-8 BOM and UTF-16 files were "Imported …: no problems found" and the Latin-1 one got a U+FFFD.
formTest('a file is read as the command line reads it: a byte order mark is the AWS CLI\'s refusal, UTF-16 and Latin-1 are not UTF-8', async (page) => {
  assert.equal(await chooseFile(page, 'u8bom.json', Buffer.from(`\ufeff${REQUEST_TEXT}`)), 'Imported the file “u8bom.json”, but the AWS CLI refuses the file itself: it starts with a byte order mark (U+FEFF), which --cli-input-json does not skip; save it as UTF-8 without one (Download gives the request without it). The request in it: no problems found.');
  assert.equal(await page.locator('#import-status').getAttribute('class'), 'import-status error');
  assert.equal((await jsonOutput(page)).Name, 'cafe');
  await page.locator('#clear-form').click();
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REQUEST_TEXT, 'utf16le')]);
  assert.equal(await chooseFile(page, 'u16.json', utf16), 'Not imported: the file “u16.json” is not UTF-8 text (an invalid byte at offset 0); save it as UTF-8, as the AWS CLI reads it.');
  assert.deepEqual(await jsonOutput(page), {});
  // Latin-1 "café", after a real U+FFFD (which is not taken for the bad byte).
  const [head, tail] = REQUEST_TEXT.split('cafe');
  const latin1 = Buffer.concat([Buffer.from(`${head}\ufffd`), Buffer.from('caf\u00e9', 'latin1'), Buffer.from(tail)]);
  assert.equal(await chooseFile(page, 'latin1.json', latin1), `Not imported: the file “latin1.json” is not UTF-8 text (an invalid byte at offset ${latin1.indexOf(0xe9)}); save it as UTF-8, as the AWS CLI reads it.`);
  // A UTF-8 file without a mark imports as before.
  assert.equal(await chooseFile(page, 'clean.json', Buffer.from(REQUEST_TEXT)), 'Imported the file “clean.json”: no problems found.');
});

const NUMBERS = `{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}","Options":{"BytesPerSecond":1.0}}`;

// hunt37f #14: before, a browser without JSON.rawJSON said "Imported the pasted text: no problems found."
formTest('without JSON.rawJSON, an import says the browser changed a number and gives the text\'s own verdict', async (page) => {
  assert.equal(await page.evaluate(() => typeof JSON.rawJSON), 'undefined');
  await importPasted(page, NUMBERS);
  const status = page.locator('#import-status');
  assert.match(await status.textContent(), /^Imported the pasted text: no problems found\. This browser changed numbers in it: without JSON\.rawJSON it reads a number such as 1\.0, 1e3 or one beyond 2\^53 as the nearest plain number, so the form cannot show what the text as written has: .*BytesPerSecond.*1\.0.* \(Chrome and Edge 114\+, Firefox 135\+ and Safari 18\.4\+ keep numbers as written\.\)$/);
  assert.equal(await status.getAttribute('class'), 'import-status error');
}, { setup: (page, context) => context.addInitScript(() => { delete JSON.rawJSON; delete JSON.isRawJSON; }) });

formTest('with JSON.rawJSON the form itself judges the number as written', async (page) => {
  await importPasted(page, NUMBERS);
  assert.equal(await page.locator('#import-status').textContent(), 'Imported the pasted text: 1 error, listed under Problems.');
  assert.deepEqual(await codesAt(page, '/Options/BytesPerSecond'), ['value/wrong-type']);
});

// hunt37f #12: before, "" and null showed "Default: Verify all data" selected, so choosing the default changed nothing.
formTest('an imported "", null, list or object shows as not allowed, and choosing the default removes it', async (page) => {
  const selected = (pointer) => control(page, pointer).evaluate((select) => select.selectedOptions[0].textContent);
  for (const [value, label] of [['', '"" (not allowed)'], [null, 'null (not allowed)'], [[], '[] (not allowed)'], [{}, '{} (not allowed)']]) {
    await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { VerifyMode: value } }));
    assert.equal(await selected('/Options/VerifyMode'), label);
    const note = await control(page, '/Options/VerifyMode').evaluate((select) => select.parentElement.querySelector(':scope > .choice-note').textContent);
    assert.equal(note, '', 'no note about the default it does not hold');
    await control(page, '/Options/VerifyMode').selectOption({ index: 0 });
    assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
    assert.deepEqual(await codesAt(page, '/Options/VerifyMode'), []);
  }
  // A text box holding something it cannot show says what it holds.
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: null, Options: { BytesPerSecond: { a: 1 } }, Tags: [{ Key: ['a'] }] }));
  assert.equal(await control(page, '/Name').getAttribute('placeholder'), '(null: not allowed)');
  assert.equal(await control(page, '/Options/BytesPerSecond').getAttribute('placeholder'), '(an object: not allowed)');
  assert.equal(await control(page, '/Tags/0/Key').getAttribute('placeholder'), '(a list: not allowed)');
  assert.equal(await page.locator('details[data-section="Tags"]').evaluate((d) => d.open), true, 'its section is opened, as for any content');
  // Once the member holds something a box can show, the box's own placeholder is back.
  await page.locator('#clear-form').click();
  for (const pointer of ['/Name', '/Options/BytesPerSecond']) {
    assert.equal(await control(page, pointer).getAttribute('placeholder'), await control(page, pointer).getAttribute('data-placeholder'));
    assert.doesNotMatch(await control(page, pointer).getAttribute('placeholder'), /not allowed/);
  }
});

// hunt37f #6: before, the older request came back after a reload, without a word.
formTest('a request too large to keep removes the stale saved one and says so once', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'first' }));
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'second', Description: 'x'.repeat(300_000) }));
  const note = 'This request is too large for this browser to keep: it will be gone after a reload (Download keeps a copy).';
  assert.equal((await page.locator('#output-status').textContent()).trim(), note);
  await enter(page, '/Name', 'second-edited');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal((await page.locator('#output-status').textContent()).split(note).length - 1, 1, 'said once');
  assert.equal(await page.evaluate(() => localStorage.getItem('datasync-task-validator/form/request')), null);
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await control(page, '/Name').inputValue(), '', 'no older request comes back as if it were this one');
}, {
  // The browser's quota, made small: a value over 200,000 characters does not fit.
  setup: (page, context) => context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function limited(key, value) {
      if (String(value).length > 200_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }),
});

// hunt37f #10: before, "Read 1 location. Both ends of this task are described from them." for a paste with neither ARN,
// and a leading BOM was refused with the browser's JSON.parse message.
formTest('the Locations paste says what this paste described, and skips a byte order mark as Import does', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION }));
  const paste = async (text) => {
    await page.locator('#locations-text').fill(text);
    await page.getByRole('button', { name: 'Use these locations' }).click();
    return page.locator('#locations-status').textContent();
  };
  assert.equal(await paste(`\ufeff${JSON.stringify({ Locations: [{ LocationArn: SOURCE, LocationUri: 'nfs://h/p/' }, { LocationArn: DESTINATION, LocationUri: 's3://b/' }] })}`),
    'Read 2 locations. Both ends of this task are described from them.');
  assert.equal(await paste(JSON.stringify({ Locations: [{ LocationArn: OTHER_SOURCE, LocationUri: 's3://other/' }] })),
    'Read 1 location. Neither ARN of this task is among them yet: the ARN fields suggest them as you type.');
  assert.equal(await paste(JSON.stringify([{ LocationArn: SOURCE, type: 's3' }])),
    'No location was read. Location 1: type must be one of S3, S3_OUTPOSTS, EFS, NFS, SMB, HDFS, FSX_WINDOWS, FSX_LUSTRE, FSX_OPENZFS, FSX_ONTAP, OBJECT_STORAGE, AZURE_BLOB.');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'NFS', 'the ends keep what the first paste said');
});

// hunt37f #8 (also): before, "Remove" ("Remove it") threw the member's value away with no Undo.
formTest('"Remove" on an unknown member can be undone', async (page) => {
  const exclude = [{ FilterType: 'SIMPLE_PATTERN', Value: '/tmp|/cache' }];
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Exclude: exclude }));
  await page.locator('#summary-list li', { hasText: '/Exclude' }).getByRole('button', { name: 'Remove Exclude' }).click();
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });
  assert.equal(await page.locator('#output-status').textContent(), 'Removed "Exclude". Undo');
  await page.locator('#output-status').getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Exclude: exclude });
  assert.equal(await page.locator('#output-status').textContent(), 'The request is back as it was before removing "Exclude".');
});

// hunt37f #8 (also): before, "Add tag" replaced an imported Tags that was not a list, with no Undo.
formTest('"Add tag" over an imported Tags that is not a list can be undone', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Tags: 'team' }));
  await page.locator('details[data-section="Tags"]').evaluate((section) => { section.open = true; });
  await page.locator('[data-add-row="/Tags"]').click();
  assert.deepEqual((await jsonOutput(page)).Tags, [{}]);
  assert.equal(await page.locator('#output-status').textContent(), '"Tags" was not a list, and is one now. Undo');
  await page.locator('#output-status').getByRole('button', { name: 'Undo' }).click();
  assert.equal((await jsonOutput(page)).Tags, 'team');
  // A row added to no list is an edit like any other: nothing to undo, and Clear's Undo is gone.
  await page.locator('#clear-form').click();
  await page.locator('[data-add-row="/Tags"]').click();
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0);
});
