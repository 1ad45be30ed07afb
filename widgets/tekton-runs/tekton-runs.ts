import { define, defineKitElements } from '../kit/index.js';
import { TektonRuns } from './tekton-runs.component.js';

export { TektonRuns };
defineKitElements();
define('tekton-runs', TektonRuns);

declare global {
  interface HTMLElementTagNameMap {
    'tekton-runs': TektonRuns;
  }
}
