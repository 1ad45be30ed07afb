// Runs inside Chromium for the request-count bench (scripts/bench/requests.mjs): mounts the
// demo service's cards, then the same cards plus a badge per tool and <service-health>, and
// records every API request the host's fetch sees. Answers come from the tools' own fixtures
// (msw handlers, resolved in the page without a service worker).
import { getResponse } from 'msw';
import '../../widgets/argo-status/argo-status.js';
import '../../widgets/grafana-alerts/grafana-alerts.js';
import '../../widgets/harbor-vulns/harbor-vulns.js';
import '../../widgets/k8s-pods/k8s-pods.js';
import '../../widgets/kargo-stages/kargo-stages.js';
import '../../widgets/tekton-runs/tekton-runs.js';
import '../../widgets/service-health/service-health.js';
import type { PlatformHost } from '../../widgets/kit/host.js';
import { testEndpoints } from '../../widgets/kit/testing/fake-host.js';
import { GUESTBOOK_TOOLS, serviceHandlers, type ServiceScenario } from '../../widgets/service-health/fixtures/handlers.js';

const TIMEOUT_MS = 20_000;
/** No request for this long after every element settled: the page is done (commits included). */
const QUIET_MS = 750;

export type Layout = 'cards' | 'cards+badges+rollup' | 'badges+rollup';

function element(tag: string, attributes: Readonly<Record<string, string>>, host: PlatformHost, badge: boolean): HTMLElement {
  const made = Object.assign(document.createElement(tag), { host });
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.setAttribute('refresh-interval', '0');
  if (badge) made.setAttribute('variant', 'badge');
  return made;
}

const stateOf = (made: Element) => made.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state') ?? '';

async function measure(layout: Layout, scenario: ServiceScenario): Promise<{ ok: boolean; reason?: string; calls: string[] }> {
  document.body.replaceChildren();
  const calls: string[] = [];
  let last = performance.now();
  const handlers = serviceHandlers(scenario);
  const host: PlatformHost = {
    endpoints: testEndpoints(),
    token: () => Promise.resolve('bench-token'),
    decide: () => Promise.resolve('allow'),
    // The kit's default short-lived cache, as in Backstage and the portal.
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      calls.push(`${request.method} ${url.pathname}${url.search}`);
      last = performance.now();
      return (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
    },
  };
  const made: HTMLElement[] = [];
  if (layout !== 'badges+rollup') made.push(...GUESTBOOK_TOOLS.map((tool) => element(tool.tag, tool.attributes, host, false)));
  if (layout !== 'cards') {
    made.push(...GUESTBOOK_TOOLS.map((tool) => element(tool.tag, tool.attributes, host, true)));
    made.push(element('service-health', { tools: JSON.stringify(GUESTBOOK_TOOLS) }, host, false));
  }
  document.body.append(...made);
  const deadline = performance.now() + TIMEOUT_MS;
  while (!made.every((each) => /^(ready|empty|degraded)$/.test(stateOf(each))) || performance.now() - last < QUIET_MS) {
    if (performance.now() > deadline) return { ok: false, reason: `not settled: ${made.map((each) => `${each.localName}=${stateOf(each)}`).join(', ')}`, calls };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  document.body.replaceChildren();
  return { ok: true, calls };
}

declare global {
  interface Window {
    benchRequests: typeof measure;
  }
}

window.benchRequests = measure;
