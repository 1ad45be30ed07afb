import { describeWidget } from '../kit/host.js';

/** What <kubecost-costs> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const kubecostCostsDescriptor = describeWidget({
  tag: 'kubecost-costs',
  system: 'kubecost',
  title: 'Cost',
  attributes: [
    { name: 'namespace', annotations: ['backstage.io/kubernetes-namespace'] },
    { name: 'deployment', annotations: ['kubecost.com/deployment-name'] },
    { name: 'api-flavor', annotations: ['platform-widgets.io/kubecost-api-flavor'] },
  ],
  requires: [['kubecost.com/deployment-name', 'backstage.io/kubernetes-namespace']],
  links: ['allocations'],
  calls: {
    kubecost: [
      { method: 'GET', path: '/model/allocation', query: ['window', 'aggregate', 'step', 'accumulate', 'filter'] },
      { method: 'GET', path: '/allocation/compute', query: ['window', 'aggregate', 'step', 'accumulate', 'filter'] },
    ],
  },
});
