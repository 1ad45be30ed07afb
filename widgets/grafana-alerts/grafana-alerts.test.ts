import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './grafana-alerts.js';
import type { GrafanaAlerts } from './grafana-alerts.component.js';
import { grafanaAlertsHandlers } from './fixtures/handlers.js';
import { LABEL_SELECTOR, errorRateAlert } from './fixtures/alerts.js';
import { manyAlerts } from './fixtures/alerts.js';
import { atLeastBytes } from '../kit/testing/large.js';

const AM = '/proxy/grafana/api/alertmanager/grafana/api/v2';
const RULES = '/proxy/grafana/api/prometheus/grafana/api/v1/rules';
const UI = 'https://grafana.example.com';
const LIST_LINK = `${UI}/alerting/list?search=label%3Ateam%3Dpayments`;
const SLOW_MACHINE = { timeout: 5_000 } as const;

async function mountAlerts(selector: string | undefined = LABEL_SELECTOR, host = fakeHost(), interval = '0') {
  return mountWidget<GrafanaAlerts>(
    html`<grafana-alerts label-selector=${selector ?? ''} refresh-interval=${interval}></grafana-alerts>`,
    host,
  );
}

function alertItems(element: Element): HTMLLIElement[] {
  return [...shadow(element).querySelectorAll<HTMLLIElement>('li.alert')];
}

function alertItem(element: Element, name: string, index = 0): HTMLLIElement {
  const found = alertItems(element).filter((item) => item.dataset.alert === name)[index];
  if (!found) throw new Error(`alert ${name} not found`);
  return found;
}

function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function link(item: Element, text: string): HTMLAnchorElement | undefined {
  return [...item.querySelectorAll('a')].find((a) => textOf(a).startsWith(text));
}

