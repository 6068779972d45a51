// The operation the form builds a request for (CreateTask, UpdateTask or
// StartTaskExecution) and, for the two that act on an existing task, that
// task as a DescribeTask response describes it: validate()'s `operation` and
// `task` options. Neither is part of the request.
//
// A DescribeTask response (pasted, linked or saved) is untrusted: it is
// bounded in size, checked by the validator itself (which refuses a malformed
// one with a TypeError whose message is shown, never thrown), and only the
// members the rules read are kept, so the rest of it is neither kept, saved
// nor put in a link.
import { fields } from '../pkg/web/index.js';
import { state } from './state.js';

/** The operations, CreateTask first: the default, and what an old link or save means (index.html labels the choice). */
const OPERATIONS = ['CreateTask', 'UpdateTask', 'StartTaskExecution'];

export const isOperation = (value) => OPERATIONS.includes(value);

/** A DescribeTask response longer than this is refused, pasted, linked or saved (a real one is a few KB). */
export const TASK_PASTE_LIMIT = 256 * 1024;

/**
 * The top-level DescribeTask members the validator reads (index.d.ts
 * TaskDescription, src/task.rs); the rest is dropped. Written out because
 * fields() describes requests, not DescribeTask responses; the Options members
 * are not: they come from fields() (see model()).
 */
const TASK_MEMBERS = ['TaskArn', 'TaskMode', 'SourceLocationArn', 'DestinationLocationArn'];

let known = null;

/**
 * From fields() (so after init()): every operation's top-level request members,
 * and each Options member the core reads from a task with the values it
 * accepts there (src/task.rs reads only the listed values of those).
 */
function model() {
  if (known) return known;
  const requestMembers = new Set();
  const options = new Map();
  for (const operation of OPERATIONS) {
    for (const field of fields({ operation })) {
      const [, top, member, deeper] = field.pointer.split('/');
      requestMembers.add(top);
      if (operation === 'UpdateTask' && top === 'Options' && member && deeper === undefined && Array.isArray(field.enum)) options.set(member, field.enum);
    }
  }
  known = { requestMembers, options };
  return known;
}

/**
 * Only what the rules read, as the core reads it: the string members above, the
 * Options members with one of their listed values, and CloudWatchLogGroupArn:
 * a string as it is, absent or null as absent (the task has none), any other
 * value as {} (present but not a log group ARN, so unknown: no logging finding).
 */
export function keptTask(task) {
  const out = {};
  for (const key of TASK_MEMBERS) if (typeof task[key] === 'string') out[key] = task[key];
  const group = task.CloudWatchLogGroupArn;
  if (typeof group === 'string') out.CloudWatchLogGroupArn = group;
  else if (group !== undefined && group !== null) out.CloudWatchLogGroupArn = {};
  const options = task.Options;
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    out.Options = {};
    for (const [key, values] of model().options) {
      if (Object.hasOwn(options, key) && values.includes(options[key])) out.Options[key] = options[key];
    }
  }
  return out;
}

/** DescribeTask's Status values (a request's misplaced Schedule Status, ENABLED or DISABLED, is not one). */
const TASK_STATUSES = ['AVAILABLE', 'CREATING', 'QUEUED', 'RUNNING', 'UNAVAILABLE'];

/** Whether a parsed object is a DescribeTask response (or `aws datasync describe-task` output) rather than a request. */
export const isDescribeTask = (value) => typeof value?.TaskArn === 'string' && ('CreationTime' in value || TASK_STATUSES.includes(value.Status));

/** Whether a parsed object is ListLocations output or a DescribeLocation* response (what the Locations step reads). */
export const isLocationOutput = (value) => (Array.isArray(value.Locations) || typeof value.LocationArn === 'string')
  && Object.keys(value).every((key) => !model().requestMembers.has(key)); // a request member makes it a request (with a stray member)

/**
 * Reads a pasted DescribeTask response. `check(task)` is the validator's own
 * check: an error message, or null when it is well formed. Never throws:
 * `{ task }` (reduced with keptTask) or `{ refused }` with why it was not read.
 */
export function readTask(text, check) {
  if (typeof text !== 'string' || text.trim() === '') return { refused: 'Paste the task\'s DescribeTask response (aws datasync describe-task output) first.' };
  if (text.length > TASK_PASTE_LIMIT) {
    return { refused: `The pasted text is ${Math.round(text.length / 1024).toLocaleString('en')} KB; at most ${TASK_PASTE_LIMIT / 1024} KB is read (a DescribeTask response is far less).` };
  }
  let value;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { refused: `The pasted text is not JSON (${error instanceof Error ? error.message : 'unreadable'}).` };
  }
  return taskFrom(value, check);
}

/** The same for a value already parsed (an import recognised as a DescribeTask response). */
export function taskFrom(value, check) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { refused: 'The pasted JSON is not a DescribeTask response (an object with the task\'s TaskArn).' };
  let why;
  try {
    why = check(value);
  } catch (error) {
    why = error instanceof Error ? error.message : 'it cannot be read';
  }
  return why ? { refused: why } : { task: keptTask(value) };
}

/** validate()'s options for the operation and task (none for CreateTask, the default), plus `extra` (the locations). */
export function operationOptions(extra) {
  const options = { ...extra };
  if (state.operation !== 'CreateTask') {
    options.operation = state.operation;
    if (state.task) options.task = state.task;
  }
  return Object.keys(options).length > 0 ? options : undefined;
}

/** The link fragment's members after the request: `&operation=…` and `&task=<base64url JSON>` (none for CreateTask). */
export function fragmentExtra(encode) {
  if (state.operation === 'CreateTask') return '';
  return `&operation=${state.operation}${state.task ? `&task=${encode(JSON.stringify(state.task))}` : ''}`;
}

/** The operation and task a link's fragment carries: an old link (or an unknown operation) is CreateTask. */
export function readFragmentExtra(hash, decode) {
  const params = new URLSearchParams(hash.slice(hash.indexOf('&') === -1 ? hash.length : hash.indexOf('&') + 1));
  const operation = isOperation(params.get('operation')) ? params.get('operation') : 'CreateTask';
  let task = null;
  try {
    const text = params.has('task') ? decode(params.get('task')) : 'null';
    const parsed = text.length > TASK_PASTE_LIMIT ? null : JSON.parse(text); // bounded as a paste is
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) task = keptTask(parsed);
  } catch {
    task = null;
  }
  return { operation, task };
}
