import { describe, expect, it } from 'vitest';
import { costFilter, sanitizeLabelKey } from './kubecost-costs.api.js';
import { configProblem, isLabelPair, windowLabel } from './kubecost-costs.config.js';
import { moneyFormat, percentFormat } from './kubecost-costs.format.js';
import { finite, summarize } from './kubecost-costs.summary.js';

describe('kubecost-costs: summarize', () => {
  it('sums days, leaves out __idle__ and doc placeholders, and puts what is left of the total in Other', () => {
    const summary = summarize([
      { web: { cpuCost: 1, ramCost: 2, loadBalancerCost: 0.5, externalCost: 0.25, totalCost: 3.75 }, __idle__: { totalCost: 40, cpuCost: 40 } },
      { web: { cpuCost: 2, ramCost: 1, totalCost: 3 }, '...etc': {} },
    ]);
    expect(summary.total).toBe(6.75);
    expect(summary.amounts).toMatchObject({ cpu: 3, ram: 3, other: 0.75 });
    expect(summary.days.map((d) => d.total)).toEqual([3.75, 3]);
    expect(summary.allocations).toBe(2);
    expect(summary.byName).toEqual([{ name: 'web', total: 6.75 }]);
  });

  it('weighs efficiency by cost, as Kubecost does', () => {
    const { efficiency } = summarize([
      { a: { cpuCost: 3, ramCost: 1, cpuEfficiency: 0.2, ramEfficiency: 0.8, totalEfficiency: 0.35 } },
      { a: { cpuCost: 1, ramCost: 3, cpuEfficiency: 0.6, ramEfficiency: 0.4, totalEfficiency: 0.45 } },
    ]);
    expect(efficiency.cpu).toBeCloseTo((3 * 0.2 + 0.6) / 4);
    expect(efficiency.ram).toBeCloseTo((0.8 + 3 * 0.4) / 4);
    expect(efficiency.total).toBeCloseTo(0.4);
  });

  it('reads numbers however they come, and computes a missing total from its parts', () => {
    expect([finite('1.5'), finite('NaN'), finite('+Inf'), finite(null), finite(''), finite(2)]).toEqual([1.5, undefined, undefined, undefined, undefined, 2]);
    const summary = summarize([{ x: { cpuCost: '1.5', ramCost: 'NaN', networkCost: 0.5 } }, {}]);
    expect(summary.total).toBe(2);
    expect(summary.days).toEqual([{ total: 2 }, { total: 0 }]);
    expect(summary.efficiency).toEqual({ total: undefined, cpu: undefined, ram: undefined });
  });

  it('nothing but empty sets is no data', () => {
    expect(summarize([{}]).allocations).toBe(0);
    expect(summarize([]).allocations).toBe(0);
  });

  it('keeps the earliest start and latest end of the window', () => {
    const summary = summarize([
      { a: { totalCost: 1, window: { start: '2026-11-17T00:00:00Z', end: '2026-11-18T00:00:00Z' } } },
      { a: { totalCost: 1, start: '2026-11-18T00:00:00Z', end: '2026-11-19T00:00:00Z' } },
    ]);
    expect([summary.start, summary.end]).toEqual(['2026-11-17T00:00:00Z', '2026-11-19T00:00:00Z']);
    expect(summary.days[1]?.start).toBe('2026-11-18T00:00:00Z');
  });
});

describe('kubecost-costs: money and shares', () => {
  it('shows tiny amounts as "less than" the smallest unit, and percentages to one decimal', () => {
    const usd = moneyFormat(undefined, 'en-US');
    expect(usd.currency).toBe('USD');
    expect([usd.format(0.004661), usd.format(0), usd.format(1234.5), usd.format(Number.NaN)]).toEqual(['< $0.01', '$0.00', '$1,234.50', '–']);
    const percent = percentFormat('en-US');
    expect([percent(0.4912), percent(0.0001), percent(undefined), percent(1.5)]).toEqual(['49.1%', '< 0.1%', '–', '150%']);
  });

  it('survives an unusable locale tag', () => {
    expect(moneyFormat('EUR', 'not a locale!').format(1)).toContain('1');
  });
});

describe('kubecost-costs: filters and attributes', () => {
  it('builds Kubecost v2 filters', () => {
    expect(costFilter({ namespace: 'payments' })).toBe('namespace:"payments"');
    expect(costFilter({ namespace: 'payments', deployment: 'api', label: 'team=core' }))
      .toBe('namespace:"payments"+controllerKind:"deployment"+controllerName:"api"+label[team]:"core"');
    expect(sanitizeLabelKey('app.kubernetes.io/name')).toBe('app_kubernetes_io_name');
  });

  it('validates attributes as Kubernetes names', () => {
    expect(isLabelPair('app.kubernetes.io/name=payments')).toBe(true);
    expect(isLabelPair('team=')).toBe(true);
    expect(isLabelPair('=x')).toBe(false);
    expect(isLabelPair('team=a"b')).toBe(false);
    expect(configProblem({ namespace: 'payments' })).toBeUndefined();
    expect(configProblem({ deployment: 'payments-api', window: 'lastweek', aggregate: 'controller', apiFlavor: 'opencost' })).toBeUndefined();
    expect(configProblem({ namespace: 'Payments' })).toContain('namespace');
  });

  it('names windows in words', () => {
    expect(['1d', '7d', '30d', '24h', 'lastweek'].map(windowLabel)).toEqual(['1 day', '7 days', '30 days', '24 hours', 'lastweek']);
  });
});
