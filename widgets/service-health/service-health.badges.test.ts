import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import '../argo-status/argo-status.js';
import '../crossplane-status/crossplane-status.js';
import '../grafana-alerts/grafana-alerts.js';
import '../grafana-panel/grafana-panel.js';
import '../harbor-vulns/harbor-vulns.js';
import '../k8s-pods/k8s-pods.js';
import '../kargo-stages/kargo-stages.js';
import '../kubecost-costs/kubecost-costs.js';
import '../tekton-runs/tekton-runs.js';
import '../temporal-workflows/temporal-workflows.js';
import '../vault-secrets/vault-secrets.js';
import { grafanaHandlers } from '../grafana-panel/fixtures/handlers.js';
import type { PlatformHost } from '../kit/host.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { expectAccessible, visibleText } from '../kit/testing/mount.js';
import { requests, resetMocks, useHandlers } from '../kit/testing/msw.js';
import { clearRequestCache } from '../kit/client.js';
import type { ToolConfig } from './service-health.model.js';
import { GUESTBOOK_TOOLS, serviceHandlers } from './fixtures/handlers.js';
import { ALL_TOOLS } from './fixtures/tools.js';

// Every widget's badge, from its own fixtures: what the one line says in a calm and a troubled service.
const EXPECTED = {
  healthy: {
    'argo-status': /^Argo CD ✓ Synced · ✓ Healthy · .+ ago/,
    'k8s-pods': /^Kubernetes ✓ 4\/4 running/,
    'kargo-stages': /^Kargo 3 stages · ✓ all healthy/,
    'tekton-runs': /^Tekton ✓ last run succeeded · 2 of 2 succeeded/,
    'harbor-vulns': /^Harbor i 2 low/,
    'grafana-alerts': /^Grafana ✓ none firing/,
    'crossplane-status': /^Crossplane ✓ Ready · 8\/8 ready/,
    'temporal-workflows': /^Temporal ! 2 failed · 3 running/,
    'kubecost-costs': /^Kubecost i \$47\.74 \/ 7 days · 56\.2% efficient/,
    'vault-secrets': /^Vault i 3 secrets · 2 folders/,
    'grafana-panel': /^Grafana i 3 dashboards/,
  },
  troubled: {
    'argo-status': /^Argo CD ! OutOfSync · ! Missing/,
    'k8s-pods': /^Kubernetes ! 3\/8 running · ✕ 1 pod CrashLoopBackOff · ✕ 1 pod ImagePullBackOff · ✕ 4 more problems/,
    'kargo-stages': /^Kargo 3 stages · ! 1 not healthy/,
    'tekton-runs': /^Tekton i last run pending · 2 of 8 succeeded/,
    'harbor-vulns': /^Harbor ✕ 1 critical · ✕ 3 high · ! 7 medium · i 12 low/,
    'grafana-alerts': /^Grafana ✕ 3 firing · \? 1 silenced · i 1 inhibited/,
  },
} as const;

function badgeFor(tool: ToolConfig, host: PlatformHost): HTMLElement {
  const badge = document.createElement(tool.tag) as HTMLElement & { host?: PlatformHost };
  for (const [name, value] of Object.entries(tool.attributes)) badge.setAttribute(name, value);
  badge.setAttribute('variant', 'badge');
  badge.setAttribute('refresh-interval', '0');
  badge.host = host;
  return badge;
}

const settled = (element: Element) => element.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state') ?? '';

async function mountAll(tools: readonly ToolConfig[], host: PlatformHost): Promise<HTMLElement[]> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  const badges = tools.map((tool) => badgeFor(tool, host));
  wrapper.append(...badges);
  for (const badge of badges) await expect.poll(() => settled(badge)).toMatch(/ready|empty|degraded/);
  return badges;
}

describe('every widget as a badge', () => {
  for (const scenario of ['healthy', 'troubled'] as const) {
    it(`says the state in one line of text, with the deep link (${scenario})`, async () => {
      useHandlers(...serviceHandlers(scenario), ...grafanaHandlers({ scenario: 'healthy' }));
      const expected: Readonly<Record<string, RegExp>> = EXPECTED[scenario];
      const tools = ALL_TOOLS.filter((tool) => expected[tool.tag]);
      const badges = await mountAll(tools, fakeHost());
      tools.forEach((tool, index) => {
        const badge = badges[index];
        if (!badge) throw new Error('not mounted');
        expect(visibleText(badge)).toMatch(expected[tool.tag] ?? /./);
        expect(badge.shadowRoot?.querySelector('a')?.getAttribute('href')).toMatch(/^https?:\/\//);
        expect(badge.shadowRoot?.querySelector('.card')).toBeNull();
      });
    });
  }

  it('is accessible in light and dark, troubled data included', async () => {
    useHandlers(...serviceHandlers('troubled'), ...grafanaHandlers({ scenario: 'healthy' }));
    const badges = await mountAll(ALL_TOOLS, fakeHost());
    const wrapper = badges[0]?.parentElement;
    if (!wrapper) throw new Error('not mounted');
    await expectAccessible(wrapper);
    for (const badge of badges) badge.setAttribute('theme', 'dark');
    wrapper.style.background = '#0d1117';
    await expectAccessible(wrapper);
  });

  it('degrades each to its reason', async () => {
    useHandlers(...serviceHandlers('outage'));
    const badges = await mountAll(GUESTBOOK_TOOLS, fakeHost());
    for (const badge of badges) {
      expect(settled(badge)).toBe('degraded');
      expect(visibleText(badge)).toContain('Tool unavailable');
    }
  });

  it('makes only requests the cards make', async () => {
    useHandlers(...serviceHandlers('troubled'));
    await mountAll(GUESTBOOK_TOOLS, fakeHost());
    const badgeCalls = requests().map((entry) => `${entry.method} ${entry.url}`);
    resetMocks();
    clearRequestCache();
    useHandlers(...serviceHandlers('troubled'));
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const cards = GUESTBOOK_TOOLS.map((tool) => {
      const card = badgeFor(tool, fakeHost());
      card.removeAttribute('variant');
      return card;
    });
    wrapper.append(...cards);
    for (const card of cards) await expect.poll(() => settled(card)).toMatch(/ready|empty/);
    const cardCalls = new Set(requests().map((entry) => `${entry.method} ${entry.url}`));
    expect(badgeCalls.length).toBeGreaterThan(0);
    expect(badgeCalls.filter((call) => !cardCalls.has(call))).toEqual([]);
  });
});
