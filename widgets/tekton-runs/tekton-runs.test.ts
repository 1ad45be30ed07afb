import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './tekton-runs.js';
import type { TektonRuns } from './tekton-runs.component.js';
import { tektonHandlers } from './fixtures/handlers.js';
import { KUBERNETES_ID, NAMESPACE, mixedRuns } from './fixtures/pipeline-runs.js';
import { manyRuns } from './fixtures/pipeline-runs.js';
import { atLeastBytes } from '../kit/testing/large.js';

const API = `/proxy/tekton/apis/tekton.dev/v1/namespaces/${NAMESPACE}`;
const UI = 'https://tekton.example.com/#/namespaces/team-checkout';
/** expect.poll waits 1 s by default; a reload is two requests, and the test machine is shared. */
const SLOW_MACHINE = { timeout: 5_000 } as const;
const RUNS_LINK = `${UI}/pipelineruns?labelSelector=backstage.io%2Fkubernetes-id%3Dcheckout`;

interface Attrs {
  namespace?: string;
  id?: string;
  selector?: string;
  limit?: string;
  interval?: string;
}

async function mountRuns(attrs: Attrs = { namespace: NAMESPACE, id: KUBERNETES_ID }, host = fakeHost()) {
  return mountWidget<TektonRuns>(
    html`<tekton-runs namespace=${attrs.namespace ?? ''} kubernetes-id=${attrs.id ?? ''} label-selector=${attrs.selector ?? ''}
      limit=${attrs.limit ?? ''} refresh-interval=${attrs.interval ?? '0'}></tekton-runs>`,
    host,
  );
}

