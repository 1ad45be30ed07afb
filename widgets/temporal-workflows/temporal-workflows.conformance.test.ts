import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import * as z from 'zod/mini';
import { namespaceSchema, workflowExecutionSchema, workflowListSchema, type Namespace, type WorkflowList } from './temporal-workflows.api.js';
import { formatRetention, normalizeNamespaceState, normalizeStatus } from './temporal-workflows.query.js';
import './temporal-workflows.js';
import type { TemporalWorkflows } from './temporal-workflows.component.js';
import { paymentsNamespace, runningWorkflows } from './fixtures/workflows.js';

/** The count endpoint answers 404, so counts come from the listed page. */
async function mountWith(namespace: Namespace, list: WorkflowList) {
  const ns = namespace.namespaceInfo.name;
  const api = `/proxy/temporal/api/v1/namespaces/${ns}`;
  useHandlers(
    http.get(api, () => HttpResponse.json(namespace)),
    http.get(`${api}/workflows`, () => HttpResponse.json(list)),
    http.get(`${api}/workflow-count`, () => new HttpResponse(null, { status: 404 })),
  );
  const { element, text } = await mountWidget<TemporalWorkflows>(
    html`<temporal-workflows namespace=${ns} refresh-interval="0"></temporal-workflows>`,
    fakeHost(),
  );
  return { element, text };
}

// ListWorkflowExecutions as the Temporal UI receives it: every status, int64 as strings, closeTime null.
conformance({
  system: 'temporal',
  files: import.meta.glob('../../../shared/fixtures/upstream/temporal/list-workflow-executions.json', { eager: true, import: 'default' }),
  schema: workflowListSchema,
  check: async (list) => {
    // The fixture answers both list requests; each section keeps only its own statuses.
    const { element, text } = await mountWith(paymentsNamespace, list);
    await waitForState(element, 'ready');
    const executions = list.executions ?? [];
    const running = executions.filter((e) => normalizeStatus(e.status) === 'Running');
    const failed = executions.filter((e) => ['Failed', 'TimedOut'].includes(normalizeStatus(e.status)));
    expect(running.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    const rows = (id: string) => shadow(element).querySelectorAll(`[aria-label^="${id}" i] tbody tr`);
    expect(rows('running')).toHaveLength(running.length);
    expect(rows('failed')).toHaveLength(failed.length);
    for (const execution of [...running, ...failed]) {
      const { workflowId, runId } = execution.execution;
      const link = [...shadow(element).querySelectorAll('tbody a')].find((a) => a.textContent === workflowId && a.getAttribute('href')?.includes(runId ?? '-'));
      expect(link?.getAttribute('href')).toBe(
        `https://temporal.example.com/namespaces/payments/workflows/${encodeURIComponent(workflowId)}/${runId ?? ''}/history`,
      );
      expect(text()).toContain(execution.type?.name ?? '');
    }
    expect(text()).toContain(`${running.length} Running`);
    expect(text()).toContain('Counts are of the listed page only');
  },
});

// DescribeNamespace: state "Registered", retention as a duration string.
conformance({
  system: 'temporal',
  files: import.meta.glob('../../../shared/fixtures/upstream/temporal/describe-namespace-*.json', { eager: true, import: 'default' }),
  schema: namespaceSchema,
  check: async (namespace) => {
    const { element, text } = await mountWith(namespace, { executions: runningWorkflows, nextPageToken: null });
    await waitForState(element, 'ready');
    expect(text()).toContain(`Namespace ${normalizeNamespaceState(namespace.namespaceInfo.state)}`);
    const retention = formatRetention(namespace.config?.workflowExecutionRetentionTtl);
    expect(retention).toBeDefined();
    expect(text()).toContain(`Retention ${retention ?? ''}`);
  },
});

// DescribeWorkflowExecution carries the same execution info as a list entry: the row schema must read it.
conformance({
  system: 'temporal',
  files: import.meta.glob('../../../shared/fixtures/upstream/temporal/describe-workflow-execution-*.json', { eager: true, import: 'default' }),
  schema: z.object({ workflowExecutionInfo: workflowExecutionSchema }),
});
