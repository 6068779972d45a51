// datasync-task-validator/codes: every code, generated from the code registry
// (the `codes!` table in src/diagnostic.rs; tests/generated.rs keeps the
// generated files current). Here: the shipped module, from ESM and CommonJS,
// agrees with what the validator reports, and browsers do not load it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { codes } = await import('datasync-task-validator/codes');
const { describeSchedule, validate } = await import('datasync-task-validator');
const require = createRequire(import.meta.url);

test('codes() lists each code once: severity, summary and who emits it', () => {
  const all = codes();
  const names = all.map((entry) => entry.code);
  assert.equal(new Set(names).size, names.length, 'a code is listed twice');
  for (const entry of all) {
    assert.match(entry.code, /^[a-z]+\/[a-z-]+$/);
    assert.ok(entry.summary.length > 20 && !entry.summary.includes('\n'), entry.code);
    assert.ok(['validator', 'command'].includes(entry.emittedBy), entry.code);
    if (entry.retired) {
      assert.equal(entry.severity, null, entry.code);
      assert.ok(entry.retired.replacedBy.every((code) => names.includes(code)), entry.code);
    } else {
      assert.ok(['error', 'warning', 'info'].includes(entry.severity), entry.code);
      if (entry.emittedBy === 'validator') assert.notEqual(entry.severity, 'info', entry.code);
    }
  }
  assert.deepEqual(all.find((entry) => entry.code === 'schedule/too-frequent'), {
    code: 'schedule/too-frequent',
    severity: 'error',
    summary: "A schedule that would run more often than once an hour (DataSync's minimum).",
    emittedBy: 'validator',
  });
  assert.deepEqual(all.find((entry) => entry.code === 'value/empty-string').retired, { since: 'Unreleased', replacedBy: ['value/pattern-mismatch'] });
  assert.equal(all.find((entry) => entry.code === 'cloudformation/not-checked').emittedBy, 'command');
});

test('what validate() reports carries the code and severity codes() gives', () => {
  const known = new Map(codes().filter((entry) => entry.emittedBy === 'validator' && !entry.retired).map((entry) => [entry.code, entry.severity]));
  const result = validate({
    SourceLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0',
    DestinationLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0',
    Options: { Mtime: 'NONE', Verifymode: 'NONE' },
    Schedule: { ScheduleExpression: 'rate(5 minutes)' },
  });
  const seen = [...result.errors, ...result.warnings];
  assert.ok(seen.length >= 4);
  for (const d of seen) assert.equal(known.get(d.code), d.severity, d.code);
});

test('describeSchedule() of a value that is not a string: value/wrong-type without params, which the registry allows', () => {
  const [wrong] = describeSchedule(42).diagnostics;
  assert.equal(wrong.code, 'value/wrong-type');
  assert.equal(wrong.params, undefined);
});

test('the CommonJS module gives the same list; each call a fresh copy', () => {
  const fromRequire = require('datasync-task-validator/codes').codes();
  assert.deepEqual(fromRequire, codes());
  const first = codes();
  first[0].summary = 'changed';
  first.find((entry) => entry.retired).retired.replacedBy.push('x/y');
  assert.notEqual(codes()[0].summary, 'changed');
  assert.ok(!codes().find((entry) => entry.retired).retired.replacedBy.includes('x/y'));
});

test('the browser entry does not import the codes module (browsers that never call codes() do not download it)', () => {
  const browserEntry = readFileSync(join(pkgDir, 'web', 'index.js'), 'utf8');
  assert.doesNotMatch(browserEntry, /codes/);
});

test('the JavaScript examples of docs/rules/ get their code (the request examples are run by cargo test --test generated)', () => {
  const folder = join(repoRoot, 'docs', 'rules');
  const src = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0';
  const dst = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0fedcba9876543210';
  let ran = 0;
  for (const page of readdirSync(folder).filter((name) => name !== 'README.md')) {
    const text = readFileSync(join(folder, page), 'utf8');
    const code = /^# `([^`]+)`$/m.exec(text)[1];
    const example = /## Example\n\n```js\n([\s\S]*?)\n```/.exec(text);
    if (!example) continue;
    const body = example[1].replace(/validate\((?![\s\S]*validate\()/, 'return validate(');
    const result = new Function('validate', 'src', 'dst', body)(validate, src, dst);
    const codes = [...result.errors, ...result.warnings].map((d) => d.code);
    assert.ok(codes.includes(code), `${page}: got ${codes.slice(0, 5).join(', ')}`);
    ran += 1;
  }
  assert.ok(ran >= 5, `only ${ran} JavaScript examples found`);
});
