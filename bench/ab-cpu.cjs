// Two or more builds of the core compared in one Node.js process by CPU time:
// validate() through the package's text path (js/text-path.mjs, as
// pkg/node/text-path.cjs) over each build's Node.js glue, every input as JSON
// text and as an object, rounds interleaved (A, B, A, B...), µs of user+system
// CPU per call (process.cpuUsage), median of the rounds. On a shared, loaded
// machine CPU time varies far less than wall-clock rates. Prints ratios to the
// first build; asserts nothing.
//
//   node bench/ab-cpu.cjs DIR_A DIR_B [...]
//
// Each DIR holds a build's `datasync_task_validator.cjs` (wasm-bindgen
// `--target nodejs` output, renamed to .cjs) and its `datasync_task_validator_bg.wasm`
// (after wasm-opt as scripts/build.sh runs it), and may hold its own
// `text-path.cjs` (pkg/node/text-path.cjs of that build), which then wraps that
// glue: needed when the builds differ in what crosses the boundary. Run
// `bash scripts/build.sh` first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const textPath = (dir) => {
  const own = path.resolve(dir, 'text-path.cjs');
  return require(fs.existsSync(own) ? own : path.join(root, 'pkg/node/text-path.cjs'));
};
const dirs = process.argv.slice(2);
if (dirs.length < 2) {
  console.error('usage: node bench/ab-cpu.cjs DIR_A DIR_B [...]');
  process.exit(2);
}
const builds = dirs.map((dir) => {
  const { createValidate, guardGlue } = textPath(dir);
  return { name: path.basename(dir), validate: createValidate(guardGlue(require(path.resolve(dir, 'datasync_task_validator.cjs')))) };
});
const inputs = ['minimal', 'full-basic', 'full-enhanced', 'many-problems'].map((name) => {
  const text = fs.readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8');
  return { name, text, object: JSON.parse(text) };
});
const ROUNDS = 21;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

// Warm-up: V8 tiers wasm up after many calls.
for (const { validate } of builds) {
  for (const { text, object } of inputs) {
    for (let end = performance.now() + 300; performance.now() < end;) {
      validate(text);
      validate(object);
    }
  }
}

for (const { name, text, object } of inputs) {
  for (const [mode, input] of [['text', text], ['object', object]]) {
    const calls = name === 'minimal' ? 20_000 : 3_000;
    const perCall = builds.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      builds.forEach(({ validate }, i) => {
        const start = process.cpuUsage();
        for (let call = 0; call < calls; call += 1) validate(input);
        const used = process.cpuUsage(start);
        perCall[i].push((used.user + used.system) / calls);
      });
    }
    const base = median(perCall[0]);
    const cells = builds.map(({ name: build }, i) => {
      const us = median(perCall[i]);
      return `${build} ${us.toFixed(2)} µs (${(us / base).toFixed(2)})`;
    });
    console.log(`${name.padEnd(14)} ${mode.padEnd(7)} ${cells.join('  ')}`);
  }
}
