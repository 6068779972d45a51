#!/usr/bin/env node
// The `datasync-task-validator` command (package.json "bin"). Everything lives
// in main.mjs; this file only makes sure that no failure ends in a stack trace.
const NAME = 'datasync-task-validator';
const fail = (text) => {
  process.stderr.write(`${NAME}: ${text}\n`);
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
      (error) => fail(`internal error: ${String(error?.message ?? error).split('\n')[0]}`),
    );
}
