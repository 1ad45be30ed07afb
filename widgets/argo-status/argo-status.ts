import { define, defineKitElements } from '../kit/index.js';
import { ArgoStatus } from './argo-status.component.js';

export { ArgoStatus };
defineKitElements();
define('argo-status', ArgoStatus);

declare global {
  interface HTMLElementTagNameMap {
    'argo-status': ArgoStatus;
  }
}
