import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PlatformHost } from '../kit/index.js';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './kubecost-costs.js';
import type { KubecostCosts } from './kubecost-costs.component.js';
import { kubecostHandlers } from './fixtures/handlers.js';
import { WORKLOADS, allocationFor } from './fixtures/allocations.js';
import { atLeastBytes, times } from '../kit/testing/large.js';

const API = '/proxy/kubecost/model/allocation';
const UI = 'https://kubecost.example.com';

interface Attrs {
  namespace?: string;
  deployment?: string;
  label?: string;
  window?: string;
  aggregate?: string;
  flavor?: string;
  interval?: string;
}

async function mountCosts(attrs: Attrs = { namespace: 'payments' }, host: PlatformHost = fakeHost({ locale: 'en-US' })) {
  return mountWidget<KubecostCosts>(
    html`<kubecost-costs namespace=${attrs.namespace ?? ''} deployment=${attrs.deployment ?? ''} label=${attrs.label ?? ''}
      window=${attrs.window ?? ''} aggregate=${attrs.aggregate ?? ''} api-flavor=${attrs.flavor ?? ''}
      refresh-interval=${attrs.interval ?? '0'}></kubecost-costs>`,
    host,
  );
}

function query<T extends Element>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

function params(part = API): URLSearchParams[] {
  return requests(part).map((r) => new URL(r.url).searchParams);
}

function cells(row: Element): string {
  return [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()).join(' ');
}

function rowText(element: Element, label: string): string {
  const row = [...shadow(element).querySelectorAll('.split-table tr')].find((tr) => tr.querySelector('th')?.textContent?.trim() === label);
  return row ? cells(row) : '';
}

