import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { scriptedLoader, type FakeWidgetElement } from '../testing/fake-widget';
import { PROXY_ORIGIN, TOKEN, entityWith, renderAdapter } from '../testing/render';
import { EntityPlatformWidgetCard } from './EntityPlatformWidgetCard';
import { PlatformWidget, definedAttributes } from './PlatformWidget';

const guestbook = entityWith({ 'argocd/app-name': 'guestbook', 'argocd/project-name': 'storefront' });

async function widgetElement(): Promise<FakeWidgetElement> {
  const sync = await screen.findByRole<HTMLButtonElement>('button', { name: 'Sync' });
  return sync.closest('argo-status') as FakeWidgetElement;
}

describe('attributes', () => {
  it('passes plain kebab-case attributes only, never one that would replace .host', () => {
    expect(
      definedAttributes({ 'app-name': 'guestbook', project: undefined, host: 'x', style: 'color:red', onClick: 'x', onclick: 'alert(1)', dangerouslySetInnerHTML: 'x', 'refresh-interval': '30' }),
    ).toEqual({ 'app-name': 'guestbook', 'refresh-interval': '30' });
  });
});

describe('PlatformWidget in a Backstage app', () => {
  it('hands the widget the signed-in user token as a function, never in the DOM', async () => {
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader: scriptedLoader({ ok: true }), entity: guestbook });
    const element = await widgetElement();
    await waitFor(() => expect(element.receivedToken).toBe(TOKEN));
    expect(typeof element.host?.token).toBe('function');
    expect(element.hasAttribute('host')).toBe(false);
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
    expect(JSON.stringify(element.host)).not.toContain(TOKEN);
  });

  it('maps annotations to attributes and config to proxy endpoints', async () => {
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader: scriptedLoader({ ok: true }), entity: guestbook });
    const element = await widgetElement();
    expect(element.getAttribute('app-name')).toBe('guestbook');
    expect(element.getAttribute('project')).toBe('storefront');
    expect(element.getAttribute('refresh-interval')).toBe('60');
    expect(element.host?.endpoints['argocd']).toEqual({ api: `${PROXY_ORIGIN}/api/proxy/argocd`, ui: 'https://argocd.example.com' });
    expect(element.host?.endpoints['argocd:prod']).toEqual({ api: `${PROXY_ORIGIN}/api/proxy/argocd-prod`, ui: 'https://argocd.prod.example.com' });
    expect(element.host?.theme).toBe('light');
    expect(screen.getByText('Argo CD')).toBeTruthy();
  });

  it('an allow from the permission policy enables the action, asked for the entity', async () => {
    const authorize = vi.fn((_request: unknown): AuthorizeResult.ALLOW => AuthorizeResult.ALLOW);
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader: scriptedLoader({ ok: true }), entity: guestbook, authorize });
    const sync = await screen.findByRole<HTMLButtonElement>('button', { name: 'Sync' });
    await waitFor(() => expect(sync.disabled).toBe(false));
    expect(authorize.mock.calls.map(([request]) => request)).toContainEqual({
      permission: { type: 'resource', name: 'platform.argocd.application.sync', attributes: { action: 'update' }, resourceType: 'catalog-entity' },
      resourceRef: 'component:default/payments',
    });
  });

  it('a deny from the permission policy disables the action', async () => {
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, {
      loader: scriptedLoader({ ok: true }),
      entity: guestbook,
      authorize: () => AuthorizeResult.DENY,
    });
    const sync = await screen.findByRole<HTMLButtonElement>('button', { name: 'Sync' });
    expect(sync.disabled).toBe(true);
  });

  it('fails closed: no permission API, an unknown action or no entity is a deny', async () => {
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader: scriptedLoader({ ok: true }), entity: guestbook, withoutPermissionApi: true });
    const element = await widgetElement();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sync' }).disabled).toBe(true);
    await expect(element.host!.decide!('argocd.application.delete', 'guestbook')).resolves.toBe('deny');
  });

  it('outside an entity page, actions are denied even when the policy allows', async () => {
    await renderAdapter(<PlatformWidget widget="argo-status" attributes={{ 'app-name': 'guestbook', project: undefined }} />, {
      loader: scriptedLoader({ ok: true }),
      authorize: () => AuthorizeResult.ALLOW,
    });
    const element = await widgetElement();
    expect(element.hasAttribute('project')).toBe(false);
    await expect(element.host!.decide!('argocd.application.sync', 'guestbook')).resolves.toBe('deny');
  });

  it('a remote that fails renders the deep link with the reason, not an error', async () => {
    const reason = 'Widgets unavailable: the widget remote could not be loaded.';
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader: scriptedLoader({ ok: false, reason }), entity: guestbook });
    const fallback = await screen.findByTestId('platform-widget-fallback');
    expect(fallback.textContent).toContain(reason);
    const link = screen.getByRole('link', { name: /Open in Argo CD/ });
    expect(link.getAttribute('href')).toBe('https://argocd.example.com/applications/guestbook');
    expect(document.querySelector('argo-status')).toBeNull();
  });

  it('the deep link follows the named instance and encodes segments', async () => {
    const entity = entityWith({ 'argocd/app-name': 'pay/ments', 'argocd/instance-name': 'prod, staging' });
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader: scriptedLoader({ ok: false, reason: 'down' }), entity });
    const link = await screen.findByRole('link', { name: /Open in Argo CD/ });
    expect(link.getAttribute('href')).toBe('https://argocd.prod.example.com/applications/pay%2Fments');
  });

  it('a remote that comes back is used on the next mount', async () => {
    const loader = scriptedLoader({ ok: false, reason: 'Widgets unavailable: the widget remote did not answer in time.' }, { ok: true });
    const first = await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader, entity: guestbook });
    await screen.findByTestId('platform-widget-fallback');
    first.unmount();
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader, entity: guestbook });
    await widgetElement();
    expect(loader.calls).toEqual(['argo-status', 'argo-status']);
  });

  it('a missing annotation shows the empty state naming the key to add', async () => {
    const loader = scriptedLoader({ ok: true });
    await renderAdapter(<EntityPlatformWidgetCard widget="argo-status" />, { loader, entity: entityWith({}) });
    expect(await screen.findByText(/argocd\/app-name/)).toBeTruthy();
    expect(loader.calls).toEqual([]);
  });
});
