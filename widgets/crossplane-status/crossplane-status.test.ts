import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import type { PwStateDetail } from '../kit/index.js';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './crossplane-status.js';
import type { CrossplaneStatus } from './crossplane-status.component.js';
import { crossplaneHandlers, fakeKubernetesApi } from './fixtures/handlers.js';
import { CLAIM, RESOURCE_TYPES, V2_XR, v1Composite } from './fixtures/objects.js';
import { condition, readyTrue, syncedTrue, type FakeObject } from './fixtures/types.js';
import { v1Claim } from './fixtures/objects.js';
import { atLeastBytes, times } from '../kit/testing/large.js';

const API = '/proxy/crossplane';
const CLAIM_URL = `${API}/apis/database.example.org/v1alpha1/namespaces/payments/postgresqlinstances/payments-db`;
const XR_URL = `${API}/apis/database.example.org/v1alpha1/xpostgresqlinstances/payments-db-7xk2p`;
const UI = 'https://crossplane.example.com';
const CLAIM_LINK = `${UI}/c/main/customresources/postgresqlinstances.database.example.org/payments/payments-db`;

interface Coordinates {
  group?: string;
  version?: string;
  plural?: string;
  name?: string;
  namespace?: string;
  cluster?: string;
  interval?: string;
}

async function mount(attrs: Coordinates = CLAIM, host = fakeHost()) {
  return mountWidget<CrossplaneStatus>(
    html`<crossplane-status group=${attrs.group ?? ''} version=${attrs.version ?? ''} plural=${attrs.plural ?? ''}
      name=${attrs.name ?? ''} namespace=${attrs.namespace ?? ''} cluster=${attrs.cluster ?? ''}
      refresh-interval=${attrs.interval ?? '0'}></crossplane-status>`,
    host,
  );
}

function row(element: Element, name: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(`tbody.node[data-name="${name}"]`);
  if (!found) throw new Error(`row ${name} not found`);
  return found;
}

function rowText(element: Element, name: string): string {
  return visibleText(row(element, name));
}

/** Text without the decorative (aria-hidden) icons. */
function spoken(element: Element | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return visibleText(copy);
}

/** The Ready, Synced and Status cells of a row, as text. */
function cells(element: Element, name: string): { ready: string; synced: string; status: string } {
  const tds = row(element, name).querySelectorAll('tr:first-child > td');
  const text = (index: number) => spoken(tds[index]);
  return { ready: text(1), synced: text(2), status: text(3) };
}

function rowNames(element: Element): string[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('tbody.node')].map((node) => node.dataset.name ?? '');
}