describe('kubecost-costs: a namespace', () => {
  it('shows the total, the split with shares, efficiency and the daily trend, from one request', async () => {
    useHandlers(...kubecostHandlers());
    const { element, text } = await mountCosts();
    await waitForState(element, 'ready');
    expect(query(element, '[part="total"]').textContent).toBe('$47.74');
    expect(text()).toContain('Total, last 7 days');
    expect(rowText(element, 'CPU')).toBe('CPU $23.45 49.1%');
    expect(rowText(element, 'RAM')).toBe('RAM $17.22 36.1%');
    expect(rowText(element, 'GPU')).toBe('GPU $0.00 0%');
    expect(rowText(element, 'Storage (PV)')).toBe('Storage (PV) $4.20 8.8%');
    expect(rowText(element, 'Network')).toBe('Network $0.77 1.6%');
    expect(rowText(element, 'Shared')).toBe('Shared $1.40 2.9%');
    expect(rowText(element, 'Other')).toBe('Other $0.70 1.5%');
    expect(rowText(element, 'Total')).toBe('Total $47.74 100%');
    expect(text()).toContain('56.2%');
    expect(text()).toContain('CPU 47.2% · RAM 68.5%');
    // Kubecost's __idle__ bucket is the cluster's, not the namespace's.
    expect(text()).not.toContain('__idle__');
    expect(text()).not.toContain('By namespace');

    const spark = query(element, 'svg[role="img"]');
    expect(spark.getAttribute('aria-label')).toBe('Daily cost over 7 days: lowest $6.14, highest $7.50, last day $6.82');
    expect(spark.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(7);
    const bar = query(element, '.split[role="img"]');
    expect(bar.getAttribute('aria-label')).toBe('Cost split: CPU 49.1%, RAM 36.1%, Storage (PV) 8.8%, Network 1.6%, Shared 2.9%, Other 1.5%');
    expect(bar.textContent).toContain('CPU 49.1%');
    expect(bar.querySelectorAll('.segment')).toHaveLength(6);

    const sent = requests();
    expect(sent).toHaveLength(1);
    const [p] = params();
    expect(Object.fromEntries(p ?? [])).toEqual({ window: '7d', aggregate: 'namespace', step: '1d', accumulate: 'false', filter: 'namespace:"payments"' });
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    await expectAccessible(element);
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts(undefined, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('deep-links to the allocation report with the same window, aggregation and filter', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts();
    await waitForState(element, 'ready');
    const link = query<HTMLAnchorElement>(element, '.toolbar a');
    expect(link.href).toBe(`${UI}/allocations?window=7d&agg=namespace&filter=namespace%3A%22payments%22`);
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(API, async () => {
      await delay(300);
      return undefined;
    }), ...kubecostHandlers());
    const { element } = await mountCosts();
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Kubecost data');
    expect(shadow(element).querySelectorAll('.skeleton')).toHaveLength(9);
    await waitForState(element, 'ready');
  });
});

describe('kubecost-costs: currency and locale from the host', () => {
  it('formats money in the host currency and locale (no hard-coded €)', async () => {
    useHandlers(...kubecostHandlers());
    const euro = await mountCosts(undefined, fakeHost({ currency: 'EUR', locale: 'de-DE' }));
    await waitForState(euro.element, 'ready');
    expect(query(euro.element, '[part="total"]').textContent?.replace(/\s/g, ' ')).toBe('47,74 €');
    expect(euro.text()).toContain('49,1');
    euro.element.remove();

    const yen = await mountCosts(undefined, fakeHost({ currency: 'jpy', locale: 'en-US' }));
    await waitForState(yen.element, 'ready');
    expect(query(yen.element, '[part="total"]').textContent).toBe('¥48');
  });

  it('defaults to USD and never relabels money when the configured code is unusable', async () => {
    useHandlers(...kubecostHandlers());
    const plain = await mountCosts(undefined, fakeHost({ locale: 'en-US' }));
    await waitForState(plain.element, 'ready');
    expect(plain.text()).toContain('$47.74');
    expect(plain.text()).not.toContain('€');
    plain.element.remove();

    const broken = await mountCosts(undefined, fakeHost({ currency: 'euro', locale: 'en-US' }));
    await waitForState(broken.element, 'ready');
    expect(query(broken.element, '[part="total"]').textContent?.replace(/\s+/g, ' ')).toBe('47.74 (currency unknown)');
    expect(broken.text()).not.toContain('$');
  });
});

describe('kubecost-costs: window selector', () => {
  it('switches the window from the keyboard, keeps the figures and focus while it loads, then updates query and link', async () => {
    useHandlers(...kubecostHandlers({ latencyMs: 150 }));
    const { element, text } = await mountCosts();
    await waitForState(element, 'ready');
    const radios = [...shadow(element).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).toEqual(['1d', '7d', '30d']);
    expect(radios.find((r) => r.checked)?.value).toBe('7d');
    expect(query(element, 'fieldset legend').textContent).toBe('Window');

    radios[1]?.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => text()).toContain('Loading 30 days…');
    expect(query(element, '[part="total"]').textContent).toBe('$47.74');
    expect(element.shadowRoot?.activeElement).toBe(radios[2]);
    await expect.poll(() => query(element, '[part="total"]').textContent).toBe('$203.92');
    expect(text()).toContain('Total, last 30 days');
    expect(text()).not.toContain('Loading 30 days');
    expect(params().map((p) => p.get('window'))).toEqual(['7d', '30d']);
    expect(query<HTMLAnchorElement>(element, '.toolbar a').href).toContain('window=30d');
    expect(query(element, 'svg[role="img"]').getAttribute('aria-label')).toContain('over 30 days');
    expect(element.shadowRoot?.activeElement).toBe(shadow(element).querySelector('input[value="30d"]'));
    await expectAccessible(element);
  });

  it('starts from the window attribute, and offers a configured window that is not one of the three', async () => {
    useHandlers(...kubecostHandlers());
    const thirty = await mountCosts({ namespace: 'payments', window: '30d' });
    await waitForState(thirty.element, 'ready');
    expect(params()[0]?.get('window')).toBe('30d');
    expect(query<HTMLInputElement>(thirty.element, 'input[value="30d"]').checked).toBe(true);
    thirty.element.remove();

    const fortnight = await mountCosts({ namespace: 'payments', window: '14d' });
    await waitForState(fortnight.element, 'ready');
    expect(query<HTMLInputElement>(fortnight.element, 'input[value="14d"]').checked).toBe(true);
    expect(fortnight.text()).toContain('14 days');
  });

  it('a one-day window shows no trend line', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts({ namespace: 'payments', window: '1d' });
    await waitForState(element, 'ready');
    expect(query(element, '[part="total"]').textContent).toBe('$6.82');
    expect(shadow(element).querySelector('svg')).toBeNull();
  });

  it('a window whose load fails degrades with a link to that window', async () => {
    useHandlers(...kubecostHandlers());
    const { element, text } = await mountCosts();
    await waitForState(element, 'ready');
    useHandlers(http.get(API, () => new HttpResponse(null, { status: 503 })));
    query<HTMLInputElement>(element, 'input[value="1d"]').click();
    await waitForState(element, 'degraded');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    const link = shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a');
    expect(link?.href).toContain('window=1d');
  });
});

