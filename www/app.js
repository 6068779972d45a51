// The CreateTask form. It renders itself from the package's fields() metadata,
// keeps the request as one plain object (so members the form has no control for,
// such as unknown ones from an import, are kept), and on every input event
// validates the JSON text of that object and shows each diagnostic next to the
// member its path points to.
//
// Contract for portals and tests:
//   - every control's `name` is the JSON Pointer of its member (/Tags/0/Key);
//   - the element with `data-diagnostics-for="<pointer>"` shows that member's
//     diagnostics (objects and lists have one too) and is empty when there are none;
//   - #json-output holds the request as JSON text.
//
// Safety: user text only ever reaches the page through textContent, attribute
// values and form values (see h() below); there is no innerHTML anywhere.
import init, { validate, applyDefaults, fields, describeSchedule, version } from '../pkg/web/index.js';

const STORAGE_KEY = 'datasync-task-validator/form/request';
const SHOW_DEFAULTS_KEY = 'datasync-task-validator/form/show-defaults';
const FRAGMENT_PREFIX = '#request=';
const SCHEDULE_POINTER = '/Schedule/ScheduleExpression';
const MODES = ['BASIC', 'ENHANCED'];

// Presentation only; the members themselves all come from fields().
const SECTION_ORDER = ['Locations', 'General', 'Options', 'Filters', 'Schedule', 'Tags', 'Manifest', 'Task report', 'Task mode'];
const OPEN_SECTIONS = new Set(['Locations', 'General', 'Options', 'Task mode']);
const ITEM_NOUNS = { Tags: 'tag', Excludes: 'exclude rule', Includes: 'include rule' };
const PLACEHOLDERS = { '/Options/BytesPerSecond': '-1 = unlimited (the default)' };

const state = {
  request: {}, // the request exactly as the user built it
  nodes: new Map(), // field pattern ('/Tags/*/Key') -> its FieldInfo plus `children`
  mode: null, // the TaskMode whose defaults the selects' first options show
};

const shown = new WeakMap(); // element -> key of what it shows, to skip DOM work when nothing changed
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------
// Small helpers: elements, JSON Pointers, values.
// ---------------------------------------------------------------------------

/**
 * Creates an element. `attrs` become attributes (null, undefined and false are
 * skipped) except `text` (textContent) and `class`; `children` are nodes or
 * strings, and strings always become text nodes, never markup.
 */
