import * as z from 'zod/mini';
import { apiCall, buildUrl, optionalText as text, type CallContext, type PlatformHost } from '../kit/index.js';


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

/** A panel id as Grafana stores it (a number; a few old dashboards hold it as a string). */
const panelId = z.optional(z.nullable(z.union([z.number(), z.string()])));

/** A panel inside a row: only its id is read. */
const nestedPanelSchema = z.looseObject({ id: panelId });

/** A top-level panel; a row (`type: "row"`) holds its panels in `panels` while collapsed. */
const panelSchema = z.looseObject({
  id: panelId,
  type: text,
  panels: z.optional(z.nullable(z.array(nestedPanelSchema))),
});

/** `GET /api/dashboards/uid/{uid}`: only the panels are read; every other field passes. */
export const dashboardResultSchema = z.looseObject({
  dashboard: z.looseObject({
    uid: text,
    title: text,
    panels: z.optional(z.nullable(z.array(panelSchema))),
  }),
});

export type DashboardResult = z.infer<typeof dashboardResultSchema>;

/** Every panel id on a dashboard: top-level panels and the panels of rows (collapsed or not). */
export function dashboardPanelIds(result: DashboardResult): Set<number> {
  const ids = new Set<number>();
  const add = (id: number | string | null | undefined) => {
    const value = typeof id === 'string' && id.trim() !== '' ? Number(id) : id;
    if (typeof value === 'number' && Number.isInteger(value)) ids.add(value);
  };
  for (const panel of result.dashboard.panels ?? []) {
    add(panel.id);
    for (const nested of panel.panels ?? []) add(nested.id);
  }
  return ids;
}

interface DashboardCall {
  host: PlatformHost;
  instance?: string;
  uid: string;
  signal?: AbortSignal;
  fresh?: boolean;
}

/** `GET /api/dashboards/uid/{uid}`: the dashboard model (its panels), through the API endpoint. */
export function getDashboard(call: DashboardCall): Promise<DashboardResult> {
  return apiCall(call, {
    system: 'grafana',
    path: ['api', 'dashboards', 'uid', call.uid],
    schema: dashboardResultSchema,
  });
}

interface Call extends CallContext {
  tags: readonly string[];
}

/** `GET /api/search?type=dash-db&tag=…` (several tags: dashboards carrying all of them). Folders are dropped. */
export async function searchDashboards(call: Call): Promise<SearchHit[]> {
  const hits = await apiCall(call, {
    system: 'grafana',
    path: ['api', 'search'],
    query: { type: 'dash-db', tag: call.tags },
    schema: searchResultSchema,
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
