import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HttpResponse, delay, http } from 'msw';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn } from '../../storybook/play.js';
import { mswUnder } from '../../storybook/mocks.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';
import '../argo-status/argo-status.js';
import '../grafana-alerts/grafana-alerts.js';
import '../harbor-vulns/harbor-vulns.js';
import '../k8s-pods/k8s-pods.js';
import '../kargo-stages/kargo-stages.js';
import '../tekton-runs/tekton-runs.js';
import './service-health.js';
import { GUESTBOOK_TOOLS, serviceHandlers, type ServiceScenario } from './fixtures/handlers.js';

const mock = mswUnder('service');
const scenario = (name: ServiceScenario) => mock(serviceHandlers(name));

const meta = {
  title: 'Widgets/Service health',
  component: 'service-health',
  render: renderWidget('service-health'),
  args: { tools: JSON.stringify(GUESTBOOK_TOOLS), service: 'guestbook', 'refresh-interval': 0 },
  parameters: scenario('healthy'),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

const rollup = (canvasElement: HTMLElement) => widgetIn(canvasElement, 'service-health');

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const widget = rollup(canvasElement);
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Service health · guestbook', 'Argo CD', 'Synced · Healthy', '4/4 running']);
  },
};

/** Worst first: the crash-looping pods and the critical findings lead. */
export const Troubled: Story = {
  parameters: scenario('troubled'),
  play: async ({ canvasElement }) => {
    const widget = rollup(canvasElement);
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Failing', '1 pod CrashLoopBackOff', '1 critical · 3 high', 'OutOfSync']);
    await expect(inShadow(widget, 'li.line').dataset['tone']).toBe('error');
  },
};

/** Argo CD refuses: its line is "unknown: No access", never healthy. */
export const PartlyUnknown: Story = {
  parameters: mock([http.get('/proxy/argocd/api/v1/applications/:name', () => new HttpResponse(null, { status: 403 })), ...serviceHandlers('healthy')]),
  play: async ({ canvasElement }) => {
    const widget = rollup(canvasElement);
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Partly unknown', 'unknown: No access']);
    await expect(inShadow(widget, 'li.line').dataset['tool']).toBe('argo-status');
  },
};

/** No tool answers: every line says why, with its link. */
export const Degraded: Story = {
  parameters: scenario('outage'),
  play: async ({ canvasElement }) => {
    const widget = rollup(canvasElement);
    await waitForState(widget, 'degraded');
    await waitForText(widget, ['unknown: Tool unavailable (HTTP 503)']);
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
    const widget = rollup(canvasElement);
    await waitForState(widget, 'loading');
    await waitForText(widget, ['Loading Argo CD']);
  },
};

export const NotConfigured: Story = {
  args: { tools: undefined },
  play: async ({ canvasElement }) => {
    const widget = rollup(canvasElement);
    await waitForState(widget, 'not-configured');
    await waitForText(widget, ['Not configured.', 'Set tools']);
  },
};

export const TroubledDark: Story = { ...Troubled, globals: { theme: 'dark' } };

/** The roll-up beside the cards and a badge: one set of requests for all of them. */
export const BesideTheCards: Story = {
  parameters: scenario('troubled'),
  render: () => html`<div style="display: grid; gap: 12px">
    <argo-status variant="badge" app-name="guestbook" refresh-interval="0"></argo-status>
    <service-health service="guestbook" tools=${JSON.stringify(GUESTBOOK_TOOLS.slice(0, 2))} refresh-interval="0"></service-health>
    <argo-status app-name="guestbook" refresh-interval="0"></argo-status>
    <k8s-pods namespace="storefront" kubernetes-id="guestbook" refresh-interval="0"></k8s-pods>
  </div>`,
  play: async ({ canvasElement }) => {
    const widget = rollup(canvasElement);
    await waitForState(widget, 'ready');
    await waitForText(widget, ['1 pod CrashLoopBackOff']);
  },
};
