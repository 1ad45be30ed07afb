import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { HttpResponse } from 'msw';
import { expect, userEvent } from 'storybook/test';
import { inShadow, waitForState, waitForText, widgetIn, playShows } from '../../storybook/play.js';
import { testEndpoints } from '../kit/testing/fake-host.js';
import '../vault-secrets/vault-secrets.js';
import { vaultHandlers, type VaultHandlerOptions } from './fixtures/handlers.js';
import { vaultErrors } from './fixtures/secrets.js';
import { mswUnder } from '../../storybook/mocks.js';
import { darkVariant, degradedStories, loadingStory, notConfiguredStory, staleAfterFailedRefreshStory } from '../../storybook/states.js';
import { renderWidget, type WidgetArgs } from '../../storybook/widget-story.js';

/** Where the decorator's host points Vault (`endpoints.vault.api`), as msw sees it. */
const LIST = '/proxy/vault/v1/secrets/metadata/payments-api';
const UI = 'https://vault.example.com/ui/vault/secrets/secrets';

const mock = mswUnder('vault');
const scenario = (options: VaultHandlerOptions) => mock(vaultHandlers(options));

const meta = {
  title: 'Widgets/Vault secrets',
  component: 'vault-secrets',
  render: renderWidget('vault-secrets'),
  // Nothing polls in a story: refresh is by hand (the Reload button).
  args: { 'secrets-path': 'payments-api', 'refresh-interval': 0 },
  parameters: scenario({ scenario: 'healthy' }),
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

function folderButton(widget: Element, name: string): HTMLButtonElement {
  const button = [...(widget.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.disclosure') ?? [])]
    .find((candidate) => candidate.textContent?.includes(name));
  if (!button) throw new Error(`folder ${name} not shown`);
  return button;
}

// ---- Not configured -------------------------------------------------------------------

export const NotConfigured: Story = notConfiguredStory('vault-secrets', { 'secrets-path': undefined }, ['Not configured.', 'Set secrets-path (annotation vault.io/secrets-path)']);

/** A path that would walk up out of the mount is refused before anything is sent. */
export const UnsafePath: Story = notConfiguredStory('vault-secrets', { 'secrets-path': 'payments-api/../../sys' }, ['must not contain "." or ".." segments']);

// ---- Loading and empty ----------------------------------------------------------------

/** Vault never answers; the host's timeout is lifted so the skeleton stays (else: "no answer in time"). */
export const Loading: Story = loadingStory({ tag: 'vault-secrets', tool: 'Vault', mock, url: LIST });

/** Vault answers 404 for a path with nothing under it (and for a wrong mount: the message says so). */
export const Empty: Story = {
  parameters: scenario({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'empty');
    await waitForText(widget, ['No secrets at secrets/payments-api (or the path does not exist).', 'Open in Vault']);
    await expect(inShadow<HTMLAnchorElement>(widget, '[part="empty"] ~ a').href).toBe(`${UI}/list/payments-api/`);
  },
};

// ---- Ready ----------------------------------------------------------------------------

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['3 secrets · 2 folders', 'config/', 'database', 'jwt-signing-key', 'legacy/', 'stripe']);
    // Metadata arrives per secret after the listing.
    await waitForText(widget, ['v3', '(3 versions)', 'owner: team-payments', 'Current version deleted']);
  },
};

/** Folders open in place; each is listed when first opened. */
export const FoldersOpen: Story = {
  play: async ({ canvasElement, step }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'ready');
    await step('Open config/', async () => {
      await userEvent.click(folderButton(widget, 'config/'));
      await waitForText(widget, ['feature-flags', 'smtp', 'regional/']);
      await expect(folderButton(widget, 'config/').getAttribute('aria-expanded')).toBe('true');
    });
    await step('Open config/regional/', async () => {
      await userEvent.click(folderButton(widget, 'regional/'));
      await waitForText(widget, ['eu-west-1', 'us-east-1', 'region: eu-west-1', 'Current version destroyed']);
    });
  },
};

