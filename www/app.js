// The form's events and its start: typing, rows, fixes, the Locations step's
// paste, imports (pasted, a file, a link) and the buttons. The rest lives in
// modules of its own: the state (state.js); validation with the page's context
// (check.js); rendering, replacing the request and building the form for an
// operation (render.js, build-form.js, feedback.js, output.js); Undo (undo.js);
// links (link.js); the operation and its task (operation.js, operation-step.js);
// the locations (locations.js). The page keeps the request as one plain object
// (so members the form has no control for, such as unknown ones from an import,
// are kept). The generic plumbing (JSON Pointers, JSON Patch, exact numbers,
// base64url) is the package's own datasync-task-validator/form-kit.
//
// Contract for portals and tests:
//   - every control's `name` is the JSON Pointer of its member (/Tags/0/Key);
//   - the element with `data-diagnostics-for="<pointer>"` shows that member's
//     diagnostics (objects and lists have one too) and is empty when there are
//     none or the user has not touched the member yet;
//   - #json-output holds the request as JSON text (up to 500 lines, and 10,000
//     characters of a key or value; a note says what is left out).
//
// Safety: user text only ever reaches the page through textContent, attribute
// values and form values (see h() in dom.js); there is no innerHTML anywhere.
import init, { fields, validate, version } from '../pkg/web/index.js';
import {
  applyPatch, encodeBase64Url, getAt, numberFromText, parentPointer, parseExact, removeAt, setAt, splitPointer,
} from '../pkg/web/form-kit.js';
import { $, countText, h, setText } from './dom.js';
import {
  buildForm, openSectionsWithContent, renderRows, showKnownLocations, showLocationStep, updateChoiceNote,
} from './build-form.js';
import { ENDS, arnOf, endFromEntry, readPasted, remember } from './locations.js';
import { fixLabel, forgetShown, holdHeights, releaseHeights } from './feedback.js';
import {
  SHOW_DEFAULTS_KEY, flushSave, loadSaved, otherTabState, readPreference, save, useSavedLocations, watchOtherTabs, whileLoading, writePreference,
} from './output.js';
import { checkDescription, checkTask, validateOptions } from './check.js';
import {
  describeEnd, flushRender, focusMember, outputText, renderedText, render, replaceRequest, saveChoice, say, showEverything, showOperation, showOutput,
} from './render.js';
import { forgetUndo, offerUndo, snapshot, undo } from './undo.js';
import { keepFragment, linkLocations, linkedOperation, shareUrl, takeFragment } from './link.js';
import { notARequest, restoreOperation, useLinkedOperation, wireOperation } from './operation-step.js';
import { TASK_PASTE_LIMIT, fragmentExtra, isOperation, taskFrom } from './operation.js';
import { emptyEnd, state, touch } from './state.js';



// ---------------------------------------------------------------------------
// State changes.
// ---------------------------------------------------------------------------

/** Copies one control's value into the state: an empty value omits the member. */
function updateFromControl(control) {
  const text = control.value;
  const value = control.dataset.kind === 'integer' ? numberFromText(text) : text;
  if (text === '') removeAt(state.request, control.name);
  else setAt(state.request, control.name, value);
  if (control.tagName === 'SELECT') updateChoiceNote(control);
  if (control.dataset.kind === 'integer') noteChangedNumber(control, text, value);
}

/**
 * Where the browser has no JSON.rawJSON (Firefox before 135, Safari before
 * 18.4), a typed number a double cannot keep as written (1.0, 1e3,
 * 9007199254740993) is held as the nearest plain number. The note under the
 * box says so and what the validator says of the number as typed, as an
 * import says it (changedNumbers).
 */
