import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import './argo-status.js';
import { ARGO_ACTIONS } from './argo-status.component.js';
import { troubledApp, unreconciledApp } from './fixtures/applications.js';
import { argoHandlers, type ArgoHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Argo CD (`endpoints.argocd.api`), as msw sees it. */
const API = '/proxy/argocd/api/v1/applications';
const UI = 'https://argocd.example.com';
const SELECTOR = 'team=storefront';

const mock = mswUnder('argo');
const scenario = (options: ArgoHandlerOptions) => mock(argoHandlers(options));

const meta = {
  title: 'Widgets/Argo CD status',
  component: 'argo-status',
  render: renderWidget('argo-status'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { 'app-name': 'guestbook', 'refresh-interval': 0 },
  parameters: {
    ...scenario({ scenario: 'healthy' }),
    decisions: { [ARGO_ACTIONS.refresh]: 'allow', [ARGO_ACTIONS.sync]: 'allow' },
  },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('argo-status', { 'app-name': undefined }, ['Not configured.', 'Set app-name (annotation argocd/app-name) or app-selector']);

export const BothAttributes: Story = notConfiguredStory('argo-status', { 'app-name': 'guestbook', 'app-selector': SELECTOR }, ['Not configured.', 'Set either app-name or app-selector, not both']);

// ---- Loading and empty ----------------------------------------------------------------

/** Argo CD never answers; the host's timeout is lifted so the skeleton stays (else: "no answer in time"). */
export const Loading: Story = loadingStory({ tag: 'argo-status', tool: 'Argo CD', mock, url: `${API}/:name` });

/** Just created: Argo CD has not reconciled the application, so it has no status yet. */
export const Empty: Story = {
  parameters: mock([http.get(`${API}/guestbook`, () => HttpResponse.json(unreconciledApp)), ...argoHandlers()]),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['Argo CD has not reported a status for this application yet.', 'Open in Argo CD']);
    await expect(inShadow<HTMLAnchorElement>(widget, '[part="empty"] + a').href).toBe(`${UI}/applications/guestbook`);
  },
};

export const EmptySelector: Story = {
  args: { 'app-name': undefined, 'app-selector': SELECTOR },
  parameters: scenario({ selectorMatches: 0 }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'empty');
    await waitForText(widget, [`No applications match ${SELECTOR}`]);
  },
};

// ---- Ready ----------------------------------------------------------------------------

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Synced', 'Healthy', 'Last synced', 'ghcr.io/example/guestbook-ui:1.8.2', 'guestbook/guestbook-ui']);
    // Commit details arrive after the application, from the revision metadata endpoint.
    await waitForText(widget, ['guestbook-ui: bump to 1.8.2']);
  },
};

export const Degraded: Story = {
  parameters: scenario({ scenario: 'degraded' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Degraded']);
    // The health message is only the pill's tooltip (title), not visible text.
    await expect(inShadow(widget, '.head [title*="exceeded its progress deadline"]').textContent).toContain('Degraded');
  },
};

export const OutOfSync: Story = {
  parameters: scenario({ scenario: 'out-of-sync' }),
  play: playShows('argo-status', ['Out of sync', 'Missing', 'SyncError', 'SealedSecret']),
};

/** "Manifest" on a resource: its live state as YAML, fetched only when opened, with a Copy button. */
export const LiveManifest: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await userEvent.click(inShadow(widget, 'button[aria-label="Manifest of Deployment guestbook-ui"]'));
    await waitForText(widget, ['Manifest of Deployment guestbook/guestbook-ui', 'kind: Deployment', 'replicas: 3', 'Copy']);
  },
};

/** An out-of-sync resource missing from the cluster: no live state, and the desired one as additions. */
export const ManifestDifferences: Story = {
  parameters: scenario({ scenario: 'out-of-sync' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await userEvent.click(inShadow(widget, 'button[aria-label="Manifest of SealedSecret guestbook-db"]'));
    await waitForText(widget, ['Not in the cluster (missing)', 'Differences', '+ kind: SealedSecret']);
  },
};

export const SyncRunning: Story = {
  parameters: scenario({ scenario: 'sync-running' }),
  play: playShows('argo-status', ['Sync running', 'Progressing', 'waiting for healthy state']),
};

export const SyncFailed: Story = {
  parameters: scenario({ scenario: 'sync-failed' }),
  play: playShows('argo-status', ['Last sync failed', 'spec.template.spec.containers[0].image: Required value']),
};

/** Every problem the diagnosis names, each with what was seen, why, the fix and a link to the exact place. */
export const Problems: Story = {
  parameters: mock([http.get(`${API}/guestbook`, () => HttpResponse.json(troubledApp)), ...argoHandlers()]),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Problems', 'ComparisonError', 'Sync failed on a hook', 'OutOfSync despite ignoreDifferences', 'exceeded its progress deadline']);
    await expect(inShadow(widget, 'section.diagnoses[aria-label^="Problems of guestbook in "] a').getAttribute('href')).toContain('conditions=true');
  },
};

export const ProblemsDark: Story = darkVariant(Problems, 'argo-status');

/** A Helm chart: revisions are chart versions, so history shows the chart, not commits. */
export const Helm: Story = {
  args: { 'app-name': 'redis-cache' },
  play: playShows('argo-status', ['chart redis from https://charts.bitnami.com/bitnami', '19.6.4', 'Helm chart redis 19.5.0']),
};

