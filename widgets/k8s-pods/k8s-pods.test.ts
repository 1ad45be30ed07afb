import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './k8s-pods.js';
import type { K8sPods } from './k8s-pods.component.js';
import { ROW_HEIGHT } from './k8s-pods.constants.js';
import { MANY_PODS, k8sHandlers } from './fixtures/handlers.js';
import { kubeError } from '../kit/testing/kubernetes-status.js';
import { KUBERNETES_ID, NAMESPACE, healthyPods } from './fixtures/pods.js';
import { manyPods } from './fixtures/pods.js';
import { atLeastBytes } from '../kit/testing/large.js';

const API = `/proxy/kubernetes/api/v1/namespaces/${NAMESPACE}`;
const UI = 'https://kubernetes.example.com';
const PODS_LINK = `${UI}/c/main/pods?namespace=${NAMESPACE}`;
const SLOW_MACHINE = { timeout: 5_000 } as const;

interface Attrs {
  namespace?: string;
  id?: string;
  selector?: string;
  cluster?: string;
}

async function mountPods(attrs: Attrs = { namespace: NAMESPACE, id: KUBERNETES_ID }, host = fakeHost()) {
  return mountWidget<K8sPods>(
    html`<k8s-pods namespace=${attrs.namespace ?? ''} kubernetes-id=${attrs.id ?? ''} label-selector=${attrs.selector ?? ''}
      cluster=${attrs.cluster ?? ''} refresh-interval="0"></k8s-pods>`,
    host,
  );
}

function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function podRows(element: Element): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="rowgroup"] [role="row"][data-pod]')];
}

function podRow(element: Element, name: string): HTMLElement {
  const found = podRows(element).find((r) => r.dataset.pod === name);
  if (!found) throw new Error(`row ${name} not found`);
  return found;
}

function notes(element: Element): string[] {
  return [...shadow(element).querySelectorAll('.section-note')].map((note) => textOf(note));
}

/** Each cell as read out: a resource cell's full text (its compact text is hidden from screen readers). */
function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('[role="cell"]')].map((cell) => textOf(cell.querySelector('.visually-hidden') ?? cell));
}

