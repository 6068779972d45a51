// Instructions per validate() call, counted by valgrind's callgrind: steadier
// than CPU time on a shared, loaded machine (two runs of one build differ by
// a few dozen instructions in thousands), so it tells apart steps of 1-2%.
// For each build it runs Node.js twice under callgrind (`--no-liftoff
// --single-threaded`, so the wasm is compiled once, by TurboFan, and nothing
// runs beside the calls), CALLS calls after a warm-up and none, and prints the
// difference over CALLS. With --by-function, both runs also write V8's
// perf map (`--perf-basic-prof`) and the instructions are told per compiled
// function: wasm functions by their names when the build's .wasm keeps them
// (wasm-opt -g; scripts/build.sh strips them), the JS wrapper's, and V8's own;
// each function's count in the run without calls is taken from its count in
// the counted run, so what Node.js does once (start-up: OpenSSL's
// certificates, malloc, locks) is not charged to the calls.
// Slow: about a minute per build and input. Asserts nothing.
//
//   node bench/instructions.cjs [--by-function [--top N]] [--input NAME] [--calls N] [--object] DIR...
//
// Each DIR holds a build's `datasync_task_validator.cjs` and `text-path.cjs`
// (a built pkg/node, copied aside to keep it); NAME is one of examples/*.json
// (default minimal), validated as JSON text unless --object, or
// basic+locations: full-basic with the two location descriptions of
// bench/locations.cjs as options, as ab-cpu.cjs and bench.mjs pass them. A build with
// names: copy pkg/node aside, run scripts/build.sh's wasm-opt line on
// target/wasm-bindgen/web/datasync_task_validator_bg.wasm with -g added, and
// write the result's base64 into the copy's wasm-bytes.cjs as build.sh does.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { BASIC_WITH_LOCATIONS } = require('./locations.cjs');

const WARM_UP = 20_000;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 && args.splice(at, 1).length === 1;
};
const input = option('--input', 'minimal');
const calls = Number(option('--calls', input === 'minimal' ? 200_000 : 30_000));
const byFunction = flag('--by-function');
const top = Number(option('--top', 40)); // how many functions --by-function prints
const asObject = flag('--object');
if (args.length === 0 || !(calls > 0) || !(top > 0)) {
  console.error('usage: node bench/instructions.cjs [--by-function [--top N]] [--input NAME] [--calls N] [--object] DIR...');
  process.exit(2);
}

// The child: validate() WARM_UP + COUNT times.
if (process.env.INSTRUCTIONS_CHILD) {
  const [dir, count] = JSON.parse(process.env.INSTRUCTIONS_CHILD);
  const { createValidate, guardGlue } = require(path.join(dir, 'text-path.cjs'));
  const validate = createValidate(guardGlue(require(path.join(dir, 'datasync_task_validator.cjs'))));
  const { example, options } = input === 'basic+locations' ? BASIC_WITH_LOCATIONS : { example: input, options: undefined };
  const text = fs.readFileSync(path.join(__dirname, '..', 'examples', `${example}.json`), 'utf8');
  const request = asObject ? JSON.parse(text) : text;
  for (let call = 0; call < WARM_UP + count; call += 1) validate(request, options);
  return;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'instructions-'));
/** Runs the child under callgrind; returns the path of its output. */
function counted(dir, count, perfMap) {
  const out = path.join(scratch, `callgrind.${count}.out`);
  const tool = ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`];
  if (perfMap) tool.push('--dump-instr=yes', '--compress-pos=no', '--compress-strings=no');
  const node = ['--no-liftoff', '--single-threaded', ...(perfMap ? ['--perf-basic-prof'] : []), __filename, ...process.argv.slice(2)];
  execFileSync('valgrind', [...tool, process.execPath, ...node], {
    env: { ...process.env, INSTRUCTIONS_CHILD: JSON.stringify([dir, count]) },
    cwd: scratch, // where V8 writes its isolate logs
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return out;
}
const total = (file) => Number(/^summary: (\d+)$/m.exec(fs.readFileSync(file, 'utf8'))[1]);

/** Instructions per compiled function (V8's perf map), the rest by callgrind's function name, in the run `file` wrote. */
function byFunctionOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const pid = /^pid: (\d+)$/m.exec(text)[1];
  const mapFile = `/tmp/perf-${pid}.map`;
  const ranges = fs
    .readFileSync(mapFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [start, size, ...name] = line.split(' ');
      return { start: parseInt(start, 16), end: parseInt(start, 16) + parseInt(size, 16), name: name.join(' ') };
    })
    .sort((a, b) => a.start - b.start);
  fs.rmSync(mapFile);
  const find = (address) => {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (ranges[mid].end <= address) low = mid + 1;
      else if (ranges[mid].start > address) high = mid - 1;
      else return ranges[mid].name;
    }
    return undefined;
  };
  const cost = new Map();
  let fn = '';
  let skip = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('calls=')) {
      skip = true; // the next line is the call's inclusive cost
      continue;
    }
    if (skip) {
      skip = false;
      continue;
    }
    if (line.startsWith('fn=')) {
      fn = line.slice(3);
      continue;
    }
    const match = /^0x([0-9a-f]+) \S+ (\d+)/.exec(line);
    if (!match) continue;
    const name = find(parseInt(match[1], 16)) ?? `native: ${fn}`;
    cost.set(name, (cost.get(name) ?? 0) + Number(match[2]));
  }
  const named = new Map();
  for (const [name, ir] of cost) {
    const plain = name.replace(/::h[0-9a-f]{16}/g, '');
    named.set(plain, (named.get(plain) ?? 0) + ir);
  }
  return named;
}

/** The `top` functions by instructions per call: the counted run's less the run without calls, over `runs` calls. */
function perCall(counted, none, runs) {
  return [...counted]
    .map(([name, ir]) => [name, (ir - (none.get(name) ?? 0)) / runs])
    .filter(([, cost]) => cost >= 10)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
}

for (const dir of args.map((d) => path.resolve(d))) {
  // Both runs with the same flags: writing the perf map costs instructions too.
  const empty = counted(dir, 0, byFunction);
  const none = total(empty);
  // Read now: the next run may reuse the pid, and so the perf map's name.
  const noneByFunction = byFunction ? byFunctionOf(empty) : undefined;
  const file = counted(dir, calls, byFunction);
  console.log(`${dir} ${input}${asObject ? ' (object)' : ''}: ${Math.round((total(file) - none) / calls)} instructions per call`);
  if (byFunction) {
    // Per counted call: both runs warm up alike, so what the functions cost
    // in the run without calls (start-up, warm-up, compiling) is taken off.
    for (const [name, cost] of perCall(byFunctionOf(file), noneByFunction, calls)) console.log(`  ${cost.toFixed(0).padStart(6)}  ${name.slice(0, 110)}`);
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