/** Two sources: a Helm chart plus values from Git. */
export const MultiSource: Story = {
  args: { 'app-name': 'payments' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Source 1', 'chart payments-api', 'Source 2', 'https://github.com/example/payments-values']);
    await waitForText(widget, ['prod: raise replicas to 3']);
  },
};

export const Selector: Story = {
  args: { 'app-name': undefined, 'app-selector': SELECTOR },
  parameters: scenario({ selectorMatches: 12 }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['12 apps', 'not synced', 'not healthy', 'svc-0000', 'svc-0011']);
    await expect(widget.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(12);
  },
};

export const LargeSelector: Story = {
  args: { 'app-name': undefined, 'app-selector': SELECTOR },
  parameters: scenario({ selectorMatches: 500 }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['500 apps', '400 more — narrow the selector']);
    // The first 100 are listed (the rest counted, never drawn), and of those only the rows in view are in the DOM.
    await expect(widget.shadowRoot?.querySelector('table')?.getAttribute('aria-rowcount')).toBe('101');
    const drawn = widget.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
    await expect(drawn).toBeGreaterThan(0);
    await expect(drawn).toBeLessThan(100);
    const region = widget.shadowRoot?.querySelector<HTMLElement>('.app-list');
    if (!region) throw new Error('no application list');
    region.scrollTop = region.scrollHeight;
    await waitFor(() => expect(widget.shadowRoot?.querySelector('tr[aria-rowindex="101"]')).not.toBeNull());
  },
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'argo-status',
  linkText: 'Open guestbook in Argo CD', href: `${UI}/applications/guestbook`,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: `${API}/guestbook` },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** The annotation names an application Argo CD does not know. */
export const NotFound: Story = degraded.notFound({ args: { 'app-name': 'guestbok' } }, { linkText: 'Open guestbok in Argo CD', href: `${UI}/applications/guestbok` });

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

// ---- Actions --------------------------------------------------------------------------

export const ActionsDenied: Story = {
  parameters: { decisions: { [ARGO_ACTIONS.refresh]: 'deny', [ARGO_ACTIONS.sync]: 'deny' } },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Refresh: no permission', 'Sync: no permission']);
    for (const id of ['#argo-refresh', '#argo-sync']) {
      await expect(inShadow(widget, id).getAttribute('aria-disabled')).toBe('true');
    }
    // A denied action does nothing when clicked: no confirmation opens.
    await userEvent.click(inShadow(widget, '#argo-sync'));
    await expect(widget.shadowRoot?.querySelector('dialog.pw-confirm')).toBeNull();
  },
};

/**
 * The first load works, every later one fails: Reload keeps the data on screen,
 * marked stale with the reason. (Handlers are made per render: they count requests.)
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'argo-status',
  mock,
  url: `${API}/guestbook`,
  failure: (status) => HttpResponse.json({ error: 'upstream down' }, { status }),
  handlers: () => argoHandlers(),
  texts: ['Synced', 'Healthy'],
});

/**
 * Sync an out-of-sync application: confirm in the dialog, then the widget follows the
 * operation until Argo CD reports it finished. (Handlers are made per render: they hold
 * the application's state.)
 */
export const SyncFlow: Story = {
  parameters: mock([]),
  beforeEach: ({ msw }) => {
    msw.use(...argoHandlers({ scenario: 'out-of-sync' }));
  },
  play: async ({ canvasElement, step }) => {
    const widget = widgetIn(canvasElement, 'argo-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Out of sync']);
    await step('Ask for a sync', async () => {
      await waitFor(() => expect(inShadow(widget, '#argo-sync').getAttribute('aria-disabled')).toBe('false'));
      await userEvent.click(inShadow(widget, '#argo-sync'));
    });
    await step('Confirm it', async () => {
      const dialog = await waitFor(() => inShadow<HTMLDialogElement>(widget, 'dialog.pw-confirm'));
      await waitFor(() => expect(dialog.open).toBe(true));
      await expect(dialog.textContent).toContain('Sync guestbook?');
      await userEvent.click(inShadow(widget, 'dialog.pw-confirm button.primary'));
    });
    await step('Follow it to the end', async () => {
      await waitForText(widget, ['Sync succeeded'], { timeout: 15_000 });
      await waitForText(widget, ['Synced']);
    });
  },
};

// ---- Dark theme: every state and tone once more, so axe checks the dark palette too ----

export const NotConfiguredDark: Story = darkVariant(NotConfigured, 'argo-status');
export const LiveManifestDark: Story = darkVariant(LiveManifest, 'argo-status');
export const ManifestDifferencesDark: Story = darkVariant(ManifestDifferences, 'argo-status');
export const LoadingDark: Story = darkVariant(Loading, 'argo-status');
export const EmptyDark: Story = darkVariant(Empty, 'argo-status');
export const HealthyDark: Story = darkVariant(Healthy, 'argo-status');
export const OutOfSyncDark: Story = darkVariant(OutOfSync, 'argo-status');
export const SyncFailedDark: Story = darkVariant(SyncFailed, 'argo-status');
export const SelectorDark: Story = darkVariant(Selector, 'argo-status');
export const OutageDark: Story = darkVariant(Outage, 'argo-status');
export const ActionsDeniedDark: Story = darkVariant(ActionsDenied, 'argo-status');
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh, 'argo-status');
