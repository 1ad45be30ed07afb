import { conditionStatus, findCondition, parseTime, type Condition, type Tone } from '../kit/index.js';
import type { ContainerStatus, Deployment, KubeEvent, Pod, PodMetrics } from './k8s-pods.api.js';

// ---- Pod status ------------------------------------------------------------------------------

/** Worst first: the order of the summary and of the pod list. */
export const POD_STATUSES = ['crash-looping', 'failed', 'pending', 'unknown', 'running', 'succeeded'] as const;
export type PodStatus = (typeof POD_STATUSES)[number];

export const POD_STATUS_LABELS: Record<PodStatus, string> = {
  'crash-looping': 'Crash-looping',
  failed: 'Failed',
  pending: 'Pending',
  unknown: 'Unknown',
  running: 'Running',
  succeeded: 'Succeeded',
};

export const POD_STATUS_TONES: Record<PodStatus, Tone> = {
  'crash-looping': 'error',
  failed: 'error',
  pending: 'progress',
  unknown: 'unknown',
  running: 'ok',
  succeeded: 'info',
};

const IMAGE_PULL_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

function allStatuses(pod: Pod): ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

/**
 * A crash-looping pod's phase stays `Running` (or `Pending` for an init container):
 * the truth is in `containerStatuses[].state.waiting.reason`.
 */
export function podStatus(pod: Pod): PodStatus {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (allStatuses(pod).some((status) => status.state?.waiting?.reason === 'CrashLoopBackOff')) return 'crash-looping';
  if (phase === 'Pending') return 'pending';
  if (phase === 'Running') return 'running';
  return 'unknown';
}

// ---- Quantities --------------------------------------------------------------------------------

const MEMORY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** A Kubernetes quantity (`100m`, `70Mi`, `1.5`, `2e3`, `250000n`) as a plain number; undefined if unreadable. */
export function parseQuantity(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]{0,2})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, number = '', suffix = ''] = match;
  const factor = suffix ? MEMORY_SUFFIXES[suffix] : 1;
  return factor === undefined ? undefined : Number(number) * factor;
}

/** Millicores → `250m` / `1.5 cores`. */
export function formatCpu(cores: number | undefined): string {
  if (cores === undefined) return '–';
  if (cores < 1) return `${Math.max(0, Math.round(cores * 1000))}m`;
  return `${Number(cores.toFixed(2))} ${cores === 1 ? 'core' : 'cores'}`;
}

