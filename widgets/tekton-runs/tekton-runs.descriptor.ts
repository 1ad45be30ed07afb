import { describeWidget } from '../kit/host.js';

/** What <tekton-runs> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const tektonRunsDescriptor = describeWidget({
  tag: 'tekton-runs',
  system: 'tekton',
  title: 'Tekton pipeline runs',
  attributes: [
    { name: 'namespace', annotations: ['backstage.io/kubernetes-namespace'] },
    { name: 'kubernetes-id', annotations: ['backstage.io/kubernetes-id'] },
    { name: 'label-selector', annotations: ['backstage.io/kubernetes-label-selector'] },
  ],
  requires: [
    ['tekton.dev/cicd'],
    ['backstage.io/kubernetes-namespace'],
    ['backstage.io/kubernetes-id', 'backstage.io/kubernetes-label-selector'],
  ],
  calls: {
    tekton: [
      { method: 'GET', path: '/apis/tekton.dev/v1/namespaces/{namespace}/pipelineruns', query: ['labelSelector'] },
      { method: 'GET', path: '/apis/tekton.dev/v1/namespaces/{namespace}/taskruns', query: ['labelSelector'] },
    ],
  },
});
