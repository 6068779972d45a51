// Reads Terraform files into one shape, whatever their syntax:
//   a body is [{ t: 'attr', name, line, column, value: EXPR } | { t: 'block', type, labels, line, column, body }]
//   an EXPR is what crates/hcl-reader writes (see its crate docs): { k, line, column, src, ... }
// - HCL native syntax (.tf, .tfvars) is read by crates/hcl-reader, hcl-edit
//   compiled to a small .wasm of its own next to this file (never part of the
//   browser package).
// - JSON syntax (.tf.json, .tfvars.json) is read by documents.mjs
//   readJsonTree() for positions and repeated members;
//   its strings are templates in Terraform ("${var.x}"; not in a variable's
//   default, which is a literal value), so each string is
//   read as an HCL template by the same reader. Which JSON objects are nested
//   blocks depends on the schema: `blockTypes` says which names are blocks.
import { createRequire } from 'node:module';
import { validate } from '../node/index.mjs';
import { readJsonTree } from './documents.mjs';

const require = createRequire(import.meta.url);
let reader;

/** The HCL reader's readHcl, loaded on first use (it is 250 KB of wasm). */
function readHcl(text) {
  reader ??= require('./hcl_reader.cjs');
  return JSON.parse(reader.readHcl(text));
}

/**
 * Reads HCL native syntax: `{ body }` or `{ error: { message, line, column, tooLarge? } }`.
 * Never throws for bad input: nesting deeper than 64 levels is a syntax error
 * of the reader (hcl-edit's bound), not a stack overflow; objects too large
 * to parse in seconds are `tooLarge` (the reader's bound, crates/hcl-reader/src/size.rs).
 */
export function readNative(text) {
  const result = readHcl(text);
  if (!result.ok) return { error: { message: result.message, line: result.line, column: result.column, ...(result.tooLarge && { tooLarge: true }) } };
  return { body: result.body };
}

/**
 * A JSON string's template text as an HCL quoted string: its literal text
 * escaped as a quoted string's (JSON's \b and \f are no HCL escapes,
 * \u0008 and \u000c are), the insides of `${…}` and `%{…}` left as written,
 * for they are HCL source (`"${var.env == \"prod\"}"` in JSON is the
 * expression `var.env == "prod"`: terraform console 1.11.4). Undefined when
 * a sequence does not close.
 */
function quotedSource(text) {
  const escaped = (literal) => JSON.stringify(literal).slice(1, -1).replace(/\\(.)/g, (escape, c) => (c === 'b' ? '\\u0008' : c === 'f' ? '\\u000c' : escape));
  let out = '';
  let from = 0;
  let at = 0;
  while (at < text.length) {
    if (text.startsWith('$${', at) || text.startsWith('%%{', at)) at += 3;
    else if (text.startsWith('${', at) || text.startsWith('%{', at)) {
      const end = sequenceEnd(text, at + 2, 0);
      if (end < 0) return undefined;
      out += escaped(text.slice(from, at)) + text.slice(at, end);
      from = end;
      at = end;
    } else at += 1;
  }
  return `"${out}${escaped(text.slice(from))}"`;
}

/**
 * Where the `${…}` or `%{…}` whose inside starts at `from` ends (just past
 * its `}`), as HCL source: braces counted, quoted strings (with their
 * escapes and their own sequences) skipped; -1 when it does not close.
 */
function sequenceEnd(text, from, depth) {
  if (depth > 64) return -1;
  let braces = 1;
  let at = from;
  while (at < text.length) {
    const c = text[at];
    if (c === '{') braces += 1;
    else if (c === '}') {
      braces -= 1;
      if (braces === 0) return at + 1;
    } else if (c === '"') {
      // A quoted string inside: to its closing quote.
      at += 1;
      while (at < text.length && text[at] !== '"') {
        if (text[at] === '\\') at += 2;
        else if (text.startsWith('$${', at) || text.startsWith('%%{', at)) at += 3;
        else if (text.startsWith('${', at) || text.startsWith('%{', at)) {
          at = sequenceEnd(text, at + 2, depth + 1);
          if (at < 0) return -1;
        } else at += 1;
      }
      if (at >= text.length) return -1;
    }
    at += 1;
  }
  return -1;
}

