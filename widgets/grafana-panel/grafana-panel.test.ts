import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, resetMocks, useHandlers } from '../kit/testing/msw.js';
import './grafana-panel.js';
import type { GrafanaPanel } from './grafana-panel.component.js';
import { grafanaHandlers } from './fixtures/handlers.js';
import {
  CUSTOM_DASHBOARD_UID,
  DB_DASHBOARD_UID,
  DB_INSTANCE,
  NAMESPACE,
  PANEL_ID,
  ROW_PANEL_ID,
  SERVICE,
  SERVICE_DASHBOARD_UID,
  SERVICE_TAG,
  dashboardByUid,
} from './fixtures/dashboards.js';
import { atLeastBytes, times } from '../kit/testing/large.js';

const UI = 'https://grafana.example.com';
const SEARCH = '/proxy/grafana/api/search';
const SERVICE_DASHBOARD_API = `/proxy/grafana/api/dashboards/uid/${SERVICE_DASHBOARD_UID}`;
const SERVICE_LINK = `${UI}/d/${SERVICE_DASHBOARD_UID}?var-namespace=${NAMESPACE}&var-service=${SERVICE}`;
const SERVICE_PANEL = `${UI}/d-solo/${SERVICE_DASHBOARD_UID}?panelId=4&from=now-6h&to=now&theme=light&var-namespace=${NAMESPACE}&var-service=${SERVICE}`;
const TAGGED = `${UI}/dashboards?tag=${SERVICE_TAG}`;
const SERVICE_FRAME_CHECK = `/proxy/grafana/d-solo/${SERVICE_DASHBOARD_UID}`;
const SLOW_MACHINE = { timeout: 5_000 } as const;

interface Attrs {
  uid?: string;
  panel?: string;
  pattern?: string;
  namespace?: string;
  service?: string;
  db?: string;
  url?: string;
  selector?: string;
  from?: string;
  to?: string;
  timeout?: string;
  theme?: string;
}

const SERVICE_PANEL_ATTRS: Attrs = { uid: SERVICE_DASHBOARD_UID, panel: PANEL_ID, namespace: NAMESPACE, service: SERVICE };

async function mountPanel(attrs: Attrs, host = fakeHost()) {
  return mountWidget<GrafanaPanel>(
    html`<grafana-panel dashboard-uid=${ifDefined(attrs.uid)} panel-id=${ifDefined(attrs.panel)} pattern=${ifDefined(attrs.pattern)}
      namespace=${ifDefined(attrs.namespace)} service=${ifDefined(attrs.service)} db-instance=${ifDefined(attrs.db)}
      dashboard-url=${ifDefined(attrs.url)} dashboard-selector=${ifDefined(attrs.selector)} from=${ifDefined(attrs.from)} to=${ifDefined(attrs.to)}
      embed-timeout=${ifDefined(attrs.timeout)} theme=${ifDefined(attrs.theme)} refresh-interval="0"></grafana-panel>`,
    host,
  );
}

function frameOf(element: Element): HTMLIFrameElement | null {
  return shadow(element).querySelector('iframe');
}

/** Grafana never answers the frame: its `load` is swallowed before it reaches the iframe. Returns the undo. */
function swallowFrameLoads(element: Element): () => void {
  const swallow = (event: Event) => event.stopPropagation();
  shadow(element).addEventListener('load', swallow, true);
  return () => shadow(element).removeEventListener('load', swallow, true);
}

