import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { scanOverviewSchema } from './harbor-vulns.api.js';
import { REPORT_MIME_TYPES, SEVERITIES, pickReport } from './harbor-vulns.model.js';
import './harbor-vulns.js';
import type { HarborVulns } from './harbor-vulns.component.js';

// The upstream Harbor file is a real vulnerability report keyed by report MIME type, the same
// keys `scan_overview` uses. Each is read with the overview schema; the report under the 1.1
// key must be the one picked, and the widget shows its overall severity and scanner.
conformance({
  system: 'harbor',
  files: import.meta.glob('../../../shared/fixtures/upstream/harbor/*.json', { eager: true, import: 'default' }),
  schema: scanOverviewSchema,
  check: async (overview) => {
    const picked = pickReport(overview);
    expect(REPORT_MIME_TYPES).toContain(picked?.type);
    const report = picked?.report;
    useHandlers(
      http.get('/proxy/harbor/api/v2.0/projects/:project/repositories/:repository/artifacts', () =>
        HttpResponse.json([{
          digest: 'sha256:711103cfce07dc03d61f51e819fad7d6fbbad20fc99caa039cc8da77e7a1c51b',
          project_id: 3,
          repository_name: 'library/app',
          tags: [{ name: 'v1', push_time: '2023-09-08T00:10:00Z', pull_time: '0001-01-01T00:00:00Z' }],
          push_time: '2023-09-08T00:10:00Z',
          pull_time: '0001-01-01T00:00:00Z',
          // A finished scan: the real report plus the status and counts Harbor adds to its summary.
          scan_overview: { [picked?.type ?? '']: { ...report, scan_status: 'Success', summary: { total: 1, fixable: 0, summary: { [report?.severity ?? 'Unknown']: 1 } } } },
        }])),
    );
    const { element } = await mountWidget<HarborVulns>(html`<harbor-vulns repository-slug="library/app" refresh-interval="0"></harbor-vulns>`, fakeHost());
    await waitForState(element, 'ready');
    const shown = visibleText(shadow(element).querySelector('.newest') ?? element);
    if (report?.scanner?.name) expect(shown).toContain(report.scanner.name);
    expect(shown).toContain('Newest: v1');
    const severity = report?.severity?.toLowerCase();
    if (severity && (SEVERITIES as readonly string[]).includes(severity)) {
      expect(visibleText(shadow(element).querySelector(`[part="severities"] .sev-${severity}`) ?? element)).toMatch(/ 1$/);
    }
    expect(visibleText(element)).toContain('never pulled');
  },
});
