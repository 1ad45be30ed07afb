import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../harbor-vulns/harbor-vulns.js';
import { PROJECT_ID, SLUG, newestVulnerable } from './fixtures/artifacts.js';
import { harborHandlers, type HarborHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Harbor (`endpoints.harbor.api`), as msw sees it. */
const API = '/proxy/harbor/api/v2.0/projects/:project/repositories/:repository/artifacts';
const UI = 'https://harbor.example.com';
const REPO_LINK = `${UI}/harbor/projects/${PROJECT_ID}/repositories/guestbook%252Fweb/artifacts-tab`;
const PROJECTS_LINK = `${UI}/harbor/projects`;

const mock = mswUnder('harbor');
const scenario = (options: HarborHandlerOptions) => mock(harborHandlers(options));

const meta = {
  title: 'Widgets/Harbor vulnerabilities',
  component: 'harbor-vulns',
  render: renderWidget('harbor-vulns'),
  args: { 'repository-slug': SLUG, 'refresh-interval': 0 },
  parameters: scenario({ scenario: 'mixed' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('harbor-vulns', { 'repository-slug': undefined }, ['Not configured.', 'Set repository-slug (annotation goharbor.io/repository-slug)']);

export const SlugWithoutRepository: Story = notConfiguredStory('harbor-vulns', { 'repository-slug': 'storefront' }, ['repository-slug "storefront" is not "project/repository"']);

// ---- Loading and empty ----------------------------------------------------------------

/** Harbor never answers; the host's timeout is lifted so the skeleton stays. */
export const Loading: Story = loadingStory({ tag: 'harbor-vulns', tool: 'Harbor', mock, url: API, ariaBusy: false });

export const Empty: Story = {
  parameters: scenario({ scenario: 'none' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'harbor-vulns');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No artifacts in', 'storefront/guestbook/web', 'Harbor projects']);
  },
};

// ---- Ready ----------------------------------------------------------------------------

/** Every scan state at once: findings, scanning, older report key, failed, not scanned, queued. */
export const MixedScans: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'harbor-vulns');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Critical', 'High', 'Medium', 'Low', '9 fixable', 'never pulled', 'Scanning (40%)', 'Scan failed', 'Not scanned', 'Scan queued']);
    await expect(inShadow<HTMLAnchorElement>(widget, `tr[data-digest="${newestVulnerable.digest}"] a`).href)
      .toBe(`${REPO_LINK}/artifacts/${newestVulnerable.digest}`);
  },
};

/** The newest image's critical finding that has a fixed version: the package, the CVE, the version to upgrade to. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'harbor-vulns');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Problems', 'Critical vulnerability with a fix', 'libssl3 3.0.11-1~deb12u2 in 1.8.2, latest', 'CVE-2024-5535', 'Fixed in libssl3 3.0.14-1~deb12u1.']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'section.diagnoses li a').href).toContain(`/harbor/projects/${PROJECT_ID}/repositories/`);
  },
};

export const ProblemsDark: Story = darkVariant(Problems, 'harbor-vulns');

export const CleanLatest: Story = {
  parameters: scenario({ scenario: 'clean' }),
  play: playShows('harbor-vulns', ['Newest: 1.9.0', '2 low']),
};

/** Harbor before 2.8 (or an older scanner): only the `…harbor+json; version=1.0` report key. */
export const LegacyReportKey: Story = {
  parameters: scenario({ scenario: 'legacy-report' }),
  play: playShows('harbor-vulns', ['1 critical, 3 high, 7 medium, 12 low']),
};

export const NewestStillScanning: Story = {
  parameters: scenario({ scenario: 'scanning' }),
  play: playShows('harbor-vulns', ['Scanning (40%)', 'Not scanned']),
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'harbor-vulns');
    await waitForState(widget, 'ready');
    await expect(widget.getAttribute('theme')).toBe('dark');
  },
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'harbor-vulns',
  linkText: 'Open storefront/guestbook/web in Harbor', href: PROJECTS_LINK,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: API },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;
export const NotFound: Story = degraded.notFound({ parameters: scenario({ scenario: 'not-found' }) });

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/**
 * The first load works, every later one fails: Reload keeps the artifacts on screen,
 * marked stale with the reason.
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'harbor-vulns',
  mock,
  url: API,
  failure: (status) => HttpResponse.json({ errors: [{ code: 'UNKNOWN' }] }, { status }),
  handlers: () => harborHandlers(),
  texts: ['1.8.2'],
  noDeepLink: false,
});
