// Builds the form from fields(): one collapsible section per `section` (in
// `sectionOrder`), a labelled control per member with its help said once, and
// a diagnostics slot per member, object and list. Keeps the registries in
// state (slots, controls, groups) so nothing later searches the document.
import { getAt, parentPointer } from '../pkg/web/form-kit.js';
import { $, h, idFor, patternOf, plural } from './dom.js';
import { DETAILS, ENDS, LOCATION_TYPES, arnOf, detailApplies, endOf, pairText, pairTypes, scopeHolds } from './locations.js';
import { MODES, SCHEDULE_POINTER, state } from './state.js';
import { refusedInMode } from './check.js';

/** The sections open when the page loads (the required members and the task mode). */
const OPEN_SECTIONS = new Set(['Locations', 'Task mode', 'General', 'Options']);
/** At most this many list rows are rendered; the rest stay in the request and its JSON. */
export const ROW_LIMIT = 100;
/** The task mode whose defaults apply: TaskMode when it is a valid one, else BASIC (its default). */
export function currentMode() {
  const mode = getAt(state.request, '/TaskMode');
  return MODES.includes(mode) ? mode : 'BASIC';
}

/** Builds every section from the flat fields() list. */
export function buildForm(fieldList) {
  for (const field of fieldList) state.nodes.set(field.pointer, { ...field, children: [] });
  const sections = new Map(); // name -> { order, nodes }
  for (const node of state.nodes.values()) {
    const parent = state.nodes.get(parentPointer(node.pointer));
    if (parent) parent.children.push(node);
    // A member starts a block of its section when it is a root or its parent is shown elsewhere.
    if (!parent || parent.section !== node.section) {
      if (!sections.has(node.section)) sections.set(node.section, { order: node.sectionOrder ?? sections.size, nodes: [] });
      sections.get(node.section).nodes.push(node);
    }
  }
  // Every operation has the Locations step (validate() takes `locations` for all three); for
  // UpdateTask and StartTaskExecution, whose requests have no location ARNs, it describes the task's ends.
  if (!sections.has('Locations')) sections.set('Locations', { order: -1, nodes: [] });
  const form = $('task-form');
  const ordered = [...sections.entries()].sort((a, b) => a[1].order - b[1].order);
  for (const [name, { nodes }] of ordered) form.append(renderSection(name, nodes));
  form.append(rowFormsHome()); // after the sections, though it shows nothing
  register(form);
}

/**
 * Removes every section and forgets its registries, before the form is built
 * again for another operation (the request itself is kept).
 */
export function removeForm() {
  const form = $('task-form');
  for (const element of form.querySelectorAll(':scope > details.section, :scope > .row-forms')) element.remove();
  for (const map of [state.nodes, state.slots, state.controls, state.groups, state.slotSection, rowForms]) map.clear();
  state.scoped = [];
  state.mode = null;
}

/** Records the slots, controls and groups under `root` in state's registries. */
export function register(root) {
  for (const slot of root.querySelectorAll('[data-diagnostics-for]')) {
    state.slots.set(slot.dataset.diagnosticsFor, slot);
    state.slotSection.set(slot.dataset.diagnosticsFor, slot.closest('details.section')?.dataset.section ?? '');
  }
  for (const control of root.querySelectorAll('[name^="/"]')) state.controls.set(control.name, control);
  for (const group of root.querySelectorAll('[data-group]')) state.groups.set(group.dataset.group, group);
}

/** Forgets the registry entries below `pointer` (before a list's rows are rebuilt). */
function unregisterBelow(pointer) {
  const prefix = `${pointer}/`;
  for (const map of [state.slots, state.controls, state.groups, state.slotSection]) {
    for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
  }
}

