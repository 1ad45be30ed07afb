import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse, http } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { expectDegraded, inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../grafana-panel/grafana-panel.js';
import { DB_DASHBOARD_UID, DB_INSTANCE, NAMESPACE, PANEL_ID, SERVICE, SERVICE_DASHBOARD_UID, SERVICE_TAG } from './fixtures/dashboards.js';
import { grafanaHandlers, type GrafanaHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

const UI = 'https://grafana.example.com';
const SEARCH = '/proxy/grafana/api/search';
const SERVICE_LINK = `${UI}/d/${SERVICE_DASHBOARD_UID}?var-namespace=${NAMESPACE}&var-service=${SERVICE}`;
const TAGGED = `${UI}/dashboards?tag=${SERVICE_TAG}`;

const mock = mswUnder('grafana');
const scenario = (options: GrafanaHandlerOptions) => mock(grafanaHandlers(options));

/** The panel frame, once rendered. */
function frameIn(widget: Element): HTMLIFrameElement {
  return inShadow<HTMLIFrameElement>(widget, 'iframe');
}

const meta = {
  title: 'Widgets/Grafana panel',
  component: 'grafana-panel',
  render: renderWidget('grafana-panel'),
  args: {
    'dashboard-uid': SERVICE_DASHBOARD_UID,
    'panel-id': PANEL_ID,
    namespace: NAMESPACE,
    service: SERVICE,
    'refresh-interval': 0,
    // Storybook has no Grafana: the frame cannot really load, so the timeout is the story's clock.
    'embed-timeout': 600,
  },
  parameters: scenario({ scenario: 'healthy' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

const noPanel = { 'dashboard-uid': undefined, 'panel-id': undefined, namespace: undefined, service: undefined } as const;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = {
  args: noPanel,
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'not-configured');
    await waitForText(widget, ['Not configured.', 'Set dashboard-uid (annotation platform-widgets.io/grafana-dashboard-uid)']);
  },
};

export const ServicePatternMissingVars: Story = notConfiguredStory('grafana-panel', { namespace: undefined }, ['The service pattern needs namespace.']);

export const CustomUrlOnAnotherOrigin: Story = notConfiguredStory('grafana-panel', { ...noPanel, pattern: 'custom', 'dashboard-url': 'https://elsewhere.example.net/d/abc' }, ['dashboard-url must be on the configured Grafana UI']);

// ---- Loading and empty ----------------------------------------------------------------

/** The search never answers; the host's timeout is lifted so the skeleton stays. */
export const LoadingDashboardList: Story = {
  args: { ...noPanel, 'dashboard-selector': `tag:${SERVICE_TAG}` },
  ...loadingStory({ tag: 'grafana-panel', tool: 'Grafana', mock, url: SEARCH, ariaBusy: false }),
};

export const NoDashboardsTagged: Story = {
  args: { ...noPanel, 'dashboard-selector': `tag:${SERVICE_TAG}` },
  parameters: scenario({ scenario: 'none' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No dashboards tagged', 'Browse dashboards in Grafana']);
    await expect(inShadow<HTMLAnchorElement>(widget, '[part="empty"] + a').href).toBe(TAGGED);
  },
};

// ---- Ready ----------------------------------------------------------------------------

/** The service pattern with a panel: one API request confirms the dashboard holds panel 4, then the link and a sandboxed /d-solo/ frame. */
export const ServicePanel: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Open dashboard in Grafana', 'service pattern']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'a').href).toBe(SERVICE_LINK);
    await waitFor(() => expect(frameIn(widget).getAttribute('sandbox')).toBe('allow-scripts allow-same-origin'));
    await expect(frameIn(widget).src).toBe(
      `${UI}/d-solo/${SERVICE_DASHBOARD_UID}?panelId=4&from=now-6h&to=now&theme=light&var-namespace=${NAMESPACE}&var-service=${SERVICE}`,
    );
  },
};

export const ServicePanelDark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'ready');
    await waitFor(() => expect(new URL(frameIn(widget).src).searchParams.get('theme')).toBe('dark'));
  },
};

export const DatabaseLinkOnly: Story = {
  args: { ...noPanel, 'dashboard-uid': DB_DASHBOARD_UID, 'db-instance': DB_INSTANCE, from: 'now-24h' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['database pattern']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'a').href).toBe(`${UI}/d/${DB_DASHBOARD_UID}?var-instance=${DB_INSTANCE}&from=now-24h`);
    await expect(widget.shadowRoot?.querySelector('iframe')).toBeNull();
  },
};

export const CustomDashboardUrl: Story = {
  args: { ...noPanel, 'dashboard-url': `${UI}/d/abc123/checkout-overview?orgId=1&var-env=prod`, 'panel-id': '2' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['custom pattern']);
    await waitFor(() => expect(frameIn(widget).src).toContain('/d-solo/abc123/checkout-overview?panelId=2'));
  },
};

export const TaggedDashboards: Story = {
  args: { ...noPanel, 'dashboard-selector': `tag:${SERVICE_TAG}` },
  play: playShows('grafana-panel', ['Dashboards tagged', 'Service overview', 'Checkout SLOs', 'Checkout JVM', 'in Services']),
};

/** Panel and list together: the list below the panel. */
export const PanelAndTaggedDashboards: Story = {
  args: { 'dashboard-selector': `tag:${SERVICE_TAG}` },
  play: playShows('grafana-panel', ['Open dashboard in Grafana', 'Service overview']),
};

// ---- Degraded: the deep link and the reason -------------------------------------------

