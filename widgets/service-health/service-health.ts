import { define, defineKitElements } from '../kit/index.js';
import { ServiceHealth } from './service-health.component.js';

export { ServiceHealth };
defineKitElements();
define('service-health', ServiceHealth);

declare global {
  interface HTMLElementTagNameMap {
    'service-health': ServiceHealth;
  }
}
