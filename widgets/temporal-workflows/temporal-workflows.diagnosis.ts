import type { DiagnosisRule, Finding } from '../kit/index.js';
import { executionLink, type WorkflowExecution } from './temporal-workflows.api.js';
import { normalizeStatus, type WorkflowStatus } from './temporal-workflows.query.js';

export interface TemporalDiagnosisInput {
  namespace: string;
  /** The newest failed and timed-out executions. */
  failed: readonly WorkflowExecution[];
  /** The server has more failed executions than listed. */
  more: boolean;
  ui?: string;
}

/** Closed executions of one status, grouped by workflow type (newest first within a group). */
function byType(input: TemporalDiagnosisInput, status: WorkflowStatus, seen: (newest: WorkflowExecution, count: string) => string): Finding[] {
  const groups = new Map<string, WorkflowExecution[]>();
  for (const execution of input.failed) {
    if (normalizeStatus(execution.status) !== status) continue;
    const type = execution.type?.name ?? 'unknown type';
    groups.set(type, [...(groups.get(type) ?? []), execution]);
  }
  return [...groups].map(([type, executions]) => {
    const newest = executions[0] as WorkflowExecution;
    const count = `${executions.length}${input.more ? '+' : ''}`;
    return {
      subject: `workflow type ${type}`,
      seen: seen(newest, count),
      fixDetail: newest.taskQueue ? `Task queue: ${newest.taskQueue}.` : undefined,
      link: executionLink(input.ui, input.namespace, newest),
    };
  });
}

const when = (execution: WorkflowExecution) => (execution.closeTime ? ` at ${execution.closeTime}` : '');

/** Temporal's problems and their usual fix, by how the workflows closed. */
export const TEMPORAL_RULES: ReadonlyArray<DiagnosisRule<TemporalDiagnosisInput>> = [
  {
    id: 'workflow-failed',
    title: 'Workflows failed',
    why: 'The workflow code returned an error: an activity failed after its retries ran out, a non-retryable application error, or a bug in the workflow itself.',
    fix: 'Open the newest failed run’s history: the WorkflowExecutionFailed event names the failure and the activity that caused it; fix it, then reset or restart the workflows.',
    find: (input) => byType(input, 'Failed', (newest, count) => `${count} failed; newest ${newest.execution.workflowId}${when(newest)}`),
  },
  {
    id: 'workflow-timed-out',
    title: 'Workflows timed out',
    why: 'The workflow ran past its run or execution timeout: usually no worker polls its task queue (workers down or on another queue), or an activity waits far longer than planned.',
    fix: 'Check that workers poll the task queue (Temporal UI → Task Queues), then review workflowRunTimeout/workflowExecutionTimeout.',
    find: (input) => byType(input, 'TimedOut', (newest, count) => `${count} timed out; newest ${newest.execution.workflowId}${when(newest)}`),
  },
];
