import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { promotionSchema, stageStatusSchema, type Promotion, type Stage } from './kargo-stages.api.js';
import './kargo-stages.js';
import type { KargoStages } from './kargo-stages.component.js';
import { KARGO_RULES } from './kargo-stages.diagnosis.js';
import { kargoHandlers } from './fixtures/handlers.js';
import { PROJECT, healthyStages, unhealthyStages } from './fixtures/project.js';

const UI = 'https://kargo.example.com';
const DIR = '../../../shared/fixtures/upstream/kargo';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/kargo/*.json', { eager: true, import: 'default' });
const rawStatus = upstream[`${DIR}/stage-status-only-docs-example.json`];
const rawSpec = upstream[`${DIR}/promotion-spec-docs-example.json`];
if (rawStatus === undefined) console.warn(`[diagnosis] ${UPSTREAM_DIR}/kargo not found: Kargo rules NOT checked against real responses.`);

const run = (stages: Stage[], promotions?: Promotion[]) => diagnose(KARGO_RULES, { project: PROJECT, stages, promotions, ui: UI });
/** The documentation's Stage status, under a name (the example carries only `status`). */
const realStage = (): Stage => ({ ...validate(stageStatusSchema, rawStatus), metadata: { name: 'test', namespace: 'kargo-demo' } });

describe(`kargo-stages diagnosis against ${UPSTREAM_DIR}/kargo`, () => {
  it.skipIf(rawStatus === undefined)('the real stage (lastPromotion Succeeded, Healthy) has no problem', () => {
    expect(run([realStage()])).toEqual([]);
  });

  it.skipIf(rawStatus === undefined)('promotion-step-failed: the real lastPromotion shape, failed, names the step from its message', () => {
    const stage = realStage();
    const last = stage.status?.lastPromotion;
    if (last) last.status = { ...last.status, phase: 'Failed', message: 'step "git-push" failed: remote rejected (protected branch)' };
    const found = run([stage]);
    expect(found.map((d) => [d.rule, d.subject])).toEqual([['promotion-step-failed', 'stage test, step git-push']]);
    expect(found[0]?.seen).toBe('promotion test.01j2w7a15cxjjgejresfyw6ysp.666209f Failed: step "git-push" failed: remote rejected (protected branch)');
    expect(found[0]?.fixDetail).toContain('protected branch');
    expect(found[0]?.link).toBe(`${UI}/project/${PROJECT}/stage/test`);
  });

  it.skipIf(rawStatus === undefined || rawSpec === undefined)('promotion-step-failed: the real Promotion (spec) with step execution metadata: the failed step by index', () => {
    const stage = realStage();
    const spec = validate(promotionSchema, rawSpec);
    const promotion: Promotion = {
      ...spec,
      metadata: { name: stage.status?.lastPromotion?.name ?? '', namespace: 'kargo-demo' },
      spec: { ...spec.spec, steps: [{ uses: 'git-clone', as: 'clone' }, { uses: 'kustomize-set-image' }, { uses: 'argocd-update', as: 'sync' }] },
      status: {
        phase: 'Errored',
        currentStep: 2,
        message: 'step 2 failed',
        stepExecutionMetadata: [
          { alias: 'clone', status: 'Succeeded' },
          { alias: 'step-2', status: 'Succeeded' },
          { alias: 'sync', status: 'Errored', message: 'Argo CD Application argocd/kargo-demo-09-test is not authorized for stage test' },
        ],
      },
    };
    const [found] = run([stage], [promotion]);
    expect(found?.subject).toBe('stage test, step sync');
    expect(found?.seen).toContain('Errored: Argo CD Application argocd/kargo-demo-09-test is not authorized');
    expect(found?.fixDetail).toContain('kargo.akuity.io/authorized-stage');
  });
});

describe('kargo-stages diagnosis (project fixtures)', () => {
  it('stage-unhealthy and promotion-step-failed on the troubled project', () => {
    expect(run(unhealthyStages()).map((d) => [d.rule, d.subject])).toEqual([
      ['promotion-step-failed', 'stage prod, step argocd-update'],
      ['stage-unhealthy', 'stage prod'],
    ]);
  });

  it('a healthy project has no problem', () => {
    expect(run(healthyStages())).toEqual([]);
  });
});

describe('kargo-stages: the Problems region in the card', () => {
  it('shows the failed promotion step with its fix, axe-clean in light and dark', async () => {
    useHandlers(...kargoHandlers({ scenario: 'unhealthy' }));
    const { element } = await mountWidget<KargoStages>(html`<kargo-stages project=${PROJECT} refresh-interval="0"></kargo-stages>`, fakeHost());
    await waitForState(element, 'ready');
    const region = await expectProblems(element, PROJECT, ['promotion-step-failed', 'stage-unhealthy']);
    expect(region.textContent).toContain('timed out waiting for Application guestbook-prod');
  });
});
