// validate() with what the page knows besides the request: the operation, its
// task and the Locations step; and the validator's own checks of a location
// description and of a task, whose TypeError messages the page shows.
import { validate } from '../pkg/web/index.js';
import { setAt } from '../pkg/web/form-kit.js';
import { locationsOption } from './locations.js';
import { operationOptions } from './operation.js';
import { state } from './state.js';

/**
 * validate() with the operation, its task and what the Locations step knows of
 * the request's two locations. The step and the task only hold descriptions
 * the validator has accepted (typed choices, checked pastes, checked saved
 * state), so a TypeError here is a bug; the page still judges the request as
 * the chosen operation, without that context, rather than stop.
 */
export function check(text) {
  const options = validateOptions();
  if (!options) return validate(text);
  try {
    return validate(text, options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    console.error('datasync-task-validator form: location or task context refused', error);
    return state.operation === 'CreateTask' ? validate(text) : validate(text, { operation: state.operation });
  }
}

/**
 * The options validate() and applyDefaults() get: what the Locations step says
 * of the two ends (the request's locations for CreateTask, the task's for
 * UpdateTask and StartTaskExecution: see arnOf), and for those two the
 * operation and the task.
 */
export function validateOptions() {
  if (state.operation === 'CreateTask') return locationsOption();
  return operationOptions(locationsOption() ?? {});
}

/** The validator's own check of one pasted location description: null, or why it is refused. */
export function checkDescription(entry) {
  try {
    validate('{}', { locations: [entry] });
    return null;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // "validate: options.locations[0].type must be …" -> "type must be …"; "… [0] needs …" -> "it needs …".
    return error.message.replace(/^validate: /, '').replace(/options\.locations\[0\](\.?)/, (_, dot) => (dot ? '' : 'it'));
  }
}

/** The validator's own check of a DescribeTask response as the `task` option: null, or why it is refused. */
export function checkTask(task) {
  try {
    validate('{}', { operation: 'UpdateTask', task });
    return null;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // "validate: options.task must be …" -> "It must be …".
    return `${error.message.replace(/^validate: /, '').replace(/^options\.task\b/, 'It')}`;
  }
}

// ---------------------------------------------------------------------------
// What a task mode refuses.
// ---------------------------------------------------------------------------

const MODES = ['BASIC', 'ENHANCED'];
/** A task ARN for the probes below (UpdateTask and StartTaskExecution need one). */
const PROBE_TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-00000000000000000';
/** operation -> pattern pointer -> value -> the modes that refuse it. */
const refusals = new Map();

/** The error codes validate() gives at `pointer` for a request holding only `value` there, in `mode`. */
function probe(pointer, value, mode) {
  const request = {};
  setAt(request, pointer, value);
  let result;
  if (state.operation === 'CreateTask') {
    request.TaskMode = mode;
    result = validate(request);
  } else {
    request.TaskArn = PROBE_TASK;
    result = validate(request, { operation: state.operation, task: { TaskArn: PROBE_TASK, TaskMode: mode } });
  }
  return new Set(result.errors.filter((d) => d.path === pointer).map((d) => d.code));
}

/**
 * Whether `mode` refuses `value` for the member `node` describes: asked of the
 * validator itself (no list of ours), as an error that the request holding
 * only that value gets in `mode` and not in the other mode. Asked once per
 * operation, member and value.
 */
export function refusedInMode(node, value, mode) {
  if (!MODES.includes(mode) || node.pointer === '/TaskMode') return false;
  if (!refusals.has(state.operation)) refusals.set(state.operation, new Map());
  const byPointer = refusals.get(state.operation);
  if (!byPointer.has(node.pointer)) {
    const byValue = new Map();
    const pointer = node.pointer.replace(/\/\*(?=\/|$)/g, '/0'); // a list item: the first
    for (const choice of node.enum ?? []) {
      const [basic, enhanced] = MODES.map((m) => probe(pointer, choice, m));
      byValue.set(choice, [
        ...([...basic].some((code) => !enhanced.has(code)) ? ['BASIC'] : []),
        ...([...enhanced].some((code) => !basic.has(code)) ? ['ENHANCED'] : []),
      ]);
    }
    byPointer.set(node.pointer, byValue);
  }
  return byPointer.get(node.pointer).get(value)?.includes(mode) ?? false;
}
