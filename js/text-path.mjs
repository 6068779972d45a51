// The fast input path of validate(), shared by the Node.js and browser entries
// (scripts/build.sh writes a CommonJS copy for Node). Why it exists: handing a
// string to wasm through wasm-bindgen walks it one character at a time in JS,
// and a JS object took a second trip through the boundary for JSON.stringify.
// Here TextEncoder.encodeInto puts a text's UTF-8 straight into a reused
// buffer in wasm memory (one copy, no allocation per call), and an object is
// read by the walker generated from the schema table (between the
// `<generated: walker>` markers below) into words and strings for
// validateWalked, with no JSON.stringify of the whole request. A clean report costs nothing more; any other comes back as a compact
// record in wasm memory (src/report_record.rs) that readReport turns into the
// objects JSON.parse made of the JSON text the core used to write, faster.
//
// Only ordinary input takes this path: a well-formed string, or an object that
// JSON.stringify turns into a string (what the walker does not read as the
// model's shape is written as JSON.stringify writes it). Everything else (undefined, numbers,
// strings with lone surrogates) goes to the glue's validate(), and an object
// whose serialisation fails to the glue's reportUnserializable(); the glue owns
// every diagnostic for such input, so both paths report exactly the same things.
//
// The options argument ({ locations, operation, task }) is read here (storedAre,
// readJSON), whichever path the request takes: the options kept in wasm when a
// walk finds them the same as the last ones kept, else a copy read once by
// JSON.stringify, which the glue reads (JSON.stringify, then the core) and
// throws a TypeError for when it is malformed.
// A BigInt member, which JSON.stringify refuses, is written as its exact digits
// in a second serialisation (see stringifyExact), so validate(applyDefaults(x)) works.
//
// guardGlue wraps every glue function for both entries: after a JS exception
// that unwound through the core (the JS stack running out inside it), the
// next call runs on a fresh WebAssembly instance.

/**
 * The first word of each value in a report's record (see `value`), as the
 * core numbers them (`Tag` in src/report_record.rs, which tests/generated.rs
 * writes here). First in the module, before any statement that may run code
 * (a call, a function): esbuild then writes each test with the number
 * itself, and drops the constant (scripts/minify-web.mjs). V8 folds them.
 */
// <generated: tags> from Tag in src/report_record.rs by tests/generated.rs; do not edit by hand.
const TAG_NULL = 0;
const TAG_FALSE = 1;
const TAG_TRUE = 2;
const TAG_SMALL = 3;
const TAG_LITERAL = 4;
const TAG_STRING = 5;
const TAG_ARRAY = 6;
const TAG_OBJECT = 7;
const TAG_FIXED = 8;
// </generated: tags>

/**
 * A diagnostic's first word, its head (src/report_record.rs, whose
 * constants tests/generated.rs writes here): the code's number in its low
 * bits, then its params' shape, a bit set when a fix follows, and the
 * count of its params; `HEAD_PARAMS_COUNTED` (never one of the core's
 * diagnostics) when the count is the word after the message. One word read
 * where four were: each read of wasm memory costs about 20 instructions.
 * And a fixed string's number, in its tag's word above `FIXED_SHIFT`: any
 * word from `TAG_FIXED` (the last tag) up is a fixed string. And how many
 * fixed strings a glue keeps, at their numbers (`FIXED_NUMBERS`): the core
 * numbers each one it writes (its codes at their numbers), each below
 * this. A plain array read at the number the record gives: a table keyed
 * by address and length cost two words and a hash each, the report's
 * dearest lookup. Before any statement that may run code, as the tags
 * are, so that esbuild writes the numbers in place (6 B gzip less than
 * `FIXED_NUMBERS` declared further down, where esbuild kept a name).
 */
// <generated: record head> from src/report_record.rs by tests/generated.rs; do not edit by hand.
const HEAD_CODE = 1023;
const HEAD_SHAPE_SHIFT = 10;
const HEAD_SHAPE = 255;
const HEAD_FIX = 262144;
const HEAD_PARAMS_SHIFT = 19;
const HEAD_PARAMS_COUNTED = 8191;
const FIXED_SHIFT = 4;
const FIXED_NUMBERS = 2048;
// </generated: record head>

/** What walkOptions sees for an array or an object member it then walks (no value a caller passes is either). */
const ARRAY = Symbol('array');
const OBJECT = Symbol('object');

/** The members of the options the core reads (src/context.rs). */
const MEMBERS = ['locations', 'operation', 'task'];

/** What validateInputPlain returns for a length beyond the input buffer (src/wasm.rs): never an address. */
const BEYOND_THE_BUFFER = 2 ** 32 - 1;

/** The input buffer in wasm memory grows to at most this many bytes (4 MiB); longer texts are passed as a copy. */
const INPUT_BUFFER_LIMIT = 1 << 22;

/** Whether `error` is a TypeError the core returned (documented: "validate: ..."), not one that unwound through it. */
function returnedByCore(error) {
  try {
    if (!(error instanceof TypeError)) return false;
    const message = ownDescriptor(error, 'message')?.value;
    if (typeof message !== 'string') return false;
    // No regular expression: one run with the JS stack nearly full may
    // compile it there, which aborts Node.js 20 (RegExpCompiler allocation failed).
    const end = apply(indexOf, message, [': ']);
    if (end < 0) return false;
    const name = apply(slice, message, [0, end]);
    return name === 'validate' || name === 'applyDefaults' || name === 'fields' || name === 'describeSchedule';
  } catch {
    return false; // a Proxy's trap threw
  }
}

/**
 * The glue with every function wrapped so that no failure leaves state behind.
 * An exception that unwinds through the core (a RangeError when the JS stack
 * runs out inside it) skips what it was in the middle of: giving back its
 * shadow stack, freeing, or the allocator's own bookkeeping. So the instance
 * is replaced by the glue's `__wbg_reset_state()` (asked of wasm-bindgen by
 * scripts/build.sh): a new instance of the compiled module, fresh glue state.
 * The outermost call replaces it when it ends; if that fails (no JS stack
 * left), the next outermost call does it first, or throws. A failed call from
 * inside the core (a replaced Date.now calling validate) marks it for the
 * outer call to replace. `instance()` does a pending replacement and returns
 * the count of them, for createValidate's buffer and stored options.
 */
export function guardGlue(glue) {
  var depth = 0; // guarded calls under way
  var stale = false; // an exception unwound through the instance in use
  var replaced = 0; // instances discarded so far

  /** Swaps in a fresh instance; throws (leaving `stale` set) if it cannot. */
  function replace() {
    glue.__wbg_reset_state();
    stale = false;
    replaced += 1;
  }

  const guard = (call) =>
    function guarded(...args) {
      if (depth === 0 && stale) replace();
      depth += 1;
      try {
        return apply(call, this, args);
      } catch (error) {
        const before = stale;
        stale = true; // first, in case the check below runs out of JS stack too
        if (returnedByCore(error)) stale = before;
        throw error;
      } finally {
        depth -= 1;
        if (depth === 0 && stale) {
          try {
            replace();
          } catch {
            // out of JS stack here too: the next call replaces it first
          }
        }
      }
    };

  const guardedGlue = {};
  for (const [name, value] of Object.entries(glue)) {
    // The web glue's init functions instantiate the module: nothing to guard.
    if (name === '__wbg_reset_state') continue; // the guard's alone
    guardedGlue[name] = typeof value === 'function' && name !== 'default' && name !== 'initSync' ? guard(value) : value;
  }
  guardedGlue.instance = () => {
    if (depth === 0 && stale) replace();
    return replaced;
  };
  return guardedGlue;
}

/** JSON.rawJSON (ES2025; V8 11.4+, Node.js 21+), or undefined where the engine lacks it. */
const rawJSON = typeof JSON.rawJSON === 'function' ? JSON.rawJSON : undefined;

// The built-ins the object walker and the JSON text it writes depend on,
// taken when the module loads: a getter, toJSON or trap that replaces one
// while validate() reads a request cannot change what it reads (JSON.stringify,
// which the text path runs, is not affected by such replacements either). The
// README ("Requests as objects") lists them, and says which are read live.
const stringify = JSON.stringify;
const parse = JSON.parse;
const keysOf = Object.keys;
const isArray = Array.isArray;
const isSafeInteger = Number.isSafeInteger;
const isFiniteNumber = Number.isFinite;
const apply = Reflect.apply;
const slice = String.prototype.slice;
const indexOf = String.prototype.indexOf;
const toLowerCase = String.prototype.toLowerCase;
// The error constructors the wrapper tells errors apart by (and makes its
// own with), as the module found them: a page that replaces a global one
// after load changes no report (live-built-ins.test.mjs). The engine and the
// core throw the intrinsic ones whatever the global names say.
const { TypeError, RangeError, Error } = globalThis;
// The typed arrays' constructors as the module found them, which a page may
// replace (a subclass whose constructor calls validate() while a report is
// read, or a getter on globalThis that answers another one each time it is
// read): every view is made with these, never with a global name read
// afresh. Uint8Array's and Uint32Array's under names of their own; the
// module's own Float64Array shadows the global one.
const { Uint8Array: Uint8ArrayAtLoad, Uint32Array: Uint32ArrayAtLoad, Float64Array } = globalThis;
// The getters of a WebAssembly.Memory's buffer and of a typed array's
// length in bytes, taken at load: a page may replace either with one that
// calls validate() (which may grow the memory) or answers another value
// (another buffer, which the wrapper's views would then stay on).
const ownDescriptor = Object.getOwnPropertyDescriptor;
const memoryBufferGetter = ownDescriptor(WebAssembly.Memory.prototype, 'buffer').get;
const bufferOf = (wasmMemory) => apply(memoryBufferGetter, wasmMemory, []);
const byteLengthGetter = ownDescriptor(Object.getPrototypeOf(Uint8ArrayAtLoad.prototype), 'byteLength').get;
const byteLengthOf = (view) => apply(byteLengthGetter, view, []);
const isWellFormed = String.prototype.isWellFormed;
const charCodeAt = String.prototype.charCodeAt;

/**
 * Whether this engine tells lone surrogates apart (String.prototype.isWellFormed,
 * ES2024): the walker needs it; without it, objects take the text path.
 */
const CAN_WALK = typeof isWellFormed === 'function';

/**
 * Whether the string `text` has a lone surrogate (without isWellFormed,
 * conservative: pairs count too; looked for unit by unit, as no regular
 * expression may run here: see `segment`).
 */
const hasLoneSurrogate = CAN_WALK
  ? (text) => !apply(isWellFormed, text, [])
  : (text) => {
      for (let index = 0; index < text.length; index += 1) if ((apply(charCodeAt, text, [index]) & 0xf800) === 0xd800) return true;
      return false;
    };

/**
 * Whether `error`, thrown by JSON.stringify, is its refusal of a BigInt: a
 * TypeError whose message, lower-cased, says "bigint" (every engine names
 * the type). A toJSON or getter may throw anything, even a Proxy whose
 * traps throw: reading it must not throw again.
 */
const refusesBigInt = (error) => {
  try {
    // A plain search, no regular expression: see `segment`.
    return error instanceof TypeError && apply(indexOf, apply(toLowerCase, `${error.message}`, []), ['bigint']) >= 0;
  } catch (again) {
    // Out of stack here, what it says cannot be told: the RangeError goes on.
    if (ranOutOfStack(again)) throw again;
    return false;
  }
};

/**
 * Whether `error` says the stack ran out in the engine's own words (V8's
 * RangeError, JavaScriptCore's with a full stop, SpiderMonkey's
 * InternalError). Compared whole, with no built-in called: the stack is
 * nearly full here, and V8 aborts the process when it compiles a regular
 * expression for its first use then (trust-boundary.test.mjs found it).
 * Reading `error` must not throw again.
 */
const ranOutOfStack = (error) => {
  try {
    const message = `${error.message}`;
    return message === 'Maximum call stack size exceeded' || message === 'Maximum call stack size exceeded.' || message === 'too much recursion';
  } catch {
    return false;
  }
};

/**
 * JSON text of `value` with every BigInt written as the exact integer it
 * holds; throws what JSON.stringify throws for anything else. Called only
 * after JSON.stringify refused a BigInt, so plain objects never pay for it.
 * With JSON.rawJSON the digits go straight into the text; without it (Node.js
 * 20) each BigInt is written as a string that starts with a mark made afresh
 * for each call (so no text in the request can forge it), and the quoted
 * marks are replaced by their digits afterwards.
 */
function stringifyExact(value, check = (_key, member) => member) {
  if (rawJSON) {
    return stringify(value, (key, member) => (typeof (member = check(key, member)) === 'bigint' ? rawJSON(`${member}`) : member));
  }
  const mark = `bigint:${Math.random()}${Math.random()}:`;
  let marked = 0;
  const text = stringify(value, (key, member) => {
    if (typeof (member = check(key, member)) !== 'bigint') return member;
    marked += 1;
    return `${mark}${member}`;
  });
  if (marked === 0 || typeof text !== 'string') return text;
  // Each quoted mark and its digits, found by a plain search: a regular
  // expression compiled for each call aborted Node.js 20 (RegExpCompiler out
  // of memory) when the call came with the stack nearly full.
  const quoted = `"${mark}`;
  let out = '';
  let from = 0;
  for (let found = apply(indexOf, text, [quoted, 0]); found >= 0; found = apply(indexOf, text, [quoted, from])) {
    const digits = found + quoted.length;
    const end = apply(indexOf, text, ['"', digits]);
    out += `${apply(slice, text, [from, found])}${apply(slice, text, [digits, end])}`;
    from = end + 1;
  }
  return `${out}${apply(slice, text, [from])}`;
}

/**
 * JSON text of the object `request` as JSON.stringify writes it, a BigInt as
 * its digits. Returns `{ text }`, or `{ error }` with what the serialisation threw.
 */
