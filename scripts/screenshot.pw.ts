import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { appCard, expectState, openPortal, selectorCard } from '../e2e/portal.js';

const output = fileURLToPath(new URL('../docs/demo-portal.png', import.meta.url));

test('screenshot of the demo portal for the README', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1100 });
  await openPortal(page);
  for (const card of [appCard(page, 'guestbook'), appCard(page, 'redis-cache'), selectorCard(page)]) {
    await expectState(card, 'ready');
  }
  // Commit messages arrive after the application: wait until none is still loading.
  await expect(appCard(page, 'guestbook').getByText('loading…')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: output, fullPage: true, animations: 'disabled' });
});
