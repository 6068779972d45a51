// The operation choice and the task box: what the user does with them (the
// state they set is in operation.js; render.js shows it and builds the form).
import { getAt, setAt } from '../pkg/web/form-kit.js';
import { $, h, setText } from './dom.js';
import { fillForm } from './build-form.js';
import { checkTask } from './check.js';
import { isDescribeTask, isLocationOutput, isOperation, readTask, taskFrom, TASK_PASTE_LIMIT } from './operation.js';
import { loadOperation } from './output.js';
import { render, setOperation } from './render.js';
import { forgetUndo } from './undo.js';
import { state, touch } from './state.js';

/**
 * The operation and task saved with the request; what is malformed, larger than
 * a pasted task may be, or refused by checkTask is dropped, and CreateTask has no task.
 */
export function restoreOperation() {
  const saved = loadOperation();
  if (saved === null || typeof saved !== 'object') return;
  if (isOperation(saved.operation)) state.operation = saved.operation;
  const tooLarge = (JSON.stringify(saved.task) ?? '').length > TASK_PASTE_LIMIT;
  state.task = state.operation === 'CreateTask' || tooLarge ? null : taskFrom(saved.task, checkTask).task ?? null;
}

/**
 * While a link's request is loaded: its operation (CreateTask for an old link)
 * and task, checked as a paste. Saved by importText once the load finishes, so
 * a link that never finishes loading leaves the saved operation as it was.
 */
export function useLinkedOperation(linked) {
  const task = linked.task && !checkTask(linked.task) ? linked.task : null;
  setOperation(linked.operation, task ?? (linked.operation === state.operation ? state.task : null), { keep: false });
}

/** Uses a DescribeTask response as the task: the request gets its TaskArn when it has none. */
function useTask(task, operation = state.operation) {
  setOperation(operation, task);
  if (getAt(state.request, '/TaskArn') === undefined) {
    setAt(state.request, '/TaskArn', task.TaskArn);
    touch('/TaskArn');
    fillForm();
  }
  forgetUndo();
  render();
  $('task-status').className = 'import-status ok';
  setText($('task-status'), `Using the task ${task.TaskArn}.`);
}

function usePastedTask() {
  const textarea = $('task-text');
  const read = readTask(textarea.value, checkTask);
  const status = $('task-status');
  if (read.refused) {
    status.className = 'import-status error';
    status.replaceChildren(h('strong', { text: 'Not read: ' }), read.refused);
    return;
  }
  useTask(read.task);
  textarea.value = '';
}

/** What an import recognised but did not import: a DescribeTask response, or location output. */
let recognised = null;

/**
 * An import that is not a request but a DescribeTask response or location
 * output: what to say instead of importing it (with buttons that use it where
 * it belongs), or null for anything else.
 */
export function notARequest(value, text, origin) {
  if (isDescribeTask(value)) {
    const read = taskFrom(value, checkTask);
    if (read.refused) return null; // the validator reports its members as a request's
    recognised = { task: read.task };
    return [h('strong', { text: `Not imported: ${origin} is a DescribeTask response (an existing task), not a request.` }),
      ' Use it as the task the request acts on: ',
      h('button', { type: 'button', class: 'small', 'data-use-task': 'UpdateTask', text: 'Update this task' }), ' ',
      h('button', { type: 'button', class: 'small', 'data-use-task': 'StartTaskExecution', text: 'Run this task' })];
  }
  if (isLocationOutput(value)) {
    recognised = { locations: text };
    const box = $('locations-text');
    return [h('strong', { text: `Not imported: ${origin} is location output (ListLocations or DescribeLocation*), not a request.` }),
      box ? ' The Locations step reads it: ' : ' The Locations step of a CreateTask request reads it.',
      box ? h('button', { type: 'button', class: 'small', 'data-to-locations': '', text: 'Put it in the Locations box' }) : null];
  }
  return null;
}

export function wireOperation() {
  $('operation').addEventListener('change', (event) => {
    setOperation(event.target.value);
    forgetUndo();
    render();
  });
  $('task-button').addEventListener('click', usePastedTask);
  $('task-forget').addEventListener('click', () => {
    setOperation(state.operation, null);
    render();
    $('task-status').className = 'import-status';
    setText($('task-status'), 'The task is forgotten.');
  });
  document.addEventListener('click', (event) => {
    const use = event.target.closest('[data-use-task]');
    const toLocations = event.target.closest('[data-to-locations]');
    if (use && recognised?.task) {
      useTask(recognised.task, use.dataset.useTask);
      $('import-text').value = '';
      $('import-status').className = 'import-status ok';
      setText($('import-status'), `The task is used for ${use.dataset.useTask}: see the Operation step.`);
      $('operation').focus();
    }
    if (toLocations && recognised?.locations !== undefined && $('locations-text')) {
      $('locations-text').value = recognised.locations;
      $('import-text').value = '';
      setText($('import-status'), '');
      const step = $('locations-text');
      for (let details = step.closest('details'); details; details = details.parentElement.closest('details')) details.open = true;
      step.focus();
    }
  });
}
