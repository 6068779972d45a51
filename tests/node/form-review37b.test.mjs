// The form review rev37b's findings on the operation and task (formop37) and
// the Locations step (form37a): a refused link changes nothing, the task is
// kept as the core reads it (a malformed log group stays unknown, Options only
// the listed values) and bounded wherever it comes from, a request with a
// stray location member is still a request, the NFS version is read where the
// core reads it, and the task line says when the request's TaskArn ("" too)
// is not the task's.
import assert from 'node:assert/strict';
import { validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE } from './helpers.mjs';
import { control, enter, formTest, importPasted, jsonOutput, openAllSections, useBrowser } from './form-harness.mjs';

useBrowser();

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
const OPERATION_KEY = 'datasync-task-validator/form/operation';
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const shownProblems = (page) => page.$$eval('#summary-list > li[data-code]', (items) => items.map((item) => `${item.dataset.code} ${item.querySelector('code.path').textContent}`));
const expectedProblems = (result) => [...result.errors, ...result.warnings].filter((d) => !d.code.startsWith('json/')).slice(0, 100)
  .map((d) => `${d.code} ${d.path || '(the whole request)'}`);
const savedOperation = (page) => page.evaluate((key) => localStorage.getItem(key), OPERATION_KEY);
/** Puts `value` under the operation key before the page's first load only (a reload reads what the page saved). */
const savedBeforeLoad = (value) => ({
  setup: (page, context) => context.addInitScript(([key, text]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(key, text);
  }, [OPERATION_KEY, JSON.stringify(value)]),
});

async function useTaskText(page, text) {
  await page.locator('#task-text').fill(text);
  await page.getByRole('button', { name: 'Use this task' }).click();
}

// #1. Before: the choice said UpdateTask, the summary gave the CreateTask verdict, and {operation: UpdateTask, task} was saved.
formTest('a link whose request is refused changes neither the operation nor the task, nor what is saved', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  const saved = await savedOperation(page);
  const shown = await shownProblems(page);
  const url = page.url().split('#')[0];
  const task = { TaskArn: TASK_ARN, TaskMode: 'ENHANCED' };
  for (const body of ['[1]', 'not JSON', JSON.stringify({ TaskArn: TASK_ARN, CreationTime: '2026-11-01T08:00:00.000Z' })]) {
    await page.evaluate(() => { document.querySelector('#import-status').className = 'import-status'; });
    await page.goto(`${url}#request=${b64(body)}&operation=UpdateTask&task=${b64(task)}`);
    await page.locator('#import-status.error').waitFor();
    assert.match(await page.locator('#import-status').textContent(), /^Not imported/, body);
    assert.equal(await page.locator('#operation').inputValue(), 'CreateTask', body);
    assert.equal(await page.locator('h1').textContent(), 'DataSync CreateTask request builder', body);
    assert.equal(await savedOperation(page), saved, body);
    assert.deepEqual(await shownProblems(page), shown, body);
  }
  // An imported link still brings its operation and task, and saves them.
  await page.goto(`${url}#request=${b64({ TaskArn: TASK_ARN })}&operation=UpdateTask&task=${b64(task)}`);
  await page.locator('#import-status[data-imported]').waitFor();
  assert.equal(await page.locator('#operation').inputValue(), 'UpdateTask');
  assert.deepEqual(JSON.parse(await savedOperation(page)), { operation: 'UpdateTask', task });
});

