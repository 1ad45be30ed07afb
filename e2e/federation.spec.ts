import { expect, test, type Request } from '@playwright/test';
import { ARGO_UI, appCard, expectState, openPortal, selectorCard } from './portal.js';
import { remoteURL } from './servers.js';

/*
 * The portal is a Module Federation host: the widgets' code comes from the built remote
 * (dist/remote) on its own origin, and lit is the page's own, handed to the share scope.
 */
test.describe('widgets through Module Federation', () => {
  test('two widgets from the remote, and lit is loaded once', async ({ page, context }) => {
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    await openPortal(page, '?tab=cd');
    await expectState(appCard(page, 'guestbook'), 'ready');
    await expectState(page.locator('kargo-stages.widget'), 'ready');

    const urls = requests.map((request) => request.url());
    const fromRemote = urls.filter((url) => url.startsWith(`${remoteURL}/`));
    // Each widget's code came from the remote, not from the portal's own sources.
    expect(fromRemote.some((url) => /\/assets\/argo-status-[\w-]+\.js$/.test(url))).toBe(true);
    expect(fromRemote.some((url) => /\/assets\/kargo-stages-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.filter((url) => /\/widgets\/[\w-]+\/[\w-]+\.component\.ts/.test(url))).toEqual([]);
    // The remote's own copy of lit (its fallback) was never fetched: the page's lit was shared.
    expect(fromRemote.filter((url) => /\/assets\/lit-[\w-]+\.js$/.test(url))).toEqual([]);
    // Lit registers every copy that runs in globalThis.litElementVersions.
    expect(await page.evaluate(() => (globalThis as { litElementVersions?: string[] }).litElementVersions)).toHaveLength(1);

    // A second copy of the widget's module (another URL, so it really runs again) is a no-op.
    const chunk = fromRemote.find((url) => /\/assets\/argo-status-[\w-]+\.js$/.test(url)) ?? '';
    const second = await page.evaluate(async (url) => {
      const before = customElements.get('argo-status');
      try {
        await import(/* @vite-ignore */ `${url}?second-copy`);
        return customElements.get('argo-status') === before ? 'no-op' : 'redefined';
      } catch (error) {
        return `threw: ${String(error)}`;
      }
    }, chunk);
    expect(second).toBe('no-op');
    await expectState(appCard(page, 'guestbook'), 'ready');
  });

  test('a remote that does not load: each card shows the reason and the deep link, never a crash; Retry recovers', async ({ page, context }) => {
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await context.route(`${remoteURL}/**`, (route) => route.abort('connectionrefused'));

    await openPortal(page);
    for (const card of [appCard(page, 'guestbook'), appCard(page, 'redis-cache'), selectorCard(page)]) {
      await expectState(card, 'degraded');
      const fallback = card.locator('.remote-fallback');
      await expect(fallback).toContainText('The widget did not load');
      await expect(fallback.getByRole('link', { name: /Open Argo CD/ })).toHaveAttribute('href', `${ARGO_UI}/`);
    }
    // The rest of the page still works.
    await page.getByRole('tab', { name: 'CD' }).click();
    await expect(page.locator('kargo-stages.widget .remote-fallback')).toContainText('Kargo');
    expect(uncaught).toEqual([]);

    // The remote is back: Retry loads the code, and the card shows its data.
    await context.unroute(`${remoteURL}/**`);
    await appCard(page, 'guestbook').getByRole('button', { name: 'Retry' }).click();
    await expectState(appCard(page, 'guestbook'), 'ready');
    await expect(appCard(page, 'guestbook').locator('.remote-fallback')).toHaveCount(0);
    await expectState(selectorCard(page), 'ready');
    expect(uncaught).toEqual([]);
  });
});
