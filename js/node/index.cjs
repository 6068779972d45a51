'use strict';
// Node.js entry, CommonJS. The wasm-bindgen `--target nodejs` glue compiles the
// .wasm synchronously when it is required, so there is nothing left for init()
// to do: it exists so that `await init(); validate(x)` runs unchanged everywhere.
const { createApplyDefaults, createValidate, guardGlue } = require('./text-path.cjs');

const glue = guardGlue(require('./datasync_task_validator.cjs'));

/** Resolves at once: the module is ready as soon as it is loaded. */
function init(_input) {
  return Promise.resolve();
}

// `__esModule` lets TypeScript's and bundlers' default-import helpers find `default`.
Object.defineProperty(exports, '__esModule', { value: true });
exports.validate = createValidate(glue);
exports.applyDefaults = createApplyDefaults(glue);
exports.fields = glue.fields;
exports.describeSchedule = glue.describeSchedule;
exports.version = glue.version;
exports.default = init;
