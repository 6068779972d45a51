// Where a keystroke's time goes in the web form: types a value into one field of
// the full BASIC example (+ 50 tags) under Chromium tracing, then prints the
// renderer main thread's CPU time (trace `tdur`, which a busy machine inflates
// far less than wall time) per keystroke, by phase. Not a test; the figures in
// docs/performance.md come from it, run interleaved with the code before a change.
//
//   node bench/form-profile.mjs [pointer=/Schedule/ScheduleExpression] [value] [root=repository]
//
// Phases: FunctionCall (the page's own JavaScript: validate and the DOM
// updates), UpdateLayoutTree (style), Layout, PrePaint, Paint, Layerize and
// Commit; then every task of the main thread (editing and autofill included),
// and of those the tasks that only check style and layout (autofill's scan of the
// typed text box's form) with the size of the scan per keystroke.
// The full trace is written to bench/results/form-profile.json for
// chrome://tracing or Perfetto.
//
// EDGE=1 types with the field's bottom at the viewport's bottom edge instead of centred,
// and prints each key press's EventLatency (to presentation) with its longest stage.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const repository = fileURLToPath(new URL('../', import.meta.url));
const [pointer = '/Schedule/ScheduleExpression', value = 'cron(0 2 ? * MON-FRI *)', rootArgument] = process.argv.slice(2);
const root = rootArgument ? resolve(rootArgument) : repository;
const ROUNDS = 2; // each round types the value and erases it
const EDGE = Boolean(process.env.EDGE);
const PHASES = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

const request = JSON.parse(readFileSync(join(repository, 'examples/full-basic.json'), 'utf8'));
request.Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `key-${i}`, Value: `value ${i}` }));

const server = await serve(root, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let trace;
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  await page.goto(`${server.url}www/`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.locator('#import-text').fill(JSON.stringify(request));
  await page.locator('#import-button').click();
  await page.waitForSelector('#import-status[data-imported]');
  const field = page.locator(`[name="${pointer}"]`);
  await field.evaluate((element) => element.closest('details').setAttribute('open', ''));
  await field.fill('');
  await field.focus();
  // In the middle of the viewport, as bench/form-latency.mjs types: focus alone can leave
  // the field at the bottom edge, where headless Chromium presents keys late (EDGE=1).
  for (let i = 0; i < 2; i += 1) {
    await field.evaluate((element, block) => element.scrollIntoView({ block }), EDGE ? 'end' : 'center');
    await page.waitForTimeout(250);
  }
  await field.evaluate((element) => element.focus({ preventScroll: true }));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute', 'input'] });
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const key of [...value, ...Array(value.length).fill('Backspace')]) {
      await page.keyboard.press(key);
      // Wait for the frame after the keystroke, as a person would see it.
      await page.evaluate(() => new Promise((done) => { requestAnimationFrame(() => setTimeout(done, 0)); }));
    }
  }
  trace = await browser.stopTracing();
} finally {
  await browser.close();
  await server.close();
}

