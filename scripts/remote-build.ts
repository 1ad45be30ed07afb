import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import type { Plugin } from 'vite';

/*
 * Two build plugins for the Module Federation remote (vite.remote.config.ts): the federation
 * runtime taken from the host when it has one, and fewer chunks before the first widget.
 */

const RUNTIME_CORE = '@module-federation/runtime-core';
const SHIM_ID = '\0platform-widgets:runtime-core-from-host';
const COPY_ID = '\0platform-widgets:runtime-core-copy';

/** The runtime-core that @module-federation/vite's own runtime imports (it may nest its own version). */
function runtimeCorePath(): string {
  const require = createRequire(import.meta.url);
  const runtime = require.resolve('@module-federation/runtime', { paths: [dirname(require.resolve('@module-federation/vite'))] });
  // The CommonJS entry's folder holds the ES module entry too.
  return join(dirname(require.resolve(RUNTIME_CORE, { paths: [dirname(runtime)] })), 'index.js');
}

/**
 * The remote uses the host's federation runtime (`globalThis._FEDERATION_RUNTIME_CORE`, which
 * the portal and the Backstage adapter publish before loading the remote) and fetches its own
 * copy only when the host published none: a host with a runtime pays no second one (19 kB gzip),
 * a host without one still works (one more request). @module-federation/vite's
 * `experiments.externalRuntime` does the first half but throws on a host without it.
 */
export function runtimeCoreFromHost(): Plugin {
  const path = runtimeCorePath();
  return {
    name: 'platform-widgets:runtime-core-from-host',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === COPY_ID) return COPY_ID;
      if (source !== RUNTIME_CORE || importer === COPY_ID) return null;
      return SHIM_ID;
    },
    async load(id) {
      if (id === COPY_ID) return `export * from ${JSON.stringify(path)};`;
      if (id !== SHIM_ID) return null;
      const names = Object.keys((await import(path)) as Record<string, unknown>).filter((name) => name !== 'default');
      return [
        `const core = globalThis._FEDERATION_RUNTIME_CORE ?? (await import(${JSON.stringify(COPY_ID)}));`,
        ...names.map((name) => `export const ${name} = core.${name};`),
      ].join('\n');
    },
  };
}

interface ChunkingContext {
  getModuleInfo(id: string): { importers: readonly string[]; dynamicImporters: readonly string[] } | null;
}
type ChunkNamer = (id: string, context: ChunkingContext) => string | null | undefined;
interface ChunkGroup {
  name: string | ChunkNamer;
  test?: RegExp;
  priority?: number;
}

/**
 * What every widget needs before its own code, in one chunk: the federation runtime's wrapper
 * (its core is the host's, see runtimeCoreFromHost), the shared-import map read at init,
 * and Vite's preload helper. Not the runtime-core copy: it is fetched only when needed.
 */
const FEDERATION_GLUE = /node_modules[\\/]@module-federation[\\/]runtime[\\/]|runtime-core-from-host|localSharedImportMap|vite[\\/]preload-helper|loadShareHelpers/;
const RUNTIME_CORE_MODULE = /[\\/]runtime-core[\\/]|runtime-core-copy/;

/**
 * A module only ever reached through import() (a badge's drawing, a live manifest): it keeps a
 * chunk of its own, fetched when first needed, instead of joining the kit chunk every widget
 * loads before its first render.
 */
export function onlyLoadedLazily(id: string, context: ChunkingContext): boolean {
  const info = context.getModuleInfo(id);
  return !!info && info.importers.length === 0 && info.dynamicImporters.length > 0;
}

/**
 * @module-federation/vite puts Vite's preload helper, its shared-cache helpers and the
 * shared-module wrappers (`__loadShare__`) into chunks of their own: three more requests
 * before any widget. One group (chunks merge by name only within a group) sends the helpers
 * to the federation glue chunk and the wrappers to the kit chunk: both are loaded before any
 * widget anyway, and the wrappers, which wait (top-level await) for the container's init, only
 * after it. What the federation plugin names otherwise (its runtime init) keeps its name.
 */
