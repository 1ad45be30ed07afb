import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse, http } from 'msw';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../grafana-alerts/grafana-alerts.js';
import { LABEL_SELECTOR } from './fixtures/alerts.js';
import { grafanaAlertsHandlers, type GrafanaAlertsHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Grafana (`endpoints.grafana.api`), as msw sees it. */
const AM = '/proxy/grafana/api/alertmanager/grafana/api/v2';
const UI = 'https://grafana.example.com';
const LIST_LINK = `${UI}/alerting/list?search=label%3Ateam%3Dpayments`;

/** Handlers under one key, `grafana`: a story's `parameters.msw.handlers.grafana` replaces the default's. */
const mock = mswUnder('grafana');
const scenario = (options: GrafanaAlertsHandlerOptions) => mock(grafanaAlertsHandlers(options));

const meta = {
  title: 'Widgets/Grafana alerts',
  component: 'grafana-alerts',
  render: renderWidget('grafana-alerts'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { 'label-selector': LABEL_SELECTOR, 'refresh-interval': 0 },
  parameters: scenario({ scenario: 'firing' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('grafana-alerts', { 'label-selector': undefined }, ['Not configured.', 'Set label-selector (annotation grafana/alert-label-selector)']);

/** Only `k=v` pairs: a regex matcher is refused before any request. */
export const InvalidSelector: Story = notConfiguredStory('grafana-alerts', { 'label-selector': 'team=~pay.*' }, ['label-selector must be label=value pairs separated by commas']);

// ---- Loading and empty ----------------------------------------------------------------

/** Alertmanager never answers; the host's timeout is lifted so the skeleton stays. */
export const Loading: Story = loadingStory({ tag: 'grafana-alerts', tool: 'Grafana', mock, url: `${AM}/alerts`, handlers: grafanaAlertsHandlers() });

/** A good state: nothing fires; the rules watching the service and the alert list link remain. */
export const NoFiringAlerts: Story = {
  parameters: scenario({ scenario: 'quiet' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-alerts');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No firing alerts', 'nothing fires or is silenced for', 'Alert rules', 'Normal', 'Open alerts in Grafana']);
    await expect(inShadow<HTMLAnchorElement>(widget, '.foot a').href).toBe(LIST_LINK);
  },
};

// ---- Ready ----------------------------------------------------------------------------

/** Two instances of one rule, a warning with a text runbook, an inhibited and a silenced alert. */
export const Firing: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-alerts');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['3 firing', '1 silenced', '1 inhibited', 'PaymentsApiHighErrorRate', '5xx error rate above 5% on payments-api']);
    await waitForText(widget, ['Runbook: wiki: Payments / Database connections', 'Silenced by alice@example.com', 'Settlement batch import runs until 18:00']);
    await expect(widget.shadowRoot?.querySelectorAll('li.alert')).toHaveLength(5);
    const silence = inShadow<HTMLAnchorElement>(widget, 'li.state-firing a.silence');
    await expect(silence.href).toContain(`${UI}/alerting/silence/new?alertmanager=grafana&matcher=team%3Dpayments`);
  },
};

export const OnlySilenced: Story = {
  parameters: scenario({ scenario: 'silenced' }),
  play: playShows('grafana-alerts', ['None firing', '1 silenced', 'Silenced by alice@example.com', 'Manage silence']),
};

/** 30 alerts: the list scrolls inside the card. */
export const ManyAlerts: Story = {
  parameters: scenario({ scenario: 'many' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'grafana-alerts');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['30 firing']);
    await expect(widget.shadowRoot?.querySelectorAll('li.alert')).toHaveLength(30);
  },
};

/** Rules cannot be read (no permission): the alerts stay, with a one-line note. */
export const RulesUnavailable: Story = {
  parameters: scenario({ scenario: 'rules-unavailable' }),
  play: playShows('grafana-alerts', ['Alert rules unavailable: No access', '3 firing']),
};

/** Silences cannot be read: a silenced alert still shows as silenced, without who and until when. */
export const SilencesUnavailable: Story = {
  parameters: scenario({ scenario: 'silences-unavailable' }),
  play: playShows('grafana-alerts', ['Silenced (details unavailable).', 'Silence details unavailable: Tool unavailable (HTTP 500)']),
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'grafana-alerts',
  linkText: 'Open team=payments in Grafana', href: LIST_LINK,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: `${AM}/alerts`, handlers: grafanaAlertsHandlers() },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** Unified alerting is off (or the proxy path is wrong): Grafana answers 404. */
export const NotFound: Story = degraded.notFound({
  parameters: mock([http.get(`${AM}/alerts`, () => HttpResponse.json({ message: 'Not found' }, { status: 404 })), ...grafanaAlertsHandlers()]),
});

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/**
 * The first load works, every later one fails: Reload keeps the alerts on screen,
 * marked stale with the reason. (Handlers are made per render: they count requests.)
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'grafana-alerts',
  mock,
  url: `${AM}/alerts`,
  failure: (status) => HttpResponse.json({ message: 'bad gateway' }, { status }),
  status: 502,
  handlers: () => grafanaAlertsHandlers(),
  texts: ['PaymentsApiHighErrorRate'],
});

// ---- Dark theme: every state once more, so axe checks the dark palette too ------------

export const NotConfiguredDark: Story = darkVariant(NotConfigured, 'grafana-alerts');
export const LoadingDark: Story = darkVariant(Loading, 'grafana-alerts');
export const NoFiringAlertsDark: Story = darkVariant(NoFiringAlerts, 'grafana-alerts');
export const FiringDark: Story = darkVariant(Firing, 'grafana-alerts');
export const RulesUnavailableDark: Story = darkVariant(RulesUnavailable, 'grafana-alerts');
export const OutageDark: Story = darkVariant(Outage, 'grafana-alerts');
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh, 'grafana-alerts');
