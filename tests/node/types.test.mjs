// The hand-written declarations: code using every API type-checks through the
// package's `exports` (tests/types), and CreateTaskRequest matches fields(),
// which the core reads from its schema table.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgDir, repoRoot, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { fields } = await import('datasync-task-validator');
const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc');

/** Runs tsc; returns its exit status and output. */
function typeCheck(args) {
  const run = spawnSync(tsc, args, { cwd: repoRoot, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Type-checks `source` as an ES module in a temporary project that imports the declarations by path. */
function typeCheckSnippet(source) {
  const dir = mkdtempSync(join(tmpdir(), 'dtv-types-'));
  try {
    writeFileSync(join(dir, 'check.mts'), source);
    const config = {
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2022', lib: ['es2022'], types: [],
        module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false,
      },
      files: ['check.mts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const { status, output } = typeCheck(['-p', dir]);
    const lines = source.split('\n');
    // Show the offending generated lines: each names the pointer it checks.
    const explained = output.replace(/check\.mts\((\d+),\d+\)/g, (all, n) => `${all} [${lines[n - 1]?.trim()}]`);
    return { status, output: explained };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('tests/types (every API, ESM and CommonJS) type-checks through the exports map', () => {
  const { status, output } = typeCheck(['-p', 'tests/types']);
  assert.equal(status, 0, `tsc -p tests/types failed:\n${output}`);
});

test('the README\'s form-kit example is tests/types/dom/readme-form-kit.mts, which type-checks with the DOM', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf("```ts\nimport init, { validate, type Diagnostic } from 'datasync-task-validator';");
  assert.ok(start >= 0, 'the README has the form-kit example');
  const block = readme.slice(readme.indexOf('\n', start) + 1, readme.indexOf('```', start + 5));
  assert.equal(readFileSync(join(repoRoot, 'tests/types/dom/readme-form-kit.mts'), 'utf8'), block);
  const { status, output } = typeCheck(['-p', 'tests/types/dom']);
  assert.equal(status, 0, `tsc -p tests/types/dom failed:\n${output}`);
});

test('a missing required member is a type error (the checker is live)', () => {
  const { status, output } = typeCheckSnippet(
    `import type { CreateTaskRequest } from '${pkgDir}/index.js';\n` +
      `export const r: CreateTaskRequest = { SourceLocationArn: 'a' };\n`,
  );
  assert.notEqual(status, 0, 'tsc accepted a request without DestinationLocationArn');
  assert.match(output, /DestinationLocationArn/);
});

test('CreateTaskRequest has exactly the members, types, enums and required flags of fields()', () => {
  const list = fields();
  const typeAt = (pointer) =>
    pointer
      .split('/')
      .slice(1)
      .reduce((expr, segment) => (segment === '*' ? `NonNullable<${expr}>[number]` : `NonNullable<${expr}>['${segment}']`), 'CreateTaskRequest');
  const parentOf = (pointer) => pointer.slice(0, pointer.lastIndexOf('/'));
  const union = (values) => values.map((v) => `'${v}'`).join(' | ') || 'never';

  const checks = [];
  const children = new Map([['', []]]);
  for (const field of list) {
    const at = typeAt(field.pointer);
    const parent = parentOf(field.pointer);
    // A list item (`/Tags/*`) is checked for its type only: it is not a member of the list.
    const isItem = field.pointer.endsWith('/*');
    if (!isItem) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(field.name);
    }
    const expected = {
      string: field.enum ? union(field.enum) : 'string',
      integer: 'number | bigint', // a BigInt is read as its exact digits (what applyDefaults returns beyond 2^53)
      array: 'unknown[]',
      object: 'object',
    }[field.type];
    const actual = field.type === 'string' || field.type === 'integer' ? `NonNullable<${at}>` : `Kind<NonNullable<${at}>>`;
    checks.push(`type T${checks.length} = Assert<Equal<${actual}, ${expected}>>; // ${field.pointer}: ${field.type}`);
    if (isItem) continue;
    checks.push(
      `type T${checks.length} = Assert<Equal<IsOptional<NonNullable<${typeAt(parent)}>, '${field.name}'>, ${!field.required}>>; // ${field.pointer}: required ${field.required}`,
    );
  }
  for (const [parent, names] of children) {
    checks.push(`type T${checks.length} = Assert<Equal<keyof NonNullable<${typeAt(parent)}>, ${union(names)}>>; // members of '${parent}'`);
  }
  const source = [
    `import type { CreateTaskRequest } from '${pkgDir}/index.js';`,
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;',
    'type Assert<T extends true> = T;',
    'type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;',
    'type Kind<T> = T extends readonly unknown[] ? unknown[] : T extends object ? object : T;',
    ...checks,
    'export {};',
    '',
  ].join('\n');
  const { status, output } = typeCheckSnippet(source);
  assert.equal(status, 0, `index.d.ts disagrees with fields():\n${output}`);
});
