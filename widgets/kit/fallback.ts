import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from './events.js';
import { externalLink } from './ui/external-link.js';
import { kitStyles } from './styles.js';
import { themeStyles } from './theme.js';
import { safeHref } from './urls.js';

/**
 * The degraded state: a deep link into the tool's own UI, the reason in one line, and a retry.
 *
 * @summary Deep link into a tool's UI with the reason the widget could not show its data.
 * @csspart degraded - The container.
 * @event pw-retry - The person asked to try again.
 */
export class PwDeepLink extends LitElement {
  static override styles = [themeStyles, kitStyles];

  /** The tool's URL for this resource (http/https only; anything else is dropped). */
  @property() href?: string;
  /** Tool name, e.g. "Argo CD". */
  @property() tool = '';
  /** What the link opens, e.g. the application name. */
  @property() target?: string;
  /** One-line reason. */
  @property() reason = '';
  /** Shows a retry button. */
  @property({ type: Boolean }) retryable = true;

  override render() {
    const href = safeHref(this.href);
    const what = this.target ? `${this.target} in ${this.tool}` : this.tool;
    return html`<div class="notice degraded" part="degraded">
      <p class="row">
        <span class="pill tone-warn"><span class="icon" aria-hidden="true">!</span>${this.reason}</span>
      </p>
      <p class="row">
        ${href
          ? externalLink(href, html`Open ${what}`)
          : html`<span class="muted">No link to ${this.tool} is configured.</span>`}
        ${this.retryable
          ? html`<button type="button" @click=${() => emit(this, 'pw-retry', {})}>Retry</button>`
          : nothing}
      </p>
    </div>`;
  }
}