/** A collapsible section with an accessible name ("Options, 3 errors" once it has problems). */
function renderSection(name, nodes) {
  const titleId = idFor('section-title-', name.replace(/ /g, '-'));
  const single = nodes.length === 1 && (nodes[0].type === 'object' || nodes[0].type === 'array') && nodes[0].label === name;
  const body = [];
  if (name === 'Locations') body.push(renderLocationStep());
  for (const node of nodes) body.push(renderNode(node, node.pointer, { flat: single, helps: new Map() }));
  // The section's accessible name ("Options, 3 errors"): a hidden element may name another one.
  const nameId = `${titleId}-name`;
  // Each section's controls are a form of their own: after every keystroke Chromium's
  // autofill scans the form the text box belongs to, every control of it (about 600
  // style and layout checks per key with 50 tags in one form, measured in
  // docs/performance.md), so a smaller form costs each keystroke less. A list's
  // rows have forms of their own (rowForm).
  const section = h('details', { class: 'section', 'data-section': name, open: OPEN_SECTIONS.has(name), 'aria-labelledby': nameId },
    h('summary', {},
      h('span', { class: 'section-title', id: titleId, text: name },
        h('span', { class: 'badge', 'data-section-badge': '' }))),
    h('span', { id: nameId, hidden: true, 'data-section-name': '', text: name }),
    h('form', { class: 'section-body', novalidate: true }, ...body));
  if (name === 'Locations') placeLocationStep(section);
  return section;
}

/** `pointer` is the concrete pointer (with list indices) of `node`'s member. */
function renderNode(node, pointer, context) {
  if (node.type === 'object') return renderGroup(node, pointer, context);
  if (node.type === 'array') return renderList(node, pointer, context);
  return renderField(node, pointer, context);
}

/** The element that shows a member's diagnostics; empty when there are none. */
function diagnosticsSlot(pointer) {
  return h('div', { class: 'diagnostics', id: idFor('diagnostics', pointer), 'data-diagnostics-for': pointer });
}

/** The member's help, then its format, limits and (when too long for a placeholder) an example. */
function helpText(node) {
  const parts = [node.help];
  if (node.formatHint) parts.push(`Format: ${node.formatHint}.`);
  if (node.maxLength !== undefined) parts.push(`At most ${node.maxLength.toLocaleString('en')} characters.`);
  if (node.example && !placeholderFor(node)) parts.push(`Example: ${node.example}`);
  return parts.join(' ');
}

/** A short example fits in the box as a placeholder; a long one would be clipped, so it goes in the help. */
function placeholderFor(node) {
  return node.example && node.example.length <= 18 && !node.enum ? `e.g. ${node.example}` : undefined;
}

/** " (required)" for the request's own required members, a qualified note for nested ones. */
function requiredNote(node) {
  if (!node.required) return null;
  const parent = state.nodes.get(parentPointer(node.pointer));
  let text = 'required';
  if (parent?.pointer.endsWith('/*')) text = `required in each ${parent.label.toLowerCase()}`;
  else if (parent) text = `required with ${shownGroup(parent).label}`;
  return h('span', { class: 'required', text: ` (${text})` });
}

/**
 * The group the user sees a member's parent as: an object that is the only
 * member of its own parent shares that parent's fieldset (renderGroup), so a
 * note names the legend the user sees ("Report destination"), not the merged
 * object ("In Amazon S3").
 */
function shownGroup(node) {
  const parent = state.nodes.get(parentPointer(node.pointer));
  const merged = parent?.type === 'object' && parent.children.length === 1 && node.type === 'object' && !isWrapper(node) && !parent.pointer.endsWith('/*');
  return merged ? parent : node;
}