function rows(element: Element): HTMLTableRowElement[] {
  return [...shadow(element).querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

function row(element: Element, name: string): HTMLTableRowElement {
  const found = rows(element).find((r) => r.dataset.run === name);
  if (!found) throw new Error(`row ${name} not found`);
  return found;
}

/** Text as laid out (textContent, whitespace collapsed), so "✓Succeeded" and "unit-tests: …" read as on screen. */
function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function cells(tr: HTMLTableRowElement): string[] {
  return [...tr.cells].map((cell) => textOf(cell));
}

describe('tekton-runs: recent PipelineRuns', () => {
  it('lists runs newest first with status, start, duration and pipeline', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    expect(rows(element).map((r) => r.dataset.run)).toEqual([
      'checkout-ci-n0new',
      'checkout-ci-r8k2m',
      'checkout-ci-q3pnd',
      'checkout-ci-p4x7d',
      'checkout-ci-h2n9q',
      'checkout-ci-t6v3c',
      'checkout-ci-w9b5f',
      'checkout-ci-z1c8e',
    ]);
    const [run, status, started, duration] = cells(row(element, 'checkout-ci-h2n9q'));
    expect(run).toContain('pipeline checkout-ci');
    expect(status).toBe('✓Succeeded');
    expect(started).toMatch(/3 hr\. ago|3 hours ago/);
    expect(duration).toBe('8m 30s');
    await expectAccessible(element);
  });

  it('derives each status from the Succeeded condition, Cancelled distinct from Failed', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    const statusOf = (name: string) => cells(row(element, name))[1];
    expect(statusOf('checkout-ci-r8k2m')).toContain('Running');
    expect(statusOf('checkout-ci-p4x7d')).toContain('Failed');
    expect(statusOf('checkout-ci-t6v3c')).toContain('Cancelled');
    expect(statusOf('checkout-ci-t6v3c')).not.toContain('Failed');
    expect(statusOf('checkout-ci-w9b5f')).toContain('Failed');
    expect(statusOf('checkout-ci-w9b5f')).toContain('timed out');
    expect(statusOf('checkout-ci-q3pnd')).toContain('Pending');
    expect(statusOf('checkout-ci-n0new')).toContain('Pending');
    const pill = row(element, 'checkout-ci-w9b5f').querySelector('.pill');
    expect(pill?.getAttribute('title')).toContain('failed to finish within "1h0m0s"');
  });

  it('a running run shows how long it has run; a run with no status has not started', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    expect(cells(row(element, 'checkout-ci-r8k2m'))[3]).toMatch(/^running for 3m \ds$/);
    const [, , started, duration] = cells(row(element, 'checkout-ci-n0new'));
    expect(started).toMatch(/now|sec/);
    expect(duration).toBe('–');
    expect(row(element, 'checkout-ci-r8k2m').querySelector('time')?.getAttribute('title')).toBeTruthy();
  });

  it('names the failed task and its message, read from the run’s TaskRuns', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    expect(cells(row(element, 'checkout-ci-p4x7d'))[0]).toContain('Failed task unit-tests: "step-go-test" exited with code 1: Error');
    const [taskRunRequest] = requests('/taskruns');
    expect(new URL(taskRunRequest?.url ?? '').searchParams.get('labelSelector')).toBe('tekton.dev/pipelineRun in (checkout-ci-p4x7d,checkout-ci-w9b5f)');
    expect(cells(row(element, 'checkout-ci-w9b5f'))[0]).toContain('failed to finish within');
  });

  it('still shows the runs, with the condition message, when TaskRuns cannot be read', async () => {
    useHandlers(...tektonHandlers({ scenario: 'task-runs-unavailable' }));
    const { element, text } = await mountRuns();
    await waitForState(element, 'ready');
    expect(cells(row(element, 'checkout-ci-p4x7d'))[0]).toContain('Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 3');
    expect(text()).toContain('Failed-task details unavailable');
  });

  it('summarises *SCAN_OUTPUT results per severity and tolerates bad JSON', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    expect(cells(row(element, 'checkout-ci-h2n9q'))[0]).toContain('ACS IMAGE vulnerabilities: 0 critical, 1 high, 2 medium, 3 low');
    expect(row(element, 'checkout-ci-h2n9q').querySelector('.serious')?.textContent).toBe('1 high');
    expect(cells(row(element, 'checkout-ci-h2n9q'))[0]).not.toContain('IMAGE_URL');
    expect(cells(row(element, 'checkout-ci-z1c8e'))[0]).toContain('ACS IMAGE: scan output unreadable');
  });

  it('sums up the last run and how many succeeded in the header', async () => {
    useHandlers(...tektonHandlers({ scenario: 'all-succeeded' }));
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    const head = textOf(shadow(element).querySelector('.head'));
    expect(head).toContain('Last run ✓Succeeded');
    expect(head).toContain('2 of 2 succeeded');
  });

  it('the header shows a running last run and counts only successes', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    const head = textOf(shadow(element).querySelector('.head'));
    expect(head).toContain('Last run iPending');
    expect(head).toContain('2 of 8 succeeded');
  });

  it('links each run and the filtered list into the Tekton Dashboard’s hash routes', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    expect(row(element, 'checkout-ci-p4x7d').querySelector('a')?.href).toBe(`${UI}/pipelineruns/checkout-ci-p4x7d`);
    const links = [...shadow(element).querySelectorAll('a')].map((a) => a.href);
    expect(links).toContain(RUNS_LINK);
    for (const link of shadow(element).querySelectorAll('a')) expect(link.rel).toBe('noopener noreferrer');
  });

  it('shows the newest `limit` runs and says how many matched', async () => {
    useHandlers(...tektonHandlers({ scenario: 'many' }));
    const { element, text } = await mountRuns({ namespace: NAMESPACE, id: KUBERNETES_ID, limit: '5' });
    await waitForState(element, 'ready');
    expect(rows(element).map((r) => r.dataset.run)).toEqual(['checkout-ci-0000', 'checkout-ci-0001', 'checkout-ci-0002', 'checkout-ci-0003', 'checkout-ci-0004']);
    expect(text()).toContain('newest 5 of 25 runs');
  });

  it('defaults to 10 runs when limit is missing or not a positive number', async () => {
    useHandlers(...tektonHandlers({ scenario: 'many' }));
    const { element } = await mountRuns({ namespace: NAMESPACE, id: KUBERNETES_ID, limit: 'lots' });
    await waitForState(element, 'ready');
    expect(rows(element)).toHaveLength(10);
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns(undefined, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    // Long enough that a busy machine still sees the skeleton before the answer.
    useHandlers(http.get(`${API}/pipelineruns`, async () => {
      await delay(1_500);
      return undefined;
    }), ...tektonHandlers());
    const { element } = await mountRuns(undefined, fakeHost({ timeoutMs: 5_000 }));
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Tekton data');
    await expectAccessible(element);
    await waitForState(element, 'ready');
  });

  it('no matching run (an empty items list) is the empty state with the runs list link', async () => {
    useHandlers(...tektonHandlers({ scenario: 'none' }));
    const { element, text } = await mountRuns();
    await waitForState(element, 'empty');
    expect(text()).toContain('No PipelineRuns match backstage.io/kubernetes-id=checkout in namespace team-checkout');
    expect(shadow(element).querySelector('a')?.href).toBe(RUNS_LINK);
    expect(requests('/taskruns')).toHaveLength(0);
    await expectAccessible(element);
  });
});

