import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from '../../scripts/browser.js';

export const REACT_PAGE_PORT = Number(process.env['REACT_PAGE_PORT'] ?? 5216);
export const FAKE_ARGOCD_PORT = REACT_PAGE_PORT - 1;

/** Run by e2e/react-page/run.mjs, which installs and builds the page in REACT_PAGE_APP. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.check.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../.reports/react-page.json' }]],
  use: { baseURL: `http://127.0.0.1:${REACT_PAGE_PORT}`, ...devices['Desktop Chrome'], launchOptions },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${REACT_PAGE_PORT} --strictPort`,
    cwd: process.env['REACT_PAGE_APP'] ?? '.',
    env: { FAKE_ARGOCD_URL: `http://127.0.0.1:${FAKE_ARGOCD_PORT}` },
    url: `http://127.0.0.1:${REACT_PAGE_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