function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** Sets an element's text only when it differs, so live regions do not re-announce. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** RFC 6901: '/Tags/0/Key' -> ['Tags', '0', 'Key']. */
function splitPointer(pointer) {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const parentPointer = (pointer) => pointer.slice(0, pointer.lastIndexOf('/'));
/** '/Tags/3/Key' -> '/Tags/*\/Key', the form fields() uses for list items. */
const patternOf = (pointer) => pointer.replace(/\/\d+(?=\/|$)/g, '/*');
/** A valid, unique element id for a pointer: ('field', '/Tags/0/Key') -> 'field-Tags-0-Key'. */
const idFor = (prefix, pointer) => prefix + pointer.replace(/[^A-Za-z0-9]/g, (c) => (c === '/' ? '-' : '_'));

/** JSON.rawJSON values carry numbers exactly as typed (beyond 2^53, 1e3, 1.0). */
const isRaw = (value) => typeof JSON.isRawJSON === 'function' && JSON.isRawJSON(value);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && !isRaw(value);
const isContainer = (value) => Array.isArray(value) || isObject(value);

function getAt(root, pointer) {
  let value = root;
  for (const segment of splitPointer(pointer)) {
    if (!isContainer(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** Sets the member at `pointer`, creating (or replacing wrongly typed) parents on the way. */
function setAt(root, pointer, value) {
  const segments = splitPointer(pointer);
  let container = root;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      container[segment] = value;
      return;
    }
    const wantList = /^\d+$/.test(segments[index + 1]);
    const next = Object.hasOwn(container, segment) ? container[segment] : undefined;
    if (wantList ? !Array.isArray(next) : !isObject(next)) container[segment] = wantList ? [] : {};
    container = container[segment];
  });
}

/**
 * Removes the member at `pointer` (a list item is spliced out), then removes the
 * objects and lists this leaves empty, so empty sections are omitted. A list
 * item is never removed that way: each item is a row the user added.
 */
function removeAt(root, pointer) {
  const segments = splitPointer(pointer);
  const chain = [root]; // chain[i] is the value at segments[0..i)
  for (const segment of segments.slice(0, -1)) {
    const parent = chain.at(-1);
    if (!isContainer(parent) || !Object.hasOwn(parent, segment)) return;
    chain.push(parent[segment]);
  }
  const parent = chain.at(-1);
  const last = segments.at(-1);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  for (let i = chain.length - 1; i > 0; i -= 1) {
    const holder = chain[i - 1];
    const node = chain[i];
    if (Array.isArray(holder) || !isContainer(node) || Object.keys(node).length > 0) break;
    delete holder[segments[i - 1]];
  }
}

/** What a text box shows for a value; objects and arrays cannot be shown in one. */
function controlText(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRaw(value)) return value.rawJSON;
  return '';
}

/**
 * The JSON value for what was typed into an integer field: a number when the
 * text is a JSON number (kept exactly as typed where the browser has
 * JSON.rawJSON), otherwise the text itself, so the validator can say what is
 * wrong with it instead of the form silently dropping it.
 */
function integerValue(text) {
  const trimmed = text.trim();
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return text;
  const number = Number(trimmed);
  if (String(number) === trimmed || typeof JSON.rawJSON !== 'function') return number;
  return JSON.rawJSON(trimmed);
}

/** JSON.parse that keeps every number's own text where it would change (big integers, 1e3). */
function parseJson(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === 'number' && typeof JSON.rawJSON === 'function' && context?.source !== undefined
      && context.source !== String(value)
      ? JSON.rawJSON(context.source)
      : value);
}

