/**
 * Ports and settings the end-to-end servers share with the specs (imported by
 * playwright.config.ts too). Fixed ports, off the usual dev ports, so `npm start`
 * (:5173) can keep running beside the tests.
 */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 5180);
/** The portal in "real endpoints" mode: its dev server proxies Argo CD to the fake below. */
export const LIVE_PORT = E2E_PORT + 1;
/** A stand-in for a real Argo CD, started by the live-mode spec. */
export const FAKE_ARGOCD_PORT = E2E_PORT + 2;
/** The token only the live dev server knows (ARGOCD_TOKEN); the browser must never see it. */
export const LIVE_SERVER_TOKEN = 'server-only-token-e2e-93b1f0';
export const LIVE_ARGOCD_UI = 'https://argocd.live.example.com';

export const baseURL = `http://127.0.0.1:${E2E_PORT}`;
export const liveURL = `http://127.0.0.1:${LIVE_PORT}`;
/** The built Module Federation remote (dist/remote), the portal's widgets come from here. */
export const REMOTE_PORT = E2E_PORT + 3;
export const remoteURL = `http://127.0.0.1:${REMOTE_PORT}`;
/** The built embed loader (dist/embed), served by the embed spec itself. */
export const EMBED_PORT = E2E_PORT + 4;
/** A third origin: a plain page (a wiki) with a strict CSP that embeds the widgets. */
export const THIRD_ORIGIN_PORT = E2E_PORT + 5;
/** A federation host page under a strict CSP, and the remote it loads (federation-csp spec). */
export const CSP_REMOTE_PORT = E2E_PORT + 6;
export const CSP_HOST_PORT = E2E_PORT + 7;
/** The Backstage host adapter's dev app: its Vite build, served by `vite preview`; it loads the remote on REMOTE_PORT. */
export const BACKSTAGE_DEV_PORT = E2E_PORT + 8;
export const backstageDevURL = `http://127.0.0.1:${BACKSTAGE_DEV_PORT}`;
/** A remote server the Backstage spec starts, stops and restarts (nothing listens here otherwise). */
export const BACKSTAGE_FLAKY_REMOTE_PORT = E2E_PORT + 9;

/** The real-peers test (e2e/grafana-alerts-real.spec.ts): its page + proxy, Alertmanager, Prometheus. */
export const REAL_PAGE_PORT = E2E_PORT + 10;
export const REAL_ALERTMANAGER_PORT = E2E_PORT + 11;
export const REAL_PROMETHEUS_PORT = E2E_PORT + 12;

/** The backend end-to-end test (e2e/backend): two dev backends on one Redis, and the stand-in Argo CD they call. */
export const DEV_BACKEND_PORT = E2E_PORT + 20;
export const DEV_BACKEND_REPLICA_PORT = E2E_PORT + 21;
export const REDIS_PORT = E2E_PORT + 22;
export const BACKEND_FAKE_ARGOCD_PORT = E2E_PORT + 23;
/** The Backstage dev app's backend mode (e2e/backstage-backend.spec.ts): its dev backend and stand-in Argo CD. */
export const APP_BACKEND_PORT = E2E_PORT + 24;
export const APP_FAKE_ARGOCD_PORT = E2E_PORT + 25;
