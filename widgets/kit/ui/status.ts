import { html, type TemplateResult } from 'lit';

export const TONES = ['ok', 'warn', 'error', 'progress', 'info', 'unknown'] as const;
export type Tone = (typeof TONES)[number];

/** Each tone has its own shape, so status never depends on colour alone. */
export const TONE_ICONS: Record<Tone, string> = {
  ok: '✓',
  warn: '!',
  error: '✕',
  progress: '↻',
  info: 'i',
  unknown: '?',
};

/** A status pill: icon + text, coloured by tone. `title` carries detail (e.g. a condition message). */
export function statusPill(tone: Tone, label: string, title?: string): TemplateResult {
  return html`<span class="pill tone-${tone}" title=${title ?? label} part="status"
    ><span class="icon" aria-hidden="true">${TONE_ICONS[tone]}</span>${label}</span
  >`;
}
