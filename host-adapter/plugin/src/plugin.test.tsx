import { createTheme, ThemeProvider } from '@material-ui/core/styles';
import { analyticsApiRef, type AnalyticsApi, type AnalyticsEvent } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as pluginExports from './legacy';
import { EntityArgoStatusCard, EntityVaultSecretsCard } from './legacy-cards';
import { platformWidgetsPlugin } from './plugin';
import { scriptedLoader, type FakeWidgetElement } from './testing/fake-widget';
import { TOKEN, entityWith, renderAdapter } from './testing/render';
import { PlatformWidget } from './components/PlatformWidget';
import { WIDGETS } from './widgets';

describe('legacy frontend system', () => {
  it('exports one card extension per widget, named as in the table', () => {
    for (const spec of WIDGETS) expect(pluginExports, spec.cardName).toHaveProperty(spec.cardName);
    expect(platformWidgetsPlugin.getId()).toBe('platform-widgets');
  });

  it('a card extension renders the widget on an entity page', async () => {
    await renderAdapter(<EntityArgoStatusCard />, { loader: scriptedLoader({ ok: true }), entity: entityWith({ 'argocd/app-name': 'guestbook' }) });
    expect(await screen.findByText('Application guestbook')).toBeTruthy();
  });

  it('a card extension on an entity without its annotation shows the missing-annotation state', async () => {
    await renderAdapter(<EntityVaultSecretsCard title="Secrets" />, { loader: scriptedLoader({ ok: true }), entity: entityWith({}) });
    expect(await screen.findByText(/vault\.io\/secrets-path/)).toBeTruthy();
    expect(screen.getByText('Secrets')).toBeTruthy();
  });
});

describe('audit', () => {
  it('widget actions become Backstage analytics events, without the token', async () => {
    const events: AnalyticsEvent[] = [];
    const analytics: AnalyticsApi = { captureEvent: (event) => events.push(event) };
    await renderAdapter(
      <TestApiProvider apis={[[analyticsApiRef, analytics]]}>
        <EntityArgoStatusCard />
      </TestApiProvider>,
      { loader: scriptedLoader({ ok: true }), entity: entityWith({ 'argocd/app-name': 'guestbook' }), authorize: () => AuthorizeResult.ALLOW },
    );
    const sync = await screen.findByRole<HTMLButtonElement>('button', { name: 'Sync' });
    await waitFor(() => expect(sync.disabled).toBe(false));
    fireEvent.click(sync);
    expect(events).toContainEqual(
      expect.objectContaining({ action: 'argocd.application.sync', subject: 'guestbook', attributes: { widget: 'argo-status', phase: 'requested' } }),
    );
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });
});

describe('theme and locale', () => {
  it('a dark Backstage theme reaches the widget as host.theme', async () => {
    await renderAdapter(
      <ThemeProvider theme={createTheme({ palette: { type: 'dark' } })}>
        <PlatformWidget widget="argo-status" attributes={{ 'app-name': 'guestbook' }} />
      </ThemeProvider>,
      { loader: scriptedLoader({ ok: true }) },
    );
    const sync = await screen.findByRole('button', { name: 'Sync' });
    const element = sync.closest('argo-status') as FakeWidgetElement;
    expect(element.host?.theme).toBe('dark');
    expect(element.host?.locale).toMatch(/^[a-z]{2}/);
  });
});
