import { federation } from '@module-federation/vite';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { fewerFederationChunks, runtimeCoreFromHost } from './scripts/remote-build.js';

/*
 * The Module Federation remote (`npm run build` → dist/remote/). Test, Storybook and the
 * portal's dev server keep using vite.config.ts; this file only builds the remote.
 */

const root = fileURLToPath(new URL('.', import.meta.url));
export const REMOTE_NAME = 'platform_widgets';
export const REMOTE_OUT_DIR = 'dist/remote';

/** Every `widgets/<tag>/<tag>.ts`: a widget added in a new folder is exposed without editing this file. */
export function widgetTags(widgetsDir = join(root, 'widgets')): string[] {
  return readdirSync(widgetsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'kit' && existsSync(join(widgetsDir, entry.name, `${entry.name}.ts`)))
    .map((entry) => entry.name)
    .sort();
}

export function exposes(): Record<string, string> {
  const entries: Record<string, string> = { './kit': './widgets/kit/index.ts' };
  for (const tag of widgetTags()) entries[`./${tag}`] = `./widgets/${tag}/${tag}.ts`;
  return entries;
}

/**
 * Where the remote is served from. `REMOTE_BASE` (a CDN path such as
 * `https://cdn.example.com/platform-widgets/1.4.0/`) at build time; by default chunks resolve
 * against the origin and folder remoteEntry.js was loaded from.
 */
function remoteBase(): string {
  const base = process.env['REMOTE_BASE'];
  if (!base) return './';
  return base.endsWith('/') ? base : `${base}/`;
}

const LIT_VERSION = '^3.3.0';

/** lit's stateful core: the modules `lit` itself re-exports, which must exist once per page. */
const LIT_CORE = /node_modules\/(lit-html\/lit-html|@lit\/reactive-element\/reactive-element|lit-element\/lit-element)\.js$/;
/** The modules that make up `lit` (they import the core directly, and are the shared copy). */
const LIT_ITSELF = /node_modules\/(lit\/index|lit-element\/(lit-element|index))\.js$/;

/** The kit chunk (see fewerFederationChunks): the kit plus the lit directives and decorators every widget uses (all stateless). */
const KIT_CHUNK = /__loadShare__|[\\/]widgets[\\/]kit[\\/]|node_modules[\\/](lit|lit-html|@lit[\\/]reactive-element)[\\/](directives[\\/]|directive|async-directive|decorators)/;

/**
 * Sub-path modules (`lit/decorators.js`, `lit/directives/*`, @lit/task …) are small and
 * stateless: they stay in the remote's own chunks, but every import of lit's core from
 * them is answered by the shared `lit`, which re-exports the whole core. One shared module
 * instead of ~40, and still one lit-html and one ReactiveElement on the page.
 */
function litCoreThroughSharedLit(): Plugin {
  return {
    name: 'platform-widgets:lit-core-through-shared-lit',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith('\0') || importer.includes('__prebuild__') || importer.includes('__loadShare__')) return null;
      if (LIT_ITSELF.test(importer) || source === 'lit') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !LIT_CORE.test(resolved.id)) return resolved;
      return this.resolve('lit', join(root, 'widgets/kit/index.ts'), { ...options, skipSelf: true });
    },
  };
}

export default defineConfig({
  root,
  base: remoteBase(),
  envDir: false,
  publicDir: false,
  plugins: [
    litCoreThroughSharedLit(),
    runtimeCoreFromHost(),
    fewerFederationChunks(KIT_CHUNK),
    federation({
      name: REMOTE_NAME,
      filename: 'remoteEntry.js',
      manifest: true,
      exposes: exposes(),
      shared: {
        // Not the key `lit`: the plugin would then share each of lit's ~40 sub-path exports.
        'lit-core': { request: 'lit', shareKey: 'lit', import: 'lit', singleton: true, requiredVersion: LIT_VERSION },
        '@lit/context': { singleton: true, requiredVersion: '^1.1.0' },
        '@lit/task': { singleton: true, requiredVersion: '^1.0.0' },
      },
      dts: false,
    }),
  ],
  build: {
    outDir: REMOTE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // No index.html: the exposed modules are the only entries.
      input: {},
      output: {
        // Fewer, larger chunks: a widget costs a handful of requests, not one per tiny module.
        // The groups (federation glue, kit) are set in fewerFederationChunks(), after the federation plugin's own.
        codeSplitting: {},
      },
    },
  },
});