describe('k8s-pods: ready', () => {
  it('counts pods by status and lists them with ready, restarts, age and resources', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const pills = [...shadow(element).querySelectorAll('.counts .pill')].map((pill) => textOf(pill));
    expect(pills).toEqual(['✓4 running', 'i1 succeeded']);
    const row = podRow(element, 'guestbook-ui-7d9f8c6b5-4xk2p');
    const [name, status, restarts, age, resources] = cells(row);
    expect(name).toBe('guestbook-ui-7d9f8c6b5-4xk2p');
    expect(status).toBe('✓Running 1/1 ready');
    expect(textOf(row.querySelector('.resource [aria-hidden="true"]'))).toBe('CPU 12m · 100m · 500mMem 70Mi · 128Mi · 256Mi');
    expect(restarts).toBe('0');
    expect(age).toMatch(/day|hr/);
    expect(resources).toBe('CPU 12m used · req 100m · lim 500m; memory 70 MiB used · req 128 MiB · lim 256 MiB');
    await expectAccessible(element);
  });

  it('tells crash-looping pods apart from running ones, though their phase is Running', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const counts = textOf(shadow(element).querySelector('.counts'));
    expect(counts).toContain('1 crash-looping');
    expect(counts).toContain('1 failed');
    expect(counts).toContain('3 pending');
    expect(counts).toContain('3 running');
    const row = podRow(element, 'guestbook-ui-6f7b9d4c8-crsh1');
    expect(textOf(row.querySelector('.pod-status'))).toBe('✕Crash-looping CrashLoopBackOff, 0/1 ready');
    expect(cells(row)[2]).toBe('14');
    // Worst first.
    expect(podRows(element)[0]?.dataset.pod).toBe('guestbook-ui-6f7b9d4c8-crsh1');
    await expectAccessible(element);
  });

  it('names each problem with a one-line fix', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const problems = [...shadow(element).querySelectorAll<HTMLElement>('[data-problem]')];
    expect(problems.map((p) => p.dataset.problem)).toEqual([
      'CrashLoopBackOff', 'ImagePullBackOff', 'CreateContainerConfigError', 'OOMKilled', 'ProgressDeadlineExceeded', 'Unschedulable',
    ]);
    const text = (kind: string) => textOf(problems.find((p) => p.dataset.problem === kind));
    expect(text('CreateContainerConfigError')).toContain('configmap "guestbook-worker-config" not found');
    expect(text('CreateContainerConfigError')).toContain('Fix: A ConfigMap or Secret');
    expect(text('OOMKilled')).toContain('guestbook-redis-0');
    expect(text('OOMKilled')).toContain('resources.limits.memory');
    expect(text('ProgressDeadlineExceeded')).toContain('deployment guestbook-ui');
    expect(text('Unschedulable')).toContain('Insufficient cpu');
    expect(text('ImagePullBackOff')).toContain('imagePullSecret');
  });

  it('shows deployments with desired/ready/available/updated and their conditions (lower-case status too)', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const ui = shadow(element).querySelector<HTMLTableRowElement>('tr[data-deployment="guestbook-ui"]');
    const [name, status, desired, ready, available, updated] = [...(ui?.cells ?? [])].map((c) => textOf(c));
    expect(name).toContain('Progressing: ProgressDeadlineExceeded');
    expect(status).toBe('✕Rollout stalled');
    expect([desired, ready, available, updated]).toEqual(['3', '2', '2', '1'.replace('1', '3')]);
    const worker = shadow(element).querySelector<HTMLTableRowElement>('tr[data-deployment="guestbook-worker"]');
    expect(textOf(worker?.cells[1])).toBe('!Degraded');
    expect(worker?.querySelector('.conditions .tone-error')?.textContent).toContain('Available');
    expect(ui?.querySelector('a')?.href).toBe(`${UI}/c/main/deployments/${NAMESPACE}/guestbook-ui`);
  });

  it('lists recent events of these pods and deployments only, warnings first', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const events = [...shadow(element).querySelectorAll<HTMLElement>('.events li')];
    const warnings = events.filter((e) => textOf(e).startsWith('!Warning'));
    expect(events.slice(0, warnings.length)).toEqual(warnings);
    expect(warnings.length).toBe(5);
    expect(textOf(events[0])).toContain('configmap "guestbook-worker-config" not found');
    expect(textOf(shadow(element).querySelector('.events'))).toContain('×164');
    expect(textOf(shadow(element).querySelector('.events'))).not.toContain('payments-api');
  });

  it('links pods and the namespace into the Kubernetes dashboard', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    expect(podRow(element, 'guestbook-redis-0').querySelector('a')?.href).toBe(`${UI}/c/main/pods/${NAMESPACE}/guestbook-redis-0`);
    expect([...shadow(element).querySelectorAll('a')].map((a) => a.href)).toContain(PODS_LINK);
    for (const link of shadow(element).querySelectorAll('a')) expect(link.rel).toBe('noopener noreferrer');
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const { element } = await mountPods(undefined, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(`${API}/pods`, async () => {
      await delay(1_500);
      return undefined;
    }), ...k8sHandlers());
    const { element } = await mountPods(undefined, fakeHost({ timeoutMs: 5_000 }));
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Kubernetes data');
    await expectAccessible(element);
    await waitForState(element, 'ready');
  });

  it('no matching pod is the empty state with the dashboard link', async () => {
    useHandlers(...k8sHandlers({ scenario: 'none' }));
    const { element, text } = await mountPods();
    await waitForState(element, 'empty');
    expect(text()).toContain(`No pods match backstage.io/kubernetes-id=guestbook in namespace ${NAMESPACE}`);
    expect(shadow(element).querySelector('a')?.href).toBe(PODS_LINK);
    await expectAccessible(element);
  });
});

