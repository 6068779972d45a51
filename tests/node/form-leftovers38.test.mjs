// The web form's leftovers from session 37 (form38): www/app.js split by
// concern; the Locations step for every operation; Undo after a link gives back
// everything the link changed; a typed number this browser changes is said;
// two tabs of the form are told when one saves over the other's request.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE, repoRoot } from './helpers.mjs';
import {
  assertClean, codesAt, control, enter, formTest, importPasted, jsonOutput, openForm, useBrowser, waitReady,
} from './form-harness.mjs';

const harness = useBrowser();

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const OTHER_TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0fedcba9876543210';
const OTHER_SOURCE = 'arn:aws:datasync:eu-west-1:444455556666:location/loc-11111111111111111';
const OTHER_DESTINATION = 'arn:aws:datasync:eu-west-1:444455556666:location/loc-22222222222222222';
/** A DescribeTask response, reduced to what the rules read (what the form keeps of it). */
const TASK = { TaskArn: TASK_ARN, TaskMode: 'BASIC', SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
const POSIX = ['locations/posix-between-object-stores'];
const REQUEST_KEY = 'datasync-task-validator/form/request';

const typeOf = (page, which) => page.getByLabel(`${which} location type`, { exact: true });
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const savedRequest = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), REQUEST_KEY);

async function useTaskText(page, task) {
  await page.locator('#task-text').fill(JSON.stringify(task));
  await page.getByRole('button', { name: 'Use this task' }).click();
}

// ---------------------------------------------------------------------------
// 1. The split.
// ---------------------------------------------------------------------------

/** www/'s modules and the modules each imports from www/. */
function moduleGraph() {
  const folder = join(repoRoot, 'www');
  const graph = new Map();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(folder, file), 'utf8');
    graph.set(file, [...text.matchAll(/^import [^;]*? from '\.\/([\w-]+\.js)';/gms)].map((m) => m[1]));
  }
  return graph;
}

