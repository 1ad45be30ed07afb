import { conditionStatus, findCondition, type Condition, type Tone } from '../kit/index.js';
import type { Deployment } from './k8s-pods.api.js';

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
