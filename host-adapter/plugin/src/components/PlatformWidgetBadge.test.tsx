import { Table } from '@backstage/core-components';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scriptedLoader, type FakeWidgetElement } from '../testing/fake-widget';
import { TOKEN, entityWith, renderAdapter } from '../testing/render';
import { EntityPlatformBadges, PlatformWidgetBadge, platformWidgetBadgeColumn } from './PlatformWidgetBadge';

const guestbook = entityWith({ 'argocd/app-name': 'guestbook', 'backstage.io/kubernetes-id': 'guestbook', 'backstage.io/kubernetes-namespace': 'storefront' }, 'guestbook');
const bare = entityWith({}, 'bare');

async function element(tag: string, app?: string): Promise<FakeWidgetElement> {
  const label = await screen.findAllByText(app ? `Application ${app}` : /^Application /);
  const found = label.map((node) => node.closest(tag)).find(Boolean);
  if (!found) throw new Error(`no <${tag}>`);
  return found as FakeWidgetElement;
}

describe('badges in a Backstage app', () => {
  it('renders the widget as variant="badge" with the entity’s attributes and the host, no card', async () => {
    await renderAdapter(<PlatformWidgetBadge widget="argo-status" entity={guestbook} />, { loader: scriptedLoader({ ok: true }) });
    const badge = await element('argo-status', 'guestbook');
    expect(badge.getAttribute('variant')).toBe('badge');
    expect(badge.getAttribute('app-name')).toBe('guestbook');
    await waitFor(() => expect(badge.receivedToken).toBe(TOKEN));
    expect(document.querySelector('[class*="MuiCard"]')).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
  });

  it('a dash with the missing annotation as tooltip when the entity is not annotated', async () => {
    await renderAdapter(<PlatformWidgetBadge widget="argo-status" entity={bare} />, { loader: scriptedLoader({ ok: true }) });
    expect(screen.getByText('–').getAttribute('title')).toBe('Argo CD: not configured (add argocd/app-name)');
  });

  it('a remote that fails leaves one line: the tool linked, and the reason as text and tooltip', async () => {
    await renderAdapter(<PlatformWidgetBadge widget="argo-status" entity={guestbook} />, {
      loader: scriptedLoader({ ok: false, reason: 'Widgets unavailable: the widget remote could not be loaded.' }),
    });
    const fallback = await screen.findByTestId('platform-widget-fallback');
    expect(fallback.textContent).toMatch(/^Argo CD.*: Widgets unavailable: the widget remote could not be loaded\.$/);
    expect(fallback.getAttribute('title')).toContain('could not be loaded');
    expect(screen.getByRole('link', { name: /Argo CD/ }).getAttribute('href')).toBe('https://argocd.example.com/applications/guestbook');
  });

  it('the entity header row shows one badge per configured tool', async () => {
    const loader = scriptedLoader({ ok: true });
    await renderAdapter(<EntityPlatformBadges />, { loader, entity: guestbook });
    await element('argo-status', 'guestbook');
    expect(screen.getByRole('list', { name: 'Platform status' }).children).toHaveLength(2);
    // Kubecost is configured by the namespace annotation but not integrated by this app.
    expect([...loader.calls].sort()).toEqual(['argo-status', 'k8s-pods']);
    expect(document.querySelector('k8s-pods')?.getAttribute('variant')).toBe('badge');
  });

  it('is a catalog table column: one badge per row’s entity', async () => {
    const column = platformWidgetBadgeColumn<{ entity: typeof guestbook; id: string }>('argo-status');
    expect(column.title).toBe('Argo CD');
    await renderAdapter(
      <Table columns={[{ title: 'Name', field: 'id' }, column]} data={[{ id: 'guestbook', entity: guestbook }, { id: 'bare', entity: bare }]} options={{ paging: false, search: false }} />,
      { loader: scriptedLoader({ ok: true }) },
    );
    const badge = await element('argo-status', 'guestbook');
    expect(badge.getAttribute('variant')).toBe('badge');
    expect(screen.getByText('–')).toBeTruthy();
  });
});
