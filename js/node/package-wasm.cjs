// Appended to the Node.js glue by scripts/build.sh, which has the glue take
// `packageWasm() ?? require('./wasm-bytes.cjs')` where wasm-bindgen's glue
// reads the .wasm file beside it.
//
// Installed, the package's own .wasm is read: a fraction of the CPU time the
// same bytes take as base64 in a JavaScript module, and here in the glue
// rather than in a module of its own, whose loading cost more than the check
// below (docs/performance.md, "Cold start again"). A bundle leaves the file
// behind (an ES module bundle has no __dirname either) and takes the bytes
// from wasm-bytes.cjs, which every bundler carries like other code.

/**
 * The package's .wasm file when it is there and is this build's (its length
 * and every 1,024th byte, which scripts/build.sh writes below, match), else
 * null. A check, not a hash: Node's crypto module alone costs more to load
 * than the base64 module saves.
 */
function packageWasm() {
  const length = -1; // written by scripts/build.sh
  const sample = ''; // written by scripts/build.sh
  let bytes;
  try {
    bytes = require('fs').readFileSync(`${__dirname}/../datasync_task_validator_bg.wasm`);
  } catch {
    return null; // no such file, or no __dirname or require('fs') here
  }
  if (bytes.length !== length) return null;
  const picked = [];
  for (let at = 0; at < bytes.length; at += 1024) picked.push(bytes[at]);
  return Buffer.from(picked).toString('base64') === sample ? bytes : null;
}
