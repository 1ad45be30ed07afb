import type { WidgetDescriptor } from '../kit/host.js';

/** What <k8s-pods> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const k8sPodsDescriptor = {
  tag: 'k8s-pods',
  system: 'kubernetes',
  title: 'Kubernetes pods',
  cardName: 'EntityK8sPodsCard',
  attributes: [
    { name: 'kubernetes-id', annotations: ['backstage.io/kubernetes-id'] },
    { name: 'namespace', annotations: ['backstage.io/kubernetes-namespace'] },
    { name: 'label-selector', annotations: ['backstage.io/kubernetes-label-selector'] },
    { name: 'cluster', annotations: ['backstage.io/kubernetes-cluster'] },
    { name: 'instance', annotations: ['platform-widgets.io/kubernetes-instance'], firstOfList: true },
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
} as const satisfies WidgetDescriptor;
