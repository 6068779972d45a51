// validate() with what the page knows besides the request: the operation, its
// task and the Locations step; and the validator's own checks of a location
// description and of a task, whose TypeError messages the page shows.
import { validate } from '../pkg/web/index.js';
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
