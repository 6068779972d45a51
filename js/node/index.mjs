// Node.js entry, ES module, as Node.js itself takes it (the `node` and
// `import` conditions). It re-exports the CommonJS entry, so that `import` and
// `require` in one process share a single WebAssembly instance, and it takes
// that entry with a `require` of its own rather than `import … from
// './index.cjs'`: an ES module importing a CommonJS file sends it through
// Node's translator, which loads cjs-module-lexer and scans the file for its
// export names, 1.5-2 ms of CPU time at every start (docs/performance.md,
// "Cold start on a slower machine"). Bundlers do not follow a `require` made
// with createRequire, so the package's `exports` give them node/index-bundled.mjs
// instead: the `module` condition ahead of this file under `import`, which
// esbuild and webpack set (tests/node/bundler-node.test.mjs) and Node.js never does.
//
// createRequire comes from process.getBuiltinModule (Node.js 20.16+, 22.3+),
// where there is one: an `import` of 'node:module' made its ES module facade
// at start-up, about 0.7 ms more. Older Node.js imports it.
const { createRequire } = globalThis.process?.getBuiltinModule?.('module') ?? (await import('node:module'));

const entry = createRequire(import.meta.url)('./index.cjs');

export const { validate, applyDefaults, fields, describeSchedule, version } = entry;
export default entry.default;