mkdirSync(join(repository, 'bench/results'), { recursive: true });
writeFileSync(join(repository, 'bench/results/form-profile.json'), trace);
const { traceEvents } = JSON.parse(trace.toString());
const threads = new Map();
for (const event of traceEvents) if (event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args.name);
const totals = new Map(PHASES.map((phase) => [phase, 0]));
const mainEvents = traceEvents.filter((event) => event.ph === 'X' && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain')
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
// A phase's outermost events only: Paint nests one Paint per painted layer inside the
// phase's own (before 2026-12-06 they were counted twice).
const openUntil = new Map();
for (const event of mainEvents) {
  if (!totals.has(event.name) || event.ts < (openUntil.get(event.name) ?? -Infinity)) continue;
  openUntil.set(event.name, event.ts + event.dur);
  totals.set(event.name, totals.get(event.name) + (event.tdur ?? event.dur) / 1000);
}
const keystrokes = value.length * 2 * ROUNDS;
console.log(`${pointer}: renderer main-thread CPU per keystroke (${keystrokes} keystrokes, root ${root})`);
let sum = 0;
for (const [phase, total] of totals) {
  sum += total / keystrokes;
  console.log(`  ${phase.padEnd(17)} ${(total / keystrokes).toFixed(2).padStart(6)} ms`);
}
console.log(`  ${'all of these'.padEnd(17)} ${sum.toFixed(2).padStart(6)} ms`);
// Everything the renderer's main thread did while typing: every top-level task, so
// also Chromium's editing of the text box (keypress, textInput) and the form-field
// scan its autofill runs in a task after each keystroke, which the phases above miss.
const mainTasks = traceEvents.filter((event) => event.ph === 'X' && event.name === 'RunTask' && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain')
  .sort((a, b) => a.ts - b.ts);
let everything = 0;
let end = -Infinity;
for (const task of mainTasks) {
  if (task.ts < end) continue; // nested in the task before
  everything += (task.tdur ?? task.dur) / 1000;
  end = task.ts + task.dur;
}
console.log(`  ${'every main task'.padEnd(17)} ${(everything / keystrokes).toFixed(2).padStart(6)} ms`);
// Chromium's autofill reads the form the typed text box belongs to in a task of its
// own after each keystroke: style and layout checks (Document::UpdateStyleAndLayout)
// with no page script, no input event and no frame in the task. Their number grows
// with the form's controls (docs/performance.md, "A form per section" and "Tags: a form per row").
const scans = [];
let from = 0;
for (const task of mainTasks) {
  while (from < mainEvents.length && mainEvents[from].ts < task.ts) from += 1;
  let checks = 0;
  let other = false;
  for (let i = from; i < mainEvents.length && mainEvents[i].ts < task.ts + task.dur; i += 1) {
    const { name } = mainEvents[i];
    if (name === 'Document::UpdateStyleAndLayout') checks += 1;
    else if (name === 'FunctionCall' || name === 'WebFrameWidgetImpl::HandleInputEvent' || name === 'WebFrameWidgetImpl::BeginMainFrame') other = true;
  }
  if (checks > 0 && !other) scans.push({ checks, cpu: (task.tdur ?? task.dur) / 1000 });
}
// One scan per keystroke: the largest of those tasks, as many as keys (a few smaller
// ones, one or two checks each, are other work).
const largest = scans.sort((a, b) => b.checks - a.checks).slice(0, keystrokes);
console.log(`  ${'autofill scan'.padEnd(17)} ${(largest.reduce((sum, scan) => sum + scan.cpu, 0) / keystrokes).toFixed(2).padStart(6)} ms`
  + `   (the ${largest.length} largest tasks of style and layout checks alone: median ${largest[largest.length >> 1]?.checks ?? 0} checks each)`);
if (EDGE) {
  // Each key press's EventLatency and its stages (nested async events that share its id).
  const stagesOf = new Map();
  const presses = [];
  for (const event of traceEvents.filter((e) => e.cat.includes('input') && (e.ph === 'b' || e.ph === 'e')).sort((a, b) => a.ts - b.ts)) {
    const id = `${event.pid}:${event.id2?.local ?? event.id}`;
    if (event.name === 'EventLatency' && event.ph === 'b') {
      const press = { type: event.args?.event_latency?.event_type, open: new Map([[event.name, event.ts]]), stages: [] };
      stagesOf.set(id, press);
      if (press.type === 'KEY_PRESSED') presses.push(press);
    } else if (stagesOf.has(id)) {
      const press = stagesOf.get(id);
      if (event.ph === 'b') press.open.set(event.name, event.ts);
      else if (press.open.has(event.name)) press.stages.push([event.name, (event.ts - press.open.get(event.name)) / 1000]);
      if (event.name === 'EventLatency' && event.ph === 'e') stagesOf.delete(id);
    }
  }
  console.log(`EventLatency of ${presses.length} of ${keystrokes} key presses (the others were not presented), with the longest stage:`);
  for (const { stages } of presses) {
    const [, total] = stages.find(([name]) => name === 'EventLatency') ?? [, NaN];
    const [name, longest] = stages.filter(([stage]) => stage !== 'EventLatency').sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    console.log(`  ${total.toFixed(1).padStart(6)} ms   ${name} ${longest.toFixed(1)} ms`);
  }
}
