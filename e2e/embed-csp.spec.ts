import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { serveStatic } from '../scripts/serve-static.mjs';
import { commitMessages, healthyApp } from '../widgets/argo-status/fixtures/applications.js';
import { EMBED_PORT, THIRD_ORIGIN_PORT } from './servers.js';

/*
 * The embed loader on a plain page from a third origin (a wiki), under a strict Content
 * Security Policy: no 'unsafe-inline', no 'unsafe-eval', Trusted Types enforced. The page's
 * own origin answers the Argo CD API (a same-origin proxy); the loader comes from dist/embed.
 */

const EMBED = `http://127.0.0.1:${EMBED_PORT}`;
const PAGE = `http://127.0.0.1:${THIRD_ORIGIN_PORT}`;
const TOKEN = 'wiki-session-token-5c0ffee';

const CSP = [
  "default-src 'none'",
  `script-src 'self' ${EMBED}`,
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  // Lit's policy; a page that lists its policies must allow this one.
  'trusted-types lit-html',
].join('; ');

const head = (title: string, extra = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<script type="module" src="${EMBED}/platform-widgets.js"></script>${extra}</head>`;

/** 1: endpoints by attribute, a cookie session behind the same-origin proxy (no token). */
const COOKIE_PAGE = `${head('Guestbook runbook')}
<body><main><h1>Guestbook runbook</h1>
<pw-host endpoints='{"argocd": {"api": "/api/argocd", "ui": "https://argocd.example.com"}}'>
  <argo-status app-name="guestbook"></argo-status>
</pw-host></main></body></html>`;

/** 2: the page's own module calls configure({ token }) and adds the widget later. */
const TOKEN_PAGE = `${head('Guestbook (token)', '<script type="module" src="/page.js"></script>')}
<body><main><h1>Guestbook</h1><div id="slot"></div></main></body></html>`;

const TOKEN_PAGE_SCRIPT = `import { configure } from '${EMBED}/platform-widgets.js';
configure({
  endpoints: { argocd: { api: '/api/argocd', ui: 'https://argocd.example.com' } },
  token: async () => '${TOKEN}',
});
setTimeout(() => {
  const widget = document.createElement('argo-status');
  widget.setAttribute('app-name', 'guestbook');
  document.getElementById('slot').append(widget);
}, 400);
`;

interface Seen {
  url: string;
  authorization?: string;
  cookie?: string;
}

function apiResponse(request: IncomingMessage): { status: number; body: unknown } {
  const path = new URL(request.url ?? '/', PAGE).pathname;
  const revision = /^\/api\/argocd\/api\/v1\/applications\/guestbook\/revisions\/([^/]+)\/metadata$/.exec(path)?.[1];
  if (revision) {
    const commit = commitMessages[revision];
    return commit ? { status: 200, body: { ...commit, date: new Date().toISOString(), tags: [] } } : { status: 404, body: { error: 'not found' } };
  }
  if (path === '/api/argocd/api/v1/applications/guestbook') return { status: 200, body: healthyApp };
  return { status: 404, body: { error: 'not found' } };
}

function startThirdOrigin(seen: Seen[]): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', PAGE).pathname;
    const html = (body: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(body);
    if (path === '/cookie.html') return void html(COOKIE_PAGE);
    if (path === '/token.html') return void html(TOKEN_PAGE);
    if (path === '/page.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(TOKEN_PAGE_SCRIPT);
    if (path.startsWith('/api/argocd/')) {
      seen.push({ url: request.url ?? '', authorization: request.headers.authorization, cookie: request.headers.cookie });
      const { status, body } = apiResponse(request);
      return void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(THIRD_ORIGIN_PORT, '127.0.0.1', () => resolve(server)));
}

/** CSP and Trusted Types violations, as events in the page and as console messages. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const found: string[] = [];
    Object.assign(window, { cspViolations: found });
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Trusted Type/i.test(message.text())) problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

test.describe('embed loader on a third-origin page with a strict CSP and Trusted Types', () => {
  test.describe.configure({ mode: 'serial' });
  const seen: Seen[] = [];
  let page3: Server;
  let embed: { close: () => Promise<void> };

  test.beforeAll(async () => {
    expect(existsSync('dist/embed/platform-widgets.js'), 'run `npm run build` first').toBe(true);
    embed = await serveStatic({ dir: 'dist/embed', port: EMBED_PORT });
    page3 = await startThirdOrigin(seen);
  });
  test.afterAll(async () => {
    await embed.close();
    await new Promise((resolve) => page3.close(resolve));
  });

  test('pw-host + a same-origin proxy with a cookie session: ready, zero violations', async ({ page, context }) => {
    seen.length = 0;
    await context.addCookies([{ name: 'session', value: 'wiki-cookie', url: PAGE }]);
    const violations = await watchViolations(page);
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));

    await page.goto(`${PAGE}/cookie.html`);
    const card = page.locator('argo-status[app-name="guestbook"]');
    await expect(card.locator('section.card')).toHaveAttribute('data-state', 'ready');
    await expect(card.locator('[part="header"] [part="status"]')).toHaveText([/Synced/, /Healthy/]);
    await expect(card.getByText('guestbook-ui: bump to 1.8.2')).toBeVisible();

    expect(await violations()).toEqual([]);
    // The policy really is enforced (so "zero violations" means something): a raw HTML sink throws.
    const sink = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>raw</b>';
        return 'allowed';
      } catch (error) {
        return error instanceof TypeError ? 'blocked by Trusted Types' : String(error);
      }
    });
    expect(sink).toBe('blocked by Trusted Types');
    // Only the loader, the kit and this one widget's code came over the wire.
    expect(scripts.every((url) => url.startsWith(`${EMBED}/`))).toBe(true);
    expect(scripts.filter((url) => /\/assets\/(?!kit-|argo-status-|rolldown-runtime-)/.test(url))).toEqual([]);
    // The cookie session reached the proxy; no Authorization header was invented.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const request of seen) {
      expect(request.cookie, request.url).toBe('session=wiki-cookie');
      expect(request.authorization, request.url).toBeUndefined();
    }
  });

  test('configure({ token }) from the page\'s own module, widget added later: ready, zero violations', async ({ page }) => {
    seen.length = 0;
    const violations = await watchViolations(page);
    const widgetCode: string[] = [];
    page.on('request', (request) => /\/assets\/argo-status-/.test(request.url()) && widgetCode.push(request.url()));

    await page.goto(`${PAGE}/token.html`);
    await page.waitForLoadState('load');
    const card = page.locator('argo-status[app-name="guestbook"]');
    await expect(card.locator('section.card')).toHaveAttribute('data-state', 'ready');
    expect(widgetCode).toHaveLength(1);

    expect(await violations()).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const request of seen) {
      expect(request.authorization, request.url).toBe(`Bearer ${TOKEN}`);
      expect(request.url).not.toContain(TOKEN);
    }
    expect(await page.content()).not.toContain(TOKEN);
  });
});
