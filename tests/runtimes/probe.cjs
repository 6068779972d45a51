// Run by tests/runtimes/compare.mjs in a scratch project where the packed
// package is installed: takes it with `require`, as this runtime resolves it,
// and prints one line per check (checks.mjs). The first line, `#resolved`,
// names the file the runtime chose for the main entry; it is reported, not
// compared.
'use strict';
const api = require('datasync-task-validator');
const { codes } = require('datasync-task-validator/codes');
const { schema } = require('datasync-task-validator/schema');

Promise.all([import('./checks.mjs'), import('./examples.mjs')]).then(async ([{ runChecks }, { default: examples }]) => {
  await api.default();
  let out = `#resolved\t${require.resolve('datasync-task-validator')}\n`;
  runChecks(api, { codes, schema }, examples, (line) => {
    out += line;
  });
  console.log(out);
});
