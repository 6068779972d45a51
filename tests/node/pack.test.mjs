// The tarball `npm publish` would upload holds every file the manifest points at,
// one .wasm, and nothing else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cargoVersion, pkgDir, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

/** Every file path a manifest field or `exports` leaf names. */
function targets(value, out = []) {
  if (typeof value === 'string') out.push(value.replace(/^\.\//, ''));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => targets(v, out));
  return out;
}

test('the manifest is pkg.json with the crate version', () => {
  const source = JSON.parse(readFileSync(join(pkgDir, '..', 'pkg.json'), 'utf8'));
  assert.deepEqual({ ...manifest, version: undefined }, { ...source, version: undefined });
  assert.equal(manifest.version, cargoVersion());
  assert.equal(manifest.name, 'datasync-task-validator');
  assert.equal(manifest.type, 'module');
});

test('npm pack includes every file the manifest names, one .wasm for every target and one for the command', () => {
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' }),
  );
  const files = report.files.map((f) => f.path).sort();
  const named = [...new Set(targets([manifest.main, manifest.browser, manifest.types, manifest.exports, manifest.bin]))];
  for (const file of named) assert.ok(files.includes(file), `${file} is named in package.json but not packed`);
  // cli/hcl_reader_bg.wasm reads Terraform files for the command only; no entry point loads it.
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['cli/hcl_reader_bg.wasm', 'datasync_task_validator_bg.wasm']);
  const expected = [
    'CHANGELOG.md',
    'LICENSE-APACHE',
    'LICENSE-MIT',
    'README.md',
    'cli/args.mjs',
    'cli/bin.mjs',
    'cli/check.mjs',
    'cli/cloudformation.mjs',
    'cli/codes.mjs',
    'cli/config.mjs',
    'cli/context.mjs',
    'cli/documents.mjs',
    'cli/findings.mjs',
    'cli/fix.mjs',
    'cli/format-github.mjs',
    'cli/format-human.mjs',
    'cli/format-json.mjs',
    'cli/format-junit.mjs',
    'cli/format-sarif.mjs',
    'cli/glob.mjs',
    'cli/hcl_reader.cjs',
    'cli/hcl_reader_bg.wasm',
    'cli/inputs.mjs',
    'cli/list-rules.mjs',
    'cli/main.mjs',
    'cli/output-file.mjs',
    'cli/recognise.mjs',
    'cli/report.mjs',
    'cli/rules.json',
    'cli/suppress.mjs',
    'cli/terraform-awscc.mjs',
    'cli/terraform-plan.mjs',
    'cli/terraform-schema.mjs',
    'cli/terraform-syntax.mjs',
    'cli/terraform.mjs',
    'codes.cjs',
    'codes.d.cts',
    'codes.d.ts',
    'codes.mjs',
    'datasync_task_validator_bg.wasm',
    'index.d.cts',
    'index.d.ts',
    'node/datasync_task_validator.cjs',
    'node/index-bundled.mjs',
    'node/index.cjs',
    'node/index.mjs',
    'node/text-path.cjs',
    'node/wasm-bytes.cjs',
    'package.json',
    'schema.cjs',
    'schema.d.cts',
    'schema.d.ts',
    'schema.mjs',
    'schema/create-task.schema.json',
    'schema/start-task-execution.schema.json',
    'schema/update-task.schema.json',
    'web/datasync_task_validator.js',
    'web/datasync_task_validator.js.map',
    'web/form-kit.d.ts',
    'web/form-kit.js',
    'web/index.d.ts',
    'web/index.js',
    'web/index.js.map',
    'web/text-path.js',
    'web/text-path.js.map',
  ];
  assert.deepEqual(files, expected);
});

