import { HttpResponse, http } from 'msw';
import { html } from 'lit';
import { expect } from 'vitest';
import { conformance } from '../kit/testing/conformance.js';
import { fakeHost } from '../kit/testing/fake-host.js';
import { mountWidget, shadow, visibleText, waitForState } from '../kit/testing/mount.js';
import { useHandlers } from '../kit/testing/msw.js';
import { deploymentSchema, podSchema, type Deployment, type Pod } from './k8s-pods.api.js';
import { toDeploymentView } from './k8s-pods.deployments.js';
import { findProblems, type ProblemKind } from './k8s-pods.problems.js';
import { podStatus, podStatusLabel, type PodStatus } from './k8s-pods.status.js';
import './k8s-pods.js';
import type { K8sPods } from './k8s-pods.component.js';

/** What each real object must show: its status, and the problems found in it. */
const EXPECTED_PODS: Record<string, { status: PodStatus; problems: ProblemKind[]; reason?: string }> = {
  'pod-healthy.json': { status: 'running', problems: [] },
  'pod-crashloopbackoff.json': { status: 'crash-looping', problems: ['CrashLoopBackOff'] },
  'pod-backstage-crashloop-sidecars.json': { status: 'crash-looping', problems: ['CrashLoopBackOff'] },
  'pod-crashloop-pending.json': { status: 'pending', problems: [], reason: 'Init:Error' },
  'pod-pending.json': { status: 'pending', problems: [], reason: 'PodInitializing' },
  'pod-container-creating.json': { status: 'pending', problems: [], reason: 'ContainerCreating' },
  'pod-imagepullbackoff.json': { status: 'pending', problems: ['ImagePullBackOff'], reason: 'ImagePullBackOff' },
  'pod-backstage-pending-createcontainerconfigerror.json': { status: 'pending', problems: ['CreateContainerConfigError'], reason: 'CreateContainerConfigError' },
  'pod-oomkilled-unhealthy.json': { status: 'running', problems: ['OOMKilled'], reason: 'OOMKilled' },
  'pod-succeeded.json': { status: 'succeeded', problems: [] },
  'pod-evicted.json': { status: 'failed', problems: [], reason: 'Evicted' },
};

const EXPECTED_DEPLOYMENTS: Record<string, { label: string; problems: ProblemKind[] }> = {
  'deployment-healthy.json': { label: 'Available', problems: [] },
  // Its Available condition says "false" in lower case: still read as False.
  'deployment-degraded.json': { label: 'Rolling out', problems: [] },
  'deployment-progressing.json': { label: 'Rolling out', problems: [] },
  'deployment-rollout-failed.json': { label: 'Rolling out', problems: [] },
  'deployment-progress-deadline-exceeded.json': { label: 'Rollout stalled', problems: ['ProgressDeadlineExceeded'] },
};

const fileName = (file: string) => file.split('/').at(-1) ?? file;

/** Serves one object as the only item of its list (the API server's list answer), the rest empty. */
function serve(pods: Pod[], deployments: Deployment[]): void {
  const list = (items: unknown[]) => HttpResponse.json({ kind: 'List', apiVersion: 'v1', metadata: {}, items });
  useHandlers(
    http.get('/proxy/kubernetes/api/v1/namespaces/:ns/pods', () => list(pods)),
    http.get('/proxy/kubernetes/apis/apps/v1/namespaces/:ns/deployments', () => list(deployments)),
    http.get('/proxy/kubernetes/api/v1/namespaces/:ns/events', () => list([])),
    http.get('/proxy/kubernetes/apis/metrics.k8s.io/v1beta1/namespaces/:ns/pods', () => list([])),
  );
}

async function mount(namespace: string): Promise<K8sPods> {
  const { element } = await mountWidget<K8sPods>(
    html`<k8s-pods namespace=${namespace} kubernetes-id="app" refresh-interval="0"></k8s-pods>`,
    fakeHost(),
  );
  return element;
}

conformance({
  system: 'kubernetes',
  files: import.meta.glob('../../../shared/fixtures/upstream/kubernetes/pod-*.json', { eager: true, import: 'default' }),
  schema: podSchema,
  check: async (pod, _raw, file) => {
    const expected = EXPECTED_PODS[fileName(file)];
    expect(expected, `expectations for ${fileName(file)}`).toBeDefined();
    if (!expected) return;
    expect(podStatus(pod)).toBe(expected.status);
    expect(findProblems([pod], []).map((p) => p.kind)).toEqual(expected.problems);
    serve([pod], []);
    const element = await mount(pod.metadata.namespace ?? 'default');
    await waitForState(element, 'ready');
    const row = shadow(element).querySelector('[role="row"][data-pod]');
    const shown = visibleText(row ?? element);
    expect(shown).toContain(pod.metadata.name);
    expect(shown).toContain(podStatusLabel(expected.status));
    if (expected.reason) expect(shown).toContain(expected.reason);
    const problems = [...shadow(element).querySelectorAll<HTMLElement>('[data-problem]')].map((p) => p.dataset.problem);
    expect(problems).toEqual(expected.problems);
  },
});

conformance({
  system: 'kubernetes',
  files: import.meta.glob('../../../shared/fixtures/upstream/kubernetes/deployment-*.json', { eager: true, import: 'default' }),
  schema: deploymentSchema,
  check: async (deployment, _raw, file) => {
    const expected = EXPECTED_DEPLOYMENTS[fileName(file)];
    expect(expected, `expectations for ${fileName(file)}`).toBeDefined();
    if (!expected) return;
    const view = toDeploymentView(deployment);
    expect(view.label).toBe(expected.label);
    expect(findProblems([], [deployment]).map((p) => p.kind)).toEqual(expected.problems);
    // No pods: the empty state still shows the deployment.
    serve([], [deployment]);
    const element = await mount(deployment.metadata.namespace ?? 'default');
    await waitForState(element, 'empty');
    const row = shadow(element).querySelector<HTMLTableRowElement>(`tr[data-deployment="${deployment.metadata.name}"]`);
    expect(visibleText(row ?? element)).toContain(expected.label);
    expect(row?.cells[2]?.textContent?.trim()).toBe(String(deployment.spec?.replicas ?? 0));
  },
});