describe('crossplane-status: a v1 claim', () => {
  it('shows claim → XR → managed resources with Ready, Synced, derived status and a roll-up', async () => {
    useHandlers(...crossplaneHandlers());
    const { element, text } = await mount();
    await waitForState(element, 'ready');
    expect(rowNames(element)).toEqual([
      'payments-db',
      'payments-db-7xk2p',
      'payments-db-7xk2p-4mzrd',
      'payments-db-7xk2p-vq9ls',
      'payments-db-7xk2p-8hxwd',
      'payments-db-7xk2p-t2kxn',
      'payments-db-7xk2p-kms',
      'payments-db-7xk2p-pg',
    ]);
    const head = visibleText(shadow(element).querySelector('.head') ?? element);
    expect(head).toContain('2/8 ready');
    expect(head).toContain('1 error');
    expect(head).toContain('Syncing');
    expect(rowText(element, 'payments-db')).toContain('Claim PostgreSQLInstance');
    expect(rowText(element, 'payments-db-7xk2p')).toContain('Composite XPostgreSQLInstance');
    expect(rowText(element, 'payments-db-7xk2p-4mzrd')).toContain('Managed SubnetGroup');
    expect(cells(element, 'payments-db-7xk2p-4mzrd')).toEqual({ ready: 'True Available', synced: 'True ReconcileSuccess', status: 'Ready' });
    expect(text()).toContain('xpostgresqlinstances.aws.database.example.org');
    expect(text()).toContain('Unready resources: payments-db-7xk2p-pg, payments-db-7xk2p-t2kxn');
    await expectAccessible(element);
  });

  it('Ready=True with Synced=False shows both facts, the error and its message', async () => {
    useHandlers(...crossplaneHandlers());
    const { element } = await mount();
    await waitForState(element, 'ready');
    const sgRule = cells(element, 'payments-db-7xk2p-8hxwd');
    expect(sgRule.ready).toContain('True');
    expect(sgRule.synced).toContain('False ReconcileError');
    expect(sgRule.status).toBe('Error');
    expect(row(element, 'payments-db-7xk2p-8hxwd').querySelector('td.derived .pill')?.classList).toContain('tone-error');
    expect(rowText(element, 'payments-db-7xk2p-8hxwd')).toContain('InvalidPermission.Duplicate');
  });

  it('paused is Paused in an information tone, not an error', async () => {
    useHandlers(...crossplaneHandlers());
    const { element } = await mount();
    await waitForState(element, 'ready');
    const paused = row(element, 'payments-db-7xk2p-kms');
    expect(cells(element, 'payments-db-7xk2p-kms')).toMatchObject({ synced: 'False ReconcilePaused', status: 'Paused' });
    expect(paused.querySelector('td.derived .pill')?.classList).toContain('tone-info');
    expect(paused.querySelector('.tone-error')).toBeNull();
  });

  it('a new resource without status is Syncing, and extra conditions are listed as details', async () => {
    useHandlers(...crossplaneHandlers());
    const { element } = await mount();
    await waitForState(element, 'ready');
    expect(cells(element, 'payments-db-7xk2p-pg')).toEqual({ ready: '–', synced: '–', status: 'Syncing' });
    expect(rowText(element, 'payments-db-7xk2p-pg')).toContain('no status yet');
    const creating = rowText(element, 'payments-db-7xk2p-t2kxn');
    expect(cells(element, 'payments-db-7xk2p-t2kxn').status).toBe('Syncing');
    expect(creating).toContain('AsyncOperation False · Ongoing');
    expect(creating).toContain('LastAsyncOperation True · Success');
  });

  it('reads the claim, its cluster-scoped XR, and each child after one discovery per group/version', async () => {
    useHandlers(...crossplaneHandlers());
    const { element } = await mount();
    await waitForState(element, 'ready');
    const paths = requests().map((r) => new URL(r.url).pathname);
    expect(paths[0]).toBe(CLAIM_URL);
    expect(paths).toContain(XR_URL);
    expect(paths).toContain(`${API}/apis/ec2.aws.upbound.io/v1beta1/securitygrouprules/payments-db-7xk2p-8hxwd`);
    expect(paths).toContain(`${API}/apis/kms.aws.upbound.io/v1beta1/keys/payments-db-7xk2p-kms`);
    const discovery = paths.filter((p) => /^\/proxy\/crossplane\/apis\/[^/]+\/[^/]+$/.test(p)).sort();
    expect(discovery).toEqual([
      `${API}/apis/database.example.org/v1alpha1`,
      `${API}/apis/ec2.aws.upbound.io/v1beta1`,
      `${API}/apis/kms.aws.upbound.io/v1beta1`,
      `${API}/apis/rds.aws.upbound.io/v1beta1`,
    ]);
    expect(requests().every((r) => r.headers.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true);

    // Discovery is cached for the widget's lifetime: a reload reads the objects again, not discovery.
    const before = requests().length;
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => requests().length).toBeGreaterThanOrEqual(before + 8);
    await waitForState(element, 'ready');
    const again = requests().slice(before).map((r) => new URL(r.url).pathname);
    expect(again.filter((p) => /^\/proxy\/crossplane\/apis\/[^/]+\/[^/]+$/.test(p))).toEqual([]);
  });

  it('links every row and the root to the dashboard (Headlamp routes), honouring cluster', async () => {
    useHandlers(...crossplaneHandlers());
    const { element } = await mount({ ...CLAIM, cluster: 'prod-eu' });
    await waitForState(element, 'ready');
    const links = [...shadow(element).querySelectorAll('a')].map((a) => a.href);
    expect(links).toContain(`${UI}/c/prod-eu/customresources/postgresqlinstances.database.example.org/payments/payments-db`);
    expect(links).toContain(`${UI}/c/prod-eu/customresources/xpostgresqlinstances.database.example.org/payments-db-7xk2p`);
    expect(links).toContain(`${UI}/c/prod-eu/customresources/securitygrouprules.ec2.aws.upbound.io/payments-db-7xk2p-8hxwd`);
    expect(row(element, 'payments-db-7xk2p-kms').querySelector('a')?.target).toBe('_blank');
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'row-faults' }));
    const { element } = await mount(CLAIM, fakeHost({ theme: 'dark', timeoutMs: 600 }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('all ready shows Ready everywhere', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'all-ready' }));
    const { element } = await mount();
    await waitForState(element, 'ready');
    const head = visibleText(shadow(element).querySelector('.head') ?? element);
    expect(head).toContain('8/8 ready');
    expect(head).not.toContain('error');
    expect(shadow(element).querySelectorAll('td.derived .tone-ok')).toHaveLength(8);
  });
});

