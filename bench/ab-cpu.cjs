// Two or more builds of the core compared in one Node.js process by CPU time:
// validate() through the package's text path (js/text-path.mjs, as
// pkg/node/text-path.cjs) over each build's Node.js glue, every input as JSON
// text and as an object, rounds interleaved (A, B, A, B...), µs of user+system
// CPU per call (process.cpuUsage), median of the rounds. On a shared, loaded
// machine CPU time varies far less than wall-clock rates. Prints ratios to the
// first build; asserts nothing. With --ajv, ajv compiled from the
// CloudFormation schema (as bench/bench.mjs compiles it) is timed in the same
// rounds, ajv(JSON.parse(text)) for text and ajv(object) for objects, and each
// build's speed against it is printed (ajv's CPU time over the build's, the
// median of the per-round ratios); full-basic judged with its two locations
// (basic+locations, as bench.mjs has it) is added to the inputs.
//
//   node bench/ab-cpu.cjs [--ajv] DIR_A DIR_B [...]
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
const withAjv = process.argv.includes('--ajv');
const dirs = process.argv.slice(2).filter((arg) => arg !== '--ajv');
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
const { BASIC_WITH_LOCATIONS } = require('./locations.cjs');
let ajvValidate;
if (withAjv) {
  const { Ajv } = require('ajv');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'bench/cfn-aws-datasync-task.schema.json'), 'utf8'));
  ajvValidate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
  const basic = inputs.find(({ name }) => name === BASIC_WITH_LOCATIONS.example);
  inputs.push({ ...basic, name: 'basic+locations', options: BASIC_WITH_LOCATIONS.options });
}
const ROUNDS = 21;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

// Warm-up: V8 tiers wasm up after many calls.
for (const { validate } of builds) {
  for (const { text, object, options } of inputs) {
    for (let end = performance.now() + 300; performance.now() < end;) {
      validate(text, options);
      validate(object, options);
    }
  }
}
if (withAjv) {
  for (const { text, object } of inputs) {
    for (let end = performance.now() + 300; performance.now() < end;) {
      ajvValidate(JSON.parse(text));
      ajvValidate(object);
    }
  }
}

/** µs of CPU per call of `fn` over `calls` calls. */
function cpuPerCall(fn, calls) {
  const start = process.cpuUsage();
  for (let call = 0; call < calls; call += 1) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

for (const { name, text, object, options } of inputs) {
  for (const [mode, input] of [['text', text], ['object', object]]) {
    const calls = name === 'minimal' ? 20_000 : 3_000;
    const perCall = builds.map(() => []);
    const ajvPerCall = [];
    const ajvCall = mode === 'text' ? () => ajvValidate(JSON.parse(text)) : () => ajvValidate(object);
    for (let round = 0; round < ROUNDS; round += 1) {
      builds.forEach(({ validate }, i) => {
        perCall[i].push(cpuPerCall(() => validate(input, options), calls));
      });
      if (withAjv) ajvPerCall.push(cpuPerCall(ajvCall, calls));
    }
    const base = median(perCall[0]);
    const cells = builds.map(({ name: build }, i) => {
      const us = median(perCall[i]);
      const vsAjv = withAjv ? `, ${median(ajvPerCall.map((ajv, round) => ajv / perCall[i][round])).toFixed(2)}x ajv` : '';
      return `${build} ${us.toFixed(2)} µs (${(us / base).toFixed(2)}${vsAjv})`;
    });
    const ajvCell = withAjv ? `  ajv ${median(ajvPerCall).toFixed(2)} µs` : '';
    console.log(`${name.padEnd(15)} ${mode.padEnd(7)} ${cells.join('  ')}${ajvCell}`);
  }
}
