// Node.js entry, ES module, for bundlers (the `module` condition, ahead of
// node/index.mjs under `import` in the package's `exports`; Node.js itself
// takes node/index.mjs, which reaches index.cjs by a require bundlers miss).
// It re-exports the CommonJS entry by an import a bundler follows, so that a
// bundle carries index.cjs and `import` and `require` share one instance.
import entry from './index.cjs';

export const { validate, applyDefaults, fields, describeSchedule, version } = entry;
export default entry.default;
