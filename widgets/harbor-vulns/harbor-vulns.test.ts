import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { faultMatrix } from '../kit/testing/fault-matrix.js';
import { TEST_TOKEN, fakeHost, testEndpoints } from '../kit/testing/fake-host.js';
import { expectAccessible, mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './harbor-vulns.js';
import type { HarborVulns } from './harbor-vulns.component.js';
import { harborHandlers } from './fixtures/handlers.js';
import { PROJECT_ID, SLUG, mixedArtifacts, newestVulnerable, neverPulledRunning, notScanned, untaggedFailed } from './fixtures/artifacts.js';
import { atLeastBytes, times } from '../kit/testing/large.js';

const UI = 'https://harbor.example.com';
/** The repository `guestbook/web`: its `/` goes over the wire as `%252F`. */
const API_PATH = '/proxy/harbor/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts';
const API = '/proxy/harbor/api/v2.0/projects/:project/repositories/:repository/artifacts';
const REPO_LINK = `${UI}/harbor/projects/${PROJECT_ID}/repositories/guestbook%252Fweb/artifacts-tab`;
const PROJECTS_LINK = `${UI}/harbor/projects`;
const SLOW_MACHINE = { timeout: 5_000 } as const;

async function mountVulns(slug: string = SLUG, host = fakeHost(), interval = '0') {
  return mountWidget<HarborVulns>(html`<harbor-vulns repository-slug=${slug} refresh-interval=${interval}></harbor-vulns>`, host);
}

function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function row(element: Element, digest: string): HTMLTableRowElement {
  const found = [...shadow(element).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => r.dataset.digest === digest);
  if (!found) throw new Error(`row ${digest} not found`);
  return found;
}

function cells(tr: HTMLTableRowElement): string[] {
  return [...tr.cells].map((cell) => textOf(cell));
}

describe('harbor-vulns: artifacts and their scans', () => {
  it('shows the newest artifact’s findings per severity, with text and colour', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    const items = [...shadow(element).querySelectorAll('[part="severities"] li')];
    expect(items.map(textOf)).toEqual(['Critical 1', 'High 3', 'Medium 7', 'Low 12']);
    const colour = (severity: string) => getComputedStyle(shadow(element).querySelector(`.sev-${severity} .swatch`) as Element).backgroundColor;
    expect(colour('critical')).toBe('rgb(185, 28, 28)'); // red
    expect(colour('high')).toBe('rgb(194, 65, 12)'); // orange
    expect(colour('medium')).toBe('rgb(161, 98, 7)'); // yellow (dark enough to read on white)
    expect(colour('low')).toBe('rgb(107, 114, 128)'); // gray
    const newest = textOf(shadow(element).querySelector('.newest'));
    expect(newest).toContain('Newest: 1.8.2');
    expect(newest).toContain('23 total');
    expect(newest).toContain('9 fixable');
    expect(newest).toContain('by Trivy v0.50.1');
    expect(newest).toMatch(/scanned (38 min\. ago|38 minutes ago)/);
    expect(textOf(shadow(element).querySelector('.head'))).toContain('Newest ✕1 critical, 3 high, 7 medium, 12 low');
    await expectAccessible(element);
  });

  it('lists each tag with push time, pull time and size, newest first', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    const shown = [...shadow(element).querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(shown.map((r) => r.dataset.tag)).toEqual(['1.8.2', 'latest', '1.8.2-rc.1', '1.8.1', '', '1.7.9', '1.7.8']);
    expect([...new Set(shown.map((r) => r.dataset.digest))]).toEqual(mixedArtifacts.map((a) => a.digest));
    const [tags, pushed, pulled, size, vulns] = cells(row(element, newestVulnerable.digest));
    expect(tags).toMatch(/^1\.8\.2 sha256:/);
    expect(pushed).toMatch(/42 min/);
    expect(pulled).toMatch(/9 min/);
    expect(size).toBe('46.0 MiB');
    expect(vulns).toBe('1 critical, 3 high, 7 medium, 12 low · 9 fixable');
  });

  it('a tag never pulled (Harbor’s zero time) says "never pulled", per tag', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    expect(cells(row(element, neverPulledRunning.digest))[2]).toBe('never pulled');
    const latest = shadow(element).querySelector<HTMLTableRowElement>(`tr[data-digest="${newestVulnerable.digest}"][data-tag="latest"]`);
    expect(latest && cells(latest)[2]).toBe('never pulled');
    expect(latest && cells(latest)[4]).toBe(cells(row(element, newestVulnerable.digest))[4]);
  });

  it('not scanned, scanning and failed scans are states, not zeros', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    expect(cells(row(element, notScanned.digest))[4]).toBe('?Not scanned');
    expect(cells(row(element, neverPulledRunning.digest))[4]).toBe('↻Scanning (40%)');
    expect(cells(row(element, untaggedFailed.digest))[4]).toBe('✕Scan failed');
    expect(cells(row(element, untaggedFailed.digest))[0]).toContain('untagged');
    for (const digest of [notScanned.digest, neverPulledRunning.digest, untaggedFailed.digest]) {
      expect(cells(row(element, digest))[4]).not.toMatch(/\b0\b/);
    }
  });

  it('reads the 1.0 report key of older Harbor and scanners', async () => {
    useHandlers(...harborHandlers({ scenario: 'legacy-report' }));
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    expect([...shadow(element).querySelectorAll('[part="severities"] li')].map(textOf)).toEqual(['Critical 1', 'High 3', 'Medium 7', 'Low 12']);
  });

  it('the newest artifact still scanning shows its state instead of counts', async () => {
    useHandlers(...harborHandlers({ scenario: 'scanning' }));
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    expect(shadow(element).querySelector('[part="severities"]')).toBeNull();
    expect(textOf(shadow(element).querySelector('.newest'))).toContain('Scanning (40%)');
    expect(textOf(shadow(element).querySelector('.head'))).toContain('Newest ↻Scanning');
  });

  it('links the project, the repository (%252F) and each artifact by digest (Harbor ≥ 2.8 routes)', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    expect(row(element, newestVulnerable.digest).querySelector('a')?.getAttribute('href'))
      .toBe(`${REPO_LINK}/artifacts/${newestVulnerable.digest}`);
    const links = [...shadow(element).querySelectorAll('.foot a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([REPO_LINK, `${UI}/harbor/projects/${PROJECT_ID}/repositories`]);
    for (const link of shadow(element).querySelectorAll('a')) expect(link.rel).toBe('noopener noreferrer');
  });

  it('is accessible in the dark theme too', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns(SLUG, fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    expect(getComputedStyle(shadow(element).querySelector('.sev-critical .swatch') as Element).backgroundColor).toBe('rgb(248, 113, 113)');
    await expectAccessible(element);
  });

  it('shows a skeleton while loading, then the data', async () => {
    useHandlers(http.get(API, async () => {
      await delay(1_500);
      return undefined;
    }), ...harborHandlers());
    const { element } = await mountVulns(SLUG, fakeHost({ timeoutMs: 5_000 }));
    await waitForState(element, 'loading');
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain('Loading Harbor data');
    await expectAccessible(element);
    await waitForState(element, 'ready');
  });

  it('an empty repository is the empty state, with Harbor’s project list as the link', async () => {
    useHandlers(...harborHandlers({ scenario: 'none' }));
    const { element, text } = await mountVulns();
    await waitForState(element, 'empty');
    expect(text()).toContain('No artifacts in storefront/guestbook/web yet.');
    expect(shadow(element).querySelector('a')?.getAttribute('href')).toBe(PROJECTS_LINK);
    await expectAccessible(element);
  });
});