/** The token may not list one folder: the reason shows on that folder only. */
export const FolderDenied: Story = {
  parameters: scenario({ scenario: 'folder-denied' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'ready');
    await userEvent.click(folderButton(widget, 'legacy/'));
    await waitForText(widget, ['No access', 'Could not list legacy/', 'Retry']);
    await expect(inShadow(widget, '[data-state]').getAttribute('data-state')).toBe('ready');
  },
};

/** A policy with `list` but not `read` on metadata: names and links, no details. */
export const MetadataDenied: Story = {
  parameters: scenario({ scenario: 'metadata-denied' }),
  play: playShows('vault-secrets', ['database', 'Details unavailable: No access']),
};

/** Metadata is read for the first 20 secrets only (4 requests at a time); more on request. */
export const ManySecrets: Story = {
  parameters: scenario({ scenario: 'many', many: 120 }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['120 secrets', 'Details for the first 20 of 120 secrets.', 'Load details for 20 more', '20 more — set secrets-path']);
    // The first 100 rows are drawn; the rest are counted, never drawn.
    await expect(widget.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(100);
  },
};

/** Vault Enterprise: the namespace goes in `X-Vault-Namespace` and in every link. */
export const EnterpriseNamespace: Story = {
  args: { 'vault-namespace': 'team-a' },
  parameters: scenario({ namespace: 'team-a' }),
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['namespace team-a', 'database']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'td.links a').href).toContain('?namespace=team-a');
  },
};

/** A second Vault server (`endpoints["vault:eu"]`), chosen with `instance="eu"`. */
export const SecondServer: Story = {
  args: { instance: 'eu' },
  parameters: {
    ...scenario({ base: '/proxy/vault-eu' }),
    host: { endpoints: { ...testEndpoints(), 'vault:eu': { api: '/proxy/vault-eu', ui: 'https://vault-eu.example.com' } } },
  },
  play: async ({ canvasElement }) => {
    const widget = widgetIn(canvasElement, 'vault-secrets');
    await waitForState(widget, 'ready');
    await waitForText(widget, ['database']);
    await expect(inShadow<HTMLAnchorElement>(widget, 'td.links a').href).toContain('https://vault-eu.example.com/ui/vault/secrets/');
  },
};

// ---- Degraded: the deep link and the reason -------------------------------------------

const degraded = degradedStories({
  tag: 'vault-secrets',
  linkText: 'Open secrets/payments-api in Vault', href: `${UI}/list/payments-api/`,
  scenario: (name) => scenario({ scenario: name === 'outage' ? 'sealed' : name }),
  mock,
  unexpected: { url: LIST },
});

/** A sealed Vault answers 503. */
export const Sealed: Story = degraded.outage;
export const NoAccess: Story = degraded.noAccess;
export const SignInNeeded: Story = degraded.signIn;

/** A proxy answers with an HTML login page instead of JSON. */
export const UnexpectedResponse: Story = degraded.unexpected;

/**
 * The first load works, every later one fails: Reload keeps the secrets on screen,
 * marked stale with the reason. (Handlers are made per render: they count requests.)
 */
export const StaleAfterFailedRefresh: Story = staleAfterFailedRefreshStory({
  tag: 'vault-secrets',
  mock,
  url: LIST,
  failure: (status) => HttpResponse.json(vaultErrors('Vault is sealed'), { status }),
  handlers: () => vaultHandlers(),
  texts: ['database', 'stripe'],
});

// ---- Dark theme: every state and tone once more, so axe checks the dark palette too ----

export const NotConfiguredDark: Story = darkVariant(NotConfigured);
export const LoadingDark: Story = darkVariant(Loading);
export const EmptyDark: Story = darkVariant(Empty);
export const FoldersOpenDark: Story = darkVariant(FoldersOpen);
export const MetadataDeniedDark: Story = darkVariant(MetadataDenied);
export const SealedDark: Story = darkVariant(Sealed);
export const StaleAfterFailedRefreshDark: Story = darkVariant(StaleAfterFailedRefresh);