test('the JavaScript a browser downloads is minified, with a source map holding the readable original', () => {
  const originals = {
    'datasync_task_validator.js': null, // wasm-bindgen's output: checked for its shape only
    'index.js': 'js/web/index.js',
    'text-path.js': 'js/text-path.mjs',
  };
  for (const [file, original] of Object.entries(originals)) {
    const code = readFileSync(join(pkgDir, 'web', file), 'utf8');
    const map = JSON.parse(readFileSync(join(pkgDir, 'web', `${file}.map`), 'utf8'));
    assert.ok(code.endsWith(`//# sourceMappingURL=${file}.map\n`), `${file} points at its map`);
    assert.ok(!/^\s*\/\//m.test(code.replace(/\/\/# sourceMappingURL=.*\n$/, '')), `${file} has no comment lines left`);
    assert.equal(map.version, 3);
    assert.equal(map.sources.length, 1);
    assert.ok(map.mappings.length > 0);
    assert.ok(map.sourcesContent[0].length > code.length, `${file}.map holds a longer, readable original`);
    if (original) {
      assert.equal(map.sources[0], original);
      assert.equal(map.sourcesContent[0], readFileSync(join(pkgDir, '..', original), 'utf8'));
    }
  }
});

test('the web glue loads the shared .wasm; the Node.js glue has the same bytes from a module too', () => {
  const node = readFileSync(join(pkgDir, 'node', 'datasync_task_validator.cjs'), 'utf8');
  const web = readFileSync(join(pkgDir, 'web', 'datasync_task_validator.js'), 'utf8');
  assert.match(web, /new URL\((["'])\.\.\/datasync_task_validator_bg\.wasm\1, ?import\.meta\.url\)/);
  // The bytes come from the package's .wasm file when it is this build's,
  // and otherwise from the base64 module a bundler carries along (a bundle has no .wasm file).
  assert.match(node, /const wasmBytes ?= ?packageWasm\(\) ?\?\? ?require\((["'])\.\/wasm-bytes\.cjs\1\);/);
  const embedded = createRequire(import.meta.url)(join(pkgDir, 'node', 'wasm-bytes.cjs'));
  assert.ok(Buffer.isBuffer(embedded));
  assert.ok(embedded.equals(readFileSync(join(pkgDir, 'datasync_task_validator_bg.wasm'))));
});

/**
 * Loads the Node.js entry in `packageDir` in a fresh process: whether
 * validate({}) reports the missing locations, and whether the .wasm's bytes
 * came from the base64 module.
 */
function loadEntry(packageDir) {
  const script = `
    const entry = require(${JSON.stringify(join(packageDir, 'node', 'index.cjs'))});
    const codes = entry.validate({}).errors.map((d) => d.code);
    const loaded = Object.keys(require.cache).map((file) => require('path').basename(file));
    console.log(JSON.stringify({ codes, base64: loaded.includes('wasm-bytes.cjs') }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

const MISSING_LOCATIONS = ['request/missing-member', 'request/missing-member'];

test('installed, the Node.js glue reads the package\'s .wasm and never loads the base64 copy', () => {
  // Reading the 370 KB base64 module cost about 2 ms more CPU time than the file at every start.
  assert.deepEqual(loadEntry(pkgDir), { codes: MISSING_LOCATIONS, base64: false });
});

const gluePath = join(pkgDir, 'node', 'datasync_task_validator.cjs');
const wasm = readFileSync(join(pkgDir, 'datasync_task_validator_bg.wasm'));

/** The SHA-256 digest of `bytes`. */
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

/**
 * The build's mark: the .wasm ends with a custom section `sha256` (id 0, size 39,
 * name length 6, the name, the 32-byte digest of the bytes before the section).
 */
const MARK_HEAD = Buffer.from([0, 39, 6, ...Buffer.from('sha256')]);
const MARK_LENGTH = MARK_HEAD.length + 32;
const body = wasm.subarray(0, -MARK_LENGTH);

/** `bytes` ending with the mark a build of them would append. */
const marked = (bytes) => Buffer.concat([bytes, MARK_HEAD, sha256(bytes)]);

/** The offset of the first byte in the content of `bytes`' section `id`. */
function sectionStart(bytes, id) {
  let at = 8; // after the magic number and the version
  while (at < bytes.length) {
    const section = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    if (section === id) return at;
    at += size;
  }
  throw new Error(`no section ${id}`);
}

/** A copy of `bytes` with the byte at `at` changed. */
function changed(bytes, at) {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x20;
  return copy;
}

test('the .wasm ends with a custom section holding the SHA-256 digest of the bytes before it', () => {
  assert.ok(wasm.subarray(-MARK_LENGTH).equals(marked(body).subarray(-MARK_LENGTH)));
  // An engine reads it as a custom section, so every target (web too) loads the marked file.
  const module = new WebAssembly.Module(wasm);
  const sections = WebAssembly.Module.customSections(module, 'sha256');
  assert.equal(sections.length, 1);
  assert.ok(Buffer.from(sections[0]).equals(sha256(body)));
});

test('the Node.js glue takes the embedded bytes when the .wasm beside it is missing or another build\'s', () => {
  const text = body.indexOf('missing-member');
  assert.ok(text > 0);
  const others = {
    missing: null,
    'one byte longer': Buffer.concat([wasm, Buffer.from([0])]),
    'one byte shorter': wasm.subarray(0, -1),
    'no mark': body,
    'one byte of the digest changed': changed(wasm, wasm.length - 1),
    'one byte of the mark\'s name changed': changed(wasm, wasm.length - 33),
    // Another build: its own code, marked with its own digest. On main's check
    // (length and every 1,024th byte) a file of the same length passed unless
    // a sampled byte differed.
    'another build: missing-member spelt missing-memBer': marked(changed(body, text + 11)),
    'another build: one byte off every 1,024th changed': marked(changed(body, 1024 * Math.floor(body.length / 2048) + 1)),
    'another build: the last byte before the mark changed': marked(changed(body, body.length - 1)),
    'another build: the first byte changed': marked(changed(body, 0)),
    'another build: a byte of the code changed': marked(changed(body, sectionStart(body, 10) + 100)),
  };
  for (const [name, bytes] of Object.entries(others)) {
    const folder = mkdtempSync(join(tmpdir(), 'dtv-glue-'));
    try {
      cpSync(join(pkgDir, 'node'), join(folder, 'node'), { recursive: true });
      if (bytes) writeFileSync(join(folder, 'datasync_task_validator_bg.wasm'), bytes);
      assert.deepEqual(loadEntry(folder), { codes: MISSING_LOCATIONS, base64: true }, name);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
});

/**
 * Runs the built Node.js glue in a fresh process as a bundle would, with
 * `__filename` and `__dirname` as given and `cwd` as the working directory:
 * which .wasm files it read, and whether it took the base64 module.
 */
function runGlueAs({ filename, dirname, cwd }) {
  const script = `
    const fs = require('fs');
    const Module = require('module');
    const vm = require('vm');
    const glue = ${JSON.stringify(gluePath)};
    const source = fs.readFileSync(glue, 'utf8');
    const read = [];
    const readFileSync = fs.readFileSync;
    fs.readFileSync = function (file, ...rest) {
      if (String(file).endsWith('.wasm')) read.push(String(file));
      return readFileSync.call(this, file, ...rest);
    };
    const required = [];
    const realRequire = Module.createRequire(glue);
    const require_ = (id) => (required.push(id), realRequire(id));
    const module_ = { exports: {} };
    vm.runInThisContext(Module.wrap(source), { filename: glue })
      .call(module_.exports, module_.exports, require_, module_, ${JSON.stringify(filename)}, ${JSON.stringify(dirname)});
    console.log(JSON.stringify({ read, base64: required.includes('./wasm-bytes.cjs') }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' }));
}

test('run as the package\'s own file, the glue reads the .wasm; in a bundle it reads no file', () => {
  assert.deepEqual(runGlueAs({ filename: gluePath, dirname: join(pkgDir, 'node'), cwd: tmpdir() }), {
    read: [join(pkgDir, 'datasync_task_validator_bg.wasm')],
    base64: false,
  });
  const folder = mkdtempSync(join(tmpdir(), 'dtv-bundle-'));
  try {
    // This build's .wasm where each bundle's `__dirname/..` points: on main's
    // check both bundles read and took it.
    mkdirSync(join(folder, 'node_modules', 'datasync-task-validator', 'node'), { recursive: true });
    mkdirSync(join(folder, 'dist'));
    writeFileSync(join(folder, 'node_modules', 'datasync-task-validator', 'datasync_task_validator_bg.wasm'), wasm);
    writeFileSync(join(folder, 'datasync_task_validator_bg.wasm'), wasm);
    const bundles = {
      // webpack, node: { __dirname: true, __filename: true }: paths relative to the working directory.
      webpack: {
        filename: 'node_modules/datasync-task-validator/node/datasync_task_validator.cjs',
        dirname: 'node_modules/datasync-task-validator/node',
      },
      // esbuild (CommonJS, platform node): the bundle's own file.
      esbuild: { filename: join(folder, 'dist', 'index.js'), dirname: join(folder, 'dist') },
    };
    for (const [name, paths] of Object.entries(bundles)) {
      assert.deepEqual(runGlueAs({ ...paths, cwd: folder }), { read: [], base64: true }, name);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
