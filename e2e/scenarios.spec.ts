import { expect, test } from '@playwright/test';
import { ARGO_UI, appCard, choose, expectState, frame, openPortal, selectorCard } from './portal.js';

const guestbookLink = `${ARGO_UI}/applications/guestbook`;

test.describe('scenarios: degraded and recovering', () => {
  test('an outage while the page is open: reason and deep link, then recovery', async ({ page }) => {
    await openPortal(page);
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');

    await choose(page, 'Argo CD scenario', 'Outage');
    await expect(page).toHaveURL(/[?&]scenario=outage/);
    // The data already shown stays, marked stale, with the reason and the way into Argo CD.
    const stale = card.locator('[part="stale"]');
    await expect(stale).toContainText('Tool unavailable');
    await expect(card.locator(`a[href="${guestbookLink}"]`).first()).toBeVisible();
    await expect(selectorCard(page).locator('[part="stale"]')).toContainText('Tool unavailable');

    await choose(page, 'Argo CD scenario', 'Healthy');
    await expect(stale).toHaveCount(0);
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"] [part="status"]')).toHaveText([/Synced/, /Healthy/]);
    await expect(page).not.toHaveURL(/scenario=/);
  });

  test('opening the page during an outage: the deep-link fallback, then recovery', async ({ page }) => {
    await openPortal(page, '?scenario=outage');
    await expect(page.getByRole('radio', { name: 'Outage' })).toBeChecked();
    const card = appCard(page, 'guestbook');
    await expectState(card, 'degraded');
    const fallback = card.locator('pw-deep-link');
    await expect(fallback).toContainText('Tool unavailable');
    await expect(fallback.getByRole('link', { name: /Open guestbook in Argo CD/ })).toHaveAttribute('href', guestbookLink);
    // Every card degrades on its own; none blanks.
    await expectState(appCard(page, 'redis-cache'), 'degraded');
    await expectState(selectorCard(page), 'degraded');

    await choose(page, 'Argo CD scenario', 'Healthy');
    await expectState(card, 'ready');
    await expect(frame(card)).toContainText('Resources');
  });

  test('a degraded application shows its health message', async ({ page }) => {
    await openPortal(page, '?scenario=degraded');
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"] [part="status"]').nth(1)).toHaveText(/Degraded/);
    await expect(card.getByRole('region', { name: /^Resources/ }).getByRole('row', { name: /Deployment/ })).toContainText('Degraded');
  });
});

test.describe('scenarios: access', () => {
  test('no access (403): "No access" and the deep link', async ({ page }) => {
    await openPortal(page, '?scenario=no-access');
    const card = appCard(page, 'guestbook');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('No access');
    await expect(card.locator('pw-deep-link').getByRole('link')).toHaveAttribute('href', guestbookLink);
  });

  test('no access chosen with the switcher', async ({ page }) => {
    await openPortal(page);
    const card = appCard(page, 'redis-cache');
    await expectState(card, 'ready');
    await choose(page, 'Argo CD scenario', 'No access');
    await expect(card.locator('[part="stale"]')).toContainText('No access');
    await expect(page).toHaveURL(/[?&]scenario=no-access/);
  });

  test('sign-in needed (401)', async ({ page }) => {
    await openPortal(page, '?scenario=sign-in');
    const card = appCard(page, 'guestbook');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('Sign-in needed');
  });
});
