// validateSerde (the serde-input feature, built only for the benchmark by
// bench/build-serde-variant.sh) must report what the package's validate()
// reports for the same object, except where src/wasm/serde_input.rs documents
// a difference; those are asserted here as documented, so the docs stay true.
// Skipped, with the reason, when the variant is not built or is older than
// pkg/ (a stale variant would fail on core changes it has not seen).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { createValidate } from '../../js/text-path.mjs';
import { DESTINATION, FIXTURE_TIME, SOURCE, repoRoot, requireBuiltPackage, seededRandom, withClock } from './helpers.mjs';

const variantGlue = join(repoRoot, 'target/bench-serde/pkg/datasync_task_validator.cjs');
const variantWasm = join(repoRoot, 'target/bench-serde/pkg/datasync_task_validator_bg.wasm');
const packageWasm = join(repoRoot, 'pkg/datasync_task_validator_bg.wasm');
// First, so that a missing pkg/ gets its helpful message rather than an ENOENT below.
requireBuiltPackage();
const skip = !existsSync(variantGlue) || !existsSync(variantWasm)
  ? 'target/bench-serde/pkg is not built (bash bench/build-serde-variant.sh builds it)'
  : statSync(variantWasm).mtimeMs < statSync(packageWasm).mtimeMs
    ? 'target/bench-serde/pkg is older than pkg/ (bash bench/build-serde-variant.sh rebuilds it)'
    : false;

const { validate } = await import('datasync-task-validator');
const serde = skip ? null : createRequire(import.meta.url)(variantGlue);

/** validateSerde's result as the report object validate() returns. */
function viaSerde(object) {
  const report = serde.validateSerde(object);
  return report === undefined ? { valid: true, errors: [], warnings: [] } : JSON.parse(report);
}

const request = (extra) => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, ...extra });
const codes = (report) => report.errors.concat(report.warnings).map((d) => d.code);
/**
 * `report` as the variant words it: the package's wrapper names NaN and
 * Infinity, which reach the core as null either way; the variant, which has
 * no wrapper, says null.
 */
const asTheVariantSaysIt = (report) => {
  for (const error of report.errors) error.message = error.message.replace(/it is -?\w+, which is not a finite number .*$/, 'it is null.');
  return report;
};
/** Nesting the serde path reads differently by design: a lone surrogate, too deep. */
const documentedDifference = (report) => codes(report).some((code) => code === 'value/invalid-unicode' || code === 'json/too-deep');

const jsonObjects = (folder) =>
  readdirSync(join(repoRoot, folder))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .flatMap((name) => {
      try {
        return [[`${folder}/${name}`, JSON.parse(readFileSync(join(repoRoot, folder, name), 'utf8'))]];
      } catch {
        return []; // fixtures of JSON syntax errors have no object form
      }
    });

/** Nested `{ Options: ... }` objects, `levels` deep in all. */
const nested = (levels) => {
  let value = {};
  for (let i = 1; i < levels; i += 1) value = { Options: value };
  return value;
};

test('fixtures and examples as objects: the same report', { skip }, () => {
  const inputs = [...jsonObjects('tests/fixtures/valid'), ...jsonObjects('tests/fixtures/invalid'), ...jsonObjects('examples')];
  let compared = 0;
  for (const [name, object] of inputs) {
    // One time for both calls: a never-fires warning quotes it to the second.
    const [expected, serde] = withClock(FIXTURE_TIME, () => [validate(object), viaSerde(object)]);
    if (documentedDifference(expected)) continue;
    assert.deepEqual(serde, expected, name);
    compared += 1;
  }
  assert.ok(compared > 30, `only ${compared} inputs compared`);
});

test('numbers are classified as the parser classifies JSON.stringify\'s text', { skip }, () => {
  const numbers = [0, -0, 1, -1, 1048576, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 63, -(2 ** 63), 2 ** 64, 1e20, 1e21, -1e21,
    1.5, -1.5, 0.1, 1e-6, 1e-7, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity];
  for (const number of numbers) {
    for (const object of [request({ Options: { BytesPerSecond: number } }), request({ Name: number }), request({ Tags: [number] })]) {
      const expected = validate(object);
      if (!Number.isFinite(number)) asTheVariantSaysIt(expected);
      assert.deepEqual(viaSerde(object), expected, `for ${number}`);
    }
  }
});

