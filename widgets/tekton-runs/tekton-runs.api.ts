import * as z from 'zod/mini';
import {
  apiCall,
  buildHashUrl,
  conditionSchema,
  listSchema,
  objectMetaSchema,
  optionalList as list,
  optionalText,
  type CallContext,
} from '../kit/index.js';

const childReference = z.object({
  kind: optionalText,
  name: optionalText,
  pipelineTaskName: optionalText,
  displayName: optionalText,
});

/** v1 results are `{ name, value }`; value is a string, an array or an object. */
const runResult = z.object({ name: z.string(), value: z.optional(z.unknown()) });
export type RunResult = z.infer<typeof runResult>;

/** v1beta1 full embedded status (`status.taskRuns`): kept so older clusters still name the failed task. */
const embeddedTaskRun = z.object({
  pipelineTaskName: optionalText,
  status: z.optional(z.nullable(z.object({ conditions: list(conditionSchema) }))),
});

export const pipelineRunSchema = z.object({
  metadata: objectMetaSchema,
  spec: z.optional(
    z.nullable(
      z.object({
        pipelineRef: z.optional(z.nullable(z.object({ name: optionalText }))),
        status: optionalText,
      }),
    ),
  ),
  status: z.optional(
    z.nullable(
      z.object({
        conditions: list(conditionSchema),
        startTime: optionalText,
        completionTime: optionalText,
        childReferences: list(childReference),
        results: list(runResult),
        pipelineResults: list(runResult),
        taskRuns: z.optional(z.nullable(z.record(z.string(), embeddedTaskRun))),
      }),
    ),
  ),
});
export type PipelineRun = z.infer<typeof pipelineRunSchema>;

export const pipelineRunListSchema = listSchema(pipelineRunSchema);

/** A step's container state: the one that exited non-zero is where the task failed. */
const stepState = z.object({
  name: optionalText,
  terminated: z.optional(z.nullable(z.object({ exitCode: z.optional(z.nullable(z.number())), reason: optionalText, message: optionalText }))),
});

export const taskRunSchema = z.object({
  metadata: objectMetaSchema,
  status: z.optional(
    z.nullable(z.object({ conditions: list(conditionSchema), startTime: optionalText, completionTime: optionalText, steps: list(stepState) })),
  ),
});
export type TaskRun = z.infer<typeof taskRunSchema>;

export const taskRunListSchema = listSchema(taskRunSchema);

export interface RunsQuery {
  instance?: string;
  namespace: string;
  labelSelector: string;
}

/** `GET /apis/tekton.dev/v1/namespaces/{ns}/pipelineruns?labelSelector=` (`items` may be missing). */
export async function listPipelineRuns(call: CallContext & { query: RunsQuery }): Promise<PipelineRun[]> {
  const { query } = call;
  const answer = await apiCall(call, {
    system: 'tekton',
    instance: query.instance,
    path: ['apis', 'tekton.dev', 'v1', 'namespaces', query.namespace, 'pipelineruns'],
    query: { labelSelector: query.labelSelector },
    schema: pipelineRunListSchema,
  });
  return answer.items ?? [];
}

/** Labels Tekton puts on every TaskRun of a PipelineRun. */
export const PIPELINE_RUN_LABEL = 'tekton.dev/pipelineRun';
export const PIPELINE_TASK_LABEL = 'tekton.dev/pipelineTask';

/** The TaskRuns of the given PipelineRuns, in one request (`tekton.dev/pipelineRun in (…)`). */
export async function listTaskRunsOf(call: CallContext & { query: Omit<RunsQuery, 'labelSelector'>; runNames: readonly string[] }): Promise<TaskRun[]> {
  const { query } = call;
  const answer = await apiCall(call, {
    system: 'tekton',
    instance: query.instance,
    path: ['apis', 'tekton.dev', 'v1', 'namespaces', query.namespace, 'taskruns'],
    query: { labelSelector: `${PIPELINE_RUN_LABEL} in (${call.runNames.join(',')})` },
    schema: taskRunListSchema,
  });
  return answer.items ?? [];
}

// ---- Deep links into the Tekton Dashboard (hash routes) ---------------------------

export function runLink(ui: string | undefined, namespace: string, name: string): string | undefined {
  return buildHashUrl(ui, ['namespaces', namespace, 'pipelineruns', name]);
}

export function runsLink(ui: string | undefined, namespace: string, labelSelector?: string): string | undefined {
  return buildHashUrl(ui, ['namespaces', namespace, 'pipelineruns'], { labelSelector });
}
