import { HttpResponse, delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { PlatformHost } from '../kit/index.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import './argo-status.js';
import type { ArgoStatus } from './argo-status.component.js';

const APP = '/proxy/argocd/api/v1/applications/guestbook';

/** As a page does it: host set first, then the element appended, polling off. */
function appendWithHost(host: PlatformHost, parent: HTMLElement = document.body): ArgoStatus {
  const element = document.createElement('argo-status');
  element.setAttribute('app-name', 'guestbook');
  element.setAttribute('refresh-interval', '0');
  element.host = host;
  parent.append(element);
  return element;
}

function stateOf(element: Element): string | null | undefined {
  return element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state');
}

describe('argo-status: a load that settles never leaves the card on "Loading"', () => {
  it('a 403 answered at once, host set before the element is appended: No access', async () => {
    useHandlers(http.get(APP, () => HttpResponse.json({ message: 'permission denied' }, { status: 403 })));
    const element = appendWithHost(fakeHost());
    try {
      await waitForState(element, 'degraded');
      expect(visibleText(element)).toContain('No access');
    } finally {
      element.remove();
    }
  });

  it('a fetch aborted by something other than the widget (e.g. the host’s own timeout) degrades with a reason', async () => {
    // The host's fetch gives up on its own: an AbortError the widget's signal did not cause.
    const hostFetch: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        if (init?.signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
        setTimeout(() => reject(new DOMException('The operation was aborted.', 'AbortError')), 20);
      });
    const element = appendWithHost(fakeHost({ fetch: hostFetch }));
    try {
      await waitForState(element, 'degraded');
      expect(visibleText(element)).toContain('Tool unavailable: network error');
    } finally {
      element.remove();
    }
  });

  it('a shared in-flight request aborted under this card (not by its own signal) degrades, not "Loading" for ever', async () => {
    // The page-wide request table is shared by every bundle of the library on the page. Stand in
    // for a shared request that another party aborted while this card was waiting on it.
    const table = (globalThis as Record<symbol, { inFlight: Map<string, unknown> } | undefined>)[Symbol.for('platform-widgets.requests')];
    if (!table) throw new Error('no page-wide request table');
    const { inFlight } = table;
    const abortedUnderUs = Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
    abortedUnderUs.catch(() => undefined);
    const shared = { promise: abortedUnderUs, controller: new AbortController(), subscribers: 1 };
    Object.defineProperty(inFlight, 'get', {
      configurable: true,
      value: (key: string): unknown => (key.includes('/applications/guestbook') ? shared : Map.prototype.get.call(inFlight, key) as unknown),
    });
    const element = appendWithHost(fakeHost({ cacheTtlMs: 5_000 }));
    try {
      await waitForState(element, 'degraded', 2_000);
      expect(visibleText(element)).toContain('Tool unavailable: network error');
    } finally {
      Reflect.deleteProperty(inFlight, 'get');
      element.remove();
    }
  });

  it('two cards share one in-flight request; the first leaving does not strand the second', async () => {
    useHandlers(http.get(APP, async () => {
      await delay(150);
      return HttpResponse.json({ message: 'permission denied' }, { status: 403 });
    }));
    const host = fakeHost({ cacheTtlMs: 5_000 });
    const first = appendWithHost(host);
    const second = appendWithHost(host);
    try {
      await expect.poll(() => stateOf(first)).toBe('loading');
      await expect.poll(() => stateOf(second)).toBe('loading');
      first.remove();
      await waitForState(second, 'degraded');
      expect(visibleText(second)).toContain('No access');
      expect(shadow(second).querySelector('pw-deep-link')).not.toBeNull();
    } finally {
      first.remove();
      second.remove();
    }
  });
});
