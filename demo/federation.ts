import { createInstance, type ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime/core';
import * as litContext from '@lit/context';
import * as litTask from '@lit/task';
import * as lit from 'lit';

/*
 * The portal as a Module Federation host: its own runtime instance, the widgets' remote
 * registered by manifest, and the page's lit handed to the share scope as a real module, so
 * the remote's widgets use the page's lit instead of fetching their own copy.
 */

/** The remote's federation name (fixed by the build: vite.remote.config.ts). */
export const REMOTE_NAME = 'platform_widgets';
const HOST_NAME = 'platform_widgets_portal';

/** What `load` answers: the tag is defined, or why not (the card then shows the deep link). */
export type LoadResult = { ok: true } | { ok: false; reason: string };

interface LoadFailure {
  readonly remoteLoadFailed: string;
}

function isLoadFailure(value: unknown): value is LoadFailure {
  return typeof value === 'object' && value !== null && typeof (value as Partial<LoadFailure>).remoteLoadFailed === 'string';
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // "[ Federation Runtime ]: Failed to get manifest. #RUNTIME-003 …" → "Failed to get manifest."
  const line = text.split('\n')[0] ?? '';
  return line.replace(/^\[ Federation Runtime \]:\s*/, '').replace(/\s*#RUNTIME-\d+.*$/, '').slice(0, 160) || 'unknown error';
}

/**
 * A module that does not load yields a stand-in that says why, never a rejected promise.
 * Only at the module level (`onLoad`): a stand-in for the manifest or the entry would be
 * taken (and cached) as that manifest or entry, and a later retry could never succeed.
 */
function fallbackOnError(): ModuleFederationRuntimePlugin {
  return {
    name: 'platform-widgets:fallback-on-error',
    errorLoadRemote({ id, error, lifecycle }) {
      if (lifecycle !== 'onLoad') return undefined;
      console.warn(`Widget module ${id} did not load`, error);
      const failure: LoadFailure = { remoteLoadFailed: message(error) };
      return failure;
    },
  };
}

export interface WidgetsRemote {
  /** Loads `./<tag>` from the remote, which defines the tag (once; a second load is a no-op). */
  load(tag: string): Promise<LoadResult>;
  /** Any exposed module (`kit`), or why it did not load. */
  module<T>(exposed: string): Promise<{ ok: true; module: T } | { ok: false; reason: string }>;
}

/**
 * The remote is built with `experiments.externalRuntime` (vite.remote.config.ts): it brings no
 * federation runtime of its own and uses the host's, published here, before the first load.
 */
function provideRuntimeCore(): void {
  const global = runtimeCore.Global as { _FEDERATION_RUNTIME_CORE?: unknown };
  global._FEDERATION_RUNTIME_CORE ??= runtimeCore;
}

/** The page's lit, @lit/context and @lit/task as real modules (versions as installed). */
const SHARED = {
  lit: { version: '3.3.3', lib: () => lit, shareConfig: { singleton: true, requiredVersion: '^3.3.0' } },
  '@lit/context': { version: '1.1.6', lib: () => litContext, shareConfig: { singleton: true, requiredVersion: '^1.1.0' } },
  '@lit/task': { version: '1.0.3', lib: () => litTask, shareConfig: { singleton: true, requiredVersion: '^1.0.0' } },
};

/**
 * `manifestUrl`: the remote's mf-manifest.json (absolute, or relative to the page).
 * `shareLit: false` only for measurements: the remote then loads its own lit.
 */
export function widgetsRemote(manifestUrl: string, { shareLit = true } = {}): WidgetsRemote {
  provideRuntimeCore();
  const federation = createInstance({
    name: HOST_NAME,
    remotes: [{ name: REMOTE_NAME, entry: new URL(manifestUrl, document.baseURI).href, type: 'module' }],
    shared: shareLit ? SHARED : {},
    plugins: [fallbackOnError()],
  });
  async function module<T>(exposed: string): Promise<{ ok: true; module: T } | { ok: false; reason: string }> {
    try {
      const loaded = await federation.loadRemote<T>(`${REMOTE_NAME}/${exposed}`);
      if (isLoadFailure(loaded)) return { ok: false, reason: loaded.remoteLoadFailed };
      if (loaded == null) return { ok: false, reason: `the remote has no ./${exposed}` };
      return { ok: true, module: loaded };
    } catch (error) {
      return { ok: false, reason: message(error) };
    }
  }
  return {
    module,
    async load(tag) {
      const result = await module<unknown>(tag);
      if (!result.ok) return result;
      return customElements.get(tag) ? { ok: true } : { ok: false, reason: `the remote's ./${tag} did not define <${tag}>` };
    },
  };
}