function noteChangedNumber(control, text, value) {
  const note = control.parentElement.querySelector(':scope > [data-number-note]');
  if (!note) return;
  const typed = text.trim();
  const changed = typeof value === 'number' && typeof JSON.rawJSON !== 'function' && String(value) !== typed;
  note.hidden = !changed;
  note.classList.remove('problem');
  if (!changed) return;
  // The request's text with this member written as typed: its findings at this member are what the text as typed has.
  const mark = '\u0000typed\u0000';
  setAt(state.request, control.name, mark);
  const asTyped = JSON.stringify(state.request).replace(JSON.stringify(mark), typed);
  setAt(state.request, control.name, value);
  const options = validateOptions();
  const result = options ? validate(asTyped, options) : validate(asTyped);
  const found = [...result.errors, ...result.warnings].filter((d) => d.path === control.name);
  note.classList.toggle('problem', result.errors.some((d) => d.path === control.name));
  setText(note, `This browser reads ${typed} as ${value} (it has no JSON.rawJSON), so the request holds ${value}.${
    found.length > 0 ? ` As typed, the validator says: ${found.map((d) => d.message).join(' ')}` : ''}`);
}

/** Imports up to this size are validated as text too, for JSON-level notes (duplicated members). */
const SMALL_TEXT = 256 * 1024;
/** How deep the validator reads JSON (json/too-deep beyond). */
const MAX_DEPTH = 64;

/** How many `{` and `[` the text has, strings included: a bound on how deep its value can nest. */
function openers(text) {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) count += 1;
  }
  return count;
}

