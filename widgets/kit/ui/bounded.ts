import { html, nothing, type TemplateResult } from 'lit';

/** The most rows a widget draws for one list; the rest is counted, never drawn. */
export const LIST_LIMIT = 100;

export interface Bounded<T> {
  shown: readonly T[];
  /** How many items were left out. */
  more: number;
}

/** The first `limit` items and how many more there are (a tool can return hundreds of thousands). */
export function firstN<T>(items: readonly T[], limit = LIST_LIMIT): Bounded<T> {
  return items.length > limit ? { shown: items.slice(0, limit), more: items.length - limit } : { shown: items, more: 0 };
}

/** "N more — filter to narrow" (or `hint`), said honestly below a cut list; nothing when none was cut. */
export function moreNote(more: number, locale?: string, hint = 'filter to narrow'): TemplateResult | typeof nothing {
  if (more <= 0) return nothing;
  return html`<p class="meta more" role="note" part="more">${more.toLocaleString(locale)} more — ${hint}</p>`;
}
