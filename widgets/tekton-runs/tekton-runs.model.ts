import { conditionStatus, findCondition, parseTime, type Condition, type Tone, keysOf } from '../kit/index.js';
import { PIPELINE_RUN_LABEL, PIPELINE_TASK_LABEL, type PipelineRun, type RunResult, type TaskRun } from './tekton-runs.api.js';

/** What a person sees as a run's status; derived from the `Succeeded` condition. */
export const RUN_TONES = { Succeeded: 'ok', Failed: 'error', Cancelled: 'warn', Running: 'progress', Pending: 'info' } as const satisfies Record<string, Tone>;
export type RunStatus = keyof typeof RUN_TONES;
export const RUN_STATUSES = keysOf(RUN_TONES);

/** Reasons Tekton writes when a run was cancelled or stopped (current and deprecated spellings). */
const CANCELLED_REASONS = new Set(['Cancelled', 'CancelledRunFinally', 'StoppedRunFinally', 'PipelineRunCancelled']);

/** Reasons worth a plain-language word beside the status. */
const REASON_LABELS: Readonly<Record<string, string>> = {
  PipelineRunTimeout: 'timed out',
  CancelledRunFinally: 'cancelled, finally tasks ran',
  StoppedRunFinally: 'stopped, finally tasks ran',
  PipelineRunPending: 'pending (spec.status)',
};

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityCounts = Partial<Record<Severity, number>>;

export type ScanSummary =
  | { name: string; ok: true; counts: SeverityCounts }
  | { name: string; ok: false };

export interface RunView {
  name: string;
  namespace?: string;
  pipeline?: string;
  status: RunStatus;
  reason?: string;
  /** A word for unusual reasons, e.g. "timed out". */
  reasonLabel?: string;
  message?: string;
  startedAt?: Date;
  completedAt?: Date;
  failedTask?: string;
  /** Why the failed task failed (its TaskRun's condition message). */
  failedTaskMessage?: string;
  scans: ScanSummary[];
}

export function succeededCondition(run: PipelineRun): Condition | undefined {
  return findCondition(run.status?.conditions, 'Succeeded');
}

export function runStatus(run: PipelineRun): RunStatus {
  const condition = succeededCondition(run);
  switch (conditionStatus(condition)) {
    case 'True':
      return 'Succeeded';
    case 'False':
      return CANCELLED_REASONS.has(condition?.reason ?? '') ? 'Cancelled' : 'Failed';
    case 'Unknown':
      return condition?.reason === 'Running' ? 'Running' : 'Pending';
    default:
      // A just-created run has no status at all.
      return 'Pending';
  }
}

/** When the run started, else when it was created (a pending run has no startTime). */
export function runStart(run: PipelineRun): Date | undefined {
  return parseTime(run.status?.startTime) ?? parseTime(run.metadata.creationTimestamp);
}

/** Newest first by start (or creation) time; runs without any time go last, by name. */
export function newestFirst(runs: readonly PipelineRun[]): PipelineRun[] {
  const time = (run: PipelineRun) => runStart(run)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...runs].sort((a, b) => time(b) - time(a) || a.metadata.name.localeCompare(b.metadata.name));
}

function resultText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : undefined;
}

function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Reads `{"vulnerabilities":{"critical":0,"high":1,…}}`; bad JSON or shape gives `ok: false`. */
export function parseScanOutput(result: RunResult): ScanSummary {
  const text = resultText(result.value);
  if (text === undefined) return { name: result.name, ok: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { name: result.name, ok: false };
  }
  const vulnerabilities = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).vulnerabilities : undefined;
  if (vulnerabilities === null || typeof vulnerabilities !== 'object') return { name: result.name, ok: false };
  const source = vulnerabilities as Record<string, unknown>;
  const counts: SeverityCounts = {};
  for (const severity of SEVERITIES) {
    const value = count(source[severity]);
    if (value !== undefined) counts[severity] = value;
  }
  return Object.keys(counts).length ? { name: result.name, ok: true, counts } : { name: result.name, ok: false };
}

export function scanResults(run: PipelineRun): ScanSummary[] {
  const results = [...(run.status?.results ?? []), ...(run.status?.pipelineResults ?? [])];
  return results.filter((result) => result.name.endsWith('SCAN_OUTPUT')).map(parseScanOutput);
}

/**
 * The pipeline task that failed: from the v1beta1 embedded TaskRun statuses when
 * present, else the child (TaskRun name or pipeline task name) the condition message names.
 */
export function failedTask(run: PipelineRun): string | undefined {
  for (const [taskRunName, taskRun] of Object.entries(run.status?.taskRuns ?? {})) {
    if (conditionStatus(findCondition(taskRun.status?.conditions, 'Succeeded')) === 'False') {
      return taskRun.pipelineTaskName ?? taskRunName;
    }
  }
  const message = succeededCondition(run)?.message ?? '';
  if (!message) return undefined;
  const children = run.status?.childReferences ?? [];
  const named = children.find((child) => child.name && message.includes(child.name))
    ?? children.find((child) => child.pipelineTaskName && new RegExp(`["'\\s]${escapeRegExp(child.pipelineTaskName)}["'\\s:]`).test(` ${message} `));
  return named ? (named.pipelineTaskName ?? named.name ?? undefined) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function toRunView(run: PipelineRun): RunView {
  const condition = succeededCondition(run);
  const status = runStatus(run);
  const reason = condition?.reason ?? undefined;
  return {
    name: run.metadata.name,
    namespace: run.metadata.namespace ?? undefined,
    pipeline: run.spec?.pipelineRef?.name ?? undefined,
    status,
    reason,
    reasonLabel: reason ? REASON_LABELS[reason] : undefined,
    message: condition?.message ?? undefined,
    startedAt: runStart(run),
    completedAt: parseTime(run.status?.completionTime),
    failedTask: status === 'Failed' ? failedTask(run) : undefined,
    scans: scanResults(run),
  };
}

/** Names the failed task and its message from the runs' TaskRuns (earliest failure first). */
export function withFailedTasks(views: readonly RunView[], taskRuns: readonly TaskRun[]): RunView[] {
  return views.map((view) => {
    if (view.status !== 'Failed') return view;
    const failures = taskRuns
      .filter((taskRun) => taskRun.metadata.labels?.[PIPELINE_RUN_LABEL] === view.name)
      .filter((taskRun) => conditionStatus(findCondition(taskRun.status?.conditions, 'Succeeded')) === 'False')
      .sort((a, b) => (parseTime(a.status?.completionTime)?.getTime() ?? 0) - (parseTime(b.status?.completionTime)?.getTime() ?? 0));
    const first = failures[0];
    if (!first) return view;
    return {
      ...view,
      failedTask: first.metadata.labels?.[PIPELINE_TASK_LABEL] ?? first.metadata.name,
      failedTaskMessage: findCondition(first.status?.conditions, 'Succeeded')?.message ?? undefined,
    };
  });
}

/** Milliseconds the run took, or has been running for; undefined before it started. */
export function runDuration(view: RunView, now = Date.now()): number | undefined {
  if (!view.startedAt || view.status === 'Pending') return undefined;
  const end = view.completedAt?.getTime() ?? (view.status === 'Running' ? now : undefined);
  return end === undefined ? undefined : end - view.startedAt.getTime();
}

export interface RunsSummary {
  /** The newest run. */
  last?: RunView;
  succeeded: number;
  total: number;
}

export function summarise(views: readonly RunView[]): RunsSummary {
  return { last: views[0], succeeded: views.filter((view) => view.status === 'Succeeded').length, total: views.length };
}
