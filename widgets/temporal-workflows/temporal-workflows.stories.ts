import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../temporal-workflows/temporal-workflows.js';
import { temporalHandlers, type TemporalHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Temporal (`endpoints.temporal.api`), as msw sees it. */
const API = '/proxy/temporal/api/v1/namespaces/payments';
const UI = 'https://temporal.example.com';

const mock = mswUnder('temporal');
const scenario = (options: TemporalHandlerOptions) => mock(temporalHandlers(options));

const meta = {
  title: 'Widgets/Temporal workflows',
  component: 'temporal-workflows',
  render: renderWidget('temporal-workflows'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { namespace: 'payments', 'refresh-interval': 0 },
  parameters: scenario({ scenario: 'healthy' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('temporal-workflows', { namespace: undefined }, ['Not configured.', 'Set namespace (annotation platform-widgets.io/temporal-namespace).']);

// ---- Loading and empty ----------------------------------------------------------------

/** Temporal never answers; the host's timeout is lifted so the skeleton stays (else: "no answer in time"). */
export const Loading: Story = loadingStory({ tag: 'temporal-workflows', tool: 'Temporal', mock, url: `${API}*` });

/** Nothing running, nothing failed: the counts of the rest, and the pre-filtered list in Temporal. */
export const Empty: Story = {
  args: { 'workflow-type': 'ChargeCard' },
  parameters: scenario({ scenario: 'quiet' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'temporal-workflows');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No running or failed workflows match WorkflowType="ChargeCard"', '310 Completed', '2 Terminated']);
    await expect(inShadow<HTMLAnchorElement>(widget, '.links a').href).toBe(
      `${UI}/namespaces/payments/workflows?query=WorkflowType%3D%22ChargeCard%22`,
    );
  },
};

// ---- Ready ----------------------------------------------------------------------------

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'temporal-workflows');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Namespace Registered', '3 Running', '1 Failed', '1 Timed out', '1,842 Completed', 'charge-order-81723', 'payout-merchant-4410']);
    await expect(inShadow<HTMLAnchorElement>(widget, '[aria-label^="Running workflows"] tbody a').href).toMatch(
      /\/namespaces\/payments\/workflows\/charge-order-81723\/[^/]+\/history$/,
    );
  },
};

/** Filtered by type, task queue and a raw query: one escaped visibility query, the same one linked. */
/** Failed and timed-out workflows grouped by type, with why, the fix and a link to the newest run's history. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'temporal-workflows');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Problems', 'Workflows failed', 'workflow type ChargeCard', 'Workflows timed out', 'Task queue: payments-batch.']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'section.diagnoses li a').href).toMatch(/\/workflows\/charge-order-81719\/[^/]+\/history$/);
  },
};

export const ProblemsDark: Story = darkVariant(Problems, 'temporal-workflows');

export const Filtered: Story = {
  args: { 'workflow-type': 'ChargeCard', 'task-queue': 'payments-main', query: 'CustomerTier="gold"' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'temporal-workflows');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['These workflows in Temporal']);
    const filtered = [...(widget.shadowRoot?.querySelectorAll<HTMLAnchorElement>('.links a') ?? [])][0];
    await expect(new URL(filtered?.href ?? '').searchParams.get('query')).toBe(
      'WorkflowType="ChargeCard" AND TaskQueue="payments-main" AND (CustomerTier="gold")',
    );
  },
};

/** More than a page: the latest ten of each, with the totals the server counted. */
export const ManyWorkflows: Story = {
  parameters: scenario({ scenario: 'many' }),
  play: playShows('temporal-workflows', ['57 Running', '23 Failed', 'latest 10 of 57', 'latest 10 of 23', '98,311 Completed']),
};

/** The count endpoint is refused: counts come from the listed page, and the widget says so. */
export const CountsOfListedPage: Story = {
  parameters: scenario({ scenario: 'counts-unsupported' }),
  play: playShows('temporal-workflows', ['3 Running', 'Counts are of the listed page only']),
};

export const DeprecatedNamespace: Story = {
  parameters: scenario({ scenario: 'deprecated' }),
  play: playShows('temporal-workflows', ['Namespace Deprecated']),
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'temporal-workflows',
  linkText: 'Open payments in Temporal', href: `${UI}/namespaces/payments/workflows`,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: `${API}/workflows`, handlers: temporalHandlers() },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** The annotation names a namespace Temporal does not know. */
export const NotFound: Story = degraded.notFound({ parameters: scenario({ scenario: 'namespace-missing' }) });

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/**
 * The first load works, every later one fails: Reload keeps the data on screen,
 * marked stale with the reason. (Handlers are made per render: they count requests.)
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'temporal-workflows',
  mock,
  url: API,
  failure: (status) => HttpResponse.json({ code: 14, message: 'unavailable' }, { status }),
  handlers: () => temporalHandlers(),
  texts: ['charge-order-81723'],
});

// ---- Dark theme: every state and tone once more, so axe checks the dark palette too ----

export const NotConfiguredDark: Story = darkVariant(NotConfigured);
export const LoadingDark: Story = darkVariant(Loading);
export const EmptyDark: Story = darkVariant(Empty);
export const HealthyDark: Story = darkVariant(Healthy);
export const ManyWorkflowsDark: Story = darkVariant(ManyWorkflows);
export const DeprecatedNamespaceDark: Story = darkVariant(DeprecatedNamespace);
export const OutageDark: Story = darkVariant(Outage);
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh);
