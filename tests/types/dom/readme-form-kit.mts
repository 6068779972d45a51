import init, { validate, type Diagnostic } from 'datasync-task-validator';
import { applyPatch, nearestSlot, type JsonValue } from 'datasync-task-validator/form-kit';
await init();
const slots = new Map([...form.querySelectorAll<HTMLElement>('[data-diagnostics-for]')]
  .map((el) => [el.dataset.diagnosticsFor, el]));
// Show each diagnostic at its member, or at the nearest enclosing object or list.
function showDiagnostics(request: JsonValue) {
  for (const slot of slots.values()) slot.replaceChildren();
  const { errors, warnings } = validate(request);
  for (const d of [...errors, ...warnings]) {
    const line = document.createElement('p');
    line.className = d.severity;
    line.textContent = d.message; // text, never innerHTML
    // nearestSlot() is null when not even the request ('') has a slot.
    (slots.get(nearestSlot(d.path, slots) ?? '') ?? summary).append(line);
  }
}
// A diagnostic's fix, when it has one, is a JSON Patch for the request.
function applyFix(request: JsonValue, d: Diagnostic): JsonValue {
  return d.fix ? applyPatch(request, d.fix) : request;
}
