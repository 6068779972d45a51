// datasync-task-validator/schema: the JSON Schema (draft-07) of each operation's
// request, generated from the model's tables (the same files as schema/*.schema.json
// in the package). A module of its own, so a browser that never imports it never
// downloads it, and no WebAssembly is needed to call it.

// Filled in by scripts/build.sh with each schema file's text.
const TEXTS = {};

/**
 * The JSON Schema of `operation`'s request (CreateTask by default), as the
 * AWS CLI's `--cli-input-json` file holds it: a new object on every call.
 */
export function schema(operation) {
  const name = operation === undefined ? 'CreateTask' : operation;
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(TEXTS, name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name) : typeof name;
    throw new TypeError(`schema: operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution', but it is ${shown}.`);
  }
  return JSON.parse(TEXTS[name]);
}
