// The form builds UpdateTask and StartTaskExecution requests too (hunt37f #5):
// an operation choice rebuilds the form from fields({ operation }), a pasted
// DescribeTask response becomes validate()'s `task` option (checked by the
// validator itself, reduced to what the rules read), the choice is kept with
// the saved request and carried by a link, and Import recognises a
// DescribeTask response or location output instead of reporting it as a
// request. Also the Problems list's button names (#19), merged group names
// (#11) and rename fixes whose value has the wrong type (#21).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validate } from 'datasync-task-validator';
import { DESTINATION, SOURCE, repoRoot } from './helpers.mjs';
import {
  assertClean, axeViolations, control, enter, formTest, importPasted, jsonOutput, openAllSections, openForm, summaryStatus, useBrowser, waitReady,
} from './form-harness.mjs';

useBrowser();

const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';
/** A DescribeTask response as `aws datasync describe-task` prints it. */
const DESCRIBED = {
  TaskArn: TASK_ARN,
  Status: 'AVAILABLE',
  Name: 'nightly',
  SourceLocationArn: SOURCE,
  DestinationLocationArn: DESTINATION,
  CloudWatchLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/datasync:*',
  SourceNetworkInterfaceArns: ['arn:aws:ec2:us-east-1:111122223333:network-interface/eni-0123456789abcdef0'],
  DestinationNetworkInterfaceArns: [],
  Options: { VerifyMode: 'ONLY_FILES_TRANSFERRED', Atime: 'BEST_EFFORT', Mtime: 'PRESERVE', LogLevel: 'BASIC', BytesPerSecond: -1 },
  Excludes: [],
  ScheduleDetails: { StatusUpdateTime: '2026-11-01T08:00:00.000Z' },
  CreationTime: '2026-11-01T08:00:00.000Z',
  TaskMode: 'ENHANCED',
};

const shownProblems = (page) => page.$$eval('#summary-list > li[data-code]', (items) => items.map((item) => `${item.dataset.code} ${item.querySelector('code.path').textContent}`));
const expectedProblems = (result) => [...result.errors, ...result.warnings].filter((d) => !d.code.startsWith('json/')).slice(0, 100)
  .map((d) => `${d.code} ${d.path || '(the whole request)'}`);

async function useTaskText(page, text) {
  await page.locator('#task-text').fill(text);
  await page.getByRole('button', { name: 'Use this task' }).click();
}

/** Every UpdateTask and StartTaskExecution request file: [name, text, options]. */
function operationFiles() {
  const files = [];
  const folder = 'tests/fixtures/operations';
  for (const name of readdirSync(join(repoRoot, folder)).filter((f) => f.endsWith('.json') && !/\.(expected|options)\.json$/.test(f)).sort()) {
    const options = JSON.parse(readFileSync(join(repoRoot, folder, name.replace(/\.json$/, '.options.json')), 'utf8'));
    files.push([`${folder}/${name}`, readFileSync(join(repoRoot, folder, name), 'utf8'), options]);
  }
  files.push(['examples/start-task-execution.json', readFileSync(join(repoRoot, 'examples/start-task-execution.json'), 'utf8'), { operation: 'StartTaskExecution' }]);
  for (const dir of readdirSync(join(repoRoot, 'tests/real/requests')).sort()) {
    const { command = [] } = JSON.parse(readFileSync(join(repoRoot, 'tests/real/requests', dir, 'case.json'), 'utf8'));
    const at = command.indexOf('--operation');
    if (at === -1 || command[at + 1] === 'CreateTask') continue;
    for (const name of readdirSync(join(repoRoot, 'tests/real/requests', dir)).filter((f) => f.endsWith('.json') && f !== 'case.json')) {
      files.push([`tests/real/requests/${dir}/${name}`, readFileSync(join(repoRoot, 'tests/real/requests', dir, name), 'utf8'), { operation: command[at + 1] }]);
    }
  }
  return files;
}

