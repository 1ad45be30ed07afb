import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { dashboardPanelIds, dashboardResultSchema, searchResultSchema } from './grafana-panel.api.js';
import './grafana-panel.js';
import type { GrafanaPanel } from './grafana-panel.component.js';

// Real `GET /api/search` answers (Grafana's documentation examples), served as the search
// response: every dashboard is listed and linked by uid, folders are left out.
conformance({
  system: 'grafana',
  files: import.meta.glob('../../../shared/fixtures/upstream/grafana/search-*.json', { eager: true, import: 'default' }),
  schema: searchResultSchema,
  check: async (hits) => {
    useHandlers(http.get('/proxy/grafana/api/search', () => HttpResponse.json(hits)));
    const { element } = await mountWidget<GrafanaPanel>(html`<grafana-panel dashboard-selector="prod" refresh-interval="0"></grafana-panel>`, fakeHost());
    const dashboards = hits.filter((hit) => hit.type === 'dash-db');
    await waitForState(element, dashboards.length ? 'ready' : 'empty');
    const shown = [...shadow(element).querySelectorAll<HTMLLIElement>('[part="dashboards"] li')];
    expect(shown.map((li) => li.dataset.uid)).toEqual(dashboards.map((hit) => hit.uid));
    for (const [index, hit] of dashboards.entries()) {
      expect(shown[index]?.textContent).toContain(hit.title);
      expect(shown[index]?.querySelector('a')?.getAttribute('href')).toBe(`https://grafana.example.com/d/${hit.uid}`);
      if (hit.folderTitle) expect(shown[index]?.textContent).toContain(hit.folderTitle);
    }
  },
});

// Real `GET /api/dashboards/uid/{uid}` answers: the panel check reads only the panels, and a
// panel the dashboard does not hold degrades with its reason instead of showing a frame.
conformance({
  system: 'grafana',
  files: import.meta.glob('../../../shared/fixtures/upstream/grafana/dashboard-*.json', { eager: true, import: 'default' }),
  schema: dashboardResultSchema,
  check: async (result) => {
    const uid = result.dashboard.uid ?? 'x';
    useHandlers(http.get(`/proxy/grafana/api/dashboards/uid/${uid}`, () => HttpResponse.json(result)));
    const held = [...dashboardPanelIds(result)];
    const missing = Math.max(0, ...held) + 1;
    const { element } = await mountWidget<GrafanaPanel>(
      html`<grafana-panel dashboard-uid=${uid} panel-id=${String(missing)} namespace="n" service="s" refresh-interval="0"></grafana-panel>`,
      fakeHost(),
    );
    await waitForState(element, 'degraded');
    expect(visibleText(element)).toContain(`Panel ${missing} not found on the dashboard`);
  },
});
