import { define, defineKitElements } from '../kit/index.js';
import { GrafanaAlerts } from './grafana-alerts.component.js';

export { GrafanaAlerts };
defineKitElements();
define('grafana-alerts', GrafanaAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'grafana-alerts': GrafanaAlerts;
  }
}
