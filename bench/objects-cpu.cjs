// Request objects by CPU time: validate(object) of one or more builds against
// ajv(object) (compiled from the CloudFormation schema, as bench/bench.mjs
// compiles it), in one Node.js process, rounds interleaved, µs of user+system
// CPU per call (process.cpuUsage), median of the rounds, with the
// second-lowest and second-highest per-round ratio to ajv in brackets. On a
// shared, loaded machine CPU time varies far less than wall-clock rates.
// Prints figures; asserts nothing.
//
//   node bench/objects-cpu.cjs DIR_A [DIR_B ...]
//
// Each DIR holds a build's Node.js files as bench/ab-cpu.cjs wants them
// (`datasync_task_validator.cjs` with what it loads, and its own
// `text-path.cjs`): for this build, pkg/node/. Run `bash scripts/build.sh` first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Ajv } = require('ajv');

const root = path.resolve(__dirname, '..');
const dirs = process.argv.slice(2);
if (dirs.length < 1) {
  console.error('usage: node bench/objects-cpu.cjs DIR_A [DIR_B ...]');
  process.exit(2);
}
const builds = dirs.map((dir) => {
  const { createValidate, guardGlue } = require(path.resolve(dir, 'text-path.cjs'));
  return { name: path.basename(path.resolve(dir)), validate: createValidate(guardGlue(require(path.resolve(dir, 'datasync_task_validator.cjs')))) };
});
const schema = JSON.parse(fs.readFileSync(path.join(root, 'bench/cfn-aws-datasync-task.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);

const read = (name) => JSON.parse(fs.readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8'));
const basic = read('full-basic');
const PAIR = [
  { LocationArn: basic.SourceLocationArn, LocationUri: 'nfs://files.example.com/exports/home/' },
  { LocationArn: basic.DestinationLocationArn, LocationUri: 's3://home-backup/2026/' },
];
const inputs = [
  ...['minimal', 'full-basic', 'full-enhanced', 'many-problems'].map((name) => ({ name, object: read(name) })),
  { name: 'basic+locations', object: basic, options: { locations: PAIR } },
];
const ROUNDS = 15;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const nth = (values, n) => [...values].sort((a, b) => a - b)[n];

/** µs of CPU per call of `fn` over `calls` calls. */
function cpu(fn, calls) {
  const start = process.cpuUsage();
  for (let call = 0; call < calls; call += 1) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

// Warm-up: V8 tiers wasm and the walker up after many calls.
for (const { object, options } of inputs) {
  for (let end = performance.now() + 300; performance.now() < end;) {
    for (const { validate } of builds) validate(object, options);
    ajv(object);
  }
}

console.log(`${builds.map((b) => b.name).join(', ')} vs ajv(object): µs of CPU per call, median of ${ROUNDS} rounds; ajv's time over ours (above 1 is faster than ajv)`);
for (const { name, object, options } of inputs) {
  const calls = name === 'minimal' ? 20_000 : 4_000;
  const ours = builds.map(() => []);
  const theirs = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    builds.forEach(({ validate }, i) => ours[i].push(cpu(() => validate(object, options), calls)));
    theirs.push(cpu(() => ajv(object), calls));
  }
  const cells = builds.map(({ name: build }, i) => {
    const ratios = ours[i].map((us, round) => theirs[round] / us);
    return `${build} ${median(ours[i]).toFixed(2)} µs, ${median(ratios).toFixed(2)}x (${nth(ratios, 1).toFixed(2)}-${nth(ratios, ROUNDS - 2).toFixed(2)})`;
  });
  console.log(`${name.padEnd(16)} ajv ${median(theirs).toFixed(2)} µs  ${cells.join('  ')}`);
}
