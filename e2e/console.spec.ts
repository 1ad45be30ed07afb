import { expect, test } from '@playwright/test';
import { appCard, expectState, openPortal, selectorCard } from './portal.js';

test('the healthy page logs no console error and throws no uncaught error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page or replacing a card cancels its requests on purpose; anything else is a failure.
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${reason}`);
  });

  await openPortal(page);
  const cards = [appCard(page, 'guestbook'), appCard(page, 'redis-cache'), selectorCard(page)];
  for (const card of cards) await expectState(card, 'ready');
  await expect(appCard(page, 'guestbook').getByText('loading…')).toHaveCount(0);

  // Exercise the page a little: another tab, the dark theme, a reload of every card.
  await page.getByRole('tab', { name: 'CD' }).click();
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  for (const card of cards) await expect(card).toHaveAttribute('theme', 'dark');
  await page.getByRole('button', { name: 'Replay page load' }).click();
  for (const card of cards) await expectState(card, 'ready');
  // Re-created cards still follow the host's theme.
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check();
  for (const card of cards) await expect(card).toHaveAttribute('theme', 'light');

  expect(problems).toEqual([]);
});
