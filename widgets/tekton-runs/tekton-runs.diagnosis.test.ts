import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { pipelineRunSchema, type PipelineRun, type TaskRun } from './tekton-runs.api.js';
import './tekton-runs.js';
import type { TektonRuns } from './tekton-runs.component.js';
import { TEKTON_RULES } from './tekton-runs.diagnosis.js';
import { tektonHandlers } from './fixtures/handlers.js';
import { KUBERNETES_ID, NAMESPACE, failedRun, failedRunTaskRuns, succeededRun, timedOutRun, timedOutRunTaskRuns } from './fixtures/pipeline-runs.js';

const UI = 'https://tekton.example.com';
const DIR = '../../../shared/fixtures/upstream/tekton';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/tekton/*.json', { eager: true, import: 'default' });
const real = (file: string): PipelineRun | undefined => {
  const raw = upstream[`${DIR}/${file}`];
  return raw === undefined ? undefined : validate(pipelineRunSchema, raw);
};
if (!Object.keys(upstream).length) console.warn(`[diagnosis] ${UPSTREAM_DIR}/tekton not found: Tekton rules NOT checked against real responses.`);

const run = (runs: PipelineRun[], taskRuns: readonly TaskRun[] = []) => diagnose(TEKTON_RULES, { runs, taskRuns, ui: UI });
const withReason = (base: PipelineRun, reason: string, message: string): PipelineRun => ({
  ...base,
  status: { ...base.status, conditions: [{ type: 'Succeeded', status: 'False', reason, message }] },
});

describe(`tekton-runs diagnosis against ${UPSTREAM_DIR}/tekton`, () => {
  const failed = real('pipelinerun-v1-minimal-failed.json');
  it.skipIf(!failed)('run-failed: the real failed run without TaskRuns, with its condition message and run link', () => {
    const found = run([failed as PipelineRun]);
    expect(found.map((d) => [d.rule, d.subject, d.seen])).toEqual([
      ['run-failed', 'run build-deploy-run', 'Failed · Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 0'],
    ]);
    expect(found[0]?.link).toBe(`${UI}/#/namespaces/default/pipelineruns/build-deploy-run`);
  });

  it.skipIf(!failed)('pipeline-timeout and invalid-pipeline: the real Succeeded=False shape with those reasons', () => {
    const base = failed as PipelineRun;
    expect(run([withReason(base, 'PipelineRunTimeout', 'PipelineRun "build-deploy-run" failed to finish within "1h0m0s"')]).map((d) => d.rule)).toEqual(['pipeline-timeout']);
    expect(run([withReason(base, 'CouldntGetPipeline', 'Error retrieving pipeline for pipelinerun default/build-deploy-run')]).map((d) => d.rule)).toEqual(['invalid-pipeline']);
  });

  for (const file of ['pipelinerun-v1-minimal-succeeded.json', 'pipelinerun-v1-minimal-running.json', 'pipelinerun-v1-minimal-terminating-no-status.json']) {
    const object = real(file);
    it.skipIf(!object)(`${file}: no problem`, () => expect(run([object as PipelineRun])).toEqual([]));
  }
});

describe('tekton-runs diagnosis: TaskRun shapes (project fixtures)', () => {
  it('step-failed: the failing task and step with exit code and reason, linked to the step', () => {
    const found = run([failedRun, succeededRun], failedRunTaskRuns);
    expect(found.map((d) => [d.rule, d.subject, d.seen])).toEqual([
      ['step-failed', 'run checkout-ci-p4x7d: task unit-tests, step go-test', 'Failed · exit code 1 · "step-go-test" exited with code 1: Error'],
    ]);
    expect(found[0]?.link).toBe(`${UI}/#/namespaces/${NAMESPACE}/pipelineruns/checkout-ci-p4x7d?pipelineTask=unit-tests&step=go-test`);
  });

  it('step-failed: the step read from the message when status.steps is absent', () => {
    const taskRuns = failedRunTaskRuns.map((t) => ({ ...t, status: { ...t.status, steps: undefined } }));
    expect(run([failedRun], taskRuns)[0]?.subject).toBe('run checkout-ci-p4x7d: task unit-tests, step go-test');
  });

  it('task-timeout and pipeline-timeout: a run that ran out of time', () => {
    expect(run([timedOutRun], timedOutRunTaskRuns).map((d) => [d.rule, d.subject])).toEqual([
      ['task-timeout', 'run checkout-ci-w9b5f: task build-image, step build-and-push'],
      ['pipeline-timeout', 'run checkout-ci-w9b5f'],
    ]);
  });

  it('task-pod-failed: an image the task pod cannot pull', () => {
    const taskRuns = failedRunTaskRuns.map((t) => ({
      ...t,
      status: { ...t.status, steps: [], conditions: (t.status?.conditions ?? []).map((c) => c.status === 'False' ? { ...c, reason: 'TaskRunImagePullFailed', message: 'the step "go-test" in TaskRun failed to pull the image' } : c) },
    }));
    expect(run([failedRun], taskRuns).map((d) => d.rule)).toEqual(['task-pod-failed']);
  });
});

describe('tekton-runs: the Problems region in the card', () => {
  it('names the failing task and step with its fix, axe-clean in light and dark', async () => {
    useHandlers(...tektonHandlers({ scenario: 'mixed' }));
    const { element } = await mountWidget<TektonRuns>(
      html`<tekton-runs namespace=${NAMESPACE} kubernetes-id=${KUBERNETES_ID} refresh-interval="0"></tekton-runs>`,
      fakeHost(),
    );
    await waitForState(element, 'ready');
    const region = await expectProblems(element, KUBERNETES_ID, ['step-failed', 'task-timeout', 'pipeline-timeout']);
    expect(region.textContent).toContain('run checkout-ci-p4x7d: task unit-tests, step go-test');
  });
});