/** The frame check passed but the panel never shows (e.g. a sign-in inside the frame): after the timeout, the link. */
export const EmbedTimedOut: Story = {
  args: { 'embed-timeout': 1 },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'ready');
    // Swallow the frame's load (the stand-in for a Grafana that never shows the panel), then
    // reload: the new frame's load can no longer arrive before the listener.
    widget.shadowRoot?.addEventListener('load', (event) => event.stopPropagation(), true);
    widget.refresh();
    await expectDegraded(canvasElement, 'Grafana panel did not load within 1 s', {
      tag: 'grafana-panel',
      linkText: `Open ${SERVICE} in Grafana`,
      href: SERVICE_LINK,
    });
    await waitForText(widget, ['[security] allow_embedding = true', 'cookie_samesite']);
  },
};

/** The annotation names a dashboard Grafana does not have: its API answers 404, so no frame is shown. */
export const DashboardNotFound: Story = {
  args: { 'dashboard-uid': 'retired-dashboard' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await expectDegraded(canvasElement, 'Dashboard not found: check the annotation', {
      tag: 'grafana-panel',
      linkText: `Open ${SERVICE} in Grafana`,
      href: `${UI}/d/retired-dashboard?var-namespace=${NAMESPACE}&var-service=${SERVICE}`,
    });
    await expect(widget.shadowRoot?.querySelector('iframe')).toBeNull();
  },
};

/** The dashboard exists but holds no panel 99 (rows and collapsed rows included): no frame is shown. */
export const PanelNotFound: Story = {
  args: { 'panel-id': '99' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await expectDegraded(canvasElement, 'Panel 99 not found on the dashboard', {
      tag: 'grafana-panel',
      linkText: `Open ${SERVICE} in Grafana`,
      href: SERVICE_LINK,
    });
    await expect(widget.shadowRoot?.querySelector('iframe')).toBeNull();
  },
};

/** Grafana sends `X-Frame-Options: DENY` on `/d-solo/` (allow_embedding off): the frame check sees it, so no broken frame is shown. */
export const EmbeddingRefusedXFrameOptions: Story = {
  parameters: scenario({ frameHeaders: { 'X-Frame-Options': 'DENY' } }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await expectDegraded(canvasElement, 'Grafana refuses to be embedded here (X-Frame-Options: DENY) — set [security] allow_embedding = true', {
      tag: 'grafana-panel',
      linkText: `Open ${SERVICE} in Grafana`,
      href: SERVICE_LINK,
    });
    await expect(widget.shadowRoot?.querySelector('iframe')).toBeNull();
  },
};

/** A CSP `frame-ancestors 'none'` on `/d-solo/` refuses every page, whatever X-Frame-Options says. */
export const EmbeddingRefusedFrameAncestors: Story = {
  parameters: scenario({ frameHeaders: { 'Content-Security-Policy': "frame-ancestors 'none'" } }),
  play: async ({ canvasElement }) => {
    await expectDegraded(canvasElement, "Grafana refuses to be embedded here (Content-Security-Policy frame-ancestors 'none')", {
      tag: 'grafana-panel',
      linkText: `Open ${SERVICE} in Grafana`,
      href: SERVICE_LINK,
    });
  },
};

/** The host knows embedding is off and says so (`element.embedRefused(…)`). */
export const EmbedRefusedByHost: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-panel');
    await waitForState(widget, 'ready');
    widget.embedRefused('allow_embedding is false');
    await expectDegraded(canvasElement, 'Grafana refused to embed the panel (allow_embedding is false)', {
      tag: 'grafana-panel',
      linkText: `Open ${SERVICE} in Grafana`,
      href: SERVICE_LINK,
    });
  },
};

function expectListDegraded(canvasElement: HTMLElement, reason: string): Promise<void> {
  return expectDegraded(canvasElement, reason, { tag: 'grafana-panel', linkText: `Open tag:${SERVICE_TAG} in Grafana`, href: TAGGED });
}

const selectorOnly = { ...noPanel, 'dashboard-selector': `tag:${SERVICE_TAG}` } as const;

export const SearchOutage: Story = {
  args: selectorOnly,
  parameters: scenario({ scenario: 'outage' }),
  play: ({ canvasElement }) => expectListDegraded(canvasElement, 'Tool unavailable (HTTP 503)'),
};

export const SearchNoAccess: Story = {
  args: selectorOnly,
  parameters: scenario({ scenario: 'no-access' }),
  play: ({ canvasElement }) => expectListDegraded(canvasElement, 'No access'),
};

export const SearchSignInNeeded: Story = {
  args: selectorOnly,
  parameters: scenario({ scenario: 'sign-in' }),
  play: ({ canvasElement }) => expectListDegraded(canvasElement, 'Sign-in needed'),
};

export const SearchUnexpectedResponse: Story = {
  args: selectorOnly,
  parameters: mock([http.get(SEARCH, () => HttpResponse.html('<html><body>Sign in</body></html>'))]),
  play: ({ canvasElement }) => expectListDegraded(canvasElement, 'Unexpected response'),
};

/** Beside a panel, a failing search only notes the missing list. */
export const PanelWithSearchDenied: Story = {
  args: { 'dashboard-selector': `tag:${SERVICE_TAG}` },
  parameters: mock([http.get(SEARCH, () => HttpResponse.json({ message: 'Permission denied' }, { status: 403 })), ...grafanaHandlers()]),
  play: playShows('grafana-panel', ['Dashboard list unavailable: No access', 'Open dashboard in Grafana']),
};

/** The first search works, later ones fail: Reload keeps the list, marked stale. */
export const StaleAfterFailedRefresh: Story = {
  args: selectorOnly,
  ...staleAfterFailedRefreshStory({
    tag: 'grafana-panel',
    mock,
    url: SEARCH,
    failure: (status) => HttpResponse.json({ message: 'down' }, { status }),
    handlers: () => grafanaHandlers(),
    texts: ['Checkout SLOs'],
    noDeepLink: false,
  }),
};
