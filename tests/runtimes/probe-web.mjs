// Run by tests/runtimes/compare.mjs in the scratch project: the browser build,
// `datasync-task-validator/web`, which a runtime without the `node` condition
// (or code that asks for it) gets. Bun and Deno fetch its .wasm from the file:
// URL a plain `await init()` makes; Node.js's fetch has no file: URLs, so
// there the bytes are read and given to init(). Then the checks of checks.mjs.
import init, * as api from 'datasync-task-validator/web';
import { runChecks } from './checks.mjs';
import examples from './examples.mjs';

if (typeof Bun === 'undefined' && typeof Deno === 'undefined') {
  const { readFileSync } = await import('node:fs');
  await init(readFileSync(new URL(import.meta.resolve('datasync-task-validator/datasync_task_validator_bg.wasm'))));
} else {
  await init();
}
let out = `#resolved\t${import.meta.resolve('datasync-task-validator/web')}\n`;
runChecks(api, {}, examples, (line) => {
  out += line;
});
console.log(out);
