// The operation the form builds a request for (CreateTask, UpdateTask or
// StartTaskExecution) and, for the two that act on an existing task, that
// task as a DescribeTask response describes it: validate()'s `operation` and
// `task` options. Neither is part of the request.
//
// A pasted DescribeTask response is untrusted: it is bounded in size, checked
// by the validator itself (which refuses a malformed one with a TypeError
// whose message is shown, never thrown), and only the members the rules read
// are kept, so the rest of it is neither kept nor saved.
import { state } from './state.js';

/** [operation, what the choice says]. CreateTask is the default, and what an old link or save means. */
export const OPERATIONS = [
  ['CreateTask', 'CreateTask: a new task'],
  ['UpdateTask', 'UpdateTask: change an existing task'],
  ['StartTaskExecution', 'StartTaskExecution: run an existing task'],
];

export const isOperation = (value) => OPERATIONS.some(([operation]) => operation === value);

/** A pasted DescribeTask response longer than this is refused (a real one is a few KB). */
export const TASK_PASTE_LIMIT = 256 * 1024;

/** The DescribeTask members the validator reads (index.d.ts TaskDescription); the rest is dropped. */
const TASK_MEMBERS = ['TaskArn', 'TaskMode', 'CloudWatchLogGroupArn', 'SourceLocationArn', 'DestinationLocationArn'];

/** Only what the rules read: the scalar members above, and the scalar members of Options. */
export function keptTask(task) {
  const out = {};
  for (const key of TASK_MEMBERS) if (typeof task[key] === 'string') out[key] = task[key];
  const options = task.Options;
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    out.Options = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) out.Options[key] = value;
    }
  }
  return out;
}

/** DescribeTask's Status values (a request's misplaced Schedule Status, ENABLED or DISABLED, is not one). */
const TASK_STATUSES = ['AVAILABLE', 'CREATING', 'QUEUED', 'RUNNING', 'UNAVAILABLE'];

/** Whether a parsed object is a DescribeTask response (or `aws datasync describe-task` output) rather than a request. */
export const isDescribeTask = (value) => typeof value?.TaskArn === 'string' && ('CreationTime' in value || TASK_STATUSES.includes(value.Status));

/** Whether a parsed object is ListLocations output or a DescribeLocation* response (what the Locations step reads). */
export const isLocationOutput = (value) => !('TaskArn' in value) && (Array.isArray(value.Locations) || typeof value.LocationArn === 'string');

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
    const parsed = params.has('task') ? JSON.parse(decode(params.get('task'))) : null;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) task = keptTask(parsed);
  } catch {
    task = null;
  }
  return { operation, task };
}
