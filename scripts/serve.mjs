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

/** The body in the best encoding `accept` (an Accept-Encoding header) allows: br, then gzip. */
function encode(body, accept = '') {
  const offered = new Set(accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase()));
  if (offered.has('br')) {
    return { encoding: 'br', body: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) };
  }
  if (offered.has('gzip')) return { encoding: 'gzip', body: gzipSync(body, { level: 9 }) };
  return { encoding: null, body };
}

/**
 * Starts serving `root`; resolves to { url, close }. With `lifetimeMs` the
 * server also stops by itself after that long, in case a test forgets to.
 */
export function serve(root = '.', port = 0, { lifetimeMs } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        response.writeHead(403, SECURITY_HEADERS).end('forbidden');
        return;
      }
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const file = await readFile(path);
      const { encoding, body } = COMPRESSIBLE.has(extname(path)) ? encode(file, request.headers['accept-encoding']) : { encoding: null, body: file };
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
