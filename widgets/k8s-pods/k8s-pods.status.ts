import type { Tone } from '../kit/index.js';
import type { ContainerStatus, Pod } from './k8s-pods.api.js';

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

/** Init containers first, then the others. */
export function allStatuses(pod: Pod): ContainerStatus[] {
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
