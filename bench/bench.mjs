// Speed benchmark: this package against ajv compiled from the CloudFormation
// AWS::DataSync::Task schema, same process, same inputs, warm-up, several rounds.
// Prints ops/sec and ratios; asserts nothing (figures, not tests).
//
//   node bench/bench.mjs [--seconds 0.25] [--rounds 9] [--cold-runs 11] [--only locations|main|cold|goals]
//
// Inputs: examples/minimal.json, full-basic.json, full-enhanced.json and
// many-problems.json (an invalid request with several errors), and full-basic.json
// judged with the descriptions of its two locations (+locations). Each is measured
// as a JS object (validate(object) vs ajv(object)) and as JSON text, which is what
// a CLI or a text box holds (validate(text) vs ajv(JSON.parse(text))).
// The locations table times validate(x, { locations }) against validate(x):
// two ListLocations entries (NFS to S3, so the report is the same), and a
// portal's whole page of 100 entries. --only locations prints just that table;
// --only main prints the table against ajv and the issue's other goals (linear
// growth and the cold start); --only goals just those two, --only cold just the
// cold start (a few seconds).
// The input-path table also times objects read by serde-wasm-bindgen, from a
// variant built with bench/build-serde-variant.sh (built here when missing or
// older than pkg/; its column is skipped, with the reason, if that fails).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { validate, version } from 'datasync-task-validator';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SECONDS = option('seconds', 0.25);
const ROUNDS = option('rounds', 9);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const COLD_RUNS = option('cold-runs', 11);

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

if (ONLY === 'cold') {
  coldStart();
  process.exit(0);
}

const schema = JSON.parse(read('bench/cfn-aws-datasync-task.schema.json'));
// The CloudFormation resource schema carries extra keywords (handlers, tagging,
// primaryIdentifier...) that ajv must ignore; allErrors so ajv reports every problem too.
// unicodeRegExp: false because the schema's patterns use escapes (\ , \_) that the u flag rejects.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
const ajvValidate = ajv.compile(schema);

const INPUTS = ['minimal', 'full-basic', 'full-enhanced', 'many-problems'].map((name) => {
  const text = read(`examples/${name}.json`);
  return { name, text, object: JSON.parse(text) };
});

/** Calls per second of `fn` over one round of SECONDS. */
function rate(fn) {
  let calls = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 64; i += 1) fn();
    calls += 64;
    now = performance.now();
  }
  return calls / ((now - start) / 1000);
}

function warmUp(fn) {
  for (let end = performance.now() + 200; performance.now() < end;) fn();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median ops/sec of each function, measured in alternating rounds (ours, theirs,
 * ours, ...) so that a slow spell of a shared machine falls on both alike.
 */
function compare(...fns) {
  fns.forEach(warmUp);
  const rates = fns.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) fns.forEach((fn, i) => rates[i].push(rate(fn)));
  return rates.map(median);
}

const format = (rate) => Math.round(rate).toLocaleString('en-US').padStart(11);