describe('kubecost-costs: scope and aggregation', () => {
  it('aggregates by controller and lists the controllers, most expensive first', async () => {
    useHandlers(...kubecostHandlers());
    const { element, text } = await mountCosts({ namespace: 'payments', aggregate: 'controller' });
    await waitForState(element, 'ready');
    expect(params()[0]?.get('aggregate')).toBe('controller');
    expect(text()).toContain('By controller');
    const rows = [...shadow(element).querySelectorAll('[aria-labelledby="names-title"] tbody tr')].map(cells);
    expect(rows).toEqual(['deployment:payments-api $22.47', 'statefulset:payments-db $17.43', 'deployment:payments-worker $7.84']);
    expect(query<HTMLAnchorElement>(element, '.toolbar a').href).toContain('agg=controller');
  });

  it('a deployment (kubecost.com/deployment-name) filters by controller', async () => {
    useHandlers(...kubecostHandlers());
    const { element, text } = await mountCosts({ deployment: 'payments-api' });
    await waitForState(element, 'ready');
    expect(params()[0]?.get('filter')).toBe('controllerKind:"deployment"+controllerName:"payments-api"');
    expect(query(element, '[part="total"]').textContent).toBe('$22.47');
    expect(text()).toContain('Kubecost · payments-api');
  });

  it('adds a label filter with the key as Kubecost stores it', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts({ namespace: 'payments', label: 'app.kubernetes.io/part-of=payments' });
    await waitForState(element, 'ready');
    expect(params()[0]?.get('filter')).toBe('namespace:"payments"+label[app_kubernetes_io_part_of]:"payments"');
  });

  it('api-flavor="opencost" asks OpenCost\'s /allocation/compute and links to its UI', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts({ namespace: 'payments', flavor: 'opencost' }, fakeHost({ locale: 'en-US', currency: 'EUR' }));
    await waitForState(element, 'ready');
    expect(requests(API)).toHaveLength(0);
    const [p] = params('/proxy/kubecost/allocation/compute');
    expect(p?.get('window')).toBe('7d');
    expect(p?.get('accumulate')).toBe('false');
    expect(query<HTMLAnchorElement>(element, '.toolbar a').href)
      .toBe(`${UI}/allocation?window=7d&agg=namespace&filter=namespace%3A%22payments%22&currency=EUR`);
  });
});

describe('kubecost-costs: awkward data', () => {
  it('tolerates days without data, "NaN" strings, nulls and missing totals', async () => {
    useHandlers(...kubecostHandlers({ scenario: 'sparse' }));
    const { element, text } = await mountCosts();
    await waitForState(element, 'ready');
    expect(query(element, '[part="total"]').textContent).toBe('$9.75');
    expect(rowText(element, 'CPU')).toBe('CPU $6.00 61.5%');
    expect(rowText(element, 'Network')).toBe('Network $1.25 12.8%');
    expect(text()).toContain('CPU – · RAM –');
    expect(text()).not.toContain('NaN');
    expect(query(element, 'svg[role="img"]').getAttribute('aria-label')).toContain('lowest $0.00');
  });

  it('data: [{}] is the empty state, with the window selector and the deep link', async () => {
    useHandlers(...kubecostHandlers({ scenario: 'empty' }));
    const { element, text } = await mountCosts();
    await waitForState(element, 'empty');
    expect(text()).toContain('Kubecost has no cost recorded for namespace payments in the last 7 days.');
    expect(query<HTMLAnchorElement>(element, '.toolbar a').href).toContain('/allocations?window=7d');
    expect(shadow(element).querySelectorAll('input[type="radio"]')).toHaveLength(3);
    await expectAccessible(element);
  });

  it('a namespace Kubecost has never seen is the empty state', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts({ namespace: 'nobody-here' });
    await waitForState(element, 'empty');
  });

  it('a body whose code is not 200 is an unexpected response, even over HTTP 200', async () => {
    useHandlers(...kubecostHandlers({ scenario: 'error-body' }));
    const { element, text } = await mountCosts();
    await waitForState(element, 'degraded');
    expect(text()).toContain('Unexpected response (at code)');
    const link = shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a');
    expect(link?.href).toBe(`${UI}/allocations?window=7d&agg=namespace&filter=namespace%3A%22payments%22`);
  });

  it('hostile allocation names render as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    useHandlers(http.get(API, () => HttpResponse.json({
      code: 200,
      data: [{ [evil]: { totalCost: 2, cpuCost: 2 }, '<b>bold</b>': { totalCost: 1, ramCost: 1 } }],
    })));
    const { element, text } = await mountCosts({ namespace: 'payments', aggregate: 'controller' });
    await waitForState(element, 'ready');
    expect(shadow(element).querySelector('img, b')).toBeNull();
    expect(text()).toContain(evil);
    expect(text()).toContain('<b>bold</b>');
  });
});

