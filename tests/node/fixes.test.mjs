// The `fix` of a diagnostic as a JavaScript caller receives it: plain arrays
// of plain RFC 6902 operation objects, from validate() and describeSchedule().
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { describeSchedule, validate } from 'datasync-task-validator';
import { DESTINATION, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const cjs = createRequire(import.meta.url)('datasync-task-validator');

test('validate() returns each fix as plain JSON Patch operations', () => {
  const request = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION, TaskMode: 'Enhanced', Nme: 'nightly' };
  for (const check of [validate, cjs.validate]) {
    for (const input of [request, JSON.stringify(request)]) {
      const { errors } = check(input);
      assert.deepEqual(
        errors.map((d) => [d.code, d.fix]),
        [
          ['request/unknown-member', [{ op: 'move', from: '/Nme', path: '/Name' }]],
          ['value/not-in-enum', [{ op: 'replace', path: '/TaskMode', value: 'ENHANCED' }]],
        ],
      );
      for (const { fix } of errors) {
        assert.ok(Array.isArray(fix));
        assert.equal(Object.getPrototypeOf(fix[0]), Object.prototype);
      }
    }
  }
  // A diagnostic without a single fix has no `fix` member at all.
  const [plain] = validate({ SourceLocationArn: SOURCE }).errors;
  assert.equal('fix' in plain, false);
});

test('describeSchedule() fixes the expression itself (path "")', () => {
  const { diagnostics } = describeSchedule('cron(0 8 * * 3#1)');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.path, d.fix]), [
    ['schedule/five-field-cron', '', [{ op: 'replace', path: '', value: 'cron(0 8 ? * 4#1 *)' }]],
  ]);
});
