// datasync-task-validator/schema and the shipped schema/*.schema.json files: what
// ajv (draft-07) and VS Code's own JSON language service make of them, checked
// against validate() on the same requests.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { validate } from 'datasync-task-validator';
import { schema } from 'datasync-task-validator/schema';
import { DESTINATION, OPERATIONS, pkgDir, repoRoot, requestWith, requireBuiltPackage, seededRandom, SOURCE } from './helpers.mjs';

requireBuiltPackage();
const require = createRequire(import.meta.url);
const FILES = {
  CreateTask: 'create-task.schema.json',
  UpdateTask: 'update-task.schema.json',
  StartTaskExecution: 'start-task-execution.schema.json',
};
const TASK = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

/** ajv with the draft-07 meta-schema, strict, told that VS Code's keywords are annotations. */
function compile(operation) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary(['enumDescriptions', 'markdownEnumDescriptions']);
  return ajv.compile(schema(operation));
}
const validators = Object.fromEntries(OPERATIONS.map((op) => [op, compile(op)]));

/** The codes of the model's own constraints: the part of validate() a schema can say. */
const STRUCTURAL = new Set([
  'request/not-an-object',
  'request/missing-member',
  'request/unknown-member',
  'value/wrong-type',
  'value/not-in-enum',
  'value/too-short',
  'value/too-long',
  'value/pattern-mismatch',
  'value/below-minimum',
  'list/too-many-items',
]);

/** Every request fixture with its operation: tests/fixtures/** and examples/. */
function fixtures() {
  const out = [];
  const folders = ['tests/fixtures/valid', 'tests/fixtures/invalid', 'tests/fixtures/locations', 'tests/fixtures/operations', 'examples'];
  for (const folder of folders) {
    const dir = join(repoRoot, folder);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.json') || /\.(expected|options)\.json$/.test(name)) continue;
      const text = readFileSync(join(dir, name), 'utf8');
      let options = {};
      try {
        options = JSON.parse(readFileSync(join(dir, name.replace(/\.json$/, '.options.json')), 'utf8'));
      } catch {}
      out.push({ name: `${folder}/${name}`, text, operation: options.operation ?? 'CreateTask', options });
    }
  }
  return out;
}

