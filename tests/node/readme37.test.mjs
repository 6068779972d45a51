// README claims that can be checked mechanically, so that they cannot go stale
// without a failure (hunt37d findings 1, 3, 4, 8, 11).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { pkgDir, repoRoot } from './helpers.mjs';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const { validate } = await import('datasync-task-validator');
/** The README's ```js blocks. */
const jsBlocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

test("the fix sample runs as written and prints what its comment says (finding 1: '…' as ARNs made errors[0] a pattern mismatch)", () => {
  const [block, ...others] = jsBlocks.filter((b) => b.includes('.errors[0].fix'));
  assert.deepEqual(others, []);
  const [code, comment] = block.split(/\n\/\/ /);
  const run = new Function('validate', `return ${code.trim()};`);
  assert.deepEqual(run(validate), JSON.parse(comment.trim().replace(/'/g, '"').replace(/(\w+):/g, '"$1":')));
  assert.deepEqual(run(validate), [{ op: 'replace', path: '/TaskMode', value: 'ENHANCED' }]);
});

test("the web form's page weight is within 10% of the README's figures (finding 3; bench/form-latency.mjs's pageWeight() files)", () => {
  const [, gzipKB, brotliKB] = readme.match(/the page is about (\d+) KB gzip\n\((\d+) KB brotli\) in all/).map(Number);
  const files = [
    'www/index.html',
    'www/style.css',
    'www/favicon.svg',
    ...readdirSync(join(repoRoot, 'www')).filter((f) => f.endsWith('.js')).map((f) => `www/${f}`),
    'pkg/web/index.js',
    'pkg/web/datasync_task_validator.js',
    'pkg/web/text-path.js',
    'pkg/web/form-kit.js',
    'pkg/datasync_task_validator_bg.wasm',
  ];
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(repoRoot, file));
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const near = (bytes, kb) => Math.abs(bytes / 1000 - kb) <= kb / 10;
  assert.ok(near(gzip, gzipKB), `gzip: ${gzip} B, the README says about ${gzipKB} KB`);
  assert.ok(near(brotli, brotliKB), `brotli: ${brotli} B, the README says about ${brotliKB} KB`);
});

test("datasync-task-validator/codes is the README's 'about N KB gzip' (finding 4)", () => {
  const [, kb] = readme.match(/never downloads it \(about (\d+) KB gzip/).map(Number);
  for (const file of ['codes.mjs', 'codes.cjs']) {
    const bytes = zlib.gzipSync(readFileSync(join(pkgDir, file)), { level: 9 }).length;
    assert.ok(Math.abs(bytes / 1000 - kb) <= 0.75, `${file}: ${bytes} B gzip, the README says about ${kb} KB`);
  }
});

test('the form-kit paragraph names every export of datasync-task-validator/form-kit (finding 8: isRawJSON was missing)', async () => {
  const start = readme.indexOf('The generic plumbing is shipped in the package as `datasync-task-validator/form-kit`');
  const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
  const names = Object.keys(await import('datasync-task-validator/form-kit'));
  assert.ok(names.includes('isRawJSON'));
  for (const name of names) assert.ok(paragraph.includes(`\`${name}\``), name);
});

test("'the model's N patterns' counts src/patterns.rs's enum Pattern (finding 11)", () => {
  const words = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
  const [, word] = readme.match(/the model's (\w+)\npatterns are small hand-written matchers/);
  const source = readFileSync(join(repoRoot, 'src/patterns.rs'), 'utf8');
  const body = source.slice(source.indexOf('pub enum Pattern {'), source.indexOf('\n}', source.indexOf('pub enum Pattern {')));
  const variants = body.split('\n').filter((line) => /^\s+[A-Z][A-Za-z0-9]*,$/.test(line));
  assert.equal(words.indexOf(word) + 10, variants.length, `${word} vs ${variants.length} variants`);
});
