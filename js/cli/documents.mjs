// Reads a JSON or YAML document into plain values plus a map from JSON Pointer
// to source position, so that a diagnostic's pointer can be turned into a line
// and column. JSON is read by readJson() in one scan of the text, the way the
// `yaml` package reads it; YAML is parsed by that package with CloudFormation's
// short-form tags registered; this module turns each tagged node into the
// long form CloudFormation itself uses (`!Ref X` -> {"Ref": "X"},
// `!GetAtt A.B` -> {"Fn::GetAtt": ["A", "B"]}, `!Sub s` -> {"Fn::Sub": s}, ...).
//
// Values: mappings become plain objects (own "__proto__" keys included),
// sequences arrays, integers BigInt (so 64-bit values survive), other numbers
// numbers. Each YAML scalar's original spelling is kept in `scalars` for the
// CloudFormation type conversions (see cloudformation.mjs).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq } from 'yaml';

/** CloudFormation's short-form tags and the long-form key each stands for. */
export const SHORT_FORM_TAGS = new Map(
  [
    'Ref',
    'Condition',
    'Base64',
    'Cidr',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'ImportValue',
    'Join',
    'Select',
    'Split',
    'Sub',
    'Transform',
    'If',
    'Equals',
    'And',
    'Or',
    'Not',
    'ToJsonString',
    'Length',
  ].map((name) => ['!' + name, name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`]),
);

// Each tag may be written on a scalar, a sequence or a mapping (`!Sub` takes a
// string or a list, `!If` a list, `!Transform` a mapping). The parser keeps the
// node; toValue() below builds the long form, so source positions survive.
const CUSTOM_TAGS = [...SHORT_FORM_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (text) => text },
  { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq) => seq },
  { tag, collection: 'map', nodeClass: YAMLMap, resolve: (map) => map },
]);

/**
 * The schema's tags with YAML 1.1's timestamp read as text: CloudFormation has
 * no timestamp type and passes an unquoted `2025-06-30` on as the text written
 * (YAML 1.2's core schema has no timestamp either). An explicit `!!timestamp`
 * is the text written too, in both versions: without a tag of that name, the
 * parser leaves it unresolved in 1.1 (text) but resolves it in 1.2 from its
 * known tags (a Date, or an error for text that is not a date).
 */
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const TIMESTAMP_AS_TEXT = { tag: TIMESTAMP, resolve: (text) => text };
const withTimestampsAsText = (extra) => (tags) => [...tags.filter((tag) => tag.tag !== TIMESTAMP), TIMESTAMP_AS_TEXT, ...extra];

// ---------------------------------------------------------------------------
// Request files: read as the AWS CLI v2 reads `--cli-input-yaml`
// ---------------------------------------------------------------------------
//
// The AWS CLI loads a request's YAML with ruamel.yaml's safe loader (YAML 1.2
// plus merge keys `<<` and timestamps) and hands the result to botocore, which
// checks each value's Python type. The tags below make the `yaml` package type
// plain scalars as that loader does (its resolver's patterns; the answers for
// a table of spellings are in tests/cli/documents/ruamel/scalars.json), so
// that `1_048_576` is an integer, `1e6` a float and `2026-01-01` a date.

const BOOL = 'tag:yaml.org,2002:bool';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const MERGE = 'tag:yaml.org,2002:merge';

/**
 * A scalar the loader reads as a type JSON has no room for, or loses: a float
 * (`1.0` is a float, not the integer JSON would make it), a date or a
 * timestamp. `value` is a number for a float and the text written otherwise.
 */
class Typed {
  constructor(type, value) {
    this.type = type;
    this.value = value;
  }

  toString() {
    return String(this.value);
  }
}

const IMPLICIT_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const IMPLICIT_INT = /^(?=[-+0-9])(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const IMPLICIT_FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const IMPLICIT_TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;
/** What `!!timestamp` accepts: the time is optional, the date's month and day may have one digit. */
const TIMESTAMP_PARTS =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+]([0-9]{1,2})(?::[0-9]{2})?))?)?$/;
const BOOL_WORDS = new Map([['yes', true], ['no', false], ['y', true], ['n', false], ['true', true], ['false', false], ['on', true], ['off', false]]);

/** `!!bool` as the loader reads it: yes, no, on, off, y, n, true or false in any case. */
function boolOf(text, onError) {
  const value = BOOL_WORDS.get(text.toLowerCase());
  if (value === undefined) onError(`the AWS CLI's YAML reader cannot read "${text}" as a boolean`);
  return value ?? text;
}

/** An integer as the loader reads it (underscores dropped; 0b, 0o and 0x, signed; 012 is twelve), a BigInt. */
function intOf(text, onError) {
  let digits = text.replace(/_/g, '');
  const negative = digits[0] === '-';
  if (digits[0] === '-' || digits[0] === '+') digits = digits.slice(1);
  const [prefix, pattern] = /^0[box]/.test(digits)
    ? [digits.slice(0, 2), { '0b': /^[01]+$/, '0o': /^[0-7]+$/, '0x': /^[0-9a-fA-F]+$/ }[digits.slice(0, 2)]]
    : ['', /^[0-9]+$/];
  const rest = digits.slice(prefix.length);
  if (!pattern.test(rest)) {
    onError(`the AWS CLI's YAML reader cannot read "${text}" as an integer`);
    return text;
  }
  const value = BigInt(prefix + rest);
  return negative ? -value : value;
}

/** A float as the loader reads it (underscores dropped; .inf, .nan), as a Typed float. */
function floatOf(text, onError) {
  let spelled = text.replace(/_/g, '').toLowerCase();
  const sign = spelled[0] === '-' ? -1 : 1;
  if (spelled[0] === '-' || spelled[0] === '+') spelled = spelled.slice(1);
  let value;
  if (spelled === '.inf' || spelled === 'inf' || spelled === 'infinity') value = Infinity;
  else if (spelled === '.nan' || spelled === 'nan') value = NaN;
  else if (/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?$/.test(spelled)) value = Number(spelled);
  else {
    onError(`the AWS CLI's YAML reader cannot read "${text}" as a float`);
    return text;
  }
  return new Typed('float', sign * value);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date or timestamp as the loader reads it (a real date and time, else an error), as a Typed holding the text. */
function timestampOf(text, onError) {
  const parts = TIMESTAMP_PARTS.exec(text);
  const [year, month, day, hour, minute, second, zoneHour] = (parts ?? []).slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const real =
    parts &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]) &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    zoneHour < 24;
  if (!real) {
    onError(`the AWS CLI's YAML reader cannot read "${text}" as a date: it is no date in the calendar; quote it to send it as text`);
    return text;
  }
  return new Typed(parts[4] === undefined ? 'date' : 'timestamp', text);
}

/** A resolver for a plain scalar the loader cannot construct at all. */
const refuse = (why) => (text, onError) => {
  onError(why);
  return text;
};

/**
 * The tags of a request's YAML. Each type has an implicit tag (what a plain
 * scalar's spelling resolves to) and an explicit one (`!!float 1`), which the
 * `yaml` package takes whatever the text. `<<` is a merge key where a key is
 * and an error elsewhere, `=` is an error (ruamel's `value` tag, which its safe
 * loader cannot construct).
 */
function requestTags(tags) {
  // A `%YAML 1.1` directive: the package's YAML 1.1 schema, read as before.
  if (tags.some((tag) => tag.tag === 'tag:yaml.org,2002:binary')) return withTimestampsAsText(CUSTOM_TAGS)(tags);
  const kept = tags.filter((tag) => !tag.test || tag.tag === 'tag:yaml.org,2002:null');
  return [
    ...kept,
    { tag: 'tag:yaml.org,2002:null', resolve: () => null },
    { tag: BOOL, default: true, test: IMPLICIT_BOOL, resolve: (text) => text[0] === 't' || text[0] === 'T' },
    { tag: BOOL, resolve: boolOf },
    { tag: INT, default: true, test: IMPLICIT_INT, resolve: intOf },
    { tag: INT, resolve: intOf },
    { tag: FLOAT, default: true, test: IMPLICIT_FLOAT, resolve: floatOf },
    { tag: FLOAT, resolve: floatOf },
    { tag: TIMESTAMP, default: true, test: IMPLICIT_TIMESTAMP, resolve: timestampOf },
    { tag: TIMESTAMP, resolve: timestampOf },
    'merge',
    { tag: MERGE, default: true, test: /^<<$/, resolve: refuse('the AWS CLI\'s YAML reader takes a plain << only as a merge key; quote it ("<<") to send it as text') },
    { tag: 'tag:yaml.org,2002:value', default: true, test: /^=$/, resolve: refuse('the AWS CLI\'s YAML reader cannot read a plain "=" (YAML\'s "value" key); quote it to send it as text') },
    ...CUSTOM_TAGS,
  ];
}

/**
 * The tags of a CloudFormation template: YAML 1.1, timestamps as text, the
 * short forms, and booleans as PyYAML's resolver (cfn-lint, `aws cloudformation
 * package` and `deploy`) and SnakeYAML read them: yes, no, on, off, true and
 * false in their three spellings, but not the single letters y, Y, n and N,
 * which stay strings (the `yaml` package's YAML 1.1 schema reads them as
 * booleans). An explicit `!!bool` is read as before.
 */
function templateTags(tags) {
  const implicit = (value, test) => ({ tag: BOOL, default: true, test, identify: (v) => v === value, resolve: () => value });
  return [
    ...withTimestampsAsText(CUSTOM_TAGS)(tags.filter((tag) => tag.tag !== BOOL)),
    implicit(true, /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/),
    implicit(false, /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/),
    { tag: BOOL, resolve: (text) => BOOL_WORDS.get(text.toLowerCase()) ?? /^[tT]/.test(text) },
  ];
}

/** A document that could not be parsed: `line` and `column` are 1-based. */
export class ParseError extends Error {
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function escapeSegment(segment) {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Defines a member even when it is named "__proto__". */
export function setMember(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Positions and scalars are not recorded for pointers longer than this. V8
 * hashes a string of more than 16,383 characters by its length alone, so a
 * Map holding thousands of them compares long strings on every lookup (a
 * hostile 104 KB document took minutes). No CreateTask member is nearly that
 * deep; positionOf() places such a pointer at an ancestor.
 */
const MAX_RECORDED_POINTER = 4_096;

/** Sets `map`'s entry for `pointer` unless the pointer is too long to record. */
function record(map, pointer, entry) {
  if (pointer.length <= MAX_RECORDED_POINTER) map.set(pointer, entry);
}

/**
 * The positions of a document's members: a Map pointer -> { line, column }
 * whose get() answers only for what the value holds when a member was given
 * again. The last copy of a repeated JSON member (or a YAML member that
 * replaces a merged one) is the one that counts; the readers call replaced()
 * before reading it, and from then on a position recorded earlier under that
 * member (in the ignored copy) is not given: positionOf() places its pointer
 * at the nearest member of the copy that counts, never inside the ignored one.
 * Without repeats nothing is stamped and get() is Map's.
 */
class Positions extends Map {
  #stamp = 0;
  /** Pointer -> stamp when it was given again (the latest time). */
  #replaced = new Map();
  /** Pointer -> stamp of its entry, for entries recorded after the first replaced() call. */
  #stamps = new Map();

  /** Notes that the member at `pointer` is given again: what is recorded under it so far is superseded. */
  replaced(pointer) {
    if (pointer.length <= MAX_RECORDED_POINTER) this.#replaced.set(pointer, ++this.#stamp);
  }

  set(pointer, entry) {
    if (this.#replaced.size > 0) this.#stamps.set(pointer, ++this.#stamp);
    return super.set(pointer, entry);
  }

  get(pointer) {
    const entry = super.get(pointer);
    if (entry === undefined || this.#replaced.size === 0) return entry;
    // Stale when the pointer or an ancestor was given again after this entry was recorded.
    const stamp = this.#stamps.get(pointer) ?? 0;
    for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
      if ((this.#replaced.get(at) ?? 0) > stamp) return undefined;
    }
    return entry;
  }
}

/** The most alias expansions one document may need. */
const MAX_ALIAS_EXPANSIONS = 10_000;

/**
 * The most nodes (scalars, mappings, sequences) one document may gain through
 * aliases. Bounding the count alone is not enough: 10,000 aliases to a node of
 * a thousand items build ten million. Real templates share a few small nodes.
 */
const MAX_ALIASED_NODES = 100_000;

/**
 * The key node of the first repeated key in the document (the one nearest its
 * start), or null. Keys are the same as the `yaml` package's uniqueKeys option
 * judges them (scalars with the same value: `a` and "a", `1` and `01`; a
 * collection or alias only equals itself), found with a Set per mapping: that
 * option compares each key with every earlier one, minutes for a mapping of
 * 40,000 keys. Iterative, so that depth costs no stack.
 */
function firstRepeatedKey(root, mergeKeys = false) {
  let first = null;
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const keys = new Set();
      for (const pair of node.items) {
        const { key } = pair;
        if (isScalar(key)) {
          // A merge key is the key "<<" (the AWS CLI's reader refuses two); a
          // float or a date is its value.
          const value = typeof key.value === 'symbol' && mergeKeys ? '<<' : key.value instanceof Typed ? key.value.value : key.value;
          // NaN is not equal to itself, but a Set finds it.
          if (keys.has(value) && !Number.isNaN(value) && (first === null || key.range[0] < first.range[0])) first = key;
          keys.add(value);
        }
        pending.push(pair);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
  return first;
}

/**
 * Collections nested deeper than this are read as empty: the validator stops
 * at 64 levels (json/too-deep, placed in the document by tooDeepPointer()),
 * and the reading below stays far from the JS stack's limit. The `yaml`
 * package itself runs out of stack near 800 levels; what it drops there is
 * beyond this depth.
 */
const MAX_READ_DEPTH = 100;

/** Whether collections nest more than `limit` levels deep under `root` (iterative: no stack). */
function nestsDeeperThan(root, limit) {
  const pending = [[root, 1]];
  while (pending.length > 0) {
    const [node, level] = pending.pop();
    if (isPair(node)) {
      pending.push([node.key, level], [node.value, level]);
    } else if (isMap(node) || isSeq(node)) {
      if (level > limit) return true;
      for (const item of node.items) pending.push([item, level + 1]);
    }
  }
  return false;
}

/**
 * The JSON Pointer of the first array or object nested more than `limit`
 * levels deep in `value` (the value itself is level 1), in the order
 * JSON.stringify writes members, or null: where the validator's
 * json/too-deep is, in a document whose JSON text the command made.
 */
export function tooDeepPointer(value, limit = 64) {
  const pending = [[value, '', 1]];
  while (pending.length > 0) {
    const [node, pointer, level] = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    if (level > limit) return pointer;
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      pending.push([entries[i][1], `${pointer}/${escapeSegment(entries[i][0])}`, level + 1]);
    }
  }
  return null;
}

/** Whether `text` looks like JSON (its first significant character opens an object or array). */
export function looksLikeJson(text) {
  return /^\s*[{[]/.test(text);
}

/**
 * Parses YAML (or JSON, which the `yaml` package reads as YAML 1.2 flow
 * collections) into `{ value, positions, scalars, unknownTags }`:
 * - positions: Map pointer -> { line, column } of the member's key (of the item for list items)
 * - scalars: Map pointer -> { source, type, tag } for every plain or quoted scalar
 * - unknownTags: Map pointer -> tag for values carrying a tag this tool does not know
 * - typed: Map pointer -> { type, source } for each scalar read as a float,
 *   a date or a timestamp (requests only; see requestText())
 * - firstAlias: { line, column, source } of the first alias or merge key, or
 *   null (templates only: CloudFormation refuses both)
 * Throws ParseError for syntax errors and duplicate keys (YAML only).
 * `version` is '1.1' for CloudFormation templates (CloudFormation reads YAML 1.1,
 * where an unquoted OFF is a boolean; a lone y or n is a string, templateTags()) and '1.2' for requests, read as the AWS
 * CLI reads `--cli-input-yaml` (requestTags(): YAML 1.2 with merge keys and
 * timestamps, numbers as its loader spells them). With `json`, JSON text is
 * read as JSON (no tags, duplicates allowed): the reading readJson()
 * reproduces, and the reference its tests compare it with.
 */
export function parseYaml(text, { version = '1.2', json = false } = {}) {
  const lineCounter = new LineCounter();
  const request = version === '1.2' && !json;
  const doc = parseDocument(text, {
    version,
    customTags: request ? requestTags : version === '1.1' && !json ? templateTags : withTimestampsAsText(json ? [] : CUSTOM_TAGS),
    lineCounter,
    intAsBigInt: true,
    uniqueKeys: false, // firstRepeatedKey() below; JSON duplicates are the validator's json/duplicate-member warning
    merge: version === '1.1' || request,
    prettyErrors: false,
    strict: false,
  });
  // Out of stack: the document nests far deeper than the validator reads (its
  // json/too-deep says where), or cannot be read at all.
  if (doc.errors[0]?.code === 'RESOURCE_EXHAUSTION' && nestsDeeperThan(doc.contents, MAX_READ_DEPTH)) {
    doc.errors = doc.errors.filter((error) => error.code !== 'RESOURCE_EXHAUSTION');
  }
  // A repeated key is an error of YAML: the one nearest the start is reported,
  // as the parser would report its first error.
  const repeated = json ? null : firstRepeatedKey(doc.contents, request);
  let repeatedAt = repeated?.range[0];
  // An empty key (`: value`) is placed where its line's content starts, at the ":".
  if (repeated?.source === '') while ([0x20, 0x09, 0x0d, 0x0a].includes(text.charCodeAt(repeatedAt))) repeatedAt += 1;
  if (repeated && !(doc.errors[0]?.pos?.[0] <= repeatedAt)) {
    const { line, col } = lineCounter.linePos(repeatedAt);
    throw new ParseError('Map keys must be unique', line, col);
  }
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const where = error.linePos?.[0] ?? lineCounter.linePos(error.pos?.[0] ?? 0);
    const message =
      error.code === 'MULTIPLE_DOCS'
        ? 'the file holds more than one YAML document (a second "---" line starts another); check each request or template in a file of its own'
        : error.code === 'RESOURCE_EXHAUSTION'
          ? 'the document nests collections too deeply to be read, far deeper than any request or template'
        : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ParseError(message, where.line, where.col);
  }
  const positions = new Positions();
  const scalars = new Map();
  const unknownTags = new Map();
  // Scalars read as a float, a date or a timestamp: each an entry
  // { type, source, pointer }, and where it now is, holder -> key -> entry
  // (a member a merge or the mapping's own member replaces loses its entry).
  const everyTyped = [];
  const typedOf = new WeakMap();
  let justTyped = null; // the entry of the scalar toValue() has just read
  /** Notes that `holder[key]` is what `entry` says (or nothing typed). */
  const placeTyped = (holder, key, entry) => {
    if (entry) {
      if (!typedOf.has(holder)) typedOf.set(holder, new Map());
      typedOf.get(holder).set(key, entry);
    } else {
      typedOf.get(holder)?.delete(key);
    }
  };
  /** The entry of the scalar toValue() has just read, if it was typed. */
  const takeTyped = () => {
    const entry = justTyped;
    justTyped = null;
    return entry;
  };
  let firstAlias = null;
  /** Notes an alias or merge key `node` of a template if it is the first in the file so far. */
  const noteAlias = (node, source) => {
    if (version !== '1.1' || aliasDepth > 0 || typeof node?.range?.[0] !== 'number') return;
    if (firstAlias === null || node.range[0] < firstAlias.offset) firstAlias = { offset: node.range[0], source };
  };
  const at = (node) => {
    const offset = node?.range?.[0];
    if (typeof offset !== 'number') return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const seen = new Set();
  // Aliases are expanded, so a "billion laughs" document would grow
  // exponentially: stop after a number no real template comes near.
  let aliasesExpanded = 0;
  let aliasDepth = 0; // > 0 while expanding an alias
  let aliasedNodes = 0;
  let outermostAlias = null; // the alias in the document being expanded, for the error's position

  const toValue = (node, pointer, depth) => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      noteAlias(node, `*${node.source}`);
      aliasesExpanded += 1;
      if (aliasesExpanded > MAX_ALIAS_EXPANSIONS) {
        const where = at(node) ?? { line: 1, column: 1 };
        throw new ParseError(
          `the document expands more than ${MAX_ALIAS_EXPANSIONS} aliases, far more than any template (a YAML "billion laughs"?)`,
          where.line,
          where.column,
        );
      }
      const target = node.resolve(doc);
      if (!target || seen.has(target)) {
        const where = at(node) ?? { line: 1, column: 1 };
        throw new ParseError(`the alias *${node.source} cannot be resolved`, where.line, where.column);
      }
      seen.add(target);
      if (aliasDepth === 0) outermostAlias = node;
      aliasDepth += 1;
      try {
        return toValue(target, pointer, depth);
      } finally {
        aliasDepth -= 1;
        seen.delete(target);
      }
    }
    if (aliasDepth > 0) {
      aliasedNodes += 1;
      if (aliasedNodes > MAX_ALIASED_NODES) {
        const where = at(outermostAlias) ?? { line: 1, column: 1 };
        throw new ParseError(
          `the document's aliases expand to more than ${MAX_ALIASED_NODES} values, far more than any template (a YAML "billion laughs"?)`,
          where.line,
          where.column,
        );
      }
    }
    const tag = node.tag;
    const longForm = tag ? SHORT_FORM_TAGS.get(tag) : undefined;
    if (tag && !longForm && tag.startsWith('!')) unknownTags.set(pointer, tag);
    let value;
    if (isScalar(node)) {
      value = node.value;
      if (value instanceof Typed) {
        justTyped = { type: value.type, source: node.source, pointer };
        everyTyped.push(justTyped);
        value = value.value;
      }
      record(scalars, pointer, { source: node.source, type: node.type, tag });
      if (longForm === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
    } else if ((isMap(node) || isSeq(node)) && depth > MAX_READ_DEPTH) {
      value = isMap(node) ? {} : [];
    } else if (isMap(node)) {
      value = {};
      // YAML 1.1 merge keys (`<<: *defaults`): merged members first, so that
      // the mapping's own members win (and keep their positions).
      const isMerge = (pair) => isScalar(pair.key) && (typeof pair.key.value === 'symbol' || (version === '1.1' && pair.key.value === '<<'));
      for (const pair of node.items.filter(isMerge)) {
        noteAlias(pair.key, '<<');
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of [...sources].reverse()) {
          const merged = toValue(source, pointer, depth);
          takeTyped();
          if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
            if (request) {
              const where = at(source) ?? at(pair.key) ?? { line: 1, column: 1 };
              throw new ParseError('a merge key (<<) takes a mapping or a list of mappings, as the AWS CLI\'s YAML reader reads it', where.line, where.column);
            }
            continue;
          }
          for (const [key, member] of Object.entries(merged)) {
            setMember(value, key, member);
            placeTyped(value, key, typedOf.get(merged)?.get(key));
          }
        }
      }
      for (const pair of node.items) {
        if (isMerge(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key ?? '');
        const child = `${pointer}/${escapeSegment(key)}`;
        const position = at(pair.key) ?? at(pair.value);
        // A member given again (JSON read as YAML; or replacing a merged one): what was recorded under it is not its.
        if (Object.hasOwn(value, key)) positions.replaced(child);
        if (position) record(positions, child, position);
        setMember(value, key, toValue(pair.value, child, depth + 1));
        placeTyped(value, key, takeTyped());
      }
    } else if (isSeq(node)) {
      const items = [];
      node.items.forEach((item, index) => {
        const child = `${pointer}/${index}`;
        const position = at(item);
        if (position) record(positions, child, position);
        items.push(toValue(item, child, depth + 1));
        const entry = takeTyped();
        if (entry) placeTyped(items, String(index), entry);
      });
      value = items;
    } else {
      value = null;
    }
    if (!isScalar(node)) justTyped = null;
    if (longForm) {
      const intrinsic = {};
      setMember(intrinsic, longForm, value);
      return intrinsic;
    }
    return value;
  };

  positions.set('', at(doc.contents) ?? { line: 1, column: 1 });
  const value = toValue(doc.contents, '', 1);
  // The typed scalars still in the value, by pointer.
  const typed = new Map();
  for (const entry of everyTyped) {
    const segments = segmentsOf(entry.pointer);
    const key = segments.pop();
    const holder = key === undefined ? undefined : valueAt(value, segments);
    if (holder !== undefined && typedOf.get(holder)?.get(key) === entry) record(typed, entry.pointer, { type: entry.type, source: entry.source });
  }
  if (firstAlias) {
    const { line, col } = lineCounter.linePos(firstAlias.offset);
    firstAlias = { line, column: col, source: firstAlias.source };
  }
  return { value, positions, scalars, unknownTags, typed, firstAlias };
}

// A JSON number or literal: what readJson() reads besides strings and brackets.
const NUMBER_OR_LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const INTEGER = /^-?\d+$/;
const LITERALS = new Map([['true', true], ['false', false], ['null', null]]);

/**
 * JSON text read as parseYaml(text, { json: true }) reads it (integers as
 * BigInt, own "__proto__" members, the last of duplicate members in the first
 * one's place, positions of member keys and list items, each scalar's
 * spelling), in one scan of the text (scanJson()): the YAML parse costs about
 * fifty times more. Returns `{ value, positions, scalars, unknownTags, complete }`.
 * Meant for text the validator has accepted as JSON: it does not check every
 * rule of the grammar (a leading zero, a raw tab in a string), but on text it
 * cannot follow it stops, never throws, and returns what it read so far with
 * `complete` false; its positions still serve positionOf(), which falls back
 * to the nearest ancestor.
 */
export function readJson(text) {
  const positions = new Positions();
  const scalars = new Map();
  const { value, complete } = scanJson(text, {
    at(pointer, where, container, key) {
      // A repeated member: its last copy counts (the value holds it in the first one's place).
      if (key !== undefined && Object.hasOwn(container, key)) positions.replaced(pointer);
      record(positions, pointer, where);
    },
    container: (isArray) => (isArray ? [] : {}),
    add(container, key, value) {
      if (Array.isArray(container)) container.push(value);
      else setMember(container, key, value);
    },
    string(pointer, value) {
      record(scalars, pointer, { source: value, type: 'QUOTE_DOUBLE', tag: undefined });
      return value;
    },
    literal(pointer, source) {
      record(scalars, pointer, { source, type: 'PLAIN', tag: undefined });
      if (LITERALS.has(source)) return LITERALS.get(source);
      return INTEGER.test(source) ? BigInt(source) : Number(source);
    },
  });
  return { value, positions, scalars, unknownTags: new Map(), complete };
}

/**
 * JSON text as a tree that keeps every member of an object in order, a
 * repeated one too (readJson() keeps the last only), for Terraform's JSON
 * syntax: `{ line, column, members: [[key, node, place]] }` for an object,
 * `{ line, column, items }` for an array, `{ line, column, v }` for a string,
 * bool or null, `{ line, column, number }` for a number as written (so that
 * 0.1 and 1e400 reach the evaluator as Terraform reads them, not as a
 * float64). A member's node is placed at its key, as readJson() places its
 * pointer. Returns `{ value, complete, stop }` as scanJson().
 */
export function readJsonTree(text) {
  return scanJson(text, {
    at() {},
    container: (isArray, where) => (isArray ? { ...where, items: [] } : { ...where, members: [] }),
    add(container, key, node) {
      if (container.items) container.items.push(node);
      else container.members.push([key, node, { line: node.line, column: node.column }]);
    },
    string: (pointer, v, where) => ({ ...where, v }),
    literal: (pointer, source, where) => (LITERALS.has(source) ? { ...where, v: LITERALS.get(source) } : { ...where, number: source }),
  });
}

/**
 * The JSON scanner of readJson() and readJsonTree(): one pass over `text`,
 * without recursion, that `build` turns into values. At the start of each
 * value it calls `build.at(pointer, where, container, key)` (`where` is
 * `{ line, column }`: a member's key, an item's or the root's first
 * character; `container` and `key` only for a member, before its value is
 * added), then makes it with `build.container(isArray, where)`,
 * `build.string(pointer, text, where)` or `build.literal(pointer, source,
 * where)` (a number, true, false or null as written), and puts it in its
 * container with `build.add(container, key, value)`. Returns `{ value,
 * complete, stop }`: the root, whether the whole text was read, and where
 * it stopped (`{ line, column }`) when not.
 */
export function scanJson(text, build) {
  let at = 0;
  let line = 1;
  let lineStart = 0;
  /** Skips whitespace, counting lines; returns the next character code (NaN at the end). */
  const skip = () => {
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x0a) {
        line += 1;
        lineStart = at + 1;
      } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) {
        return code;
      }
      at += 1;
    }
  };
  const here = () => ({ line, column: at - lineStart + 1 });
  /** Reads the string at `at` (an opening quote); its value, or undefined. */
  const readString = () => {
    const start = at;
    for (let from = at + 1; ; ) {
      const quote = text.indexOf('"', from);
      if (quote < 0) return undefined;
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
      from = quote + 1;
      if (backslashes % 2 === 0) {
        at = from;
        const raw = text.slice(start, at);
        if (!raw.includes('\\')) return raw.slice(1, -1);
        try {
          return JSON.parse(raw);
        } catch {
          return undefined;
        }
      }
    }
  };

  // Open objects and arrays, innermost last: { pointer, value, key, count }.
  const open = [];
  let root;
  const result = (complete) => ({ value: root, complete, ...(!complete && { stop: here() }) });
  /** Puts `value` into the innermost open object (under its current key) or array, or makes it the root. */
  const place = (value) => {
    const frame = open.at(-1);
    if (!frame) root = value;
    else build.add(frame.value, frame.key, value);
  };
  skip();
  let pointer = '';
  let where = here();
  build.at(pointer, where);
  for (;;) {
    // At the start of a value whose pointer is `pointer`, at `where`.
    const code = text.charCodeAt(at);
    if (code === 0x7b || code === 0x5b) {
      at += 1;
      const value = build.container(code === 0x5b, where);
      place(value);
      open.push({ pointer, value, isArray: code === 0x5b, key: '', count: 0 });
    } else if (code === 0x22) {
      const value = readString();
      if (value === undefined) return result(false);
      place(build.string(pointer, value, where));
    } else {
      NUMBER_OR_LITERAL.lastIndex = at;
      const source = NUMBER_OR_LITERAL.exec(text)?.[0];
      if (source === undefined) return result(false);
      at = NUMBER_OR_LITERAL.lastIndex;
      place(build.literal(pointer, source, where));
    }
    // After a value or an opening bracket: the next member or item, or closing brackets.
    for (;;) {
      const frame = open.at(-1);
      if (!frame) return result(Number.isNaN(skip())); // complete when only whitespace is left
      const next = skip();
      if (frame.count > 0 || next === 0x7d || next === 0x5d) {
        if (next === 0x2c && frame.count > 0) {
          at += 1;
          skip();
        } else if (next === (frame.isArray ? 0x5d : 0x7d)) {
          at += 1;
          open.pop();
          continue;
        } else {
          return result(false);
        }
      }
      frame.count += 1;
      if (frame.isArray) {
        pointer = `${frame.pointer}/${frame.count - 1}`;
        where = here();
        build.at(pointer, where);
        break;
      }
      where = here();
      const key = text.charCodeAt(at) === 0x22 ? readString() : undefined;
      if (key === undefined) return result(false);
      pointer = `${frame.pointer}/${escapeSegment(key)}`;
      build.at(pointer, where, frame.value, key);
      frame.key = key;
      if (skip() !== 0x3a) return result(false);
      at += 1;
      skip();
      break;
    }
  }
}

/** The segments of a JSON Pointer ('' has none). */
function segmentsOf(pointer) {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether the loader's reading of a scalar has no JSON spelling: a date, a timestamp, an infinite float or NaN. */
const outsideJson = (entry, value) => entry.type !== 'float' || !Number.isFinite(value);

/** The value at `pointer` (or its segments) in `value`, or undefined. */
function valueAt(value, pointer) {
  let current = value;
  for (const segment of Array.isArray(pointer) ? pointer : segmentsOf(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * The JSON text of a YAML request `document` (parseYaml's reading) that the
 * validator checks: floats are written as floats (`1.0`, not the integer 1,
 * so that a float is wrong where an integer is wanted, as botocore says), and
 * a scalar JSON has no type for (a date, a timestamp, .inf, .nan) as the text
 * written; typedDiagnostics() says what the AWS CLI makes of those.
 */
export function requestText(document) {
  const { value, typed } = document;
  if (!typed || typed.size === 0) return toJsonText(value ?? null);
  const root = { value };
  const copies = new Set();
  for (const [pointer, entry] of typed) {
    const read = valueAt(value, pointer);
    let replacement;
    if (outsideJson(entry, read)) replacement = entry.source;
    else if (typeof read === 'number') replacement = { [RAW]: /^-?\d+$/.test(String(read)) ? `${read}.0` : String(read) };
    else continue;
    // Copy the objects and arrays on the way, so that the reading itself is untouched.
    let parent = root;
    let key = 'value';
    for (const segment of segmentsOf(pointer)) {
      let child = parent[key];
      if (!copies.has(child)) {
        child = Array.isArray(child) ? [...child] : Object.defineProperties({}, Object.getOwnPropertyDescriptors(child));
        copies.add(child);
        setMember(parent, key, child);
      }
      parent = child;
      key = segment;
    }
    setMember(parent, key, replacement);
  }
  return toJsonText(root.value ?? null);
}

/** What YAML reads a scalar as, for a message. */
const READ_AS = { date: 'a date', timestamp: 'a timestamp (a date and time)', float: 'a float' };

/**
 * The validator's `diagnostics` of requestText(document), with what the AWS
 * CLI makes of each scalar JSON has no type for (a date, a timestamp, .inf or
 * .nan): botocore refuses it wherever the request has a string or a number,
 * which is everywhere in a DataSync request. Where the validator found the
 * text written of the wrong type, its message says what YAML read instead;
 * where the text would do (a string member), the value is of the wrong type
 * all the same, and that is the finding there. Under an unknown member or a
 * value of the wrong type, that finding stands alone.
 */
export function typedDiagnostics(diagnostics, document) {
  const { value, typed } = document;
  if (!typed || typed.size === 0) return diagnostics;
  const STRUCTURAL = new Set(['request/unknown-member', 'value/wrong-type', 'request/not-an-object']);
  const structural = new Set(diagnostics.filter((d) => STRUCTURAL.has(d.code)).map((d) => d.path));
  const unknown = new Set(diagnostics.filter((d) => d.code === 'request/unknown-member').map((d) => d.path));
  const wrongTypes = new Map(diagnostics.filter((d) => d.code === 'value/wrong-type').map((d) => [d.path, d]));
  /** Whether a proper ancestor of `pointer` has a finding of its own structure. */
  const underStructural = (pointer) => {
    for (let at = pointer.lastIndexOf('/'); at >= 0; at = pointer.lastIndexOf('/', at - 1)) {
      if (structural.has(pointer.slice(0, at))) return true;
      if (at === 0) break;
    }
    return false;
  };
  const replaced = new Map(); // a validator diagnostic -> what stands in its place
  const added = []; // findings at pointers whose other findings go
  const dropped = new Set();
  for (const [pointer, entry] of typed) {
    const read = valueAt(value, pointer);
    if (read === undefined || !outsideJson(entry, read)) continue;
    if (underStructural(pointer) || unknown.has(pointer)) continue;
    const kind = entry.type;
    const says = `the AWS CLI's YAML reader reads ${entry.source} as ${READ_AS[kind]}, which botocore refuses here`;
    const wrongType = wrongTypes.get(pointer);
    if (wrongType) {
      replaced.set(wrongType, {
        ...wrongType,
        message: wrongType.message.replace(/, but it is .*$/s, `, but ${says}.`),
        params: { ...wrongType.params, actual: kind },
      });
      continue;
    }
    const name = segmentsOf(pointer).filter((segment) => !/^\d+$/.test(segment)).at(-1) ?? 'The request';
    dropped.add(pointer);
    added.push({
      code: 'value/wrong-type',
      severity: 'error',
      path: pointer,
      message: `${name} must be a string, but ${says}; quote it (${JSON.stringify(entry.source)}) to send the text.`,
      params: { expected: 'string', actual: kind },
    });
  }
  return [...diagnostics.filter((d) => !dropped.has(d.path)).map((d) => replaced.get(d) ?? d), ...added];
}

/** The position of `pointer`, or of its nearest ancestor that has one. */
export function positionOf(positions, pointer) {
  let current = pointer;
  for (;;) {
    const found = positions?.get(current);
    if (found) return found;
    if (current === '') return { line: 1, column: 1 };
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/**
 * JSON text for values that may hold BigInt integers (written as their
 * digits). DEL and the C1 controls, which JSON.stringify leaves raw and some
 * terminals obey, are written as \u escapes (they can only be inside strings).
 */
export function toJsonText(value, indent = 0) {
  return JSON.stringify(
    value,
    (_key, v) => (typeof v === 'bigint' ? { [RAW]: v.toString() } : v),
    indent || undefined,
  )
    .replace(RAW_PATTERN, (_match, digits) => digits)
    .replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const RAW = '\u0000bigint';
const RAW_PATTERN = /\{\s*"\\u0000bigint":\s*"(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)"\s*\}/g;
