// Undo: what an action that replaces the request (Clear form, Apply, Remove,
// an import, a link) restores, offered until the next edit.
import { $, h } from './dom.js';
import { openSectionsWithContent } from './build-form.js';
import { focusMember, replaceRequest, say, setOperation } from './render.js';
import { state } from './state.js';

/**
 * What Undo restores: the request, what was touched, the Locations step, the
 * operation and its task (a link changes all four), and what `action` (named
 * in Undo's message) replaced.
 */
export const snapshot = (action, back) => ({
  request: state.request, touched: new Set(state.touched), showAll: state.showAll, ends: { ...state.ends },
  operation: state.operation, task: state.task, action, back,
});

/** Says what was done (in `status`, else under the JSON), with an Undo button that stays until the next edit. */
export function offerUndo(before, message, status = null) {
  forgetUndo();
  state.undo = before;
  const button = h('button', { type: 'button', id: 'undo', class: 'secondary small', text: 'Undo' });
  if (status) status.append(message, button);
  else say(message, button);
}

export function undo() {
  if (!state.undo) return;
  const { request, touched, showAll, ends, operation, task, action, back } = state.undo;
  state.undo = null;
  setOperation(operation, task); // first: it builds the form again when the operation changes
  state.touched = touched;
  state.ends = ends;
  const imported = $('undo')?.closest('#import-status');
  replaceRequest(request, { showAll });
  openSectionsWithContent();
  const message = `The request is back as it was before ${action}.`;
  if (imported) {
    imported.className = 'import-status';
    imported.replaceChildren(message);
  } else {
    say(message);
  }
  // The Undo button is gone: the keyboard goes back to where the undone action was.
  if (back) focusMember(back);
  else (imported ? $('import-text') : $('clear-form')).focus();
}

/** Any edit ends the chance to undo Clear or a fix (the undo would throw the edit away). */
export function forgetUndo() {
  if (!state.undo) return;
  state.undo = null;
  $('undo')?.remove();
}
