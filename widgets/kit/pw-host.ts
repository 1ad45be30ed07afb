import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { hostContext, type Endpoint, type PlatformHost } from './host.js';

/**
 * Gives every widget inside it the host contract, for pages without Backstage.
 * Endpoints come from the `endpoints` attribute (JSON) or the `.config` property;
 * functions (token, decide, fetch) only ever through `.config`.
 *
 * @summary Provides endpoints, token and permission decisions to the widgets inside it.
 * @attr endpoints - JSON: `{"argocd": {"api": "/api/proxy/argocd", "ui": "https://argocd.example.com"}}`.
 * @slot - Widgets.
 */
export class PwHost extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The whole host contract (takes precedence over the attributes). */
  @property({ attribute: false }) config?: PlatformHost;
  @property({ type: Object }) endpoints?: Record<string, Endpoint>;
  @property() theme?: 'light' | 'dark';
  @property() locale?: string;

  private readonly provider = new ContextProvider(this, { context: hostContext });

  override willUpdate(): void {
    const base: PlatformHost = this.config ?? { endpoints: {} };
    this.provider.setValue({
      ...base,
      endpoints: { ...(this.endpoints ?? {}), ...base.endpoints },
      theme: base.theme ?? this.theme,
      locale: base.locale ?? this.locale,
    });
  }


  override render() {
    return html`<slot></slot>`;
  }
}
