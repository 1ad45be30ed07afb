import { describeWidget } from '../kit/host.js';

/** What <k8s-pods> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const k8sPodsDescriptor = describeWidget({
  tag: 'k8s-pods',
  system: 'kubernetes',
  title: 'Kubernetes pods',
  attributes: [
    { name: 'kubernetes-id', annotations: ['backstage.io/kubernetes-id'] },
    { name: 'namespace', annotations: ['backstage.io/kubernetes-namespace'] },
    { name: 'label-selector', annotations: ['backstage.io/kubernetes-label-selector'] },
    { name: 'cluster', annotations: ['backstage.io/kubernetes-cluster'] },
  ],
  requires: [
    ['backstage.io/kubernetes-namespace'],
    ['backstage.io/kubernetes-id', 'backstage.io/kubernetes-label-selector'],
  ],
  calls: {
    kubernetes: [
      { method: 'GET', path: '/api/v1/namespaces/{namespace}/pods', query: ['labelSelector'] },
      { method: 'GET', path: '/apis/apps/v1/namespaces/{namespace}/deployments', query: ['labelSelector'] },
      { method: 'GET', path: '/api/v1/namespaces/{namespace}/events', query: [] },
      { method: 'GET', path: '/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods', query: ['labelSelector'] },
      {
        method: 'GET',
        path: '/api/v1/namespaces/{namespace}/pods/{pod}/log',
        query: ['container', 'tailLines', 'previous'],
        action: 'kubernetes.pods.logs',
        resource: { path: 'namespace' },
      },
    ],
  },
  actions: ['kubernetes.pods.logs'],
});
