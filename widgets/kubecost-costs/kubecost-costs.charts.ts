import { html, nothing, svg, type TemplateResult } from 'lit';
import { styleProps } from '../kit/index.js';

export interface Segment {
  key: string;
  label: string;
  share: number;
  /** Text for the segment's label, e.g. "62 %". */
  shareText: string;
}

const WIDTH = 160;
const HEIGHT = 36;
const PAD = 3;

/**
 * A small line of values. `summary` is what a screen reader hears (the line itself is decoration);
 * the sparkline could move to the kit (`ui/sparkline.ts`) for any trend.
 */
export function sparkline(values: readonly number[], summary: string): TemplateResult | typeof nothing {
  if (!values.length) return nothing;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const points = values.map((value, index) => {
    const x = values.length > 1 ? PAD + index * step : WIDTH / 2;
    const y = max === min ? HEIGHT / 2 : HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  });
  const last = points[points.length - 1] ?? [0, 0];
  return html`<svg class="sparkline" part="sparkline" role="img" aria-label=${summary}
    viewBox="0 0 ${WIDTH} ${HEIGHT}" width=${WIDTH} height=${HEIGHT} focusable="false">
    ${points.length > 1
      ? svg`<polyline points=${points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />`
      : nothing}
    ${svg`<circle cx=${last[0]} cy=${last[1]} r="2.5" fill="currentColor" />`}
  </svg>`;
}

/**
 * A horizontal stacked bar. Each segment has its own fill pattern and a text label
 * above it (when wide enough), so no part depends on colour; the table beside it lists every value.
 */
export function stackedBar(segments: readonly Segment[], summary: string): TemplateResult {
  const shown = segments.filter((segment) => segment.share > 0);
  const width = (segment: Segment) => styleProps({ 'flex-grow': String(segment.share), 'flex-basis': '0' });
  return html`<div class="split" part="split" role="img" aria-label=${summary}>
    <div class="split-labels" aria-hidden="true">
      ${shown.map((segment) => html`<span ${width(segment)}>${segment.share >= 0.15 ? `${segment.label} ${segment.shareText}` : ''}</span>`)}
    </div>
    <div class="split-bar" aria-hidden="true">
      ${shown.map((segment) => html`<span class="segment cat-${segment.key}" ${width(segment)} title="${segment.label} ${segment.shareText}"></span>`)}
    </div>
  </div>`;
}

/** The same fill as the segment, beside a table row. */
export function swatch(key: string): TemplateResult {
  return html`<span class="swatch cat-${key}" aria-hidden="true"></span>`;
}
