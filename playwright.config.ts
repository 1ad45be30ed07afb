import { defineConfig, devices } from '@playwright/test';
import { BACKSTAGE_DEV_PORT, BACKSTAGE_REMOTE_PORT, DEAD_REMOTE_PORT, E2E_PORT, FLAKY_REMOTE_PORT, FAKE_ARGOCD_PORT, backstageDevURL, LIVE_ARGOCD_UI, LIVE_PORT, LIVE_SERVER_TOKEN, baseURL, liveURL } from './e2e/servers.js';
import { launchOptions } from './scripts/browser.js';

/** `vite --mode portal` is what `npm start` runs: the demo portal on Vite's dev server. */
const portal = (port: number) => `npx vite --mode portal --host 127.0.0.1 --port ${port} --strictPort`;

/**
 * The Backstage host adapter's dev app, tested as built: a copy of the remote for it
 * (dist/backstage-remote, served by its spec on another origin), the app's Vite build, then
 * `vite preview`.
 */
const backstageDevApp = [
  'npx vite build -c vite.remote.config.ts --outDir dist/backstage-remote --logLevel warn',
  'npx vite build -c host-adapter/dev/vite.config.ts --logLevel warn',
  `npx vite preview -c host-adapter/dev/vite.config.ts --port ${BACKSTAGE_DEV_PORT}`,
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
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
      // The remotes its CSP allows (script-src, connect-src), as a Backstage backend.csp would.
      env: { PW_REMOTE_ORIGINS: [BACKSTAGE_REMOTE_PORT, DEAD_REMOTE_PORT, FLAKY_REMOTE_PORT].map((port) => `http://127.0.0.1:${port}`).join(' ') },
    },
    {
      // The demo on its embedded mock upstreams, even if the calling shell points at a real Argo CD.
      command: portal(E2E_PORT),
      url: `${baseURL}/demo/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ARGOCD_URL: '', ARGOCD_TOKEN: '', ARGOCD_UI_URL: '', VITE_PORTAL_MOCK: '' },
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
      },
    },
  ],
});
