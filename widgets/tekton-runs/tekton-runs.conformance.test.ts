import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { pipelineRunSchema } from './tekton-runs.api.js';
import { runStatus } from './tekton-runs.model.js';
import './tekton-runs.js';
import type { TektonRuns } from './tekton-runs.component.js';

// The upstream files are single PipelineRun objects: each is parsed with the item schema
// and served wrapped in a PipelineRunList, as the list endpoint would answer.
conformance({
  system: 'tekton',
  files: import.meta.glob('../../../shared/fixtures/upstream/tekton/*.json', { eager: true, import: 'default' }),
  schema: pipelineRunSchema,
  check: async (run) => {
    useHandlers(
      http.get('/proxy/tekton/apis/tekton.dev/v1/namespaces/:ns/pipelineruns', () =>
        HttpResponse.json({ apiVersion: 'tekton.dev/v1', kind: 'PipelineRunList', metadata: {}, items: [run] })),
      http.get('/proxy/tekton/apis/tekton.dev/v1/namespaces/:ns/taskruns', () =>
        HttpResponse.json({ apiVersion: 'tekton.dev/v1', kind: 'TaskRunList', metadata: {}, items: [] })),
    );
    const { element } = await mountWidget<TektonRuns>(
      html`<tekton-runs namespace=${run.metadata.namespace ?? 'default'} kubernetes-id="app" refresh-interval="0"></tekton-runs>`,
      fakeHost(),
    );
    await waitForState(element, 'ready');
    const rows = shadow(element).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    const shown = visibleText(rows[0] ?? element);
    expect(shown).toContain(run.metadata.name);
    expect(shown).toContain(runStatus(run));
    const pipeline = run.spec?.pipelineRef?.name;
    if (pipeline) expect(shown).toContain(pipeline);
  },
});