function serialize(request) {
  try {
    return { text: stringify(request) };
  } catch (error) {
    if (!refusesBigInt(error)) return { error };
    try {
      return { text: stringifyExact(request) };
    } catch (again) {
      return { error: again };
    }
  }
}

/**
 * Returns applyDefaults(request, ...) built on the glue's, which serialises an
 * object itself: only when that refuses a BigInt (a TypeError that says so) is
 * the object serialised here, each BigInt as its digits, and handed over as
 * JSON text, which the glue reads the same way. So what applyDefaults returned
 * goes back in, and other objects cost what they did.
 */
export function createApplyDefaults(glue) {
  // Named, not spread: a spread reads Array.prototype[Symbol.iterator] live.
  return function applyDefaults(request, options) {
    try {
      return glue.applyDefaults(request, options);
    } catch (error) {
      if (request === null || typeof request !== 'object') throw error;
      if (!refusesBigInt(error)) {
        throw (returnedByCore(error) && stackRanOut(error)) || error;
      }
      let text;
      try {
        text = stringifyExact(request);
      } catch (again) {
        // Out of stack: that RangeError, not the refusal the BigInt answered.
        throw ranOutOfStack(again) ? again : error;
      }
      if (typeof text !== 'string') throw error;
      return glue.applyDefaults(text, options);
    }
  };
}

/**
 * The engine's RangeError for a JS stack run out, when `error`, a TypeError
 * the core returned (see `returnedByCore`), is its reading of a
 * JSON.stringify that ran out of stack and the stack is nearly full here
 * too (else a falsy value). The core reads that as a request nested too
 * deeply or as options that cannot be read, true of a deep object, not of
 * a shallow one when the call came with the stack nearly full. It keeps
 * what JSON.stringify threw as the TypeError's `cause` (src/wasm.rs,
 * `caused`), which is all this reads of it: no second home of its wording.
 */
const stackRanOut = (error) => ranOutOfStack(ownDescriptor(error, 'cause')?.value) && stackNearlyFull();

/**
 * The engine's own error for a JS stack run out, when it runs out within
 * 2,000 calls from here (each as small as a call can be), else undefined:
 * got by running the stack out (`calls += 1; call()`, no tail call, which
 * JavaScriptCore would make a loop). From a stack not nearly full that
 * takes some 10,000 calls (Node.js), well under a millisecond.
 */
function stackNearlyFull() {
  let calls = 0;
  const call = () => {
    calls += 1;
    call();
  };
  try {
    call();
  } catch (error) {
    return calls < 2000 ? error : undefined;
  }
}

// A byte order mark at the start of a string is the string's own: kept
// (the default decoder drops one at the start of what it decodes).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const OPERATIONS = ['add', 'replace', 'move'];
const defineProperty = Object.defineProperty;
const hasOwn = Object.hasOwn;
const ARRAY_PROTOTYPE = Array.prototype;
// String.prototype.slice as at load, called as `sliceOf(text, start, end)`:
// Function.prototype.call bound to it at load (nothing a page replaces later
// is read), which V8 reduces to the cut itself.
const sliceOf = apply(Function.prototype.bind, Function.prototype.call, [slice]);

// Where readReport is in the record: its words, its text (decoded), the next
// word, and where the next string starts in the text, in UTF-16 units (`at`)
// and in bytes (`atByte`, kept only when the text is not all ASCII: see
// `string`). Module state rather than closures made per call, which cost
// more than the objects they build.
// `reading` is true while readReport runs, and validate() called meanwhile
// reports through the glue's own validate(), which leaves this record alone.
// A guard against a built-in to come: no page code runs while a report is
// read (every built-in the reader calls, the Memory's `buffer` getter
// included, is taken at load, or checked once per report as `arraysPlain`
// is; no getter of the page's is read, a number is made with unary `+`, not
// the global Number, and no setter runs: see `ownMember`), so nothing can
// call validate() meanwhile. Were one to, the strings would still be cut
// right: the text's bytes the cursor walks are a copy (`textBytes`).
var words;
var text;
var next;
var at;
var extraBytes; // how many more bytes the text has than UTF-16 units: 0 when it is all ASCII
var atByte;
// A copy of the text's bytes when it is not all ASCII (see `unitAt`), out
// of wasm memory, which a call made while the report is read could grow or
// overwrite; undefined when it is all ASCII.
var textBytes;
var reading = false;
// Whether Array.prototype's prototype is Object.prototype, as readReport
// found it: a page may give it another, perhaps a Proxy whose traps an
// assignment or `in` would run. Read once per report: nothing the page
// wrote runs while a report is read (unless it replaced a built-in).
var arraysPlain = true;
// How many indices from 0 on readReport found no member at on Array.prototype
// or Object.prototype, in this report (see `ownItem`): asked once per report,
// not once per item, as no page code runs meanwhile to add one.
var plainBelow = 0;
// The wasm memory (a WebAssembly.Memory) whose buffer holds the fixed
// strings. Its buffer is taken afresh for each one read: a call made while
// the report is read (none is, see `reading`) could grow the memory, which
// detaches the buffer the read began with.
var memory;
// The address of the core's table of fixed strings (the record header's fourth word: see `fixedLoaded`).
var fixedTable;
var kept; // what readReport keeps of this glue's reports, from one to the next (see `reportsKept`)

// Where readReport copies a text not all ASCII (see `textBytes`), up to
// COPY_KEPT bytes, kept from one report to the next (a longer text's copy
// is made for it alone): a typed array made per report, its bytes
// allocated apart, made many-problems with one `é` about 3,400
// instructions dearer. A validate() called while a report is read reports
// through the glue (see `reading`), so it never writes here.
const COPY_KEPT = 1 << 14;
const TEXT_KEPT = new Uint8ArrayAtLoad(COPY_KEPT);
// Taken at load, as `apply`: the page may replace it, and a replacement
// that validated another request (growing the memory) would read a
// detached view. encodeInto too: one replaced later that throws, or writes
// into the buffer something other than the text, is not called.
const decode = TextDecoder.prototype.decode;
const encodeInto = TextEncoder.prototype.encodeInto;
const { set: setItems } = Object.getPrototypeOf(Uint8ArrayAtLoad.prototype);
// Taken at load too: the walker's tables of member names (`positions`) must
// not get what a Map.prototype.get the page replaced returned.
const mapGet = Map.prototype.get;

/**
 * What readReport keeps of one glue's reports from one to the next: a view
 * of its whole wasm memory while the buffer is the same (`memory`,
 * `buffer`, `view`), and of the last report's text (`textViewOf`), and the
 * fixed strings it decoded, at their numbers (`fixedLoaded`), codes
 * included. Per glue, so that a glue let go takes its memory with it. The
 * numbers are the instance's (its core numbers the strings as it first
 * writes them), so the strings are forgotten with the memory (`viewOf`)
 * when an instance the guard replaced is forgotten by `followInstance`.
 * The table holds only what the built-ins gave: no page code runs to fill
 * or read it (an array at an index it has asks no prototype), and the page
 * never sees it.
 */
function reportsKept() {
  return {
    memory: undefined,
    buffer: undefined,
    view: new Uint32ArrayAtLoad(0),
    strings: new Array(FIXED_NUMBERS).fill(null), // null: not decoded yet
    text: undefined,
    textAt: -1,
    textByteLength: 0,
  };
}

/**
 * A view of the whole wasm memory `wasm` (a WebAssembly.Memory), made
 * afresh when the memory is another or has grown since (a detached view
 * reads undefined), which the record at `address` is read in place from;
 * no page code runs (the Memory's `buffer` getter is the one taken at load).
 */
function viewOf(wasm, address) {
  // The header's third word: the count of words, header included.
  if (kept.memory !== wasm || kept.view[(address >>> 2) + 2] === undefined) {
    // Another instance's memory: its core numbers the fixed strings afresh.
    if (kept.memory !== wasm) for (let i = 0; i < FIXED_NUMBERS; i += 1) kept.strings[i] = null;
    kept.buffer = bufferOf(wasm);
    kept.view = new Uint32ArrayAtLoad(kept.buffer);
    kept.memory = wasm;
    kept.textAt = -1; // the text's view, of the buffer before (see `textViewOf`)
  }
  return kept.view;
}

/**
 * The next string, cut from the decoded text: from the last one's end to
 * the end the next word gives, in bytes of the record's text. When the text
 * is all ASCII a byte is a UTF-16 unit; otherwise the end in units is found
 * by `unitAt`. One short arrow, which V8 inlines where it is called.
 */
const string = () => sliceOf(text, at, (at = extraBytes === 0 ? words[next++] : unitAt(at, words[next++])));

/**
 * Where the string that ends at the byte `end` of a text not all ASCII ends
 * in the decoded text, in UTF-16 units: counted from the last string's end
 * (`unit` in units, `atByte` in bytes) over the copy of the text's bytes
 * (`textBytes`), each character's first byte (not
 * 10xxxxxx) starting one unit, a 4-byte character's (11110xxx) two, a
 * surrogate pair. Strings come in the order they were written, each from
 * the last one's end, so the text is walked once per report: decoding each
 * string apart cost a view and a decoder's call each, and walking the
 * decoded text a call of charCodeAt (taken at load) per character.
 */
function unitAt(unit, end) {
  // All the bytes beyond units behind: the rest of the text is ASCII.
  if (atByte - unit === extraBytes) unit += end - atByte;
  else {
    const bytes = textBytes;
    for (let byte = atByte; byte < end; byte += 1) {
      const first = bytes[byte];
      if ((first & 0xc0) !== 0x80) unit += first < 0xf0 ? 1 : 2;
    }
  }
  atByte = end;
  return unit;
}

/**
 * The fixed string whose word is `tag` (src/report_record.rs): one that
 * lives as long as the module, given by its number in the core's table of
 * them, in the tag's word above the tag (`FIXED_SHIFT`). Decoded the
 * first time and kept (`kept.strings`), so that a code, a params name or a
 * fixed path or message is not cut afresh on every report, and as a member
 * name is one V8 has already looked up.
 */
const fixedString = (tag) => fixedNumbered(kept.strings, tag >>> FIXED_SHIFT);

/**
 * The fixed string numbered `index`: kept in `strings` (the glue's
 * `kept.strings`, which `diagnostics` holds in a local), or loaded by
 * `fixedLoaded`. The one home of the lookup; short, so that V8 inlines it
 * (into `diagnostics` too, twice, where it was written out: inlined, it
 * costs that function 122 instructions more per call of the invalid
 * request as an object, 0.4% of the call; docs/performance.md, "Small
 * debts").
 */
const fixedNumbered = (strings, index) => (index < FIXED_NUMBERS && strings[index] !== null ? strings[index] : fixedLoaded(index));

/**
 * The fixed string numbered `index`, not yet kept: its address and length
 * read from the core's table (at `fixedTable`, two words each), decoded and
 * kept at its number. A number beyond the kept ones (the core's table
 * larger than `FIXED_NUMBERS`, which the generated constant rules out) is
 * decoded all the same, not kept: a right report, slower, rather than an
 * empty string.
 */
function fixedLoaded(index) {
  const entry = new Uint32ArrayAtLoad(bufferOf(memory), fixedTable + 8 * index, 2);
  const out = fixedDecoded(entry[0], entry[1]);
  if (index < FIXED_NUMBERS) kept.strings[index] = out;
  return out;
}

/**
 * The fixed string at `address`, `length` bytes, decoded from wasm memory.
 * Were the memory to grow while it is decoded (see `readReport`), the view
 * decoded may have been detached first, reading as '': the string is then
 * decoded again from a copy, which no growth detaches, so that only what
 * the memory holds is kept.
 */
function fixedDecoded(address, length) {
  const buffer = bufferOf(memory);
  let out = apply(decode, decoder, [new Uint8ArrayAtLoad(buffer, address, length)]);
  if (bufferOf(memory) !== buffer) out = apply(decode, decoder, [copyOf(Uint8ArrayAtLoad, new Uint8ArrayAtLoad(bufferOf(memory), address, length), length)]);
  return out;
}

/**
 * A copy of the `length` items of the typed array `view`, a `Type` (one of
 * the constructors taken at load) of its own memory, which no growth of wasm
 * memory detaches. Only built-ins taken at load run (`copiedInto`'s); a
 * `view` detached as the copy began throws the TypeError the copy threw.
 */
function copyOf(Type, view, length) {
  const copy = new Type(length);
  copiedInto(copy, view, true);
  return copy;
}

/**
 * Copies the typed array `from` into `to` (as many items, the same type):
 * true, or false when the copy threw on finding either detached by a
 * memory growth (unless `detachedThrows`). Only a built-in replaced before
 * the package loaded (the typed arrays' `set`, or Reflect.apply, calling
 * validate() before the built-in) grows the memory there; the caller views
 * it afresh and copies again. Anything else it threw is thrown.
 */
function copiedInto(to, from, detachedThrows) {
  try {
    apply(setItems, to, [from]);
    return true;
  } catch (error) {
    if (!detachedThrows && (byteLengthOf(to) === 0 || byteLengthOf(from) === 0)) return false;
    throw error;
  }
}

/** A data member's descriptor, for `define`; no prototype, so that nothing on Object.prototype is read as part of it. */
const MEMBER = { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true };

/**
 * Makes `value` the own data member `name` of `out`, as JSON.parse does.
 * Assigned, which costs far less than defining it, unless Object.prototype
 * has a member of that name: a setter there would run page code while the
 * report is read (which could call validate() and overwrite the record
 * being read, or throw), a read-only member would refuse the assignment,
 * and `__proto__` would set the prototype. Those are defined.
 */
function ownMember(out, name, value) {
  // hasOwn, not `in` (the same here: Object.prototype has no prototype),
  // which V8 answers far more slowly for a string cut from a text.
  if (hasOwn(OBJECT_PROTOTYPE, name)) define(out, name, value);
  else out[name] = value;
}