describe('tekton-runs: configuration and the wire', () => {
  it('names the missing attributes and their annotations, and sends nothing', async () => {
    const none = await mountRuns({});
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set namespace (annotation backstage.io/kubernetes-namespace) and kubernetes-id (annotation backstage.io/kubernetes-id) or label-selector (annotation backstage.io/kubernetes-label-selector).');
    const noNamespace = await mountRuns({ id: KUBERNETES_ID });
    await waitForState(noNamespace.element, 'not-configured');
    expect(noNamespace.text()).toContain('Set namespace (annotation backstage.io/kubernetes-namespace).');
    const noEndpoint = await mountRuns(undefined, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Tekton endpoint is configured');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('asks the Kubernetes API for the namespace’s PipelineRuns by kubernetes-id, with the token', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns();
    await waitForState(element, 'ready');
    const [list] = requests('/pipelineruns');
    const url = new URL(list?.url ?? '');
    expect(url.pathname).toBe(`${API}/pipelineruns`);
    expect(url.searchParams.get('labelSelector')).toBe('backstage.io/kubernetes-id=checkout');
    expect(list?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(requests().filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('label-selector wins over kubernetes-id', async () => {
    useHandlers(...tektonHandlers());
    const { element } = await mountRuns({ namespace: NAMESPACE, id: 'other', selector: 'tekton.dev/pipeline=checkout-ci' });
    await waitForState(element, 'ready');
    expect(new URL(requests('/pipelineruns')[0]?.url ?? '').searchParams.get('labelSelector')).toBe('tekton.dev/pipeline=checkout-ci');
    expect(shadow(element).querySelector('.title')?.textContent).toContain('tekton.dev/pipeline=checkout-ci');
  });

  it('uses the named instance for requests and links', async () => {
    const endpoints = { ...testEndpoints(), 'tekton:prod': { api: '/proxy/tekton-prod', ui: 'https://tekton-prod.example.com/dashboard' } };
    useHandlers(...tektonHandlers({ base: '/proxy/tekton-prod' }));
    const element = (await mountWidget<TektonRuns>(
      html`<tekton-runs namespace=${NAMESPACE} kubernetes-id=${KUBERNETES_ID} instance="prod" refresh-interval="0"></tekton-runs>`,
      fakeHost({ endpoints }),
    )).element;
    await waitForState(element, 'ready');
    expect(requests('/proxy/tekton-prod/apis/tekton.dev/v1/namespaces/team-checkout/pipelineruns')).toHaveLength(1);
    expect(requests('/proxy/tekton/')).toHaveLength(0);
    expect(row(element, 'checkout-ci-p4x7d').querySelector('a')?.href)
      .toBe('https://tekton-prod.example.com/dashboard#/namespaces/team-checkout/pipelineruns/checkout-ci-p4x7d');
  });

  it('an invalid label selector is a configuration problem, not a request', async () => {
    const { element, text } = await mountRuns({ namespace: NAMESPACE, selector: 'app=web&x=<script>' });
    await waitForState(element, 'not-configured');
    expect(text()).toContain('label-selector is not a valid label selector (annotation backstage.io/kubernetes-label-selector)');
    expect(requests()).toHaveLength(0);
  });

  it('hostile names stay inside the API base and render as text', async () => {
    const hostile = structuredClone(mixedRuns[0]);
    if (!hostile?.status) throw new Error('fixture changed');
    hostile.metadata.name = '<img src=x onerror=alert(1)>';
    hostile.metadata.namespace = '../../api';
    hostile.spec = { pipelineRef: { name: '<b>bold</b>' } };
    hostile.status.results = [{ name: 'X_SCAN_OUTPUT', value: '{"vulnerabilities":{"critical":"<i>9</i>"}}' }];
    useHandlers(http.get('/proxy/tekton/*', () => HttpResponse.json({ items: [hostile] })));
    const { element, text } = await mountRuns({ namespace: '../../api', id: KUBERNETES_ID });
    await waitForState(element, 'ready');
    expect(requests()[0]?.url).toContain('/proxy/tekton/apis/tekton.dev/v1/namespaces/..%2F..%2Fapi/pipelineruns');
    expect(shadow(element).querySelector('img, b, i')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
    expect(text()).toContain('<b>bold</b>');
    expect(cells(rows(element)[0] as HTMLTableRowElement)[0]).toContain('X: scan output unreadable');
    expect(shadow(element).querySelector('tbody a')?.getAttribute('href'))
      .toBe('https://tekton.example.com/#/namespaces/..%2F..%2Fapi/pipelineruns/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  });
});

describe('tekton-runs: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...tektonHandlers());
    const { element, text } = await mountRuns();
    await waitForState(element, 'ready');
    useHandlers(http.get(`${API}/pipelineruns`, () => new HttpResponse(null, { status: 503 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('checkout-ci-p4x7d');
    await expectAccessible(element);
    useHandlers(...tektonHandlers());
    shadow(element).querySelector<HTMLButtonElement>('.stale button')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).not.toContain('Stale');
  });

  it('emits pw-state and pw-error, never with the token', async () => {
    useHandlers(http.get(`${API}/pipelineruns`, () => new HttpResponse(null, { status: 403 })));
    const seen: unknown[] = [];
    const hostEvents: unknown[] = [];
    const { element } = await mountRuns(undefined, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen, SLOW_MACHINE).toContainEqual({ state: 'degraded', stale: false, reason: 'No access' });
    expect(hostEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

faultMatrix({
  widget: 'tekton-runs',
  mount: async (host) => (await mountRuns({ namespace: NAMESPACE, id: KUBERNETES_ID, interval: '30' }, host)).element,
  handlers: () => tektonHandlers(),
  url: `${API}/pipelineruns`,
  emptyBody: { apiVersion: 'tekton.dev/v1', kind: 'PipelineRunList', metadata: {}, items: [] },
  invalidBody: { items: [{ metadata: { name: 7 } }] },
  largeBody: () => atLeastBytes((count) => ({ kind: 'PipelineRunList', items: manyRuns(count) })),
  deepLink: RUNS_LINK,
});
