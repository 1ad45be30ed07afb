import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import { testEndpoints } from '../kit/testing/fake-host.js';
import '../image-trail/image-trail.js';
import { imageTrailHandlers, type ImageTrailHandlerOptions } from './fixtures/handlers.js';
import { DIGEST, KARGO_PROJECT, KUBERNETES_ID, NAMESPACE, SLUG, TAG } from './fixtures/trail.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Handlers under one key, `trail`: a story's `parameters.msw.handlers.trail` replaces the default's. */
const mock = mswUnder('trail');
const scenario = (options: ImageTrailHandlerOptions) => mock(imageTrailHandlers(options));

const meta = {
  title: 'Widgets/Image trail',
  component: 'image-trail',
  render: renderWidget('image-trail'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: {
    'repository-slug': SLUG, tag: TAG, 'kargo-project': KARGO_PROJECT, 'app-name': 'guestbook', namespace: NAMESPACE, 'kubernetes-id': KUBERNETES_ID, 'refresh-interval': 0,
  },
  parameters: scenario({ scenario: 'in-production' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

const stepText = (widget: Element, tool: string) => inShadow(widget, `li.step[data-tool="${tool}"]`).textContent ?? '';

export const NotConfigured: Story = notConfiguredStory('image-trail', { tag: undefined, digest: undefined }, ['Set digest (annotation platform-widgets.io/image-digest)']);

export const Loading: Story = loadingStory({
  tag: 'image-trail', tool: 'Image trail', mock, url: '/proxy/harbor/api/v2.0/projects/:project/repositories/:repository/artifacts/:reference',
});

/** The fix is in production: pushed, carried by freight into test, deployed by Argo CD, running in two pods. */
export const InProduction: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'image-trail');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Running: 2 pods run it', 'tag 1.8.2', 'resolved through Harbor', 'freight brave-heron', 'test: has it', 'guestbook: Synced · Healthy']);
    await expect(stepText(widget, 'harbor')).toContain('vulnerabilities: 1 critical, 3 high');
  },
};

/** Followed from a digest: Harbor is asked about that digest, no tag involved. */
export const ByDigest: Story = {
  args: { tag: undefined, digest: DIGEST },
  play: playShows('image-trail', ['Following sha256:9f8e7d6c5b4a', 'Running: 2 pods run it']),
};

export const PromotionPending: Story = {
  parameters: scenario({ scenario: 'promotion-pending' }),
  play: playShows('image-trail', ['uat: promotion running']),
};

export const PromotionFailed: Story = {
  parameters: scenario({ scenario: 'promotion-failed' }),
  play: playShows('image-trail', ['uat: promotion failed', 'remote rejected (protected branch)']),
};

/** Pushed and scanned, but no application or pod has it yet. */
export const NotDeployedYet: Story = {
  parameters: scenario({ scenario: 'not-deployed' }),
  play: playShows('image-trail', ['Not running: none of 1 pods runs this digest', 'none of 1 application shows this digest']),
};

/** Kargo has no endpoint and no Argo CD application is named: gaps, not "absent". */
export const Gaps: Story = {
  args: { 'app-name': undefined },
  parameters: { host: { endpoints: Object.fromEntries(Object.entries(testEndpoints()).filter(([key]) => key !== 'kargo')) } },
  play: playShows('image-trail', ['not configured: no Kargo endpoint', 'set app-name or app-selector']),
};

/** Kargo fails: its step says "unknown" with the reason; the others still answer. */
export const ToolFails: Story = {
  parameters: scenario({ scenario: 'kargo-outage' }),
  play: playShows('image-trail', ['unknown: Tool unavailable (HTTP 503)', 'Running: 2 pods run it']),
};

/** A tag Harbor cannot resolve leaves nothing to follow: the card degrades to the Harbor link with the reason. */
const degraded = degradedStories({
  tag: 'image-trail',
  linkText: 'Open storefront/guestbook/web:1.8.2 in Harbor', href: 'https://harbor.example.com/harbor/projects',
  scenario: (name) => scenario({ scenario: name === 'outage' ? 'harbor-outage' : name }),
  mock,
  unexpected: { url: '/proxy/harbor/api/v2.0/projects/:project/repositories/:repository/artifacts/:reference' },
});

export const HarborOutage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;
export const UnexpectedResponse: Story = degraded.unexpected;
export const TagNotFound: Story = degraded.notFound({ parameters: scenario({ scenario: 'tag-not-found' }) });

export const InProductionDark: Story = darkVariant(InProduction, 'image-trail');
export const PromotionFailedDark: Story = darkVariant(PromotionFailed, 'image-trail');
export const GapsDark: Story = darkVariant(Gaps, 'image-trail');
export const HarborOutageDark: Story = darkVariant(HarborOutage, 'image-trail');
