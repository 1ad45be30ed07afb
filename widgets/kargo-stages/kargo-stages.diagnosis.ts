import type { DiagnosisRule, Finding } from '../kit/index.js';
import { stageLink, type Promotion, type Stage } from './kargo-stages.api.js';

export interface KargoDiagnosisInput {
  project: string;
  stages: readonly Stage[];
  /** Undefined when the promotion list could not be read: each stage's lastPromotion stands in. */
  promotions?: readonly Promotion[];
  ui?: string;
}

const FAILED_PHASES = new Set(['Failed', 'Errored']);
const STEP_IN_MESSAGE = /step "([^"]+)"/;

/** What usually breaks in a step, by the step's `uses`. */
export const STEP_HINTS: Readonly<Record<string, string>> = {
  'git-clone': 'Check the Git credentials Kargo holds for this repository (a project Secret labelled kargo.akuity.io/cred-type: git).',
  'git-push': 'A protected branch or missing write access: push to a branch the credentials may write, or open a pull request (git-open-pr).',
  'git-open-pr': 'Check the Git provider token and that the target branch exists.',
  'argocd-update': 'The Argo CD Application must carry the kargo.akuity.io/authorized-stage annotation for this stage, and become healthy in time.',
  'kustomize-set-image': 'The image or the kustomization path in the step’s config does not match the repository.',
  'helm-update-image': 'The values file or key path in the step’s config does not exist in the repository.',
};

interface FailedPromotion {
  stage: string;
  name: string;
  phase: string;
  message: string;
  /** The step's alias (`as`) or, failing that, what it `uses`. */
  step?: string;
  uses?: string;
}

/** The stage's latest promotion when it failed: the full Promotion when listed, else the stage's lastPromotion. */
function failedPromotions(input: KargoDiagnosisInput): FailedPromotion[] {
  return input.stages.flatMap((stage): FailedPromotion[] => {
    const last = stage.status?.lastPromotion;
    if (!last?.name) return [];
    const promotion = input.promotions?.find((candidate) => candidate.metadata?.name === last.name);
    const status = promotion?.status ?? last.status;
    if (!status?.phase || !FAILED_PHASES.has(status.phase)) return [];
    const executions = status.stepExecutionMetadata ?? [];
    let index = executions.findIndex((execution) => FAILED_PHASES.has(execution.status ?? ''));
    if (index < 0 && status.currentStep !== undefined && status.currentStep !== null) index = Number(status.currentStep);
    const spec = index >= 0 ? promotion?.spec?.steps?.[index] : undefined;
    const execution = index >= 0 ? executions[index] : undefined;
    const message = execution?.message || status.message || '';
    return [{
      stage: stage.metadata.name,
      name: last.name,
      phase: status.phase,
      message,
      step: spec?.as ?? execution?.alias ?? spec?.uses ?? STEP_IN_MESSAGE.exec(message)?.[1] ?? undefined,
      uses: spec?.uses ?? undefined,
    }];
  });
}

/** Kargo's problems and their usual fix, from the project's stages and promotions. */
export const KARGO_RULES: ReadonlyArray<DiagnosisRule<KargoDiagnosisInput>> = [
  {
    id: 'promotion-step-failed',
    title: 'Promotion failed',
    why: 'A step of the stage’s promotion process failed, so the freight did not reach the stage: usually Git credentials or branch protection, a step config that does not match the repository, or an Argo CD Application that did not become healthy.',
    fix: 'Open the promotion in Kargo, read the failed step’s message, fix its cause and promote the freight again.',
    find: (input) =>
      failedPromotions(input).map((failed): Finding => {
        const hint = STEP_HINTS[failed.uses ?? ''] ?? STEP_HINTS[failed.step ?? ''];
        return {
          subject: `stage ${failed.stage}${failed.step ? `, step ${failed.step}` : ''}`,
          seen: `promotion ${failed.name} ${failed.phase}${failed.message ? `: ${failed.message}` : ''}`,
          fixDetail: hint,
          link: stageLink(input.ui, input.project, failed.stage),
        };
      }),
  },
  {
    id: 'stage-unhealthy',
    title: 'Stage unhealthy',
    why: 'Kargo checks the Argo CD Applications a stage updates; one of them is not healthy after the promotion.',
    fix: 'Open the Application Kargo names; fix what is degraded, or promote the previous freight back.',
    find: (input) =>
      input.stages
        .filter((stage) => stage.status?.health?.status === 'Unhealthy')
        .map((stage): Finding => ({
          subject: `stage ${stage.metadata.name}`,
          seen: stage.status?.health?.issues?.join('; ') || 'health Unhealthy',
          link: stageLink(input.ui, input.project, stage.metadata.name),
        })),
  },
];
