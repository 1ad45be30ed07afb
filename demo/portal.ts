import type { PlatformHost } from '../widgets/kit/host.js';
import type { Mocks } from './mocks.js';
import { portalConfig } from './portal.config.js';
import { readSettings, type Settings } from './settings.js';

/*
 * The page's host side, run before any widget module is loaded (main.ts imports this first):
 * settings from the URL, the mock upstreams, and the host contract on <pw-host>. <pw-host>
 * itself is defined by the remote's kit; the contract set on it before then is kept.
 */

export const settings: Settings = readSettings(location.search, portalConfig, import.meta.env.VITE_PORTAL_MOCK);

/** Why the mocks did not start, if they did not. */
export let mockProblem: string | undefined;

/**
 * The mock upstreams (msw), started at once. Every widget request waits for them (see
 * `fetch` below), so no request escapes to the network while the worker registers.
 */
export const mocks: Promise<Mocks | undefined> = settings.mock
  ? import('./mocks.js')
      .then(({ startMocks }) => startMocks(portalConfig, settings.scenario))
      .catch((error: unknown) => {
        mockProblem = error instanceof Error ? error.message : String(error);
        console.warn('Mock upstreams did not start', error);
        return undefined;
      })
  : Promise.resolve(undefined);

/** The endpoints the widgets call: same-origin paths (msw in mock mode, the dev server's proxy otherwise). */
export function endpoints(): PlatformHost['endpoints'] {
  const result = { ...portalConfig.endpoints };
  const ui = import.meta.env.VITE_ARGOCD_UI;
  const argocd = result['argocd'];
  if (!settings.mock && argocd && ui) result['argocd'] = { ...argocd, ui };
  return result;
}

const MOCK_TIMEOUT_MS = 30_000;

const waitForMocks: typeof fetch = async (input, init) => {
  await mocks;
  return globalThis.fetch(input, init);
};

/**
 * The host contract, as Backstage would hand it over: a token *function* (in real mode the
 * dev server's proxy adds the token, so the page has none) and permission decisions.
 */
export function platformHost(): PlatformHost {
  const token = portalConfig.mockToken;
  return {
    endpoints: endpoints(),
    token: settings.mock ? (system) => Promise.resolve(system === 'argocd' ? token : undefined) : undefined,
    decide: (action) => Promise.resolve(settings.permission === 'allow' && /^(argocd|kargo|kubernetes)\./.test(action) ? 'allow' : 'deny'),
    theme: settings.theme,
    fetch: settings.mock ? waitForMocks : undefined,
    // The mocks never hang, but a request's timeout also covers the wait for the service
    // worker to start, which takes seconds on a busy machine (CI): be patient with it.
    timeoutMs: settings.mock ? MOCK_TIMEOUT_MS : undefined,
  };
}

/** Hands the widgets a new host (theme and permission changes); they reload with it. */
export function applyHost(): void {
  document.documentElement.dataset['theme'] = settings.theme;
  // The cards' <pw-host> and the header badges' one get the same contract (one request cache).
  const config = platformHost();
  for (const host of document.querySelectorAll<HTMLElement & { config?: PlatformHost }>('pw-host')) host.config = config;
}

/**
 * The cards as written in index.html, before any widget upgrades (and reflects attributes
 * such as `theme`): "Replay page load" re-creates the cards from these.
 */
export const pristineWidgets: readonly Element[] = [...document.querySelectorAll('#panel .widget')].map((widget) =>
  widget.cloneNode(false) as Element,
);

applyHost();