// #2. Before: logging/no-log-group /OverrideOptions/LogLevel (the log group was dropped, so "the task has none").
formTest('a task whose CloudWatchLogGroupArn is not a string has an unknown log group, as validate() reads it', async (page) => {
  await page.locator('#operation').selectOption('StartTaskExecution');
  const task = { TaskArn: TASK_ARN, Status: 'AVAILABLE', TaskMode: 'BASIC', CloudWatchLogGroupArn: { Arn: 'x' } };
  await useTaskText(page, JSON.stringify(task));
  await openAllSections(page);
  await control(page, '/OverrideOptions/LogLevel').selectOption('BASIC');
  const request = await jsonOutput(page);
  const expected = validate(request, { operation: 'StartTaskExecution', task });
  assert.deepEqual(expectedProblems(expected), []);
  assert.deepEqual(await shownProblems(page), []);
  // Without a log group at all, the warning is given, by both.
  await useTaskText(page, JSON.stringify({ ...task, CloudWatchLogGroupArn: null }));
  assert.deepEqual(await shownProblems(page), expectedProblems(validate(request, { operation: 'StartTaskExecution', task: { ...task, CloudWatchLogGroupArn: null } })));
  assert.deepEqual(await shownProblems(page), ['logging/no-log-group /OverrideOptions/LogLevel']);
});

// #3. Before: "Not imported: … is location output", and the form stayed empty.
formTest('a request with a stray Locations or LocationArn member is imported, with that member reported', async (page) => {
  for (const [extra, pointer] of [[{ Locations: [] }, '/Locations'], [{ LocationArn: SOURCE }, '/LocationArn']]) {
    const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Name: 'x', ...extra };
    await importPasted(page, JSON.stringify(request));
    assert.match(await page.locator('#import-status').textContent(), /^Imported the pasted text/, pointer);
    assert.deepEqual(await jsonOutput(page), request);
    assert.deepEqual(await shownProblems(page), expectedProblems(validate(request)));
    assert.ok((await shownProblems(page)).includes(`request/unknown-member ${pointer}`));
  }
});

// #4. Before: a 300 KB link task was used ("The task given is …") and saved whole; a 300 KB saved task was used.
formTest('a task in a link is bounded as a paste is: over 256 KB it is not used or saved', async (page) => {
  const url = page.url().split('#')[0];
  const task = { TaskArn: `${TASK_ARN}${'0'.repeat(300 * 1024)}`, TaskMode: 'ENHANCED' };
  await page.goto(`${url}#request=${b64({ TaskArn: TASK_ARN })}&operation=UpdateTask&task=${b64(task)}`);
  await page.locator('#import-status[data-imported]').waitFor();
  assert.equal(await page.locator('#operation').inputValue(), 'UpdateTask');
  assert.match(await page.locator('#task-current').textContent(), /^No task given/);
  assert.deepEqual(JSON.parse(await savedOperation(page)), { operation: 'UpdateTask', task: null });
});

formTest('a saved task over 256 KB is not restored', async (page) => {
  assert.equal(await page.locator('#operation').inputValue(), 'UpdateTask');
  assert.match(await page.locator('#task-current').textContent(), /^No task given/);
}, savedBeforeLoad({ operation: 'UpdateTask', task: { TaskArn: TASK_ARN, TaskMode: 'ENHANCED', Name: 'x'.repeat(300 * 1024) } }));

