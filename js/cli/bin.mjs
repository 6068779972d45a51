#!/usr/bin/env node
// The `datasync-task-validator` command (package.json "bin"). Everything lives
// in main.mjs; this file only makes sure that no failure ends in a stack trace.
const NAME = 'datasync-task-validator';
// Control characters written as \xHH, as format-human.mjs's escapeControls does.
const safe = (text) => String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const fail = (text) => {
  process.stderr.write(`${NAME}: ${safe(text)}\n`);
  process.exitCode = 2;
};

// `cmd | head` closes standard output early: stop quietly.
process.stdout.on('error', (error) => {
  if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(`cannot write the output: ${error?.message ?? error}`);
});

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  fail(`needs Node.js 18 or later (this is ${process.version})`);
} else {
  import('./main.mjs')
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        // yaml is an optional peer dependency (library users do not need it).
        if (error?.code === 'ERR_MODULE_NOT_FOUND' && /'yaml'/.test(String(error.message))) {
          fail(
            'the command needs the "yaml" package, which is an optional peer dependency: ' +
              'install it beside this one (npm install --save-dev yaml), or run ' +
              '"npx -p datasync-task-validator -p yaml datasync-task-validator ..."',
          );
        } else {
          fail(`internal error: ${String(error?.message ?? error).split('\n')[0]}`);
        }
      },
    );
}
