import * as z from 'zod/mini';
import { apiRequest, buildUrl, type PlatformHost } from '../kit/index.js';

const text = z.optional(z.nullable(z.string()));

/** One hit of `GET /api/search` (dashboards and folders share the shape). */
export const searchHitSchema = z.object({
  uid: z.string(),
  title: z.string(),
  type: text,
  url: text,
  tags: z.optional(z.nullable(z.array(z.string()))),
  folderUid: text,
  folderTitle: text,
  isStarred: z.optional(z.nullable(z.boolean())),
});

export const searchResultSchema = z.array(searchHitSchema);

export type SearchHit = z.infer<typeof searchHitSchema>;

interface Call {
  host: PlatformHost;
  instance?: string;
  tags: readonly string[];
  signal?: AbortSignal;
  fresh?: boolean;
}

/** `GET /api/search?type=dash-db&tag=…` (several tags: dashboards carrying all of them). Folders are dropped. */
export async function searchDashboards(call: Call): Promise<SearchHit[]> {
  const hits = await apiRequest(call.host, {
    system: 'grafana',
    instance: call.instance,
    path: ['api', 'search'],
    query: { type: 'dash-db', tag: call.tags },
    schema: searchResultSchema,
    signal: call.signal,
    fresh: call.fresh,
  });
  return hits.filter((hit) => !hit.type || hit.type === 'dash-db');
}

// ---- Deep links into Grafana ---------------------------------------------------------

/** `{ui}/d/{uid}` (Grafana redirects to the slugged URL). */
export function dashboardLink(ui: string | undefined, uid: string, query: Readonly<Record<string, string | undefined>> = {}): string | undefined {
  return buildUrl(ui, ['d', uid], query);
}

/** `{ui}/dashboards?tag=…`: Grafana's dashboard browser filtered by the selector's tags. */
export function taggedDashboardsLink(ui: string | undefined, tags: readonly string[]): string | undefined {
  return buildUrl(ui, ['dashboards'], { tag: tags });
}