test('the shipped files are the documents schema() returns, one per operation, draft-07', () => {
  for (const operation of OPERATIONS) {
    const file = require.resolve(`datasync-task-validator/schema/${FILES[operation]}`);
    assert.equal(file, join(pkgDir, 'schema', FILES[operation]));
    assert.equal(readFileSync(file, 'utf8'), readFileSync(join(repoRoot, 'schema', FILES[operation]), 'utf8'));
    const document = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(schema(operation), document);
    assert.equal(document.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(document.title, `AWS DataSync ${operation} request`);
  }
  assert.deepEqual(schema(), schema('CreateTask'));
  assert.deepEqual(require('datasync-task-validator/schema').schema('UpdateTask'), schema('UpdateTask'));
});

test('schema() returns a new object every time and names a wrong operation', () => {
  const first = schema();
  first.properties.Options.properties.VerifyMode.enum.push('TURBO');
  assert.deepEqual(schema().properties.Options.properties.VerifyMode.enum, ['POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED', 'NONE']);
  for (const wrong of ['updateTask', 'toString', '__proto__', 1, null, {}]) {
    assert.throws(() => schema(wrong), (error) => error instanceof TypeError && /^schema: operation must be 'CreateTask', 'UpdateTask' or 'StartTaskExecution'/.test(error.message), String(wrong));
  }
});

test('ajv compiles each schema in strict mode, and every request validate() accepts passes it', () => {
  let accepted = 0;
  for (const fixture of fixtures()) {
    let request;
    try {
      request = JSON.parse(fixture.text);
    } catch {
      continue; // JSON syntax errors are not a schema's concern
    }
    const report = validate(fixture.text, fixture.options);
    if (!report.valid) continue;
    accepted += 1;
    const check = validators[fixture.operation];
    assert.ok(check(request), `${fixture.name}: ${JSON.stringify(check.errors)}`);
  }
  assert.ok(accepted >= 30, `only ${accepted} accepted requests among the fixtures`);
});

/** The instance path ajv names for a problem of validate()'s at `path` with `code`. */
function ajvPathOf(diagnostic) {
  const { code, path } = diagnostic;
  // Missing and unknown members are reported by ajv on the object that holds them.
  if (code === 'request/missing-member' || code === 'request/unknown-member') return path.slice(0, path.lastIndexOf('/'));
  return path;
}

test('every structural problem validate() finds in a fixture, ajv finds at the same place; ajv never rejects what validate() accepts', () => {
  let compared = 0;
  for (const fixture of fixtures()) {
    let request;
    try {
      request = JSON.parse(fixture.text);
    } catch {
      continue;
    }
    const report = validate(fixture.text, fixture.options);
    const check = validators[fixture.operation];
    const schemaValid = check(request);
    if (!schemaValid) assert.equal(report.valid, false, `${fixture.name}: the schema rejects what validate() accepts: ${JSON.stringify(check.errors)}`);
    const places = new Set((check.errors ?? []).map((e) => e.instancePath));
    for (const diagnostic of report.errors.filter((d) => STRUCTURAL.has(d.code))) {
      // 1.5 is not an integer to either; JSON.parse reads 1.0 and 1e3 as integers, the core does not.
      compared += 1;
      assert.ok(places.has(ajvPathOf(diagnostic)), `${fixture.name}: ${diagnostic.code} at ${diagnostic.path} but ajv says ${JSON.stringify(check.errors)}`);
    }
  }
  assert.ok(compared >= 40, `only ${compared} structural problems compared`);
});

// One request per kind of model constraint: both the schema and validate() reject it.
const BASE = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
const BROKEN = [
  ['required (root)', 'CreateTask', { SourceLocationArn: SOURCE }, 'required', '', 'request/missing-member'],
  ['required (nested)', 'CreateTask', { ...BASE, Tags: [{ Value: 'x' }] }, 'required', '/Tags/0', 'request/missing-member'],
  ['unknown member (root)', 'CreateTask', { ...BASE, $schema: './create-task.schema.json' }, 'additionalProperties', '', 'request/unknown-member'],
  ['unknown member (nested)', 'CreateTask', { ...BASE, Options: { Verifymode: 'NONE' } }, 'additionalProperties', '/Options', 'request/unknown-member'],
  ['a member of another operation', 'UpdateTask', { TaskArn: TASK, TaskMode: 'BASIC' }, 'additionalProperties', '', 'request/unknown-member'],
  ['type (string)', 'CreateTask', { ...BASE, Name: 42 }, 'type', '/Name', 'value/wrong-type'],
  ['type (object)', 'CreateTask', { ...BASE, Options: [] }, 'type', '/Options', 'value/wrong-type'],
  ['type (array)', 'CreateTask', { ...BASE, Tags: { Key: 'a' } }, 'type', '/Tags', 'value/wrong-type'],
  ['type (integer)', 'CreateTask', { ...BASE, Options: { BytesPerSecond: 1.5 } }, 'type', '/Options/BytesPerSecond', 'value/wrong-type'],
  ['enum', 'CreateTask', { ...BASE, TaskMode: 'Enhanced' }, 'enum', '/TaskMode', 'value/not-in-enum'],
  ['minLength', 'CreateTask', { ...BASE, Tags: [{ Key: '' }] }, 'minLength', '/Tags/0/Key', 'value/too-short'],
  ['maxLength', 'CreateTask', { ...BASE, Name: 'n'.repeat(257) }, 'maxLength', '/Name', 'value/too-long'],
  ['maxLength in code points', 'CreateTask', { ...BASE, Tags: [{ Key: 'k', Value: '\u{1F600}'.repeat(257) }] }, 'maxLength', '/Tags/0/Value', 'value/too-long'],
  ['pattern', 'StartTaskExecution', { TaskArn: TASK.replace('task-0', 'task-g') }, 'pattern', '/TaskArn', 'value/pattern-mismatch'],
  ['minimum', 'CreateTask', { ...BASE, Options: { BytesPerSecond: -2 } }, 'minimum', '/Options/BytesPerSecond', 'value/below-minimum'],
  ['maximum', 'CreateTask', { ...BASE, Options: { BytesPerSecond: 2 ** 64 } }, 'maximum', '/Options/BytesPerSecond', 'value/integer-out-of-range'],
  ['maxItems', 'CreateTask', { ...BASE, Excludes: [{ Value: '/a' }, { Value: '/b' }] }, 'maxItems', '/Excludes', 'list/too-many-items'],
];

for (const [kind, operation, request, keyword, instancePath, code] of BROKEN) {
  test(`a request that breaks one constraint fails both: ${kind}`, () => {
    const check = validators[operation];
    assert.equal(check(request), false, `${kind}: the schema accepts ${JSON.stringify(request).slice(0, 200)}`);
    assert.ok(
      check.errors.some((e) => e.keyword === keyword && e.instancePath === instancePath),
      `${kind}: ${JSON.stringify(check.errors)}`,
    );
    // 2 ** 64 reaches the core as the JSON text 18446744073709552000.
    const report = validate(request, { operation });
    assert.ok(report.errors.some((d) => d.code === code), `${kind}: ${JSON.stringify(report.errors)}`);
  });
}

/** Every (operation, pointer, subschema) with a pattern, list items as `*`. */
function patterned() {
  const out = [];
  const walk = (operation, node, pointer) => {
    if (node.pattern !== undefined) out.push({ operation, pointer, node });
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(operation, child, `${pointer}/${name}`);
    if (node.items) walk(operation, node.items, `${pointer}/*`);
  };
  for (const operation of OPERATIONS) walk(operation, schema(operation), '');
  return out;
}

const ALPHABET = [
  'a', 'z', 'A', 'Z', '0', '9', 'f', 'g', ' ', '\t', '\n', '\r', '\u000b', '\f', '\u00a0', '\u0085', '\u1680', '\u2000',
  '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0000', '_', '-', '+', '.', '/', '(', ')',
  '*', '?', ',', '|', '^', '#', ':', '@', '=', '\\', '$', '[', ']', '{', '}', 'é', 'ß', '\u{1F600}', '"', "'", '!', '~',
];
const TOKENS = ['arn:', 'aws', 'aws-cn', 'aws-iso-b', ':', '::', '123456789012', 'datasync', 'location/loc-', 'task/task-', 'logs', 'log-group:', ':*', 's3', 's3-outposts', 'accesspoint', 'outpost', 'iam', 'role/', 'us-east-1'];

/** Near misses of `seed`: a few insertions, deletions, replacements and splices, by code point. */
function mutate(seed, random) {
  const chars = Array.from(seed);
  const edits = 1 + random(3);
  // One candidate in three changes characters only for others of their kind.
  const gentle = random(3) === 0;
  for (let i = 0; i < edits; i += 1) {
    const at = random(chars.length + 1);
    switch (gentle ? 5 : random(6)) {
      case 5: {
        // Another character of the same kind: often still valid, so both verdicts get exercised.
        const kinds = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
        const kind = kinds.find((k) => k.includes(chars[at] ?? '')) ?? kinds[random(3)];
        if (at < chars.length) chars[at] = kind[random(kind.length)];
        break;
      }
      case 0: chars.splice(at, 0, ALPHABET[random(ALPHABET.length)]); break;
      case 1: chars.splice(at, 1); break;
      case 2: chars.splice(at, 1, ALPHABET[random(ALPHABET.length)]); break;
      case 3: chars.splice(at, 0, ...Array.from(TOKENS[random(TOKENS.length)])); break;
      default: chars.splice(at, 1 + random(8)); break;
    }
  }
  return chars.join('');
}

test('each pattern is an ECMAScript regex (with no flag, the u flag and the v flag of an <input pattern>) that accepts exactly what the core accepts', () => {
  const seen = new Map();
  // An enum member (FilterType) is judged by its enum alone, which its pattern accepts.
  for (const entry of patterned()) if (!entry.node.enum && !seen.has(entry.node.pattern)) seen.set(entry.node.pattern, entry);
  assert.equal(seen.size, 11, 'one entry per free-text pattern of the model');
  for (const { operation, pointer, node } of seen.values()) {
    const unicode = new RegExp(node.pattern, 'u');
    const plain = new RegExp(node.pattern);
    const sets = new RegExp(node.pattern, 'v');
    const random = seededRandom(0x5eed ^ pointer.length);
    const seeds = [...(node.examples ?? []), ''];
    const candidates = [...seeds];
    for (let i = 0; i < 1500; i += 1) candidates.push(mutate(seeds[random(seeds.length)], random));
    const verdicts = { true: 0, false: 0 };
    for (const text of candidates) {
      // The core checks a pattern only on a string that is long enough; an
      // empty one is value/too-short where the pattern needs a character
      // (minLength 1), and the pattern refuses it too.
      const length = Array.from(text).length;
      if (length > 0 && length < (node.minLength ?? 0)) continue;
      const path = pointer.replaceAll('*', '0');
      const report = validate(requestWith(pointer, text), { operation });
      const core = !report.errors.some((d) => d.path === path && (d.code === 'value/pattern-mismatch' || d.code === 'value/too-short'));
      assert.equal(unicode.test(text), core, `${pointer} (u flag): ${JSON.stringify(text)} is ${core ? 'accepted' : 'rejected'} by the core`);
      assert.equal(plain.test(text), core, `${pointer} (no flag): ${JSON.stringify(text)} is ${core ? 'accepted' : 'rejected'} by the core`);
      assert.equal(sets.test(text), core, `${pointer} (v flag): ${JSON.stringify(text)} is ${core ? 'accepted' : 'rejected'} by the core`);
      verdicts[core] += 1;
    }
    assert.ok(verdicts.true >= 50 && verdicts.false >= 50, `${pointer}: lopsided candidates ${JSON.stringify(verdicts)}`);
  }
});

// ---- What VS Code shows: its own JSON language service, given the schema as a
// `json.schemas` entry would.

const languageService = require('vscode-json-languageservice');

function vscode(operation) {
  const service = languageService.getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: `file:///${FILES[operation]}`, fileMatch: ['*.json'], schema: schema(operation) }] });
  const open = (text) => {
    const document = languageService.TextDocument.create('file:///work/task.json', 'json', 1, text);
    return { document, json: service.parseJSONDocument(document) };
  };
  return {
    async diagnostics(text) {
      const { document, json } = open(text);
      return service.doValidation(document, json);
    },
    /** Completions where `|` stands in `text`. */
    async complete(text) {
      const at = text.indexOf('|');
      const { document, json } = open(text.replace('|', ''));
      return service.doComplete(document, document.positionAt(at), json);
    },
    /** The hover text at `|` in `text`. */
    async hover(text) {
      const at = text.indexOf('|');
      const { document, json } = open(text.replace('|', ''));
      const hover = await service.doHover(document, document.positionAt(at), json);
      const shown = [hover?.contents].flat().map((c) => (typeof c === 'string' ? c : c?.value ?? '')).join('\n');
      return shown.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'); // Markdown escapes
    },
  };
}

