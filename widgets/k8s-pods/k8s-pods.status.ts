import { keysOf, type Tone } from '../kit/index.js';
import type { ContainerStatus, PodSummarySource } from './k8s-pods.api.js';

/** Each status's tone, worst first: the order of the summary and of the pod list. */
export const POD_STATUS_TONES = {
  'crash-looping': 'error',
  failed: 'error',
  pending: 'progress',
  unknown: 'unknown',
  running: 'ok',
  succeeded: 'info',
} as const satisfies Record<string, Tone>;
export type PodStatus = keyof typeof POD_STATUS_TONES;
export const POD_STATUSES = keysOf(POD_STATUS_TONES);

/** `crash-looping` → `Crash-looping`. */
export const podStatusLabel = (status: PodStatus): string => `${status.charAt(0).toUpperCase()}${status.slice(1)}`;

/** Init containers first, then the others. */
export function allStatuses(pod: PodSummarySource): ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

/**
 * A crash-looping pod's phase stays `Running` (or `Pending` for an init container):
 * the truth is in `containerStatuses[].state.waiting.reason`.
 */
export function podStatus(pod: PodSummarySource, statuses: readonly ContainerStatus[] = allStatuses(pod)): PodStatus {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (statuses.some((status) => status.state?.waiting?.reason === 'CrashLoopBackOff')) return 'crash-looping';
  if (phase === 'Pending') return 'pending';
  if (phase === 'Running') return 'running';
  return 'unknown';
}
