import { expect, test } from '@playwright/test';
import { expectState, openPortal } from './portal.js';

test.describe('demo portal: where is this image?', () => {
  test('healthy: the tag resolved to a digest and followed from Harbor to running pods, in order', async ({ page }) => {
    await openPortal(page, '?tab=cd');
    const card = page.locator('image-trail');
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"]')).toContainText(/Running: \d+ pods? runs? it/);
    await expect(card).toContainText('tag 1.8.2');
    const steps = card.getByRole('list', { name: /^Trail of / }).locator(':scope > li');
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(0)).toContainText('Harbor');
    await expect(steps.nth(1)).toContainText('test: has it');
    await expect(steps.nth(2)).toContainText('guestbook: Synced · Healthy');
    await expect(steps.nth(3)).toContainText('Kubernetes');
  });

  test('outage: the tag cannot be resolved, so the card degrades to the Harbor link with the reason', async ({ page }) => {
    await openPortal(page, '?tab=cd&scenario=outage');
    const card = page.locator('image-trail');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('Tool unavailable');
  });
});

test.describe('demo portal: a diagnosis with its fix on every troubled card', () => {
  test('degraded: Argo CD, Kargo, Harbor and Tekton name their problems, why, the fix and a link', async ({ page }) => {
    await openPortal(page, '?tab=cd&scenario=degraded');
    for (const [selector, problem] of [
      ['argo-status[app-name="guestbook"]', 'Degraded'],
      ['kargo-stages', 'Promotion failed'],
      ['harbor-vulns', 'Critical vulnerability with a fix'],
      ['tekton-runs', 'Step failed'],
    ] as const) {
      const card = page.locator(selector);
      await expectState(card, 'ready');
      const problems = card.getByRole('region', { name: /^Problems of / });
      await expect(problems, selector).toContainText(problem);
      await expect(problems, selector).toContainText('Why:');
      await expect(problems, selector).toContainText('Fix:');
      await expect(problems.getByRole('link').first(), selector).toHaveAttribute('href', /^https?:\/\//);
    }
  });

  test('degraded: Crossplane, Kubecost and Temporal too', async ({ page }) => {
    await openPortal(page, '?tab=platform&scenario=degraded');
    const crossplane = page.locator('crossplane-status');
    await expectState(crossplane, 'ready');
    await expect(crossplane.getByRole('region', { name: /^Problems of / })).toContainText('ReconcileError: observe failed');
    await openPortal(page, '?tab=operations&scenario=degraded');
    const cost = page.locator('kubecost-costs');
    await expectState(cost, 'ready');
    await expect(cost.getByRole('region', { name: /^Problems of / })).toContainText('Right-size the CPU request to about');
    const temporal = page.locator('temporal-workflows');
    await expectState(temporal, 'ready');
    await expect(temporal.getByRole('region', { name: /^Problems of / })).toContainText('Workflows failed');
  });

  test('healthy: the Argo CD application, Kargo and Crossplane show no problem', async ({ page }) => {
    await openPortal(page, '?tab=cd');
    for (const selector of ['argo-status[app-name="guestbook"]', 'kargo-stages']) {
      const card = page.locator(selector);
      await expectState(card, 'ready');
      await expect(card.getByRole('region', { name: /^Problems of / })).toHaveCount(0);
    }
  });
});