test('VS Code: every request validate() accepts gets no diagnostic', async () => {
  const editors = Object.fromEntries(OPERATIONS.map((op) => [op, vscode(op)]));
  let checked = 0;
  for (const fixture of fixtures()) {
    if (!validate(fixture.text, fixture.options).valid) continue;
    // A duplicate member is VS Code's own JSON check (and validate()'s warning), not the schema's.
    const diagnostics = (await editors[fixture.operation].diagnostics(fixture.text)).filter((d) => d.message !== 'Duplicate object key');
    assert.deepEqual(diagnostics.map((d) => d.message), [], fixture.name);
    checked += 1;
  }
  assert.ok(checked >= 30);
});

test('VS Code: an unknown member, a wrong enum value and a broken ARN are marked', async () => {
  const editor = vscode('CreateTask');
  const text = JSON.stringify({ ...BASE, SourceLocationArn: 'arn:aws:datasync:us-east-1:111122223333:location/loc-1', Verbose: true, Options: { VerifyMode: 'ALWAYS' } }, null, 2);
  const messages = (await editor.diagnostics(text)).map((d) => d.message);
  assert.ok(messages.some((m) => /Verbose.*not allowed/i.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /POINT_IN_TIME_CONSISTENT/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /does not match the pattern/i.test(m)), messages.join('\n'));
});