/**
 * Appends `value` to the array `out` as its own data member, as `ownMember`
 * does: assigned unless the prototype chain has a member at that index, or
 * is not Array.prototype then Object.prototype (see `arraysPlain`).
 */
function ownItem(out, value) {
  const index = out.length;
  if (index < plainBelow) out[index] = value;
  else if (!arraysPlain || index in ARRAY_PROTOTYPE) define(out, index, value);
  else {
    out[index] = value;
    // Only the next index: one found free above a setter's leaves it in between.
    if (index === plainBelow) plainBelow = index + 1;
  }
}

/** Defines `key` of `out` as a writable, enumerable, configurable data member holding `value`. */
function define(out, key, value) {
  MEMBER.value = value;
  defineProperty(out, key, MEMBER);
  MEMBER.value = undefined;
}

/**
 * An array of `read()`'s results, as many as the next word says. One is
 * the usual `related`: made in a literal (which, like ownItem, runs no
 * setter), without growing an empty array.
 */
function list(read) {
  let count = words[next++];
  if (count === 1) return [read()];
  const out = [];
  for (; count > 0; count -= 1) ownItem(out, read());
  return out;
}

/** An object of as many members as the next word says. */
function object() {
  const out = {};
  for (let count = words[next++]; count > 0; count -= 1) {
    const name = string();
    ownMember(out, name, value());
  }
  return out;
}

/**
 * A value: its tag (null, false, true, a small integer, a number literal, a
 * string, an array, an object, a fixed string), then its content. The
 * usual ones (a fixed string, a string, a small integer) first, in few
 * enough lines that V8 inlines them where they are called.
 */
function value() {
  const tag = words[next++];
  if (tag >= TAG_FIXED) return fixedString(tag);
  if (tag === TAG_STRING) return string();
  return tag === TAG_SMALL ? words[next++] : otherValue(tag);
}

/** A value whose tag is `tag`, but for those `value` reads itself. */
function otherValue(tag) {
  switch (tag) {
    case TAG_NULL: return null;
    case TAG_FALSE: return false;
    case TAG_TRUE: return true;
    case TAG_LITERAL: return +string(); // not the global Number, which a page may replace
    case TAG_ARRAY: return list(value);
    case TAG_OBJECT: return object();
    default: return undefined; // a detached view's (see `readReport`)
  }
}

/** A JSON Patch operation: { op, path, value }, or { op: 'move', from, path }. */
function operation() {
  const op = OPERATIONS[words[next++]];
  const first = string();
  return op === 'move' ? { op, from: first, path: string() } : { op, path: first, value: value() };
}

/**
 * The params of `count` members from the word `next` on, each one's name
 * (a fixed string, or one of the text) then its value, when they are of
 * none of the shapes `diagnostics` builds (the core wrote 0 for their
 * shape): member by member.
 */
function paramsByName(count) {
  const out = {};
  for (count = count === HEAD_PARAMS_COUNTED ? words[next++] : count; count > 0; count -= 1) {
    const name = value();
    ownMember(out, name, value());
  }
  return out;
}

/**
 * Reads `count` diagnostics from the word `next` on into `out`, each
 * { code, severity, path, message, params?, fix? } made in one literal;
 * `severity` is the list's, errors' or warnings'. The reader's hot path:
 * the words, the next word and where the next string starts are locals
 * here (module variables are loaded and checked again at every use and
 * after every call), and the usual values (a fixed string, a string of the
 * text, a small integer) are read in place; any other value, the params
 * of no shape and a fix are read by `value`, `paramsByName` and `list`
 * from the module's state, written before and read back after.
 */
function diagnostics(out, count, severity) {
  // Locals for `words`, `next` (the word read next) and `at` (where the next
  // string starts in the text), put back around each call that reads them.
  const record = words;
  const all = text;
  const ascii = extraBytes === 0;
  const strings = kept.strings;
  let word = next;
  let cut = at;
  for (; count > 0; count -= 1) {
    // The head: the code's number (its number among the fixed strings
    // too), the params' shape, whether a fix follows, the params' count.
    const head = record[word];
    const code = fixedNumbered(strings, head & HEAD_CODE);
    word += 1;
    const shape = (head >>> HEAD_SHAPE_SHIFT) & HEAD_SHAPE;
    let params = head >>> HEAD_PARAMS_SHIFT;
    // The path and the message, then the params' values when the core gave their shape's number.
    let path;
    let message;
    let a0;
    let a1;
    let a2;
    for (let i = 0, last = shape > 0 ? 2 + params : 2; i < last; i += 1) {
      const tag = record[word];
      let value;
      if (tag >= TAG_FIXED) {
        // A fixed string: its number in the tag's word.
        value = fixedNumbered(strings, tag >>> FIXED_SHIFT);
        word += 1;
      } else if (tag === TAG_STRING) {
        const end = record[word + 1];
        value = sliceOf(all, cut, (cut = ascii ? end : unitAt(cut, end)));
        word += 2;
      } else if (tag === TAG_SMALL) {
        value = record[word + 1];
        word += 2;
      } else {
        next = word + 1;
        at = cut;
        value = otherValue(tag);
        word = next;
        cut = at;
      }
      if (i === 0) path = value;
      else if (i === 1) message = value;
      else if (i === 2) a0 = value;
      else if (i === 3) a1 = value;
      else a2 = value;
    }
    let fix;
    if (shape > 0) {
      // <generated: params literals> from the code registry by tests/generated.rs; do not edit by hand.
      switch (shape) {
        case 1: params = { line: a0, column: a1 }; break;
        case 2: params = { actual: a0 }; break;
        case 3: params = { member: a0, suggestion: a1 }; break;
        case 4: params = { member: a0 }; break;
        case 5: params = { expected: a0, actual: a1 }; break;
        case 6: params = { min: a0, value: a1 }; break;
        case 7: params = { allowed: a0, suggestion: a1 }; break;
        case 8: params = { allowed: a0 }; break;
        case 9: params = { min: a0, length: a1 }; break;
        case 10: params = { max: a0, length: a1 }; break;
        case 11: params = { pattern: a0 }; break;
        case 12: params = { max: a0, count: a1 }; break;
        case 13: params = { related: a0 }; break;
        case 14: params = { expected: a0, actual: a1, suggestion: a2 }; break;
        case 15: params = { suggestion: a0 }; break;
        case 16: params = { now: a0, lastYear: a1 }; break;
        case 17: params = { pattern: a0, count: a1 }; break;
        case 18: params = { pattern: a0, suggestion: a1, count: a2 }; break;
        case 19: params = { total: a0, shown: a1 }; break;
        case 20: params = { source: a0, destination: a1, related: a2 }; break;
        case 21: params = { source: a0, destination: a1 }; break;
        case 22: params = { location: a0, related: a1 }; break;
        case 23: params = { location: a0 }; break;
        case 24: params = { storageClass: a0, related: a1 }; break;
        case 25: params = { storageClass: a0 }; break;
      }
      // </generated: params literals>
    } else if (params > 0) {
      next = word;
      at = cut;
      params = paramsByName(params);
      word = next;
      cut = at;
    } else params = undefined;
    if ((head & HEAD_FIX) !== 0) {
      next = word;
      at = cut;
      fix = list(operation);
      word = next;
      cut = at;
    }
    let made;
    if (fix === undefined) made = params === undefined ? { code, severity, path, message } : { code, severity, path, message, params };
    else made = params === undefined ? { code, severity, path, message, fix } : { code, severity, path, message, params, fix };
    ownItem(out, made);
  }
  next = word;
  at = cut;
  return out;
}

/**
 * The report the core wrote as a record at `address` in the wasm memory
 * `wasm` (a WebAssembly.Memory; src/report_record.rs has the layout), as the plain objects JSON.parse
 * made of the report's JSON text: the same members in the same order, each
 * an own data member made without running page code (see `ownMember`). Its
 * strings are decoded from one text and cut where the record says (see
 * `string`), or are fixed strings kept in `reports` (one per glue: see
 * `reportsKept`). Nothing of the record is kept once it returns or throws.
 *
 * The record's words are read in place, from the view of the whole memory
 * kept with `reports`, and its text decoded (by TextDecoder.prototype.decode
 * taken at load) first, and the text's bytes copied when it is not all
 * ASCII. No page code runs while a report is read (see `reading`); were a
 * built-in to come to run some, validate() called from there would leave
 * the record alone (the glue's own validate() writes none) but might grow
 * the memory, detaching the view: the record, still where it was, is then
 * read once more, from a copy of its words and text (which no growth
 * detaches, however often it grows). A fixed string not yet kept is read
 * from the memory's buffer taken afresh (the module's data never changes;
 * see `fixedDecoded`).
 */
function readReport(wasm, address, reports) {
  reading = true;
  try {
    memory = wasm;
    kept = reports;
    arraysPlain = getPrototypeOf(ARRAY_PROTOTYPE) === OBJECT_PROTOTYPE;
    plainBelow = 0;
    const start = address >>> 2;
    words = viewOf(wasm, address);
    const report = reportAt(start, textViewOf(words[start], words[start + 1]));
    // The memory grew meanwhile, detaching the view (it then reads
    // undefined). Only page code could grow it, and none runs (see
    // `reading`); were a built-in to come to run some, the record is still
    // there, unchanged (see `reading`), in the grown memory.
    if (words[start] !== undefined) return report;
    words = viewOf(wasm, address);
    const bytes = words[start + 1];
    const textCopy = copyOf(Uint8ArrayAtLoad, new Uint8ArrayAtLoad(kept.buffer, words[start], bytes), bytes);
    words = copyOf(Uint32ArrayAtLoad, new Uint32ArrayAtLoad(kept.buffer, address, words[start + 2]), words[start + 2]);
    return reportAt(0, textCopy);
  } finally {
    words = text = textBytes = memory = kept = undefined; // a long report's text is not kept until the next one
    reading = false;
  }
}

/**
 * A view of the record's text, `bytes` bytes at `address` in the buffer
 * kept: the last report's when its text was there too (the core reuses the
 * text's memory from one report to the next; `viewOf` forgets it with the
 * buffer), else a new one, kept for the next.
 */
function textViewOf(address, bytes) {
  if (kept.textAt !== address || kept.textByteLength !== bytes) {
    kept.text = new Uint8ArrayAtLoad(kept.buffer, address, bytes);
    kept.textAt = address;
    kept.textByteLength = bytes;
  }
  return kept.text;
}

/**
 * The report whose record starts at the word `start` of `words` (the view
 * of wasm memory, or a copy of the record), its text the bytes of `view`,
 * or undefined when the memory grew while its text was decoded, detaching
 * the view.
 */
function reportAt(start, view) {
  // The header: where the text is, its length in bytes, the count of words,
  // where the core's table of fixed strings is.
  const bytes = words[start + 1];
  fixedTable = words[start + 3];
  text = bytes === 0 ? '' : apply(decode, decoder, [view]);
  if (words[start] === undefined) return undefined;
  // As many UTF-16 units as bytes: every character is ASCII, and the
  // strings' ends in bytes are their ends in the text. Otherwise the
  // cursor walks a copy of the bytes, made before any string is read.
  extraBytes = bytes - text.length;
  if (extraBytes !== 0) {
    textBytes = bytes > COPY_KEPT ? new Uint8ArrayAtLoad(bytes) : TEXT_KEPT;
    if (!copiedInto(textBytes, view)) return undefined; // the memory grew as it began: read again (see `readReport`)
  }
  // After the header: valid, the count of errors and of warnings, then the diagnostics.
  next = start + 7;
  at = atByte = 0;
  const errors = diagnostics([], words[start + 5], 'error');
  const warnings = diagnostics([], words[start + 6], 'warning');
  return { valid: words[start + 4] === 1, errors, warnings };
}

/** Whether JSON.stringify writes `value` from its own members (it has no toJSON). */
const plain = (value) => typeof value.toJSON !== 'function';

/**
 * Whether `value` is an object JSON.stringify writes as {...} from its own
 * members: not an array, a boxed primitive (written as the primitive) or a
 * Date (toJSON). Its keys are not listed here (see `record`).
 */
function objectLike(value) {
  if (typeof value !== 'object' || value === null || !plain(value)) return false;
  const proto = getPrototypeOf(value);
  return proto === OBJECT_PROTOTYPE || proto === null;
}

/** What an array or object member is, for the walk that descends into it. */
const kind = (value) => (value !== null && typeof value === 'object' ? (isArray(value) ? ARRAY : OBJECT) : value);

/** How walkOptions treats the print it is given: fill it, compare with it, or compare and keep the values seen. */
const TAKE = 0;
const COMPARE = 1;
const ADOPT = 2;

/**
 * What `see` returns once a walk differs from the print; every place from
 * here on counts as different (walkOptions stops soon after, and no print
 * is that long).
 */
const DIFFERS = 1 << 29;

/**
 * One value seen at place `at` of `print`. COMPARE: the same as the one
 * there (a place beyond the print reads as undefined, but then the walk is
 * longer than the print, which the caller checks). TAKE: appended. ADOPT:
 * compared, then written over the one there, within the print only. A
 * value the core reads alike is the same by `===` (a print comes from a
 * JSON copy, which holds no NaN, and JSON writes -0 as 0). Writing the
 * caller's own strings over the copy's equal ones makes later walks compare
 * them by identity, not character by character. Returns the next place, or
 * DIFFERS. Seen at DIFFERS (after a mark that differed, by the walk of what
 * it marks) it returns DIFFERS or one more: still a place that differs. Every
 * key loop stops at DIFFERS and returns it, reading nothing more.
 */
function see(print, at, value, mode) {
  if (mode === COMPARE) return print[at] === value ? at + 1 : DIFFERS;
  if (mode === TAKE) {
    print[print.length] = value;
    return at + 1;
  }
  if (at >= print.length || print[at] !== value) return DIFFERS;
  print[at] = value;
  return at + 1;
}

