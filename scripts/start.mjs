// `npm start`: builds the widgets' Module Federation remote (about 2 s), serves it on its own
// port (like a CDN would), and serves the demo portal — a federation host — on Vite's dev
// server, with the mock upstreams in the page. PORT (5173) and REMOTE_PORT (PORT + 1) override.
import { spawnSync } from 'node:child_process';
import { createServer } from 'vite';
import { serveStatic } from './serve-static.mjs';

const port = Number(process.env.PORT ?? 5173);
const remotePort = Number(process.env.REMOTE_PORT ?? port + 1);
const host = '127.0.0.1';

const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.remote.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (built.status !== 0) {
  console.error('The remote did not build; the portal would show every card as "did not load".');
  process.exit(built.status ?? 1);
}

const remote = await serveStatic({ dir: 'dist/remote', port: remotePort, host });
// Read by the page (demo/widgets.ts) as import.meta.env.VITE_REMOTE_MANIFEST.
process.env.VITE_REMOTE_MANIFEST = `${remote.origin}/mf-manifest.json`;

const portal = await createServer({ mode: 'portal', server: { host, port, strictPort: true } });
await portal.listen();
console.log(`\n  Widgets remote: ${remote.origin}/mf-manifest.json`);
portal.printUrls();

async function stop() {
  await portal.close();
  await remote.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
