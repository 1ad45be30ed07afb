import { expect, test } from '@playwright/test';
import { ARGO_UI, appCard, expectState, openPortal, selectorCard } from './portal.js';

test.describe('demo portal, healthy Argo CD', () => {
  test('the guestbook card shows sync, health, resources and history', async ({ page }) => {
    await openPortal(page);
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');

    const header = card.locator('[part="header"]');
    await expect(header).toContainText('Argo CD · guestbook');
    await expect(header.locator('[part="status"]')).toHaveText([/Synced/, /Healthy/]);

    const resources = card.getByRole('region', { name: /^Resources/ });
    await expect(resources.getByRole('row')).toHaveCount(5); // header + 4 resources
    await expect(resources.getByRole('row', { name: /Deployment/ })).toContainText('guestbook/guestbook-ui');
    await expect(resources.getByRole('link', { name: 'guestbook/guestbook-config' })).toHaveAttribute('href', new RegExp(`^${ARGO_UI}/applications/guestbook\\?`));

    const history = card.getByRole('region', { name: /^History/ });
    await expect(history.getByRole('row')).toHaveCount(5); // header + 4 deployments, newest first
    await expect(history.getByRole('row').nth(1)).toContainText('4e3c1a9');
    await expect(history.getByRole('row').nth(1)).toContainText('guestbook-ui: bump to 1.8.2');

    await expect(card.getByRole('link', { name: /Open in Argo CD/ })).toHaveAttribute('href', `${ARGO_UI}/applications/guestbook`);
  });

  test('the selector and Helm cards load beside it', async ({ page }) => {
    await openPortal(page);
    const list = selectorCard(page);
    await expectState(list, 'ready');
    await expect(list.locator('[part="header"]')).toContainText('6 apps');
    await expect(list.getByRole('link', { name: 'svc-0000' })).toHaveAttribute('href', `${ARGO_UI}/applications/svc-0000`);

    const helm = appCard(page, 'redis-cache');
    await expectState(helm, 'ready');
    await expect(helm).toContainText('chart redis');
    await expect(helm.getByRole('region', { name: /^History/ })).toContainText('Helm chart redis 19.6.4');
  });

  test('the CD tab shows the delivery cards without About, and the URL remembers it', async ({ page }) => {
    await openPortal(page);
    await page.getByRole('tab', { name: 'CD' }).click();
    await expect(page.getByRole('tab', { name: 'CD' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'About' })).toBeHidden();
    await expect(appCard(page, 'guestbook')).toBeVisible();
    await expectState(page.locator('kargo-stages.widget'), 'ready');
    await expect(page).toHaveURL(/[?&]tab=cd/);

    // Arrow keys move between tabs (WAI-ARIA tabs).
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  });

  test('the Platform and Operations tabs show the other tools, each ready', async ({ page }) => {
    await openPortal(page);
    await page.getByRole('tab', { name: 'Platform' }).click();
    for (const tag of ['crossplane-status', 'tekton-runs', 'vault-secrets']) await expectState(page.locator(tag), 'ready');
    await expect(page.locator('crossplane-status.widget').getByText('8/8 ready')).toBeVisible();
    await page.getByRole('tab', { name: 'Operations' }).click();
    for (const tag of ['k8s-pods', 'temporal-workflows', 'kubecost-costs']) await expectState(page.locator(tag), 'ready');
    await expect(page.locator('kubecost-costs.widget').getByText('Total, last 7 days')).toBeVisible();
  });
});
