// The harness of the Terraform value tests (terraform-functions.test.mjs,
// terraform-values2.test.mjs; checkTerraform for terraform-modules.test.mjs too): one expression read by the built package's
// HCL reader and evaluated by its evaluator, written as a plain value to
// compare with what `terraform console` prints. Not a test file itself.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pkgDir, requireBuiltPackage } from '../helpers.mjs';

requireBuiltPackage();
export const { checkTerraform, evaluate, Scope, Unresolved } = await import(pathToFileURL(join(pkgDir, 'cli', 'terraform.mjs')).href);
export const { readNative } = await import(pathToFileURL(join(pkgDir, 'cli', 'terraform-syntax.mjs')).href);

/** A module scope with the locals of `locals` (HCL text of a locals block's body). */
export function scopeWith(locals = '') {
  const read = readNative(`locals {\n${locals}\n}\n`);
  assert.ok(read.body, read.error?.message);
  const module = { variables: new Map(), locals: new Map(read.body[0].body.map((attr) => [attr.name, { attr, file: 'locals.tf' }])) };
  return new Scope(module, '', new Map());
}

/** A value the command leaves unknown. */
export const UNKNOWN = 'unknown';
/** An error in Terraform: unknown here, and marked so that try() and can() see it (with `errors`). */
export const ERROR = 'error';

/**
 * `value(source, scope)`, the value of one expression as a plain value:
 * strings, booleans, null, arrays and objects as they are, numbers as the
 * text Terraform writes (`"${x}"`), UNKNOWN for a value the command leaves
 * unknown, and (with `errors`) ERROR for one it knows Terraform rejects
 * (else UNKNOWN too); and `expectAll(pairs, scope)`, which checks
 * `[expression, expected]` pairs, each named in the failure.
 */
export function terraformValues({ errors = false } = {}) {
  function value(source, scope = scopeWith()) {
    const read = readNative(`x = ${source}\n`);
    assert.ok(read.body, `${source}: ${read.error?.message}`);
    const plain = (v) => {
      if (v instanceof Unresolved) return errors && v.error ? ERROR : UNKNOWN;
      if (Array.isArray(v)) return v.map(plain);
      if (typeof v === 'bigint') return String(v);
      if (v !== null && typeof v === 'object' && v.constructor !== Object) {
        // A Fraction: written as Terraform writes it in a string.
        const text = evaluate(readNative('x = " ${n}"').body[0].value, scope.bind([['n', v]]));
        return typeof text === 'string' ? text.slice(1) : UNKNOWN;
      }
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, plain(item)]));
      return v;
    };
    return plain(evaluate(read.body[0].value, scope));
  }
  function expectAll(pairs, scope) {
    for (const [source, expected] of pairs) assert.deepEqual(value(source, scope), expected, source);
  }
  return { value, expectAll };
}
