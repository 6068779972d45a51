// The command line reads JSON files with its own single scan of the text
// (readJson) instead of the `yaml` package, which costs about fifty times
// more. These tests pin it to that package's reading of JSON, which it
// replaces: the same values (integers as BigInt, own "__proto__" members, the
// last of duplicate members), the same line and column for every member key
// and list item, and the same spelling of every scalar, on every fixture and
// on seeded documents with every kind of whitespace, escaped and non-ASCII
// keys, duplicates and nesting.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseYaml, positionOf, readJson } from '../../js/cli/documents.mjs';
import { repoRoot, seededRandom } from './helpers.mjs';

const sorted = (map) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The `yaml` package's reading of JSON text, or null where it cannot read it. */
function yamlReading(text) {
  try {
    return parseYaml(text, { version: '1.2', json: true });
  } catch {
    return null;
  }
}

/**
 * A value with the order of every object's members made visible (deepEqual
 * ignores it, but it decides the order of tasks and of output).
 */
const ordered = (value) => {
  if (Array.isArray(value)) return value.map(ordered);
  if (value !== null && typeof value === 'object') return Object.keys(value).map((key) => [key, ordered(value[key])]);
  return value;
};

/** Asserts that both readings agree on values (types, -0 and order included), positions and scalars. */
function assertSameReading(text, label) {
  const yaml = yamlReading(text);
  assert.ok(yaml, `the YAML package reads ${label}`);
  const ours = readJson(text);
  assert.equal(ours.complete, true, label);
  assert.deepEqual(ours.value, yaml.value, label);
  assert.deepEqual(ordered(ours.value), ordered(yaml.value), label);
  assert.deepEqual(sorted(ours.positions), sorted(yaml.positions), label);
  assert.deepEqual(sorted(ours.scalars), sorted(yaml.scalars), label);
}
const jsonPositions = (text) => readJson(text).positions;

const FIXTURE_DIRS = ['examples', 'tests/fixtures/valid', 'tests/fixtures/invalid', 'tests/cli/fixtures/requests', 'tests/cli/fixtures/templates'];

test('every JSON fixture: the same reading as the YAML package', () => {
  let checked = 0;
  for (const dir of FIXTURE_DIRS) {
    for (const name of readdirSync(join(repoRoot, dir)).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(repoRoot, dir, name), 'utf8');
      // A fixture the YAML package cannot read is covered by the hostile tests.
      if (!yamlReading(text)) continue;
      assertSameReading(text, `${dir}/${name}`);
      checked += 1;
    }
  }
  assert.ok(checked > 50, `only ${checked} fixtures checked`);
});

test('keys are decoded and escaped as pointer segments; duplicates take the last position', () => {
  const text = '{"a~b/c":1,\n "\\u00e9\\"q": [ {"x":1} ,\n\t2 ],\n"a~b/c" : {"deep":[[true]]}}';
  const positions = jsonPositions(text);
  assert.deepEqual(positions.get('/a~0b~1c'), { line: 4, column: 1 });
  assert.deepEqual(positions.get('/é"q'), { line: 2, column: 2 });
  assert.deepEqual(positions.get('/é"q/0'), { line: 2, column: 17 });
  assert.deepEqual(positions.get('/é"q/0/x'), { line: 2, column: 18 });
  assert.deepEqual(positions.get('/é"q/1'), { line: 3, column: 2 });
  assert.deepEqual(positions.get('/a~0b~1c/deep/0/0'), { line: 4, column: 21 });
  assertSameReading(text, 'escapes');
});

test('columns count UTF-16 code units, as the YAML reading does; CRLF ends a line once', () => {
  const text = '{"🎉":1, "b":\r\n  2, "c": "é", "d": 3}';
  assert.deepEqual(jsonPositions(text).get('/b'), { line: 1, column: 10 });
  assert.deepEqual(jsonPositions(text).get('/d'), { line: 2, column: 16 });
  assertSameReading(text, 'non-ASCII and CRLF');
});

test('a lone carriage return is whitespace, not a line break (the validator counts lines the same way)', () => {
  // The YAML package misreads this document (it takes the CR into the next key), so no comparison.
  assert.deepEqual(jsonPositions('{"a":1,\r"b":2}').get('/b'), { line: 1, column: 9 });
});

