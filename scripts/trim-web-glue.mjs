// Takes out of the web glue (wasm-bindgen's `--target web` output) the code a
// browser downloads but can never run through this package (docs/performance.md,
// "Session 35: bytes"):
//
// - the `encodeInto` stand-in for a TextEncoder without it: every engine that
//   runs this .wasm (reference types, multivalue) has TextEncoder.encodeInto;
// - the warnings for the deprecated calling forms of `initSync(bytes)` and
//   `init(urlOrBytes)`: the package does not export the glue, and its entry
//   (js/web/index.js) always passes undefined or a plain object;
// - init's own promise, kept while it runs and dropped when it fails: the
//   entry keeps the same promise (`pending`), the same way, and calls the
//   glue's init only when it has none.
//
// And it says in fewer words what the warning says when a server sends the
// .wasm with another Content-Type than application/wasm.
//
// Each piece must be found exactly once, so a new wasm-bindgen that writes them
// otherwise fails the build instead of shipping them unnoticed.
//
//   node scripts/trim-web-glue.mjs FILE
import { readFileSync, writeFileSync } from 'node:fs';

const CUTS = [
  [
    `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}
`,
    '',
  ],
  [
    `    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead')
        }
    }
`,
    `    if (module !== undefined) {
        ({module} = module)
    }
`,
  ],
  [
    `    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }
`,
    `    if (module_or_path !== undefined) {
        ({module_or_path} = module_or_path)
    }
`,
  ],
  [
    `    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
`,
    `    return __wbg_init_once(module_or_path);
`,
  ],
  ['let __wbg_init_promise;\n', ''],
  [
    'console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n", e);',
    'console.warn("WebAssembly.instantiateStreaming failed: serve the .wasm as application/wasm. Using the slower WebAssembly.instantiate:\\n", e);',
  ],
];

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/trim-web-glue.mjs FILE');
  process.exit(2);
}
let text = readFileSync(file, 'utf8');
for (const [from, to] of CUTS) {
  const parts = text.split(from);
  if (parts.length !== 2) {
    console.error(`[trim-web-glue] ${file}: found ${parts.length - 1} times, not once:\n${from}`);
    process.exit(1);
  }
  text = parts.join(to);
}
writeFileSync(file, text);
