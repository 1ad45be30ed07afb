import { html, nothing, type TemplateResult } from 'lit';

/** The marker after a link that opens in a new tab: an arrow for the eye, words for a screen reader. */
export const NEW_TAB = html`<span aria-hidden="true"> ↗</span><span class="visually-hidden"> (opens in a new tab)</span>`;

/** A link into a tool's own UI, opened in a new tab; nothing without an address. */
export function externalLink(href: string, label: unknown, className?: string): TemplateResult;
export function externalLink(href: string | undefined, label: unknown, className?: string): TemplateResult | typeof nothing;
export function externalLink(href: string | undefined, label: unknown, className?: string): TemplateResult | typeof nothing {
  if (!href) return nothing;
  return html`<a class=${className ?? nothing} href=${href} target="_blank" rel="noopener noreferrer">${label}${NEW_TAB}</a>`;
}
