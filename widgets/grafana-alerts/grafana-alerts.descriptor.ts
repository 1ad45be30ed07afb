import { describeWidget } from '../kit/host.js';

/** What <grafana-alerts> is: attributes and the annotations they mirror, deep links, upstream calls, actions. */
export const grafanaAlertsDescriptor = describeWidget({
  tag: 'grafana-alerts',
  system: 'grafana',
  title: 'Grafana alerts',
  attributes: [
    { name: 'label-selector', annotations: ['grafana/alert-label-selector'] },
  ],
  requires: [['grafana/alert-label-selector']],
  links: ['alerting/list'],
  calls: {
    grafana: [
      {
        method: 'GET',
        path: '/api/alertmanager/grafana/api/v2/alerts',
        query: ['filter', 'active', 'silenced', 'inhibited'],
      },
      { method: 'GET', path: '/api/alertmanager/grafana/api/v2/silences' },
      { method: 'GET', path: '/api/prometheus/grafana/api/v1/rules' },
    ],
  },
});