/** A label inside a sentence: its first letter in lower case, unless the word is a name ("Amazon S3", "NFS"). */
const inSentence = (label) => (/^[A-Z][a-z]/.test(label) && !/^(Amazon|Microsoft|Azure|Hadoop)\b/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

/** The help paragraph, or nothing when the same text is already said in this group. */
function helpParagraph(node, context, text = helpText(node)) {
  const known = context.helps.get(text);
  if (known) return { id: known, element: null };
  const id = idFor('help', node.pointer);
  context.helps.set(text, id);
  return { id, element: h('p', { class: 'help', id, text }) };
}

/** Whether the pair of locations changes a member's default (fields()' locationDefault). */
const pairDefault = (node) => node.locationDefault !== undefined && scopeHolds(node.locationDefault) === true;

/** The value the service uses when a member is omitted: for the pair when it decides, else for the task mode. */
export function defaultFor(node, mode = currentMode()) {
  if (pairDefault(node)) return node.locationDefault.value;
  return node.default?.[mode];
}

/** The label a select's empty first option gets: the default for the current task mode (or pair), or "not set". */
export function firstOptionText(node, mode = currentMode()) {
  // An update or a run keeps the task's setting for what it omits.
  if (state.operation !== 'CreateTask') return '(not set: the task\'s setting)';
  if (!node.default) return '(not set)';
  const value = defaultFor(node, mode);
  const label = node.values?.find((v) => v.value === value)?.label;
  return `${pairDefault(node) ? 'Default for these locations' : 'Default'}: ${label ?? value}`;
}

function renderField(node, pointer, context, labelText = node.label, apiName = node.name) {
  const id = idFor('field', pointer);
  const inRow = patternOf(pointer) !== pointer; // rows share the help said once above the list
  const diagnostics = diagnosticsSlot(pointer);
  const help = inRow ? { id: idFor('help', node.pointer), element: null } : helpParagraph(node, context);
  let control;
  let note = null;
  let scopeNote = null;
  if (node.enum) {
    control = h('select', {}, h('option', { value: '', text: firstOptionText(node) }),
      ...node.enum.map((value) => h('option', { value, text: optionText(node, value) })));
    // What the chosen (or default) value means, with its API spelling.
    if (node.values) note = h('p', { class: 'choice-note', id: idFor('note', pointer), 'data-note-for': pointer });
    // Where the pair of locations makes the option do nothing, a note says so and why.
    if (node.appliesTo) scopeNote = h('p', { class: 'scope-note', id: idFor('scope', pointer), hidden: true });
  } else if (node.type === 'integer') {
    // A text box with a numeric keyboard rather than <input type="number">: that
    // one silently turns "1e" or "fast" into "", and we want the validator to say
    // what is wrong with whatever was typed (or imported).
    control = h('input', { type: 'text', inputmode: 'numeric', 'data-kind': 'integer', placeholder: placeholderFor(node) });
    // Where the browser changes a typed number (no JSON.rawJSON: 1.0 is read as 1), a note says so (app.js noteChangedNumber).
    note = h('p', { class: 'number-note', id: idFor('number', pointer), 'data-number-note': pointer, hidden: true });
  } else {
    control = h('input', { type: 'text', placeholder: placeholderFor(node), spellcheck: 'false' });
  }
  control.id = id;
  control.name = pointer;
  control.autocomplete = 'off';
  control.setAttribute('aria-describedby', [diagnostics.id, scopeNote?.id, note?.id, help.id].filter(Boolean).join(' '));
  if (node.required && !pointer.slice(1).includes('/')) control.setAttribute('aria-required', 'true');

  const field = h('div', { class: 'field' },
    h('div', { class: 'field-head' },
      h('label', { for: id }, labelText, requiredNote(node)),
      h('code', { class: 'api-name', text: apiName })),
    control,
    scopeNote,
    note,
    diagnostics,
    help.element);
  if (scopeNote) state.scoped.push({ node, field, control, note: scopeNote });
  if (pointer === SCHEDULE_POINTER) {
    field.insertBefore(h('div', { id: 'schedule-preview', class: 'schedule-preview', hidden: true }), diagnostics.nextSibling);
  }
  return field;
}

/** An object whose only member is one scalar (TaskReportConfig/Overrides/Transferred). */
const isWrapper = (node) => node.type === 'object' && node.children.length === 1
  && node.children[0].type !== 'object' && node.children[0].type !== 'array';

/**
 * An object member: a fieldset that can hold diagnostics about the object itself.
 * `flat` hides the legend when it would repeat the section title; an object whose
 * only member is another object (Destination > S3) shares one fieldset with it;
 * a wrapper of one scalar is shown as that scalar, labelled with the wrapper's name.
 */
function renderGroup(node, pointer, context) {
  if (isWrapper(node)) {
    const child = node.children[0];
    const diagnostics = diagnosticsSlot(pointer);
    const field = renderField(child, `${pointer}/${child.name}`, context, node.label, `${node.name}.${child.name}`);
    // The one control stands for the wrapper too: the wrapper's problems describe
    // it (and mark it invalid), and a link to the wrapper focuses it.
    const control = field.querySelector('[name]');
    control.dataset.group = pointer;
    control.setAttribute('aria-describedby', `${diagnostics.id} ${control.getAttribute('aria-describedby')}`);
    return h('div', { class: 'wrapper' }, diagnostics, field);
  }
  const diagnostics = diagnosticsSlot(pointer);
  const helps = new Map();
  const help = helpParagraph(node, { helps }, node.help);
  const inner = [];
  let members = node.children;
  let legend = node.label;
  const describedBy = [diagnostics.id, help.id];
  if (members.length === 1 && members[0].type === 'object' && !isWrapper(members[0])) {
    const only = members[0];
    const onlyPointer = `${pointer}/${only.name}`;
    const onlyDiagnostics = diagnosticsSlot(onlyPointer);
    legend = `${node.label}: ${inSentence(only.label)}`;
    // What a link to the inner object focuses: a named group (a plain element says nothing when focused).
    inner.push(h('div', { id: idFor('group', onlyPointer), 'data-group': onlyPointer, tabindex: -1, class: 'merged', role: 'group', 'aria-label': legend, 'aria-describedby': onlyDiagnostics.id }, onlyDiagnostics));
    describedBy.push(onlyDiagnostics.id);
    if (only.help !== node.help) inner.push(h('p', { class: 'help', text: only.help }));
    members = only.children.map((child) => ({ child, at: `${onlyPointer}/${child.name}` }));
  } else {
    members = members.map((child) => ({ child, at: `${pointer}/${child.name}` }));
  }
  const own = members.filter(({ child }) => child.section === node.section);
  const scalar = own.every(({ child }) => child.type !== 'object' && child.type !== 'array' || isWrapper(child));
  return h('fieldset', { class: `group${context.flat ? ' flat' : ''}`, id: idFor('group', pointer), 'data-group': pointer, tabindex: -1, 'aria-describedby': describedBy.join(' ') },
    h('legend', { class: context.flat ? 'visually-hidden' : null, text: legend }),
    help.element,
    diagnostics,
    ...inner,
    h('div', { class: scalar ? 'grid' : 'stack' },
      ...own.map(({ child, at }) => renderNode(child, at, { flat: false, helps }))));
}

/** A list member: help once for its items' members, one row per item, and an add button. */
function renderList(node, pointer, context) {
  const item = state.nodes.get(`${node.pointer}/*`);
  const diagnostics = diagnosticsSlot(pointer);
  const help = helpParagraph(node, context, node.help);
  const list = h('fieldset', { class: `group list${context.flat ? ' flat' : ''}`, id: idFor('group', pointer), 'data-group': pointer, 'data-list': pointer, tabindex: -1, 'aria-describedby': `${diagnostics.id} ${help.id}` },
    h('legend', { class: context.flat ? 'visually-hidden' : null, text: node.label }),
    help.element,
    h('ul', { class: 'help member-help' },
      ...item.children.map((child) => h('li', { id: idFor('help', child.pointer) },
        h('strong', { text: child.label }), requiredNote(child), `: ${helpText(child)}`))),
    diagnostics,
    h('div', { class: 'rows' }),
    h('p', { class: 'list-footer' },
      h('button', { type: 'button', 'data-add-row': pointer, text: `Add ${item.label.toLowerCase()}` }),
      h('span', { class: 'muted count' })),
    h('p', { class: 'list-overflow', hidden: true },
      h('span', { class: 'overflow-text' }), ' ',
      h('button', { type: 'button', class: 'secondary small', 'data-trim-list': pointer })));
  renderRows(list, false);
  return list;
}

/** A list's pointer -> the forms of its rendered rows (see rowForm). */
const rowForms = new Map();

/**
 * Makes a list row's controls (and the row) a form of their own: after every
 * keystroke Chromium's autofill scans each control of the form the text box
 * belongs to, and 50 tags in their section's form made that about 400 style and
 * layout checks per key in a tag (docs/performance.md, "Tags: a form per row").
 * A row sits inside its section's form, and a form cannot hold another one, so
 * the row's form is an empty element outside every section that its controls
 * name with the `form` attribute; Enter in a row with one text box submits it,
 * and the page cancels that as for a section's form.
 */
function rowForm(row, rowPointer) {
  const form = h('form', { id: idFor('form', rowPointer), novalidate: true });
  row.setAttribute('form', form.id);
  for (const control of row.querySelectorAll('input, select, textarea, button, fieldset')) control.setAttribute('form', form.id);
  return form;
}

/** The element that holds the list rows' forms: in the form's root (so their submit events reach its listener), outside every section. */
function rowFormsHome() {
  const root = $('task-form');
  let home = root.querySelector(':scope > .row-forms');
  if (!home) {
    home = h('div', { class: 'row-forms', hidden: true });
    root.append(home);
  }
  return home;
}

/**
 * (Re)creates a list's rows from the state, so names and indices always match.
 * Renders at most ROW_LIMIT rows; the others stay in the request (and its JSON),
 * and a button removes the items beyond the model's limit.
 */
export function renderRows(list, registerNow = true) {
  const pointer = list.dataset.list;
  const node = state.nodes.get(patternOf(pointer));
  const item = state.nodes.get(`${node.pointer}/*`);
  const noun = item.label.toLowerCase();
  const items = getAt(state.request, pointer);
  const count = Array.isArray(items) ? items.length : 0;
  const rows = [];
  const forms = [];
  for (let index = 0; index < Math.min(count, ROW_LIMIT); index += 1) {
    const rowPointer = `${pointer}/${index}`;
    const context = { flat: false, helps: new Map() };
    const diagnostics = diagnosticsSlot(rowPointer);
    const row = h('fieldset', { class: 'row', id: idFor('group', rowPointer), 'data-group': rowPointer, tabindex: -1, 'aria-describedby': diagnostics.id },
      h('legend', { text: `${item.label} ${index + 1}` }),
      diagnostics,
      h('div', { class: 'row-fields' }, ...item.children.map((child) => renderNode(child, `${rowPointer}/${child.name}`, context))),
      h('button', { type: 'button', class: 'secondary', 'data-remove-row': rowPointer, text: `Remove ${noun} ${index + 1}` }));
    forms.push(rowForm(row, rowPointer));
    rows.push(row);
  }
  const container = list.querySelector(':scope > .rows');
  if (registerNow) unregisterBelow(pointer);
  // The forms first, so each row's controls find theirs as soon as they are in the document.
  for (const form of rowForms.get(pointer) ?? []) form.remove();
  rowFormsHome().append(...forms);
  rowForms.set(pointer, forms);
  container.replaceChildren(...rows);
  list.querySelector(':scope > .list-footer > .count').textContent = ` ${plural(count, noun)} (at most ${node.maxItems})`;
  const overflow = list.querySelector(':scope > .list-overflow');
  overflow.hidden = count <= ROW_LIMIT;
  if (count > ROW_LIMIT) {
    overflow.querySelector('.overflow-text').textContent = `Showing the first ${ROW_LIMIT} of ${plural(count, noun)}; the others are kept in the request JSON.`;
    overflow.querySelector('button').textContent = `Remove the ${plural(count - node.maxItems, noun)} beyond ${node.maxItems}`;
  }
  if (registerNow) register(container);
  for (const control of container.querySelectorAll('[name]')) showValue(control, getAt(state.request, control.name));
}

/**
 * The Locations step's own controls (not part of the request): under each ARN,
 * what that location is (its type, and the details a rule reads for that type
 * and end); after both, a box for pasted ListLocations / DescribeLocation*
 * output, whose ARNs the ARN fields then suggest.
 */
function renderLocationStep() {
  const select = (id, which, key, choices) => h('select', { id, 'data-location': which, 'data-detail': key, 'aria-describedby': 'location-step-help' },
    h('option', { value: '', text: '(not given)' }),
    ...choices.map(([value, text]) => h('option', { value, text })));
  const ends = ENDS.map(([which, , label]) => {
    const typeId = `location-${which}-type`;
    const details = DETAILS.filter((detail) => detail.ends.includes(which)).map((detail) => {
      const id = `location-${which}-${detail.key}`;
      return h('div', { class: 'field', 'data-detail-field': detail.key, hidden: true },
        h('div', { class: 'field-head' },
          h('label', { for: id, text: `${label} ${detail.label}` }),
          h('code', { class: 'api-name', text: detail.apiName })),
        select(id, which, detail.key, detail.choices));
    });
    return h('div', { class: 'location-end', 'data-location-end': which },
      h('div', { class: 'grid' },
        h('div', { class: 'field' },
          h('div', { class: 'field-head' }, h('label', { for: typeId, text: `${label} location type` })),
          select(typeId, which, 'type', LOCATION_TYPES)),
        ...details),
      h('p', { class: 'muted location-from', 'data-location-from': which, hidden: true }));
  });
  // Without ARN fields (UpdateTask, StartTaskExecution), each end says which location it is: the task's.
  for (const [index, [which]] of ENDS.entries()) ends[index].prepend(h('p', { class: 'location-arn', 'data-location-arn': which, hidden: true }));
  const paste = h('div', { class: 'location-paste' },
    h('label', { for: 'locations-text' }, 'Or paste ', h('code', { text: 'aws datasync list-locations' }), ' output, or ',
      h('code', { text: 'describe-location-*' }), ' responses (JSON)'),
    h('textarea', { id: 'locations-text', rows: 3, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'locations-status' }),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'locations-button', text: 'Use these locations' })),
    h('p', { id: 'locations-status', class: 'import-status', role: 'status', 'aria-live': 'polite' }),
    h('datalist', { id: 'known-locations' }));
  return h('div', { class: 'location-step', 'data-location-step': '' },
    ...ends,
    h('p', { class: 'help', id: 'location-step-help', text: 'What each location is (from the console, ListLocations or DescribeLocation*) lets the validator apply the rules and defaults that depend on the pair, and marks the options that do nothing for it. None of it is part of the request.' }),
    paste);
}

