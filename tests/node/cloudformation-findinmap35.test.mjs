// Fn::FindInMap, review fixes (session 35, rev35a):
// - Reading a mapping costs the same whatever its size: a lookup never lists a
//   mapping's keys to learn whether it is a function call (once per object at
//   most), and the list of keys that are there is made only for the finding
//   that names them (a key missing with a DefaultValue lists nothing).
// - A value found in Mappings is read with its own spelling, at its place in
//   Mappings: an unquoted OFF there is a YAML 1.1 boolean, and the finding says so.
// - A DefaultValue keeps its spelling when the MapName is itself Fn::FindInMap.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, requireBuiltPackage } from './helpers.mjs';
import { reportOf, task, template } from './cloudformation-templates.mjs';

requireBuiltPackage();
const { findInMap } = await import(join(pkgDir, 'cli', 'cloudformation.mjs'));

/** `object` behind a Proxy that counts how many times its keys are listed. */
function counted(object, counter) {
  return new Proxy(object, {
    ownKeys(target) {
      counter.listed += 1;
      return Reflect.ownKeys(target);
    },
  });
}

test('a mapping\'s keys are listed at most once however many lookups read it', () => {
  const counter = { listed: 0 };
  const big = counted(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: 'NONE' }])), counter);
  const mappings = { Big: big };
  for (let i = 0; i < 200; i += 1) {
    assert.equal(findInMap(['Big', `k${i}`, 'v'], mappings, false).value, 'NONE');
  }
  assert.ok(counter.listed <= 1, `listed ${counter.listed} times`);
});

test('a key missing with a DefaultValue lists no keys; without one, the keys are there for the finding', () => {
  const counter = { listed: 0 };
  const level = counted({ Verify: 'NONE' }, counter);
  const mappings = { Modes: { Nightly: level } };
  const withDefault = findInMap(['Modes', 'Nightly', 'Mtime', { DefaultValue: 'NONE' }], mappings, true);
  assert.deepEqual(withDefault, { default: 'NONE' });
  const listedBefore = counter.listed;
  assert.ok(listedBefore <= 1, `listed ${listedBefore} times`);
  findInMap(['Modes', 'Nightly', 'Mtime', { DefaultValue: 'NONE' }], mappings, true);
  assert.equal(counter.listed, listedBefore);
  const { file } = reportOf(template({ mappings: '  Modes:\n    Nightly: {Verify: NONE}\n', resources: task('T', 'Options:\n  Mtime: !FindInMap [Modes, Nightly, Mtime]\n') }));
  const [missing] = file.tasks[0].diagnostics.filter((d) => d.code === 'cloudformation/missing-mapping-key');
  assert.deepEqual(missing.params.has, ['Verify']);
});

const OFF_HINT = /unquoted OFF as a YAML 1\.1 boolean/;

test('a value found in Mappings keeps its YAML spelling: an unquoted OFF there gets the yaml-boolean hint', () => {
  const mappings = '  Modes:\n    Nightly: {Level: OFF, Name: nightly}\n';
  const { file } = reportOf(template({ transform: false, mappings, resources: task('U', 'Options:\n  LogLevel: !FindInMap [Modes, Nightly, Level]\n') }));
  const [d] = file.tasks[0].diagnostics.filter((x) => x.path === '/Options/LogLevel');
  assert.match(d.message, OFF_HINT);
});

test('a DefaultValue keeps its YAML spelling when the MapName is itself Fn::FindInMap', () => {
  const mappings = '  Names:\n    a: {b: Modes}\n  Modes:\n    Nightly: {Verify: NONE}\n';
  for (const [name, mapName] of [['Nested', '!FindInMap [Names, a, b]'], ['Literal', 'Modes']]) {
    const { file } = reportOf(template({ mappings, resources: task(name, `Options:\n  LogLevel: !FindInMap [${mapName}, Nightly, Level, DefaultValue: OFF]\n`) }));
    const [d] = file.tasks[0].diagnostics.filter((x) => x.path === '/Options/LogLevel');
    assert.ok(d, `${name}: ${JSON.stringify(file.tasks[0].diagnostics)}`);
    assert.match(d.message, OFF_HINT, name);
  }
});

test('many missing-key findings in one large mapping list its keys once', async () => {
  const { missingKey } = await import(join(pkgDir, 'cli', 'cloudformation.mjs'));
  const counter = { listed: 0 };
  const big = counted(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: 'NONE' }])), counter);
  const mappings = { Big: big };
  for (let i = 0; i < 200; i += 1) {
    const { missing } = findInMap(['Big', `gone${i}`, 'v'], mappings, false);
    const finding = missingKey(missing, `/Options/VerifyMode`);
    assert.deepEqual(finding.params.has, Array.from({ length: 10 }, (_, k) => `k${k}`));
    assert.match(finding.message, /k9, … \(1000\)/);
  }
  assert.ok(counter.listed <= 1, `listed ${counter.listed} times`);
});
