import { buildHashUrl, conditionStatus, findCondition, type DiagnosisRule, type Finding } from '../kit/index.js';
import { PIPELINE_RUN_LABEL, PIPELINE_TASK_LABEL, type PipelineRun, type TaskRun } from './tekton-runs.api.js';
import { runStatus, succeededCondition } from './tekton-runs.model.js';

export interface TektonDiagnosisInput {
  /** The runs on the card. */
  runs: readonly PipelineRun[];
  /** TaskRuns of the failed runs (empty when they could not be read). */
  taskRuns: readonly TaskRun[];
  /** Tekton Dashboard base. */
  ui?: string;
}

const TIMEOUT_REASONS = new Set(['PipelineRunTimeout', 'TaskRunTimeout']);
const INVALID_REASONS = new Set([
  'CouldntGetPipeline', 'CouldntGetTask', 'PipelineValidationFailed', 'InvalidWorkspaceBindings', 'ParameterMissing',
  'ParameterTypeMismatch', 'InvalidTaskResultReference', 'PipelineInvalidGraph', 'InvalidServiceAccountMappings',
]);
const POD_REASONS = new Set(['TaskRunImagePullFailed', 'PodCreationFailed', 'CreateContainerConfigError', 'ExceededNodeResources']);
const STEP_EXIT = /"step-([^"]+)" exited with code (\d+)/;

interface FailedTask {
  run: PipelineRun;
  task: string;
  taskRun: TaskRun;
  reason: string;
  message: string;
  step?: string;
  exitCode?: number;
}

function link(ui: string | undefined, run: PipelineRun, task?: string, step?: string): string | undefined {
  return buildHashUrl(ui, ['namespaces', run.metadata.namespace ?? '', 'pipelineruns', run.metadata.name], { pipelineTask: task, step });
}

/** Each failed run's failed TaskRuns with the step that exited non-zero (from `status.steps`, else the message). */
function failedTasks(input: TektonDiagnosisInput): FailedTask[] {
  return input.runs.filter((run) => runStatus(run) === 'Failed').flatMap((run) =>
    input.taskRuns
      .filter((taskRun) => taskRun.metadata.labels?.[PIPELINE_RUN_LABEL] === run.metadata.name)
      .flatMap((taskRun): FailedTask[] => {
        const condition = findCondition(taskRun.status?.conditions, 'Succeeded');
        if (conditionStatus(condition) !== 'False') return [];
        const message = condition?.message ?? '';
        const step = taskRun.status?.steps?.find((s) => (s.terminated?.exitCode ?? 0) !== 0);
        const parsed = STEP_EXIT.exec(message);
        return [{
          run,
          taskRun,
          task: taskRun.metadata.labels?.[PIPELINE_TASK_LABEL] ?? taskRun.metadata.name,
          reason: condition?.reason ?? 'Failed',
          message,
          step: step?.name ?? parsed?.[1] ?? undefined,
          exitCode: step?.terminated?.exitCode ?? (parsed ? Number(parsed[2]) : undefined),
        }];
      }));
}

const where = (f: FailedTask) => `run ${f.run.metadata.name}: task ${f.task}${f.step ? `, step ${f.step}` : ''}`;
const taskFinding = (input: TektonDiagnosisInput) => (f: FailedTask): Finding => ({
  subject: where(f),
  seen: [f.reason, f.exitCode !== undefined ? `exit code ${f.exitCode}` : '', f.message].filter(Boolean).join(' · '),
  link: link(input.ui, f.run, f.task, f.step),
});

/** Runs whose own condition says why, when no TaskRun says more. */
function runsWith(input: TektonDiagnosisInput, match: (reason: string) => boolean): Finding[] {
  return input.runs.flatMap((run) => {
    const condition = succeededCondition(run);
    if (conditionStatus(condition) !== 'False' || !match(condition?.reason ?? '')) return [];
    return [{ subject: `run ${run.metadata.name}`, seen: `${condition?.reason ?? 'Failed'} · ${condition?.message ?? ''}`, link: link(input.ui, run) }];
  });
}

/** Tekton's problems and their usual fix, from PipelineRuns and the failed runs' TaskRuns. */
export const TEKTON_RULES: ReadonlyArray<DiagnosisRule<TektonDiagnosisInput>> = [
  {
    id: 'step-failed',
    title: 'Step failed',
    why: 'A step’s command exited non-zero: a failing test, build or script in that step.',
    fix: 'Open the step’s log at the failure, fix the code or the command, and re-run the pipeline.',
    find: (input) => failedTasks(input).filter((f) => !TIMEOUT_REASONS.has(f.reason) && !POD_REASONS.has(f.reason)).map(taskFinding(input)),
  },
  {
    id: 'task-pod-failed',
    title: 'Task pod could not start',
    why: 'The task’s pod never ran its steps: an image that cannot be pulled, a missing Secret or ConfigMap, or no node with the requested resources.',
    fix: 'Check the step images and the service account’s pull secrets, the workspaces’ Secrets/ConfigMaps, and the task’s resource requests.',
    find: (input) => failedTasks(input).filter((f) => POD_REASONS.has(f.reason)).map(taskFinding(input)),
  },
  {
    id: 'task-timeout',
    title: 'TaskRunTimeout',
    why: 'The task ran longer than its timeout (spec.timeouts.tasks or the task’s own timeout): a step hung, waited on something, or the work grew.',
    fix: 'Find the step that was still running in its log; make it faster or raise the task’s timeout.',
    find: (input) => failedTasks(input).filter((f) => f.reason === 'TaskRunTimeout').map(taskFinding(input)),
  },
  {
    id: 'pipeline-timeout',
    title: 'PipelineRunTimeout',
    why: 'The whole run exceeded spec.timeouts.pipeline (1h by default); running tasks were cancelled.',
    fix: 'See which task was running at the deadline; speed it up or raise spec.timeouts.pipeline.',
    find: (input) => runsWith(input, (reason) => reason === 'PipelineRunTimeout'),
  },
  {
    id: 'invalid-pipeline',
    title: 'Run could not start',
    why: 'Tekton rejected the run before any task ran: a missing Pipeline or Task, a missing parameter, or a workspace that is not bound.',
    fix: 'Read the message; install the referenced Pipeline/Task or fix the trigger’s params and workspaces.',
    find: (input) => runsWith(input, (reason) => INVALID_REASONS.has(reason)),
  },
  {
    id: 'run-failed',
    title: 'Run failed',
    why: 'A task of the pipeline failed; which one is in its TaskRun, which could not be matched or read.',
    fix: 'Open the run in the Tekton Dashboard, find the red task and read its step log.',
    find: (input) => {
      const explained = new Set(failedTasks(input).map((f) => f.run.metadata.name));
      return runsWith(input, (reason) => reason === 'Failed').filter((f) => !explained.has(f.subject.replace(/^run /, '')));
    },
  },
];
