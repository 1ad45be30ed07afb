import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { allocationResponseSchema, type AllocationResponse } from './kubecost-costs.api.js';
import './kubecost-costs.js';
import type { KubecostCosts } from './kubecost-costs.component.js';
import { moneyFormat } from './kubecost-costs.format.js';
import { IDLE_NAME, finite } from './kubecost-costs.summary.js';

/** The sum of Kubecost's own totalCost fields, computed independently of the widget's summary. */
function reportedTotal(response: AllocationResponse): number {
  let total = 0;
  for (const set of response.data ?? []) {
    for (const [name, allocation] of Object.entries(set ?? {})) {
      if (name !== IDLE_NAME) total += finite(allocation?.totalCost) ?? 0;
    }
  }
  return total;
}

function namesIn(response: AllocationResponse): string[] {
  return [...new Set((response.data ?? []).flatMap((set) => Object.keys(set ?? {})))].filter((name) => name !== IDLE_NAME && !name.startsWith('...'));
}

conformance({
  system: 'kubecost',
  files: import.meta.glob('../../../shared/fixtures/upstream/kubecost/*.json', { eager: true, import: 'default' }),
  schema: allocationResponseSchema,
  check: async (response, _raw, file) => {
    const opencost = file.includes('opencost');
    useHandlers(
      http.get('/proxy/kubecost/model/allocation', () => HttpResponse.json(response)),
      http.get('/proxy/kubecost/allocation/compute', () => HttpResponse.json(response)),
    );
    const { element, text } = await mountWidget<KubecostCosts>(
      html`<kubecost-costs namespace=${opencost ? 'opencost' : 'kubecost'} api-flavor=${opencost ? 'opencost' : 'kubecost'}
        refresh-interval="0"></kubecost-costs>`,
      fakeHost({ locale: 'en-US' }),
    );
    await waitForState(element, 'ready');
    const total = reportedTotal(response);
    expect(total).toBeGreaterThan(0);
    expect(element.shadowRoot?.querySelector('[part="total"]')?.textContent).toBe(moneyFormat('USD', 'en-US').format(total));
    const names = namesIn(response);
    if (names.length > 1) for (const name of names) expect(text()).toContain(name);
    expect(text()).not.toContain('NaN');
  },
});