describe('k8s-pods: one failing section degrades only itself', () => {
  it('events forbidden (403): the rest shows, events say why', async () => {
    useHandlers(...k8sHandlers({ scenario: 'events-forbidden' }));
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    expect(notes(element)).toEqual(['Events: unavailable (No access).']);
    expect(podRows(element).length).toBe(healthyPods.length);
  });

  it('no metrics-server (404): requests and limits without usage', async () => {
    useHandlers(...k8sHandlers({ scenario: 'no-metrics' }));
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    expect(notes(element)).toEqual(['Usage: unavailable (this cluster serves no metrics API (metrics-server)).']);
    expect(cells(podRow(element, 'guestbook-ui-7d9f8c6b5-4xk2p'))[4]).toBe('CPU req 100m · lim 500m; memory req 128 MiB · lim 256 MiB');
  });

  it('metrics 503 and deployments 403 together still leave the pods', async () => {
    useHandlers(
      http.get('/proxy/kubernetes/apis/metrics.k8s.io/v1beta1/namespaces/:ns/pods', () => kubeError(503, 'the server is currently unable to handle the request')),
      ...k8sHandlers({ scenario: 'deployments-forbidden' }),
    );
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    expect(notes(element)).toEqual(['Deployments: unavailable (No access).', 'Usage: unavailable (Tool unavailable (HTTP 503)).']);
    expect(podRows(element).length).toBe(healthyPods.length);
  });
});

describe('k8s-pods: logs', () => {
  it('are disabled with the reason unless decide allows them, and nothing is read', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const button = podRow(element, 'guestbook-redis-0').querySelector<HTMLButtonElement>('.logs-button');
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    expect(shadow(element).getElementById(button?.getAttribute('aria-describedby') ?? '')?.textContent)
      .toContain('you do not have permission to read pod logs (kubernetes.pods.logs)');
    button?.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests('/log')).toHaveLength(0);
    expect(shadow(element).querySelector('.logs')).toBeNull();
  });

  it('when allowed: reads the tail of a container as text, with the token, and the previous container', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const events: string[] = [];
    const asked: string[] = [];
    const { element } = await mountPods(undefined, fakeHost({
      decide: (action, ref) => {
        asked.push(`${action} ${ref}`);
        return Promise.resolve(action === 'kubernetes.pods.logs' ? 'allow' : 'deny');
      },
    }));
    element.addEventListener('pw-action', (e) => events.push(`${e.detail.action} ${e.detail.phase} ${e.detail.resourceRef}`));
    await waitForState(element, 'ready');
    podRow(element, 'guestbook-redis-0').querySelector<HTMLButtonElement>('.logs-button')?.click();
    await expect.poll(() => textOf(shadow(element).querySelector('pre.log')), SLOW_MACHINE).toContain('guestbook starting');
    const pre = shadow(element).querySelector('pre.log');
    expect(pre?.textContent).toContain('<script>alert(1)</script>');
    expect(pre?.querySelector('script')).toBeNull();
    const [first] = requests('/log');
    const url = new URL(first?.url ?? '');
    expect(url.pathname).toBe(`${API}/pods/guestbook-redis-0/log`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ container: 'redis', tailLines: '100' });
    expect(first?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(asked).toContain(`kubernetes.pods.logs kubernetes/namespaces/${NAMESPACE}/pods?labelSelector=backstage.io/kubernetes-id=guestbook`);
    expect(events).toEqual([`kubernetes.pods.logs succeeded kubernetes/namespaces/${NAMESPACE}/pods/guestbook-redis-0`]);

    const previous = shadow(element).querySelector<HTMLInputElement>('.logs input[type="checkbox"]');
    previous?.click();
    await expect.poll(() => textOf(shadow(element).querySelector('pre.log')), SLOW_MACHINE).toContain('panic: cannot reach redis');
    expect(new URL(requests('/log').at(-1)?.url ?? '').searchParams.get('previous')).toBe('true');
    await expectAccessible(element);
  });

  it('a forbidden log says why in the viewer and leaves the widget ready', async () => {
    useHandlers(...k8sHandlers({ scenario: 'logs-forbidden' }));
    const { element } = await mountPods(undefined, fakeHost({ decisions: { 'kubernetes.pods.logs': 'allow' } }));
    await waitForState(element, 'ready');
    podRow(element, 'guestbook-redis-0').querySelector<HTMLButtonElement>('.logs-button')?.click();
    await expect.poll(() => textOf(shadow(element).querySelector('.logs [role="alert"]')), SLOW_MACHINE).toContain('Could not read the log: No access.');
    expect(shadow(element).querySelector('[data-state]')?.getAttribute('data-state')).toBe('ready');
  });
});

