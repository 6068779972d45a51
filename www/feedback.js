// Shows a validate() result: each diagnostic at its member's slot (or the
// nearest enclosing object or list) once the user has touched it, the section
// badges, the summary with its verdict, and the schedule preview. Work is
// bounded by the number of diagnostics (at most the core's report limit) and
// only slots whose content changed are touched.
import { getAt, nearestSlot, splitPointer } from '../pkg/web/form-kit.js';
import { $, countText, h, morph, plural, setText } from './dom.js';
import { SCHEDULE_POINTER, state } from './state.js';

/** A slot lists at most this many diagnostics; the summary has them all (up to SUMMARY_LIMIT). */
const SLOT_LIMIT = 5;
/** The summary lists at most this many; a line says how many more there are. */
export const SUMMARY_LIMIT = 100;

let shownSlots = new Map(); // slot pointer -> key of the diagnostics it shows
let summaryKey = null;
const scheduleCache = new Map(); // expression -> describeSchedule() result (a few entries)
let runTimer; // due when the first listed run passes

/** Whether a slot's problems show: after an import/link/reload, or once the user has touched it or a member in it. */
const visible = (slot) => state.showAll || state.touched.has(slot);

/** Whether the user has touched a member the diagnostic names as related (a location rule names the ARNs of its ends). */
const relatedTouched = (diagnostic) => Array.isArray(diagnostic.params?.related) && diagnostic.params.related.some((pointer) => state.touched.has(pointer));

/** Whether the user has done anything yet (an untouched empty form shows no errors). */
export const started = () => state.showAll || state.touched.size > 0;

/** The member a JSON Pointer names, as the request spells it ("/Options/Atime" -> "Atime"). */
export const memberName = (pointer) => splitPointer(pointer).at(-1);

/**
 * A short label for what a diagnostic's fix does, for its Apply button; with
 * `where` (a member's name), it says which member it changes, for lists where
 * two buttons would otherwise read the same.
 */
export function fixLabel(fix, where = '') {
  if (fix.length === 1) {
    const [op] = fix;
    const value = JSON.stringify(op.value) ?? '';
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    const it = where ? ` ${where}` : '';
    if (op.op === 'replace' || op.op === 'add') return `Apply: change${it} to ${shown}`;
    if (op.op === 'move') return `Apply: rename${it} to ${memberName(op.path)}`;
    if (op.op === 'remove') return `Apply: remove ${where || 'it'}`;
  }
  return where ? `Apply the fix to ${where}` : 'Apply the fix';
}

/** The JSON type a member of the form's model holds: 'object', 'array', 'string', 'integer', or null when not known. */
function modelType(pointer) {
  return state.nodes.get(pointer.replace(/\/\d+(?=\/|$)/g, '/*'))?.type ?? null;
}

/** Whether a value has a model type ('integer' accepts any JSON number: the validator says what is wrong with it). */
function hasType(value, type) {
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value) && !(typeof JSON.isRawJSON === 'function' && JSON.isRawJSON(value));
  if (type === 'array') return Array.isArray(value);
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer') return typeof value === 'number' || typeof value === 'bigint' || (typeof JSON.isRawJSON === 'function' && JSON.isRawJSON(value));
  return true;
}

/**
 * Whether a fix is offered as a button: a rename (a JSON Patch move) only when
 * the value moved has the type of the member it becomes, so Apply never turns
 * one error into another ("Locations": [...] renamed to Options, an object).
 */
export function offersFix(fix) {
  if (!Array.isArray(fix) || fix.length === 0) return false;
  return fix.every((op) => op.op !== 'move' || hasType(getAt(state.request, op.from), modelType(op.path)));
}

/** One diagnostic as elements: the severity in words (not only colour), the message, actions, the code. */
function diagnosticLine(tag, diagnostic, content, withActions, where = '') {
  const actions = [];
  if (withActions && offersFix(diagnostic.fix)) {
    actions.push(h('button', { type: 'button', class: 'small apply', 'data-apply': diagnostic.code, 'data-path': diagnostic.path, text: fixLabel(diagnostic.fix, where) }));
  }
  if (withActions && diagnostic.path !== '/TaskMode' && /\b(Basic|Enhanced) mode\b/.test(diagnostic.message) && state.controls.has('/TaskMode')) {
    actions.push(h('a', { href: '#field-TaskMode', class: 'small', 'data-focus': '/TaskMode', text: 'Go to Task mode' }));
  }
  return h(tag, { class: `diagnostic ${diagnostic.severity}`, 'data-code': diagnostic.code },
    h('span', { class: 'severity', text: diagnostic.severity === 'error' ? 'Error: ' : 'Warning: ' }),
    content,
    ...actions.flatMap((action) => [' ', action]),
    // The stable code is for people filing bugs and for tests; a screen reader need not read it.
    h('span', { class: 'code', 'aria-hidden': 'true', text: diagnostic.code }));
}

