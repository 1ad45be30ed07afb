import type { ConfigApi } from '@backstage/core-plugin-api';
import type { Endpoint } from '@platform-widgets/backstage-plugin-common';

export const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;

interface SystemConfig {
  proxyPath: string;
  uiUrl: string | undefined;
  instances: ReadonlyMap<string, { proxyPath: string; uiUrl: string | undefined }>;
}

/** `platformWidgets` from app-config, read once per app (see config.d.ts). */
export interface PlatformWidgetsSettings {
  remoteUrl: string | undefined;
  remoteTimeoutMs: number;
  refreshInterval: number | undefined;
  /** Proxy endpoints (`platformWidgets.systems`): read-only installs through the proxy backend. */
  systems: ReadonlyMap<string, SystemConfig>;
  /** Endpoints served by the Platform Widgets backend plugin (`platformWidgets.endpoints`), by endpoint key. */
  backendEndpoints: ReadonlyMap<string, { uiUrl: string | undefined }>;
}

export function readSettings(config: ConfigApi): PlatformWidgetsSettings {
  const root = config.getOptionalConfig('platformWidgets');
  const systems = new Map<string, SystemConfig>();
  const systemsConfig = root?.getOptionalConfig('systems');
  for (const system of systemsConfig?.keys() ?? []) {
    const entry = systemsConfig!.getConfig(system);
    const instancesConfig = entry.getOptionalConfig('instances');
    const instances = new Map(
      (instancesConfig?.keys() ?? []).map((name) => {
        const instance = instancesConfig!.getConfig(name);
        return [name, { proxyPath: instance.getString('proxyPath'), uiUrl: instance.getOptionalString('uiUrl') }] as const;
      }),
    );
    systems.set(system, { proxyPath: entry.getOptionalString('proxyPath') ?? `/${system}`, uiUrl: entry.getOptionalString('uiUrl'), instances });
  }
  const endpointsConfig = root?.getOptionalConfig('endpoints');
  const backendEndpoints = new Map(
    (endpointsConfig?.keys() ?? []).map((key) => [key, { uiUrl: endpointsConfig!.getConfig(key).getOptionalString('ui') }] as const),
  );
  return {
    backendEndpoints,
    remoteUrl: root?.getOptionalString('remote.url'),
    remoteTimeoutMs: root?.getOptionalNumber('remote.timeoutMs') ?? DEFAULT_REMOTE_TIMEOUT_MS,
    refreshInterval: root?.getOptionalNumber('refreshInterval'),
    systems,
  };
}

function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * The host contract's endpoints. Endpoints of the backend plugin (`platformWidgets.endpoints`)
 * come first: `api` is the plugin's base plus the endpoint key, where every call is
 * authorized and reads are shared. Proxy endpoints (`platformWidgets.systems`) fill in the
 * rest: the proxy backend's base plus the proxy path. Named instances are `system:instance`.
 */
export function buildEndpoints(settings: PlatformWidgetsSettings, proxyBaseUrl: string, backendBaseUrl?: string): Record<string, Endpoint> {
  const endpoints: Record<string, Endpoint> = {};
  const endpoint = (proxyPath: string, uiUrl: string | undefined): Endpoint =>
    uiUrl ? { api: join(proxyBaseUrl, proxyPath), ui: uiUrl } : { api: join(proxyBaseUrl, proxyPath) };
  for (const [system, entry] of settings.systems) {
    endpoints[system] = endpoint(entry.proxyPath, entry.uiUrl);
    for (const [name, instance] of entry.instances) endpoints[`${system}:${name}`] = endpoint(instance.proxyPath, instance.uiUrl ?? entry.uiUrl);
  }
  if (backendBaseUrl) {
    for (const [key, { uiUrl }] of settings.backendEndpoints) {
      const api = join(backendBaseUrl, encodeURIComponent(key));
      endpoints[key] = uiUrl ? { api, ui: uiUrl } : { api };
    }
  }
  return endpoints;
}

/** The tool UI base for a widget's system and instance, for the fallback deep link. */
/** Whether the app integrates the system at all (a proxy entry or a backend endpoint). */
export function integrates(settings: PlatformWidgetsSettings, system: string): boolean {
  return settings.systems.has(system) || settings.backendEndpoints.has(system);
}

export function uiBase(settings: PlatformWidgetsSettings, system: string, instance: string | undefined): string | undefined {
  const fromBackend = (instance ? settings.backendEndpoints.get(`${system}:${instance}`)?.uiUrl : undefined) ?? settings.backendEndpoints.get(system)?.uiUrl;
  const entry = settings.systems.get(system);
  return fromBackend ?? (instance ? entry?.instances.get(instance)?.uiUrl : undefined) ?? entry?.uiUrl;
}
