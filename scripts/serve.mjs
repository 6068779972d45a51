// A tiny static file server for the form and the browser tests: serves a folder
// on 127.0.0.1 only, with the MIME types a page with WebAssembly needs, brotli
// or gzip when the browser accepts it, and the headers a page must get from its
// server rather than a <meta> tag: `Content-Security-Policy: frame-ancestors
// 'none'` (no other site may frame the form: clickjacking) and
// `X-Content-Type-Options: nosniff`.
// Usage: node scripts/serve.mjs [root=.] [port=8080]
// Import { serve } to start one from a test (port 0 picks a free port).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};
/** Worth compressing: text and WebAssembly, not the already compressed images. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.cjs', '.css', '.json', '.wasm', '.svg', '.ts']);

/** Headers every response gets. */
export const SECURITY_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

/** The best encoding `accept` (an Accept-Encoding header) allows: br, then gzip, else none. */
function chooseEncoding(accept = '') {
  const offered = new Set(accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase()));
  if (offered.has('br')) return 'br';
  if (offered.has('gzip')) return 'gzip';
  return null;
}

/** Compresses at the highest settings (slow: brotli quality 11 takes about 0.5 s for the .wasm on a busy machine). */
function compress(body, encoding) {
  if (encoding === 'br') {
    return brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return gzipSync(body, { level: 9 });
}

/** Compressed bodies kept for the files they came from: at most this many (the form loads 16). */
const CACHE_ENTRIES = 64;

/**
 * Starts serving `root`; resolves to { url, close, stats }. With `lifetimeMs` the
 * server also stops by itself after that long, in case a test forgets to.
 */
export function serve(root = '.', port = 0, { lifetimeMs } = {}) {
  const base = resolve(root);
  // Each file is compressed once per version (path, size and modification
  // time) and encoding, not at every request: a page load must not wait for
  // brotli. `stats.compressions` counts the real compressions, for the tests.
  const cache = new Map(); // `${encoding}\0${path}` -> { version, body }
  const stats = { compressions: 0 };
  const encoded = (path, info, file, encoding) => {
    const key = `${encoding}\0${path}`;
    const version = `${info.size}\0${info.mtimeMs}`;
    const hit = cache.get(key);
    if (hit?.version === version) return hit.body;
    const body = compress(file, encoding);
    stats.compressions += 1;
    cache.delete(key);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value);
    cache.set(key, { version, body });
    return body;
  };
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        response.writeHead(403, SECURITY_HEADERS).end('forbidden');
        return;
      }
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const info = await stat(path);
      const file = await readFile(path);
      const encoding = COMPRESSIBLE.has(extname(path)) ? chooseEncoding(request.headers['accept-encoding']) : null;
      const body = encoding ? encoded(path, info, file, encoding) : file;
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      const stop = () => {
        server.closeAllConnections();
        return server.listening ? new Promise((done) => server.close(() => done())) : Promise.resolve();
      };
      const timer = lifetimeMs ? setTimeout(stop, lifetimeMs) : null;
      timer?.unref();
      resolvePromise({
        url: `http://127.0.0.1:${actual}/`,
        stats,
        close: () => {
          if (timer) clearTimeout(timer);
          return stop();
        },
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = '.', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, Number(port));
  console.log(`serving ${resolve(root)} at ${url} (Ctrl-C to stop)`);
}
