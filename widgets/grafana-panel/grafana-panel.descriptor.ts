import { describeWidget, FRAME_CHECK_QUERY, FRAMING_HEADERS } from '../kit/host.js';

/** What <grafana-panel> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const grafanaPanelDescriptor = describeWidget({
  tag: 'grafana-panel',
  system: 'grafana',
  title: 'Grafana',
  attributes: [
    { name: 'dashboard-uid', annotations: ['platform-widgets.io/grafana-dashboard-uid'] },
    { name: 'panel-id', annotations: ['platform-widgets.io/grafana-panel-id'] },
    { name: 'pattern', annotations: ['platform-widgets.io/grafana-pattern'] },
    { name: 'namespace', annotations: ['platform-widgets.io/grafana-namespace', 'backstage.io/kubernetes-namespace'] },
    { name: 'service', annotations: ['platform-widgets.io/grafana-service'] },
    { name: 'db-instance', annotations: ['platform-widgets.io/grafana-db-instance'] },
    { name: 'dashboard-url', annotations: ['grafana/overview-dashboard'] },
    { name: 'dashboard-selector', annotations: ['grafana/dashboard-selector'] },
  ],
  requires: [
    ['platform-widgets.io/grafana-dashboard-uid', 'grafana/overview-dashboard', 'grafana/dashboard-selector'],
  ],
  links: ['d/{dashboard-uid}', 'dashboards'],
  calls: {
    grafana: [
      { method: 'GET', path: '/api/search', query: ['type', 'tag'] },
      { method: 'GET', path: '/api/dashboards/uid/{uid}' },
      // The embedded panel's page, asked before it is framed: status and framing headers only.
      {
        method: 'GET',
        path: '/d-solo/{uid}',
        query: FRAME_CHECK_QUERY,
        responseHeaders: FRAMING_HEADERS,
      },
      {
        method: 'GET',
        path: '/d-solo/{uid}/{slug}',
        query: FRAME_CHECK_QUERY,
        responseHeaders: FRAMING_HEADERS,
      },
    ],
  },
});
