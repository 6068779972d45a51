// Reads Terraform files into one shape, whatever their syntax:
//   a body is [{ t: 'attr', name, line, column, value: EXPR } | { t: 'block', type, labels, line, column, body }]
//   an EXPR is what crates/hcl-reader writes (see its crate docs): { k, line, column, src, ... }
// - HCL native syntax (.tf, .tfvars) is read by crates/hcl-reader, hcl-edit
//   compiled to a small .wasm of its own next to this file (never part of the
//   browser package).
// - JSON syntax (.tf.json, .tfvars.json) is read with readJson for positions;
//   its strings are templates in Terraform ("${var.x}"; not in a variable's
//   default, which is a literal value), so each string is
//   read as an HCL template by the same reader. Which JSON objects are nested
//   blocks depends on the schema: `blockTypes` says which names are blocks.
import { createRequire } from 'node:module';
import { validate } from '../node/index.mjs';
import { escapeSegment, positionOf, readJson } from './documents.mjs';

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

/** An HCL template read from a JSON string (`"${aws_s3_bucket.b.arn}/x"`); the string when it has no template sequences. */
function templateOf(text, line, column) {
  const literal = { k: 'string', line, column, src: JSON.stringify(text), v: text };
  if (!text.includes('${') && !text.includes('%{')) return literal;
  // As an HCL quoted string: JSON's \b and \f are no HCL escapes, \u0008 and \u000c are.
  const quoted = JSON.stringify(text).replace(/\\(.)/g, (escape, c) => (c === 'b' ? '\\u0008' : c === 'f' ? '\\u000c' : escape));
  const result = readHcl(`x = ${quoted}`);
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

/**
 * Reads JSON syntax: `{ body, positions }` or `{ error }`. `blockTypes(path)`
 * tells whether the member `name` of the object at `path` (an array of
 * enclosing block types) is a nested block. `variables`: the file is a
 * terraform.tfvars.json or *.auto.tfvars.json, one object of variable name ->
 * value; Terraform reads its values without an evaluation context, so its
 * strings are literal (never templates).
 */
export function readJsonSyntax(text, blockTypes, { variables = false } = {}) {
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
  const { value, positions } = readJson(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: { message: 'a Terraform JSON file holds one object', line: 1, column: 1 } };
  }
  const at = (pointer) => positionOf(positions, pointer);
  // `literal`: strings are values, never templates (a tfvars file, a variable's default).
  const expr = (node, pointer, literal = variables) => {
    const { line, column } = at(pointer);
    if (typeof node === 'string') return literal ? { k: 'string', line, column, src: JSON.stringify(node), v: node } : templateOf(node, line, column);
    if (typeof node === 'bigint' || typeof node === 'number') return { k: 'number', line, column, src: String(node), v: String(node) };
    if (typeof node === 'boolean') return { k: 'bool', line, column, src: String(node), v: node };
    if (node === null) return { k: 'null', line, column, src: 'null' };
    if (Array.isArray(node)) return { k: 'array', line, column, src: '[…]', items: node.map((item, i) => expr(item, `${pointer}/${i}`, literal)) };
    // A property name is a string template too (HCL JSON spec, "Objects"): `{"${var.k}": 1}` has var.k's value as key.
    const items = Object.entries(node).map(([key, member]) => {
      const child = `${pointer}/${escapeSegment(key)}`;
      const place = at(child);
      const name = literal ? key : templateOf(key, place.line, place.column);
      return { key: name.k === 'string' ? key : name, ...place, value: expr(member, child, literal) };
    });
    return { k: 'object', line, column, src: '{…}', items };
  };
  // A block's body: each member is an attribute, or (for block types) one block per object.
  const body = (object, pointer, path) => {
    const out = [];
    for (const [name, member] of Object.entries(object)) {
      if (name === '//') continue; // a comment in Terraform's JSON syntax
      const child = `${pointer}/${escapeSegment(name)}`;
      const { line, column } = at(child);
      const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
      // "dynamic": { "includes": { "for_each": …, "content": {…} } } in a
      // resource or any block of one; an array of objects is one dynamic
      // block each. Its "content" is a block whose members are read as the
      // block type it makes (so dynamic blocks nest); the rest are arguments.
      if (name === 'dynamic' && path.length >= 2 && path[0] === 'resource' && isObject(member)) {
        for (const [label, inner] of Object.entries(member)) {
          const labelPointer = `${child}/${escapeSegment(label)}`;
          const specs = Array.isArray(inner) ? inner.map((m, i) => [m, `${labelPointer}/${i}`]) : [[inner, labelPointer]];
          for (const [spec, specPointer] of specs) {
            const parts = [];
            for (const [key, part] of Object.entries(isObject(spec) ? spec : {})) {
              if (key === '//') continue;
              const partPointer = `${specPointer}/${escapeSegment(key)}`;
              const contents = key !== 'content' ? [] : isObject(part) ? [[part, partPointer]] : Array.isArray(part) && part.every(isObject) ? part.map((m, i) => [m, `${partPointer}/${i}`]) : [];
              if (contents.length === 0) parts.push({ t: 'attr', name: key, ...at(partPointer), value: expr(part, partPointer) });
              for (const [content, contentPointer] of contents) parts.push({ t: 'block', type: 'content', labels: [], ...at(contentPointer), body: body(content, contentPointer, [...path, label]) });
            }
            out.push({ t: 'block', type: 'dynamic', labels: [label], ...at(specPointer), body: parts });
          }
        }
        continue;
      }
      if (blockTypes(path, name) && (isObject(member) || (Array.isArray(member) && member.every(isObject)))) {
        const items = Array.isArray(member) ? member.map((m, i) => [m, `${child}/${i}`]) : [[member, child]];
        for (const [item, itemPointer] of items) {
          out.push({ t: 'block', type: name, labels: [], line, column, body: body(item, itemPointer, [...path, name]) });
        }
      } else {
        // A variable's default is a literal value in JSON syntax: "${x}" stays "${x}" (terraform console, v1.11.4).
        const literal = name === 'default' && path.length === 2 && path[0] === 'variable';
        const type = name === 'type' && path.length === 2 && path[0] === 'variable' && typeof member === 'string' && !variables;
        out.push({ t: 'attr', name, line, column, value: type ? typeOf(member, line, column) : expr(member, child, literal || variables) });
      }
    }
    return out;
  };
  if (variables) {
    const values = [];
    for (const [name, member] of Object.entries(value)) {
      const pointer = `/${escapeSegment(name)}`;
      values.push({ t: 'attr', name, ...at(pointer), value: expr(member, pointer) });
    }
    return { body: values };
  }
  // The top level: `resource`, `variable`, `module`, … map labels to bodies.
  const LABELS = { resource: 2, data: 2, variable: 1, module: 1, output: 1, provider: 1, locals: 0, terraform: 0 };
  const top = [];
  for (const [type, member] of Object.entries(value)) {
    if (type === '//') continue;
    const pointer = `/${escapeSegment(type)}`;
    const { line, column } = at(pointer);
    const depth = LABELS[type];
    if (depth === undefined || member === null || typeof member !== 'object') continue;
    const walk = (node, labels, nodePointer) => {
      if (labels.length === depth) {
        const items = Array.isArray(node) ? node.map((n, i) => [n, `${nodePointer}/${i}`]) : [[node, nodePointer]];
        for (const [item, itemPointer] of items) {
          if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
          const where = labels.length ? at(nodePointer) : { line, column };
          top.push({ t: 'block', type, labels, ...where, body: body(item, itemPointer, [type, ...labels.slice(0, 1)]) });
        }
        return;
      }
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      for (const [label, child] of Object.entries(node)) walk(child, [...labels, label], `${nodePointer}/${escapeSegment(label)}`);
    };
    walk(member, [], pointer);
  }
  return { body: top };
}
