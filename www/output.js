// The request JSON pane (highlighted, one line per element, only changed lines
// rewritten; in the with-defaults view the filled-in values are marked),
// and localStorage (links: link.js).
import { getAt, isRawJSON } from '../pkg/web/form-kit.js';
import { $, h } from './dom.js';
import { kept, restoredEnd } from './locations.js';
import { state } from './state.js';

const STORAGE_KEY = 'datasync-task-validator/form/request';
const LOCATIONS_KEY = 'datasync-task-validator/form/location-types';
/** Set while a request from a link or an import is being loaded; a visit that finds it set did not finish one. */
const LOADING_KEY = 'datasync-task-validator/form/loading';
export const SHOW_DEFAULTS_KEY = 'datasync-task-validator/form/show-defaults';
/** The pane shows at most this many lines; Copy and Download always give the whole text. */
export const LINE_LIMIT = 500;
/**
 * The pane cuts a key or value after this many characters (Copy and Download
 * do not): a line of megabytes (a pasted file in a member) would cost the
 * browser a second or more to lay out, far more than validating it.
 */
export const TOKEN_LIMIT = 10_000;

let lineKeys = []; // what each rendered line of the pane shows

// ---------------------------------------------------------------------------
// The JSON pane.
// ---------------------------------------------------------------------------

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && !isRawJSON(value);

/**
 * The lines of JSON.stringify(value, null, 2), each as [[class, text], ...]
 * tokens plus `filled` when `original` is given and lacks the member (a default
 * applyDefaults filled in). BigInt values (exact 64-bit numbers) are written as
 * their digits. Stops after `limit` lines. A key or value longer than `cut`
 * characters is cut there, with a note saying how much more there is.
 */
