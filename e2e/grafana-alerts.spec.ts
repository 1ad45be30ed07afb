import { expect, test } from '@playwright/test';
import { choose, expectState, openPortal } from './portal.js';

/** The demo's Grafana UI is its own stand-in pages under /demo/grafana (portal.config.ts). */
const ALERT_LIST = /^http:\/\/127\.0\.0\.1:\d+\/demo\/grafana\/alerting\/list\?search=label%3Ateam%3Dpayments$/;

test.describe('demo portal: Grafana alerts on the Operations tab', () => {
  test('calm page: "no firing alerts" with the rules and the alert list link; trouble: the alerts', async ({ page }) => {
    await openPortal(page, '?tab=operations');
    const card = page.locator('grafana-alerts.widget');
    await expectState(card, 'empty');
    await expect(card.locator('[part="empty"]')).toContainText('No firing alerts');
    await expect(card.getByRole('link', { name: /Open alerts in Grafana/ })).toHaveAttribute('href', ALERT_LIST);

    await choose(page, 'Argo CD scenario', 'Degraded');
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"]')).toContainText('3 firing');
    const first = card.locator('li.alert').first();
    await expect(first).toContainText('PaymentsApiHighErrorRate');
    await expect(first.getByRole('link', { name: /^Silence PaymentsApiHighErrorRate/ }))
      .toHaveAttribute('href', /\/demo\/grafana\/alerting\/silence\/new\?alertmanager=grafana&matcher=team%3Dpayments&/);
    await expect(card.locator('li.alert[data-alert="PaymentsQueueBacklog"]')).toContainText('Silenced by alice@example.com');
  });

  test('outage: the deep link into Grafana with the reason', async ({ page }) => {
    await openPortal(page, '?scenario=outage&tab=operations');
    const card = page.locator('grafana-alerts.widget');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('Tool unavailable');
    await expect(card.locator('pw-deep-link').getByRole('link')).toHaveAttribute('href', ALERT_LIST);
  });
});
