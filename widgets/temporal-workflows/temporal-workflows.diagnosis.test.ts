import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { workflowListSchema, type WorkflowExecution } from './temporal-workflows.api.js';
import './temporal-workflows.js';
import type { TemporalWorkflows } from './temporal-workflows.component.js';
import { TEMPORAL_RULES } from './temporal-workflows.diagnosis.js';
import { normalizeStatus } from './temporal-workflows.query.js';
import { failedWorkflows, manyWorkflows } from './fixtures/workflows.js';
import { temporalHandlers } from './fixtures/handlers.js';

const UI = 'https://temporal.example.com';
const DIR = '../../../shared/fixtures/upstream/temporal';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/temporal/*.json', { eager: true, import: 'default' });
const rawList = upstream[`${DIR}/list-workflow-executions.json`];
if (rawList === undefined) console.warn(`[diagnosis] ${UPSTREAM_DIR}/temporal not found: Temporal rules NOT checked against real responses.`);

const run = (failed: readonly WorkflowExecution[], more = false) => diagnose(TEMPORAL_RULES, { namespace: 'default', failed, more, ui: UI });

describe(`temporal-workflows diagnosis against ${UPSTREAM_DIR}/temporal`, () => {
  it.skipIf(rawList === undefined)('the real ListWorkflowExecutions: its Failed and TimedOut executions, by type, linked to the run’s history', () => {
    const executions = validate(workflowListSchema, rawList).executions ?? [];
    const failed = executions.filter((e) => ['Failed', 'TimedOut'].includes(normalizeStatus(e.status)));
    const found = run(failed);
    expect(found.map((d) => [d.rule, d.subject])).toEqual([
      ['workflow-failed', 'workflow type workflow.retry-workflow.ext'],
      ['workflow-timed-out', 'workflow type workflow.advanced-visibility'],
    ]);
    expect(found[0]?.seen).toMatch(/^1 failed; newest temporal\.fixture\.failed\.workflow\.id/);
    expect(found[0]?.link).toMatch(new RegExp(`^${UI}/namespaces/default/workflows/temporal\\.fixture\\.failed\\.workflow\\.id/[^/]+/history$`));
  });

  it.skipIf(rawList === undefined)('Completed, Running, Canceled and Terminated executions are no failure', () => {
    const executions = validate(workflowListSchema, rawList).executions ?? [];
    expect(run(executions.filter((e) => !['Failed', 'TimedOut'].includes(normalizeStatus(e.status))))).toEqual([]);
  });
});

describe('temporal-workflows diagnosis (project fixtures)', () => {
  it('one finding per workflow type, with the count and the task queue', () => {
    const found = run([...manyWorkflows(3, 'WORKFLOW_EXECUTION_STATUS_FAILED'), ...failedWorkflows], true);
    expect(found.map((d) => [d.rule, d.subject, d.fixDetail])).toEqual([
      ['workflow-failed', 'workflow type ChargeCard', 'Task queue: payments-main.'],
      ['workflow-timed-out', 'workflow type MerchantPayout', 'Task queue: payments-batch.'],
    ]);
    expect(found[0]?.seen).toMatch(/^4\+ failed; newest charge-order-90000/);
  });
});

describe('temporal-workflows: the Problems region in the card', () => {
  it('names failed and timed-out workflows with their fix, axe-clean in light and dark', async () => {
    useHandlers(...temporalHandlers({ scenario: 'healthy' }));
    const { element } = await mountWidget<TemporalWorkflows>(html`<temporal-workflows namespace="payments" refresh-interval="0"></temporal-workflows>`, fakeHost());
    await waitForState(element, 'ready');
    await expectProblems(element, 'payments', ['workflow-failed', 'workflow-timed-out']);
  });
});
