// --fix: applies the validator's fixes (each diagnostic's `fix`, RFC 6902
// operations on the request) to a JSON or YAML request file by editing the
// text at the spans of the values and keys involved, so that formatting,
// comments and member order stay as they were. Templates and other documents
// are never changed: their values may be deploy-time expressions.
//
// Fixes are applied one at a time: validate, take the first diagnostic whose
// fix can be placed, edit, and check the result: the new text must read as
// exactly the old value with that patch applied, or the fix is skipped. Then
// validate again (a fix may reveal another), up to MAX_FIXES fixes a file.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { validate } from '../node/index.mjs';
import { withContext } from './context.mjs';
import { parseYaml, positionOf, readJson, requestText, setMember, toJsonText } from './documents.mjs';

/** The most fixes applied to one file (each needs a reading and a validation). */
export const MAX_FIXES = 100;

/** RFC 6901: "/a~1b/c" -> ["a/b", "c"]. */
export function segmentsOf(pointer) {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies a patch to a plain value (a copy), as RFC 6902 defines add, replace and move. */
export function applyPatch(value, patch) {
  const root = structuredClone(value);
  const parentOf = (pointer) => {
    const names = segmentsOf(pointer);
    const last = names.pop();
    let node = root;
    for (const name of names) node = node?.[name];
    if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new Error(`no object holds ${pointer}`);
    return { node, last };
  };
  for (const op of patch) {
    if (op.op === 'replace' || op.op === 'add') {
      const { node, last } = parentOf(op.path);
      if (op.op === 'replace' && !Object.hasOwn(node, last)) throw new Error(`replace: ${op.path} is not set`);
      setMember(node, last, op.value);
    } else if (op.op === 'move') {
      const from = parentOf(op.from);
      if (!Object.hasOwn(from.node, from.last)) throw new Error(`move: ${op.from} is not set`);
      const moved = from.node[from.last];
      delete from.node[from.last];
      const to = parentOf(op.path);
      setMember(to.node, to.last, moved);
    } else {
      throw new Error(`unsupported operation ${op.op}`);
    }
  }
  return root;
}

// ---------------------------------------------------------------------------
// Text edits
// ---------------------------------------------------------------------------

/**
 * The pair (`key` and `value` nodes; `key` null for a list item) a pointer
 * names in a parsed document, or undefined when it names none or is ambiguous.
 */
function pairAt(doc, pointer) {
  const names = segmentsOf(pointer);
  let node = doc.contents;
  let pair;
  for (const name of names) {
    if (isMap(node)) {
      const matches = node.items.filter((item) => isScalar(item.key) && String(item.key.value) === name);
      if (matches.length !== 1) return undefined;
      [pair] = matches;
      node = pair.value;
    } else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(name)) {
      node = node.items[Number(name)];
      pair = { key: null, value: node };
    } else {
      return undefined;
    }
  }
  return pair;
}

/** The map node a pointer names. */
function mapAt(doc, pointer) {
  if (pointer === '') return isMap(doc.contents) ? doc.contents : undefined;
  const pair = pairAt(doc, pointer);
  return pair && isMap(pair.value) ? pair.value : undefined;
}

