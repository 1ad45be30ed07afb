import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface ConfirmRequest {
  title: string;
  body: TemplateResult | string;
  confirmLabel: string;
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement ? element : undefined;
}

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

/** A modal confirmation (native <dialog>: focus trap, Escape to cancel). */
export class ConfirmController implements ReactiveController {
  private pending: Pending | undefined;
  /** Where focus goes back to when the dialog closes (it is removed, not closed, so the browser would not). */
  private opener: HTMLElement | undefined;
  private readonly host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  ask(request: ConfirmRequest): Promise<boolean> {
    this.pending?.resolve(false);
    this.opener = deepActiveElement();
    return new Promise((resolve) => {
      this.pending = { ...request, resolve };
      this.host.requestUpdate();
    });
  }

  hostUpdated(): void {
    const dialog = this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.pw-confirm');
    if (dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.close(false);
  }

  private close(confirmed: boolean): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(confirmed);
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = undefined;
    if (opener) void this.host.updateComplete.then(() => opener.isConnected && opener.focus());
  }

  render(): TemplateResult | typeof nothing {
    const pending = this.pending;
    if (!pending) return nothing;
    return html`<dialog class="pw-confirm" aria-labelledby="pw-confirm-title" @cancel=${(e: Event) => {
      e.preventDefault();
      this.close(false);
    }}>
      <h2 id="pw-confirm-title" class="title">${pending.title}</h2>
      <div class="stack"><p>${pending.body}</p></div>
      <div class="row">
        <button type="button" class="primary" @click=${() => this.close(true)}>${pending.confirmLabel}</button>
        <button type="button" autofocus @click=${() => this.close(false)}>Cancel</button>
      </div>
    </dialog>`;
  }
}