describe('crossplane-status: Crossplane v2', () => {
  it('reads a namespaced XR and its namespaced managed resources from spec.crossplane.resourceRefs', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'v2-composite' }));
    const { element, text } = await mount(V2_XR);
    await waitForState(element, 'ready');
    expect(rowNames(element)).toHaveLength(6);
    expect(rowText(element, 'orders-db')).toContain('Composite Database');
    expect(visibleText(shadow(element).querySelector('.head') ?? element)).toContain('3/6 ready');
    expect(text()).toContain('databases.aws.platform.example.org');
    const paths = requests().map((r) => new URL(r.url).pathname);
    expect(paths).toContain(`${API}/apis/ec2.aws.m.upbound.io/v1beta1/namespaces/orders/securitygroups/orders-db-sg`);
    expect(cells(element, 'orders-db-sg')).toMatchObject({ ready: 'True Available', status: 'Error' });
    expect(rowText(element, 'orders-db-sg')).toContain('LastAsyncOperation False · AsyncUpdateFailure');
    expect(cells(element, 'orders-db-sg-ingress')).toMatchObject({ ready: 'Unknown Creating', status: 'Syncing' });
    expect(row(element, 'orders-db-sg').querySelector('a')?.href)
      .toBe(`${UI}/c/main/customresources/securitygroups.ec2.aws.m.upbound.io/orders/orders-db-sg`);
    await expectAccessible(element);
  });
});

