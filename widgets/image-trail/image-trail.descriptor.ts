import { describeWidget } from '../kit/host.js';

/** What <image-trail> is: attributes and the annotations they mirror, deep links, upstream calls (reads only, across four tools). */
export const imageTrailDescriptor = describeWidget({
  tag: 'image-trail',
  system: 'harbor',
  title: 'Image trail',
  attributes: [
    { name: 'repository-slug', annotations: ['goharbor.io/repository-slug'], firstOfList: true },
    { name: 'tag', annotations: ['platform-widgets.io/image-tag'] },
    { name: 'digest', annotations: ['platform-widgets.io/image-digest'] },
    { name: 'kargo-project', annotations: ['platform-widgets.io/kargo-project'] },
    { name: 'app-name', annotations: ['argocd/app-name'] },
    { name: 'app-selector', annotations: ['argocd/app-selector'] },
    { name: 'namespace', annotations: ['backstage.io/kubernetes-namespace'] },
    { name: 'kubernetes-id', annotations: ['backstage.io/kubernetes-id'] },
    { name: 'label-selector', annotations: ['backstage.io/kubernetes-label-selector'] },
    { name: 'cluster', annotations: ['backstage.io/kubernetes-cluster'] },
  ],
  // The trail reads each tool's default endpoint.
  instanceAnnotations: false,
  requires: [['platform-widgets.io/image-digest', 'platform-widgets.io/image-tag']],
  links: ['harbor/projects'],
  calls: {
    harbor: [
      // One artifact by tag or digest: the tag is resolved to the digest the trail follows.
      { method: 'GET', path: '/api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}', query: ['with_tag', 'with_scan_overview'] },
    ],
    kargo: [
      { method: 'POST', path: '/akuity.io.kargo.service.v1alpha1.KargoService/ListStages' },
      { method: 'POST', path: '/akuity.io.kargo.service.v1alpha1.KargoService/QueryFreight' },
      { method: 'POST', path: '/akuity.io.kargo.service.v1alpha1.KargoService/ListPromotions' },
    ],
    argocd: [
      { method: 'GET', path: '/api/v1/applications/{name}', query: ['appNamespace', 'project'] },
      { method: 'GET', path: '/api/v1/applications', query: ['selector', 'projects', 'appNamespace'] },
    ],
    kubernetes: [{ method: 'GET', path: '/api/v1/namespaces/{namespace}/pods', query: ['labelSelector'] }],
  },
});
