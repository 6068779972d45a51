// Run by tests/runtimes/compare.mjs in a scratch project where the packed
// package is installed: imports it by name, as this runtime resolves an ES
// module `import`, and prints one line per check (checks.mjs). The first line,
// `#resolved`, names the file the runtime chose for the main entry; it is
// reported, not compared.
import init, * as api from 'datasync-task-validator';
import { codes } from 'datasync-task-validator/codes';
import { schema } from 'datasync-task-validator/schema';
import { runChecks } from './checks.mjs';
import examples from './examples.mjs';

await init();
let out = `#resolved\t${import.meta.resolve('datasync-task-validator')}\n`;
runChecks(api, { codes, schema }, examples, (line) => {
  out += line;
});
console.log(out);