describe('grafana-alerts: firing and silenced alerts', () => {
  it('lists firing alerts first (most severe, longest firing), then inhibited, then silenced', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(alertItems(element).map((item) => item.dataset.alert)).toEqual([
      'PaymentsApiHighErrorRate',
      'PaymentsApiHighErrorRate',
      'PaymentsDbConnectionsHigh',
      'PaymentsLatencyHigh',
      'PaymentsQueueBacklog',
    ]);
    const head = textOf(shadow(element).querySelector('.head'));
    expect(head).toContain('3 firing');
    expect(head).toContain('1 silenced');
    expect(head).toContain('1 inhibited');
    await expectAccessible(element);
  });

  it('shows name, severity, summary, description, since when and the labels that tell instances apart', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    const first = alertItem(element, 'PaymentsApiHighErrorRate');
    const shown = textOf(first);
    expect(shown).toContain('✕Firing');
    expect(shown).toContain('critical');
    expect(shown).toContain('5xx error rate above 5% on payments-api');
    expect(shown).toContain('7.3% of requests to payments-api failed');
    expect(shown).toMatch(/since 25 min\. ago|since 25 minutes ago/);
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe(new Date(errorRateAlert.startsAt ?? '').toISOString());
    expect(shown).toContain('pod=payments-api-7d9f8-x2kq4');
    expect(shown).not.toContain('team=payments');
    expect(shown).not.toContain('__alert_rule_uid__');
    expect(shown).not.toContain('grafana_folder');
    expect(textOf(alertItem(element, 'PaymentsApiHighErrorRate', 1))).toContain('pod=payments-api-7d9f8-m8zt1');
  });

  it('links the rule, the runbook (http only, else text) and a silence pre-filled with the alert’s labels', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    const first = alertItem(element, 'PaymentsApiHighErrorRate');
    expect(link(first, 'Alert rule')?.href).toBe(`${UI}/alerting/grafana/pay-5xx-rate/view`);
    expect(link(first, 'Runbook')?.href).toBe('https://runbooks.example.com/payments/high-error-rate');
    const silence = new URL(link(first, 'Silence')?.href ?? '');
    expect(silence.origin + silence.pathname).toBe(`${UI}/alerting/silence/new`);
    expect(silence.searchParams.get('alertmanager')).toBe('grafana');
    expect(silence.searchParams.getAll('matcher')).toEqual([
      'team=payments',
      'service=payments-api',
      'grafana_folder=Payments',
      'alertname=PaymentsApiHighErrorRate',
      'severity=critical',
      'pod=payments-api-7d9f8-x2kq4',
    ]);
    expect(silence.search).toContain('matcher=alertname%3DPaymentsApiHighErrorRate');
    const db = alertItem(element, 'PaymentsDbConnectionsHigh');
    expect(link(db, 'Runbook')).toBeUndefined();
    expect(textOf(db)).toContain('Runbook: wiki: Payments / Database connections');
    for (const anchor of shadow(element).querySelectorAll('a')) {
      expect(anchor.rel).toBe('noopener noreferrer');
      expect(anchor.target).toBe('_blank');
    }
  });

  it('shows a silenced alert as silenced, by whom and until when, with a link to its silence', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    const queue = alertItem(element, 'PaymentsQueueBacklog');
    const shown = textOf(queue);
    expect(shown).toContain('Silenced');
    expect(shown).toContain('Silenced by alice@example.com, ends in 3 hr. — Settlement batch import runs until 18:00');
    expect(shown).toContain('Settlement batch import runs until 18:00');
    expect(link(queue, 'Silence ')).toBeUndefined();
    expect(link(queue, 'Manage silence')?.href).toBe(`${UI}/alerting/silences?alertmanager=grafana&silenceIds=4c1d6a0e-7b2f-4e8a-9d35-1f0c8b2e6a77`);
    expect(textOf(alertItem(element, 'PaymentsLatencyHigh'))).toContain('Inhibited');
  });

  it('lists the rules carrying the labels with their state; another team’s rule stays out', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    const rules = shadow(element).querySelector('[part="rules"]');
    const items = [...(rules?.querySelectorAll('li') ?? [])];
    expect(items.map((item) => item.dataset.rule)).toEqual([
      'PaymentsApiHighErrorRate',
      'PaymentsDbConnectionsHigh',
      'PaymentsLatencyHigh',
      'PaymentsQueueBacklog',
      'PaymentsCertificateExpiry',
      'PaymentsLedgerLag',
    ]);
    expect(textOf(items[4])).toContain('Pending');
    expect(textOf(items[5])).toContain('Error');
    expect(items[5]?.querySelector('.pill')?.getAttribute('title')).toBe('datasource prometheus not found');
    expect(items[0]?.querySelector('a')?.href).toBe(`${UI}/alerting/grafana/pay-5xx-rate/view`);
    expect(textOf(items[0])).toContain('2 instances firing');
    expect(textOf(items[1])).not.toContain('instances');
  });

  it('no firing alert is a good state: the empty notice, the rules and the alert list link', async () => {
    useHandlers(...grafanaAlertsHandlers({ scenario: 'quiet' }));
    const { element, text } = await mountAlerts();
    await waitForState(element, 'empty');
    expect(text()).toContain('No firing alerts');
    expect(textOf(shadow(element).querySelector('[part="empty"]'))).toBe('No firing alerts: nothing fires or is silenced for team=payments.');
    expect(shadow(element).querySelectorAll('[part="rules"] li')).toHaveLength(2);
    expect(text()).toContain('Normal');
    expect(shadow(element).querySelector<HTMLAnchorElement>('.foot a')?.href).toBe(LIST_LINK);
    expect(requests('/silences')).toHaveLength(0);
    await expectAccessible(element);
  });

  it('only silenced alerts is still the ready state, showing them silenced', async () => {
    useHandlers(...grafanaAlertsHandlers({ scenario: 'silenced' }));
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(alertItems(element)).toHaveLength(1);
    expect(textOf(shadow(element).querySelector('.head'))).toContain('None firing');
    expect(textOf(shadow(element).querySelector('.head'))).toContain('1 silenced');
  });

  it('reads the grouped shape too, one entry per alert', async () => {
    useHandlers(...grafanaAlertsHandlers({ scenario: 'grouped' }));
    const { element } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(alertItems(element)).toHaveLength(5);
  });

  it('is accessible in the dark theme too, with 30 alerts', async () => {
    useHandlers(...grafanaAlertsHandlers({ scenario: 'many' }));
    const { element } = await mountAlerts(undefined, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    expect(alertItems(element)).toHaveLength(30);
    await expectAccessible(element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(`${AM}/alerts`, async () => {
      await delay(1_500);
      return undefined;
    }), ...grafanaAlertsHandlers());
    const { element } = await mountAlerts(undefined, fakeHost({ timeoutMs: 5_000 }));
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Grafana data');
    await expectAccessible(element);
    await waitForState(element, 'ready');
  });
});

