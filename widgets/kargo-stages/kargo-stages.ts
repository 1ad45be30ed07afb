import { define, defineKitElements } from '../kit/index.js';
import { KargoStages } from './kargo-stages.component.js';

export { KargoStages };
defineKitElements();
define('kargo-stages', KargoStages);

declare global {
  interface HTMLElementTagNameMap {
    'kargo-stages': KargoStages;
  }
}