/** An HCL template read from a JSON string (`"${aws_s3_bucket.b.arn}/x"`); the string when it has no template sequences. */
function templateOf(text, line, column) {
  const literal = { k: 'string', line, column, src: JSON.stringify(text), v: text };
  if (!text.includes('${') && !text.includes('%{')) return literal;
  const quoted = quotedSource(text);
  const result = quoted === undefined ? { ok: false } : readHcl(`x = ${quoted}`);
  if (!result.ok) return { k: 'other', line, column, src: text };
  const expr = result.body[0]?.value;
  if (!expr) return literal;
  // Positions inside the string are relative to the fake line; the JSON string's own position stands for all.
  const read = placed(expr, line, column);
  // A template that is exactly one interpolation is that expression's value (as in HCL).
  if (read.k === 'template' && read.parts.length === 1 && read.parts[0].expr) return read.parts[0].expr;
  return read;
}

/**
 * A variable's `"type"` in JSON syntax: the string is read as an HCL
 * expression, not a template (`"list(string)"` is list(string); Terraform
 * rejects `"${string}"`: terraform console 1.11.4, "Invalid type
 * specification"); anything but one expression is `other` (no type this
 * command converts to, so the variable stays unknown).
 */
function typeOf(text, line, column) {
  const other = { k: 'other', line, column, src: text };
  if (text.includes('${') || text.includes('%{')) return other;
  const result = readHcl(`x = ${text}\n`);
  if (!result.ok || result.body.length !== 1 || result.body[0].t !== 'attr') return other;
  return placed(result.body[0].value, line, column);
}

/** `node` (the reader's output) with every position moved to `line`, `column`. */
function placed(node, line, column) {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => placed(item, line, column));
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'line' ? line : key === 'column' ? column : placed(value, line, column);
  return out;
}

/** Thrown while a JSON file is read: a position and why Terraform rejects the file there. */
class Rejected {
  constructor(message, { line, column }) {
    this.error = { message, line, column, terraform: true };
  }
}

/**
 * Reads JSON syntax: `{ body }` or `{ error }`. `blockTypes(path, name)`
 * tells whether the member `name` of a block at `path` (an array of
 * enclosing block types) is a nested block; `knowsBlocksOf(path)` whether
 * it knows every block type there (else a repeated member is not refused). `variables`: the file is a
 * terraform.tfvars.json or *.auto.tfvars.json, one object of variable name ->
 * value; Terraform reads its values without an evaluation context, so its
 * strings are literal (never templates).
 *
 * A member repeated in one JSON object is read as Terraform reads it
 * (terraform validate, v1.11.4): a block type or a block label repeated
 * gives each its blocks (`"options"` twice is two options blocks); an
 * argument repeated in a block whose block types are all known, or a variable in a .tfvars.json file, is
 * Terraform's "Duplicate argument", and a key repeated in an object value
 * (`"tags": {"a": "1", "a": "2"}`) its "Duplicate object attribute": the
 * file is rejected, at the later one.
 */
export function readJsonSyntax(text, blockTypes, { variables = false, knowsBlocksOf = () => true } = {}) {
  const checked = validate(text);
  const syntax = checked.errors.find((d) => d.code === 'json/syntax-error' || d.code === 'json/too-deep');
  if (syntax) {
    const { line = 1, column = 1 } = syntax.params ?? {};
    const message =
      syntax.code === 'json/too-deep'
        ? 'objects or arrays nest more than 64 levels deep'
        : syntax.message.replace(/^The request is not valid JSON:\s*/, '').replace(/\s*at line \d+, column \d+\.?$/, '');
    return { error: { message, line, column } };
  }
  // The tree keeps repeated members, in order, and numbers as written (documents.mjs, the one JSON scanner).
  const tree = readJsonTree(text);
  if (!tree.complete) return { error: { message: 'not read as JSON', ...tree.stop, terraform: true } };
  try {
    return readTerraformJson(tree.value, blockTypes, variables, knowsBlocksOf);
  } catch (error) {
    if (error instanceof Rejected) return { error: error.error };
    throw error;
  }
}