/** A plain YAML scalar that reads back as exactly `text` (a string). */
function plainYaml(text) {
  if (!/^[A-Za-z0-9_/(][A-Za-z0-9_ ?*#/(),.:-]*$/.test(text) || /: |\s#|\s$/.test(text)) return undefined;
  const doc = parseDocument(`k: ${text}\n`, { version: '1.2' });
  return doc.errors.length === 0 && doc.get('k') === text ? text : undefined;
}

/** `value` written for the document, in the style of the scalar it replaces when it can be. */
function scalarText(value, { json, like }) {
  if (json || typeof value !== 'string') return JSON.stringify(value);
  if (like?.type === 'PLAIN') {
    const plain = plainYaml(value);
    if (plain !== undefined) return plain;
  }
  if (like?.type === 'QUOTE_SINGLE' && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar
}

/** The column (0-based) of `offset` in `text`. */
function columnOf(text, offset) {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Where a scalar's own text ends. A block scalar's (`|`, `>-`) range runs on
 * over the line break after its last line; replaced with a one-line scalar,
 * that line break must stay, or the next member would join its line (and the
 * fix would not read back) or the file would lose its last line break.
 */
function valueEnd(text, node) {
  const [start, end] = node.range;
  if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return end;
  return start + text.slice(start, end).replace(/[ \t\r\n]+$/, '').length;
}

/** The text edits `{ start, end, text }` for one fix, or undefined when it cannot be placed. */
function editsFor(doc, text, patch, json) {
  const edits = [];
  for (const op of patch) {
    if (op.op === 'replace') {
      const node = pairAt(doc, op.path)?.value;
      if (!isScalar(node) || !node.range) return undefined;
      edits.push({ start: node.range[0], end: valueEnd(text, node), text: scalarText(op.value, { json, like: node }) });
    } else if (op.op === 'move') {
      const from = segmentsOf(op.from);
      const to = segmentsOf(op.path);
      // Only renames: the same object before and after.
      if (from.length !== to.length || from.slice(0, -1).join('/') !== to.slice(0, -1).join('/')) return undefined;
      const key = pairAt(doc, op.from)?.key;
      if (!isScalar(key) || !key.range) return undefined;
      edits.push({ start: key.range[0], end: key.range[1], text: scalarText(to.at(-1), { json, like: key }) });
    } else if (op.op === 'add') {
      const names = segmentsOf(op.path);
      const name = names.pop();
      const parentPointer = names.length ? `/${names.map((n) => n.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
      const map = mapAt(doc, parentPointer);
      const first = map?.items[0];
      if (!first || !isScalar(first.key) || !first.key.range || !first.value?.range) return undefined;
      const keyText = scalarText(name, { json, like: first.key });
      const valueText = scalarText(op.value, { json, like: isScalar(first.value) ? first.value : undefined });
      const start = first.key.range[0];
      // The first member's key-value separator when it is only a colon and spaces.
      const between = text.slice(first.key.range[1], first.value.range[0]);
      const colon = /^[ \t]*:[ \t]*$/.test(between) && (json || map.flow || /[ \t]$/.test(between)) ? between : ': ';
      if (json || map.flow) {
        // Before the first member, with the same separators: `"Atime": "NONE",` + the space that led to it.
        const lead = text.slice(text.lastIndexOf('{', start) + 1, start);
        // The line break and indentation before the first member (no comment), or its spaces.
        const separator = lead.includes('\n') ? lead.slice(lead.lastIndexOf('\n')) : lead || (json ? '' : ' ');
        edits.push({ start, end: start, text: `${keyText}${colon}${valueText},${separator}` });
      } else {
        // A block mapping: a line of its own at the first key's indentation.
        edits.push({ start, end: start, text: `${keyText}${colon}${valueText}\n${' '.repeat(columnOf(text, start))}` });
      }
    } else {
      return undefined;
    }
  }
  return edits;
}

// ---------------------------------------------------------------------------
// The passes
// ---------------------------------------------------------------------------

/** `value` with every object's members sorted, so that member order does not count. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) setMember(out, key, canonical(value[key]));
  return out;
}

/** The request value of a request file's text, as the report reads it. */
function readRequest(text, json) {
  return json ? readJson(text).value : parseYaml(text, { version: '1.2' }).value ?? null;
}

/**
 * Validates request text (JSON as is; YAML through the JSON text of its reading, as the report does) as `operation`'s
 * request, with the described locations and task (`context`, --locations and --task) as the report has them; `value` is
 * the request as read, whose TaskArn picks the described task.
 */
function diagnosticsOf(text, value, json, operation, context) {
  const settings = withContext(operation === 'CreateTask' ? undefined : { operation }, context, value);
  const result = validate(json ? text : requestText(parseYaml(text, { version: '1.2' })), settings);
  return [...result.errors, ...result.warnings];
}

/**
 * Applies every fix the validator offers for a request file's `text`
 * (`syntax` 'json' or 'yaml'). Returns `{ text, fixed }`: the new text (the
 * same string when nothing changed) and what was fixed, in the order applied:
 * `[{ code, path, message, fix }]` from the diagnostics as they were reported.
 * `wanted(code)` says which codes may be fixed: those the configuration
 * ignores or suppresses for this file are never acted on. `operation` is the
 * request's (CreateTask, UpdateTask or StartTaskExecution); with `keeps(value)`
 * (the file's operation is told by its members), a fix whose result would be
 * told as another operation is not applied (no fix does that today: a rename
 * goes to a member of the same operation). `context`: the described
 * locations and tasks (context.mjs), so that a fix the report offers because
 * of them is applied too.
 */
export function fixRequestText(text, syntax, wanted = () => true, { operation = 'CreateTask', keeps = () => true, context = null } = {}) {
  const json = syntax === 'json';
  const fixed = [];
  const skipped = new Set(); // fixes that could not be placed or checked
  let current = text;
  while (fixed.length < MAX_FIXES) {
    let value;
    let doc;
    let diagnostics;
    try {
      value = readRequest(current, json);
      doc = parseDocument(current, { version: '1.2', uniqueKeys: true, strict: false });
      diagnostics = diagnosticsOf(current, value, json, operation, context);
    } catch {
      break; // unreadable now: the report says why
    }
    if (doc.errors.length > 0) break;
    let next;
    for (const d of diagnostics) {
      if (!Array.isArray(d.fix) || d.fix.length === 0 || !wanted(d.code)) continue;
      const key = JSON.stringify([d.code, d.path, d.fix]);
      if (skipped.has(key)) continue;
      next = placed(current, doc, value, d.fix, json, keeps);
      if (next === undefined) {
        skipped.add(key);
        continue;
      }
      fixed.push({ code: d.code, path: d.path, message: d.message, fix: d.fix });
      break;
    }
    if (next === undefined) break;
    current = next;
  }
  return { text: current, fixed };
}

/**
 * `text` with `patch` applied as text edits, or undefined when the edits
 * cannot be placed or the result would not read as `value` with the patch
 * applied (and nothing else changed), or `keeps` refuses that value.
 */
function placed(text, doc, value, patch, json, keeps) {
  const edits = editsFor(doc, text, patch, json);
  if (!edits) return undefined;
  let next = text;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  }
  try {
    const patched = applyPatch(value, patch);
    const expected = toJsonText(canonical(patched));
    const actual = toJsonText(canonical(readRequest(next, json)));
    return expected === actual && keeps(patched) ? next : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

/** One line saying what a fix changed, e.g. `VerifyMode set to "NONE"`. */
export function describeFix(patch) {
  const name = (pointer) => segmentsOf(pointer).at(-1) ?? 'the request';
  return patch
    .map((op) => {
      if (op.op === 'move') return `${name(op.from)} renamed ${name(op.path)}`;
      if (op.op === 'add') return `${name(op.path)} added as ${JSON.stringify(op.value)}`;
      return `${name(op.path)} set to ${JSON.stringify(op.value)}`;
    })
    .join('; ');
}

/**
 * Fixes the request file at `path` whose text is `text` (as read, a byte order
 * mark included) and writes it back in place, whole or not at all (a
 * temporary file beside it, with its mode, renamed over it). Returns
 * `{ text, fixed, error? }`: the text now in the file (without a byte order
 * mark), the fixes applied, and why the file could not be written (it is
 * then unchanged and `fixed` is empty). `operation`: `{ operation, keeps, context }`
 * as for fixRequestText.
 */
export function fixFile(path, text, syntax, writeWhole, wanted = () => true, operation = {}) {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const result = fixRequestText(body, syntax, wanted, operation);
  if (result.fixed.length === 0) return { text: body, fixed: [] };
  const error = writeWhole(path, bom + result.text);
  return error ? { text: body, fixed: [], error } : result;
}

/**
 * For a fixed request's text, a function giving a fix's `{ line, column }`:
 * where the member it changed now is (a renamed member under its new name).
 */
export function positionsOf(text, syntax) {
  let positions;
  try {
    positions = syntax === 'json' ? readJson(text).positions : parseYaml(text, { version: '1.2' }).positions;
  } catch {
    positions = new Map();
  }
  return ({ fix, path }) => {
    const moved = fix.find((op) => op.op === 'move');
    const { line, column } = positionOf(positions, moved ? moved.path : path);
    return { line, column };
  };
}
