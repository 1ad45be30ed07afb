import { define, defineKitElements } from '../kit/index.js';
import { KubecostCosts } from './kubecost-costs.component.js';

export { KubecostCosts };
defineKitElements();
define('kubecost-costs', KubecostCosts);

declare global {
  interface HTMLElementTagNameMap {
    'kubecost-costs': KubecostCosts;
  }
}
