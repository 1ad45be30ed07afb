import { HttpResponse, delay, http } from 'msw';
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import type { PwActionDetail } from '../kit/index.js';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './argo-status.js';
import { ARGO_ACTIONS, type ArgoStatus } from './argo-status.component.js';
import { argoHandlers } from './fixtures/handlers.js';
import { healthyApp, manyApps } from './fixtures/applications.js';
import { atLeastBytes, times } from '../kit/testing/large.js';

const API = '/proxy/argocd/api/v1/applications';
const allowAll = { decisions: { [ARGO_ACTIONS.sync]: 'allow', [ARGO_ACTIONS.refresh]: 'allow' } } as const;

async function mountApp(attrs: { name?: string; selector?: string; interval?: string } = { name: 'guestbook' }, host = fakeHost()) {
  return mountWidget<ArgoStatus>(
    html`<argo-status app-name=${attrs.name ?? ''} app-selector=${attrs.selector ?? ''} refresh-interval=${attrs.interval ?? '0'}></argo-status>`,
    host,
  );
}

function query<T extends Element>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

describe('argo-status: one application', () => {
  it('shows sync, health, last sync, revisions, images, resources and history with commits', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp();
    await waitForState(element, 'ready');
    const shown = text();
    for (const expected of ['Synced', 'Healthy', 'Last synced', 'main', '4e3c1a9', 'ghcr.io/example/guestbook-ui:1.8.2', 'Deployment', 'guestbook/guestbook-ui', 'automated', 'maria.lopez']) {
      expect(shown).toContain(expected);
    }
    await expect.poll(() => text()).toContain('guestbook-ui: bump to 1.8.2');
    const firstHistoryRow = shadow(element).querySelectorAll('[aria-label="History of guestbook"] tbody tr')[0];
    expect(firstHistoryRow?.textContent).toContain('4e3c1a9');
    await expectAccessible(element);
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...argoHandlers({ scenario: 'out-of-sync' }));
    const { element } = await mountApp(undefined, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(`${API}/guestbook`, async () => {
      await delay(300);
      return undefined;
    }), ...argoHandlers());
    const { element } = await mountApp();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Argo CD data');
    await waitForState(element, 'ready');
  });

  it('explains degraded health, conditions and out-of-sync resources, with filters', async () => {
    useHandlers(...argoHandlers({ scenario: 'out-of-sync' }));
    const { element, text } = await mountApp();
    await waitForState(element, 'ready');
    expect(text()).toContain('Out of sync');
    expect(text()).toContain('SyncError');
    expect(text()).toContain('one or more objects failed to apply');
    const select = query<HTMLSelectElement>(element, 'select');
    select.value = 'out-of-sync';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const rows = shadow(element).querySelectorAll('[aria-label="Resources of guestbook"] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('SealedSecret');
    const input = query<HTMLInputElement>(element, 'input[type="search"]');
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    input.value = 'configmap';
    input.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('[aria-label="Resources of guestbook"] tbody tr')).toHaveLength(1);
  });

  it('shows a degraded app with the health message', async () => {
    useHandlers(...argoHandlers({ scenario: 'degraded' }));
    const { element } = await mountApp();
    await waitForState(element, 'ready');
    const pill = [...shadow(element).querySelectorAll('.head .pill')].find((p) => p.textContent?.includes('Degraded'));
    expect(pill?.getAttribute('title')).toContain('exceeded its progress deadline');
    expect(visibleText(element)).toContain('Deployment "guestbook-ui" exceeded its progress deadline');
  });

  it('shows a running sync and a failed sync with its message', async () => {
    useHandlers(...argoHandlers({ scenario: 'sync-running' }));
    const running = await mountApp();
    await waitForState(running.element, 'ready');
    expect(running.text()).toContain('Sync running');
    expect(running.text()).toContain('Progressing');
    running.element.remove();

    useHandlers(...argoHandlers({ scenario: 'sync-failed' }));
    const failed = await mountApp();
    await waitForState(failed.element, 'ready');
    expect(failed.text()).toContain('Last sync failed');
    expect(failed.text()).toContain('Required value');
  });

  it('Helm apps show chart versions and never ask for commit metadata', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp({ name: 'redis-cache' });
    await waitForState(element, 'ready');
    expect(text()).toContain('chart redis');
    expect(text()).toContain('19.6.4');
    expect(text()).toContain('Helm chart redis 19.6.4');
    expect(text()).not.toContain('loading…');
    expect(requests('/redis-cache/revisions')).toHaveLength(0);
  });

  it('multi-source apps list every source and fetch commits for the Git one', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp({ name: 'payments' });
    await waitForState(element, 'ready');
    expect(text()).toContain('Source 1');
    expect(text()).toContain('Source 2');
    await expect.poll(() => text()).toContain('prod: raise replicas to 3');
    const metadata = requests('/metadata').map((r) => new URL(r.url).searchParams);
    expect(metadata.some((p) => p.get('sourceIndex') === '1' && p.get('versionId') === '8')).toBe(true);
  });

  it('an app with no status yet is the empty state, with the deep link', async () => {
    useHandlers(http.get(`${API}/guestbook`, () => HttpResponse.json({ metadata: { name: 'guestbook' } })));
    const { element, text } = await mountApp();
    await waitForState(element, 'empty');
    expect(text()).toContain('has not reported a status');
    expect(shadow(element).querySelector('a')?.href).toBe('https://argocd.example.com/applications/guestbook');
  });

  it('commit details that cannot be read say so instead of loading for ever', async () => {
    useHandlers(http.get(`${API}/:name/revisions/:rev/metadata`, () => new HttpResponse(null, { status: 500 })), ...argoHandlers());
    const { element, text } = await mountApp();
    await waitForState(element, 'ready');
    await expect.poll(() => text()).toContain('commit details unavailable');
  });
});

