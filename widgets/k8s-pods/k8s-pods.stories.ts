import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';
import '../k8s-pods/k8s-pods.js';
import { LOGS_ACTION } from './k8s-pods.component.js';
import { KUBERNETES_ID, NAMESPACE } from './fixtures/pods.js';
import { MANY_PODS, k8sHandlers, type K8sHandlerOptions } from './fixtures/handlers.js';
import { kubeError } from '../kit/testing/kubernetes-status.js';

/** Where the decorator's host points Kubernetes (`endpoints.kubernetes.api`), as msw sees it. */
const API = `/proxy/kubernetes/api/v1/namespaces/${NAMESPACE}`;
const PODS_LINK = `https://kubernetes.example.com/c/main/pods?namespace=${NAMESPACE}`;

const mock = mswUnder('kubernetes');
const scenario = (options: K8sHandlerOptions) => mock(k8sHandlers(options));

const meta = {
  title: 'Widgets/Kubernetes pods',
  component: 'k8s-pods',
  render: renderWidget('k8s-pods'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { namespace: NAMESPACE, 'kubernetes-id': KUBERNETES_ID, 'refresh-interval': 0 },
  parameters: { ...scenario({ scenario: 'healthy' }), decisions: { [LOGS_ACTION]: 'allow' } },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('k8s-pods', { namespace: undefined, 'kubernetes-id': undefined }, ['Not configured.', 'Set namespace (annotation backstage.io/kubernetes-namespace) and kubernetes-id']);

export const MissingNamespace: Story = notConfiguredStory('k8s-pods', { namespace: undefined }, ['Set namespace (annotation backstage.io/kubernetes-namespace).']);

// ---- Loading and empty ----------------------------------------------------------------

/** The API never answers; the host's timeout is lifted so the skeleton stays. */
export const Loading: Story = loadingStory({ tag: 'k8s-pods', tool: 'Kubernetes', mock, url: `${API}/pods`, ariaBusy: false });

export const Empty: Story = {
  parameters: scenario({ scenario: 'none' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No pods match', 'backstage.io/kubernetes-id=guestbook', 'Open pods in the Kubernetes dashboard']);
  },
};

// ---- Ready ----------------------------------------------------------------------------

export const Healthy: Story = {
  play: playShows('k8s-pods', ['4 running', '1 succeeded', 'guestbook-ui', '12m used · req 100m · lim 500m', 'Recent events']),
};

/** Every problem at once: crash loop, image pull, missing ConfigMap, OOM kill, stalled rollout, unschedulable. */
export const Problems: Story = {
  parameters: scenario({ scenario: 'problems' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'ready');
    await waitForText(widget, [
      'Problems', 'CrashLoopBackOff', 'ImagePullBackOff', 'CreateContainerConfigError', 'OOMKilled',
      'ProgressDeadlineExceeded', 'Unschedulable', '1 crash-looping', 'Rollout stalled', 'Fix:',
    ]);
  },
};

/** 5,000 pods: only the visible rows are in the DOM; the grid still announces all of them. */
export const FiveThousandPods: Story = {
  parameters: scenario({ scenario: 'many' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'ready', { timeout: 15_000 });
    await expect(inShadow(widget, '[role="table"]').getAttribute('aria-rowcount')).toBe(String(MANY_PODS + 1));
    await expect(widget.shadowRoot?.querySelectorAll('[data-pod]').length).toBeLessThan(40);
    await waitForText(widget, [`${MANY_PODS} pods`, '52 crash-looping']);
  },
};

/** `label-selector` (annotation backstage.io/kubernetes-label-selector) wins over kubernetes-id. */
export const LabelSelector: Story = {
  args: { 'label-selector': 'app=guestbook-redis', 'kubernetes-id': 'ignored' },
  play: playShows('k8s-pods', ['app=guestbook-redis', 'guestbook-redis-0', '1 pods']),
};

/** `cluster` names the cluster in the dashboard links (and the Backstage proxy's cluster header). */
export const Cluster: Story = {
  args: { cluster: 'prod-eu' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'ready');
    await expect(inShadow<HTMLAnchorElement>(widget, '[data-pod="guestbook-redis-0"] a').href)
      .toBe(`https://kubernetes.example.com/c/prod-eu/pods/${NAMESPACE}/guestbook-redis-0`);
  },
};

// ---- One section fails, the rest stays ------------------------------------------------

export const EventsForbidden: Story = {
  parameters: scenario({ scenario: 'events-forbidden' }),
  play: playShows('k8s-pods', ['Events', 'unavailable', 'No access', 'guestbook-redis-0']),
};

export const NoMetricsServer: Story = {
  parameters: scenario({ scenario: 'no-metrics' }),
  play: playShows('k8s-pods', ['this cluster serves no metrics API (metrics-server)', 'req 100m · lim 500m']),
};

export const DeploymentsForbidden: Story = {
  parameters: scenario({ scenario: 'deployments-forbidden' }),
  play: playShows('k8s-pods', ['Deployments', 'unavailable', 'No access', '4 running']),
};

// ---- Logs: allowed, denied, forbidden by the cluster -----------------------------------

export const LogsAllowed: Story = {
  parameters: scenario({ scenario: 'problems' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'ready');
    await userEvent.click(inShadow(widget, '[data-pod="guestbook-redis-0"] .logs-button'));
    await waitFor(() => expect(inShadow(widget, 'pre.log').textContent).toContain('guestbook starting'), { timeout: 5_000 });
    await userEvent.click(inShadow(widget, '.logs input[type="checkbox"]'));
    await waitFor(() => expect(inShadow(widget, 'pre.log').textContent).toContain('panic: cannot reach redis'), { timeout: 5_000 });
  },
};

export const LogsDenied: Story = {
  parameters: { decisions: { [LOGS_ACTION]: 'deny' } },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['you do not have permission to read pod logs (kubernetes.pods.logs)']);
    await expect(inShadow(widget, '.logs-button').getAttribute('aria-disabled')).toBe('true');
  },
};

export const LogsForbiddenByCluster: Story = {
  parameters: scenario({ scenario: 'logs-forbidden' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'k8s-pods');
    await waitForState(widget, 'ready');
    await userEvent.click(inShadow(widget, '.logs-button'));
    await waitForText(widget, ['Could not read the log:', 'No access']);
  },
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'k8s-pods',
  linkText: 'Open guestbook in Kubernetes dashboard', href: PODS_LINK,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: `${API}/pods` },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;
export const NotFound: Story = degraded.notFound({
  parameters: mock([http.get(`${API}/pods`, () => kubeError(404, 'namespaces "storefront" not found'))]),
});

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/** The first load works, later ones fail: the pods stay, marked stale with the reason. */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'k8s-pods',
  mock,
  url: `${API}/pods`,
  failure: (status) => kubeError(status, 'unavailable'),
  handlers: () => k8sHandlers(),
  texts: ['guestbook-redis-0'],
  noDeepLink: false,
});

// ---- Dark theme ----------------------------------------------------------------------

export const NotConfiguredDark: Story = darkVariant(NotConfigured, 'k8s-pods');
export const LoadingDark: Story = darkVariant(Loading, 'k8s-pods');
export const EmptyDark: Story = darkVariant(Empty, 'k8s-pods');
export const HealthyDark: Story = darkVariant(Healthy, 'k8s-pods');
export const ProblemsDark: Story = darkVariant(Problems, 'k8s-pods');
export const LogsAllowedDark: Story = darkVariant(LogsAllowed, 'k8s-pods');
export const OutageDark: Story = darkVariant(Outage, 'k8s-pods');
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh, 'k8s-pods');
