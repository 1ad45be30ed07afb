import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { diagnose, validate } from '../kit/index.js';
import { UPSTREAM_DIR } from '../kit/testing/conformance.js';
import { expectProblems } from '../kit/testing/diagnosis.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { deploymentSchema, podSchema } from './k8s-pods.api.js';
import './k8s-pods.js';
import type { K8sPods } from './k8s-pods.component.js';
import { K8S_RULES } from './k8s-pods.diagnosis.js';
import { findProblems } from './k8s-pods.problems.js';
import { KUBERNETES_ID, NAMESPACE } from './fixtures/pods.js';
import { k8sHandlers } from './fixtures/handlers.js';

const DIR = '../../../shared/fixtures/upstream/kubernetes';
const upstream = import.meta.glob('../../../shared/fixtures/upstream/kubernetes/*.json', { eager: true, import: 'default' });
if (!Object.keys(upstream).length) console.warn(`[diagnosis] ${UPSTREAM_DIR}/kubernetes not found: Kubernetes rules NOT checked against real responses.`);
const link = (subject: string) => `https://headlamp.example.com/${encodeURIComponent(subject)}`;

describe(`k8s-pods diagnosis against ${UPSTREAM_DIR}/kubernetes`, () => {
  const cases: Array<[string, string[]]> = [
    ['pod-crashloopbackoff.json', ['CrashLoopBackOff']],
    ['pod-imagepullbackoff.json', ['ImagePullBackOff']],
    ['pod-backstage-pending-createcontainerconfigerror.json', ['CreateContainerConfigError']],
    ['pod-oomkilled-unhealthy.json', ['OOMKilled']],
    ['pod-healthy.json', []],
    ['deployment-progress-deadline-exceeded.json', ['ProgressDeadlineExceeded']],
  ];
  for (const [file, expected] of cases) {
    const raw = upstream[`${DIR}/${file}`];
    it.skipIf(raw === undefined)(`${file} → ${expected.join(', ') || 'no problem'}`, () => {
      const problems = file.startsWith('deployment-') ? findProblems([], [validate(deploymentSchema, raw)]) : findProblems([validate(podSchema, raw)], []);
      const found = diagnose(K8S_RULES, { problems, link });
      expect(found.map((d) => d.rule)).toEqual(expected);
      for (const d of found) expect(d.link).toMatch(/^https:\/\/headlamp\.example\.com\//);
    });
  }
});

describe('k8s-pods: the Problems region through the kit', () => {
  it('every problem with why, fix and a link to the pod or deployment, axe-clean in light and dark', async () => {
    useHandlers(...k8sHandlers({ scenario: 'problems' }));
    const { element } = await mountWidget<K8sPods>(html`<k8s-pods namespace=${NAMESPACE} kubernetes-id=${KUBERNETES_ID} refresh-interval="0"></k8s-pods>`, fakeHost());
    await waitForState(element, 'ready');
    await expectProblems(element, KUBERNETES_ID, ['CrashLoopBackOff', 'ImagePullBackOff', 'CreateContainerConfigError', 'OOMKilled', 'ProgressDeadlineExceeded', 'Unschedulable']);
  });
});