function encodeBase64Url(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(data) {
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The task mode whose defaults apply: TaskMode when it is a valid one, else BASIC (its default). */
function currentMode() {
  const mode = getAt(state.request, '/TaskMode');
  return MODES.includes(mode) ? mode : 'BASIC';
}

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------
// Building the form from fields().
// ---------------------------------------------------------------------------

/** Builds every section, group, list and control from the flat fields() list. */
function buildForm(fieldList) {
  for (const field of fieldList) state.nodes.set(field.pointer, { ...field, children: [] });
  const roots = [];
  for (const node of state.nodes.values()) {
    const parent = state.nodes.get(parentPointer(node.pointer));
    (parent ? parent.children : roots).push(node);
  }
  // The preferred section order, then any section a newer core adds, in model order.
  const sections = new Map(SECTION_ORDER.map((name) => [name, []]));
  for (const node of roots) {
    if (!sections.has(node.section)) sections.set(node.section, []);
    sections.get(node.section).push(node);
  }
  const form = $('task-form');
  for (const [name, nodes] of sections) {
    if (nodes.length > 0) form.append(renderSection(name, nodes));
  }
}

/** A collapsible section; its summary line counts the problems inside. */
function renderSection(name, nodes) {
  return h('details', { class: 'section', 'data-section': name, open: OPEN_SECTIONS.has(name) },
    h('summary', {},
      h('span', { class: 'section-title', text: name }),
      h('span', { class: 'badge', 'data-section-badge': '' })),
    ...nodes.map((node) => renderNode(node, node.pointer)));
}

/** `pointer` is the concrete pointer (with list indices) of `node`'s member. */
function renderNode(node, pointer) {
  if (node.type === 'object') return renderGroup(node, pointer);
  if (node.type === 'array') return renderList(node, pointer);
  return renderField(node, pointer);
}

/** The element that shows a member's diagnostics; empty when there are none. */
function diagnosticsSlot(pointer) {
  return h('div', { class: 'diagnostics', id: idFor('diagnostics', pointer), 'data-diagnostics-for': pointer });
}

/** Help text plus the format and limits, in words. */
function helpText(node) {
  const parts = [node.help];
  if (node.formatHint) parts.push(`Format: ${node.formatHint}.`);
  if (node.maxLength !== undefined) parts.push(`At most ${node.maxLength.toLocaleString('en')} characters.`);
  return parts.join(' ');
}

/** " (required)" for the request's own required members, a qualified note for nested ones. */
function requiredNote(node) {
  if (!node.required) return null;
  const parent = state.nodes.get(parentPointer(node.pointer));
  let text = 'required';
  if (parent?.pointer.endsWith('/*')) text = `required in each ${ITEM_NOUNS[parent.name] ?? 'item'}`;
  else if (parent) text = `required when ${parent.name} is used`;
  return h('span', { class: 'required', text: ` (${text})` });
}

function renderField(node, pointer) {
  const id = idFor('field', pointer);
  const inRow = patternOf(pointer) !== pointer; // rows share the help text shown once above the list
  const helpId = idFor('help', node.pointer);
  const diagnostics = diagnosticsSlot(pointer);
  let control;
  if (node.enum) {
    const first = node.default ? `default (${node.default[currentMode()]})` : '(not set)';
    control = h('select', {}, h('option', { value: '', text: first }),
      ...node.enum.map((value) => h('option', { value, text: value })));
  } else if (node.type === 'integer') {
    // A text box with a numeric keyboard rather than <input type="number">: that
    // one silently turns "1e" or "fast" into "", and we want the validator to say
    // what is wrong with whatever was typed (or imported).
    control = h('input', { type: 'text', inputmode: 'numeric', 'data-kind': 'integer', placeholder: PLACEHOLDERS[node.pointer] });
  } else {
    // A format hint that shows the value's shape (the ARNs) doubles as a placeholder.
    const placeholder = node.formatHint?.startsWith('arn:') ? node.formatHint : undefined;
    control = h('input', { type: 'text', placeholder, spellcheck: 'false' });
  }
  control.id = id;
  control.name = pointer;
  control.autocomplete = 'off';
  control.setAttribute('aria-describedby', `${diagnostics.id} ${helpId}`);
  if (node.required && !pointer.slice(1).includes('/')) control.setAttribute('aria-required', 'true');

  const field = h('div', { class: 'field' },
    h('label', { for: id }, node.name, requiredNote(node)),
    inRow ? null : h('p', { class: 'help', id: helpId, text: helpText(node) }),
    control,
    diagnostics);
  if (pointer === SCHEDULE_POINTER) field.append(h('div', { id: 'schedule-preview', class: 'schedule-preview', hidden: true }));
  return field;
}

/** An object member: a fieldset that can hold diagnostics about the object itself. */
function renderGroup(node, pointer) {
  const helpId = idFor('help', node.pointer);
  const diagnostics = diagnosticsSlot(pointer);
  return h('fieldset', { class: 'group', id: idFor('group', pointer), 'data-group': pointer, tabindex: -1, 'aria-describedby': `${diagnostics.id} ${helpId}` },
    h('legend', { text: node.name }),
    h('p', { class: 'help', id: helpId, text: node.help }),
    diagnostics,
    h('div', { class: node.children.every((c) => c.type === 'string' || c.type === 'integer') ? 'grid' : 'stack' },
      ...node.children.map((child) => renderNode(child, `${pointer}/${child.name}`))));
}

/** A list member: help once for its items' members, one row per item, and an add button. */
function renderList(node, pointer) {
  const item = state.nodes.get(`${node.pointer}/*`);
  const noun = ITEM_NOUNS[node.name] ?? 'item';
  const helpId = idFor('help', node.pointer);
  const diagnostics = diagnosticsSlot(pointer);
  const list = h('fieldset', { class: 'group list', id: idFor('group', pointer), 'data-group': pointer, 'data-list': pointer, tabindex: -1, 'aria-describedby': `${diagnostics.id} ${helpId}` },
    h('legend', { text: node.name }),
    h('p', { class: 'help', id: helpId, text: node.help }),
    h('ul', { class: 'help member-help' },
      ...item.children.map((child) => h('li', { id: idFor('help', child.pointer) },
        h('strong', { text: child.name }), requiredNote(child), `: ${helpText(child)}`))),
    diagnostics,
    h('div', { class: 'rows' }),
    h('p', { class: 'list-footer' },
      h('button', { type: 'button', 'data-add-row': pointer, text: `Add ${noun}` }),
      h('span', { class: 'muted count' })));
  renderRows(list);
  return list;
}

/** (Re)creates a list's rows from the state, so names and indices always match. */
function renderRows(list) {
  const pointer = list.dataset.list;
  const node = state.nodes.get(patternOf(pointer));
  const item = state.nodes.get(`${node.pointer}/*`);
  const noun = ITEM_NOUNS[node.name] ?? 'item';
  const items = getAt(state.request, pointer);
  const count = Array.isArray(items) ? items.length : 0;
  const rows = [];
  for (let index = 0; index < count; index += 1) {
    const rowPointer = `${pointer}/${index}`;
    const title = `${noun[0].toUpperCase()}${noun.slice(1)} ${index + 1}`;
    rows.push(h('fieldset', { class: 'row', id: idFor('group', rowPointer), 'data-group': rowPointer, tabindex: -1 },
      h('legend', { text: title }),
      diagnosticsSlot(rowPointer),
      h('div', { class: 'row-fields' }, ...item.children.map((child) => renderNode(child, `${rowPointer}/${child.name}`))),
      h('button', { type: 'button', class: 'secondary', 'data-remove-row': rowPointer, text: `Remove ${noun} ${index + 1}` })));
  }
  list.querySelector(':scope > .rows').replaceChildren(...rows);
  list.querySelector(':scope > .list-footer > .count').textContent = ` ${plural(count, noun)} (at most ${node.maxItems})`;
  for (const control of list.querySelectorAll('[name]')) showValue(control, getAt(state.request, control.name));
}

// ---------------------------------------------------------------------------
// State <-> controls.
// ---------------------------------------------------------------------------

/** Makes a control show a value from the state. */
function showValue(control, value) {
  if (control.tagName !== 'SELECT') {
    control.value = controlText(value);
    return;
  }
  control.querySelector('option[data-imported]')?.remove();
  const known = typeof value === 'string' && value !== '' && [...control.options].some((o) => o.value === value);
  if (value === undefined || known) {
    control.value = value ?? '';
    return;
  }
  // A value the model does not allow (from an import): show it, so the control
  // and its diagnostic agree; choosing another option replaces it.
  const label = JSON.stringify(value) ?? String(value);
  const option = h('option', { value: controlText(value), 'data-imported': true, text: `${label.slice(0, 60)} (not allowed)` });
  control.append(option);
  control.value = option.value;
}

/** Makes every control show the state (after an import, a reload or clearing). */
function fillForm() {
  const form = $('task-form');
  for (const list of form.querySelectorAll('[data-list]')) renderRows(list);
  for (const control of form.querySelectorAll('[name]')) showValue(control, getAt(state.request, control.name));
}

/** Opens the sections that hold something, e.g. after an import. */
function openSectionsWithContent() {
  for (const section of $('task-form').querySelectorAll('details.section')) {
    if ([...section.querySelectorAll('[name]')].some((control) => control.value !== '')) section.open = true;
  }
}

/** Copies one control's value into the state: an empty value omits the member. */
function updateFromControl(control) {
  const text = control.value;
  if (text === '') removeAt(state.request, control.name);
  else setAt(state.request, control.name, control.dataset.kind === 'integer' ? integerValue(text) : text);
}

// ---------------------------------------------------------------------------
// Rendering results: diagnostics, summary, schedule preview, JSON output.
// ---------------------------------------------------------------------------

/** Validates the state and brings every part of the page up to date. */
function render() {
  const text = JSON.stringify(state.request, null, 2);
  const result = validate(text); // the exact text shown, so numbers are judged as typed
  updateDefaultLabels();
  const located = showDiagnostics([...result.errors, ...result.warnings]);
  showSummary(result, located);
  showSchedulePreview();
  showOutput(text);
  save(text);
}

/** The selects' first options name the default for the current TaskMode. */
function updateDefaultLabels() {
  const mode = currentMode();
  if (mode === state.mode) return;
  state.mode = mode;
  for (const select of $('task-form').querySelectorAll('select')) {
    const node = state.nodes.get(patternOf(select.name));
    if (node.default) select.options[0].textContent = `default (${node.default[mode]})`;
  }
}

/**
 * Puts each diagnostic in the slot of its path or, failing that, of its nearest
 * ancestor (a list or object); a path with neither (the whole request, an
 * unknown top-level member) has no slot and shows in the summary only.
 * Returns [{ diagnostic, slot }] with slot null for those.
 */
function showDiagnostics(diagnostics) {
  const form = $('task-form');
  const slots = new Map();
  for (const element of form.querySelectorAll('[data-diagnostics-for]')) slots.set(element.dataset.diagnosticsFor, element);
  const located = diagnostics.map((diagnostic) => {
    let pointer = diagnostic.path;
    while (pointer !== '' && !slots.has(pointer)) pointer = parentPointer(pointer);
    return { diagnostic, slot: slots.has(pointer) ? pointer : null };
  });
  const bySlot = new Map();
  for (const { diagnostic, slot } of located) {
    if (slot !== null) bySlot.set(slot, [...(bySlot.get(slot) ?? []), diagnostic]);
  }
  for (const [pointer, element] of slots) renderDiagnosticList(element, bySlot.get(pointer) ?? []);

  // Mark the controls (aria-invalid for errors; a class for warnings' styling).
  for (const control of form.querySelectorAll('[name]')) {
    const here = bySlot.get(control.name) ?? [];
    const severity = here.some((d) => d.severity === 'error') ? 'error' : here.length > 0 ? 'warning' : '';
    if (severity === 'error') control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    control.classList.toggle('has-warning', severity === 'warning');
  }

  // Count the problems in each section on its summary line (useful when collapsed).
  for (const section of form.querySelectorAll('details.section')) {
    const inside = located.filter(({ slot }) => slot !== null && section.contains(slots.get(slot)));
    const errors = inside.filter(({ diagnostic }) => diagnostic.severity === 'error').length;
    const badge = section.querySelector('[data-section-badge]');
    setText(badge, countText(errors, inside.length - errors));
    const className = `badge${errors ? ' error' : inside.length ? ' warning' : ''}`;
    if (badge.className !== className) badge.className = className;
  }
  return located;
}

function countText(errors, warnings) {
  const parts = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}

/** One diagnostic as elements: the severity in words (not only colour), the message, the code. */
function diagnosticLine(tag, diagnostic, ...extra) {
  return h(tag, { class: `diagnostic ${diagnostic.severity}`, 'data-code': diagnostic.code },
    h('span', { class: 'severity', text: diagnostic.severity === 'error' ? 'Error: ' : 'Warning: ' }),
    ...extra,
    h('span', { class: 'code', text: diagnostic.code }));
}

function renderDiagnosticList(element, diagnostics) {
  const key = diagnostics.map((d) => `${d.code}\u0000${d.message}`).join('\u0001');
  if ((shown.get(element) ?? '') === key) return;
  shown.set(element, key);
  element.replaceChildren(...diagnostics.map((d) => diagnosticLine('p', d, h('span', { class: 'message', text: d.message }), ' ')));
}

/** The count (a polite live region) and one link per problem that focuses its field. */
function showSummary(result, located) {
  const errors = result.errors.length;
  const warnings = result.warnings.length;
  let status = 'No problems found: the request passes every check.';
  if (errors) status = `${countText(errors, warnings)}: the service would reject this request.`;
  else if (warnings) status = `No errors, ${plural(warnings, 'warning')}: the service would accept this request, but check ${warnings === 1 ? 'it' : 'them'}.`;
  setText($('summary-status'), status);
  $('summary').dataset.status = errors ? 'error' : warnings ? 'warning' : 'ok';

  const list = $('summary-list');
  const key = located.map(({ diagnostic: d, slot }) => `${d.code}\u0000${d.path}\u0000${d.message}\u0000${slot}`).join('\u0001');
  if ((shown.get(list) ?? '') === key) return;
  shown.set(list, key);
  list.replaceChildren(...located.map(({ diagnostic, slot }) => {
    const target = slot === null ? null : focusTarget(slot);
    const message = target
      ? h('a', { href: `#${target.id}`, 'data-focus': slot, text: diagnostic.message })
      : h('span', { class: 'message', text: diagnostic.message });
    const remove = diagnostic.code === 'request/unknown-member'
      ? h('button', { type: 'button', class: 'secondary small', 'data-remove-member': diagnostic.path, text: 'Remove it' })
      : null;
    return diagnosticLine('li', diagnostic, message, ' ', h('code', { class: 'path', text: diagnostic.path || '(the whole request)' }), ' ', remove, remove ? ' ' : null);
  }));
}

/** The control for a pointer or, for an object or list, its fieldset. */
function focusTarget(pointer) {
  const form = $('task-form');
  const selector = CSS.escape(pointer);
  return form.querySelector(`[name="${selector}"]`) ?? form.querySelector(`[data-group="${selector}"]`);
}

/** Opens the sections around a member's control, scrolls to it and focuses it. */
function focusMember(pointer) {
  const target = focusTarget(pointer);
  if (!target) return;
  for (let details = target.closest('details'); details; details = details.parentElement.closest('details')) details.open = true;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

/** Under the schedule field: valid or not, the schedule in words and the next runs. */
function showSchedulePreview() {
  const preview = $('schedule-preview');
  if (!preview) return;
  const expression = getAt(state.request, SCHEDULE_POINTER);
  if (typeof expression !== 'string' || expression.trim() === '') {
    preview.hidden = true;
    preview.replaceChildren();
    shown.delete(preview);
    return;
  }
  const described = describeSchedule(expression, { count: 5 });
  const key = JSON.stringify(described);
  if (shown.get(preview) === key) return;
  shown.set(preview, key);
  preview.hidden = false;
  const verdict = described.valid ? 'Valid schedule' : 'Not a valid DataSync schedule';
  const children = [h('p', { class: `verdict ${described.valid ? 'ok' : 'bad'}` },
    h('strong', { text: verdict }), described.summary ? `: ${described.summary}.` : '.')];
  if (described.nextRuns.length > 0) {
    children.push(h('p', { text: 'Next runs:' }), h('ol', { class: 'runs' }, ...described.nextRuns.map((iso) => {
      const weekday = new Date(iso).toLocaleDateString('en', { weekday: 'short', timeZone: 'UTC' });
      return h('li', {}, h('time', { datetime: iso, text: `${weekday} ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` }));
    })));
  } else if (described.valid) {
    children.push(h('p', { text: 'It has no upcoming runs.' }));
  }
  preview.replaceChildren(...children);
}

/** The text the output pane shows: the request as built, or with the defaults applied. */
function outputText(text = JSON.stringify(state.request, null, 2)) {
  if (!$('show-defaults').checked) return text;
  // applyDefaults gives integers beyond 2^53 as BigInt, which JSON.stringify cannot write.
  const exact = (_key, value) => (typeof value !== 'bigint' ? value
    : typeof JSON.rawJSON === 'function' ? JSON.rawJSON(String(value)) : Number(value));
  return JSON.stringify(applyDefaults(text), exact, 2);
}

function showOutput(text) {
  setText($('json-output'), outputText(text));
  setText($('output-caption'), $('show-defaults').checked
    ? `With every omitted default filled in for ${currentMode()} mode: what the service will do.`
    : 'Only what you set; everything omitted takes the service default.');
}

// ---------------------------------------------------------------------------
// Persistence, links, import, copy and download.
// ---------------------------------------------------------------------------

function save(text) {
  try {
    localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Storage disabled or full: the form works without it.
  }
}

function loadSaved() {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    const value = text === null ? null : parseJson(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** Reads a #request= fragment and removes it from the address bar: from then on the form (and localStorage) hold the state. */
function takeFragment() {
  if (!location.hash.startsWith(FRAGMENT_PREFIX)) return null;
  const data = location.hash.slice(FRAGMENT_PREFIX.length);
  history.replaceState(null, '', location.pathname + location.search);
  try {
    return decodeBase64Url(data);
  } catch {
    return '';
  }
}

function shareUrl() {
  const url = new URL(location.href);
  url.hash = `${FRAGMENT_PREFIX}${encodeBase64Url(JSON.stringify(state.request))}`;
  return url.href;
}

/** From the 1-based line and column (in code points) of a diagnostic to a string offset. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l += 1) offset = text.indexOf('\n', offset) + 1;
  for (let c = 1; c < column && offset < text.length; c += 1) offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  return offset;
}

/**
 * Replaces the state with a request given as JSON text. Refuses text that is not
 * JSON (saying where, from the validator's json/syntax-error params) or not an
 * object; anything else is loaded as it is and the validator reports its problems.
 */
function importText(text, origin) {
  const status = $('import-status');
  status.className = 'import-status';
  const result = validate(text);
  const syntax = result.errors.find((d) => d.code === 'json/syntax-error');
  if (syntax) {
    const { line, column } = syntax.params;
    status.classList.add('error');
    status.replaceChildren(h('strong', { text: `Not imported: ${origin} is not valid JSON (line ${line}, column ${column}).` }), ` ${syntax.message}`);
    return false;
  }
  // The validator reads 64 levels deep; a request nested deeper is refused
  // before JSON.parse can run out of stack on it.
  const tooDeep = result.errors.find((d) => d.code === 'json/too-deep');
  let value;
  try {
    value = tooDeep ? undefined : parseJson(text);
  } catch {
    value = undefined;
  }
  if (tooDeep || value === undefined) {
    status.classList.add('error');
    status.replaceChildren(h('strong', { text: `Not imported: ${origin} nests objects or arrays too deeply to be a request.` }));
    return false;
  }
  if (!isObject(value)) {
    const problem = result.errors.find((d) => d.code === 'request/not-an-object');
    status.classList.add('error');
    status.replaceChildren(h('strong', { text: `Not imported: ${origin} is not a request.` }), ` ${problem?.message ?? ''}`);
    return false;
  }
  state.request = value;
  fillForm();
  openSectionsWithContent();
  render();
  // JSON-level notes (a duplicated member) are lost once parsed, so say them now.
  const notes = result.warnings.filter((d) => d.code.startsWith('json/')).map((d) => ` Note: ${d.message}`);
  status.classList.add('ok');
  status.replaceChildren(h('strong', { text: `Imported ${origin}.` }), ...notes);
  return true;
}

/** Tells the user what a button did (a polite live region; cleared first so a repeat is announced again). */
function say(message) {
  const status = $('output-status');
  status.textContent = '';
  status.textContent = message;
}

async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    say(`${what} copied to the clipboard.`);
    return true;
  } catch {
    // No clipboard access (e.g. plain http on another host): leave it to the user.
    return false;
  }
}

function download(text) {
  const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'application/json' }));
  const link = h('a', { href: url, download: 'create-task.json', hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say('Downloading create-task.json.');
}

// ---------------------------------------------------------------------------
// Events.
// ---------------------------------------------------------------------------

function addRow(listPointer) {
  const items = getAt(state.request, listPointer);
  if (!Array.isArray(items)) setAt(state.request, listPointer, []);
  getAt(state.request, listPointer).push({});
  const list = focusTarget(listPointer);
  renderRows(list);
  render();
  list.querySelector(':scope > .rows > .row:last-child [name]')?.focus();
}

function removeRow(rowPointer) {
  const listPointer = parentPointer(rowPointer);
  const index = Number(rowPointer.slice(listPointer.length + 1));
  removeAt(state.request, rowPointer);
  const list = focusTarget(listPointer);
  renderRows(list);
  render();
  // Keep the keyboard where it was: the next row's remove button, else the add button.
  const buttons = list.querySelectorAll(':scope > .rows > .row > [data-remove-row]');
  (buttons[Math.min(index, buttons.length - 1)] ?? list.querySelector('[data-add-row]')).focus();
}

function wireEvents() {
  const form = $('task-form');
  form.addEventListener('input', (event) => {
    if (!event.target.name?.startsWith('/')) return;
    updateFromControl(event.target);
    render();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('click', (event) => {
    const add = event.target.closest('[data-add-row]');
    const remove = event.target.closest('[data-remove-row]');
    if (add) addRow(add.dataset.addRow);
    if (remove) removeRow(remove.dataset.removeRow);
  });

  $('summary-list').addEventListener('click', (event) => {
    const link = event.target.closest('a[data-focus]');
    const remove = event.target.closest('[data-remove-member]');
    if (link) {
      event.preventDefault(); // focus the control instead of changing the URL fragment
      focusMember(link.dataset.focus);
    }
    if (remove) {
      removeAt(state.request, remove.dataset.removeMember);
      fillForm();
      render();
      $('summary-title').focus();
    }
  });

  $('show-defaults').addEventListener('change', (event) => {
    try {
      localStorage.setItem(SHOW_DEFAULTS_KEY, event.target.checked ? '1' : '0');
    } catch {
      // Not remembered; fine.
    }
    showOutput(JSON.stringify(state.request, null, 2));
  });
  $('copy-json').addEventListener('click', async () => {
    if (!(await copyText(outputText(), 'The JSON'))) {
      getSelection().selectAllChildren($('json-output'));
      say('Could not reach the clipboard: the JSON is selected, press Ctrl+C (⌘C) to copy it.');
    }
  });
  $('download-json').addEventListener('click', () => download(outputText()));
  $('copy-link').addEventListener('click', async () => {
    const url = shareUrl();
    const field = $('share-url');
    field.value = url;
    $('share').hidden = false;
    if (!(await copyText(url, 'A link to this request'))) {
      field.focus();
      field.select();
      say('Could not reach the clipboard: the link is selected below, press Ctrl+C (⌘C) to copy it.');
    }
  });
  $('clear-form').addEventListener('click', () => {
    state.request = {};
    fillForm();
    render();
    say('The form is cleared.');
  });

  $('import-button').addEventListener('click', () => {
    const textarea = $('import-text');
    if (importText(textarea.value, 'the pasted text')) return;
    const syntax = validate(textarea.value).errors.find((d) => d.code === 'json/syntax-error');
    if (syntax) {
      // Put the caret where the error is.
      const offset = offsetOf(textarea.value, syntax.params.line, syntax.params.column);
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
    }
  });
  $('import-file').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    importText(await file.text(), `the file “${file.name}”`);
    event.target.value = ''; // so choosing the same file again imports it again
  });
  window.addEventListener('hashchange', () => {
    const text = takeFragment();
    if (text !== null) importText(text, 'the link');
  });
}

async function start() {
  try {
    await init();
  } catch (error) {
    const status = $('app-status');
    status.textContent = `Could not load the validator (${error.message}). Build the package with scripts/build.sh and serve the repository root.`;
    status.classList.add('error');
    return;
  }
  setText($('version'), `Validator version ${version()}.`);
  buildForm(fields());
  try {
    $('show-defaults').checked = localStorage.getItem(SHOW_DEFAULTS_KEY) === '1';
  } catch {
    // Storage disabled.
  }
  const fromLink = takeFragment();
  state.request = loadSaved() ?? {};
  fillForm();
  openSectionsWithContent();
  render();
  wireEvents();
  $('app-status').hidden = true;
  $('app').hidden = false;
  document.body.dataset.state = 'ready';
  // Last, so that a hostile link can at worst fail to import, never stop the page.
  if (fromLink !== null) importText(fromLink, 'the link');
}

start();
