import * as z from 'zod/mini';
import {
  apiCall,
  buildUrl,
  optionalList as list,
  optionalText as text,
  settle,
  WidgetError,
  type CallContext,
  type ErrorKind,
} from '../kit/index.js';
import {
  FAILED_STATUSES,
  groupByStatus,
  normalizeStatus,
  toCount,
  withStatuses,
  type WorkflowStatus,
} from './temporal-workflows.query.js';

/** int64 / uint64 fields: protojson sends strings, some proxies numbers. */
const int64 = z.optional(z.nullable(z.union([z.string(), z.number()])));
/** Enums: name (`WORKFLOW_EXECUTION_STATUS_RUNNING` or `Running`) or number. */
const enumValue = z.optional(z.nullable(z.union([z.string(), z.number()])));

const executionRef = z.object({ workflowId: z.string(), runId: text });

export const workflowExecutionSchema = z.object({
  execution: executionRef,
  type: z.optional(z.nullable(z.object({ name: text }))),
  startTime: text,
  closeTime: text,
  executionTime: text,
  status: enumValue,
  historyLength: int64,
  stateTransitionCount: int64,
  taskQueue: text,
  parentExecution: z.optional(z.nullable(z.object({ workflowId: text, runId: text }))),
});

export const workflowListSchema = z.object({
  executions: list(workflowExecutionSchema),
  nextPageToken: text,
});

export const namespaceSchema = z.object({
  namespaceInfo: z.object({
    name: z.string(),
    state: enumValue,
    description: text,
    ownerEmail: text,
  }),
  config: z.optional(
    z.nullable(
      z.object({
        workflowExecutionRetentionTtl: z.optional(z.nullable(z.union([z.string(), z.number()]))),
        historyArchivalState: enumValue,
        visibilityArchivalState: enumValue,
      }),
    ),
  ),
  replicationConfig: z.optional(z.nullable(z.object({ activeClusterName: text }))),
  isGlobalNamespace: z.optional(z.nullable(z.boolean())),
});

/** A group value is a Payload: full (`{ metadata, data: base64 }`) or the HTTP API's JSON shorthand. */
const groupValue = z.union([
  z.string(),
  z.number(),
  z.object({ metadata: z.optional(z.nullable(z.record(z.string(), z.string()))), data: text }),
]);

export const countSchema = z.object({
  count: int64,
  groups: list(z.object({ groupValues: list(groupValue), count: int64 })),
});

export type WorkflowExecution = z.infer<typeof workflowExecutionSchema>;
export type WorkflowList = z.infer<typeof workflowListSchema>;
export type Namespace = z.infer<typeof namespaceSchema>;
export type CountResponse = z.infer<typeof countSchema>;

interface Call extends CallContext {
  namespace: string;
}

/** `GET /api/v1/namespaces/{ns}` */
export function describeNamespace(call: Call): Promise<Namespace> {
  return apiCall(call, {
    system: 'temporal',
    path: ['api', 'v1', 'namespaces', call.namespace],
    schema: namespaceSchema,
  });
}

/** `GET /api/v1/namespaces/{ns}/workflows?query=&pageSize=` (one page). */
export function listWorkflows(call: Call & { query: string; pageSize: number }): Promise<WorkflowList> {
  return apiCall(call, {
    system: 'temporal',
    path: ['api', 'v1', 'namespaces', call.namespace, 'workflows'],
    query: { query: call.query, pageSize: call.pageSize },
    schema: workflowListSchema,
  });
}

/** `GET /api/v1/namespaces/{ns}/workflow-count?query=` */
export function countWorkflows(call: Call & { query: string }): Promise<CountResponse> {
  return apiCall(call, {
    system: 'temporal',
    path: ['api', 'v1', 'namespaces', call.namespace, 'workflow-count'],
    query: { query: call.query },
    schema: countSchema,
  });
}

// ---- Counts per status ------------------------------------------------------------------

export interface StatusCounts {
  /** `server`: the visibility store counted every match; `page`: only the workflows listed here. */
  source: 'server' | 'page';
  byStatus: ReadonlyMap<WorkflowStatus, number>;
  /** All matches (server counts only). */
  total?: number;
  /** Page counts: the list had more pages, so the real number is higher. */
  more?: ReadonlySet<WorkflowStatus>;
}

