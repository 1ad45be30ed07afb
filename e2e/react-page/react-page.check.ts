import { expect, test } from '@playwright/test';
import { startFakeArgoCd, type FakeArgoCd } from '../fake-argocd.js';
import { FAKE_ARGOCD_PORT } from './playwright.config.js';

let argocd: FakeArgoCd;
test.beforeAll(async () => {
  argocd = await startFakeArgoCd(FAKE_ARGOCD_PORT);
});
test.afterAll(() => argocd.close());

test('a plain React page renders two widgets from the packed package, with a typed host', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A failed request is reported below with its URL (the browser's own /favicon.ico is not the page's).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');

  // <ArgoStatus host={host}>: data from the fake Argo CD through the page's proxy.
  const argo = page.locator('argo-status');
  await expect(argo.locator('section.card')).toHaveAttribute('data-state', 'ready');
  await expect(argo).toContainText('guestbook');
  await expect(argo).toContainText('Healthy');
  expect(argocd.seen.some((request) => request.url.startsWith('/api/v1/applications/guestbook'))).toBe(true);
  // The wrapper set `.host` as a property (never an attribute) and forwarded the widget's event.
  expect(await argo.evaluate((element) => (element as HTMLElement & { host?: { endpoints: Record<string, { api: string }> } }).host?.endpoints['argocd']?.api)).toBe('/api/argocd');
  expect(await argo.getAttribute('host')).toBeNull();
  await expect(page.getByTestId('argo-state')).toHaveText('ready');
  // Sync is denied by the page's decide(); Refresh is allowed.
  await expect(argo.getByRole('button', { name: /^Sync/ })).toBeDisabled();

  // <GrafanaPanel> inside <PwHost>: the contract through the context; a link-only panel.
  const panels = page.locator('grafana-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.first().locator('a[href^="https://grafana.example.com/d/svc-overview"]').first()).toBeVisible();
  expect(errors).toEqual([]);
});