/** Puts each end's controls right under its ARN, and the help and paste box after the destination. */
function placeLocationStep(section) {
  const step = section.querySelector('[data-location-step]');
  const fieldOf = (name) => section.querySelector(`[name="${name}"]`)?.closest('.field');
  for (const [which, member] of ENDS) {
    const field = fieldOf(member);
    field?.querySelector('input')?.setAttribute('list', 'known-locations');
    field?.after(step.querySelector(`[data-location-end="${which}"]`));
  }
  fieldOf('/DestinationLocationArn')?.parentElement.append(step.querySelector('#location-step-help'), step.querySelector('.location-paste'));
  if (step.children.length === 0) step.remove();
}

/** Makes the Locations step show what it knows of each end's ARN: values, and the details that matter for each type. */
export function showLocationStep() {
  for (const [which] of ENDS) {
    const end = endOf(which);
    const box = document.querySelector(`[data-location-end="${which}"]`);
    if (!box) continue;
    for (const select of box.querySelectorAll('select[data-detail]')) {
      const value = end[select.dataset.detail] ?? '';
      // A value the list does not have (a newer storage class, say) is shown as it is.
      if (value !== '' && ![...select.options].some((o) => o.value === value)) select.append(h('option', { value, text: value }));
      if (select.value !== value) select.value = value;
    }
    for (const field of box.querySelectorAll('[data-detail-field]')) {
      field.hidden = !detailApplies(DETAILS.find((d) => d.key === field.dataset.detailField), which, end.type);
    }
    const arnLine = box.querySelector('[data-location-arn]');
    const taskEnd = !state.controls.has(ENDS.find(([end]) => end === which)[1]); // no ARN field: the task's end
    const arn = arnOf(which);
    const arnText = !taskEnd ? '' : arn ? `The task's ${which} location: ${arn}` : `The task's ${which} location: not known until the task is given (above).`;
    if (arnLine.textContent !== arnText) arnLine.textContent = arnText;
    arnLine.hidden = arnText === '';
    const from = box.querySelector('[data-location-from]');
    const text = end.uri ? `From the pasted locations: ${end.uri}${end.type ? '' : ' (a kind of location this version does not know: no rule that needs its type applies)'}` : '';
    if (from.textContent !== text) from.textContent = text;
    from.hidden = text === '';
  }
}

