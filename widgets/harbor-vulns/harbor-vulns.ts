import { define, defineKitElements } from '../kit/index.js';
import { HarborVulns } from './harbor-vulns.component.js';

export { HarborVulns };
defineKitElements();
define('harbor-vulns', HarborVulns);

declare global {
  interface HTMLElementTagNameMap {
    'harbor-vulns': HarborVulns;
  }
}