describe('kubecost-costs: configuration', () => {
  it('names the missing attribute and the annotations it maps to, and sends nothing', async () => {
    const { element, text } = await mountCosts({});
    await waitForState(element, 'not-configured');
    expect(text()).toContain('Set namespace (annotation backstage.io/kubernetes-namespace) or deployment (annotation kubecost.com/deployment-name).');
    expect(requests()).toHaveLength(0);
    await expectAccessible(element);
  });

  it('rejects values that are not Kubernetes names or Kubecost options, as text, before any request', async () => {
    const cases: Array<[Attrs, string]> = [
      [{ namespace: 'payments"+namespace:"kube-system' }, 'is not a Kubernetes namespace name'],
      [{ deployment: '<img src=x>' }, 'is not a Kubernetes object name'],
      [{ namespace: 'payments', label: 'team' }, 'label must be key=value'],
      [{ namespace: 'payments', window: '7 days' }, 'is not a Kubecost window'],
      [{ namespace: 'payments', aggregate: 'pod' }, 'aggregate must be namespace or controller'],
      [{ namespace: 'payments', flavor: 'cloudability' }, 'api-flavor must be kubecost or opencost'],
    ];
    for (const [attrs, message] of cases) {
      const { element, text } = await mountCosts(attrs);
      await waitForState(element, 'not-configured');
      expect(text()).toContain(message);
      expect(shadow(element).querySelector('img')).toBeNull();
      element.remove();
    }
    expect(requests()).toHaveLength(0);
  });

  it('without a Kubecost endpoint it says which one is missing', async () => {
    const { element, text } = await mountCosts(undefined, fakeHost({ endpoints: {} }));
    await waitForState(element, 'not-configured');
    expect(text()).toContain('No Kubecost endpoint is configured (endpoints["kubecost"])');
  });

  it('polls every five minutes unless refresh-interval says otherwise', async () => {
    useHandlers(...kubecostHandlers());
    const element = (await mountWidget<KubecostCosts>(html`<kubecost-costs namespace="payments"></kubecost-costs>`, fakeHost())).element;
    await waitForState(element, 'ready');
    expect(element.refreshInterval).toBe(300);
    expect(element.nextRefreshIn).toBeGreaterThan(290_000);
    expect(element.nextRefreshIn).toBeLessThanOrEqual(300_000);
  });
});

describe('kubecost-costs: refresh', () => {
  it('keeps stale figures visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...kubecostHandlers());
    const { element, text } = await mountCosts();
    await waitForState(element, 'ready');
    useHandlers(http.get(API, () => new HttpResponse(null, { status: 503 })));
    query<HTMLButtonElement>(element, 'button.refresh').click();
    await expect.poll(() => text()).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(query(element, '[part="total"]').textContent).toBe('$47.74');
    await expectAccessible(element);
    useHandlers(...kubecostHandlers());
    query<HTMLButtonElement>(element, '.stale button').click();
    await expect.poll(() => text()).not.toContain('Stale');
  });
});

faultMatrix({
  widget: 'kubecost-costs',
  mount: async (host) => (await mountCosts({ namespace: 'payments', interval: '30' }, host)).element,
  handlers: () => kubecostHandlers(),
  url: API,
  emptyBody: { code: 200, data: [{}] },
  invalidBody: { code: 200, data: 'not a list' },
  largeBody: () => atLeastBytes((count) => ({ code: 200, data: [Object.fromEntries(times(count, (i) => [`ns-${i}`, { ...allocationFor(WORKLOADS[0] ?? WORKLOADS[1]!, `ns-${i}`, 1, { start: '2024-05-01T00:00:00Z', end: '2024-05-02T00:00:00Z' }), name: `ns-${i}` }]))] })),
  deepLink: `${UI}/allocations?window=7d&agg=namespace&filter=namespace%3A%22payments%22`,
});

describe('kubecost-costs: window attribute changes', () => {
  it('a new window from the page replaces the reader\'s pick', async () => {
    useHandlers(...kubecostHandlers());
    const { element } = await mountCosts();
    await waitForState(element, 'ready');
    query<HTMLInputElement>(element, 'input[value="1d"]').click();
    await expect.poll(() => query(element, '[part="total"]').textContent).toBe('$6.82');
    element.setAttribute('window', '30d');
    await expect.poll(() => query(element, '[part="total"]').textContent).toBe('$203.92');
    expect(query<HTMLInputElement>(element, 'input[value="30d"]').checked).toBe(true);
    expect(params().map((p) => p.get('window'))).toEqual(['7d', '1d', '30d']);
  });
});
