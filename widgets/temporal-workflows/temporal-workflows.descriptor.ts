import { describeWidget } from '../kit/host.js';

/** What <temporal-workflows> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const temporalWorkflowsDescriptor = describeWidget({
  tag: 'temporal-workflows',
  system: 'temporal',
  title: 'Temporal',
  attributes: [
    { name: 'namespace', annotations: ['platform-widgets.io/temporal-namespace'] },
    { name: 'workflow-type', annotations: ['platform-widgets.io/temporal-workflow-type'] },
    { name: 'task-queue', annotations: ['platform-widgets.io/temporal-task-queue'] },
    { name: 'query', annotations: ['platform-widgets.io/temporal-query'] },
  ],
  requires: [['platform-widgets.io/temporal-namespace']],
  links: ['namespaces/{namespace}/workflows'],
  calls: {
    temporal: [
      { method: 'GET', path: '/api/v1/namespaces/{namespace}' },
      { method: 'GET', path: '/api/v1/namespaces/{namespace}/workflows', query: ['query', 'pageSize'] },
      { method: 'GET', path: '/api/v1/namespaces/{namespace}/workflow-count', query: ['query'] },
    ],
  },
});
