import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { allocationResponseSchema, type AllocationSet } from './kubecost-costs.api.js';
import './kubecost-costs.js';
import type { KubecostCosts } from './kubecost-costs.component.js';
import { KUBECOST_RULES, usageByName } from './kubecost-costs.diagnosis.js';
import { dailySets } from './fixtures/allocations.js';
import { kubecostHandlers } from './fixtures/handlers.js';

const DIR = '../../../shared/fixtures/upstream/kubecost';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/kubecost/*.json', { eager: true, import: 'default' });
const realSets = (file: string): AllocationSet[] | undefined => {
  const raw = upstream[`${DIR}/${file}`];
  return raw === undefined ? undefined : (validate(allocationResponseSchema, raw).data ?? []).flatMap((set) => (set ? [set] : []));
};
if (!Object.keys(upstream).length) console.warn(`[diagnosis] ${UPSTREAM_DIR}/kubecost not found: Kubecost rules NOT checked against real responses.`);

const money = (amount: number) => `$${amount.toFixed(2)}`;
const run = (sets: AllocationSet[]) => diagnose(KUBECOST_RULES, { usage: usageByName(sets), money, link: 'https://kubecost.example.com/allocations' });

describe(`kubecost-costs diagnosis against ${UPSTREAM_DIR}/kubecost`, () => {
  const opencost = realSets('opencost-allocation-7d-by-namespace.json');
  it.skipIf(!opencost)('OpenCost 7d by namespace: kube-system requests 450m CPU and uses 9m — the right-sizing figure and saving', () => {
    const found = run(opencost as AllocationSet[]);
    expect(found.map((d) => [d.rule, d.subject, d.seen, d.fixDetail])).toEqual([
      ['cpu-requests-far-above-usage', 'kube-system', 'CPU requests average 450m, usage 9m (2% used)', 'Right-size the CPU request to about 15m: about $1.38 less for this window.'],
    ]);
    expect(found[0]?.tone).toBe('warn');
  });

  const docs = realSets('allocation-docs-example.json');
  it.skipIf(!docs)('Kubecost docs example: the container requesting 50m and using 1m; its "...etc" placeholders are skipped', () => {
    const found = run(docs as AllocationSet[]);
    expect(found.map((d) => [d.rule, d.seen])).toEqual([['cpu-requests-far-above-usage', 'CPU requests average 50m, usage 1m (2% used)']]);
    expect(found[0]?.fixDetail).toMatch(/^Right-size the CPU request to about 10m/);
  });
});

describe('kubecost-costs diagnosis (project fixtures)', () => {
  it('memory-requests-far-above-usage: requests eight times the use', () => {
    const sets: AllocationSet[] = [{ app: { name: 'app', ramByteRequestAverage: 2 * 2 ** 30, ramByteUsageAverage: 256 * 2 ** 20, ramCost: 10 } }];
    expect(run(sets).map((d) => [d.rule, d.seen, d.fixDetail])).toEqual([
      ['memory-requests-far-above-usage', 'memory requests average 2.0 GiB, usage 256 MiB (13% used)', 'Right-size the memory request to about 336 MiB: about $8.36 less for this window.'],
    ]);
  });

  it('usage within a quarter of the request, or a tiny request, is no problem', () => {
    expect(run(dailySets({ days: 7, aggregate: 'namespace', namespace: 'payments' }))).toEqual([]);
    expect(run([{ tiny: { name: 'tiny', cpuCoreRequestAverage: 0.02, cpuCoreUsageAverage: 0.001, cpuCost: 1 } }])).toEqual([]);
  });

  it('each over-requested workload, averaged over seven days', () => {
    const found = run(dailySets({ days: 7, aggregate: 'controller', namespace: 'payments', overRequested: true }));
    expect(found.map((d) => d.subject)).toEqual(['deployment:payments-api', 'deployment:payments-worker', 'statefulset:payments-db']);
  });
});

describe('kubecost-costs: the Problems region in the card', () => {
  it('shows the right-sizing figure as text, axe-clean in light and dark', async () => {
    useHandlers(...kubecostHandlers({ scenario: 'over-requested' }));
    const { element } = await mountWidget<KubecostCosts>(html`<kubecost-costs namespace="payments" refresh-interval="0"></kubecost-costs>`, fakeHost());
    await waitForState(element, 'ready');
    const region = await expectProblems(element, 'payments', ['cpu-requests-far-above-usage']);
    expect(region.textContent).toContain('Right-size the CPU request to about');
  });
});