describe('crossplane-status: one unreadable child degrades its row only', () => {
  it('403, 404, timeout, unknown kind and a missing API group each say why in their row', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'row-faults' }));
    const { element } = await mount(CLAIM, fakeHost({ timeoutMs: 600 }));
    await waitForState(element, 'ready');
    expect(rowText(element, 'payments-db-7xk2p-8hxwd')).toContain('No access to this resource (HTTP 403)');
    expect(rowText(element, 'payments-db-7xk2p-pg')).toContain('Not found: deleted, or not created yet');
    expect(rowText(element, 'payments-db-7xk2p-t2kxn')).toContain('No answer in time');
    expect(rowText(element, 'payments-db-7xk2p-snap')).toContain('Kind ClusterSnapshot is not served by rds.aws.upbound.io/v1beta1');
    expect(rowText(element, 'payments-db-7xk2p-secret')).toContain('secretsmanager.aws.upbound.io/v1beta1 is not served by this cluster');
    expect(cells(element, 'payments-db-7xk2p-8hxwd').status).toBe('Unreadable');
    // Readable siblings are untouched.
    expect(cells(element, 'payments-db-7xk2p-4mzrd').status).toBe('Ready');
    expect(cells(element, 'payments-db-7xk2p-kms').status).toBe('Paused');
    expect(visibleText(shadow(element).querySelector('.head') ?? element)).toContain('5 unreadable');
    // A row whose object could not be read still links to where it should be.
    expect(row(element, 'payments-db-7xk2p-8hxwd').querySelector('a')?.href)
      .toBe(`${UI}/c/main/customresources/securitygrouprules.ec2.aws.upbound.io/payments-db-7xk2p-8hxwd`);
  });

  it('an unreadable XR keeps the claim visible', async () => {
    useHandlers(...crossplaneHandlers({ faults: { 'payments-db-7xk2p': 403 } }));
    const { element } = await mount();
    await waitForState(element, 'ready');
    expect(rowNames(element)).toEqual(['payments-db', 'payments-db-7xk2p']);
    expect(rowText(element, 'payments-db-7xk2p')).toContain('No access to this resource');
    expect(cells(element, 'payments-db').status).toBe('Syncing');
  });

  it('a failed discovery is not cached: the next reload asks again', async () => {
    useHandlers(http.get(`${API}/apis/rds.aws.upbound.io/v1beta1`, () => new HttpResponse(null, { status: 503 })), ...crossplaneHandlers());
    const { element } = await mount();
    await waitForState(element, 'ready');
    expect(rowText(element, 'payments-db-7xk2p-4mzrd')).toContain('API discovery of rds.aws.upbound.io/v1beta1 failed: Tool unavailable (HTTP 503)');
    useHandlers(...crossplaneHandlers());
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => cells(element, 'payments-db-7xk2p-4mzrd').status).toBe('Ready');
  });

  it('fetches children with at most 6 requests at a time', async () => {
    const children: FakeObject[] = Array.from({ length: 20 }, (_, index) => ({
      apiVersion: 'rds.aws.upbound.io/v1beta1',
      kind: 'SubnetGroup',
      metadata: { name: `subnets-${index}` },
      status: { conditions: [readyTrue(), syncedTrue()] },
    }));
    const composite = { ...v1Composite(children, true), metadata: { name: 'big-xr' } };
    let inFlight = 0;
    let most = 0;
    useHandlers(
      http.get(`${API}/apis/rds.aws.upbound.io/v1beta1/subnetgroups/:name`, async ({ params }) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await delay(30);
        inFlight -= 1;
        return HttpResponse.json(children.find((child) => child.metadata.name === params.name));
      }),
      ...fakeKubernetesApi({ types: RESOURCE_TYPES, objects: [composite, ...children] }),
    );
    const { element } = await mount({ group: 'database.example.org', version: 'v1alpha1', plural: 'xpostgresqlinstances', name: 'big-xr' });
    await waitForState(element, 'ready');
    expect(rowNames(element)).toHaveLength(21);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(6);
  });
});

