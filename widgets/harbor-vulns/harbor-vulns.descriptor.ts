import { describeWidget } from '../kit/host.js';

/** What <harbor-vulns> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const harborVulnsDescriptor = describeWidget({
  tag: 'harbor-vulns',
  system: 'harbor',
  title: 'Harbor vulnerabilities',
  attributes: [
    { name: 'repository-slug', annotations: ['goharbor.io/repository-slug'], firstOfList: true },
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
      // The newest image's full report, read only when it has critical findings (the diagnosis names their fixes).
      { method: 'GET', path: '/api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}/additions/vulnerabilities' },
    ],
  },
});
