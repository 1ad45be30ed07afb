import { css, html, nothing, type TemplateResult } from 'lit';
import type { WidgetState } from './events.js';
import { TONE_ICONS, type Tone } from './ui/status.js';

export const VARIANTS = ['card', 'badge'] as const;
export type Variant = (typeof VARIANTS)[number];

/** One piece of a one-line summary, e.g. `{ tone: 'ok', text: 'Synced' }`. */
export interface BadgePart {
  text: string;
  /** Shown as an icon before the text (never colour alone: the text says it too). */
  tone?: Tone;
  /** Detail for the tooltip, e.g. a condition message. */
  title?: string;
}

/** What a widget's data comes to in one line: the badge, and a line of the service roll-up. */
export interface BadgeSummary {
  parts: readonly BadgePart[];
  /** The line's overall tone; default: the worst tone among the parts, else `info`. */
  tone?: Tone;
}

/** Worst first: the roll-up sorts by this and takes the first as the service's tone. */
export const TONE_ORDER: readonly Tone[] = ['error', 'warn', 'unknown', 'progress', 'info', 'ok'];

export function toneRank(tone: Tone): number {
  return TONE_ORDER.indexOf(tone);
}

export function worstTone(tones: Iterable<Tone>): Tone | undefined {
  let worst: Tone | undefined;
  for (const tone of tones) if (worst === undefined || toneRank(tone) < toneRank(worst)) worst = tone;
  return worst;
}

export function summaryTone(summary: BadgeSummary): Tone {
  return summary.tone ?? worstTone(summary.parts.flatMap((part) => (part.tone ? [part.tone] : []))) ?? 'info';
}

export function summaryText(summary: BadgeSummary): string {
  return summary.parts.map((part) => part.text).join(' · ');
}

/** What the kit knows when it draws a badge. */
export interface BadgeView {
  state: WidgetState;
  tool: string;
  /** What the widget shows, e.g. the application name. */
  label: string;
  href?: string;
  summary?: BadgeSummary;
  /** Degraded: why; not configured: what is missing. */
  reason?: string;
  /** Data shown while the last refresh failed: its age and why. */
  stale?: { age: string; reason: string };
  busy: boolean;
  onRetry: () => void;
}

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
  const label = `${view.tool}${view.label ? `: ${view.label}` : ''}`;
  const frame = (body: unknown, extra: unknown = nothing) => html`<span
    class="badge"
    part="badge"
    role="group"
    aria-label=${label}
    aria-busy=${view.state === 'loading' || view.busy ? 'true' : 'false'}
    data-state=${view.state}
    >${body}${extra}</span
  >`;
  switch (view.state) {
    case 'loading':
      return frame(html`${tool}<span class="skeleton badge-skeleton" role="status"><span class="visually-hidden">Loading ${view.tool} data…</span></span>`);
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

export const badgeStyles = css`
  :host([variant='badge']) {
    display: inline-block;
    max-width: 100%;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    max-width: 100%;
    padding: 1px 8px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    font-size: 13px;
    white-space: nowrap;
  }
  .badge-link {
    color: var(--_fg);
    text-decoration: none;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  a.badge-link:hover .badge-tool,
  a.badge-link:focus-visible .badge-tool {
    text-decoration: underline;
  }
  .badge-tool {
    font-weight: 600;
    color: var(--_accent);
  }
  .badge .icon {
    color: var(--_tone, var(--_muted));
    font-weight: 700;
    margin-right: 3px;
  }
  .badge .sep {
    color: var(--_muted);
  }
  .badge-skeleton {
    display: inline-block;
    width: 10em;
    height: 10px;
    margin: 0;
  }
  .badge-retry {
    padding: 0 6px;
    font-size: 12px;
    line-height: 1.4;
  }
`;
