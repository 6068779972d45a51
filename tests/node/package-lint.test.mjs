// The tarball `npm publish` would upload, checked as a registry user meets it:
// publint --strict and @arethetypeswrong/cli pass on it, its manifest says where
// the project lives, and installing it installs nothing else (yaml, which only
// the command needs, is an optional peer dependency).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DESTINATION, pkgDir, repoRoot, requireBuiltPackage, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'dtv-pack-'));
let tarball;

before(() => {
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: pkgDir, encoding: 'utf8' }),
  );
  tarball = join(work, report.filename);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('publint --strict finds no error and no warning in the tarball', () => {
  const run = spawnSync(bin('publint'), ['run', tarball, '--strict'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stdout, /^(Errors|Warnings):/m, run.stdout);
});

test('@arethetypeswrong/cli finds only that the browser-only entries are ESM-only', () => {
  // The .wasm subpath is a file to host, not a module, and the schema/*.schema.json
  // subpaths are data for editors, so attw is not asked to type them. "./web" and "./form-kit" are ESM by design (the web glue uses
  // import.meta.url): a CommonJS require() of them is the one problem attw may
  // report. Its JSON goes to a file: piped, attw exits before a large output
  // is flushed.
  const report = join(work, 'attw.json');
  const fd = openSync(report, 'w');
  try {
    spawnSync(bin('attw'), [tarball, '--format', 'json', '--exclude-entrypoints', './datasync_task_validator_bg.wasm',
      './schema/create-task.schema.json', './schema/update-task.schema.json', './schema/start-task-execution.schema.json'], {
      stdio: ['ignore', fd, 'pipe'],
    });
  } finally {
    closeSync(fd);
  }
  const { analysis } = JSON.parse(readFileSync(report, 'utf8'));
  assert.deepEqual(analysis.problems, [
    { kind: 'CJSResolvesToESM', entrypoint: './web', resolutionKind: 'node16-cjs' },
    { kind: 'CJSResolvesToESM', entrypoint: './form-kit', resolutionKind: 'node16-cjs' },
  ]);
  const resolutions = Object.entries(analysis.entrypoints).flatMap(([name, entry]) =>
    Object.entries(entry.resolutions).map(([kind, r]) => [name, kind, Boolean(r.resolution?.fileName)]),
  );
  assert.ok(resolutions.length >= 12, JSON.stringify(resolutions));
  for (const [name, kind, resolved] of resolutions) assert.ok(resolved, `${name} does not resolve under ${kind}`);
});

test('the manifest names the repository, the home page and the issue tracker', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.match(manifest.repository.url, /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  const home = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  assert.equal(manifest.homepage, `${home}#readme`);
  assert.equal(manifest.bugs.url, `${home}/issues`);
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
});

test('both licences and the changelog ship', () => {
  const mit = readFileSync(join(pkgDir, 'LICENSE-MIT'), 'utf8');
  const apache = readFileSync(join(pkgDir, 'LICENSE-APACHE'), 'utf8');
  assert.match(mit, /^MIT License\n/);
  assert.match(mit, /Permission is hereby granted, free of charge/);
  assert.match(apache, /Apache License\s+Version 2\.0, January 2004/);
  assert.match(apache, /END OF TERMS AND CONDITIONS/);
  assert.equal(readFileSync(join(pkgDir, 'CHANGELOG.md'), 'utf8'), readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8'));
});

test('a library install brings no dependency; the command then names what it needs', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(manifest.peerDependenciesMeta, { yaml: { optional: true } });

  const project = join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), '{ "name": "app", "private": true }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: project,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.ok(existsSync(join(project, 'node_modules', 'datasync-task-validator', 'package.json')));
  assert.equal(existsSync(join(project, 'node_modules', 'yaml')), false, 'yaml was installed for a library user');

  // The library works without yaml, from CommonJS and from an ES module.
  const script = `const { validate } = require('datasync-task-validator');
    process.stdout.write(JSON.stringify(validate(${JSON.stringify({ SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION })})));`;
  const cjs = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' }));
  assert.equal(cjs.valid, true);
  const esm = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "import { version } from 'datasync-task-validator'; process.stdout.write(version());"],
    { cwd: project, encoding: 'utf8' },
  );
  assert.equal(esm, manifest.version);

  // The command says how to get yaml instead of failing with a stack trace.
  writeFileSync(join(project, 'task.json'), '{}');
  const command = spawnSync(process.execPath, [join(project, 'node_modules', '.bin', 'datasync-task-validator'), 'task.json'], {
    cwd: project,
    encoding: 'utf8',
  });
  assert.equal(command.status, 2);
  assert.equal(command.stdout, '');
  assert.match(command.stderr, /^datasync-task-validator: the command needs the "yaml" package, which is an optional peer dependency: install it beside this one \(npm install --save-dev yaml\)/);
  assert.doesNotMatch(command.stderr, /internal error|\n\s+at /);
});