/** A random JSON document (mostly an object) with random whitespace between every token. */
function randomDocument(random) {
  const KEYS = ['Name', 'Tags', 'Key', 'é', '🎉x', 'a/b', 'm~n', 'quo"te', 'back\\slash', 'end\\', 'tab\t', '\u2028', '', 'Name', '__proto__', 'constructor'];
  const SPACES = ['', ' ', '  ', '\n', '\r\n', '\t', '\n    ', ' \r\n\t '];
  // Every kind of scalar spelling the reading must keep: integers (BigInt), -0,
  // floats with trailing zeros or exponents, literals, escapes, a lone surrogate.
  const SPELLINGS = ['-0', '-0.0', '0e0', '1.0', '1.50', '1e3', '-1E+2', '1E400', '12345678901234567890', 'false', '"\\u0041\\n"', '"\\ud800"', '"\\/"', '"ends with \\\\"'];
  const space = () => SPACES[random(SPACES.length)];
  const scalar = () =>
    [
      () => JSON.stringify(KEYS[random(KEYS.length)] + 'v'),
      () => String(random(1e6) - 5e5),
      () => SPELLINGS[random(SPELLINGS.length)],
      () => 'true',
      () => 'null',
    ][random(5)]();
  const value = (depth) => {
    // Mostly objects at the root, as requests are, sometimes an array or a scalar.
    const kind = depth === 0 ? [2, 2, 2, 1, 0][random(5)] : depth > 4 ? 0 : random(3);
    if (kind === 0) return scalar();
    const count = random(5);
    if (kind === 1) {
      const items = Array.from({ length: count }, () => space() + value(depth + 1) + space());
      return `[${items.join(',') || space()}]`;
    }
    const members = Array.from(
      { length: count },
      () => `${space()}${JSON.stringify(KEYS[random(KEYS.length)])}${space()}:${space()}${value(depth + 1)}${space()}`,
    );
    return `{${members.join(',') || space()}}`;
  };
  return space() + value(0) + space();
}

test('2,000 seeded random documents: the same reading as the YAML package', () => {
  const random = seededRandom(0x5eed);
  let compared = 0;
  for (let i = 0; i < 2_000; i += 1) {
    const text = randomDocument(random);
    // YAML rejects some whitespace JSON allows (a tab before a top-level value).
    if (!yamlReading(text)) continue;
    assertSameReading(text, `document ${i}: ${JSON.stringify(text)}`);
    compared += 1;
  }
  assert.ok(compared > 1_500, `only ${compared} documents compared`);
});

test('text that is not JSON never throws: it is marked incomplete, with the positions found so far', () => {
  const random = seededRandom(42);
  const whole = readFileSync(join(repoRoot, 'examples', 'full-basic.json'), 'utf8').trimEnd(); // ends with its last }
  for (let i = 0; i < 500; i += 1) {
    const cut = whole.slice(0, random(whole.length));
    const reading = readJson(cut);
    assert.equal(reading.complete, false, `a cut at ${cut.length} is not a whole document`);
    assert.ok(positionOf(reading.positions, '/Options/VerifyMode').line >= 1);
  }
  for (const broken of ['', '{', '{"a"', '{"a":', '{"a" 1}', '[1 2]', '{"a":1,}', '{]', '[}', '{"\\u12"', 'nul', '-']) {
    assert.equal(readJson(broken).complete, false, broken);
  }
});

test('pointers too long to record are left out, and placed at their nearest recorded ancestor', () => {
  // V8 hashes strings over 16,383 characters by length alone: thousands of such
  // pointers in one Map made a 100 KB document take minutes.
  const long = 'p'.repeat(16_400);
  const members = Array.from({ length: 2_000 }, (_, i) => `"k${i}":${i}`).join(',');
  const reading = readJson(`{"a":1,"${long}":{${members}}}`);
  assert.equal(reading.complete, true);
  assert.equal(Object.keys(reading.value[long]).length, 2_000);
  assert.deepEqual([...reading.positions.keys()], ['', '/a']);
  assert.deepEqual([...reading.scalars.keys()], ['/a']);
  assert.deepEqual(positionOf(reading.positions, `/${long}/k5`), { line: 1, column: 1 });
});

test('large inputs scan linearly: a 10 MB string, 100,000 tags, 10,000 levels of nesting', () => {
  const big = `{"Name":"${'x'.repeat(10_000_000)}","Tags":1}`;
  assert.deepEqual(jsonPositions(big).get('/Tags'), { line: 1, column: 10_000_012 });
  const tags = `{"Tags":[${Array.from({ length: 100_000 }, (_, i) => `{"Key":"k${i}"}`).join(',')}]}`;
  assert.equal(jsonPositions(tags).size, 1 + 1 + 2 * 100_000);
  const backslashes = `["${'\\\\'.repeat(100_000)}", "${'\\"'.repeat(100_000)}"]`;
  assert.deepEqual(readJson(backslashes).value, ['\\'.repeat(100_000), '"'.repeat(100_000)]);
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  // The root and 2,048 levels: deeper pointers are over the 4,096 characters recorded.
  assert.equal(jsonPositions(deep).size, 1 + 2_048);
});
