// The fast input path of validate(), shared by the Node.js and browser entries
// (scripts/build.sh writes a CommonJS copy for Node). Why it exists: handing a
// string to wasm through wasm-bindgen walks it one character at a time in JS,
// and a JS object took a second trip through the boundary for JSON.stringify.
// Here the engine's native JSON.stringify and TextEncoder.encodeInto put UTF-8
// straight into a reused buffer in wasm memory (one copy, no allocation per
// call), and a clean report is built without JSON.parse.
//
// Only ordinary input takes this path: a well-formed string, or an object that
// JSON.stringify turns into a string. Everything else (undefined, numbers,
// strings with lone surrogates) goes to the glue's validate(), and an object
// whose serialisation fails to the glue's reportUnserializable(); the glue owns
// every diagnostic for such input, so both paths report exactly the same things.
//
// The options argument ({ locations, operation, task }) is passed through to the glue, which
// reads it (JSON.stringify, then the core) and throws a TypeError when it is
// malformed, whichever path the request takes.
// A BigInt member, which JSON.stringify refuses, is written as its exact digits
// in a second serialisation (see stringifyExact), so validate(applyDefaults(x)) works.
//
// guardGlue wraps every glue function for both entries: after a JS exception
// that unwound through the core (the JS stack running out inside it), the
// next call runs on a fresh WebAssembly instance.

/** What walkOptions visits for an array or an object member it then walks (no value a caller passes is either). */
const ARRAY = Symbol('array');
const OBJECT = Symbol('object');

/** The members of the options the core reads (src/context.rs). */
const MEMBERS = ['locations', 'operation', 'task'];

/** The input buffer in wasm memory grows to at most this many bytes (4 MiB); longer texts are passed as a copy. */
const INPUT_BUFFER_LIMIT = 1 << 22;

