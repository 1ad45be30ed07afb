import { HttpResponse, http, type RequestHandler } from 'msw';
import { healthyApp } from './fixtures/applications.js';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { fakeHost } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './argo-status.js';
import type { ArgoStatus } from './argo-status.component.js';
import { argoHandlers } from './fixtures/handlers.js';
import { REDACTED } from './fixtures/managed-resources.js';

const MANAGED = '/proxy/argocd/api/v1/applications/guestbook/managed-resources';

/** Mounts guestbook; `before` handlers answer first (then the fixtures'). */
async function mountGuestbook(...before: RequestHandler[]) {
  useHandlers(...before, ...argoHandlers());
  const mounted = await mountWidget<ArgoStatus>(html`<argo-status app-name="guestbook" refresh-interval="0"></argo-status>`, fakeHost());
  await waitForState(mounted.element, 'ready');
  return mounted;
}

const button = (element: Element, name: string) => {
  const found = [...shadow(element).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const panel = (element: Element, name: string) => shadow(element).querySelector(`[role="region"][aria-label="${name}"]`);

describe('argo-status: live manifests', () => {
  it('fetches a manifest only when it is opened, for that one resource, and shows it as YAML', async () => {
    const { element } = await mountGuestbook();
    expect(requests('managed-resources')).toEqual([]);
    const toggle = button(element, 'Manifest of Deployment guestbook-ui');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    toggle.click();
    await expect.poll(() => panel(element, 'Manifest of Deployment guestbook/guestbook-ui')?.textContent ?? '').toContain('replicas: 3');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(shadow(element).getElementById(toggle.getAttribute('aria-controls') ?? '')).toBe(panel(element, 'Manifest of Deployment guestbook/guestbook-ui'));
    const [request] = requests('managed-resources');
    const url = new URL(request!.url);
    expect(url.pathname).toBe(MANAGED);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ name: 'guestbook-ui', namespace: 'guestbook', kind: 'Deployment', group: 'apps' });
    expect(panel(element, 'Manifest of Deployment guestbook/guestbook-ui')?.querySelector('pre')?.textContent).toContain('image: ghcr.io/example/guestbook:1.4.2');
    await expectAccessible(element);

    toggle.click();
    await expect.poll(() => panel(element, 'Manifest of Deployment guestbook/guestbook-ui')).toBeNull();
  });

  it('an out-of-sync resource shows its differences from the desired state, marked by sign as well as colour', async () => {
    const outOfSync = structuredClone(healthyApp);
    outOfSync.status!.resources = outOfSync.status!.resources!.map((r) => (r.kind === 'ConfigMap' ? { ...r, status: 'OutOfSync' } : r));
    const { element } = await mountGuestbook(
      http.get('/proxy/argocd/api/v1/applications/guestbook', () => HttpResponse.json(outOfSync)),
      http.get(MANAGED, () =>
        HttpResponse.json({
          items: [
            {
              kind: 'ConfigMap',
              namespace: 'guestbook',
              name: 'guestbook-config',
              liveState: JSON.stringify({ kind: 'ConfigMap', metadata: { resourceVersion: '9' }, data: { LOG_LEVEL: 'debug', KEEP: 'same' } }),
              normalizedLiveState: JSON.stringify({ kind: 'ConfigMap', data: { LOG_LEVEL: 'debug', KEEP: 'same' } }),
              targetState: JSON.stringify({ kind: 'ConfigMap', data: { LOG_LEVEL: 'info', KEEP: 'same' } }),
            },
          ],
        }),
      ),
    );
    button(element, 'Manifest of ConfigMap guestbook-config').click();
    const diff = () => panel(element, 'Manifest of ConfigMap guestbook/guestbook-config')?.querySelector('pre.diff')?.textContent ?? '';
    await expect.poll(diff).toContain('LOG_LEVEL');
    expect(diff()).toContain('-   LOG_LEVEL: debug');
    expect(diff()).toContain('+   LOG_LEVEL: info');
    expect(diff()).toContain('    KEEP: same');
    // Compared after Argo CD's normalisation: fields the cluster adds are not differences.
    expect(diff()).not.toContain('resourceVersion');
  });

  it("keeps a Secret's data redacted exactly as Argo CD returns it", async () => {
    const { element } = await mountGuestbook(
      http.get(MANAGED, () =>
        HttpResponse.json({
          items: [{ kind: 'ConfigMap', namespace: 'guestbook', name: 'guestbook-config', liveState: JSON.stringify({ kind: 'Secret', data: { password: REDACTED } }), targetState: 'null' }],
        }),
      ),
    );
    button(element, 'Manifest of ConfigMap guestbook-config').click();
    await expect.poll(() => panel(element, 'Manifest of ConfigMap guestbook/guestbook-config')?.textContent ?? '').toContain(`password: "${REDACTED}"`);
  });

  it('API text renders as text', async () => {
    const { element } = await mountGuestbook(
      http.get(MANAGED, () =>
        HttpResponse.json({
          items: [{ kind: 'ConfigMap', namespace: 'guestbook', name: 'guestbook-config', liveState: JSON.stringify({ data: { x: '<img src=x onerror=alert(1)>' } }), targetState: 'null' }],
        }),
      ),
    );
    button(element, 'Manifest of ConfigMap guestbook-config').click();
    await expect.poll(() => panel(element, 'Manifest of ConfigMap guestbook/guestbook-config')?.textContent ?? '').toContain('<img src=x onerror=alert(1)>');
    expect(shadow(element).querySelector('img')).toBeNull();
  });

  it('a manifest that cannot be read says why, links into Argo CD, and leaves the card as it is', async () => {
    const { element } = await mountGuestbook(http.get(MANAGED, () => HttpResponse.json({ error: 'permission denied', code: 7 }, { status: 403 })));
    button(element, 'Manifest of Service guestbook-ui').click();
    const failed = () => panel(element, 'Manifest of Service guestbook/guestbook-ui');
    await expect.poll(() => failed()?.textContent ?? '').toContain('Manifest unavailable: No access');
    expect(failed()?.querySelector('a')?.getAttribute('href')).toContain('https://argocd.example.com/applications/guestbook?view=tree');
    expect(shadow(element).querySelector('[data-state]')?.getAttribute('data-state')).toBe('ready');
  });

  it('copies the live YAML', async () => {
    const { element } = await mountGuestbook();
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (value: string) => (written.push(value), Promise.resolve()) } });
    button(element, 'Manifest of Deployment guestbook-ui').click();
    await expect.poll(() => panel(element, 'Manifest of Deployment guestbook/guestbook-ui')?.textContent ?? '').toContain('replicas: 3');
    button(element, 'Copy').click();
    await expect.poll(() => written.length).toBe(1);
    expect(written[0]).toContain('kind: Deployment');
    await expect.poll(() => panel(element, 'Manifest of Deployment guestbook/guestbook-ui')?.textContent ?? '').toContain('Copied');
  });
});
