// index.d.ts's DiagnosticCode union must list exactly the codes of the `codes!`
// table in src/diagnostic.rs, the one home of every code string.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './helpers.mjs';

/** The code strings of the `codes! { ... }` invocation, in order. */
function rustCodes() {
  const source = readFileSync(join(repoRoot, 'src', 'diagnostic.rs'), 'utf8');
  const start = source.search(/^codes!\s*\{/m);
  assert.ok(start >= 0, 'no `codes! {` table in src/diagnostic.rs');
  const table = source.slice(start, source.indexOf('\n}', start));
  const codes = [...table.matchAll(/^\s*\w+\s*=\s*"([^"]+)"\s*,\s*(?:Error|Warning)\s*;/gm)].map((m) => m[1]);
  assert.ok(codes.length > 0, 'no codes parsed from src/diagnostic.rs');
  return codes;
}

/** The string literals of `export type DiagnosticCode = ...;` in index.d.ts. */
function typeScriptCodes() {
  const declarations = readFileSync(join(repoRoot, 'index.d.ts'), 'utf8');
  const match = /export type DiagnosticCode\s*=([^;]*);/.exec(declarations);
  assert.ok(match, 'no `export type DiagnosticCode` in index.d.ts');
  return [...match[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
}

test('DiagnosticCode in index.d.ts lists exactly the codes of src/diagnostic.rs', () => {
  const rust = rustCodes();
  const ts = typeScriptCodes();
  assert.equal(new Set(ts).size, ts.length, 'index.d.ts lists a code twice');
  const missing = rust.filter((code) => !ts.includes(code));
  const extra = ts.filter((code) => !rust.includes(code));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'add the missing codes to index.d.ts and remove the extra ones');
});
