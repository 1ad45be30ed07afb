import type { Config } from '@backstage/config';
import { parseEndpointKey, type SystemId } from '@platform-widgets/backstage-plugin-common';

/** One configured tool instance: where its API lives and the server's credential for it. */
export interface ToolEndpoint {
  key: string;
  system: SystemId;
  /** The tool's root URL, without a trailing slash. */
  target: string;
  /** Headers the server adds (its credential). Never sent to the browser. */
  headers: Readonly<Record<string, string>>;
  /** How long a read is served from the cache, in ms. */
  ttlMs: number;
}

export interface PluginSettings {
  endpoints: ReadonlyMap<string, ToolEndpoint>;
  /** How long a kept copy may be served when the tool fails, in ms. */
  staleMs: number;
  /** Upper bound for every cache call; a slower cache counts as a miss. */
  cacheTimeoutMs: number;
  upstreamTimeoutMs: number;
  /** Largest upstream answer forwarded, in bytes. */
  maxResponseBytes: number;
  /** How long a user's read decision for a system is reused, in ms (0: ask every time). */
  readDecisionTtlMs: number;
  /** Whether the permission framework decides (`permission.enabled`); actions are refused otherwise. */
  permissionsEnabled: boolean;
}

export const DEFAULT_TTL_SECONDS = 10;
export const DEFAULT_STALE_SECONDS = 600;
export const DEFAULT_CACHE_TIMEOUT_MS = 250;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
export const DEFAULT_READ_DECISION_TTL_SECONDS = 5;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

function httpTarget(value: string, where: string): string {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${where} must be an http(s) URL`);
  return url.href.replace(/\/+$/, '');
}

export function readSettings(config: Config): PluginSettings {
  const root = config.getOptionalConfig('platformWidgets');
  const cache = root?.getOptionalConfig('cache');
  const defaultTtl = cache?.getOptionalNumber('ttlSeconds') ?? DEFAULT_TTL_SECONDS;
  const systemTtl = cache?.getOptionalConfig('systems');
  const endpoints = new Map<string, ToolEndpoint>();
  const endpointsConfig = root?.getOptionalConfig('endpoints');
  for (const key of endpointsConfig?.keys() ?? []) {
    const parsed = parseEndpointKey(key);
    if (!parsed) throw new Error(`platformWidgets.endpoints: "${key}" is not <system> or <system>:<instance>`);
    const entry = endpointsConfig!.getConfig(key);
    const headersConfig = entry.getOptionalConfig('headers');
    const headers = Object.fromEntries((headersConfig?.keys() ?? []).map((name) => [name, headersConfig!.getString(name)]));
    const ttlSeconds = entry.getOptionalNumber('cacheTtlSeconds') ?? systemTtl?.getOptionalNumber(parsed.system) ?? defaultTtl;
    endpoints.set(key, {
      key,
      system: parsed.system,
      target: httpTarget(entry.getString('target'), `platformWidgets.endpoints.${key}.target`),
      headers,
      ttlMs: Math.max(0, ttlSeconds) * 1000,
    });
  }
  return {
    endpoints,
    staleMs: (cache?.getOptionalNumber('staleSeconds') ?? DEFAULT_STALE_SECONDS) * 1000,
    cacheTimeoutMs: cache?.getOptionalNumber('timeoutMs') ?? DEFAULT_CACHE_TIMEOUT_MS,
    upstreamTimeoutMs: root?.getOptionalNumber('upstreamTimeoutMs') ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    maxResponseBytes: root?.getOptionalNumber('maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES,
    readDecisionTtlMs: (root?.getOptionalNumber('readDecisionTtlSeconds') ?? DEFAULT_READ_DECISION_TTL_SECONDS) * 1000,
    permissionsEnabled: config.getOptionalBoolean('permission.enabled') === true,
  };
}
