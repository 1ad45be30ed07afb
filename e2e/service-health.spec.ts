import { expect, test, type Locator, type Page, type Request } from '@playwright/test';
import { expectState, openPortal } from './portal.js';
import { REMOTE_PORT, backstageDevURL } from './servers.js';

/*
 * Issue 13 parts 1 and 2 in the demo portal and the Backstage dev app: the one-line badges
 * (entity header) and <service-health> (first on the Overview), in the healthy and the
 * troubled scenarios, sharing every request with the cards.
 */

const rollup = (page: Page) => page.locator('service-health.widget');
const lines = (page: Page) => rollup(page).locator('li.line');
const headerBadge = (page: Page, tag: string) => page.locator(`.entity-header ${tag}.badge`);

async function rollupReady(page: Page): Promise<Locator> {
  const card = rollup(page);
  await expectState(card, 'ready');
  return card;
}

test.describe('badges and the service roll-up in the demo portal', () => {
  test('healthy: one line per tool, badges in the header, links to the tool and to the full card', async ({ page }) => {
    await openPortal(page);
    const card = await rollupReady(page);
    await expect(lines(page)).toHaveCount(8);
    await expect(card.locator('li.line[data-tool="argo-status"]')).toContainText(/Argo CD\s*:\s*Synced · Healthy/);
    await expect(card.locator('li.line[data-tool="k8s-pods"]')).toContainText('4/4 running');
    await expect(headerBadge(page, 'argo-status').locator('.badge')).toHaveAttribute('data-state', 'ready');
    await expect(headerBadge(page, 'k8s-pods')).toContainText('4/4 running');
    await expect(headerBadge(page, 'argo-status').getByRole('link')).toHaveAttribute('href', 'https://argocd.example.com/applications/guestbook');

    // "Full card" opens the tab that shows the card.
    await card.locator('li.line[data-tool="k8s-pods"]').getByRole('link', { name: /Full card/ }).click();
    await expect(page.getByRole('tab', { name: 'Operations' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#card-k8s-pods')).toBeVisible();
  });

  test('troubled: the worst first, failing overall; a tool that fails is unknown, never healthy', async ({ page }) => {
    await openPortal(page, '?scenario=degraded');
    const card = await rollupReady(page);
    await expect(card.locator('[part="header"]')).toContainText('Failing');
    await expect(lines(page).first()).toHaveAttribute('data-tone', 'error');
    await expect(card.locator('li.line[data-tool="k8s-pods"]')).toContainText('1 pod CrashLoopBackOff');

    await openPortal(page, '?scenario=no-access');
    const denied = rollup(page);
    await expectState(denied, 'degraded');
    await expect(denied).toContainText('No tool answered');
    await expect(denied.locator('li.line[data-tool="k8s-pods"]')).toContainText('unknown: No access');
    await expect(denied.locator('li.line[data-tool="k8s-pods"]')).toHaveAttribute('data-tone', 'unknown');
  });

  test('the roll-up and the badges ask for nothing twice on a first visit', async ({ page, context }) => {
    const api: Request[] = [];
    context.on('request', (request) => new URL(request.url()).pathname.startsWith('/proxy/') && api.push(request));
    await openPortal(page);
    await rollupReady(page);
    await expectState(page.locator('argo-status.widget[app-name="guestbook"]'), 'ready');
    await expect(page.locator('argo-status.widget[app-name="guestbook"]').getByText('loading…')).toHaveCount(0);
    // Reads only (a Kargo Connect read is a POST): each URL + body once, polls are 30 s away.
    const seen = api.map((request) => `${request.method()} ${request.url()} ${request.postData() ?? ''}`);
    expect(seen.filter((call, index) => seen.indexOf(call) !== index)).toEqual([]);
  });
});

test.describe('badges and the roll-up in the Backstage dev app', () => {
  test('the roll-up and the badges cards render from the remote', async ({ page }) => {
    await page.goto(`${backstageDevURL}/?remote=${encodeURIComponent(`http://127.0.0.1:${REMOTE_PORT}/mf-manifest.json`)}`);
    const card = page.locator('[data-card="entity-card:platform-widgets/service-health"] service-health section.card');
    await expect(card).toHaveAttribute('data-state', /ready|degraded/);
    await expect(card.locator('li.line[data-tool="argo-status"]')).toContainText('Argo CD');
    const badges = page.locator('[data-card="entity-card:platform-widgets/badges"] [variant="badge"]');
    await expect(badges.first()).toBeVisible();
    await expect(page.locator('[data-card="entity-card:platform-widgets/badges"] argo-status .badge')).toHaveAttribute('data-state', 'ready');
  });
});
