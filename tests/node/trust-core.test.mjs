// Issue 11, the core's side, through the package: bounded reports for
// millions of list items (and the instance still works afterwards), exact
// 64-bit integers from applyDefaults (BigInt in objects, exact digits from
// the command line), only mode-independent defaults for an invalid TaskMode,
// and the changed verdicts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESTINATION, pkgDir, repoRoot, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const { validate, applyDefaults } = await import('datasync-task-validator');

const good = () => ({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION });

/** Requests of about 1 KB, 100 KB and 1 MB, as objects and as text, get their right reports. */
function stillWorks() {
  for (const [bytes, errors] of [[1_000, []], [100_000, []], [1_000_000, ['value/too-long']]]) {
    const request = { ...good(), Excludes: [{ FilterType: 'SIMPLE_PATTERN', Value: `/${'a'.repeat(bytes)}` }] };
    for (const input of [request, JSON.stringify(request)]) {
      const report = validate(input);
      assert.deepEqual(report.errors.map((d) => d.code), errors, `${bytes} bytes, ${typeof input}`);
      assert.deepEqual(report.warnings, []);
    }
  }
}

test('millions of list items give 1,000 diagnostics and one report/truncated, call after call', () => {
  for (const count of [3_300_000, 8_500_000, 8_500_000, 8_500_000, 8_500_000]) {
    const report = validate({ ...good(), Tags: Array(count).fill(0) });
    assert.equal(report.valid, false);
    assert.equal(report.errors.length, 1_000, `${count}`);
    assert.deepEqual(report.warnings, [{
      code: 'report/truncated',
      severity: 'warning',
      path: '',
      message: `The request has ${count + 1} problems; this report shows the first 1000, errors first. Fix these and check again to see the rest.`,
      params: { total: count + 1, shown: 1_000 },
    }]);
    assert.equal(report.errors[0].code, 'list/too-many-items');
  }
  stillWorks();
});

test('the only error survives the cut', () => {
  // 2,000 duplicate-member warnings sort before the only other error, at /TaskMode.
  const tags = Array.from({ length: 2_000 }, (_, i) => `{"Key":"k${i}","Key":"k${i}"}`).join(',');
  const text = JSON.stringify(good()).replace(/}$/, `,"Tags":[${tags}],"TaskMode":"bogus"}`);
  const report = validate(text);
  assert.equal(report.valid, false);
  assert.deepEqual(report.errors.map((d) => d.path), ['/Tags', '/TaskMode']);
  assert.equal(report.warnings.length, 999);
  assert.deepEqual(report.warnings.find((d) => d.code === 'report/truncated').params, { total: 2_002, shown: 1_000 });
});

test('tens of thousands of lone-surrogate tag keys are reported, bounded', () => {
  const tags = Array.from({ length: 80_000 }, (_, i) => ({ Key: `\udc00${i}` }));
  const report = validate({ ...good(), Tags: tags });
  assert.equal(report.valid, false);
  assert.equal(report.errors.length, 1_000);
  assert.ok(report.errors.every((d) => d.code === 'value/invalid-unicode' || d.code === 'list/too-many-items'));
  assert.deepEqual(report.warnings[0].params, { total: 80_001, shown: 1_000 });
});

test('a megabyte number literal is cut in the message', () => {
  const literal = `0.${'1'.repeat(1 << 20)}`;
  const report = validate(JSON.stringify(good()).replace(/}$/, `,"Options":{"BytesPerSecond":${literal}}}`));
  assert.equal(report.errors.length, 1);
  assert.ok(report.errors[0].message.length < 300, `${report.errors[0].message.length} characters`);
});

test('applyDefaults gives back 64-bit integers exactly, as BigInt beyond 2^53', () => {
  const filled = applyDefaults('{"Options":{"BytesPerSecond":9007199254740993}}');
  assert.equal(filled.Options.BytesPerSecond, 9007199254740993n);
  const max = applyDefaults({ Options: { BytesPerSecond: Number.MAX_SAFE_INTEGER } });
  assert.equal(max.Options.BytesPerSecond, Number.MAX_SAFE_INTEGER, 'safe integers stay numbers');
  assert.equal(applyDefaults({}).Options.BytesPerSecond, -1);
  // Anywhere in the request, beyond 64 bits too, and under a member named __proto__.
  const odd = applyDefaults('{"Tags":[{"Key":-9223372036854775808}],"__proto__":{"n":123456789012345678901234567890}}');
  assert.equal(odd.Tags[0].Key, -9223372036854775808n);
  assert.equal(odd['__proto__'].n, 123456789012345678901234567890n);
  assert.equal(Object.getPrototypeOf(odd), Object.prototype);
});

test('--defaults prints the exact digits of a 64-bit integer', () => {
  const request = JSON.stringify(good()).replace(/}$/, ',"Options":{"BytesPerSecond":9007199254740993}}');
  for (const format of [[], ['--format', 'json']]) {
    const run = spawnSync(process.execPath, [join(pkgDir, 'cli', 'bin.mjs'), '--defaults', ...format, '-'], {
      cwd: repoRoot, input: request, encoding: 'utf8', timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /"BytesPerSecond": 9007199254740993\b/, run.stdout);
  }
});

test('applyDefaults with an invalid TaskMode fills only the defaults both modes share', () => {
  for (const mode of ['enhanced', 'TURBO', '', 1, null]) {
    const filled = applyDefaults({ ...good(), TaskMode: mode });
    assert.equal(filled.TaskMode, mode);
    assert.equal('VerifyMode' in filled.Options, false, `TaskMode ${JSON.stringify(mode)}`);
    assert.equal(filled.Options.Mtime, 'PRESERVE');
    assert.equal(filled.Options.BytesPerSecond, -1);
  }
  assert.equal(applyDefaults({ TaskMode: 'ENHANCED' }).Options.VerifyMode, 'ONLY_FILES_TRANSFERRED');
  assert.equal(applyDefaults({}).Options.VerifyMode, 'POINT_IN_TIME_CONSISTENT');
});

test('changed verdicts, through the package', () => {
  const check = (extra) => validate({ ...good(), ...extra });
  assert.deepEqual(check({ Schedule: { ScheduleExpression: 'cron(0/60 * * * ? *)' } }), { valid: true, errors: [], warnings: [] });
  assert.deepEqual(check({ Schedule: { ScheduleExpression: '' } }), { valid: true, errors: [], warnings: [] });
  assert.deepEqual(check({ Name: '' }).errors.map((d) => d.code), ['value/pattern-mismatch']);
  assert.deepEqual(check({ Tags: [{ Key: 'k', Value: '' }] }).errors.map((d) => d.code), ['value/pattern-mismatch']);
  assert.deepEqual(check({ TaskMode: 'ENHANCED', Options: { BytesPerSecond: 1_048_576 } }), { valid: true, errors: [], warnings: [] });
  const star = check({ Includes: [{ FilterType: 'SIMPLE_PATTERN', Value: '/logs/**' }] });
  assert.equal(star.valid, true);
  assert.deepEqual(star.warnings.map((d) => [d.code, d.params.suggestion]), [['filter/include-trailing-wildcards', '/logs/*']]);
  const comma = check({ Schedule: { ScheduleExpression: 'cron(0 8,,20 ? * MON, *)' } });
  assert.equal(comma.valid, true);
  assert.deepEqual(comma.warnings.map((d) => [d.code, d.params.suggestion]), [['schedule/nonstandard-spelling', 'cron(0 8,20 ? * MON *)']]);
});