describe('crossplane-status: states and configuration', () => {
  it('explains each missing attribute with its TeraSky annotation and sends nothing', async () => {
    const none = await mount({});
    await waitForState(none.element, 'not-configured');
    for (const expected of ['group (annotation terasky.backstage.io/claim-group or terasky.backstage.io/composite-group)', 'plural', 'terasky.backstage.io/claim-name', 'terasky.backstage.io/claim-namespace']) {
      expect(none.text()).toContain(expected);
    }
    const partial = await mount({ ...CLAIM, version: '' });
    await waitForState(partial.element, 'not-configured');
    expect(partial.text()).toContain('version (annotation terasky.backstage.io/claim-version');
    expect(partial.text()).not.toContain('group (annotation');
    const noEndpoint = await mount(CLAIM, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Crossplane endpoint is configured');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(CLAIM_URL, async () => {
      await delay(300);
      return undefined;
    }), ...crossplaneHandlers());
    const { element } = await mount();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Crossplane data');
    expect(shadow(element).querySelectorAll('.skeleton')).toHaveLength(6);
    await waitForState(element, 'ready');
  });

  it('a claim with nothing composed yet is the empty state, with its error and the deep link', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'not-composed' }));
    const { element, text } = await mount();
    await waitForState(element, 'empty');
    expect(text()).toContain('Crossplane has not created a composite resource for this claim yet');
    expect(cells(element, 'payments-db')).toMatchObject({ synced: 'False ReconcileError', status: 'Error' });
    expect(text()).toContain('cannot resolve composition: no compatible Compositions found');
    expect([...shadow(element).querySelectorAll('a')].map((a) => a.href)).toContain(CLAIM_LINK);
    await expectAccessible(element);
  });

  it('uses a named instance endpoint', async () => {
    const endpoints = { ...testEndpoints(), 'crossplane:prod': { api: '/proxy/k8s-prod', ui: 'https://headlamp-prod.example.com' } };
    useHandlers(...crossplaneHandlers({ base: '/proxy/k8s-prod' }));
    const element = (await mountWidget<CrossplaneStatus>(
      html`<crossplane-status group="database.example.org" version="v1alpha1" plural="postgresqlinstances" name="payments-db"
        namespace="payments" instance="prod" refresh-interval="0"></crossplane-status>`,
      fakeHost({ endpoints }),
    )).element;
    await waitForState(element, 'ready');
    expect(requests('/proxy/crossplane/')).toHaveLength(0);
    expect(requests('/proxy/k8s-prod/').length).toBeGreaterThan(8);
    expect(shadow(element).querySelector('a')?.href).toContain('https://headlamp-prod.example.com/c/main/customresources/');
  });

  it('hostile attributes and API text stay inside the base and render as text', async () => {
    const hostile: FakeObject = {
      apiVersion: 'database.example.org/v1alpha1',
      kind: '<b>Kind</b>',
      metadata: { name: '<img src=x onerror=alert(1)>', namespace: 'payments' },
      spec: { resourceRef: { apiVersion: 'database.example.org/v1alpha1', kind: 'XPostgreSQLInstance', name: '../../../api/v1/secrets' } },
      status: { conditions: [condition('Synced', 'False', 'ReconcileError', 1, '<script>alert(1)</script>')] },
    };
    useHandlers(http.get(`${API}/apis/database.example.org/v1alpha1/namespaces/:ns/postgresqlinstances/:name`, () => HttpResponse.json(hostile)), ...crossplaneHandlers());
    const { element, text } = await mount({ ...CLAIM, name: '../../x<img src=x>', cluster: 'javascript:alert(1)' });
    await waitForState(element, 'ready');
    expect(requests()[0]?.url).toContain(`${API}/apis/database.example.org/v1alpha1/namespaces/payments/postgresqlinstances/..%2F..%2Fx%3Cimg%20src%3Dx%3E`);
    expect(requests().some((r) => r.url.includes('/xpostgresqlinstances/..%2F..%2F..%2Fapi%2Fv1%2Fsecrets'))).toBe(true);
    expect(requests().every((r) => new URL(r.url).pathname.startsWith(`${API}/apis/`))).toBe(true);
    expect(shadow(element).querySelector('img, b, script')).toBeNull();
    expect(text()).toContain('<script>alert(1)</script>');
    for (const link of shadow(element).querySelectorAll('a')) expect(link.href.startsWith(`${UI}/c/javascript%3Aalert(1)/`)).toBe(true);
  });
});

describe('crossplane-status: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...crossplaneHandlers());
    const { element, text } = await mount();
    await waitForState(element, 'ready');
    useHandlers(http.get(CLAIM_URL, () => new HttpResponse(null, { status: 503 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => text()).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('2/8 ready');
    await expectAccessible(element);
    useHandlers(...crossplaneHandlers());
    shadow(element).querySelector<HTMLButtonElement>('.stale button')?.click();
    await expect.poll(() => text()).not.toContain('Stale');
  });

  it('emits pw-state and tells the host, never with the token', async () => {
    useHandlers(...crossplaneHandlers({ scenario: 'sign-in' }));
    const hostEvents: unknown[] = [];
    const seen: PwStateDetail[] = [];
    const { element } = await mount(CLAIM, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    element.addEventListener('pw-state', (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen).toContainEqual({ state: 'degraded', stale: false, reason: 'Sign-in needed' });
    expect(hostEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

faultMatrix({
  widget: 'crossplane-status (claim)',
  mount: async (host) => (await mount({ ...CLAIM, interval: '30' }, host)).element,
  handlers: () => crossplaneHandlers(),
  url: CLAIM_URL,
  emptyBody: { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', metadata: { name: 'payments-db', namespace: 'payments' } },
  invalidBody: { metadata: { name: 42 } },
  largeBody: () => atLeastBytes((count) => ({ ...v1Claim(), status: { conditions: times(count, (i) => ({ type: `Custom${i}`, status: 'True', reason: 'Available', message: 'a condition nobody asked for' })) } })),
  deepLink: CLAIM_LINK,
});
