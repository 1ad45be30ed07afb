import type { DiagnosisRule, Finding } from '../kit/index.js';
import { PROBLEM_FIXES, PROBLEM_KINDS, type Problem, type ProblemKind } from './k8s-pods.problems.js';

export interface K8sDiagnosisInput {
  /** Problems grouped by kind (pods and deployments that have them). */
  problems: readonly Problem[];
  /** The dashboard page of a subject: a pod name, or `deployment <name>`. */
  link: (subject: string) => string | undefined;
}

/** Why each problem usually happens; the fix is PROBLEM_FIXES. */
export const PROBLEM_CAUSES: Readonly<Record<ProblemKind, string>> = {
  CrashLoopBackOff: 'The container starts and exits again and again: a bad command or configuration, a dependency it cannot reach, or a liveness probe that kills it.',
  ImagePullBackOff: 'The node cannot pull the image: a wrong name or tag, a private registry without pull secret, or the registry is unreachable.',
  CreateContainerConfigError: 'The pod references a ConfigMap, Secret or key that does not exist in its namespace.',
  OOMKilled: 'The container used more memory than its limit and the kernel killed it.',
  ProgressDeadlineExceeded: 'New pods of the rollout did not become ready within progressDeadlineSeconds.',
  Unschedulable: 'No node satisfies the pod’s resource requests, node selector, affinity or taints.',
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
