import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import type { PlatformHost } from '../kit/index.js';
import './temporal-workflows.js';
import type { TemporalWorkflows } from './temporal-workflows.component.js';
import { temporalHandlers } from './fixtures/handlers.js';
import { manyWorkflows } from './fixtures/workflows.js';
import { atLeastBytes } from '../kit/testing/large.js';

const API = '/proxy/temporal/api/v1/namespaces/payments';
const UI = 'https://temporal.example.com';

interface Attrs {
  namespace?: string;
  type?: string;
  queue?: string;
  query?: string;
  interval?: string;
}

async function mountTemporal(attrs: Attrs = { namespace: 'payments' }, host: PlatformHost = fakeHost()) {
  return mountWidget<TemporalWorkflows>(
    html`<temporal-workflows
      namespace=${attrs.namespace ?? ''}
      workflow-type=${attrs.type ?? ''}
      task-queue=${attrs.queue ?? ''}
      query=${attrs.query ?? ''}
      refresh-interval=${attrs.interval ?? '0'}
    ></temporal-workflows>`,
    host,
  );
}

function rows(element: Element, section: 'running' | 'failed'): HTMLTableRowElement[] {
  return [...shadow(element).querySelectorAll<HTMLTableRowElement>(`[aria-label^="${section}" i] tbody tr`)];
}

function links(element: Element): string[] {
  return [...shadow(element).querySelectorAll('a')].map((a) => a.href);
}

function queryOf(url: string | undefined): string | null {
  return new URL(url ?? '', location.href).searchParams.get('query');
}

