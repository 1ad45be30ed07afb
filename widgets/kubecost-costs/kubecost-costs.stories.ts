import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import './kubecost-costs.js';
import { kubecostHandlers, type KubecostHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Kubecost (`endpoints.kubecost.api`), as msw sees it. */
const API = '/proxy/kubecost/model/allocation';
const UI = 'https://kubecost.example.com';
/** Fixed "now": the dates in the stories do not move. */
const NOW = Date.UTC(2026, 10, 24, 10);

/** Handlers under one key, `kubecost`: a story's `parameters.msw.handlers.kubecost` replaces the default's. */
const mock = mswUnder('kubecost');
const scenario = (options: KubecostHandlerOptions) => mock(kubecostHandlers({ now: NOW, ...options }));

const meta = {
  title: 'Widgets/Kubecost costs',
  component: 'kubecost-costs',
  render: renderWidget('kubecost-costs'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { namespace: 'payments', 'refresh-interval': 0 },
  parameters: { ...scenario({}), host: { locale: 'en-US' } },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('kubecost-costs', { namespace: undefined }, ['Not configured.', 'Set namespace (annotation backstage.io/kubernetes-namespace) or deployment (annotation kubecost.com/deployment-name).']);

/** A value that is not a Kubernetes name never reaches Kubecost's filter. */
export const InvalidNamespace: Story = notConfiguredStory('kubecost-costs', { namespace: 'payments"+namespace:"kube-system' }, ['is not a Kubernetes namespace name']);

// ---- Loading and empty ----------------------------------------------------------------

/** Kubecost never answers; the host's timeout is lifted so the skeleton stays. */
export const Loading: Story = loadingStory({ tag: 'kubecost-costs', tool: 'Kubecost', mock, url: API, host: { locale: 'en-US' } });

/** Kubecost answers `data: [{}]`: nothing recorded for the namespace in the window. */
export const Empty: Story = {
  parameters: scenario({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kubecost-costs');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['Kubecost has no cost recorded for namespace payments in the last 7 days.', 'Open in Kubecost']);
    await expect(inShadow<HTMLAnchorElement>(widget, '.toolbar a').href)
      .toBe(`${UI}/allocations?window=7d&agg=namespace&filter=namespace%3A%22payments%22`);
  },
};

// ---- Ready ----------------------------------------------------------------------------

export const Namespace: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kubecost-costs');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Total, last 7 days', '$47.74', 'CPU', '$23.45', '49.1%', 'Efficiency', '56.2%']);
    await expect(inShadow(widget, 'svg[role="img"]').getAttribute('aria-label')).toContain('lowest $6.14');
  },
};

/** The host's currency and locale (the old plugin hard-coded €). */
/** CPU requested far above use: the right-sizing figure, the saving, why and what to do. */
export const Problems: Story = {
  parameters: scenario({ scenario: 'over-requested' }),
  play: playShows('kubecost-costs', ['Problems', 'CPU requested far above use', 'Right-size the CPU request to about', 'less for this window']),
};

export const ProblemsDark: Story = darkVariant(Problems, 'kubecost-costs');

export const EuroGermanLocale: Story = {
  parameters: { host: { currency: 'EUR', locale: 'de-DE' } },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kubecost-costs');
    await waitForState(widget, 'ready');
    await waitFor(() => expect(inShadow(widget, '[part="total"]').textContent?.replace(/\s/g, ' ')).toBe('47,74 €'));
  },
};

export const ThirtyDays: Story = {
  args: { window: '30d' },
  play: playShows('kubecost-costs', ['Total, last 30 days', '$203.92']),
};

/** The reader changes the window; the figures stay up while the new window loads. */
export const SwitchWindow: Story = {
  play: async ({ canvasElement, step }) => {
    const widget = widgetIn(canvasElement, 'kubecost-costs');
    await waitForState(widget, 'ready');
    await step('Pick one day', async () => {
      await userEvent.click(inShadow(widget, 'input[value="1d"]'));
    });
    await waitForText(widget, ['Total, last 1 day', '$6.82']);
    await expect(inShadow<HTMLAnchorElement>(widget, '.toolbar a').href).toContain('window=1d');
  },
};

export const ByController: Story = {
  args: { aggregate: 'controller' },
  play: playShows('kubecost-costs', ['By controller', 'deployment:payments-api', 'statefulset:payments-db', 'deployment:payments-worker']),
};

/** From the `kubecost.com/deployment-name` annotation: filtered by controller. */
export const Deployment: Story = {
  args: { namespace: undefined, deployment: 'payments-api' },
  play: playShows('kubecost-costs', ['payments-api', '$22.47']),
};

/** A GPU workload: most of the cost is GPU. */
export const GpuWorkload: Story = {
  args: { namespace: 'ml-training' },
  play: playShows('kubecost-costs', ['GPU', '$78.40']),
};

export const OpenCost: Story = {
  args: { 'api-flavor': 'opencost' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kubecost-costs');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['$47.74']);
    await expect(inShadow<HTMLAnchorElement>(widget, '.toolbar a').href).toContain(`${UI}/allocation?window=7d`);
  },
};

/** Days without data, `"NaN"` strings, nulls and missing totals. */
export const SparseData: Story = {
  parameters: scenario({ scenario: 'sparse' }),
  play: playShows('kubecost-costs', ['$9.75', 'CPU – · RAM –']),
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'kubecost-costs',
  linkText: 'Open payments in Kubecost', href: `${UI}/allocations?window=7d&agg=namespace&filter=namespace%3A%22payments%22`,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: API },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** HTTP 200, but Kubecost's own `code` says 500 (e.g. while its ETL is building). */
export const ErrorInBody: Story = degraded.failing({ parameters: scenario({ scenario: 'error-body' }) }, 'Unexpected response (at code)');

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/** The first load works, every later one fails: Reload keeps the figures, marked stale. */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'kubecost-costs',
  mock,
  url: API,
  failure: (status) => HttpResponse.json({ code: status, message: 'upstream down' }, { status }),
  handlers: () => kubecostHandlers({ now: NOW }),
  texts: ['$47.74'],
});

// ---- Dark theme: every state once more, so axe checks the dark palette too ------------

export const NotConfiguredDark: Story = darkVariant(NotConfigured);
export const LoadingDark: Story = darkVariant(Loading);
export const EmptyDark: Story = darkVariant(Empty);
export const NamespaceDark: Story = darkVariant(Namespace);
export const ByControllerDark: Story = darkVariant(ByController);
export const GpuWorkloadDark: Story = darkVariant(GpuWorkload);
export const OutageDark: Story = darkVariant(Outage);
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh);
