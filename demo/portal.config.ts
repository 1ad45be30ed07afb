import type { Endpoint } from '../widgets/kit/host.js';
import type { ArgoScenario } from '../widgets/argo-status/fixtures/handlers.js';

/**
 * The demo portal's configuration. Edit this file, or override per run:
 *
 * | what | how |
 * |---|---|
 * | mock upstreams on/off | `mock` below; env `VITE_PORTAL_MOCK=false`; query `?mock=off` (query wins) |
 * | real Argo CD | `ARGOCD_URL=https://argocd.example.org ARGOCD_TOKEN=… npm start`: the dev server proxies `/proxy/argocd` there, adds the token server-side and turns mocks off |
 * | deep links in real mode | env `ARGOCD_UI_URL` (default: `ARGOCD_URL`) |
 * | first scenario, permissions, theme, tab | query `?scenario=outage&perm=deny&theme=dark&tab=cd` |
 *
 * This file is imported by the page and by the end-to-end tests: no secrets here, ever.
 * A real token only lives in the dev server's environment (see demo/README.md).
 */
export interface PortalConfig {
  /** Serve the tools' APIs from the page's own mock service worker (msw). */
  mock: boolean;
  /** The host contract's endpoints: `api` is a same-origin proxy path, `ui` the tool's own UI. */
  endpoints: Record<string, Endpoint>;
  /** The fake user's token in mock mode; the mocks check nothing, the e2e tests check where it goes. */
  mockToken: string;
  /** The scenario the mocks start with when the URL names none. */
  scenario: ArgoScenario;
  /** Delay of every mock response, so loading states are visible (ms). */
  mockLatencyMs: number;
}

export const portalConfig: PortalConfig = {
  mock: true,
  endpoints: {
    argocd: { api: '/proxy/argocd', ui: 'https://argocd.example.com' },
    crossplane: { api: '/proxy/crossplane', ui: 'https://headlamp.example.com' },
    // Grafana's UI is the demo's own stand-in pages (demo/grafana/), so the embedded panel shows something.
    grafana: { api: '/proxy/grafana', ui: '/demo/grafana' },
    harbor: { api: '/proxy/harbor', ui: 'https://harbor.example.com' },
    kargo: { api: '/proxy/kargo', ui: 'https://kargo.example.com' },
    kubernetes: { api: '/proxy/kubernetes', ui: 'https://headlamp.example.com' },
    kubecost: { api: '/proxy/kubecost', ui: 'https://kubecost.example.com' },
    tekton: { api: '/proxy/tekton', ui: 'https://tekton.example.com' },
    temporal: { api: '/proxy/temporal', ui: 'https://temporal.example.com' },
    vault: { api: '/proxy/vault', ui: 'https://vault.example.com' },
  },
  mockToken: 'demo-token-7d41c2',
  scenario: 'healthy',
  mockLatencyMs: 300,
};