// On 6217844 app.js held all of it (1,006 lines): there was no undo.js, link.js or operation-step.js.
test('app.js is split: the operation, link and undo logic have modules of their own, imports have no cycle, and index.html preloads every module', () => {
  const graph = moduleGraph();
  for (const module of ['undo.js', 'link.js', 'operation-step.js', 'operation.js', 'render.js', 'check.js']) assert.ok(graph.has(module), module);
  const app = readFileSync(join(repoRoot, 'www/app.js'), 'utf8');
  for (const name of ['undo', 'offerUndo', 'snapshot', 'setOperation', 'useTask', 'linkLocations', 'takeFragment', 'shareUrl', 'render']) {
    assert.doesNotMatch(app, new RegExp(`^(export )?(async )?function ${name}\\(`, 'm'), `${name} is defined in app.js`);
  }
  assert.ok(app.split('\n').length < 700, `app.js has ${app.split('\n').length} lines`);
  // No cycle: a module is evaluated after everything it imports, and nothing waits on a half-evaluated one.
  const state = new Map();
  const visit = (file, path) => {
    if (state.get(file) === 'done') return;
    assert.notEqual(state.get(file), 'open', `import cycle: ${[...path, file].join(' -> ')}`);
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  visit('app.js', []);
  assert.deepEqual([...graph.keys()].filter((file) => state.get(file) !== 'done'), [], 'modules app.js never imports');
  const html = readFileSync(join(repoRoot, 'www/index.html'), 'utf8');
  for (const file of graph.keys()) {
    if (file !== 'app.js') assert.match(html, new RegExp(`<link rel="modulepreload" href="${file.replace('.', '\\.')}">`), `${file} is not preloaded`);
  }
});

// ---------------------------------------------------------------------------
// 2. The Locations step for every operation.
// ---------------------------------------------------------------------------

// On 6217844 UpdateTask and StartTaskExecution had no Locations step (the types could be given only as
// CreateTask, then switching): the selects below did not exist.
formTest('UpdateTask and StartTaskExecution have the Locations step: it describes the task\'s two ends', async (page) => {
  await page.locator('#operation').selectOption('UpdateTask');
  const arnLine = (which) => page.locator(`[data-location-arn="${which}"]`);
  assert.equal(await arnLine('source').textContent(), 'The task\'s source location: not known until the task is given (above).');
  await useTaskText(page, TASK);
  assert.equal(await arnLine('source').textContent(), `The task's source location: ${SOURCE}`);
  assert.equal(await arnLine('destination').textContent(), `The task's destination location: ${DESTINATION}`);
  await typeOf(page, 'Source').selectOption('S3');
  await typeOf(page, 'Destination').selectOption('S3');
  await control(page, '/Options/Uid').selectOption('INT_VALUE');
  assert.deepEqual(await codesAt(page, '/Options/Uid'), POSIX);
  // The form's verdict is validate()'s with the same context.
  const locations = [{ LocationArn: SOURCE, type: 'S3' }, { LocationArn: DESTINATION, type: 'S3' }];
  const expected = validate(await jsonOutput(page), { operation: 'UpdateTask', task: TASK, locations });
  assert.deepEqual(expected.errors.map((d) => `${d.code} ${d.path}`), ['locations/posix-between-object-stores /Options/Uid']);
  // A run of the same task: the step keeps the ends (they are the task's), and the rule judges the overrides.
  await page.locator('#operation').selectOption('StartTaskExecution');
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  await control(page, '/OverrideOptions/Uid').selectOption('INT_VALUE');
  assert.deepEqual(await codesAt(page, '/OverrideOptions/Uid'), POSIX);
  // Back to CreateTask: the ends are the request's again (it has no ARNs), so nothing is described.
  await page.locator('#operation').selectOption('CreateTask');
  assert.equal(await arnLine('source').isVisible(), false);
});

formTest('pasted locations describe the task\'s ends in UpdateTask, also when the task is given after them', async (page) => {
  await page.locator('#operation').selectOption('StartTaskExecution');
  await page.locator('#locations-text').fill(JSON.stringify({ Locations: [
    { LocationArn: SOURCE, LocationUri: 's3://source-bucket/' }, { LocationArn: DESTINATION, LocationUri: 'efs://us-east-1.fs-0123456789abcdef0/' },
  ] }));
  await page.getByRole('button', { name: 'Use these locations' }).click();
  assert.equal(await typeOf(page, 'Source').inputValue(), '', 'no task yet: no end to describe');
  await useTaskText(page, TASK);
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'EFS');
  assert.match(await page.locator('[data-location-from="destination"]').textContent(), /^From the pasted locations: efs:\/\//);
});

// ---------------------------------------------------------------------------
// 3. Undo after a link.
// ---------------------------------------------------------------------------

// On 6217844 Undo brought the request back but left the link's operation (StartTaskExecution) and task.
formTest('Undo after opening a link gives back the request, the operation, the task and the Locations step the page had', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'mine' }));
  await typeOf(page, 'Source').selectOption('S3');
  await typeOf(page, 'Destination').selectOption('EFS');
  const linkTask = { TaskArn: OTHER_TASK, TaskMode: 'ENHANCED', SourceLocationArn: OTHER_SOURCE, DestinationLocationArn: OTHER_DESTINATION };
  const hash = `#request=${b64({ TaskArn: OTHER_TASK })}&operation=StartTaskExecution&task=${b64(linkTask)}&locations=${b64([{ LocationArn: OTHER_SOURCE, type: 'NFS' }])}`;
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction(() => document.querySelector('#operation').value === 'StartTaskExecution');
  await page.locator('#import-status').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('#operation').inputValue(), 'CreateTask');
  assert.equal(await page.locator('h1').textContent(), 'DataSync CreateTask request builder');
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'mine' });
  assert.equal(await typeOf(page, 'Source').inputValue(), 'S3');
  assert.equal(await typeOf(page, 'Destination').inputValue(), 'EFS');
  assert.equal(await page.locator('#task-step').isVisible(), false);
  // Kept for the next visit as it is now, not as the link left it.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#operation').inputValue(), 'CreateTask');
  assert.equal(await control(page, '/Name').inputValue(), 'mine');
  // From an update with its task, an old (CreateTask) link, then Undo: the update and its task are back.
  await page.locator('#operation').selectOption('UpdateTask');
  await useTaskText(page, TASK);
  await enter(page, '/Name', 'renamed');
  await page.evaluate((h) => { location.hash = h; }, `#request=${b64({ SourceLocationArn: OTHER_SOURCE, DestinationLocationArn: OTHER_DESTINATION })}`);
  await page.waitForFunction(() => document.querySelector('#operation').value === 'CreateTask');
  await page.locator('#import-status').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('#operation').inputValue(), 'UpdateTask');
  assert.equal(await page.locator('#task-current').textContent(), `Task ${TASK_ARN} (Basic mode): what the request omits keeps its settings.`);
  assert.deepEqual(await jsonOutput(page), { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'renamed', TaskArn: TASK_ARN });
});

