import { html, type TemplateResult } from 'lit';
import { keysOf } from '../keys.js';

/** Each tone has its own shape, so status never depends on colour alone. */
export const TONE_ICONS = { ok: '✓', warn: '!', error: '✕', progress: '↻', info: 'i', unknown: '?' } as const satisfies Record<string, string>;
export type Tone = keyof typeof TONE_ICONS;
export const TONES = keysOf(TONE_ICONS);

/** A status pill: icon + text, coloured by tone. `title` carries detail (e.g. a condition message). */
export function statusPill(tone: Tone, label: string, title?: string): TemplateResult {
  return html`<span class="pill tone-${tone}" title=${title ?? label} part="status"
    ><span class="icon" aria-hidden="true">${TONE_ICONS[tone]}</span>${label}</span
  >`;
}