test('VS Code: completion offers the members, then each enum value with its label and description', async () => {
  const editor = vscode('CreateTask');
  const members = await editor.complete('{ | }');
  const names = members.items.map((item) => item.label);
  for (const name of ['SourceLocationArn', 'DestinationLocationArn', 'Options', 'TaskMode', 'Tags']) assert.ok(names.includes(name), names.join());
  assert.ok(!names.includes('TaskArn'), 'UpdateTask members are not offered for CreateTask');
  const values = await editor.complete('{ "Options": { "VerifyMode": | } }');
  const verify = values.items.filter((item) => item.label.startsWith('"'));
  assert.deepEqual(verify.map((item) => item.label), ['"POINT_IN_TIME_CONSISTENT"', '"ONLY_FILES_TRANSFERRED"', '"NONE"']);
  const documentation = (item) => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');
  assert.match(documentation(verify[0]), /Verify all data.*compares the whole source/s);
  // An example value is offered for a free-text member.
  const example = await editor.complete('{ "Name": | }');
  assert.ok(example.items.some((item) => item.label === '"nightly-nfs-to-s3"'), JSON.stringify(example.items.map((i) => i.label)));
  // UpdateTask offers TaskArn and not the members fixed at creation.
  const update = (await vscode('UpdateTask').complete('{ | }')).items.map((item) => item.label);
  assert.ok(update.includes('TaskArn') && !update.includes('TaskMode') && !update.includes('Tags'), update.join());
});

