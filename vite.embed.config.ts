import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { onlyLoadedLazily } from './scripts/remote-build.js';

/*
 * The embed loader (`npm run build` → dist/embed/): platform-widgets.js plus content-hashed
 * chunks it imports on demand: one per widget, and one with the kit and lit. Chunks are
 * imported relative to platform-widgets.js, so the folder works from any URL (a CDN path).
 */

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The kit and everything it stands on (lit, @lit/*, zod) in one chunk. The host contract
 * (`configure`) stays in the loader itself, so a page can call it before any widget loads.
 */
function kitChunk(id: string): boolean {
  if (/[\\/]widgets[\\/]kit[\\/]host\.ts$/.test(id) || /@lit[\\/]context[\\/]lib[\\/]create-context/.test(id)) return false;
  // The shared contract package: the system ids the host contract re-exports stay with it, the rest joins the kit.
  if (/[\\/]host-adapter[\\/]common[\\/]src[\\/]contract[\\/]/.test(id)) return !/systems\.ts$/.test(id);
  // … plus the bundler's own helpers (decorators, module runtime), which would be tiny chunks.
  return /[\\/]widgets[\\/]kit[\\/]|node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+|zod)[\\/]|@oxc-project|rolldown[\\/]runtime/.test(id);
}

export default defineConfig({
  root,
  envDir: false,
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    modulePreload: false,
    reportCompressedSize: false,
    lib: { entry: 'widgets/embed.ts', formats: ['es'], fileName: () => 'platform-widgets.js' },
    rolldownOptions: {
      // Chunks may import the host contract from the loader (the one copy of `configure`).
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Lib mode does not whitespace-minify ES output by default; this file is served as is.
        minify: true,
        chunkFileNames: 'assets/[name]-[hash].js',
        codeSplitting: {
          includeDependenciesRecursively: false,
          // What only import() reaches (a badge's drawing, a live manifest) keeps its own chunk.
          groups: [{ debugName: 'kit', name: (id, context) => (kitChunk(id) && !onlyLoadedLazily(id, context) ? 'kit' : null), priority: 10 }],
        },
      },
    },
  },
});
