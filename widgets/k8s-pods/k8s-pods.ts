import { define, defineKitElements } from '../kit/index.js';
import { K8sPods } from './k8s-pods.component.js';

export { K8sPods };
defineKitElements();
define('k8s-pods', K8sPods);

declare global {
  interface HTMLElementTagNameMap {
    'k8s-pods': K8sPods;
  }
}
