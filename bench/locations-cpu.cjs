// The cost of passing location descriptions to validate(), by CPU time: for
// each build, every example as JSON text and as an object, validate(x) and
// validate(x, { locations }) (two ListLocations entries, NFS to S3: the same
// report) in interleaved rounds whose order alternates, µs of user+system
// CPU per call (process.cpuUsage), median of the rounds, and their ratio.
// On a shared, loaded machine CPU time varies far less than wall-clock rates;
// giving the build before a change as well measures both in one process.
// Asserts nothing.
//
//   node bench/locations-cpu.cjs PKG_DIR [PKG_DIR...]
//
// Each PKG_DIR is a built package (`bash scripts/build.sh` makes pkg/; copy
// it aside to keep a build): its node/text-path.cjs over its node/ glue.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dirs = process.argv.slice(2);
if (dirs.length < 1) {
  console.error('usage: node bench/locations-cpu.cjs PKG_DIR [PKG_DIR...]');
  process.exit(2);
}
const builds = dirs.map((dir) => {
  const { createValidate, guardGlue } = require(path.resolve(dir, 'node/text-path.cjs'));
  return { name: path.basename(path.resolve(dir)), validate: createValidate(guardGlue(require(path.resolve(dir, 'node/datasync_task_validator.cjs')))) };
});
const PAIR = { locations: require('./locations.cjs').PAIR };
const inputs = ['minimal', 'full-basic', 'full-enhanced', 'many-problems'].map((name) => {
  const text = fs.readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8');
  return { name, text, object: JSON.parse(text) };
});
const ROUNDS = 21;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log(`Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${ROUNDS} rounds, median µs of CPU per call`);
// Warm-up: V8 tiers wasm and JS up after many calls.
for (const { validate } of builds) {
  for (const { text, object } of inputs) {
    for (let end = performance.now() + 300; performance.now() < end;) {
      for (const input of [text, object]) {
        validate(input);
        validate(input, PAIR);
      }
    }
  }
}
for (const { name, text, object } of inputs) {
  for (const [mode, input] of [['text', text], ['object', object]]) {
    const calls = name === 'minimal' ? 20_000 : 3_000;
    const times = builds.map(() => [[], []]);
    for (let round = 0; round < ROUNDS; round += 1) {
      builds.forEach(({ validate }, i) => {
        // Without, then with; the next round with, then without.
        for (const k of round % 2 ? [1, 0] : [0, 1]) {
          const options = k ? PAIR : undefined;
          const start = process.cpuUsage();
          for (let call = 0; call < calls; call += 1) validate(input, options);
          const used = process.cpuUsage(start);
          times[i][k].push((used.user + used.system) / calls);
        }
      });
    }
    const cells = builds.map(({ name: build }, i) => {
      const [without, withPair] = times[i].map(median);
      return `${build}: ${without.toFixed(2)} / ${withPair.toFixed(2)} µs = ${(withPair / without).toFixed(3)}`;
    });
    console.log(`${name.padEnd(14)} ${mode.padEnd(7)} ${cells.join('   ')}`);
  }
}
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
