import { html, type TemplateResult } from 'lit';
import type { Decision } from '../host.js';

export type ActionDecision = Decision | 'pending';

export interface ActionButtonOptions {
  id: string;
  label: string;
  decision: ActionDecision;
  busy?: boolean;
  busyLabel?: string;
  /** Why it is denied, shown beside the button and read out with it. */
  deniedReason?: string;
  onClick: () => void;
}

/**
 * A write action, enabled only on an explicit `allow`. Denied actions stay
 * focusable (aria-disabled) so keyboard users can reach the reason.
 */
export function actionButton(options: ActionButtonOptions): TemplateResult {
  const { id, label, decision, busy = false, onClick } = options;
  const enabled = decision === 'allow' && !busy;
  const reason = decision === 'deny'
    ? (options.deniedReason ?? 'You do not have permission')
    : decision === 'pending' ? 'Checking permission…' : '';
  const reasonId = `${id}-reason`;
  return html`<span class="action">
    <button
      id=${id}
      type="button"
      part="action"
      aria-disabled=${enabled ? 'false' : 'true'}
      aria-describedby=${reason ? reasonId : ''}
      @click=${() => enabled && onClick()}
    >
      ${busy ? (options.busyLabel ?? `${label}…`) : label}
    </button>
    ${reason ? html`<span id=${reasonId} class="meta">${reason}</span>` : ''}
  </span>`;
}
