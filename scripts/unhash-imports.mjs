// Takes the hash off the names of the functions the .wasm imports from its
// glue: wasm-bindgen names each `__wbg_<name>_<16 hex digits>`, and those
// digits, written once in the .wasm's import section and once in every glue's
// import object, are 26 × 2 random-looking words that gzip cannot shrink
// (910 bytes of the browser download; docs/performance.md, "Room for this
// session"). The hash keeps names apart across crates; here every name must
// stay unique without it, or the script fails. Written by scripts/build.sh on
// wasm-bindgen's output, before wasm-opt:
//
//   node scripts/unhash-imports.mjs WASM... -- GLUE...
//
// Each WASM is rewritten in place (the same names in each), and each GLUE has
// every hashed name replaced by the unhashed one.
//
// It also renames the module every function is imported from,
// `./<crate>_bg.js` (written before each of the 31 names), to `glue`: only a
// key of the import object each glue builds, found there exactly once
// (56 bytes gzip; docs/performance.md, "Session 35: bytes").
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const wasmFiles = split < 0 ? [] : args.slice(0, split);
const glueFiles = split < 0 ? [] : args.slice(split + 1);
if (wasmFiles.length === 0 || glueFiles.length === 0) {
  console.error('usage: node scripts/unhash-imports.mjs WASM... -- GLUE...');
  process.exit(2);
}
const fail = (message) => {
  console.error(`[unhash-imports] ${message}`);
  process.exit(1);
};

const HASHED = /^(__wbg_[A-Za-z0-9_]+)_[0-9a-f]{16}$/;
const MODULE = /^\.\/[A-Za-z0-9_]+_bg\.js$/;
const SHORT_MODULE = 'glue';

/** An unsigned LEB128 number's bytes. */
function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return bytes;
}

/**
 * The .wasm with its import names renamed (`rename` maps an old field name to
 * a new one, or returns it unchanged), and the names it renamed.
 */
function renameImports(bytes, rename) {
  let at = 0;
  const readLeb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      if (byte === undefined) fail('a .wasm ends inside a number');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const readName = () => {
    const length = readLeb();
    const name = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return name;
  };
  const skipLimits = () => {
    const flags = bytes[at++];
    readLeb();
    if (flags & 1) readLeb();
  };
  const encoder = new TextEncoder();
  const pieces = [bytes.subarray(0, 8)];
  const renamed = new Map();
  const modules = new Set();
  at = 8;
  while (at < bytes.length) {
    const sectionStart = at;
    const id = bytes[at++];
    const size = readLeb();
    const bodyStart = at;
    if (id !== 2) {
      at = bodyStart + size;
      pieces.push(bytes.subarray(sectionStart, at));
      continue;
    }
    const body = [];
    const count = readLeb();
    body.push(...leb(count));
    for (let i = 0; i < count; i += 1) {
      const module = readName();
      const field = readName();
      const descriptorStart = at;
      const kind = bytes[at++];
      if (kind === 0) readLeb(); // a function: its type index
      else if (kind === 1) { at += 1; skipLimits(); } // a table: element type, limits
      else if (kind === 2) skipLimits(); // a memory
      else if (kind === 3) at += 2; // a global: value type, mutability
      else fail(`an import of kind ${kind}, which this script does not read`);
      const name = kind === 0 ? rename(field) : field;
      if (name !== field) renamed.set(field, name);
      if (!MODULE.test(module)) fail(`an import from ${module}, not from the glue's ./<crate>_bg.js`);
      modules.add(module);
      for (const text of [SHORT_MODULE, name]) {
        const encoded = encoder.encode(text);
        body.push(...leb(encoded.length), ...encoded);
      }
      body.push(...bytes.subarray(descriptorStart, at));
    }
    if (at !== bodyStart + size) fail('the import section is not the length it says');
    pieces.push(Uint8Array.of(2, ...leb(body.length), ...body));
  }
  if (modules.size !== 1) fail(`imports from ${modules.size} modules, not one`);
  return { bytes: Buffer.concat(pieces), renamed, module: [...modules][0] };
}

let pairs;
let module;
for (const file of wasmFiles) {
  const wanted = new Set();
  const { bytes, renamed, module: from } = renameImports(readFileSync(file), (field) => {
    const match = HASHED.exec(field);
    if (!match) return field;
    if (wanted.has(match[1])) fail(`two imports of ${file} are named ${match[1]} without their hash`);
    wanted.add(match[1]);
    return match[1];
  });
  if (renamed.size === 0) fail(`${file} imports no function named __wbg_NAME_HASH`);
  const same = (a, b) => a.length === b.length && a.every(([from, to], i) => b[i][0] === from && b[i][1] === to);
  if (pairs !== undefined && !same(pairs, [...renamed])) fail(`${file} imports other functions than ${wasmFiles[0]}`);
  pairs = [...renamed];
  if (module !== undefined && from !== module) fail(`${file} imports from ${from}, not ${module}`);
  module = from;
  writeFileSync(file, bytes);
}
const word = (name) => new RegExp(`\\b${name}\\b`, 'g');
for (const file of glueFiles) {
  let glue = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) {
    if (word(to).test(glue)) fail(`${file} already holds ${to}`);
    if (!word(from).test(glue)) fail(`${file} does not name ${from}`);
    glue = glue.replace(word(from), to);
  }
  if (/__wbg_[A-Za-z0-9_]+_[0-9a-f]{16}\b/.test(glue)) fail(`${file} names a hashed function the .wasm does not import`);
  const key = `"${module}": `;
  if (glue.split(key).length !== 2) fail(`${file} does not name ${key} exactly once`);
  glue = glue.replace(key, `"${SHORT_MODULE}": `);
  writeFileSync(file, glue);
}
