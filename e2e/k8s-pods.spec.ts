import { expect, test, type Request } from '@playwright/test';
import { portalConfig } from '../demo/portal.config.js';
import { TOKEN, choose, expectState, openPortal } from './portal.js';

const K8S_API = portalConfig.endpoints['kubernetes']?.api ?? '/proxy/kubernetes';
const K8S_UI = portalConfig.endpoints['kubernetes']?.ui ?? 'https://headlamp.example.com';

test.describe('demo portal: Kubernetes pods on the Operations tab', () => {
  test('healthy: pods by status, deployment, events; no token where it does not belong', async ({ page }) => {
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await openPortal(page, '?tab=operations');
    const card = page.locator('k8s-pods.widget');
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"]')).toContainText('4 running');
    await expect(card.getByRole('table', { name: 'Pods' })).toHaveAttribute('aria-rowcount', '6');
    await expect(card.getByRole('link', { name: 'guestbook-redis-0' })).toHaveAttribute('href', `${K8S_UI}/c/main/pods/storefront/guestbook-redis-0`);
    await expect(card.getByRole('heading', { name: 'Recent events' })).toBeVisible();

    const k8s = requests.filter((r) => new URL(r.url()).pathname.startsWith(`${K8S_API}/`));
    expect(k8s.length).toBeGreaterThanOrEqual(4);
    // The demo host hands a token for Argo CD only: none may reach the Kubernetes API.
    for (const request of k8s) expect(await request.headerValue('authorization'), `${request.method()} ${request.url()}`).toBeNull();
    for (const request of requests) expect(decodeURIComponent(request.url())).not.toContain(TOKEN);
  });

  test('a troubled service: problems with fixes, crash-looping counted, logs of the previous container', async ({ page }) => {
    await openPortal(page, '?tab=operations&scenario=degraded');
    const card = page.locator('k8s-pods.widget');
    await expectState(card, 'ready');
    await expect(card.locator('[part="header"]')).toContainText('1 crash-looping');
    const problems = card.getByRole('region', { name: /^Problems of/ });
    await expect(problems).toContainText('CrashLoopBackOff');
    await expect(problems).toContainText('Fix:');
    await card.getByRole('button', { name: 'Logs of guestbook-redis-0' }).scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: 'Logs of guestbook-redis-0' }).click();
    const log = card.getByRole('log');
    await expect(log).toContainText('guestbook starting');
    await card.getByRole('checkbox', { name: 'Previous container' }).check();
    await expect(log).toContainText('panic: cannot reach redis');
  });

  test('logs denied: the button says why and reads nothing', async ({ page }) => {
    await openPortal(page, '?tab=operations&perm=deny');
    const card = page.locator('k8s-pods.widget');
    await expectState(card, 'ready');
    const button = card.getByRole('button', { name: 'Logs of guestbook-redis-0' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(card).toContainText('you do not have permission to read pod logs');
  });

  test('outage: the deep link into the dashboard, then recovery', async ({ page }) => {
    await openPortal(page, '?tab=operations&scenario=outage');
    const card = page.locator('k8s-pods.widget');
    await expectState(card, 'degraded');
    await expect(card.locator('pw-deep-link')).toContainText('Tool unavailable');
    await expect(card.locator('pw-deep-link').getByRole('link')).toHaveAttribute('href', `${K8S_UI}/c/main/pods?namespace=storefront`);
    await choose(page, 'Argo CD scenario', 'Healthy');
    await expectState(card, 'ready');
  });
});
