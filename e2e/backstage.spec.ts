import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { serveStatic } from '../scripts/serve-static.mjs';
import { BACKSTAGE_FLAKY_REMOTE_PORT, REMOTE_PORT, backstageDevURL } from './servers.js';

/*
 * The Backstage plugin in a real Backstage app (createApp, new frontend system), built and
 * served by `vite preview` with a Backstage-like CSP; the widget remote (`npm run build`)
 * comes from another origin; the tools' APIs are msw mocks behind the app's proxy paths.
 * `?remote=` picks the remote, `?deny=` sets the stand-in permission policy.
 */

const REMOTE_DIR = 'dist/remote';
const manifest = (port: number) => `http://127.0.0.1:${port}/mf-manifest.json`;
const appURL = (remotePort: number, query = '') => `${backstageDevURL}/?remote=${encodeURIComponent(manifest(remotePort))}${query}`;

/** Uncaught errors and CSP violations on the page: a failing remote must never produce one. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.text().includes('Content Security Policy') && errors.push(message.text()));
  return errors;
}

const argoCard = (page: Page) => page.locator('[data-card="entity-card:platform-widgets/argo-status"]');
const argoReady = (page: Page) => expect(argoCard(page).locator('argo-status section.card')).toHaveAttribute('data-state', 'ready');

test.beforeAll(() => {
  expect(existsSync(`${REMOTE_DIR}/mf-manifest.json`), 'run `npm run build` first').toBe(true);
});

test.describe('Backstage plugin in a real Backstage app', () => {
  test('the Argo CD card renders from the remote on another origin, actions allowed by the policy', async ({ page }) => {
    const errors = watchErrors(page);
    const remoteRequests: string[] = [];
    page.on('request', (request) => request.url().startsWith(`http://127.0.0.1:${REMOTE_PORT}/`) && remoteRequests.push(request.url()));
    await page.goto(appURL(REMOTE_PORT));

    const card = argoCard(page);
    await expect(card.getByText('Argo CD', { exact: true }).first()).toBeVisible(); // the InfoCard title
    const widget = card.locator('argo-status[app-name="guestbook"]');
    await argoReady(page);
    // @lit/react sets what the element declares as a property (`project`), the rest as attributes.
    expect(await widget.evaluate((element) => (element as HTMLElement & { project?: string }).project)).toBe('storefront');
    await expect(widget.getByRole('button', { name: 'Sync' })).toBeEnabled();
    await expect(widget.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    expect(await widget.getAttribute('host')).toBeNull();
    expect(remoteRequests.some((url) => url.endsWith('/mf-manifest.json'))).toBe(true);

    // A card whose annotation is missing names the key to add.
    await expect(page.locator('[data-card="entity-card:platform-widgets/grafana-panel"]')).toContainText('platform-widgets.io/grafana-dashboard-uid');
    expect(errors).toEqual([]);
  });

  test("every card the entity is annotated for reaches its ready state", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(appURL(REMOTE_PORT));
    for (const tag of ['argo-status', 'kargo-stages', 'vault-secrets', 'temporal-workflows', 'tekton-runs', 'crossplane-status', 'grafana-alerts', 'harbor-vulns', 'k8s-pods']) {
      const card = page.locator(`[data-card="entity-card:platform-widgets/${tag}"] ${tag} section.card`);
      await expect(card, tag).toHaveAttribute('data-state', 'ready');
    }
    expect(errors).toEqual([]);
  });

  test('a permission the policy denies disables Sync, and only Sync', async ({ page }) => {
    await page.goto(appURL(REMOTE_PORT, '&deny=platform.argocd.application.sync'));
    const widget = argoCard(page).locator('argo-status');
    await argoReady(page);
    await expect(widget.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    await expect(widget.getByRole('button', { name: 'Sync' })).toBeDisabled();
  });

  test("the app's dark theme reaches the widget", async ({ page }) => {
    // What Backstage's theme switcher stores.
    await page.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
    await page.goto(appURL(REMOTE_PORT));
    await argoReady(page);
    await expect(argoCard(page).locator('argo-status')).toHaveAttribute('theme', 'dark');
  });

  test('a remote URL that serves something else says so', async ({ page }) => {
    // The app's own origin answers this path with its index page, not the remote.
    await page.goto(`${backstageDevURL}/?remote=${encodeURIComponent(`${backstageDevURL}/index.html`)}`);
    await expect(argoCard(page)).toContainText('Widgets unavailable: the widget remote sent unexpected content.');
    await expect(argoCard(page).getByRole('link', { name: /Open in Argo CD/ })).toBeVisible();
  });
});

test.describe('a remote that is down, then up, then stopped, then back', () => {
  test('down or stopped gives the deep link with the reason; the next mount after it returns loads the widget', async ({ page }) => {
    const errors = watchErrors(page);
    const down = 'Widgets unavailable: the widget remote could not be reached.';

    await page.goto(appURL(BACKSTAGE_FLAKY_REMOTE_PORT)); // nothing listens yet
    await expect(argoCard(page)).toContainText(down);
    await expect(argoCard(page).getByRole('link', { name: /Open in Argo CD/ })).toHaveAttribute('href', 'https://argocd.example.com/applications/guestbook');
    await expect(page.locator('[data-card="entity-card:platform-widgets/kargo-stages"]').getByRole('link', { name: /Open in Kargo/ })).toBeVisible();
    await expect(page.locator('argo-status')).toHaveCount(0);

    let remote = await serveStatic({ dir: REMOTE_DIR, port: BACKSTAGE_FLAKY_REMOTE_PORT });
    try {
      await page.reload();
      await argoReady(page);

      await remote.close();
      await page.reload();
      await expect(argoCard(page)).toContainText(down);

      remote = await serveStatic({ dir: REMOTE_DIR, port: BACKSTAGE_FLAKY_REMOTE_PORT });
      await page.reload();
      await argoReady(page);

      // On one page, without a reload: down, then back on the next mount.
      await remote.close();
      await page.goto(appURL(BACKSTAGE_FLAKY_REMOTE_PORT, '&same-page'));
      await expect(argoCard(page)).toContainText(down);
      remote = await serveStatic({ dir: REMOTE_DIR, port: BACKSTAGE_FLAKY_REMOTE_PORT });
      await page.getByRole('button', { name: 'Remount cards' }).click();
      await argoReady(page);
      await expect(page.locator('[data-card="entity-card:platform-widgets/vault-secrets"] vault-secrets section.card')).toHaveAttribute('data-state', 'ready');
    } finally {
      await remote.close().catch(() => undefined);
    }
    expect(errors).toEqual([]);
  });
});