/**
 * `see` for the six values walkOptions reads first from every location
 * description, in one step: a form passes descriptions on every keystroke,
 * and a step per value took twice as long.
 */
function seeEntry(print, at, mode, arn, uri, type, storageClass, agents, mount) {
  if (mode === TAKE) {
    const end = print.length;
    print[end] = arn;
    print[end + 1] = uri;
    print[end + 2] = type;
    print[end + 3] = storageClass;
    print[end + 4] = agents;
    print[end + 5] = mount;
    return at + 6;
  }
  if (print[at] !== arn || print[at + 1] !== uri || print[at + 2] !== type
    || print[at + 3] !== storageClass || print[at + 4] !== agents || print[at + 5] !== mount) return DIFFERS;
  if (mode === ADOPT) {
    if (at + 6 > print.length) return DIFFERS;
    print[at] = arn;
    print[at + 1] = uri;
    print[at + 2] = type;
    print[at + 3] = storageClass;
  }
  return at + 6;
}

/** A member the core reads as a string: seen as it is (an object could change inside, so none may be there). */
const scalar = (print, at, value, mode) => (value !== null && typeof value === 'object' ? DIFFERS : see(print, at, value, mode));

/**
 * Whether JSON.stringify writes the member `key` of `holder`, one the core
 * does not read, without throwing: read as JSON.stringify reads it (a
 * getter or a toJSON runs, as it would there), it holds a string, number,
 * boolean, symbol, null or undefined; an array or a plain object of such
 * values, to 8 levels (a cycle is not followed further: it differs); or an
 * object whose toJSON returns such a value (a Date, whose toJSON, as the
 * page has it now, gives its toISOString() or null: a task's or location's
 * CreationTime as an SDK gives it). Anything else (a BigInt, a function, a
 * boxed primitive with its own prototype, a class instance; a box given a
 * plain object's prototype passes: README) makes the options differ from any
 * print: they are read in full (readJSON), which throws the TypeError for
 * options JSON cannot write. Skipping such members took options holding a
 * cycle for the `{}` kept before them. TAKE walks a JSON copy, whose every
 * value JSON writes as it is: options with an object there are still kept
 * (and an object request still walked).
 */
const inert = (holder, key, mode) => mode === TAKE || written(holder[key], key, 8);

/** `inert` for `value`, read as the member `key`, with `depth` levels of arrays and objects left to follow. */
function written(value, key, depth) {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'bigint';
  if (depth === 0) return false;
  // What it returns is written in its place, as it is (JSON.stringify runs no toJSON of it): not an object.
  const toJSON = value.toJSON;
  if (typeof toJSON === 'function') return written(apply(toJSON, value, [key]), key, 0);
  const array = isArray(value);
  const proto = getPrototypeOf(value);
  if (!array && proto !== OBJECT_PROTOTYPE && proto !== null) return false;
  // Read as JSON.stringify reads them: an array's length once, then each
  // index (a hole through the prototype); an object's members as Object.keys lists them.
  const names = array ? value : keysOf(value);
  for (let i = 0, length = names.length; i < length; i += 1) {
    const name = array ? `${i}` : names[i];
    if (!written(value[name], name, depth - 1)) return false;
  }
  return true;
}

/** The Options of a DescribeTask response: how many, then each name and value. */
function walkSettings(print, at, settings, mode) {
  const names = keysOf(settings);
  at = see(print, at, names.length, mode);
  // Indexed: for-of would read Array.prototype[Symbol.iterator] live.
  for (let k = 0; k < names.length && at < DIFFERS; k += 1) at = scalar(print, see(print, at, names[k], mode), settings[names[k]], mode);
  return at;
}

/**
 * What the core reads of a DescribeTask response (src/task.rs), in the
 * order JSON.stringify reads it: its Options walked where the key loop
 * reaches them, marked by OBJECT, then the strings read on the way.
 */
function walkTask(print, at, described, mode) {
  let arn, taskMode, logGroup, source, destination;
  // Only the members JSON.stringify writes (see `walkOptions`).
  const keys = keysOf(described);
  for (let k = 0; k < keys.length && at < DIFFERS; k += 1) {
    switch (keys[k]) {
      case 'TaskArn': arn = described.TaskArn; break;
      case 'TaskMode': taskMode = described.TaskMode; break;
      case 'CloudWatchLogGroupArn': logGroup = described.CloudWatchLogGroupArn; break;
      case 'SourceLocationArn': source = described.SourceLocationArn; break;
      case 'DestinationLocationArn': destination = described.DestinationLocationArn; break;
      case 'Options': at = member(print, see(print, at, OBJECT, mode), described.Options, mode, walkSettings); break;
      default: if (!inert(described, keys[k], mode)) return DIFFERS;
    }
  }
  if (at >= DIFFERS) return DIFFERS;
  at = scalar(print, at, arn, mode);
  at = scalar(print, at, taskMode, mode);
  at = scalar(print, at, source, mode);
  at = scalar(print, at, destination, mode);
  return scalar(print, at, logGroup, mode);
}

/**
 * An object member, or none: undefined and null are seen, an object is
 * marked by true and walked by `walk`, anything else cannot be compared.
 */
function member(print, at, value, mode, walk) {
  if (value === undefined || value === null) return see(print, at, value, mode);
  return objectLike(value) ? walk(print, see(print, at, true, mode), value, mode) : DIFFERS;
}

/**
 * Walks every value the core reads from `{ locations, operation, task }`
 * options into `print`, in the order JSON.stringify reads them (each
 * member's contents where the key loop reaches it, marked by OBJECT for the
 * task and ARRAY for the locations; the operation, which has no contents,
 * in the print's first place; see `see`; `mode` TAKE, COMPARE or
 * ADOPT), and returns how many there were, or DIFFERS when the walk differs
 * from the print or the options cannot be compared this way (entries that
 * are not objects, an object where the core reads a string, a toJSON that
 * would make JSON.stringify read something else, a getter that throws):
 * then they are read again. A walk equal to the print means options the
 * core reads alike, so the ones kept in wasm can be used again without
 * JSON.stringify and parsing (a form validates on every keystroke with the
 * same options). Members the core does not read (a task's CreationTime,
 * say) are not in the print, but must be ones JSON writes without throwing
 * (`inert`); one of the options themselves differs (the core refuses it). Of each object, only the members JSON.stringify
 * writes are read: those `Object.keys` lists (its own enumerable string
 * keys, through a Proxy's traps, as JSON.stringify lists them), each by its
 * name in a switch over the list. A plain read would also see what
 * JSON.stringify leaves out (a member inherited from the prototype or from a
 * polluted Object.prototype, a non-enumerable one, one a Proxy's ownKeys
 * hides), and options that differ from the kept ones only there were taken
 * for them (tests/node/hunt5). Named reads, not `value[key]`: a keyed read
 * of many names is megamorphic, and cost basic+locations about 1,500
 * instructions per call more (bench/instructions.cjs); these cost about 200. The place in the print is passed along, not kept in
 * an object or a closure: a form walks on every keystroke, and V8 keeps a
 * plain number in a register.
 */
function walkOptions(options, print, mode) {
  try {
    // `objectLike(options)` written out, and `plain` too below: the toJSON
    // lookup then has an inline cache of its own that sees one kind of
    // object, where `plain`'s, shared by every caller, sees many and is slow;
    // with the prototype read here too, a walk of two descriptions took
    // about 20 ns less (docs/performance.md, Locations).
    if (typeof options !== 'object' || options === null || typeof options.toJSON === 'function') return DIFFERS;
    const proto = getPrototypeOf(options);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return DIFFERS;
    // The operation's place, first (walked() reads it there), is filled once
    // the key loop has read it: a string has nothing inside to change.
    if (mode === TAKE) print[0] = undefined;
    let operation;
    let at = 1;
    const keys = keysOf(options);
    for (let k = 0; k < keys.length && at < DIFFERS; k += 1) {
      switch (keys[k]) {
        case 'operation': operation = options.operation; break;
        case 'task': at = member(print, see(print, at, OBJECT, mode), options.task, mode, walkTask); break;
        case 'locations': at = walkLocations(print, see(print, at, ARRAY, mode), options.locations, mode); break;
        // Any other member is one the core refuses (src/context.rs, unknown_option): read in full, then thrown.
        default: return DIFFERS;
      }
    }
    if (at >= DIFFERS || (operation !== null && typeof operation === 'object')) return DIFFERS;
    if (mode === TAKE) print[0] = operation;
    else if (see(print, 0, operation, mode) >= DIFFERS) return DIFFERS;
    return at;
  } catch {
    return DIFFERS;
  }
}

/**
 * The `locations` of the options, walked where walkOptions' key loop
 * reaches them: each entry's AgentArns and MountOptions where its own key
 * loop reaches them (marked by ARRAY and OBJECT), then the six values read
 * on the way in one step.
 */
function walkLocations(print, at, locations, mode) {
  if (locations === undefined || locations === null) return see(print, at, locations, mode);
  if (!isArray(locations) || typeof locations.toJSON === 'function') return DIFFERS;
  at = see(print, at, locations.length, mode);
  for (let i = 0; i < locations.length && at < DIFFERS; i += 1) {
    const entry = locations[i];
    // Written by JSON.stringify as {...}: not null, an array, an object
    // with a toJSON or a boxed primitive (written as the primitive, or
    // refused: a BigInt). A class instance's own enumerable members are
    // what JSON.stringify writes of it; only an entry of another prototype
    // than a plain object's is asked whether it is a box.
    if (entry === null || typeof entry !== 'object' || isArray(entry) || typeof entry.toJSON === 'function') return DIFFERS;
    const proto = getPrototypeOf(entry);
    if (proto !== OBJECT_PROTOTYPE && proto !== null && boxed(entry)) return DIFFERS;
    let arn, uri, type, storageClass, agents, mount;
    const names = keysOf(entry);
    for (let k = 0; k < names.length && at < DIFFERS; k += 1) {
      switch (names[k]) {
        case 'LocationArn': arn = entry.LocationArn; break;
        case 'LocationUri': uri = entry.LocationUri; break;
        case 'type': type = entry.type; break;
        case 'S3StorageClass': storageClass = entry.S3StorageClass; break;
        case 'AgentArns':
          agents = entry.AgentArns;
          if (isArray(agents)) at = walkAgents(print, see(print, at, ARRAY, mode), agents, mode);
          break;
        case 'MountOptions':
          mount = entry.MountOptions;
          if (mount !== null && typeof mount === 'object') at = walkMount(print, at, mount, mode, 2);
          break;
        case 'Protocol': at = walkMount(print, at, entry.Protocol, mode, 0); break;
        default: if (!inert(entry, names[k], mode)) return DIFFERS;
      }
    }
    if (at >= DIFFERS) return DIFFERS;
    // An array or object is seen as its kind (walked above): the kept
    // print comes from a copy, so identity would never match.
    at = seeEntry(print, at, mode, arn, uri, type, storageClass, kind(agents), kind(mount));
  }
  return at;
}

/** A location's AgentArns array: its length, then each value. */
function walkAgents(print, at, agents, mode) {
  if (typeof agents.toJSON === 'function') return DIFFERS;
  at = see(print, at, agents.length, mode);
  for (let j = 0; j < agents.length && at < DIFFERS; j += 1) at = see(print, at, agents[j], mode);
  return at;
}

/** `depth` 2: a MountOptions; 0: FSx's Protocol, with NFS (1) holding one. Seen, or walked to the member the core reads, marked. */
function walkMount(print, at, value, mode, depth) {
  if (value === null || typeof value !== 'object' || depth > 2) return see(print, at, value, mode);
  if (!objectLike(value)) return DIFFERS;
  const name = MOUNT_PATH[depth];
  let inner;
  const listed = keysOf(value);
  for (let k = 0; k < listed.length; k += 1) {
    if (listed[k] === name) inner = value[name];
    else if (!inert(value, listed[k], mode)) return DIFFERS;
  }
  return walkMount(print, see(print, at, OBJECT, mode), inner, mode, depth + 1);
}
const MOUNT_PATH = ['NFS', 'MountOptions', 'Version'];

/**
 * What the glue reads for `options`, read once, by JSON.stringify (taken at
 * load, as JSON.parse is), as a copy for the glue to read in their place,
 * which runs no code of the caller's: a member the core reads that
 * JSON.stringify left out because it holds a symbol or a function (even one
 * it did not read: inherited, or not enumerable, read here) is put back, for
 * the glue to refuse (src/wasm.rs dropped_member). Options with a toJSON
 * are judged by what it returned (even themselves: no member is put back,
 * as dropped_member puts none back), and options JSON writes as something
 * other than {...} (a boxed string, number or boolean, an array) by what
 * JSON wrote: the glue is given an object whose toJSON returns that, so the
 * core sees what it would have seen of the options. What reading threw is
 * given to the glue to throw; options that are not an object (undefined and
 * null are none), as they are.
 */
function readJSON(options) {
  if (typeof options !== 'object' || options === null) return options;
  // The options as JSON.stringify writes them (what their toJSON returned:
  // when that is undefined, nothing follows), and their members, kept in an
  // object without a prototype (no setter of Object.prototype's runs).
  let root;
  let first = true;
  let judgedByToJSON = false;
  const members = { __proto__: null };
  let text;
  try {
    // toJSON read once, here, as JSON.stringify reads it: stringify is given
    // an object whose toJSON returns what the options' toJSON returned (or
    // the options), and reads no toJSON of the options again.
    const toJSON = options.toJSON;
    judgedByToJSON = typeof toJSON === 'function';
    const judged = judgedByToJSON ? apply(toJSON, options, ['']) : options;
    text = stringify({ toJSON: () => judged }, function seen(key, value) {
      if (first) {
        first = false;
        root = value;
      } else if (this === root) members[key] = value;
      return value;
    });
  } catch (error) {
    // The glue's JSON.stringify throws it again, and the glue its TypeError.
    return {
      toJSON() {
        throw error;
      },
    };
  }
  const copy = text === undefined ? undefined : parse(text);
  // Judged by what JSON wrote, as the glue judges it (no member put back).
  if (judgedByToJSON || copy === null || typeof copy !== 'object' || isArray(copy)) return { toJSON: () => copy };
  for (let i = 0; i < MEMBERS.length; i += 1) {
    const name = MEMBERS[i];
    // One JSON.stringify did not read (inherited, not enumerable) is read now, as the glue reads it.
    const value = hasOwn(members, name) ? members[name] : options[name];
    if (typeof value === 'symbol' || typeof value === 'function') define(copy, name, value);
  }
  return copy;
}