/** The pasted ARNs, suggested by the ARN fields (the URI says which is which). */
export function showKnownLocations() {
  const list = $('known-locations');
  if (!list) return;
  list.replaceChildren(...[...state.library.values()].slice(0, 200).map((entry) => h('option', { value: entry.LocationArn, label: entry.LocationUri ?? entry.type ?? '' })));
}

// ---------------------------------------------------------------------------
// State -> controls.
// ---------------------------------------------------------------------------

/** What a text box shows for a value; objects and arrays cannot be shown in one. */
function controlText(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value !== null && typeof value === 'object' && typeof JSON.isRawJSON === 'function' && JSON.isRawJSON(value)) return value.rawJSON;
  return '';
}

/** What a value no control can show as text is: 'null', 'a list', 'an object'; '' for any other. */
function shapeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' && controlText(value) === '' ? 'an object' : '';
}

/** Makes a control show a value from the state. */
export function showValue(control, value) {
  if (control.tagName !== 'SELECT') {
    const text = controlText(value);
    if (control.value !== text) {
      control.value = text;
      // What a note said of the typed text is no longer in the box.
      const numberNote = control.parentElement?.querySelector(':scope > [data-number-note]');
      if (numberNote) numberNote.hidden = true;
    }
    // An empty box would say "nothing here"; one holding null, a list or an object says so.
    control.dataset.placeholder ??= control.placeholder;
    const shape = shapeOf(value);
    control.placeholder = shape ? `(${shape}: not allowed)` : control.dataset.placeholder;
    control.toggleAttribute('data-unshown', shape !== '');
    return;
  }
  control.querySelector('option[data-imported]')?.remove();
  const known = typeof value === 'string' && value !== '' && [...control.options].some((o) => o.value === value);
  if (value === undefined || known) {
    control.value = value ?? '';
    updateChoiceNote(control);
    return;
  }
  // A value the model does not allow (from an import): show it, so the control
  // and its diagnostic agree; choosing another option replaces it.
  const label = JSON.stringify(value) ?? String(value);
  const option = h('option', { value: controlText(value), 'data-imported': true, text: `${label.slice(0, 40)} (not allowed)` });
  control.append(option);
  // Selected by itself: for "", null, a list or an object its value is '' as the default's is, and
  // setting control.value would select the default, so choosing the default would change nothing.
  option.selected = true;
  updateChoiceNote(control);
}

