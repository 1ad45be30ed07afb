// A small static file server for the built remote (dist/remote) and embed loader
// (dist/embed), with the cache headers a CDN should use:
//   content-hashed files (assets/*-<hash>.js)       → public, max-age=31536000, immutable
//   entry points (mf-manifest.json, remoteEntry.js,
//   platform-widgets.js)                             → no-cache (revalidate every time)
// and CORS, so a host on another origin can load the modules.
//
// CLI: node scripts/serve-static.mjs <dir> <port> [--host 127.0.0.1]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** A file name with a content hash (`name-<8+ url-safe chars>.js`), as Vite names chunks. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|css|mjs)$/;

export function cacheControl(path) {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * @param {{ dir: string, port: number, host?: string, onRequest?: (path: string) => void }} options
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ dir, port, host = '127.0.0.1', onRequest }) {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path));
    onRequest?.(path);
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('x-content-type-options', 'nosniff');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': '*' }).end();
      return;
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl(path),
      'content-length': statSync(file).size,
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://${host}:${actualPort}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port, flag, hostArg] = process.argv.slice(2);
  if (!dir || !port) {
    console.error('usage: node scripts/serve-static.mjs <dir> <port> [--host 127.0.0.1]');
    process.exit(2);
  }
  if (!existsSync(dir)) {
    console.error(`${dir} does not exist: run \`npm run build\` first.`);
    process.exit(1);
  }
  const { origin } = await serveStatic({ dir, port: Number(port), host: flag === '--host' && hostArg ? hostArg : '127.0.0.1' });
  console.log(`serving ${dir} on ${origin}/`);
}
