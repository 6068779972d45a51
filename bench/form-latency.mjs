// Keystroke-to-rendered-diagnostics latency of the web form (www/), measured in
// headless Chromium. Not a test: it prints figures (and writes them to
// bench/results/form-latency.json) and always exits 0 unless it cannot run.
//
//   node bench/form-latency.mjs [keystrokes=400]
//
// For each keystroke typed into SourceLocationArn (the ARN typed key by key and
// erased with Backspace, over and over, so the diagnostics keep changing):
//   work     = from the input event's timeStamp to the end of the form's input
//              handler: the page's own cost (validate() and the DOM updates);
//   handled  = from the keydown's event.timeStamp to the same point, so it adds
//              the browser's own keystroke handling (the text edit itself);
//   painted  = from the same keydown to the first task after the next animation
//              frame, i.e. after style, layout and paint of that update. This one
//              includes waiting for the frame itself (up to ~16.7 ms at 60 Hz).
// Two requests: a small one (empty form) and a full one (examples/full-basic.json,
// every member set, with 50 tags).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const keystrokes = Number(process.argv[2] ?? 400);
const SOURCE = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
const KINDS = ['work', 'handled', 'painted'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function fullRequest() {
  const request = JSON.parse(readFileSync(join(root, 'examples/full-basic.json'), 'utf8'));
  request.Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `key-${i}`, Value: `value ${i}` }));
  return request;
}

/** Installed in the page: one sample per input event, taken once the frame after it has rendered. */
function instrument() {
  window.__samples = [];
  let keydownAt = null;
  window.addEventListener('keydown', (event) => { keydownAt = event.timeStamp; }, true);
  // On document, so it runs after the form's own input listener has re-rendered.
  document.addEventListener('input', (event) => {
    const start = keydownAt;
    const handled = performance.now();
    const work = handled - event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__samples.push({ work, handled: handled - start, painted: performance.now() - start });
      channel.port2.postMessage(null);
    });
  });
}

async function measure(page, label) {
  const field = page.locator('[name="/SourceLocationArn"]');
  await field.fill('');
  await field.focus();
  await page.evaluate(instrument);
  let typed = 0;
  while (typed < keystrokes) {
    for (const key of [...SOURCE, ...Array(SOURCE.length).fill('Backspace')]) {
      if (typed === keystrokes) break;
      await page.keyboard.press(key);
      typed += 1;
      await page.waitForFunction((n) => window.__samples.length >= n, typed);
    }
  }
  const samples = await page.evaluate(() => window.__samples);
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
  };
  const result = { label, keystrokes: samples.length };
  for (const kind of KINDS) result[kind] = stats(samples.map((s) => s[kind]));
  return result;
}

const server = await serve(root, 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const results = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${server.url}www/`);
  await page.waitForSelector('body[data-state="ready"]');
  results.push(await measure(page, 'small request (empty form)'));

  await page.locator('#import-text').fill(JSON.stringify(fullRequest()));
  await page.locator('#import-button').click();
  await page.waitForSelector('#import-status.ok');
  results.push(await measure(page, 'full request (every member, 50 tags)'));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const ms = (value) => `${value.toFixed(2).padStart(6)} ms`;
console.log(`form latency, ${keystrokes} keystrokes each (Chromium headless; goal: handled under one 16 ms frame)`);
for (const r of results) {
  console.log(`\n${r.label}`);
  for (const kind of KINDS) {
    const { median, p95, max } = r[kind];
    console.log(`  ${kind.padEnd(8)} median ${ms(median)}   p95 ${ms(p95)}   max ${ms(max)}`);
  }
  console.log(`  p95 handled ${r.handled.p95 < 16 ? 'is' : 'is NOT'} under 16 ms`);
  console.log(`  (load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/form-latency.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