// The walker: a request given as an object is read here, not written by
// JSON.stringify (which alone cost about as much as a compiled JSON Schema
// validator's whole check). A walker generated from the schema table (below)
// lists each object's keys as JSON.stringify does (Object.keys: its own
// enumerable string keys, in the same order, through the same Proxy traps),
// reads each value once (and calls a toJSON as JSON.stringify calls it), and writes words into wasm memory and the strings
// into one text that is encoded into the input buffer; the core
// (src/walked.rs) reads them as the single pass reads text, with the same
// checks. A member holding a string (without a lone surrogate), a safe
// integer, a boolean or null that its shape does not take (a wrong type, a
// word outside the enum) is written as SCALAR, its kind and value, with no
// JSON.stringify. Anything else the walker does not read as its member's
// shape (an unknown member, a string with a lone surrogate, a number that is
// not a safe integer, an object that is not plain, an object or array where
// a scalar belongs, a list longer than the model allows) is written as
// JSON.stringify writes it, into the strings. Either way the core's
// reporting reader (src/walked.rs) reads the words again as the single pass
// reads the request's text: a SCALAR is reported through the pass's own
// functions, JSON text is read by the pass itself, and only what the pass
// leaves to the general path is judged from the request's JSON text,
// written from the words and strings as JSON.stringify would have written
// it. So every value is read once, as JSON.stringify reads it, and the
// report is the text's. A member holding undefined, a function or a symbol
// is left out, as JSON.stringify leaves it out.

/** What `walked` returns when the request is to be validated as JSON text. */
const GIVE_UP = Symbol('give up');
const OBJECT_PROTOTYPE = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;
const setPrototypeOf = Object.setPrototypeOf;

// Where the walk is: the next word in WALK_BUFFER, the strings read so far
// (in an object made for each walk: appending to a module variable took
// V8's write barrier per string), and where the last members written as
// JSON text end in the words. Module state, as readReport's. Declared with
// `var`, as the walker's other state (`entered`, `replaced`, `arrayLength`):
// V8 checks each read and write of a `let` from another function for its
// temporal dead zone (a compare and a branch each), which cost full BASIC
// as an object about 1,600 instructions per call (docs/performance.md,
// "Objects: the walk, one more pass").
var walkNext = 0;
var walkStrings = { all: '' };
var rawEnd = -1;
/** The schedule expression the walker wrote ('' for none), for `timeFor`. */
var walkSchedule = '';

/**
 * `Date.now()` for the core's check that a cron expression ever fires,
 * read here after the walk rather than by the core through the glue (which
 * cost a full request about 4%): when `expression` is spelled as a cron
 * expression, which is when the core reads the clock (for one that turns
 * out malformed, it would not have: a read more, and the only difference).
 * Undefined otherwise: the core then reads the clock itself if a rule needs
 * it (a spelling it still reads as cron, such as ' CRON(...)'). NaN when
 * Date.now throws or gives no number, which the core takes as no clock, as
 * it takes its own read: nothing unwinds through the core.
 */
