/**
 * Temporal visibility queries and the two spellings of its enums.
 *
 * The raw API (gRPC gateway, protojson) says `WORKFLOW_EXECUTION_STATUS_RUNNING` and
 * `NAMESPACE_STATE_REGISTERED`; the Temporal UI server and visibility search attributes
 * say `Running` and `Registered`. Everything is normalised once, here, to the short form.
 */

export const WORKFLOW_STATUSES = [
  'Running',
  'Completed',
  'Failed',
  'Canceled',
  'Terminated',
  'ContinuedAsNew',
  'TimedOut',
] as const;
export type KnownWorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
/** A known status, or whatever newer status a server reports, in PascalCase; `Unknown` when absent. */
export type WorkflowStatus = KnownWorkflowStatus | (string & {});

/** The statuses listed as "failed": both end a run without its result. */
export const FAILED_STATUSES: readonly KnownWorkflowStatus[] = ['Failed', 'TimedOut'];

/** protojson may also send the enum number. */
const STATUS_BY_NUMBER: Readonly<Record<number, KnownWorkflowStatus>> = {
  1: 'Running',
  2: 'Completed',
  3: 'Failed',
  4: 'Canceled',
  5: 'Terminated',
  6: 'ContinuedAsNew',
  7: 'TimedOut',
};

function pascalFromEnum(value: string, prefix: string): string {
  const bare = value.startsWith(prefix) ? value.slice(prefix.length) : value;
  if (!/^[A-Z0-9_]+$/.test(bare)) return bare;
  return bare
    .toLowerCase()
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `WORKFLOW_EXECUTION_STATUS_TIMED_OUT`, `TimedOut`, `7` → `TimedOut`; British `Cancelled` → `Canceled`. */
export function normalizeStatus(value: string | number | null | undefined): WorkflowStatus {
  if (typeof value === 'number') return STATUS_BY_NUMBER[value] ?? 'Unknown';
  if (!value) return 'Unknown';
  const name = pascalFromEnum(value.trim(), 'WORKFLOW_EXECUTION_STATUS_');
  if (name === 'Cancelled') return 'Canceled';
  if (name === 'Unspecified' || name === '') return 'Unknown';
  return name;
}

/** `NAMESPACE_STATE_REGISTERED` or `Registered` → `Registered`. */
export function normalizeNamespaceState(value: string | number | null | undefined): string {
  if (typeof value === 'number') return ['Unknown', 'Registered', 'Deprecated', 'Deleted'][value] ?? 'Unknown';
  if (!value) return 'Unknown';
  const name = pascalFromEnum(value.trim(), 'NAMESPACE_STATE_');
  return name === 'Unspecified' || name === '' ? 'Unknown' : name;
}

/** 64-bit integers arrive as strings; undefined when not a number. */
export function toCount(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** A string literal for the visibility query language: `"` and `\` escaped. */
export function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface WorkflowFilter {
  workflowType?: string;
  taskQueue?: string;
  /** A raw visibility query, ANDed with the others (kept in parentheses). */
  query?: string;
}

/**
 * The widget's own visibility query, e.g. `WorkflowType="charge" AND (CustomerTier="gold")`; '' when unfiltered.
 * The raw part cannot carry `ORDER BY` (it is combined with other clauses).
 */
export function visibilityQuery(filter: WorkflowFilter): string {
  const parts: string[] = [];
  const type = filter.workflowType?.trim();
  const queue = filter.taskQueue?.trim();
  const raw = filter.query?.trim();
  if (type) parts.push(`WorkflowType=${quoteValue(type)}`);
  if (queue) parts.push(`TaskQueue=${quoteValue(queue)}`);
  // Always in parentheses, so an OR inside it can never escape the filters ANDed around it.
  if (raw) parts.push(`(${raw})`);
  return parts.join(' AND ');
}

/** `base AND (ExecutionStatus="Failed" OR ExecutionStatus="TimedOut")`. */
export function withStatuses(base: string, statuses: readonly KnownWorkflowStatus[]): string {
  const terms = statuses.map((status) => `ExecutionStatus=${quoteValue(status)}`);
  const clause = terms.length > 1 ? `(${terms.join(' OR ')})` : (terms[0] ?? '');
  if (!base) return clause;
  if (!clause) return base;
  return `${base} AND ${clause}`;
}

/** The count query that returns one group per status (what the Temporal UI itself sends). */
export function groupByStatus(base: string): string {
  return base ? `${base} GROUP BY ExecutionStatus` : 'GROUP BY ExecutionStatus';
}

/** `86400s` → `1 day`; `259200s` → `3 days`; `5400s` → `1.5 hours`. */
export function formatRetention(value: string | number | null | undefined): string | undefined {
  const seconds = typeof value === 'number' ? value : Number(String(value ?? '').replace(/s$/, ''));
  if (!value || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const units: ReadonlyArray<[string, number]> = [['day', 86_400], ['hour', 3_600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      const amount = Math.round((seconds / size) * 10) / 10;
      return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
