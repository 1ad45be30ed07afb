import { conditionStatus, findCondition, parseTime } from '../kit/index.js';
import type { ContainerStatus, Pod, PodSummarySource } from './k8s-pods.api.js';
import { addTo, type Resources } from './k8s-pods.quantities.js';
import { POD_STATUSES, allStatuses, podStatus, type PodStatus } from './k8s-pods.status.js';

/** What the counts, the sort, the filters and the problems read of every pod. */
export interface PodSummary {
  name: string;
  namespace?: string;
  status: PodStatus;
  /** Why, when the status alone does not say it: a waiting/termination reason or the pod's reason. */
  reason?: string;
  message?: string;
}

/** What only a pod's row shows: derived when the row is first rendered. */
export interface PodDetails {
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

export type PodView = PodSummary & PodDetails;

function reasonOf(pod: PodSummarySource, status: PodStatus, statuses: readonly ContainerStatus[]): { reason?: string; message?: string } {
  if (status === 'running' || status === 'succeeded') {
    const oom = statuses.find((s) => s.lastState?.terminated?.reason === 'OOMKilled');
    if (oom) return { reason: 'OOMKilled', message: `container ${oom.name} was killed: out of memory` };
    return {};
  }
  const failedInit = (pod.status?.initContainerStatuses ?? []).find((s) => (s.state?.terminated?.exitCode ?? 0) !== 0);
  if (failedInit?.state?.terminated) {
    const { reason, exitCode } = failedInit.state.terminated;
    return { reason: `Init:${reason ?? 'Error'}`, message: `init container ${failedInit.name} exited with code ${exitCode ?? '?'}` };
  }
  const waiting = statuses.map((s) => s.state?.waiting).find((w) => w?.reason && w.reason !== 'PodInitializing' && w.reason !== 'ContainerCreating')
    ?? statuses.map((s) => s.state?.waiting).find((w) => w?.reason);
  if (waiting?.reason) return { reason: waiting.reason, message: waiting.message ?? undefined };
  const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
  if (conditionStatus(scheduled) === 'False') return { reason: scheduled?.reason ?? 'Unschedulable', message: scheduled?.message ?? undefined };
  return { reason: pod.status?.reason ?? undefined, message: pod.status?.message ?? undefined };
}

export function summarizePod(pod: PodSummarySource): PodSummary {
  const statuses = allStatuses(pod);
  const status = podStatus(pod, statuses);
  return { name: pod.metadata.name, namespace: pod.metadata.namespace ?? undefined, status, ...reasonOf(pod, status, statuses) };
}

export function podDetails(pod: Pod): PodDetails {
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

export function toPodView(pod: Pod): PodView {
  return { ...summarizePod(pod), ...podDetails(pod) };
}

const RANK = new Map(POD_STATUSES.map((status, index) => [status, index]));

/** Worst status first, then by name. */
export function sortPods<T extends PodSummary>(pods: T[]): T[] {
  return pods.sort((a, b) => (RANK.get(a.status) ?? 0) - (RANK.get(b.status) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function countByStatus(pods: readonly PodSummary[]): Record<PodStatus, number> {
  const counts = Object.fromEntries(POD_STATUSES.map((status) => [status, 0])) as Record<PodStatus, number>;
  for (const pod of pods) counts[pod.status] += 1;
  return counts;
}
