import { expect, test } from '@playwright/test';
import { appCard, choose, expectState, focused, openPortal, syncButton } from './portal.js';

test.describe('gated actions', () => {
  test('deny disables Sync with a reason; allow lets a confirmed sync succeed', async ({ page }) => {
    await openPortal(page);
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    const sync = syncButton(card);
    await expect(sync).toHaveAttribute('aria-disabled', 'false');

    await choose(page, 'Permissions', 'Deny');
    await expect(page).toHaveURL(/[?&]perm=deny/);
    await expect(sync).toHaveAttribute('aria-disabled', 'true');
    await expect(card.getByText('Sync: no permission')).toBeVisible();
    await expect(sync).toHaveAccessibleDescription('Sync: no permission');
    // Playwright would wait for an aria-disabled button to become enabled: click it anyway.
    await sync.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0); // a denied action does nothing

    await choose(page, 'Permissions', 'Allow');
    await expect(sync).toHaveAttribute('aria-disabled', 'false');
    await expect(card.getByText('Sync: no permission')).toHaveCount(0);

    await sync.click();
    const dialog = card.getByRole('dialog', { name: 'Sync guestbook?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(card.getByRole('status').filter({ hasText: /Sync (requested|running)|Sync succeeded/ })).toBeVisible();
    await expect(card.getByText('Sync succeeded')).toBeVisible({ timeout: 20_000 });
  });

  test('opening the page with permissions denied', async ({ page }) => {
    await openPortal(page, '?perm=deny');
    await expect(page.getByRole('radio', { name: 'Deny' })).toBeChecked();
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    await expect(syncButton(card)).toHaveAttribute('aria-disabled', 'true');
    await expect(card.getByRole('button', { name: 'Refresh', exact: true })).toHaveAttribute('aria-disabled', 'true');
  });
});

test.describe('keyboard', () => {
  test('Tab reaches Sync, Enter opens the confirmation, Escape closes it', async ({ page }) => {
    await openPortal(page);
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    await expect(syncButton(card)).toHaveAttribute('aria-disabled', 'false');

    const target = 'argo-status[guestbook] button#argo-sync';
    const visited: string[] = [];
    for (let presses = 0; presses < 80; presses += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      visited.push(now);
      if (now === target) break;
    }
    expect(visited.at(-1), `focus went through:\n${visited.join('\n')}`).toBe(target);
    await expect(syncButton(card)).toBeFocused();

    await page.keyboard.press('Enter');
    const dialog = card.getByRole('dialog', { name: 'Sync guestbook?' });
    await expect(dialog).toBeVisible();
    // Focus starts on the safe choice.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(card.getByText('Sync succeeded')).toHaveCount(0);
  });

  // Known bug in widgets/kit/ui/confirm.ts: the dialog is removed from the DOM instead of being
  // closed, so focus falls back to <body>. Un-fixme once the kit restores focus to the opener.
  test('closing the confirmation returns focus to the Sync button', async ({ page }) => {
    await openPortal(page);
    const card = appCard(page, 'guestbook');
    await expectState(card, 'ready');
    await expect(syncButton(card)).toHaveAttribute('aria-disabled', 'false');
    await syncButton(card).focus();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card.getByRole('dialog')).toHaveCount(0);
    await expect(syncButton(card)).toBeFocused();
  });

  test('the scenario switcher is a radio group driven by arrow keys', async ({ page }) => {
    await openPortal(page);
    const healthy = page.getByRole('radio', { name: 'Healthy' });
    await healthy.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Degraded' })).toBeChecked();
    await expect(page).toHaveURL(/[?&]scenario=degraded/);
    await expect(appCard(page, 'guestbook').locator('[part="header"] [part="status"]').nth(1)).toHaveText(/Degraded/);
  });
});