function decodeBase64Json(data: string): unknown {
  const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

/** The status a group stands for: `"Running"` in shorthand, or base64 of `"Running"` in a full Payload. */
export function groupStatus(values: ReadonlyArray<z.infer<typeof groupValue>> | null | undefined): WorkflowStatus {
  const first = values?.[0];
  if (first === undefined) return 'Unknown';
  if (typeof first === 'string' || typeof first === 'number') return normalizeStatus(first);
  try {
    const decoded = first.data ? decodeBase64Json(first.data) : undefined;
    return typeof decoded === 'string' || typeof decoded === 'number' ? normalizeStatus(decoded) : 'Unknown';
  } catch {
    return 'Unknown';
  }
}

/** Server counts from a `GROUP BY ExecutionStatus` answer; undefined when it has no groups to trust. */
export function countsFromGroups(response: CountResponse): StatusCounts | undefined {
  const total = toCount(response.count);
  const groups = response.groups ?? [];
  if (!groups.length && total !== 0) return undefined;
  const byStatus = new Map<WorkflowStatus, number>();
  for (const group of groups) {
    const status = groupStatus(group.groupValues);
    byStatus.set(status, (byStatus.get(status) ?? 0) + (toCount(group.count) ?? 0));
  }
  return { source: 'server', byStatus, total };
}

/** Counts of what was listed, when the server cannot count. */
export function countsFromPage(pages: ReadonlyArray<{ executions: readonly WorkflowExecution[]; more: boolean }>): StatusCounts {
  const byStatus = new Map<WorkflowStatus, number>();
  const more = new Set<WorkflowStatus>();
  for (const page of pages) {
    for (const execution of page.executions) {
      const status = normalizeStatus(execution.status);
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (page.more) more.add(status);
    }
  }
  return { source: 'page', byStatus, more };
}

// ---- What the widget loads --------------------------------------------------------------

export interface WorkflowPage {
  executions: WorkflowExecution[];
  /** The server has more than this page. */
  more: boolean;
}

export interface TemporalData {
  namespace: Namespace;
  running: WorkflowPage;
  failed: WorkflowPage;
  counts: StatusCounts;
  /** Why the server's counts could not be used, when they could not. */
  countProblem?: string;
}

export const PAGE_SIZE = 10;

function recentFirst(a: WorkflowExecution, b: WorkflowExecution): number {
  const time = (e: WorkflowExecution) => Date.parse(e.closeTime ?? e.startTime ?? '') || 0;
  return time(b) - time(a);
}

/** Keeps only the statuses asked for (a proxy that ignores `query` must not mislabel rows), recent first. */
function pageOf(response: WorkflowList, statuses: readonly WorkflowStatus[]): WorkflowPage {
  const executions = (response.executions ?? [])
    .filter((execution) => statuses.includes(normalizeStatus(execution.status)))
    .sort(recentFirst);
  return { executions, more: Boolean(response.nextPageToken) };
}

/** The kinds a person can act on come first: "sign-in needed" beats a timeout of a parallel request. */
const KIND_PRIORITY: readonly ErrorKind[] = [
  'unauthorized',
  'forbidden',
  'not-found',
  'rate-limited',
  'rejected',
  'invalid-response',
  'unavailable',
  'network',
  'timeout',
];

/** Of several parallel failures, the one to report (an abort, or anything not a WidgetError, first). */
export function mostTelling(errors: readonly unknown[]): Error {
  const foreign = errors.find((error) => !(error instanceof WidgetError));
  if (foreign !== undefined) return foreign instanceof Error ? foreign : new Error('Unexpected failure', { cause: foreign });
  const known = errors.filter((error): error is WidgetError => error instanceof WidgetError);
  const rank = (error: WidgetError) => KIND_PRIORITY.indexOf(error.kind);
  return known.sort((a, b) => rank(a) - rank(b))[0] ?? new WidgetError('invalid-response', 'No error to report');
}

async function loadCounts(call: Call, base: string): Promise<CountResponse | WidgetError> {
  try {
    return await countWorkflows({ ...call, query: groupByStatus(base) });
  } catch (error) {
    if (call.signal?.aborted) throw error;
    return error instanceof WidgetError ? error : new WidgetError('invalid-response', String(error));
  }
}

/**
 * Namespace, the running and the failed workflows (one page each), and counts per status.
 * The namespace or a list failing fails the load; the count failing only changes where counts come from.
 */
export async function loadTemporal(call: Call & { query: string }): Promise<TemporalData> {
  const { query, ...base } = call;
  const [namespace, running, failed, counted] = await Promise.all([
    settle(describeNamespace(base)),
    settle(listWorkflows({ ...base, query: withStatuses(query, ['Running']), pageSize: PAGE_SIZE })),
    settle(listWorkflows({ ...base, query: withStatuses(query, FAILED_STATUSES), pageSize: PAGE_SIZE })),
    loadCounts(base, query),
  ]);
  if (!namespace.ok || !running.ok || !failed.ok) {
    throw mostTelling([namespace, running, failed].flatMap((result) => (result.ok ? [] : [result.error])));
  }
  return assemble(namespace.value, running.value, failed.value, counted);
}

function assemble(namespace: Namespace, running: WorkflowList, failed: WorkflowList, counted: CountResponse | WidgetError): TemporalData {
  const runningPage = pageOf(running, ['Running']);
  const failedPage = pageOf(failed, FAILED_STATUSES);
  const fromServer = counted instanceof WidgetError ? undefined : countsFromGroups(counted);
  if (fromServer) return { namespace, running: runningPage, failed: failedPage, counts: fromServer };
  return {
    namespace,
    running: runningPage,
    failed: failedPage,
    counts: countsFromPage([runningPage, failedPage]),
    countProblem: counted instanceof WidgetError ? counted.reason : 'no counts per status in its answer',
  };
}

// ---- Deep links into the Temporal UI ----------------------------------------------------

/** `{ui}/namespaces/{ns}/workflows`, pre-filtered with `?query=` when there is one. */
export function workflowsLink(ui: string | undefined, namespace: string, query?: string): string | undefined {
  return buildUrl(ui, ['namespaces', namespace, 'workflows'], { query });
}

/** `{ui}/namespaces/{ns}/workflows/{workflowId}/{runId}/history` */
export function executionLink(ui: string | undefined, namespace: string, execution: WorkflowExecution): string | undefined {
  const { workflowId, runId } = execution.execution;
  if (!runId) return buildUrl(ui, ['namespaces', namespace, 'workflows', workflowId]);
  return buildUrl(ui, ['namespaces', namespace, 'workflows', workflowId, runId, 'history']);
}
