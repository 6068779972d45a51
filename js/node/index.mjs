// Node.js entry, ES module. It re-exports the CommonJS entry, so `import` and
// `require` in one process share a single WebAssembly instance.
import entry from './index.cjs';

export const { validate, applyDefaults, fields, describeSchedule, version } = entry;
export default entry.default;
