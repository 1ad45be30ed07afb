import { defineConfig, devices } from '@playwright/test';
import {
  APP_BACKEND_PORT,
  BACKSTAGE_DEV_PORT,
  BACKSTAGE_FLAKY_REMOTE_PORT,
  E2E_PORT,
  FAKE_ARGOCD_PORT,
  LIVE_ARGOCD_UI,
  LIVE_PORT,
  LIVE_SERVER_TOKEN,
  REMOTE_PORT,
  backstageDevURL,
  baseURL,
  liveURL,
  remoteURL,
} from './e2e/servers.js';
import { launchOptions } from './scripts/browser.js';

/** `vite --mode portal` is what `npm start` runs: the demo portal on Vite's dev server. */
const portal = (port: number) => `npx vite --mode portal --host 127.0.0.1 --port ${port} --strictPort`;
/** Both portals load the widgets from the built remote (`npm run build`), served on its own port. */
const REMOTE_MANIFEST = `${remoteURL}/mf-manifest.json`;

/**
 * The Backstage host adapter's dev app, tested as built (Vite build, then `vite preview`);
 * it loads the built remote from another origin (REMOTE_PORT, or the spec's own server).
 */
const backstageDevApp = [
  'npx vite build -c host-adapter/plugin/dev/vite.config.ts --logLevel warn',
  `npx vite preview -c host-adapter/plugin/dev/vite.config.ts --port ${BACKSTAGE_DEV_PORT}`,
].join(' && ');

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: the dev server transforms modules on first use, and CI machines are shared.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The mock upstreams are a service worker (msw).
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 1000 }, launchOptions },
    },
  ],
  webServer: [
    {
      command: backstageDevApp,
      url: backstageDevURL,
      reuseExistingServer: !process.env['CI'],
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      // The remotes its CSP allows (script-src, connect-src), as a Backstage backend.csp would.
      // …and the dev backend of the backend-mode spec (connect-src).
      env: { PW_REMOTE_ORIGINS: [REMOTE_PORT, BACKSTAGE_FLAKY_REMOTE_PORT, APP_BACKEND_PORT].map((port) => `http://127.0.0.1:${port}`).join(' ') },
    },
    {
      // The widgets' Module Federation remote, as a CDN would serve it (built by `npm run build`).
      command: `node scripts/serve-static.mjs dist/remote ${REMOTE_PORT}`,
      url: REMOTE_MANIFEST,
      reuseExistingServer: !process.env['CI'],
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The demo on its embedded mock upstreams, even if the calling shell points at a real Argo CD.
      command: portal(E2E_PORT),
      url: `${baseURL}/demo/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ARGOCD_URL: '', ARGOCD_TOKEN: '', ARGOCD_UI_URL: '', VITE_PORTAL_MOCK: '', VITE_REMOTE_MANIFEST: REMOTE_MANIFEST },
    },
    {
      // The demo on "real" endpoints: the dev server proxies /proxy/argocd to a fake Argo CD
      // (started by e2e/live.spec.ts) and adds the server-side token.
      command: portal(LIVE_PORT),
      url: `${liveURL}/demo/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        ARGOCD_URL: `http://127.0.0.1:${FAKE_ARGOCD_PORT}`,
        ARGOCD_TOKEN: LIVE_SERVER_TOKEN,
        ARGOCD_UI_URL: LIVE_ARGOCD_UI,
        VITE_PORTAL_MOCK: '',
        VITE_REMOTE_MANIFEST: REMOTE_MANIFEST,
      },
    },
  ],
});
