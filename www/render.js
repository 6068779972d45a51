// The page from the state: validates the request (check.js) and brings every
// part of the page up to date; replaces the whole request (an import, a link, a
// fix, Undo); builds the form again for another operation.
import { applyDefaults, describeSchedule, fields } from '../pkg/web/index.js';
import { encodeBase64Url, getAt } from '../pkg/web/form-kit.js';
import { $, setText } from './dom.js';
import {
  buildForm, currentMode, fillForm, openSectionsWithContent, removeForm, showKnownLocations, showLocationStep, updateDefaultLabels,
} from './build-form.js';
import { forgetShown, showDiagnostics, showSchedulePreview, showSummary } from './feedback.js';
import { check, validateOptions } from './check.js';
import { ENDS, arnOf, endFromEntry } from './locations.js';
import { shareUrl } from './link.js';
import { LINE_LIMIT, TOKEN_LIMIT, jsonLines, jsonText, save, saveOperation, showJson } from './output.js';
import { fragmentExtra } from './operation.js';
import { emptyEnd, state } from './state.js';

/** While typing, the summary at the top waits for a pause (the field's own slot never does). */
const SUMMARY_PAUSE_MS = 150;
let summaryTimer = null;
/**
 * A request whose JSON text is longer than this (a link with thousands of
 * unknown members, say) is validated when typing pauses rather than at every
 * key: validating it takes tens of milliseconds or more, and the keystroke
 * must paint first. Everything shown is then brought up to date at once.
 */
const LARGE_TEXT = 128 * 1024;
let largeTimer = null;
/** The request's JSON text as last validated and shown. */
export let renderedText = '{}';

/**
 * Validates the state and brings every part of the page up to date (each part
 * skips what did not change). With `typing`, the summary is brought up to date
 * after a short pause instead: it is away from the caret, a screen reader
 * announces it once instead of at every key, and the keystroke paints sooner.
 */
export function render({ typing = false } = {}) {
  clearTimeout(largeTimer);
  largeTimer = null;
  if (typing && renderedText.length > LARGE_TEXT) {
    largeTimer = setTimeout(flushRender, SUMMARY_PAUSE_MS);
    return;
  }
  const text = JSON.stringify(state.request, null, 2);
  renderedText = text;
  const result = check(text); // the exact text shown, so numbers are judged as typed
  state.result = result;
  updateDefaultLabels();
  const located = showDiagnostics(result);
  clearTimeout(summaryTimer);
  if (typing) summaryTimer = setTimeout(() => showSummary(result, located), SUMMARY_PAUSE_MS);
  else showSummary(result, located);
  showSchedulePreview(result, describeSchedule);
  showOutput(text);
  if (!$('share').hidden) $('share-url').value = shareUrl(text, fragmentExtra(encodeBase64Url)); // the link is always the current request
  showTaskStep();
  save(text, { typing });
}

/** Brings the page up to date now if a large request's render is waiting for a pause in typing. */
export function flushRender() {
  if (largeTimer === null) return;
  largeTimer = null;
  render();
}

function withDefaults(text) {
  const options = validateOptions();
  return options ? applyDefaults(text, options) : applyDefaults(text);
}

/** The text Copy and Download give: the request as built, or with the defaults applied. */
export function outputText() {
  const text = JSON.stringify(state.request, null, 2);
  return $('show-defaults').checked ? jsonText(withDefaults(text)) : text;
}

export function showOutput(text) {
  const defaults = $('show-defaults').checked;
  const value = defaults ? withDefaults(text) : state.request;
  const lines = jsonLines(value, defaults ? state.request : null, LINE_LIMIT + 1, TOKEN_LIMIT);
  showJson(lines, lines.length > LINE_LIMIT ? (defaults ? Infinity : text.split('\n').length) : lines.length);
  setText($('output-caption'), defaults && state.operation !== 'CreateTask'
    ? `${state.operation} has no defaults: what the request omits keeps the task's setting.`
    : defaults
    ? `With every omitted default filled in for ${currentMode()} mode: what the service will do. Marked lines are defaults you did not set.`
    : 'Only what you set; everything omitted takes the service default.');
}

/**
 * Replaces the whole state (an import, a link, a reload, a fix, Undo) and
 * redraws every control. An end whose ARN changes is described by the link's
 * description (`described`: ARN -> description) or the pasted location with
 * that ARN, or not at all: what was given for another ARN (or before any)
 * belongs to the request being replaced.
 */