function timeFor(expression) {
  if (apply(slice, expression, [0, 5]) !== 'cron(') return undefined;
  try {
    const now = Date.now();
    return typeof now === 'number' ? now : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Each of `names` to its position, for a key out of the expected order: a
 * Map, read with Map.prototype.get taken at load (so no other key is found
 * in it, and no replaced get changes the answer; an object without a
 * prototype, read by key, cost more).
 */
function positions(names) {
  return new Map(names.map((name, i) => [name, i]));
}

/**
 * The end of a structure's walker for an object `o` whose toJSON was read
 * (not a function) and whose prototype `proto` (AN_ARRAY for an array,
 * undefined when asking threw) is not Object.prototype or null: left for
 * `raw` to write, marked (AN_ARRAY, AN_OBJECT) so that toJSON is not read
 * again; false. JSON.stringify never asks for the prototype: a Proxy's
 * getPrototypeOf trap runs once per object (the README says so), and one
 * that throws makes `o` one to write. The prototype tells a boxed primitive,
 * which JSON.stringify writes as the primitive, at no cost (the checks
 * without it throw for every other object, which costs more than the walk);
 * asked in each walker, where V8 knows the object's map from the read of
 * toJSON, it is a constant (in a function of its own, a runtime call).
 */
function notPlain(proto) {
  replaced = proto === AN_ARRAY ? AN_ARRAY : AN_OBJECT;
  return false;
}

/**
 * The objects and arrays the walker (or the JSON text it writes) is inside,
 * from the request down: JSON.stringify's stack. `notAncestor` checks them
 * while a member is written as JSON text, so that a way back to one of them
 * is the cycle JSON.stringify finds there, before it reads the ancestor's
 * members again. Without a prototype: a slot written never asks
 * Array.prototype, where a page's setter would run or a read-only member
 * make every walk throw.
 */
const ancestors = setPrototypeOf([], null);
var entered = 0;

/** Forgets every ancestor (after a walk that threw, or to be sure none is kept). */
function unwind() {
  while (entered > 0) ancestors[--entered] = undefined;
}

/** Leaves the object or array entered last (see `ancestors`); true. */
function leave() {
  ancestors[--entered] = undefined;
  return true;
}

/**
 * The end of an object's members, which follow the word at `head` (its
 * member's or item's, or the operation's for the request): that word holds
 * how many words they took (src/walked.rs), and a run of members written as
 * JSON text ends with them; then `leave`.
 */
function close(head) {
  WALK_BUFFER[head] += POSITIONS * (walkNext - head - 1);
  rawEnd = -1;
  return leave();
}

/** JSON.stringify's replacer while the walker writes JSON text: throws what it throws for a cycle back to an ancestor. */
function notAncestor(_key, value) {
  if (typeof value === 'object' && value !== null) {
    for (let i = 0; i < entered; i += 1) if (ancestors[i] === value) throw new TypeError('Converting circular structure to JSON');
  }
  return value;
}

/** Whether `o` is a boxed primitive (which JSON.stringify writes as the primitive): checked by its internal slot, which no trap sees. */
function boxed(o) {
  for (let i = 0; i < BOXED.length; i += 1) {
    try {
      apply(BOXED[i], o, []);
      return true;
    } catch {
      // not this kind
    }
  }
  return false;
}
const BOXED = [String, Number, Boolean, typeof BigInt === 'function' ? BigInt : Number].map((type) => type.prototype.valueOf);

/**
 * JSON.stringify's text of the object `o` (not an array), whose toJSON was
 * read and is not a function: its own enumerable members, each read once;
 * undefined for a boxed primitive, which JSON.stringify writes.
 */
function objectText(o) {
  if (boxed(o)) return undefined;
  const keys = keysOf(o);
  ancestors[entered++] = o;
  let out = '';
  for (let i = 0; i < keys.length; i += 1) {
    const text = stringifyMember(keys[i], o[keys[i]]);
    if (text !== '{}') out += `${out === '' ? '' : ','}${apply(slice, text, [1, -1])}`;
  }
  leave();
  return `{${out}}`;
}

/** The text of `v` as JSON.stringify writes it as the value of member `key`, after a walker gave up on it (see `replaced`). */
function valueText(key, v) {
  const kind = replaced;
  const length = arrayLength;
  arrayLength = -1;
  const value = taken(v);
  // What toJSON returned is not asked for a toJSON again; nor is an object whose toJSON was read.
  if (kind !== NONE && value !== null && typeof value === 'object') {
    if (isArray(value)) return arrayText(value, length);
    const text = objectText(value);
    if (text !== undefined) return text;
  }
  // A string, number, boolean or null has no toJSON to call and no member to
  // read: written as it is, without a holder object (a call of its own each
  // cost a request of 10,000 unknown members 2.5x its time).
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || value === null) return stringify(value);
  const member = stringifyMember(key, value);
  // After '{', the quoted key (which may hold a colon) and ':'.
  return member === '{}' ? undefined : apply(slice, member, [stringify(key).length + 2, -1]);
}

/**
 * JSON.stringify's text of the array `v`, whose toJSON was read (undefined),
 * `n` items long (-1: its length not read yet): each item read once, into a
 * copy that one JSON.stringify writes (as it would have written `v`: an
 * item's toJSON is called with its index, undefined and functions are null).
 * One call for the whole list: a call per item cost about 2.5 µs each on a
 * list of 1,000 tags.
 */
function arrayText(v, n) {
  if (n < 0) n = v.length;
  ancestors[entered++] = v;
  const items = setPrototypeOf(new Array(n), null); // filling a hole asks no Array.prototype (see `ancestors`)
  for (let i = 0; i < n; i += 1) items[i] = v[i];
  let text;
  try {
    text = stringify(items, notAncestor);
  } catch (error) {
    if (!refusesBigInt(error)) throw error;
    text = stringifyExact(items, notAncestor);
  }
  leave();
  return text;
}

/**
 * What a walker that gave up on a value left for `raw`: the value its toJSON
 * returned, AN_ARRAY or AN_OBJECT for an array or an object (not plain)
 * whose toJSON was read, or NONE.
 */
const NONE = Symbol('none');
const AN_ARRAY = Symbol('an array');
const AN_OBJECT = Symbol('an object');
var replaced = NONE;
/** The length `items` read of a list longer than its most items, for `arrayText` (-1 when none). */
var arrayLength = -1;

/**
 * For an object whose toJSON (read once, as JSON.stringify reads it) is a
 * function: calls it as JSON.stringify would, with the member's key, and
 * leaves its result for `raw` to write. Returns false (not walked).
 */
function replace(o, key, toJSON) {
  replaced = apply(toJSON, o, [`${key}`]);
  return false;
}

/** The value `raw` writes for `v`: what toJSON returned for it, if `replace` ran. */
function taken(v) {
  const value = replaced === NONE || replaced === AN_ARRAY || replaced === AN_OBJECT ? v : replaced;
  replaced = NONE;
  return value;
}

/**
 * A free string, the member at `at` (0 for a list's item): its word holds
 * its length in UTF-16 units (src/walked.rs), its characters are appended
 * to the strings, encoded at the end in one call (one call per string, or
 * a copy unit by unit, cost more). None with a lone surrogate, which
 * encodeInto would replace.
 */
function str(v, at) {
  if (typeof v !== 'string' || hasLoneSurrogate(v)) return false;
  walkStrings.all += v;
  WALK_BUFFER[walkNext++] = at + POSITIONS * v.length;
  return true;
}

/** A string of the enum `words`, the member at `at` (0 for a list's item): its word holds its position among `words`. */
function oneOf(v, words, at) {
  for (let i = 0; i < words.length; i += 1) {
    if (words[i] === v) {
      WALK_BUFFER[walkNext++] = at + POSITIONS * i;
      return true;
    }
  }
  return false;
}

/** An integer: only a safe one, which JSON.stringify writes as its digits. */
function int(v) {
  if (!isSafeInteger(v)) return false;
  WALK_BUFFER[walkNext++] = v;
  return true;
}

/**
 * `{ [key]: value }` as JSON.stringify writes it, a BigInt as its digits (see
 * `serialize`). A function under the name toJSON would be taken for the
 * holder's own toJSON: JSON.stringify leaves a function member out, so it is
 * `{}` at once (any other value's toJSON is called with the key, 'toJSON').
 */
function stringifyMember(key, value) {
  if (key === 'toJSON' && typeof value === 'function') return '{}';
  const holder = { [key]: value };
  // Only an object can lead back to an ancestor: a primitive is written without the replacer, which costs.
  const check = typeof value === 'object' && value !== null ? notAncestor : undefined;
  try {
    return stringify(holder, check);
  } catch (error) {
    if (!refusesBigInt(error)) throw error;
    return stringifyExact(holder, check);
  }
}

/**
 * The member `k` holding `v` as JSON.stringify writes it ("k":...), in the
 * strings: after a mark and its length, or appended to the run of such
 * members just before (so that any number of them takes two words).
 */
function raw(k, v) {
  // Left out by JSON.stringify, at once. (A function is left out too, unless
  // it has a toJSON, which JSON.stringify calls: valueText writes both.)
  if (v === undefined || typeof v === 'symbol') return;
  const value = valueText(k, v);
  if (value === undefined) return; // left out (a toJSON that returned undefined)
  const text = `${stringify(k)}:${value}`;
  if (walkNext === rawEnd) {
    walkStrings.all += `,${text}`;
    WALK_BUFFER[walkNext - 1] += text.length + 1;
    return;
  }
  walkStrings.all += text;
  WALK_BUFFER[walkNext++] = RAW;
  WALK_BUFFER[walkNext++] = text.length;
  rawEnd = walkNext;
}

/**
 * The member `k` at `at` holding `v`, which its shape does not take (a wrong
 * type, a word outside its enum): a string (without a lone surrogate), a
 * safe integer, a boolean or null as its kind and value, with no
 * JSON.stringify (SCALAR, then the member's word holding 0 null, 1 false,
 * 2 true, 3 an integer, whose value follows, or 4 plus a string's length:
 * src/walked.rs); anything else as JSON text (`raw`).
 */
function misfit(k, v, at) {
  let held = 3;
  if (typeof v === 'string') {
    if (hasLoneSurrogate(v)) return raw(k, v);
    walkStrings.all += v;
    held = 4 + v.length;
  } else if (typeof v === 'boolean') held = v ? 2 : 1;
  else if (v === null) held = 0;
  else if (!isSafeInteger(v)) return raw(k, v);
  WALK_BUFFER[walkNext++] = SCALAR;
  WALK_BUFFER[walkNext++] = at + POSITIONS * held;
  if (held === 3) WALK_BUFFER[walkNext++] = v;
}

/** Takes back the member's word just written, and writes the member at `at` as `misfit` does. */
function miss(k, v, at) {
  walkNext -= 1;
  misfit(k, v, at);
}

/** The item at `i` holding `x` as JSON.stringify writes it in an array (null if it leaves it out). */
function rawItem(i, x) {
  const item = valueText(`${i}`, x) ?? 'null';
  walkStrings.all += item;
  WALK_BUFFER[walkNext++] = RAW_ITEM;
  WALK_BUFFER[walkNext++] = item.length;
}

/** Takes back the item's word just written, and writes the item as JSON text. */
function missItem(i, x) {
  walkNext -= 1;
  rawItem(i, x);
}

/**
 * The length of the array `v` (read once, as JSON.stringify reads it),
 * written in the word of the member at `at` (0 for an item), entering `v`
 * (see `ancestors`; the list's walker leaves it); or -1 (nothing written)
 * when `v` is not an array, has a toJSON (see `replace`) or is longer than
 * `max` (then `raw` writes it with the length read here).
 */
function items(v, key, max, at) {
  if (typeof v !== 'object' || v === null) return -1;
  const toJSON = v.toJSON;
  if (typeof toJSON === 'function') {
    replace(v, key, toJSON);
    return -1;
  }
  if (!isArray(v)) {
    replaced = AN_OBJECT;
    return -1;
  }
  const n = v.length;
  if (n > max) {
    replaced = AN_ARRAY;
    arrayLength = n;
    return -1;
  }
  WALK_BUFFER[walkNext++] = at + POSITIONS * n;
  ancestors[entered++] = v;
  return n;
}

// <generated: walker> from the schema table (src/schema.rs) by tests/generated.rs (UPDATE_GENERATED=1 cargo test --test generated); do not edit by hand.
/** The words that mark members, and an item, written as JSON text in the strings (src/walked.rs). */
const RAW = -2;
const RAW_ITEM = -3;
/** The word that marks a member holding a scalar of another kind than its shape (src/walked.rs). */
const SCALAR = -4;
/** A member's word is its position plus this many times what it holds (src/walked.rs). */
const POSITIONS = 64;
/** The operations, in the order of the core's Operation::ALL: the first word of a walk. */
const WALK_OPERATIONS = ['CreateTask', 'UpdateTask', 'StartTaskExecution'];
/** The most words a walk writes (every member once, a wrong-typed one in up to three words, every list full, and the most runs of members written as JSON text). */
const WALK_WORDS = 947;
const e0 = ['POINT_IN_TIME_CONSISTENT', 'ONLY_FILES_TRANSFERRED', 'NONE'];
const e1 = ['ALWAYS', 'NEVER'];
const e2 = ['NONE', 'BEST_EFFORT'];
const e3 = ['NONE', 'PRESERVE'];
const e4 = ['NONE', 'INT_VALUE', 'NAME', 'BOTH'];
const e5 = ['PRESERVE', 'REMOVE'];
const e6 = ['PRESERVE', 'NONE'];
const e7 = ['ENABLED', 'DISABLED'];
const e8 = ['OFF', 'BASIC', 'TRANSFER'];
const e9 = ['CHANGED', 'ALL'];
const e10 = ['NONE', 'OWNER_DACL', 'OWNER_DACL_SACL'];
const w1n = ['VerifyMode', 'OverwriteMode', 'Atime', 'Mtime', 'Uid', 'Gid', 'PreserveDeletedFiles', 'PreserveDevices', 'PosixPermissions', 'BytesPerSecond', 'TaskQueueing', 'LogLevel', 'TransferMode', 'SecurityDescriptorCopyFlags', 'ObjectTags', 'ObjectMetadata'];
const w1m = positions(w1n);
function w1(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w1n[at]) {
      at = apply(mapGet, w1m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        v = o.VerifyMode;
        e = e0;
        break;
      case 1:
        v = o.OverwriteMode;
        e = e1;
        break;
      case 2:
        v = o.Atime;
        e = e2;
        break;
      case 3:
        v = o.Mtime;
        e = e3;
        break;
      case 4:
        v = o.Uid;
        e = e4;
        break;
      case 5:
        v = o.Gid;
        e = e4;
        break;
      case 6:
        v = o.PreserveDeletedFiles;
        e = e5;
        break;
      case 7:
        v = o.PreserveDevices;
        e = e3;
        break;
      case 8:
        v = o.PosixPermissions;
        e = e6;
        break;
      case 9:
        WALK_BUFFER[walkNext++] = at;
        v = o.BytesPerSecond;
        if (!int(v)) miss(k, v, at);
        continue;
      case 10:
        v = o.TaskQueueing;
        e = e7;
        break;
      case 11:
        v = o.LogLevel;
        e = e8;
        break;
      case 12:
        v = o.TransferMode;
        e = e9;
        break;
      case 13:
        v = o.SecurityDescriptorCopyFlags;
        e = e10;
        break;
      case 14:
        v = o.ObjectTags;
        e = e6;
        break;
      case 15:
        v = o.ObjectMetadata;
        e = e6;
        break;
    }
    if (!oneOf(v, e, at)) misfit(k, v, at);
  }
  return close(head);
}
const e11 = ['SIMPLE_PATTERN'];
const w2n = ['FilterType', 'Value'];
const w2m = positions(w2n);
function w2(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w2n[at]) {
      at = apply(mapGet, w2m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        v = o.FilterType;
        e = e11;
        break;
      case 1:
        v = o.Value;
        break;
    }
    if (!(e === undefined ? str(v, at) : oneOf(v, e, at))) misfit(k, v, at);
  }
  return close(head);
}
function l0(v, key, at) {
  const n = items(v, key, 1, at);
  if (n < 0) return false;
  for (let i = 0; i < n; i += 1) {
    const x = v[i];
    WALK_BUFFER[walkNext++] = 0;
    if (!w2(x, i)) missItem(i, x);
  }
  return leave();
}
const w3n = ['ScheduleExpression', 'Status'];
const w3m = positions(w3n);
function w3(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w3n[at]) {
      at = apply(mapGet, w3m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        v = o.ScheduleExpression;
        if (str(v, at)) walkSchedule = v;
        else misfit(k, v, at);
        continue;
      case 1:
        v = o.Status;
        e = e7;
        break;
    }
    if (!oneOf(v, e, at)) misfit(k, v, at);
  }
  return close(head);
}
const w4n = ['Key', 'Value'];
const w4m = positions(w4n);
function w4(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w4n[at]) {
      at = apply(mapGet, w4m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        v = o.Key;
        break;
      case 1:
        v = o.Value;
        break;
    }
    if (!str(v, at)) misfit(k, v, at);
  }
  return close(head);
}
function l1(v, key, at) {
  const n = items(v, key, 50, at);
  if (n < 0) return false;
  for (let i = 0; i < n; i += 1) {
    const x = v[i];
    WALK_BUFFER[walkNext++] = 0;
    if (!w4(x, i)) missItem(i, x);
  }
  return leave();
}
const e12 = ['TRANSFER'];
const e13 = ['CSV'];
const w7n = ['ManifestObjectPath', 'BucketAccessRoleArn', 'S3BucketArn', 'ManifestObjectVersionId'];
const w7m = positions(w7n);
function w7(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w7n[at]) {
      at = apply(mapGet, w7m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        v = o.ManifestObjectPath;
        break;
      case 1:
        v = o.BucketAccessRoleArn;
        break;
      case 2:
        v = o.S3BucketArn;
        break;
      case 3:
        v = o.ManifestObjectVersionId;
        break;
    }
    if (!str(v, at)) misfit(k, v, at);
  }
  return close(head);
}
const w6n = ['S3'];
const w6m = positions(w6n);
function w6(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w6n[at]) {
      at = apply(mapGet, w6m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        WALK_BUFFER[walkNext++] = at;
        v = o.S3;
        if (!w7(v, k)) miss(k, v, at);
        continue;
    }
  }
  return close(head);
}
const w5n = ['Action', 'Format', 'Source'];
const w5m = positions(w5n);
function w5(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w5n[at]) {
      at = apply(mapGet, w5m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        v = o.Action;
        e = e12;
        break;
      case 1:
        v = o.Format;
        e = e13;
        break;
      case 2:
        WALK_BUFFER[walkNext++] = at;
        v = o.Source;
        if (!w6(v, k)) miss(k, v, at);
        continue;
    }
    if (!oneOf(v, e, at)) misfit(k, v, at);
  }
  return close(head);
}
const w10n = ['Subdirectory', 'S3BucketArn', 'BucketAccessRoleArn'];
const w10m = positions(w10n);
function w10(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w10n[at]) {
      at = apply(mapGet, w10m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        v = o.Subdirectory;
        break;
      case 1:
        v = o.S3BucketArn;
        break;
      case 2:
        v = o.BucketAccessRoleArn;
        break;
    }
    if (!str(v, at)) misfit(k, v, at);
  }
  return close(head);
}
const w9n = ['S3'];
const w9m = positions(w9n);
function w9(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w9n[at]) {
      at = apply(mapGet, w9m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        WALK_BUFFER[walkNext++] = at;
        v = o.S3;
        if (!w10(v, k)) miss(k, v, at);
        continue;
    }
  }
  return close(head);
}
const e14 = ['SUMMARY_ONLY', 'STANDARD'];
const e15 = ['ERRORS_ONLY', 'SUCCESSES_AND_ERRORS'];
const e16 = ['INCLUDE', 'NONE'];
const w12n = ['ReportLevel'];
const w12m = positions(w12n);
function w12(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w12n[at]) {
      at = apply(mapGet, w12m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        v = o.ReportLevel;
        e = e15;
        break;
    }
    if (!oneOf(v, e, at)) misfit(k, v, at);
  }
  return close(head);
}
const w11n = ['Transferred', 'Verified', 'Deleted', 'Skipped'];
const w11m = positions(w11n);
function w11(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w11n[at]) {
      at = apply(mapGet, w11m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        WALK_BUFFER[walkNext++] = at;
        v = o.Transferred;
        if (!w12(v, k)) miss(k, v, at);
        continue;
      case 1:
        WALK_BUFFER[walkNext++] = at;
        v = o.Verified;
        if (!w12(v, k)) miss(k, v, at);
        continue;
      case 2:
        WALK_BUFFER[walkNext++] = at;
        v = o.Deleted;
        if (!w12(v, k)) miss(k, v, at);
        continue;
      case 3:
        WALK_BUFFER[walkNext++] = at;
        v = o.Skipped;
        if (!w12(v, k)) miss(k, v, at);
        continue;
    }
  }
  return close(head);
}
const w8n = ['Destination', 'OutputType', 'ReportLevel', 'ObjectVersionIds', 'Overrides'];
const w8m = positions(w8n);
function w8(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w8n[at]) {
      at = apply(mapGet, w8m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        WALK_BUFFER[walkNext++] = at;
        v = o.Destination;
        if (!w9(v, k)) miss(k, v, at);
        continue;
      case 1:
        v = o.OutputType;
        e = e14;
        break;
      case 2:
        v = o.ReportLevel;
        e = e15;
        break;
      case 3:
        v = o.ObjectVersionIds;
        e = e16;
        break;
      case 4:
        WALK_BUFFER[walkNext++] = at;
        v = o.Overrides;
        if (!w11(v, k)) miss(k, v, at);
        continue;
    }
    if (!oneOf(v, e, at)) misfit(k, v, at);
  }
  return close(head);
}
const e17 = ['BASIC', 'ENHANCED'];
const w0n = ['SourceLocationArn', 'DestinationLocationArn', 'CloudWatchLogGroupArn', 'Name', 'Options', 'Excludes', 'Schedule', 'Tags', 'Includes', 'ManifestConfig', 'TaskReportConfig', 'TaskMode'];
const w0m = positions(w0n);
function w0(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w0n[at]) {
      at = apply(mapGet, w0m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    let e;
    switch (at) {
      case 0:
        v = o.SourceLocationArn;
        break;
      case 1:
        v = o.DestinationLocationArn;
        break;
      case 2:
        v = o.CloudWatchLogGroupArn;
        break;
      case 3:
        v = o.Name;
        break;
      case 4:
        WALK_BUFFER[walkNext++] = at;
        v = o.Options;
        if (!w1(v, k)) miss(k, v, at);
        continue;
      case 5:
        v = o.Excludes;
        if (!l0(v, k, at)) misfit(k, v, at);
        continue;
      case 6:
        WALK_BUFFER[walkNext++] = at;
        v = o.Schedule;
        if (!w3(v, k)) miss(k, v, at);
        continue;
      case 7:
        v = o.Tags;
        if (!l1(v, k, at)) misfit(k, v, at);
        continue;
      case 8:
        v = o.Includes;
        if (!l0(v, k, at)) misfit(k, v, at);
        continue;
      case 9:
        WALK_BUFFER[walkNext++] = at;
        v = o.ManifestConfig;
        if (!w5(v, k)) miss(k, v, at);
        continue;
      case 10:
        WALK_BUFFER[walkNext++] = at;
        v = o.TaskReportConfig;
        if (!w8(v, k)) miss(k, v, at);
        continue;
      case 11:
        v = o.TaskMode;
        e = e17;
        break;
    }
    if (!(e === undefined ? str(v, at) : oneOf(v, e, at))) misfit(k, v, at);
  }
  return close(head);
}
const w13n = ['TaskArn', 'Options', 'Excludes', 'Schedule', 'Name', 'CloudWatchLogGroupArn', 'Includes', 'ManifestConfig', 'TaskReportConfig'];
const w13m = positions(w13n);
function w13(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w13n[at]) {
      at = apply(mapGet, w13m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        v = o.TaskArn;
        break;
      case 1:
        WALK_BUFFER[walkNext++] = at;
        v = o.Options;
        if (!w1(v, k)) miss(k, v, at);
        continue;
      case 2:
        v = o.Excludes;
        if (!l0(v, k, at)) misfit(k, v, at);
        continue;
      case 3:
        WALK_BUFFER[walkNext++] = at;
        v = o.Schedule;
        if (!w3(v, k)) miss(k, v, at);
        continue;
      case 4:
        v = o.Name;
        break;
      case 5:
        v = o.CloudWatchLogGroupArn;
        break;
      case 6:
        v = o.Includes;
        if (!l0(v, k, at)) misfit(k, v, at);
        continue;
      case 7:
        WALK_BUFFER[walkNext++] = at;
        v = o.ManifestConfig;
        if (!w5(v, k)) miss(k, v, at);
        continue;
      case 8:
        WALK_BUFFER[walkNext++] = at;
        v = o.TaskReportConfig;
        if (!w8(v, k)) miss(k, v, at);
        continue;
    }
    if (!str(v, at)) misfit(k, v, at);
  }
  return close(head);
}
const w14n = ['TaskArn', 'OverrideOptions', 'Includes', 'Excludes', 'ManifestConfig', 'TaskReportConfig', 'Tags'];
const w14m = positions(w14n);
function w14(o, key) {
  if (typeof o !== 'object' || o === null) return false;
  const toJSON = o.toJSON;
  if (typeof toJSON === 'function') return replace(o, key, toJSON);
  let proto = AN_ARRAY;
  if (!isArray(o)) {
    try {
      proto = getPrototypeOf(o);
    } catch {
      proto = undefined;
    }
  }
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return notPlain(proto);
  ancestors[entered++] = o;
  const head = walkNext - 1;
  const keys = keysOf(o);
  let at = 0;
  for (let i = 0; i < keys.length; i += 1, at += 1) {
    const k = keys[i];
    if (k !== w14n[at]) {
      at = apply(mapGet, w14m, [k]);
      if (at === undefined) {
        raw(k, o[k]);
        at = -1;
        continue;
      }
    }
    let v;
    switch (at) {
      case 0:
        v = o.TaskArn;
        break;
      case 1:
        WALK_BUFFER[walkNext++] = at;
        v = o.OverrideOptions;
        if (!w1(v, k)) miss(k, v, at);
        continue;
      case 2:
        v = o.Includes;
        if (!l0(v, k, at)) misfit(k, v, at);
        continue;
      case 3:
        v = o.Excludes;
        if (!l0(v, k, at)) misfit(k, v, at);
        continue;
      case 4:
        WALK_BUFFER[walkNext++] = at;
        v = o.ManifestConfig;
        if (!w5(v, k)) miss(k, v, at);
        continue;
      case 5:
        WALK_BUFFER[walkNext++] = at;
        v = o.TaskReportConfig;
        if (!w8(v, k)) miss(k, v, at);
        continue;
      case 6:
        v = o.Tags;
        if (!l1(v, k, at)) misfit(k, v, at);
        continue;
    }
    if (!str(v, at)) misfit(k, v, at);
  }
  return close(head);
}
/** Each operation's walker, in WALK_OPERATIONS order. */
const WALKS = [w0, w13, w14];
// </generated: walker>

