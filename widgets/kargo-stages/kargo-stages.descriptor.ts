import { describeWidget } from '../kit/host.js';

/** What <kargo-stages> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const kargoStagesDescriptor = describeWidget({
  tag: 'kargo-stages',
  system: 'kargo',
  title: 'Kargo',
  attributes: [
    { name: 'project', annotations: ['platform-widgets.io/kargo-project'] },
    { name: 'stage', annotations: ['platform-widgets.io/kargo-stage'] },
    { name: 'api-flavor', annotations: ['platform-widgets.io/kargo-api-flavor'] },
  ],
  requires: [['platform-widgets.io/kargo-project']],
  links: ['project/{project}'],
  calls: {
    kargo: [
      { method: 'POST', path: '/akuity.io.kargo.service.v1alpha1.KargoService/ListStages' },
      { method: 'POST', path: '/akuity.io.kargo.service.v1alpha1.KargoService/QueryFreight' },
      { method: 'POST', path: '/akuity.io.kargo.service.v1alpha1.KargoService/ListPromotions' },
      {
        method: 'POST',
        path: '/akuity.io.kargo.service.v1alpha1.KargoService/PromoteToStage',
        action: 'kargo.stage.promote',
        resource: { body: 'project' },
      },
      { method: 'GET', path: '/apis/kargo.akuity.io/v1alpha1/namespaces/{project}/stages' },
      { method: 'GET', path: '/apis/kargo.akuity.io/v1alpha1/namespaces/{project}/freights' },
      { method: 'GET', path: '/apis/kargo.akuity.io/v1alpha1/namespaces/{project}/promotions' },
      {
        method: 'POST',
        path: '/apis/kargo.akuity.io/v1alpha1/namespaces/{project}/promotions',
        action: 'kargo.stage.promote',
        resource: { path: 'project' },
      },
    ],
  },
  actions: ['kargo.stage.promote'],
});
