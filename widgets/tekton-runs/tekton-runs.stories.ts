import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse, http } from 'msw';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../tekton-runs/tekton-runs.js';
import { KUBERNETES_ID, NAMESPACE } from './fixtures/pipeline-runs.js';
import { tektonHandlers, type TektonHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Tekton (`endpoints.tekton.api`), as msw sees it. */
const API = `/proxy/tekton/apis/tekton.dev/v1/namespaces/${NAMESPACE}`;
const RUNS_LINK = `https://tekton.example.com/#/namespaces/${NAMESPACE}/pipelineruns?labelSelector=backstage.io%2Fkubernetes-id%3Dcheckout`;

/** Handlers under one key, `tekton`: a story's `parameters.msw.handlers.tekton` replaces the default's. */
const mock = mswUnder('tekton');
const scenario = (options: TektonHandlerOptions) => mock(tektonHandlers(options));

const meta = {
  title: 'Widgets/Tekton runs',
  component: 'tekton-runs',
  render: renderWidget('tekton-runs'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { namespace: NAMESPACE, 'kubernetes-id': KUBERNETES_ID, 'refresh-interval': 0 },
  parameters: scenario({ scenario: 'mixed' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('tekton-runs', { namespace: undefined, 'kubernetes-id': undefined }, [
      'Not configured.',
      'Set namespace (annotation backstage.io/kubernetes-namespace) and kubernetes-id (annotation backstage.io/kubernetes-id) or label-selector',
    ]);

export const MissingNamespace: Story = notConfiguredStory('tekton-runs', { namespace: undefined }, ['Set namespace (annotation backstage.io/kubernetes-namespace).']);

// ---- Loading and empty ----------------------------------------------------------------

/** The API never answers; the host's timeout is lifted so the skeleton stays (else: "no answer in time"). */
export const Loading: Story = loadingStory({ tag: 'tekton-runs', tool: 'Tekton', mock, url: `${API}/pipelineruns` });

/** No run carries the label: the PipelineRunList has no `items` at all. */
export const Empty: Story = {
  parameters: scenario({ scenario: 'none' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'tekton-runs');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No PipelineRuns match', 'backstage.io/kubernetes-id=checkout', 'Open runs in Tekton Dashboard']);
    await expect(inShadow<HTMLAnchorElement>(widget, '[part="empty"] + a').href).toBe(RUNS_LINK);
  },
};

// ---- Ready ----------------------------------------------------------------------------

/** Every status at once: running, pending, just created, failed, succeeded with a scan, cancelled, timed out. */
export const MixedRuns: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'tekton-runs');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Last run', '2 of 8 succeeded', 'Running', 'Pending', 'Failed', 'Cancelled', 'timed out']);
    await waitForText(widget, ['Failed task', 'unit-tests', '"step-go-test" exited with code 1: Error']);
    await waitForText(widget, ['ACS IMAGE vulnerabilities:', '1 high', 'scan output unreadable']);
    await expect(widget.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(8);
    await expect(inShadow<HTMLAnchorElement>(widget, 'tr[data-run="checkout-ci-p4x7d"] a').href)
      .toBe(`https://tekton.example.com/#/namespaces/${NAMESPACE}/pipelineruns/checkout-ci-p4x7d`);
  },
};

/** The failing task and step with its reason, and the timed-out run, each with its fix and a link to the step. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'tekton-runs');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Problems', 'Step failed', 'run checkout-ci-p4x7d: task unit-tests, step go-test', 'TaskRunTimeout', 'PipelineRunTimeout']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'section.diagnoses li a').href)
      .toBe(`https://tekton.example.com/#/namespaces/${NAMESPACE}/pipelineruns/checkout-ci-p4x7d?pipelineTask=unit-tests&step=go-test`);
  },
};

export const ProblemsDark: Story = darkVariant(Problems, 'tekton-runs');

export const AllSucceeded: Story = {
  parameters: scenario({ scenario: 'all-succeeded' }),
  play: playShows('tekton-runs', ['Succeeded', '2 of 2 succeeded', '0 critical']),
};

export const RunInProgress: Story = {
  parameters: scenario({ scenario: 'running' }),
  play: playShows('tekton-runs', ['Running', 'running for']),
};

/** 25 runs match; `limit="5"` shows the newest five and says how many there were. */
export const LimitedToFive: Story = {
  args: { limit: 5 },
  parameters: scenario({ scenario: 'many' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'tekton-runs');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['newest 5 of 25 runs', 'checkout-ci-0000']);
    await expect(widget.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(5);
  },
};

/** `label-selector` (annotation backstage.io/kubernetes-label-selector) wins over kubernetes-id. */
export const LabelSelector: Story = {
  args: { 'label-selector': 'tekton.dev/pipeline=checkout-ci', 'kubernetes-id': 'ignored' },
  play: playShows('tekton-runs', ['tekton.dev/pipeline=checkout-ci', '8 succeeded']),
};

/** The TaskRuns cannot be read (RBAC): the runs still show, with the PipelineRun's own message. */
export const TaskRunsForbidden: Story = {
  parameters: scenario({ scenario: 'task-runs-unavailable' }),
  play: playShows('tekton-runs', ['Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 3', 'Failed-task details unavailable']),
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'tekton-runs',
  linkText: 'Open checkout in Tekton', href: RUNS_LINK,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: `${API}/pipelineruns` },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** The Tekton CRDs are not installed on the cluster: the API server answers 404. */
export const NotFound: Story = degraded.notFound({
  parameters: mock([http.get(`${API}/pipelineruns`, () => HttpResponse.json({ kind: 'Status', code: 404, reason: 'NotFound' }, { status: 404 }))]),
});

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/**
 * The first load works, every later one fails: Reload keeps the runs on screen,
 * marked stale with the reason. (Handlers are made per render: they count requests.)
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'tekton-runs',
  mock,
  url: `${API}/pipelineruns`,
  failure: (status) => HttpResponse.json({ kind: 'Status', code: status }, { status }),
  handlers: () => tektonHandlers(),
  texts: ['checkout-ci-p4x7d'],
});

// ---- Dark theme: every state and tone once more, so axe checks the dark palette too ----

export const NotConfiguredDark: Story = darkVariant(NotConfigured);
export const LoadingDark: Story = darkVariant(Loading);
export const EmptyDark: Story = darkVariant(Empty);
export const MixedRunsDark: Story = darkVariant(MixedRuns);
export const RunInProgressDark: Story = darkVariant(RunInProgress);
export const OutageDark: Story = darkVariant(Outage);
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh);
