// The fast input path of validate(), shared by the Node.js and browser entries
// (scripts/build.sh writes a CommonJS copy for Node). Why it exists: handing a
// string to wasm through wasm-bindgen walks it one character at a time in JS,
// and a JS object took a second trip through the boundary for JSON.stringify.
// Here the engine's native JSON.stringify and TextEncoder.encodeInto put UTF-8
// straight into a reused buffer, and a clean report is built without JSON.parse.
//
// Only ordinary input takes this path: a well-formed string, or an object that
// JSON.stringify turns into a string. Everything else (undefined, numbers,
// strings with lone surrogates) goes to the glue's validate(), and an object
// whose serialisation fails to the glue's reportUnserializable(); the glue owns
// every diagnostic for such input, so both paths report exactly the same things.

/** The reused encoding buffer grows to at most this many bytes (4 MiB); longer texts get their own. */
const SHARED_BUFFER_LIMIT = 1 << 22;

const hasLoneSurrogate =
  typeof String.prototype.isWellFormed === 'function'
    ? (text) => !text.isWellFormed()
    : (text) => /[\uD800-\uDFFF]/.test(text); // conservative: pairs take the slow path too

/**
 * Returns validate(request) built on the wasm-bindgen glue's `validate`
 * (any input), `validateUtf8` (UTF-8 bytes of JSON text; `undefined` when the
 * report would be empty, else the report as JSON text) and
 * `reportUnserializable` (the report for what JSON.stringify threw).
 */
export function createValidate(glue) {
  const encoder = new TextEncoder();
  let shared = new Uint8Array(4096);

  /** The UTF-8 bytes of `text`, in the shared buffer when they fit. */
  function utf8(text) {
    for (;;) {
      // A buffer as long as the text in UTF-16 units holds it when it is mostly ASCII.
      if (text.length <= shared.length) {
        const { read, written } = encoder.encodeInto(text, shared);
        if (read === text.length) return shared.subarray(0, written);
      }
      // Three bytes per UTF-16 unit hold any text.
      const worstCase = text.length * 3;
      if (worstCase > SHARED_BUFFER_LIMIT || worstCase <= shared.length) return encoder.encode(text);
      shared = new Uint8Array(Math.min(SHARED_BUFFER_LIMIT, Math.max(worstCase, shared.length * 2)));
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
    const report = glue.validateUtf8(utf8(text));
    return report === undefined ? { valid: true, errors: [], warnings: [] } : JSON.parse(report);
  };
}
