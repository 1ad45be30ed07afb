import { configApiRef, discoveryApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import platformWidgetsPlugin, { entityWidgetCard, platformWidgetsEntityCards } from './alpha';
import { widgetLoaderApiRef } from './loader';
import { WIDGETS } from './widgets';
import { scriptedLoader } from './testing/fake-widget';
import { TOKEN, appConfig, entityWith } from './testing/render';

describe('new frontend system', () => {
  it('has an entity card per widget and the loader API', () => {
    expect(platformWidgetsEntityCards).toHaveLength(WIDGETS.length);
    expect(platformWidgetsPlugin.id).toBe('platform-widgets');
  });

  it('shows a card only on entities with the annotations it needs', () => {
    const tester = createExtensionTester(entityWidgetCard('argo-status'));
    // The card's declared type is written out for the published declarations, so name the filter's type here.
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction) as ((entity: ReturnType<typeof entityWith>) => boolean) | undefined;
    expect(filter?.(entityWith({ 'argocd/app-name': 'guestbook' }))).toBe(true);
    expect(filter?.(entityWith({ 'argocd/app-selector': 'team=shop' }))).toBe(true);
    expect(filter?.(entityWith({ 'backstage.io/kubernetes-id': 'x' }))).toBe(false);
  });

  it('renders the widget with the host, and a permission deny disables Sync', async () => {
    const tester = createExtensionTester(entityWidgetCard('argo-status'));
    const element = tester.get(coreExtensionData.reactElement);
    renderInTestApp(<EntityProvider entity={entityWith({ 'argocd/app-name': 'guestbook' })}>{element}</EntityProvider>, {
      apis: [
        [identityApiRef, mockApis.identity({ token: TOKEN })],
        [discoveryApiRef, mockApis.discovery({ baseUrl: 'http://backstage.test' })],
        [configApiRef, mockApis.config({ data: appConfig })],
        [permissionApiRef, mockApis.permission({ authorize: AuthorizeResult.DENY })],
        [widgetLoaderApiRef, scriptedLoader({ ok: true })],
      ],
    });
    const sync = await screen.findByRole<HTMLButtonElement>('button', { name: 'Sync' });
    expect(sync.disabled).toBe(true);
    await waitFor(() => expect(screen.getByText('Application guestbook')).toBeTruthy());
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
  });
});
