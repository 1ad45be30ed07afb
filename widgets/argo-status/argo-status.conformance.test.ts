import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { applicationSchema } from './argo-status.api.js';
import './argo-status.js';
import type { ArgoStatus } from './argo-status.component.js';

conformance({
  system: 'argocd',
  files: import.meta.glob('../../../shared/fixtures/upstream/argocd/*.json', { eager: true, import: 'default' }),
  schema: applicationSchema,
  check: async (app) => {
    useHandlers(
      http.get('/proxy/argocd/api/v1/applications/:name/revisions/:rev/metadata', () => new HttpResponse(null, { status: 404 })),
      http.get('/proxy/argocd/api/v1/applications/:name', () => HttpResponse.json(app)),
    );
    const { element, text } = await mountWidget<ArgoStatus>(
      html`<argo-status app-name=${app.metadata.name} refresh-interval="0"></argo-status>`,
      fakeHost(),
    );
    await waitForState(element, 'ready');
    const health = app.status?.health?.status ?? 'Unknown';
    expect(text()).toContain(health);
    expect(element.shadowRoot?.querySelectorAll('[aria-label^="Resources of"] tbody tr').length).toBe(app.status?.resources?.length ?? 0);
  },
});
