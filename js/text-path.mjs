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

/** The input buffer in wasm memory grows to at most this many bytes (4 MiB); longer texts are passed as a copy. */
const INPUT_BUFFER_LIMIT = 1 << 22;

const hasLoneSurrogate =
  typeof String.prototype.isWellFormed === 'function'
    ? (text) => !text.isWellFormed()
    : (text) => /[\uD800-\uDFFF]/.test(text); // conservative: pairs take the slow path too

/**
 * Returns validate(request) built on the wasm-bindgen glue's `validate`
 * (any input), `inputBuffer(capacity)` (grows the input buffer in wasm memory
 * and returns its address), `validateInput(length)` (validates the UTF-8 JSON
 * text in the first `length` bytes there; `undefined` when the report would be
 * empty, else the report as JSON text), `validateUtf8` (the same for bytes
 * passed as a copy), `wasmMemory()` and `reportUnserializable` (the report for
 * what JSON.stringify threw).
 */
export function createValidate(glue) {
  const encoder = new TextEncoder();
  let memory = null; // read at the first call: the web glue is not instantiated before init()
  let address = 0;
  let capacity = 0;
  let view = new Uint8Array(0);
  let busy = false; // true while validateInput reads the buffer

  /** Grows the input buffer to `bytes` and views it. */
  function grow(bytes) {
    memory ??= glue.wasmMemory();
    address = glue.inputBuffer(bytes);
    capacity = bytes;
    view = new Uint8Array(memory.buffer, address, capacity);
  }

  /**
   * Validates `text` with its UTF-8 bytes encoded straight into the input
   * buffer: one copy, no allocation per call. Returns what validateInput does.
   */
  function validateText(text) {
    // A call made while the core reads the buffer (from user code the core
    // calls into, such as a replaced Date.now) must not write into it.
    if (busy) return glue.validateUtf8(encoder.encode(text));
    for (;;) {
      // Memory growth detaches the old view: view the same bytes again.
      if (view.byteLength !== capacity) view = new Uint8Array(memory.buffer, address, capacity);
      // A buffer as long as the text in UTF-16 units holds it when it is mostly ASCII.
      if (text.length <= capacity) {
        const { read, written } = encoder.encodeInto(text, view);
        if (read === text.length) {
          busy = true;
          try {
            return glue.validateInput(written);
          } finally {
            busy = false;
          }
        }
      }
      // Three bytes per UTF-16 unit hold any text (so the second test is only a guard).
      const worstCase = text.length * 3;
      if (worstCase > INPUT_BUFFER_LIMIT || worstCase <= capacity) return glue.validateUtf8(encoder.encode(text));
      grow(Math.min(INPUT_BUFFER_LIMIT, Math.max(worstCase, capacity * 2, 4096)));
    }
  }

  return function validate(request) {
    let text;
    if (typeof request === 'string') {
      if (hasLoneSurrogate(request)) return glue.validate(request);
      text = request;
    } else if (request !== null && typeof request === 'object') {
      try {
        // Lone surrogates in the object come out as \u escapes, which the core reports.
        text = JSON.stringify(request);
      } catch (error) {
        // The glue turns the failure into the same diagnostic its validate() gives,
        // without serialising again (getters and toJSON run once).
        return glue.reportUnserializable(error);
      }
      if (typeof text !== 'string') return glue.reportUnserializable(undefined);
    } else {
      return glue.validate(request);
    }
    const report = validateText(text);
    return report === undefined ? { valid: true, errors: [], warnings: [] } : JSON.parse(report);
  };
}
