import { expect, type Locator, type Page } from '@playwright/test';
import { portalConfig } from '../demo/portal.config.js';

/** The fake user's token the portal hands the widgets in mock mode. */
export const TOKEN = portalConfig.mockToken;
/** The Argo CD API base (same-origin proxy path) and UI (deep links). */
export const ARGO_API = portalConfig.endpoints['argocd']?.api ?? '/proxy/argocd';
export const ARGO_UI = portalConfig.endpoints['argocd']?.ui ?? 'https://argocd.example.com';

export type CardState = 'not-configured' | 'loading' | 'empty' | 'ready' | 'degraded';

/** Opens the portal (query as in the address bar, e.g. `?scenario=outage`) once its widgets are defined. */
export async function openPortal(page: Page, query = ''): Promise<void> {
  await page.goto(`/demo/${query}`);
  // Generous: a cold dev server optimises dependencies on the first visit (and may reload once).
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
}

/** One `<argo-status app-name=…>` card (not its badge in the header or inside the roll-up). */
export function appCard(page: Page, appName: string): Locator {
  return page.locator(`argo-status.widget[app-name="${appName}"]`);
}

/** The `<argo-status app-selector=…>` card. */
export function selectorCard(page: Page, selector = 'team=storefront'): Locator {
  return page.locator(`argo-status.widget[app-selector="${selector}"]`);
}

/** The widget's frame, which carries its state (`data-state`). */
export function frame(card: Locator): Locator {
  return card.locator('section.card');
}

export async function expectState(card: Locator, state: CardState, timeout?: number): Promise<void> {
  await expect(frame(card)).toHaveAttribute('data-state', state, timeout === undefined ? {} : { timeout });
}

/** Picks a radio in one of the demo bar's groups ("Argo CD scenario", "Permissions", "Theme"). */
export async function choose(page: Page, group: string, option: string): Promise<void> {
  await page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true }).check();
}

/** The Sync button of a single-application card. */
export function syncButton(card: Locator): Locator {
  return card.getByRole('button', { name: 'Sync', exact: true });
}

/** Describes the focused element, looking through shadow roots: `<host app-name>#<id or text>`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return '';
    const root = element.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : undefined;
    const where = host ? `${host.localName}[${host.getAttribute('app-name') ?? host.getAttribute('app-selector') ?? ''}]` : 'document';
    return `${where} ${element.localName}#${element.id || (element.textContent ?? '').trim()}`;
  });
}
