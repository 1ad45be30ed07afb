import * as z from 'zod/mini';
import {
  apiCall,
  buildUrl,
  dashboardLink,
  listSchema,
  objectMetaSchema,
  optional,
  optionalList as list,
  optionalText as text,
  type CallContext,
} from '../kit/index.js';

// ---- Harbor: one artifact by tag or digest ------------------------------------------------

const reportSummary = z.object({
  scan_status: text,
  summary: optional(z.object({ total: optional(z.number()), fixable: optional(z.number()), summary: optional(z.record(z.string(), optional(z.number()))) })),
});

export const artifactSchema = z.object({
  digest: z.string(),
  project_id: optional(z.number()),
  push_time: text,
  tags: list(z.object({ name: z.string(), push_time: text })),
  scan_overview: optional(z.record(z.string(), reportSummary)),
});
export type Artifact = z.infer<typeof artifactSchema>;

// ---- Kargo (Connect API): freight, stages, promotions -------------------------------------

const freightReference = z.object({ name: text, id: text });
export const freightSchema = z.object({
  metadata: objectMetaSchema,
  alias: text,
  images: list(z.object({ repoURL: text, tag: text, digest: text })),
});
export type Freight = z.infer<typeof freightSchema>;
export const stageSchema = z.object({
  metadata: objectMetaSchema,
  status: optional(
    z.object({
      freightHistory: list(z.object({ items: optional(z.record(z.string(), freightReference)) })),
      currentFreight: optional(freightReference),
      lastPromotion: optional(z.object({ name: text, finishedAt: text, freight: optional(freightReference) })),
    }),
  ),
});
export type Stage = z.infer<typeof stageSchema>;
export const promotionSchema = z.object({
  metadata: optional(objectMetaSchema),
  spec: optional(z.object({ stage: text, freight: text })),
  status: optional(z.object({ phase: text, message: text, finishedAt: text })),
});
export type Promotion = z.infer<typeof promotionSchema>;

// ---- Argo CD and Kubernetes -----------------------------------------------------------------

export const applicationSchema = z.object({
  metadata: z.object({ name: z.string(), namespace: text }),
  status: optional(
    z.object({
      sync: optional(z.object({ status: text })),
      health: optional(z.object({ status: text })),
      operationState: optional(z.object({ phase: text, finishedAt: text })),
      summary: optional(z.object({ images: list(z.string()) })),
    }),
  ),
});
export type Application = z.infer<typeof applicationSchema>;
const applicationListSchema = z.object({ items: z.nullable(z.array(applicationSchema)) });

const containerStatus = z.object({
  name: z.string(),
  image: text,
  imageID: text,
  ready: optional(z.boolean()),
  state: optional(z.object({ running: optional(z.object({ startedAt: text })) })),
});
export const podSchema = z.object({
  metadata: objectMetaSchema,
  status: optional(z.object({ phase: text, containerStatuses: list(containerStatus), initContainerStatuses: list(containerStatus) })),
});
export type Pod = z.infer<typeof podSchema>;

/** The trail reads each tool's default endpoint: no instance. */
type Call = Omit<CallContext, 'instance'>;

export interface RepositorySlug {
  project: string;
  repository: string;
}

/** `project/repo` or `project/group/repo` (annotation goharbor.io/repository-slug). */
export function parseRepositorySlug(raw: string | undefined): RepositorySlug | undefined {
  const parts = (raw ?? '').trim().split('/');
  if (parts.length < 2 || parts.some((part) => !part)) return undefined;
  return { project: parts[0] as string, repository: parts.slice(1).join('/') };
}

const REPORT_TYPES = ['application/vnd.security.vulnerability.report; version=1.1', 'application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0'];

/** `GET /api/v2.0/projects/{p}/repositories/{r}/artifacts/{tag or digest}`: resolves a tag to its digest. */
export function getArtifact(call: Call & { slug: RepositorySlug; reference: string }): Promise<Artifact> {
  return apiCall(call, {
    system: 'harbor',
    path: ['api', 'v2.0', 'projects', call.slug.project, 'repositories', { value: call.slug.repository, encodeTwice: true }, 'artifacts', call.reference],
    query: { with_tag: true, with_scan_overview: true },
    headers: { 'X-Accept-Vulnerabilities': REPORT_TYPES.join(', ') },
    schema: artifactSchema,
  });
}

const KARGO_SERVICE = 'akuity.io.kargo.service.v1alpha1.KargoService';

function kargo<T>(call: Call & { project: string }, method: string, schema: z.ZodMiniType<T>): Promise<T> {
  return apiCall(call, {
    system: 'kargo',
    method: 'POST',
    path: [KARGO_SERVICE, method],
    body: { project: call.project },
    headers: { 'Connect-Protocol-Version': '1' },
    schema,
    // A Connect read: shared with <kargo-stages> asking the same (one request for both on a page).
    read: true,
  });
}

export async function queryFreight(call: Call & { project: string }): Promise<Freight[]> {
  const answer = await kargo(call, 'QueryFreight', z.object({ groups: optional(z.record(z.string(), z.object({ freight: list(freightSchema) }))) }));
  return Object.values(answer.groups ?? {}).flatMap((group) => group.freight ?? []);
}

export async function listStages(call: Call & { project: string }): Promise<Stage[]> {
  return (await kargo(call, 'ListStages', z.object({ stages: list(stageSchema) }))).stages ?? [];
}

export async function listPromotions(call: Call & { project: string }): Promise<Promotion[]> {
  return (await kargo(call, 'ListPromotions', z.object({ promotions: list(promotionSchema) }))).promotions ?? [];
}

/** One application by name, or those a selector matches. */
export async function getApplications(call: Call & { appName?: string; selector?: string }): Promise<Application[]> {
  if (call.appName) {
    return [await apiCall(call, { system: 'argocd', path: ['api', 'v1', 'applications', call.appName], schema: applicationSchema })];
  }
  const answer = await apiCall(call, {
    system: 'argocd',
    path: ['api', 'v1', 'applications'],
    query: { selector: call.selector },
    schema: applicationListSchema,
  });
  return answer.items ?? [];
}

export async function listPods(call: Call & { namespace: string; labelSelector: string }): Promise<Pod[]> {
  const answer = await apiCall(call, {
    system: 'kubernetes',
    path: ['api', 'v1', 'namespaces', call.namespace, 'pods'],
    query: { labelSelector: call.labelSelector },
    schema: listSchema(podSchema),
  });
  return answer.items ?? [];
}

// ---- Deep links -------------------------------------------------------------------------------

export const links = {
  /** Harbor's UI routes take the digest's `:` as is; the digest was checked to be one. */
  artifact: (ui: string | undefined, projectId: number, repository: string, digest: string) => {
    const repositoryUrl = buildUrl(ui, ['harbor', 'projects', String(projectId), 'repositories', { value: repository, encodeTwice: true }, 'artifacts-tab']);
    return repositoryUrl && /^[a-z0-9]+:[a-f0-9]{32,}$/i.test(digest) ? `${repositoryUrl}/artifacts/${digest}` : undefined;
  },
  freight: (ui: string | undefined, project: string, freight: string) => buildUrl(ui, ['project', project, 'freight', freight]),
  stage: (ui: string | undefined, project: string, stage: string) => buildUrl(ui, ['project', project, 'stage', stage]),
  application: (ui: string | undefined, name: string) => buildUrl(ui, ['applications', name]),
  pod: (ui: string | undefined, cluster: string, namespace: string, name: string) => dashboardLink(ui, cluster, { group: '', plural: 'pods', namespace, name }),
};