describe('k8s-pods: 5,000 pods', () => {
  it('reads a row\'s fields when the row is shown: a pod out of view is not read; in view, a field that does not match degrades the card with its path', async () => {
    const pods = JSON.parse(JSON.stringify(manyPods(200))) as Array<{ spec: { containers: Array<Record<string, unknown>> } }>;
    const bad = pods[150]?.spec.containers[0];
    if (!bad) throw new Error('fixture changed');
    bad['resources'] = { requests: { cpu: true } };
    useHandlers(http.get(`${API}/pods`, () => HttpResponse.json({ kind: 'PodList', items: pods })), ...k8sHandlers());
    const { element } = await mountPods();
    const states: unknown[] = [];
    element.addEventListener('pw-state', (e) => states.push(e.detail));
    await waitForState(element, 'ready');
    const region = shadow(element).querySelector<HTMLElement>('.pod-scroll');
    if (!region) throw new Error('no scroll region');
    // Worst first: 2 crash-looping and 3 pending pods come before it.
    region.scrollTop = ROW_HEIGHT * 150;
    region.dispatchEvent(new Event('scroll'));
    await waitForState(element, 'degraded');
    const reason = 'Unexpected response (at items[150].spec.containers[0].resources.requests.cpu)';
    expect(states).toContainEqual({ state: 'degraded', stale: false, reason });
    expect(shadow(element).querySelector('pw-deep-link')?.shadowRoot?.textContent).toContain(reason);
    expect(shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a')?.href).toBe(PODS_LINK);
  });

  it('renders only the visible rows, with table semantics over all of them', async () => {
    useHandlers(...k8sHandlers({ scenario: 'many' }));
    const { element } = await mountPods(undefined, fakeHost({ timeoutMs: 10_000 }));
    await waitForState(element, 'ready', 10_000);
    const table = shadow(element).querySelector('[role="table"]');
    expect(table?.getAttribute('aria-rowcount')).toBe(String(MANY_PODS + 1));
    expect(podRows(element).length).toBeLessThan(40);
    expect(podRows(element)[0]?.getAttribute('aria-rowindex')).toBe('2');
    const region = shadow(element).querySelector<HTMLElement>('.pod-scroll');
    if (!region) throw new Error('no scroll region');
    expect(region.tabIndex).toBe(0);
    region.scrollTop = ROW_HEIGHT * 2_500;
    region.dispatchEvent(new Event('scroll'));
    await expect.poll(() => podRows(element).some((r) => r.getAttribute('aria-rowindex') === '2502'), SLOW_MACHINE).toBe(true);
    expect(podRows(element).length).toBeLessThan(40);
    // A focused button whose row scrolls out of the rendered window leaves focus in the list, not on the page.
    podRows(element)[0]?.querySelector<HTMLButtonElement>('.logs-button')?.focus();
    region.scrollTop = 0;
    region.dispatchEvent(new Event('scroll'));
    await expect.poll(() => shadow(element).activeElement, SLOW_MACHINE).toBe(region);
    region.scrollTop = ROW_HEIGHT * 2_500;
    region.dispatchEvent(new Event('scroll'));
    await expect.poll(() => podRows(element).some((r) => r.getAttribute('aria-rowindex') === '2502'), SLOW_MACHINE).toBe(true);
    // Arrow keys on the focused region move by one row.
    region.focus();
    region.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(region.scrollTop).toBe(ROW_HEIGHT * 2_501);
    await expectAccessible(element);
  });

  it('filters by name and by status', async () => {
    useHandlers(...k8sHandlers({ scenario: 'many' }));
    const { element, text } = await mountPods(undefined, fakeHost({ timeoutMs: 10_000 }));
    await waitForState(element, 'ready', 10_000);
    const select = shadow(element).querySelector<HTMLSelectElement>('.pods-head select');
    if (!select) throw new Error('no status filter');
    select.value = 'crash-looping';
    select.dispatchEvent(new Event('change'));
    await expect.poll(() => text()).toContain(`52 of ${MANY_PODS} pods`);
    expect(podRows(element).every((r) => textOf(r).includes('Crash-looping'))).toBe(true);
    const input = shadow(element).querySelector<HTMLInputElement>('.pods-head input');
    if (!input) throw new Error('no name filter');
    input.value = 'guestbook-ui-7d9f8c6b5-00005';
    input.dispatchEvent(new Event('input'));
    await expect.poll(() => podRows(element).length).toBe(1);
  });
});

describe('k8s-pods: configuration and the wire', () => {
  it('names the missing attributes and their annotations, and sends nothing', async () => {
    const none = await mountPods({});
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set namespace (annotation backstage.io/kubernetes-namespace) and kubernetes-id (annotation backstage.io/kubernetes-id) or label-selector (annotation backstage.io/kubernetes-label-selector).');
    const noEndpoint = await mountPods(undefined, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Kubernetes endpoint is configured (endpoints["kubernetes"])');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('asks for pods, deployments (by selector), events and metrics with the token, and writes nothing', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const paths = requests().map((r) => { const u = new URL(r.url); return `${u.pathname}${u.search}`; }).sort();
    expect(paths).toEqual([
      `/proxy/kubernetes/api/v1/namespaces/${NAMESPACE}/events`,
      `/proxy/kubernetes/api/v1/namespaces/${NAMESPACE}/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dguestbook`,
      `/proxy/kubernetes/apis/apps/v1/namespaces/${NAMESPACE}/deployments?labelSelector=backstage.io%2Fkubernetes-id%3Dguestbook`,
      `/proxy/kubernetes/apis/metrics.k8s.io/v1beta1/namespaces/${NAMESPACE}/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dguestbook`,
    ]);
    for (const request of requests()) {
      expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
      expect(request.headers['backstage-kubernetes-cluster']).toBeUndefined();
    }
    expect(requests().filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('label-selector wins over kubernetes-id', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods({ namespace: NAMESPACE, id: 'other', selector: 'app=guestbook-redis' });
    await waitForState(element, 'ready');
    expect(new URL(requests(`${API}/pods`)[0]?.url ?? '').searchParams.get('labelSelector')).toBe('app=guestbook-redis');
    expect(podRows(element).map((r) => r.dataset.pod)).toEqual(['guestbook-redis-0']);
  });

  it('cluster picks endpoints["kubernetes:<cluster>"] and names the cluster in links', async () => {
    const endpoints = { ...testEndpoints(), 'kubernetes:prod-eu': { api: '/proxy/k8s-prod-eu', ui: 'https://headlamp.prod.example.com' } };
    useHandlers(...k8sHandlers({ base: '/proxy/k8s-prod-eu' }));
    const { element } = await mountPods({ namespace: NAMESPACE, id: KUBERNETES_ID, cluster: 'prod-eu' }, fakeHost({ endpoints }));
    await waitForState(element, 'ready');
    expect(requests('/proxy/k8s-prod-eu/api/v1/namespaces/storefront/pods')).toHaveLength(1);
    expect(requests('/proxy/kubernetes/')).toHaveLength(0);
    expect(requests()[0]?.headers['backstage-kubernetes-cluster']).toBe('prod-eu');
    expect(podRow(element, 'guestbook-redis-0').querySelector('a')?.href).toBe('https://headlamp.prod.example.com/c/prod-eu/pods/storefront/guestbook-redis-0');
  });

  it('cluster without its own endpoint falls back to endpoints.kubernetes with the Backstage cluster header', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods({ namespace: NAMESPACE, id: KUBERNETES_ID, cluster: 'dev' });
    await waitForState(element, 'ready');
    expect(requests(`${API}/pods`)[0]?.headers['backstage-kubernetes-cluster']).toBe('dev');
    expect(podRow(element, 'guestbook-redis-0').querySelector('a')?.href).toBe(`${UI}/c/dev/pods/${NAMESPACE}/guestbook-redis-0`);
  });

  it('sends the token only to the Kubernetes api base', async () => {
    const endpoints = { ...testEndpoints(), kubernetes: { api: 'https://k8s-api.other-origin.example/proxy', ui: UI } };
    const seen: Array<{ url: string; auth: string | null }> = [];
    const host = fakeHost({
      endpoints,
      fetch: (input, init) => {
        seen.push({ url: input instanceof Request ? input.url : input.toString(), auth: new Headers(init?.headers).get('authorization') });
        return Promise.resolve(new Response(JSON.stringify({ items: [] }), { headers: { 'Content-Type': 'application/json' } }));
      },
    });
    const { element } = await mountPods(undefined, host);
    await waitForState(element, 'empty');
    expect(seen.length).toBe(4);
    for (const request of seen) {
      expect(request.url.startsWith('https://k8s-api.other-origin.example/proxy/')).toBe(true);
      expect(request.auth).toBe(`Bearer ${TEST_TOKEN}`);
    }
    const html = element.shadowRoot?.innerHTML ?? '';
    expect(html).not.toContain(TEST_TOKEN);
    expect(element.outerHTML).not.toContain(TEST_TOKEN);
  });

  it('an invalid label selector is a configuration problem, not a request', async () => {
    const { element, text } = await mountPods({ namespace: NAMESPACE, selector: 'app=web&x=<script>' });
    await waitForState(element, 'not-configured');
    expect(text()).toContain('label-selector is not a valid label selector');
    expect(requests()).toHaveLength(0);
  });

  it('hostile names stay inside the API base and render as text', async () => {
    const hostile = structuredClone(healthyPods[0]);
    if (!hostile?.status?.containerStatuses?.[0]) throw new Error('fixture changed');
    hostile.metadata.name = '<img src=x onerror=alert(1)>';
    hostile.metadata.namespace = '../../api';
    hostile.status.containerStatuses[0].state = { waiting: { reason: '<b>bold</b>', message: '<i>x</i>' } };
    hostile.status.phase = 'Pending';
    useHandlers(http.get('/proxy/kubernetes/*', () => HttpResponse.json({ items: [hostile] })));
    const { element, text } = await mountPods({ namespace: '../../api', id: KUBERNETES_ID });
    await waitForState(element, 'ready');
    expect(requests()[0]?.url).toContain('/proxy/kubernetes/api/v1/namespaces/..%2F..%2Fapi/');
    expect(shadow(element).querySelector('img, b, i')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
    expect(text()).toContain('<b>bold</b>');
    expect(podRows(element)[0]?.querySelector('a')?.getAttribute('href'))
      .toBe(`${UI}/c/main/pods/..%2F..%2Fapi/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  });
});

describe('k8s-pods: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    let fail = false;
    useHandlers(http.get(`${API}/pods`, () => (fail ? kubeError(503, 'down') : undefined)), ...k8sHandlers());
    const states: string[] = [];
    const { element, text } = await mountPods();
    element.addEventListener('pw-state', (e) => states.push(`${e.detail.state}${e.detail.stale ? ' stale' : ''}`));
    await waitForState(element, 'ready');
    fail = true;
    element.refresh();
    await expect.poll(() => text(), SLOW_MACHINE).toContain('Stale');
    expect(text()).toContain('refresh failed: Tool unavailable (HTTP 503)');
    expect(podRows(element).length).toBe(healthyPods.length);
    fail = false;
    element.refresh();
    await expect.poll(() => text(), SLOW_MACHINE).not.toContain('Stale');
    expect(states).toContain('ready stale');
  });

  it('reflects a status change on refresh', async () => {
    useHandlers(...k8sHandlers());
    const { element } = await mountPods();
    await waitForState(element, 'ready');
    const counts = () => textOf(shadow(element).querySelector('.counts'));
    expect(counts()).not.toContain('crash-looping');
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    element.refresh();
    await expect.poll(counts, SLOW_MACHINE).toContain('1 crash-looping');
  });
});

describe('k8s-pods: events', () => {
  it('emits pw-state and pw-error, never with the token', async () => {
    useHandlers(http.get(`${API}/pods`, () => kubeError(403, 'pods is forbidden')), ...k8sHandlers());
    const seen: unknown[] = [];
    const hostEvents: unknown[] = [];
    const { element } = await mountPods(undefined, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen, SLOW_MACHINE).toContainEqual({ state: 'degraded', stale: false, reason: 'No access' });
    expect(seen).toContainEqual({ system: 'kubernetes', kind: 'forbidden', status: 403, reason: 'No access' });
    expect(hostEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    await expectAccessible(element);
  });
});

faultMatrix({
  widget: 'k8s-pods',
  // Polling at the default interval, as the fault matrix asks (the 429 test reads the next refresh).
  mount: async (host) => (await mountWidget<K8sPods>(
    html`<k8s-pods namespace=${NAMESPACE} kubernetes-id=${KUBERNETES_ID}></k8s-pods>`,
    host,
  )).element,
  handlers: () => k8sHandlers(),
  url: `${API}/pods`,
  emptyBody: { kind: 'PodList', items: [] },
  invalidBody: { items: [{ metadata: { name: 42 } }] },
  largeBody: () => atLeastBytes((count) => ({ kind: 'PodList', items: manyPods(count) })),
  deepLink: PODS_LINK,
});
