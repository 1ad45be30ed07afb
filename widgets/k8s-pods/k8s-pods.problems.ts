import { conditionStatus, findCondition } from '../kit/index.js';
import type { Deployment, PodSummarySource } from './k8s-pods.api.js';
import { allStatuses } from './k8s-pods.status.js';

const IMAGE_PULL_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

export const PROBLEM_KINDS = ['CrashLoopBackOff', 'ImagePullBackOff', 'CreateContainerConfigError', 'OOMKilled', 'ProgressDeadlineExceeded', 'Unschedulable'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

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
export function podProblems(pod: PodSummarySource): FoundProblem[] {
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

export function findProblems(pods: readonly PodSummarySource[], deployments: readonly Deployment[]): Problem[] {
  return groupProblems(pods.map((pod) => ({ name: pod.metadata.name, found: podProblems(pod) })), deployments);
}
