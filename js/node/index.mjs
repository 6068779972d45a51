// Node.js entry, ES module, as Node.js itself takes it: the package's
// `exports` give this file only under both `node-addons` and `module-sync`,
// conditions Node.js sets itself (`module-sync` from 20.19 and 22.10, with
// `require()` of ES modules) and bundlers do not. It re-exports the CommonJS
// entry, so that `import` and `require` in one process share a single
// WebAssembly instance, and it takes that entry with a `require` of its own
// rather than `import … from './index.cjs'`: an ES module importing a CommonJS
// file sends it through Node's translator, which loads cjs-module-lexer and
// scans the file for its export names, 1.5-2 ms of CPU time at every start
// (docs/performance.md, "Cold start on a slower machine"). Everything else
// (bundlers, which do not follow a `require` made with createRequire, Deno,
// Bun, older Node.js, `node --no-addons`) gets node/index-bundled.mjs.
//
// createRequire comes from process.getBuiltinModule, which every Node.js that
// sets `module-sync` has: an `import` of 'node:module' made its ES module
// facade at start-up, about 0.7 ms more. No top-level `await` here: it would
// make every module graph that imports the package impossible to `require()`.
const { createRequire } = process.getBuiltinModule('module');

const entry = createRequire(import.meta.url)('./index.cjs');

export const { validate, applyDefaults, fields, describeSchedule, version } = entry;
export default entry.default;