const isObjectNode = (node) => node.members !== undefined;
const placeOf = ({ line, column }) => `line ${line}, column ${column}`;

/** Throws Rejected at the second of two members of `node` named alike by `nameOf` (skipping those it gives undefined). */
function refuseRepeated(members, nameOf, message) {
  const seen = new Map();
  for (const [key, , place] of members) {
    const name = nameOf(key);
    if (name === undefined) continue;
    if (seen.has(name)) throw new Rejected(message(key, seen.get(name)), place);
    seen.set(name, place);
  }
}

/** The blocks of a JSON configuration file (or a .tfvars.json file's values) from its tree. */
function readTerraformJson(root, blockTypes, variables, knowsBlocksOf) {
  if (!isObjectNode(root)) return { error: { message: 'a Terraform JSON file holds one object', line: 1, column: 1 } };
  const at = (node) => ({ line: node.line, column: node.column });
  // `literal`: strings are values, never templates (a tfvars file, a variable's default).
  const expr = (node, literal = variables) => {
    const { line, column } = node;
    if (typeof node.v === 'string') return literal ? { k: 'string', line, column, src: JSON.stringify(node.v), v: node.v } : templateOf(node.v, line, column);
    if (node.number !== undefined) return { k: 'number', line, column, src: node.number, v: node.number };
    if (typeof node.v === 'boolean') return { k: 'bool', line, column, src: String(node.v), v: node.v };
    if (node.v === null) return { k: 'null', line, column, src: 'null' };
    if (node.items) return { k: 'array', line, column, src: '[…]', items: node.items.map((item) => expr(item, literal)) };
    // A property name is a string template too (HCL JSON spec, "Objects"): `{"${var.k}": 1}` has var.k's value as key.
    // A key that is one interpolation of a quoted string (`"${\"team\"}"`) is that string, "team" (terraform plan
    // 1.11.4: `+ "team" = "x"`); other templates' keys are not known here. Two keys alike (in NFC, as Terraform's
    // strings are; "team" and `"${\"team\"}"` too) are an error ("Duplicate object attribute"). Not "//": an
    // object read here may be a block of a schema this command does not hold, where "//" is a comment that may repeat.
    const names = new Map(node.members.map(([key, , place]) => [key, literal ? { k: 'string', v: key } : templateOf(key, place.line, place.column)]));
    const known = (key) => (names.get(key).k === 'string' ? names.get(key).v : undefined);
    refuseRepeated(node.members, (key) => (key === '//' ? undefined : known(key)?.normalize('NFC')), (key, first) => `Duplicate object attribute: "${known(key)}" is already defined at ${placeOf(first)} (Terraform rejects the file)`);
    const items = node.members.map(([key, member, place]) => {
      const name = names.get(key);
      return { key: name.k === 'string' ? name.v : name, ...place, value: expr(member, literal) };
    });
    return { k: 'object', line, column, src: '{…}', items };
  };
  const isObject = (node) => node.members !== undefined;
  // A block type's member is one object (one block) or an array of objects (one block each, none for []).
  const blockLike = (node) => isObject(node) || (node.items !== undefined && node.items.every(isObject));
  const objects = (node) => (isObject(node) ? [node] : blockLike(node) ? node.items : []);
  const argument = (message) => (key, first) => `${message}: "${key}" is already set at ${placeOf(first)} (Terraform rejects the file)`;
  // A block's body: each member is an attribute, or (for block types) one block per object.
  const body = (object, path) => {
    const out = [];
    const isBlock = ([name, member]) => name === '//' || (name === 'dynamic' && path.length >= 2 && path[0] === 'resource' && isObject(member)) || (blockTypes(path, name) && blockLike(member));
    // Only where every block type of this body is known: elsewhere a repeated
    // member may be a block Terraform reads twice (a data source's "statement").
    if (knowsBlocksOf(path)) {
      refuseRepeated(
        object.members.filter((m) => !isBlock(m)),
        (key) => key,
        argument('Duplicate argument'),
      );
    }
    for (const [name, member, place] of object.members) {
      if (name === '//') continue; // a comment in Terraform's JSON syntax
      const { line, column } = place;
      // "dynamic": { "includes": { "for_each": …, "content": {…} } } in a
      // resource or any block of one; an array of objects is one dynamic
      // block each. Its "content" is a block whose members are read as the
      // block type it makes (so dynamic blocks nest); the rest are arguments.
      if (name === 'dynamic' && path.length >= 2 && path[0] === 'resource' && isObject(member)) {
        for (const [label, inner] of member.members) {
          const specs = inner.items ? inner.items : [inner];
          for (const spec of specs) {
            const parts = [];
            const members = isObject(spec) ? spec.members : [];
            refuseRepeated(
              members.filter(([key, part]) => key !== '//' && !(key === 'content' && objects(part).length > 0)),
              (key) => key,
              argument('Duplicate argument'),
            );
            for (const [key, part, partPlace] of members) {
              if (key === '//') continue;
              const contents = key === 'content' ? objects(part) : [];
              if (contents.length === 0) parts.push({ t: 'attr', name: key, ...partPlace, value: expr(part) });
              for (const content of contents) parts.push({ t: 'block', type: 'content', labels: [], ...at(content), body: body(content, [...path, label]) });
            }
            out.push({ t: 'block', type: 'dynamic', labels: [label], ...at(spec), body: parts });
          }
        }
        continue;
      }
      if (blockTypes(path, name) && blockLike(member)) {
        for (const item of objects(member)) out.push({ t: 'block', type: name, labels: [], line, column, body: body(item, [...path, name]) });
      } else {
        // A variable's default is a literal value in JSON syntax: "${x}" stays "${x}" (terraform console, v1.11.4).
        const literal = name === 'default' && path.length === 2 && path[0] === 'variable';
        const type = name === 'type' && path.length === 2 && path[0] === 'variable' && typeof member.v === 'string' && !variables;
        out.push({ t: 'attr', name, line, column, value: type ? typeOf(member.v, line, column) : expr(member, literal || variables) });
      }
    }
    return out;
  };
  if (variables) {
    refuseRepeated(root.members, (key) => key, argument('Duplicate attribute definition'));
    return { body: root.members.map(([name, member, place]) => ({ t: 'attr', name, ...place, value: expr(member) })) };
  }
  // The top level: `resource`, `variable`, `module`, … map labels to bodies.
  const LABELS = { resource: 2, data: 2, variable: 1, module: 1, output: 1, provider: 1, locals: 0, terraform: 0 };
  const top = [];
  for (const [type, member, place] of root.members) {
    const depth = LABELS[type];
    if (depth === undefined || !(isObject(member) || member.items)) continue;
    const walk = (node, labels) => {
      if (labels.length === depth) {
        for (const item of node.items ?? [node]) {
          if (!isObject(item)) continue;
          const where = labels.length ? at(node) : place;
          top.push({ t: 'block', type, labels, ...where, body: body(item, [type, ...labels.slice(0, 1)]) });
        }
        return;
      }
      if (!isObject(node)) return;
      for (const [label, child] of node.members) walk(child, [...labels, label]);
    };
    walk(member, []);
  }
  return { body: top };
}
