// The whole entity page for `npm run bench`: the demo portal (Vite's dev server, mock upstreams
// in the page) loading every widget from the built remote through Module Federation. Reports,
// per cold visit: requests to the remote and their gzip bytes, the portal's own requests (dev
// server, unbundled: not what a production host would serve), and the time from navigation
// to every card of the Overview tab showing its data.
/* global document, performance, setTimeout */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { serveStatic } from '../serve-static.mjs';

const TIMEOUT_MS = 60_000;

/**
 * @param {{ root: string, launchOptions: object, runs: number }} options
 */
export async function measureEntityPage({ root, launchOptions, runs }) {
  const remoteDir = join(root, 'dist/remote');
  if (!existsSync(join(remoteDir, 'mf-manifest.json'))) throw new Error('dist/remote is missing: run `npm run build` first');
  const remoteLog = [];
  const remote = await serveStatic({ dir: remoteDir, port: 0, onRequest: (path) => remoteLog.push(path) });
  const manifestBefore = process.env.VITE_REMOTE_MANIFEST;
  process.env.VITE_REMOTE_MANIFEST = `${remote.origin}/mf-manifest.json`;
  const portal = await createServer({ root, mode: 'portal', logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  const browser = await chromium.launch(launchOptions);
  try {
    await portal.listen();
    const origin = portal.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (!origin) throw new Error('the portal dev server has no address');
    const samples = [];
    for (let run = 0; run <= runs; run += 1) {
      const context = await browser.newContext({ serviceWorkers: 'allow' }); // cold cache every visit
      const page = await context.newPage();
      let portalRequests = 0;
      page.on('request', (request) => {
        if (request.url().startsWith(origin)) portalRequests += 1;
      });
      remoteLog.length = 0;
      await page.goto(`${origin}/demo/?tab=overview`);
      const ms = await page.evaluate(async (timeoutMs) => {
        const cards = [...document.querySelectorAll('.widget[data-tabs~="overview"]')];
        const done = () => cards.every((card) => ['ready', 'empty'].includes(card.shadowRoot?.querySelector('section.card')?.getAttribute('data-state') ?? ''));
        while (!done()) {
          if (performance.now() > timeoutMs) throw new Error('the Overview cards did not all show their data');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return { ms: performance.now(), cards: cards.length };
      }, TIMEOUT_MS);
      const beforeReady = remoteLog.length;
      const files = remoteLog.map((path) => ({ path, gzip: existsSync(join(remoteDir, path)) ? gzipSync(readFileSync(join(remoteDir, path)), { level: 9 }).length : 0 }));
      // Run 0 warms the dev server up (dependency optimisation, first transforms).
      // Then what the page loads for its other tabs (their cards' code comes after the visible ones').
      await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true', undefined, { timeout: TIMEOUT_MS });
      const gzipOf = (list) => list.reduce((sum, f) => sum + f.gzip, 0);
      const after = remoteLog.slice(files.length).map((path) => ({ path, gzip: existsSync(join(remoteDir, path)) ? gzipSync(readFileSync(join(remoteDir, path)), { level: 9 }).length : 0 }));
      if (run > 0) {
        samples.push({
          ms: ms.ms,
          cards: ms.cards,
          remoteRequests: beforeReady,
          remoteGzip: gzipOf(files),
          remoteRequestsAll: files.length + after.length,
          remoteGzipAll: gzipOf(files) + gzipOf(after),
          portalRequests,
        });
      }
      await context.close();
    }
    return samples;
  } finally {
    await browser.close();
    await portal.close();
    await remote.close();
    if (manifestBefore === undefined) delete process.env.VITE_REMOTE_MANIFEST;
    else process.env.VITE_REMOTE_MANIFEST = manifestBefore;
  }
}