const keyOf = (list) => list.map((d) => `${d.code}\u0000${d.path}\u0000${d.message}\u0000${d.fix ? JSON.stringify(d.fix) : ''}`).join('\u0001');

/**
 * Places every diagnostic (one map lookup per path segment) and updates the
 * slots, control states and section badges that changed. Returns
 * [{ diagnostic, slot }] with slot null for paths no slot encloses.
 */
export function showDiagnostics(result) {
  const located = [];
  const bySlot = new Map();
  for (const diagnostic of [...result.errors, ...result.warnings]) {
    const slot = nearestSlot(diagnostic.path, state.slots);
    located.push({ diagnostic, slot });
    if (slot === null || !(visible(slot) || relatedTouched(diagnostic))) continue;
    if (!bySlot.has(slot)) bySlot.set(slot, []);
    bySlot.get(slot).push(diagnostic);
  }
  const next = new Map();
  for (const slot of new Set([...shownSlots.keys(), ...bySlot.keys()])) {
    const list = bySlot.get(slot) ?? [];
    const key = keyOf(list);
    if (key !== '') next.set(slot, key);
    if (shownSlots.get(slot) === key || (key === '' && !shownSlots.has(slot))) continue;
    renderSlot(slot, list);
  }
  shownSlots = next;

  // Badges: the visible problems per section, so a collapsed section says what it hides.
  const counts = new Map();
  for (const [slot, list] of bySlot) {
    const section = state.slotSection.get(slot);
    const count = counts.get(section) ?? { errors: 0, warnings: 0 };
    for (const d of list) count[d.severity === 'error' ? 'errors' : 'warnings'] += 1;
    counts.set(section, count);
  }
  for (const section of $('task-form').querySelectorAll(':scope > details.section')) {
    const { errors = 0, warnings = 0 } = counts.get(section.dataset.section) ?? {};
    const badge = section.querySelector('[data-section-badge]');
    const text = countText(errors, warnings);
    setText(badge, text);
    // The accessible name: "Options, 3 errors" (the comma makes a screen reader pause).
    setText(section.querySelector(':scope > [data-section-name]'), text ? `${section.dataset.section}, ${text}` : section.dataset.section);
    const className = `badge${errors ? ' error' : warnings ? ' warning' : ''}`;
    if (badge.className !== className) badge.className = className;
  }
  return located;
}

/**
 * What a slot's line shows besides its message: a line whose shape is unchanged
 * keeps its elements and only its message text is replaced (a message that
 * quotes the value changes at every key; new elements would cost the browser a
 * style recalculation and layout of each line, measured in docs/performance.md).
 */
const shapeOf = (d) => `${d.code}\u0000${d.severity}\u0000${d.path}\u0000${d.fix ? JSON.stringify(d.fix) : ''}\u0000${/\b(Basic|Enhanced) mode\b/.test(d.message)}`;

/** Changes the messages of a slot's lines in place when every line keeps its shape; false when it cannot. */
function updateInPlace(element, list) {
  if (list.length > SLOT_LIMIT || element.children.length !== list.length) return false;
  const lines = [...element.children];
  if (!lines.every((line, i) => line.dataset.shape === shapeOf(list[i]))) return false;
  lines.forEach((line, i) => setText(line.querySelector(':scope > .message'), list[i].message));
  return true;
}

/** Re-renders one slot and marks its control (aria-invalid for errors; a class for warnings). */
function renderSlot(pointer, list) {
  const element = state.slots.get(pointer);
  if (!element) return;
  if (!updateInPlace(element, list)) {
    const lines = list.slice(0, SLOT_LIMIT).map((d) => {
      const line = diagnosticLine('p', d, h('span', { class: 'message', text: d.message }), true);
      line.dataset.shape = shapeOf(d);
      return line;
    });
    if (list.length > SLOT_LIMIT) lines.push(h('p', { class: 'diagnostic more', text: `${plural(list.length - SLOT_LIMIT, 'more problem')} here: see Problems at the top.` }));
    element.replaceChildren(...lines);
  }
  // A control is marked by every slot that describes it (a wrapper's and its own).
  const control = state.controls.get(pointer) ?? state.groups.get(pointer);
  if (!control?.name) return;
  const lines = control.getAttribute('aria-describedby').split(' ').flatMap((id) => [...(state.slots.get($(id)?.dataset.diagnosticsFor)?.children ?? [])]);
  const severity = lines.some((line) => line.matches('.error')) ? 'error' : lines.length > 0 ? 'warning' : '';
  if (severity === 'error') control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  control.classList.toggle('has-warning', severity === 'warning');
}