describe('argo-status: configuration', () => {
  it('explains a missing or conflicting attribute and sends nothing', async () => {
    const none = await mountApp({});
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set app-name (annotation argocd/app-name)');
    const both = await mountApp({ name: 'a', selector: 'b=c' });
    await waitForState(both.element, 'not-configured');
    expect(both.text()).toContain('not both');
    const noEndpoint = await mountApp({ name: 'a' }, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Argo CD endpoint is configured');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('uses the named instance, app namespace and project everywhere', async () => {
    const endpoints = { ...testEndpoints(), 'argocd:prod': { api: '/proxy/argocd-prod', ui: 'https://argo-prod.example.com' } };
    useHandlers(...argoHandlers({ base: '/proxy/argocd-prod' }));
    const element = (await mountWidget<ArgoStatus>(
      html`<argo-status app-name="guestbook" app-namespace="team-a" project="storefront" instance="prod" refresh-interval="0"></argo-status>`,
      fakeHost({ endpoints }),
    )).element;
    await waitForState(element, 'ready');
    const [request] = requests('/proxy/argocd-prod/api/v1/applications/guestbook?');
    expect(new URL(request?.url ?? '').searchParams.get('appNamespace')).toBe('team-a');
    expect(new URL(request?.url ?? '').searchParams.get('project')).toBe('storefront');
    const links = [...shadow(element).querySelectorAll('a')].map((a) => a.href);
    expect(links).toContain('https://argo-prod.example.com/applications/team-a/guestbook');
    expect(links).toContain('https://argo-prod.example.com/applications/team-a/guestbook?view=tree&node=apps%2FDeployment%2Fguestbook%2Fguestbook-ui%2F0');
    expect(links).toContain('https://argo-prod.example.com/applications/team-a/guestbook?rollback=0');
    expect(requests('/proxy/argocd/')).toHaveLength(0);
  });

  it('hostile attribute values stay inside the API base and render as text', async () => {
    useHandlers(http.get('/proxy/argocd/*', () => HttpResponse.json({ metadata: { name: '<img src=x onerror=alert(1)>' }, status: { sync: { status: '<b>bold</b>' } } })));
    const { element, text } = await mountApp({ name: '../../admin<img src=x>' });
    await waitForState(element, 'ready');
    expect(requests('admin')[0]?.url).toContain('/proxy/argocd/api/v1/applications/..%2F..%2Fadmin%3Cimg%20src%3Dx%3E');
    expect(shadow(element).querySelector('img, b')).toBeNull();
    expect(text()).toContain('<b>bold</b>');
  });
});

describe('argo-status: selector', () => {
  it('lists the matching applications with sync and health each', async () => {
    useHandlers(...argoHandlers({ selectorMatches: 8 }));
    const { element, text } = await mountApp({ selector: 'team=storefront' });
    await waitForState(element, 'ready');
    expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(8);
    expect(text()).toContain('8 apps');
    expect(text()).toContain('2 not synced');
    expect(new URL(requests('/applications?')[0]?.url ?? '').searchParams.get('selector')).toBe('team=storefront');
    expect(shadow(element).querySelector('tbody a')?.getAttribute('href')).toBe('https://argocd.example.com/applications/svc-0000');
    await expectAccessible(element);
  });

  it('draws only the rows in view of a long list, announced as a table of every listed row, scrolled by keyboard', async () => {
    useHandlers(...argoHandlers({ selectorMatches: 500 }));
    const { element, text } = await mountApp({ selector: 'team=storefront' });
    await waitForState(element, 'ready');
    expect(text()).toContain('500 apps');
    expect(query(element, 'table').getAttribute('aria-rowcount')).toBe('101');
    const rows = () => [...shadow(element).querySelectorAll('tbody tr')];
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(100);
    expect(rows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    const region = query<HTMLElement>(element, '.app-list');
    region.scrollTop = region.scrollHeight;
    await expect.poll(() => rows().some((row) => row.getAttribute('aria-rowindex') === '101')).toBe(true);
    const before = region.scrollTop;
    region.scrollTop = 0;
    await expect.poll(() => rows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(region.scrollTop).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(region.scrollTop);
    await expectAccessible(element);
  });

  it('no match is the empty state (Argo CD answers items: null)', async () => {
    useHandlers(...argoHandlers({ selectorMatches: 0 }));
    const { element, text } = await mountApp({ selector: 'team=nobody' });
    await waitForState(element, 'empty');
    expect(text()).toContain('No applications match');
    expect(text()).toContain('team=nobody');
  });
});

describe('argo-status: actions', () => {
  it('without an explicit allow, Refresh and Sync are disabled with the reason', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp();
    await waitForState(element, 'ready');
    const sync = query<HTMLButtonElement>(element, '#argo-sync');
    expect(sync.getAttribute('aria-disabled')).toBe('true');
    expect(query<HTMLButtonElement>(element, '#argo-refresh').getAttribute('aria-disabled')).toBe('true');
    expect(text()).toContain('Sync: no permission');
    sync.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('dialog')).toBeNull();
    expect(requests().filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('a host whose decide throws is treated as deny', async () => {
    useHandlers(...argoHandlers());
    const { element } = await mountApp(undefined, fakeHost({ decide: () => Promise.reject(new Error('down')) }));
    await waitForState(element, 'ready');
    expect(query(element, '#argo-sync').getAttribute('aria-disabled')).toBe('true');
  });

  it('Sync asks for confirmation, shows progress and the result, and emits pw-action', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp(undefined, fakeHost(allowAll));
    const actions: PwActionDetail[] = [];
    element.addEventListener('pw-action', (e) => actions.push(e.detail));
    await waitForState(element, 'ready');
    query<HTMLButtonElement>(element, '#argo-sync').click();
    await element.updateComplete;
    const dialog = query<HTMLDialogElement>(element, 'dialog');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Sync guestbook?');
    query<HTMLButtonElement>(element, 'dialog button.primary').click();
    await expect.poll(() => text(), { timeout: 8_000 }).toContain('Sync succeeded');
    const post = requests().find((r) => r.method === 'POST');
    expect(post?.url).toContain('/proxy/argocd/api/v1/applications/guestbook/sync');
    expect(post?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(actions.map((a) => a.phase)).toEqual(['requested', 'succeeded']);
    expect(actions[0]?.action).toBe('argocd.application.sync');
  });

  it('cancelling the confirmation sends nothing', async () => {
    useHandlers(...argoHandlers());
    const { element } = await mountApp(undefined, fakeHost(allowAll));
    const phases: string[] = [];
    element.addEventListener('pw-action', (e) => phases.push(e.detail.phase));
    await waitForState(element, 'ready');
    query<HTMLButtonElement>(element, '#argo-sync').click();
    await element.updateComplete;
    query<HTMLDialogElement>(element, 'dialog').dispatchEvent(new Event('cancel'));
    await element.updateComplete;
    expect(shadow(element).querySelector('dialog')).toBeNull();
    expect(phases).toEqual(['cancelled']);
    expect(requests().filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('a failing sync reports why', async () => {
    useHandlers(http.post(`${API}/guestbook/sync`, () => new HttpResponse(null, { status: 403 })), ...argoHandlers());
    const { element, text } = await mountApp(undefined, fakeHost(allowAll));
    await waitForState(element, 'ready');
    query<HTMLButtonElement>(element, '#argo-sync').click();
    await element.updateComplete;
    query<HTMLButtonElement>(element, 'dialog button.primary').click();
    await expect.poll(() => text()).toContain('Sync failed: No access');
  });

  it('Refresh asks Argo CD to re-read Git', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp(undefined, fakeHost(allowAll));
    await waitForState(element, 'ready');
    query<HTMLButtonElement>(element, '#argo-refresh').click();
    await expect.poll(() => text()).toContain('Refreshed from Git');
    expect(requests('refresh=normal')).toHaveLength(1);
  });
});

describe('argo-status: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...argoHandlers());
    const { element, text } = await mountApp();
    await waitForState(element, 'ready');
    useHandlers(http.get(`${API}/guestbook`, () => new HttpResponse(null, { status: 503 })));
    query<HTMLButtonElement>(element, 'button.refresh').click();
    await expect.poll(() => text()).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('Synced');
    await expectAccessible(element);
    useHandlers(...argoHandlers());
    query<HTMLButtonElement>(element, '.stale button').click();
    await expect.poll(() => text()).not.toContain('Stale');
  });

  it('emits pw-state and tells the host, never with the token', async () => {
    useHandlers(http.get(`${API}/guestbook`, () => new HttpResponse(null, { status: 401 })));
    const hostEvents: unknown[] = [];
    const seen: unknown[] = [];
    const { element } = await mountApp(undefined, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error', 'pw-action'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen).toContainEqual({ state: 'degraded', stale: false, reason: 'Sign-in needed' });
    expect(hostEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

faultMatrix({
  widget: 'argo-status (app-name)',
  mount: async (host) => (await mountApp({ name: 'guestbook', interval: '30' }, host)).element,
  handlers: () => argoHandlers(),
  url: `${API}/guestbook`,
  emptyBody: { metadata: { name: 'guestbook' } },
  invalidBody: { metadata: { name: 42 } },
  largeBody: () => atLeastBytes((count) => ({
    ...healthyApp,
    status: {
      ...healthyApp.status,
      resources: times(count, (i) => ({ kind: 'ConfigMap', version: 'v1', name: `config-${i}`, namespace: 'guestbook', status: 'Synced', health: { status: 'Healthy' } })),
      history: times(count, (i) => ({ id: i, revision: i.toString(16).padStart(40, '0'), deployedAt: '2024-05-01T10:00:00Z', initiatedBy: { automated: true } })),
    },
  })),
  deepLink: 'https://argocd.example.com/applications/guestbook',
});

faultMatrix({
  widget: 'argo-status (app-selector)',
  mount: async (host) => (await mountApp({ selector: 'team=storefront', interval: '30' }, host)).element,
  handlers: () => argoHandlers(),
  url: API,
  emptyBody: { items: null },
  invalidBody: { items: [{ metadata: {} }] },
  largeBody: () => atLeastBytes((count) => ({ items: manyApps(count) })),
  deepLink: 'https://argocd.example.com/applications?labels=team%3Dstorefront',
});

describe('argo-status: two cards on one page', () => {
  it('name their regions after their application (no two landmarks share a name)', async () => {
    useHandlers(...argoHandlers());
    const page = await fixture<HTMLElement>(html`<div>
      <argo-status app-name="guestbook" refresh-interval="0" .host=${fakeHost()}></argo-status>
      <argo-status app-name="payments" refresh-interval="0" .host=${fakeHost()}></argo-status>
    </div>`);
    const [first, second] = [...page.querySelectorAll('argo-status')];
    if (!first || !second) throw new Error('two cards expected');
    await waitForState(first, 'ready');
    await waitForState(second, 'ready');
    expect(shadow(first).querySelector('[aria-label="History of guestbook"]')).not.toBeNull();
    expect(shadow(second).querySelector('[aria-label="History of payments"]')).not.toBeNull();
    await expectAccessible(page);
  });
});
