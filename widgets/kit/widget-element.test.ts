import { fixture } from '@open-wc/testing';
import { HttpResponse, delay, http } from 'msw';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiRequest } from './client.js';
import { define } from './define.js';
import { defineKitElements } from './elements.js';
import { ERROR_KINDS, REASONS, WidgetError } from './errors.js';
import { configure } from './host.js';
import { fakeHost, testEndpoints } from './testing/fake-host.js';
import { visibleText, waitForState } from './testing/mount.js';
import { requests, useHandlers } from './testing/msw.js';
import { WidgetElement, type LoadContext } from './widget-element.js';

const itemsSchema = z.object({ items: z.array(z.string()) });
type Items = z.infer<typeof itemsSchema>;

class TestWidget extends WidgetElement<Items> {
  @property() thing?: string;
  protected readonly system = 'temporal' as const;
  protected missingConfig() {
    return this.thing ? undefined : 'Set thing.';
  }
  protected configKey() {
    return this.thing ?? '';
  }
  protected resourceLabel() {
    return this.thing ?? '';
  }
  protected load({ host, signal, fresh }: LoadContext) {
    return apiRequest(host, { system: 'temporal', path: ['things', this.thing ?? ''], schema: itemsSchema, signal, fresh });
  }
  protected isEmpty(data: Items) {
    return data.items.length === 0;
  }
  protected renderReady(data: Items) {
    return html`<ul>${data.items.map((item) => html`<li>${item}</li>`)}</ul>`;
  }
  protected renderEmpty() {
    return html`<p>Nothing.</p>`;
  }
  protected deepLink() {
    return 'https://temporal.example.com/things';
  }
}
defineKitElements();
define('test-widget', TestWidget);

/** A widget whose load fails the way it is told (`failWith`), after a tick. */
class FailingWidget extends TestWidget {
  failWith: () => unknown = () => new Error('unset');
  protected override async load(): Promise<Items> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    throw this.failWith();
  }
}
define('failing-widget', FailingWidget);

async function mountFailing(failWith: () => unknown): Promise<FailingWidget> {
  const element = document.createElement('failing-widget') as FailingWidget;
  element.setAttribute('thing', 'a');
  element.setAttribute('refresh-interval', '0');
  element.failWith = failWith;
  element.host = fakeHost();
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(element);
  return element;
}

const ok = () => http.get('/proxy/temporal/things/:name', () => HttpResponse.json({ items: ['one', 'two'] }));