describe('temporal-workflows: ready', () => {
  it('shows the namespace state, counts per status, running and failed workflows with links', async () => {
    useHandlers(...temporalHandlers());
    const { element, text } = await mountTemporal();
    await waitForState(element, 'ready');
    const shown = text();
    for (const expected of [
      'Namespace Registered',
      '3 Running',
      '1 Failed',
      '1 Timed out',
      '1,842 Completed',
      '12 Continued as new',
      '1,863 in total',
      'Card payments and refunds',
      '7 days',
      'payments-team@example.com',
    ]) {
      expect(shown).toContain(expected);
    }
    expect(shown).not.toContain('Terminated');

    const running = rows(element, 'running');
    expect(running).toHaveLength(3);
    expect(running[0]?.textContent).toContain('charge-order-81723');
    expect(running[0]?.textContent).toContain('ChargeCard');
    expect(running[0]?.textContent).toContain('payments-main');
    expect(running[0]?.querySelector('a')?.href).toMatch(
      /^https:\/\/temporal\.example\.com\/namespaces\/payments\/workflows\/charge-order-81723\/0190f3a2-[^/]+\/history$/,
    );

    const failed = rows(element, 'failed');
    expect(failed.map((row) => row.querySelector('td')?.textContent)).toEqual([
      expect.stringContaining('charge-order-81719'),
      expect.stringContaining('payout-merchant-4410'),
    ]);
    expect(failed[1]?.textContent).toContain('Timed out');
    expect(failed[1]?.textContent).toContain('after 1h 0m');
    expect(links(element)).toContain(`${UI}/namespaces/payments/workflows`);
    await expectAccessible(element);
  });

  it('status is text and icon, never colour alone', async () => {
    useHandlers(...temporalHandlers());
    const { element } = await mountTemporal();
    await waitForState(element, 'ready');
    const pills = [...shadow(element).querySelectorAll('[part="counts"] .pill')];
    expect(pills.length).toBeGreaterThan(4);
    for (const pill of pills) {
      expect(pill.querySelector('.icon')?.textContent?.trim()).not.toBe('');
      expect(pill.textContent).toMatch(/\d+\+? [A-Z]/);
    }
    const failedPill = pills.find((pill) => pill.textContent?.includes('Failed'));
    expect(failedPill?.querySelector('.icon')?.textContent).toBe('✕');
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...temporalHandlers({ scenario: 'many' }));
    const { element } = await mountTemporal(undefined, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('sends the filters as one escaped visibility query, with the token, to the Temporal base only', async () => {
    useHandlers(...temporalHandlers());
    const { element } = await mountTemporal({
      namespace: 'payments',
      type: 'Charge"Card\\v2',
      queue: 'payments-main',
      query: 'CustomerTier="gold" OR Region="eu"',
    });
    await waitForState(element, 'ready');
    const base = 'WorkflowType="Charge\\"Card\\\\v2" AND TaskQueue="payments-main" AND (CustomerTier="gold" OR Region="eu")';
    const lists = requests(`${API}/workflows?`);
    expect(lists.map((r) => queryOf(r.url)).sort()).toEqual([
      `${base} AND (ExecutionStatus="Failed" OR ExecutionStatus="TimedOut")`,
      `${base} AND ExecutionStatus="Running"`,
    ]);
    expect(lists.every((r) => new URL(r.url).searchParams.get('pageSize') === '10')).toBe(true);
    expect(queryOf(requests(`${API}/workflow-count?`)[0]?.url)).toBe(`${base} GROUP BY ExecutionStatus`);
    expect(requests(API)).toHaveLength(4);
    for (const request of requests()) {
      expect(request.url.startsWith(`${location.origin}/proxy/temporal/`)).toBe(true);
      expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    }
    expect(queryOf(links(element).find((href) => href.includes('query=') && !href.includes('ExecutionStatus')))).toBe(base);
    const allRunning = links(element).find((href) => href.includes('ExecutionStatus%3D%22Running'));
    expect(queryOf(allRunning)).toBe(`${base} AND ExecutionStatus="Running"`);
  });

  it('without filters sends bare status queries and links the unfiltered namespace', async () => {
    useHandlers(...temporalHandlers());
    const { element } = await mountTemporal();
    await waitForState(element, 'ready');
    expect(requests(`${API}/workflows?`).map((r) => queryOf(r.url))).toContain('ExecutionStatus="Running"');
    expect(queryOf(requests('/workflow-count')[0]?.url)).toBe('GROUP BY ExecutionStatus');
    expect(links(element).some((href) => href.includes('These'))).toBe(false);
    expect(visibleText(element)).not.toContain('These workflows in Temporal');
  });

  it('more than a page: latest of the total, with a link to all of them', async () => {
    useHandlers(...temporalHandlers({ scenario: 'many' }));
    const { element, text } = await mountTemporal();
    await waitForState(element, 'ready');
    expect(rows(element, 'running')).toHaveLength(10);
    expect(text()).toContain('latest 10 of 57');
    expect(text()).toContain('latest 10 of 23');
    expect(text()).toContain('98,311 Completed');
  });

  it('reads group values in the HTTP API shorthand too', async () => {
    useHandlers(...temporalHandlers({ scenario: 'counts-shorthand' }));
    const { element, text } = await mountTemporal();
    await waitForState(element, 'ready');
    expect(text()).toContain('1,842 Completed');
    expect(text()).toContain('3 Running');
  });

  it('a count endpoint that fails gives counts of the listed page, said so', async () => {
    useHandlers(...temporalHandlers({ scenario: 'counts-unsupported' }));
    const { element, text } = await mountTemporal();
    await waitForState(element, 'ready');
    expect(text()).toContain('3 Running');
    expect(text()).toContain('1 Timed out');
    expect(text()).toContain('Counts are of the listed page only; the server count failed: Request rejected by the tool (HTTP 400).');
    expect(text()).not.toContain('Completed');
    expect(shadow(element).querySelector('[part="counts"]')?.getAttribute('aria-label')).toBe('Workflows by status, of the listed page');
  });

  it('page counts of a list with more pages say "+"', async () => {
    useHandlers(http.get(`${API}/workflow-count`, () => new HttpResponse(null, { status: 503 })), ...temporalHandlers({ scenario: 'many' }));
    const { element, text } = await mountTemporal();
    await waitForState(element, 'ready');
    expect(text()).toContain('10+ Running');
    expect(text()).toContain('10+ Failed');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
  });

  it('a deprecated namespace is shown as a warning', async () => {
    useHandlers(...temporalHandlers({ scenario: 'deprecated' }));
    const { element } = await mountTemporal();
    await waitForState(element, 'ready');
    const pill = shadow(element).querySelector('.head .pill');
    expect(pill?.textContent).toContain('Namespace Deprecated');
    expect(pill?.classList.contains('tone-warn')).toBe(true);
  });

  it('rows the server sent under the wrong status are not mislabelled', async () => {
    useHandlers(
      http.get(`${API}/workflows`, () => HttpResponse.json({
        executions: [
          { execution: { workflowId: 'done-1', runId: 'r1' }, status: 'WORKFLOW_EXECUTION_STATUS_COMPLETED', startTime: new Date().toISOString() },
          { execution: { workflowId: 'live-1', runId: 'r2' }, status: 1, startTime: new Date().toISOString() },
        ],
      })),
      ...temporalHandlers(),
    );
    const { element } = await mountTemporal();
    await waitForState(element, 'ready');
    expect(rows(element, 'running').map((r) => r.querySelector('td a')?.textContent)).toEqual(['live-1']);
    expect(visibleText(element)).not.toContain('done-1');
  });
});

describe('temporal-workflows: other states', () => {
  it('names the missing attribute and its annotation, and sends nothing', async () => {
    const none = await mountTemporal({});
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set namespace (annotation platform-widgets.io/temporal-namespace).');
    const noEndpoint = await mountTemporal({ namespace: 'payments' }, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Temporal endpoint is configured');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(API, async () => {
      await delay(300);
      return undefined;
    }), ...temporalHandlers());
    const { element } = await mountTemporal();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Temporal data');
    expect(shadow(element).querySelectorAll('.skeleton')).toHaveLength(8);
    await waitForState(element, 'ready');
  });

  it('nothing running or failed is the empty state, with counts and the filtered link', async () => {
    useHandlers(...temporalHandlers({ scenario: 'quiet' }));
    const { element, text } = await mountTemporal({ namespace: 'payments', type: 'ChargeCard' });
    await waitForState(element, 'empty');
    expect(text()).toContain('No running or failed workflows match WorkflowType="ChargeCard"');
    expect(text()).toContain('310 Completed');
    expect(text()).toContain('2 Terminated');
    expect(links(element)).toContain(`${UI}/namespaces/payments/workflows?query=WorkflowType%3D%22ChargeCard%22`);
    await expectAccessible(element);
  });

  it('a namespace that does not exist degrades to the namespace link with the reason', async () => {
    useHandlers(...temporalHandlers({ scenario: 'namespace-missing' }));
    const { element, text } = await mountTemporal();
    await waitForState(element, 'degraded');
    expect(text()).toContain('Not found: check the annotation');
    const link = shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a');
    expect(link?.href).toBe(`${UI}/namespaces/payments/workflows`);
  });

  it('the namespace request failing degrades too, whatever the lists say', async () => {
    for (const [status, reason] of [[401, 'Sign-in needed'], [403, 'No access'], [500, 'Tool unavailable (HTTP 500)']] as const) {
      useHandlers(http.get(API, () => new HttpResponse(null, { status })), ...temporalHandlers());
      const { element, text } = await mountTemporal({ namespace: 'payments', type: 'ChargeCard' });
      await waitForState(element, 'degraded');
      expect(text()).toContain(reason);
      const link = shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a');
      expect(link?.href).toBe(`${UI}/namespaces/payments/workflows?query=WorkflowType%3D%22ChargeCard%22`);
      element.remove();
    }
  });

  it('keeps stale data visible and marked when a refresh fails', async () => {
    useHandlers(...temporalHandlers());
    const { element, text } = await mountTemporal();
    await waitForState(element, 'ready');
    useHandlers(http.get(API, () => new HttpResponse(null, { status: 502 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => text()).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 502)');
    expect(text()).toContain('charge-order-81723');
    await expectAccessible(element);
  });

  it('hostile values stay inside the API base and render as text', async () => {
    useHandlers(http.get('/proxy/temporal/*', ({ request }) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/workflows')) {
        return HttpResponse.json({
          executions: [{
            execution: { workflowId: '<img src=x onerror=alert(1)>', runId: '../../settings' },
            type: { name: '<b>bold</b>' },
            status: 'Running',
            taskQueue: 'javascript:alert(1)',
          }],
        });
      }
      if (path.endsWith('/workflow-count')) return HttpResponse.json({ count: '1', groups: [] });
      return HttpResponse.json({ namespaceInfo: { name: '<script>x</script>', state: '<i>Registered</i>', description: '<a href="javascript:alert(1)">x</a>' } });
    }));
    const { element, text } = await mountTemporal({ namespace: '../../admin' });
    await waitForState(element, 'ready');
    expect(requests()[0]?.url).toContain('/proxy/temporal/api/v1/namespaces/..%2F..%2Fadmin');
    expect(shadow(element).querySelector('img, b, i, script')).toBeNull();
    expect(text()).toContain('<b>bold</b>');
    expect(text()).toContain('<img src=x onerror=alert(1)>');
    for (const href of links(element)) expect(href.startsWith(`${UI}/namespaces/..%2F..%2Fadmin/`)).toBe(true);
    expect(links(element)).toContain(`${UI}/namespaces/..%2F..%2Fadmin/workflows/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/..%2F..%2Fsettings/history`);
  });

  it('uses the named instance for requests and links', async () => {
    const endpoints = { ...testEndpoints(), 'temporal:cloud': { api: '/proxy/temporal-cloud', ui: 'https://cloud.temporal.example.com' } };
    useHandlers(...temporalHandlers({ base: '/proxy/temporal-cloud' }));
    const element = (await mountWidget<TemporalWorkflows>(
      html`<temporal-workflows namespace="payments" instance="cloud" refresh-interval="0"></temporal-workflows>`,
      fakeHost({ endpoints }),
    )).element;
    await waitForState(element, 'ready');
    expect(requests('/proxy/temporal-cloud/api/v1/namespaces/payments')).toHaveLength(4);
    expect(requests('/proxy/temporal/')).toHaveLength(0);
    expect(links(element)).toContain('https://cloud.temporal.example.com/namespaces/payments/workflows');
  });
});

faultMatrix({
  widget: 'temporal-workflows (workflow list)',
  mount: async (host) => (await mountTemporal({ namespace: 'payments', interval: '30' }, host)).element,
  handlers: () => temporalHandlers(),
  url: `${API}/workflows`,
  emptyBody: {},
  // gRPC-gateway JSON omits an empty `executions`: `{}` is a real empty answer.
  overrides: { 'schema-wrong-object': { state: 'empty' } },
  invalidBody: { executions: [{ execution: { workflowId: 42 } }] },
  largeBody: () => atLeastBytes((count) => ({ executions: manyWorkflows(count, 'WORKFLOW_EXECUTION_STATUS_RUNNING') })),
  deepLink: `${UI}/namespaces/payments/workflows`,
});