export function jsonLines(value, original = null, limit = Infinity, cut = Infinity) {
  // The cut never splits a surrogate pair; the count is of the JSON text left (an escape counts as written).
  const token = (kind, text) => {
    if (text.length <= cut) return [[kind, text]];
    const end = /[\uD800-\uDBFF]/.test(text[cut - 1]) ? cut - 1 : cut;
    return [[kind, `${text.slice(0, end)}…`], ['c', ` ${(text.length - end).toLocaleString('en')} more characters of JSON: Copy JSON or Download gives the whole request`]];
  };
  const lines = [];
  const walk = (item, indent, key, comma, pointer, filled) => {
    if (lines.length >= limit) return;
    const isFilled = filled || (original !== null && pointer !== '' && getAt(original, pointer) === undefined);
    const head = ['  '.repeat(indent)];
    const tokens = [['', head[0]]];
    if (key !== null) tokens.push(...token('k', JSON.stringify(key)), ['', ': ']);
    const end = comma ? ',' : '';
    const list = Array.isArray(item);
    if (list || isObject(item)) {
      const [open, close] = list ? ['[', ']'] : ['{', '}'];
      const keys = list ? null : Object.keys(item);
      const size = list ? item.length : keys.length;
      if (size === 0) {
        tokens.push(['', `${open}${close}${end}`]);
        lines.push({ tokens, filled: isFilled });
        return;
      }
      tokens.push(['', open]);
      lines.push({ tokens, filled: isFilled });
      // Stops at the limit, so a huge request costs no more than the lines shown.
      for (let index = 0; index < size && lines.length < limit; index += 1) {
        const childKey = list ? null : keys[index];
        const segment = list ? String(index) : childKey.replace(/~/g, '~0').replace(/\//g, '~1');
        walk(list ? item[index] : item[childKey], indent + 1, childKey, index < size - 1, `${pointer}/${segment}`, isFilled);
      }
      if (lines.length < limit) lines.push({ tokens: [['', `${head[0]}${close}${end}`]], filled: isFilled });
      return;
    }
    let text;
    let kind;
    if (typeof item === 'string') [text, kind] = [JSON.stringify(item), 's'];
    else if (typeof item === 'bigint') [text, kind] = [String(item), 'n'];
    else if (typeof item === 'number' || isRawJSON(item)) [text, kind] = [JSON.stringify(item) ?? 'null', 'n'];
    else [text, kind] = [JSON.stringify(item) ?? 'null', 'l'];
    tokens.push(...token(kind, text));
    if (end) tokens.push(['', end]);
    lines.push({ tokens, filled: isFilled });
  };
  walk(value, 0, null, false, '', false);
  return lines;
}

/** The whole text of jsonLines(value): JSON.stringify(value, null, 2), BigInt included. */
export function jsonText(value) {
  return jsonLines(value).map((line) => line.tokens.map(([, text]) => text).join('')).join('\n');
}

/** Renders `lines` into the pane, rewriting only the run of lines that changed. */
export function showJson(lines, total) {
  const pane = $('json-output');
  const shown = lines.slice(0, LINE_LIMIT);
  if (total > shown.length) {
    const more = Number.isFinite(total) ? `${(total - shown.length).toLocaleString('en')} more lines` : 'more lines';
    shown.push({ tokens: [['c', `… ${more}: Copy JSON or Download gives the whole request`]], filled: false, note: true });
  }
  const keys = shown.map((line) => `${line.filled ? 1 : 0}${line.tokens.map(([kind, text]) => `${kind}\u0000${text}`).join('\u0001')}`);
  let start = 0;
  while (start < keys.length && start < lineKeys.length && keys[start] === lineKeys[start]) start += 1;
  let endOld = lineKeys.length;
  let endNew = keys.length;
  while (endOld > start && endNew > start && keys[endNew - 1] === lineKeys[endOld - 1]) {
    endOld -= 1;
    endNew -= 1;
  }
  if (start === endOld && start === endNew) return;
  const children = pane.children;
  // As many lines changed as there were, each with the same token kinds (a value
  // typed into): their texts are changed in place, without new elements to style.
  if (endOld - start === endNew - start && shown.slice(start, endNew).every((line, i) => children[start + i]?.dataset.shape === shapeOfLine(line))) {
    shown.slice(start, endNew).forEach((line, i) => {
      const nodes = children[start + i].childNodes;
      line.tokens.forEach(([, text], j) => { if (nodes[j].textContent !== text) nodes[j].textContent = text; });
    });
    lineKeys = keys;
    return;
  }
  for (let i = endOld - 1; i >= start; i -= 1) children[i].remove();
  const before = children[start] ?? null;
  for (const line of shown.slice(start, endNew)) pane.insertBefore(lineElement(line), before);
  lineKeys = keys;
}

/**
 * One line of the pane; every line ends with a line break, so lines can be
 * swapped independently and the pane's text is the JSON text. A filled-in
 * default gets an empty marker before the break (its word is CSS-generated, so
 * it is not part of the text).
 */
const shapeOfLine = (line) => `${line.filled ? 1 : 0}${line.note ? 1 : 0}${line.tokens.map(([kind]) => kind || '-').join(',')}`;

function lineElement(line) {
  return h('span', { class: `line${line.filled ? ' filled' : ''}${line.note ? ' note' : ''}`, 'data-shape': shapeOfLine(line) },
    ...line.tokens.map(([kind, text]) => (kind ? h('span', { class: `j${kind}`, text }) : text)),
    line.filled ? h('span', { class: 'mark' }) : null, '\n');
}

// ---------------------------------------------------------------------------
// Storage.
// ---------------------------------------------------------------------------

function storage(action) {
  try {
    return action(localStorage);
  } catch {
    return null; // storage disabled or full: the form works without it
  }
}

/** While typing, the request is saved after this pause (writing localStorage at every key costs about 1 ms). */
const SAVE_PAUSE_MS = 400;
let pendingSave = null; // [timer, text]

/**
 * Saves the request text and the Locations step. With `typing`, after a pause
 * (or sooner: at the field's change event, and when the page is hidden or
 * left, see flushSave); otherwise now.
 */
export function save(text, { typing = false } = {}) {
  if (pendingSave) clearTimeout(pendingSave[0]);
  pendingSave = null;
  if (typing) {
    pendingSave = [setTimeout(flushSave, SAVE_PAUSE_MS), text];
    return;
  }
  storage((store) => {
    if (store.getItem(LOADING_KEY) === null) {
      keep(store, text);
      // With the request, its operation: another tab may have saved its own since this one chose it.
      saveOperation({ operation: state.operation, task: state.operation === 'CreateTask' ? null : state.task });
    }
    store.setItem(LOCATIONS_KEY, JSON.stringify({ ...state.ends, library: [...state.library.values()].slice(-SAVED_LOCATIONS) }));
  });
}

/** Whether the last request could not be kept (said once, until one is kept again). */
let notKept = false;

/**
 * Saves the request text. A request too large for the browser's storage (its
 * quota is a few megabytes) is not kept: the one saved before it is removed,
 * so a reload does not bring an older request back as if it were this one, and
 * the page says so once.
 */
function keep(store, text) {
  try {
    store.setItem(STORAGE_KEY, text);
    notKept = false;
    savedHere = text;
    $('other-tab')?.remove(); // the saved request is this tab's again
  } catch {
    store.removeItem(STORAGE_KEY);
    if (notKept) return;
    notKept = true;
    $('output-status').append(h('span', { class: 'problem', text: ' This request is too large for this browser to keep: it will be gone after a reload (Download keeps a copy).' }));
  }
}

// ---------------------------------------------------------------------------
// Other tabs of the form.
// ---------------------------------------------------------------------------

/** The request text this tab saved last (null before its first save). */
let savedHere = null;

/**
 * Calls `changed(text)` when another tab or window of the form (same origin)
 * saves a request other than the one this tab saved last: from then on a
 * reload, here or in a new tab, shows that one. (The browser sends the
 * `storage` event to every other page of the origin, never to the page that
 * wrote.)
 */
export function watchOtherTabs(changed) {
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== localStorage || event.newValue === null) return;
    if (event.key === STORAGE_KEY && event.newValue !== savedHere) changed(event.newValue);
    // Another tab chose another operation (or task) for the same request.
    if (event.key === OPERATION_KEY && event.newValue !== operationSavedHere) changed(storage((store) => store.getItem(STORAGE_KEY)) ?? '{}');
  });
}

