import { describe, expect, it } from 'vitest';
import type { Freight, Stage } from './kargo-stages.api.js';
import { availableFreight, pipelineOrder, promotionPhase, shortId } from './kargo-stages.pipeline.js';

function stage(name: string, sources: { direct?: boolean; stages?: string[] }, warehouse = 'wh'): Stage {
  return { metadata: { name }, spec: { requestedFreight: [{ origin: { kind: 'Warehouse', name: warehouse }, sources }] } };
}

const names = (stages: Stage[]) => pipelineOrder(stages).map((step) => `${step.kind === 'warehouse' ? 'W:' : ''}${step.name}`);

describe('kargo-stages: pipeline order', () => {
  it('puts warehouses first, then stages after everything that feeds them (fan-out and fan-in)', () => {
    const stages = [
      stage('prod', { stages: ['uat-eu', 'uat-us'] }),
      stage('uat-us', { stages: ['test'] }),
      stage('test', { direct: true }),
      stage('uat-eu', { stages: ['test'] }),
      stage('hotfix', { direct: true }, 'hotfixes'),
    ];
    expect(names(stages)).toEqual(['W:hotfixes', 'W:wh', 'hotfix', 'test', 'uat-eu', 'uat-us', 'prod']);
    const prod = pipelineOrder(stages).at(-1);
    expect(prod?.kind === 'stage' && prod.from).toEqual(['uat-eu', 'uat-us']);
  });

  it('still lists every stage when they form a cycle or name an unknown upstream', () => {
    expect(names([stage('b', { stages: ['a'] }), stage('a', { stages: ['b'] }), stage('c', { stages: ['gone'] })])).toEqual(['c', 'a', 'b']);
  });
});

describe('kargo-stages: available freight', () => {
  const freight = (name: string, created: string, status: Freight['status'] = {}, warehouse = 'wh'): Freight => ({
    metadata: { name, creationTimestamp: created },
    origin: { kind: 'Warehouse', name: warehouse },
    status,
  });
  const all = [
    freight('old', '2024-01-01T00:00:00Z', { verifiedIn: { test: {} } }),
    freight('new', '2024-03-01T00:00:00Z'),
    freight('approved', '2024-02-01T00:00:00Z', { approvedFor: { uat: {} } }),
    freight('other-warehouse', '2024-04-01T00:00:00Z', {}, 'elsewhere'),
  ];

  it('a direct stage takes its own warehouse\'s freight, newest first, minus the current one', () => {
    const test: Stage = { ...stage('test', { direct: true }), status: { freightHistory: [{ items: { 'Warehouse/wh': { name: 'approved' } } }] } };
    expect(availableFreight(test, all).map((f) => f.metadata.name)).toEqual(['new', 'old']);
  });

  it('a downstream stage takes freight verified upstream or approved for it', () => {
    expect(availableFreight(stage('uat', { stages: ['test'] }), all).map((f) => f.metadata.name)).toEqual(['approved', 'old']);
  });
});

describe('kargo-stages: small facts', () => {
  it('shortens 40-hex ids only', () => {
    expect(shortId('961cfaedbc53aacdb65110028839a2c1c281290d')).toBe('961cfae');
    expect(shortId('v1.2.3')).toBe('v1.2.3');
    expect(shortId(undefined)).toBe('–');
  });

  it('takes a promotion\'s phase from the list, else from the stage\'s lastPromotion', () => {
    const withLast: Stage = { metadata: { name: 'test' }, status: { lastPromotion: { name: 'p1', status: { phase: 'Failed', message: 'boom' } } } };
    expect(promotionPhase('p1', withLast, [{ metadata: { name: 'p1' }, status: { phase: 'Running' } }])).toEqual({ phase: 'Running', message: undefined });
    expect(promotionPhase('p1', withLast, undefined)).toEqual({ phase: 'Failed', message: 'boom' });
    expect(promotionPhase('p2', withLast, [])).toEqual({});
  });
});