test('for every UpdateTask and StartTaskExecution request file, the form\'s verdict is validate(request, { operation, task })', async () => {
  const session = await openForm();
  const { page } = session;
  try {
    let compared = 0;
    for (const [name, text, options] of operationFiles()) {
      await page.locator('#operation').selectOption(options.operation);
      if (options.task) await useTaskText(page, JSON.stringify(options.task));
      else await page.getByRole('button', { name: 'Forget the task' }).click();
      await importPasted(page, text);
      const result = validate(text, options);
      assert.deepEqual(await shownProblems(page), expectedProblems(result), name);
      const status = await summaryStatus(page);
      if (result.errors.length > 0) assert.match(status, /the service would reject this request\.$/, name);
      else assert.doesNotMatch(status, /reject/, name);
      compared += 1;
    }
    assert.ok(compared >= 20, `${compared} files compared`);
    // The files include verdicts that need the task: without it they would differ.
    const enhanced = operationFiles().find(([name]) => name.endsWith('update-task-enhanced.json'));
    assert.notDeepEqual(expectedProblems(validate(enhanced[1], enhanced[2])), expectedProblems(validate(enhanced[1], { operation: 'UpdateTask' })));
    assertClean(session);
  } finally {
    await session.context.close();
  }
});

formTest('the operation choice rebuilds the form from fields({ operation }): UpdateTask has the task\'s ARN, StartTaskExecution its OverrideOptions', async (page) => {
  assert.equal(await control(page, '/SourceLocationArn').count(), 1);
  assert.equal(await page.locator('#task-step').isHidden(), true, 'CreateTask needs no task');
  assert.equal(await page.locator('#operation-hint').isHidden(), true);
  await page.locator('#operation').selectOption('UpdateTask');
  assert.equal(await control(page, '/SourceLocationArn').count(), 0);
  assert.equal(await control(page, '/TaskArn').count(), 1);
  assert.equal(await page.locator('#task-step').isVisible(), true);
  assert.equal(await page.locator('h1').textContent(), 'DataSync UpdateTask request builder');
  assert.equal(await page.title(), 'DataSync UpdateTask request builder');
  // What an update omits keeps the task's setting: the selects do not claim a default.
  assert.equal(await control(page, '/Options/VerifyMode').locator('option').first().textContent(), '(not set: the task\'s setting)');
  await page.locator('#operation').selectOption('StartTaskExecution');
  assert.equal(await control(page, '/OverrideOptions/VerifyMode').count(), 1);
  assert.equal(await control(page, '/Options/VerifyMode').count(), 0);
  await enter(page, '/TaskArn', TASK_ARN);
  assert.equal(await summaryStatus(page), 'No problems found: the request passes every check.');
  // Back to CreateTask: the request is kept, and its TaskArn is reported, not dropped.
  await page.locator('#operation').selectOption('CreateTask');
  assert.deepEqual(await jsonOutput(page), { TaskArn: TASK_ARN });
  assert.ok((await shownProblems(page)).includes('request/unknown-member /TaskArn'));
  // The choice says what to do about it (the validator's message says "validate an UpdateTask request").
  assert.match(await page.locator('#operation-hint').textContent(), /choose UpdateTask or StartTaskExecution here\.$/);
  assert.equal(await page.locator('#operation-hint').isVisible(), true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
  assert.equal(download.suggestedFilename(), 'create-task.json');
});

formTest('a DescribeTask response pasted into Import is offered as the task, not imported as a request with unknown members', async (page) => {
  await enter(page, '/Name', 'work in progress');
  const text = JSON.stringify(DESCRIBED, null, 2);
  await importPasted(page, text);
  const status = page.locator('#import-status');
  assert.match(await status.textContent(), /^Not imported: the pasted text is a DescribeTask response \(an existing task\), not a request\./);
  assert.deepEqual(await jsonOutput(page), { Name: 'work in progress' }, 'the request being built is not replaced');
  await status.getByRole('button', { name: 'Update this task' }).click();
  assert.equal(await page.locator('#operation').inputValue(), 'UpdateTask');
  assert.deepEqual(await jsonOutput(page), { Name: 'work in progress', TaskArn: TASK_ARN }, 'the request gets the task\'s ARN');
  assert.match(await page.locator('#task-current').textContent(), /Enhanced mode/);
  // The task's mode applies: POINT_IN_TIME_CONSISTENT is refused in Enhanced mode, as validate() says with the task.
  await control(page, '/Options/VerifyMode').selectOption('POINT_IN_TIME_CONSISTENT');
  const request = { Name: 'work in progress', TaskArn: TASK_ARN, Options: { VerifyMode: 'POINT_IN_TIME_CONSISTENT' } };
  const expected = validate(request, { operation: 'UpdateTask', task: DESCRIBED });
  assert.ok(expected.errors.some((d) => d.code === 'options/enhanced-point-in-time'));
  assert.deepEqual(await shownProblems(page), expectedProblems(expected));
  // Only what the rules read is kept (and saved): no CreationTime, names or network interfaces.
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('datasync-task-validator/form/operation')));
  assert.deepEqual(saved, {
    operation: 'UpdateTask',
    task: {
      TaskArn: TASK_ARN, TaskMode: 'ENHANCED', CloudWatchLogGroupArn: DESCRIBED.CloudWatchLogGroupArn, SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION,
      Options: { VerifyMode: 'ONLY_FILES_TRANSFERRED', Atime: 'BEST_EFFORT', Mtime: 'PRESERVE', LogLevel: 'BASIC' }, // BytesPerSecond is not read from a task
    },
  });
  // A request for another task: the page says the task given is not used.
  await enter(page, '/TaskArn', TASK_ARN.replace('0123', '0abc'));
  assert.match(await page.locator('#task-current').textContent(), /not this request's: its settings are not used/);
  await openAllSections(page);
  assert.deepEqual(await axeViolations(page), [], 'the UpdateTask form with its task step');
});

