import { createInstance, type ModuleFederationRuntimePlugin } from '@module-federation/runtime';
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
  // "#RUNTIME-008 …: Failed to load script resources …" → the first line, without the docs link.
  return text.split('\n')[0]?.replace(/\s*#\S+$/, '').slice(0, 160) ?? 'unknown error';
}

/** A remote that does not load yields a module that says why, never a rejected promise. */
function fallbackOnError(): ModuleFederationRuntimePlugin {
  return {
    name: 'platform-widgets:fallback-on-error',
    errorLoadRemote({ id, error }) {
      console.warn(`Widget module ${id} did not load`, error);
      const failure: LoadFailure = { remoteLoadFailed: message(error) };
      return failure;
    },
  };
}

export interface WidgetsRemote {
  /** Loads `./<tag>` from the remote, which defines the tag (once). */
  load(tag: string): Promise<LoadResult>;
}

/** `manifestUrl`: the remote's mf-manifest.json (absolute, or relative to the page). */
export function widgetsRemote(manifestUrl: string): WidgetsRemote {
  const federation = createInstance({
    name: HOST_NAME,
    remotes: [{ name: REMOTE_NAME, entry: new URL(manifestUrl, document.baseURI).href, type: 'module' }],
    shared: {
      lit: { version: '3.3.3', lib: () => lit, shareConfig: { singleton: true, requiredVersion: '^3.3.0' } },
      '@lit/context': { version: '1.1.6', lib: () => litContext, shareConfig: { singleton: true, requiredVersion: '^1.1.0' } },
      '@lit/task': { version: '1.0.3', lib: () => litTask, shareConfig: { singleton: true, requiredVersion: '^1.0.0' } },
    },
    plugins: [fallbackOnError()],
  });
  return {
    async load(tag) {
      try {
        const module = await federation.loadRemote<unknown>(`${REMOTE_NAME}/${tag}`);
        if (isLoadFailure(module)) return { ok: false, reason: module.remoteLoadFailed };
        if (!customElements.get(tag)) return { ok: false, reason: `the remote's ./${tag} did not define <${tag}>` };
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: message(error) };
      }
    },
  };
}
