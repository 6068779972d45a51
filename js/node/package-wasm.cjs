// Appended to the Node.js glue by scripts/build.sh, which has the glue take
// `packageWasm() ?? require('./wasm-bytes.cjs')` where wasm-bindgen's glue
// reads the .wasm file beside it.
//
// Installed, the package's own .wasm is read: a fraction of the CPU time the
// same bytes take as base64 in a JavaScript module, and here in the glue
// rather than in a module of its own, whose loading cost more than the check
// below (docs/performance.md, "Cold start again"). Anywhere else (a bundle of
// any kind: esbuild, webpack, an ES module bundle) the file is not read and the
// bytes come from wasm-bytes.cjs, which every bundler carries like other code.
//
// What is checked, and what not: scripts/build.sh ends the .wasm with a custom
// section `sha256` holding the SHA-256 digest of the rest of the file, and
// writes that section into `mark` below. The file is taken only if it ends
// with exactly these bytes, so another build's .wasm (whose digest differs
// unless its code is the same) is never taken. The digest is not recomputed
// here (Node's crypto module alone costs more to load than the file saves):
// a file edited by hand after the build, mark kept, is not detected.

/**
 * The package's .wasm file when this glue runs as the package's own file
 * (`__filename` absolute and ending in node/datasync_task_validator.cjs, as
 * no bundle's is) and the file ends with this build's mark, else null.
 */
function packageWasm() {
  const mark = ''; // written by scripts/build.sh
  let bytes;
  try {
    const path = require('path');
    const own = path.join('node', 'datasync_task_validator.cjs');
    if (!path.isAbsolute(__filename) || !__filename.endsWith(path.sep + own)) return null;
    bytes = require('fs').readFileSync(path.join(__dirname, '..', 'datasync_task_validator_bg.wasm'));
  } catch {
    return null; // no such file, or no __filename, require('path') or require('fs') here
  }
  const expected = Buffer.from(mark, 'base64');
  const end = bytes.subarray(bytes.length - expected.length);
  return expected.length > 0 && bytes.length > expected.length && end.equals(expected) ? bytes : null;
}
