// Bundle sizes for `npm run bench`: each entry built on its own by Vite's programmatic
// build() in library mode, minified, with every dependency: as one ES module with every
// import() inlined (bundle), and as what a page fetches before the first ready render
// (firstReady: the entry and its static imports; the import() chunks come later).
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * @typedef {object} BundleSize
 * @property {string} name
 * @property {string} entry  Entry, relative to the repository root.
 * @property {string} file   Absolute path of the built module.
 * @property {number} raw    Bytes, minified.
 * @property {number} gzip   Bytes, minified + gzip level 9 (node:zlib).
 * @property {number} buildMs
 */

/**
 * Vite's programmatic build() of `entry` in library mode, minified, one ES module per chunk;
 * `outDir` writes the files, else they stay in memory. `configFile: false` keeps vite.config.ts
 * (msw, Vitest, Storybook) out of it. The legacy decorators still compile: Vite 8's oxc
 * transform reads tsconfig.json (`experimentalDecorators`, `useDefineForClassFields: false`)
 * for files inside its `include`, and widgets/ is. The browser run in render.mjs proves the
 * result works.
 *
 * @param {{ root: string, entry: string, fileName: string, outDir?: string, minify?: boolean, rolldownOptions?: object }} options
 * @returns {Promise<Array<import('vite').Rolldown.OutputChunk>>} the chunks built
 */
export async function libraryBuild({ root, entry, fileName, outDir, minify = true, rolldownOptions = {} }) {
  const result = await build({
    configFile: false,
    envDir: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    build: {
      ...(outDir ? { outDir, emptyOutDir: false } : { write: false }),
      copyPublicDir: false,
      reportCompressedSize: false,
      sourcemap: false,
      minify,
      lib: { entry: join(root, entry), formats: ['es'], fileName: () => fileName },
      rolldownOptions,
    },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : [])).filter((o) => o.type === 'chunk');
}

/**
 * Builds `entry` into `outDir/<name>.js`, every dependency and every import() inlined.
 * `minify: false` keeps function names, for a readable CPU profile.
 *
 * @param {{ root: string, outDir: string, name: string, entry: string, minify?: boolean }} options
 * @returns {Promise<BundleSize>}
 */
export async function bundle({ root, outDir, name, entry, minify = true }) {
  const started = performance.now();
  const chunks = await libraryBuild({
    root,
    entry,
    outDir,
    minify,
    fileName: `${name}.js`,
    rolldownOptions: {
      // No externals: lit, @lit/*, zod/mini, the kit and the widget all go in.
      external: [],
      output: {
        // One file: dynamic imports are inlined (rolldown's inlineDynamicImports).
        codeSplitting: false,
        // Vite minifies ES library builds without whitespace removal (to keep
        // /*#__PURE__*/ marks for the consumer's bundler); a widget loaded as is
        // by a page is shipped fully minified, so measure that.
        minify,
      },
    },
  });
  if (chunks.length !== 1) throw new Error(`${name}: expected one chunk, got ${chunks.map((o) => o.fileName).join(', ')}`);
  const [chunk] = chunks;
  // An inlined import() is listed as an import of the chunk itself.
  const imports = [...chunk.imports, ...chunk.dynamicImports].filter((fileName) => fileName !== chunk.fileName);
  if (imports.length) throw new Error(`${name}: bundle still imports ${imports.join(', ')}`);
  const file = join(outDir, chunk.fileName);
  const code = readFileSync(file);
  return {
    name,
    entry,
    file,
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    buildMs: Math.round(performance.now() - started),
  };
}

/** Parts of the standalone bundle, most specific first (a module goes to the first that matches). */
const PARTS = [
  { name: 'lit', label: 'lit (lit, lit-html, lit-element, @lit/reactive-element)', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/ },
  { name: 'lit-extras', label: '@lit/task + @lit/context', test: /node_modules[\\/]@lit[\\/]/ },
  { name: 'zod', label: 'zod/mini', test: /node_modules[\\/]zod[\\/]/ },
  { name: 'kit', label: 'kit (widgets/kit, the parts used)', test: /[\\/]widgets[\\/]kit[\\/]/ },
];

/** A module reached only through import(): loaded after the first ready render, not part of it. */
const onlyLazily = (id, context) => {
  const info = context.getModuleInfo(id);
  return !!info && info.importers.length === 0 && info.dynamicImporters.length > 0;
};

/**
 * What the standalone widget is made of: the same build split into one chunk per part
 * (the rest, the widget and bundler helpers, stays in the entry chunk), each gzipped on
 * its own; what import() loads later (on a click, for another variant) in chunks of its own,
 * marked `later`. An estimate: the parts carry import/export glue and compress slightly worse
 * apart, so they add up to a little more than the first-ready bytes.
 *
 * @param {{ root: string, entry: string }} options
 * @returns {Promise<Array<{ part: string, later: boolean, raw: number, gzip: number }>>}
 */
export async function composition({ root, entry }) {
  const chunks = await libraryBuild({
    root,
    entry,
    fileName: 'entry.js',
    rolldownOptions: {
      output: {
        minify: true,
        codeSplitting: {
          groups: PARTS.map(({ name, test }, index) => ({
            name: (id, context) => (test.test(id) && !onlyLazily(id, context) ? name : null),
            debugName: name,
            priority: PARTS.length - index,
          })),
        },
      },
    },
  });
  return chunks.map((chunk) => {
      const part = chunk.isEntry ? undefined : PARTS.find((p) => chunk.name === p.name);
      const code = Buffer.from(chunk.code);
      const label = chunk.isDynamicEntry ? `later, through import(): ${chunk.name}` : (part?.label ?? `widget (${entry}) + bundler helpers`);
      return { part: label, later: chunk.isDynamicEntry, raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
    });
}

/**
 * Bytes to the first ready widget when the build keeps its dynamic imports as chunks: the entry
 * chunk and every chunk it imports statically (fetched before the widget can render), each
 * gzipped on its own and summed; the chunks behind import() come later, on a click (a live
 * manifest) or for another variant (the badge), and are listed apart.
 *
 * @param {{ root: string, entry: string }} options
 * @returns {Promise<{ firstReady: { raw: number, gzip: number, chunks: number }, lazy: Array<{ name: string, raw: number, gzip: number }> }>}
 */
export async function firstReady({ root, entry }) {
  const built = await libraryBuild({
    root,
    entry,
    fileName: 'entry.js',
    // The entry may export more than the widget (what its lazy chunks import from it): one file before ready, not the entry plus a shared chunk.
    rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true } },
  });
  const chunks = new Map(built.map((chunk) => [chunk.fileName, chunk]));
  const entryChunk = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entryChunk) throw new Error(`${entry}: no entry chunk`);
  const before = new Set();
  const visit = (fileName) => {
    if (before.has(fileName)) return;
    before.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(entryChunk.fileName);
  const size = (chunk) => ({ name: chunk.name, raw: Buffer.byteLength(chunk.code), gzip: gzipSync(chunk.code, { level: 9 }).length });
  const eager = [...before].map((fileName) => size(chunks.get(fileName)));
  return {
    firstReady: { raw: eager.reduce((sum, c) => sum + c.raw, 0), gzip: eager.reduce((sum, c) => sum + c.gzip, 0), chunks: eager.length },
    lazy: [...chunks.values()].filter((chunk) => !before.has(chunk.fileName)).map(size),
  };
}
