// value/pattern-mismatch's params.pattern is the ECMAScript spelling that
// fields()' `pattern` and the JSON Schema documents give (session 37): a
// consumer compiles `new RegExp(params.pattern, 'u')` (or 'v') and gets a
// regex that refuses the value the diagnostic is about. It was the model's
// Java spelling (`^[a-zA-Z0-9\s+=._:/-]+$`), which the `v` flag refuses and
// which reads `\s` and `.` otherwise than the service.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fields, validate } from 'datasync-task-validator';
import { OPERATIONS, requestWith, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
// Values no pattern of the model accepts: NUL (refused by every class, even
// `[^\x00]`), a line break (refused by Java's `.`), a no-break space (outside
// `\s`), an ARN cut short.
const BAD = ['\u0000\n', 'a\u0000', '\u00a0\n', 'arn:aws:datasync:us-east-1:111122223333:location/loc-0', ''];

test("every value/pattern-mismatch's params.pattern is fields()' pattern for its member, compiles with u and v, and refuses the value", () => {
  let seen = 0;
  for (const operation of OPERATIONS) {
    for (const field of fields({ operation })) {
      if (field.type !== 'string' || field.pattern === undefined) continue;
      const path = field.pointer.replaceAll('*', '0');
      let found = 0;
      for (const value of BAD) {
        const request = requestWith(field.pointer, value);
        // The object path and the JSON text path (the single pass).
        for (const input of [request, JSON.stringify(request)]) {
          for (const d of validate(input, { operation }).errors) {
            if (d.code !== 'value/pattern-mismatch') continue;
            assert.equal(d.path, path, `${operation}: a pattern-mismatch only where the bad value is`);
            assert.equal(d.params.pattern, field.pattern, `${operation} ${path}`);
            for (const flags of ['u', 'v']) {
              const regex = new RegExp(d.params.pattern, flags);
              assert.equal(regex.test(value), false, `${operation} ${path} /${flags} refuses ${JSON.stringify(value)}`);
            }
            found += 1;
          }
        }
      }
      // A member with an enum (FilterType) is refused by its enum first.
      if (field.enum === undefined) assert.ok(found > 0, `${operation} ${path}: no value/pattern-mismatch for any bad value`);
      seen += found;
    }
  }
  assert.ok(seen >= 100, `${seen} diagnostics`);
});

test('params.pattern names the ECMAScript spelling (the model writes the tag key class with \\s)', () => {
  const [error] = validate({ Tags: [{ Key: 'a\u0000', Value: 'v' }] }, { operation: 'CreateTask' }).errors.filter((d) => d.code === 'value/pattern-mismatch');
  assert.equal(error.path, '/Tags/0/Key');
  assert.equal(error.params.pattern, String.raw`^[a-zA-Z0-9 \t\n\x0B\f\r+=._:\/\-]+$`);
  assert.equal(error.params.pattern, fields({ operation: 'CreateTask' }).find((f) => f.pointer === '/Tags/*/Key').pattern);
});