test('strings, arrays, nesting up to the limit: the same report', { skip }, () => {
  const objects = [
    request({}),
    {},
    [],
    request({ Name: 'café ☕ 数据同步 😀', Tags: [{ Key: 'ключ', Value: 'значение' }] }),
    request({ Name: 'bad\u0000name', Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/a|/b' }, null, [true]] }),
    request({ Options: null, Schedule: { ScheduleExpression: 'cron(0 8 * * 3#1)' } }),
    request({ Options: [1, [2, [3]]], Tags: {} }),
    nested(64),
  ];
  for (const object of objects) assert.deepEqual(viaSerde(object), validate(object), JSON.stringify(object).slice(0, 80));
});

test('random mutations of the examples: the same report (seeded)', { skip }, () => {
  const random = seededRandom(0x5eed5e7d);
  const PIECES = ['"', '\\', '\\ud83d\\ude00', 'é', '😀', '数', '\ufeff', '\u0000', '~', '/', ',', ':', '{', '}', '[', ']',
    ' ', '1e3', '-0', '0.5', '99999999999999999999', 'null', 'true', '"x"'];
  const bases = [...jsonObjects('examples'), ...jsonObjects('tests/fixtures/valid')].map(([, object]) => JSON.stringify(object));
  let checked = 0;
  for (let i = 0; i < 1_000; i += 1) {
    let text = bases[random(bases.length)];
    for (let edits = 1 + random(3); edits > 0; edits -= 1) {
      const at = random(text.length + 1);
      text = text.slice(0, at) + PIECES[random(PIECES.length)] + text.slice(at + (random(3) === 0 ? random(4) : 0));
    }
    let object;
    try {
      object = JSON.parse(text);
    } catch {
      continue;
    }
    // A mutation can make a number literal overflow to Infinity (1e3 spliced into 10485760).
    const expected = asTheVariantSaysIt(validate(object));
    if (documentedDifference(expected)) continue;
    assert.deepEqual(viaSerde(object), expected, `object from ${JSON.stringify(text)}`);
    checked += 1;
  }
  assert.ok(checked > 100, `only ${checked} mutations were still JSON`);
});

test('the documented differences are what the module docs say', { skip }, () => {
  // Too deep: the same code, without the parser's line and column.
  const deep = viaSerde(nested(65));
  assert.deepEqual(codes(deep), ['json/too-deep']);
  assert.deepEqual(codes(validate(nested(65))), ['json/too-deep']);
  assert.equal(deep.errors[0].params, undefined);
  // A cycle is too deep here; JSON.stringify calls it not serialisable.
  const cyclic = request({});
  cyclic.Options = { self: cyclic };
  assert.deepEqual(codes(viaSerde(cyclic)), ['json/too-deep']);
  // undefined reads as null, where JSON.stringify drops the member.
  assert.deepEqual(codes(viaSerde(request({ Name: undefined }))), ['value/wrong-type']);
  assert.equal(validate(request({ Name: undefined })).valid, true);
  // A lone surrogate has become U+FFFD before the visitor sees it.
  assert.deepEqual(codes(viaSerde(request({ Name: 'a\ud800b' }))), ['value/pattern-mismatch']);
  assert.deepEqual(codes(validate(request({ Name: 'a\ud800b' }))), ['value/invalid-unicode']);
  // BigInt is an integer on both paths (validate writes its digits where JSON.stringify throws).
  assert.equal(viaSerde(request({ Options: { BytesPerSecond: 5n } })).valid, true);
  assert.deepEqual(codes(validate(request({ Options: { BytesPerSecond: 5n } }))), []);
  // toJSON is not called: a Date is an empty object.
  assert.deepEqual(codes(viaSerde(request({ Name: new Date(0) }))), ['value/wrong-type']);
  // A function is not serialisable here; JSON.stringify drops the member.
  assert.deepEqual(codes(viaSerde(request({ Name: () => 1 }))), ['input/not-serializable']);
  assert.deepEqual(codes(viaSerde(request({ Name: Symbol('name') }))), ['input/not-serializable']);
  // So are a Set and a typed array, which JSON.stringify writes as {}.
  assert.deepEqual(codes(viaSerde(request({ Tags: new Set([1]) }))), ['input/not-serializable']);
  assert.deepEqual(codes(viaSerde(request({ Tags: new Uint8Array(2) }))), ['input/not-serializable']);
  // A Map is read as an object of its entries; JSON.stringify writes {}.
  const map = request({ Options: new Map([['Verifymode', 'NONE']]) });
  assert.deepEqual(codes(viaSerde(map)), ['request/unknown-member']);
  assert.equal(validate(map).valid, true);
  // A throwing getter throws out of validateSerde; validate() reports it.
  const throwing = request({});
  Object.defineProperty(throwing, 'Name', { enumerable: true, get() { throw new Error('no name'); } });
  assert.throws(() => serde.validateSerde(throwing), /no name/);
  assert.deepEqual(codes(validate(throwing)), ['input/not-serializable']);
});

test('storeOptionsSerde keeps what storeOptions keeps: the NFS version of every NFS-mounted description', { skip }, () => {
  // The variant's glue wrapped as the package wraps its own, once as it is
  // and once with the options stored by storeOptionsSerde: a request is then
  // judged with the descriptions each reader kept.
  const viaText = createValidate(serde);
  const viaSerdeOptions = createValidate({ ...serde, storeOptions: serde.storeOptionsSerde });
  const basic = request({ TaskMode: 'BASIC' });
  const destination = { LocationArn: DESTINATION, type: 'S3' };
  const described = [
    // DescribeLocationNfs: MountOptions at the top.
    { LocationArn: SOURCE, type: 'NFS', MountOptions: { Version: 'NFS4_2' } },
    // DescribeLocationFsxOpenZfs and DescribeLocationFsxOntap: under Protocol.NFS.
    { LocationArn: SOURCE, LocationUri: 'fsxz://us-east-1.fs-0123456789abcdef0/fsx/', Protocol: { NFS: { MountOptions: { Version: 'NFS4_2' } } } },
    { LocationArn: SOURCE, LocationUri: 'fsxn-us-east-1://fs-0123456789abcdef0/svm/vol/', Protocol: { NFS: { MountOptions: { Version: 'NFS4_2' } } } },
    // DescribeLocationSmb: its MountOptions.Version is an SMB version.
    { LocationArn: SOURCE, type: 'SMB', MountOptions: { Version: 'SMB3' } },
  ];
  for (const description of described) {
    const options = { locations: [description, destination] };
    for (const input of [basic, JSON.stringify(basic)]) {
      const expected = validate(input, options);
      assert.deepEqual(viaText(input, options), expected, JSON.stringify(description));
      assert.deepEqual(viaSerdeOptions(input, options), expected, JSON.stringify(description));
    }
  }
  // The NFS-mounted ones (all but SMB) are Enhanced-mode only at 4.2.
  const codes = described.map((description) => validate(basic, { locations: [description, destination] }).errors.map((d) => d.code));
  assert.deepEqual(codes, [...Array(3).fill(['locations/nfs-version-needs-enhanced']), []]);
  // A malformed description: the same TypeError from either reader.
  const malformed = { locations: [{ LocationArn: SOURCE, LocationUri: 'fsxz://us-east-1.fs-0123456789abcdef0/fsx/', Protocol: { NFS: { MountOptions: { Version: 4 } } } }] };
  const thrown = (store) => {
    try {
      store(malformed);
    } catch (error) {
      return [error.constructor.name, error.message];
    }
    return 'nothing thrown';
  };
  assert.deepEqual(thrown(serde.storeOptionsSerde), thrown(serde.storeOptions));
  assert.match(thrown(serde.storeOptions)[1], /^validate: options\.locations\[0\]\.MountOptions\.Version must be a string/);
});

test('the package itself has no validateSerde', () => {
  const glue = createRequire(import.meta.url)(join(repoRoot, 'pkg/node/datasync_task_validator.cjs'));
  assert.equal(typeof glue.validateUtf8, 'function');
  assert.equal(glue.validateSerde, undefined);
});
