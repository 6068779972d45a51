// Browser and bundler entry. The wasm-bindgen `--target web` glue must be
// initialised before use; this wrapper makes init() idempotent and turns a call
// made too early into a clear Error instead of a TypeError from inside the glue.
import initGlue, * as rawGlue from './datasync_task_validator.js';
import { createApplyDefaults, createValidate, guardGlue } from './text-path.js';

let pending = null; // the one init() promise every caller shares
let ready = false; // true once the module is instantiated
const glue = guardGlue(rawGlue);
const validateReady = createValidate(glue);
const applyDefaultsReady = createApplyDefaults(glue);

/**
 * Fetches and instantiates the package's `datasync_task_validator_bg.wasm`, or
 * `input` when given: a URL, a Response, bytes or a WebAssembly.Module.
 * Await it once; later calls return the same promise.
 */
export default function init(input) {
  if (!pending) {
    const plain = input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype;
    pending = initGlue(input === undefined || plain ? input : { module_or_path: input }).then(
      () => {
        ready = true;
      },
      (error) => {
        pending = null; // let the caller retry, e.g. after a network error
        throw error;
      },
    );
  }
  return pending;
}

function ensureReady(name) {
  if (!ready) {
    throw new Error(`datasync-task-validator: call and await init() before ${name}().`);
  }
}

export function validate(request, options) {
  ensureReady('validate');
  return validateReady(request, options);
}

export function applyDefaults(request, options) {
  ensureReady('applyDefaults');
  return applyDefaultsReady(request, options);
}

export function fields(options) {
  ensureReady('fields');
  return glue.fields(options);
}

export function describeSchedule(expression, options) {
  ensureReady('describeSchedule');
  return glue.describeSchedule(expression, options);
}

export function version() {
  ensureReady('version');
  return glue.version();
}
