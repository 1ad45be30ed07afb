import { define, defineKitElements } from '../kit/index.js';
import { CrossplaneStatus } from './crossplane-status.component.js';

export { CrossplaneStatus };
defineKitElements();
define('crossplane-status', CrossplaneStatus);

declare global {
  interface HTMLElementTagNameMap {
    'crossplane-status': CrossplaneStatus;
  }
}