/** Whether a parsed value nests objects or arrays more than `limit` deep (iteratively: no stack to run out of). */
function deeperThan(value, limit) {
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop();
    if (item === null || typeof item !== 'object' || (typeof JSON.isRawJSON === 'function' && JSON.isRawJSON(item))) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Where the browser has no JSON.rawJSON (Firefox before 135, Safari before
 * 18.4), parsing changes numbers a double cannot keep as written (1.0, 1e3,
 * 9007199254740993), and the form then judges the changed ones. The text's own
 * verdict (`first`) is compared with the verdict on the request as parsed, and
 * what only the text has is said, with the validator's words.
 */
function changedNumbers(first, value) {
  if (typeof JSON.rawJSON === 'function' || first.errors.some((d) => d.code.startsWith('json/'))) return [];
  const key = (d) => `${d.code} ${d.path}`;
  const parsed = validate(JSON.stringify(value));
  const seen = new Set([...parsed.errors, ...parsed.warnings].map(key));
  const lost = [...first.errors, ...first.warnings].filter((d) => !d.code.startsWith('json/') && !seen.has(key(d)));
  if (lost.length === 0) return [];
  return [h('strong', { class: 'problem', text: ' This browser changed numbers in it:' }),
    ' without JSON.rawJSON it reads a number such as 1.0, 1e3 or one beyond 2^53 as the nearest plain number, so the form cannot show what the text as written has:',
    ...lost.slice(0, 3).map((d) => h('span', { class: 'problem', text: ` ${d.message}` })),
    ' (Chrome and Edge 114+, Firefox 135+ and Safari 18.4+ keep numbers as written.)'];
}

/**
 * Replaces the state with a request given as JSON text. Refuses text that is not
 * JSON (saying where, from the validator's json/syntax-error params) or not an
 * object; anything else is loaded as it is and the validator reports its
 * problems. While it loads, a marker in localStorage says so (see whileLoading).
 * A request that replaces one being built can be undone. `locations`: a link's
 * Locations step (JSON text of location descriptions), which describes the ends.
 * `file`: the text is a file's, so a byte order mark is the AWS CLI's refusal.
 */
function importText(text, origin, kind, { locations = null, file = false, linked = null } = {}) {
  const status = $('import-status');
  status.className = 'import-status';
  const refuse = (...content) => {
    status.classList.add('error');
    status.replaceChildren(...content);
    return false;
  };
  // Parse first: the request is validated when it is rendered, so a large import
  // is validated once. The text itself is validated too when parsing fails (for
  // the line and column) or when it is small (for JSON-level notes, such as a
  // duplicated member, that parsing loses).
  // JSON.parse refuses a leading byte order mark; the validator skips one, and so does the import.
  let value;
  let failure;
  try {
    value = parseExact(text.replace(/^\ufeff/, ''));
  } catch (error) {
    failure = error;
  }
  const first = failure || text.length <= SMALL_TEXT ? validate(text) : { errors: [], warnings: [] };
  const syntax = first.errors.find((d) => d.code === 'json/syntax-error');
  if (syntax) {
    const { line, column } = syntax.params;
    // A --cli-input-yaml file (a member name, a comment or a document marker first) is not read
    // here: a YAML parser would weigh more than the form; the command line reads it.
    const yaml = /^\ufeff?\s*(#|---|[A-Za-z]+:\s)/.test(text)
      ? ' It looks like YAML: this page reads JSON only; the package\'s command line reads YAML request files too (see its README).' : '';
    // This page's links always hold a whole request: the line and column would be of text the user never saw.
    if (kind === 'link') return refuse(h('strong', { text: 'Not imported: the link is damaged or cut short.' }), ' It does not hold a whole request; ask for the link again.');
    return refuse(h('strong', { text: `Not imported: ${origin} is not valid JSON (line ${line}, column ${column}).` }), ` ${syntax.message}${yaml}`);
  }
  // The validator reads 64 levels deep; a request nested deeper is refused.
  // (Walking a large value for its depth takes a while; text with few brackets cannot be too deep.)
  const tooDeep = (parsed) => openers(text) > MAX_DEPTH && deeperThan(parsed, MAX_DEPTH);
  if (first.errors.some((d) => d.code === 'json/too-deep') || (!failure && tooDeep(value))) {
    return refuse(h('strong', { text: `Not imported: ${origin} nests objects or arrays too deeply to be a request.` }));
  }
  // Text the validator reads but this browser cannot parse: say so, with the browser's reason, never a guessed one.
  if (failure) return refuse(h('strong', { text: `Not imported: this browser cannot read ${origin} as JSON.` }), ` ${failure.message}`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const problem = validate(text).errors.find((d) => d.code === 'request/not-an-object');
    return refuse(h('strong', { text: `Not imported: ${origin} is not a request.` }), ` ${problem?.message ?? ''}`);
  }
  const other = notARequest(value, text, origin);
  if (other) return refuse(...other);
  const described = linkLocations(locations);
  const before = Object.keys(state.request).length > 0 ? snapshot(kind === 'link' ? 'the link' : 'the import') : null;
  whileLoading(kind, () => {
    // A link's operation and task come with its request, only once it is imported.
    if (linked) useLinkedOperation(linked);
    replaceRequest(value, { showAll: true, described });
    openSectionsWithContent();
  });
  save(renderedText); // what was just rendered, now that the load has finished
  if (linked) saveChoice(); // likewise
  // Say what came in: the counts, and the JSON-level notes that parsing loses (a duplicated member).
  const { errors, warnings } = state.result;
  const counts = countText(errors.length, warnings.length);
  const notes = first.warnings.filter((d) => d.code.startsWith('json/')).slice(0, 3).map((d) => ` Note: ${d.message}`);
  status.classList.add(errors.length ? 'error' : warnings.length ? 'warning' : 'ok');
  status.dataset.imported = '';
  // A file with a byte order mark: the AWS CLI's --cli-input-json refuses it (the command line says so too).
  const bom = file && text.startsWith('\ufeff');
  const changed = changedNumbers(first, value);
  if (bom || changed.length > 0) status.className = 'import-status error';
  status.replaceChildren(h('strong', { text: `Imported ${origin}` }),
    bom ? ', but the AWS CLI refuses the file itself: it starts with a byte order mark (U+FEFF), which --cli-input-json does not skip; save it as UTF-8 without one (Download gives the request without it). The request in it' : '',
    counts ? `: ${counts}, listed under Problems.` : ': no problems found.', ...notes, ...changed);
  if (described === null) status.append(' Note: the link\'s location descriptions are damaged, so no location rule uses them.');
  if (before) offerUndo(before, ' It replaced the request you had. ', status);
  else forgetUndo();
  document.querySelector('.side').scrollTo({ top: 0 });
  return true;
}

function addRow(listPointer) {
  forgetUndo(); // an edit: Undo would throw it away
  const current = getAt(state.request, listPointer);
  let before = null;
  if (!Array.isArray(current)) {
    // An imported value that is not a list ("team", an object) gives way to one; Undo brings it back.
    if (current !== undefined) before = snapshot(`adding a row to ${JSON.stringify(splitPointer(listPointer).at(-1))}`, listPointer);
    state.request = applyPatch(state.request, [{ op: 'add', path: listPointer, value: [] }]);
  }
  const items = getAt(state.request, listPointer);
  items.push({});
  touch(listPointer);
  const list = state.groups.get(listPointer);
  renderRows(list);
  forgetShown();
  render();
  if (before) offerUndo(before, `${JSON.stringify(splitPointer(listPointer).at(-1))} was not a list, and is one now. `);
  state.controls.get(`${listPointer}/${items.length - 1}/${list.querySelector('.row:last-child [name]')?.name.split('/').at(-1)}`)?.focus();
}

/** After item `index` of a list is removed, the touched marks of the items after it move up with them. */
function shiftTouched(listPointer, index) {
  const prefix = `${listPointer}/`;
  const next = new Set();
  for (const pointer of state.touched) {
    const rest = pointer.startsWith(prefix) ? pointer.slice(prefix.length) : null;
    const cut = rest?.indexOf('/') ?? -1;
    const item = rest === null ? NaN : Number(cut === -1 ? rest : rest.slice(0, cut));
    if (Number.isNaN(item) || item < index) next.add(pointer);
    else if (item > index) next.add(`${prefix}${item - 1}${cut === -1 ? '' : rest.slice(cut)}`);
  }
  state.touched = next;
}

function removeRow(rowPointer) {
  forgetUndo();
  const listPointer = parentPointer(rowPointer);
  const index = Number(rowPointer.slice(listPointer.length + 1));
  removeAt(state.request, rowPointer);
  shiftTouched(listPointer, index);
  touch(listPointer);
  const list = state.groups.get(listPointer);
  renderRows(list);
  forgetShown();
  render();
  // Keep the keyboard where it was: the next row's remove button, else the add button.
  const buttons = list.querySelectorAll(':scope > .rows > .row > [data-remove-row]');
  (buttons[Math.min(index, buttons.length - 1)] ?? list.querySelector('[data-add-row]')).focus();
}

function applyFix(button) {
  const diagnostic = [...state.result.errors, ...state.result.warnings]
    .find((d) => d.code === button.dataset.apply && d.path === button.dataset.path && Array.isArray(d.fix));
  if (!diagnostic) return;
  let patched;
  try {
    patched = applyPatch(state.request, diagnostic.fix);
  } catch (error) {
    say(`Could not apply the fix: ${error.message}`);
    return;
  }
  if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) return;
  const before = snapshot('the fix', diagnostic.fix[0].path);
  for (const operation of diagnostic.fix) touch(operation.path);
  replaceRequest(patched, { showAll: state.showAll });
  offerUndo(before, `${fixLabel(diagnostic.fix).replace(/^Apply: /, 'Applied: ')}. `);
  focusMember(diagnostic.fix[0].path);
}

/** "Remove it" on an unknown member: its value (a misspelt Exclude list, say) can be had back with Undo. */
function removeUnknown(pointer) {
  let removed;
  try {
    removed = applyPatch(state.request, [{ op: 'remove', path: pointer }]);
  } catch {
    return; // already gone
  }
  const name = JSON.stringify(splitPointer(pointer).at(-1));
  const before = snapshot(`removing ${name}`);
  replaceRequest(removed, { showAll: state.showAll });
  offerUndo(before, `Removed ${name}. `);
  $('summary-title').focus();
}

function clearForm() {
  const before = snapshot('Clear');
  state.touched.clear();
  state.ends = { source: emptyEnd(), destination: emptyEnd() };
  replaceRequest({}, { showAll: false });
  offerUndo(before, 'The form is cleared. ');
}

// ---------------------------------------------------------------------------
// The Locations step.
// ---------------------------------------------------------------------------

/** One detail of one end changed by hand, for the end's ARN; its rules' findings show from now on (they name the end's ARN as related). */
function changeLocation(which, detail, value) {
  state.ends[which] = { ...state.ends[which], [detail]: value, uri: '', pasted: '', arn: arnOf(which) };
  touch(ENDS.find(([end]) => end === which)[1]);
  showLocationStep();
}

/** Reads the pasted ListLocations / DescribeLocation* text and describes the ends whose ARNs it has. */
function usePastedLocations() {
  const textarea = $('locations-text');
  const status = $('locations-status');
  const read = readPasted(textarea.value, checkDescription);
  status.className = 'import-status';
  if (read.refused) {
    status.classList.add('error');
    status.replaceChildren(h('strong', { text: 'Not read: ' }), read.refused);
    return;
  }
  remember(state.library, read.entries);
  showKnownLocations();
  // Only the ends this paste has an ARN for are described from it (earlier pastes described theirs already).
  const described = [];
  for (const [which, member] of ENDS) {
    const arn = arnOf(which);
    const entry = read.entries.some((e) => e.LocationArn === arn) ? state.library.get(arn) : null;
    if (!entry) continue;
    state.ends[which] = endFromEntry(entry);
    touch(member);
    described.push(which);
  }
  showLocationStep();
  forgetUndo();
  render();
  const count = read.entries.length;
  const what = count === 0 ? 'No location was read.' : `Read ${count.toLocaleString('en')} location${count === 1 ? '' : 's'}. `;
  const ends = described.length === 2 ? 'Both ends of this task are described from them.'
    : described.length === 1 ? `The ${described[0]} of this task is described from them; the ARN fields suggest the others.`
      : count > 0 ? 'Neither ARN of this task is among them yet: the ARN fields suggest them as you type.' : '';
  status.classList.add(read.problems.length ? 'warning' : 'ok');
  status.replaceChildren(h('strong', { text: what }), ends, ...read.problems.map((problem) => h('span', { class: 'problem', text: ` ${problem}` })));
  if (count > 0) textarea.value = '';
}

// ---------------------------------------------------------------------------
// Events.
// ---------------------------------------------------------------------------

function wireEvents() {
  const form = $('task-form');
  form.addEventListener('input', (event) => {
    const control = event.target;
    if (control.dataset.location) {
      changeLocation(control.dataset.location, control.dataset.detail, control.value);
    } else if (control.name?.startsWith('/')) {
      updateFromControl(control);
      // An ARN from the pasted locations describes its end; another ARN does not
      // inherit what was given for the previous one.
      const end = ENDS.find(([, member]) => member === control.name);
      if (end) {
        describeEnd(end[0], control.value, { typed: true });
        showLocationStep();
      }
    } else {
      return;
    }
    forgetUndo();
    const typing = control.tagName !== 'SELECT';
    if (typing) holdHeights(control);
    render({ typing });
  });
  form.addEventListener('focusout', releaseHeights);
  // A field's problems show from its first change (a text box: when the user leaves it).
  form.addEventListener('change', (event) => {
    flushRender();
    flushSave();
    const pointer = event.target.name;
    // What was given for an end before its ARN is now that ARN's.
    const end = ENDS.find(([, member]) => member === pointer);
    if (end && state.ends[end[0]].arn === '') state.ends[end[0]] = { ...state.ends[end[0]], arn: arnOf(end[0]) };
    if (!pointer?.startsWith('/') || state.touched.has(pointer)) return;
    touch(pointer);
    render();
  });
  // Enter in a text box: the request is not sent anywhere, but the user is done
  // with it, so every problem shows and focus goes to the first error on the
  // page (its field says what is wrong). Handled at the key, not at the form's
  // submit: a form with two text boxes (the locations, a tag) has no implicit
  // submission, and Enter must do the same in every box.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing || event.target.tagName !== 'INPUT') return;
    event.preventDefault();
    flushRender();
    showEverything();
    const first = form.querySelector('.diagnostic.error')?.closest('[data-diagnostics-for]');
    if (first) focusMember(first.dataset.diagnosticsFor);
    else if (state.result.errors.length > 0) $('summary-title').focus();
  });
  form.addEventListener('click', (event) => {
    const add = event.target.closest('[data-add-row]');
    const remove = event.target.closest('[data-remove-row]');
    const trim = event.target.closest('[data-trim-list]');
    if (add) addRow(add.dataset.addRow);
    if (remove) removeRow(remove.dataset.removeRow);
    if (trim) {
      const pointer = trim.dataset.trimList;
      getAt(state.request, pointer).splice(state.nodes.get(pointer.replace(/\/\d+(?=\/|$)/g, '/*')).maxItems);
      touch(pointer);
      replaceRequest(state.request, { showAll: state.showAll });
      focusMember(pointer);
    }
  });
  // Links to members (summary, "Go to Task mode") and Apply buttons, wherever they are.
  document.addEventListener('click', (event) => {
    flushRender(); // the buttons act on the current request and its result
    const link = event.target.closest('a[data-focus]');
    const apply = event.target.closest('[data-apply]');
    const removeMember = event.target.closest('[data-remove-member]');
    if (link) {
      event.preventDefault(); // focus the control instead of changing the URL fragment
      focusMember(link.dataset.focus);
    }
    if (apply) applyFix(apply);
    if (removeMember) removeUnknown(removeMember.dataset.removeMember);
    if (event.target.id === 'undo') undo();
  });

  $('show-defaults').addEventListener('change', (event) => {
    writePreference(SHOW_DEFAULTS_KEY, event.target.checked ? '1' : '0');
    showOutput(JSON.stringify(state.request, null, 2));
  });
  $('copy-json').addEventListener('click', async () => {
    showEverything();
    try {
      await navigator.clipboard.writeText(outputText());
      say('The JSON is copied to the clipboard.');
    } catch {
      // No clipboard access (e.g. plain http on another host): leave it to the user.
      getSelection().selectAllChildren($('json-output'));
      // A pane cut at its line or character limit holds only part of the request (its notes are .jc).
      say($('json-output').querySelector('.jc')
        ? 'Could not reach the clipboard, and the pane shows only part of this request: use Download to get all of it.'
        : 'Could not reach the clipboard: the JSON is selected, press Ctrl+C (⌘C) to copy it.');
    }
  });
  $('download-json').addEventListener('click', () => {
    showEverything();
    const url = URL.createObjectURL(new Blob([`${outputText()}\n`], { type: 'application/json' }));
    const name = `${state.operation.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}.json`; // create-task.json
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`Downloading ${name}.`);
  });
  $('copy-link').addEventListener('click', async () => {
    showEverything();
    const field = $('share-url');
    field.value = shareUrl(JSON.stringify(state.request, null, 2), fragmentExtra(encodeBase64Url));
    $('share').hidden = false;
    try {
      await navigator.clipboard.writeText(field.value);
      say('A link to this request is copied to the clipboard. The link below follows your changes.');
    } catch {
      field.focus();
      field.select();
      say('Could not reach the clipboard: the link is selected below, press Ctrl+C (⌘C) to copy it.');
    }
  });
  $('clear-form').addEventListener('click', clearForm);
  // The Locations step is built again with the form (an operation change): its button is found at the click.
  document.addEventListener('click', (event) => {
    if (event.target.closest('#locations-button')) usePastedLocations();
  });

  $('import-button').addEventListener('click', () => {
    const textarea = $('import-text');
    if (importText(textarea.value, 'the pasted text', 'import')) {
      textarea.value = '';
      return;
    }
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
    // Read as the command line reads a file: UTF-8, a byte order mark kept (so it can be reported), anything else refused.
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      const status = $('import-status');
      status.className = 'import-status error';
      status.replaceChildren(h('strong', { text: `Not imported: the file “${file.name}” is not UTF-8 text` }),
        ` (an invalid byte at offset ${firstInvalidByte(bytes).toLocaleString('en')}); save it as UTF-8, as the AWS CLI reads it.`);
      event.target.value = '';
      return;
    }
    importText(text, `the file “${file.name}”`, 'import', { file: true });
    event.target.value = ''; // so choosing the same file again imports it again
  });
  // A save waiting for a pause in typing is written before the page is hidden, reloaded or closed.
  window.addEventListener('pagehide', () => {
    flushRender();
    flushSave();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    flushRender();
    flushSave();
  });
  window.addEventListener('hashchange', () => {
    const linked = linkedOperation();
    const link = takeFragment();
    if (link === null) return;
    importLink(link, linked);
  });
  wireOperation();
  watchOtherTabs(otherTabSaved);
  document.addEventListener('click', (event) => {
    const choice = event.target.closest('[data-other-tab]')?.dataset.otherTab;
    if (choice === 'keep') keepThisTab();
    if (choice === 'open') openOtherTab();
  });
}

