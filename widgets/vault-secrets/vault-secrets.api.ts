import * as z from 'zod/mini';
import {
  WidgetError,
  apiCall,
  buildUrl,
  optionalNumber as count,
  optionalText as text,
  parseTime,
  type CallContext,
} from '../kit/index.js';

/** The KV v2 mount the Backstage Vault plugin assumes when `vault.io/secrets-engine` is absent. */
export const DEFAULT_ENGINE = 'secrets';


/** `LIST /v1/{mount}/metadata/{path}`: key names, folders end with `/`. */
export const listResponseSchema = z.object({
  // Vault always answers a LIST with `data.keys` (a path with nothing under it is a 404).
  data: z.object({ keys: z.array(z.string()) }),
});

const versionSchema = z.object({
  created_time: text,
  deletion_time: text,
  destroyed: z.optional(z.nullable(z.boolean())),
});

/** `GET /v1/{mount}/metadata/{path}`: a secret's versions and custom metadata, never its value. */
export const metadataResponseSchema = z.object({
  data: z.object({
    current_version: count,
    oldest_version: count,
    max_versions: count,
    created_time: text,
    updated_time: text,
    versions: z.optional(z.nullable(z.record(z.string(), versionSchema))),
    custom_metadata: z.optional(z.nullable(z.record(z.string(), z.string()))),
  }),
});

export type SecretMetadata = z.infer<typeof metadataResponseSchema>['data'];

/** Where the secrets live; `mount` and `path` are split into segments (a mount may be nested: `team/kv`). */
export interface VaultLocation {
  instance?: string;
  namespace?: string;
  mount: readonly string[];
  path: readonly string[];
}

interface Call extends CallContext {
  location: VaultLocation;
}

/** `a//b/` → `['a', 'b']`: leading, trailing and doubled slashes carry no meaning in Vault paths. */
export function splitPath(value: string | null | undefined): string[] {
  return (value ?? '').split('/').filter(Boolean);
}

/** The first `.` or `..` segment, which no Vault path may hold (it would walk up the proxy). */
export function unsafeSegment(segments: readonly string[]): string | undefined {
  return segments.find((segment) => segment === '.' || segment === '..');
}

export function displayPath(location: VaultLocation, below: readonly string[] = []): string {
  return [...location.mount, ...location.path, ...below].join('/');
}

function namespaceHeader(location: VaultLocation): Record<string, string> | undefined {
  return location.namespace ? { 'X-Vault-Namespace': location.namespace } : undefined;
}

function metadataPath(location: VaultLocation, below: readonly string[]): string[] {
  return ['v1', ...location.mount, 'metadata', ...location.path, ...below];
}

/**
 * Key names below `folder` (relative to the location's path). Vault answers 404
 * for a path with nothing under it, so 404 is an empty list, not a failure.
 */
export async function listKeys(call: Call & { folder?: readonly string[] }): Promise<string[]> {
  try {
    const response = await apiCall(call, {
      system: 'vault',
      instance: call.location.instance,
      path: metadataPath(call.location, call.folder ?? []),
      query: { list: true },
      headers: namespaceHeader(call.location),
      schema: listResponseSchema,
    });
    return response.data.keys;
  } catch (error) {
    if (error instanceof WidgetError && error.kind === 'not-found') return [];
    throw error;
  }
}

/** Metadata of one secret (relative to the location's path). Never calls `/data/`: no values. */
export async function readMetadata(call: Call & { secret: readonly string[] }): Promise<SecretMetadata> {
  const response = await apiCall(call, {
    system: 'vault',
    instance: call.location.instance,
    path: metadataPath(call.location, call.secret),
    headers: namespaceHeader(call.location),
    schema: metadataResponseSchema,
  });
  return response.data;
}

// ---- Deep links into the Vault UI ---------------------------------------------------
// The UI names the mount in ONE route segment (a nested mount `team/kv` is `team%2Fkv`),
// then the secret path segment by segment; `?namespace=` selects an Enterprise namespace.

function uiSegments(location: VaultLocation, route: 'show' | 'edit' | 'list', below: readonly string[]): string[] {
  return ['ui', 'vault', 'secrets', location.mount.join('/'), route, ...location.path, ...below];
}

/** The secret's page (`show`) or its editor (`edit`), as the Backstage Vault plugin links them. */
export function secretLink(
  ui: string | undefined,
  location: VaultLocation,
  secret: readonly string[],
  route: 'show' | 'edit',
): string | undefined {
  return buildUrl(ui, uiSegments(location, route, secret), { namespace: location.namespace });
}

/** The folder's listing; the Vault UI marks a folder with a trailing slash. */
export function folderLink(ui: string | undefined, location: VaultLocation, folder: readonly string[] = []): string | undefined {
  const href = buildUrl(ui, uiSegments(location, 'list', folder), { namespace: location.namespace });
  if (!href || location.path.length + folder.length === 0) return href;
  const url = new URL(href);
  url.pathname = `${url.pathname}/`;
  return url.href;
}

// ---- Derived facts ------------------------------------------------------------------

/** Vault writes nanoseconds (`…43.986212308Z`); the kit's parseTime cuts them to milliseconds. */
export function vaultTime(value: string | null | undefined): Date | undefined {
  return parseTime(value);
}

export interface SecretFacts {
  version?: number;
  versionCount: number;
  updated?: Date;
  created?: Date;
  /** The current version is soft-deleted (recoverable) or destroyed (gone). */
  currentState: 'live' | 'deleted' | 'destroyed';
  custom: Array<[string, string]>;
}

export function secretFacts(metadata: SecretMetadata, now = Date.now()): SecretFacts {
  const versions = metadata.versions ?? {};
  const version = metadata.current_version ?? undefined;
  const current = version === undefined ? undefined : versions[String(version)];
  const deletedAt = vaultTime(current?.deletion_time);
  return {
    version: version || undefined,
    versionCount: Object.keys(versions).length,
    updated: vaultTime(metadata.updated_time),
    created: vaultTime(metadata.created_time),
    currentState: current?.destroyed ? 'destroyed' : deletedAt && deletedAt.getTime() <= now ? 'deleted' : 'live',
    custom: Object.entries(metadata.custom_metadata ?? {}),
  };
}
