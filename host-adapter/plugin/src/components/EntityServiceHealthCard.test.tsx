import { configApiRef, discoveryApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import platformWidgetsPlugin, { badgesEntityCard, serviceHealthEntityCard } from '../alpha';
import { widgetLoaderApiRef } from '../loader';
import { scriptedLoader, type FakeWidgetElement } from '../testing/fake-widget';
import { TOKEN, appConfig, entityWith, renderAdapter } from '../testing/render';
import { EntityServiceHealthCard } from './EntityServiceHealthCard';

const guestbook = entityWith(
  { 'argocd/app-name': 'guestbook', 'backstage.io/kubernetes-id': 'guestbook', 'backstage.io/kubernetes-namespace': 'storefront', 'grafana/overview-dashboard': 'https://grafana.example.com/d/x' },
  'guestbook',
);

interface Tool {
  tag: string;
  attributes: Record<string, string>;
  card: string;
}

async function rollup(): Promise<FakeWidgetElement> {
  await waitFor(() => expect(document.querySelector('service-health')).not.toBeNull());
  return document.querySelector('service-health') as FakeWidgetElement;
}

describe('<service-health> in a Backstage app', () => {
  it('gets the entity’s configured tools (the cards’ attributes), the host, and loads each tool’s widget', async () => {
    const loader = scriptedLoader({ ok: true });
    await renderAdapter(<EntityServiceHealthCard />, { loader, entity: guestbook });
    const element = await rollup();
    const tools = JSON.parse(element.getAttribute('tools') ?? '[]') as Tool[];
    // The namespace also configures the cost widget, but this app does not integrate Kubecost; a Grafana panel is no state.
    expect(tools.map((tool) => tool.tag)).toEqual(['argo-status', 'k8s-pods']);
    expect(tools[0]?.attributes).toEqual({ 'app-name': 'guestbook', 'refresh-interval': '60' });
    expect(tools[1]?.card).toMatch(/#platform-widget-k8s-pods$/);
    expect(element.getAttribute('service')).toBe('guestbook');
    expect([...loader.calls].sort()).toEqual(['argo-status', 'k8s-pods', 'service-health']);
    await waitFor(() => expect(element.receivedToken).toBe(TOKEN));
    expect(screen.getByText('Service health')).toBeTruthy();
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
  });

  it('a remote that fails shows the reason and a link into each tool', async () => {
    await renderAdapter(<EntityServiceHealthCard />, { loader: scriptedLoader({ ok: false, reason: 'Widgets unavailable: the widget remote answered HTTP 502.' }), entity: guestbook });
    expect(await screen.findByText('Widgets unavailable: the widget remote answered HTTP 502.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Open in Argo CD/ }).getAttribute('href')).toBe('https://argocd.example.com/applications/guestbook');
    expect(screen.getAllByRole('link', { name: /Open in/ })).toHaveLength(2);
  });

  it('says so when no tool is configured', async () => {
    await renderAdapter(<EntityServiceHealthCard />, { loader: scriptedLoader({ ok: true }), entity: entityWith({}) });
    expect(await screen.findByText(/No platform tool is configured/)).toBeTruthy();
  });
});

describe('new frontend system: roll-up and badges cards', () => {
  it('are entity cards shown only on entities with a configured tool', () => {
    for (const extension of [serviceHealthEntityCard, badgesEntityCard]) {
      const tester = createExtensionTester(extension);
      const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction) as ((entity: ReturnType<typeof entityWith>) => boolean) | undefined;
      expect(filter?.(guestbook)).toBe(true);
      expect(filter?.(entityWith({ 'grafana/overview-dashboard': 'https://grafana.example.com/d/x' }))).toBe(false);
    }
    expect(createExtensionTester(badgesEntityCard).get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    expect(platformWidgetsPlugin.id).toBe('platform-widgets');
  });

  it('the badges card renders a badge per configured tool', async () => {
    const element = createExtensionTester(badgesEntityCard).get(coreExtensionData.reactElement);
    renderInTestApp(<EntityProvider entity={guestbook}>{element}</EntityProvider>, {
      // The app's own config (the systems it integrates), as the test app reads it.
      config: appConfig,
      apis: [
        [identityApiRef, mockApis.identity({ token: TOKEN })],
        [discoveryApiRef, mockApis.discovery({ baseUrl: 'http://backstage.test' })],
        [configApiRef, mockApis.config({ data: appConfig })],
        [permissionApiRef, mockApis.permission({ authorize: AuthorizeResult.DENY })],
        [widgetLoaderApiRef, scriptedLoader({ ok: true })],
      ],
    });
    await waitFor(() => expect(document.querySelectorAll('[variant="badge"]')).toHaveLength(2));
  });
});
