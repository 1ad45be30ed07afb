import { expect, test, type Request } from '@playwright/test';
import { ARGO_API, TOKEN, appCard, expectState, openPortal, selectorCard, syncButton } from './portal.js';

test.describe('what goes over the wire', () => {
  test('the token travels only as Authorization to the Argo CD API, never in a URL', async ({ page, context }) => {
    const requests: Request[] = [];
    // Page requests, and those the mock service worker itself makes (passed-through modules).
    context.on('request', (request) => requests.push(request));

    await openPortal(page);
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    await expectState(selectorCard(page), 'ready');
    await expectState(appCard(page, 'redis-cache'), 'ready');
    await expect(card.getByText('loading…')).toHaveCount(0); // commit metadata too
    // A write as well: POST …/sync.
    await syncButton(card).click();
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect(card.getByText('Sync succeeded')).toBeVisible({ timeout: 20_000 });

    const apiPrefix = new URL(ARGO_API, page.url()).href + '/';
    const api = requests.filter((request) => request.url().startsWith(apiPrefix));
    const other = requests.filter((request) => !request.url().startsWith(apiPrefix));
    expect(api.length).toBeGreaterThanOrEqual(8); // 3 cards + 4 commits + sync + polls
    expect(api.some((request) => request.method() === 'POST')).toBe(true);

    for (const request of requests) {
      expect(decodeURIComponent(request.url()), 'token in a URL').not.toContain(TOKEN);
    }
    for (const request of api) {
      expect(await request.headerValue('authorization'), `${request.method()} ${request.url()}`).toBe(`Bearer ${TOKEN}`);
    }
    for (const request of other) {
      expect(await request.headerValue('authorization'), request.url()).toBeNull();
    }
    // Nor is it anywhere in the page's markup.
    expect(await page.content()).not.toContain(TOKEN);
  });
});