/**
 * Walks `request` as a request of the operation at `op` in WALK_OPERATIONS
 * into WALK_BUFFER and `walkStrings.all`; false (having read nothing but its toJSON,
 * and called that: see `replace`) when it is not a plain object. Throws what
 * a getter, toJSON or Proxy trap throws.
 */
function walkRequest(request, op) {
  walkNext = 0;
  walkStrings = { all: '' };
  rawEnd = -1;
  walkSchedule = '';
  replaced = NONE;
  arrayLength = -1;
  WALK_BUFFER[walkNext++] = op;
  return WALKS[op](request, '');
}

/** The walker's words, copied into wasm memory once it is done (so a getter that grows memory cannot detach them). */
const WALK_BUFFER = new Float64Array(WALK_WORDS);
/**
 * Views of WALK_BUFFER's first words, one per multiple of WALK_SPAN, the
 * last the whole: `walked` copies the words written through the shortest
 * that holds them. Made at load: a view made for each call cost its
 * allocation, and the garbage collection more often.
 */
const WALK_SPAN_BITS = 6;
const WALK_SPAN = 1 << WALK_SPAN_BITS;
const WALK_SPANS = Array.from({ length: Math.ceil(WALK_WORDS / WALK_SPAN) + 1 }, (_, i) => new Float64Array(WALK_BUFFER.buffer, 0, Math.min(i * WALK_SPAN, WALK_WORDS)));


/**
 * Returns validate(request, options) built on the wasm-bindgen glue's `validate`
 * (any input), `inputBuffer(capacity)` (grows the input buffer in wasm memory
 * and returns its address), `validateInput(length, options)` (validates the UTF-8 JSON
 * text in the first `length` bytes there; 0 when the report would be
 * empty, else the address of the report's record), `validateInputPlain(length)`
 * (the same without options, which returns BEYOND_THE_BUFFER where the other
 * throws), `validateUtf8` (the same for bytes
 * passed as a copy), `storeOptions(options)` and `validateInputStored(length)`
 * (the same with options read once and kept in wasm), `wasmMemory()` and
 * `reportUnserializable` (the report for what JSON.stringify threw), and
 * guardGlue's `instance()`. After an exception that unwinds through the core
 * the guard replaces the instance and this wrapper forgets its buffer and
 * stored options; `busy` is reset by `finally`.
 */
export function createValidate(glue) {
  const encoder = new TextEncoder();
  var memory = null; // read at the first call: the web glue is not instantiated before init()
  var address = 0;
  var capacity = 0;
  var view = new Uint8ArrayAtLoad(0);
  var busy = false; // true while validateInput reads the buffer
  // Every value walkOptions read from the options kept in wasm (storeOptions),
  // and as `given` the copy of them the glue read (see readJSON).
  var storedPrint = null;
  var adopted = false; // whether storedPrint holds the caller's values, written over the copy's
  var instance = 0; // guardGlue's count of the instance the buffer and stored options belong to
  var writer = null; // the memory of the instance that wrote the last report's record (recordOf)
  var wordsAddress = 0; // where the walker's words are in wasm memory (glue.walkWords), 0 before the first walk
  var words = new Float64Array(0); // a view of them
  // What a walk that gave up read of the options, for the text path that
  // follows, taken by validate() as soon as walked() returns (see
  // storedAre): the print of the options kept in wasm (storedPrint, unless
  // a call made since stored others) when they are this call's, `{ given }`
  // when they are not kept, null without options, undefined when not read.
  var decided;
  // What readReport keeps of this glue's reports: a view of its memory, the fixed strings and codes.
  const reports = reportsKept();

  /** Forgets the buffer, memory and stored options of a replaced instance (a raw glue is never replaced). */
  function followInstance() {
    const current = glue.instance?.() ?? 0;
    if (current === instance) return;
    memory = null;
    address = 0;
    capacity = 0;
    view = new Uint8ArrayAtLoad(0);
    storedPrint = null;
    wordsAddress = 0;
    words = new Float64Array(0);
    // The replaced instance's memory is not held by the report reader's view either.
    reports.memory = reports.buffer = undefined;
    reports.view = new Uint32ArrayAtLoad(0);
    reports.text = undefined;
    reports.textAt = -1;
    // Last: anything above may throw (a RangeError when the JS stack is
    // nearly full), and then the next call forgets the old instance again.
    instance = current;
  }

  /** Grows the input buffer to `bytes` and views it. */
  function grow(bytes) {
    memory ??= glue.wasmMemory();
    address = glue.inputBuffer(bytes);
    capacity = bytes;
    view = new Uint8ArrayAtLoad(bufferOf(memory), address, capacity);
  }

  /**
   * Whether the options kept in wasm are `options`, storing them when they
   * are not and can be (storeOptions, which throws the TypeError for
   * malformed options). Returns the print of the options kept
   * (storedPrint), or `{ given }`, what the glue is to read in their place
   * when they are not kept. Either way the glue is never given `options`
   * themselves: what it reads is a copy read once (readJSON), and each
   * print holds, as `given`, the copy it was walked from. Options that
   * differ from the kept ones are read twice: by the walk that compares
   * them, as far as the first difference, then by readJSON (README,
   * "Decisions worth knowing").
   */
  function storedAre(options) {
    const kept = storedPrint;
    if (kept !== null) {
      // Once a walk has matched, the print holds the caller's own values:
      // writing them again would change nothing.
      const mode = adopted ? COMPARE : ADOPT;
      if (walkOptions(options, kept, mode) === kept.length) {
        adopted = true;
        // A getter that called validate() with other options replaced the
        // kept ones while the walk ran: these are stored again, from their copy.
        if (storedPrint !== kept) {
          glue.storeOptions(kept.given);
          storedPrint = kept;
        }
        return kept;
      }
    }
    const copy = readJSON(options);
    const print = setPrototypeOf([], null); // filled without asking Array.prototype (see `see`)
    if (walkOptions(copy, print, TAKE) >= DIFFERS) return { given: copy };
    // Throws for malformed options, keeping what was stored (storedPrint still describes it).
    glue.storeOptions(copy);
    print.given = copy;
    storedPrint = print;
    adopted = false;
    return print;
  }

  /**
   * Validates `text` with its UTF-8 bytes encoded straight into the input
   * buffer: one copy, no allocation per call. Returns the report, or
   * undefined when there is nothing to report.
   */
  function validateText(text, options, print) {
    const record = recordOf(text, options, print);
    // Read at once, before anything can call the core again and overwrite it.
    return record === 0 ? undefined : readReport(writer, record, reports);
  }

  /**
   * Validates `text`; returns what validateInput does, and leaves in `writer`
   * the memory of the instance that wrote the record, taken before the call:
   * when a call made from inside this one failed in the core, the guard
   * replaces the instance as this call returns, and the record is read from
   * the memory of the one that wrote it. (A call made from inside this one
   * sets `writer` too, to the same memory: an instance is never replaced
   * while a call is under way.) `print`: what walked() decided about the
   * options (see `decided`), or undefined to decide now.
   */
  function recordOf(text, options, print) {
    // A call made while the core reads the buffer (from user code the core
    // calls into, such as a replaced Date.now or an options getter), or
    // while it is filled (from a replaced encodeInto), must not write into it.
    if (busy) return copied(text, print?.given ?? readJSON(options));
    followInstance();
    const hasOptions = options !== undefined && options !== null;
    // Read by the walk that gave up, when it was; else read now. Kept when
    // still so (user code run since, serialising the request, may have
    // stored other options: then the glue is given a copy of these).
    const optionsRead = hasOptions && print === undefined ? storedAre(options) : print;
    const kept = hasOptions && optionsRead === storedPrint;
    // An options getter calling validate() that failed inside the core: replaced as storeOptions returned.
    // (Without options nothing has run since followInstance.)
    if (hasOptions && instance !== (glue.instance?.() ?? 0)) return copied(text, optionsRead.given);
    busy = true;
    try {
      // The loop of `encoded`, written out: calling it cost the minimal
      // request as text 2-4% (docs/performance.md, "Objects: the walk and the reader").
      for (;;) {
        // Memory growth detaches the old view: view the same bytes again.
        if (byteLengthOf(view) !== capacity) view = new Uint8ArrayAtLoad(bufferOf(memory), address, capacity);
        if (text.length <= capacity) {
          const { read, written } = apply(encodeInto, encoder, [text, view]);
          if (read === text.length) {
            // An empty text on a wrapper's first call (or the first after a
            // replaced instance) fits the empty buffer: nothing grew it, so
            // the memory is asked for here.
            writer = memory ?? glue.wasmMemory();
            if (kept) return glue.validateInputStored(written);
            if (hasOptions) return glue.validateInput(written, optionsRead.given);
            const record = glue.validateInputPlain(written);
            if (record === BEYOND_THE_BUFFER) throw new Error('validateInputPlain: length beyond the input buffer');
            return record;
          }
        }
        const worstCase = text.length * 3;
        if (worstCase > INPUT_BUFFER_LIMIT || worstCase <= capacity) return copied(text, optionsRead?.given ?? options);
        grow(Math.min(INPUT_BUFFER_LIMIT, Math.max(worstCase, capacity * 2, 4096)));
      }
    } finally {
      busy = false;
    }
  }

  /**
   * Encodes `text` into the input buffer, grown as needed, and returns how
   * many bytes it took there; or -1 when it is to be passed as a copy: longer
   * than the buffer may grow, or an encodeInto that never reports the whole
   * text read (a page may replace it), which would otherwise grow the buffer
   * for ever. The caller has set `busy`. recordOf has the same loop written
   * out (with its calls of the core inside), for the text path's speed.
   */
  function encoded(text) {
    for (;;) {
      // Memory growth detaches the old view: view the same bytes again.
      if (byteLengthOf(view) !== capacity) view = new Uint8ArrayAtLoad(bufferOf(memory), address, capacity);
      // A buffer as long as the text in UTF-16 units holds it when it is mostly ASCII.
      if (text.length <= capacity) {
        const { read, written } = apply(encodeInto, encoder, [text, view]);
        if (read === text.length) return written;
      }
      // Three bytes per UTF-16 unit hold any text: a buffer that large
      // already, and still short, means an encodeInto that misreports.
      const worstCase = text.length * 3;
      if (worstCase > INPUT_BUFFER_LIMIT || worstCase <= capacity) return -1;
      grow(Math.min(INPUT_BUFFER_LIMIT, Math.max(worstCase, capacity * 2, 4096)));
    }
  }

  /** recordOf for `text` passed to the core as a copy (validateUtf8), with `given` for the options (a copy: see readJSON). */
  function copied(text, given) {
    writer = glue.wasmMemory();
    return glue.validateUtf8(encoder.encode(text), given);
  }

  /**
   * The report for the object `request` read by the walker; or the JSON
   * text (undefined for none) of what its toJSON returned, or of a request
   * that is not a plain object, written from what the walker read; or
   * GIVE_UP, when nothing of the request was read: options that are not
   * kept in wasm (storedAre; the walker is the operation's), a call made
   * while another walks or validates (see `busy`). Both are then validated
   * as text, with `decided` holding what was read of the options, for the
   * text path not to read them again. Anything a getter, toJSON or Proxy
   * trap throws while the walker reads, or while what it read is written as
   * JSON text, is reported as JSON.stringify's failure is (everything is
   * read once).
   *
   * The options are read before the request (the walker is chosen by their
   * operation), where the text path reads them after serialising it: a
   * getter of the request that changes the options object sees the request
   * judged with the options as they were before (README, "Requests as
   * objects"). Reading them again after the walk would run their getters
   * twice; walking the request before knowing its operation is not possible.
   */
  function walked(request, options) {
    if (busy || !CAN_WALK) return GIVE_UP;
    followInstance();
    let op = 0;
    // The print of the options kept in wasm, read once here (null without options).
    let print = null;
    if (options !== undefined && options !== null) {
      let read;
      try {
        read = storedAre(options);
      } catch (error) {
        // Malformed options (storeOptions' TypeError), thrown as the text
        // path throws them: once it has read the request.
        serialize(request);
        throw error;
      }
      if (!isArray(read)) {
        decided = read;
        return GIVE_UP;
      }
      print = read;
      // One of WALK_OPERATIONS (storeOptions refused any other), found by an
      // indexed loop: Array.prototype.indexOf is the page's to replace.
      if (print[0] != null) while (op < WALK_OPERATIONS.length - 1 && WALK_OPERATIONS[op] !== print[0]) op += 1;
      // An options getter calling validate() that failed inside the core: replaced as storeOptions returned.
      if (instance !== (glue.instance?.() ?? 0)) {
        decided = print;
        return GIVE_UP;
      }
    }
    let kept = print !== null;
    let clean;
    let text = GIVE_UP;
    let strings = '';
    let schedule = '';
    busy = true;
    try {
      clean = walkRequest(request, op);
      // Not a plain object, or its toJSON ran: written as JSON.stringify writes it, from what was read.
      if (!clean && replaced !== NONE) text = valueText('', request);
    } catch (error) {
      // The walker ran out of stack on a deep object, where JSON.stringify
      // may not (Deno's V8 writes 200,000 levels, the walker about 5,000):
      // the text path decides, so that the report is the one JSON.stringify's
      // text gets (getters on the way down run again).
      if (ranOutOfStack(error)) {
        decided = print;
        return GIVE_UP;
      }
      // The options, if any, are kept: well-formed, nothing for the glue to read.
      return glue.reportUnserializable(explain(request, error), undefined);
    } finally {
      busy = false;
      unwind();
      // Taken on every way out: a walk that threw or stopped leaves none of the caller's strings behind.
      strings = walkStrings.all;
      walkStrings.all = '';
      schedule = walkSchedule;
      walkSchedule = '';
    }
    if (!clean) {
      decided = print;
      return text;
    }
    const count = walkNext;
    // A call made from a getter that failed inside the core replaced the
    // instance: its memory and kept options are gone, so the options are
    // given to the core again (the words and strings are here, not there).
    followInstance();
    memory ??= glue.wasmMemory();
    if (kept && storedPrint !== print) kept = false;
    // From here until the core has read the words and strings, a call made
    // from user code (a replaced encodeInto) takes the copying text path,
    // leaving the buffers and WALK_BUFFER alone.
    let record;
    busy = true;
    try {
      if (!kept && print !== null) {
        // Options the walk found kept, replaced since (by a validate() call
        // from a getter, or with the instance): kept in wasm again from
        // their print, in place of the others (nothing is read again).
        // (Should storing throw, the instance is replaced, and its kept options forgotten.)
        glue.storeOptions(print.given);
        storedPrint = print;
        kept = true;
      }
      if (wordsAddress === 0) wordsAddress = glue.walkWords(WALK_WORDS);
      // Encoded into the input buffer, as the text path encodes; else a copy.
      let written = encoded(strings);
      let copy;
      if (written < 0) {
        copy = encoder.encode(strings);
        written = byteLengthOf(copy);
      }
      // One copy of the words written, and of the few after them up to the
      // span's end (a loop of typed-array stores took about 29 instructions
      // a word: 1,800 for full BASIC's 61), into a view made afresh when the
      // memory has grown; once more when it grew as the copy began (see `copied`).
      const span = WALK_SPANS[(count + WALK_SPAN - 1) >>> WALK_SPAN_BITS];
      if (byteLengthOf(words) === 0) words = new Float64Array(bufferOf(memory), wordsAddress, WALK_WORDS);
      if (!copiedInto(words, span)) {
        words = new Float64Array(bufferOf(memory), wordsAddress, WALK_WORDS);
        apply(setItems, words, [span]); // grown again: thrown, and validate() says why
      }
      // The clock last, as the text path's core reads it once its text is
      // encoded (a getter or a replaced encodeInto may replace Date.now); a
      // call from a replaced one takes the text path with a copy.
      const now = timeFor(schedule);
      // Such a call that failed inside the core replaced the instance, and
      // the words and strings with it: read again as text (the one case
      // where the clock is read twice, and the request's getters run twice;
      // the options are not read again: see `decided`).
      if (instance !== (glue.instance?.() ?? 0)) {
        decided = print;
        return GIVE_UP;
      }
      writer = memory;
      record = glue.validateWalked(count, written, strings.length, kept, copy, now);
      if (record === BEYOND_THE_BUFFER) throw new Error('validateWalked: beyond the buffers');
    } finally {
      busy = false;
    }
    // Words the core cannot read: only a wrapper bug writes them (the
    // built-ins the walker uses are taken at load). The text path then reads
    // the request again rather than give a wrong report.
    if (record === 1) {
      decided = print;
      return GIVE_UP;
    }
    if (record === 0) return { valid: true, errors: [], warnings: [] };
    const report = readReport(writer, record, reports);
    nameNonFiniteNumbers(request, report);
    return report;
  }

  return function validate(request, options) {
    try {
      return validateCall(request, options);
    } catch (error) {
      throw unexpected(error);
    }
  };

  function validateCall(request, options) {
    if (reading) return glue.validate(request, readJSON(options)); // see `reading`
    let text;
    let print;
    if (typeof request === 'string') {
      if (hasLoneSurrogate(request)) return glue.validate(request, readJSON(options));
      text = request;
    } else if (request !== null && typeof request === 'object') {
      decided = undefined;
      const walk = walked(request, options);
      print = decided;
      decided = undefined;
      // A report, or the JSON text of what the request's toJSON returned.
      if (typeof walk === 'object' && walk !== null) return walk;
      // Lone surrogates in the object come out as \u escapes, which the core reports.
      const serialized = walk === GIVE_UP ? serialize(request) : { text: walk };
      if ('error' in serialized) {
        // The stack ran out serialising a shallow object (a BigInt's second
        // pass, a toJSON): the engine's RangeError, which the core would
        // read as a request nested too deeply.
        if (ranOutOfStack(serialized.error) && stackNearlyFull()) throw serialized.error;
        // The glue turns the failure into the same diagnostic its validate() gives,
        // without serialising again (getters and toJSON run once, twice only
        // when a BigInt needs the second pass); only a cycle is first named by its path.
        return glue.reportUnserializable(explain(request, serialized.error), print?.given ?? readJSON(options));
      }
      text = serialized.text;
      if (typeof text !== 'string') return glue.reportUnserializable(undefined, print?.given ?? readJSON(options));
    } else {
      return glue.validate(request, readJSON(options));
    }
    const result = validateText(text, options, print);
    if (result === undefined) return { valid: true, errors: [], warnings: [] };
    if (typeof request === 'object') nameNonFiniteNumbers(request, result);
    return result;
  }
}

