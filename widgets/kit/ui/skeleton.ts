import { html, type TemplateResult } from 'lit';
import { styleProps } from '../style-props.js';

/** Placeholder lines roughly the size of the final card, so nothing jumps when data arrives. */
export function skeleton(lines = 4, label = 'Loading'): TemplateResult {
  const widths = [60, 90, 75, 85, 50, 70];
  return html`<div role="status" aria-live="polite" part="loading">
    <span class="visually-hidden">${label}…</span>
    ${Array.from({ length: lines }, (_, i) => html`<span class="skeleton" ${styleProps({ width: `${widths[i % widths.length]}%` })}></span>`)}
  </div>`;
}
