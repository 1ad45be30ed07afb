import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../playwright.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const servers = base.webServer === undefined ? [] : [base.webServer].flat();

/**
 * `npm run screenshot`: docs/demo-portal.png from the demo portal, with the e2e set-up
 * (the same browser and the mock-mode dev server). Paths here resolve against scripts/.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshot.pw.ts',
  workers: 1,
  reporter: [['list']],
  outputDir: '../test-results/screenshot',
  // The widgets' remote and the mock-mode portal (the first two); run from the repository
  // root, where vite.config.ts and dist/remote are.
  webServer: servers.slice(0, 2).map((server) => ({ ...server, cwd: root })),
});
