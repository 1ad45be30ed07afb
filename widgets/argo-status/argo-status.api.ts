import * as z from 'zod/mini';
import { apiCall, apiRequest, buildUrl, optionalList as list, optionalText as text, type CallContext } from '../kit/index.js';

const source = z.object({
  repoURL: text,
  path: text,
  chart: text,
  targetRevision: text,
  ref: text,
  name: text,
});
export type ApplicationSource = z.infer<typeof source>;

const health = z.object({ status: text, message: text });

const resource = z.object({
  group: text,
  version: text,
  kind: z.string(),
  namespace: text,
  name: z.string(),
  status: text,
  health: z.optional(z.nullable(health)),
});
export type ArgoResource = z.infer<typeof resource>;

/** A resource the last sync touched: hooks carry `hookType` and `hookPhase`. */
const syncResultResource = z.object({
  group: text,
  kind: text,
  namespace: text,
  name: text,
  status: text,
  message: text,
  hookType: text,
  hookPhase: text,
});
export type SyncResultResource = z.infer<typeof syncResultResource>;

const initiator = z.object({ username: text, automated: z.optional(z.nullable(z.boolean())) });

const historyEntry = z.object({
  id: z.optional(z.union([z.number(), z.string()])),
  revision: text,
  revisions: list(z.string()),
  deployedAt: text,
  deployStartedAt: text,
  source: z.optional(z.nullable(source)),
  sources: list(source),
  initiatedBy: z.optional(z.nullable(initiator)),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const applicationSchema = z.object({
  metadata: z.object({
    name: z.string(),
    namespace: text,
    labels: z.optional(z.nullable(z.record(z.string(), z.string()))),
  }),
  spec: z.optional(
    z.object({
      project: text,
      source: z.optional(z.nullable(source)),
      sources: list(source),
      destination: z.optional(z.nullable(z.object({ server: text, name: text, namespace: text }))),
      ignoreDifferences: list(z.object({ group: text, kind: text, name: text, namespace: text })),
    }),
  ),
  status: z.optional(
    z.nullable(
      z.object({
        sync: z.optional(z.nullable(z.object({ status: text, revision: text, revisions: list(z.string()) }))),
        health: z.optional(z.nullable(health)),
        conditions: list(z.object({ type: text, message: text, lastTransitionTime: text })),
        history: list(historyEntry),
        operationState: z.optional(
          z.nullable(
            z.object({
              phase: text,
              message: text,
              startedAt: text,
              finishedAt: text,
              syncResult: z.optional(z.nullable(z.object({ revision: text, revisions: list(z.string()), resources: list(syncResultResource) }))),
              operation: z.optional(z.nullable(z.object({ initiatedBy: z.optional(z.nullable(initiator)) }))),
            }),
          ),
        ),
        resources: list(resource),
        summary: z.optional(z.nullable(z.object({ images: list(z.string()), externalURLs: list(z.string()) }))),
        reconciledAt: text,
        sourceType: text,
      }),
    ),
  ),
});
export type Application = z.infer<typeof applicationSchema>;

/**
 * What the selector list reads of each application, no more: a list of 500 apps is not
 * worth validating history and resources of each (z.object passes other keys over).
 */
export const appSummarySchema = z.object({
  metadata: z.object({ name: z.string(), namespace: text }),
  status: z.optional(
    z.nullable(
      z.object({
        sync: z.optional(z.nullable(z.object({ status: text }))),
        health: z.optional(z.nullable(health)),
        operationState: z.optional(z.nullable(z.object({ finishedAt: text }))),
      }),
    ),
  ),
});
export type AppSummary = z.infer<typeof appSummarySchema>;

/**
 * What the selector list asks Argo CD for (`fields=items.<name>,…`), in Argo CD's own names: it
 * knows a fixed set of them and leaves out any other, so `status.health` is asked whole. An Argo
 * CD that ignores `fields` sends whole Applications, which the schema reads the same.
 */
export const APP_SUMMARY_FIELDS = ['metadata.name', 'metadata.namespace', 'status.sync.status', 'status.health', 'status.operationState.finishedAt'] as const;

// `items` is always sent (null when nothing matches), with or without `fields`: an object without it is not an application list.
export const applicationListSchema = z.object({ items: z.nullable(z.array(appSummarySchema)) });

export const revisionMetadataSchema = z.object({
  author: text,
  date: text,
  message: text,
  tags: list(z.string()),
});
export type RevisionMetadata = z.infer<typeof revisionMetadataSchema>;

export interface AppQuery {
  instance?: string;
  appName: string;
  project?: string;
  appNamespace?: string;
}

export interface SelectorQuery {
  instance?: string;
  selector: string;
  project?: string;
  appNamespace?: string;
}

/** `GET /api/v1/applications/{name}`; `hardRefresh` asks Argo CD to re-read Git first. */
export function getApplication(call: CallContext & { query: AppQuery; hardRefresh?: boolean }): Promise<Application> {
  const { query } = call;
  return apiRequest(call.host, {
    system: 'argocd',
    instance: query.instance,
    path: ['api', 'v1', 'applications', query.appName],
    query: { appNamespace: query.appNamespace, project: query.project, refresh: call.hardRefresh ? 'normal' : undefined },
    schema: applicationSchema,
    signal: call.signal,
    fresh: call.fresh || call.hardRefresh,
  });
}

/** `GET /api/v1/applications?selector=` (Argo CD answers `items: null` when nothing matches). */
export async function listApplications(call: CallContext & { query: SelectorQuery }): Promise<AppSummary[]> {
  const { query } = call;
  const list = await apiCall(call, {
    system: 'argocd',
    instance: query.instance,
    path: ['api', 'v1', 'applications'],
    query: { selector: query.selector, projects: query.project, appNamespace: query.appNamespace, fields: APP_SUMMARY_FIELDS.map((field) => `items.${field}`).join(',') },
    schema: applicationListSchema,
  });
  return list.items ?? [];
}

/** `POST /api/v1/applications/{name}/sync` (returns the Application). */
export function syncApplication(call: CallContext & { query: AppQuery }): Promise<Application> {
  const { query } = call;
  return apiRequest(call.host, {
    system: 'argocd',
    instance: query.instance,
    method: 'POST',
    path: ['api', 'v1', 'applications', query.appName, 'sync'],
    body: { name: query.appName, appNamespace: query.appNamespace, project: query.project, prune: false, dryRun: false },
    schema: applicationSchema,
    signal: call.signal,
  });
}

/** Commit author/date/message for a Git revision; sourceIndex/versionId for multi-source apps. */
export function getRevisionMetadata(
  call: CallContext & { query: AppQuery; revision: string; sourceIndex?: number; versionId?: number | string },
): Promise<RevisionMetadata> {
  const { query } = call;
  return apiRequest(call.host, {
    system: 'argocd',
    instance: query.instance,
    path: ['api', 'v1', 'applications', query.appName, 'revisions', call.revision, 'metadata'],
    query: {
      appNamespace: query.appNamespace,
      project: query.project,
      sourceIndex: call.sourceIndex,
      versionId: call.versionId,
    },
    schema: revisionMetadataSchema,
    signal: call.signal,
  });
}

// ---- Deep links into the Argo CD UI -------------------------------------------------

function appSegments(name: string, appNamespace?: string | null): string[] {
  return appNamespace ? ['applications', appNamespace, name] : ['applications', name];
}

export function appLink(ui: string | undefined, name: string, appNamespace?: string | null): string | undefined {
  return buildUrl(ui, appSegments(name, appNamespace));
}

/** Opens the resource's panel in the application tree. */
export function resourceLink(
  ui: string | undefined,
  app: { name: string; appNamespace?: string | null },
  resource: ArgoResource,
): string | undefined {
  const node = [resource.group ?? '', resource.kind, resource.namespace ?? '', resource.name, '0'].join('/');
  return buildUrl(ui, appSegments(app.name, app.appNamespace), { view: 'tree', node });
}

/** Opens the "History and rollback" panel. */
export function historyLink(ui: string | undefined, name: string, appNamespace?: string | null): string | undefined {
  return buildUrl(ui, appSegments(name, appNamespace), { rollback: 0 });
}

/** The application list filtered by the same label selector. */
export function selectorLink(ui: string | undefined, selector: string): string | undefined {
  return buildUrl(ui, ['applications'], { labels: selector });
}

// ---- Derived facts ------------------------------------------------------------------

export function sourcesOf(app: Application): ApplicationSource[] {
  const spec = app.spec;
  if (spec?.sources?.length) return spec.sources;
  return spec?.source ? [spec.source] : [];
}

export function isHelm(source: ApplicationSource | null | undefined): boolean {
  return Boolean(source?.chart);
}

export function shortRevision(revision: string | null | undefined): string {
  if (!revision) return '–';
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

/** Newest first; Argo CD keeps history oldest first. */
export function historyNewestFirst(app: Application): HistoryEntry[] {
  return [...(app.status?.history ?? [])].reverse();
}