describe('grafana-alerts: sections that fail alone', () => {
  it('rules that cannot be read leave the alerts, with a note and the reason', async () => {
    useHandlers(...grafanaAlertsHandlers({ scenario: 'rules-unavailable' }));
    const { element, text } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(alertItems(element)).toHaveLength(5);
    expect(text()).toContain('Alert rules unavailable: No access');
    expect(link(alertItem(element, 'PaymentsApiHighErrorRate'), 'Alert rule')?.href).toBe(`${UI}/alerting/grafana/pay-5xx-rate/view`);
    await expectAccessible(element);
  });

  it('silences that cannot be read leave the alerts; a silenced one says its details are unavailable', async () => {
    useHandlers(...grafanaAlertsHandlers({ scenario: 'silences-unavailable' }));
    const { element, text } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(textOf(alertItem(element, 'PaymentsQueueBacklog'))).toContain('Silenced (details unavailable).');
    expect(text()).toContain('Silence details unavailable: Tool unavailable (HTTP 500)');
  });

  it('rules that answer nonsense are a section failure, not a degraded widget', async () => {
    useHandlers(http.get(RULES, () => HttpResponse.json({ data: { groups: 'nope' } })), ...grafanaAlertsHandlers());
    const { element, text } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(text()).toContain('Alert rules unavailable: Unexpected response (at data.groups)');
  });
});

