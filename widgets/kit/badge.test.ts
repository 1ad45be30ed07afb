import { fixture } from '@open-wc/testing';
import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { BadgeSummary } from './badge.js';
import { apiRequest } from './client.js';
import { define } from './define.js';
import { defineKitElements } from './elements.js';
import type { PwSummaryDetail } from './events.js';
import { TEST_TOKEN, fakeHost } from './testing/fake-host.js';
import { expectAccessible, visibleText, waitForState } from './testing/mount.js';
import { requests, useHandlers } from './testing/msw.js';
import { WidgetElement, type LoadContext } from './widget-element.js';

const schema = z.object({ up: z.number(), down: z.number() });
type Counts = z.infer<typeof schema>;

class BadgeTestWidget extends WidgetElement<Counts> {
  @property() thing?: string;
  protected readonly system = 'tekton' as const;
  protected missingConfig() {
    return this.thing ? undefined : 'Set thing (annotation example.com/thing).';
  }
  protected configKey() {
    return this.thing ?? '';
  }
  protected resourceLabel() {
    return this.thing ?? '';
  }
  protected load({ host, signal, fresh }: LoadContext) {
    return apiRequest(host, { system: 'tekton', path: ['things', this.thing ?? ''], schema, signal, fresh });
  }
  protected isEmpty(data: Counts) {
    return data.up + data.down === 0;
  }
  protected override summarize(data: Counts): BadgeSummary {
    if (this.isEmpty(data)) return { parts: [{ tone: 'info', text: 'nothing here' }] };
    return { parts: [{ tone: data.down ? 'error' : 'ok', text: `${data.up}/${data.up + data.down} up` }, { text: '<b>raw</b>' }] };
  }
  protected renderReady(data: Counts) {
    return html`<p>${data.up} up, ${data.down} down</p>`;
  }
  protected renderEmpty() {
    return html`<p>Nothing.</p>`;
  }
  protected deepLink() {
    return `https://tekton.example.com/things/${this.thing ?? ''}`;
  }
}
defineKitElements();
define('badge-test-widget', BadgeTestWidget);

const URL_PART = '/proxy/tekton/things/';
const answer = (body: Counts, wait = 0) =>
  http.get(`${URL_PART}:name`, async () => {
    if (wait) await delay(wait);
    return HttpResponse.json(body);
  });

function badgeOf(element: Element): HTMLElement {
  const badge = element.shadowRoot?.querySelector<HTMLElement>('.badge');
  if (!badge) throw new Error('no badge');
  return badge;
}