test('VS Code: hovering a member shows its label, its help and its default', async () => {
  const editor = vscode('CreateTask');
  const hover = await editor.hover('{ "Options": { "Verify|Mode": "NONE" } }');
  assert.match(hover, /Data verification/);
  assert.match(hover, /How DataSync checks data integrity/);
  assert.match(hover, /POINT_IN_TIME_CONSISTENT in Basic mode, ONLY_FILES_TRANSFERRED in Enhanced mode/);
  const value = await editor.hover('{ "TaskMode": "ENHA|NCED" }');
  assert.match(value, /Enhanced/);
  assert.match(value, /virtually unlimited numbers of objects/);
});

test('where the two read JSON differently, as the README says: 1.0, 1e3 and integers just beyond 2^63 - 1', async () => {
  const check = validators.CreateTask;
  const withBandwidth = (literal) => `{"SourceLocationArn":"${SOURCE}","DestinationLocationArn":"${DESTINATION}","Options":{"BytesPerSecond":${literal}}}`;
  for (const literal of ['1.0', '1e3', '9223372036854776832']) {
    assert.equal(check(JSON.parse(withBandwidth(literal))), true, literal);
    assert.equal(validate(withBandwidth(literal)).valid, false, literal);
  }
  assert.equal(check(JSON.parse(withBandwidth('9223372036854776833'))), false);
  const editor = vscode('CreateTask');
  const marked = async (literal) => (await editor.diagnostics(withBandwidth(literal))).length > 0;
  assert.equal(await marked('1.0'), true);
  assert.equal(await marked('1e3'), false);
});

test("the README's json.schemas setting gives each operation's files their schema in VS Code", async () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Editor autocomplete'));
  const setting = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)[1]);
  const workspace = 'file:///work/project/';
  const service = languageService.getLanguageService({
    // What VS Code does with a url that starts with ./: the workspace folder's file.
    schemaRequestService: async (uri) => {
      const relative = uri.slice(workspace.length).replace(/^node_modules\/datasync-task-validator\//, '');
      return readFileSync(join(pkgDir, relative), 'utf8');
    },
  });
  service.configure({
    validate: true,
    schemas: setting['json.schemas'].map(({ fileMatch, url }) => ({ fileMatch, uri: new URL(url, workspace).href })),
  });
  const membersOffered = async (name) => {
    const document = languageService.TextDocument.create(`${workspace}tasks/${name}`, 'json', 1, '{  }');
    const list = await service.doComplete(document, document.positionAt(2), service.parseJSONDocument(document));
    return list.items.map((item) => item.label);
  };
  assert.ok((await membersOffered('nightly.create-task.json')).includes('SourceLocationArn'));
  assert.ok((await membersOffered('nightly.update-task.json')).includes('Schedule'));
  const start = await membersOffered('rerun.start-task-execution.json');
  assert.ok(start.includes('OverrideOptions') && !start.includes('Schedule'), start.join());
  const other = await membersOffered('notes.json');
  assert.ok(!other.includes('SourceLocationArn') && !other.includes('TaskArn'), other.join());
});
