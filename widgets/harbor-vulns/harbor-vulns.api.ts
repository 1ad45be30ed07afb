import * as z from 'zod/mini';
import { apiCall, buildUrl, optionalNumber as count, optionalText as text, type CallContext, type Segment } from '../kit/index.js';
import { REPORT_MIME_TYPES, type RepositorySlug } from './harbor-vulns.model.js';

/** NativeReportSummary: what Harbor puts under each report MIME type of `scan_overview`. */
export const reportSummarySchema = z.object({
  report_id: text,
  scan_status: text,
  severity: text,
  duration: count,
  complete_percent: count,
  start_time: text,
  end_time: text,
  scanner: z.optional(z.nullable(z.object({ name: text, vendor: text, version: text }))),
  summary: z.optional(
    z.nullable(
      z.object({
        total: count,
        fixable: count,
        summary: z.optional(z.nullable(z.record(z.string(), count))),
      }),
    ),
  ),
});

/** `scan_overview`: report summaries keyed by report MIME type. */
export const scanOverviewSchema = z.record(z.string(), reportSummarySchema);

const tagSchema = z.object({
  name: z.string(),
  push_time: text,
  pull_time: text,
});

export const artifactSchema = z.object({
  digest: z.string(),
  project_id: count,
  repository_name: text,
  type: text,
  size: count,
  push_time: text,
  pull_time: text,
  tags: z.optional(z.nullable(z.array(tagSchema))),
  scan_overview: z.optional(z.nullable(scanOverviewSchema)),
});

export const artifactListSchema = z.array(artifactSchema);

/** One finding of a vulnerability report (only what the diagnosis reads). */
const vulnerabilitySchema = z.object({
  id: z.string(),
  package: text,
  version: text,
  fix_version: text,
  severity: text,
});

/** `…/artifacts/{reference}/additions/vulnerabilities`: the full reports, keyed by report MIME type. */
export const vulnerabilityReportsSchema = z.record(
  z.string(),
  z.object({ generated_at: text, severity: text, vulnerabilities: z.optional(z.nullable(z.array(vulnerabilitySchema))) }),
);

export type Vulnerability = z.infer<typeof vulnerabilitySchema>;
export type VulnerabilityReports = z.infer<typeof vulnerabilityReportsSchema>;

export type Artifact = z.infer<typeof artifactSchema>;

/** How many artifacts one request reads (the newest pushes). */
export const PAGE_SIZE = 10;

/** Harbor answers `with_scan_overview` only for the report types this header accepts. */
export const ACCEPT_VULNERABILITIES = REPORT_MIME_TYPES.join(', ');

/** Harbor wants a `/` inside a repository name encoded twice (`a/b` → `a%252Fb`), in its API and its UI routes. */
function repositorySegment(repository: string): Segment {
  return { value: repository, encodeTwice: true };
}

interface Call extends CallContext {
  slug: RepositorySlug;
}

/**
 * `GET /api/v2.0/projects/{p}/repositories/{r}/artifacts?with_tag=true&with_scan_overview=true`:
 * tags and scan summaries of the newest artifacts in one request (no request per artifact).
 */
export function listArtifacts(call: Call): Promise<Artifact[]> {
  const { slug } = call;
  return apiCall(call, {
    system: 'harbor',
    path: ['api', 'v2.0', 'projects', slug.project, 'repositories', repositorySegment(slug.repository), 'artifacts'],
    query: { with_tag: true, with_scan_overview: true, page: 1, page_size: PAGE_SIZE, sort: '-push_time' },
    headers: { 'X-Accept-Vulnerabilities': ACCEPT_VULNERABILITIES },
    schema: artifactListSchema,
  });
}

// ---- Deep links into the Harbor UI (routes of Harbor ≥ 2.8) --------------------------

/** The full report of one artifact (one request, only for the artifact whose critical findings the card explains). */
export function getVulnerabilities(call: Call & { digest: string }): Promise<VulnerabilityReports> {
  const { slug } = call;
  return apiCall(call, {
    system: 'harbor',
    path: ['api', 'v2.0', 'projects', slug.project, 'repositories', repositorySegment(slug.repository), 'artifacts', call.digest, 'additions', 'vulnerabilities'],
    headers: { 'X-Accept-Vulnerabilities': ACCEPT_VULNERABILITIES },
    schema: vulnerabilityReportsSchema,
  });
}

/** `{ui}/harbor/projects`: where a link goes while the project's numeric id is unknown. */
export function projectsLink(ui: string | undefined): string | undefined {
  return buildUrl(ui, ['harbor', 'projects']);
}

/** `{ui}/harbor/projects/{projectId}/repositories` */
export function projectLink(ui: string | undefined, projectId: number): string | undefined {
  return buildUrl(ui, ['harbor', 'projects', String(projectId), 'repositories']);
}

/** `{ui}/harbor/projects/{projectId}/repositories/{repo, / → %252F}/artifacts-tab` */
export function repositoryLink(ui: string | undefined, projectId: number, repository: string): string | undefined {
  return buildUrl(ui, ['harbor', 'projects', String(projectId), 'repositories', repositorySegment(repository), 'artifacts-tab']);
}

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/i;

/**
 * `{ui}/harbor/projects/{projectId}/repositories/{repo}/artifacts-tab/artifacts/{digest}`.
 * The digest keeps its `:` as Harbor's own links do; anything not shaped like a digest gets no link.
 */
export function artifactLink(ui: string | undefined, projectId: number, repository: string, digest: string): string | undefined {
  const repositoryUrl = repositoryLink(ui, projectId, repository);
  if (!repositoryUrl || !DIGEST.test(digest)) return undefined;
  return `${repositoryUrl}/artifacts/${digest}`;
}