/** The shadow root's own text (laid out as read: no spaces around inline code). */
function ownText(element: Element): string {
  return (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

function links(element: Element): string[] {
  return [...shadow(element).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
}

function deepLinkOf(element: Element): string | null | undefined {
  return shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a')?.getAttribute('href');
}

// The mock Grafana answers every test unless a test puts its own handlers in front.
beforeEach(() => useHandlers(...grafanaHandlers()));

describe('grafana-panel: dashboard links by pattern (no API request)', () => {
  it('service: /d/{uid}?var-namespace=…&var-service=…', async () => {
    const { element, text } = await mountPanel({ uid: SERVICE_DASHBOARD_UID, namespace: NAMESPACE, service: SERVICE });
    await waitForState(element, 'ready');
    expect(links(element)).toEqual([SERVICE_LINK]);
    expect(text()).toContain('Open dashboard in Grafana');
    expect(text()).toContain('service pattern');
    expect(frameOf(element)).toBeNull();
    expect(requests()).toHaveLength(0);
    await expectAccessible(element);
  });

  it('database: /d/{uid}?var-instance=…, with the time range when set', async () => {
    const { element } = await mountPanel({ uid: DB_DASHBOARD_UID, db: DB_INSTANCE, from: 'now-24h', to: 'now' });
    await waitForState(element, 'ready');
    expect(links(element)).toEqual([`${UI}/d/${DB_DASHBOARD_UID}?var-instance=${DB_INSTANCE}&from=now-24h&to=now`]);
    expect(requests()).toHaveLength(0);
  });

  it('custom: the dashboard-url as given, only http(s) on the Grafana UI', async () => {
    const url = `${UI}/d/abc123/checkout-overview?orgId=1&var-env=prod`;
    const ok = await mountPanel({ url });
    await waitForState(ok.element, 'ready');
    expect(links(ok.element)).toEqual([url]);
    for (const bad of ['https://evil.example.net/d/abc123', 'javascript:alert(1)', 'https://grafana.example.com.evil.net/d/x']) {
      const { element, text } = await mountPanel({ url: bad });
      await waitForState(element, 'not-configured');
      expect(text()).toMatch(/dashboard-url must be (an http\(s\) URL|on the configured Grafana UI \(https:\/\/grafana\.example\.com\))/);
      expect(shadow(element).querySelector('a, iframe')).toBeNull();
    }
    expect(requests()).toHaveLength(0);
  });

  it('a custom dashboard URL’s panel embeds through /d-solo/, keeping its own variables', async () => {
    const { element } = await mountPanel({ url: `${UI}/d/abc123/checkout-overview?orgId=1&var-env=prod&viewPanel=9&from=now-1h`, panel: '2' });
    await waitForState(element, 'ready');
    expect(frameOf(element)?.getAttribute('src')).toBe(`${UI}/d-solo/abc123/checkout-overview?panelId=2&from=now-1h&to=now&theme=light&orgId=1&var-env=prod`);
  });

  it('variables are encoded, never able to add parameters or leave the dashboard path', async () => {
    const { element } = await mountPanel({ uid: SERVICE_DASHBOARD_UID, panel: PANEL_ID, namespace: 'a&var-x=1', service: 'b c/../d#e' });
    await waitForState(element, 'ready');
    const link = new URL(links(element)[0] ?? '');
    expect(link.pathname).toBe(`/d/${SERVICE_DASHBOARD_UID}`);
    expect([...link.searchParams.keys()]).toEqual(['var-namespace', 'var-service']);
    expect(link.searchParams.get('var-namespace')).toBe('a&var-x=1');
    expect(link.searchParams.get('var-service')).toBe('b c/../d#e');
    const src = frameOf(element)?.getAttribute('src') ?? '';
    expect(src).toContain('var-namespace=a%26var-x%3D1&var-service=b+c%2F..%2Fd%23e');
    expect(new URL(src).pathname).toBe(`/d-solo/${SERVICE_DASHBOARD_UID}`);
  });
});

describe('grafana-panel: the embedded panel', () => {
  it('is a sandboxed, lazy, referrer-less iframe of /d-solo/ that never carries the token', async () => {
    const { element } = await mountPanel(SERVICE_PANEL_ATTRS);
    await waitForState(element, 'ready');
    const frame = frameOf(element);
    expect(frame?.getAttribute('src')).toBe(SERVICE_PANEL);
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin');
    expect(frame?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(frame?.getAttribute('loading')).toBe('lazy');
    expect(frame?.getAttribute('title')).toBe(`Grafana panel 4 of ${SERVICE}`);
    expect(frame?.getAttribute('allow')).toBeNull();
    expect(frame?.outerHTML).not.toContain(TEST_TOKEN);
    expect(new URL(frame?.src ?? '').searchParams.has('auth_token')).toBe(false);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
    // One API request confirms the dashboard and panel, one checks the frame's page; the token goes there, never to the frame.
    expect(requests().map((request) => new URL(request.url).pathname)).toEqual([SERVICE_DASHBOARD_API, SERVICE_FRAME_CHECK]);
    expect(requests().map((request) => request.headers.authorization)).toEqual([`Bearer ${TEST_TOKEN}`, `Bearer ${TEST_TOKEN}`]);
    await expectAccessible(element);
  });

  it('shows "Loading panel…" until the frame loads, then the panel alone', async () => {
    const { element, text } = await mountPanel(SERVICE_PANEL_ATTRS);
    const undo = swallowFrameLoads(element);
    await waitForState(element, 'ready');
    expect(text()).toContain('Loading panel…');
    undo();
    frameOf(element)?.dispatchEvent(new Event('load'));
    await expect.poll(() => text()).not.toContain('Loading panel…');
    expect(frameOf(element)).not.toBeNull();
  });

  it('follows the widget theme (dark → theme=dark), and a host theme change', async () => {
    const dark = await mountPanel({ ...SERVICE_PANEL_ATTRS, theme: 'dark' });
    await waitForState(dark.element, 'ready');
    expect(new URL(frameOf(dark.element)?.src ?? '').searchParams.get('theme')).toBe('dark');
    await expectAccessible(dark.element);

    const { element } = await mountPanel(SERVICE_PANEL_ATTRS, fakeHost({ theme: 'light' }));
    await waitForState(element, 'ready');
    expect(new URL(frameOf(element)?.src ?? '').searchParams.get('theme')).toBe('light');
    element.host = fakeHost({ theme: 'dark' });
    await expect.poll(() => new URL(frameOf(element)?.src ?? 'http://x').searchParams.get('theme')).toBe('dark');
  });

  it('a panel that never loads degrades to the dashboard link with the Grafana settings to change; retry embeds again', async () => {
    const seen: unknown[] = [];
    const { element, text } = await mountPanel({ ...SERVICE_PANEL_ATTRS, timeout: '0.3' });
    element.addEventListener('pw-error', (event) => seen.push(event.detail));
    const undo = swallowFrameLoads(element);
    await waitForState(element, 'degraded');
    expect(text()).toContain('Grafana panel did not load within 0.3 s');
    expect(text()).toContain('[security] allow_embedding = true');
    expect(text()).toContain('cookie_samesite');
    const deepLink = shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('a');
    expect(deepLink?.getAttribute('href')).toBe(`${UI}/d/${SERVICE_DASHBOARD_UID}?var-namespace=${NAMESPACE}&var-service=${SERVICE}`);
    expect(frameOf(element)).toBeNull();
    expect(seen).toContainEqual(expect.objectContaining({ system: 'grafana', kind: 'timeout' }));
    await expectAccessible(element);

    undo();
    shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('button')?.click();
    await waitForState(element, 'ready');
    frameOf(element)?.dispatchEvent(new Event('load'));
    await expect.poll(() => text()).not.toContain('Loading panel…');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state')).toBe('ready');
  });

  it('the host saying embedding is refused degrades at once, with the reason', async () => {
    const states: unknown[] = [];
    const { element, text } = await mountPanel(SERVICE_PANEL_ATTRS);
    element.addEventListener('pw-state', (event) => states.push(event.detail));
    await waitForState(element, 'ready');
    element.embedRefused('X-Frame-Options: deny');
    await waitForState(element, 'degraded');
    expect(text()).toContain('Grafana refused to embed the panel (X-Frame-Options: deny): set [security] allow_embedding = true in grafana.ini (and cookie_samesite = none for signed-in embeds)');
    await expect.poll(() => states, SLOW_MACHINE).toContainEqual(expect.objectContaining({ state: 'degraded', stale: false }));
  });

  it('a refusal said before the first render holds, also across a theme change, until a retry', async () => {
    const element = document.createElement('grafana-panel');
    for (const [name, value] of Object.entries({ 'dashboard-uid': SERVICE_DASHBOARD_UID, 'panel-id': PANEL_ID, namespace: NAMESPACE, service: SERVICE, 'refresh-interval': '0' })) {
      element.setAttribute(name, value);
    }
    element.embedRefused();
    document.body.append(element);
    try {
      element.host = fakeHost();
      await waitForState(element, 'degraded');
      element.theme = 'dark';
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state')).toBe('degraded');
      shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('button')?.click();
      await waitForState(element, 'ready');
      expect(new URL(frameOf(element)?.src ?? '').searchParams.get('theme')).toBe('dark');
    } finally {
      element.remove();
    }
  });

  it('the timeout counts only once the panel is on screen', async () => {
    const { element } = await mountWidget<GrafanaPanel>(
      html`<div hidden><grafana-panel dashboard-uid=${SERVICE_DASHBOARD_UID} panel-id="4" namespace=${NAMESPACE} service=${SERVICE} embed-timeout="0.2" refresh-interval="0"></grafana-panel></div>`,
    ).then(({ element: wrapper }) => ({ element: wrapper.querySelector('grafana-panel') as GrafanaPanel }));
    element.host = fakeHost();
    await waitForState(element, 'ready');
    swallowFrameLoads(element);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state')).toBe('ready');
    (element.parentElement as HTMLElement).hidden = false;
    await waitForState(element, 'degraded');
  });

  it('a custom URL that is no /d/ dashboard gets the link and says why there is no panel', async () => {
    const { element, text } = await mountPanel({ url: `${UI}/explore?left=x`, panel: '3' });
    await waitForState(element, 'ready');
    expect(frameOf(element)).toBeNull();
    expect(text()).toContain('dashboard-url is not a /d/<uid> dashboard URL, so its panel cannot be embedded.');
  });
});

describe('grafana-panel: the API confirms the dashboard and panel before the frame shows', () => {
  it('a dashboard Grafana does not know (404): degraded "Dashboard not found", with the dashboard link, no frame', async () => {
    const seen: unknown[] = [];
    const { element, text } = await mountPanel({ ...SERVICE_PANEL_ATTRS, uid: 'gone-dashboard' });
    element.addEventListener('pw-error', (event) => seen.push(event.detail));
    await waitForState(element, 'degraded');
    expect(text()).toContain('Dashboard not found: check the annotation');
    expect(deepLinkOf(element)).toBe(`${UI}/d/gone-dashboard?var-namespace=${NAMESPACE}&var-service=${SERVICE}`);
    expect(frameOf(element)).toBeNull();
    expect(requests().map((request) => new URL(request.url).pathname)).toEqual(['/proxy/grafana/api/dashboards/uid/gone-dashboard']);
    await expect.poll(() => seen).toContainEqual(expect.objectContaining({ system: 'grafana', kind: 'not-found', reason: 'Dashboard not found: check the annotation' }));
    await expectAccessible(element);
  });

  it('a panel id the dashboard does not hold: degraded "Panel N not found on the dashboard", no frame', async () => {
    const { element, text } = await mountPanel({ ...SERVICE_PANEL_ATTRS, panel: '99' });
    await waitForState(element, 'degraded');
    expect(text()).toContain('Panel 99 not found on the dashboard');
    expect(deepLinkOf(element)).toBe(SERVICE_LINK);
    expect(frameOf(element)).toBeNull();
  });

  it('a row’s id is no panel to embed, and a dashboard without panels holds none', async () => {
    const row = await mountPanel({ ...SERVICE_PANEL_ATTRS, panel: '101' });
    await waitForState(row.element, 'ready');
    expect(frameOf(row.element)).not.toBeNull();
    useHandlers(http.get(SERVICE_DASHBOARD_API, () => HttpResponse.json({ dashboard: { uid: SERVICE_DASHBOARD_UID, title: 'Empty' }, meta: {} })));
    const empty = await mountPanel(SERVICE_PANEL_ATTRS);
    await waitForState(empty.element, 'degraded');
    expect(empty.text()).toContain(`Panel ${PANEL_ID} not found on the dashboard`);
  });

  it('finds panels inside rows, collapsed ones included', async () => {
    const collapsed = await mountPanel({ ...SERVICE_PANEL_ATTRS, panel: ROW_PANEL_ID });
    await waitForState(collapsed.element, 'ready');
    expect(new URL(frameOf(collapsed.element)?.src ?? '').searchParams.get('panelId')).toBe(ROW_PANEL_ID);
    // An expanded row: its panels follow it at the top level.
    const db = await mountPanel({ uid: DB_DASHBOARD_UID, db: DB_INSTANCE, panel: '4' });
    await waitForState(db.element, 'ready');
    expect(frameOf(db.element)).not.toBeNull();
    expect(requests('/api/dashboards/uid/').map((request) => new URL(request.url).pathname)).toEqual([SERVICE_DASHBOARD_API, `/proxy/grafana/api/dashboards/uid/${DB_DASHBOARD_UID}`]);
  });

  it('the custom pattern confirms the uid of its dashboard URL', async () => {
    const { element } = await mountPanel({ url: `${UI}/d/${CUSTOM_DASHBOARD_UID}/checkout-overview`, panel: '7' });
    await waitForState(element, 'degraded');
    expect(visibleText(element)).toContain('Panel 7 not found on the dashboard');
    expect(requests().map((request) => new URL(request.url).pathname)).toEqual([`/proxy/grafana/api/dashboards/uid/${CUSTOM_DASHBOARD_UID}`]);
  });

  it('shows the skeleton, not a frame, until the API answers', async () => {
    useHandlers(http.get(SERVICE_DASHBOARD_API, async () => {
      await delay(300);
      return HttpResponse.json(dashboardByUid(SERVICE_DASHBOARD_UID));
    }));
    const { element } = await mountPanel(SERVICE_PANEL_ATTRS);
    await waitForState(element, 'loading');
    expect(frameOf(element)).toBeNull();
    await waitForState(element, 'ready');
    expect(frameOf(element)?.getAttribute('src')).toBe(SERVICE_PANEL);
  });

  it('401, 403, 5xx and a sign-in redirect keep their usual reasons, with the dashboard link', async () => {
    const cases: Array<[number, string]> = [[401, 'Sign-in needed'], [403, 'No access'], [500, 'Tool unavailable (HTTP 500)'], [503, 'Tool unavailable (HTTP 503)'], [302, 'Redirected — sign-in in front of the tool?']];
    for (const [status, reason] of cases) {
      resetMocks();
      useHandlers(http.get(SERVICE_DASHBOARD_API, () => new HttpResponse(status === 302 ? null : '{"message":"no"}', { status, headers: status === 302 ? { Location: '/login' } : {} })));
      const { element, text } = await mountPanel(SERVICE_PANEL_ATTRS);
      await waitForState(element, 'degraded');
      expect(text(), String(status)).toContain(reason);
      expect(deepLinkOf(element)).toBe(SERVICE_LINK);
      expect(frameOf(element)).toBeNull();
    }
  });

  it('beside a dashboard list, a missing panel takes the panel’s place; the list stays', async () => {
    const { element, text } = await mountPanel({ ...SERVICE_PANEL_ATTRS, panel: '99', selector: `tag:${SERVICE_TAG}` });
    await waitForState(element, 'ready');
    expect(text()).toContain('Panel 99 not found on the dashboard');
    expect(text()).toContain('Checkout SLOs');
    expect(frameOf(element)).toBeNull();
    expect(deepLinkOf(element)).toBe(SERVICE_LINK);
  });

  it('a retry after a failed check asks again and shows the panel once confirmed', async () => {
    useHandlers(http.get(SERVICE_DASHBOARD_API, () => HttpResponse.json({ message: 'down' }, { status: 503 })));
    const { element } = await mountPanel(SERVICE_PANEL_ATTRS);
    await waitForState(element, 'degraded');
    resetMocks();
    useHandlers(...grafanaHandlers());
    shadow(element).querySelector('pw-deep-link')?.shadowRoot?.querySelector('button')?.click();
    await waitForState(element, 'ready');
    expect(frameOf(element)?.getAttribute('src')).toBe(SERVICE_PANEL);
    expect(requests(SERVICE_DASHBOARD_API)).toHaveLength(1);
  });
});

describe('grafana-panel: the /d-solo/ page is asked whether it may be framed here', () => {
  const FRAME_CHECK_ROUTE = '/proxy/grafana/d-solo/*';
  /** Grafana's /d-solo/ page answers with these headers (and a 200), or the given response. */
  const soloAnswers = (init: { status?: number; headers?: Record<string, string> }) =>
    useHandlers(http.get(FRAME_CHECK_ROUTE, () => new HttpResponse(init.status && init.status >= 300 && init.status < 400 ? null : '<!doctype html><title>Grafana</title>', {
      status: init.status ?? 200,
      headers: { 'Content-Type': 'text/html', ...init.headers },
    })));

  async function expectRefused(reason: string | RegExp, kind = 'rejected') {
    const seen: unknown[] = [];
    const { element, text } = await mountPanel(SERVICE_PANEL_ATTRS);
    element.addEventListener('pw-error', (event) => seen.push(event.detail));
    await waitForState(element, 'degraded');
    if (typeof reason === 'string') expect(text()).toContain(reason);
    else expect(text()).toMatch(reason);
    expect(frameOf(element)).toBeNull();
    expect(deepLinkOf(element)).toBe(SERVICE_LINK);
    await expect.poll(() => seen).toContainEqual(expect.objectContaining({ system: 'grafana', kind }));
    expect(requests(FRAME_CHECK_ROUTE.replace('*', ''))).toHaveLength(1);
    return element;
  }

  it('the good case: the same path and the fixed query keys (no var-*), with the token, then the frame', async () => {
    const { element } = await mountPanel(SERVICE_PANEL_ATTRS);
    await waitForState(element, 'ready');
    expect(frameOf(element)?.getAttribute('src')).toBe(SERVICE_PANEL);
    const [check] = requests('/d-solo/');
    const url = new URL(check?.url ?? '');
    expect(url.pathname).toBe(SERVICE_FRAME_CHECK);
    expect(url.search).toBe('?panelId=4&from=now-6h&to=now&theme=light');
    expect(check?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(check?.headers.accept).toBe('text/html');
  });

  it('a custom dashboard URL is checked at its slugged path, with its orgId', async () => {
    const { element } = await mountPanel({ url: `${UI}/d/${CUSTOM_DASHBOARD_UID}/checkout-overview?orgId=1&var-env=prod`, panel: '2' });
    await waitForState(element, 'ready');
    const url = new URL(requests('/d-solo/')[0]?.url ?? '');
    expect(url.pathname).toBe(`/proxy/grafana/d-solo/${CUSTOM_DASHBOARD_UID}/checkout-overview`);
    expect([...url.searchParams.keys()]).toEqual(['panelId', 'from', 'to', 'theme', 'orgId']);
    expect(frameOf(element)).not.toBeNull();
  });

  it('X-Frame-Options: DENY → "Grafana refuses to be embedded here", naming allow_embedding', async () => {
    soloAnswers({ headers: { 'X-Frame-Options': 'DENY' } });
    await expectRefused('Grafana refuses to be embedded here (X-Frame-Options: DENY) — set [security] allow_embedding = true');
  });

  it('X-Frame-Options: SAMEORIGIN with Grafana on another origin is refused; on the page’s own origin it frames', async () => {
    soloAnswers({ headers: { 'X-Frame-Options': 'SAMEORIGIN' } });
    await expectRefused(`Grafana refuses to be embedded here (X-Frame-Options: SAMEORIGIN, and this page is on ${location.origin}, not ${UI})`);

    const sameOrigin = { ...testEndpoints(), grafana: { api: '/proxy/grafana', ui: `${location.origin}/grafana` } };
    const { element } = await mountPanel(SERVICE_PANEL_ATTRS, fakeHost({ endpoints: sameOrigin }));
    await waitForState(element, 'ready');
    expect(frameOf(element)).not.toBeNull();
  });

  it("CSP frame-ancestors 'none' → refused, naming where the policy is set", async () => {
    soloAnswers({ headers: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" } });
    await expectRefused("Grafana refuses to be embedded here (Content-Security-Policy frame-ancestors 'none') — set [security] allow_embedding = true");
  });

  it('CSP frame-ancestors listing another origin → refused; one listing this page frames, whatever X-Frame-Options says', async () => {
    soloAnswers({ headers: { 'Content-Security-Policy': "frame-ancestors 'self' https://portal.example.com" } });
    const element = await expectRefused(`frame-ancestors 'self' https://portal.example.com leaves out ${location.origin}`);
    expect(visibleText(element)).toContain(`let ${location.origin} into frame-ancestors`);

    resetMocks();
    useHandlers(...grafanaHandlers({ frameHeaders: { 'Content-Security-Policy': `frame-ancestors https://portal.example.com ${location.origin}`, 'X-Frame-Options': 'DENY' } }));
    const allowed = await mountPanel(SERVICE_PANEL_ATTRS);
    await waitForState(allowed.element, 'ready');
    expect(frameOf(allowed.element)).not.toBeNull();
  });

  it('404 from /d-solo/ → "Panel or dashboard not found"', async () => {
    soloAnswers({ status: 404 });
    await expectRefused('Panel or dashboard not found', 'not-found');
  });

  it('500 from /d-solo/ → "Tool unavailable (HTTP 500)"', async () => {
    soloAnswers({ status: 500 });
    await expectRefused('Tool unavailable (HTTP 500)', 'unavailable');
  });

  it('a 302 (a sign-in page) → "Redirected — sign-in in front of Grafana?", not followed', async () => {
    soloAnswers({ status: 302, headers: { Location: '/sso/login' } });
    await expectRefused('Redirected — sign-in in front of Grafana?', 'redirected');
    expect(requests('/sso')).toEqual([]);
  });

  it('where the check is not possible (an API on another origin without CORS for it), the frame shows as before', async () => {
    const api = 'https://grafana-api.example.net/proxy';
    useHandlers(
      http.get(`${api}/api/dashboards/uid/:uid`, ({ params }) => HttpResponse.json(dashboardByUid(String(params.uid)))),
      http.get(`${api}/d-solo/*`, () => HttpResponse.error()),
    );
    const { element } = await mountPanel(SERVICE_PANEL_ATTRS, fakeHost({ endpoints: { ...testEndpoints(), grafana: { api, ui: UI } } }));
    await waitForState(element, 'ready');
    expect(frameOf(element)?.getAttribute('src')).toBe(SERVICE_PANEL);
    expect(requests('/d-solo/')).toHaveLength(1);
  });
});

describe('grafana-panel: dashboards by selector', () => {
  it('lists the tagged dashboards from one search request, with the token', async () => {
    useHandlers(...grafanaHandlers());
    const { element } = await mountPanel({ selector: `tag:${SERVICE_TAG}` });
    await waitForState(element, 'ready');
    const items = [...shadow(element).querySelectorAll<HTMLLIElement>('[part="dashboards"] li')];
    expect(items.map((li) => li.dataset.uid)).toEqual(['svc-overview', 'checkout-slo', 'checkout-jvm']);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe(`${UI}/d/svc-overview`);
    expect(visibleText(items[0] as Element)).toContain('in Services');
    expect(visibleText(items[0] as Element)).toContain('golden-signals');
    expect(requests()).toHaveLength(1);
    const url = new URL(requests()[0]?.url ?? '');
    expect(url.pathname).toBe(SEARCH);
    expect(url.search).toBe(`?type=dash-db&tag=${SERVICE_TAG}`);
    expect(requests()[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    await expectAccessible(element);
  });

  it('a bare tag and comma lists work (every tag must match)', async () => {
    useHandlers(...grafanaHandlers());
    const { element } = await mountPanel({ selector: `${SERVICE_TAG}, tag:slo` });
    await waitForState(element, 'ready');
    expect(new URL(requests()[0]?.url ?? '').searchParams.getAll('tag')).toEqual([SERVICE_TAG, 'slo']);
    expect([...shadow(element).querySelectorAll<HTMLLIElement>('[part="dashboards"] li')].map((li) => li.dataset.uid)).toEqual(['checkout-slo']);
  });

  it('no match is the empty state, linking Grafana’s dashboard browser for the tag', async () => {
    useHandlers(...grafanaHandlers({ scenario: 'none' }));
    const { element } = await mountPanel({ selector: `tag:${SERVICE_TAG}` });
    await waitForState(element, 'empty');
    expect(ownText(element)).toContain(`No dashboards tagged ${SERVICE_TAG}.`);
    expect(links(element)).toEqual([TAGGED]);
    await expectAccessible(element);
  });

  it('beside a panel, a failed search only notes the missing list; the panel stays', async () => {
    useHandlers(http.get(SEARCH, () => HttpResponse.json({ message: 'Permission denied' }, { status: 403 })));
    const { element } = await mountPanel({ ...SERVICE_PANEL_ATTRS, selector: `tag:${SERVICE_TAG}` });
    await waitForState(element, 'ready');
    expect(ownText(element)).toContain('Dashboard list unavailable: No access.');
    expect(frameOf(element)?.getAttribute('src')).toBe(SERVICE_PANEL);
  });

  it('beside a list, a refused panel shows the link and reason in its place', async () => {
    useHandlers(...grafanaHandlers());
    const { element, text } = await mountPanel({ ...SERVICE_PANEL_ATTRS, selector: `tag:${SERVICE_TAG}` });
    await waitForState(element, 'ready');
    element.embedRefused();
    await expect.poll(() => text()).toContain('Grafana refused to embed the panel');
    expect(element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state')).toBe('ready');
    expect(text()).toContain('Service overview');
    expect(text()).not.toContain('Stale');
  });

  it('uses the named instance for the search and the links', async () => {
    const endpoints = { ...testEndpoints(), 'grafana:ops': { api: '/proxy/grafana-ops', ui: 'https://grafana-ops.example.com/grafana' } };
    useHandlers(...grafanaHandlers({ base: '/proxy/grafana-ops' }));
    const { element } = await mountWidget<GrafanaPanel>(
      html`<grafana-panel dashboard-selector=${SERVICE_TAG} instance="ops" refresh-interval="0"></grafana-panel>`,
      fakeHost({ endpoints }),
    );
    await waitForState(element, 'ready');
    expect(requests('/proxy/grafana-ops/api/search')).toHaveLength(1);
    expect(links(element)[0]).toBe('https://grafana-ops.example.com/grafana/d/svc-overview');
  });

  it('keeps stale dashboards visible and marked when a refresh fails', async () => {
    useHandlers(...grafanaHandlers());
    const { element, text } = await mountPanel({ selector: SERVICE_TAG });
    await waitForState(element, 'ready');
    useHandlers(http.get(SEARCH, () => new HttpResponse(null, { status: 503 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('Checkout SLOs');
    await expectAccessible(element);
  });
});

describe('grafana-panel: configuration', () => {
  it('names what is missing, with the annotations, and sends nothing', async () => {
    const cases: Array<[Attrs, string]> = [
      [{}, 'Set dashboard-uid (annotation platform-widgets.io/grafana-dashboard-uid) with the service pattern (namespace, service)'],
      [{ uid: SERVICE_DASHBOARD_UID }, 'The service pattern needs namespace, service.'],
      [{ pattern: 'database', uid: DB_DASHBOARD_UID }, 'The database pattern needs db-instance.'],
      [{ pattern: 'custom' }, 'Set dashboard-url (annotation grafana/overview-dashboard) for the custom pattern.'],
      [{ pattern: 'weird' }, 'pattern "weird" is not one of service, database, custom.'],
      [{ ...SERVICE_PANEL_ATTRS, panel: 'four' }, 'panel-id "four" is not a panel number'],
      [{ uid: '../x', namespace: 'n', service: 's' }, 'dashboard-uid "../x" is not a Grafana dashboard uid'],
      [{ selector: 'title:checkout' }, 'dashboard-selector "title:checkout" is not supported: use tag:<tag> or a tag'],
      [{ selector: "tags @> 'x'" }, 'is not supported'],
    ];
    for (const [attrs, message] of cases) {
      const { element, text } = await mountPanel(attrs);
      await waitForState(element, 'not-configured');
      expect(text()).toContain(message);
    }
    expect(requests()).toHaveLength(0);
  });

  it('a link needs only the Grafana UI; a panel (confirmed through the API) and a selector need the API too', async () => {
    const uiOnly = { ...testEndpoints(), grafana: { api: '', ui: UI } };
    const link = await mountPanel({ uid: SERVICE_DASHBOARD_UID, namespace: NAMESPACE, service: SERVICE }, fakeHost({ endpoints: uiOnly }));
    await waitForState(link.element, 'ready');
    for (const attrs of [SERVICE_PANEL_ATTRS, { selector: SERVICE_TAG }]) {
      const { element, text } = await mountPanel(attrs, fakeHost({ endpoints: uiOnly }));
      await waitForState(element, 'not-configured');
      expect(text()).toContain('No Grafana endpoint is configured (endpoints["grafana"])');
    }
    expect(requests()).toHaveLength(0);
    const noUi = await mountPanel(SERVICE_PANEL_ATTRS, fakeHost({ endpoints: { ...testEndpoints(), grafana: { api: '/proxy/grafana' } } }));
    await waitForState(noUi.element, 'not-configured');
    expect(noUi.text()).toContain('No Grafana UI is configured');
    await expectAccessible(noUi.element);
  });
});

faultMatrix({
  widget: 'grafana-panel (dashboard-selector)',
  mount: async (host) => (await mountWidget<GrafanaPanel>(html`<grafana-panel dashboard-selector=${`tag:${SERVICE_TAG}`}></grafana-panel>`, host)).element,
  handlers: () => grafanaHandlers(),
  url: SEARCH,
  emptyBody: [],
  invalidBody: [{ uid: 7, title: 'x' }],
  largeBody: () => atLeastBytes((count) => times(count, (i) => ({ uid: `dash-${i}`, title: `Dashboard ${i}`, url: `/d/dash-${i}`, type: 'dash-db', tags: [SERVICE_TAG] }))),
  deepLink: TAGGED,
});

faultMatrix({
  widget: 'grafana-panel (panel)',
  mount: async (host) => (await mountWidget<GrafanaPanel>(
    html`<grafana-panel dashboard-uid=${SERVICE_DASHBOARD_UID} panel-id=${PANEL_ID} namespace=${NAMESPACE} service=${SERVICE}></grafana-panel>`,
    host,
  )).element,
  handlers: () => grafanaHandlers(),
  url: SERVICE_DASHBOARD_API,
  // A dashboard with no panels: the panel is not on it (a panel has no empty state).
  emptyBody: { dashboard: { uid: SERVICE_DASHBOARD_UID, panels: [] }, meta: {} },
  invalidBody: { dashboard: { uid: SERVICE_DASHBOARD_UID, panels: [{ id: { nested: true } }] } },
  largeBody: () => atLeastBytes((count) => ({
    dashboard: { uid: SERVICE_DASHBOARD_UID, panels: times(count, (i) => ({ id: i + 1, type: 'timeseries', title: `Panel ${i + 1}`, targets: [{ expr: 'rate(x[5m])' }] })) },
    meta: {},
  })),
  deepLink: SERVICE_LINK,
  overrides: {
    '404': { state: 'degraded', reason: /Dashboard not found: check the annotation/ },
    empty: { state: 'degraded', reason: new RegExp(`Panel ${PANEL_ID} not found on the dashboard`) },
  },
});

faultMatrix({
  widget: 'grafana-panel (frame check)',
  mount: async (host) => (await mountWidget<GrafanaPanel>(
    html`<grafana-panel dashboard-uid=${SERVICE_DASHBOARD_UID} panel-id=${PANEL_ID} namespace=${NAMESPACE} service=${SERVICE}></grafana-panel>`,
    host,
  )).element,
  handlers: () => grafanaHandlers(),
  url: `/proxy/grafana/d-solo/${SERVICE_DASHBOARD_UID}`,
  // Only the status and framing headers are read: any 200 body frames the panel.
  emptyBody: '',
  invalidBody: { not: 'html' },
  largeBody: () => atLeastBytes((count) => times(count, (i) => `<div>${i}</div>`)),
  deepLink: SERVICE_LINK,
  overrides: {
    '404': { state: 'degraded', reason: /Panel or dashboard not found/ },
    'redirect-same-origin': { state: 'degraded', reason: /Redirected — sign-in in front of Grafana\?/ },
    'redirect-other-origin': { state: 'degraded', reason: /Redirected — sign-in in front of Grafana\?/ },
    'malformed-json': { state: 'ready' },
    'schema-invalid': { state: 'ready' },
    'schema-wrong-object': { state: 'ready' },
    empty: { state: 'ready' },
  },
});
