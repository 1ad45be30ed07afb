import { html, nothing, type TemplateResult } from 'lit';
import { badgeFrame, loadingBadge, summaryText, type BadgeSummary, type BadgeView } from './badge.js';
import { TONE_ICONS, type Tone } from './ui/status.js';

const NEW_TAB = html`<span class="visually-hidden"> (opens in a new tab)</span>`;

function icon(tone: Tone): TemplateResult {
  return html`<span class="icon tone-${tone}" aria-hidden="true">${TONE_ICONS[tone]}</span>`;
}

function parts(summary: BadgeSummary): unknown[] {
  return summary.parts.map(
    (part, index) => html`${index ? html`<span class="sep" aria-hidden="true"> · </span>` : nothing}<span
        class="part"
        title=${part.title ?? nothing}
        >${part.tone ? icon(part.tone) : nothing}${part.text}</span
      >`,
  );
}

function linked(href: string | undefined, title: string, content: unknown): TemplateResult {
  return href
    ? html`<a class="badge-link" href=${href} target="_blank" rel="noopener noreferrer" title=${title}>${content}${NEW_TAB}</a>`
    : html`<span class="badge-link" title=${title}>${content}</span>`;
}

/**
 * The one-line form of every widget: the same five states as the card, with the tool's name,
 * the deep link (one tab stop), the reason as text and tooltip, and stale data marked in words.
 */
export function renderBadge(view: BadgeView): TemplateResult {
  const tool = html`<span class="badge-tool">${view.tool}</span>`;
  const frame = (body: unknown, extra: unknown = nothing) => badgeFrame(view, body, extra);
  switch (view.state) {
    case 'loading':
      return loadingBadge(view);
    case 'not-configured':
      return frame(html`<span class="badge-link" title=${view.reason ?? ''}>${tool} ${icon('unknown')}not configured<span class="visually-hidden">: ${view.reason}</span></span>`);
    case 'degraded': {
      const reason = view.reason ?? '';
      const retry = view.busy
        ? html`<span class="meta" role="status">retrying…</span>`
        : html`<button type="button" class="badge-retry" aria-label=${`Retry ${view.tool}`} title="Retry" @click=${view.onRetry}>↻</button>`;
      return frame(linked(view.href, reason, html`${tool} ${icon('warn')}<span class="reason">${reason}</span>`), retry);
    }
    case 'empty':
    case 'ready': {
      const summary = view.summary ?? { parts: [] };
      const stale = view.stale;
      const title = stale ? `${summaryText(summary)} — stale: data from ${stale.age}; refresh failed: ${stale.reason}` : summaryText(summary);
      const staleMark = stale ? html`<span class="sep" aria-hidden="true"> · </span><span class="badge-stale">${icon('warn')}stale (${stale.age})</span>` : nothing;
      return frame(linked(view.href, title, html`${tool} ${parts(summary)}${staleMark}`));
    }
  }
}
