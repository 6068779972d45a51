// Node.js entry, ES module, for everything but Node.js's own fast path
// (node/index.mjs, given only under the `node-addons` and `module-sync`
// conditions that Node.js sets): bundlers, whatever conditions they are
// configured with, Deno, Bun, Node.js before 20.19, `node --no-addons`.
// It re-exports the CommonJS entry by an import a bundler follows, so that a
// bundle carries index.cjs and `import` and `require` share one instance.
import entry from './index.cjs';

export const { validate, applyDefaults, fields, describeSchedule, version } = entry;
export default entry.default;