/** Makes every control show the state (after an import, a reload, clearing or a fix). */
export function fillForm() {
  for (const list of $('task-form').querySelectorAll('[data-list]')) renderRows(list);
  for (const [pointer, control] of state.controls) showValue(control, getAt(state.request, pointer));
  showLocationStep();
}

/** Opens the sections that hold something, e.g. after an import. */
export function openSectionsWithContent() {
  for (const section of $('task-form').querySelectorAll('details.section')) {
    // (A control holding "", null, a list or an object shows it as an empty value: it is content too.)
    if ([...section.querySelectorAll('[name]')].some((control) => control.value !== '' || control.matches('[data-unshown], :has(> [data-imported])'))) {
      section.open = true;
    }
  }
}

/**
 * The task mode the rules apply: the request's TaskMode (BASIC by default) for
 * CreateTask, the task's for UpdateTask and StartTaskExecution (null while no
 * task with a mode is given).
 */
function rulesMode() {
  if (state.operation === 'CreateTask') return currentMode();
  return MODES.includes(state.task?.TaskMode) ? state.task.TaskMode : null;
}

/** A choice's label, and when the task mode refuses it (the validator says so: check.js refusedInMode), the mode that takes it. */
function optionText(node, value, mode = rulesMode()) {
  const label = node.values?.find((v) => v.value === value)?.label ?? value;
  // Short enough for a 320 px wide select; with two modes, the one that takes it.
  return refusedInMode(node, value, mode) ? `${label} (${mode === 'ENHANCED' ? 'Basic' : 'Enhanced'} only)` : label;
}

