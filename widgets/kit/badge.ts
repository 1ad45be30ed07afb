import { css, html, nothing, type TemplateResult } from 'lit';
import type { WidgetState } from './events.js';
import type { Tone } from './ui/status.js';

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

/** The frame of every badge state; `body` is what the state shows in it. */
export function badgeFrame(view: BadgeView, body: unknown, extra: unknown = nothing): TemplateResult {
  return html`<span
    class="badge"
    part="badge"
    role="group"
    aria-label=${`${view.tool}${view.label ? `: ${view.label}` : ''}`}
    aria-busy=${view.state === 'loading' || view.busy ? 'true' : 'false'}
    data-state=${view.state}
    >${body}${extra}</span
  >`;
}

/** The loading badge; also shown, whatever the state, until the badge's drawing (its own chunk) has loaded. */
export function loadingBadge(view: BadgeView): TemplateResult {
  return badgeFrame(
    { ...view, state: 'loading' },
    html`<span class="badge-tool">${view.tool}</span><span class="skeleton badge-skeleton" role="status"><span class="visually-hidden">Loading ${view.tool} data…</span></span>`,
  );
}

type Draw = (view: BadgeView) => TemplateResult;
let draw: Draw | undefined;
let drawing: Promise<Draw> | undefined;

/**
 * The badge's drawing when it has loaded, else undefined (then `loadBadgeView` loads it): a page
 * of cards never fetches it.
 */
export function badgeView(): Draw | undefined {
  return draw;
}

/** Loads the drawing; if its chunk cannot be fetched, the badge says its state in words instead of loading for ever. */
export function loadBadgeView(): Promise<Draw> {
  drawing ??= import('./badge-view.js').then(
    (module) => (draw = module.renderBadge),
    () => (draw = (view) => badgeFrame(view, html`<span class="badge-tool">${view.tool}</span> ${view.reason ?? view.state}`)),
  );
  return drawing;
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
