import { fixture } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import '../argo-status/argo-status.js';
import '../grafana-alerts/grafana-alerts.js';
import '../harbor-vulns/harbor-vulns.js';
import '../k8s-pods/k8s-pods.js';
import '../kargo-stages/kargo-stages.js';
import '../tekton-runs/tekton-runs.js';
import type { PwStateDetail } from '../kit/events.js';
import { TEST_TOKEN, fakeHost } from '../kit/testing/fake-host.js';
import { expectAccessible, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { requests, useHandlers } from '../kit/testing/msw.js';
import './service-health.js';
import type { ServiceHealth } from './service-health.component.js';
import { parseTools, type ToolConfig } from './service-health.model.js';
import { GUESTBOOK_TOOLS, serviceHandlers } from './fixtures/handlers.js';

async function mountHealth(tools: readonly ToolConfig[] | string, host = fakeHost()): Promise<ServiceHealth> {
  const json = typeof tools === 'string' ? tools : JSON.stringify(tools);
  return fixture<ServiceHealth>(html`<service-health service="guestbook" tools=${json} refresh-interval="0" .host=${host}></service-health>`);
}

function lines(element: ServiceHealth): string[] {
  return [...shadow(element).querySelectorAll('li.line')].map((line) => visibleText(line));
}

/** The Argo CD card reads the commits of its history after it shows (the badges never do). */
const commitsRead = () => expect.poll(() => requests('/metadata').length).toBe(4);

const callsOf = () => requests().map((entry) => `${entry.method} ${entry.url}`);

describe('<service-health>', () => {
  it('shows one healthy line per tool and is accessible', async () => {
    useHandlers(...serviceHandlers('healthy'));
    const element = await mountHealth(GUESTBOOK_TOOLS);
    await waitForState(element, 'ready');
    expect(lines(element)).toHaveLength(GUESTBOOK_TOOLS.length);
    expect(visibleText(element)).toContain('Service health · guestbook');
    expect(visibleText(element)).toContain('Healthy');
    expect(lines(element).join('\n')).toMatch(/Argo CD ?: Synced · Healthy/);
    expect(lines(element).join('\n')).toMatch(/Kubernetes ?: 4\/4 running/);
    await expectAccessible(element);
    element.theme = 'dark';
    await element.updateComplete;
    await expectAccessible(element);
  });

  it('puts the worst first and links each line to the tool and to the full card', async () => {
    useHandlers(...serviceHandlers('troubled'));
    const element = await mountHealth(GUESTBOOK_TOOLS);
    await waitForState(element, 'ready');
    const shown = lines(element);
    expect(shown[0]).toMatch(/^✕ Kubernetes ?: 3\/8 running · 1 pod CrashLoopBackOff/);
    expect(shown.slice(0, 3).join(' ')).toMatch(/Harbor ?: 1 critical · 3 high/);
    expect(shown.at(-1)).toMatch(/Kargo|Tekton/);
    expect(visibleText(element)).toContain('Failing');
    const k8s = shadow(element).querySelector('li[data-tool="k8s-pods"]');
    const links = [...(k8s?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links[0]).toMatch(/^https:\/\/kubernetes\.example\.com\//);
    expect(links[1]).toBe(new URL('#k8s-pods', document.baseURI).href);
    await expectAccessible(element);
  });

  it('a tool that fails is "unknown: <reason>", never healthy', async () => {
    useHandlers(http.get('/proxy/argocd/api/v1/applications/:name', () => new HttpResponse(null, { status: 403 })), ...serviceHandlers('healthy'));
    const element = await mountHealth(GUESTBOOK_TOOLS);
    await waitForState(element, 'ready');
    expect(lines(element)[0]).toMatch(/^\? Argo CD ?: unknown: No access/);
    expect(visibleText(element)).toContain('Partly unknown');
    expect(visibleText(element)).not.toMatch(/Argo CD ?: .*Healthy/);
  });

  it('degrades when no tool answers, and says so', async () => {
    const states: PwStateDetail[] = [];
    useHandlers(...serviceHandlers('outage'));
    const element = await mountHealth(GUESTBOOK_TOOLS.slice(0, 2));
    element.addEventListener('pw-state', (event) => states.push(event.detail));
    await waitForState(element, 'degraded');
    expect(lines(element).every((line) => line.includes('unknown: Tool unavailable'))).toBe(true);
    expect(visibleText(element)).toContain('No tool answered');
    await expectAccessible(element);
    await expect.poll(() => states.at(-1)).toEqual({ state: 'degraded', stale: false, reason: 'No tool answered' });
  });

  it('follows the host’s theme unless the page sets one', async () => {
    useHandlers(...serviceHandlers('healthy'));
    const element = await mountHealth(GUESTBOOK_TOOLS.slice(0, 1), fakeHost({ theme: 'dark' }));
    await waitForState(element, 'ready');
    expect(element.getAttribute('theme')).toBe('dark');
    await expectAccessible(element);
  });

  it('is "not configured" without tools, and drops tags it does not know and odd attributes', async () => {
    const element = await mountHealth('not json');
    await waitForState(element, 'not-configured');
    expect(visibleText(element)).toContain('Not configured');
    await expectAccessible(element);
    expect(parseTools([{ tag: 'script', attributes: {} }, { tag: 'argo-status', attributes: { onclick: 'x', 'app-name': 'a', n: 1 } }]))
      .toEqual([{ tag: 'argo-status', attributes: { 'app-name': 'a' } }]);
  });

  it('shows a skeleton per line while loading', async () => {
    useHandlers(...serviceHandlers('healthy', 400));
    const element = await mountHealth(GUESTBOOK_TOOLS.slice(0, 2));
    expect(shadow(element).querySelector('[data-state]')?.getAttribute('data-state')).toBe('loading');
    expect(visibleText(element)).toContain('Loading Argo CD');
    await waitForState(element, 'ready');
  });

  it('shares every request with the cards on the page: none of its own, none twice', async () => {
    useHandlers(...serviceHandlers('troubled'));
    // The kit's default cache (a few seconds), as in Backstage and the portal.
    const host = fakeHost({ cacheTtlMs: undefined });
    const cardsOnly = await fixture<HTMLElement>(html`<div>
      <argo-status app-name="guestbook" refresh-interval="0" .host=${host}></argo-status>
      <k8s-pods namespace="storefront" kubernetes-id="guestbook" refresh-interval="0" .host=${host}></k8s-pods>
    </div>`);
    for (const card of cardsOnly.children) await waitForState(card, 'ready');
    await commitsRead();
    const cardCalls = callsOf();
    cardsOnly.remove();
    const { resetMocks } = await import('../kit/testing/msw.js');
    const { clearRequestCache } = await import('../kit/client.js');
    resetMocks();
    clearRequestCache();
    useHandlers(...serviceHandlers('troubled'));
    const page = await fixture<HTMLElement>(html`<div>
      <argo-status app-name="guestbook" refresh-interval="0" .host=${host}></argo-status>
      <k8s-pods namespace="storefront" kubernetes-id="guestbook" refresh-interval="0" .host=${host}></k8s-pods>
      <argo-status variant="badge" app-name="guestbook" refresh-interval="0" .host=${host}></argo-status>
      <service-health tools=${JSON.stringify(GUESTBOOK_TOOLS.slice(0, 2))} refresh-interval="0" .host=${host}></service-health>
    </div>`);
    for (const element of page.children) await waitForState(element, 'ready');
    await commitsRead();
    expect(callsOf().sort()).toEqual([...cardCalls].sort());
    expect(JSON.stringify(requests().filter((entry) => !entry.url.includes('/proxy/')))).not.toContain(TEST_TOKEN);
  });
});