/** The selects' first options name the default for the current TaskMode; choices the mode refuses say so. */
export function updateDefaultLabels() {
  const pair = pairTypes();
  const mode = `${currentMode()} ${rulesMode()} ${pair.source} ${pair.destination}`;
  if (mode === state.mode) return;
  state.mode = mode;
  updateScopes(pair);
  for (const [pointer, control] of state.controls) {
    if (control.tagName !== 'SELECT') continue;
    const node = state.nodes.get(patternOf(pointer));
    if (node.default) control.options[0].textContent = firstOptionText(node);
    for (const option of [...control.options].slice(1)) {
      const text = option.dataset.imported === undefined ? optionText(node, option.value) : option.textContent;
      if (option.textContent !== text) option.textContent = text;
    }
    updateChoiceNote(control);
  }
}

/** Under a select: what the chosen value (or the default) does, with its API spelling. */
export function updateChoiceNote(control) {
  const note = control.parentElement.querySelector(':scope > .choice-note');
  if (!note) return;
  const node = state.nodes.get(patternOf(control.name));
  const imported = control.selectedOptions[0]?.dataset.imported !== undefined; // a value the model does not allow
  const chosen = imported ? '' : control.value || (defaultFor(node) ?? '');
  const value = node.values?.find((v) => v.value === chosen);
  const text = value ? `${value.value}: ${value.description}` : '';
  if (note.textContent !== text) note.textContent = text;
}

/** Marks the options that do nothing for the pair of locations (fields()' appliesTo), with the reason. */
function updateScopes(pair) {
  for (const { node, field, note } of state.scoped) {
    const inapplicable = scopeHolds(node.appliesTo, pair) === false;
    const text = inapplicable ? `Not for these locations (${pairText(pair)}): ${node.appliesTo.note}` : '';
    if (note.textContent !== text) note.textContent = text;
    note.hidden = !inapplicable;
    field.classList.toggle('inapplicable', inapplicable);
  }
}
