// Runs inside Chromium for `npm run bench` (bundled by load.mjs): loads <argo-status> from the
// built remote through the Module Federation runtime, exactly as the demo portal does, and
// reports when the widget first paints its ready state. No network for the API: the host's
// `fetch` answers from memory.
import { widgetsRemote } from '../../demo/federation.js';
import type { PlatformHost } from '../../widgets/kit/host.js';

const TIMEOUT_MS = 15_000;

function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves when `<tag>`'s card reports `data-state="ready"`. */
async function untilReady(element: HTMLElement): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const state = element.shadowRoot?.querySelector('section.card')?.getAttribute('data-state');
    if (state === 'ready') return;
    if (performance.now() > deadline) throw new Error(`no ready state after ${TIMEOUT_MS} ms (state: ${state ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function memoryHost(body: string): PlatformHost {
  return {
    endpoints: { argocd: { api: `${location.origin}/argocd`, ui: 'https://argocd.example.com' } },
    fetch: () => Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } })),
    cacheTtlMs: 0,
  };
}

export interface LoadMeasurement {
  ms: number;
  ok: boolean;
  reason?: string;
}

/**
 * From `loadRemote('platform_widgets/argo-status')` to the first painted ready state.
 * `shareLit: false` stands for a page without lit to share (the remote then loads its own).
 */
async function loadArgoStatus(manifestUrl: string, body: string, shareLit = true): Promise<LoadMeasurement> {
  const started = performance.now();
  const element = Object.assign(document.createElement('argo-status'), { host: memoryHost(body) });
  element.setAttribute('app-selector', 'team=storefront');
  element.setAttribute('refresh-interval', '0');
  document.body.append(element);
  const result = await widgetsRemote(manifestUrl, { shareLit }).load('argo-status');
  if (!result.ok) return { ms: performance.now() - started, ok: false, reason: result.reason };
  await untilReady(element);
  await afterPaint();
  return { ms: performance.now() - started, ok: true };
}

declare global {
  interface Window {
    benchLoad: typeof loadArgoStatus;
  }
}

window.benchLoad = loadArgoStatus;