describe('WidgetElement', () => {
  afterEach(() => configure(undefined));

  it('defining a tag twice is a no-op', () => {
    expect(() => define('test-widget', class extends TestWidget {})).not.toThrow();
    expect(customElements.get('test-widget')).toBe(TestWidget);
  });

  it('without any host it explains how to provide one', async () => {
    const element = await fixture<TestWidget>(html`<test-widget thing="a"></test-widget>`);
    await waitForState(element, 'not-configured');
    expect(visibleText(element)).toContain('put the widget inside <pw-host> or call configure()');
  });

  it('gets the host from an enclosing <pw-host> (context), including endpoints from JSON', async () => {
    useHandlers(ok());
    const wrapper = await fixture<HTMLElement>(html`<pw-host
      endpoints=${JSON.stringify({ temporal: { api: '/proxy/temporal', ui: 'https://temporal.example.com' } })}
      theme="dark"><test-widget thing="a"></test-widget></pw-host>`);
    const element = wrapper.querySelector('test-widget') as TestWidget;
    await waitForState(element, 'ready');
    expect(visibleText(element)).toContain('one');
    expect(element.getAttribute('theme')).toBe('dark');
  });

  it('follows the host theme as it changes, unless the element sets its own', async () => {
    useHandlers(ok());
    const wrapper = await fixture<HTMLElement & { theme?: string }>(html`<pw-host .config=${fakeHost()} theme="dark">
      <test-widget thing="a"></test-widget><test-widget thing="a" theme="light"></test-widget></pw-host>`);
    const [follower, own] = [...wrapper.querySelectorAll('test-widget')] as TestWidget[];
    await expect.poll(() => follower?.getAttribute('theme')).toBe('dark');
    wrapper.theme = 'light';
    await expect.poll(() => follower?.getAttribute('theme')).toBe('light');
    wrapper.theme = 'dark';
    await expect.poll(() => follower?.getAttribute('theme')).toBe('dark');
    expect(own?.getAttribute('theme')).toBe('light');
  });

  it('picks up configure() even when called after the widget is on the page', async () => {
    useHandlers(ok());
    const element = await fixture<TestWidget>(html`<test-widget thing="a"></test-widget>`);
    await waitForState(element, 'not-configured');
    configure(fakeHost());
    await waitForState(element, 'ready');
  });

  it('a copy the backend served because the tool failed is shown as stale, with its age and reason', async () => {
    useHandlers(
      http.get('/proxy/temporal/things/kept', () =>
        HttpResponse.json(
          { items: ['from the kept copy'] },
          { headers: { 'X-Platform-Widgets-Stale-Age': '300', 'X-Platform-Widgets-Stale-Reason': encodeURIComponent('temporal answered HTTP 503 <b>') } },
        ),
      ),
    );
    const states: Array<{ stale: boolean; reason?: string }> = [];
    const element = await fixture<TestWidget>(html`<test-widget thing="kept" refresh-interval="0" .host=${fakeHost()} @pw-state=${(event: CustomEvent<{ stale: boolean; reason?: string }>) => states.push(event.detail)}></test-widget>`);
    await waitForState(element, 'ready');
    const text = visibleText(element);
    expect(text).toContain('from the kept copy');
    expect(text).toMatch(/Stale.*5 min. ago.*temporal answered HTTP 503 <b>/s);
    expect(element.shadowRoot?.querySelector('.stale b')).toBeNull();
    expect(states.at(-1)).toMatchObject({ stale: true, reason: 'temporal answered HTTP 503 <b>' });
  });

  it('an answer without the stale headers is current', async () => {
    useHandlers(http.get('/proxy/temporal/things/fresh', () => HttpResponse.json({ items: ['current'] })));
    const element = await fixture<TestWidget>(html`<test-widget thing="fresh" refresh-interval="0" .host=${fakeHost()}></test-widget>`);
    await waitForState(element, 'ready');
    expect(visibleText(element)).not.toContain('Stale');
  });

  it('a .host property wins over the context', async () => {
    useHandlers(ok(), http.get('/other/things/:name', () => HttpResponse.json({ items: ['other'] })));
    const wrapper = await fixture<HTMLElement>(html`<pw-host .config=${fakeHost()}><test-widget thing="a"></test-widget></pw-host>`);
    const element = wrapper.querySelector('test-widget') as TestWidget;
    element.host = fakeHost({ endpoints: { ...testEndpoints(), temporal: { api: '/other' } } });
    await expect.poll(() => visibleText(element)).toContain('other');
  });

  it('aborts in-flight work on disconnect and reloads on reconnect', async () => {
    useHandlers(http.get('/proxy/temporal/things/:name', async () => {
      await delay(200);
      return HttpResponse.json({ items: ['late'] });
    }));
    const element = await fixture<TestWidget>(html`<test-widget thing="a" .host=${fakeHost()}></test-widget>`);
    await waitForState(element, 'loading');
    const parent = element.parentElement as HTMLElement;
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    parent.append(element);
    await waitForState(element, 'ready');
    expect(requests('/things/a').length).toBe(2);
  });

  it('changing what to show drops the old data instead of showing it under the new name', async () => {
    useHandlers(
      http.get('/proxy/temporal/things/a', () => HttpResponse.json({ items: ['from-a'] })),
      http.get('/proxy/temporal/things/b', async () => {
        await delay(150);
        return HttpResponse.json({ items: ['from-b'] });
      }),
    );
    const element = await fixture<TestWidget>(html`<test-widget thing="a" .host=${fakeHost()}></test-widget>`);
    await waitForState(element, 'ready');
    element.thing = 'b';
    await waitForState(element, 'loading');
    expect(visibleText(element)).not.toContain('from-a');
    await waitForState(element, 'ready');
    expect(visibleText(element)).toContain('from-b');
  });

  it('with polling on and a hanging tool, a retry keeps the degraded link and reason on screen, marked retrying', async () => {
    useHandlers(http.get('/proxy/temporal/things/:name', async () => {
      await delay('infinite');
      return HttpResponse.json({ items: [] });
    }));
    const element = await fixture<TestWidget>(html`<test-widget thing="a" refresh-interval="1" .host=${fakeHost({ timeoutMs: 300 })}></test-widget>`);
    await waitForState(element, 'degraded');
    expect(visibleText(element)).toContain('no answer in time');
    // The automatic retry (about a second later) hangs again: the card must not fall back to the skeleton.
    const seen = new Set<string>();
    await expect.poll(() => {
      const card = element.shadowRoot?.querySelector('[data-state]');
      seen.add(card?.getAttribute('data-state') ?? '');
      return visibleText(element);
    }, { timeout: 5_000, interval: 20 }).toContain('Retrying…');
    // "Retrying…" shows as the retry starts; its request reaches the mock a moment later.
    await expect.poll(() => requests('/things/a').length).toBeGreaterThanOrEqual(2);
    expect(element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state')).toBe('degraded');
    expect(element.shadowRoot?.querySelector('pw-deep-link')?.shadowRoot?.querySelector('a')?.href).toBe('https://temporal.example.com/things');
    expect(visibleText(element)).toContain('no answer in time');
    expect([...seen]).toEqual(['degraded']);
  });

  it('an api that is not http(s) is "not configured", and nothing is sent', async () => {
    for (const api of ['javascript:alert(1)', 'data:text/plain,x', 'ftp://example.com/']) {
      const element = await fixture<TestWidget>(html`<test-widget thing="a" .host=${fakeHost({ endpoints: { temporal: { api, ui: 'https://temporal.example.com' } } })}></test-widget>`);
      await waitForState(element, 'not-configured');
      expect(visibleText(element)).toContain('No Temporal endpoint is configured');
      expect(visibleText(element)).not.toContain('rejected');
    }
    expect(requests()).toHaveLength(0);
  });

  it('a token function that fails says "Sign-in token unavailable"', async () => {
    useHandlers(ok());
    const element = await fixture<TestWidget>(html`<test-widget thing="a" .host=${fakeHost({ token: () => Promise.reject(new Error('no session')) })}></test-widget>`);
    await waitForState(element, 'degraded');
    expect(visibleText(element)).toContain('Sign-in token unavailable');
    expect(requests()).toHaveLength(0);
  });

  it('an AbortError its own signal did not cause is a network failure: degraded with a reason, not "Loading" for ever', async () => {
    const element = await mountFailing(() => new DOMException('The operation was aborted.', 'AbortError'));
    await waitForState(element, 'degraded', 2_000);
    expect(visibleText(element)).toContain(REASONS.network);
    expect(element.shadowRoot?.querySelector('pw-deep-link')?.shadowRoot?.querySelector('a')?.href).toBe('https://temporal.example.com/things');
  });

  it('never stays "loading" once a load has settled, whatever the failure', async () => {
    const failures: Array<[string, () => unknown, string]> = [
      ...ERROR_KINDS.map((kind): [string, () => unknown, string] => [kind, () => new WidgetError(kind, `failed: ${kind}`), REASONS[kind]]),
      ['a plain Error', () => new Error('boom'), REASONS['invalid-response']],
      ['a thrown string', () => 'boom', REASONS['invalid-response']],
      ['a foreign AbortError', () => new DOMException('Aborted', 'AbortError'), REASONS.network],
    ];
    for (const [name, failWith, reason] of failures) {
      const seen: string[] = [];
      const element = await mountFailing(failWith);
      element.addEventListener('pw-error', () => seen.push('pw-error'));
      await expect.poll(() => element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state'), { timeout: 2_000, message: name }).toBe('degraded');
      expect(visibleText(element), name).toContain(reason);
      expect(seen, name).toEqual(['pw-error']);
      element.remove();
    }
  });
});