/** What another tab saved with its request: the operation (unchecked) and the Locations step's text (see useSavedLocations). */
export function otherTabState() {
  return { operation: loadOperation(), locations: storage((store) => store.getItem(LOCATIONS_KEY)) };
}

/** Makes the Locations step what `text` (otherTabState's) says, each entry checked as a paste is. */
export function useSavedLocations(text, check) {
  restoreLocations(text, check);
}

/** Writes a save that is waiting for a pause in typing. */
export function flushSave() {
  if (pendingSave) save(pendingSave[1]);
}

/**
 * The saved request text and location types. When the last visit did not finish
 * loading a request (the marker whileLoading sets is still there), `dropped`
 * says which kind: a link or an import was never saved, so the request saved
 * before it is restored; a saved request that did not load is removed.
 * `check(entry)` is the validator's check of a saved location description
 * (null when well formed), as for a paste.
 */
export function loadSaved(check) {
  return storage((store) => {
    const dropped = store.getItem(LOADING_KEY);
    if (dropped !== null) {
      store.removeItem(LOADING_KEY);
      if (dropped === 'saved') store.removeItem(STORAGE_KEY);
    }
    restoreLocations(store.getItem(LOCATIONS_KEY), check);
    return { text: store.getItem(STORAGE_KEY), dropped };
  }) ?? { text: null, dropped: null };
}

/**
 * Brackets the loading of a request (`kind`: 'link', 'import' or 'saved'):
 * while it runs, save() keeps the previous request and a marker says a load is
 * under way, so a load that never finishes (the tab closed on a frozen page) is
 * not restored on the next visit.
 */
export function whileLoading(kind, load) {
  storage((store) => store.setItem(LOADING_KEY, kind));
  try {
    return load();
  } finally {
    storage((store) => store.removeItem(LOADING_KEY));
  }
}

/** At most this many pasted locations (the newest) are kept for the next visit. */
const SAVED_LOCATIONS = 200;

/**
 * Restores the Locations step from what save() wrote (or an older version's
 * { source: 'S3' }); anything malformed is skipped, member by member. Saved
 * state is as untrusted as a paste (another version of this page may have
 * written it): each end keeps only choices this version lists, and each
 * remembered location must pass `check`, as a pasted one does.
 */
function restoreLocations(text, check) {
  let saved;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return;
  }
  if (saved === null || typeof saved !== 'object') return;
  for (const which of ['source', 'destination']) state.ends[which] = restoredEnd(saved[which]);
  if (!Array.isArray(saved.library)) return;
  for (const entry of saved.library.slice(-SAVED_LOCATIONS)) {
    if (entry === null || typeof entry !== 'object' || typeof entry.LocationArn !== 'string') continue;
    let why;
    try {
      why = check(entry);
    } catch {
      why = 'unreadable';
    }
    if (!why) state.library.set(entry.LocationArn, kept(entry));
  }
}

/** The operation and the DescribeTask the request is for (operation.js): { operation, task }. */
const OPERATION_KEY = 'datasync-task-validator/form/operation';

/** Saves the operation and task (when they change, and with every save of the request: see save()). */
export function saveOperation(value) {
  const text = JSON.stringify(value);
  if (storage((store) => store.setItem(OPERATION_KEY, text)) !== null) operationSavedHere = text;
}

/** What saveOperation() wrote last in this tab. */
let operationSavedHere = null;

/** What saveOperation() wrote, parsed but unchecked (the caller checks it as a paste), or null. */
export function loadOperation() {
  try {
    return JSON.parse(storage((store) => store.getItem(OPERATION_KEY)) ?? 'null');
  } catch {
    return null;
  }
}

export function readPreference(key) {
  return storage((store) => store.getItem(key));
}

export function writePreference(key, value) {
  storage((store) => store.setItem(key, value));
}