/** The artifact-list requests (the newest image's vulnerability report, read for its critical findings, is another). */
const listCalls = (part?: string) => requests(part).filter((call) => !call.url.includes('/additions/'));

describe('harbor-vulns: configuration and the wire', () => {
  it('one list request, the repository’s / double-encoded as %252F, with the token and both report types accepted', async () => {
    useHandlers(...harborHandlers());
    const { element } = await mountVulns();
    await waitForState(element, 'ready');
    expect(listCalls()).toHaveLength(1);
    const [call] = listCalls();
    const url = new URL(call?.url ?? '');
    expect(url.pathname).toBe(API_PATH);
    expect(call?.url).toContain('/repositories/guestbook%252Fweb/artifacts?');
    expect(url.searchParams.get('with_tag')).toBe('true');
    expect(url.searchParams.get('with_scan_overview')).toBe('true');
    expect(url.searchParams.get('sort')).toBe('-push_time');
    expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(call?.headers['x-accept-vulnerabilities']).toBe(
      'application/vnd.security.vulnerability.report; version=1.1, application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0',
    );
  });

  it('names the missing or malformed slug and its annotation, and sends nothing', async () => {
    const none = await mountVulns('');
    await waitForState(none.element, 'not-configured');
    expect(none.text()).toContain('Set repository-slug (annotation goharbor.io/repository-slug)');
    const bad = await mountVulns('storefront');
    await waitForState(bad.element, 'not-configured');
    expect(bad.text()).toContain('repository-slug "storefront" is not "project/repository"');
    const list = await mountVulns('a/b,c/d');
    await waitForState(list.element, 'not-configured');
    expect(list.text()).toContain('place one widget per repository');
    const noEndpoint = await mountVulns(SLUG, fakeHost({ endpoints: {} }));
    await waitForState(noEndpoint.element, 'not-configured');
    expect(noEndpoint.text()).toContain('No Harbor endpoint is configured (endpoints["harbor"])');
    expect(requests()).toHaveLength(0);
    await expectAccessible(none.element);
  });

  it('a host in the slug picks endpoints["harbor:<host>"] when configured', async () => {
    const endpoints = { ...testEndpoints(), 'harbor:registry.prod.example.com': { api: '/proxy/harbor-prod', ui: 'https://registry.prod.example.com' } };
    useHandlers(...harborHandlers({ base: '/proxy/harbor-prod' }));
    const { element } = await mountVulns(`registry.prod.example.com/${SLUG}`, fakeHost({ endpoints }));
    await waitForState(element, 'ready');
    expect(listCalls('/proxy/harbor-prod/api/v2.0/projects/storefront/repositories/guestbook%252Fweb/artifacts')).toHaveLength(1);
    expect(requests('/proxy/harbor/')).toHaveLength(0);
    expect(textOf(shadow(element).querySelector('.newest'))).toContain('registry registry.prod.example.com (endpoint harbor:registry.prod.example.com)');
    expect(row(element, newestVulnerable.digest).querySelector('a')?.getAttribute('href'))
      .toMatch(/^https:\/\/registry\.prod\.example\.com\/harbor\/projects\/7\/repositories\/guestbook%252Fweb\/artifacts-tab\/artifacts\/sha256:/);
  });

  it('an unconfigured host in the slug falls back to the default endpoint; instance wins over the host', async () => {
    useHandlers(...harborHandlers());
    const fallback = await mountVulns(`registry.other.example.com/${SLUG}`);
    await waitForState(fallback.element, 'ready');
    expect(textOf(shadow(fallback.element).querySelector('.newest'))).toContain('registry registry.other.example.com (endpoint harbor)');
    expect(listCalls(API_PATH)).toHaveLength(1);

    const endpoints = { ...testEndpoints(), 'harbor:eu': { api: '/proxy/harbor-eu', ui: 'https://harbor-eu.example.com' } };
    useHandlers(...harborHandlers({ base: '/proxy/harbor-eu' }));
    const explicit = (await mountWidget<HarborVulns>(
      html`<harbor-vulns repository-slug=${`registry.other.example.com/${SLUG}`} instance="eu" refresh-interval="0"></harbor-vulns>`,
      fakeHost({ endpoints }),
    )).element;
    await waitForState(explicit, 'ready');
    expect(listCalls('/proxy/harbor-eu/')).toHaveLength(1);
  });

  it('hostile names stay inside the API base and render as text', async () => {
    const hostile = structuredClone(newestVulnerable);
    hostile.tags = [{ name: '<img src=x onerror=alert(1)>', push_time: hostile.push_time, pull_time: hostile.pull_time }];
    hostile.digest = 'javascript:alert(1)';
    useHandlers(http.get(API, () => HttpResponse.json([hostile])));
    const { element, text } = await mountVulns('../x/<b>y</b>');
    await waitForState(element, 'not-configured');
    expect(requests()).toHaveLength(0);
    const ok = await mountVulns('team/<b>y</b>/z');
    await waitForState(ok.element, 'ready');
    expect(requests()[0]?.url).toContain('/projects/team/repositories/%253Cb%253Ey%253C%252Fb%253E%252Fz/artifacts');
    expect(shadow(ok.element).querySelector('img, b')).toBeNull();
    expect(ok.text()).toContain('<img src=x onerror=alert(1)>');
    expect(shadow(ok.element).querySelector('tbody a')).toBeNull();
    expect(text()).toContain('not "project/repository"');
  });
});

