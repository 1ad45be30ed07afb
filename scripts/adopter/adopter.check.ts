import { expect, test, type Page } from '@playwright/test';
import { startFakeArgoCd, type FakeArgoCd } from '../../e2e/fake-argocd.js';

/** `nfs`: the new frontend system (discovered via app.packages: all); `legacy`: the README's EntityPage.tsx lines. */
const template = process.env['ADOPTER_TEMPLATE'] ?? 'nfs';
let argocd: FakeArgoCd;
test.beforeAll(async () => {
  argocd = await startFakeArgoCd(Number(process.env['ADOPTER_ARGOCD_PORT'] ?? 7209));
});
test.afterAll(() => argocd.close());

/** The template's sign-in page offers the guest provider: enter as guest when it is shown. */
async function openEntity(page: Page, name: string) {
  await page.goto(`/catalog/default/component/${name}`);
  const enter = page.getByRole('button', { name: /^Enter$/ });
  // The card, not the one-line badges the badges card and the service roll-up show for the same app.
  const widget = page.locator('argo-status:not([variant="badge"])');
  const card = widget.locator('section.card');
  await expect(enter.or(card).first()).toBeVisible({ timeout: 60_000 });
  if (await enter.isVisible()) await enter.click();
  await expect(card).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  return widget;
}

test(`${template}: the card renders on example-website with data from the tool, and its owner may Sync`, async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const widget = await openEntity(page, 'example-website');
  await expect(widget).toContainText('guestbook');
  await expect(widget).toContainText('Healthy');
  await expect(widget.getByRole('button', { name: 'Sync' })).toBeEnabled();
  const reads = argocd.seen.filter((request) => request.url.startsWith('/api/v1/applications/guestbook'));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads[0]?.headers.authorization, 'the backend adds the server-side credential').toBe('Bearer adopter-test-argocd-token');
  expect(errors).toEqual([]);
});

test(`${template}: a user who does not own the entity sees Sync disabled, and the backend refuses the call with 403`, async ({ page }) => {
  const widget = await openEntity(page, 'payments');
  await expect(widget.getByRole('button', { name: 'Sync' })).toBeDisabled();
  const answer = await page.evaluate(async () => {
    const session = await fetch('/api/auth/guest/refresh', { credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    const token = ((await session.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
    const response = await fetch('/api/platform-widgets/argocd/api/v1/applications/payments/sync', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Platform-Widgets-Entity': 'component:default/payments', 'Content-Type': 'application/json' },
      body: '{}',
    });
    return { status: response.status, body: await response.text() };
  });
  expect(answer.status).toBe(403);
  expect(argocd.seen.filter((request) => request.method === 'POST')).toEqual([]);
});