/** The verdict (a polite live region) and one line per problem, linking to its field. */
export function showSummary(result, located) {
  const errors = result.errors.length;
  const warnings = result.warnings.length;
  const truncated = [...result.errors, ...result.warnings].find((d) => d.code === 'report/truncated');
  const total = truncated?.params?.total;
  let status;
  let kind;
  if (!started()) {
    const order = [...state.nodes.keys()];
    const missing = result.errors.filter((d) => d.code === 'request/missing-member')
      .sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path))
      .map((d) => state.nodes.get(d.path)?.label ?? d.path.slice(1));
    status = `To begin, fill in the required ${missing.length === 1 ? 'member' : 'members'}: ${missing.join(' and ')}.`;
    kind = 'pending';
  } else if (errors) {
    status = `${countText(errors, warnings)}${total ? ` (of ${total.toLocaleString('en')} problems found)` : ''}: the service would reject this request.`;
    kind = 'error';
  } else if (warnings) {
    status = `No errors, ${plural(warnings, 'warning')}: the service would accept this request, but check ${warnings === 1 ? 'it' : 'them'}.`;
    kind = 'warning';
  } else {
    status = 'No problems found: the request passes every check.';
    kind = 'ok';
  }
  setText($('summary-status'), status);
  if ($('summary').dataset.status !== kind) $('summary').dataset.status = kind;

  const list = $('summary-list');
  const shown = started() ? located.slice(0, SUMMARY_LIMIT) : [];
  const key = `${shown.map(({ diagnostic: d, slot }) => `${keyOf([d])}\u0000${slot}`).join('\u0001')}\u0002${located.length}`;
  if (summaryKey === key) return;
  summaryKey = key;
  // Buttons that would read the same ("Apply: change to \"NONE\"" on Atime and Mtime) say which member they change.
  const labels = new Map();
  for (const { diagnostic } of shown) {
    if (offersFix(diagnostic.fix)) labels.set(fixLabel(diagnostic.fix), (labels.get(fixLabel(diagnostic.fix)) ?? 0) + 1);
  }
  const unknownNames = new Map();
  for (const { diagnostic } of shown) {
    if (diagnostic.code === 'request/unknown-member') unknownNames.set(memberName(diagnostic.path), (unknownNames.get(memberName(diagnostic.path)) ?? 0) + 1);
  }
  const items = shown.map(({ diagnostic, slot }) => {
    const target = slot === null ? null : (state.controls.get(slot) ?? state.groups.get(slot));
    const message = target
      ? h('a', { href: `#${target.id}`, class: 'message-link', 'data-focus': slot, text: diagnostic.message })
      : h('span', { class: 'message', text: diagnostic.message });
    const remove = diagnostic.code === 'request/unknown-member'
      // Named for the member it removes (its path when two have that name), not "Remove it" in every row.
      ? h('button', { type: 'button', class: 'secondary small', 'data-remove-member': diagnostic.path, text: `Remove ${unknownNames.get(memberName(diagnostic.path)) > 1 ? diagnostic.path : memberName(diagnostic.path)}` })
      : null;
    const where = offersFix(diagnostic.fix) && labels.get(fixLabel(diagnostic.fix)) > 1 ? diagnostic.path : '';
    return diagnosticLine('li', diagnostic, h('span', {}, message, ' ', h('code', { class: 'path', text: diagnostic.path || '(the whole request)' }), remove ? ' ' : null, remove), true, where);
  });
  if (located.length > shown.length && shown.length > 0) {
    items.push(h('li', { class: 'more', text: `…and ${plural(located.length - shown.length, 'more problem')} (fix these first, or see the command line's report).` }));
  }
  morph(list, items); // a message that quotes the value changes one row's text, not the list
}

/**
 * Under the schedule field: the verdict, which is the validator's own for that
 * member (so the preview never says "valid" beside an error, or lists runs for
 * a schedule the service would refuse), the schedule in words and the next runs.
 */
