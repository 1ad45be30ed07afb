import { createApiRef } from '@backstage/core-plugin-api';
import { createInstance, type ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime/core';

/** Federation name of the widget remote. */
export const REMOTE_NAME = 'platform_widgets';

export type LoadResult = { ok: true } | { ok: false; reason: string };

/** Loads a widget's custom element (by tag) from the remote. Never rejects. */
export interface WidgetLoader {
  load(tag: string): Promise<LoadResult>;
}

export const widgetLoaderApiRef = createApiRef<WidgetLoader>({ id: 'plugin.platform-widgets.loader' });

export interface RemoteLoaderOptions {
  /** `mf-manifest.json` (or `remoteEntry.js`) of the remote; none configured gives the deep link. */
  remoteUrl: string | undefined;
  timeoutMs: number;
}

const FAILED = Symbol('platform-widgets.remote-failed');

interface FailedModule {
  [FAILED]: string;
}

function isFailed(value: unknown): value is FailedModule {
  return typeof value === 'object' && value !== null && FAILED in value;
}

/** A short reader-facing reason for a remote that did not load. */
export function remoteFailureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // RUNTIME-013: not a valid manifest; a SyntaxError: not JSON at all (an HTML page, say).
  if (/RUNTIME-013|not a valid Module Federation manifest|Unexpected token|is not valid JSON/i.test(text)) {
    return 'Widgets unavailable: the widget remote sent unexpected content.';
  }
  return 'Widgets unavailable: the widget remote could not be loaded.';
}

/**
 * Why the remote failed, asked of the remote itself: the federation runtime reports an
 * unreachable manifest and a wrong one alike (#RUNTIME-013). One request, only after a failure.
 */
export async function diagnoseRemote(remoteUrl: string, error: unknown, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(remoteUrl, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch {
    return 'Widgets unavailable: the widget remote could not be reached.';
  }
  if (!response.ok) return `Widgets unavailable: the widget remote answered HTTP ${response.status}.`;
  const unexpected = 'Widgets unavailable: the widget remote sent unexpected content.';
  if (remoteUrl.split('?')[0]?.endsWith('.json')) {
    const manifest: unknown = await response.json().catch(() => undefined);
    if (typeof manifest !== 'object' || manifest === null || !('metaData' in manifest)) return unexpected;
  } else if (!/javascript|ecmascript/i.test(response.headers.get('content-type') ?? '')) {
    return unexpected; // a remoteEntry.js URL that answers with an HTML page, say
  }
  return remoteFailureReason(error);
}

/**
 * Turns a remote that fails into a value instead of a throw, so the card can render the
 * deep link. Only at module level (`onLoad`): a stand-in answered while the manifest loads
 * would be kept in the runtime's page-wide manifest cache, and the remote could never come
 * back on this page. Only this adapter's own instance uses it.
 */
function fallbackPlugin(remoteUrl: string, timeoutMs: number): ModuleFederationRuntimePlugin {
  return {
    name: 'platform-widgets-fallback',
    errorLoadRemote: async ({ lifecycle, error }) =>
      lifecycle === 'onLoad' ? ({ [FAILED]: await diagnoseRemote(remoteUrl, error, timeoutMs) } satisfies FailedModule) : undefined,
  };
}

/**
 * The entry for a fresh instance: after a failure, a query the remote's static server
 * ignores, so neither the runtime's page-wide manifest cache nor the HTTP cache hands the
 * failed answer back. Chunks still resolve against the manifest's folder.
 */
export function entryForAttempt(remoteUrl: string, attempt: number): string {
  if (attempt <= 1) return remoteUrl;
  const url = new URL(remoteUrl, globalThis.location?.href);
  url.searchParams.set('pw-attempt', String(attempt));
  return url.href;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout()), timeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The widget remote takes the page's federation runtime from `_FEDERATION_RUNTIME_CORE`
 * instead of fetching its own copy (19 kB gzip); the first host to publish it wins.
 */
export function provideRuntimeCore(): void {
  const global = runtimeCore.Global as { _FEDERATION_RUNTIME_CORE?: unknown };
  global._FEDERATION_RUNTIME_CORE ??= runtimeCore;
}

/**
 * A loader with its own Module Federation runtime instance (no global state shared with
 * the app or other remotes). After a failure the instance is dropped, so a remote that
 * comes back is picked up on the next mount.
 */
export function createRemoteLoader(options: RemoteLoaderOptions): WidgetLoader {
  let instance: ReturnType<typeof createInstance> | undefined;
  let generation = 0;

  const federation = (remoteUrl: string) => {
    if (!instance) {
      provideRuntimeCore();
      generation += 1;
      instance = createInstance({
        name: `platform_widgets_backstage_${generation}`,
        remotes: [{ name: REMOTE_NAME, entry: entryForAttempt(remoteUrl, generation), type: 'module' }],
        plugins: [fallbackPlugin(remoteUrl, options.timeoutMs)],
      });
    }
    return instance;
  };

  return {
    async load(tag) {
      if (customElements.get(tag)) return { ok: true };
      const remoteUrl = options.remoteUrl;
      if (!remoteUrl) return { ok: false, reason: 'Widgets unavailable: no widget remote is configured (platformWidgets.remote.url).' };
      const timedOut: FailedModule = { [FAILED]: 'Widgets unavailable: the widget remote did not answer in time.' };
      let result: unknown;
      try {
        result = await withTimeout(federation(remoteUrl).loadRemote<unknown>(`${REMOTE_NAME}/${tag}`), options.timeoutMs, () => timedOut);
      } catch (error) {
        result = { [FAILED]: await diagnoseRemote(remoteUrl, error, options.timeoutMs) } satisfies FailedModule;
      }
      if (isFailed(result)) {
        instance = undefined;
        return { ok: false, reason: result[FAILED] };
      }
      if (!customElements.get(tag)) return { ok: false, reason: `Widgets unavailable: the widget remote has no <${tag}>.` };
      return { ok: true };
    },
  };
}