// The two goals of issue 16 that are not ratios of the table: linear growth and the cold start.
if (ONLY === 'goals') {
  console.log(`datasync-task-validator ${version()} vs ajv ${JSON.parse(read('node_modules/ajv/package.json')).version}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);
  linearGrowth();
  coldStart();
  process.exit(0);
}

console.log(`datasync-task-validator ${version()} vs ajv ${JSON.parse(read('node_modules/ajv/package.json')).version}`);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${ROUNDS} alternating rounds of ${SECONDS}s each (median)\n`);

// Sanity: both agree on which inputs are valid, so we compare like with like.
for (const { name, object } of INPUTS) {
  console.log(`${name.padEnd(14)} ours: ${validate(object).valid ? 'valid' : 'invalid'}, ajv: ${ajvValidate(object) ? 'valid' : 'invalid'}`);
}

/** Two descriptions as ListLocations gives them (NFS to S3: no new finding), and a page of 100. */
const { PAIR, BASIC_WITH_LOCATIONS } = createRequire(import.meta.url)('./locations.cjs');
const PAGE = [...PAIR, ...Array.from({ length: 98 }, (_, i) => ({
  LocationArn: `arn:aws:datasync:us-east-1:111122223333:location/loc-${String(i).padStart(17, '0')}`,
  LocationUri: i % 2 ? `s3://bucket-${i}/prefix/` : `smb://server-${i}.example.com/share/`,
}))];

function locationsTable() {
  console.log('\nwith locations   mode     without       2 entries   ratio    100 entries   ratio');
  for (const { name, text, object } of INPUTS) {
    for (const [mode, input] of [['object', object], ['text', text]]) {
      const same = isDeepStrictEqual(validate(input), validate(input, { locations: PAIR }));
      const [plain, pair, page] = compare(() => validate(input), () => validate(input, { locations: PAIR }), () => validate(input, { locations: PAGE }));
      console.log(`${name.padEnd(14)}  ${mode.padEnd(6)} ${format(plain)}  ${format(pair)}   ${(pair / plain).toFixed(2)}x  ${format(page)}   ${(page / plain).toFixed(2)}x${same ? '' : '  (report differs)'}`);
    }
  }
}

if (ONLY === 'locations') {
  if (args.includes('--serde')) {
    const variant = createRequire(import.meta.url)('../target/bench-serde/pkg/datasync_task_validator.cjs');
    console.log('\nreading options  entries   JSON text    serde-wasm-bindgen   text/serde');
    for (const [label, locations] of [['pair', PAIR], ['page', PAGE]]) {
      const options = { locations };
      const [text, viaSerde] = compare(() => variant.storeOptions(options), () => variant.storeOptionsSerde(options));
      console.log(`${label.padEnd(15)}  ${String(locations.length).padStart(7)} ${format(text)}  ${format(viaSerde)}          ${(text / viaSerde).toFixed(2)}x`);
    }
  }
  for (const { text, object } of INPUTS) {
    for (const fn of [() => validate(object), () => validate(text), () => validate(text, { locations: PAIR })]) {
      for (let end = performance.now() + 400; performance.now() < end;) fn();
    }
  }
  locationsTable();
  process.exit(0);
}

/** The inputs of the table against ajv: the examples, and full-basic judged with its locations. */
const withLocations = INPUTS.find(({ name }) => name === BASIC_WITH_LOCATIONS.example);
const TABLE = [...INPUTS, { ...withLocations, name: 'basic+locations', options: BASIC_WITH_LOCATIONS.options }];

console.log('\ninput           mode     ours ops/s    ajv ops/s   ours/ajv');
// A long warm-up over every input first: V8 compiles wasm with a baseline
// compiler and moves hot functions to its optimising one only after many calls,
// and the paths that write diagnostics get hot later than the rest.
for (const { text, object } of INPUTS) {
  for (const fn of [() => validate(object), () => validate(text), () => ajvValidate(object), () => ajvValidate(JSON.parse(text))]) {
    for (let end = performance.now() + 400; performance.now() < end;) fn();
  }
}

const floors = [];
const textBars = [];
for (const { name, text, object, options } of TABLE) {
  const [oursObject, ajvObject, stringify] = compare(() => validate(object, options), () => ajvValidate(object), () => JSON.stringify(object));
  console.log(`${name.padEnd(14)}  object ${format(oursObject)}  ${format(ajvObject)}   ${(oursObject / ajvObject).toFixed(2)}x`);
  const [oursText, ajvText, parseOnly] = compare(() => validate(text, options), () => ajvValidate(JSON.parse(text)), () => JSON.parse(text));
  console.log(`${name.padEnd(14)}  text   ${format(oursText)}  ${format(ajvText)}   ${(oursText / ajvText).toFixed(2)}x  (ajv with JSON.parse)`);
  floors.push(`${name} ${format(stringify).trim()}`);
  textBars.push(`${name} ${format(2 * ajvText).trim()} vs ${format(parseOnly).trim()}`);
}
if (ONLY !== 'main') locationsTable();

// Objects reached the core as JSON text before the generated walker, so JSON.stringify alone was that path's ceiling.
console.log(`\nJSON.stringify(object) alone, ops/s (the object path's ceiling before the walker): ${floors.join(', ')}`);
// The text goal (twice JSON.parse + ajv) set beside what V8 needs just to parse the same text.
console.log(`text goal (2x JSON.parse + ajv) vs JSON.parse(text) alone, ops/s: ${textBars.join(', ')}`);

if (ONLY === 'main') {
  linearGrowth();
  coldStart();
  process.exit(0);
}

// Input paths into wasm, measured side by side: the package's validate()
// (JSON.stringify in JS, then TextEncoder.encodeInto into wasm memory)
// against the wasm-bindgen glue's own validate(), which takes the JS value,
// calls JSON.stringify through js-sys and copies the string in with
// wasm-bindgen's per-character loop. Same core, same report. Objects are also
// read by serde-wasm-bindgen (validateSerde, a separate build with the
// serde-input feature: bench/build-serde-variant.sh), wrapped like the package
// wraps validateUtf8 so both return the same report object.
const require = createRequire(import.meta.url);
const glue = require('../pkg/node/datasync_task_validator.cjs');
const serde = loadSerdeVariant();

/**
 * The serde-input variant as `{ validate, sizes }`, built first when it is
 * missing or older than pkg/'s .wasm; or `{ skipped: reason }`, so a failed
 * build costs only its column.
 */
function loadSerdeVariant() {
  const dir = new URL('target/bench-serde/pkg/', root);
  const wasm = new URL('datasync_task_validator_bg.wasm', dir);
  const glueFile = new URL('datasync_task_validator.cjs', dir);
  const packageWasm = new URL('pkg/datasync_task_validator_bg.wasm', root);
  const stale = !existsSync(glueFile) || !existsSync(wasm) || statSync(wasm).mtimeMs < statSync(packageWasm).mtimeMs;
  if (stale) {
    console.log('\nbuilding the serde-input variant (bench/build-serde-variant.sh; its log goes to stderr)');
    // Its stdout and stderr as one log, in order, to show and to quote from.
    const build = spawnSync('bash', ['-c', 'bash bench/build-serde-variant.sh 2>&1'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    process.stderr.write(build.stdout ?? '');
    if (build.error || build.status !== 0) {
      const lastLine = (build.stdout ?? '').trim().split('\n').pop();
      return { skipped: `bench/build-serde-variant.sh failed (${build.error?.message ?? `exit status ${build.status}`}): ${lastLine}` };
    }
  }
  try {
    const variant = require(fileURLToPath(glueFile));
    if (typeof variant.validateSerde !== 'function') return { skipped: 'the variant has no validateSerde export' };
    const sizeOf = (url) => {
      const bytes = readFileSync(url);
      return `${bytes.length.toLocaleString('en-US')} bytes raw, ${gzipSync(bytes, { level: 9 }).length.toLocaleString('en-US')} zlib level 9`;
    };
    return {
      // Reading { locations } into the variant's kept options: ours, then serde-wasm-bindgen's.
      storeOptions: variant.storeOptions,
      storeOptionsSerde: variant.storeOptionsSerde,
      // The contract of validateUtf8, turned into a report as js/text-path.mjs does.
      validate(object) {
        const report = variant.validateSerde(object);
        return report === undefined ? { valid: true, errors: [], warnings: [] } : JSON.parse(report);
      },
      sizes: `serde-input variant .wasm: ${sizeOf(wasm)}; pkg/: ${sizeOf(packageWasm)}`,
    };
  } catch (error) {
    return { skipped: `loading the variant failed: ${error.message}` };
  }
}

// Like with like: the serde column is timed only for inputs that get the same report.
const sameReport = new Set();
if (serde.skipped) {
  console.log(`\nserde-wasm-bindgen column skipped: ${serde.skipped}`);
} else {
  console.log(`\n${serde.sizes}`);
  for (const { name, object } of INPUTS) {
    const same = isDeepStrictEqual(serde.validate(object), validate(object));
    if (same) sameReport.add(name);
    console.log(`${name.padEnd(14)} validateSerde ${same ? 'gives the same report as validate' : 'REPORTS DIFFERENTLY; its column is skipped'}`);
  }
  // The same long warm-up the other paths had above.
  for (const { name, object } of INPUTS) {
    if (!sameReport.has(name)) continue;
    for (let end = performance.now() + 400; performance.now() < end;) serde.validate(object);
  }
}

// The options argument read into wasm: JSON.stringify and the core's parser
// (what validate() does when the options change) against serde-wasm-bindgen
// reading them into the core's value tree, in the same variant; both then go
// through the same reader of options.
if (!serde.skipped && typeof serde.storeOptionsSerde === 'function') {
  console.log('\nreading options  entries   JSON text    serde-wasm-bindgen   text/serde');
  for (const [label, locations] of [['pair', PAIR], ['page', PAGE]]) {
    const options = { locations };
    const [text, viaSerde] = compare(() => serde.storeOptions(options), () => serde.storeOptionsSerde(options));
    console.log(`${label.padEnd(15)}  ${String(locations.length).padStart(7)} ${format(text)}  ${format(viaSerde)}          ${(text / viaSerde).toFixed(2)}x`);
  }
}

console.log('\ninput path      mode     encodeInto    wasm-bindgen string   ratio   serde-wasm-bindgen   ours/serde');
for (const { name, text, object } of INPUTS) {
  for (const [mode, input] of [['object', object], ['text', text]]) {
    const withSerde = mode === 'object' && sameReport.has(name);
    const fns = [() => validate(input), () => glue.validate(input)];
    if (withSerde) fns.push(() => serde.validate(input));
    const [fast, glued, serdeRate] = compare(...fns);
    const serdeColumns = withSerde ? `  ${format(serdeRate)}          ${(fast / serdeRate).toFixed(2)}x` : '';
    console.log(`${name.padEnd(14)}  ${mode.padEnd(6)} ${format(fast)}  ${format(glued)}          ${(fast / glued).toFixed(2)}x${serdeColumns}`);
  }
}

// Linear growth: 10x the input should cost about 10x the time (one of issue 16's goals).
// Each input size is timed in CPU time (process.cpuUsage: user + system, which
// a busy spell of a shared machine disturbs far less than the wall clock), in
// rounds that take every size and ajv on the same input in turn (ours at 100
// tags, ajv at 100, ours at 1,000, ...), so a slow spell falls on all of them.
// Printed: µs per call, the median of the rounds with the lowest and highest
// in brackets; the growth for 10x input as the median of the per-round ratios
// [lowest-highest]; and ajv's time over ours at each size (ajv(JSON.parse(text))
// for text, ajv(object) for objects).
function linearGrowth() {
  const rounds = Math.max(5, Math.min(ROUNDS, 9));
  console.log(`\nlinear growth (CPU time per call; ${rounds} interleaved rounds, median [lowest-highest]; ajv in the same rounds): 100 tags vs 1,000 vs 10,000; lone-surrogate tag keys 1,000 vs 10,000 vs 100,000; filter 10 KB vs 100 KB vs 1 MB; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  const base = INPUTS[0].object;
  const withTags = (n) => JSON.stringify({ ...base, Tags: Array.from({ length: n }, (_, i) => ({ Key: `key-${i}`, Value: `value ${i}` })) });
  // Every key a lone surrogate: one invalid-unicode error each, and a pattern
  // mismatch each that the core suppresses (this was quadratic: 80k keys took 25 s).
  const withBrokenKeys = (n) => JSON.stringify({ ...base, Tags: Array.from({ length: n }, (_, i) => ({ Key: `\udc00${i}` })) });
  const withFilter = (bytes) => JSON.stringify({ ...base, Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/${'a'.repeat(bytes - 1)}` }] });
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  // µs of CPU per call of `fn` over calls that take at least `budget` µs in all.
  const perCall = (fn, budget) => {
    let calls = 0;
    const start = cpu();
    let used = 0;
    while (used < budget) {
      fn();
      calls += 1;
      used = cpu() - start;
    }
    return used / calls;
  };
  const spread = (values, digits) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${median(values).toFixed(digits)} [${sorted[0].toFixed(digits)}-${sorted[sorted.length - 1].toFixed(digits)}]`;
  };
  for (const [label, make, sizes] of [['tags', withTags, [100, 1_000, 10_000]], ['broken keys', withBrokenKeys, [1_000, 10_000, 100_000]], ['filter bytes', withFilter, [10_000, 100_000, 1_000_000]]]) {
    for (const mode of ['text', 'object']) {
      const inputs = sizes.map((size) => (mode === 'text' ? make(size) : JSON.parse(make(size))));
      // ajv is timed at a size only when its call at the size before took
      // under 50 ms: it grows faster than the input on arrays of objects
      // (uniqueItems compares every pair: 10,000 tags take it about 2 s a
      // call, 100,000 would take minutes), so its growth is timed once there.
      const fns = [];
      let ajvLast = 0;
      for (const input of inputs) {
        const ours = () => validate(input);
        const theirs = mode === 'text' ? () => ajvValidate(JSON.parse(input)) : () => ajvValidate(input);
        // Warm-up: each at least 100 ms of CPU, so V8 has tiered up the paths it takes.
        perCall(ours, 100_000);
        const timed = ajvLast < 50_000;
        if (timed) ajvLast = perCall(theirs, 100_000);
        fns.push(ours, timed ? theirs : null);
      }
      const times = fns.map(() => []);
      for (let round = 0; round < rounds; round += 1) fns.forEach((fn, i) => fn && times[i].push(perCall(fn, 40_000)));
      sizes.forEach((size, i) => {
        const [ours, theirs] = [times[2 * i], times[2 * i + 1]];
        const growth = (which, before) => `${spread(which.map((t, r) => t / before[r]), 1)}x`;
        const ajvPart = theirs.length === 0
          ? 'ajv not timed (over 50 ms a call at the size before)'
          : `ajv ${spread(theirs, 1)} µs${i ? `, ${growth(theirs, times[2 * i - 1])}` : ''}; ours ${spread(ours.map((t, r) => theirs[r] / t), 2)}x ajv's speed`;
        console.log(`  ${label.padEnd(12)} ${mode.padEnd(6)} ${String(size).padStart(9)}: ours ${spread(ours, 1)} µs${i ? `, ${growth(ours, times[2 * i - 2])} for 10x input` : ''}; ${ajvPart}`);
      });
    }
  }
}

