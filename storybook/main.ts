import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * The project's vite.config.ts is loaded too: its `msw({ mode: 'worker-only' })` plugin
 * serves /mockServiceWorker.js in `storybook dev` and emits it into storybook-static/
 * on `storybook build`, so no copy of the worker is kept in the repository.
 */
const config: StorybookConfig = {
  stories: ['../widgets/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal: (config) => ({
    ...config,
    optimizeDeps: {
      ...config.optimizeDeps,
      // The web-components renderer imports lit/directive-helpers.js; unless it is
      // pre-bundled with the rest of lit, the dev server loads a second lit-html
      // ("Multiple versions of Lit loaded").
      include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
    build: {
      ...config.build,
      // Storybook's own preview runtime is one ~1.4 MB chunk; that is not ours to split.
      chunkSizeWarningLimit: 2_000,
    },
  }),
};

export default config;
