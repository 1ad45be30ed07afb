import { createApiRef } from '@backstage/core-plugin-api';
import { createInstance, type ModuleFederationRuntimePlugin } from '@module-federation/runtime';

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
  if (/JSON|Unexpected token|manifest|snapshot/i.test(text) && !/fetch|network|load script/i.test(text)) {
    return 'Widgets unavailable: the widget remote sent unexpected content.';
  }
  return 'Widgets unavailable: the widget remote could not be loaded.';
}

/**
 * Turns every remote failure (down, 404, wrong content) into a value instead of a throw,
 * so the card can render the deep link. Only this adapter's own instance uses it.
 */
function fallbackPlugin(): ModuleFederationRuntimePlugin {
  return {
    name: 'platform-widgets-fallback',
    errorLoadRemote: ({ error }) => ({ [FAILED]: remoteFailureReason(error) }) satisfies FailedModule,
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout()), timeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A loader with its own Module Federation runtime instance (no global state shared with
 * the app or other remotes). After a failure the instance is dropped, so a remote that
 * comes back is picked up on the next mount.
 */
export function createRemoteLoader(options: RemoteLoaderOptions): WidgetLoader {
  let instance: ReturnType<typeof createInstance> | undefined;
  let generation = 0;

  const federation = () =>
    (instance ??= createInstance({
      name: `platform_widgets_backstage_${++generation}`,
      remotes: [{ name: REMOTE_NAME, entry: options.remoteUrl ?? '', type: 'module' }],
      plugins: [fallbackPlugin()],
    }));

  return {
    async load(tag) {
      if (customElements.get(tag)) return { ok: true };
      if (!options.remoteUrl) return { ok: false, reason: 'Widgets unavailable: no widget remote is configured (platformWidgets.remote.url).' };
      const timedOut: FailedModule = { [FAILED]: 'Widgets unavailable: the widget remote did not answer in time.' };
      let result: unknown;
      try {
        result = await withTimeout(federation().loadRemote<unknown>(`${REMOTE_NAME}/${tag}`), options.timeoutMs, () => timedOut);
      } catch (error) {
        result = { [FAILED]: remoteFailureReason(error) } satisfies FailedModule;
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
