import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HttpResponse, delay, http } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { WAIT, stateOf, visibleText } from '../../storybook/play.js';
import { mswUnder } from '../../storybook/mocks.js';
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
import { serviceHandlers, type ServiceScenario } from './fixtures/handlers.js';
import { ALL_TOOLS } from './fixtures/tools.js';

/**
 * Every widget's `variant="badge"`: one line, no card, the same five states as the card, for
 * catalog tables, entity headers and wiki pages. Each row is the widget itself with the
 * attributes of its card.
 */
interface BadgeArgs {
  configured: boolean;
}

const mock = mswUnder('badges');
const scenario = (name: ServiceScenario) => mock([...serviceHandlers(name), ...grafanaHandlers({ scenario: name === 'outage' ? 'outage' : 'healthy' })]);

function badges(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[variant="badge"]')];
}

async function allIn(root: HTMLElement, states: RegExp): Promise<void> {
  await waitFor(() => {
    for (const badge of badges(root)) void expect(stateOf(badge)).toMatch(states);
  }, WAIT);
}

function row(tag: string, attributes: Readonly<Record<string, string>>, configured: boolean): HTMLElement {
  const badge = document.createElement(tag);
  if (configured) for (const [name, value] of Object.entries(attributes)) badge.setAttribute(name, value);
  badge.setAttribute('variant', 'badge');
  badge.setAttribute('refresh-interval', '0');
  return badge;
}

const meta = {
  title: 'Widgets/Badges',
  render: (args) => html`<ul style="list-style: none; padding: 0; display: grid; gap: 6px">
    ${ALL_TOOLS.map((tool) => html`<li>${row(tool.tag, tool.attributes, args.configured)}</li>`)}
  </ul>`,
  args: { configured: true },
  parameters: scenario('healthy'),
} satisfies Meta<BadgeArgs>;

export default meta;
type Story = StoryObj<BadgeArgs>;

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, /^(ready|empty)$/);
    const text = visibleText(canvasElement);
    for (const line of ['Argo CD ✓ Synced · ✓ Healthy', 'Kubernetes ✓ 4/4 running', 'Tekton ✓ last run succeeded', 'Grafana ✓ none firing']) await expect(text).toContain(line);
  },
};

export const Troubled: Story = {
  parameters: scenario('troubled'),
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, /^(ready|empty)$/);
    const text = visibleText(canvasElement);
    for (const line of ['Argo CD ! OutOfSync', '✕ 1 pod CrashLoopBackOff', 'Harbor ✕ 1 critical · ✕ 3 high', 'Grafana ✕ 3 firing']) await expect(text).toContain(line);
  },
};

export const Loading: Story = {
  parameters: {
    ...mock([http.all('/proxy/*', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    })]),
    host: { timeoutMs: 24 * 60 * 60_000 },
  },
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, /^loading$/);
    await expect(visibleText(canvasElement)).toContain('Loading Argo CD data');
  },
};

export const NotConfigured: Story = {
  args: { configured: false },
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, /^not-configured$/);
    await expect(visibleText(canvasElement)).toContain('Argo CD ? not configured');
  },
};

/** Every tool down: each badge says why, keeps the deep link, and offers a retry. */
export const Degraded: Story = {
  parameters: scenario('outage'),
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, /^degraded$/);
    await expect(visibleText(canvasElement)).toContain('Argo CD ! Tool unavailable');
    const argo = badges(canvasElement)[0];
    await expect(argo?.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe('https://argocd.example.com/applications/guestbook');
    await expect(argo?.shadowRoot?.querySelector('button')?.getAttribute('aria-label')).toBe('Retry Argo CD');
  },
};

/** The first load works, the refresh fails: the line stays, marked stale in words. */
export const Stale: Story = {
  parameters: mock([]),
  beforeEach: ({ msw }) => {
    let loads = 0;
    msw.use(
      http.get('/proxy/argocd/api/v1/applications/:name', () => {
        loads += 1;
        return loads === 1 ? undefined : new HttpResponse(null, { status: 503 });
      }),
      ...serviceHandlers('healthy'),
      ...grafanaHandlers({ scenario: 'healthy' }),
    );
  },
  play: async ({ canvasElement }) => {
    await allIn(canvasElement, /^(ready|empty)$/);
    const argo = badges(canvasElement)[0] as HTMLElement & { refresh?: () => void };
    argo.refresh?.();
    await waitFor(() => expect(visibleText(argo)).toContain('stale'), WAIT);
    await expect(visibleText(argo)).toContain('Synced');
  },
};

export const TroubledDark: Story = { ...Troubled, globals: { theme: 'dark' } };