// ---------------------------------------------------------------------------
// Two tabs (or windows) of the form.
// ---------------------------------------------------------------------------
// Every tab holds its own request, but localStorage keeps one: the last one
// saved, which is what a reload (or a new tab) shows. A tab whose request
// another tab has just saved over is told at once, and can save its own again
// or open the other one (with Undo); nothing is replaced without the user's
// say, and no tab's work is lost while it is open.

/** The request text the other tab saved, for "Open the other tab's request". */
let otherTabText = null;

function otherTabSaved(text) {
  otherTabText = text;
  say(h('span', { id: 'other-tab', class: 'problem' },
    'Another tab of this form saved its request over this one: a reload, here or in a new tab, would now show that one. ',
    h('button', { type: 'button', class: 'secondary small', 'data-other-tab': 'keep', text: 'Keep this tab\'s request' }), ' ',
    h('button', { type: 'button', class: 'secondary small', 'data-other-tab': 'open', text: 'Open the other tab\'s request' })));
}

/** Saves this tab's request (and operation and locations) again, over the other tab's. */
function keepThisTab() {
  save(JSON.stringify(state.request, null, 2));
  say('This tab\'s request is the saved one again: a reload shows it.');
}

/** Opens what the other tab saved: its request, operation, task and Locations step; Undo brings this tab's back. */
function openOtherTab() {
  if (otherTabText === null) return;
  const { operation, locations } = otherTabState();
  // Checked as saved state is (restoreOperation): bounded, checked by the validator, reduced.
  const tooLarge = (JSON.stringify(operation?.task) ?? '').length > TASK_PASTE_LIMIT;
  const task = operation?.task && !tooLarge ? taskFrom(operation.task, checkTask).task ?? null : null;
  const linked = { operation: isOperation(operation?.operation) ? operation.operation : 'CreateTask', task };
  $('other-tab')?.remove();
  if (!importText(otherTabText, 'the other tab\'s request', 'import', { linked })) return;
  useSavedLocations(locations, checkDescription);
  showKnownLocations();
  showLocationStep();
  render();
}