export function fewerFederationChunks(kitChunk: RegExp): Plugin {
  let skipped: string[] = [];
  return {
    name: 'platform-widgets:fewer-federation-chunks',
    enforce: 'post',
    outputOptions(options) {
      const splitting = options.codeSplitting;
      if (!splitting || typeof splitting !== 'object' || !Array.isArray(splitting.groups)) return null;
      const groups = splitting.groups as ChunkGroup[];
      const federationNamer = groups.find((group) => typeof group.name === 'function')?.name;
      if (typeof federationNamer !== 'function') throw new Error('@module-federation/vite no longer names its chunks by a function: review fewerFederationChunks()');
      const name: ChunkNamer = (id, context) => {
        if (id.includes('__loadShare__')) return 'kit';
        if (RUNTIME_CORE_MODULE.test(id)) return null;
        if (FEDERATION_GLUE.test(id)) return 'federation-runtime';
        const chosen = federationNamer(id, context);
        if (chosen) return chosen;
        return kitChunk.test(id) && !onlyLoadedLazily(id, context) ? 'kit' : null;
      };
      return { ...options, codeSplitting: { ...splitting, groups: [{ name, priority: 1 }] } };
    },
    generateBundle(_options, bundle) {
      skipped = skipSharedMapFacade(bundle);
    },
    writeBundle(options) {
      if (options.dir) dropFromManifest(join(options.dir, 'mf-manifest.json'), skipped);
    },
  };
}

/** What is left of the shared-import map at its own path: `export{a as usedRemotes,o as usedShared}from"./federation-runtime-….js";` */
const SHARED_MAP_FACADE = /^export\s*\{([^}]*)\}\s*from\s*"\.\/([^"]+)";?$/;

interface BundleChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
}

/**
 * The federation plugin's shared-import map is a dynamic import whose module joins the federation
 * glue chunk (FEDERATION_GLUE); what is left at its own path is a facade re-exporting from that
 * chunk: one more request (of 90 bytes) before every widget, for a chunk already loaded. Its
 * importers are pointed at the chunk itself. Only this facade: its two exports are objects made
 * once when the chunk runs, so a copy of them is the same (the shared-module facades re-export
 * bindings that change later, and stay). The file stays for mf-manifest.json, which lists it.
 */
function skipSharedMapFacade(bundle: Record<string, BundleChunk>): string[] {
  const skipped: string[] = [];
  const chunks = Object.values(bundle).filter((file): file is BundleChunk & { code: string } => file.type === 'chunk' && typeof file.code === 'string');
  for (const facade of chunks) {
    if (!facade.fileName.includes('localSharedImportMap')) continue;
    const match = SHARED_MAP_FACADE.exec(facade.code.trim());
    if (!match?.[1] || !match[2]) continue;
    const target = posix.join(posix.dirname(facade.fileName), match[2]);
    const names = match[1].split(',').map((pair) => pair.trim().split(/\s+as\s+/));
    const picked = names.map(([local, exported]) => `${exported ?? local}:m.${local}`).join(',');
    for (const importer of chunks) {
      if (importer === facade) continue;
      const from = posix.dirname(importer.fileName);
      const relative = (file: string) => {
        const path = posix.relative(from, file);
        return path.startsWith('.') ? path : `./${path}`;
      };
      const call = `import(\`${relative(facade.fileName)}\`)`;
      if (importer.code.includes(call)) importer.code = importer.code.split(call).join(`import(\`${relative(target)}\`).then((m)=>({${picked}}))`);
    }
    skipped.push(facade.fileName);
  }
  return skipped;
}

interface ManifestAssets {
  assets?: { js?: { sync?: string[]; async?: string[] } };
}

/** mf-manifest.json lists the facade among the files a host preloads with a widget: no longer. */
function dropFromManifest(file: string, skipped: readonly string[]): void {
  if (!skipped.length || !existsSync(file)) return;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { exposes?: ManifestAssets[]; shared?: ManifestAssets[] };
  for (const entry of [...(manifest.exposes ?? []), ...(manifest.shared ?? [])]) {
    const js = entry.assets?.js;
    if (!js) continue;
    if (js.sync) js.sync = js.sync.filter((path) => !skipped.includes(path));
    if (js.async) js.async = js.async.filter((path) => !skipped.includes(path));
  }
  writeFileSync(file, JSON.stringify(manifest));
}