formTest('a malformed DescribeTask paste is refused with the validator\'s reason; nothing is thrown and the form keeps working', async (page) => {
  await page.locator('#operation').selectOption('StartTaskExecution');
  const status = page.locator('#task-status');
  await useTaskText(page, JSON.stringify({ TaskMode: 'ENHANCED' }));
  assert.match(await status.textContent(), /^Not read: It must be a DescribeTask response \(an object\), but it is one without a TaskArn\.$/);
  await useTaskText(page, '[1, 2]');
  assert.match(await status.textContent(), /^Not read: The pasted JSON is not a DescribeTask response/);
  await useTaskText(page, '{"TaskArn": ');
  assert.match(await status.textContent(), /^Not read: The pasted text is not JSON/);
  await useTaskText(page, JSON.stringify({ TaskArn: TASK_ARN, Padding: 'x'.repeat(300 * 1024) }));
  assert.match(await status.textContent(), /^Not read: The pasted text is 300 KB; at most 256 KB is read/);
  assert.match(await page.locator('#task-current').textContent(), /^No task given/);
  await enter(page, '/TaskArn', 'nope');
  assert.ok((await shownProblems(page)).some((line) => line.endsWith(' /TaskArn')), 'the form still validates');
});

formTest('the operation and task are kept with the saved request and carried by Copy link; an old link stays CreateTask', async (page) => {
  await page.locator('#operation').selectOption('UpdateTask');
  await useTaskText(page, JSON.stringify(DESCRIBED));
  await control(page, '/Options/VerifyMode').selectOption('POINT_IN_TIME_CONSISTENT');
  const before = await shownProblems(page);
  assert.ok(before.includes('options/enhanced-point-in-time /Options/VerifyMode'));
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#operation').inputValue(), 'UpdateTask');
  assert.deepEqual(await shownProblems(page), before, 'the task is used after a reload');
  await page.locator('#copy-link').click();
  const link = await page.locator('#share-url').inputValue();
  assert.match(link, /#request=[\w-]+&operation=UpdateTask&task=[\w-]+$/);
  // The recipient (a fresh profile) gets the operation and the task's verdict.
  const other = await openForm({ hash: link.slice(link.indexOf('#')) });
  try {
    assert.equal(await other.page.locator('#operation').inputValue(), 'UpdateTask');
    assert.deepEqual(await shownProblems(other.page), before);
    // A link made before the choice existed is a CreateTask request, whatever was chosen before.
    const old = Buffer.from(JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION })).toString('base64url');
    await other.page.goto(`${link.slice(0, link.indexOf('#'))}#request=${old}`);
    await other.page.locator('#import-status[data-imported]').waitFor();
    assert.equal(await other.page.locator('#operation').inputValue(), 'CreateTask');
    assert.equal(await summaryStatus(other.page), 'No problems found: the request passes every check.');
    assertClean(other);
  } finally {
    await other.context.close();
  }
});

formTest('ListLocations or DescribeLocation* output pasted into Import points to the Locations box and keeps the request', async (page) => {
  await enter(page, '/Name', 'work');
  const text = JSON.stringify({ Locations: [{ LocationArn: SOURCE, LocationUri: 's3://bucket/p/' }] });
  await importPasted(page, text);
  const status = page.locator('#import-status');
  assert.match(await status.textContent(), /^Not imported: the pasted text is location output \(ListLocations or DescribeLocation\*\), not a request\./);
  assert.deepEqual(await jsonOutput(page), { Name: 'work' });
  assert.equal(await page.locator('#summary-list li', { hasText: 'Locations' }).count(), 0, 'no "did you mean Options" fix');
  await status.getByRole('button', { name: 'Put it in the Locations box' }).click();
  assert.equal(await page.locator('#locations-text').inputValue(), text);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'locations-text');
});

