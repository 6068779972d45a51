// The object path of validate() against the text path, over generated
// requests (issue 16): for every request object, validate(object, options)
// gives exactly the report validate(JSON.stringify(object), options) gives,
// member for member and in the same order (their JSON texts are equal), and it
// runs each getter, toJSON and Proxy read JSON.stringify would run, once.
// The object path reads the object itself: the generated walker writes words
// into wasm memory, a generated reader judges a clean request from them, a
// reporting reader judges the rest as the single pass judges text, and only
// what neither reads goes through JSON text. Every difference from
// JSON.stringify followed by the text path is a bug in one of them.
//
// The requests come from the JSON Schemas the package ships (schema/, the
// same table the core validates with; json-schema.test.mjs keeps them
// honest): every member of CreateTask, UpdateTask and StartTaskExecution,
// each valid (its examples, enum values, limits) or invalid (wrong type, too
// long, off the pattern, off the enum, out of range, a lone surrogate,
// unknown and missing members), in plain objects and in every shape
// JSON.stringify writes alike: getters, read-only and frozen members, class
// instances, null-prototype objects, Proxies, toJSON, boxed primitives,
// Dates, BigInts, members it leaves out (undefined, functions, symbols) and
// members it never sees (inherited, non-enumerable, symbol-keyed, whose
// getters must never run). Generated here in JS rather than taken from the
// Rust differential generator (tests/differential.rs), which works on text:
// the JS shapes are the point, and a corpus file would tie this test to a
// cargo run. Each request is described by a small tree (`describe`), built
// into an object (`build`) and written as the JSON text the description
// says (`textOf`), which JSON.stringify is checked to agree with. A failure
// prints the seed, the request's number and the smallest description that
// still fails (`shrink`).
//
// OBJTEST_COUNT=n runs n requests (default 30,000, about 8 s); OBJTEST_SEED=n
// or OBJTEST_SEED=random picks the seed (printed on failure).
//
// Checked to fail (with object-path-hostile.test.mjs) on throwaway builds of
// the wrapper whose object path differed in one small way: a member left
// out, getters read twice, toJSON ignored, inherited or non-enumerable
// members read, lone surrogates replaced, a BigInt read as a double, arrays
// read by their iterator, a diagnostic's fix dropped (CONTRIBUTING.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { DESTINATION, SOURCE, requireBuiltPackage } from './helpers.mjs';

requireBuiltPackage();
const { validate } = await import('datasync-task-validator');
const { schema } = await import('datasync-task-validator/schema');

const COUNT = Number(process.env.OBJTEST_COUNT ?? 30_000);
const SEED = process.env.OBJTEST_SEED === 'random'
  ? (Math.random() * 2 ** 32) >>> 0
  : Number(process.env.OBJTEST_SEED ?? 0x0b7e57);

/** A generator of its own for each request (xorshift32 over a mixed seed), so request n reproduces alone. */
function randomFor(seed, index) {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const r = (n) => next() % n;
  r.chance = (percent) => next() % 100 < percent;
  r.pick = (items) => items[next() % items.length];
  return r;
}

const OPERATIONS = ['CreateTask', 'UpdateTask', 'StartTaskExecution'];
const SCHEMAS = Object.fromEntries(OPERATIONS.map((operation) => [operation, schema(operation)]));
const TASK_ARN = 'arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0';

// ---------------------------------------------------------------------------
// Descriptions. A node is one of
//   { k: 'lit', v, dress }   a JSON value v (string, number, boolean, null);
//                            dress: plain | boxed (new String(v)...) | toJSON
//                            (an object whose toJSON returns v) | date (a Date
//                            whose toJSON returns the ISO text v)
//   { k: 'big', v }          a BigInt, written as its digits
//   { k: 'gone', v }         undefined, a function or a symbol: left out of
//                            an object, null in an array
//   { k: 'obj', m, dress, hidden }  m: [{ key, node, via }] where via is
//                            data | getter | readonly; dress: plain | class |
//                            nullproto | frozen | sealed | proxy | toJSON;
//                            hidden: keys JSON.stringify must never read
//                            (inherited, non-enumerable, symbol-keyed getters)
//   { k: 'arr', a, dress }   dress: plain | holes (null items as holes) |
//                            extra (named and symbol-keyed members on the
//                            array) | frozen | proxy | toJSON
// ---------------------------------------------------------------------------

const lit = (v, dress = 'plain') => ({ k: 'lit', v, dress });