export function showSchedulePreview(result, describeSchedule) {
  const preview = $('schedule-preview');
  if (!preview) return;
  clearTimeout(runTimer);
  const expression = getAt(state.request, SCHEDULE_POINTER);
  if (typeof expression !== 'string' || expression.trim() === '' || !visible(SCHEDULE_POINTER)) {
    if (!preview.hidden) {
      preview.hidden = true;
      preview.replaceChildren();
      preview.dataset.key = '';
    }
    return;
  }
  // The verdict is the validator's; the schedule is described (next runs) only when it has no error.
  const problems = result.errors.filter((d) => d.path === SCHEDULE_POINTER || d.path === '/Schedule');
  let described = problems.length > 0 ? null : scheduleCache.get(expression);
  // Runs are counted from when they were described: once the first has passed, the list is described again.
  if (problems.length === 0 && (!described || Date.parse(described.nextRuns[0]) < Date.now())) {
    described = describeSchedule(expression, { count: 5 });
    if (scheduleCache.size > 20) scheduleCache.clear();
    scheduleCache.set(expression, described);
  }
  const valid = problems.length === 0 && described.valid;
  // When the first listed run passes, the list is described again then, not at
  // the next edit: a page left open never shows a past run as next. One timer,
  // due at that run (a schedule runs at most hourly), so an idle page wakes
  // once per run; a far one is re-armed within setTimeout's 24.8-day range.
  if (valid && described.nextRuns.length > 0) {
    runTimer = setTimeout(() => showSchedulePreview(state.result, describeSchedule), Math.min(Date.parse(described.nextRuns[0]) - Date.now() + 1, 2 ** 31 - 1));
  }
  // A paused schedule (Status DISABLED) keeps its expression, but the task does not run on it.
  const paused = getAt(state.request, '/Schedule/Status') === 'DISABLED';
  // What the preview shows: an invalid expression's preview does not quote it, so it stays as it is while typing.
  const key = valid ? `${expression}\u0000${paused}${described.nextRuns[0]}` : 'invalid';
  if (preview.dataset.key === key) return;
  preview.dataset.key = key;
  preview.hidden = false;
  const children = [];
  if (!valid) {
    children.push(h('p', { class: 'verdict bad' }, h('strong', { text: 'Not a valid DataSync schedule' }),
      '. The service would refuse it, so it has no runs (the reason is above).'));
  } else {
    children.push(h('p', { class: 'verdict ok' }, h('strong', { text: 'Valid schedule' }), described.summary ? `: ${described.summary}.` : '.'));
    if (described.nextRuns.length > 0) {
      children.push(h('p', { text: paused ? 'Paused: the task does not run on it. Enabled, it would run:' : 'Next runs:' }), h('ol', { class: 'runs' }, ...described.nextRuns.map((iso) => {
        const weekday = new Date(iso).toLocaleDateString('en', { weekday: 'short', timeZone: 'UTC' });
        return h('li', {}, h('time', { datetime: iso, text: `${weekday} ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` }));
      })));
    } else {
      children.push(h('p', { text: 'It has no upcoming runs.' }));
    }
  }
  morph(preview, children); // the next runs of an edited schedule change their texts in place
}

/**
 * While the user types in a text box, its field and the summary keep the tallest
 * height they reach (a min-height set from a ResizeObserver, so the input handler
 * reads no layout): a message that gains or loses a line at one key and gets it
 * back at the next (a trailing space, a closing parenthesis) then moves nothing
 * below it, which Chromium would lay out and repaint at every such key (measured
 * in docs/performance.md). Released when the field is left. The heights live in
 * a constructed style sheet, not in style attributes (the page has none).
 */
const held = [];
let heightObserver = null;
let heldRules = null; // one rule per held element: [data-held="<its index>"]

/** Starts holding the heights around `control` (the field it sits in, and the summary). */
export function holdHeights(control) {
  const field = control.closest('.field');
  if (!field || held.includes(field)) return;
  if (!heightObserver) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('[data-held="0"] {} [data-held="1"] {}');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    heldRules = [...sheet.cssRules];
    heightObserver = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const index = held.indexOf(entry.target);
        const height = entry.borderBoxSize[0].blockSize;
        if (index >= 0 && height > 0) heldRules[index].style.minHeight = `${height}px`;
      }
    });
  }
  releaseHeights(); // another field was being typed in
  held.push(field, $('summary'));
  held.forEach((element, index) => {
    element.dataset.held = String(index);
    heightObserver.observe(element, { box: 'border-box' });
  });
}

/** Lets the held elements take their own heights again. */
export function releaseHeights() {
  held.forEach((element, index) => {
    heightObserver.unobserve(element);
    delete element.dataset.held;
    heldRules[index].style.minHeight = '';
  });
  held.length = 0;
}

/** Forgets what the slots show, e.g. after the rows they were in were rebuilt. */
export function forgetShown() {
  shownSlots = new Map([...shownSlots].filter(([slot]) => state.slots.has(slot) && state.slots.get(slot).childElementCount > 0));
  summaryKey = null;
}