describe('grafana-alerts: configuration and the wire', () => {
  it('names the missing attribute and its annotation, and sends nothing', async () => {
    const none = await mountAlerts('');
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set label-selector (annotation grafana/alert-label-selector)');
    const bad = await mountAlerts('team');
    await waitForState(bad.element, 'not-configured');
    expect(bad.text()).toContain('label-selector must be label=value pairs separated by commas');
    const regex = await mountAlerts('team=~pay.*');
    await waitForState(regex.element, 'not-configured');
    const noEndpoint = await mountAlerts(undefined, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Grafana endpoint is configured');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('filters alerts with one quoted matcher per label, and sends the token to the Grafana API base only', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts(' team = payments , service=payments-api ');
    await waitForState(element, 'ready');
    const [alerts] = requests('/alerts');
    const url = new URL(alerts?.url ?? '');
    expect(url.pathname).toBe(`${AM}/alerts`);
    expect(url.searchParams.getAll('filter')).toEqual(['team="payments"', 'service="payments-api"']);
    expect(url.search).toContain('filter=team%3D%22payments%22&filter=service%3D%22payments-api%22');
    expect(url.searchParams.get('silenced')).toBe('true');
    expect(url.searchParams.get('inhibited')).toBe('true');
    expect(requests('/api/prometheus/grafana/api/v1/rules')).toHaveLength(1);
    expect(requests('/silences')).toHaveLength(1);
    for (const request of requests()) {
      expect(request.url.startsWith(`${location.origin}/proxy/grafana/`), request.url).toBe(true);
      expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
      expect(request.url).not.toContain(TEST_TOKEN);
      expect(request.method).toBe('GET');
    }
  });

  it('quotes and escapes label values in the filter', async () => {
    useHandlers(http.get(`${AM}/alerts`, () => HttpResponse.json([])), ...grafanaAlertsHandlers());
    const { element } = await mountAlerts('env=prod "eu",team=a\\b');
    await waitForState(element, 'empty');
    const url = new URL(requests('/alerts')[0]?.url ?? '');
    expect(url.searchParams.getAll('filter')).toEqual(['env="prod \\"eu\\""', 'team="a\\\\b"']);
  });

  it('uses the named instance for requests and links', async () => {
    const endpoints = { ...testEndpoints(), 'grafana:ops': { api: '/proxy/grafana-ops', ui: 'https://grafana-ops.example.com/grafana' } };
    useHandlers(...grafanaAlertsHandlers({ base: '/proxy/grafana-ops' }));
    const { element } = await mountWidget<GrafanaAlerts>(
      html`<grafana-alerts label-selector=${LABEL_SELECTOR} instance="ops" refresh-interval="0"></grafana-alerts>`,
      fakeHost({ endpoints }),
    );
    await waitForState(element, 'ready');
    expect(requests('/proxy/grafana-ops/api/alertmanager/grafana/api/v2/alerts')).toHaveLength(1);
    expect(requests('/proxy/grafana/')).toHaveLength(0);
    expect(link(alertItem(element, 'PaymentsApiHighErrorRate'), 'Alert rule')?.href)
      .toBe('https://grafana-ops.example.com/grafana/alerting/grafana/pay-5xx-rate/view');
  });

  it('an absolute API base works the same: every request below it, each with the token', async () => {
    const endpoints = { ...testEndpoints(), grafana: { api: `${location.origin}/proxy/grafana`, ui: UI } };
    useHandlers(...grafanaAlertsHandlers());
    const { element } = await mountAlerts(undefined, fakeHost({ endpoints }));
    await waitForState(element, 'ready');
    expect(requests().every((request) => request.headers.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true);
    expect(requests().filter((request) => !request.url.startsWith(`${location.origin}/proxy/grafana/`))).toHaveLength(0);
  });

  it('hostile labels and annotations render as text; a javascript: runbook is never a link', async () => {
    const hostile = structuredClone(errorRateAlert);
    hostile.labels = { ...hostile.labels, alertname: '<img src=x onerror=alert(1)>', pod: '<b>x</b>', __alert_rule_uid__: '../../admin' };
    hostile.annotations = { summary: '<i>sum</i>', runbook_url: 'javascript:alert(1)' };
    hostile.generatorURL = 'javascript:alert(2)';
    useHandlers(http.get(`${AM}/alerts`, () => HttpResponse.json([hostile])), ...grafanaAlertsHandlers());
    const { element, text } = await mountAlerts();
    await waitForState(element, 'ready');
    expect(shadow(element).querySelector('img, b, i')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
    expect(text()).toContain('Runbook: javascript:alert(1)');
    const hrefs = [...shadow(element).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => !href.startsWith('https://'))).toEqual([]);
    expect(hrefs).toContain(`${UI}/alerting/grafana/..%2F..%2Fadmin/view`);
  });
});

describe('grafana-alerts: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...grafanaAlertsHandlers());
    const { element, text } = await mountAlerts();
    await waitForState(element, 'ready');
    useHandlers(http.get(`${AM}/alerts`, () => new HttpResponse(null, { status: 502 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 502)');
    expect(text()).toContain('PaymentsApiHighErrorRate');
    await expectAccessible(element);
    useHandlers(...grafanaAlertsHandlers());
    shadow(element).querySelector<HTMLButtonElement>('.stale button')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).not.toContain('Stale');
  });

  it('emits pw-state and pw-error, never with the token', async () => {
    useHandlers(http.get(`${AM}/alerts`, () => new HttpResponse(null, { status: 401 })), ...grafanaAlertsHandlers());
    const seen: unknown[] = [];
    const hostEvents: unknown[] = [];
    const { element } = await mountAlerts(undefined, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen, SLOW_MACHINE).toContainEqual({ state: 'degraded', stale: false, reason: 'Sign-in needed' });
    expect(hostEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

faultMatrix({
  widget: 'grafana-alerts',
  mount: async (host) => (await mountAlerts(LABEL_SELECTOR, host, '30')).element,
  handlers: () => grafanaAlertsHandlers(),
  url: `${AM}/alerts`,
  emptyBody: [],
  invalidBody: [{ labels: { alertname: 7 }, status: {} }],
  largeBody: () => atLeastBytes((count) => manyAlerts(count)),
  deepLink: LIST_LINK,
});
