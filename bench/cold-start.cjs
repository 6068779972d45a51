'use strict';
// Where the cold start goes (issue 16: import to first result <= 20 ms).
//
//   node bench/cold-start.cjs [--runs 11] [--import] [DIR...]     (DIR: a build's pkg/node; default pkg/node)
//
// Each run is a fresh Node.js process that loads one build's Node.js entry
// step by step and times each step in wall-clock and in CPU time
// (`process.cpuUsage()`, every thread of the process): the wrapper
// (text-path.cjs), the wasm-bindgen glue (the .wasm's bytes and the glue's own
// code, then `new WebAssembly.Module`, `new WebAssembly.Instance`, the start
// function), the entry (index.cjs), the first `validate({})` and a second one.
// Runs alternate between the builds so that a busy spell of a shared machine
// falls on all of them; the table has the median of each step's CPU time
// (lowest and highest in brackets), and the median of the total. Node.js's own
// start-up before the first line of the script is not counted, nor is the ES
// module loader (`bench/bench.mjs --only cold` times `import()` as a user
// writes it). With --import, each process is an ES module that imports the
// package by name from a folder of its own where node_modules holds it (a link
// to DIR's package), as a user's `import` does: the steps are then Node's
// resolution of the name, the import up to the .wasm's compile (the ES module
// entry, the CommonJS one it takes, the wrapper, the glue's code and bytes),
// the compile, the instantiation, the rest of the import (the start function,
// the entries' own code) and the two calls; Node's ES module loader itself is
// still not counted (bench.mjs's floor). Asserts nothing: figures, not tests.
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, symlinkSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 11;
const importAt = args.indexOf('--import');
const IMPORT = importAt >= 0 && args.splice(importAt, 1).length === 1;
const dirs = (args.length ? args : [resolve(__dirname, '../pkg/node')]).map((dir) => resolve(dir));

/**
 * A clock of steps for one fresh process: `lap(name)` notes the wall-clock
 * and CPU time since the last lap; `total()` closes the list with the time
 * from the start to the first result (all but the last step). It also times
 * the glue's `new WebAssembly.Module` and `new WebAssembly.Instance`, noting
 * what ran before the compile as `before`. Sent to the child as source text,
 * with `child` or `childImport`, so it uses nothing from this file.
 */
function stepClock(before) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const steps = [];
  let wall = performance.now();
  let used = cpu();
  const start = [wall, used];
  const lap = (name) => {
    const [nowWall, nowUsed] = [performance.now(), cpu()];
    steps.push([name, nowWall - wall, nowUsed - used]);
    [wall, used] = [nowWall, nowUsed];
  };
  const { Module, Instance } = WebAssembly;
  WebAssembly.Module = function (bytes) {
    lap(before);
    const module = new Module(bytes);
    lap('glue: compile');
    return module;
  };
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    lap('glue: instantiate');
    return instance;
  };
  const total = () => {
    steps.push(['total to the first result', wall - start[0] - steps.at(-1)[1], used - start[1] - steps.at(-1)[2]]);
    return steps;
  };
  return { lap, total };
}

/** What one fresh process runs: the steps of loading `dir`, each timed. */
function child(dir) {
  // The glue compiles and instantiates as it is required: stepClock times those two calls.
  const { lap, total } = stepClock('glue: bytes and code');
  require(`${dir}/text-path.cjs`);
  lap('wrapper (text-path.cjs)');
  require(`${dir}/datasync_task_validator.cjs`);
  lap('glue: start');
  const { validate } = require(`${dir}/index.cjs`);
  lap('entry (index.cjs)');
  validate({});
  lap('first validate({})');
  validate({});
  lap('second validate({})');
  return total();
}

/**
 * What one fresh ES module process runs with --import: `import` of the
 * package by name, timed by step (`importMeta` is the process's import.meta).
 */
async function childImport(importMeta) {
  const { lap, total } = stepClock('import: entries, wrapper, glue code and bytes');
  importMeta.resolve('datasync-task-validator');
  lap('resolve the package name (Node)');
  const { validate } = await import('datasync-task-validator');
  lap('import: the rest (start, entries)');
  validate({});
  lap('first validate({})');
  validate({});
  lap('second validate({})');
  return total();
}

const script = IMPORT
  ? `${stepClock};\n${childImport};\nconsole.log(JSON.stringify(await childImport(import.meta)));`
  : `${stepClock};\n${child};\nconsole.log(JSON.stringify(child(${JSON.stringify('DIR')})));`;
// --import: a folder per build where the package resolves by name (DIR is its node/ folder).
const sites = IMPORT ? dirs.map(() => mkdtempSync(join(tmpdir(), 'dtv-cold-start-'))) : [];
sites.forEach((site, i) => {
  mkdirSync(join(site, 'node_modules'));
  symlinkSync(resolve(dirs[i], '..'), join(site, 'node_modules', 'datasync-task-validator'));
});
const results = dirs.map(() => []);
try {
  for (let run = 0; run < RUNS; run += 1) {
    dirs.forEach((dir, i) => {
      const out = IMPORT
        ? spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: sites[i], encoding: 'utf8' })
        : spawnSync(process.execPath, ['-e', script.replace('"DIR"', JSON.stringify(dir))], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`${dir}: ${out.stderr}`);
      results[i].push(JSON.parse(out.stdout));
    });
  }
} finally {
  sites.forEach((site) => rmSync(site, { recursive: true, force: true }));
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const cell = (values) => {
  const s = sorted(values);
  return `${median(values).toFixed(2)} (${s[0].toFixed(2)}-${s.at(-1).toFixed(2)})`;
};
const load = require('node:os').loadavg().map((n) => n.toFixed(1)).join(' ');
console.log(`cold start by step, ms of CPU time: median (lowest-highest) of ${RUNS} fresh processes per build, alternating; Node ${process.version}, load average ${load}`);
const names = results[0][0].map(([name]) => name);
const width = Math.max(...names.map((name) => name.length));
console.log(`${''.padEnd(width)}  ${dirs.map((dir, i) => `build ${i + 1}`.padEnd(22)).join('  ')}`);
names.forEach((name, step) => {
  const cells = results.map((runs) => cell(runs.map((steps) => steps[step][2])).padEnd(22));
  console.log(`${name.padEnd(width)}  ${cells.join('  ')}`);
});
const totalWall = results.map((runs) => cell(runs.map((steps) => steps.at(-1)[1])).padEnd(22));
console.log(`${'(total, wall clock)'.padEnd(width)}  ${totalWall.join('  ')}`);
dirs.forEach((dir, i) => console.log(`build ${i + 1}: ${dir}`));