/** Whether `error` is a TypeError the core returned (documented: "validate: ..."), not one that unwound through it. */
function returnedByCore(error) {
  try {
    if (!(error instanceof TypeError)) return false;
    const message = Object.getOwnPropertyDescriptor(error, 'message')?.value;
    return typeof message === 'string' && /^(validate|applyDefaults|fields|describeSchedule): /.test(message);
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
  let depth = 0; // guarded calls under way
  let stale = false; // an exception unwound through the instance in use
  let replaced = 0; // instances discarded so far

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
        return call.apply(this, args);
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

  const guarded = {};
  for (const [name, value] of Object.entries(glue)) {
    // The web glue's init functions instantiate the module: nothing to guard.
    if (name === '__wbg_reset_state') continue; // the guard's alone
    guarded[name] = typeof value === 'function' && name !== 'default' && name !== 'initSync' ? guard(value) : value;
  }
  guarded.instance = () => {
    if (depth === 0 && stale) replace();
    return replaced;
  };
  return guarded;
}

/** JSON.rawJSON (ES2025; V8 11.4+, Node.js 21+), or undefined where the engine lacks it. */
const rawJSON = typeof JSON.rawJSON === 'function' ? JSON.rawJSON : undefined;

/**
 * Whether `error`, thrown by JSON.stringify, is its refusal of a BigInt (every
 * engine names the type). A toJSON or getter may throw anything, even a Proxy
 * whose traps throw: reading it must not throw again.
 */
const refusesBigInt = (error) => {
  try {
    return error instanceof TypeError && /bigint/i.test(String(error.message));
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
function stringifyExact(value) {
  if (rawJSON) {
    return JSON.stringify(value, (_key, member) => (typeof member === 'bigint' ? rawJSON(member.toString()) : member));
  }
  const mark = `bigint:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}:`;
  let marked = 0;
  const text = JSON.stringify(value, (_key, member) => {
    if (typeof member !== 'bigint') return member;
    marked += 1;
    return `${mark}${member}`;
  });
  if (marked === 0 || typeof text !== 'string') return text;
  return text.replaceAll(new RegExp(`"${mark}(-?\\d+)"`, 'g'), '$1');
}

/**
 * JSON text of the object `request` as JSON.stringify writes it, a BigInt as
 * its digits. Returns `{ text }`, or `{ error }` with what the serialisation threw.
 */
function serialize(request) {
  try {
    return { text: JSON.stringify(request) };
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
  return function applyDefaults(request, ...rest) {
    try {
      return glue.applyDefaults(request, ...rest);
    } catch (error) {
      if (request === null || typeof request !== 'object' || !refusesBigInt(error)) throw error;
      let text;
      try {
        text = stringifyExact(request);
      } catch {
        throw error;
      }
      if (typeof text !== 'string') throw error;
      return glue.applyDefaults(text, ...rest);
    }
  };
}

const hasLoneSurrogate =
  typeof String.prototype.isWellFormed === 'function'
    ? (text) => !text.isWellFormed()
    : (text) => /[\uD800-\uDFFF]/.test(text); // conservative: pairs take the slow path too

/**
 * Returns validate(request, options) built on the wasm-bindgen glue's `validate`
 * (any input), `inputBuffer(capacity)` (grows the input buffer in wasm memory
 * and returns its address), `validateInput(length, options)` (validates the UTF-8 JSON
 * text in the first `length` bytes there; `undefined` when the report would be
 * empty, else the report as JSON text), `validateUtf8` (the same for bytes
 * passed as a copy), `storeOptions(options)` and `validateInputStored(length)`
 * (the same with options read once and kept in wasm), `wasmMemory()` and
 * `reportUnserializable` (the report for what JSON.stringify threw), and
 * guardGlue's `instance()`. After an exception that unwinds through the core
 * the guard replaces the instance and this wrapper forgets its buffer and
 * stored options; `busy` is reset by `finally`.
 */
export function createValidate(glue) {
  const encoder = new TextEncoder();
  let memory = null; // read at the first call: the web glue is not instantiated before init()
  let address = 0;
  let capacity = 0;
  let view = new Uint8Array(0);
  let busy = false; // true while validateInput reads the buffer
  // Every value walkOptions read from the options kept in wasm (storeOptions).
  let storedPrint = null;
  let instance = 0; // guardGlue's count of the instance the buffer and stored options belong to

  /** Forgets the buffer, memory and stored options of a replaced instance (a raw glue is never replaced). */
  function followInstance() {
    const current = glue.instance?.() ?? 0;
    if (current === instance) return;
    instance = current;
    memory = null;
    address = 0;
    capacity = 0;
    view = new Uint8Array(0);
    storedPrint = null;
  }

  /** Grows the input buffer to `bytes` and views it. */
  function grow(bytes) {
    memory ??= glue.wasmMemory();
    address = glue.inputBuffer(bytes);
    capacity = bytes;
    view = new Uint8Array(memory.buffer, address, capacity);
  }

  /**
   * Walks every value the core reads from `{ locations, operation, task }`
   * options, in order, calling `visit(value)` until it returns false. Returns
   * false, too, when the options cannot be compared this way (entries that
   * are not objects, an object where the core reads a string, a toJSON that
   * would make JSON.stringify read something else, a getter that throws):
   * then they are read again. Equal walks mean options the core reads alike,
   * so the ones kept in wasm can be used again without JSON.stringify and
   * parsing (a form validates on every keystroke with the same options).
   * Members the core does not read (a task's CreationTime, say) are not walked.
   */
  function walkOptions(options, visit) {
    const plain = (value) => typeof value.toJSON !== 'function';
    // An object JSON.stringify writes as {...} from its own members: not an
    // array, a boxed primitive (written as the primitive) or a Date (toJSON).
    // Object.keys runs the traps JSON.stringify runs on a Proxy (a throwing
    // ownKeys is thrown here too, and the options are read again).
    const record = (value) => {
      if (typeof value !== 'object' || value === null || !plain(value)) return false;
      const proto = Object.getPrototypeOf(value);
      return (proto === Object.prototype || proto === null) && Object.keys(value).length >= 0;
    };
    // What an array or object member is, for the walk that descends into it.
    const kind = (value) => (value !== null && typeof value === 'object' ? (Array.isArray(value) ? ARRAY : OBJECT) : value);
    // A member the core reads as a string: compared as it is (an object could change inside).
    const scalar = (value) => (value === null || typeof value !== 'object') && visit(value);
    // An object member, or none: undefined and null are visited, an object is
    // marked by true and walked by `walk`, anything else cannot be compared.
    const object = (value, walk) => {
      if (value === undefined || value === null) return visit(value);
      return record(value) && visit(true) && walk(value);
    };
    // What the core reads of a DescribeTask response (src/task.rs).
    const task = (described) => scalar(described.TaskArn) && scalar(described.TaskMode)
      && scalar(described.CloudWatchLogGroupArn)
      && object(described.Options, (settings) => {
        const names = Object.keys(settings);
        if (!visit(names.length)) return false;
        for (const name of names) if (!(visit(name) && scalar(settings[name]))) return false;
        return true;
      });
    try {
      if (!record(options)) return false;
      const { locations, operation, task: described } = options;
      if (!(scalar(operation) && object(described, task))) return false;
      if (locations === undefined || locations === null) return visit(locations);
      if (!Array.isArray(locations) || !plain(locations)) return false;
      if (!visit(locations.length)) return false;
      for (let i = 0; i < locations.length; i += 1) {
        const entry = locations[i];
        if (entry === null || typeof entry !== 'object' || !plain(entry)) return false;
        const { AgentArns: agents, MountOptions: mount } = entry;
        // An array or object is visited as its kind, then walked: the kept
        // print comes from a copy, so identity would never match.
        if (!(visit(entry.LocationArn) && visit(entry.LocationUri) && visit(entry.type)
          && visit(entry.S3StorageClass) && visit(kind(agents)) && visit(kind(mount)))) return false;
        if (Array.isArray(agents)) {
          if (!plain(agents) || !visit(agents.length)) return false;
          for (let j = 0; j < agents.length; j += 1) if (!visit(agents[j])) return false;
        }
        if (mount !== null && typeof mount === 'object' && !(plain(mount) && visit(mount.Version))) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Whether the options kept in wasm are `options`, storing them when they
   * are not (which throws the TypeError for malformed options).
   * What is stored is a plain copy read once (JSON.stringify, as the glue
   * reads them), and its print is walked from that copy: a getter or Proxy
   * that answers differently on each read could otherwise keep options that
   * differ from their print, and a later call with plain options equal to
   * the print would be judged with the others.
   */
  function storedAre(options) {
    const kept = storedPrint;
    if (kept !== null) {
      let at = 0;
      // A getter that calls validate() with other options replaces the kept
      // ones while this walk runs: they are used only if still the ones compared.
      if (walkOptions(options, (value) => Object.is(value, kept[at++])) && at === kept.length && storedPrint === kept) return true;
    }
    let copy;
    try {
      const text = JSON.stringify(options);
      if (typeof text !== 'string') return false;
      copy = JSON.parse(text);
      // JSON.stringify leaves out a member holding a symbol or a function,
      // which the glue refuses with a TypeError (src/wasm.rs dropped_member,
      // read alike): such options are not kept.
      const dropped = (name) => !Object.hasOwn(copy, name) && /^(symbol|function)$/.test(typeof options[name]);
      if (typeof options.toJSON !== 'function' && copy !== null && typeof copy === 'object' && !Array.isArray(copy) && MEMBERS.some(dropped)) return false;
    } catch {
      return false; // read by the glue instead, which throws its TypeError
    }
    const print = [];
    if (!walkOptions(copy, (value) => print.push(value) > 0)) return false;
    // Throws for malformed options, keeping what was stored (storedPrint still describes it).
    glue.storeOptions(copy);
    storedPrint = print;
    return true;
  }

  /**
   * Validates `text` with its UTF-8 bytes encoded straight into the input
   * buffer: one copy, no allocation per call. Returns what validateInput does.
   */
  function validateText(text, options) {
    // A call made while the core reads the buffer (from user code the core
    // calls into, such as a replaced Date.now or an options getter) must not write into it.
    if (busy) return glue.validateUtf8(encoder.encode(text), options);
    followInstance();
    const stored = options !== undefined && options !== null && storedAre(options);
    // An options getter calling validate() that failed inside the core: replaced as storeOptions returned.
    if (instance !== (glue.instance?.() ?? 0)) return glue.validateUtf8(encoder.encode(text), options);
    for (;;) {
      // Memory growth detaches the old view: view the same bytes again.
      if (view.byteLength !== capacity) view = new Uint8Array(memory.buffer, address, capacity);
      // A buffer as long as the text in UTF-16 units holds it when it is mostly ASCII.
      if (text.length <= capacity) {
        const { read, written } = encoder.encodeInto(text, view);
        if (read === text.length) {
          busy = true;
          try {
            return stored ? glue.validateInputStored(written) : glue.validateInput(written, options);
          } finally {
            busy = false;
          }
        }
      }
      // Three bytes per UTF-16 unit hold any text (so the second test is only a guard).
      const worstCase = text.length * 3;
      if (worstCase > INPUT_BUFFER_LIMIT || worstCase <= capacity) return glue.validateUtf8(encoder.encode(text), options);
      grow(Math.min(INPUT_BUFFER_LIMIT, Math.max(worstCase, capacity * 2, 4096)));
    }
  }

  return function validate(request, options) {
    let text;
    if (typeof request === 'string') {
      if (hasLoneSurrogate(request)) return glue.validate(request, options);
      text = request;
    } else if (request !== null && typeof request === 'object') {
      // Lone surrogates in the object come out as \u escapes, which the core reports.
      const serialized = serialize(request);
      if ('error' in serialized) {
        // The glue turns the failure into the same diagnostic its validate() gives,
        // without serialising again (getters and toJSON run once, twice only
        // when a BigInt needs the second pass); only a cycle is first named by its path.
        return glue.reportUnserializable(explain(request, serialized.error), options);
      }
      text = serialized.text;
      if (typeof text !== 'string') return glue.reportUnserializable(undefined, options);
    } else {
      return glue.validate(request, options);
    }
    const report = validateText(text, options);
    if (report === undefined) return { valid: true, errors: [], warnings: [] };
    const result = JSON.parse(report);
    if (typeof request === 'object') nameNonFiniteNumbers(request, result);
    return result;
  };
}

/** Escapes one JSON Pointer segment (RFC 6901). */
const segment = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

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
    for (const key of Object.keys(value)) {
      const member = Object.getOwnPropertyDescriptor(value, key);
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
  for (const diagnostic of [...result.errors, ...result.warnings]) {
    if (diagnostic.code !== 'value/wrong-type' || diagnostic.params?.actual !== 'null') continue;
    const value = memberAt(request, diagnostic.path);
    if (typeof value !== 'number' || Number.isFinite(value)) continue;
    diagnostic.message = diagnostic.message.replace(
      /it is null\.$/,
      `it is ${value}, which is not a finite number (JSON has no such value; JSON.stringify writes null).`,
    );
  }
}

/** The own data member at JSON Pointer `path` in `root`, or undefined. */
function memberAt(root, path) {
  try {
    let value = root;
    for (const raw of path.split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (value === null || typeof value !== 'object') return undefined;
      const member = Object.getOwnPropertyDescriptor(value, key);
      if (!member || !('value' in member)) return undefined;
      value = member.value;
    }
    return value;
  } catch {
    return undefined;
  }
}