// ---------------------------------------------------------------------------
// 4. A typed number this browser changes.
// ---------------------------------------------------------------------------

const withoutRawJSON = { setup: (page, context) => context.addInitScript(() => { delete JSON.rawJSON; delete JSON.isRawJSON; }) };

// On 6217844 `1.0` silently became 1 there: no note, and "No problems found" where validate(text) has an error.
formTest('without JSON.rawJSON, a typed 1.0 or 1e3 is said under the box, with the validator\'s verdict on it as typed', async (page) => {
  assert.equal(await page.evaluate(() => typeof JSON.rawJSON), 'undefined');
  const pointer = '/Options/BytesPerSecond';
  const note = page.locator(`[data-number-note="${pointer}"]`);
  await enter(page, pointer, '1.0');
  assert.equal(await note.textContent(), 'This browser reads 1.0 as 1 (it has no JSON.rawJSON), so the request holds 1. As typed, the validator says: BytesPerSecond must be an integer, but it is the number 1.0.');
  assert.ok(await note.isVisible());
  assert.equal(await note.getAttribute('class'), 'number-note problem');
  assert.ok((await control(page, pointer).getAttribute('aria-describedby')).split(' ').includes(await note.getAttribute('id')));
  await enter(page, pointer, '1e3');
  assert.match(await note.textContent(), /^This browser reads 1e3 as 1000 .* As typed, the validator says: BytesPerSecond must be an integer, but it is the number 1e3\.$/);
  // A number a double changes but the validator takes as typed: said, not as a problem.
  await enter(page, pointer, '9007199254740993');
  assert.equal(await note.textContent(), 'This browser reads 9007199254740993 as 9007199254740992 (it has no JSON.rawJSON), so the request holds 9007199254740992.');
  assert.equal(await note.getAttribute('class'), 'number-note');
  await enter(page, pointer, '1000');
  assert.equal(await note.isVisible(), false);
  // A value put in the box by an import replaces the typed text, and the note with it.
  await enter(page, pointer, '1.0');
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Options: { BytesPerSecond: 5 } }));
  assert.equal(await note.isVisible(), false);
}, withoutRawJSON);

formTest('with JSON.rawJSON a typed 1.0 is kept as written: no note, and the field has the validator\'s error', async (page) => {
  await enter(page, '/Options/BytesPerSecond', '1.0');
  assert.equal(await page.locator('[data-number-note="/Options/BytesPerSecond"]').isVisible(), false);
  assert.deepEqual(await codesAt(page, '/Options/BytesPerSecond'), ['value/wrong-type']);
});

// ---------------------------------------------------------------------------
// 5. Two tabs.
// ---------------------------------------------------------------------------

