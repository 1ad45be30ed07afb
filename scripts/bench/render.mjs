// Render timings for `npm run bench`: a built standalone widget (<argo-status>, <k8s-pods>) in real Chromium,
// served from a throw-away node:http server on 127.0.0.1 (random port).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright';
import { profiled } from './profile.mjs';

/** The page the bench opens: the built widget, the page script, one element. */
function pageHtml({ tag, markup, script }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${tag} bench</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/${tag}.js"></script>
    <script type="module" src="/${script}"></script>
  </head>
  <body>
    ${markup}
  </body>
</html>`;
}

/** The 500-app <argo-status> page (the default). */
export const ARGO_PAGE = {
  tag: 'argo-status',
  markup: '<argo-status app-selector="team=storefront" refresh-interval="0"></argo-status>',
  script: 'page.js',
};

/**
 * @param {Record<string, { type: string, body: string | Buffer }>} routes
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serve(routes) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes[path];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * @typedef {object} RenderOptions
 * @property {string} bundleFile      The built standalone widget module.
 * @property {unknown} data           `{ initial, changed, changedIndexes, expect }` for page.js.
 * @property {object} launchOptions   From scripts/browser.ts.
 * @property {number} renderRuns      Measured fresh-page runs for (a), after one warm-up.
 * @property {number} updateRuns      Measured in-page updates for (b), after two warm-ups.
 * @property {{ tag: string, markup: string, script: string }} [page]  Which widget and page script (default: ARGO_PAGE).
 * @property {boolean} [profile]      Also take a CPU profile of one render and of the updates (after the timed runs).
 */

/** @param {RenderOptions} options */
export async function measureRendering({ bundleFile, data, launchOptions, renderRuns, updateRuns, page: pageSpec = ARGO_PAGE, profile = false }) {
  const js = 'text/javascript; charset=utf-8';
  const server = await serve({
    '/': { type: 'text/html; charset=utf-8', body: pageHtml(pageSpec) },
    [`/${pageSpec.tag}.js`]: { type: js, body: readFileSync(bundleFile) },
    [`/${pageSpec.script}`]: { type: js, body: readFileSync(new URL(`./${pageSpec.script}`, import.meta.url)) },
    '/page-wait.js': { type: js, body: readFileSync(new URL('./page-wait.js', import.meta.url)) },
    '/data.json': { type: 'application/json', body: JSON.stringify(data) },
  });
  const browser = await chromium.launch({ ...launchOptions, headless: true });
  /** @type {string[]} */
  const errors = [];
  try {
    const context = await browser.newContext();
    const open = async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()} (${message.location().url})`);
      });
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      return page;
    };
    const check = () => {
      if (errors.length) throw new Error(`the standalone bundle failed in Chromium:\n  ${errors.join('\n  ')}`);
    };

    /** @type {Array<{ dom: number, painted: number, rows: number }>} */
    const renders = [];
    for (let run = 0; run <= renderRuns; run += 1) {
      const page = await open();
      const result = /** @type {{ dom: number, painted: number, rows: number }} */ (await page.evaluate('window.bench.render()'));
      await page.close();
      check();
      if (run > 0) renders.push(result); // run 0 warms the browser up
    }

    const page = await open();
    const warmUps = 2;
    const { results } = /** @type {{ results: Array<{ dom: number, painted: number }> }} */ (
      await page.evaluate(`window.bench.updates(${updateRuns + warmUps})`)
    );
    // Pages of long, virtualised lists also time a scroll (jump to another part of the list).
    const scrolls = /** @type {Array<{ dom: number, painted: number }> | undefined} */ (
      await page.evaluate(`window.bench.scrolls ? window.bench.scrolls(${updateRuns + warmUps}) : undefined`)
    );
    await page.close();
    check();
    let profiles;
    if (profile) {
      const renderPage = await open();
      const render = await profiled(renderPage, 'window.bench.render()');
      await renderPage.close();
      const updatePage = await open();
      const update = await profiled(updatePage, `window.bench.updates(${updateRuns})`);
      await updatePage.close();
      check();
      profiles = { render: render.top, updates: update.top };
    }
    return { version: browser.version(), renders, updates: results.slice(warmUps), scrolls: scrolls?.slice(warmUps), profiles };
  } finally {
    await browser.close();
    await server.close();
  }
}
