import { describeWidget } from '../kit/host.js';

/** What <argo-status> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const argoStatusDescriptor = describeWidget({
  tag: 'argo-status',
  system: 'argocd',
  title: 'Argo CD',
  attributes: [
    { name: 'app-name', annotations: ['argocd/app-name'] },
    { name: 'app-selector', annotations: ['argocd/app-selector'] },
    { name: 'project', annotations: ['argocd/project-name'] },
    { name: 'app-namespace', annotations: ['argocd/app-namespace'] },
  ],
  // The Backstage Argo CD plugin's own annotation comes first.
  instanceAnnotations: ['argocd/instance-name'],
  requires: [['argocd/app-name', 'argocd/app-selector']],
  links: ['applications/{app-namespace?}/{app-name}', 'applications'],
  calls: {
    argocd: [
      {
        method: 'GET',
        path: '/api/v1/applications/{name}',
        query: ['appNamespace', 'project', 'refresh'],
        action: 'argocd.application.refresh',
        resource: { path: 'name' },
        when: { query: 'refresh' },
      },
      { method: 'GET', path: '/api/v1/applications/{name}', query: ['appNamespace', 'project'] },
      { method: 'GET', path: '/api/v1/applications', query: ['selector', 'projects', 'appNamespace', 'fields'] },
      {
        method: 'GET',
        path: '/api/v1/applications/{name}/revisions/{revision}/metadata',
        query: ['appNamespace', 'project', 'sourceIndex', 'versionId'],
      },
      {
        method: 'GET',
        path: '/api/v1/applications/{name}/managed-resources',
        query: ['appNamespace', 'project', 'name', 'namespace', 'kind', 'group', 'version'],
      },
      {
        method: 'POST',
        path: '/api/v1/applications/{name}/sync',
        action: 'argocd.application.sync',
        resource: { path: 'name' },
      },
    ],
  },
  actions: ['argocd.application.refresh', 'argocd.application.sync'],
});