describe('variant="badge"', () => {
  it('renders one line with the tool, the summary as text and the deep link, and is accessible', async () => {
    useHandlers(answer({ up: 3, down: 1 }));
    const element = await fixture<BadgeTestWidget>(html`<badge-test-widget variant="badge" thing="a b" refresh-interval="0" .host=${fakeHost()}></badge-test-widget>`);
    await waitForState(element, 'ready');
    expect(visibleText(element)).toContain('Tekton ✕ 3/4 up · <b>raw</b>');
    expect(element.shadowRoot?.querySelector('b')).toBeNull();
    expect(element.shadowRoot?.querySelector('.card')).toBeNull();
    const link = element.shadowRoot?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://tekton.example.com/things/a%20b');
    expect(link?.getAttribute('title')).toBe('3/4 up · <b>raw</b>');
    expect(badgeOf(element).getAttribute('aria-label')).toBe('Tekton: a b');
    await expectAccessible(element);
    element.theme = 'dark';
    await element.updateComplete;
    await expectAccessible(element);
  });

  it('shows the skeleton while loading, then the empty summary', async () => {
    useHandlers(answer({ up: 0, down: 0 }, 300));
    const element = await fixture<BadgeTestWidget>(html`<badge-test-widget variant="badge" thing="a" refresh-interval="0" .host=${fakeHost()}></badge-test-widget>`);
    expect(badgeOf(element).dataset['state']).toBe('loading');
    expect(badgeOf(element).getAttribute('aria-busy')).toBe('true');
    expect(visibleText(element)).toContain('Loading Tekton data');
    await waitForState(element, 'empty');
    expect(visibleText(element)).toContain('nothing here');
  });

  it('says what is missing when not configured', async () => {
    const element = await fixture<BadgeTestWidget>(html`<badge-test-widget variant="badge" .host=${fakeHost()}></badge-test-widget>`);
    await waitForState(element, 'not-configured');
    expect(visibleText(element)).toMatch(/not configured\s?: Set thing \(annotation example.com\/thing\)\./);
    await expectAccessible(element);
  });

  it('degrades to the reason as text and tooltip, with the link and a keyboard retry', async () => {
    useHandlers(http.get(`${URL_PART}:name`, () => new HttpResponse(null, { status: 403 })));
    const element = await fixture<BadgeTestWidget>(html`<badge-test-widget variant="badge" thing="a" refresh-interval="0" .host=${fakeHost()}></badge-test-widget>`);
    await waitForState(element, 'degraded');
    expect(visibleText(element)).toContain('No access');
    const link = element.shadowRoot?.querySelector('a');
    expect(link?.getAttribute('title')).toBe('No access');
    expect(link?.getAttribute('href')).toBe('https://tekton.example.com/things/a');
    await expectAccessible(element);
    useHandlers(answer({ up: 1, down: 0 }));
    const retry = element.shadowRoot?.querySelector<HTMLButtonElement>('button.badge-retry');
    expect(retry?.getAttribute('aria-label')).toBe('Retry Tekton');
    retry?.click();
    await waitForState(element, 'ready');
    expect(visibleText(element)).toContain('1/1 up');
  });

  it('keeps the data when a refresh fails and marks it stale in words', async () => {
    useHandlers(answer({ up: 2, down: 0 }));
    const element = await fixture<BadgeTestWidget>(html`<badge-test-widget variant="badge" thing="a" refresh-interval="0" .host=${fakeHost()}></badge-test-widget>`);
    await waitForState(element, 'ready');
    useHandlers(http.get(`${URL_PART}:name`, () => new HttpResponse(null, { status: 503 })));
    element.refresh();
    await expect.poll(() => visibleText(element)).toContain('stale');
    expect(visibleText(element)).toContain('2/2 up');
    expect(element.shadowRoot?.querySelector('a')?.getAttribute('title')).toContain('refresh failed: Tool unavailable (HTTP 503)');
    await expectAccessible(element);
  });

  it('a card and a badge of the same resource share one request', async () => {
    useHandlers(answer({ up: 1, down: 0 }, 100));
    const host = fakeHost();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <badge-test-widget thing="shared" refresh-interval="0" .host=${host}></badge-test-widget>
      <badge-test-widget variant="badge" thing="shared" refresh-interval="0" .host=${host}></badge-test-widget>
    </div>`);
    const [card, badge] = [...wrapper.querySelectorAll('badge-test-widget')];
    if (!card || !badge) throw new Error('not mounted');
    await waitForState(card, 'ready');
    await waitForState(badge, 'ready');
    expect(requests(URL_PART)).toHaveLength(1);
  });

  it('a badge added after the card reads the cached answer (default cache)', async () => {
    useHandlers(answer({ up: 1, down: 0 }));
    const host = fakeHost({ cacheTtlMs: undefined });
    const card = await fixture<BadgeTestWidget>(html`<badge-test-widget thing="later" refresh-interval="0" .host=${host}></badge-test-widget>`);
    await waitForState(card, 'ready');
    const badge = document.createElement('badge-test-widget') as BadgeTestWidget;
    badge.setAttribute('variant', 'badge');
    badge.setAttribute('thing', 'later');
    badge.setAttribute('refresh-interval', '0');
    badge.host = host;
    card.after(badge);
    await waitForState(badge, 'ready');
    expect(requests(URL_PART)).toHaveLength(1);
  });

  it('tells roll-ups its line with pw-summary: tone, text, link; a failure is unknown, never healthy', async () => {
    useHandlers(answer({ up: 1, down: 1 }));
    const seen: PwSummaryDetail[] = [];
    const element = await fixture<BadgeTestWidget>(html`<badge-test-widget variant="badge" thing="a" refresh-interval="0" .host=${fakeHost()}
      @pw-summary=${(event: CustomEvent<PwSummaryDetail>) => seen.push(event.detail)}></badge-test-widget>`);
    await waitForState(element, 'ready');
    await expect.poll(() => seen.at(-1)).toEqual({ tool: 'Tekton', label: 'a', state: 'ready', tone: 'error', text: '1/2 up · <b>raw</b>', stale: false, href: 'https://tekton.example.com/things/a' });
    useHandlers(http.get(`${URL_PART}:name`, () => new HttpResponse(null, { status: 401 })));
    element.thing = 'b';
    await waitForState(element, 'degraded');
    await expect.poll(() => seen.at(-1)).toMatchObject({ state: 'degraded', tone: 'unknown', text: 'Sign-in needed' });
    expect(JSON.stringify(seen)).not.toContain(TEST_TOKEN);
  });

  it('a read sent as POST (read: true) is shared and cached like a GET, keyed by its body; other POSTs never are', async () => {
    useHandlers(http.post('/proxy/kargo/rpc/List', async ({ request }) => {
      await delay(50);
      return HttpResponse.json({ up: (await request.json() as { n: number }).n, down: 0 });
    }));
    const host = fakeHost({ cacheTtlMs: undefined });
    const post = (n: number, read: boolean) => apiRequest(host, { system: 'kargo', method: 'POST', path: ['rpc', 'List'], body: { n }, schema, read });
    const [a, b, c] = await Promise.all([post(1, true), post(1, true), post(2, true)]);
    expect([a.up, b.up, c.up]).toEqual([1, 1, 2]);
    expect(requests('/rpc/List')).toHaveLength(2);
    await post(1, true);
    expect(requests('/rpc/List')).toHaveLength(2);
    await Promise.all([post(1, false), post(1, false)]);
    expect(requests('/rpc/List')).toHaveLength(4);
  });
});
