import { expect, test, type Page } from '@playwright/test';
import { startDevBackend, type DevBackend } from './backend/processes.js';
import { startFakeArgoCd, type FakeArgoCd } from './fake-argocd.js';
import { APP_BACKEND_PORT, APP_FAKE_ARGOCD_PORT, BACKSTAGE_DEV_PORT, REMOTE_PORT, backstageDevURL } from './servers.js';

/*
 * The Backstage dev app against the real dev backend: signed in through the dev provider,
 * Argo CD through the backend plugin (every call authorized by the permission framework
 * with the dev policy: owners may act), a stand-in Argo CD that counts what reaches it.
 */

const SERVER_TOKEN = 'app-e2e-server-credential-0b7e';
const backendURL = `http://127.0.0.1:${APP_BACKEND_PORT}`;
const remote = encodeURIComponent(`http://127.0.0.1:${REMOTE_PORT}/mf-manifest.json`);
const appAs = (user: string) => `${backstageDevURL}/?remote=${remote}&backend=${encodeURIComponent(backendURL)}&user=${user}`;
const argo = (page: Page) => page.locator('[data-card="entity-card:platform-widgets/argo-status"] argo-status[app-name="guestbook"]');

let tool: FakeArgoCd;
let backend: DevBackend;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  tool = await startFakeArgoCd(APP_FAKE_ARGOCD_PORT);
  backend = await startDevBackend(APP_BACKEND_PORT, {
    ARGOCD_URL: `http://127.0.0.1:${APP_FAKE_ARGOCD_PORT}`,
    ARGOCD_TOKEN: SERVER_TOKEN,
    PW_DEV_APP_PORT: String(BACKSTAGE_DEV_PORT),
  });
});

test.afterAll(async () => {
  await backend?.stop();
  await tool?.close();
});

test.beforeEach(() => {
  tool.seen.length = 0;
});

test('alice, an owner of guestbook, syncs it from the widget through the backend plugin', async ({ page }) => {
  const browserToTool: string[] = [];
  page.on('request', (request) => request.url().startsWith(`http://127.0.0.1:${APP_FAKE_ARGOCD_PORT}`) && browserToTool.push(request.url()));
  await page.goto(appAs('alice'));
  const widget = argo(page);
  await expect(widget.locator('section.card')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const reads = tool.seen.filter((request) => request.method === 'GET');
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.every((request) => request.headers.authorization === `Bearer ${SERVER_TOKEN}`)).toBe(true);

  const sync = widget.getByRole('button', { name: 'Sync' });
  await expect(sync).toBeEnabled();
  await sync.click();
  await widget.getByRole('dialog', { name: 'Sync guestbook?' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(widget.getByRole('status').filter({ hasText: /Sync (requested|running|succeeded)/ })).toBeVisible();
  await expect.poll(() => tool.seen.filter((request) => request.method === 'POST').length).toBe(1);
  const [post] = tool.seen.filter((request) => request.method === 'POST');
  expect(post?.url).toBe('/api/v1/applications/guestbook/sync');
  expect(post?.headers.authorization).toBe(`Bearer ${SERVER_TOKEN}`);
  expect(browserToTool, 'the browser never talks to the tool itself').toEqual([]);
});

test('bob sees Sync disabled, and his direct POST is refused with 403 before the tool', async ({ page }) => {
  await page.goto(appAs('bob'));
  const widget = argo(page);
  await expect(widget.locator('section.card')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(widget.getByRole('button', { name: 'Sync' })).toBeDisabled();
  await expect(widget.getByRole('button', { name: 'Refresh' })).toBeDisabled();

  // The same call the widget would make, from bob's signed-in page, with bob's own token.
  const answer = await page.evaluate(async (url) => {
    const session = await fetch(`${url}/api/auth/dev/refresh`, { headers: { 'x-dev-user': 'bob' }, credentials: 'include' });
    const token = ((await session.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
    const response = await fetch(`${url}/api/platform-widgets/argocd/api/v1/applications/guestbook/sync`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Platform-Widgets-Entity': 'component:default/guestbook', 'Content-Type': 'application/json' },
      body: '{}',
    });
    return { status: response.status, body: await response.text() };
  }, backendURL);
  expect(answer.status).toBe(403);
  expect(answer.body).toContain('Not allowed');
  expect(tool.seen.filter((request) => request.method === 'POST')).toEqual([]);
});
