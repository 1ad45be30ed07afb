import { define } from './define.js';
import { PwDeepLink } from './fallback.js';
import { PwHost } from './pw-host.js';

/** Defines the kit's own elements (once); every widget's define file calls this. */
export function defineKitElements(): void {
  define('pw-deep-link', PwDeepLink);
  define('pw-host', PwHost);
}

declare global {
  interface HTMLElementTagNameMap {
    'pw-deep-link': PwDeepLink;
    'pw-host': PwHost;
  }
}
