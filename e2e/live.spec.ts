import { expect, test, type Response } from '@playwright/test';
import { startFakeArgoCd, type FakeArgoCd } from './fake-argocd.js';
import { appCard, expectState, openPortal, selectorCard } from './portal.js';
import { FAKE_ARGOCD_PORT, LIVE_ARGOCD_UI, LIVE_SERVER_TOKEN, liveURL } from './servers.js';

/*
 * The portal on "real" endpoints (ARGOCD_URL + ARGOCD_TOKEN, see playwright.config.ts):
 * no mocks in the page, the dev server proxies /proxy/argocd and adds the token itself.
 */
test.describe('real endpoints through the dev server proxy', () => {
  // One fake Argo CD on a fixed port: keep every test of this block in one worker.
  test.describe.configure({ mode: 'serial' });
  test.use({ baseURL: liveURL });
  let argocd: FakeArgoCd;

  test.beforeAll(async () => {
    argocd = await startFakeArgoCd(FAKE_ARGOCD_PORT);
  });
  test.afterAll(async () => {
    await argocd.close();
  });

  test('the proxy adds the server-side token; the browser never holds it', async ({ page }) => {
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));

    await openPortal(page);
    await expect(page.getByText(`goes through the dev server's proxy to Argo CD at ${LIVE_ARGOCD_UI}`)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Argo CD scenario' })).toBeHidden();

    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"] [part="status"]')).toHaveText([/Synced/, /Healthy/]);
    await expect(card.getByRole('link', { name: /Open in Argo CD/ })).toHaveAttribute('href', `${LIVE_ARGOCD_UI}/applications/guestbook`);
    await expectState(selectorCard(page), 'ready');
    await expect(card.getByText('loading…')).toHaveCount(0);

    // Upstream: every request arrived with the server's token, and without the page's cookies.
    const paths = argocd.seen.map((request) => request.url);
    expect(paths).toContain('/api/v1/applications/guestbook');
    // The selector asks Argo CD only for the fields its list reads.
    const selectorRead = paths.map((path) => new URL(path, 'http://argocd')).find((url) => url.pathname === '/api/v1/applications');
    expect(selectorRead?.searchParams.get('selector')).toBe('team=storefront');
    expect(selectorRead?.searchParams.get('fields')?.split(',')).toEqual(expect.arrayContaining(['items.metadata.name', 'items.status.sync.status', 'items.status.health']));
    for (const request of argocd.seen) {
      expect(request.headers.authorization, request.url).toBe(`Bearer ${LIVE_SERVER_TOKEN}`);
      expect(request.headers.cookie, request.url).toBeUndefined();
    }

    // Browser: no Authorization of its own, and the token in no URL and no response it received.
    const api = responses.filter((response) => new URL(response.url()).pathname.startsWith('/proxy/argocd/'));
    expect(api.length).toBeGreaterThanOrEqual(3);
    for (const response of api) {
      expect(response.url()).not.toContain(LIVE_SERVER_TOKEN);
      expect(await response.request().headerValue('authorization'), response.url()).toBeNull();
    }
    // Everything the page loaded (modules, styles, the page itself), fetched again outside the
    // browser so each body can be read whole: none holds the token.
    const loaded = new Set(responses.map((response) => response.url()).filter((url) => !url.includes('/proxy/')));
    expect(loaded.size).toBeGreaterThan(10);
    for (const url of loaded) {
      expect(url).not.toContain(LIVE_SERVER_TOKEN);
      if (!url.startsWith(liveURL)) continue;
      const body = await (await page.request.get(url)).text();
      expect(body, `body of ${url}`).not.toContain(LIVE_SERVER_TOKEN);
    }
  });
});
