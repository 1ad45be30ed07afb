import type { DiagnosisRule, Finding } from '../kit/index.js';
import { PROBLEM_KINDS, type Problem, type ProblemKind } from './k8s-pods.problems.js';

export interface K8sDiagnosisInput {
  /** Problems grouped by kind (pods and deployments that have them). */
  problems: readonly Problem[];
  /** The dashboard page of a subject: a pod name, or `deployment <name>`. */
  link: (subject: string) => string | undefined;
}

/** Why each problem usually happens. */
export const PROBLEM_CAUSES: Readonly<Record<ProblemKind, string>> = {
  CrashLoopBackOff: 'The container starts and exits again and again: a bad command or configuration, a dependency it cannot reach, or a liveness probe that kills it.',
  ImagePullBackOff: 'The node cannot pull the image: a wrong name or tag, a private registry without pull secret, or the registry is unreachable.',
  CreateContainerConfigError: 'The pod references a ConfigMap, Secret or key that does not exist in its namespace.',
  OOMKilled: 'The container used more memory than its limit and the kernel killed it.',
  ProgressDeadlineExceeded: 'New pods of the rollout did not become ready within progressDeadlineSeconds.',
  Unschedulable: 'No node satisfies the pod’s resource requests, node selector, affinity or taints.',
};

/** The usual fix of each problem. */
export const PROBLEM_FIXES: Readonly<Record<ProblemKind, string>> = {
  CrashLoopBackOff: 'The container keeps exiting: read the previous container’s log for the error, then fix the command, configuration or a failing liveness probe.',
  ImagePullBackOff: 'The image cannot be pulled: check the image name and tag exist and that an imagePullSecret grants access to the registry.',
  CreateContainerConfigError: 'A ConfigMap or Secret (or a key in it) the pod references is missing: create it or fix the reference.',
  OOMKilled: 'The container went over its memory limit: raise resources.limits.memory or find what uses the memory.',
  ProgressDeadlineExceeded: 'The rollout stalled: fix what stops the new pods becoming ready (see the pod problems), or roll back.',
  Unschedulable: 'No node can take the pod: lower its requests, relax node selectors, affinity or tolerations, or add capacity.',
};

/** Kubernetes' problems and their usual fix, one rule per kind, over the grouped problems. */
export const K8S_RULES: ReadonlyArray<DiagnosisRule<K8sDiagnosisInput>> = PROBLEM_KINDS.map((kind) => ({
  id: kind,
  title: kind,
  why: PROBLEM_CAUSES[kind],
  fix: PROBLEM_FIXES[kind],
  find: (input: K8sDiagnosisInput) =>
    input.problems.filter((problem) => problem.kind === kind).map((problem): Finding => {
      const [first = '', ...rest] = problem.subjects;
      return {
        subject: `${first}${rest.length ? ` and ${rest.length} more` : ''}`,
        seen: problem.message ?? kind,
        link: input.link(first),
      };
    }),
}));
