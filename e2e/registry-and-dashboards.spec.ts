import { expect, test, type Request } from '@playwright/test';
import { TOKEN, choose, expectState, openPortal } from './portal.js';

const HARBOR_UI = 'https://harbor.example.com';

test.describe('demo portal: Harbor vulnerabilities', () => {
  test('the CD tab shows the newest image’s findings and links into Harbor', async ({ page }) => {
    const wire: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/proxy/harbor/')) wire.push(request);
    });
    await openPortal(page, '?scenario=degraded&tab=cd');
    const card = page.locator('harbor-vulns');
    await expectState(card, 'ready');
    await expect(card.locator('[part="severities"]')).toContainText('Critical 1');
    await expect(card.getByText('never pulled')).toBeVisible();
    await expect(card.getByRole('link', { name: /Open repository in Harbor/ }))
      .toHaveAttribute('href', `${HARBOR_UI}/harbor/projects/7/repositories/guestbook%252Fweb/artifacts-tab`);
    expect(wire.length).toBeGreaterThan(0);
    expect(wire[0]?.url()).toContain('/proxy/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts?');
    // The portal's token function answers only for Argo CD: Harbor's proxy signs in server-side.
    expect(await wire[0]?.headerValue('authorization')).toBeNull();
    for (const request of wire) expect(decodeURIComponent(request.url())).not.toContain(TOKEN);
  });

  test('an outage degrades the card to the Harbor link with the reason', async ({ page }) => {
    await openPortal(page, '?scenario=outage&tab=platform');
    const card = page.locator('harbor-vulns');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('Tool unavailable');
    await choose(page, 'Argo CD scenario', 'Healthy');
    await expectState(card, 'ready');
    await expect(card.locator('.newest')).toContainText('1.9.0');
  });
});
