import { expect, test, type Page, type Request } from '@playwright/test';
import { TOKEN, choose, expectState, openPortal } from './portal.js';

const HARBOR_UI = 'https://harbor.example.com';

test.describe('demo portal: Harbor vulnerabilities', () => {
  test('the CD tab shows the newest image’s findings and links into Harbor', async ({ page }) => {
    const wire: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/proxy/harbor/')) wire.push(request);
    });
    await openPortal(page, '?scenario=degraded&tab=cd');
    const card = page.locator('harbor-vulns.widget');
    await expectState(card, 'ready');
    await expect(card.locator('[part="severities"]')).toContainText('Critical 1');
    await expect(card.getByRole('row', { name: /^latest/ })).toContainText('never pulled');
    await expect(card.getByRole('link', { name: /Open repository in Harbor/ }))
      .toHaveAttribute('href', `${HARBOR_UI}/harbor/projects/7/repositories/guestbook%252Fweb/artifacts-tab`);
    // The card's artifact list (the CD tab's image trail asks Harbor about one tag too).
    const list = wire.find((request) => request.url().includes('/proxy/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts?'));
    expect(list).toBeDefined();
    // The portal's token function answers only for Argo CD: Harbor's proxy signs in server-side.
    for (const request of wire) expect(await request.headerValue('authorization')).toBeNull();
    for (const request of wire) expect(decodeURIComponent(request.url())).not.toContain(TOKEN);
  });

  test('an outage degrades the card to the Harbor link with the reason', async ({ page }) => {
    await openPortal(page, '?scenario=outage&tab=platform');
    const card = page.locator('harbor-vulns.widget');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('Tool unavailable');
    await choose(page, 'Argo CD scenario', 'Healthy');
    await expectState(card, 'ready');
    await expect(card.locator('.newest')).toContainText('1.9.0');
  });
});

test.describe('demo portal: Grafana', () => {
  const panelCard = (page: Page) => page.locator('grafana-panel[panel-id]');
  const listCard = (page: Page) => page.locator('grafana-panel[dashboard-selector]');

  test('the overview embeds the service panel, sandboxed, themed like the page, with no token', async ({ page }) => {
    await openPortal(page);
    const card = panelCard(page);
    await expectState(card, 'ready');
    const frame = card.locator('iframe');
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin');
    await expect(frame).toHaveAttribute('referrerpolicy', 'no-referrer');
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/\/demo\/grafana\/d-solo\/svc-overview\?panelId=4&from=now-6h&to=now&theme=light&var-namespace=team-checkout&var-service=checkout$/);
    expect(src).not.toContain(TOKEN);
    await expect(card.getByText('Loading panel…')).toHaveCount(0);
    await expect(card.frameLocator('iframe').getByRole('heading', { name: /Request rate/ })).toContainText('team-checkout / checkout');

    await choose(page, 'Theme', 'Dark');
    await expect(frame).toHaveAttribute('src', /theme=dark/);
    await expect(card.getByRole('link', { name: /Open dashboard in Grafana/ })).toHaveAttribute('href', /\/demo\/grafana\/d\/svc-overview\?var-namespace=team-checkout&var-service=checkout$/);
  });

  test('the Operations tab lists the tagged dashboards; an outage degrades the list, and the panel (its dashboard cannot be confirmed)', async ({ page }) => {
    await openPortal(page, '?tab=operations');
    await expectState(listCard(page), 'ready');
    await expect(listCard(page).locator('[part="dashboards"] li')).toHaveCount(3);
    await expect(listCard(page).getByRole('link', { name: 'Checkout SLOs' })).toHaveAttribute('href', /\/demo\/grafana\/d\/checkout-slo$/);

    await openPortal(page, '?tab=operations&scenario=outage');
    await expectState(listCard(page), 'degraded');
    await expect(listCard(page).locator('pw-deep-link')).toContainText('Tool unavailable');
    await expect(listCard(page).locator('pw-deep-link').getByRole('link')).toHaveAttribute('href', /\/demo\/grafana\/dashboards\?tag=service-checkout$/);
    await expectState(panelCard(page), 'degraded');
    await expect(panelCard(page).locator('pw-deep-link')).toContainText('Tool unavailable');
    await expect(panelCard(page).locator('pw-deep-link').getByRole('link')).toHaveAttribute('href', /\/demo\/grafana\/d\/svc-overview\?var-namespace=team-checkout&var-service=checkout$/);
  });
});
