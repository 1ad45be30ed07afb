import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { msw } from 'msw/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { portalDevServer } from './demo/dev-server.js';
import { launchOptions } from './scripts/browser.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * @open-wc/testing reaches for Web Test Runner's socket (for its `sendKeys`-style
 * commands, unused here); under Vitest that module does not exist, so stand in an empty one.
 */
const noWebTestRunnerSocket = {
  name: 'no-web-test-runner-socket',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id.endsWith('__web-dev-server__web-socket.js') ? '\0wtr-socket' : undefined),
  load: (id: string) => (id === '\0wtr-socket' ? 'export {};' : undefined),
};

const browser = {
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
};

export default defineConfig({
  root,
  // portalDevServer: only in `vite --mode portal` (npm start): `/` → /demo/, optional Argo CD proxy.
  plugins: [msw({ mode: 'worker-only' }), noWebTestRunnerSocket, portalDevServer()],
  // Pre-bundled up front: a dependency discovered mid-page makes Vite answer 504 and reload.
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directive.js',
      'lit/directives/if-defined.js',
      'lit/directives/repeat.js',
      'lit/directives/style-map.js',
      '@lit/context',
      '@lit/task',
      'zod/mini',
      'msw',
      'msw/browser',
      '@module-federation/runtime',
    ],
  },
  // ../shared holds the real upstream responses the conformance tests read, when present.
  server: { port: 5173, strictPort: false, fs: { allow: [root, fileURLToPath(new URL('../shared', import.meta.url))] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'components',
          include: ['widgets/**/*.test.ts'],
          setupFiles: ['widgets/kit/testing/setup.ts'],
          browser,
          testTimeout: 15_000,
        },
      },
      {
        // The Backstage host adapter's React units: jsdom, with Backstage's own test utilities.
        root,
        plugins: [react()],
        // The node build of @lit/react is for SSR and never sets element properties.
        resolve: { alias: { '@lit/react': fileURLToPath(new URL('node_modules/@lit/react/development/index.js', import.meta.url)) } },
        test: {
          name: 'host-adapter',
          environment: 'jsdom',
          include: ['host-adapter/**/*.test.tsx'],
          setupFiles: ['host-adapter/plugin/vitest.setup.ts'],
          server: { deps: { inline: ['material-ui-popup-state'] } },
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: 'storybook', storybookScript: 'npm run storybook' })],
        test: {
          name: 'stories',
          // Its own instances: Vitest names the instance objects after the project that
          // claims them first, so shared ones report these tests as "components (chromium)".
          browser: { ...browser, instances: [{ browser: 'chromium' as const }] },
          // A story's play + axe run; the first one also waits for the mock worker.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
