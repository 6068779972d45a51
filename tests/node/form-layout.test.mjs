// The form's layout and accessibility at desktop, phone and 320 px widths, in
// light and dark mode: controls right under their labels, no horizontal
// scrolling (WCAG 1.4.10 reflow), no clipped placeholders or values, WCAG AA
// contrast, and axe-core with zero violations in every state the form has.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SOURCE, repoRoot } from './helpers.mjs';
import {
  NARROW, PHONE, WIDE, assertClean, axeViolations, control, enter, formTest, fullRequest, importPasted, openAllSections, openForm, useBrowser,
} from './form-harness.mjs';

useBrowser();
const manyProblems = readFileSync(join(repoRoot, 'examples/many-problems.json'), 'utf8');

/** Everything the layout tests look at, measured in the page. */
function measureLayout() {
  const found = { overflow: [], drift: [], clipped: [], doubled: [] };
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) found.overflow.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`);
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('.json-output') || element.getClientRects().length === 0) continue;
    const box = element.getBoundingClientRect();
    if (box.right > root.clientWidth + 0.5 && getComputedStyle(element).position !== 'absolute') {
      found.overflow.push(`${element.tagName}.${element.className} ends at ${Math.round(box.right)}px`);
    }
  }
  const canvas = document.createElement('canvas').getContext('2d');
  const textWidth = (text, element) => {
    const style = getComputedStyle(element);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return canvas.measureText(text).width;
  };
  for (const control of document.querySelectorAll('input[type="text"], select')) {
    if (control.getClientRects().length === 0) continue;
    const label = control.labels?.[0];
    if (label) {
      // The control sits right under its label's line (the API name may share it), whatever the next column holds.
      const head = label.closest('.field-head') ?? label;
      const gap = control.getBoundingClientRect().top - head.getBoundingClientRect().bottom;
      const left = Math.abs(control.getBoundingClientRect().left - head.getBoundingClientRect().left);
      if (gap < 0 || gap > 8 || left > 1) found.drift.push(`${control.name || control.id}: ${Math.round(gap)}px below, ${Math.round(left)}px aside`);
    }
    const style = getComputedStyle(control);
    const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (control.tagName === 'SELECT' ? 20 : 0);
    const shown = control.tagName === 'SELECT' ? control.selectedOptions[0]?.textContent ?? '' : control.placeholder;
    if (shown && textWidth(shown, control) > room + 1) found.clipped.push(`${control.name || control.id}: "${shown}"`);
  }
  for (const section of document.querySelectorAll('details.section')) {
    const title = section.querySelector('.section-title').firstChild.textContent;
    for (const legend of section.querySelectorAll('legend')) {
      if (legend.textContent === title && legend.getClientRects().length > 0 && !legend.classList.contains('visually-hidden')) found.doubled.push(title);
    }
  }
  return found;
}

async function assertLayout(page, where) {
  await openAllSections(page);
  const found = await page.evaluate(measureLayout);
  assert.deepEqual(found, { overflow: [], drift: [], clipped: [], doubled: [] }, where);
}

for (const [name, viewport] of [['1280 px', WIDE], ['390 px (phone)', PHONE], ['320 px (reflow)', NARROW], ['640 px (1280 px at 200% zoom)', { width: 640, height: 500 }]]) {
  formTest(`at ${name}: no horizontal scrolling, every control right under its label, nothing clipped, no doubled heading`, async (page) => {
    await assertLayout(page, `${name}, empty`);
    await importPasted(page, JSON.stringify(fullRequest()));
    await assertLayout(page, `${name}, the full example with 50 tags`);
    await importPasted(page, manyProblems);
    await assertLayout(page, `${name}, many problems`);
  }, { contextOptions: { viewport } });
}

/** WCAG AA contrast of every visible text, placeholder and control border against what is behind it. */
function contrastFailures() {
  const channel = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]) => 0.2126 * channel(r / 255) + 0.7152 * channel(g / 255) + 0.0722 * channel(b / 255);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const parse = (color) => {
    const [r, g, b, a = 1] = color.match(/[\d.]+/g).map(Number);
    return { rgb: [r, g, b], alpha: a };
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const { rgb, alpha } = parse(getComputedStyle(e).backgroundColor);
      if (alpha > 0) return rgb;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor).alpha > 0
      ? parse(getComputedStyle(document.documentElement).backgroundColor).rgb
      : (matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255]);
  };
  const found = [];
  const check = (element, color, needed, what) => {
    const value = ratio(parse(color).rgb, background(element));
    if (value < needed) found.push(`${what} ${element.tagName}.${element.className}: ${value.toFixed(2)} < ${needed}`);
  };
  for (const element of document.querySelectorAll('body *')) {
    if (element.getClientRects().length === 0) continue;
    const style = getComputedStyle(element);
    const hasText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
    if (hasText) check(element, style.color, large ? 3 : 4.5, 'text');
    if (element.placeholder) check(element, getComputedStyle(element, '::placeholder').color, 4.5, 'placeholder');
    if (element.matches('input[type="text"], select, textarea')) check(element.parentElement, style.borderTopColor, 3, 'border');
  }
  return found;
}

for (const colorScheme of ['light', 'dark']) {
  formTest(`${colorScheme} mode: text and borders meet WCAG AA contrast`, async (page) => {
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
    await importPasted(page, manyProblems);
    await openAllSections(page);
    await control(page, '/Options/LogLevel').selectOption('BASIC');
    await control(page, '/TaskMode').selectOption('');
    await control(page, '/Options/VerifyMode').selectOption('');
    await control(page, '/Options/Mtime').selectOption('');
    await page.getByLabel('Source location type', { exact: true }).selectOption('S3');
    await page.getByLabel('Destination location type', { exact: true }).selectOption('S3');
    await page.getByLabel('Show with defaults applied').check();
    await openAllSections(page);
    assert.ok(await page.locator('.scope-note:visible').count() > 0, 'the page marks options for the pair');
    assert.ok(await page.locator('.diagnostic.warning').count() > 0, 'the page shows a warning to check');
    assert.ok(await page.locator('#json-output .line.filled').count() > 0, 'the page shows filled-in defaults to check');
    assert.deepEqual(await page.evaluate(contrastFailures), []);
    if (colorScheme === 'dark') {
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgb(13, 17, 23)', 'dark mode has its own colours');
    }
  }, { contextOptions: { colorScheme } });
}

/** axe-core, every rule it runs by default (WCAG 2.x A and AA, best practices), in each state. */
test('axe-core finds no violation in any state of the form, in light and dark mode, at 1280 and 320 px', async () => {
  for (const [viewport, colorScheme] of [[WIDE, 'light'], [NARROW, 'dark']]) {
    const session = await openForm({ contextOptions: { viewport, colorScheme, permissions: ['clipboard-read', 'clipboard-write'] } });
    const { page } = session;
    const where = `${viewport.width} px, ${colorScheme}`;
    try {
      assert.deepEqual(await axeViolations(page), [], `${where}: the empty form`);
      await enter(page, '/SourceLocationArn', 'not an arn');
      await control(page, '/TaskMode').selectOption('ENHANCED');
      await control(page, '/Options/VerifyMode').selectOption('POINT_IN_TIME_CONSISTENT');
      assert.deepEqual(await axeViolations(page), [], `${where}: errors at touched fields`);
      await importPasted(page, manyProblems);
      await openAllSections(page);
      await page.locator('[data-add-row="/Tags"]').click();
      assert.deepEqual(await axeViolations(page), [], `${where}: an import with many problems, every section open`);
      await page.getByLabel('Source location type', { exact: true }).selectOption('S3');
      await page.getByLabel('Destination location type', { exact: true }).selectOption('S3');
      await page.getByLabel('Destination S3 storage class').selectOption('GLACIER');
      await page.locator('#locations-text').fill('{ nope');
      await page.getByRole('button', { name: 'Use these locations' }).click();
      assert.ok(await page.locator('.field.inapplicable').count() > 0);
      assert.deepEqual(await axeViolations(page), [], `${where}: the Locations step with options marked for the pair and a refused paste`);
      await enter(page, '/Schedule/ScheduleExpression', 'cron(0 2 ? * MON-FRI *)');
      await page.getByLabel('Show with defaults applied').check();
      await page.locator('#copy-link').click();
      assert.deepEqual(await axeViolations(page), [], `${where}: the schedule preview, defaults and the share link`);
      await page.locator('#clear-form').click();
      assert.deepEqual(await axeViolations(page), [], `${where}: cleared, with Undo offered`);
      await importPasted(page, '{ nope');
      assert.deepEqual(await axeViolations(page), [], `${where}: a refused import`);
      await importPasted(page, JSON.stringify(fullRequest()));
      assert.deepEqual(await axeViolations(page), [], `${where}: the full example with 50 tags`);
      assertClean(session);
    } finally {
      await session.context.close();
    }
  }
});

formTest('screen readers: sections are named with their problem counts, and codes are not part of a control\'s description', async (page) => {
  await enter(page, '/SourceLocationArn', 'not an arn');
  await control(page, '/TaskMode').selectOption('ENHANCED');
  await control(page, '/Options/VerifyMode').selectOption('POINT_IN_TIME_CONSISTENT');
  await enter(page, '/Options/BytesPerSecond', 'fast');
  const snapshot = await page.locator('details[data-section="Options"]').ariaSnapshot();
  assert.match(snapshot, /group "Options, 2 errors"/);
  // The accessible description Chromium computes for the control: the message, never the code.
  const client = await page.context().newCDPSession(page);
  const { nodes } = await client.send('Accessibility.getFullAXTree');
  const verify = nodes.find((node) => node.name?.value === 'Data verification' && node.role?.value === 'combobox');
  assert.ok(verify, 'the VerifyMode select is named by its human label');
  const description = verify.description?.value ?? '';
  assert.match(description, /^Error: Enhanced mode/);
  assert.doesNotMatch(description, /options\/enhanced-point-in-time/);
  assert.doesNotMatch(description, /VerifyMode$/);
});

formTest('an untouched empty form says what is required without errors; touching a field shows its problems', async (page) => {
  assert.equal(await page.locator('#summary-status').textContent(), 'To begin, fill in the required members: Source location and Destination location.');
  assert.equal(await page.locator('#summary').getAttribute('data-status'), 'pending');
  assert.equal(await page.locator('[data-diagnostics-for] .diagnostic').count(), 0);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.deepEqual(await page.$$eval('[aria-required="true"]', (nodes) => nodes.map((n) => n.name)), ['/SourceLocationArn', '/DestinationLocationArn']);
  await enter(page, '/SourceLocationArn', SOURCE);
  // Now the user has started: the verdict counts every problem, and lists them.
  assert.match(await page.locator('#summary-status').textContent(), /^1 error: the service would reject/);
  assert.equal(await page.locator('#summary-list li[data-code="request/missing-member"]').count(), 1);
  // But the untouched destination field itself stays quiet.
  assert.equal(await page.locator('[data-diagnostics-for="/DestinationLocationArn"] .diagnostic').count(), 0);
});