formTest('Problems names each Remove button for its member and says where when two Apply buttons read the same', async (page) => {
  await importPasted(page, JSON.stringify({ ...DESCRIBED, CreationTime: undefined, Status: undefined, TaskArn: undefined, Options: { Uid: 'int_value', Gid: 'int_value', Foo: 1 }, Foo: 2 }));
  const list = page.locator('#summary-list');
  for (const name of ['Remove SourceNetworkInterfaceArns', 'Remove DestinationNetworkInterfaceArns', 'Remove ScheduleDetails', 'Remove /Foo', 'Remove /Options/Foo']) {
    assert.equal(await list.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  assert.equal(await list.getByRole('button', { name: 'Remove it' }).count(), 0);
  assert.equal(await list.getByRole('button', { name: 'Apply: change /Options/Uid to "INT_VALUE"', exact: true }).count(), 1);
  assert.equal(await list.getByRole('button', { name: 'Apply: change /Options/Gid to "INT_VALUE"', exact: true }).count(), 1);
  // In its own field's slot a button stands beside its member: it keeps the short name.
  assert.equal(await page.locator('[data-diagnostics-for="/Options/Uid"]').getByRole('button', { name: 'Apply: change to "INT_VALUE"', exact: true }).count(), 1);
});

formTest('a rename fix is offered only when the value has the type of the member it becomes', async (page) => {
  await importPasted(page, JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, Nme: { a: 1 }, Schedules: 'rate(2 hours)', Tag: [{ Key: 'a', Value: 'b' }] }));
  const line = (path) => page.locator('#summary-list li', { has: page.locator('code.path', { hasText: new RegExp(`^${path}$`) }) });
  assert.match(await line('/Nme').textContent(), /did you mean "Name"/, 'the message still says what was meant');
  assert.equal(await line('/Nme').getByRole('button', { name: /^Apply/ }).count(), 0, 'an object is not a Name');
  assert.equal(await line('/Schedules').getByRole('button', { name: /^Apply/ }).count(), 0, 'a string is not a Schedule');
  await line('/Tag').getByRole('button', { name: 'Apply: rename to Tags' }).click();
  assert.deepEqual((await jsonOutput(page)).Tags, [{ Key: 'a', Value: 'b' }]);
});

formTest('merged group names keep proper nouns, and the required notes inside name the group the user sees', async (page) => {
  await openAllSections(page);
  const legends = await page.$$eval('legend', (items) => items.map((item) => item.textContent));
  assert.ok(legends.includes('Report destination: in Amazon S3'), legends.join(' | '));
  assert.ok(legends.includes('Manifest location: in Amazon S3'));
  assert.equal(await page.locator('[data-group="/TaskReportConfig/Destination/S3"]').getAttribute('aria-label'), 'Report destination: in Amazon S3');
  const note = await page.locator('label[for="field-TaskReportConfig-Destination-S3-S3BucketArn"]').textContent();
  assert.match(note, /\(required with Report destination\)$/);
  const labels = await page.$$eval('label', (items) => items.map((item) => item.textContent));
  assert.equal(labels.filter((text) => text.includes('required with In Amazon S3')).length, 0);
});

formTest('for an update, locations pasted earlier describe the task\'s two ends, as validate(request, { operation, task, locations }) reads them', async (page) => {
  const locations = [{ LocationArn: SOURCE, LocationUri: 's3://source-bucket/' }, { LocationArn: DESTINATION, LocationUri: 's3://destination-bucket/' }];
  await page.locator('#locations-text').fill(JSON.stringify(locations));
  await page.getByRole('button', { name: 'Use these locations' }).click();
  await page.locator('#operation').selectOption('UpdateTask');
  const task = { ...DESCRIBED, TaskMode: 'BASIC' };
  await useTaskText(page, JSON.stringify(task));
  await control(page, '/Options/Uid').selectOption('INT_VALUE');
  const request = { TaskArn: TASK_ARN, Options: { Uid: 'INT_VALUE' } };
  const expected = validate(request, { operation: 'UpdateTask', task, locations });
  assert.ok(expected.errors.some((d) => d.code === 'locations/posix-between-object-stores'));
  assert.deepEqual(await shownProblems(page), expectedProblems(expected));
});