// hunt37f #20. On 6217844 tab A was told nothing when tab B saved over its request (and a reload of A showed B's).
test('two tabs: the one whose request another tab saves over is told, and can keep its own or open the other (with Undo)', async () => {
  const session = await openForm();
  const a = session.page;
  const b = await session.context.newPage();
  try {
    await enter(a, '/Name', 'tab-A-work');
    await b.goto(harness.formUrl);
    await waitReady(b);
    assert.equal(await control(b, '/Name').inputValue(), 'tab-A-work', 'a new tab starts from the saved request');
    await enter(b, '/Name', 'tab-B-work');
    const notice = a.locator('#other-tab');
    await notice.waitFor();
    assert.equal(await notice.textContent(), 'Another tab of this form saved its request over this one: a reload, here or in a new tab, would now show that one. Keep this tab\'s request Open the other tab\'s request');
    assert.equal(await control(a, '/Name').inputValue(), 'tab-A-work', 'nothing is replaced without the user\'s say');
    await a.getByRole('button', { name: 'Keep this tab\'s request' }).click();
    assert.equal((await savedRequest(a)).Name, 'tab-A-work');
    assert.equal(await a.locator('#output-status').textContent(), 'This tab\'s request is the saved one again: a reload shows it.');
    // Now B is the one told; it opens A's request, and Undo gives its own back.
    await b.locator('#other-tab').waitFor();
    await b.getByRole('button', { name: 'Open the other tab\'s request' }).click();
    assert.equal(await control(b, '/Name').inputValue(), 'tab-A-work');
    await b.locator('#import-status').getByRole('button', { name: 'Undo' }).click();
    assert.equal(await control(b, '/Name').inputValue(), 'tab-B-work');
    // Another operation chosen in one tab is news to the other too (a reload would show it).
    await a.locator('#operation').selectOption('UpdateTask');
    await b.locator('#other-tab').waitFor();
    await b.getByRole('button', { name: 'Open the other tab\'s request' }).click();
    assert.equal(await b.locator('#operation').inputValue(), 'UpdateTask');
    assert.equal(await control(b, '/Name').inputValue(), 'tab-A-work');
    assertClean(session);
  } finally {
    await session.context.close();
  }
});

// ---------------------------------------------------------------------------
// 6. Choices a task mode refuses (hunt37f #22).
// ---------------------------------------------------------------------------

/** Every select's choices that say a mode refuses them: "pointer value label". */
const markedChoices = (page) => page.$$eval('select[name^="/"] option', (options) => options
  .filter((option) => / \((Basic|Enhanced) only\)$/.test(option.textContent))
  .map((option) => `${option.parentElement.name} ${option.value} ${option.textContent}`));

// On 6217844 the selects listed these like any other choice, and choosing one gave an error.
formTest('a choice the task mode refuses says so, as the validator decides it: Enhanced mode\'s VerifyMode and Mtime', async (page) => {
  assert.deepEqual(await markedChoices(page), [], 'Basic mode (the default) refuses no choice');
  await control(page, '/TaskMode').selectOption('ENHANCED');
  assert.deepEqual(await markedChoices(page), [
    '/Options/VerifyMode POINT_IN_TIME_CONSISTENT Verify all data (Basic only)',
    '/Options/Mtime NONE Don\'t copy (Basic only)',
  ]);
  // The marks are the validator's: each marked choice is an error in Enhanced mode only.
  for (const [pointer, value] of [['/Options/VerifyMode', 'POINT_IN_TIME_CONSISTENT'], ['/Options/Mtime', 'NONE']]) {
    const member = pointer.split('/')[2];
    const codes = (mode) => validate({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: mode, Options: { [member]: value } })
      .errors.filter((d) => d.path === pointer).map((d) => d.code);
    assert.ok(codes('ENHANCED').some((code) => !codes('BASIC').includes(code)), `${pointer} ${value}`);
  }
  // For an update, the task's mode decides.
  await control(page, '/TaskMode').selectOption('');
  await page.locator('#operation').selectOption('UpdateTask');
  assert.deepEqual(await markedChoices(page), [], 'no task: no mode known');
  await useTaskText(page, { ...TASK, TaskMode: 'ENHANCED' });
  assert.deepEqual((await markedChoices(page)).map((line) => line.split(' ').slice(0, 2).join(' ')), ['/Options/VerifyMode POINT_IN_TIME_CONSISTENT', '/Options/Mtime NONE']);
});
