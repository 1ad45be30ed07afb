import { html, type TemplateResult } from 'lit';

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/**
 * Parses an API timestamp; the Go zero time (`0001-01-01T00:00:00Z`) and junk mean "never".
 * Fractions finer than milliseconds (Vault, Kubernetes write nanoseconds) are cut first.
 */
export function parseTime(value: string | number | Date | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' ? value.replace(/(\.\d{3})\d+/, '$1') : value);
  const time = date.getTime();
  return Number.isNaN(time) || date.getUTCFullYear() <= 1 ? undefined : date;
}

// Building an Intl formatter costs about a millisecond: one per locale, not one per row.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string | undefined, make: () => F): F {
  const key = locale ?? '';
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

export function formatRelative(date: Date, locale?: string, now = Date.now()): string {
  const diff = date.getTime() - now;
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'second');
}

export function formatExact(date: Date, locale?: string): string {
  return cached(exactFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })).format(date);
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** "3 min ago" with the exact time in a tooltip; `never` for missing times. */
export function relativeTime(
  value: string | number | Date | null | undefined,
  locale?: string,
  never = 'never',
): TemplateResult {
  const date = parseTime(value);
  if (!date) return html`<span class="muted">${never}</span>`;
  return html`<time datetime=${date.toISOString()} title=${formatExact(date, locale)}
    >${formatRelative(date, locale)}</time
  >`;
}
