import type { JsonObject } from '@backstage/types';

/** Tools the dev page talks to (through msw mocks at the proxy paths) and their UIs for deep links. */
export const DEV_SYSTEMS = {
  argocd: { proxyPath: '/argocd', uiUrl: 'https://argocd.example.com' },
  kargo: { proxyPath: '/kargo', uiUrl: 'https://kargo.example.com' },
  vault: { proxyPath: '/vault', uiUrl: 'https://vault.example.com' },
  temporal: { proxyPath: '/temporal', uiUrl: 'https://temporal.example.com' },
  tekton: { proxyPath: '/tekton', uiUrl: 'https://tekton.example.com' },
  crossplane: { proxyPath: '/crossplane', uiUrl: 'https://headlamp.example.com' },
  harbor: { proxyPath: '/harbor', uiUrl: 'https://harbor.example.com' },
  grafana: { proxyPath: '/grafana', uiUrl: 'https://grafana.example.com' },
  kubernetes: { proxyPath: '/kubernetes', uiUrl: 'https://headlamp.example.com' },
} as const;

/** The cards shown on the dev entity page, in order: the roll-up first, then the badges, as on an Overview. */
export const DEV_CARDS = [
  'service-health',
  'badges',
  'argo-status',
  'kargo-stages',
  'vault-secrets',
  'temporal-workflows',
  'tekton-runs',
  'crossplane-status',
  'harbor-vulns',
  'grafana-alerts',
  'grafana-panel',
  'k8s-pods',
] as const;

/** The id createApp gives the dev module's page (module of the `app` plugin). */
export const DEV_PAGE_ID = 'page:app/platform-widgets-dev';

/**
 * With `?backend=<url>` the app talks to a real Backstage backend (the backend plugin's dev
 * backend): signed in through its dev provider as `?user=`, Argo CD through the backend
 * plugin, permissions decided by the backend's policy. Without it, no backend at all.
 */
export interface DevBackendMode {
  url: string;
  user: string;
}

/**
 * The app's config. `remoteUrl` comes from the page's `?remote=` query (the e2e test points
 * it at a dead port), else the build's `PW_REMOTE_URL`.
 */
export function devAppConfig(origin: string, remoteUrl: string, backend?: DevBackendMode): JsonObject {
  return {
    app: {
      title: 'Platform Widgets — Backstage dev app',
      baseUrl: origin,
      extensions: [
        // No backend: the guest identity instead of a sign-in page.
        ...(backend ? [] : [{ 'sign-in-page:app': false }]),
        // The plugin's entity cards, attached to the dev entity page instead of the catalog's.
        ...DEV_CARDS.map((tag) => ({ [`entity-card:platform-widgets/${tag}`]: { attachTo: { id: DEV_PAGE_ID, input: 'cards' } } })),
      ],
    },
    backend: { baseUrl: backend?.url ?? origin },
    ...(backend ? { permission: { enabled: true } } : {}),
    platformWidgets: {
      remote: { url: remoteUrl, timeoutMs: 8000 },
      refreshInterval: 0,
      systems: DEV_SYSTEMS,
      // Served by the backend plugin (every call authorized there); the other tools stay on the mocks.
      ...(backend ? { endpoints: { argocd: { ui: DEV_SYSTEMS.argocd.uiUrl } } } : {}),
    },
  };
}