/** `70 MiB`, or `70Mi` (`short`: as Kubernetes writes quantities, for narrow cells). */
export function formatMemory(bytes: number | undefined, style: 'long' | 'short' = 'long'): string {
  if (bytes === undefined) return '–';
  const units = style === 'short' ? (['', 'Ki', 'Mi', 'Gi', 'Ti'] as const) : (['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(value < 10 && unit > 0 ? 1 : 0))}${style === 'short' ? '' : ' '}${units[unit]}`;
}

export interface Resources {
  /** Cores. */
  cpu?: number;
  /** Bytes. */
  memory?: number;
}

type QuantityMap = Readonly<Record<string, string | number>> | null | undefined;

function addTo(total: Resources, map: QuantityMap): void {
  const cpu = parseQuantity(map?.['cpu']);
  const memory = parseQuantity(map?.['memory']);
  if (cpu !== undefined) total.cpu = (total.cpu ?? 0) + cpu;
  if (memory !== undefined) total.memory = (total.memory ?? 0) + memory;
}

// ---- Pod view ----------------------------------------------------------------------------------

export interface PodView {
  name: string;
  namespace?: string;
  status: PodStatus;
  /** Why, when the status alone does not say it: a waiting/termination reason or the pod's reason. */
  reason?: string;
  message?: string;
  ready: number;
  containersTotal: number;
  restarts: number;
  /** Creation (else start) time in ms. */
  createdAt?: number;
  node?: string;
  containers: string[];
  /** Containers that have restarted: their previous instance has a log. */
  restartedContainers: string[];
  requests: Resources;
  limits: Resources;
}

function reasonOf(pod: Pod, status: PodStatus): { reason?: string; message?: string } {
  if (status === 'running' || status === 'succeeded') {
    const oom = allStatuses(pod).find((s) => s.lastState?.terminated?.reason === 'OOMKilled');
    if (oom) return { reason: 'OOMKilled', message: `container ${oom.name} was killed: out of memory` };
    return {};
  }
  const failedInit = (pod.status?.initContainerStatuses ?? []).find((s) => (s.state?.terminated?.exitCode ?? 0) !== 0);
  if (failedInit?.state?.terminated) {
    const { reason, exitCode } = failedInit.state.terminated;
    return { reason: `Init:${reason ?? 'Error'}`, message: `init container ${failedInit.name} exited with code ${exitCode ?? '?'}` };
  }
  const waiting = allStatuses(pod).map((s) => s.state?.waiting).find((w) => w?.reason && w.reason !== 'PodInitializing' && w.reason !== 'ContainerCreating')
    ?? allStatuses(pod).map((s) => s.state?.waiting).find((w) => w?.reason);
  if (waiting?.reason) return { reason: waiting.reason, message: waiting.message ?? undefined };
  const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
  if (conditionStatus(scheduled) === 'False') return { reason: scheduled?.reason ?? 'Unschedulable', message: scheduled?.message ?? undefined };
  return { reason: pod.status?.reason ?? undefined, message: pod.status?.message ?? undefined };
}

export function toPodView(pod: Pod): PodView {
  const status = podStatus(pod);
  const containerStatuses = pod.status?.containerStatuses ?? [];
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  const requests: Resources = {};
  const limits: Resources = {};
  for (const container of pod.spec?.containers ?? []) {
    addTo(requests, container.resources?.requests);
    addTo(limits, container.resources?.limits);
  }
  const created = parseTime(pod.metadata.creationTimestamp) ?? parseTime(pod.status?.startTime);
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? undefined,
    status,
    ...reasonOf(pod, status),
    ready: containerStatuses.filter((s) => s.ready).length,
    containersTotal: Math.max(containers.length, containerStatuses.length),
    restarts: containerStatuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
    createdAt: created?.getTime(),
    node: pod.spec?.nodeName ?? undefined,
    containers: containers.length ? containers : containerStatuses.map((s) => s.name),
    restartedContainers: allStatuses(pod).filter((s) => (s.restartCount ?? 0) > 0 || s.lastState?.terminated).map((s) => s.name),
    requests,
    limits,
  };
}

const RANK = new Map(POD_STATUSES.map((status, index) => [status, index]));

/** Worst status first, then by name. */
export function sortPods(pods: PodView[]): PodView[] {
  return pods.sort((a, b) => (RANK.get(a.status) ?? 0) - (RANK.get(b.status) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function countByStatus(pods: readonly PodView[]): Record<PodStatus, number> {
  const counts = Object.fromEntries(POD_STATUSES.map((status) => [status, 0])) as Record<PodStatus, number>;
  for (const pod of pods) counts[pod.status] += 1;
  return counts;
}

// ---- Usage (metrics.k8s.io) --------------------------------------------------------------------

export function usageByPod(metrics: readonly PodMetrics[]): Map<string, Resources> {
  const usage = new Map<string, Resources>();
  for (const item of metrics) {
    const total: Resources = {};
    for (const container of item.containers ?? []) addTo(total, container.usage);
    usage.set(item.metadata.name, total);
  }
  return usage;
}

// ---- Deployments -------------------------------------------------------------------------------

export interface DeploymentView {
  name: string;
  desired: number;
  ready: number;
  available: number;
  updated: number;
  conditions: Condition[];
  tone: Tone;
  label: string;
}

export function toDeploymentView(deployment: Deployment): DeploymentView {
  const status = deployment.status;
  const desired = deployment.spec?.replicas ?? status?.replicas ?? 0;
  const conditions = status?.conditions ?? [];
  const progressing = findCondition(conditions, 'Progressing');
  const available = findCondition(conditions, 'Available');
  const availableCount = status?.availableReplicas ?? 0;
  const unavailable = conditionStatus(available) === 'False';
  let tone: Tone = 'ok';
  let label = 'Available';
  if (conditionStatus(progressing) === 'False') {
    tone = 'error';
    label = progressing?.reason === 'ProgressDeadlineExceeded' ? 'Rollout stalled' : 'Not progressing';
  } else if ((status?.updatedReplicas ?? desired) < desired) {
    // A rollout in progress; without minimum availability it is also a warning.
    tone = unavailable ? 'warn' : 'progress';
    label = 'Rolling out';
  } else if (unavailable || availableCount < desired) {
    tone = 'warn';
    label = 'Degraded';
  }
  if (desired === 0 && tone === 'ok') label = 'Scaled to zero';
  return {
    name: deployment.metadata.name,
    desired,
    ready: status?.readyReplicas ?? 0,
    available: availableCount,
    updated: status?.updatedReplicas ?? 0,
    conditions,
    tone,
    label,
  };
}

// ---- Events ------------------------------------------------------------------------------------

export interface EventView {
  key: string;
  warning: boolean;
  reason: string;
  message: string;
  object: string;
  count: number;
  at?: number;
}

function eventTime(event: KubeEvent): number | undefined {
  return (parseTime(event.series?.lastObservedTime) ?? parseTime(event.lastTimestamp) ?? parseTime(event.eventTime)
    ?? parseTime(event.firstTimestamp) ?? parseTime(event.metadata?.creationTimestamp))?.getTime();
}

export const MAX_EVENTS = 20;

/**
 * Events about these pods and deployments (and the deployments' ReplicaSets, `{deployment}-{hash}`):
 * warnings first, newest first, at most MAX_EVENTS.
 */
export function relevantEvents(events: readonly KubeEvent[], podNames: ReadonlySet<string>, deploymentNames: readonly string[]): EventView[] {
  const about = (name: string) => podNames.has(name) || deploymentNames.some((d) => name === d || name.startsWith(`${d}-`));
  const views: EventView[] = [];
  events.forEach((event, index) => {
    const name = event.involvedObject?.name ?? '';
    if (!about(name)) return;
    views.push({
      key: event.metadata?.uid ?? event.metadata?.name ?? `event-${index}`,
      warning: event.type === 'Warning',
      reason: event.reason ?? '',
      message: event.message ?? '',
      object: `${event.involvedObject?.kind ?? 'Object'}/${name}`,
      count: event.series?.count ?? event.count ?? 1,
      at: eventTime(event),
    });
  });
  return views
    .sort((a, b) => Number(b.warning) - Number(a.warning) || (b.at ?? 0) - (a.at ?? 0))
    .slice(0, MAX_EVENTS);
}

// ---- Problems and their usual fix ----------------------------------------------------------------

export const PROBLEM_KINDS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'CreateContainerConfigError',
  'OOMKilled',
  'ProgressDeadlineExceeded',
  'Unschedulable',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_FIXES: Record<ProblemKind, string> = {
  CrashLoopBackOff: 'The container keeps exiting: read the previous container’s log for the error, then fix the command, configuration or a failing liveness probe.',
  ImagePullBackOff: 'The image cannot be pulled: check the image name and tag exist and that an imagePullSecret grants access to the registry.',
  CreateContainerConfigError: 'A ConfigMap or Secret (or a key in it) the pod references is missing: create it or fix the reference.',
  OOMKilled: 'The container went over its memory limit: raise resources.limits.memory or find what uses the memory.',
  ProgressDeadlineExceeded: 'The rollout stalled: fix what stops the new pods becoming ready (see the pod problems), or roll back.',
  Unschedulable: 'No node can take the pod: lower its requests, relax node selectors, affinity or tolerations, or add capacity.',
};

export interface Problem {
  kind: ProblemKind;
  /** Pods or deployments with this problem (names). */
  subjects: string[];
  /** The first subject's own message, e.g. `configmap "app-config" not found`. */
  message?: string;
}

export interface FoundProblem {
  kind: ProblemKind;
  message?: string;
}

/** The problems of one pod (not yet grouped). */
export function podProblems(pod: Pod): FoundProblem[] {
  const found: FoundProblem[] = [];
  for (const status of allStatuses(pod)) {
    const waiting = status.state?.waiting;
    const reason = waiting?.reason ?? '';
    const message = waiting?.message ?? undefined;
    if (reason === 'CrashLoopBackOff') found.push({ kind: 'CrashLoopBackOff', message: `container ${status.name}: ${message ?? reason}` });
    else if (IMAGE_PULL_REASONS.has(reason)) found.push({ kind: 'ImagePullBackOff', message: message ?? `${reason} (container ${status.name})` });
    else if (reason === 'CreateContainerConfigError') found.push({ kind: 'CreateContainerConfigError', message: message ?? `container ${status.name}` });
    if (status.state?.terminated?.reason === 'OOMKilled' || status.lastState?.terminated?.reason === 'OOMKilled') {
      found.push({ kind: 'OOMKilled', message: `container ${status.name} restarted ${status.restartCount ?? 0} times` });
    }
  }
  const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
  if (conditionStatus(scheduled) === 'False' && scheduled?.reason === 'Unschedulable') {
    found.push({ kind: 'Unschedulable', message: scheduled.message ?? undefined });
  }
  return found;
}

/** Groups problems by kind (in PROBLEM_KINDS order): deployments' stalled rollouts, then each pod's findings. */
export function groupProblems(pods: ReadonlyArray<{ name: string; found: readonly FoundProblem[] }>, deployments: readonly Deployment[]): Problem[] {
  const byKind = new Map<ProblemKind, Problem & { seen: Set<string> }>();
  const add = (kind: ProblemKind, subject: string, message?: string) => {
    const problem = byKind.get(kind) ?? { kind, subjects: [], message, seen: new Set<string>() };
    if (!problem.seen.has(subject)) problem.subjects.push(subject);
    problem.seen.add(subject);
    problem.message ??= message;
    byKind.set(kind, problem);
  };
  for (const deployment of deployments) {
    const progressing = findCondition(deployment.status?.conditions, 'Progressing');
    if (conditionStatus(progressing) === 'False' && progressing?.reason === 'ProgressDeadlineExceeded') {
      add('ProgressDeadlineExceeded', `deployment ${deployment.metadata.name}`, progressing.message ?? undefined);
    }
  }
  for (const pod of pods) for (const found of pod.found) add(found.kind, pod.name, found.message);
  return PROBLEM_KINDS.flatMap((kind) => {
    const problem = byKind.get(kind);
    return problem ? [{ kind, subjects: problem.subjects, message: problem.message }] : [];
  });
}

export function findProblems(pods: readonly Pod[], deployments: readonly Deployment[]): Problem[] {
  return groupProblems(pods.map((pod) => ({ name: pod.metadata.name, found: podProblems(pod) })), deployments);
}

// ---- Resource cells ----------------------------------------------------------------------------

/** `12m · 100m · 500m` (used · request · limit), `–` where there is none: the cell as seen. */
export function formatResourceShort(kind: 'cpu' | 'memory', usage: Resources | undefined, requests: Resources, limits: Resources): string {
  const format = kind === 'cpu' ? formatCpu : (bytes: number) => formatMemory(bytes, 'short');
  return [usage?.[kind], requests[kind], limits[kind]].map((value) => (value === undefined ? '–' : format(value))).join(' · ');
}

/** `12m used · req 100m · lim 500m`: usage only when metrics exist; requests and limits only when set. The cell as read out. */
export function formatResource(kind: 'cpu' | 'memory', usage: Resources | undefined, requests: Resources, limits: Resources): string {
  const format = kind === 'cpu' ? formatCpu : formatMemory;
  const parts: string[] = [];
  if (usage?.[kind] !== undefined) parts.push(`${format(usage[kind])} used`);
  if (requests[kind] !== undefined) parts.push(`req ${format(requests[kind])}`);
  if (limits[kind] !== undefined) parts.push(`lim ${format(limits[kind])}`);
  return parts.length ? parts.join(' · ') : '–';
}