/** Opens a link (what takeFragment read) with its operation and task; a refused one stays in the address bar and changes nothing. */
function importLink({ text, locations, hash }, linked) {
  if (!importText(text ?? '', 'the link', 'link', { locations, linked })) keepFragment(hash);
}

/** The offset of the first byte of `bytes` that is not UTF-8 (the lenient decoder makes it U+FFFD, as it does no real U+FFFD). */
function firstInvalidByte(bytes) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) {
    const offset = new TextEncoder().encode(text.slice(0, at)).length;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
  return bytes.length;
}

/** From the 1-based line and column (in code points) of a diagnostic to a string offset. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l += 1) offset = text.indexOf('\n', offset) + 1;
  for (let c = 1; c < column && offset < text.length; c += 1) offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  return offset;
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
  restoreOperation();
  buildForm(state.operation === 'CreateTask' ? fields() : fields({ operation: state.operation }));
  showOperation();
  $('show-defaults').checked = readPreference(SHOW_DEFAULTS_KEY) === '1';
  const linked = linkedOperation();
  const fromLink = takeFragment();
  const saved = loadSaved(checkDescription);
  showKnownLocations();
  let restored = null;
  try {
    restored = saved.text === null ? null : parseExact(saved.text);
  } catch {
    restored = null;
  }
  if (restored === null || typeof restored !== 'object' || Array.isArray(restored)) restored = {};
  state.request = restored; // the saved Locations step is this request's, so its ARNs do not change the ends
  whileLoading('saved', () => {
    replaceRequest(restored, { showAll: Object.keys(restored).length > 0 });
    openSectionsWithContent();
  });
  save(JSON.stringify(state.request, null, 2));
  wireEvents();
  $('app-status').hidden = true;
  $('app').hidden = false;
  document.body.dataset.state = 'ready';
  if (saved.dropped) {
    $('import-status').className = 'import-status error';
    $('import-status').textContent = saved.dropped === 'saved'
      ? 'The request saved on your last visit did not finish loading, so it was removed.'
      : 'The link or import opened on your last visit did not finish loading, so it was not kept.';
  }
  // Last, so that a hostile link can at worst fail to import, never stop the page.
  if (fromLink !== null) importLink(fromLink, linked);
}

start();

