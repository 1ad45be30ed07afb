// Load cost for `npm run bench`: requests and gzip bytes from "the page asks for a widget" to
// the first painted ready state of <argo-status>, in real Chromium, against the BUILT output
// served on loopback:
//   - Module Federation: a host page (lit already on it) calls loadRemote() on dist/remote;
//   - embed loader: a plain page with <script type="module" src="dist/embed/platform-widgets.js">.
// Bytes are each fetched file gzipped at level 9 (what a CDN would send), summed.
/* global window */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { serveStatic } from '../serve-static.mjs';
import { libraryBuild } from './sizes.mjs';

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Builds the federation host page (scripts/bench/load-page.ts) into one module. */
async function buildHostPage(root, outDir) {
  await libraryBuild({ root, outDir, entry: 'scripts/bench/load-page.ts', fileName: 'host.js', rolldownOptions: { external: [], output: { codeSplitting: false } } });
  return join(outDir, 'host.js');
}

/** Serves `html` at `/` and each of `files` (path → file) as JavaScript, on loopback. */
export async function servePage(html, files) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    const file = files[path];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => new Promise((done) => server.close(() => done(undefined))) };
}

/** Files requested from `dir`'s server between `start` and `stop`, with their gzip sizes. */
function requestLog(dir) {
  const log = [];
  let recording = false;
  return {
    onRequest: (path) => {
      if (recording) log.push(path);
    },
    start: () => {
      log.length = 0;
      recording = true;
    },
    stop: () => {
      recording = false;
      const files = log.map((path) => ({ path, gzip: existsSync(join(dir, path)) ? gzip(join(dir, path)) : 0 }));
      return { requests: files.length, gzip: files.reduce((sum, f) => sum + f.gzip, 0), files };
    },
  };
}

const LIST = (apps) => JSON.stringify({ items: apps });

/**
 * @param {{ root: string, launchOptions: object, apps: unknown[], runs?: number }} options
 */
export async function measureLoading({ root, launchOptions, apps, runs = 5 }) {
  const remoteDir = join(root, 'dist/remote');
  const embedDir = join(root, 'dist/embed');
  if (!existsSync(join(remoteDir, 'mf-manifest.json'))) throw new Error('dist/remote is missing: run `npm run build` first');
  const outDir = mkdtempSync(join(tmpdir(), 'pw-bench-load-'));
  const browser = await chromium.launch(launchOptions);
  const servers = [];
  try {
    const hostBundle = await buildHostPage(root, outDir);
    const body = LIST(apps);

    // 1. Module Federation: a host with lit on the page (shared), and a plain page (no lit to share).
    const remoteLog = requestLog(remoteDir);
    const remote = await serveStatic({ dir: remoteDir, port: 0, onRequest: remoteLog.onRequest });
    servers.push(remote);
    const hostPage = await servePage(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MF load</title><link rel="icon" href="data:,"><script type="module" src="/host.js"></script></head><body></body></html>',
      { '/host.js': hostBundle },
    );
    servers.push(hostPage);
    const federation = [];
    const federationNoLit = [];
    const federationEntry = [];
    let litCopies = 0;
    // The manifest (what hosts are configured with) with and without lit to share, and remoteEntry.js directly (one request less).
    for (const [entry, shareLit, samples] of [['mf-manifest.json', true, federation], ['mf-manifest.json', false, federationNoLit], ['remoteEntry.js', true, federationEntry]]) {
      for (let run = 0; run < runs + 1; run += 1) {
        const context = await browser.newContext(); // cold cache every run
        const page = await context.newPage();
        await page.goto(hostPage.origin);
        await page.waitForFunction(() => typeof window.benchLoad === 'function');
        remoteLog.start();
        const result = await page.evaluate(([manifest, data, share]) => window.benchLoad(manifest, data, share), [`${remote.origin}/${entry}`, body, shareLit]);
        const wire = remoteLog.stop();
        if (!result.ok) throw new Error(`Module Federation load failed: ${result.reason}`);
        if (shareLit) litCopies = await page.evaluate(() => globalThis.litElementVersions?.length ?? 0);
        if (run > 0) samples.push({ ms: result.ms, ...wire }); // run 0 warms Chromium up
        await context.close();
      }
    }

    // 2. The embed loader, when built.
    let embed;
    if (existsSync(join(embedDir, 'platform-widgets.js'))) {
      const embedLog = requestLog(embedDir);
      const embedServer = await serveStatic({ dir: embedDir, port: 0, onRequest: embedLog.onRequest });
      servers.push(embedServer);
      writeFileSync(join(outDir, 'embed-page.js'), EMBED_PAGE_SCRIPT);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed load</title><link rel="icon" href="data:,"><script type="module" src="/embed-page.js"></script></head><body></body></html>`;
      const embedPage = await servePage(html, { '/embed-page.js': join(outDir, 'embed-page.js') });
      servers.push(embedPage);
      embed = [];
      for (let run = 0; run < runs + 1; run += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(embedPage.origin);
        await page.waitForFunction(() => typeof window.benchEmbed === 'function');
        embedLog.start();
        const result = await page.evaluate(([src, data]) => window.benchEmbed(src, data), [`${embedServer.origin}/platform-widgets.js`, body]);
        const wire = embedLog.stop();
        if (!result.ok) throw new Error(`embed load failed: ${result.reason}`);
        if (run > 0) embed.push({ ms: result.ms, ...wire });
        await context.close();
      }
    }
    return { federation, federationNoLit, federationEntry, embed, litCopies, hostBundleGzip: gzip(hostBundle), version: browser.version() };
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The embed page: adds the loader's <script>, then the widget, the way a wiki page would. */
const EMBED_PAGE_SCRIPT = `
const TIMEOUT_MS = 15000;
window.benchEmbed = async (src, body) => {
  const started = performance.now();
  const element = document.createElement('argo-status');
  element.setAttribute('app-selector', 'team=storefront');
  element.setAttribute('refresh-interval', '0');
  element.host = {
    endpoints: { argocd: { api: location.origin + '/argocd', ui: 'https://argocd.example.com' } },
    fetch: () => Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } })),
    cacheTtlMs: 0,
  };
  document.body.append(element);
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
  const deadline = started + TIMEOUT_MS;
  for (;;) {
    const state = element.shadowRoot && element.shadowRoot.querySelector('section.card')?.getAttribute('data-state');
    if (state === 'ready') break;
    if (performance.now() > deadline) return { ok: false, reason: 'no ready state (' + state + ')' };
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { ok: true, ms: performance.now() - started };
};
`;
