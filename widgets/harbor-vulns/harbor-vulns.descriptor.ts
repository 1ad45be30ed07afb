import type { WidgetDescriptor } from '../kit/host.js';

/** What <harbor-vulns> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const harborVulnsDescriptor = {
  tag: 'harbor-vulns',
  system: 'harbor',
  title: 'Harbor vulnerabilities',
  cardName: 'EntityHarborVulnsCard',
  attributes: [
    { name: 'repository-slug', annotations: ['goharbor.io/repository-slug'], firstOfList: true },
    { name: 'instance', annotations: ['platform-widgets.io/harbor-instance'], firstOfList: true },
  ],
  requires: [['goharbor.io/repository-slug']],
  links: ['harbor/projects'],
  calls: {
    harbor: [
      {
        method: 'GET',
        path: '/api/v2.0/projects/{project}/repositories/{repository}/artifacts',
        query: ['with_tag', 'with_scan_overview', 'page', 'page_size', 'sort'],
      },
    ],
  },
} as const satisfies WidgetDescriptor;
