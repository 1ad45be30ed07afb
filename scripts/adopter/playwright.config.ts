import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from '../browser.js';

/** Run by scripts/adopter/run.mjs once the scaffolded app's backend is up (ADOPTER_URL). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.check.ts',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: `../../.reports/adopter-${process.env['ADOPTER_TEMPLATE'] ?? 'nfs'}.json` }]],
  use: { baseURL: process.env['ADOPTER_URL'] ?? 'http://127.0.0.1:7207', ...devices['Desktop Chrome'], launchOptions },
});
