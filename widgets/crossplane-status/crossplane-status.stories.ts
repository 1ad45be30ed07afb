import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import '../crossplane-status/crossplane-status.js';
import { crossplaneHandlers, type CrossplaneHandlerOptions } from './fixtures/handlers.js';
import { CLAIM, V2_XR } from './fixtures/objects.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Crossplane (`endpoints.crossplane.api`), as msw sees it. */
const API = '/proxy/crossplane';
const CLAIM_URL = `${API}/apis/database.example.org/v1alpha1/namespaces/payments/postgresqlinstances/payments-db`;
const UI = 'https://crossplane.example.com';
const CLAIM_LINK = `${UI}/c/main/customresources/postgresqlinstances.database.example.org/payments/payments-db`;

const mock = mswUnder('crossplane');
const scenario = (options: CrossplaneHandlerOptions) => mock(crossplaneHandlers(options));

const meta = {
  title: 'Widgets/Crossplane status',
  component: 'crossplane-status',
  render: renderWidget('crossplane-status'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { ...CLAIM, 'refresh-interval': 0 },
  parameters: scenario({ scenario: 'v1-claim' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('crossplane-status', { group: undefined, plural: undefined }, ['Not configured.', 'group (annotation terasky.backstage.io/claim-group', 'plural (annotation terasky.backstage.io/claim-plural']);

// ---- Loading and empty ----------------------------------------------------------------

/** The API server never answers; the host's timeout is lifted so the skeleton stays. */
export const Loading: Story = loadingStory({ tag: 'crossplane-status', tool: 'Crossplane', mock, url: CLAIM_URL });

/** A new claim Crossplane could not compose yet: its own error shows, with the link. */
export const NothingComposed: Story = {
  parameters: scenario({ scenario: 'not-composed' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'crossplane-status');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['Crossplane has not created a composite resource for this claim yet.', 'ReconcileError', 'no compatible Compositions found']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'dl a').href).toBe(CLAIM_LINK);
  },
};

// ---- Ready ----------------------------------------------------------------------------

/** Crossplane v1: claim → XR → six managed resources in mixed states. */
export const ClaimMixedStates: Story = {
  play: playShows('crossplane-status', ['2/8 ready', '1 error', 'Claim', 'Composite', 'XPostgreSQLInstance', 'InvalidPermission.Duplicate', 'Paused', 'no status yet', 'AsyncOperation']),
};

/** The troubled claim's problems: what was seen, why, the fix and a link to each object. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'crossplane-status');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['Problems', 'ReconcileError: observe failed', 'Never reconciled', 'ReconcilePaused', 'Fix:']);
    await expect(inShadow(widget, `section.diagnoses[aria-label^="Problems of ${CLAIM.namespace}/${CLAIM.name} in "] li a`).getAttribute('href')).toMatch(/^https:/);
  },
};

export const ProblemsDark: Story = darkVariant(Problems, 'crossplane-status');

export const AllReady: Story = {
  parameters: scenario({ scenario: 'all-ready' }),
  play: playShows('crossplane-status', ['8/8 ready']),
};

/** Crossplane v2: a namespaced XR with `spec.crossplane.resourceRefs` and namespaced managed resources. */
export const NamespacedCompositeV2: Story = {
  args: { ...V2_XR },
  parameters: scenario({ scenario: 'v2-composite' }),
  play: playShows('crossplane-status', ['3/6 ready', 'Database', 'databases.aws.platform.example.org', 'AsyncUpdateFailure']),
};

/** 403, 404, a timeout, an unknown kind and a missing API group: each breaks only its row. */
export const UnreadableChildren: Story = {
  parameters: { ...scenario({ scenario: 'row-faults' }), host: { timeoutMs: 1_500 } },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'crossplane-status');
    await waitForState(widget, 'ready', { timeout: 8_000 });
    await waitForText(widget, [
      '5 unreadable',
      'No access to this resource (HTTP 403)',
      'Not found: deleted, or not created yet',
      'No answer in time',
      'Kind ClusterSnapshot is not served by rds.aws.upbound.io/v1beta1',
      'secretsmanager.aws.upbound.io/v1beta1 is not served by this cluster',
    ]);
  },
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'crossplane-status',
  linkText: 'Open payments/payments-db in Crossplane', href: CLAIM_LINK,
  scenario: (name) => scenario({ scenario: name }),
  outageStatus: 500, mock,
  unexpected: { url: CLAIM_URL },
});

export const Outage: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** The annotation names a claim the cluster does not have. */
export const NotFound: Story = degraded.notFound({ parameters: scenario({ scenario: 'not-found' }) });

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/**
 * The first load works, every later one fails: Reload keeps the tree on screen,
 * marked stale with the reason. (Handlers are made per render: they count requests.)
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'crossplane-status',
  mock,
  url: CLAIM_URL,
  failure: (status) => HttpResponse.json({ kind: 'Status', code: status }, { status }),
  handlers: () => crossplaneHandlers(),
  texts: ['2/8 ready'],
});

// ---- Dark theme: every state and tone once more, so axe checks the dark palette too ----

export const NotConfiguredDark: Story = darkVariant(NotConfigured);
export const LoadingDark: Story = darkVariant(Loading);
export const NothingComposedDark: Story = darkVariant(NothingComposed);
export const ClaimMixedStatesDark: Story = darkVariant(ClaimMixedStates);
export const UnreadableChildrenDark: Story = darkVariant(UnreadableChildren);
export const OutageDark: Story = darkVariant(Outage);
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh);
