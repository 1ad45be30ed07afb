import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { WIDGET_TAGS } from './src/tags.js';

/*
 * The npm package's JavaScript (`npm run build -w @platform-widgets/elements` → dist/): one ES
 * module per widget that defines its tag, the host contract (index), <pw-host> and the React
 * wrappers. lit, @lit/*, zod and React stay imports (dependencies), so an app bundles one copy.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

const entries: Record<string, string> = {
  index: `${here}src/index.ts`,
  'pw-host': `${here}src/pw-host.ts`,
  react: `${here}src/react.ts`,
};
// Each widget's define module, from the widgets' workspace package (its exports map `.js` to the `.ts` source).
for (const tag of WIDGET_TAGS) entries[tag] = fileURLToPath(import.meta.resolve(`@platform-widgets/widgets/${tag}/${tag}.js`));

const external = /^(lit|lit-html|lit-element|@lit\/[^/]+|zod|react|react-dom)(\/.*)?$/;

export default defineConfig({
  root: repo,
  envDir: false,
  publicDir: false,
  build: {
    outDir: `${here}dist`,
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    reportCompressedSize: false,
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
