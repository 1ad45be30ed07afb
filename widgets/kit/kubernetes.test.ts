import { describe, expect, it } from 'vitest';
import { dashboardLink, workloadSelectionProblem, workloadSelector } from './kubernetes.js';

/** What a workload widget's descriptor says of these attributes (as <k8s-pods>' does). */
const WORKLOAD = {
  attributes: [
    { name: 'namespace', annotations: ['backstage.io/kubernetes-namespace'] },
    { name: 'kubernetes-id', annotations: ['backstage.io/kubernetes-id'] },
    { name: 'label-selector', annotations: ['backstage.io/kubernetes-label-selector'] },
  ],
  requires: [['backstage.io/kubernetes-namespace'], ['backstage.io/kubernetes-id', 'backstage.io/kubernetes-label-selector']],
};

describe('kit: dashboard links (Headlamp routes)', () => {
  const ui = 'https://headlamp.example.com/dash';

  it('built-in kinds have their own pages; custom resources go under customresources', () => {
    expect(dashboardLink(ui, 'prod', { group: '', plural: 'pods', namespace: 'shop', name: 'web-1' })).toBe(`${ui}/c/prod/pods/shop/web-1`);
    expect(dashboardLink(ui, 'prod', { group: 'apps', plural: 'deployments', namespace: 'shop', name: 'web' })).toBe(`${ui}/c/prod/deployments/shop/web`);
    expect(dashboardLink(ui, 'prod', { group: 'example.org', plural: 'databases', name: 'db' })).toBe(`${ui}/c/prod/customresources/databases.example.org/db`);
  });

  it('a list page takes a query; an empty cluster is the default one', () => {
    expect(dashboardLink(ui, '', { group: '', plural: 'pods' }, { namespace: 'shop' })).toBe(`${ui}/c/main/pods?namespace=shop`);
  });

  it('encodes every segment and refuses non-http(s) bases', () => {
    expect(dashboardLink(ui, 'a/b', { group: '', plural: 'pods', namespace: '../..', name: '<x>' })).toBe(`${ui}/c/a%2Fb/pods/..%2F../%3Cx%3E`);
    expect(dashboardLink('javascript:alert(1)', 'prod', { group: '', plural: 'pods' })).toBeUndefined();
    expect(dashboardLink(undefined, 'prod', { group: '', plural: 'pods' })).toBeUndefined();
  });
});

describe('kit: workload selection (label-selector or kubernetes-id)', () => {
  it('label-selector wins over kubernetes-id, which selects backstage.io/kubernetes-id=<id>', () => {
    expect(workloadSelector({ kubernetesId: 'guestbook' })).toBe('backstage.io/kubernetes-id=guestbook');
    expect(workloadSelector({ kubernetesId: 'guestbook', labelSelector: ' app=web,tier in (a,b) ' })).toBe('app=web,tier in (a,b)');
    expect(workloadSelector({})).toBeUndefined();
  });

  it('is undefined when the one that counts is not a valid selector', () => {
    expect(workloadSelector({ labelSelector: 'app=<web>' })).toBeUndefined();
    expect(workloadSelector({ labelSelector: 'app=<web>', kubernetesId: 'guestbook' })).toBeUndefined();
    expect(workloadSelector({ kubernetesId: 'guest book?' })).toBeUndefined();
  });

  it('names every missing attribute with its annotation', () => {
    expect(workloadSelectionProblem({}, WORKLOAD)).toBe(
      'Set namespace (annotation backstage.io/kubernetes-namespace) and kubernetes-id (annotation backstage.io/kubernetes-id) or label-selector (annotation backstage.io/kubernetes-label-selector).',
    );
    expect(workloadSelectionProblem({ kubernetesId: 'guestbook' }, WORKLOAD)).toBe('Set namespace (annotation backstage.io/kubernetes-namespace).');
    expect(workloadSelectionProblem({ namespace: 'shop' }, WORKLOAD)).toBe(
      'Set kubernetes-id (annotation backstage.io/kubernetes-id) or label-selector (annotation backstage.io/kubernetes-label-selector).',
    );
  });

  it('says which value is invalid, and nothing when the selection is complete', () => {
    expect(workloadSelectionProblem({ namespace: 'shop', labelSelector: 'app=<web>', kubernetesId: 'guestbook' }, WORKLOAD)).toBe(
      'label-selector is not a valid label selector (annotation backstage.io/kubernetes-label-selector).',
    );
    expect(workloadSelectionProblem({ namespace: 'shop', kubernetesId: 'guest book?' }, WORKLOAD)).toBe('kubernetes-id is not a valid label value (annotation backstage.io/kubernetes-id).');
    expect(workloadSelectionProblem({ namespace: 'shop', kubernetesId: 'guestbook' }, WORKLOAD)).toBeUndefined();
    expect(workloadSelectionProblem({ namespace: 'shop', labelSelector: 'app=web' }, WORKLOAD)).toBeUndefined();
  });
});