export function replaceRequest(request, { showAll, described = null }) {
  const before = ENDS.map(([which]) => arnOf(which));
  state.request = request;
  for (const [index, [which]] of ENDS.entries()) {
    const arn = arnOf(which);
    const given = described?.get(arn);
    if (given) state.ends[which] = { ...endFromEntry(given), uri: '', pasted: '' }; // as the link's sender gave it
    else if (arn !== before[index]) describeEnd(which, arn, { typed: false });
    else if (state.ends[which].arn === '') state.ends[which] = { ...state.ends[which], arn }; // the request's own (a reload)
  }
  state.showAll = showAll;
  if (showAll) state.touched.clear();
  fillForm();
  forgetShown();
  render();
}

/** Tells the user what a button did (a polite live region; cleared first so a repeat is announced again). */
export function say(...content) {
  const status = $('output-status');
  status.textContent = '';
  status.append(...content);
}

/** Problems from now on show everywhere: the user is handing the request on. */
export function showEverything() {
  if (state.showAll) return;
  state.showAll = true;
  render();
}

export function focusMember(pointer) {
  const target = state.controls.get(pointer) ?? state.groups.get(pointer);
  if (!target) return;
  for (let details = target.closest('details'); details; details = details.parentElement.closest('details')) details.open = true;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

/**
 * After an end's ARN changed (typed, imported, opened from a link, undone): what
 * was last given for that ARN by hand, else a pasted location with that ARN,
 * describes the end. Otherwise, while the ARN is typed, what was given for
 * another ARN stays but does not apply (endOf), so retyping that ARN brings it
 * back; a new request (`typed: false`) starts the end afresh.
 */
export function describeEnd(which, arn, { typed }) {
  if (arn !== '' && state.ends[which].arn === arn) return; // what was last given for this ARN
  const entry = state.library.get(arn);
  if (entry) state.ends[which] = endFromEntry(entry);
  else if (!typed && state.ends[which].arn !== arn) state.ends[which] = emptyEnd();
}

/** Saves the operation and, unless it is CreateTask, its task. */
export function saveChoice() {
  saveOperation({ operation: state.operation, task: state.operation === 'CreateTask' ? null : state.task });
}

/** The choice and the task step show the state. */
export function showOperation() {
  $('operation').value = state.operation;
  $('task-step').hidden = state.operation === 'CreateTask';
  setText(document.querySelector('.page-header h1'), `DataSync ${state.operation} request builder`);
  document.title = `DataSync ${state.operation} request builder`;
}

/**
 * Sets the operation (and task) and, when the operation changes, builds the
 * form again from fields({ operation }). The request is kept as it is: members
 * another operation does not have are then reported, not silently dropped.
 */
export function setOperation(operation, task = state.task, { keep = true } = {}) {
  const changed = operation !== state.operation;
  const before = ENDS.map(([which]) => arnOf(which));
  state.operation = operation;
  // CreateTask uses no task, but keeps it in memory (not saved), for when the user comes back.
  state.task = task;
  // The ends are the request's for CreateTask, the task's otherwise: one whose
  // ARN changes is described as a typed ARN is (what was given for the other
  // ARN comes back with it).
  for (const [index, [which]] of ENDS.entries()) {
    const arn = arnOf(which);
    if (arn !== before[index]) describeEnd(which, arn, { typed: true });
  }
  if (keep) saveChoice();
  showLocationStep();
  if (!changed) return;
  removeForm();
  buildForm(operation === 'CreateTask' ? fields() : fields({ operation }));
  showOperation();
  showKnownLocations();
  fillForm();
  forgetShown();
  openSectionsWithContent();
}

/** Under the task box: which task the rules use, and whether the request is for it. */
function showTaskStep() {
  // A CreateTask request with a TaskArn is most likely an update or a run: the choice above says so.
  const hint = state.operation === 'CreateTask' && getAt(state.request, '/TaskArn') !== undefined
    ? 'This request has a TaskArn, which a new task does not have: to change or run an existing task, choose UpdateTask or StartTaskExecution here.' : '';
  setText($('operation-hint'), hint);
  const line = $('task-current');
  if (!line || state.operation === 'CreateTask') return;
  const arn = getAt(state.request, '/TaskArn');
  let text;
  if (!state.task) text = 'No task given: the rules that need the task\'s settings (its task mode, its options) are not applied.';
  else if (typeof arn === 'string' && arn !== state.task.TaskArn) text = `The task given is ${state.task.TaskArn}, not this request's: its settings are not used.`;
  else text = `Task ${state.task.TaskArn}${state.task.TaskMode ? ` (${state.task.TaskMode === 'ENHANCED' ? 'Enhanced' : state.task.TaskMode === 'BASIC' ? 'Basic' : state.task.TaskMode} mode)` : ''}: what the request omits keeps its settings.`;
  setText(line, text);
}