describe('harbor-vulns: refresh and events', () => {
  it('keeps stale data visible and marked when a refresh fails, then clears the mark', async () => {
    useHandlers(...harborHandlers());
    const { element, text } = await mountVulns();
    await waitForState(element, 'ready');
    useHandlers(http.get(API, () => new HttpResponse(null, { status: 503 })));
    shadow(element).querySelector<HTMLButtonElement>('button.refresh')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).toContain('Stale');
    expect(text()).toContain('Tool unavailable (HTTP 503)');
    expect(text()).toContain('1.8.2');
    await expectAccessible(element);
    useHandlers(...harborHandlers());
    shadow(element).querySelector<HTMLButtonElement>('.stale button')?.click();
    await expect.poll(() => text(), SLOW_MACHINE).not.toContain('Stale');
  });

  it('emits pw-state and pw-error, never with the token', async () => {
    useHandlers(http.get(API, () => new HttpResponse(null, { status: 403 })));
    const seen: unknown[] = [];
    const hostEvents: unknown[] = [];
    const { element } = await mountVulns(SLUG, fakeHost({ onEvent: (event) => hostEvents.push(event) }));
    for (const type of ['pw-state', 'pw-error'] as const) element.addEventListener(type, (e) => seen.push(e.detail));
    await waitForState(element, 'degraded');
    await expect.poll(() => seen, SLOW_MACHINE).toContainEqual({ state: 'degraded', stale: false, reason: 'No access' });
    expect(JSON.stringify([seen, hostEvents])).not.toContain(TEST_TOKEN);
    expect(element.outerHTML + visibleText(element)).not.toContain(TEST_TOKEN);
  });
});

faultMatrix({
  widget: 'harbor-vulns',
  mount: async (host) => (await mountVulns(SLUG, host, '30')).element,
  handlers: () => harborHandlers(),
  url: API,
  emptyBody: [],
  invalidBody: [{ digest: 42 }],
  largeBody: () => atLeastBytes((count) => times(count, (i) => ({ ...newestVulnerable, id: i + 1000, digest: `sha256:${i.toString(16).padStart(64, '0')}`, tags: [{ ...newestVulnerable.tags?.[0], name: `build-${i}` }] }))),
  deepLink: PROJECTS_LINK,
});
