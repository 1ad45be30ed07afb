import { define, defineKitElements } from '../kit/index.js';
import { TemporalWorkflows } from './temporal-workflows.component.js';

export { TemporalWorkflows };
defineKitElements();
define('temporal-workflows', TemporalWorkflows);

declare global {
  interface HTMLElementTagNameMap {
    'temporal-workflows': TemporalWorkflows;
  }
}