// #5. Before: SecretAccessKey, Anything and Atime "bogus" were saved and put in the link.
formTest('only the Options members and values the core reads from a task are kept, saved and linked', async (page) => {
  await page.locator('#operation').selectOption('UpdateTask');
  await useTaskText(page, JSON.stringify({
    TaskArn: TASK_ARN, Status: 'AVAILABLE', Options: { VerifyMode: 'NONE', Atime: 'bogus', BytesPerSecond: 100, SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG', Anything: 12 },
  }));
  const task = { TaskArn: TASK_ARN, Options: { VerifyMode: 'NONE' } };
  assert.deepEqual(JSON.parse(await savedOperation(page)), { operation: 'UpdateTask', task });
  await page.locator('#copy-link').click();
  const link = await page.locator('#share-url').inputValue();
  assert.deepEqual(JSON.parse(Buffer.from(new URLSearchParams(link.split('#')[1]).get('task'), 'base64url').toString()), task);
});

// #6. Before: "Task … (Enhanced mode): what the request omits keeps its settings."
formTest('a task saved with CreateTask is not used when the user then chooses UpdateTask', async (page) => {
  assert.equal(await page.locator('#operation').inputValue(), 'CreateTask');
  await page.locator('#operation').selectOption('UpdateTask');
  assert.match(await page.locator('#task-current').textContent(), /^No task given/);
}, savedBeforeLoad({ operation: 'CreateTask', task: { TaskArn: TASK_ARN, TaskMode: 'ENHANCED' } }));

// #7. Before: locations/nfs-version-needs-enhanced /TaskMode (the top-level MountOptions was read first).
formTest('the NFS version of a pasted location is read where the core reads it: under Protocol.NFS when there is one', async (page) => {
  await enter(page, '/SourceLocationArn', SOURCE);
  await enter(page, '/DestinationLocationArn', DESTINATION);
  const entry = { LocationArn: SOURCE, LocationUri: 'fsxz://us-east-1.fs-0123456789abcdef0/fsx/vol1/', MountOptions: { Version: 'NFS4_2' }, Protocol: { NFS: {} } };
  await page.locator('#locations-text').fill(JSON.stringify([entry]));
  await page.getByRole('button', { name: 'Use these locations' }).click();
  const request = await jsonOutput(page);
  assert.deepEqual(await shownProblems(page), expectedProblems(validate(request, { locations: [entry] })));
  assert.deepEqual(await shownProblems(page), []);
});

// #10. Before: "Task … (Enhanced mode): what the request omits keeps its settings." for "TaskArn": "".
formTest('the task line says the task is not used when the request\'s TaskArn is empty, as validate() does not use it', async (page) => {
  await page.locator('#operation').selectOption('UpdateTask');
  const task = { TaskArn: TASK_ARN, Status: 'AVAILABLE', TaskMode: 'ENHANCED' };
  await useTaskText(page, JSON.stringify(task));
  const request = { TaskArn: '', Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  await importPasted(page, JSON.stringify(request));
  assert.deepEqual(await shownProblems(page), expectedProblems(validate(request, { operation: 'UpdateTask', task })));
  assert.match(await page.locator('#task-current').textContent(), /not this request's: its settings are not used/);
});

// #8. Before: after UpdateTask -> CreateTask -> UpdateTask the line said "No task given" (the task was forgotten),
// and the rebuilt Locations step's "Use these locations" did nothing (its listener was on the first form's button).
formTest('the task survives a visit to CreateTask, and locations pasted there describe the task\'s ends back in UpdateTask', async (page) => {
  await page.locator('#operation').selectOption('UpdateTask');
  const task = { TaskArn: TASK_ARN, Status: 'AVAILABLE', TaskMode: 'BASIC', SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  await useTaskText(page, JSON.stringify(task));
  // Since form38 UpdateTask has a Locations step of its own (form-leftovers38); pasting in CreateTask's still works.
  assert.equal(await page.locator('#locations-text').count(), 1, 'UpdateTask has the Locations box too');
  await page.locator('#operation').selectOption('CreateTask');
  assert.deepEqual(JSON.parse(await savedOperation(page)), { operation: 'CreateTask', task: null }, 'not saved with CreateTask');
  const locations = [{ LocationArn: SOURCE, LocationUri: 's3://source-bucket/' }, { LocationArn: DESTINATION, LocationUri: 's3://destination-bucket/' }];
  await page.locator('#locations-text').fill(JSON.stringify(locations));
  await page.getByRole('button', { name: 'Use these locations' }).click();
  assert.match(await page.locator('#locations-status').textContent(), /^Read 2 locations\./, 'the rebuilt step\'s button works');
  await page.locator('#operation').selectOption('UpdateTask');
  assert.match(await page.locator('#task-current').textContent(), /^Task arn:\S+ \(Basic mode\): what the request omits keeps its settings\./);
  await openAllSections(page);
  await control(page, '/Options/Uid').selectOption('INT_VALUE');
  const expected = validate(await jsonOutput(page), { operation: 'UpdateTask', task, locations });
  assert.ok(expected.errors.some((d) => d.code === 'locations/posix-between-object-stores'));
  assert.deepEqual(await shownProblems(page), expectedProblems(expected));
});
