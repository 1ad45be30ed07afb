import { describeWidget } from '../kit/host.js';

/** What <crossplane-status> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const crossplaneStatusDescriptor = describeWidget({
  tag: 'crossplane-status',
  system: 'crossplane',
  title: 'Crossplane',
  attributes: [
    { name: 'group', annotations: ['terasky.backstage.io/claim-group', 'terasky.backstage.io/composite-group'] },
    { name: 'version', annotations: ['terasky.backstage.io/claim-version', 'terasky.backstage.io/composite-version'] },
    { name: 'plural', annotations: ['terasky.backstage.io/claim-plural', 'terasky.backstage.io/composite-plural'] },
    { name: 'name', annotations: ['terasky.backstage.io/claim-name', 'terasky.backstage.io/composite-name'] },
    {
      name: 'namespace',
      annotations: ['terasky.backstage.io/claim-namespace', 'terasky.backstage.io/composite-namespace'],
    },
    { name: 'cluster', annotations: ['backstage.io/kubernetes-cluster'] },
  ],
  requires: [
    ['terasky.backstage.io/claim-name', 'terasky.backstage.io/composite-name'],
    ['terasky.backstage.io/claim-plural', 'terasky.backstage.io/composite-plural'],
    ['terasky.backstage.io/claim-group', 'terasky.backstage.io/composite-group'],
    ['terasky.backstage.io/claim-version', 'terasky.backstage.io/composite-version'],
  ],
  calls: {
    crossplane: [
      { method: 'GET', path: '/apis/{group}/{version}' },
      { method: 'GET', path: '/api/{version}' },
      { method: 'GET', path: '/apis/{group}/{version}/{plural}/{name}' },
      { method: 'GET', path: '/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}' },
      { method: 'GET', path: '/api/{version}/{plural}/{name}' },
      { method: 'GET', path: '/api/{version}/namespaces/{namespace}/{plural}/{name}' },
    ],
  },
});
