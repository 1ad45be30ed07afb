import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { deepLinkOf, inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../kargo-stages/kargo-stages.js';
import { KARGO_SERVICE } from './kargo-stages.api.js';
import { KARGO_ACTIONS } from './kargo-stages.component.js';
import { kargoHandlers, type KargoHandlerOptions } from './fixtures/handlers.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Kargo (`endpoints.kargo.api`), as msw sees it. */
const CONNECT = `/proxy/kargo/${KARGO_SERVICE}`;
const UI = 'https://kargo.example.com';

const mock = mswUnder('kargo');
const scenario = (options: KargoHandlerOptions) => mock(kargoHandlers(options));

const meta = {
  title: 'Widgets/Kargo stages',
  component: 'kargo-stages',
  render: renderWidget('kargo-stages'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { project: 'kargo-demo', 'refresh-interval': 0 },
  parameters: {
    ...scenario({ scenario: 'healthy' }),
    decisions: { [KARGO_ACTIONS.promote]: 'allow' },
  },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('kargo-stages', { project: undefined }, ['Not configured.', 'Set project (annotation platform-widgets.io/kargo-project).']);

// ---- Loading and empty ----------------------------------------------------------------

/** Kargo never answers; the host's timeout is lifted so the skeleton stays (else: "no answer in time"). */
export const Loading: Story = loadingStory({ tag: 'kargo-stages', tool: 'Kargo', mock, url: `${CONNECT}/ListStages`, method: 'post', handlers: kargoHandlers() });

/** A new project: no stages yet. */
export const Empty: Story = {
  parameters: scenario({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No stages in project kargo-demo yet.', 'Open project in Kargo']);
    await expect(inShadow<HTMLAnchorElement>(widget, '[part="empty"] + a').href).toBe(`${UI}/project/kargo-demo`);
  },
};

// ---- Ready ----------------------------------------------------------------------------

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['3 stages', 'All healthy', 'Warehouse guestbook', 'brave-heron', 'Available to promote', 'Promote jolly-otter']);
    const steps = [...(widget.shadowRoot?.querySelectorAll('.pipeline > li') ?? [])].map((li) => li.textContent ?? '');
    await expect(steps.map((step) => step.replace(/[^a-z ]/gi, ' ').trim().split(/\s+/)[0])).toEqual(['Warehouse', 'test', 'uat', 'prod']);
  },
};

export const Unhealthy: Story = {
  parameters: scenario({ scenario: 'unhealthy' }),
  play: playShows('kargo-stages', ['1 not healthy', 'Unhealthy', '0/3 ready replicas', 'Failed', 'timed out waiting for Application guestbook-prod']),
};

/** The failed promotion step and the unhealthy stage, each with why, the fix and a link to the stage. */
export const Problems: Story = {
  parameters: scenario({ scenario: 'unhealthy' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Problems', 'Promotion failed', 'stage prod, step argocd-update', 'kargo.akuity.io/authorized-stage', 'Stage unhealthy']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'section.diagnoses li a').href).toBe('https://kargo.example.com/project/kargo-demo/stage/prod');
  },
};

export const ProblemsDark: Story = darkVariant(Problems, 'kargo-stages');

export const FocusedStage: Story = {
  args: { stage: 'uat' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'ready');
    await expect(widget.shadowRoot?.querySelectorAll('section.stage')).toHaveLength(1);
    await expect(inShadow(widget, '[aria-current="step"]').textContent).toContain('uat');
  },
};

/** Kargo before 1.0: status.phase and currentFreight, spec.subscriptions. */
export const Legacy: Story = {
  parameters: scenario({ scenario: 'legacy' }),
  play: playShows('kargo-stages', ['Steady', 'Verifying', 'brave-heron']),
};

/** The same project read as Kubernetes custom resources. */
export const KubernetesFlavor: Story = {
  args: { 'api-flavor': 'kubernetes' },
  play: playShows('kargo-stages', ['3 stages', 'brave-heron']),
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'kargo-stages',
  linkText: 'Open kargo-demo in Kargo',
  href: `${UI}/project/kargo-demo`,
  scenario: (name) => scenario({ scenario: name }),
  mock,
  unexpected: { url: `${CONNECT}/ListStages`, method: 'post', handlers: kargoHandlers() },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** The annotation names a stage the project does not have. */
export const StageNotFound: Story = {
  args: { stage: 'staging' },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'degraded');
    await waitForText(widget, ['Not found: check the annotation']);
    await expect(deepLinkOf(widget).href).toBe(`${UI}/project/kargo-demo/stage/staging`);
  },
};

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

// ---- Actions --------------------------------------------------------------------------

export const PromoteDenied: Story = {
  parameters: { decisions: { [KARGO_ACTIONS.promote]: 'deny' } },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Promote to test: no permission', 'Promote to uat: no permission']);
    await expect(inShadow(widget, '#promote-1-0').getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(inShadow(widget, '#promote-1-0'));
    await expect(widget.shadowRoot?.querySelector('dialog.pw-confirm')).toBeNull();
  },
};

/**
 * Promote freight into uat: confirm in the dialog, then the widget follows the promotion
 * until Kargo reports it finished. (Handlers are made per render: they hold the state.)
 */
export const PromoteFlow: Story = {
  args: { stage: 'uat' },
  parameters: mock([]),
  beforeEach: ({ msw }) => {
    msw.use(...kargoHandlers());
  },
  play: async ({ canvasElement, step }) => {
    const widget = widgetIn(canvasElement, 'kargo-stages');
    await waitForState(widget, 'ready');
    await step('Ask for a promotion', async () => {
      await waitFor(() => expect(inShadow(widget, '#promote-2-0').getAttribute('aria-disabled')).toBe('false'));
      await userEvent.click(inShadow(widget, '#promote-2-0'));
    });
    await step('Confirm it', async () => {
      const dialog = await waitFor(() => inShadow<HTMLDialogElement>(widget, 'dialog.pw-confirm'));
      await waitFor(() => expect(dialog.open).toBe(true));
      await expect(dialog.textContent).toContain('Promote brave-heron to uat?');
      await userEvent.click(inShadow(widget, 'dialog.pw-confirm button.primary'));
    });
    await step('Follow it to the end', async () => {
      await waitForText(widget, ['Promoted brave-heron to uat'], { timeout: 15_000 });
    });
  },
};

/** The first load works, every later one fails: Reload keeps the data, marked stale. */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'kargo-stages',
  mock,
  url: `${CONNECT}/ListStages`,
  method: 'post',
  failure: (status) => HttpResponse.json({ code: 'unavailable' }, { status }),
  handlers: () => kargoHandlers(),
  texts: ['brave-heron'],
  noDeepLink: false,
});

// ---- Dark theme: every state and tone once more, so axe checks the dark palette too ----

export const NotConfiguredDark: Story = darkVariant(NotConfigured, 'kargo-stages');
export const LoadingDark: Story = darkVariant(Loading, 'kargo-stages');
export const EmptyDark: Story = darkVariant(Empty, 'kargo-stages');
export const HealthyDark: Story = darkVariant(Healthy, 'kargo-stages');
export const UnhealthyDark: Story = darkVariant(Unhealthy, 'kargo-stages');
export const OutageDark: Story = darkVariant(Outage, 'kargo-stages');
export const PromoteDeniedDark: Story = darkVariant(PromoteDenied, 'kargo-stages');