/** Whether `key` is an array index, which JSON.stringify (own-key order) writes before other keys. */
const isIndex = (key) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** The members of an object in the order JSON.stringify lists them: indexes ascending, then as added. */
function ownOrder(members) {
  const indexes = members.filter((m) => isIndex(m.key)).sort((a, b) => Number(a.key) - Number(b.key));
  return [...indexes, ...members.filter((m) => !isIndex(m.key))];
}

/** The JSON text the description says (undefined for a member JSON.stringify leaves out). */
function textOf(node) {
  switch (node.k) {
    case 'lit': return JSON.stringify(node.v);
    case 'big': return node.v.toString();
    case 'gone': return undefined;
    case 'arr': return `[${node.a.map((item) => textOf(item) ?? 'null').join(',')}]`;
    default: {
      const parts = [];
      for (const { key, node: member } of ownOrder(node.m)) {
        const text = textOf(member);
        if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${parts.join(',')}}`;
    }
  }
}

const hasBigInt = (node) =>
  node.k === 'big' || (node.k === 'obj' && node.m.some((m) => hasBigInt(m.node))) || (node.k === 'arr' && node.a.some(hasBigInt));

/**
 * Counts the runs of every getter, toJSON and Proxy get trap `build` made.
 * One validate() call must run each as often as JSON.stringify does: once
 * (twice for a getter named toJSON, which it reads to look for a function,
 * then as the member), and never one it does not see (`never`).
 */
class Tally {
  constructor() {
    this.never = new Set();
    this.ran = new Map();
    this.ids = 0;
  }

  /** A new id for `hit` to count; `seen` false for one JSON.stringify never runs. */
  id(label, seen = true) {
    const id = `${label}#${(this.ids += 1)}`;
    if (!seen) this.never.add(id);
    this.ran.set(id, 0);
    return id;
  }

  hit(id) {
    this.ran.set(id, this.ran.get(id) + 1);
  }

  /** The counts so far, reset to 0. */
  take() {
    const counts = new Map(this.ran);
    for (const id of this.ran.keys()) this.ran.set(id, 0);
    return counts;
  }
}

/** JSON.stringify's own counts for `object`: each BigInt written as a string, which reads nothing more. */
function stringifyCounts(object, tally) {
  tally.take();
  JSON.stringify(object, (_key, member) => (typeof member === 'bigint' ? String(member) : member));
  const counts = tally.take();
  for (const id of tally.never) assert.equal(counts.get(id), 0, `the test's premise: JSON.stringify never runs ${id}`);
  return counts;
}

/** Asserts one validate() call ran each as often as JSON.stringify (with a BigInt, which it serialises twice: at most twice as often, README). */
function sameCounts(counts, reference, withBigInt) {
  for (const [id, ran] of counts) {
    const times = reference.get(id);
    if (!withBigInt || times === 0) assert.equal(ran, times, `${id} ran ${ran} times in one validate() call, JSON.stringify runs it ${times}`);
    else assert.ok(ran >= times && ran <= 2 * times, `${id} ran ${ran} times in one validate() call of a request with a BigInt; JSON.stringify runs it ${times} (twice with a BigInt, README)`);
  }
}

class Thing {
  /** A getter on the prototype: JSON.stringify reads own members only. */
  get Name() {
    this.constructor.prototypeReads += 1;
    return 'from the prototype <>';
  }
}
Thing.prototypeReads = 0;

/** The JS value a description stands for. */
function build(node, tally) {
  switch (node.k) {
    case 'lit': {
      const { v } = node;
      if (node.dress === 'boxed' && v !== null) return Object(v);
      if (node.dress === 'date') return new Date(v);
      if (node.dress === 'toJSON') {
        const id = tally.id('toJSON of a value');
        return { toJSON: () => (tally.hit(id), v), Hidden: 'not written' };
      }
      return v;
    }
    case 'big': return node.v;
    case 'gone': return node.v === 'undefined' ? undefined : node.v === 'function' ? function gone() {} : Symbol('gone');
    case 'arr': return buildArray(node, tally);
    default: return buildObject(node, tally);
  }
}

function buildArray(node, tally) {
  const array = node.a.map((item) => build(item, tally));
  if (node.dress === 'holes') {
    node.a.forEach((item, i) => {
      if (item.k === 'lit' && item.v === null) delete array[i];
    });
  }
  if (node.dress === 'extra') {
    array.Extra = 'not an item';
    array[Symbol('extra')] = 'not an item';
    const id = tally.id('getter on an array that is not an item', false);
    Object.defineProperty(array, 'Unread', { enumerable: true, get: () => (tally.hit(id), 'x') });
  }
  if (node.dress === 'frozen') return Object.freeze(array);
  if (node.dress === 'proxy') return countingProxy(array, tally, 'array item');
  if (node.dress === 'toJSON') {
    const id = tally.id('toJSON of an array');
    return { toJSON: () => (tally.hit(id), array) };
  }
  return array;
}

/** A pass-through Proxy whose get trap counts the reads of each own enumerable member (each must be read once). */
function countingProxy(target, tally, label) {
  const ids = new Map();
  for (const key of Object.keys(target)) ids.set(key, tally.id(`Proxy get of ${label} ${JSON.stringify(key)}`));
  return new Proxy(target, {
    get(object, key, receiver) {
      if (ids.has(key)) tally.hit(ids.get(key));
      return Reflect.get(object, key, receiver);
    },
  });
}

function buildObject(node, tally) {
  const prototype = node.dress === 'class' ? Thing.prototype : node.dress === 'nullproto' ? null : Object.prototype;
  let object;
  if (node.hidden?.length) {
    // Inherited members, enumerable on their own object: JSON.stringify never reads them.
    const inherited = Object.create(prototype);
    for (const key of node.hidden) {
      const id = tally.id(`inherited getter ${JSON.stringify(key)}`, false);
      Object.defineProperty(inherited, key, { enumerable: true, configurable: true, get: () => (tally.hit(id), 'inherited <>') });
    }
    object = Object.create(inherited);
  } else {
    object = node.dress === 'class' ? new Thing() : Object.create(prototype);
  }
  for (const { key, node: member, via } of node.m) {
    const value = build(member, tally);
    if (via === 'getter') {
      const id = tally.id(`getter ${JSON.stringify(key)}`);
      Object.defineProperty(object, key, { enumerable: true, configurable: true, get: () => (tally.hit(id), value) });
    } else if (via === 'readonly' || key === '__proto__' || node.dress === 'class' || node.hidden?.length) {
      Object.defineProperty(object, key, { value, enumerable: true, writable: via !== 'readonly', configurable: true });
    } else {
      object[key] = value;
    }
  }
  if (node.hidden?.length) {
    for (const key of node.hidden) {
      if (node.m.some((m) => m.key === key)) continue;
      const id = tally.id(`non-enumerable getter ${JSON.stringify(key)}`, false);
      Object.defineProperty(object, key, { enumerable: false, get: () => (tally.hit(id), 'not enumerable <>') });
    }
    const id = tally.id('symbol-keyed getter', false);
    Object.defineProperty(object, Symbol.for(node.hidden[0]), { enumerable: true, get: () => (tally.hit(id), 'symbol <>') });
  }
  if (node.dress === 'frozen') return Object.freeze(object);
  if (node.dress === 'sealed') return Object.seal(object);
  if (node.dress === 'proxy') return countingProxy(object, tally, 'member');
  if (node.dress === 'toJSON') {
    const id = tally.id('toJSON of an object');
    return { toJSON: () => (tally.hit(id), object), SourceLocationArn: 'not written' };
  }
  return object;
}

/** Whether anything in the description is other than a plain object, array or value. */
function isDressed(node) {
  if (node.k === 'big' || node.k === 'gone' || node.dress !== 'plain') return true;
  if (node.k === 'arr') return node.a.some(isDressed);
  if (node.k === 'obj') return node.hidden.length > 0 || node.m.some((m) => m.via !== 'data' || isDressed(m.node));
  return false;
}

/** A description as JS-like text, for a failure message. */
function show(node) {
  switch (node.k) {
    case 'lit': {
      const text = JSON.stringify(node.v);
      const shown = text.length > 60 ? `${text.slice(0, 40)}…(${node.v.length} characters)` : Object.is(node.v, -0) ? '-0' : text;
      return node.dress === 'plain' ? shown : `${node.dress}(${shown})`;
    }
    case 'big': return `${node.v}n`;
    case 'gone': return node.v;
    case 'arr': {
      const body = `[${node.a.map(show).join(', ')}]`;
      return node.dress === 'plain' ? body : `${node.dress}(${body})`;
    }
    default: {
      const members = node.m.map(({ key, node: member, via }) => `${JSON.stringify(key)}: ${via === 'data' ? '' : `${via} `}${show(member)}`);
      const hidden = node.hidden?.length ? ` hidden ${JSON.stringify(node.hidden)}` : '';
      const body = `{${members.join(', ')}}${hidden}`;
      return node.dress === 'plain' ? body : `${node.dress}(${body})`;
    }
  }
}

// ---------------------------------------------------------------------------
// Generation from the schema.
// ---------------------------------------------------------------------------

const OBJECT_DRESSES = ['class', 'nullproto', 'frozen', 'sealed', 'proxy', 'toJSON'];
const ARRAY_DRESSES = ['holes', 'extra', 'frozen', 'proxy', 'toJSON'];
const SUFFIXES = [' ', '\t', '\n', '\r', '\b', '\f', '\u001f', 'é', '数', '😀', '"', '\\', '/', '\u2028', '\u007f', '<', '\u0000', '*', '|', 'x'.repeat(40)];
/** Member names no schema knows, for unknown members (and a few JS knows too well). */
const STRANGERS = ['name', 'Nmae', 'Extra', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'toJSON',
  '', ' ', 'a\ud800', 'ключ', '$ref', '0', '7', 'TaskArn', 'Options', 'length', 'then'];

const patternCache = new Map();
function patternOf(shape) {
  if (!shape.pattern) return null;
  if (!patternCache.has(shape.pattern)) {
    let re = null;
    try {
      re = new RegExp(shape.pattern, 'u');
    } catch {
      re = new RegExp(shape.pattern);
    }
    patternCache.set(shape.pattern, re);
  }
  return patternCache.get(shape.pattern);
}

/** A value for `shape` (a JSON Schema node), valid unless `bad` says how likely each member is wrong. */
function value(shape, r, settings, depth) {
  if (r.chance(settings.bad)) return { ...invalid(shape, r, settings, depth), bad: true }; // `bad` marks it for the coverage test
  switch (shape.type) {
    case 'object': return objectOf(shape, r, settings, depth);
    case 'array': {
      const count = r.pick([0, 1, 1, 2, 3, shape.maxItems ?? 3].filter((n) => n <= (shape.maxItems ?? 3)));
      return arrayOf(Array.from({ length: count }, () => value(shape.items, r, settings, depth + 1)), r, settings);
    }
    case 'integer': return integer(shape, r, true);
    default:
      // A Date, written as its ISO text (valid where the pattern takes it, such as a Name).
      if (r.chance(settings.dressed / 10)) return lit(new Date(r(2 ** 31) * 1000).toISOString(), 'date');
      return stringNode(validString(shape, r), r, settings);
  }
}

function objectOf(shape, r, settings, depth, { dropRequired = false } = {}) {
  const members = [];
  const keys = Object.keys(shape.properties ?? {});
  for (const key of keys) {
    const required = shape.required?.includes(key);
    if (required ? dropRequired && r.chance(50) : !r.chance(settings.density)) continue;
    members.push({ key, node: value(shape.properties[key], r, settings, depth + 1), via: via(r, settings) });
  }
  // Keys in another order than the schema's: they are read by name.
  if (r.chance(20)) members.reverse();
  if (r.chance(settings.bad)) {
    const key = r.pick(STRANGERS);
    if (!members.some((m) => m.key === key) && !keys.includes(key)) {
      members.splice(r(members.length + 1), 0, { key, node: anyValue(r, 2), via: via(r, settings) });
    }
  }
  // Members JSON.stringify leaves out: a known name holding undefined, a function or a symbol.
  if (r.chance(settings.dressed)) {
    const key = r.pick(keys);
    if (key !== undefined && !members.some((m) => m.key === key)) {
      members.push({ key, node: { k: 'gone', v: r.pick(['undefined', 'function', 'symbol']) }, via: via(r, settings) });
    }
  }
  const node = { k: 'obj', m: members, dress: dress(OBJECT_DRESSES, r, settings), hidden: [] };
  if (r.chance(settings.dressed / 2)) {
    const absent = keys.filter((key) => !members.some((m) => m.key === key));
    node.hidden = [r.pick(absent.length ? absent : STRANGERS.slice(0, 3))];
  }
  return node;
}

const via = (r, settings) => (r.chance(settings.dressed) ? r.pick(['getter', 'getter', 'readonly']) : 'data');
const dress = (dresses, r, settings) => (r.chance(settings.dressed) ? r.pick(dresses) : 'plain');

function arrayOf(items, r, settings) {
  return { k: 'arr', a: items, dress: dress(ARRAY_DRESSES, r, settings) };
}

/** A string, sometimes as a boxed String or a toJSON. */
function stringNode(text, r, settings) {
  return lit(text, r.chance(settings.dressed) ? r.pick(['boxed', 'toJSON']) : 'plain');
}

function validString(shape, r) {
  if (shape.enum) return r.pick(shape.enum);
  const base = r.pick(shape.examples ?? ['x']);
  if (!r.chance(30)) return base;
  // A variation, kept only if the schema still takes it (else it is the example).
  const re = patternOf(shape);
  const candidate = r.chance(50) ? base + r.pick(SUFFIXES) : r.pick(SUFFIXES) + base;
  const fits = (!re || re.test(candidate)) && candidate.length <= (shape.maxLength ?? Infinity) && candidate.length >= (shape.minLength ?? 0);
  return fits ? candidate : base;
}

function integer(shape, r, valid) {
  const min = shape.minimum ?? -1;
  if (valid) {
    const choice = r(10);
    if (choice === 0) return { k: 'big', v: r.pick([9223372036854775807n, -1n, 0n, 1048576n, 9007199254740993n]) };
    return lit(r.pick([min, 0, 1, 1048576, 104857600, 2 ** 53 - 1, -0, 1e3, 1.0, 9007199254740990]), r.chance(5) ? 'boxed' : 'plain');
  }
  const choice = r(10);
  if (choice === 0) return { k: 'big', v: r.pick([2n ** 63n, -(2n ** 63n) - 1n, BigInt(min) - 1n, 10n ** 30n]) };
  return lit(r.pick([min - 1, 1.5, -1.5, 2 ** 63, -(2 ** 63) * 2, 1e21, 1e-7, 5e-324, 1e300, -1e300, 0.1 + 0.2, 2 ** 53 + 2]));
}

/** A wrong value of any kind for `shape`. */
function invalid(shape, r, settings, depth) {
  if (r.chance(25)) return wrongType(shape, r);
  switch (shape.type) {
    case 'object':
      return objectOf(shape, r, { ...settings, bad: Math.max(settings.bad, 30) }, depth, { dropRequired: true });
    case 'array': {
      const count = (shape.maxItems ?? 3) + 1 + (r.chance(10) ? r(60) : 0);
      const items = Array.from({ length: Math.min(count, 120) }, () => (r.chance(10) ? anyValue(r, 1) : value(shape.items, r, settings, depth + 1)));
      return arrayOf(items, r, settings);
    }
    case 'integer': return integer(shape, r, false);
    default: return stringNode(invalidString(shape, r), r, settings);
  }
}

function invalidString(shape, r) {
  const base = shape.enum ? r.pick(shape.enum) : r.pick(shape.examples ?? ['x']);
  const max = shape.maxLength ?? 256;
  switch (r(12)) {
    case 0: return '';
    case 1: return base.toLowerCase();
    case 2: return ` ${base}`;
    case 3: return `${base}\ud800`; // a lone surrogate (value/invalid-unicode)
    case 4: return `\udc00${base}`;
    case 5: return `${base}\u0000`;
    case 6: return max > 5000 && !r.chance(5) ? `${base}<` : base.padEnd(max + 1, 'a');
    case 7: return max > 5000 ? '😀'.repeat(300) : '😀'.repeat(Math.ceil(max / 2) + (r.chance(50) ? 0 : 1)); // UTF-16 units against characters
    case 8: return max > 5000 ? 'é'.repeat(700) : 'é'.repeat(max + r(2));
    case 9: return base.replace(/[a-z]/, 'Ä');
    case 10: return `${base}${'\\'.repeat(r(3) + 1)}"`;
    default: return r.pick(SUFFIXES) + base + r.pick(SUFFIXES);
  }
}

function wrongType(shape, r) {
  const options = [lit(0), lit(1), lit(1.5), lit(-1), lit(true), lit(false), lit(null), lit(null, 'boxed'), lit('text'), lit('5'),
    { k: 'arr', a: [], dress: 'plain' }, { k: 'obj', m: [], dress: 'plain', hidden: [] }, { k: 'big', v: 5n }, lit(true, 'boxed'), lit(7, 'boxed')];
  if (shape.examples || shape.enum) {
    const example = (shape.examples ?? shape.enum)[0];
    options.push({ k: 'arr', a: [lit(example)], dress: 'plain' }, { k: 'obj', m: [{ key: 'Value', node: lit(example), via: 'data' }], dress: 'plain', hidden: [] });
  }
  // (A number where an integer is expected may be a right one: either way both paths must agree.)
  return r.pick(options);
}

/** Any small JSON value, for unknown members. */
function anyValue(r, depth) {
  switch (depth > 0 ? r(8) : r(5)) {
    case 0: return lit(null);
    case 1: return lit(r.chance(50));
    case 2: return lit(r.pick([0, -1, 3.25, 1e21, -0]));
    case 3: return lit(r.pick(['', 'x', 'é😀', '\ud800', 'a"b\\c']));
    case 4: return { k: 'big', v: 42n };
    case 5: return { k: 'arr', a: [anyValue(r, depth - 1), anyValue(r, depth - 1)], dress: 'plain' };
    default: return { k: 'obj', m: [{ key: r.pick(['a', 'Key', '__proto__', 'Name']), node: anyValue(r, depth - 1), via: 'data' }], dress: 'plain', hidden: [] };
  }
}

// Options: { locations, operation, task }, plain objects (the options are
// read by their own walk in js/text-path.mjs; their shapes are tested there).
const URIS = ['s3://reports-source/', 's3://bucket/prefix/', 'nfs://10.0.0.1/exports/', 'efs://us-east-1.fs-1234/', 'smb://host/share/',
  'hdfs://namenode:8020/data/', 'object-storage://host/bucket/', 'azure-blob://account/container/', 'fsxw://us-east-1.fs-1/share/', 'ftp://what/'];
const TYPES = ['S3', 'NFS', 'EFS', 'SMB', 'HDFS', 'OBJECT_STORAGE', 'AZURE_BLOB', 'FSX_WINDOWS', 'FSX_LUSTRE', 'FSX_OPENZFS', 'FSX_ONTAP', 'S3_OUTPOSTS'];
const AGENT = 'arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0';

function location(arn, r) {
  const entry = { LocationArn: arn };
  // A LocationUri or a type; now and then both (which may disagree) or neither:
  // malformed options, a TypeError on both paths.
  const described = r(50);
  if (described < 30 || described === 49) entry.LocationUri = r.pick(URIS);
  if ((described >= 30 && described < 48) || described === 49) entry.type = r.pick(TYPES);
  if (r.chance(20)) entry.S3StorageClass = r.pick(['STANDARD', 'GLACIER', 'DEEP_ARCHIVE', 'INTELLIGENT_TIERING']);
  if (r.chance(20)) entry.AgentArns = r.chance(50) ? [] : [AGENT];
  if (r.chance(20)) entry.MountOptions = { Version: r.pick(['NFS4_2', 'NFS3', 'AUTOMATIC', 'NFS4_0']) };
  return entry;
}

function task(r) {
  const described = { TaskArn: TASK_ARN, TaskMode: r.pick(['BASIC', 'ENHANCED']) };
  if (r.chance(60)) {
    const options = SCHEMAS.CreateTask.properties.Options.properties;
    described.Options = {};
    for (const [key, shape] of Object.entries(options)) {
      if (shape.enum && r.chance(40)) described.Options[key] = r.pick(shape.enum);
    }
  }
  return described;
}

/** One generated request: `{ operation, root, options }` (options plain, or undefined). */
function describe(r) {
  const operation = r.chance(60) ? 'CreateTask' : r.pick(['UpdateTask', 'StartTaskExecution']);
  // Half the requests have every member valid; the others a rate of wrong ones.
  const settings = {
    bad: r.chance(50) ? 0 : r.pick([3, 10, 30]),
    density: r.pick([0, 10, 40, 80, 100]),
    dressed: r.chance(40) ? 0 : r.pick([5, 20, 50]),
  };
  const root = objectOf(SCHEMAS[operation], r, settings, 0, { dropRequired: settings.bad > 0 });
  // Most requests name the example locations, which the options may describe.
  const named = { SourceLocationArn: SOURCE, DestinationLocationArn: DESTINATION };
  for (const member of root.m) {
    const { node } = member;
    if (named[member.key] && node.k === 'lit' && node.dress !== 'date' && r.chance(70)) member.node = lit(named[member.key], node.dress);
  }
  let options;
  if (r.chance(50)) {
    options = {};
    if (operation !== 'CreateTask' || r.chance(20)) options.operation = operation;
    if (r.chance(60)) options.locations = Array.from({ length: r(4) }, () => location(r.pick([SOURCE, DESTINATION, SOURCE.replace('0123', '9999')]), r));
    if (operation !== 'CreateTask' && r.chance(50)) options.task = task(r);
  }
  return { operation, root, options };
}

// ---------------------------------------------------------------------------
// The check, and shrinking a failure.
// ---------------------------------------------------------------------------

/** What validate() gave: its report, or what it threw. */
function outcome(call) {
  try {
    return { report: call() };
  } catch (error) {
    return { threw: `${error?.constructor?.name}: ${error?.message}` };
  }
}

/** Throws (an AssertionError) when the object path and the text path differ on `request`. */
function check(request) {
  const tally = new Tally();
  const object = build(request.root, tally);
  const text = textOf(request.root);
  const withBigInt = hasBigInt(request.root);
  if (!withBigInt) assert.equal(JSON.stringify(object), text, 'the generator: JSON.stringify writes the text the description says');
  const reference = stringifyCounts(object, tally);
  const prototypeReads = Thing.prototypeReads;
  const fromObject = outcome(() => validate(object, request.options));
  sameCounts(tally.take(), reference, withBigInt);
  assert.equal(Thing.prototypeReads, prototypeReads, 'a getter on a class prototype ran (JSON.stringify reads own members only)');
  const fromText = outcome(() => validate(text, request.options));
  assert.deepEqual(fromObject, fromText, 'validate(object) differs from validate(its JSON text)');
  assert.equal(JSON.stringify(fromObject), JSON.stringify(fromText), 'the reports are equal but their JSON texts differ (member order)');
  return fromObject;
}

/** The message of what `check` threw, or null when it passes. */
function failure(request) {
  try {
    check(request);
    return null;
  } catch (error) {
    return error.message;
  }
}

/** Every description one step simpler than `node`. */
function* simpler(node) {
  if (node.k === 'lit' && node.dress !== 'plain') yield { ...node, dress: 'plain' };
  if (node.k === 'arr') {
    if (node.dress !== 'plain') yield { ...node, dress: 'plain' };
    if (node.a.length > 1) yield { ...node, a: node.a.slice(0, Math.ceil(node.a.length / 2)) };
    for (let i = 0; i < node.a.length; i += 1) yield { ...node, a: node.a.toSpliced(i, 1) };
    for (let i = 0; i < node.a.length; i += 1) {
      for (const item of simpler(node.a[i])) yield { ...node, a: node.a.with(i, item) };
    }
  }
  if (node.k === 'obj') {
    if (node.dress !== 'plain') yield { ...node, dress: 'plain' };
    if (node.hidden.length) yield { ...node, hidden: [] };
    for (let i = 0; i < node.m.length; i += 1) yield { ...node, m: node.m.toSpliced(i, 1) };
    for (let i = 0; i < node.m.length; i += 1) {
      const member = node.m[i];
      if (member.via !== 'data') yield { ...node, m: node.m.with(i, { ...member, via: 'data' }) };
      for (const smaller of simpler(member.node)) yield { ...node, m: node.m.with(i, { ...member, node: smaller }) };
    }
  }
}

function* simplerRequests(request) {
  const { options } = request;
  if (options !== undefined) {
    yield { ...request, options: undefined };
    for (const key of Object.keys(options)) {
      const rest = { ...options };
      delete rest[key];
      yield { ...request, options: rest };
    }
    for (let i = 0; i < (options.locations?.length ?? 0); i += 1) {
      yield { ...request, options: { ...options, locations: options.locations.toSpliced(i, 1) } };
    }
  }
  for (const root of simpler(request.root)) yield { ...request, root };
}

/**
 * The smallest request found, one simplification at a time, on which
 * `failing` (a message, or null when it passes) still fails; at most `budget` tries.
 */
function shrink(request, failing = failure, budget = 4_000) {
  let smallest = request;
  let message = failing(request);
  for (let improved = true; improved && budget > 0;) {
    improved = false;
    for (const candidate of simplerRequests(smallest)) {
      if ((budget -= 1) <= 0) break;
      const found = failing(candidate);
      if (found !== null) {
        smallest = candidate;
        message = found;
        improved = true;
        break;
      }
    }
  }
  return { smallest, message };
}

function explain(index, request, message) {
  const { smallest, message: smallestMessage } = shrink(request);
  return [
    `object path and text path differ: seed ${SEED} (OBJTEST_SEED=${SEED}), request #${index}, ${request.operation}`,
    `first failure: ${message.split('\n')[0]}`,
    'smallest request that still fails:',
    `  object:  ${show(smallest.root)}`,
    `  text:    ${textOf(smallest.root)?.slice(0, 2_000)}`,
    `  options: ${JSON.stringify(smallest.options)}`,
    smallestMessage,
  ].join('\n');
}

test(`generated requests: validate(object) is validate(JSON text), seed ${SEED}, ${COUNT} requests`, () => {
  const seen = { clean: 0, reported: 0, threw: 0, withOptions: 0, dressed: 0 };
  const operations = Object.fromEntries(OPERATIONS.map((operation) => [operation, 0]));
  for (let index = 0; index < COUNT; index += 1) {
    const request = describe(randomFor(SEED, index));
    let result;
    try {
      result = check(request);
    } catch (error) {
      assert.fail(explain(index, request, error.message));
    }
    operations[request.operation] += 1;
    if (result.threw) seen.threw += 1;
    else if (result.report.errors.length + result.report.warnings.length === 0) seen.clean += 1;
    else seen.reported += 1;
    if (request.options) seen.withOptions += 1;
    if (isDressed(request.root)) seen.dressed += 1;
  }
  console.log(`object path: ${COUNT} generated requests (seed ${SEED}) ${JSON.stringify({ ...seen, ...operations })}`);
  // The mix is what makes the count matter: enough clean requests (the fast
  // path a walker takes), reported ones, options, and shapes other than plain.
  if (COUNT >= 1_000) {
    for (const [name, count] of Object.entries({ ...seen, ...operations })) {
      if (name !== 'threw') assert.ok(count >= COUNT / 20, `only ${count} of ${COUNT} requests were ${name}`);
    }
  }
});

test('generated requests back to back as objects: no call sees anything of the one before', () => {
  // The text path's reports first, then the objects one after the other (no
  // text call between them), so state one object call leaves for the next
  // (a record not cleared, a member of the last request) shows.
  const requests = Array.from({ length: Math.min(COUNT, 3_000) }, (_, index) => describe(randomFor(SEED ^ 0x5a5a, index)));
  const expected = requests.map((request) => outcome(() => validate(textOf(request.root), request.options)));
  requests.forEach((request, index) => {
    const got = outcome(() => validate(build(request.root, new Tally()), request.options));
    if (!isDeepStrictEqual(got, expected[index])) {
      assert.fail(`request #${index} (seed ${SEED ^ 0x5a5a}) differs after #${index - 1}:\n  before: ${index > 0 ? show(requests[index - 1].root) : '-'}\n  this:   ${show(request.root)}\n  options: ${JSON.stringify(request.options)}`);
    }
  });
});

test('the shrinker finds a small request that still fails (here: a stand-in failure)', () => {
  // Any request whose text holds a "Tags" member "fails".
  const r = randomFor(SEED);
  let request;
  do request = describe(r); while (!textOf(request.root).includes('"Tags":') || request.root.m.length < 4 || !request.options);
  const { smallest, message } = shrink(request, (candidate) => (textOf(candidate.root).includes('"Tags":') ? 'has Tags' : null));
  assert.equal(message, 'has Tags');
  assert.equal(smallest.options, undefined);
  assert.deepEqual(smallest.root.m.map((m) => [m.key, m.via]), [['Tags', 'data']], show(smallest.root));
  assert.equal(smallest.root.dress, 'plain');
  assert.ok(!isDressed(smallest.root), show(smallest.root));
});

test('the generator reaches every member of every operation, with a valid and with an invalid value', () => {
  // Paths of members the descriptions give, by operation (list items as *), and whether the value was meant valid.
  const reached = new Set();
  const walk = (operation, node, at) => {
    if (node.k === 'obj') for (const { key, node: member } of node.m) {
      reached.add(`${operation} ${at}/${key} ${member.bad ? 'invalid' : 'valid'}`);
      walk(operation, member, `${at}/${key}`);
    }
    if (node.k === 'arr') for (const item of node.a) walk(operation, item, `${at}/*`);
  };
  for (let index = 0; index < Math.min(Math.max(COUNT, 5_000), 30_000); index += 1) {
    const request = describe(randomFor(SEED, index));
    walk(request.operation, request.root, '');
  }
  const missing = [];
  const expect = (operation, shape, at) => {
    for (const [key, member] of Object.entries(shape.properties ?? {})) {
      for (const validity of ['valid', 'invalid']) {
        if (!reached.has(`${operation} ${at}/${key} ${validity}`)) missing.push(`${operation} ${at}/${key} ${validity}`);
      }
      expect(operation, member, `${at}/${key}`);
      if (member.items) expect(operation, member.items, `${at}/${key}/*`);
    }
  };
  for (const operation of OPERATIONS) expect(operation, SCHEMAS[operation], '');
  assert.deepEqual(missing, []);
});
