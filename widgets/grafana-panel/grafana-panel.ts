import { define, defineKitElements } from '../kit/index.js';
import { GrafanaPanel } from './grafana-panel.component.js';

export { GrafanaPanel };
defineKitElements();
define('grafana-panel', GrafanaPanel);

declare global {
  interface HTMLElementTagNameMap {
    'grafana-panel': GrafanaPanel;
  }
}