/**
 * What validate() throws for `error`, which escaped it: `error` itself when
 * it is documented (a RangeError: the JS stack ran out; the core's TypeError
 * for malformed options), the engine's RangeError in place of a core's
 * TypeError that is its reading of a stack run out (see `stackRanOut`), else
 * an Error that says so, `error` as its cause: a built-in replaced before
 * the package loaded (taken then, so called where the built-in would be)
 * that throws, or grows the memory before it copies, every time it is
 * called (README, "Decisions worth knowing"), or a fault of the wrapper's
 * own. No state is left behind: the wrapper's is reset on the way out, the
 * glue's by guardGlue.
 */
function unexpected(error) {
  try {
    return error instanceof RangeError ? error : returnedByCore(error) ? stackRanOut(error) || error : new Error('datasync-task-validator: a built-in failed in validate()', { cause: error });
  } catch (again) {
    // No JS stack left to tell: that RangeError, not the core's TypeError
    // (its reading of the same stack run out). A Proxy's trap threw: `error`.
    return again instanceof RangeError ? again : error;
  }
}

/**
 * Escapes one JSON Pointer segment (RFC 6901): `~` as `~0`, `/` as `~1`. A
 * name with neither (nearly every one) is returned as it is; else the runs
 * between escapes are cut with `slice`, not added unit by unit (a string
 * piece each: a name of 150 million units ran Node.js out of heap). No regular
 * expression on a path validate() or applyDefaults() may take: they run
 * where the caller called them, perhaps with the JS stack nearly full, and
 * Node.js 20 aborts the process (RegExpCompiler allocation failed) when V8
 * compiles or tiers one up then (trust-boundary.test.mjs); nor the page's
 * `String.prototype.replace` or `split`, read live.
 */
function segment(key) {
  return replaceEach(replaceEach(`${key}`, '~', '~0'), '/', '~1');
}

/**
 * `text` with each `part` in it replaced by `by`, cut with `slice` between
 * the places `indexOf` finds (`text` itself when there is none).
 */
function replaceEach(text, part, by) {
  let at = apply(indexOf, text, [part]);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += `${apply(slice, text, [from, at])}${by}`;
    from = at + part.length;
    at = apply(indexOf, text, [part, from]);
  }
  return `${out}${apply(slice, text, [from])}`;
}

/**
 * What to report for a request JSON.stringify threw `error` on: a cycle is
 * named by its path (engines describe it over several lines, or not at all);
 * anything else is reported as thrown.
 */
function explain(request, error) {
  try {
    if (!(error instanceof TypeError)) return error;
  } catch {
    return error; // a Proxy whose traps throw: the glue reads it with its own guards
  }
  const cycle = findCycle(request);
  if (!cycle) return error;
  const target = cycle.to === '' ? 'the request itself' : cycle.to;
  return { message: `it is circular: ${cycle.from} refers back to ${target}` };
}

/**
 * `{ from, to }`, the pointer of a member holding an object that contains it
 * and that object's pointer, or undefined. Reads own enumerable data members
 * only (no getter, Proxy trap or toJSON result is trusted: any exception or
 * a structure too deep gives undefined); each object is walked once.
 */
function findCycle(root) {
  const open = new Map(); // object -> its pointer, along the current path
  const done = new Set(); // objects already walked without finding a cycle
  const walk = (value, pointer) => {
    if (value === null || typeof value !== 'object' || done.has(value)) return undefined;
    if (open.has(value)) return { from: pointer, to: open.get(value) };
    open.set(value, pointer);
    // Indexed: for-of would read Array.prototype[Symbol.iterator] live.
    const keys = keysOf(value);
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index];
      const member = ownDescriptor(value, key);
      if (!member || !('value' in member)) continue;
      const found = walk(member.value, `${pointer}/${segment(key)}`);
      if (found) return found;
    }
    open.delete(value);
    done.add(value);
    return undefined;
  };
  try {
    return walk(root, '');
  } catch {
    return undefined;
  }
}

/**
 * JSON has no NaN or Infinity: JSON.stringify writes null, so the core says
 * "it is null". Where a diagnostic says so about a member that is in fact a
 * non-finite number, say what it is. Runs only for reported diagnostics, and
 * reads own data members only.
 */
function nameNonFiniteNumbers(request, result) {
  // Errors only: value/wrong-type is one. Indexed, not spread into a new array through the page's iterator.
  const errors = result.errors;
  for (let index = 0; index < errors.length; index += 1) {
    const diagnostic = errors[index];
    if (diagnostic.code !== 'value/wrong-type' || diagnostic.params?.actual !== 'null') continue;
    const value = memberAt(request, diagnostic.path);
    if (typeof value !== 'number' || isFiniteNumber(value)) continue;
    const message = diagnostic.message;
    const end = message.length - NULL_END.length;
    if (apply(slice, message, [end]) === NULL_END) {
      diagnostic.message = `${apply(slice, message, [0, end])}it is ${value}, which is not a finite number (JSON has no such value; JSON.stringify writes null).`;
    }
  }
}

/** How a wrong-typed member's message ends when the member is null. */
const NULL_END = 'it is null.';

/**
 * The own data member at JSON Pointer `path` in `root`, or undefined. Each
 * segment is cut at the next `/` and unescaped (`~1` as `/`, then `~0` as
 * `~`), as `segment` escapes it.
 */
function memberAt(root, path) {
  try {
    let value = root;
    for (let from = 1; from <= path.length; ) {
      let end = apply(indexOf, path, ['/', from]);
      if (end < 0) end = path.length;
      if (value === null || typeof value !== 'object') return undefined;
      const member = ownDescriptor(value, replaceEach(replaceEach(apply(slice, path, [from, end]), '~1', '/'), '~0', '~'));
      if (!member || !('value' in member)) return undefined;
      value = member.value;
      from = end + 1;
    }
    return value;
  } catch {
    return undefined;
  }
}
