// Rewrites wasm-bindgen's glue in place, for scripts/build.sh:
//
//   node scripts/take-at-load.mjs FILE
//
// Has the glue FILE call the built-ins it depends on as they were when it
// loaded, not as a page may have replaced them since: JSON.parse and
// JSON.stringify (every report and result it returns is read with JSON.parse,
// and one that throws made validate() return null:
// tests/node/glue-loaded-after.test.mjs), Reflect.get and set, the decoder's
// decode and the encoder's encodeInto (a decode replaced later made fields()
// or describeSchedule() throw or cut their text), String.prototype.charCodeAt
// and slice (passStringToWasm0), `instanceof Date` and Date.prototype.getTime
// (describeSchedule's `from`), WebAssembly.Table's get and set (every value
// the core holds, and the five sets that fill the table as an instance
// starts), the WebAssembly.Instance constructor the guard's reset makes a
// new instance with (after a call failed inside the core), the typed
// arrays' set and their `length` getter (passArray8ToWasm0: a getter
// answering 10 made a 5 MiB text "not valid JSON" and, writing it into a
// 10-byte block, broke every later call), and the TypeError, RangeError, Error and
// BigInt constructors (the core's TypeErrors, its check that the stack ran
// out, its BigInts: a page replacing one after load changed what the package
// threw, or read a stack run out as an unreadable request). Left live on
// purpose: Date.now (fake timers a test installs after loading the package
// replace it, and expect it to read their clock) and console.error (only
// the panic hook calls it, for a bug, before the call traps). Still live:
// WebAssembly.Memory's `buffer` getter, wherever the glue views its memory
// (taking it measured +28 bytes gzip, over tidy5's size allowance; the
// wrapper takes it, as `bufferOf`). The view of the memory, cached or
// made for encodeInto, is
// found detached by reading its first byte (undefined), not its byteLength
// (a getter replaced after load that never answered 0 kept a detached view
// in use, and every write through it was lost: hunt, session 30). A
// string is decoded from a copy of its bytes (getStringFromWasm0, which no
// call of validate() on the object path reaches), so that a decode replaced
// before load that validates another request first, growing the memory, no
// longer decodes a detached view as '' (a member name the core asked for,
// so that options.task's TypeError was lost). Likewise a built-in replaced
// before load (even Reflect.apply) that grows the memory, detaching every
// view of it, made applyDefaults, fields and describeSchedule throw the
// engine's TypeError ("... detached ArrayBuffer"), and an encodeInto that did
// so cut a string the core asked for. So views and copies of the memory are
// made with the Uint8Array constructor (no subarray), and encodeInto,
// given a view of the memory, is run once more into a buffer of its own
// (copied in by index, `copyIn`, through a view made afresh: not the cached
// one, which a typed arrays' `byteLength` getter replaced after load and
// never answering 0 would keep once detached) when that view
// is found detached afterwards. What the core asks of JS (a number, a
// BigInt, a string's address and length) is written with no call at all
// (`putOn`, where wasm-bindgen calls DataView's setters, which a page may
// replace before load with one that calls the package again after its work,
// overwriting the glue's scratch bytes before they were copied in: "memory
// access out of bounds"): a view of the memory is made first, then the value
// is assigned to an Int32Array, Float64Array or BigInt64Array over 8 scratch
// bytes of the glue's own and those are copied in by index, element
// assignments that run no code of the page. Typed arrays use the host's byte
// order and WebAssembly memory is little-endian: this is where the package
// relies on a little-endian host (as the wrapper does, reading a report's
// words through a Uint32Array and writing the walker's through a
// Float64Array), which is the only kind it runs on (README, "Install"). A
// big-endian branch here could not make such a host work, and a check at
// load that throws a clear Error measured +44 to +50 bytes gzip (in the
// wrapper or here): neither is kept (docs/performance.md, "Small debts").
// The glue's own `Uint8Array`, taken at load,
// shadows the global: a page's replacement made after load threw from every
// call that views the memory (putOn, copyIn, getStringFromWasm0), so
// applyDefaults, fields, describeSchedule and validate of a text threw "a
// built-in failed" (hunt, session 31).
// README ("Requests as objects") lists what the glue still reads live. Fails
// loudly unless wasm-bindgen wrote each call as many times as expected (once,
// unless said).
import { readFileSync, writeFileSync } from "node:fs";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/take-at-load.mjs FILE");
  process.exit(2);
}
let code = readFileSync(file, "utf8");
for (const [live, taken, times = 1] of [["JSON.parse(", "jsonParse("], ["JSON.stringify(", "jsonStringify("], ["Reflect.get(", "reflectGet("], ["Reflect.set(", "reflectSet("],
  ["cachedTextDecoder.decode(bytes)", "reflectApply(textDecode, cachedTextDecoder, [bytes])"],
  ["getUint8ArrayMemory0().subarray(ptr, ptr + len)", "new Uint8Array(new Uint8Array(wasm.memory.buffer, ptr, len))"],
  ["arg.charCodeAt(offset)", "reflectApply(charCodeAt, arg, [offset])"],
  // A charCodeAt replaced before load may grow the memory (validating a large request): view it after each call.
  ["const mem = getUint8ArrayMemory0();", ""], ["mem[ptr + offset] = code", "getUint8ArrayMemory0()[ptr + offset] = code"],
  ["arg0.charCodeAt(arg1 >>> 0)", "reflectApply(charCodeAt, arg0, [arg1 >>> 0])"],
  // A byteLength getter replaced after load that never answers 0 kept a detached view cached: writes through it were lost.
  // A detached view reads undefined at every index (no getter, no call: the memory is never empty).
  ["cachedUint8ArrayMemory0.byteLength === 0", "cachedUint8ArrayMemory0[0] === undefined"],
  // The guard's replacement instance (only after a call failed inside the core), and the five sets that fill its table.
  ["    wasmInstance = new WebAssembly.Instance(", "    wasmInstance = new InstanceAtLoad("],
  ["f.apply(this, args)", "reflectApply(f, this, args)"],
  ["arg.slice(offset)", "reflectApply(stringSlice, arg, [offset])"],
  ["arg0 instanceof Date", "reflectApply(hasInstance, DateAtLoad, [arg0])"],
  // Errors and BigInts for the core, and its check for a stack run out, with the constructors as they were at load:
  // a page replacing the global after load changed what the package threw, or how it read a stack run out.
  ["new TypeError(getStringFromWasm0(arg0, arg1), arg2)", "new TypeErrorAtLoad(getStringFromWasm0(arg0, arg1), arg2)"],
  ["arg0 instanceof RangeError", "reflectApply(hasInstance, RangeErrorAtLoad, [arg0])"],
  ["const ret = Error(getStringFromWasm0(arg0, arg1))", "const ret = ErrorAtLoad(getStringFromWasm0(arg0, arg1))"],
  ["BigInt(arg0)", "BigIntAtLoad(arg0)"], ["BigInt(0)", "BigIntAtLoad(0)"],
  ["Date.prototype.getTime.call(arg0)", "reflectApply(getTime, arg0, [])"],
  ["wasm.__wbindgen_externrefs.set(idx, obj)", "reflectApply(tableSet, wasm.__wbindgen_externrefs, [idx, obj])"],
  ["wasm.__wbindgen_externrefs.get(idx)", "reflectApply(tableGet, wasm.__wbindgen_externrefs, [idx])"],
  ["getDataViewMemory0().setInt32(", "putOn(scratchInt32, 4, ", 4],
  ["getDataViewMemory0().setFloat64(", "putOn(scratchFloat64, 8, "],
  ["getDataViewMemory0().setBigInt64(", "putOn(scratchBigInt64, 8, "],
  // A view made with no call of a replaceable built-in (no subarray). An encodeInto that grew the memory
  // first wrote nothing into it, now detached: then once more, into a buffer of its own, copied in by index.
  ["const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);", "let view = new Uint8Array(wasm.memory.buffer, ptr + offset, len - offset);"],
  ["const ret = cachedTextEncoder.encodeInto(arg, view);", "let ret = reflectApply(textEncodeInto, cachedTextEncoder, [arg, view]); if (view[0] === undefined) { view = new Uint8Array(len - offset); ret = reflectApply(textEncodeInto, cachedTextEncoder, [arg, view]); copyIn(view, ptr + offset, len - offset); }"],
  // passStringToWasm0's branch for no realloc: its one caller passes wasm.__wbindgen_realloc (it read encode and a length live).
  ["if (realloc === undefined) {\n        const buf = cachedTextEncoder.encode(arg);\n        const ptr = malloc(buf.length, 1) >>> 0;\n        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);\n        WASM_VECTOR_LEN = buf.length;\n        return ptr;\n    }", ""],
  ["passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc)", "passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc)"],
  // The wrapper's bytes (validateUtf8, validateWalked's copy), their length read with the getter taken at load.
  ["const ptr = malloc(arg.length * 1, 1) >>> 0;", "const length = reflectApply(typedLength, arg, []), ptr = malloc(length, 1) >>> 0;"],
  ["WASM_VECTOR_LEN = arg.length;", "WASM_VECTOR_LEN = length;"],
  ["getUint8ArrayMemory0().set(arg, ptr / 1)", "reflectApply(typedSet, getUint8ArrayMemory0(), [arg, ptr / 1])"]]) {
  const parts = code.split(live);
  if (parts.length !== times + 1) throw new Error(`${file}: ${parts.length - 1} calls of ${live}, not ${times}`);
  code = parts.join(taken);
}
// The five sets that fill the table as an instance starts (at load, and in the guard's replacement).
const tableFills = code.match(/\btable\.set\(/g)?.length;
if (tableFills !== 5) throw new Error(`${file}: ${tableFills} calls of table.set(, not 5`);
code = code.replace(/\btable\.set\((\w+), (\w+)\);/g, "reflectApply(tableSet, table, [$1, $2]);");
// Every call of getDataViewMemory0 is replaced above (putOn): its definition and its cache go too.
code = code.replace(/^function getDataViewMemory0\(\) \{$[^]*?^\}$/m, "").replace(/^ *(let )?cachedDataViewMemory0 = null;\n/gm, "");
if (/getDataViewMemory0|cachedDataViewMemory0/.test(code)) throw new Error(`${file}: getDataViewMemory0 is still called, or its cache kept`);
if (/\btable\.set\(/.test(code)) throw new Error(`${file}: a table.set( is left`);
// A Uint8Array of the glue shadows the global: every view and copy of the memory is made with the one taken at load.
const line = "const Uint8Array = globalThis.Uint8Array, InstanceAtLoad = WebAssembly.Instance, { parse: jsonParse, stringify: jsonStringify } = JSON, { get: reflectGet, set: reflectSet, apply: reflectApply } = Reflect,"
  + " { decode: textDecode } = TextDecoder.prototype, { encodeInto: textEncodeInto } = TextEncoder.prototype,"
  + " { charCodeAt, slice: stringSlice } = String.prototype, DateAtLoad = Date, { getTime } = Date.prototype, TypeErrorAtLoad = TypeError, RangeErrorAtLoad = RangeError, ErrorAtLoad = Error, BigIntAtLoad = BigInt, hasInstance = Function.prototype[Symbol.hasInstance],"
  + " { get: tableGet, set: tableSet } = WebAssembly.Table.prototype, typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype), { set: typedSet } = typedArrayPrototype, { get: typedLength } = Object.getOwnPropertyDescriptor(typedArrayPrototype, \"length\"),"
  + " scratchBuffer = new ArrayBuffer(8), scratchBytes = new Uint8Array(scratchBuffer), scratchInt32 = new Int32Array(scratchBuffer),"
  + " scratchFloat64 = new Float64Array(scratchBuffer), scratchBigInt64 = new BigInt64Array(scratchBuffer),"
  + " copyIn = (bytes, at, count) => { const memory = new Uint8Array(wasm.memory.buffer); for (let byte = 0; byte < count; byte++) memory[at + byte] = bytes[byte]; },"
  + " putOn = (scratch, size, at, value) => { const memory = new Uint8Array(wasm.memory.buffer); scratch[0] = value;"
  + " for (let byte = 0; byte < size; byte++) memory[at + byte] = scratchBytes[byte]; };\n";
writeFileSync(file, line + code);