if (ONLY === null) linearGrowth();

// Cold start: a fresh Node process, from import to the first result, in
// wall-clock and in CPU time (every thread of the process: V8 compiles on
// several). Node.js's own start-up before the script's first line is not
// counted; its ES module loader is (a user's import pays it too), so the same
// script importing an empty module runs in alternation with it: that floor is
// Node's, not the package's. The rival runs in alternation too: ajv imported,
// the CloudFormation schema read from its file and compiled (as the table
// above compiles it), and its first call on {} (ajv's import to first result;
// the package carries its schema in the .wasm). Printed: the median, lowest
// and highest of each, and of ours less the floor and ajv's time over ours in
// the same round. bench/cold-start.cjs breaks our time down by step.
function coldStart() {
  const script = (load) => `
    const start = performance.now();
    const cpu = process.cpuUsage();
    ${load}
    const used = process.cpuUsage(cpu);
    console.log(performance.now() - start, (used.user + used.system) / 1000);
  `;
  const folder = mkdtempSync(join(tmpdir(), 'dtv-cold-'));
  const empty = join(folder, 'empty.mjs');
  writeFileSync(empty, 'export const validate = () => {};\n');
  const schemaFile = fileURLToPath(new URL('bench/cfn-aws-datasync-task.schema.json', root));
  const scripts = [
    script("const { validate } = await import('datasync-task-validator'); validate({});"),
    script(`const { validate } = await import(${JSON.stringify(pathToFileURL(empty).href)}); validate({});`),
    script(`const { Ajv } = await import('ajv'); const { readFileSync } = await import('node:fs');
      const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
      ajv.compile(JSON.parse(readFileSync(${JSON.stringify(schemaFile)}, 'utf8')))({});`),
  ];
  const runs = scripts.map(() => []);
  try {
    for (let i = 0; i < COLD_RUNS; i += 1) {
      scripts.forEach((source, which) => {
        const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: new URL('.', root), encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`the cold-start script failed: ${run.stderr}`);
        runs[which].push(run.stdout.trim().split(' ').map(Number));
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const figure = (values, unit = ' ms') => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${sorted[sorted.length >> 1].toFixed(unit ? 1 : 2)}${unit} [${sorted[0].toFixed(unit ? 1 : 2)}-${sorted[sorted.length - 1].toFixed(unit ? 1 : 2)}]`;
  };
  const [ours, floor, ajv] = runs;
  const both = (which) => `wall clock ${figure(which.map(([wall]) => wall))}; CPU time ${figure(which.map(([, cpu]) => cpu))}`;
  console.log(`\ncold start (import to first validate() result, ${COLD_RUNS} fresh processes of each in alternation; median [lowest-highest]):`);
  console.log(`  ours: ${both(ours)}`);
  console.log(`  Node's floor (import() of an empty module file): ${both(floor)}`);
  console.log(`  ours less the floor, same round: wall clock ${figure(ours.map(([wall], i) => wall - floor[i][0]))}; CPU time ${figure(ours.map(([, cpu], i) => cpu - floor[i][1]))}`);
  console.log(`  ajv (import, schema read and compiled, first call): ${both(ajv)}`);
  console.log(`  ajv's time over ours, same round: wall clock ${figure(ajv.map(([wall], i) => wall / ours[i][0]), '')}x; CPU time ${figure(ajv.map(([, cpu], i) => cpu / ours[i][1]), '')}x; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
}
coldStart();
